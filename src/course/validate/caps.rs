//! Caps on the size of a course: generous for any real course, small enough that a hostile
//! or broken file cannot make loading, validating or every keystroke of the interface slow.
//!
//! The caps on files and bytes are applied while reading ([`crate::course::CourseSource`]);
//! these are the caps on content. Documented in `docs/course-format.md`, "Limits".

use crate::course::diagnostic::{FieldPath, Position, Problem};
use crate::course::parsed::{FileIdx, Finding, ParsedCourse};
use crate::course::span::LineCursor;

/// The longest string (a text in one locale, an id...) in a course file, in bytes as
/// written in the file. The longest paragraph of the built-in course is under 1 KiB.
pub(crate) const MAX_TEXT_BYTES: usize = 64 * 1024;

/// The most nodes in one scenario. The benchmark course (`benches/support`) has a scenario
/// of exactly this many, which must still load; real scenarios have tens.
pub(crate) const MAX_NODES: usize = 100_000;

/// The most choices at one decision point; real ones have two to five.
pub(crate) const MAX_CHOICES: usize = 64;

/// The most scenes in one lesson.
pub(crate) const MAX_SCENES: usize = 1_000;

/// The most lesson files in one course.
pub(crate) const MAX_LESSONS: usize = 1_000;

/// The most scenario files in one course.
pub(crate) const MAX_SCENARIOS: usize = 1_000;

/// Reports every list over its cap; true when there is one, so the other checks (whose
/// cost grows with the content) are skipped.
pub(super) fn check(parsed: &ParsedCourse, findings: &mut Vec<Finding>) -> bool {
    let before = findings.len();
    let root = FieldPath::root();
    for (file, lesson) in &parsed.lessons {
        let at = || root.key("scenes");
        cap(
            findings,
            *file,
            at,
            "scenes",
            lesson.scenes.len(),
            MAX_SCENES,
        );
    }
    for (file, scenario) in &parsed.scenarios {
        let at = || root.key("nodes");
        cap(
            findings,
            *file,
            at,
            "nodes",
            scenario.nodes.len(),
            MAX_NODES,
        );
        for (i, node) in scenario.nodes.iter().enumerate() {
            if let Some(choices) = &node.choices {
                let at = || root.key("nodes").index(i).key("choices");
                cap(findings, *file, at, "choices", choices.len(), MAX_CHOICES);
            }
        }
    }
    findings.len() > before
}

/// Reports `count` of `what` at `at` when it is over `limit`.
fn cap(
    findings: &mut Vec<Finding>,
    file: FileIdx,
    at: impl FnOnce() -> FieldPath,
    what: &str,
    count: usize,
    limit: usize,
) {
    if count > limit {
        findings.push(Finding::new(
            file,
            at(),
            Problem::TooMany {
                what: what.to_owned(),
                count,
                limit,
            },
        ));
    }
}

/// Every string of a JSON text longer than [`MAX_TEXT_BYTES`] as written: where its
/// opening quote is, and its length in bytes. One pass over the bytes that jumps from quote
/// to quote (and backslash), so it costs little even on a file at the size cap (and on a malformed file,
/// which fails to parse anyway); lines and columns are counted only for the strings found.
pub(crate) fn long_strings(text: &str) -> Vec<(Position, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut cursor = LineCursor::new(text);
    // The opening quote of the string being read.
    let mut open: Option<usize> = None;
    // Where the byte after a backslash in a string, which it escapes, ends.
    let mut escaped_until = 0;
    for i in memchr::memchr2_iter(b'"', b'\\', bytes) {
        if i < escaped_until {
            continue;
        }
        match (open, bytes.get(i)) {
            (None, Some(b'"')) => open = Some(i),
            (Some(_), Some(b'\\')) => escaped_until = i + 2,
            (Some(start), Some(b'"')) => {
                let length = i - start - 1;
                if length > MAX_TEXT_BYTES {
                    found.push((cursor.advance_to(start), length));
                }
                open = None;
            }
            _ => {} // a backslash outside a string
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_strings_are_found_where_their_quote_is() {
        let long = "é".repeat(MAX_TEXT_BYTES / 2 + 1);
        let text = format!("{{\n  \"a\\\"\": \"x\",\n  \"é\": \"{long}\"\n}}");
        assert_eq!(
            long_strings(&text),
            [(Position { line: 3, column: 8 }, MAX_TEXT_BYTES + 2)]
        );
        let fits = format!("\"{}\"", "a".repeat(MAX_TEXT_BYTES));
        assert!(long_strings(&fits).is_empty());
    }
}
