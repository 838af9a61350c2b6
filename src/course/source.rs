//! Where course files come from: the built-in course embedded in the binary, or a directory.

use std::path::{Path, PathBuf};

/// One course file: its path relative to the course root (with `/`), and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the course root, e.g. `scenarios/intake.json`.
    pub path: String,
    /// The file's contents.
    pub text: String,
}

/// The files of one course.
#[derive(Debug, Clone)]
pub struct CourseSource {
    /// How the root is shown in diagnostics, e.g. `course` or the directory given.
    pub display_root: String,
    /// Every `.json` file under the root, sorted by path.
    pub files: Vec<SourceFile>,
}

/// A course directory that cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The directory (or a file in it) cannot be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

impl CourseSource {
    /// The built-in course, embedded in the binary at build time.
    pub fn builtin() -> Self {
        todo!()
    }

    /// Every `.json` file under `dir`.
    pub fn from_dir(dir: &Path) -> Result<Self, SourceError> {
        let _ = dir;
        todo!()
    }
}
