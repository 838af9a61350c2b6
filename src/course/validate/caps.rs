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
/// [`may_hold_long_strings`] rules out at a few instructions per 64 bytes; only the rest
/// are read string by string.
pub(crate) fn long_strings(text: &str) -> Vec<(Position, usize)> {
    if !may_hold_long_strings(text.as_bytes()) {
        return Vec::new();
    }
    strings_over_cap(text)
}

/// False only when no string of `bytes` can be longer than [`MAX_TEXT_BYTES`]: no two
/// quote characters that do not follow a backslash (nor the start or the end of the text)
/// are further apart than that. Every quote inside a string is escaped, so it follows a
/// backslash: a longer string lies within such a stretch, from its opening quote (or
/// before) to its closing one (or after, when a backslash precedes it, as in `"\\\\"`).
fn may_hold_long_strings(bytes: &[u8]) -> bool {
    const WORD: usize = 8;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    /// The high bit of every byte of `word` that equals `byte`, and no other bit: exact,
    /// since no addition carries into the next byte.
    fn hits(word: u64, byte: u8) -> u64 {
        let y = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
        !(((y & LOW7) + LOW7) | y | LOW7)
    }
    // Where the stretch since the last quote that does not follow a backslash starts.
    let mut stretch_start = 0;
    // The high bit of the last byte of the word before, when it is a backslash.
    let mut backslash_before = 0u64;
    let mut check = |word: u64, base: usize| {
        let backslashes = hits(word, b'\\');
        let quotes = hits(word, b'"') & !((backslashes << 8) | backslash_before);
        backslash_before = backslashes >> 56;
        if quotes == 0 {
            return false;
        }
        let first = base + (quotes.trailing_zeros() / 8) as usize;
        let long = first - stretch_start > MAX_TEXT_BYTES;
        stretch_start = base + 8 - (quotes.leading_zeros() / 8) as usize;
        long
    };
    let mut words = bytes.chunks_exact(WORD);
    let mut base = 0;
    for chunk in &mut words {
        let mut word = [0u8; WORD];
        word.copy_from_slice(chunk);
        if check(u64::from_le_bytes(word), base) {
            return true;
        }
        base += WORD;
    }
    // The last bytes, padded with zeros (neither a quote nor a backslash).
    let mut word = [0u8; WORD];
    let rest = words.remainder();
    word[..rest.len()].copy_from_slice(rest);
    check(u64::from_le_bytes(word), base) || bytes.len() - stretch_start > MAX_TEXT_BYTES
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
}
