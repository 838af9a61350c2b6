//! `kruispunt xapi export`: a profile's recorded history as xAPI statements, one per line,
//! for an offline hand-in to a Learning Record Store (see `docs/xapi.md`).

use super::messages::Ui;
use super::report::{course_or_fail, open_existing};
use super::{CourseOption, DataDirOption, Failure, ProfileOption, finish_output};
use crate::msg_args;
use crate::progress::{ProfileName, write_atomically};
use crate::xapi::{self, DEFAULT_HOME_PAGE, SALT_ENV, XapiOptions};
use clap::Subcommand;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `kruispunt xapi …`.
#[derive(Debug, Subcommand)]
pub enum XapiCommand {
    /// Write a profile's history as xAPI 1.0.3 statements, one JSON statement per line
    /// (never the reflections). Exporting twice gives the same statement ids.
    Export {
        /// Write to FILE (private, replaced atomically) instead of the standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The IRI the activity ids start with. Default:
        /// https://kruispunt.invalid/course/COURSE-ID.
        #[arg(long, value_name = "IRI")]
        base_iri: Option<String>,
        /// The homePage of the trainee's account in the statements.
        #[arg(long, value_name = "URL", default_value = DEFAULT_HOME_PAGE)]
        home_page: String,
        /// Name the trainee by a salted SHA-256 hash of the profile name instead of the name
        /// (the salt comes from KRUISPUNT_XAPI_SALT, at least 16 characters).
        #[arg(long)]
        pseudonymise: bool,
        /// The course the history was recorded in.
        #[command(flatten)]
        course: CourseOption,
        /// Where the profile is.
        #[command(flatten)]
        data_dir: DataDirOption,
        /// Which profile.
        #[command(flatten)]
        profile: ProfileOption,
    },
}

/// What `kruispunt xapi export` was asked to do.
pub(super) struct ExportRequest<'a> {
    /// `--course`.
    pub course: Option<&'a Path>,
    /// `--data-dir`.
    pub data_dir: Option<&'a Path>,
    /// `--profile`.
    pub profile: &'a ProfileName,
    /// `-o FILE`; stdout without it.
    pub output: Option<&'a Path>,
    /// `--base-iri`, `--home-page`, and the salt when `--pseudonymise`.
    pub options: XapiOptions,
}

/// The salt of `--pseudonymise`, from [`SALT_ENV`] (empty when it is not set: refused).
pub(super) fn salt_from_env() -> String {
    std::env::var(SALT_ENV).unwrap_or_default()
}

/// `kruispunt xapi export`.
pub(super) fn export(request: &ExportRequest<'_>, ui: &mut Ui) -> Result<ExitCode, Failure> {
    // Refuse wrong options before anything is opened.
    request
        .options
        .check()
        .map_err(|e| Failure::usage(ui.error(&e)))?;
    let course = course_or_fail(request.course, ui)?;
    let name = request.profile;
    let opened = open_existing(request.data_dir, name, &course, ui)?;
    let lines = xapi::to_json_lines(&course, &opened.progress, name.as_str(), &request.options)
        .map_err(|e| Failure::usage(ui.error(&e)))?;
    drop(opened);
    let Some(path) = request.output else {
        let mut out = io::stdout().lock();
        finish_output(
            out.write_all(lines.as_bytes()).and_then(|()| out.flush()),
            ui,
        )?;
        return Ok(ExitCode::SUCCESS);
    };
    write_atomically(path, lines.as_bytes()).map_err(|e| {
        Failure::usage(ui.msg(
            "report-cannot-write",
            &msg_args!("file" => path.display().to_string(), "reason" => ui.error(&e)),
        ))
    })?;
    let count = lines.lines().count();
    let done = if request.options.salt.is_some() {
        ui.msg(
            "xapi-written-pseudonymised",
            &msg_args!("count" => count, "file" => path.display().to_string()),
        )
    } else {
        ui.msg(
            "xapi-written",
            &msg_args!("count" => count, "name" => name.as_str(), "file" => path.display().to_string()),
        )
    };
    let _ = writeln!(io::stderr().lock(), "{done}");
    Ok(ExitCode::SUCCESS)
}
