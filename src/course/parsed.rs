//! What loading hands to validation: the files that parsed, and the problems found so
//! far. Its own module so that loading uses validation and validation uses these types,
//! without the two importing each other.

use super::model::{Lesson, Manifest, Scenario};
use super::{FieldPath, Position, Problem};

/// Index of a file in [`CourseSource::files`](super::CourseSource::files).
pub(crate) type FileIdx = usize;

/// The files that parsed, before validation.
#[derive(Debug, Default)]
pub(crate) struct ParsedCourse {
    /// `course.json`, when it parsed.
    pub manifest: Option<(FileIdx, Manifest)>,
    /// Every lesson file that parsed.
    pub lessons: Vec<(FileIdx, Lesson)>,
    /// Every scenario file that parsed.
    pub scenarios: Vec<(FileIdx, Scenario)>,
}

/// A problem found during loading or validation, before its position is resolved and its
/// severity adjusted for `--strict`.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    /// The file.
    pub file: FileIdx,
    /// The field inside the file.
    pub path: FieldPath,
    /// The position when already known (parse errors); otherwise resolved from `path`.
    pub position: Option<Position>,
    /// What is wrong.
    pub problem: Problem,
}

impl Finding {
    /// `problem` at `path` in `file`, its position resolved from the path later.
    pub fn new(file: FileIdx, path: FieldPath, problem: Problem) -> Self {
        Finding {
            file,
            path,
            position: None,
            problem,
        }
    }
}
