//! `kruispunt new` on the real binary: the skeletons pass `validate --strict` at once in a
//! copy of the built-in course, are listed in the module asked for, and bad requests are
//! refused without writing anything.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;

use binary_support::{Run, command, copy_dir};
use std::path::{Path, PathBuf};

fn course_copy(tmp: &Path) -> PathBuf {
    let dir = tmp.join("course");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("course"), &dir);
    dir
}

fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("course.json")).unwrap()).unwrap()
}

fn items_of(dir: &Path, module: &str) -> Vec<String> {
    let manifest = manifest(dir);
    let module = manifest["modules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == module)
        .unwrap();
    module["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_new_lesson_and_a_new_scenario_pass_strict_validation_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = course_copy(tmp.path());
    let before = std::fs::read_to_string(dir.join("course.json")).unwrap();
    let run = Run::of(
        command([
            "new",
            "lesson",
            "eerste-les",
            "--module",
            "welkom",
            "--course",
        ])
        .arg(&dir),
    )
    .exits(0);
    assert!(run.stdout.contains("eerste-les"), "{}", run.stdout);
    Run::of(
        command([
            "new",
            "scenario",
            "eerste-gesprek",
            "--title",
            "Een eerste gesprek",
            "--course",
        ])
        .arg(&dir),
    )
    .exits(0);
    let run = Run::of(command(["validate", "--strict", "--course"]).arg(&dir)).exits(0);
    assert!(
        run.stdout.contains("no problems (13 lessons, 11 scenarios"),
        "{}",
        run.stdout
    );
    assert_eq!(
        items_of(&dir, "welkom").last().map(String::as_str),
        Some("eerste-les")
    );
    let last_module = manifest(&dir)["modules"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        items_of(&dir, &last_module).last().map(String::as_str),
        Some("eerste-gesprek")
    );
    // Only the two item lists changed: every other byte of course.json is as it was.
    let after = std::fs::read_to_string(dir.join("course.json")).unwrap();
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 2, "{changed:#?}");
    assert!(
        changed
            .iter()
            .all(|(_, b)| b.trim_start().starts_with("\"items\""))
    );
    // Every locale has a text, marked for the author or the translator.
    let scenario: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("scenarios/eerste-gesprek.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(scenario["title"]["nl"], "Een eerste gesprek");
    assert_eq!(scenario["title"]["fr"], "TODO (fr): Een eerste gesprek");
    assert!(
        scenario["goal"]["en"]
            .as_str()
            .unwrap()
            .starts_with("TODO (en): ")
    );
    let outcomes: Vec<&str> = scenario["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["ending"]["outcome"].as_str())
        .collect();
    assert_eq!(outcomes, ["good", "mixed", "poor"]);
}

#[test]
fn a_new_item_follows_the_locales_of_its_course() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = course_copy(tmp.path());
    // A course in two locales, English first.
    let text = std::fs::read_to_string(dir.join("course.json")).unwrap();
    std::fs::write(
        dir.join("course.json"),
        text.replace("\"default_locale\": \"nl\"", "\"default_locale\": \"en\""),
    )
    .unwrap();
    Run::of(command(["new", "lesson", "engels", "--course"]).arg(&dir)).exits(0);
    let lesson: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("lessons/engels.json")).unwrap())
            .unwrap();
    assert_eq!(lesson["title"]["en"], "TODO: the lesson's title");
    assert_eq!(lesson["title"]["nl"], "TODO (nl): the lesson's title");
    Run::of(command(["validate", "--strict", "--course"]).arg(&dir)).exits(0);
}

#[test]
fn taken_or_invalid_ids_and_unknown_modules_are_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = course_copy(tmp.path());
    let before = std::fs::read_to_string(dir.join("course.json")).unwrap();
    let run = Run::of(command(["new", "lesson", "de-letters", "--course"]).arg(&dir)).exits(1);
    assert!(
        run.stderr
            .contains("already has a lesson or scenario “de-letters”"),
        "{}",
        run.stderr
    );
    // A scenario id is taken for lessons too: they share one namespace.
    Run::of(command(["new", "lesson", "buddy-intake", "--course"]).arg(&dir)).exits(1);
    for bad in ["Nieuw", "a b", "../x", "a--b", "x.json"] {
        let run = Run::of(command(["new", "scenario", bad, "--course"]).arg(&dir)).exits(2);
        assert!(
            run.stderr.contains("cannot be the id"),
            "{bad}: {}",
            run.stderr
        );
    }
    let run =
        Run::of(command(["new", "scenario", "nieuw", "--module", "geen", "--course"]).arg(&dir))
            .exits(1);
    assert!(
        run.stderr
            .contains("no module “geen”; its modules are: welkom, letters,"),
        "{}",
        run.stderr
    );
    let run = Run::of(&mut command(["new", "scenario", "nieuw"])).exits(2);
    assert!(run.stderr.contains("--course DIR"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("course.json")).unwrap(),
        before
    );
    assert!(!dir.join("scenarios/nieuw.json").exists());
    Run::of(command(["validate", "--strict", "--course"]).arg(&dir)).exits(0);
}

#[test]
fn the_refusals_speak_the_interface_language() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = course_copy(tmp.path());
    let run =
        Run::of(command(["new", "lesson", "de-letters", "--lang", "fr", "--course"]).arg(&dir))
            .exits(1);
    assert!(
        run.stderr.contains("le cours a déjà une leçon"),
        "{}",
        run.stderr
    );
}
