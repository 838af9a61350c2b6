//! The course: its file format ([`model`]), loading with precise errors ([`load`]),
//! validation into checked types ([`checked`]).
//!
//! Data flows one way: [`CourseSource`] (the files) -> parsed [`model`] types -> `validate`
//! -> [`checked::Course`] plus [`Diagnostic`]s. Nothing here touches the terminal.

pub mod checked;
mod codes;
pub mod diagnostic;
pub mod ids;
mod load;
pub mod markup;
pub mod migrate;
pub mod model;
pub mod order;
mod parsed;
pub mod skeleton;
mod source;
mod span;
mod validate;

pub use checked::Course;
pub use codes::PROBLEM_CODES;
pub use diagnostic::{Diagnostic, FieldPath, PathSeg, Position, Problem, Severity};
pub use load::{
    CourseError, LoadError, LoadedCourse, Report, ValidateOptions, load, load_builtin, load_course,
    load_dir, load_drawable,
};
pub use source::{
    CourseSource, MAX_COURSE_BYTES, MAX_FILE_BYTES, MAX_FILES, ReadError, SourceError, SourceFile,
    UnreadableFile, read_regular_file,
};
pub use validate::{Reachability, reachability};
