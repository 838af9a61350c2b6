//! `--format json` of `profiles`, `session list`, `outline`, `report` and `validate` through
//! the real binary: each is one JSON document that starts with its `format_version` and
//! `kind`, in the shape docs/json.md shows.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kruispunt::course::ids::CourseId;
use kruispunt::facilitator::{SessionId, SessionLog, SessionStore};
use kruispunt::progress::{CourseStamp, ItemStatus, ProfileName, ProfileStore, Timestamp};
use serde_json::Value;
use std::path::{Path, PathBuf};

mod binary_support;

use binary_support::Run;

/// Runs the binary with `args` and parses its stdout as one JSON document, checking the
/// fields every document has.
#[track_caller]
fn document(args: &[&std::ffi::OsStr], kind: &str) -> Value {
    let run = Run::of(&mut binary_support::command(args));
    assert!(
        matches!(run.code, Some(0 | 1)),
        "{args:?}: {:?}\n{}",
        run.code,
        run.stderr
    );
    let value: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{args:?} is not one JSON document: {e}\n{}", run.stdout));
    assert_eq!(value["format_version"], 1, "{args:?}");
    assert_eq!(value["kind"], kind, "{args:?}");
    value
}

fn os(args: &[&str]) -> Vec<std::ffi::OsString> {
    args.iter().map(Into::into).collect()
}

fn refs(args: &[std::ffi::OsString]) -> Vec<&std::ffi::OsStr> {
    args.iter().map(std::ffi::OsString::as_os_str).collect()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report")
}

/// An RFC 3339 instant in UTC, as every time in these documents is.
#[track_caller]
fn assert_utc_instant(value: &Value) {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {value}"));
    assert!(
        text.len() == 20 && text.ends_with('Z') && text.as_bytes()[10] == b'T',
        "{text}"
    );
}

#[test]
fn profiles_lists_each_profile_with_its_state_and_progress() {
    let dir = tempfile::tempdir().unwrap();
    let course = kruispunt::course::load_builtin().unwrap();
    let store = ProfileStore::new(dir.path());
    let mut opened = store
        .open(
            &ProfileName::new("anna").unwrap(),
            &CourseStamp::of(&course),
        )
        .unwrap();
    for (_, item) in course.items_in_order().take(2) {
        opened.progress.item_mut(item.id()).status = ItemStatus::Completed;
    }
    opened.session.save(&opened.progress).unwrap();
    drop(opened);
    std::fs::write(dir.path().join("broken.json"), "{ not json").unwrap();
    std::fs::write(dir.path().join("future.json"), r#"{"schema_version": 999}"#).unwrap();
    let mut args = os(&["profiles", "--format", "json", "--data-dir"]);
    args.push(dir.path().into());
    let value = document(&refs(&args), "kruispunt-profiles");
    assert_eq!(value["language"], "en");
    let profiles = value["profiles"].as_array().unwrap();
    let find = |name: &str| {
        profiles
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {value}"))
    };
    let anna = find("anna");
    assert_eq!(anna["state"], "readable");
    assert_eq!(anna["course"], course.id.as_str());
    assert_eq!(anna["completed"], 2);
    assert_eq!(anna["total"], course.items_in_order().count());
    assert_utc_instant(&anna["updated_at"]);
    let broken = find("broken");
    assert_eq!(broken["state"], "damaged");
    assert!(
        broken["damage"]
            .as_str()
            .unwrap()
            .contains("not valid JSON")
    );
    assert_eq!(find("future")["state"], "newer");
    assert_eq!(find("future")["found_version"], 999);
}

#[test]
fn session_list_gives_every_session_with_its_times() {
    let dir = tempfile::tempdir().unwrap();
    let start = Timestamp(1_764_000_000);
    let log = SessionLog::new(
        SessionId::new(start, 5),
        CourseStamp {
            id: CourseId::from("kruispunt"),
            version: "x".into(),
        },
        start,
    );
    SessionStore::new(dir.path()).save(&log).unwrap();
    let mut args = os(&["session", "list", "--format", "json", "--data-dir"]);
    args.push(dir.path().into());
    let value = document(&refs(&args), "kruispunt-sessions");
    let sessions = value["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["id"], log.id.as_str());
    assert_eq!(sessions[0]["course"], "kruispunt");
    assert_eq!(sessions[0]["votes"], 0);
    assert_eq!(sessions[0]["started_at"], "2025-11-24T16:00:00Z");
    assert_utc_instant(&sessions[0]["updated_at"]);
    assert_eq!(value["unreadable"], Value::Array(vec![]));
}

#[test]
fn outline_has_every_module_and_item_in_the_interface_language() {
    let course = kruispunt::course::load_builtin().unwrap();
    let english = document(
        &refs(&os(&["outline", "--format", "json"])),
        "kruispunt-outline",
    );
    assert_eq!(english["course"]["id"], course.id.as_str());
    let modules = english["modules"].as_array().unwrap();
    assert_eq!(modules.len(), course.modules.len());
    let items: Vec<&Value> = modules
        .iter()
        .flat_map(|m| m["items"].as_array().unwrap())
        .collect();
    assert_eq!(items.len(), course.items_in_order().count());
    let mut minutes = 0;
    for item in &items {
        assert!(
            item["kind"] == "lesson" || item["kind"] == "scenario",
            "{item}"
        );
        assert!(!item["title"].as_str().unwrap().is_empty());
        minutes += item["minutes"].as_u64().unwrap_or(0);
    }
    assert!(minutes > 0);
    assert_eq!(english["total_minutes"], minutes);
    let french = document(
        &refs(&os(&["outline", "--format", "json", "--lang", "fr"])),
        "kruispunt-outline",
    );
    assert_eq!(french["language"], "fr");
    assert_ne!(
        french["modules"][0]["title"],
        english["modules"][0]["title"]
    );
}

#[test]
fn report_has_its_sections_charts_and_bars() {
    let mut args = os(&["report", "--format", "json", "--course"]);
    args.push(fixtures().join("course").into());
    for name in ["anna", "bram", "chris"] {
        args.push(
            fixtures()
                .join("exports")
                .join(format!("{name}.json"))
                .into(),
        );
    }
    let value = document(&refs(&args), "kruispunt-report");
    assert_eq!(value["language"], "en");
    assert!(
        value["title"].as_str().unwrap().contains("report"),
        "{value}"
    );
    let sections = value["sections"].as_array().unwrap();
    assert!(sections.len() >= 4, "{value}");
    for section in sections {
        assert!(section["id"].is_string() && section["heading"].is_string());
        for chart in section["charts"].as_array().unwrap() {
            for bar in chart["bars"].as_array().unwrap() {
                let (v, t) = (
                    bar["value"].as_u64().unwrap(),
                    bar["total"].as_u64().unwrap(),
                );
                assert!(v <= t, "{bar}");
                assert!(bar["label"].is_string() && bar["caption"].is_string());
            }
        }
    }
    assert!(value["unmatched"].as_array().is_some_and(|u| !u.is_empty()));
}

#[test]
fn validate_json_is_versioned_too() {
    let value = document(
        &refs(&os(&["validate", "--format", "json"])),
        "kruispunt-validation",
    );
    assert_eq!(value["errors"], 0);
    assert!(value["diagnostics"].is_array() && value["coverage"].is_array());
}
