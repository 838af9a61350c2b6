//! Skeletons of a new lesson or scenario (`kruispunt new`): a file that passes `validate
//! --strict` at once, with a placeholder in every course locale, and the edit that lists it
//! in a module of `course.json`, keeping the manifest's formatting.

use super::span::SpanIndex;
use super::{FieldPath, PathSeg};

/// What kind of item to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A lesson: a text scene, a quiz and the key points.
    Lesson,
    /// A scenario: a start, a decision point, and a good, a mixed and a poor ending.
    Scenario,
}

/// The course facts a skeleton is written for.
#[derive(Debug, Clone)]
pub struct SkeletonRequest<'a> {
    /// Lesson or scenario.
    pub kind: ItemKind,
    /// The new item's id.
    pub id: &'a str,
    /// The title in the default locale, when the author gave one.
    pub title: Option<&'a str>,
    /// The course's locales, in declared order.
    pub locales: &'a [String],
    /// The course's default locale.
    pub default_locale: &'a str,
}

/// Whether `id` follows the id convention of the course format (lowercase letters, digits
/// and single hyphens between them, at most 64 characters): it also names the new file, so
/// nothing else is accepted.
pub fn is_conventional_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A JSON value built in the order it is written (serde_json's map sorts keys).
enum Json {
    Str(String),
    Int(i64),
    Bool(bool),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn object(members: Vec<(&str, Json)>) -> Self {
        Self::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    }

    /// Whether this is a text (every member a string): written on one line, as the
    /// built-in course writes its short texts.
    fn is_flat(&self) -> bool {
        match self {
            Self::Object(members) => members.iter().all(|(_, v)| matches!(v, Self::Str(_))),
            Self::Array(items) => items.iter().all(|v| matches!(v, Self::Str(_))),
            _ => true,
        }
    }

    fn write(&self, out: &mut String, indent: usize) {
        let pad = |n: usize| "  ".repeat(n);
        match self {
            Self::Str(s) => out.push_str(&serde_json::Value::String(s.clone()).to_string()),
            Self::Int(n) => out.push_str(&n.to_string()),
            Self::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Self::Array(items) if self.is_flat() => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, indent);
                }
                out.push(']');
            }
            Self::Array(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    item.write(out, indent + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push(']');
            }
            Self::Object(members) if self.is_flat() => {
                out.push_str("{ ");
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    Json::Str(key.clone()).write(out, indent);
                    out.push_str(": ");
                    value.write(out, indent);
                }
                out.push_str(" }");
            }
            Self::Object(members) => {
                out.push_str("{\n");
                for (i, (key, value)) in members.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    Json::Str(key.clone()).write(out, indent + 1);
                    out.push_str(": ");
                    value.write(out, indent + 1);
                    out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push('}');
            }
        }
    }
}

/// Texts of a skeleton: a placeholder per locale, marked `TODO` so an author finds them.
struct Placeholders<'a> {
    request: &'a SkeletonRequest<'a>,
}

impl Placeholders<'_> {
    /// `what` in every locale: `TODO: what` in the default locale, `TODO (fr): what` in the
    /// others, so a translator sees which texts are theirs.
    fn text(&self, what: &str) -> Json {
        self.given(None, what)
    }

    /// As [`Self::text`], with `given` as the default locale's text when there is one.
    fn given(&self, given: Option<&str>, what: &str) -> Json {
        let members: Vec<(String, Json)> = self
            .request
            .locales
            .iter()
            .map(|locale| {
                let text = match given {
                    Some(given) if locale == self.request.default_locale => given.to_owned(),
                    Some(given) => format!("TODO ({locale}): {given}"),
                    None if locale == self.request.default_locale => format!("TODO: {what}"),
                    None => format!("TODO ({locale}): {what}"),
                };
                (locale.clone(), Json::Str(text))
            })
            .collect();
        Json::Object(members)
    }
}

/// The file of the new item, as pretty JSON with a final newline.
pub fn skeleton(request: &SkeletonRequest<'_>) -> String {
    let texts = Placeholders { request };
    let value = match request.kind {
        ItemKind::Lesson => lesson(request, &texts),
        ItemKind::Scenario => scenario(request, &texts),
    };
    let mut out = String::new();
    value.write(&mut out, 0);
    out.push('\n');
    out
}

fn id(s: &str) -> Json {
    Json::Str(s.to_owned())
}

fn lesson(request: &SkeletonRequest<'_>, t: &Placeholders<'_>) -> Json {
    let option = |name: &str, correct: bool, feedback: &str| {
        Json::object(vec![
            ("id", id(name)),
            ("text", t.text(&format!("option {name}"))),
            ("correct", Json::Bool(correct)),
            ("feedback", t.text(feedback)),
        ])
    };
    Json::object(vec![
        ("format_version", Json::Int(2)),
        ("id", id(request.id)),
        ("title", t.given(request.title, "the lesson's title")),
        ("summary", t.text("one sentence on what the lesson covers")),
        ("estimated_minutes", Json::Int(5)),
        (
            "scenes",
            Json::Array(vec![
                Json::object(vec![
                    ("id", id("intro")),
                    ("title", t.text("the first scene's title")),
                    (
                        "text",
                        Json::object(vec![(
                            "paragraphs",
                            Json::Array(vec![
                                t.text("the first paragraph"),
                                t.text("the second paragraph"),
                            ]),
                        )]),
                    ),
                ]),
                Json::object(vec![
                    ("id", id("quiz")),
                    (
                        "quiz",
                        Json::object(vec![
                            ("question", t.text("the question")),
                            (
                                "options",
                                Json::Array(vec![
                                    option("a", true, "why this answer is right"),
                                    option("b", false, "why this answer is wrong"),
                                ]),
                            ),
                            ("explanation", t.text("why the right answer is right")),
                        ]),
                    ),
                ]),
                Json::object(vec![
                    ("id", id("key-points")),
                    (
                        "key_points",
                        Json::object(vec![(
                            "points",
                            Json::Array(vec![t.text("what to remember")]),
                        )]),
                    ),
                ]),
            ]),
        ),
    ])
}

fn scenario(request: &SkeletonRequest<'_>, t: &Placeholders<'_>) -> Json {
    let line = |what: &str| Json::object(vec![("speaker", id("person")), ("text", t.text(what))]);
    let choice = |name: &str, quality: &str, next: &str| {
        Json::object(vec![
            ("id", id(name)),
            ("text", t.text(&format!("a {quality} answer"))),
            ("feedback", t.text(&format!("why this answer is {quality}"))),
            ("quality", Json::Str(quality.to_owned())),
            ("next", id(next)),
        ])
    };
    let ending = |name: &str, outcome: &str| {
        Json::object(vec![
            ("id", id(name)),
            (
                "ending",
                Json::object(vec![
                    ("outcome", Json::Str(outcome.to_owned())),
                    ("title", t.text(&format!("the {outcome} ending's title"))),
                    (
                        "debrief",
                        t.text(&format!(
                            "what happened, and what to take from it ({outcome})"
                        )),
                    ),
                ]),
            ),
        ])
    };
    Json::object(vec![
        ("format_version", Json::Int(2)),
        ("id", id(request.id)),
        ("title", t.given(request.title, "the scenario's title")),
        (
            "setting",
            t.text("where and when the conversation takes place; the place and the people are fictional"),
        ),
        ("goal", t.text("what the trainee tries to achieve")),
        ("estimated_minutes", Json::Int(10)),
        (
            "characters",
            Json::Array(vec![Json::object(vec![
                ("id", id("person")),
                ("name", t.text("the character's name")),
                ("role", t.text("the character's role")),
                ("bio", t.text("a short biography, ending with: a fictional character")),
            ])]),
        ),
        ("start", id("start")),
        (
            "nodes",
            Json::Array(vec![
                Json::object(vec![
                    ("id", id("start")),
                    ("lines", Json::Array(vec![line("what the character says first")])),
                    ("next", id("decision")),
                ]),
                Json::object(vec![
                    ("id", id("decision")),
                    ("lines", Json::Array(vec![line("what the character asks")])),
                    (
                        "choices",
                        Json::Array(vec![
                            choice("best", "best", "ending-good"),
                            choice("acceptable", "acceptable", "ending-mixed"),
                            choice("weak", "weak", "ending-poor"),
                        ]),
                    ),
                ]),
                ending("ending-good", "good"),
                ending("ending-mixed", "mixed"),
                ending("ending-poor", "poor"),
            ]),
        ),
    ])
}

/// Why an item cannot be added to a module of `course.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestEditError {
    /// No module has this id; the modules there are.
    NoSuchModule {
        /// The id asked for.
        module: String,
        /// The modules of the manifest, in order.
        modules: Vec<String>,
    },
    /// The manifest is not the shape the course format describes.
    Malformed,
}

/// The ids of the modules in a manifest text, in order.
pub fn module_ids(manifest: &str) -> Result<Vec<String>, ManifestEditError> {
    let value: serde_json::Value = serde_json::from_str(manifest.trim_start_matches('\u{FEFF}'))
        .map_err(|_| ManifestEditError::Malformed)?;
    let modules = value
        .get("modules")
        .and_then(|m| m.as_array())
        .ok_or(ManifestEditError::Malformed)?;
    Ok(modules
        .iter()
        .filter_map(|m| m.get("id").and_then(|id| id.as_str()).map(str::to_owned))
        .collect())
}

/// The manifest text with `item` added at the end of the `items` of `module`, in the style
/// of that list (on one line, or one item per line with the same indentation); the rest of
/// the text is kept byte for byte. Without `module`, the last module.
pub fn add_to_module(
    manifest: &str,
    module: Option<&str>,
    item: &str,
) -> Result<(String, String), ManifestEditError> {
    let modules = module_ids(manifest)?;
    let index = match module {
        Some(wanted) => modules.iter().position(|m| m == wanted).ok_or_else(|| {
            ManifestEditError::NoSuchModule {
                module: wanted.to_owned(),
                modules: modules.clone(),
            }
        })?,
        None => modules
            .len()
            .checked_sub(1)
            .ok_or(ManifestEditError::Malformed)?,
    };
    let chosen = modules
        .get(index)
        .cloned()
        .ok_or(ManifestEditError::Malformed)?;
    let path = FieldPath(vec![
        PathSeg::Key("modules".into()),
        PathSeg::Index(index),
        PathSeg::Key("items".into()),
    ]);
    let start = SpanIndex::new(manifest)
        .offset(&path)
        .ok_or(ManifestEditError::Malformed)?;
    let end = super::migrate::value_end(manifest, start);
    let list = manifest
        .get(start..end)
        .ok_or(ManifestEditError::Malformed)?;
    if !list.starts_with('[') || !list.ends_with(']') {
        return Err(ManifestEditError::Malformed);
    }
    let quoted = serde_json::Value::String(item.to_owned()).to_string();
    // Where the last element ends: the last non-blank character before `]`.
    let inner = &list[..list.len() - 1];
    let last = inner.trim_end().len();
    let insertion = if inner.trim_end() == "[" {
        quoted
    } else if inner.contains('\n') {
        let line_start = inner[..last].rfind('\n').map_or(0, |i| i + 1);
        let indent: String = inner[line_start..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        format!(",\n{indent}{quoted}")
    } else {
        format!(", {quoted}")
    };
    let at = start + last;
    let mut edited = String::with_capacity(manifest.len() + insertion.len());
    edited.push_str(&manifest[..at]);
    edited.push_str(&insertion);
    edited.push_str(&manifest[at..]);
    Ok((edited, chosen))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_convention() {
        for good in ["a", "nieuw-gesprek-2", "x1"] {
            assert!(is_conventional_id(good), "{good}");
        }
        for bad in [
            "",
            "A",
            "a--b",
            "-a",
            "a-",
            "a/b",
            "a b",
            "é",
            &"a".repeat(65),
        ] {
            assert!(!is_conventional_id(bad), "{bad}");
        }
    }

    #[test]
    fn an_item_is_added_in_the_style_of_the_list() {
        let manifest = "{\n  \"modules\": [\n    { \"id\": \"a\", \"items\": [\"x\"] },\n    {\n      \"id\": \"b\",\n      \"items\": [\n        \"y\",\n        \"z\"\n      ]\n    }\n  ]\n}\n";
        let (one_line, module) = add_to_module(manifest, Some("a"), "new").unwrap();
        assert_eq!(module, "a");
        assert!(
            one_line.contains("\"items\": [\"x\", \"new\"] }"),
            "{one_line}"
        );
        let (multi, module) = add_to_module(manifest, None, "new").unwrap();
        assert_eq!(module, "b");
        assert!(
            multi.contains("        \"z\",\n        \"new\"\n      ]"),
            "{multi}"
        );
        assert_eq!(
            add_to_module(manifest, Some("c"), "new"),
            Err(ManifestEditError::NoSuchModule {
                module: "c".into(),
                modules: vec!["a".into(), "b".into()]
            })
        );
    }
}
