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
/// opening quote is, and its length in bytes. Nearly every file has none, which
/// [`may_hold_long_strings`] rules out by finding one quote per 16 KiB; only the rest are
/// read string by string.
pub(crate) fn long_strings(text: &str) -> Vec<(Position, usize)> {
    if !may_hold_long_strings(text.as_bytes()) {
        return Vec::new();
    }
    strings_over_cap(text)
}

/// The bytes of a stretch [`may_hold_long_strings`] finds a delimiting quote in: a quarter
/// of the cap, so any stretch of the cap's length holds a whole one.
const STRETCH: usize = MAX_TEXT_BYTES / 4;

/// False only when no string of `bytes` can be longer than [`MAX_TEXT_BYTES`]: every whole
/// [`STRETCH`] of the text (`0..STRETCH`, `STRETCH..2 * STRETCH`, ...) holds a quote that
/// does not follow a backslash. Every quote inside a string is escaped, so it follows a
/// backslash; a string longer than the cap holds a whole stretch, which then has no such
/// quote (as in `"\\"`, a quote that follows an escaped backslash is taken for escaped,
/// which only makes the check say maybe). In JSON quotes come every few bytes, so finding
/// the first of a stretch costs next to nothing.
fn may_hold_long_strings(bytes: &[u8]) -> bool {
    let delimits =
        |at: usize| at.checked_sub(1).and_then(|before| bytes.get(before)) != Some(&b'\\');
    bytes.chunks_exact(STRETCH).enumerate().any(|(k, stretch)| {
        let base = k * STRETCH;
        !memchr::memchr_iter(b'"', stretch).any(|i| delimits(base + i))
    })
}

/// [`long_strings`] read string by string: one pass over the bytes that jumps from quote
/// to quote (and backslash), so it costs little even on a file at the size cap (and on a
/// malformed file, which fails to parse anyway); lines and columns are counted only for
/// the strings found.
fn strings_over_cap(text: &str) -> Vec<(Position, usize)> {
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

    #[test]
    fn the_quick_check_passes_over_no_long_string() {
        let cap = MAX_TEXT_BYTES;
        // Escaped quotes every few bytes make every gap between quotes short.
        let escaped = format!("[\"{}\"]", "ab\\\"".repeat(cap / 4 + 1));
        // A backslash at the end of one 64-byte block escapes a quote in the next.
        let across = format!("[\"{}\\\"{}\"]", "a".repeat(61), "b".repeat(cap));
        // Long only as written: escapes count as written.
        let exact = format!("[\"{}\", \"{}\"]", "a".repeat(cap), "b".repeat(cap + 1));
        // Quotes only outside strings, far apart: the check says maybe, the scan no.
        let spaced = format!("[\"a\",{}\"b\"]", " ".repeat(cap + 10));
        for (text, long) in [
            (&escaped, true),
            (&across, true),
            (&exact, true),
            (&spaced, false),
        ] {
            assert!(may_hold_long_strings(text.as_bytes()), "{}", &text[..80]);
            assert_eq!(
                long_strings(text).len(),
                usize::from(long),
                "{}",
                &text[..80]
            );
            assert_eq!(long_strings(text), strings_over_cap(text));
        }
        // The last string ends in an escaped backslash, so its closing quote follows one.
        let last = format!("[\"a\", \"{}\\\\\"]", "b".repeat(cap));
        assert!(may_hold_long_strings(last.as_bytes()));
        assert_eq!(long_strings(&last).len(), 1);
        // Escaped quotes in short strings are no reason to read string by string.
        let quoted_speech = format!("[{}\"\"]", "\"she said \\\"yes\\\"\",".repeat(9000));
        let short = [
            "",
            "\"\"",
            "[\"a\", \"b\\\\\"]",
            "{\"k\": [1, 2, \"v\"]}",
            &quoted_speech,
        ];
        for text in short {
            let shown = &text[..text.len().min(80)];
            assert!(!may_hold_long_strings(text.as_bytes()), "{shown}");
            assert!(long_strings(text).is_empty(), "{shown}");
        }
        let short: String = (0..5000).map(|i| format!("\"s{i}\",")).collect();
        assert!(!may_hold_long_strings(short.as_bytes()));
    }

    #[test]
    fn a_string_just_over_the_cap_is_found_wherever_it_starts() {
        let long = "x".repeat(MAX_TEXT_BYTES + 1);
        for offset in [
            0,
            1,
            STRETCH - 1,
            STRETCH,
            STRETCH + 1,
            2 * STRETCH + 7,
            3 * STRETCH - 5,
        ] {
            // Short strings before and after, so every other stretch has a quote.
            let dense = |bytes: usize| "\"a\",".repeat(bytes / 4 + 1);
            let text = format!(
                "[{}\"{long}\",{}\"z\"]",
                dense(offset),
                dense(MAX_TEXT_BYTES)
            );
            assert!(may_hold_long_strings(text.as_bytes()), "at {offset}");
            let found = long_strings(&text);
            assert_eq!(found.len(), 1, "at {offset}");
            assert_eq!(found[0].1, MAX_TEXT_BYTES + 1, "at {offset}");
        }
    }
}
