//! The Twee 3 notation itself, as its specification (iftechfoundation/twine-specs,
//! `twee-3-specification.md`) defines it: passages with a header (`:: Name [tags] {meta}`)
//! and content, and the special passages `StoryTitle` and `StoryData`. Nothing here knows
//! about Kruispunt; the convention on top is in `import` and `export`.

use super::{Note, NoteKind, Place, TweeError};

/// The largest Twee file read: far more than any hand-written story (Twine stories of a
/// thousand passages are a few MiB), small enough to parse at once.
pub const MAX_TWEE_BYTES: usize = 16 * 1024 * 1024;

/// The most passages read from one file: a scenario this size is already far past what
/// validation accepts.
pub const MAX_PASSAGES: usize = 20_000;

/// A Twee story: its title, its `StoryData` and its other passages, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Story {
    /// The text of the `StoryTitle` passage.
    pub title: Option<String>,
    /// The `StoryData` passage, when it is valid JSON.
    pub data: Option<StoryData>,
    /// Every other passage, in file order.
    pub passages: Vec<Passage>,
}

/// What `StoryData` says about the story (the fields Kruispunt uses).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryData {
    /// The story format, e.g. `Harlowe` or `SugarCube`.
    pub format: Option<String>,
    /// The name of the first passage.
    pub start: Option<String>,
}

/// One passage: header and content.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Passage {
    /// The name, unescaped.
    pub name: String,
    /// The tags, unescaped.
    pub tags: Vec<String>,
    /// The content lines, without the trailing blank lines (which the specification says
    /// to ignore).
    pub lines: Vec<String>,
    /// The line of the header in the file, from 1.
    pub line: usize,
}

impl Passage {
    /// Whether the passage has `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    /// The file line of content line `index` (from 0).
    pub fn line_of(&self, index: usize) -> usize {
        self.line + 1 + index
    }
}

/// Reads a Twee 3 file. Notes that the specification says to warn about (metadata that is
/// not JSON, text before the first passage) go to `notes`; a file that cannot be read as a
/// story at all is an error.
pub fn parse(text: &str, notes: &mut Vec<Note>) -> Result<Story, TweeError> {
    if text.len() > MAX_TWEE_BYTES {
        return Err(TweeError::TooLarge {
            limit: MAX_TWEE_BYTES,
        });
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut story = Story::default();
    let mut current: Option<Passage> = None;
    let mut before_first = None;
    let mut finished: Vec<Passage> = Vec::new();
    for (index, raw) in text.split('\n').enumerate() {
        let number = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(header) = line.strip_prefix("::") {
            if let Some(done) = current.take() {
                finished.push(done);
                if finished.len() >= MAX_PASSAGES {
                    return Err(TweeError::TooManyPassages {
                        limit: MAX_PASSAGES,
                    });
                }
            }
            current = Some(parse_header(header, number, notes)?);
        } else if let Some(passage) = current.as_mut() {
            passage.lines.push(line.to_owned());
        } else if !line.trim().is_empty() && before_first.is_none() {
            before_first = Some(number);
        }
    }
    finished.extend(current);
    if let Some(line) = before_first {
        notes.push(Note::new(
            Place::File { line },
            NoteKind::TextBeforeFirstPassage,
        ));
    }
    if finished.is_empty() {
        return Err(TweeError::NoPassages);
    }
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for passage in &finished {
        if let Some(first) = seen.insert(&passage.name, passage.line) {
            return Err(TweeError::DuplicatePassage {
                name: passage.name.clone(),
                first_line: first,
                line: passage.line,
            });
        }
    }
    for mut passage in finished {
        while passage.lines.last().is_some_and(|l| l.trim().is_empty()) {
            passage.lines.pop();
        }
        match passage.name.as_str() {
            "StoryTitle" => story.title = Some(passage.lines.join("\n").trim().to_owned()),
            "StoryData" => story.data = story_data(&passage, notes),
            _ => story.passages.push(passage),
        }
    }
    Ok(story)
}

/// The `StoryData` passage's JSON; a decoding error is a warning and the data is dropped,
/// as the specification recommends.
fn story_data(passage: &Passage, notes: &mut Vec<Note>) -> Option<StoryData> {
    let json = passage.lines.join("\n");
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(&json)
    else {
        notes.push(Note::new(
            Place::File { line: passage.line },
            NoteKind::BadStoryData,
        ));
        return None;
    };
    let text = |key: &str| map.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    Some(StoryData {
        format: text("format"),
        start: text("start"),
    })
}

/// Reads a header after its `::`: the name, then the optional tag block and metadata block.
fn parse_header(header: &str, line: usize, notes: &mut Vec<Note>) -> Result<Passage, TweeError> {
    let mut chars = header.trim_start().chars().peekable();
    let mut name = String::new();
    let mut escaped_end = 0;
    while let Some(&c) = chars.peek() {
        match c {
            '[' | '{' => break,
            '\\' => {
                chars.next();
                // Decoding: any escaped character yields itself.
                if let Some(next) = chars.next() {
                    name.push(next);
                    escaped_end = name.len();
                }
            }
            _ => {
                chars.next();
                name.push(c);
            }
        }
    }
    // Spaces before the tag block are for readability; an escaped one is part of the name.
    let kept = name.trim_end().len().max(escaped_end);
    name.truncate(kept);
    if name.is_empty() {
        return Err(TweeError::NoPassageName { line });
    }
    let mut passage = Passage {
        name,
        line,
        ..Passage::default()
    };
    if chars.peek() == Some(&'[') {
        chars.next();
        let mut tag = String::new();
        let mut closed = false;
        while let Some(c) = chars.next() {
            match c {
                ']' => {
                    closed = true;
                    break;
                }
                '\\' => tag.extend(chars.next()),
                c if c.is_whitespace() => {
                    if !tag.is_empty() {
                        passage.tags.push(std::mem::take(&mut tag));
                    }
                }
                c => tag.push(c),
            }
        }
        if !tag.is_empty() {
            passage.tags.push(tag);
        }
        if !closed {
            notes.push(Note::new(
                Place::passage(&passage.name, line),
                NoteKind::UnclosedTags,
            ));
        }
    }
    let rest: String = chars.collect();
    let rest = rest.trim();
    if !rest.is_empty() && serde_json::from_str::<serde_json::Value>(rest).is_err() {
        notes.push(Note::new(
            Place::passage(&passage.name, line),
            NoteKind::BadMetadata,
        ));
    }
    Ok(passage)
}

/// A passage name or tag escaped for a header: `\`, `[`, `]`, `{` and `}` get a backslash.
pub fn escape(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if matches!(c, '\\' | '[' | ']' | '{' | '}') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A header line: `:: Name [tags] {metadata}`.
pub fn header(name: &str, tags: &[&str], metadata: Option<&str>) -> String {
    let mut line = format!(":: {}", escape(name));
    if !tags.is_empty() {
        let tags: Vec<String> = tags.iter().map(|t| escape(t)).collect();
        line.push_str(&format!(" [{}]", tags.join(" ")));
    }
    if let Some(metadata) = metadata {
        line.push(' ');
        line.push_str(metadata);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Story, Vec<Note>) {
        let mut notes = Vec::new();
        let story = parse(text, &mut notes).unwrap();
        (story, notes)
    }

    #[test]
    fn headers_of_the_specification_examples_read_name_tags_and_metadata() {
        for (text, tags) in [
            (":: An overgrown path", vec![]),
            (
                ":: An overgrown path [forest spooky]",
                vec!["forest", "spooky"],
            ),
            (
                ":: An overgrown path {\"position\":\"600,400\",\"size\":\"100,200\"}",
                vec![],
            ),
            (
                ":: An overgrown path [forest spooky] {\"position\":\"600,400\",\"size\":\"100,200\"}",
                vec!["forest", "spooky"],
            ),
        ] {
            let (story, notes) = parsed(text);
            assert_eq!(story.passages[0].name, "An overgrown path", "{text}");
            assert_eq!(story.passages[0].tags, tags, "{text}");
            assert!(notes.is_empty(), "{text}: {notes:?}");
        }
    }

    #[test]
    fn escapes_decode_and_encode_both_ways() {
        let (story, _) = parsed(":: foo\\\\bar \\[x\\] \\{y\\} [t\\]ag]\nbody");
        assert_eq!(story.passages[0].name, "foo\\bar [x] {y}");
        assert_eq!(story.passages[0].tags, ["t]ag"]);
        assert_eq!(escape("foo\\bar [x] {y}"), "foo\\\\bar \\[x\\] \\{y\\}");
        assert_eq!(header("a[b", &["c"], None), ":: a\\[b [c]");
    }

    #[test]
    fn trailing_blank_lines_are_dropped_and_crlf_is_read() {
        let (story, _) =
            parsed(":: StoryTitle\r\nMy story\r\n\r\n:: A\r\none\r\n\r\ntwo\r\n\r\n\r\n");
        assert_eq!(story.title.as_deref(), Some("My story"));
        assert_eq!(story.passages[0].lines, ["one", "", "two"]);
        assert_eq!(story.passages[0].line_of(2), 7);
    }

    #[test]
    fn bad_metadata_and_story_data_are_warnings_duplicates_are_errors() {
        let (story, notes) = parsed(":: StoryData\n{nope\n:: A {oops\nx");
        assert!(story.data.is_none());
        assert_eq!(story.passages.len(), 1);
        let kinds: Vec<_> = notes.iter().map(|n| n.kind.clone()).collect();
        assert_eq!(kinds, [NoteKind::BadMetadata, NoteKind::BadStoryData]);
        let mut notes = Vec::new();
        let error = parse(":: A\n:: B\n:: A\n", &mut notes).unwrap_err();
        assert!(
            matches!(error, TweeError::DuplicatePassage { ref name, first_line: 1, line: 3 } if name == "A"),
            "{error:?}"
        );
        assert!(matches!(
            parse("no passage", &mut notes),
            Err(TweeError::NoPassages)
        ));
        assert!(matches!(
            parse("::   [tag]", &mut notes),
            Err(TweeError::NoPassageName { line: 1 })
        ));
    }
}
