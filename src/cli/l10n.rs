//! `kruispunt l10n status [--course DIR] [--since REV]`: per locale, the texts missing,
//! identical to the default locale, and (with `--since`) changed in the default locale since
//! REV while their translation was not. Older versions are read with `git show`.

use super::*;
use crate::i18n::status::{FoundText, LocaleStatus, TextPlace, status, texts_in};
use std::collections::BTreeMap;
use std::process::Command as Process;

/// What `kruispunt l10n` does.
#[derive(Debug, Subcommand)]
pub enum L10nCommand {
    /// Per locale: texts missing, identical to the default locale (probably untranslated;
    /// texts of fewer than three words are not counted), and with --since REV, texts whose
    /// default-locale string changed since REV while the translation did not.
    Status {
        /// Compare with the course files at this git revision (a commit, tag or branch).
        #[arg(long, value_name = "GIT_REV")]
        since: Option<String>,
        /// How to print the status.
        #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
        format: StatusFormat,
        /// The course.
        #[command(flatten)]
        course: CourseOption,
    },
}

/// Output format of `l10n status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// A summary line per locale, then the texts, one per line.
    Text,
    /// One JSON document.
    Json,
}

/// The `--format json` document.
#[derive(serde::Serialize)]
struct StatusReport<'a> {
    default_locale: &'a str,
    since: Option<&'a str>,
    locales: &'a [LocaleStatus],
}

/// `kruispunt l10n status`.
pub(super) fn run(
    dir: Option<&Path>,
    since: Option<&str>,
    format: StatusFormat,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    ui.show_notice();
    let source = match dir {
        None => CourseSource::builtin(),
        Some(dir) => CourseSource::from_dir(dir).map_err(|e| Failure::usage(ui.error(&e)))?,
    };
    let json_of = |text: &str| {
        serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{FEFF}')).ok()
    };
    let manifest = source
        .files
        .iter()
        .find(|f| f.path == "course.json")
        .and_then(|f| json_of(&f.text));
    let (locales, default) = manifest
        .as_ref()
        .and_then(|m| {
            let locales: Vec<String> = m
                .get("locales")?
                .as_array()?
                .iter()
                .filter_map(|l| l.as_str().map(str::to_owned))
                .collect();
            Some((locales, m.get("default_locale")?.as_str()?.to_owned()))
        })
        .ok_or_else(|| {
            Failure::usage(ui.msg(
                "error-cannot-read-course",
                &msg_args!("dir" => dir.map_or_else(|| "course".to_owned(), |d| d.display().to_string())),
            ))
        })?;
    let files: Vec<(String, Vec<FoundText>)> = source
        .files
        .iter()
        .filter_map(|f| Some((f.path.clone(), texts_in(&json_of(&f.text)?, &locales))))
        .collect();
    let older = match since {
        None => None,
        Some(rev) => {
            let Some(dir) = dir else {
                return Err(Failure::usage(
                    ui.msg("l10n-since-needs-course", &msg_args!()),
                ));
            };
            Some(older_texts(dir, rev, &files, &locales, ui)?)
        }
    };
    let statuses = status(&files, older.as_ref(), &locales, &default);
    let mut out = io::stdout().lock();
    let written = match format {
        StatusFormat::Json => write_json(
            &mut out,
            &StatusReport {
                default_locale: &default,
                since,
                locales: &statuses,
            },
        ),
        StatusFormat::Text => write_text(&mut out, &statuses, &default, since, ui),
    };
    finish_output(written, ui)?;
    Ok(ExitCode::SUCCESS)
}

fn write_text(
    out: &mut impl Write,
    statuses: &[LocaleStatus],
    default: &str,
    since: Option<&str>,
    ui: &Ui,
) -> io::Result<()> {
    use i18n::display::escape;
    for status in statuses {
        writeln!(
            out,
            "{}",
            escape(&ui.msg(
                if since.is_some() {
                    "l10n-status-summary-since"
                } else {
                    "l10n-status-summary"
                },
                &msg_args!(
                    "locale" => status.locale.as_str(),
                    "default" => default,
                    "missing" => status.missing.len(),
                    "identical" => status.identical.len(),
                    "stale" => status.stale.len(),
                    "since" => since.unwrap_or_default(),
                ),
            ))
        )?;
        for (kind, places) in [
            ("missing", &status.missing),
            ("identical", &status.identical),
            ("stale", &status.stale),
        ] {
            for TextPlace { file, path } in places {
                let line = ui.msg(
                    "l10n-status-text",
                    &msg_args!("kind" => kind, "file" => file.as_str(), "path" => path.as_str()),
                );
                writeln!(out, "  {}", escape(&line))?;
            }
        }
    }
    out.flush()
}

/// The texts of every file at `rev`, read with `git show` in the course's repository; a
/// file that did not exist then has none.
fn older_texts(
    dir: &Path,
    rev: &str,
    files: &[(String, Vec<FoundText>)],
    locales: &[String],
    ui: &Ui,
) -> Result<BTreeMap<String, Vec<FoundText>>, Failure> {
    let git = |args: &[&str]| Process::new("git").arg("-C").arg(dir).args(args).output();
    let shown_dir = dir.display().to_string();
    match git(&["rev-parse", "--is-inside-work-tree"]) {
        Ok(output) if output.status.success() => {}
        Ok(_) => {
            return Err(Failure::usage(
                ui.msg("l10n-not-a-git-repository", &msg_args!("dir" => shown_dir)),
            ));
        }
        Err(error) => {
            return Err(Failure::usage(
                ui.msg("l10n-git-failed", &msg_args!("reason" => ui.error(&error))),
            ));
        }
    }
    let verify = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &format!("{rev}^{{commit}}"),
    ]);
    if !verify.as_ref().is_ok_and(|o| o.status.success()) {
        return Err(Failure::usage(ui.msg(
            "l10n-unknown-revision",
            &msg_args!("rev" => i18n::display::escape(rev).into_owned(), "dir" => shown_dir),
        )));
    }
    let mut older = BTreeMap::new();
    for (file, _) in files {
        // `REV:./path` is relative to the directory git runs in: the course directory.
        let Ok(output) = git(&["show", &format!("{rev}:./{file}")]) else {
            continue;
        };
        if !output.status.success() {
            continue;
        }
        let text = String::from_utf8_lossy(&output.stdout);
        if let Ok(value) =
            serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{FEFF}'))
        {
            older.insert(file.clone(), texts_in(&value, locales));
        }
    }
    Ok(older)
}
