//! How commands get the course they work on: the one loader, the course's default locale,
//! and leaving a loaded course to the operating system at exit.

use super::Failure;
use super::messages::Ui;
use super::validate::{Findings, write_text_report};
use crate::course::{self, Course, CourseError, CourseSource, LoadedCourse, ValidateOptions};
use std::io;
use std::path::Path;

/// Loads the course with [`course::load_course`], the one loader of every command, and
/// makes its default locale the last candidate for the interface language. A course that
/// does not load keeps the default read from its `course.json` by [`execute`].
pub(super) fn load_course(
    dir: Option<&Path>,
    options: ValidateOptions,
    ui: &mut Ui,
) -> Result<LoadedCourse, CourseError> {
    let loaded = course::load_course(dir, options);
    if let Ok(loaded) = &loaded {
        // Every command then shows course texts as the course orders its languages:
        // the outline, reports and handouts as the session does.
        ui.adopt_course_default(Some(loaded.course.default_locale.as_str()));
        ui.adopt_text_fallback(loaded.course.fallback.clone());
    }
    loaded
}

/// The course a command runs on (the interactive course, facilitator mode, `export`,
/// `report`). A course with errors gives `Ok(None)` once its problems are listed on stderr,
/// as `validate` lists them: there is nowhere else to show them. A directory that cannot be
/// read is a failure.
pub(super) fn course_for_command(
    dir: Option<&Path>,
    ui: &mut Ui,
) -> Result<Option<Course>, Failure> {
    match load_course(dir, ValidateOptions::default(), ui) {
        Ok(loaded) => Ok(Some(loaded.course)),
        Err(CourseError::Invalid { root, diagnostics }) => {
            ui.show_notice();
            let findings = Findings {
                root: &root,
                diagnostics: &diagnostics,
                course: None,
            };
            // A closed stderr leaves nowhere to report that; the exit code still says it.
            let _ = write_text_report(&mut io::stderr().lock(), &findings, false, ui);
            Ok(None)
        }
        Err(error) => Err(Failure::usage(ui.error(&error))),
    }
}

/// The course when it loads, for commands that only use it for titles, counts and its
/// default locale (`profiles`, `forget`, `session export`): a course that cannot be read or
/// has errors is no reason to refuse them. Shows the notice about an unknown `--lang`.
pub(super) fn course_if_loads(dir: Option<&Path>, ui: &mut Ui) -> Option<Course> {
    let loaded = load_course(dir, ValidateOptions::default(), ui);
    ui.show_notice();
    loaded.ok().map(|loaded| loaded.course)
}

/// The `default_locale` of the course in `dir` (or the built-in course), read without
/// loading the whole course; `None` when it cannot be read.
pub(super) fn declared_default_in(dir: Option<&Path>) -> Option<String> {
    match dir {
        None => {
            let builtin = CourseSource::builtin();
            let manifest = builtin.files.iter().find(|f| f.path == "course.json")?;
            default_locale_in_manifest(&manifest.text)
        }
        Some(dir) => {
            // Bounded, and never opening a FIFO or device named course.json.
            let manifest = dir.join("course.json");
            let bytes = course::read_regular_file(&manifest, course::MAX_FILE_BYTES).ok()?;
            default_locale_in_manifest(std::str::from_utf8(&bytes).ok()?)
        }
    }
}

/// The `default_locale` field of a `course.json` text.
pub(super) fn default_locale_in_manifest(text: &str) -> Option<String> {
    // Loading the course accepts a byte order mark at the start; so does this.
    let text = text.trim_start_matches('\u{FEFF}');
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value.get("default_locale")?.as_str().map(str::to_owned)
}

/// Leaves `value` for the operating system to take back when the process ends, rather than
/// freeing it piece by piece: a large course is millions of allocations, and freeing them
/// was a quarter of the time of loading a 100,000-node course (issue 15). Only for what a
/// command holds until the program exits, once everything is written and flushed: nothing
/// else (no file, lock or terminal) is left undone by not running its destructor.
pub(super) fn keep_until_exit<T>(value: T) {
    std::mem::forget(value);
}
