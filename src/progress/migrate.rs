//! Upgrading progress files written by older versions, one schema version at a time.
//!
//! History of the schema:
//! - **1**: the first draft layout. `last_position` was a single string `"ITEM/PLACE"` (or
//!   just `"ITEM"`), where PLACE was a scene id for a lesson and a node id for a scenario.
//!   The string did not say which, and an id containing `/` could not be stored.
//! - **2**: `last_position` is an object `{"item": ID, "at": {"scene": ID}}` or
//!   `{"item": ID, "at": {"node": ID}}`. The file was rewritten whole at every step.
//! - **3**: the document is a snapshot, and the steps saved since it are appended
//!   after it in the same file, one JSON line each (see [`super::journal`]). The document
//!   itself has the shape of version 2; an older Kruispunt refuses a version 3 file, which
//!   it would misread as damaged when steps follow the document.
//! - **4**: times are RFC 3339 instants in UTC (`"2026-12-06T17:30:00Z"`) instead
//!   of numbers of seconds. [`crate::progress::Timestamp`] reads both, so the step changes
//!   nothing in the JSON; the version tells an older Kruispunt the file is newer rather than
//!   damaged.
//! - **5** (current): times of lessons and decisions: a lesson's `started_at` and
//!   `completed_at`, a scene's `visited_at`, a quiz's `first_answered_at` and each choice's
//!   `at`. All are optional: what happened before version 5 has no time, and none is made
//!   up, so the step adds nothing. Journal lines of a version 4 file are still folded in (a
//!   version 4 change is a version 5 change without the times).
//!
//! Each step is a function from the JSON of version N to the JSON of version N+1, so a file
//! of any older version walks the chain. Migrations work on `serde_json::Value`, not on the
//! Rust types, because the types only describe the current version.

use serde_json::{Map, Value};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 5;

/// The first schema version whose files carry a journal after the document.
pub(super) const FIRST_WITH_JOURNAL: u32 = 3;

/// The oldest schema version this build still reads.
pub const OLDEST_SUPPORTED: u32 = 1;

/// Why a document could not be migrated. It is then treated like a corrupt file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    /// The document is not a JSON object.
    #[error("the progress file is not a JSON object")]
    NotAnObject,
    /// A field has a shape the old version never wrote.
    #[error("field `{field}` of a version {version} progress file is malformed")]
    Malformed {
        /// The field.
        field: &'static str,
        /// The version being migrated from.
        version: u32,
    },
    /// A version older than any this build knows.
    #[error("schema version {0} is too old to read")]
    TooOld(u32),
}

/// Migrates `doc`, written with schema version `from`, to [`SCHEMA_VERSION`]. The result's
/// `schema_version` field is the current version.
pub fn migrate(mut doc: Value, from: u32) -> Result<Value, MigrationError> {
    if from < OLDEST_SUPPORTED {
        return Err(MigrationError::TooOld(from));
    }
    let mut version = from;
    while version < SCHEMA_VERSION {
        let obj = doc.as_object_mut().ok_or(MigrationError::NotAnObject)?;
        match version {
            1 => v1_to_v2(obj)?,
            // Version 3 changed the file around the document, not the document: a version
            // 2 file is a snapshot without a journal after it.
            2 => {}
            // Version 4 writes times as RFC 3339; numbers are still read where they are.
            3 => {}
            // Version 5 adds optional times; what was recorded before has none.
            4 => {}
            // Every version below SCHEMA_VERSION has a step above; this arm is unreachable
            // unless a step is forgotten, and then the file is refused rather than misread.
            _ => return Err(MigrationError::TooOld(version)),
        }
        version += 1;
        obj.insert("schema_version".into(), Value::from(version));
    }
    Ok(doc)
}

/// `"ITEM/PLACE"` becomes `{"item": ITEM, "at": {"scene"|"node": PLACE}}`. Whether PLACE
/// is a node or a scene is read from the document itself: a position inside a scenario
/// always belongs to a recorded attempt, so an item with attempts is a scenario.
fn v1_to_v2(doc: &mut Map<String, Value>) -> Result<(), MigrationError> {
    let malformed = MigrationError::Malformed {
        field: "last_position",
        version: 1,
    };
    let Some(old) = doc.remove("last_position") else {
        return Ok(());
    };
    let old = match old {
        Value::Null => return Ok(()),
        Value::String(s) => s,
        _ => return Err(malformed),
    };
    let (item, place) = match old.split_once('/') {
        Some((item, place)) => (item, Some(place).filter(|p| !p.is_empty())),
        None => (old.as_str(), None),
    };
    if item.is_empty() {
        return Err(malformed);
    }
    let is_scenario = doc
        .get("items")
        .and_then(|items| items.get(item))
        .and_then(|p| p.get("attempts"))
        .and_then(Value::as_array)
        .is_some_and(|attempts| !attempts.is_empty());
    let mut position = Map::new();
    position.insert("item".into(), Value::from(item));
    if let Some(place) = place {
        let kind = if is_scenario { "node" } else { "scene" };
        let mut at = Map::new();
        at.insert(kind.into(), Value::from(place));
        position.insert("at".into(), Value::Object(at));
    }
    doc.insert("last_position".into(), Value::Object(position));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn v1_lesson_position_becomes_a_scene() {
        let v1 = json!({
            "schema_version": 1,
            "last_position": "intro/welcome",
            "items": {"intro": {"status": "in_progress", "lesson": {"current_scene": "welcome"}}}
        });
        let v2 = migrate(v1, 1).unwrap();
        assert_eq!(v2["schema_version"], SCHEMA_VERSION);
        assert_eq!(
            v2["last_position"],
            json!({"item": "intro", "at": {"scene": "welcome"}})
        );
        assert_eq!(v2["items"]["intro"]["status"], "in_progress");
    }

    #[test]
    fn v1_scenario_position_becomes_a_node() {
        let v1 = json!({
            "schema_version": 1,
            "last_position": "intake/n2",
            "items": {"intake": {"attempts": [{"current_node": "n2", "started_at": 5}]}}
        });
        let v2 = migrate(v1, 1).unwrap();
        assert_eq!(
            v2["last_position"],
            json!({"item": "intake", "at": {"node": "n2"}})
        );
    }

    #[test]
    fn v1_item_only_and_absent_positions() {
        let v2 = migrate(json!({"schema_version": 1, "last_position": "intro"}), 1).unwrap();
        assert_eq!(v2["last_position"], json!({"item": "intro"}));
        let v2 = migrate(json!({"schema_version": 1}), 1).unwrap();
        assert!(v2.get("last_position").is_none());
    }

    #[test]
    fn malformed_v1_is_refused() {
        for bad in [
            json!({"last_position": 3}),
            json!({"last_position": "/x"}),
            json!([1]),
        ] {
            assert!(migrate(bad.clone(), 1).is_err(), "{bad}");
        }
        assert_eq!(migrate(json!({}), 0), Err(MigrationError::TooOld(0)));
    }

    #[test]
    fn v2_is_a_snapshot_without_a_journal() {
        let v2 = json!({"schema_version": 2, "last_position": {"item": "a"}, "items": {}});
        let current = migrate(v2, 2).unwrap();
        assert_eq!(
            current,
            json!({"schema_version": SCHEMA_VERSION, "last_position": {"item": "a"}, "items": {}})
        );
    }

    #[test]
    fn current_version_is_unchanged() {
        let doc = json!({"schema_version": SCHEMA_VERSION, "last_position": {"item": "a"}});
        assert_eq!(migrate(doc.clone(), SCHEMA_VERSION).unwrap(), doc);
    }
}
