//! Parsing course files into [`model`](super::model) types with precise errors, then
//! validating them.

use super::{CourseSource, Diagnostic, checked::Course};
use std::path::Path;

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
