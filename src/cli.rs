//! The command line: `kruispunt` (the interactive course; `--plain` line by line,
//! `--facilitator` for a group), `kruispunt outline`, `validate`, `schema`, `profiles`,
//! `forget`, `export`, `report` and `session`.
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
//! Every sentence printed comes from the Fluent files in `locales/`, in the language chosen
//! by [`crate::i18n::resolve_locale`]; clap's generated `--help` text stays English.

mod messages;
mod migrate;
mod outline;
mod profiles;
mod report;
pub mod session;
mod start;

pub use report::{ExportFormat, ReportOutput};

use crate::course::{
    self, Course, CourseError, CourseSource, Diagnostic, LoadedCourse, Position, Severity,
    ValidateOptions,
};
use crate::i18n::{self, LocaleCoverage};
use crate::msg_args;
use crate::progress::{DEFAULT_PROFILE, ProfileName};
use clap::{Parser, Subcommand, ValueEnum};
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
    /// Use the course in DIR instead of the built-in course.
    #[arg(long, global = true, value_name = "DIR")]
    pub course: Option<PathBuf>,

    /// Interface language: nl, en or fr (also nl_BE.UTF-8, fr-BE…). Default: KRUISPUNT_LANG,
    /// then the language saved in the profile, then the system locale, then the course's
    /// default locale.
    #[arg(long, global = true, value_name = "LOCALE")]
    pub lang: Option<String>,

    /// Keep progress in DIR. Default: KRUISPUNT_DATA_DIR, then the platform's data directory.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// The learner profile: letters, digits, - and _, at most 64 characters.
    #[arg(long, global = true, value_name = "NAME", default_value = DEFAULT_PROFILE)]
    pub profile: String,

    /// Run the course with a group: every item opens directly, facilitator notes, group
    /// votes, a discussion timer and a session log (no learner profile is opened).
    #[arg(long, global = true)]
    pub facilitator: bool,

    /// Run the course as a line-by-line conversation on standard input and output: for
    /// screen readers, slow connections and scripts (no cursor movement, no colour).
    #[arg(long, global = true)]
    pub plain: bool,

    /// What to do; without a command, the interactive course starts.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the course outline: modules, lessons and scenarios with their estimated time.
    Outline,
    /// Check a course and report every problem as FILE:LINE:COL: error[CODE]: message,
    /// then the translation coverage per locale.
    Validate {
        /// The course directory (default: the built-in course).
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Rewrite a course's files to the current format version, keeping their formatting,
    /// and list every change (inferred choice qualities and thinkers are to be reviewed).
    Migrate {
        /// The course directory.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Only list the changes; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Print the JSON Schema of a course file.
    Schema {
        /// Which file.
        #[arg(value_enum)]
        file: SchemaFile,
    },
    /// List the learner profiles in the data directory with their progress.
    Profiles,
    /// Delete every file of a profile (chosen with --profile), after confirmation.
    Forget {
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// The logs of facilitated sessions (`kruispunt --facilitator`): list, export.
    Session {
        /// What to do with them.
        #[command(subcommand)]
        command: session::SessionCommand,
    },
    /// Write the results of a profile (chosen with --profile) for the facilitator, without
    /// reflections unless --include-reflections.
    Export {
        /// The export format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to FILE instead of the standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Include the reflections the trainee wrote.
        #[arg(long)]
        include_reflections: bool,
    },
    /// Make a group report from trainees' exports: completion, quizzes, choices and their
    /// quality, endings, competencies shown and breached, the group's turning points. Exit
    /// code 1 when a file was skipped.
    Report {
        /// The export files.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// The report format.
        #[arg(long, value_enum, default_value_t = ReportOutput::Md)]
        format: ReportOutput,
        /// Write to FILE instead of the standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Show profile names instead of numbering the trainees.
        #[arg(long)]
        names: bool,
    },
}

/// Output format of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line per problem, then a summary.
    Text,
    /// One JSON document.
    Json,
}

/// A course file kind with a JSON Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFile {
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
    match Cli::try_parse() {
        Ok(cli) => run(cli),
        Err(error) => usage_error(&error),
    }
}

/// Runs a parsed command line: chooses the interface language, does the command, and
/// prints the reason when it stops.
pub fn run(cli: Cli) -> ExitCode {
    let mut ui = Ui::from_environment(cli.lang.clone());
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

/// A command line clap refused (or `--help` / `--version`, which clap prints itself).
fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let code = u8::try_from(error.exit_code()).unwrap_or(EXIT_FAILURE);
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        // A closed pipe (`kruispunt --help | head -1`) is the reader's choice; any other
        // failure to write the help (a full disk) is an error, or a script would take an
        // empty file for the help.
        let printed = error.print().and_then(|()| io::stdout().lock().flush());
        let ui = Ui::from_environment(lang_in_args(std::env::args_os().skip(1)));
        return match finish_output(printed, &ui) {
            Ok(()) => ExitCode::from(code),
            Err(failure) => {
                let _ = writeln!(io::stderr().lock(), "{}", ui.fatal(&failure.message));
                ExitCode::from(failure.code)
            }
        };
    }
    let mut ui = Ui::from_environment(lang_in_args(std::env::args_os().skip(1)));
    ui.show_notice();
    // clap's own description of the mistake (in English) inside our localized frame.
    let rendered = error.render().to_string();
    let detail = rendered
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_owned();
    let mut err = io::stderr().lock();
    let message = ui.msg("error-bad-argument", &msg_args!("detail" => detail));
    let _ = writeln!(err, "{}", ui.fatal(&message));
    let _ = writeln!(err, "{}", ui.msg("error-usage-hint", &msg_args!()));
    ExitCode::from(code)
}

/// The value of `--lang` in arguments clap refused, so the refusal is in that language.
fn lang_in_args(args: impl IntoIterator<Item = OsString>) -> Option<String> {
    let mut args = args.into_iter();
    let mut found = None;
    while let Some(arg) = args.next() {
        let arg = arg.to_string_lossy().into_owned();
        if arg == "--" {
            break;
        } else if arg == "--lang" {
            found = args.next().map(|v| v.to_string_lossy().into_owned());
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            found = Some(value.to_owned());
        }
    }
    found
}

/// Does the command. Problems in the course are reported on the output and reflected in the
/// exit code; a [`Failure`] is what the program cannot get past.
fn execute(cli: Cli, ui: &mut Ui) -> Result<ExitCode, Failure> {
    // The course's default locale counts for the language of errors found before the course
    // is loaded (an invalid profile name); loading it adopts the same value again.
    let course_dir = match &cli.command {
        Some(Command::Validate { dir: Some(dir), .. }) => Some(dir.as_path()),
        _ => cli.course.as_deref(),
    };
    ui.adopt_course_default(declared_default_in(course_dir).as_deref());
    let profile = ProfileName::new(&cli.profile).map_err(|e| Failure::usage(ui.error(&e)))?;
    match cli.command {
        None if cli.facilitator => {
            session::start_facilitator(cli.course.as_deref(), cli.data_dir.as_deref(), cli.lang, ui)
        }
        Some(Command::Session {
            command: session::SessionCommand::List,
        }) => session::list(cli.data_dir.as_deref(), ui),
        Some(Command::Session {
            command: session::SessionCommand::Export { id, format, output },
        }) => session::export(
            &session::ExportRequest {
                course: cli.course.as_deref(),
                data_dir: cli.data_dir.as_deref(),
                id: &id,
                format,
                output: output.as_deref(),
                lang_given: cli.lang.is_some(),
            },
            ui,
        ),
        None => start::start(
            start::StartRequest {
                course: cli.course.as_deref(),
                data_dir: cli.data_dir.as_deref(),
                profile: &profile,
                lang: cli.lang,
                plain: cli.plain,
            },
            ui,
        ),
        Some(Command::Outline) => show_outline(cli.course.as_deref(), ui),
        Some(Command::Migrate { dir, dry_run }) => migrate::run(&dir, dry_run, ui),
        Some(Command::Validate {
            dir,
            strict,
            format,
        }) => {
            let dir = match (dir, cli.course) {
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
            validate(dir.as_deref(), ValidateOptions { strict }, format, ui)
        }
        Some(Command::Schema { file }) => {
            ui.show_notice();
            print_schema(file, ui)
        }
        Some(Command::Profiles) => {
            profiles::list(cli.data_dir.as_deref(), cli.course.as_deref(), ui)
        }
        Some(Command::Forget { yes }) => profiles::forget(
            &profiles::ForgetRequest {
                data_dir: cli.data_dir.as_deref(),
                course: cli.course.as_deref(),
                profile: &profile,
                confirmed: yes,
            },
            ui,
        ),
        Some(Command::Export {
            format: ExportFormat::Json,
            output,
            include_reflections,
        }) => report::export(
            &report::ExportRequest {
                course: cli.course.as_deref(),
                data_dir: cli.data_dir.as_deref(),
                profile: &profile,
                output: output.as_deref(),
                include_reflections,
            },
            ui,
        ),
        Some(Command::Report {
            files,
            format,
            output,
            names,
        }) => report::report(
            &report::ReportRequest {
                course: cli.course.as_deref(),
                files: &files,
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
        ui.adopt_course_default(Some(loaded.course.default_locale.as_str()));
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

/// What checking a course found, as the text and JSON reports show it.
struct Findings<'a> {
    /// How the course root is named, e.g. `course`.
    root: &'a str,
    /// Every problem, warnings included.
    diagnostics: &'a [Diagnostic],
    /// The course, when it has no errors.
    course: Option<&'a Course>,
}

impl<'a> Findings<'a> {
    /// The findings of a load; a directory that cannot be read has none, it is a failure.
    fn of(loaded: &'a Result<LoadedCourse, CourseError>, ui: &Ui) -> Result<Self, Failure> {
        match loaded {
            Ok(loaded) => Ok(Self {
                root: &loaded.root,
                diagnostics: &loaded.warnings,
                course: Some(&loaded.course),
            }),
            Err(CourseError::Invalid { root, diagnostics }) => Ok(Self {
                root,
                diagnostics,
                course: None,
            }),
            Err(error @ CourseError::Unreadable { .. }) => Err(Failure::usage(ui.error(error))),
        }
    }
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
fn show_outline(dir: Option<&Path>, ui: &mut Ui) -> Result<ExitCode, Failure> {
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
    finish_output(
        outline::write_outline(&mut io::stdout().lock(), course, ui),
        ui,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `kruispunt validate`.
fn validate(
    dir: Option<&Path>,
    options: ValidateOptions,
    format: Format,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    let loaded = load_course(dir, options, ui);
    ui.show_notice();
    let findings = Findings::of(&loaded, ui)?;
    let code = if count(findings.diagnostics, Severity::Error) > 0 {
        ExitCode::from(EXIT_COURSE_ERRORS)
    } else {
        ExitCode::SUCCESS
    };
    let mut out = io::stdout().lock();
    let written = match format {
        Format::Text => write_text_report(&mut out, &findings, true, ui),
        Format::Json => {
            let document = json_report(&findings, ui);
            write_json(&mut out, &document)
        }
    };
    finish_output(written, ui)?;
    Ok(code)
}

/// Every diagnostic on its own line, then (with `with_coverage`, for a course that loaded)
/// the translation coverage, then the summary.
fn write_text_report(
    out: &mut impl Write,
    findings: &Findings<'_>,
    with_coverage: bool,
    ui: &Ui,
) -> io::Result<()> {
    for diagnostic in findings.diagnostics {
        writeln!(out, "{}", ui.diagnostic(diagnostic))?;
    }
    if with_coverage && let Some(course) = findings.course {
        writeln!(out, "{}", ui.msg("coverage-heading", &msg_args!()))?;
        for locale in i18n::coverage(course).locales() {
            // The locale tags come from the course: written out if they hold escapes.
            let line = ui.l10n().coverage_line(locale);
            writeln!(out, "  {}", i18n::display::escape(&line))?;
        }
    }
    writeln!(out, "{}", summary(findings, ui))?;
    out.flush()
}

/// The last line of `validate`: `course: 2 errors, 1 warning` or
/// `course: no problems (3 lessons, 1 scenario, 41 nodes)`.
fn summary(findings: &Findings<'_>, ui: &Ui) -> String {
    let root = findings.root;
    let errors = count(findings.diagnostics, Severity::Error);
    let warnings = count(findings.diagnostics, Severity::Warning);
    match (findings.course, errors + warnings) {
        (Some(course), 0) => {
            let counts = course_counts(course);
            ui.msg(
                "validate-ok",
                &msg_args!(
                    "root" => root,
                    "lessons" => counts.lessons,
                    "scenarios" => counts.scenarios,
                    "nodes" => counts.nodes,
                ),
            )
        }
        _ => ui.msg(
            "validate-summary",
            &msg_args!("root" => root, "errors" => errors, "warnings" => warnings),
        ),
    }
}

/// The `--format json` document. JSON escapes C0 controls but not C1 controls or bidi
/// overrides, so file names, paths and messages are escaped as in the text report.
fn json_report<'a>(findings: &Findings<'a>, ui: &Ui) -> JsonReport<'a> {
    use i18n::display::escape;
    JsonReport {
        course: escape(findings.root),
        language: ui.locale().tag(),
        errors: count(findings.diagnostics, Severity::Error),
        warnings: count(findings.diagnostics, Severity::Warning),
        diagnostics: findings
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                severity: d.severity,
                file: escape(&d.file),
                position: d.position,
                path: escape(&d.path.to_string()).into_owned(),
                problem: JsonProblem {
                    code: d.code(),
                    message: escape(&ui.problem(&d.problem)).into_owned(),
                },
            })
            .collect(),
        coverage: findings.course.map(|course| {
            i18n::coverage(course)
                .locales()
                .iter()
                .map(|c| JsonCoverage::of(c, &course.default_locale.0))
                .collect()
        }),
    }
}

/// The `--format json` document of `validate`.
#[derive(serde::Serialize)]
struct JsonReport<'a> {
    /// How the course root is shown, as in the text summary.
    course: Cow<'a, str>,
    /// The language of the messages (`nl`, `en`, `fr`).
    language: &'static str,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    /// Per declared locale; `null` when the course has errors.
    coverage: Option<Vec<JsonCoverage>>,
}

/// A diagnostic in the JSON report: the stable code and the message in the chosen language.
#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    file: Cow<'a, str>,
    position: Option<Position>,
    path: String,
    problem: JsonProblem,
}

/// The problem of a [`JsonDiagnostic`].
#[derive(serde::Serialize)]
struct JsonProblem {
    code: &'static str,
    message: String,
}

/// The translation coverage of one locale in the JSON report.
#[derive(serde::Serialize)]
struct JsonCoverage {
    locale: String,
    present: usize,
    total: usize,
    percent: u32,
    /// Whether this is the course's default locale.
    default: bool,
}

impl JsonCoverage {
    fn of(coverage: &LocaleCoverage, default: &str) -> Self {
        Self {
            locale: coverage.locale.0.clone(),
            present: coverage.present,
            total: coverage.total,
            percent: coverage.percent(),
            default: coverage.locale.0 == default,
        }
    }
}

/// `kruispunt schema FILE`.
fn print_schema(file: SchemaFile, ui: &Ui) -> Result<ExitCode, Failure> {
    use crate::course::model::{Lesson, Manifest, Scenario};
    let schema = match file {
        SchemaFile::Course => schemars::schema_for!(Manifest),
        SchemaFile::Lesson => schemars::schema_for!(Lesson),
        SchemaFile::Scenario => schemars::schema_for!(Scenario),
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

/// How many diagnostics have `severity`.
fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

/// How many of each thing a loaded course has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct CourseCounts {
    lessons: usize,
    scenarios: usize,
    nodes: usize,
}

/// Lessons, scenarios and scenario nodes of a loaded course.
fn course_counts(course: &Course) -> CourseCounts {
    CourseCounts {
        lessons: course.lessons.len(),
        scenarios: course.scenarios.len(),
        nodes: course.scenarios.values().map(|s| s.nodes.len()).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{LocaleCandidates, UiLocale};
    use clap::CommandFactory;

    fn english() -> Ui {
        Ui::new(LocaleCandidates {
            flag: Some("en".into()),
            ..LocaleCandidates::default()
        })
    }

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_are_accepted_after_a_command() {
        let cli = Cli::try_parse_from([
            "kruispunt",
            "validate",
            "--course",
            "x",
            "--strict",
            "--lang",
            "fr",
        ])
        .expect("valid arguments");
        assert_eq!(cli.course, Some(PathBuf::from("x")));
        assert_eq!(cli.lang.as_deref(), Some("fr"));
        assert_eq!(cli.profile, DEFAULT_PROFILE);
        assert!(matches!(
            cli.command,
            Some(Command::Validate { strict: true, .. })
        ));
        let cli = Cli::try_parse_from(["kruispunt", "forget", "--profile", "anna", "--yes"])
            .expect("valid arguments");
        assert_eq!(cli.profile, "anna");
        assert!(matches!(cli.command, Some(Command::Forget { yes: true })));
    }

    #[test]
    fn two_different_course_dirs_are_refused() {
        let cli = Cli::try_parse_from(["kruispunt", "validate", "a", "--course", "b"])
            .expect("valid arguments");
        let failure = execute(cli, &mut english()).expect_err("refused");
        assert_eq!(failure.code, EXIT_FAILURE);
        assert!(failure.message.starts_with("two course directories"));
    }

    #[test]
    fn an_invalid_profile_name_is_a_usage_error_in_the_chosen_language() {
        let cli = Cli::try_parse_from(["kruispunt", "--profile", "a/b", "schema", "course"])
            .expect("valid arguments");
        let mut ui = Ui::new(LocaleCandidates {
            flag: Some("nl".into()),
            ..LocaleCandidates::default()
        });
        assert_eq!(ui.locale(), UiLocale::Nl);
        let failure = execute(cli, &mut ui).expect_err("refused");
        assert_eq!(failure.code, EXIT_FAILURE);
        assert!(failure.message.contains("“a/b”"), "{}", failure.message);
    }

    #[test]
    fn lang_is_found_in_refused_arguments() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_in_args(args(&["--lang", "fr", "--bogus"])).as_deref(),
            Some("fr")
        );
        assert_eq!(
            lang_in_args(args(&["validate", "--lang=nl"])).as_deref(),
            Some("nl")
        );
        assert_eq!(lang_in_args(args(&["--", "--lang", "fr"])), None);
    }
}
