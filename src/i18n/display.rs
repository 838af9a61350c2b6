//! Untrusted text made safe to print: the one place that decides which characters could
//! drive a terminal or reorder what is around them, and how they are shown instead.
//!
//! Every value that comes from a file (course ids and keys, file names, exports, session
//! logs, progress files, profile names) goes through [`escape`] or [`escape_lines`] before
//! it reaches a terminal or a text report, so a new field cannot reopen the hole. The
//! validator rejects the same characters in ids with [`is_control`].

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` could drive a terminal or reorder the text around it: a C0 control (tab and
/// newline included), DEL, a C1 control, or a bidirectional embedding, override or isolate
/// (U+202A–U+202E, U+2066–U+2069).
pub fn is_control(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// `text` on one line with every [`is_control`] character written as `\u{1b}` (as Rust
/// writes it): newlines and tabs too, so a value cannot start a line of its own. Text
/// without such characters is returned as is; escaping twice changes nothing.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_except(text, |_| false)
}

/// Like [`escape`], but newlines and tabs are kept: for texts of several lines.
pub fn escape_lines(text: &str) -> Cow<'_, str> {
    escape_except(text, |c| c == '\n' || c == '\t')
}

fn escape_except(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| is_control(c) && !keep(c);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_are_written_out() {
        assert_eq!(escape("a\r\u{1b}[2Kb"), "a\\u{d}\\u{1b}[2Kb");
        assert_eq!(escape("\u{1b}]52;c;aGk=\u{7}"), "\\u{1b}]52;c;aGk=\\u{7}");
        assert_eq!(escape("x\u{9b}2J\u{7f}"), "x\\u{9b}2J\\u{7f}");
        assert_eq!(escape("id\u{202e}txt.exe"), "id\\u{202e}txt.exe");
        assert_eq!(escape("two\nlines\tand tab"), "two\\u{a}lines\\u{9}and tab");
    }

    #[test]
    fn lines_keep_newlines_and_tabs_only() {
        assert_eq!(escape_lines("a\n\tb\r\n\u{1b}c"), "a\n\tb\\u{d}\n\\u{1b}c");
    }

    #[test]
    fn safe_text_is_borrowed_and_escaping_is_idempotent() {
        assert!(matches!(escape("Één – “ok” \\u{1b}"), Cow::Borrowed(_)));
        let once = escape("\u{1b}[31m").into_owned();
        assert_eq!(escape(&once), once);
    }
}
