//! The progress file as bytes: the versioned document a save writes, and reading one
//! back (migrated, with its journal folded in, or the damage that stops it).

use super::ProgressError;
use super::document::Progress;
use super::files::read_regular;
use super::journal;
use super::migrate::{FIRST_WITH_JOURNAL, SCHEMA_VERSION, migrate};
use super::store::{Damage, LoadNotice};
use serde::Serialize;
use std::io;
use std::path::Path;

/// The document as written: the schema version first, then the progress.
#[derive(Serialize)]
pub(super) struct Document<'a> {
    schema_version: u32,
    #[serde(flatten)]
    progress: &'a Progress,
}

/// The bytes of a snapshot of `progress`, as a save writes them.
pub(super) fn encode(progress: &Progress) -> Result<Vec<u8>, ProgressError> {
    let mut bytes = serde_json::to_vec_pretty(&Document {
        schema_version: SCHEMA_VERSION,
        progress,
    })
    .map_err(ProgressError::Encode)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The result of reading one progress file.
// One of these exists per file read, briefly: boxing the loaded progress would buy nothing.
#[allow(clippy::large_enum_variant)]
pub(super) enum ReadOutcome {
    Missing,
    Loaded {
        progress: Progress,
        /// The schema version found (before migration).
        from: u32,
        /// What folding the journal after the snapshot found (its changes are in
        /// `progress`).
        journal: journal::Folded,
    },
    Damaged(Damage),
}

pub(super) fn migrated(from: u32) -> Option<LoadNotice> {
    (from < SCHEMA_VERSION).then_some(LoadNotice::Migrated {
        from,
        to: SCHEMA_VERSION,
    })
}

/// Reads and decodes a progress file. Only a newer version is an error: everything else
/// wrong with the file is [`Damage`] to recover from.
pub(super) fn read_document(path: &Path) -> Result<ReadOutcome, ProgressError> {
    let bytes = match read_regular(path) {
        Ok(bytes) => bytes,
        Err(ProgressError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            return Ok(ReadOutcome::Missing);
        }
        Err(ProgressError::Io { source, .. }) => {
            return Ok(ReadOutcome::Damaged(Damage::Unreadable(source.to_string())));
        }
        Err(e) => return Err(e),
    };
    decode(&bytes).map_err(|found| ProgressError::NewerVersion {
        path: path.to_owned(),
        found,
        supported: SCHEMA_VERSION,
    })
}

/// The progress in the bytes of a progress file, as the profile store reads it: the
/// snapshot migrated, then its journal folded in. `None` when the store would treat the
/// file as damaged or as written by a newer Kruispunt. For property tests and fuzzing,
/// which must read files exactly as the store does.
pub fn decode_progress_file(bytes: &[u8]) -> Option<Progress> {
    match decode(bytes) {
        Ok(ReadOutcome::Loaded { progress, .. }) => Some(progress),
        _ => None,
    }
}

/// Decodes the bytes of a progress file; `Err` carries the schema version of a file
/// written by a newer Kruispunt.
fn decode(bytes: &[u8]) -> Result<ReadOutcome, u64> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(ReadOutcome::Damaged(Damage::Empty));
    }
    // The snapshot is the first JSON value; the journal's lines follow it.
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter();
    let value: serde_json::Value = match values.next() {
        Some(Ok(value)) => value,
        Some(Err(e)) => return Ok(ReadOutcome::Damaged(Damage::NotJson(e.to_string()))),
        None => return Ok(ReadOutcome::Damaged(Damage::Empty)),
    };
    let journal = bytes.get(values.byte_offset()..).unwrap_or_default();
    let Some(found) = value
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
    else {
        return Ok(ReadOutcome::Damaged(Damage::NoVersion));
    };
    if found > u64::from(SCHEMA_VERSION) {
        return Err(found);
    }
    // `found` fits: it is at most SCHEMA_VERSION.
    let from = u32::try_from(found).unwrap_or(SCHEMA_VERSION);
    if from < FIRST_WITH_JOURNAL && !journal.iter().all(u8::is_ascii_whitespace) {
        // Files of versions before the journal were never appended to: anything after the
        // document is damage, as it always was. Later versions' lines are folded in after
        // the migration: each version since only added optional fields to them.
        let why = serde_json::from_slice::<serde_json::Value>(bytes)
            .err()
            .map_or_else(|| "trailing characters".to_owned(), |e| e.to_string());
        return Ok(ReadOutcome::Damaged(Damage::NotJson(why)));
    }
    let value = match migrate(value, from) {
        Ok(value) => value,
        Err(e) => return Ok(ReadOutcome::Damaged(Damage::WrongShape(e.to_string()))),
    };
    match serde_json::from_value::<Progress>(value) {
        Ok(mut progress) => {
            let journal = journal::fold(&mut progress, journal);
            Ok(ReadOutcome::Loaded {
                progress,
                from,
                journal,
            })
        }
        Err(e) => Ok(ReadOutcome::Damaged(Damage::WrongShape(e.to_string()))),
    }
}
