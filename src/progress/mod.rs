//! Learner progress: one file per profile in the data directory, saved atomically after
//! every meaningful step, recovered plainly when damaged, locked against a second instance.
//!
//! - [`DataDir`]: where the files live (`--data-dir`, `KRUISPUNT_DATA_DIR`, platform).
//! - [`ProfileName`]: a validated profile name (it becomes part of file names).
//! - [`Progress`]: the versioned document ([`SCHEMA_VERSION`]); older versions are
//!   upgraded by [`migrate`], newer ones are refused and left untouched.
//! - [`ProfileStore`]: opening (lock + load + recovery), saving, listing, forgetting.
//! - [`SaveScheduler`]: when to save (steps at once, reflection typing after a pause).
//! - [`Change`]: what one step changed, appended to the journal (see [`journal`]), so a
//!   step's save costs the same however long the history is.
//!
//! Files for profile `NAME` in the data directory (Unix: directory 0700, files 0600):
//! - `NAME.json`: the progress: a snapshot (the document), then the journal of the steps
//!   saved since, one line each, appended and fsynced; loading folds the journal into the
//!   snapshot. It is rewritten as a snapshot alone on exit, when the journal passes
//!   [`JOURNAL_COMPACT_AT`] bytes (or the snapshot's size, when larger), and when a
//!   profile with a journal is opened;
//! - `NAME.json.bak`: the previous file, kept by every snapshot written;
//! - `NAME.lock`: held with an OS file lock while a Kruispunt has the profile open, with
//!   the owner's process id inside for the "in use" message. The OS drops the lock when the
//!   process dies, so a stale lock from a crashed process is simply taken over;
//! - `NAME.corrupt-TIMESTAMP` (and `NAME.bak.corrupt-TIMESTAMP`): damaged files set aside
//!   on open, kept with their original bytes, never overwritten;
//! - `NAME.json.tmp`, `NAME.json.bak.tmp`: short-lived during a save.
//!
//! Reflections are stored only here; nothing in this module sends them anywhere.

mod dir;
mod document;
mod files;
mod format;
pub mod journal;
mod messages;
mod migrate;
mod name;
pub mod runs;
mod schedule;
mod store;
mod timestamp;

pub use dir::{DATA_DIR_ENV, DataDir, DataDirSource, platform_data_dir, resolve_data_dir};
pub use document::{
    AttemptEnding, ChoiceTaken, ContentNoteChoice, CourseStamp, EndingOutcome, ItemProgress,
    ItemStatus, LessonProgress, Place, Position, Progress, QuizRecord, ReflectionText, Resume,
    ScenarioAttempt, SceneProgress, Settings, Timestamp,
};
pub(crate) use files::{OpenError, create_private_dir, open_regular, write_atomically};
pub use format::decode_progress_file;
pub use journal::{Change, JOURNAL_COMPACT_AT, push_change};
pub use migrate::{MigrationError, OLDEST_SUPPORTED, SCHEMA_VERSION, migrate};
pub use name::{DEFAULT_PROFILE, MAX_PROFILE_NAME_LEN, ProfileName, ProfileNameError};
pub use schedule::{REFLECTION_DELAY, SaveScheduler};
pub use store::{
    Damage, LoadNotice, OpenedProfile, ProfilePaths, ProfileSession, ProfileState, ProfileStore,
    ProfileSummary,
};

use std::path::PathBuf;

/// Why a progress operation failed. Damaged files are not errors (they are recovered and
/// reported as a [`LoadNotice`]); these are the cases where the program must stop and say so.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    /// No data directory could be found.
    #[error(
        "cannot find a place to keep progress (no home directory); pass --data-dir DIR or set {DATA_DIR_ENV}"
    )]
    NoDataDir,
    /// The profile name is not allowed.
    #[error(transparent)]
    InvalidName(#[from] ProfileNameError),
    /// Another running Kruispunt has this profile open.
    #[error(
        "profile `{profile}` is in use by another Kruispunt{}; close that one first, or choose another profile with --profile NAME",
        held_by(*.pid)
    )]
    ProfileInUse {
        /// The profile.
        profile: ProfileName,
        /// The process holding it, when it could be read from the lock file.
        pid: Option<u32>,
    },
    /// The progress file was written by a newer Kruispunt. It is left untouched.
    #[error(
        "`{}` was written by a newer version of Kruispunt (progress format {found}; this version reads up to {supported}); it was left untouched: update Kruispunt to continue with this profile",
        path.display()
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The schema version in the file.
        found: u64,
        /// The newest schema version this build reads.
        supported: u32,
    },
    /// There is no profile with this name.
    #[error("there is no profile `{profile}` in `{}`", dir.display())]
    NoSuchProfile {
        /// The profile asked for.
        profile: ProfileName,
        /// The data directory it was looked for in.
        dir: PathBuf,
    },
    /// A file system operation failed.
    #[error("could not {action} `{}`: {source}", path.display())]
    Io {
        /// What was being done, e.g. "write".
        action: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// There is something other than a regular file where a profile file must be (a
    /// symbolic link, a directory, a FIFO): it is neither followed nor overwritten.
    #[error(
        "`{}` is not a regular file (a symbolic link, a directory or a device); Kruispunt does not follow or overwrite it: remove or rename it",
        path.display()
    )]
    NotAFile {
        /// The file.
        path: PathBuf,
    },
    /// The progress could not be encoded (not expected with these types).
    #[error("could not encode the progress: {0}")]
    Encode(#[source] serde_json::Error),
}

fn held_by(pid: Option<u32>) -> String {
    pid.map(|pid| format!(" (process {pid})"))
        .unwrap_or_default()
}
