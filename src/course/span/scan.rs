//! The scanner that [`positions`](super::positions) and [`SpanIndex`](super::SpanIndex)
//! share: one pass over a JSON text that tells a visitor where each value starts, and the
//! searches over bytes it is made of.

use std::borrow::Cow;

/// What the scanner expects next.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// A value (the top-level one, an element, or after a key's colon).
    Value,
    /// The first element of an array, or `]`.
    ElementOrEnd,
    /// The first key of an object, or `}`.
    KeyOrEnd,
    /// A key (after a comma in an object).
    Key,
    /// `,` or the end of the enclosing container.
    CommaOrEnd,
}

/// What kind of value starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Object,
    Array,
    /// A string, number or literal (or something that turns out not to be JSON).
    Scalar,
}

/// Where a value sits in its parent container.
#[derive(Debug, Clone, Copy)]
pub(super) enum Place<'a> {
    /// Under this key of an object, as written (escapes not resolved).
    Key(&'a str),
    /// At this index of an array.
    Index(usize),
}

/// What a scan tells: the start of each value, and where it sits.
pub(super) trait Visit<'a> {
    /// What the visitor keeps for each open container, handed back for its children.
    type Tag: Copy;
    /// A value of `kind` starts at byte `offset`, in the container tagged `parent` at
    /// `place` (`None` for the top-level value). Returns the value's tag.
    fn value(
        &mut self,
        offset: usize,
        kind: Kind,
        parent: Option<(Self::Tag, Place<'a>)>,
    ) -> Self::Tag;

    /// Whether the scan should look inside the container tagged `tag`; when not, it jumps
    /// to the container's end without telling where its values start.
    fn enters(&self, _tag: Self::Tag) -> bool {
        true
    }
}

/// An open container during a scan.
struct Frame<T> {
    tag: T,
    object: bool,
    /// The index of the next element (arrays).
    next_index: usize,
}

/// One pass over `text` with an explicit stack of open containers, telling `visitor` where
/// each value starts. Stops quietly at the first thing that is not JSON, and after the
/// top-level value.
pub(super) fn scan<'a, V: Visit<'a>>(text: &'a str, visitor: &mut V) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut stack: Vec<Frame<V::Tag>> = Vec::new();
    let mut pending_key: &'a str = "";
    let mut expect = Expect::Value;

    loop {
        pos = skip_whitespace(bytes, pos);
        let Some(&byte) = bytes.get(pos) else {
            return;
        };
        match expect {
            Expect::Value | Expect::ElementOrEnd => {
                if matches!(expect, Expect::ElementOrEnd) && byte == b']' {
                    stack.pop();
                    pos += 1;
                    expect = Expect::CommaOrEnd;
                    continue;
                }
                let kind = match byte {
                    b'{' => Kind::Object,
                    b'[' => Kind::Array,
                    _ => Kind::Scalar,
                };
                let parent = stack.last_mut().map(|frame| {
                    let place = if frame.object {
                        Place::Key(pending_key)
                    } else {
                        frame.next_index += 1;
                        Place::Index(frame.next_index - 1)
                    };
                    (frame.tag, place)
                });
                let tag = visitor.value(pos, kind, parent);
                match byte {
                    b'{' | b'[' if !visitor.enters(tag) => match container_end(bytes, pos) {
                        Some(end) => pos = end,
                        None => return,
                    },
                    b'{' | b'[' => {
                        let object = byte == b'{';
                        stack.push(Frame {
                            tag,
                            object,
                            next_index: 0,
                        });
                        pos += 1;
                        expect = if object {
                            Expect::KeyOrEnd
                        } else {
                            Expect::ElementOrEnd
                        };
                        continue;
                    }
                    b'"' => match string_end(bytes, pos) {
                        Some(end) => pos = end,
                        None => return,
                    },
                    _ => {
                        let end = scalar_end(bytes, pos);
                        if end == pos {
                            return; // a stray `,`, `:`, `]` or `}`
                        }
                        pos = end;
                    }
                }
                expect = Expect::CommaOrEnd;
            }
            Expect::KeyOrEnd | Expect::Key => {
                if matches!(expect, Expect::KeyOrEnd) && byte == b'}' {
                    stack.pop();
                    pos += 1;
                    expect = Expect::CommaOrEnd;
                    continue;
                }
                if byte != b'"' {
                    return;
                }
                let Some(end) = string_end(bytes, pos) else {
                    return;
                };
                pending_key = text.get(pos + 1..end - 1).unwrap_or("");
                pos = skip_whitespace(bytes, end);
                if bytes.get(pos) != Some(&b':') {
                    return;
                }
                pos += 1;
                expect = Expect::Value;
            }
            Expect::CommaOrEnd => {
                let Some(open) = stack.last() else {
                    // The top-level value is complete; anything after it is not indexed.
                    return;
                };
                match (byte, open.object) {
                    (b',', true) => expect = Expect::Key,
                    (b',', false) => expect = Expect::Value,
                    (b'}', true) | (b']', false) => {
                        stack.pop();
                    }
                    _ => return,
                }
                pos += 1;
            }
        }
    }
}

/// The byte 0x01 in every byte of a word, for testing eight bytes at a time.
const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// The high bit of every byte of a word.
pub(super) const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

fn skip_whitespace(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// The offset just past the closing quote of the string starting at `start`, if it closes.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut pos = start + 1;
    loop {
        // memchr jumps over the string's text to its next quote or backslash.
        let rest = bytes.get(pos..)?;
        let found = memchr::memchr2(b'"', b'\\', rest)?;
        match rest.get(found)? {
            b'"' => return Some(pos + found + 1),
            _ => pos += found + 2, // a backslash and the byte it escapes
        }
    }
}

/// The offset just past the object or array that opens at `start`, if it closes.
///
/// Only its own kind of bracket is counted, and strings are stepped over: in JSON the other
/// kind always pairs up inside, so this finds the same end as a full scan. Text that is not
/// JSON may end it elsewhere than a full scan would, which stops at the first error; it
/// still never reads past the text.
fn container_end(bytes: &[u8], start: usize) -> Option<usize> {
    let open = *bytes.get(start)?;
    let close = if open == b'{' { b'}' } else { b']' };
    let mut depth = 0usize;
    let mut pos = start;
    loop {
        // Outside strings, only quotes and this container's brackets matter.
        pos = next_of(bytes, pos, [b'"', open, close])?;
        match bytes.get(pos)? {
            b'"' => loop {
                // Inside a string, only its closing quote and escapes matter.
                pos = next_of(bytes, pos + 1, [b'"', b'\\', b'"'])?;
                if bytes.get(pos)? == &b'"' {
                    break;
                }
                pos += 1; // the escaped byte
            },
            &byte if byte == open => depth += 1,
            _ => {
                depth -= 1;
                if depth == 0 {
                    return Some(pos + 1);
                }
            }
        }
        pos += 1;
    }
}

/// The offset of the first of `needles` at or after `pos`.
///
/// Eight bytes are tested at a time, as one word: the strings and keys a skipped value
/// holds are mostly short, too short for `memchr` to gain over its cost per call.
fn next_of(bytes: &[u8], mut pos: usize, needles: [u8; 3]) -> Option<usize> {
    // The high bit of each byte of `word` that equals `needle`. Bits above the lowest may
    // be wrong (a borrow runs on), so only the lowest is read.
    let equal = |word: u64, needle: u8| {
        let x = word ^ (ONES * u64::from(needle));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        let found = equal(word, needles[0]) | equal(word, needles[1]) | equal(word, needles[2]);
        if found != 0 {
            return Some(pos + (found.trailing_zeros() / 8) as usize);
        }
        pos += 8;
    }
    let rest = bytes.get(pos..)?;
    rest.iter()
        .position(|byte| needles.contains(byte))
        .map(|i| pos + i)
}

/// The offset just past a number or literal starting at `start`.
fn scalar_end(bytes: &[u8], start: usize) -> usize {
    let mut pos = start;
    while let Some(&b) = bytes.get(pos) {
        if matches!(
            b,
            b',' | b':' | b']' | b'}' | b'[' | b'{' | b'"' | b' ' | b'\t' | b'\n' | b'\r'
        ) {
            break;
        }
        pos += 1;
    }
    pos
}

/// The key as serde sees it: escapes resolved. Borrows when there is nothing to resolve.
pub(super) fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\\') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let high = hex4(&mut chars);
                let code = match high {
                    Some(h @ 0xD800..=0xDBFF) => {
                        // A surrogate pair is written as two escapes.
                        let mut ahead = chars.clone();
                        match (ahead.next(), ahead.next(), hex4(&mut ahead)) {
                            (Some('\\'), Some('u'), Some(l @ 0xDC00..=0xDFFF)) => {
                                chars = ahead;
                                Some(0x10000 + ((h - 0xD800) << 10) + (l - 0xDC00))
                            }
                            _ => None,
                        }
                    }
                    other => other,
                };
                out.push(code.and_then(char::from_u32).unwrap_or('\u{FFFD}'));
            }
            Some(other) => out.push(other), // `"`, `\`, `/`
            None => {}
        }
    }
    Cow::Owned(out)
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut code = 0;
    for _ in 0..4 {
        code = code * 16 + chars.next()?.to_digit(16)?;
    }
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers_are_jumped_over_to_their_own_closing_bracket() {
        let end = |text: &str| container_end(text.as_bytes(), 0);
        assert_eq!(end("{}"), Some(2));
        assert_eq!(end("[] "), Some(2));
        // Brackets of the other kind, and in strings (escaped quotes too), do not count.
        let text = r#"{"a": [{"b": "}]\"}"}], "c\"}": ["{"], "d": {}} , 1"#;
        assert_eq!(end(text), text.find(" ,"));
        let text = r#"[[1, {"x": "]"}], "\"]", {}] tail"#;
        assert_eq!(end(text), text.find(" tail"));
        // Unclosed, or a string that never closes: no end.
        for text in ["{", "[[]", "{\"a\": \"}", "[\"\\\"]"] {
            assert_eq!(end(text), None, "{text}");
        }
    }
}
