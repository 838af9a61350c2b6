//! `kruispunt workshop forget ID`: deletes what `kruispunt serve` kept for one workshop
//! (every trainee's progress), after confirmation.

use super::messages::Ui;
use super::profiles::{confirm_deletion, progress_failure, resolve_dir};
use super::{DataDirOption, EXIT_REFUSED, Failure, finish_output};
use crate::msg_args;
use crate::progress::{ProfileName, ProfileStore, ProgressError};
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

/// What to do with a workshop's records.
#[derive(Debug, Clone, PartialEq, Eq, clap::Subcommand)]
pub enum WorkshopCommand {
    /// Delete every trainee's progress kept for workshop ID by `kruispunt serve`, after
    /// confirmation (stop the server first).
    Forget {
        /// The workshop id given to `kruispunt serve --workshop`.
        #[arg(value_name = "ID")]
        id: String,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
        /// Where the server kept it.
        #[command(flatten)]
        data_dir: DataDirOption,
    },
}

/// `kruispunt workshop forget ID`.
pub(super) fn forget(
    id: &str,
    confirmed: bool,
    data_dir: Option<&Path>,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    // Checked like a profile name: it is a directory name.
    let id = ProfileName::new(id).map_err(|e| Failure::usage(ui.error(&e)))?;
    let dir = resolve_dir(data_dir, ui)?;
    let workshop = crate::serve::workshop_dir(&dir.path, &id);
    let shown = workshop.display().to_string();
    if !workshop.is_dir() {
        return Err(Failure::refused(ui.msg(
            "workshop-forget-none",
            &msg_args!("id" => id.as_str(), "dir" => dir.path.display().to_string()),
        )));
    }
    if !confirmed {
        let question = ui.msg(
            "workshop-forget-confirm",
            &msg_args!("id" => id.as_str(), "dir" => shown.as_str()),
        );
        let unanswered = ui.msg(
            "workshop-forget-needs-confirmation",
            &msg_args!("id" => id.as_str()),
        );
        if !confirm_deletion(&question, unanswered, ui)? {
            let cancelled = ui.msg("workshop-forget-cancelled", &msg_args!("id" => id.as_str()));
            finish_output(writeln!(io::stdout().lock(), "{cancelled}"), ui)?;
            return Ok(ExitCode::from(EXIT_REFUSED));
        }
    }
    let trainees = crate::serve::trainees_dir(&dir.path, &id);
    let mut forgotten = 0usize;
    if trainees.is_dir() {
        let store = ProfileStore::new(&trainees);
        let profiles = store.list().map_err(|e| progress_failure(&e, ui))?;
        for profile in profiles {
            // A trainee still connected holds their profile: refused, nothing more deleted.
            store
                .forget(&profile.name)
                .map_err(|e| progress_failure(&e, ui))?;
            forgotten += 1;
        }
    }
    // Only empty directories go: a file the store does not know is left, and its
    // directory named.
    for directory in [&trainees, &workshop] {
        match std::fs::remove_dir(directory) {
            Ok(()) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(source) => {
                let error = ProgressError::Io {
                    action: "remove",
                    path: directory.clone(),
                    source,
                };
                return Err(progress_failure(&error, ui));
            }
        }
    }
    let done = ui.msg(
        "workshop-forget-done",
        &msg_args!("id" => id.as_str(), "trainees" => forgotten),
    );
    finish_output(writeln!(io::stdout().lock(), "{done}"), ui)?;
    Ok(ExitCode::SUCCESS)
}
