//! Parsing course files into [`model`](super::model) types with precise errors, then
//! validating them.

use super::model::{Lesson, Manifest, Scenario};
use super::{CourseSource, Diagnostic, FieldPath, Position, Problem, checked::Course};
use std::path::Path;

/// Index of a file in [`CourseSource::files`].
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

/// Options for validation.
#[derive(Debug, Clone, Copy, Default)]
pub struct ValidateOptions {
    /// Treat every warning as an error.
    pub strict: bool,
}

/// The result of loading: the course when it has no errors, and every problem found.
#[derive(Debug)]
pub struct Report {
    /// The checked course, when there are no errors.
    pub course: Option<Course>,
    /// Every problem, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a course could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The directory cannot be read.
    #[error(transparent)]
    Source(#[from] super::SourceError),
    /// The course has errors.
    #[error("the course has {} error(s)", .0.len())]
    Invalid(Vec<Diagnostic>),
}

/// Parses and validates every file of `source`, reporting all problems.
pub fn load(source: &CourseSource, options: ValidateOptions) -> Report {
    let _ = (source, options);
    todo!()
}

/// Loads the built-in course.
pub fn load_builtin() -> Result<Course, LoadError> {
    todo!()
}

/// Loads the course in `dir`.
pub fn load_dir(dir: &Path) -> Result<Course, LoadError> {
    let _ = dir;
    todo!()
}
