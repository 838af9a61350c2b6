//! `kruispunt print`: the whole course as one document, for a content committee to review
//! or for printing.

use super::messages::Ui;
use super::report::course_or_fail;
use super::{CourseOption, Failure, finish_output};
use crate::msg_args;
use crate::report::{document, printed_course};
use clap::ValueEnum;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format of `print`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PrintFormat {
    /// One self-contained HTML page with print styles (each module on a new page).
    Html,
    /// Markdown, readable as plain text.
    Md,
}

/// The options of `kruispunt print`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct PrintArgs {
    /// The format.
    #[arg(long, value_enum, default_value_t = PrintFormat::Html)]
    pub format: PrintFormat,
    /// Write to FILE instead of the standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The course to print.
    #[command(flatten)]
    pub course: CourseOption,
}

/// `kruispunt print`: the course in the interface language.
pub(super) fn print(args: &PrintArgs, ui: &mut Ui) -> Result<ExitCode, Failure> {
    let course = course_or_fail(args.course.dir(), ui)?;
    let printed = printed_course(&course, ui.l10n());
    let text = match args.format {
        PrintFormat::Html => document::html(&printed),
        PrintFormat::Md => document::markdown(&printed),
    };
    match &args.output {
        None => {
            let mut out = io::stdout().lock();
            finish_output(
                out.write_all(text.as_bytes()).and_then(|()| out.flush()),
                ui,
            )?;
        }
        Some(file) => {
            std::fs::write(file, text.as_bytes()).map_err(|e| {
                Failure::usage(ui.msg(
                    "error-cannot-write-path",
                    &msg_args!("path" => file.display().to_string(), "reason" => ui.error(&e)),
                ))
            })?;
            let done = ui.msg(
                "print-written",
                &msg_args!("file" => file.display().to_string()),
            );
            let _ = writeln!(io::stderr().lock(), "{done}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
