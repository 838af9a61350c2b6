//! The command line: `kruispunt` (the interactive course; `--plain` line by line,
//! `--facilitator` for a group), `kruispunt outline`, `graph`, `validate`, `schema`,
//! `profiles`, `forget`, `export`, `certificate`, `print`, `report`, `session`, `serve`,
//! `workshop`, `xapi`, `config`, `completions`, `man`, and `import twee` and `export twee`
//! (Twine stories).
//!
//! This is the edge of the program: it parses arguments, chooses the interface language,
//! loads the course, prints, and turns every outcome into an exit code:
//!
//! - 0: done (warnings allowed);
//! - 1: the course has errors, or a profile could not be opened or forgotten as things
//!   stand (it is in use by another Kruispunt, it does not exist, or the confirmation was
//!   declined);
//! - 2: wrong arguments (an invalid profile name included), a config file that is missing
//!   (when named) or wrong, a course directory that cannot be read, no way to ask for
//!   confirmation, no terminal for the interactive course, a progress file written by a
//!   newer Kruispunt, or a file that cannot be read or written.
//!
//! Every sentence printed comes from the Fluent files in `locales/`, in the one language of
//! the run, chosen by [`crate::i18n::resolve_locale`] before anything is printed; a command
//! line clap refuses is told in that language too (`arguments`). Only clap's generated
//! `--help` text stays English.
//!
//! Options go only with the commands they mean something to: `--lang` with all of them,
//! `--plain` and `--facilitator` only with the interactive course, `--course`, `--data-dir`
//! and `--profile` with the commands that read a course, a data directory or a profile.
//! Written before a command's name, they are handed to it (`Cli::resolve`). What the
//! command line leaves out, `KRUISPUNT_COURSE` and the config file (`--config`, like
//! `--lang` accepted by every command) may give: `settings` hands it to the command as if
//! it were its options, in the order of [`crate::config::resolve`].

mod arguments;
mod certificate;
mod ci_report;
mod command;
mod completions;
mod failure;
mod graph;
mod json;
mod l10n;
mod loading;
mod messages;
mod migrate;
mod new;
mod options;
mod outline;
mod output;
mod play;
mod print;
mod profiles;
mod report;
mod serve;
pub mod session;
mod settings;
mod start;
pub mod twee;
mod validate;
mod workshop;
pub mod xapi;
mod xapi_send;

pub use command::Command;
use failure::EXIT_COURSE_ERRORS;
pub use failure::{EXIT_FAILURE, EXIT_REFUSED, Failure};
pub use graph::GraphFormat;
use loading::{
    course_for_command, course_if_loads, declared_default_in, default_locale_in_manifest,
    keep_until_exit, load_course,
};
pub use new::{NewArgs, NewKind};
pub use options::{CourseOption, DataDirOption, Format, ProfileOption, SchemaKind, ValidateFormat};
use outline::show_outline;
use output::{finish_output, print_schema, write_json};
pub use play::PlayArgs;
pub use report::{CsvLayout, ExportFormat, ReportOutput};
use validate::{Findings, validate};

use crate::course::{
    self, Course, CourseError, CourseSource, Diagnostic, LoadedCourse, Position, Severity,
    ValidateOptions,
};
use crate::i18n::{self, LocaleCoverage};
use crate::msg_args;
use clap::{Parser, Subcommand, ValueEnum};
use messages::Ui;
use std::borrow::Cow;
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Kruispunt: a terminal training course on supporting LGBTQIA+ people with a migration
/// background.
///
/// Without a command, starts the interactive course in the terminal.
#[derive(Debug, Parser)]
#[command(name = "kruispunt", version)]
pub struct Cli {
    /// Interface language: nl, en or fr (also nl_BE.UTF-8, fr-BE…). Default: KRUISPUNT_LANG,
    /// then `lang` in the config file, then the language saved in the profile, then the
    /// system locale, then the course's default locale.
    #[arg(long, global = true, value_name = "LOCALE")]
    pub lang: Option<String>,

    /// Read the settings from FILE instead of kruispunt.toml in the platform's config
    /// directory. Default: KRUISPUNT_CONFIG, then that file (which need not exist).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The course to run.
    #[command(flatten)]
    pub course: CourseOption,

    /// Where progress and session logs are kept.
    #[command(flatten)]
    pub data_dir: DataDirOption,

    /// Whose progress.
    #[command(flatten)]
    pub profile: ProfileOption,

    /// Run the course with a group: every item opens directly, facilitator notes, group
    /// votes, a discussion timer and a session log (no learner profile is opened).
    #[arg(long, conflicts_with = "profile")]
    pub facilitator: bool,

    /// Run the course as a line-by-line conversation on standard input and output: for
    /// screen readers, slow connections and scripts (no cursor movement, no colour).
    #[arg(long)]
    pub plain: bool,

    /// Send learning records (xAPI statements) to an LRS while the course runs, in the
    /// background: the LRS of `kruispunt xapi configure` or KRUISPUNT_LRS_*. What cannot be
    /// sent waits for `kruispunt xapi send` (see docs/xapi.md). Also `serve --lrs`.
    #[arg(long, conflicts_with = "facilitator")]
    pub lrs: bool,

    /// With --lrs: name the trainee in the learning records by a salted SHA-256 hash of the
    /// profile name instead of the name (the salt comes from KRUISPUNT_XAPI_SALT, at least
    /// 16 characters), as `kruispunt xapi send --pseudonymise` does.
    #[arg(long, requires = "lrs")]
    pub pseudonymise: bool,

    /// What to do; without a command, the interactive course starts.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Runs the program with the process arguments and returns its exit code.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    match Cli::try_parse_from(&args).and_then(Cli::resolve) {
        Ok(cli) => run(cli),
        Err(error) => arguments::refused(&error, &args),
    }
}

/// Runs a parsed and [resolved](Cli::resolve) command line: chooses the interface language,
/// does the command, and prints the reason when it stops.
fn run(mut cli: Cli) -> ExitCode {
    let settled = match settings::settle(&mut cli) {
        Ok(settled) => settled,
        Err(error) => return settings::refused(&error, cli.lang),
    };
    let mut ui = ui_for_run(cli.lang.clone(), cli.course_dir());
    match execute(cli, &settled, &mut ui) {
        Ok(code) => code,
        Err(failure) => {
            ui.show_notice();
            // stderr may be closed too; there is nowhere left to report that.
            let _ = writeln!(io::stderr().lock(), "{}", ui.fatal(&failure.message));
            ExitCode::from(failure.code)
        }
    }
}

/// The interface language of one run, chosen once, before anything is printed (a refused
/// command line included), by [`i18n::resolve_locale`]: `--lang`, `KRUISPUNT_LANG`, the
/// system locale, then the default locale of the course in `course_dir` (or of the
/// built-in course). Only the interactive course may change it afterwards, to the
/// language saved in the learner's profile.
fn ui_for_run(lang: Option<String>, course_dir: Option<&Path>) -> Ui {
    let mut ui = Ui::from_environment(lang);
    ui.adopt_course_default(declared_default_in(course_dir).as_deref());
    ui
}

/// Does the command. Problems in the course are reported on the output and reflected in the
/// exit code; a [`Failure`] is what the program cannot get past.
fn execute(cli: Cli, settled: &settings::Settled, ui: &mut Ui) -> Result<ExitCode, Failure> {
    let Some(command) = cli.command else {
        if cli.facilitator && cli.plain {
            return Err(Failure::usage(ui.msg("facilitator-no-plain", &msg_args!())));
        }
        if cli.facilitator {
            return session::start_facilitator(cli.course.dir(), cli.data_dir.dir(), cli.lang, ui);
        }
        let profile = cli.profile.name(ui)?;
        return start::start(
            start::StartRequest {
                course: cli.course.dir(),
                data_dir: cli.data_dir.dir(),
                profile: &profile,
                lang: cli.lang,
                plain: cli.plain,
                lrs: cli.lrs,
                lrs_endpoint: settled.file.values.lrs_endpoint.as_deref(),
                pseudonymise: cli.pseudonymise,
            },
            ui,
        );
    };
    match command {
        Command::Session {
            command: session::SessionCommand::List { format, data_dir },
        } => session::list(data_dir.dir(), format, ui),
        Command::Session {
            command:
                session::SessionCommand::Export {
                    id,
                    format,
                    output,
                    course,
                    data_dir,
                },
        } => session::export(
            &session::ExportRequest {
                course: course.dir(),
                data_dir: data_dir.dir(),
                id: &id,
                format,
                output: output.as_deref(),
                lang_given: cli.lang.is_some(),
            },
            ui,
        ),
        Command::Serve(args) => {
            serve::serve(&args, settled.file.values.lrs_endpoint.as_deref(), ui)
        }
        Command::Certificate(args) => certificate::certificate(&args, cli.lang, ui),
        Command::Print(args) => print::print(&args, ui),
        Command::Workshop {
            command: workshop::WorkshopCommand::Forget { id, yes, data_dir },
        } => workshop::forget(&id, yes, data_dir.dir(), ui),
        Command::Outline { format, course } => show_outline(course.dir(), format, ui),
        Command::Graph {
            scenario,
            format,
            output,
            course,
        } => graph::graph(
            &graph::GraphRequest {
                scenario: &scenario,
                format,
                output: output.as_deref(),
                course: course.dir(),
            },
            ui,
        ),
        Command::Migrate { dir, dry_run } => migrate::run(&dir, dry_run, ui),
        Command::New(args) => new::new_item(&args, ui),
        Command::Play(args) => play::play(&args, cli.lang, ui),
        Command::L10n {
            command:
                l10n::L10nCommand::Status {
                    since,
                    format,
                    course,
                },
        } => l10n::run(course.dir(), since.as_deref(), format, ui),
        Command::Validate {
            dir,
            strict,
            format,
            watch,
            course,
        } => {
            let dir = match (dir, course.course) {
                (Some(positional), Some(option)) if positional != option => {
                    return Err(Failure::usage(ui.msg(
                        "error-two-course-dirs",
                        &msg_args!(
                            "positional" => positional.display().to_string(),
                            "option" => option.display().to_string(),
                        ),
                    )));
                }
                (positional, option) => positional.or(option),
            };
            if watch {
                validate::watch(dir.as_deref(), ValidateOptions { strict }, format, ui)
            } else {
                validate(dir.as_deref(), ValidateOptions { strict }, format, ui)
            }
        }
        Command::Config {
            command: settings::ConfigCommand::Path,
        } => settings::path(settled, ui),
        Command::Config {
            command: settings::ConfigCommand::Show { format, .. },
        } => settings::show(settled, format, ui),
        Command::Completions { shell } => completions::completions(shell, ui),
        Command::Man { output } => completions::man(output.as_deref(), ui),
        Command::Schema { kind } => {
            ui.show_notice();
            print_schema(kind, ui)
        }
        Command::Profiles {
            format,
            course,
            data_dir,
        } => profiles::list(data_dir.dir(), course.dir(), format, ui),
        Command::Forget {
            yes,
            course,
            data_dir,
            profile,
        } => profiles::forget(
            &profiles::ForgetRequest {
                data_dir: data_dir.dir(),
                course: course.dir(),
                profile: &profile.name(ui)?,
                confirmed: yes,
            },
            ui,
        ),
        Command::Import { command } => twee::import(command, cli.lang, ui),
        Command::Export {
            what: Some(command),
            ..
        } => twee::export(command, cli.lang, ui),
        Command::Export {
            what: None,
            format: ExportFormat::Json,
            output,
            include_reflections,
            course,
            data_dir,
            profile,
        } => report::export(
            &report::ExportRequest {
                course: course.dir(),
                data_dir: data_dir.dir(),
                profile: &profile.name(ui)?,
                output: output.as_deref(),
                include_reflections,
            },
            ui,
        ),
        Command::Xapi { command } => xapi::run(command, ui),
        Command::Report {
            files,
            workshop,
            data_dir,
            format,
            csv_delimiter,
            layout,
            output,
            names,
            course,
        } => report::report(
            &report::ReportRequest {
                course: course.dir(),
                files: &files,
                workshop: workshop.as_deref(),
                data_dir: data_dir.dir(),
                format,
                csv_delimiter: csv_delimiter.as_deref(),
                configured_delimiter: settled.file.values.csv_delimiter,
                layout,
                output: output.as_deref(),
                names,
            },
            ui,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{LocaleCandidates, UiLocale};
    use clap::CommandFactory;
    use clap::error::ErrorKind;

    fn english() -> Ui {
        Ui::new(LocaleCandidates {
            flag: Some("en".into()),
            ..LocaleCandidates::default()
        })
    }

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once(&"kruispunt").chain(args)).and_then(Cli::resolve)
    }

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn options_are_accepted_before_and_after_the_command_that_has_them() {
        let cli = parse(&["validate", "--course", "x", "--strict", "--lang", "fr"])
            .expect("valid arguments");
        assert_eq!(cli.course_dir(), Some(Path::new("x")));
        assert_eq!(cli.lang.as_deref(), Some("fr"));
        assert!(matches!(
            cli.command,
            Some(Command::Validate { strict: true, .. })
        ));
        let before = parse(&["--course", "x", "--lang", "fr", "validate", "--strict"])
            .expect("valid arguments");
        assert_eq!(before.course_dir(), Some(Path::new("x")));
        assert_eq!(before.lang.as_deref(), Some("fr"));
        assert_eq!(before.course, CourseOption::default());
        let certificate =
            parse(&["--profile", "anna", "--course", "x", "certificate"]).expect("valid arguments");
        assert_eq!(certificate.course_dir(), Some(Path::new("x")));
        let Some(Command::Certificate(args)) = &certificate.command else {
            panic!("certificate: {certificate:?}");
        };
        assert_eq!(args.profile.profile.as_deref(), Some("anna"));
        for args in [
            ["forget", "--profile", "anna", "--yes"],
            ["--profile", "anna", "forget", "--yes"],
        ] {
            let cli = parse(&args).expect("valid arguments");
            let Some(Command::Forget {
                yes: true, profile, ..
            }) = &cli.command
            else {
                panic!("forget: {cli:?}");
            };
            assert_eq!(profile.profile.as_deref(), Some("anna"));
        }
    }

    #[test]
    fn options_a_command_has_no_use_for_are_refused() {
        for args in [
            &["--plain", "outline"][..],
            &["--facilitator", "profiles"],
            &["--profile", "anna", "report", "x.json"],
            &["--profile", "anna", "print"],
            &["--data-dir", "d", "print"],
            &["--data-dir", "d", "validate"],
            &["--course", "c", "session", "list"],
            &["--course", "c", "migrate", "c"],
        ] {
            let error = parse(args).expect_err("refused");
            assert_eq!(error.kind(), ErrorKind::ArgumentConflict, "{args:?}");
        }
        let error = parse(&["--course", "a", "outline", "--course", "b"]).expect_err("twice");
        assert_eq!(error.kind(), ErrorKind::ArgumentConflict);
    }

    #[test]
    fn two_different_course_dirs_are_refused() {
        let cli = parse(&["validate", "a", "--course", "b"]).expect("valid arguments");
        let failure =
            execute(cli, &settings::Settled::default(), &mut english()).expect_err("refused");
        assert_eq!(failure.code, EXIT_FAILURE);
        assert!(failure.message.starts_with("two course directories"));
    }

    #[test]
    fn an_invalid_profile_name_is_a_usage_error_in_the_chosen_language() {
        let cli = parse(&["--profile", "a/b", "forget", "--yes"]).expect("valid arguments");
        let mut ui = Ui::new(LocaleCandidates {
            flag: Some("nl".into()),
            ..LocaleCandidates::default()
        });
        assert_eq!(ui.locale(), UiLocale::Nl);
        let failure = execute(cli, &settings::Settled::default(), &mut ui).expect_err("refused");
        assert_eq!(failure.code, EXIT_FAILURE);
        assert!(failure.message.contains("“a/b”"), "{}", failure.message);
    }
}
