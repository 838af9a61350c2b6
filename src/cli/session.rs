//! Facilitator mode and its session logs: `kruispunt --facilitator` runs the course with a
//! group (no profile is opened: no trainee's progress is read or shown), `kruispunt
//! session list` lists the logs in the data directory, and `kruispunt session export ID
//! --format md|html [-o FILE]` turns one into a handout, in the language the session ran
//! in unless `--lang` is given.

use super::messages::Ui;
use super::profiles::{progress_failure, resolve_dir};
use super::{
    CourseOption, DataDirOption, EXIT_COURSE_ERRORS, Failure, course_for_command, course_if_loads,
    finish_output,
};
use crate::facilitator::{SessionError, SessionId, SessionLog, SessionStore, export};
use crate::i18n::LocaleCandidates;
use crate::msg_args;
use crate::progress::{CourseStamp, Progress, Timestamp};
use crate::tui::{self, RunError, start};
use clap::{Subcommand, ValueEnum};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `kruispunt session …`.
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// List the facilitated sessions in the data directory.
    List {
        /// How to print them: text, or one JSON document (docs/json.md).
        #[arg(long, value_enum, default_value_t = super::Format::Text)]
        format: super::Format,
        /// Where the session logs are.
        #[command(flatten)]
        data_dir: DataDirOption,
    },
    /// Write the handout of a session: what was shown, the votes, the path the group
    /// chose, time per item and the facilitator's notes, in the language the session ran
    /// in (`--lang` chooses another).
    Export {
        /// The session id, as `kruispunt session list` shows it.
        #[arg(value_name = "ID")]
        id: String,
        /// The handout format.
        #[arg(long, value_enum, default_value_t = HandoutFormat::Md)]
        format: HandoutFormat,
        /// Write to FILE instead of the standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The course the session used, for titles and texts.
        #[command(flatten)]
        course: CourseOption,
        /// Where the session logs are.
        #[command(flatten)]
        data_dir: DataDirOption,
    },
}

/// The format of a session handout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HandoutFormat {
    /// Markdown.
    Md,
    /// One self-contained HTML page.
    Html,
}

/// `kruispunt --facilitator`: the course for a group, with a new session log.
pub(super) fn start_facilitator(
    course_dir: Option<&Path>,
    data_dir: Option<&Path>,
    lang: Option<String>,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    let Some(course) = course_for_command(course_dir, ui)? else {
        return Ok(ExitCode::from(EXIT_COURSE_ERRORS));
    };
    if !io::stdout().is_terminal() {
        ui.show_notice();
        return Err(Failure::usage(ui.msg("start-needs-terminal", &msg_args!())));
    }
    let dir = resolve_dir(data_dir, ui)?;
    let store = SessionStore::new(&dir.path);
    let now = Timestamp::now();
    let stamp = CourseStamp::of(&course);
    let options = start::StartOptions {
        candidates: LocaleCandidates::from_environment(lang, None),
        no_color: start::no_color_from_env(),
    };
    // A progress that is never saved: the trainee screens need one, and no trainee's is
    // read.
    let mut app = start::app(course, Progress::new(stamp.clone(), now), &[], &options);
    // The log says the language the session runs in, so the handout is written in it.
    let log = SessionLog::new(SessionId::new(now, salt()), stamp, now)
        .in_language(app.ctx.i18n().current());
    let id = log.id.clone();
    store.save(&log).map_err(|e| progress_failure(&e, ui))?;
    tui::screens::facilitator::enter(&mut app, log, Some(store));
    ui.set_locale(app.ctx.i18n().current());
    ui.show_notice();
    match tui::run(app, None) {
        Ok(()) => {
            let _ = writeln!(
                io::stderr().lock(),
                "{}",
                ui.msg("facilitator-ended", &msg_args!("id" => id.as_str()))
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(RunError::Save(error)) => Err(progress_failure(&error, ui)),
        Err(error @ RunError::Terminal(_)) => Err(Failure::usage(ui.error(&error))),
    }
}

/// Tells apart sessions started in the same second: the clock's nanoseconds and the
/// process id.
fn salt() -> u32 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    nanos ^ std::process::id().rotate_left(16)
}

/// `kruispunt session list`.
pub(super) fn list(
    data_dir: Option<&Path>,
    format: super::Format,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    ui.show_notice();
    let dir = resolve_dir(data_dir, ui)?;
    let store = SessionStore::new(&dir.path);
    let (sessions, problems) = store.list().map_err(|e| session_failure(&e, ui))?;
    if format == super::Format::Json {
        let unreadable = problems.iter().map(|p| ui.error(p)).collect();
        let document = super::json::SessionsDocument::of(store.dir(), &sessions, unreadable);
        super::json::Versioned::new("kruispunt-sessions", document).print(ui)?;
        return Ok(ExitCode::SUCCESS);
    }
    let shown_dir = store.dir().display().to_string();
    let mut out = io::stdout().lock();
    let written = (|| {
        if sessions.is_empty() {
            writeln!(
                out,
                "{}",
                ui.msg(
                    "session-list-empty",
                    &msg_args!("dir" => shown_dir.as_str())
                )
            )?;
        } else {
            writeln!(
                out,
                "{}",
                ui.msg(
                    "session-list-heading",
                    &msg_args!("dir" => shown_dir.as_str())
                )
            )?;
            for session in &sessions {
                let line = ui.msg(
                    "session-list-line",
                    &msg_args!(
                        "id" => session.id.as_str(),
                        "start" => session.started_at,
                        "course" => session.course.as_str(),
                        "votes" => session.votes,
                    ),
                );
                writeln!(out, "  {line}")?;
            }
        }
        out.flush()
    })();
    finish_output(written, ui)?;
    let mut err = io::stderr().lock();
    for problem in &problems {
        let _ = writeln!(
            err,
            "{}",
            ui.msg(
                "session-list-unreadable",
                &msg_args!("reason" => ui.error(problem))
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// What `kruispunt session export` was asked.
pub(super) struct ExportRequest<'a> {
    /// `--course`, for titles and texts.
    pub course: Option<&'a Path>,
    /// `--data-dir`.
    pub data_dir: Option<&'a Path>,
    /// The session id.
    pub id: &'a str,
    /// `--format`.
    pub format: HandoutFormat,
    /// `-o FILE`.
    pub output: Option<&'a Path>,
    /// Whether `--lang` was given: then the handout is in that language, else in the one
    /// the session ran in.
    pub lang_given: bool,
}

/// `kruispunt session export ID`: the handout in the language the session ran in (as its
/// log says), or in the interface language when `--lang` is given or the log does not say.
/// What is said on the terminal stays in the interface language.
pub(super) fn export(request: &ExportRequest<'_>, ui: &mut Ui) -> Result<ExitCode, Failure> {
    // Only for titles: a course that does not load means ids are shown instead.
    let course = course_if_loads(request.course, ui);
    let id = SessionId::parse(request.id).map_err(|e| Failure::usage(ui.error(&e)))?;
    let dir = resolve_dir(request.data_dir, ui)?;
    let store = SessionStore::new(&dir.path);
    let log = store.load(&id).map_err(|e| match e {
        SessionError::NoSuchSession(_) => Failure::refused(ui.msg(
            "session-not-found",
            &msg_args!(
                "id" => id.as_str(),
                "dir" => store.dir().display().to_string(),
            ),
        )),
        other => session_failure(&other, ui),
    })?;
    // Titles only from the course the session used.
    let course = course.filter(|c| CourseStamp::of(c).id == log.course.id);
    let interface = ui.locale();
    let language = match log.ui_language() {
        Some(session) if !request.lang_given => session,
        _ => interface,
    };
    ui.set_locale(language);
    let handout = match request.format {
        HandoutFormat::Md => export::markdown(&log, course.as_ref(), ui.l10n()),
        HandoutFormat::Html => export::html(&log, course.as_ref(), ui.l10n()),
    };
    ui.set_locale(interface);
    match request.output {
        None => {
            let mut out = io::stdout().lock();
            finish_output(
                out.write_all(handout.as_bytes()).and_then(|()| out.flush()),
                ui,
            )?;
        }
        Some(file) => {
            std::fs::write(file, handout.as_bytes()).map_err(|e| {
                Failure::usage(ui.msg(
                    "error-cannot-write-path",
                    &msg_args!("path" => file.display().to_string(), "reason" => ui.error(&e)),
                ))
            })?;
            let _ = writeln!(
                io::stderr().lock(),
                "{}",
                ui.msg(
                    "session-export-written",
                    &msg_args!("file" => file.display().to_string())
                )
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn session_failure(error: &SessionError, ui: &Ui) -> Failure {
    Failure::usage(ui.msg(
        "session-read-failed",
        &msg_args!("reason" => ui.error(error)),
    ))
}
