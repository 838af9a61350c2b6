//! The command line: `kruispunt`, `kruispunt validate`, `kruispunt schema`.
//!
//! This is the edge of the program: it parses arguments, loads the course, prints, and turns
//! every outcome into an exit code. 0: fine (warnings allowed); 1: the course has errors;
//! 2: wrong arguments or a course directory that cannot be read.

mod messages;
mod outline;

use crate::course::{self, Course, CourseSource, Diagnostic, Report, Severity, ValidateOptions};
use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use messages::CourseCounts;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Kruispunt: a terminal training course on supporting LGBTQIA+ people with a migration
/// background.
///
/// Without a command, shows the course outline.
#[derive(Debug, Parser)]
#[command(name = "kruispunt", version)]
pub struct Cli {
    /// Use the course in DIR instead of the built-in course.
    #[arg(long, global = true, value_name = "DIR")]
    pub course: Option<PathBuf>,

    /// What to do; without a command, the course outline is shown.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a course and report every problem as FILE:LINE:COL: error[CODE]: message.
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
    /// Print the JSON Schema of a course file.
    Schema {
        /// Which file.
        #[arg(value_enum)]
        file: SchemaFile,
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

/// Exit code: the course has errors.
const EXIT_COURSE_ERRORS: u8 = 1;
/// Exit code: wrong arguments or an unreadable course directory (as clap's usage errors).
const EXIT_FAILURE: u8 = 2;

/// Runs the program with the process arguments and returns its exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Usage errors go to stderr with code 2; `--help`/`--version` to stdout with 0.
            // A closed stdout while printing help is not worth reporting.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(EXIT_FAILURE));
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            // stderr may be closed too; there is nowhere left to report that.
            let _ = writeln!(io::stderr().lock(), "{}", messages::fatal_error(&error));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Runs a parsed command line.
///
/// Errors are what the program cannot get past (an unreadable directory, a failed write);
/// problems in the course are reported on the output and reflected in the exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => show_outline(cli.course.as_deref()),
        Some(Command::Validate {
            dir,
            strict,
            format,
        }) => {
            let dir = match (dir, cli.course) {
                (Some(positional), Some(option)) if positional != option => {
                    anyhow::bail!(messages::two_course_dirs(&positional, &option))
                }
                (positional, option) => positional.or(option),
            };
            validate(dir.as_deref(), ValidateOptions { strict }, format)
        }
        Some(Command::Schema { file }) => print_schema(file),
    }
}

/// The built-in course, or the one in `dir`.
fn course_source(dir: Option<&Path>) -> anyhow::Result<CourseSource> {
    match dir {
        None => Ok(CourseSource::builtin()),
        Some(dir) => CourseSource::from_dir(dir).with_context(|| messages::cannot_read_course(dir)),
    }
}

/// `kruispunt`: the outline, or the course's problems when it has errors.
fn show_outline(dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let source = course_source(dir)?;
    let report = course::load(&source, ValidateOptions::default());
    if !report.diagnostics.is_empty() {
        // Problems go to stderr so that stdout holds only the outline.
        let problems = write_text_report(&mut io::stderr().lock(), &source, &report);
        finish_output(problems)?;
    }
    let Some(course) = &report.course else {
        return Ok(ExitCode::from(EXIT_COURSE_ERRORS));
    };
    finish_output(outline::write_outline(&mut io::stdout().lock(), course))?;
    Ok(ExitCode::SUCCESS)
}

/// `kruispunt validate`.
fn validate(
    dir: Option<&Path>,
    options: ValidateOptions,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let source = course_source(dir)?;
    let report = course::load(&source, options);
    let code = if count(&report.diagnostics, Severity::Error) > 0 {
        ExitCode::from(EXIT_COURSE_ERRORS)
    } else {
        ExitCode::SUCCESS
    };
    let mut out = io::stdout().lock();
    let written = match format {
        Format::Text => write_text_report(&mut out, &source, &report),
        Format::Json => {
            let document = json_report(&source, &report);
            write_json(&mut out, &document)
        }
    };
    finish_output(written)?;
    Ok(code)
}

/// Every diagnostic on its own line, then the summary.
fn write_text_report(
    out: &mut impl Write,
    source: &CourseSource,
    report: &Report,
) -> io::Result<()> {
    for diagnostic in &report.diagnostics {
        writeln!(out, "{diagnostic}")?;
    }
    let summary = messages::validate_summary(
        &source.display_root,
        count(&report.diagnostics, Severity::Error),
        count(&report.diagnostics, Severity::Warning),
        report.course.as_ref().map(course_counts),
    );
    writeln!(out, "{summary}")?;
    out.flush()
}

/// The `--format json` document.
fn json_report<'a>(source: &'a CourseSource, report: &'a Report) -> JsonReport<'a> {
    JsonReport {
        course: &source.display_root,
        errors: count(&report.diagnostics, Severity::Error),
        warnings: count(&report.diagnostics, Severity::Warning),
        diagnostics: &report.diagnostics,
    }
}

/// The `--format json` document of `validate`.
#[derive(serde::Serialize)]
struct JsonReport<'a> {
    /// How the course root is shown, as in the text summary.
    course: &'a str,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

/// `kruispunt schema FILE`.
fn print_schema(file: SchemaFile) -> anyhow::Result<ExitCode> {
    use crate::course::model::{Lesson, Manifest, Scenario};
    let schema = match file {
        SchemaFile::Course => schemars::schema_for!(Manifest),
        SchemaFile::Lesson => schemars::schema_for!(Lesson),
        SchemaFile::Scenario => schemars::schema_for!(Scenario),
    };
    finish_output(write_json(&mut io::stdout().lock(), &schema))?;
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
fn finish_output(result: io::Result<()>) -> anyhow::Result<()> {
    match result {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.with_context(messages::cannot_write_output),
    }
}

/// How many diagnostics have `severity`.
fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
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
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn course_option_is_accepted_after_a_command() {
        let cli = Cli::try_parse_from(["kruispunt", "validate", "--course", "x", "--strict"])
            .expect("valid arguments");
        assert_eq!(cli.course, Some(PathBuf::from("x")));
        assert!(matches!(
            cli.command,
            Some(Command::Validate { strict: true, .. })
        ));
    }

    #[test]
    fn two_different_course_dirs_are_refused() {
        let cli = Cli::try_parse_from(["kruispunt", "validate", "a", "--course", "b"])
            .expect("valid arguments");
        assert!(run(cli).is_err());
    }
}
