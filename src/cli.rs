//! The command line: `kruispunt` (the interactive course; `--plain` line by line,
//! `--facilitator` for a group), `kruispunt outline`, `graph`, `validate`, `schema`,
//! `profiles`, `forget`, `export`, `certificate`, `print`, `report`, `session`, `serve`,
//! `workshop`, `xapi`, `completions`, `man`, and `import twee` and `export twee` (Twine
//! stories).
//!
//! This is the edge of the program: it parses arguments, chooses the interface language,
//! loads the course, prints, and turns every outcome into an exit code:
//!
//! - 0: done (warnings allowed);
//! - 1: the course has errors, or a profile could not be opened or forgotten as things
//!   stand (it is in use by another Kruispunt, it does not exist, or the confirmation was
//!   declined);
//! - 2: wrong arguments (an invalid profile name included), a course directory that cannot
//!   be read, no way to ask for confirmation, no terminal for the interactive course, a
//!   progress file written by a newer Kruispunt, or a file that cannot be read or written.
//!
//! Every sentence printed comes from the Fluent files in `locales/`, in the one language of
//! the run, chosen by [`crate::i18n::resolve_locale`] before anything is printed; a command
//! line clap refuses is told in that language too (`arguments`). Only clap's generated
//! `--help` text stays English.
//!
//! Options go only with the commands they mean something to: `--lang` with all of them,
//! `--plain` and `--facilitator` only with the interactive course, `--course`, `--data-dir`
//! and `--profile` with the commands that read a course, a data directory or a profile.
//! Written before a command's name, they are handed to it (`Cli::resolve`).

mod arguments;
mod certificate;
mod ci_report;
mod command;
mod completions;
mod graph;
mod json;
mod l10n;
mod messages;
mod migrate;
mod new;
mod outline;
mod play;
mod print;
mod profiles;
mod report;
mod serve;
pub mod session;
mod start;
pub mod twee;
mod validate;
mod workshop;
pub mod xapi;
mod xapi_send;

pub use command::Command;
pub use graph::GraphFormat;
pub use new::{NewArgs, NewKind};
pub use play::PlayArgs;
pub use report::{ExportFormat, ReportOutput};
use validate::{Findings, validate, write_text_report};

use crate::course::{
    self, Course, CourseError, CourseSource, Diagnostic, LoadedCourse, Position, Severity,
    ValidateOptions,
};
use crate::i18n::{self, LocaleCoverage};
use crate::msg_args;
use crate::progress::{DEFAULT_PROFILE, ProfileName};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use messages::Ui;
use std::borrow::Cow;
use std::ffi::OsString;
use std::fmt;
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
    /// then the language saved in the profile, then the system locale, then the course's
    /// default locale.
    #[arg(long, global = true, value_name = "LOCALE")]
    pub lang: Option<String>,

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

    /// What to do; without a command, the interactive course starts.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--course DIR`, for the commands that read a course.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct CourseOption {
    /// Use the course in DIR instead of the built-in course.
    #[arg(long = "course", value_name = "DIR")]
    pub course: Option<PathBuf>,
}

impl CourseOption {
    /// The course directory given, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.course.as_deref()
    }
}

/// `--data-dir DIR`, for the commands that read or write progress or session logs.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct DataDirOption {
    /// Keep progress and session logs in DIR. Default: KRUISPUNT_DATA_DIR, then the
    /// platform's data directory.
    #[arg(long = "data-dir", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

impl DataDirOption {
    /// The data directory given, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }
}

/// `--profile NAME`, for the commands that open a learner's progress.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct ProfileOption {
    /// The learner profile: letters, digits, - and _, at most 64 characters. Default:
    /// "default".
    #[arg(long = "profile", value_name = "NAME")]
    pub profile: Option<String>,
}

impl ProfileOption {
    /// The profile name, checked; [`DEFAULT_PROFILE`] when none was given.
    fn name(&self, ui: &Ui) -> Result<ProfileName, Failure> {
        let name = self.profile.as_deref().unwrap_or(DEFAULT_PROFILE);
        ProfileName::new(name).map_err(|e| Failure::usage(ui.error(&e)))
    }
}

impl Cli {
    /// Hands the options written before a command's name to that command (`kruispunt
    /// --data-dir D profiles` is `kruispunt profiles --data-dir D`). An option the command
    /// has no use for is refused, as clap refuses it after the name; so is an option given
    /// on both sides.
    fn resolve(mut self) -> Result<Self, clap::Error> {
        let Some(command) = self.command.as_mut() else {
            return Ok(self);
        };
        let slots = command.slots();
        let mut unused = Vec::new();
        if self.plain {
            unused.push("plain");
        }
        if self.facilitator {
            unused.push("facilitator");
        }
        let course = slots.course.map(|o| &mut o.course);
        hand_over(self.course.course.take(), course, "course", &mut unused)?;
        let data_dir = slots.data_dir.map(|o| &mut o.data_dir);
        hand_over(
            self.data_dir.data_dir.take(),
            data_dir,
            "data_dir",
            &mut unused,
        )?;
        let profile = slots.profile.map(|o| &mut o.profile);
        hand_over(self.profile.profile.take(), profile, "profile", &mut unused)?;
        if unused.is_empty() {
            return Ok(self);
        }
        let mut error = clap::Error::new(ErrorKind::ArgumentConflict).with_cmd(&Cli::command());
        error.insert(
            ContextKind::InvalidSubcommand,
            ContextValue::String(slots.name.to_owned()),
        );
        let unused = unused.into_iter().map(shown_option).collect();
        error.insert(ContextKind::PriorArg, ContextValue::Strings(unused));
        Err(error)
    }

    /// The course directory of this command line, for its default locale.
    fn course_dir(&self) -> Option<&Path> {
        match &self.command {
            None => self.course.dir(),
            Some(Command::Validate { dir: Some(dir), .. }) => Some(dir),
            Some(
                Command::Export {
                    what: Some(twee::ExportCommand::Twee { course, .. }),
                    ..
                }
                | Command::Import {
                    command: twee::ImportCommand::Twee { course, .. },
                },
            ) => course.dir(),
            Some(
                Command::Outline { course, .. }
                | Command::Graph { course, .. }
                | Command::Validate { course, .. }
                | Command::Profiles { course, .. }
                | Command::Forget { course, .. }
                | Command::Export { course, .. }
                | Command::Report { course, .. }
                | Command::Serve(serve::ServeArgs { course, .. })
                | Command::Certificate(certificate::CertificateArgs { course, .. })
                | Command::Print(print::PrintArgs { course, .. })
                | Command::New(new::NewArgs { course, .. })
                | Command::Play(play::PlayArgs { course, .. })
                | Command::L10n {
                    command: l10n::L10nCommand::Status { course, .. },
                }
                | Command::Session {
                    command: session::SessionCommand::Export { course, .. },
                }
                | Command::Xapi {
                    command:
                        xapi::XapiCommand::Export { course, .. }
                        | xapi::XapiCommand::Send { course, .. },
                },
            ) => course.dir(),
            Some(
                Command::Migrate { .. }
                | Command::Workshop { .. }
                | Command::Schema { .. }
                | Command::Completions { .. }
                | Command::Man { .. }
                | Command::Session {
                    command: session::SessionCommand::List { .. },
                }
                | Command::Xapi {
                    command: xapi::XapiCommand::Configure { .. },
                },
            ) => None,
        }
    }
}

/// Gives `before`, an option written before the command's name, to the command's `slot`;
/// the option's id goes to `unused` when the command has no such option.
fn hand_over<T>(
    before: Option<T>,
    slot: Option<&mut Option<T>>,
    id: &'static str,
    unused: &mut Vec<&'static str>,
) -> Result<(), clap::Error> {
    let Some(value) = before else {
        return Ok(());
    };
    match slot {
        None => unused.push(id),
        Some(Some(_)) => {
            // As clap says of an option given twice.
            let shown = shown_option(id);
            let mut error = clap::Error::new(ErrorKind::ArgumentConflict).with_cmd(&Cli::command());
            error.insert(ContextKind::InvalidArg, ContextValue::String(shown.clone()));
            error.insert(ContextKind::PriorArg, ContextValue::String(shown));
            return Err(error);
        }
        Some(slot) => *slot = Some(value),
    }
    Ok(())
}

/// How clap writes the top-level option `id` in its messages: `--profile <NAME>`.
fn shown_option(id: &str) -> String {
    // An argument is shown from its built definition.
    let mut command = Cli::command();
    command.build();
    command
        .get_arguments()
        .find(|arg| arg.get_id() == id)
        .map_or_else(|| format!("--{id}"), ToString::to_string)
}

/// Output format of `outline`, `profiles` and `session list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for people.
    Text,
    /// One JSON document (docs/json.md).
    Json,
}

/// Output format of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    /// One line per problem, then a summary.
    Text,
    /// One JSON document.
    Json,
    /// GitHub Actions workflow annotations (`::error file=…,line=…::message`), then the
    /// summary.
    Github,
    /// A SARIF 2.1.0 log, for code-scanning views.
    Sarif,
}

/// A kind of course file with a JSON Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// `course.json`, the manifest.
    Course,
    /// A file in `lessons/`.
    Lesson,
    /// A file in `scenarios/`.
    Scenario,
}

/// A reason the program stops, already in the interface language, with its exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What went wrong, localized.
    pub message: String,
    /// The exit code: [`EXIT_REFUSED`] or [`EXIT_FAILURE`].
    pub code: u8,
}

impl Failure {
    /// Wrong arguments or an environment the program cannot work in: exit code 2.
    fn usage(message: String) -> Self {
        Self {
            message,
            code: EXIT_FAILURE,
        }
    }

    /// The operation is refused as things stand: exit code 1.
    fn refused(message: String) -> Self {
        Self {
            message,
            code: EXIT_REFUSED,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// Exit code: the course has errors.
const EXIT_COURSE_ERRORS: u8 = 1;
/// Exit code: the operation was refused or declined (profile in use, no such profile).
pub const EXIT_REFUSED: u8 = 1;
/// Exit code: wrong arguments, an unreadable course directory, an I/O failure (as clap's
/// usage errors).
pub const EXIT_FAILURE: u8 = 2;

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
fn run(cli: Cli) -> ExitCode {
    let mut ui = ui_for_run(cli.lang.clone(), cli.course_dir());
    match execute(cli, &mut ui) {
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
fn execute(cli: Cli, ui: &mut Ui) -> Result<ExitCode, Failure> {
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
        Command::Serve(args) => serve::serve(&args, ui),
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
                output: output.as_deref(),
                names,
            },
            ui,
        ),
    }
}

/// Loads the course with [`course::load_course`], the one loader of every command, and
/// makes its default locale the last candidate for the interface language. A course that
/// does not load keeps the default read from its `course.json` by [`execute`].
fn load_course(
    dir: Option<&Path>,
    options: ValidateOptions,
    ui: &mut Ui,
) -> Result<LoadedCourse, CourseError> {
    let loaded = course::load_course(dir, options);
    if let Ok(loaded) = &loaded {
        // Every command then shows course texts as the course orders its languages:
        // the outline, reports and handouts as the session does.
        ui.adopt_course_default(Some(loaded.course.default_locale.as_str()));
        ui.adopt_text_fallback(loaded.course.fallback.clone());
    }
    loaded
}

/// The course a command runs on (the interactive course, facilitator mode, `export`,
/// `report`). A course with errors gives `Ok(None)` once its problems are listed on stderr,
/// as `validate` lists them: there is nowhere else to show them. A directory that cannot be
/// read is a failure.
fn course_for_command(dir: Option<&Path>, ui: &mut Ui) -> Result<Option<Course>, Failure> {
    match load_course(dir, ValidateOptions::default(), ui) {
        Ok(loaded) => Ok(Some(loaded.course)),
        Err(CourseError::Invalid { root, diagnostics }) => {
            ui.show_notice();
            let findings = Findings {
                root: &root,
                diagnostics: &diagnostics,
                course: None,
            };
            // A closed stderr leaves nowhere to report that; the exit code still says it.
            let _ = write_text_report(&mut io::stderr().lock(), &findings, false, ui);
            Ok(None)
        }
        Err(error) => Err(Failure::usage(ui.error(&error))),
    }
}

/// The course when it loads, for commands that only use it for titles, counts and its
/// default locale (`profiles`, `forget`, `session export`): a course that cannot be read or
/// has errors is no reason to refuse them. Shows the notice about an unknown `--lang`.
fn course_if_loads(dir: Option<&Path>, ui: &mut Ui) -> Option<Course> {
    let loaded = load_course(dir, ValidateOptions::default(), ui);
    ui.show_notice();
    loaded.ok().map(|loaded| loaded.course)
}

/// The `default_locale` of the course in `dir` (or the built-in course), read without
/// loading the whole course; `None` when it cannot be read.
fn declared_default_in(dir: Option<&Path>) -> Option<String> {
    match dir {
        None => {
            let builtin = CourseSource::builtin();
            let manifest = builtin.files.iter().find(|f| f.path == "course.json")?;
            default_locale_in_manifest(&manifest.text)
        }
        Some(dir) => {
            // Bounded, and never opening a FIFO or device named course.json.
            let manifest = dir.join("course.json");
            let bytes = course::read_regular_file(&manifest, course::MAX_FILE_BYTES).ok()?;
            default_locale_in_manifest(std::str::from_utf8(&bytes).ok()?)
        }
    }
}

/// The `default_locale` field of a `course.json` text.
fn default_locale_in_manifest(text: &str) -> Option<String> {
    // Loading the course accepts a byte order mark at the start; so does this.
    let text = text.trim_start_matches('\u{FEFF}');
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value.get("default_locale")?.as_str().map(str::to_owned)
}

/// `kruispunt outline`: the outline, or the course's problems when it has errors.
fn show_outline(dir: Option<&Path>, format: Format, ui: &mut Ui) -> Result<ExitCode, Failure> {
    let loaded = load_course(dir, ValidateOptions::default(), ui);
    ui.show_notice();
    let findings = Findings::of(&loaded, ui)?;
    if !findings.diagnostics.is_empty() {
        // Problems go to stderr so that stdout holds only the outline.
        let problems = write_text_report(&mut io::stderr().lock(), &findings, false, ui);
        finish_output(problems, ui)?;
    }
    let Some(course) = findings.course else {
        return Ok(ExitCode::from(EXIT_COURSE_ERRORS));
    };
    match format {
        Format::Text => finish_output(
            outline::write_outline(&mut io::stdout().lock(), course, ui),
            ui,
        )?,
        Format::Json => {
            json::Versioned::new("kruispunt-outline", json::OutlineDocument::of(course, ui))
                .print(ui)?;
        }
    }
    keep_until_exit(loaded);
    Ok(ExitCode::SUCCESS)
}

/// Leaves `value` for the operating system to take back when the process ends, rather than
/// freeing it piece by piece: a large course is millions of allocations, and freeing them
/// was a quarter of the time of loading a 100,000-node course (issue 15). Only for what a
/// command holds until the program exits, once everything is written and flushed: nothing
/// else (no file, lock or terminal) is left undone by not running its destructor.
fn keep_until_exit<T>(value: T) {
    std::mem::forget(value);
}

/// `kruispunt schema KIND`.
fn print_schema(kind: SchemaKind, ui: &Ui) -> Result<ExitCode, Failure> {
    use crate::course::model::{Lesson, Manifest, Scenario};
    let schema = match kind {
        SchemaKind::Course => schemars::schema_for!(Manifest),
        SchemaKind::Lesson => schemars::schema_for!(Lesson),
        SchemaKind::Scenario => schemars::schema_for!(Scenario),
    };
    finish_output(write_json(&mut io::stdout().lock(), &schema), ui)?;
    Ok(ExitCode::SUCCESS)
}

/// Pretty-printed JSON and a final newline.
fn write_json(out: &mut impl Write, document: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, document).map_err(io::Error::from)?;
    writeln!(out)?;
    out.flush()
}

/// Accepts a closed pipe as the reader's choice (`kruispunt schema course | head -1`);
/// any other write failure is an error.
fn finish_output(result: io::Result<()>, ui: &Ui) -> Result<(), Failure> {
    match result {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => {
            let context = ui.msg("error-cannot-write-output", &msg_args!());
            Err(Failure::usage(ui.msg(
                "error-with-cause",
                &msg_args!("error" => context, "cause" => ui.error(&error)),
            )))
        }
        Ok(()) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{LocaleCandidates, UiLocale};

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
        let failure = execute(cli, &mut english()).expect_err("refused");
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
        let failure = execute(cli, &mut ui).expect_err("refused");
        assert_eq!(failure.code, EXIT_FAILURE);
        assert!(failure.message.contains("“a/b”"), "{}", failure.message);
    }
}
