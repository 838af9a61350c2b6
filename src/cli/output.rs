//! Writing a command's output: JSON documents, and a closed pipe taken as the reader's
//! choice.

use super::messages::Ui;
use super::{Failure, SchemaKind};
use crate::msg_args;
use std::io::{self, Write};
use std::process::ExitCode;

/// `kruispunt schema KIND`.
pub(super) fn print_schema(kind: SchemaKind, ui: &Ui) -> Result<ExitCode, Failure> {
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
pub(super) fn write_json(out: &mut impl Write, document: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, document).map_err(io::Error::from)?;
    writeln!(out)?;
    out.flush()
}

/// Accepts a closed pipe as the reader's choice (`kruispunt schema course | head -1`);
/// any other write failure is an error.
pub(super) fn finish_output(result: io::Result<()>, ui: &Ui) -> Result<(), Failure> {
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
