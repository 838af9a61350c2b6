//! The same export given twice: a report counts each trainee once, so a second copy of an
//! export (the same file twice, a copy saved again with other whitespace, or a copy whose
//! profile name was changed by hand) is recognised and left out.

use super::export::{Export, ExportedCourse, ExportedItem};
use crate::progress::Timestamp;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};

/// Tells, export by export, whether one was seen before. Two exports are the same when
/// they have the same profile and export time, or the same content apart from the profile
/// name (a hash of everything else, as JSON).
#[derive(Debug, Default)]
pub struct Duplicates {
    /// (profile, export time) of each export kept, to its number.
    stamps: HashMap<(String, Timestamp), usize>,
    /// The content hash of each export kept, to its number.
    contents: HashMap<u64, usize>,
    /// How many were kept.
    kept: usize,
}

/// Everything of an export but its profile name.
#[derive(Serialize)]
struct Content<'a> {
    kind: &'a str,
    export_version: u32,
    course: &'a ExportedCourse,
    exported_at: Timestamp,
    items: &'a [ExportedItem],
    includes_reflections: bool,
}

/// Feeds JSON to a hasher as it is written.
struct HashWriter<'h>(&'h mut DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The hash of everything of `export` but its profile name.
fn content_hash(export: &Export) -> u64 {
    let mut hasher = DefaultHasher::new();
    let content = Content {
        kind: &export.kind,
        export_version: export.export_version,
        course: &export.course,
        exported_at: export.exported_at,
        items: &export.items,
        includes_reflections: export.includes_reflections,
    };
    // Writing into a hasher cannot fail, and the types always serialize.
    let _ = serde_json::to_writer(HashWriter(&mut hasher), &content);
    hasher.finish()
}

impl Duplicates {
    /// No export seen yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number (from 0, in the order kept) of the export seen before that `export` is
    /// the same as; `None` when it is new, and it is then kept as the next number.
    pub fn check(&mut self, export: &Export) -> Option<usize> {
        let stamp = (export.profile.clone(), export.exported_at);
        let content = content_hash(export);
        if let Some(&first) = self.stamps.get(&stamp) {
            return Some(first);
        }
        if let Some(&first) = self.contents.get(&content) {
            return Some(first);
        }
        self.stamps.insert(stamp, self.kept);
        self.contents.insert(content, self.kept);
        self.kept += 1;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::ids::{CourseId, ItemId};
    use crate::progress::ItemStatus;

    fn export(profile: &str, at: u64, status: ItemStatus) -> Export {
        Export {
            kind: super::super::EXPORT_KIND.to_owned(),
            export_version: 2,
            format_version: None,
            course: ExportedCourse {
                id: CourseId::from("k"),
                version: "1".into(),
            },
            profile: profile.into(),
            exported_at: Timestamp(at),
            items: vec![ExportedItem {
                id: ItemId::from("s"),
                status,
                started_at: None,
                completed_at: None,
                duration_seconds: None,
                quizzes: Vec::new(),
                attempts: Vec::new(),
                reflections: Vec::new(),
            }],
            includes_reflections: false,
        }
    }

    #[test]
    fn the_same_profile_and_time_or_the_same_content_is_a_duplicate() {
        let mut seen = Duplicates::new();
        let done = ItemStatus::Completed;
        let started = ItemStatus::InProgress;
        assert_eq!(seen.check(&export("anna", 1, done)), None);
        assert_eq!(seen.check(&export("bram", 1, started)), None);
        // The same file again.
        assert_eq!(seen.check(&export("anna", 1, done)), Some(0));
        // The same profile and time, whatever the content says.
        assert_eq!(seen.check(&export("bram", 1, done)), Some(1));
        // Renamed by hand: the same content otherwise.
        assert_eq!(seen.check(&export("a", 1, done)), Some(0));
        // The same profile name exported at another time: another export, kept.
        assert_eq!(seen.check(&export("anna", 2, done)), None);
        assert_eq!(
            seen.check(&export("chris", 1, ItemStatus::NotStarted)),
            None
        );
        assert_eq!(seen.check(&export("chris", 1, done)), Some(3));
    }
}
