//! Migrating course files to the current format version, as text: the author's formatting,
//! key order, ids and everything not migrated stay exactly as written.
//!
//! Version 1 to 2:
//! - `format_version` becomes 2 in every file;
//! - every scenario choice without `quality` gets the quality version 1 implied (see
//!   [`crate::course::validate::inferred_quality`]), written after its `id`;
//! - a choice with a `thought` and no `thinker` gets the thinker version 1 implied: the last
//!   speaker of its node;
//! - a list of competencies becomes a map of competencies `"shown"`;
//! - in lines and choices, `*…*` (which version 1 used for stage directions) becomes the
//!   stage-direction markup `((…))` (see [`super::markup`]).
//!
//! Each change is listed, so the author can review the guesses: a quality or a thinker can
//! only be inferred, never known.

use super::diagnostic::FieldPath;
use super::model::{
    self, CompetencyEvidence, FIRST_FORMAT_VERSION, FORMAT_VERSION, Lesson, Manifest, Scenario,
};
use super::span::SpanIndex;

/// What migrating one file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// The file's new text.
    pub text: String,
    /// What was changed, one line each, e.g. `nodes[2].choices[0]: quality "best" (inferred)`.
    pub changes: Vec<String>,
}

/// Why a file could not be migrated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrateError {
    /// The file is not a course file this build can read.
    #[error("not a valid course file: {0}")]
    Unreadable(String),
    /// The file is newer than this build.
    #[error("format_version {0} is newer than this version of Kruispunt reads")]
    TooNew(u32),
}

/// The kind of course file, by where it lies in the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `course.json`.
    Manifest,
    /// A file in `lessons/`.
    Lesson,
    /// A file in `scenarios/`.
    Scenario,
}

/// An edit of the text: replace `start..end` with `with`.
struct Edit {
    start: usize,
    end: usize,
    with: String,
}

/// Migrates one file to the current format version. A file already at the current version
/// comes back unchanged, with no changes listed.
pub fn migrate(kind: FileKind, text: &str) -> Result<Migration, MigrateError> {
    let version = match kind {
        FileKind::Manifest => parse::<Manifest>(text)?.format_version,
        FileKind::Lesson => parse::<Lesson>(text)?.format_version,
        FileKind::Scenario => parse::<Scenario>(text)?.format_version,
    };
    if version > FORMAT_VERSION {
        return Err(MigrateError::TooNew(version));
    }
    if !(FIRST_FORMAT_VERSION..FORMAT_VERSION).contains(&version) {
        return Ok(Migration {
            text: text.to_owned(),
            changes: Vec::new(),
        });
    }
    let spans = SpanIndex::new(text);
    let mut edits = Vec::new();
    let mut changes = Vec::new();
    let root = FieldPath::root();
    if let Some(start) = spans.offset(&root.key("format_version")) {
        edits.push(Edit {
            start,
            end: value_end(text, start),
            with: FORMAT_VERSION.to_string(),
        });
        changes.push(format!("format_version: {version} -> {FORMAT_VERSION}"));
    }
    if kind == FileKind::Scenario {
        let scenario = parse::<Scenario>(text)?;
        scenario_edits(text, &spans, &scenario, &mut edits, &mut changes);
    }
    Ok(Migration {
        text: apply(text, edits),
        changes,
    })
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, MigrateError> {
    serde_json::from_str(text).map_err(|e| MigrateError::Unreadable(e.to_string()))
}

fn scenario_edits(
    text: &str,
    spans: &SpanIndex<'_>,
    scenario: &Scenario,
    edits: &mut Vec<Edit>,
    changes: &mut Vec<String>,
) {
    let variables: Vec<&str> = scenario.variables.iter().map(|v| v.id.as_str()).collect();
    let nodes = FieldPath::root().key("nodes");
    for (i, node) in scenario.nodes.iter().enumerate() {
        for (k, line) in node.lines.iter().enumerate() {
            let at = nodes.index(i).key("lines").index(k).key("text");
            stage_directions(text, spans, &at, &line.text, edits, changes);
        }
        let Some(choices) = &node.choices else {
            continue;
        };
        let last_speaker = node.lines.last().map(|line| line.speaker.as_str());
        for (j, choice) in choices.iter().enumerate() {
            let at = nodes.index(i).key("choices").index(j);
            stage_directions(text, spans, &at.key("text"), &choice.text, edits, changes);
            let Some(object) = spans.offset(&at) else {
                continue;
            };
            let mut added: Vec<(String, String)> = Vec::new();
            if choice.quality.is_none() {
                let effects: Vec<(crate::course::checked::VarIdx, i32)> = choice
                    .effects
                    .iter()
                    .filter_map(|(var, delta)| {
                        let index = variables.iter().position(|v| *v == var.as_str())?;
                        Some((crate::course::checked::VarIdx(index as u32), *delta))
                    })
                    .collect();
                let quality =
                    super::validate::inferred_quality(&choice.competencies, &effects).key();
                added.push(("quality".into(), format!("\"{quality}\"")));
                changes.push(format!("{}: quality \"{quality}\" (inferred)", at));
            }
            if choice.thought.is_some()
                && choice.thinker.is_none()
                && let Some(speaker) = last_speaker
            {
                let speaker = json_string(speaker);
                added.push(("thinker".into(), speaker.clone()));
                changes.push(format!("{}: thinker {speaker} (the last speaker)", at));
            }
            if !added.is_empty()
                && let Some(id) = spans.offset(&at.key("id"))
            {
                edits.push(insert_members(text, object, value_end(text, id), &added));
            }
            if let Some(start) = spans.offset(&at.key("competencies"))
                && text[start..].starts_with('[')
            {
                edits.push(Edit {
                    start,
                    end: value_end(text, start),
                    with: evidence_map(&choice.competencies),
                });
                changes.push(format!("{}: competencies as a map", at));
            }
        }
    }
}

/// Rewrites the `*…*` spans of each locale's text at `at` as `((…))`.
fn stage_directions(
    text: &str,
    spans: &SpanIndex<'_>,
    at: &FieldPath,
    value: &model::Text,
    edits: &mut Vec<Edit>,
    changes: &mut Vec<String>,
) {
    for (locale, written) in value.iter() {
        let Some(actions) = super::markup::emphasis_to_actions(written) else {
            continue;
        };
        let path = at.key(locale.as_str());
        if let Some(start) = spans.offset(&path) {
            edits.push(Edit {
                start,
                end: value_end(text, start),
                with: json_string(&actions),
            });
            changes.push(format!("{path}: stage directions as ((…))"));
        }
    }
}

/// `{ "tag": "shown", ... }` on one line.
fn evidence_map(evidence: &CompetencyEvidence) -> String {
    if evidence.is_empty() {
        return "{}".into();
    }
    let members: Vec<String> = evidence
        .iter()
        .map(|(tag, e)| {
            let word = match e {
                model::Evidence::Shown => "shown",
                model::Evidence::Breached => "breached",
            };
            format!("{}: \"{word}\"", json_string(tag.as_str()))
        })
        .collect();
    format!("{{ {} }}", members.join(", "))
}

fn json_string(s: &str) -> String {
    serde_json::Value::String(s.to_owned()).to_string()
}

/// Members inserted after the value ending at `after`, in the object starting at `object`:
/// each on its own line with the indentation of the line of `after` when the object spans
/// lines, else on the same line.
fn insert_members(text: &str, object: usize, after: usize, members: &[(String, String)]) -> Edit {
    let line_start = text[..after].rfind('\n').map_or(0, |i| i + 1);
    let multiline = text[object..after].contains('\n');
    let indent: String = text[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let mut with = String::new();
    for (key, value) in members {
        if multiline {
            with.push_str(&format!(",\n{indent}\"{key}\": {value}"));
        } else {
            with.push_str(&format!(", \"{key}\": {value}"));
        }
    }
    Edit {
        start: after,
        end: after,
        with,
    }
}

/// Where the JSON value starting at `start` ends.
pub(super) fn value_end(text: &str, start: usize) -> usize {
    let mut stream =
        serde_json::Deserializer::from_str(&text[start..]).into_iter::<serde::de::IgnoredAny>();
    match stream.next() {
        Some(Ok(_)) => start + stream.byte_offset(),
        _ => start,
    }
}

/// The text with the edits applied (they never overlap).
fn apply(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| std::cmp::Reverse(e.start));
    let mut out = text.to_owned();
    for edit in edits {
        out.replace_range(edit.start..edit.end, &edit.with);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = r#"{
  "format_version": 1,
  "id": "intake",
  "title": { "nl": "Intake" },
  "setting": { "nl": "Een opvangcentrum." },
  "goal": { "nl": "Vertrouwen." },
  "characters": [
    { "id": "amir", "name": { "nl": "Amir" }, "role": { "nl": "Bewoner" }, "bio": { "nl": "Fictief." } },
    { "id": "tolk", "name": { "nl": "Tolk" }, "role": { "nl": "Tolk" }, "bio": { "nl": "Fictief." } }
  ],
  "variables": [{ "id": "trust", "label": { "nl": "Vertrouwen" }, "min": 0, "max": 100, "start": 50 }],
  "start": "open",
  "nodes": [
    {
      "id": "open",
      "lines": [{ "speaker": "tolk", "text": { "nl": "*Knikt.* Hij zegt hallo." } }],
      "choices": [
        {
          "id": "ask",
          "text": { "nl": "Wat heb je nodig?" },
          "feedback": { "nl": "Open vraag." },
          "thought": { "nl": "Ze luistert." },
          "effects": { "trust": 10 },
          "competencies": ["open-questions"],
          "next": "end"
        },
        { "id": "assume", "text": { "nl": "Vriendin?" }, "feedback": { "nl": "Aanname." }, "effects": { "trust": -20 }, "next": "end" }
      ]
    },
    { "id": "end", "ending": { "outcome": "good", "title": { "nl": "Goed" }, "debrief": { "nl": "Goed." } } }
  ]
}
"#;

    #[test]
    fn a_version_1_scenario_becomes_version_2_keeping_its_formatting() {
        let migrated = migrate(FileKind::Scenario, V1).expect("migrates");
        let expected = V1
            .replace("\"format_version\": 1", "\"format_version\": 2")
            .replace("*Knikt.* Hij", "((Knikt.)) Hij")
            .replace(
                "          \"id\": \"ask\",\n",
                "          \"id\": \"ask\",\n          \"quality\": \"best\",\n          \"thinker\": \"tolk\",\n",
            )
            .replace(
                "\"competencies\": [\"open-questions\"]",
                "\"competencies\": { \"open-questions\": \"shown\" }",
            )
            .replace(
                "{ \"id\": \"assume\", ",
                "{ \"id\": \"assume\", \"quality\": \"weak\", ",
            );
        assert_eq!(migrated.text, expected);
        assert_eq!(
            migrated.changes,
            [
                "format_version: 1 -> 2",
                "nodes[0].lines[0].text.nl: stage directions as ((…))",
                "nodes[0].choices[0]: quality \"best\" (inferred)",
                "nodes[0].choices[0]: thinker \"tolk\" (the last speaker)",
                "nodes[0].choices[0]: competencies as a map",
                "nodes[0].choices[1]: quality \"weak\" (inferred)",
            ]
        );
        // The result reads as version 2 with the same choices.
        let scenario: Scenario = serde_json::from_str(&migrated.text).expect("parses");
        assert_eq!(scenario.format_version, 2);
        let choices = scenario.nodes[0].choices.as_ref().expect("choices");
        assert_eq!(choices[0].quality, Some(model::Quality::Best));
        assert_eq!(
            choices[0].thinker.as_ref().map(|t| t.as_str()),
            Some("tolk")
        );
    }

    #[test]
    fn migrating_twice_changes_nothing_the_second_time() {
        let once = migrate(FileKind::Scenario, V1).expect("migrates");
        let twice = migrate(FileKind::Scenario, &once.text).expect("migrates");
        assert_eq!(twice.text, once.text);
        assert!(twice.changes.is_empty());
    }

    #[test]
    fn a_lesson_only_changes_its_version() {
        let lesson = "{\n  \"format_version\": 1,\n  \"id\": \"l\",\n  \"title\": {\"nl\": \"T\"},\n  \"scenes\": []\n}\n";
        let migrated = migrate(FileKind::Lesson, lesson).expect("migrates");
        assert_eq!(migrated.text, lesson.replace(": 1,", ": 2,"));
    }

    #[test]
    fn a_newer_or_broken_file_is_refused() {
        let newer = V1.replace("\"format_version\": 1", "\"format_version\": 9");
        assert_eq!(
            migrate(FileKind::Scenario, &newer),
            Err(MigrateError::TooNew(9))
        );
        assert!(matches!(
            migrate(FileKind::Scenario, "{"),
            Err(MigrateError::Unreadable(_))
        ));
    }
}
