//! Every user-facing sentence of the command line, one function per message.
//!
//! Kept together so they can move to Fluent locale files later without hunting through the
//! code: callers pass numbers and names, never assemble sentences themselves.

use std::path::Path;

/// The kind of a course item, as shown in the outline.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ItemKind {
    Lesson,
    Scenario,
}

/// How many of each thing a loaded course has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CourseCounts {
    pub lessons: usize,
    pub scenarios: usize,
    pub nodes: usize,
}

/// `3 errors`, `1 error`.
fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The last line of `validate`: `course: 2 errors, 1 warning` or
/// `course: no problems (3 lessons, 1 scenario, 41 nodes)`.
pub(crate) fn validate_summary(
    root: &str,
    errors: usize,
    warnings: usize,
    counts: Option<CourseCounts>,
) -> String {
    let problems = match (errors, warnings) {
        (0, 0) => "no problems".to_owned(),
        (0, w) => plural(w, "warning", "warnings"),
        (e, 0) => plural(e, "error", "errors"),
        (e, w) => format!(
            "{}, {}",
            plural(e, "error", "errors"),
            plural(w, "warning", "warnings")
        ),
    };
    match counts {
        Some(c) => format!(
            "{root}: {problems} ({}, {}, {})",
            plural(c.lessons, "lesson", "lessons"),
            plural(c.scenarios, "scenario", "scenarios"),
            plural(c.nodes, "node", "nodes"),
        ),
        None => format!("{root}: {problems}"),
    }
}

/// The prefix and context chain of an error that stops the program.
pub(crate) fn fatal_error(error: &anyhow::Error) -> String {
    // `{:#}` prints the whole context chain: `outer: inner: cause`.
    format!("kruispunt: error: {error:#}")
}

/// Context for a course directory that cannot be read.
pub(crate) fn cannot_read_course(dir: &Path) -> String {
    format!("cannot read the course in {}", dir.display())
}

/// `validate DIR` and `--course DIR` were both given, with different directories.
pub(crate) fn two_course_dirs(positional: &Path, option: &Path) -> String {
    format!(
        "two course directories given ({} and --course {}); give one",
        positional.display(),
        option.display()
    )
}

/// Context for writing the output.
pub(crate) fn cannot_write_output() -> String {
    "cannot write the output".to_owned()
}

/// The outline line under the title: the course version.
pub(crate) fn outline_version(version: &str) -> String {
    format!("Version {version}")
}

/// The heading of a module in the outline.
pub(crate) fn outline_module(number: usize, title: &str) -> String {
    format!("Module {number}: {title}")
}

/// The label of an item kind in the outline.
pub(crate) fn item_kind(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Lesson => "lesson",
        ItemKind::Scenario => "scenario",
    }
}

/// An item's estimated duration.
pub(crate) fn minutes(n: u32) -> String {
    format!("{n} min")
}

/// The totals under the outline.
pub(crate) fn outline_totals(lessons: usize, scenarios: usize, minutes: u32) -> String {
    let items = format!(
        "{} and {}",
        plural(lessons, "lesson", "lessons"),
        plural(scenarios, "scenario", "scenarios")
    );
    if minutes == 0 {
        format!("{items}.")
    } else {
        format!("{items}, about {minutes} minutes in total.")
    }
}

/// The last line of the outline, until the interactive interface exists.
pub(crate) fn interface_coming() -> &'static str {
    "The interactive course interface is coming; for now, this is the outline."
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_and_plurals() {
        assert_eq!(
            validate_summary("course", 2, 1, None),
            "course: 2 errors, 1 warning"
        );
        assert_eq!(validate_summary("c", 1, 0, None), "c: 1 error");
        assert_eq!(validate_summary("c", 0, 3, None), "c: 3 warnings");
        let counts = CourseCounts {
            lessons: 3,
            scenarios: 1,
            nodes: 41,
        };
        assert_eq!(
            validate_summary("course", 0, 0, Some(counts)),
            "course: no problems (3 lessons, 1 scenario, 41 nodes)"
        );
    }

    #[test]
    fn totals_leave_out_unknown_minutes() {
        assert_eq!(outline_totals(1, 2, 0), "1 lesson and 2 scenarios.");
        assert_eq!(
            outline_totals(2, 1, 55),
            "2 lessons and 1 scenario, about 55 minutes in total."
        );
    }
}
