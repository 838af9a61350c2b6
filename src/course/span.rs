//! Positions of fields in a JSON text, computed only for files that have problems.
//!
//! The parsed model types do not remember where they came from (that would cost memory and
//! time on every load), so when a finding needs a line and column, [`SpanIndex`] scans the
//! file's text once and maps field paths to where their values start. The scan is forgiving:
//! on malformed JSON it keeps what it indexed before the error, and it never recurses, so deep
//! nesting cannot overflow the stack.

use super::{FieldPath, PathSeg, Position};
use std::borrow::Cow;

/// Where every value of one JSON text starts, by path.
#[derive(Debug)]
pub(crate) struct SpanIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// Every value, in document order; the first is the top-level value.
    values: Vec<Value<'a>>,
}

/// One JSON value: where it starts and, for containers, its children.
#[derive(Debug)]
struct Value<'a> {
    /// Byte offset of the value's first character.
    offset: usize,
    children: Children<'a>,
}

#[derive(Debug)]
enum Children<'a> {
    /// A string, number or literal.
    Scalar,
    /// Element indices into [`SpanIndex::values`].
    Array(Vec<usize>),
    /// Unescaped keys with their value indices, in document order.
    Object(Vec<(Cow<'a, str>, usize)>),
}

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

impl<'a> SpanIndex<'a> {
    /// Scans `text`, recording where every value starts.
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut index = SpanIndex {
            text,
            line_starts,
            values: Vec::new(),
        };
        index.scan();
        index
    }

    /// Where the value at `path` starts; when the path does not exist, where its longest
    /// existing prefix starts (so a missing field points at its object). `None` only when the
    /// text has no top-level value at all.
    pub fn position(&self, path: &FieldPath) -> Option<Position> {
        let mut current = self.values.first()?;
        for seg in &path.0 {
            let child = match (seg, &current.children) {
                (PathSeg::Key(key), Children::Object(members)) => members
                    .iter()
                    .rev() // serde keeps the last of duplicate keys
                    .find(|(k, _)| k == key)
                    .map(|&(_, idx)| idx),
                (PathSeg::Index(n), Children::Array(elements)) => elements.get(*n).copied(),
                _ => None,
            };
            match child.and_then(|idx| self.values.get(idx)) {
                Some(value) => current = value,
                None => break,
            }
        }
        Some(self.position_of_offset(current.offset))
    }

    /// The byte offset where the value at exactly `path` starts; `None` when the path does
    /// not exist.
    pub fn offset(&self, path: &FieldPath) -> Option<usize> {
        let mut current = self.values.first()?;
        for seg in &path.0 {
            let child = match (seg, &current.children) {
                (PathSeg::Key(key), Children::Object(members)) => members
                    .iter()
                    .rev()
                    .find(|(k, _)| k == key)
                    .map(|&(_, idx)| idx),
                (PathSeg::Index(n), Children::Array(elements)) => elements.get(*n).copied(),
                _ => None,
            };
            current = self.values.get(child?)?;
        }
        Some(current.offset)
    }

    /// Line and character column of a byte offset.
    fn position_of_offset(&self, offset: usize) -> Position {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = line
            .checked_sub(1)
            .and_then(|i| self.line_starts.get(i))
            .copied()
            .unwrap_or(0);
        let column = self
            .text
            .get(line_start..offset)
            .map_or(0, |before| before.chars().count());
        Position {
            line: line.max(1),
            column: column + 1,
        }
    }

    /// Records a new value starting at `offset` as a child of the innermost open container.
    fn push_value(
        &mut self,
        offset: usize,
        stack: &[usize],
        pending_key: &mut Option<Cow<'a, str>>,
    ) {
        let idx = self.values.len();
        self.values.push(Value {
            offset,
            children: Children::Scalar,
        });
        if let Some(parent) = stack.last().and_then(|&p| self.values.get_mut(p)) {
            match &mut parent.children {
                Children::Array(elements) => elements.push(idx),
                Children::Object(members) => {
                    if let Some(key) = pending_key.take() {
                        members.push((key, idx));
                    }
                }
                Children::Scalar => {}
            }
        }
    }

    /// One pass over the text with an explicit stack of open containers. Stops quietly at
    /// the first thing that is not JSON.
    fn scan(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut pos = 0;
        // Indices of the open arrays and objects, innermost last.
        let mut stack: Vec<usize> = Vec::new();
        let mut pending_key: Option<Cow<'a, str>> = None;
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
                    let idx = self.values.len();
                    self.push_value(pos, &stack, &mut pending_key);
                    match byte {
                        b'{' | b'[' => {
                            let children = if byte == b'{' {
                                Children::Object(Vec::new())
                            } else {
                                Children::Array(Vec::new())
                            };
                            if let Some(value) = self.values.get_mut(idx) {
                                value.children = children;
                            }
                            stack.push(idx);
                            pos += 1;
                            expect = if byte == b'{' {
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
                    let raw = text.get(pos + 1..end - 1).unwrap_or("");
                    pending_key = Some(unescape(raw));
                    pos = skip_whitespace(bytes, end);
                    if bytes.get(pos) != Some(&b':') {
                        return;
                    }
                    pos += 1;
                    expect = Expect::Value;
                }
                Expect::CommaOrEnd => {
                    let Some(&open) = stack.last() else {
                        // The top-level value is complete; anything after it is not indexed.
                        return;
                    };
                    let in_object = matches!(
                        self.values.get(open).map(|v| &v.children),
                        Some(Children::Object(_))
                    );
                    match (byte, in_object) {
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
}

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
        match bytes.get(pos)? {
            b'"' => return Some(pos + 1),
            b'\\' => pos += 2,
            _ => pos += 1,
        }
    }
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
fn unescape(raw: &str) -> Cow<'_, str> {
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

    fn path(segs: &[PathSeg]) -> FieldPath {
        FieldPath(segs.to_vec())
    }

    fn key(k: &str) -> PathSeg {
        PathSeg::Key(k.to_owned())
    }

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn root_is_where_the_top_level_value_starts() {
        let index = SpanIndex::new("\n  \n   {\"a\": 1}");
        assert_eq!(index.position(&FieldPath::root()), at(3, 4));
    }

    #[test]
    fn object_keys_point_at_their_values() {
        let text = "{\n  \"id\": \"x\",\n  \"n\":   42\n}";
        let index = SpanIndex::new(text);
        assert_eq!(index.position(&path(&[key("id")])), at(2, 9));
        assert_eq!(index.position(&path(&[key("n")])), at(3, 10));
    }

    #[test]
    fn nested_arrays_and_objects() {
        let text = r#"{"nodes": [{"id": "a"}, {"id": "b", "choices": [[1, 2], [3, [4, 5]]]}]}"#;
        let index = SpanIndex::new(text);
        let choices = [key("nodes"), PathSeg::Index(1), key("choices")];
        assert_eq!(index.position(&path(&choices)), at(1, 48));
        let mut deep = choices.to_vec();
        deep.extend([PathSeg::Index(1), PathSeg::Index(1), PathSeg::Index(0)]);
        // `4` in `[3, [4, 5]]`.
        assert_eq!(index.position(&path(&deep)), at(1, 62));
        let second_id = [key("nodes"), PathSeg::Index(1), key("id")];
        assert_eq!(index.position(&path(&second_id)), at(1, 32));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // "é" is 2 bytes and the emoji 4, but each is one column.
        let index = SpanIndex::new("{\"t\": \"é🎉\", \"x\": 1}");
        assert_eq!(index.position(&path(&[key("x")])), at(1, 18));
    }

    #[test]
    fn input_after_the_top_level_value_is_ignored() {
        let index = SpanIndex::new("{\"t\": 1}\n{\"t\": 2}");
        assert_eq!(index.position(&path(&[key("t")])), at(1, 7));
    }

    #[test]
    fn multi_byte_characters_on_later_lines() {
        let text = "{\n  \"naam\": \"Zoë\",\n  \"🎉\": [true, \"ça\", null]\n}";
        let index = SpanIndex::new(text);
        let null = [key("🎉"), PathSeg::Index(2)];
        assert_eq!(index.position(&path(&null)), at(3, 21));
    }

    #[test]
    fn escaped_quotes_in_strings_do_not_end_them() {
        let text = r#"{"a": "say \"hi\", \\", "b": {"c\"d": 5, "e\u00e9": 6}}"#;
        let index = SpanIndex::new(text);
        assert_eq!(index.position(&path(&[key("b")])), at(1, 30));
        assert_eq!(index.position(&path(&[key("b"), key("c\"d")])), at(1, 39));
        assert_eq!(index.position(&path(&[key("b"), key("eé")])), at(1, 53));
    }

    #[test]
    fn surrogate_pair_escapes_in_keys() {
        let index = SpanIndex::new(r#"{"\ud83c\udf89": 1}"#);
        assert_eq!(index.position(&path(&[key("🎉")])), at(1, 18));
    }

    #[test]
    fn missing_paths_fall_back_to_the_longest_existing_prefix() {
        let text = "{\n  \"nodes\": [\n    {\"id\": \"a\"}\n  ]\n}";
        let index = SpanIndex::new(text);
        let missing_field = [key("nodes"), PathSeg::Index(0), key("next")];
        assert_eq!(index.position(&path(&missing_field)), at(3, 5));
        let missing_index = [key("nodes"), PathSeg::Index(7), key("id")];
        assert_eq!(index.position(&path(&missing_index)), at(2, 12));
        // A key on an array, an index on an object: the container itself.
        assert_eq!(index.position(&path(&[key("nodes"), key("x")])), at(2, 12));
        assert_eq!(index.position(&path(&[PathSeg::Index(0)])), at(1, 1));
    }

    #[test]
    fn duplicate_keys_resolve_to_the_last_like_serde() {
        let index = SpanIndex::new(r#"{"a": 1, "a": 2}"#);
        assert_eq!(index.position(&path(&[key("a")])), at(1, 15));
    }

    #[test]
    fn crlf_line_endings() {
        let index = SpanIndex::new("{\r\n  \"a\": 1\r\n}");
        assert_eq!(index.position(&path(&[key("a")])), at(2, 8));
    }

    #[test]
    fn malformed_json_keeps_what_came_before_and_never_panics() {
        let index = SpanIndex::new("{\"a\": [1, 2}, \"b\": 3");
        assert_eq!(
            index.position(&path(&[key("a"), PathSeg::Index(1)])),
            at(1, 11)
        );
        assert_eq!(index.position(&path(&[key("b")])), at(1, 1));

        for text in [
            "",
            "   ",
            "\"",
            "\"abc\\",
            "{",
            "[",
            "}",
            "]",
            ",",
            "{\"a\"",
            "{\"a\":",
            "{,}",
            "[,]",
            "{\"a\" 1}",
            "nul",
            "\\u",
            "{\"\\u12\": 1}",
            "{\"\\ud800\": 1}",
            "é",
            "[\"é",
        ] {
            let index = SpanIndex::new(text);
            let _ = index.position(&FieldPath::root());
            let _ = index.position(&path(&[key("a"), PathSeg::Index(3)]));
        }
        assert_eq!(SpanIndex::new("").position(&FieldPath::root()), None);
        assert_eq!(SpanIndex::new("  \n ").position(&FieldPath::root()), None);
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 100_000;
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let index = SpanIndex::new(&text);
        let deep = FieldPath(vec![PathSeg::Index(0); depth - 1]);
        assert_eq!(index.position(&deep), at(1, depth));
        let unclosed = "[{\"a\":".repeat(depth);
        let index = SpanIndex::new(&unclosed);
        assert_eq!(index.position(&FieldPath::root()), at(1, 1));
    }
}
