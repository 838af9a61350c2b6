//! Positions of fields in a JSON text, computed only for files that have problems.
//!
//! The parsed model types do not remember where they came from (that would cost memory and
//! time on every load), so when findings need lines and columns, [`positions`] scans the
//! file's text once, following only the paths asked for and jumping over every object or
//! array that none of them goes into, and counts lines and columns with a cursor that only
//! moves forward: the cost is one pass over the text however many findings there are, and
//! memory in proportion to the paths, not to the file. [`SpanIndex`] keeps where every value
//! starts, for `migrate`, which edits many values.
//!
//! Both share one scanner. It is forgiving: on malformed JSON it keeps what it saw before
//! the error (a value it jumps over is not checked), and it never recurses, so deep nesting
//! cannot overflow the stack.

mod cursor;
mod scan;

pub(crate) use cursor::LineCursor;

use super::{FieldPath, PathSeg, Position};
use scan::{Kind, Place, Visit, scan, unescape};
use std::borrow::Cow;
use std::collections::HashMap;

/// Where every value of one JSON text starts, by path.
#[derive(Debug)]
pub(crate) struct SpanIndex<'a> {
    #[cfg(test)]
    text: &'a str,
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

impl<'a> SpanIndex<'a> {
    /// Scans `text`, recording where every value starts.
    pub fn new(text: &'a str) -> Self {
        let mut index = SpanIndex {
            #[cfg(test)]
            text,
            values: Vec::new(),
        };
        scan(text, &mut index);
        index
    }

    /// Where the value at `path` starts; when the path does not exist, where its longest
    /// existing prefix starts (so a missing field points at its object). `None` only when the
    /// text has no top-level value at all. Counted from the start of the line, as
    /// [`positions`] did before it counted with a cursor: the reference its tests compare with.
    #[cfg(test)]
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
        let offset = current.offset;
        let before = self.text.get(..offset).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Some(Position {
            line: before.matches('\n').count() + 1,
            column: before.get(line_start..).map_or(0, |l| l.chars().count()) + 1,
        })
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
}

impl<'a> Visit<'a> for SpanIndex<'a> {
    /// The value's index in [`SpanIndex::values`].
    type Tag = usize;

    fn value(&mut self, offset: usize, kind: Kind, parent: Option<(usize, Place<'a>)>) -> usize {
        let idx = self.values.len();
        self.values.push(Value {
            offset,
            children: match kind {
                Kind::Object => Children::Object(Vec::new()),
                Kind::Array => Children::Array(Vec::new()),
                Kind::Scalar => Children::Scalar,
            },
        });
        if let Some((parent, place)) = parent
            && let Some(parent) = self.values.get_mut(parent)
        {
            match (&mut parent.children, place) {
                (Children::Array(elements), Place::Index(_)) => elements.push(idx),
                (Children::Object(members), Place::Key(raw)) => members.push((unescape(raw), idx)),
                _ => {}
            }
        }
        idx
    }
}

/// Where the values at `paths` start in `text`, in the order of `paths`: each path's
/// position, or where its longest existing prefix starts when it does not exist (so a
/// missing field points at its object); `None` only when the text has no top-level value.
///
/// One pass over the text follows only the paths asked for, then one more, with a cursor,
/// turns the offsets found into lines and character columns.
pub(crate) fn positions(text: &str, paths: &[&FieldPath]) -> Vec<Option<Position>> {
    let mut trie = PathTrie::new(paths);
    scan(text, &mut trie);
    let mut offsets: Vec<(usize, usize)> = paths
        .iter()
        .enumerate()
        .filter_map(|(i, path)| trie.offset(path).map(|offset| (offset, i)))
        .collect();
    offsets.sort_unstable();
    let mut found = vec![None; paths.len()];
    let mut cursor = LineCursor::new(text);
    for (offset, i) in offsets {
        if let Some(slot) = found.get_mut(i) {
            *slot = Some(cursor.advance_to(offset));
        }
    }
    found
}

/// The paths asked for, merged by their common prefixes, with where each step's value
/// starts once the scan has seen it.
struct PathTrie<'p> {
    /// The first is the top-level value.
    steps: Vec<Step<'p>>,
}

#[derive(Default)]
struct Step<'p> {
    /// Where this value starts (the last of duplicate keys, as serde keeps).
    offset: Option<usize>,
    /// Children under keys, sorted by key.
    keys: Vec<(&'p str, u32)>,
    /// Children at indices, sorted by index.
    indices: Vec<(usize, u32)>,
}

impl<'p> PathTrie<'p> {
    fn new(paths: &[&'p FieldPath]) -> Self {
        let mut steps = vec![Step::default()];
        let mut children: HashMap<(u32, &'p PathSeg), u32> = HashMap::new();
        for path in paths {
            let mut at = 0u32;
            for seg in &path.0 {
                let next = u32::try_from(steps.len()).unwrap_or(u32::MAX);
                at = *children.entry((at, seg)).or_insert_with(|| {
                    steps.push(Step::default());
                    next
                });
            }
        }
        for ((parent, seg), child) in children {
            if let Some(step) = steps.get_mut(parent as usize) {
                match seg {
                    PathSeg::Key(key) => step.keys.push((key.as_str(), child)),
                    PathSeg::Index(index) => step.indices.push((*index, child)),
                }
            }
        }
        for step in &mut steps {
            step.keys.sort_unstable();
            step.indices.sort_unstable();
        }
        PathTrie { steps }
    }

    fn step(&self, at: u32) -> Option<&Step<'p>> {
        self.steps.get(at as usize)
    }

    /// The child of `at` at `seg`, if a path goes there.
    fn child(&self, at: u32, seg: &PathSeg) -> Option<u32> {
        let step = self.step(at)?;
        match seg {
            PathSeg::Key(key) => find(&step.keys, &key.as_str()),
            PathSeg::Index(index) => find(&step.indices, index),
        }
    }

    /// Records that the value of step `at` starts at `offset`. A key written twice is seen
    /// again: what was found under its first value no longer counts.
    fn record(&mut self, at: u32, offset: usize) {
        let Some(step) = self.steps.get_mut(at as usize) else {
            return;
        };
        if step.offset.replace(offset).is_none() {
            return;
        }
        let mut pending: Vec<u32> = Vec::new();
        let children = |step: &Step<'_>| {
            let keys = step.keys.iter().map(|&(_, c)| c);
            keys.chain(step.indices.iter().map(|&(_, c)| c))
                .collect::<Vec<_>>()
        };
        pending.extend(children(step));
        while let Some(next) = pending.pop() {
            if let Some(step) = self.steps.get_mut(next as usize) {
                step.offset = None;
                pending.extend(children(step));
            }
        }
    }

    /// Where the value at `path`, or its longest prefix that exists, starts.
    fn offset(&self, path: &FieldPath) -> Option<usize> {
        let mut offset = self.step(0)?.offset?;
        let mut at = 0;
        for seg in &path.0 {
            let Some(child) = self.child(at, seg) else {
                break;
            };
            match self.step(child).and_then(|step| step.offset) {
                Some(found) => {
                    offset = found;
                    at = child;
                }
                None => break,
            }
        }
        Some(offset)
    }
}

/// The child stored under `key` in a list sorted by key.
fn find<K: Ord>(children: &[(K, u32)], key: &K) -> Option<u32> {
    children
        .binary_search_by(|(k, _)| k.cmp(key))
        .ok()
        .and_then(|i| children.get(i))
        .map(|&(_, child)| child)
}

impl<'a> Visit<'a> for PathTrie<'_> {
    /// The trie step of the value, when a path goes through it.
    type Tag = Option<u32>;

    fn value(
        &mut self,
        offset: usize,
        _kind: Kind,
        parent: Option<(Option<u32>, Place<'a>)>,
    ) -> Option<u32> {
        let at = match parent {
            None => 0,
            Some((parent, place)) => {
                let step = self.step(parent?)?;
                match place {
                    Place::Index(index) => find(&step.indices, &index)?,
                    Place::Key(_) if step.keys.is_empty() => return None,
                    Place::Key(raw) => {
                        let key = unescape(raw);
                        find(&step.keys, &key.as_ref())?
                    }
                }
            }
        };
        self.record(at, offset);
        Some(at)
    }

    /// Only where a path goes on below.
    fn enters(&self, tag: Option<u32>) -> bool {
        tag.and_then(|at| self.step(at))
            .is_some_and(|step| !step.keys.is_empty() || !step.indices.is_empty())
    }
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

    /// Every text and path of the tests above, and the paths of every value in them, asked
    /// of [`positions`] all at once: the same positions as counting from the start of each
    /// line.
    #[test]
    fn positions_in_one_pass_match_counting_from_the_line_start() {
        let texts = [
            "\n  \n   {\"a\": 1}",
            "{\n  \"id\": \"x\",\n  \"n\":   42\n}",
            r#"{"nodes": [{"id": "a"}, {"id": "b", "choices": [[1, 2], [3, [4, 5]]]}]}"#,
            "{\"t\": \"é🎉\", \"x\": 1}",
            "{\"t\": 1}\n{\"t\": 2}",
            "{\n  \"naam\": \"Zoë\",\n  \"🎉\": [true, \"ça\", null]\n}",
            r#"{"a": "say \"hi\", \\", "b": {"c\"d": 5, "e\u00e9": 6}}"#,
            r#"{"\ud83c\udf89": 1}"#,
            "{\n  \"nodes\": [\n    {\"id\": \"a\"}\n  ]\n}",
            r#"{"a": 1, "a": 2}"#,
            r#"{"a": {"b": [1, {"c": 2}]}, "x": "\u00a0é", "a": {"b": [3]}}"#,
            r#"{"a": {"b": 1}, "a": 2, "c": {"a": {"b": 3}}}"#,
            "{\r\n  \"a\": 1\r\n}",
            "{\"a\": [1, 2}, \"b\": 3",
            "{\"t\": \"x\u{a0}y\", \"u\": [\"\u{a0}\u{a0}\", {\"v\": \"ü\"}]}",
            "",
            "   ",
            "\"",
            "\"abc\\",
            "{",
            "[",
            "}",
            ",",
            "{\"a\"",
            "{\"a\":",
            "{,}",
            "[,]",
            "{\"a\" 1}",
            "nul",
            "{\"\\u12\": 1}",
            "{\"\\ud800\": 1}",
            "é",
            "[\"é",
        ];
        let asked = vec![
            FieldPath::root(),
            path(&[key("a")]),
            path(&[key("a"), key("b")]),
            path(&[key("a"), key("b"), PathSeg::Index(1), key("c")]),
            path(&[key("a"), PathSeg::Index(3)]),
            path(&[key("a"), PathSeg::Index(1)]),
            path(&[key("nodes"), PathSeg::Index(7), key("id")]),
            path(&[key("nodes"), key("x")]),
            path(&[PathSeg::Index(0)]),
            path(&[key("b"), key("c\"d")]),
            path(&[key("b"), key("eé")]),
            path(&[key("🎉")]),
            path(&[key("🎉"), PathSeg::Index(2)]),
            path(&[key("c"), key("a"), key("b")]),
            path(&[key("u"), PathSeg::Index(1), key("v")]),
        ];
        for text in texts {
            let index = SpanIndex::new(text);
            // Every value of the text, by path, besides the paths above.
            let mut paths = asked.clone();
            let mut pending = vec![(0usize, FieldPath::root())];
            while let Some((idx, at)) = pending.pop() {
                let Some(value) = index.values.get(idx) else {
                    continue; // no top-level value
                };
                match &value.children {
                    Children::Scalar => {}
                    Children::Array(elements) => {
                        for (n, &child) in elements.iter().enumerate() {
                            pending.push((child, at.index(n)));
                        }
                    }
                    Children::Object(members) => {
                        for (k, child) in members {
                            pending.push((*child, at.key(k)));
                        }
                    }
                }
                paths.push(at);
            }
            let refs: Vec<&FieldPath> = paths.iter().collect();
            let found = positions(text, &refs);
            for (path, found) in paths.iter().zip(found) {
                assert_eq!(found, index.position(path), "{path} in {text:?}");
            }
            // Asked alone, a path leaves every container it does not go into to be jumped
            // over: in JSON that lands where the full scan does. (Text that is not JSON may
            // be read further than the full scan reads it; it must not panic.)
            let json = serde_json::from_str::<serde_json::Value>(text).is_ok();
            for path in &paths {
                let alone = positions(text, &[path]);
                if json {
                    assert_eq!(
                        alone,
                        vec![index.position(path)],
                        "{path} alone in {text:?}"
                    );
                }
            }
        }
    }

    /// JSON values whose strings hold what the jump over a container must step past:
    /// quotes, backslashes, brackets of both kinds, and characters of several bytes.
    fn json_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let text = "[a-c\"\\\\{}\\[\\]é🎉 ]{0,12}";
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<i32>().prop_map(serde_json::Value::from),
            text.prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(5, 64, 6, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
                proptest::collection::btree_map(text, inner, 0..6)
                    .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(256))]

        /// Each path of a JSON text asked alone, so that every container it does not go
        /// into is jumped over, starts where the full index says, minified and pretty.
        #[test]
        fn jumping_over_containers_finds_what_the_full_scan_finds(value in json_value()) {
            for text in [
                serde_json::to_string(&value).unwrap(),
                serde_json::to_string_pretty(&value).unwrap(),
            ] {
                let index = SpanIndex::new(&text);
                let mut pending = vec![(0usize, FieldPath::root())];
                while let Some((idx, at)) = pending.pop() {
                    match &index.values[idx].children {
                        Children::Scalar => {}
                        Children::Array(elements) => pending
                            .extend(elements.iter().enumerate().map(|(n, &c)| (c, at.index(n)))),
                        Children::Object(members) => {
                            pending.extend(members.iter().map(|(k, c)| (*c, at.key(k))));
                        }
                    }
                    proptest::prop_assert_eq!(positions(&text, &[&at]), vec![index.position(&at)]);
                }
            }
        }

        /// Text that is not JSON, a JSON text cut anywhere or with a byte changed: the
        /// jump over containers may read further than the full scan, but never panics and
        /// never points past the text.
        #[test]
        fn jumping_over_text_that_is_not_json_never_panics(
            value in json_value(),
            cut in proptest::prelude::any::<proptest::sample::Index>(),
            byte in proptest::sample::select(&b"{}[]\",: a\n\\"[..]),
            noise in "[{}\\[\\]\",:\\\\ a1]{0,40}",
        ) {
            let json = serde_json::to_string_pretty(&value).unwrap();
            let mut changed = json.clone().into_bytes();
            let at = cut.index(changed.len().max(1)).min(changed.len().saturating_sub(1));
            if let Some(slot) = changed.get_mut(at) {
                *slot = byte;
            }
            let changed = String::from_utf8(changed).unwrap_or_default();
            let cut_short = json.get(..at).unwrap_or_default();
            for text in [noise.as_str(), cut_short, changed.as_str()] {
                let lines = text.lines().count().max(1);
                let asked = [
                    FieldPath::root(),
                    path(&[key("a")]),
                    path(&[PathSeg::Index(1), key("b")]),
                    path(&[key("a"), PathSeg::Index(0), PathSeg::Index(2)]),
                ];
                for path in &asked {
                    if let Some(Some(found)) = positions(text, &[path]).pop() {
                        proptest::prop_assert!(found.line <= lines + 1, "{path} in {text:?}");
                    }
                }
            }
        }
    }
}
