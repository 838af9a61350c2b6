//! Why the program stops, and the exit codes it stops with.

use std::fmt;

/// A reason the program stops, already in the interface language, with its exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What went wrong, localized.
    pub message: String,
    /// The exit code: [`EXIT_REFUSED`] or [`EXIT_FAILURE`].
    pub code: u8,
}

impl Failure {
    /// Wrong arguments or an environment the program cannot work in: exit code 2.
    pub(super) fn usage(message: String) -> Self {
        Self {
            message,
            code: EXIT_FAILURE,
        }
    }

    /// The operation is refused as things stand: exit code 1.
    pub(super) fn refused(message: String) -> Self {
        Self {
            message,
            code: EXIT_REFUSED,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// Exit code: the course has errors.
pub(super) const EXIT_COURSE_ERRORS: u8 = 1;
/// Exit code: the operation was refused or declined (profile in use, no such profile).
pub const EXIT_REFUSED: u8 = 1;
/// Exit code: wrong arguments, an unreadable course directory, an I/O failure (as clap's
/// usage errors).
pub const EXIT_FAILURE: u8 = 2;
