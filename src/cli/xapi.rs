//! `kruispunt xapi export | send | configure`: a profile's (or a workshop's) recorded
//! history as xAPI statements, written to a file for an offline hand-in or sent to a
//! Learning Record Store (see `docs/xapi.md`).

use super::messages::Ui;
use super::profiles::{progress_failure, resolve_dir};
use super::report::{course_or_fail, open_existing};
use super::{CourseOption, DataDirOption, Failure, ProfileOption, finish_output};
use crate::course::checked::Course;
use crate::msg_args;
use crate::progress::{
    CourseStamp, ProfileName, ProfileState, ProfileStore, Progress, write_atomically,
};
use crate::xapi::{self, DEFAULT_HOME_PAGE, SALT_ENV, XapiOptions};
use clap::Subcommand;
use serde_json::Value;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub(super) use super::xapi_send::LrsArgs;

/// `kruispunt xapi …`.
#[derive(Debug, Subcommand)]
pub enum XapiCommand {
    /// Write a profile's history as xAPI 1.0.3 statements, one JSON statement per line
    /// (never the reflections). Exporting twice gives the same statement ids.
    Export {
        /// Write to FILE (private, replaced atomically) instead of the standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// How the statements are made, and whose.
        #[command(flatten)]
        statements: StatementArgs,
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
    /// Send a profile's (or a workshop's) history to a Learning Record Store. What the LRS
    /// does not accept yet waits in an outbox in the data directory for the next send;
    /// nothing is sent twice.
    Send {
        /// How the statements are made, and whose.
        #[command(flatten)]
        statements: StatementArgs,
        /// Which LRS.
        #[command(flatten)]
        lrs: LrsArgs,
        /// The most statements in one request (1 to 500).
        #[arg(long, value_name = "N", default_value_t = xapi::send::DEFAULT_BATCH)]
        batch_size: usize,
        /// How many times a request is tried while the LRS is busy or unreachable, with a
        /// growing wait in between (1 to 10).
        #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=10))]
        attempts: u32,
        /// The course the history was recorded in.
        #[command(flatten)]
        course: CourseOption,
        /// Where the profile (and the outbox) is.
        #[command(flatten)]
        data_dir: DataDirOption,
        /// Which profile.
        #[command(flatten)]
        profile: ProfileOption,
    },
    /// Save the LRS endpoint, user name and password for `send` in a private config file
    /// (merged with what it holds already).
    Configure {
        /// What to save.
        #[command(flatten)]
        lrs: LrsArgs,
    },
}

/// How statements are made, and whose history: a profile's or a workshop's.
#[derive(Debug, Clone, clap::Args)]
pub struct StatementArgs {
    /// The IRI the activity ids start with. Default:
    /// https://kruispunt.invalid/course/COURSE-ID.
    #[arg(long, value_name = "IRI")]
    pub base_iri: Option<String>,
    /// The homePage of the trainee's account in the statements.
    #[arg(long, value_name = "URL", default_value = DEFAULT_HOME_PAGE)]
    pub home_page: String,
    /// Name the trainee by a salted SHA-256 hash of the profile name instead of the name
    /// (the salt comes from KRUISPUNT_XAPI_SALT, at least 16 characters).
    #[arg(long)]
    pub pseudonymise: bool,
    /// Every trainee of the workshop ID that `kruispunt serve` kept, each named by their
    /// display name (instead of --profile).
    #[arg(long, value_name = "ID")]
    pub workshop: Option<String>,
}

impl StatementArgs {
    /// The statement options, the salt read from [`SALT_ENV`] when pseudonymising.
    fn options(&self) -> XapiOptions {
        XapiOptions {
            base_iri: self.base_iri.clone(),
            home_page: self.home_page.clone(),
            salt: self.pseudonymise.then(salt_from_env),
        }
    }
}

/// The statement options of live sending: the defaults, and the salt with
/// `--pseudonymise`.
pub(super) fn live_options(pseudonymise: bool) -> XapiOptions {
    XapiOptions {
        salt: pseudonymise.then(salt_from_env),
        ..XapiOptions::default()
    }
}

/// The salt of `--pseudonymise`, from [`SALT_ENV`] (empty when it is not set: refused).
fn salt_from_env() -> String {
    std::env::var(SALT_ENV).unwrap_or_default()
}

/// Runs `kruispunt xapi …`.
pub(super) fn run(command: XapiCommand, ui: &mut Ui) -> Result<ExitCode, Failure> {
    match command {
        XapiCommand::Export {
            output,
            statements,
            course,
            data_dir,
            profile,
        } => {
            let whose = Whose::of(&statements, &profile, ui)?;
            export(
                &Request {
                    course: course.dir(),
                    data_dir: data_dir.dir(),
                    whose,
                    options: statements.options(),
                },
                output.as_deref(),
                ui,
            )
        }
        XapiCommand::Send {
            statements,
            lrs,
            batch_size,
            attempts,
            course,
            data_dir,
            profile,
        } => {
            let whose = Whose::of(&statements, &profile, ui)?;
            super::xapi_send::send(
                &Request {
                    course: course.dir(),
                    data_dir: data_dir.dir(),
                    whose,
                    options: statements.options(),
                },
                &lrs,
                batch_size,
                attempts,
                ui,
            )
        }
        XapiCommand::Configure { lrs } => super::xapi_send::configure(&lrs, ui),
    }
}

/// Whose history: one profile, or every trainee of a workshop.
pub(super) enum Whose {
    /// `--profile NAME` (or the default profile).
    Profile(ProfileName),
    /// `--workshop ID`.
    Workshop(ProfileName),
}

impl Whose {
    fn of(args: &StatementArgs, profile: &ProfileOption, ui: &Ui) -> Result<Self, Failure> {
        match (&args.workshop, &profile.profile) {
            (Some(_), Some(_)) => Err(Failure::usage(
                ui.msg("xapi-workshop-or-profile", &msg_args!()),
            )),
            // Checked like a profile name: it is a directory name.
            (Some(id), None) => ProfileName::new(id)
                .map(Whose::Workshop)
                .map_err(|e| Failure::usage(ui.error(&e))),
            (None, _) => Ok(Whose::Profile(profile.name(ui)?)),
        }
    }
}

/// What `kruispunt xapi export` or `send` was asked for.
pub(super) struct Request<'a> {
    /// `--course`.
    pub course: Option<&'a Path>,
    /// `--data-dir`.
    pub data_dir: Option<&'a Path>,
    /// `--profile` or `--workshop`.
    pub whose: Whose,
    /// `--base-iri`, `--home-page`, and the salt when `--pseudonymise`.
    pub options: XapiOptions,
}

/// The statements `request` asks for, in course order per trainee (trainees by name).
pub(super) fn statements_of(
    request: &Request<'_>,
    ui: &mut Ui,
) -> Result<(Course, Vec<Value>), Failure> {
    // Refuse wrong options before anything is opened.
    request
        .options
        .check()
        .map_err(|e| Failure::usage(ui.error(&e)))?;
    let course = course_or_fail(request.course, ui)?;
    let made = |progress: &Progress, name: &ProfileName| {
        xapi::statements(&course, progress, name.as_str(), &request.options)
            .map_err(|e| Failure::usage(ui.error(&e)))
    };
    let statements = match &request.whose {
        Whose::Profile(name) => {
            let opened = open_existing(request.data_dir, name, &course, ui)?;
            made(&opened.progress, name)?
        }
        Whose::Workshop(id) => {
            let dir = resolve_dir(request.data_dir, ui)?;
            let trainees = crate::serve::trainees_dir(&dir.path, id);
            if !trainees.is_dir() {
                return Err(Failure::refused(ui.msg(
                    "xapi-no-workshop",
                    &msg_args!("id" => id.as_str(), "dir" => dir.path.display().to_string()),
                )));
            }
            let store = ProfileStore::new(trainees);
            let listed = store.list().map_err(|e| progress_failure(&e, ui))?;
            let mut all = Vec::new();
            for trainee in listed {
                if !matches!(trainee.state, ProfileState::Readable { .. }) {
                    continue;
                }
                let opened = store
                    .open(&trainee.name, &CourseStamp::of(&course))
                    .map_err(|e| progress_failure(&e, ui))?;
                all.extend(made(&opened.progress, &trainee.name)?);
            }
            all
        }
    };
    Ok((course, statements))
}

/// `kruispunt xapi export`.
fn export(request: &Request<'_>, output: Option<&Path>, ui: &mut Ui) -> Result<ExitCode, Failure> {
    let (_, statements) = statements_of(request, ui)?;
    let mut lines = String::new();
    for statement in &statements {
        lines.push_str(&statement.to_string());
        lines.push('\n');
    }
    let Some(path) = output else {
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
    let count = statements.len();
    let file = path.display().to_string();
    let done = match &request.whose {
        _ if request.options.salt.is_some() => ui.msg(
            "xapi-written-pseudonymised",
            &msg_args!("count" => count, "file" => file),
        ),
        Whose::Profile(name) => ui.msg(
            "xapi-written",
            &msg_args!("count" => count, "name" => name.as_str(), "file" => file),
        ),
        Whose::Workshop(id) => ui.msg(
            "xapi-written-workshop",
            &msg_args!("count" => count, "id" => id.as_str(), "file" => file),
        ),
    };
    let _ = writeln!(io::stderr().lock(), "{done}");
    Ok(ExitCode::SUCCESS)
}
