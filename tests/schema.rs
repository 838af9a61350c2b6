//! The JSON Schemas generated from the format types accept every shipped course file and
//! reject documents that do not follow the format.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jsonschema::Validator;
use kruispunt::course::model::{Lesson, Manifest, Scenario};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// A validator for the schema of `T`, as `kruispunt schema` prints it.
macro_rules! validator {
    ($ty:ty) => {{
        let schema = serde_json::to_value(schemars::schema_for!($ty)).expect("schema to JSON");
        jsonschema::validator_for(&schema).expect("the generated schema is a valid JSON Schema")
    }};
}

/// Every problem `validator` finds in `instance`, one per line; empty when valid.
fn problems(validator: &Validator, instance: &Value) -> String {
    validator
        .iter_errors(instance)
        .map(|error| format!("  {}: {error}\n", error.instance_path()))
        .collect()
}

/// The shipped course directory.
fn course_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("course")
}

/// The `.json` files directly in `dir`, sorted.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// The parsed JSON of `path`.
fn read_json(path: &Path) -> Value {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Asserts that every file matches the schema, listing all mismatches of all files.
#[track_caller]
fn assert_all_valid(validator: &Validator, files: &[PathBuf]) {
    let report: String = files
        .iter()
        .filter_map(|path| {
            let found = problems(validator, &read_json(path));
            (!found.is_empty()).then(|| format!("{}:\n{found}", path.display()))
        })
        .collect();
    assert!(
        report.is_empty(),
        "files that do not match the schema:\n{report}"
    );
}

#[test]
fn shipped_manifest_matches_its_schema() {
    assert_all_valid(&validator!(Manifest), &[course_dir().join("course.json")]);
}

#[test]
fn shipped_lessons_match_their_schema() {
    let files = json_files(&course_dir().join("lessons"));
    assert!(!files.is_empty(), "the course ships lessons");
    assert_all_valid(&validator!(Lesson), &files);
}

#[test]
fn shipped_scenarios_match_their_schema() {
    let files = json_files(&course_dir().join("scenarios"));
    assert!(!files.is_empty(), "the course ships scenarios");
    assert_all_valid(&validator!(Scenario), &files);
}

/// A minimal lesson that follows the format.
fn minimal_lesson() -> Value {
    json!({
        "format_version": 1,
        "id": "intro",
        "title": {"en": "Intro"},
        "scenes": [
            {"id": "s1", "text": {"paragraphs": [{"en": "Hello."}]}},
            {"id": "s2", "quiz": {
                "question": {"en": "Which?"},
                "options": [
                    {"id": "a", "text": {"en": "A"}, "correct": true, "feedback": {"en": "Yes."}}
                ],
                "explanation": {"en": "A."}
            }}
        ]
    })
}

/// A minimal scenario that follows the format.
fn minimal_scenario() -> Value {
    json!({
        "format_version": 1,
        "id": "talk",
        "title": {"en": "Talk"},
        "setting": {"en": "An office."},
        "goal": {"en": "Listen."},
        "characters": [
            {"id": "sam", "name": {"en": "Sam"}, "role": {"en": "Resident"}, "bio": {"en": "-"}}
        ],
        "variables": [{"id": "trust", "label": {"en": "Trust"}, "min": 0, "max": 100, "start": 50}],
        "start": "open",
        "nodes": [
            {"id": "open", "choices": [
                {"id": "c", "text": {"en": "Hi"}, "feedback": {"en": "Ok"},
                 "effects": {"trust": 10},
                 "if": {"compare": {"var": "trust", "op": ">=", "value": 0}},
                 "next": "end"}
            ]},
            {"id": "end", "ending": {"outcome": "good", "title": {"en": "End"}, "debrief": {"en": "-"}}}
        ]
    })
}

/// A minimal manifest that follows the format.
fn minimal_manifest() -> Value {
    json!({
        "format_version": 1,
        "id": "c",
        "version": "1",
        "title": {"en": "C"},
        "description": {"en": "D"},
        "default_locale": "en",
        "locales": ["en"],
        "modules": [{"id": "m", "title": {"en": "M"}, "items": ["intro"]}]
    })
}

/// Applies `change` to a copy of `valid` and asserts the schema rejects the result.
#[track_caller]
fn assert_rejected(validator: &Validator, valid: &Value, what: &str, change: impl Fn(&mut Value)) {
    let mut doc = valid.clone();
    change(&mut doc);
    assert!(
        !validator.is_valid(&doc),
        "the schema accepts a document with {what}:\n{doc:#}"
    );
}

#[test]
fn wrong_lessons_fail_the_schema() {
    let validator = validator!(Lesson);
    let valid = minimal_lesson();
    assert_eq!(
        problems(&validator, &valid),
        "",
        "the minimal lesson is valid"
    );
    assert_rejected(&validator, &valid, "an unknown top-level field", |d| {
        d["titel"] = json!({"en": "typo"});
    });
    assert_rejected(&validator, &valid, "an unknown field in a scene", |d| {
        d["scenes"][0]["colour"] = json!("red");
    });
    assert_rejected(&validator, &valid, "a string for a number", |d| {
        d["estimated_minutes"] = json!("ten");
    });
    assert_rejected(&validator, &valid, "a string for a boolean", |d| {
        d["scenes"][1]["quiz"]["options"][0]["correct"] = json!("yes");
    });
    assert_rejected(&validator, &valid, "a missing required field", |d| {
        if let Some(map) = d.as_object_mut() {
            map.remove("scenes");
        }
    });
    assert_rejected(&validator, &valid, "a text that is a plain string", |d| {
        d["title"] = json!("Intro");
    });
}

#[test]
fn wrong_scenarios_fail_the_schema() {
    let validator = validator!(Scenario);
    let valid = minimal_scenario();
    assert_eq!(
        problems(&validator, &valid),
        "",
        "the minimal scenario is valid"
    );
    assert_rejected(&validator, &valid, "an unknown field in a choice", |d| {
        d["nodes"][0]["choices"][0]["score"] = json!(3);
    });
    assert_rejected(&validator, &valid, "an unknown outcome", |d| {
        d["nodes"][1]["ending"]["outcome"] = json!("great");
    });
    assert_rejected(&validator, &valid, "an unknown comparison operator", |d| {
        d["nodes"][0]["choices"][0]["if"]["compare"]["op"] = json!("=>");
    });
    assert_rejected(&validator, &valid, "a fractional effect", |d| {
        d["nodes"][0]["choices"][0]["effects"]["trust"] = json!(1.5);
    });
}

#[test]
fn wrong_manifests_fail_the_schema() {
    let validator = validator!(Manifest);
    let valid = minimal_manifest();
    assert_eq!(
        problems(&validator, &valid),
        "",
        "the minimal manifest is valid"
    );
    assert_rejected(&validator, &valid, "an unknown field", |d| {
        d["author"] = json!("someone");
    });
    assert_rejected(&validator, &valid, "a string format_version", |d| {
        d["format_version"] = json!("1");
    });
    assert_rejected(&validator, &valid, "a negative format_version", |d| {
        d["format_version"] = json!(-1);
    });
    assert_rejected(&validator, &valid, "items that are not a list", |d| {
        d["modules"][0]["items"] = json!("intro");
    });
}

#[test]
fn shipped_manifest_with_an_unknown_field_fails_the_schema() {
    // The same check on real content, so a too-permissive schema cannot hide behind the
    // minimal documents above.
    let validator = validator!(Manifest);
    let shipped = read_json(&course_dir().join("course.json"));
    assert_rejected(&validator, &shipped, "an unknown field", |d| {
        d["modules"][0]["extra"] = json!(true);
    });
}

#[test]
fn every_schema_allows_a_reference_to_itself() {
    // `"$schema": "../schemas/lesson.schema.json"` at the top of a file tells editors which
    // schema to use; the schema must not call it an unknown field.
    for (what, validator, valid) in [
        ("manifest", validator!(Manifest), minimal_manifest()),
        ("lesson", validator!(Lesson), minimal_lesson()),
        ("scenario", validator!(Scenario), minimal_scenario()),
    ] {
        let mut doc = valid.clone();
        doc["$schema"] = json!("../schemas/x.schema.json");
        assert_eq!(problems(&validator, &doc), "", "{what}");
        assert_rejected(&validator, &valid, "a $schema that is no string", |d| {
            d["$schema"] = json!(7);
        });
    }
}

/// The schema files in `schemas/`, as `kruispunt schema KIND` prints them.
const SHIPPED_SCHEMAS: [(&str, &str); 3] = [
    ("course", "schemas/course.schema.json"),
    ("lesson", "schemas/lesson.schema.json"),
    ("scenario", "schemas/scenario.schema.json"),
];

#[test]
fn the_schema_files_in_the_repository_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = String::new();
    for (kind, path) in SHIPPED_SCHEMAS {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_kruispunt"))
            .args(["schema", kind])
            .output()
            .expect("the binary runs");
        assert!(output.status.success(), "kruispunt schema {kind} fails");
        let generated = String::from_utf8(output.stdout).expect("UTF-8 schema");
        let shipped = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        if shipped != generated {
            stale.push_str(&format!("  kruispunt schema {kind} > {path}\n"));
        }
    }
    assert!(
        stale.is_empty(),
        "the schema files differ from what `kruispunt schema` prints; the course format \
         changed. Regenerate them from the repository root:\n{stale}\
         (from a checkout, `cargo run -q --` in place of `kruispunt`), then commit them."
    );
}
