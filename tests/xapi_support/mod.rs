//! A profile made by a scripted plain-mode run over the frozen fixture course
//! (`tests/fixtures/tui-course`, driven as in tests/plain.rs): a lesson with quizzes, a
//! lesson with a reflection, and the scenario to its good ending; and the JSON Schema of
//! xAPI 1.0.3 statements (`tests/fixtures/xapi/statement.schema.json`). For tests/xapi.rs
//! and tests/xapi_lrs.rs, which declare `binary_support` and `tui_support` next to it.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use crate::binary_support::{Run, command};
use crate::tui_support;
use jsonschema::Validator;
use kruispunt::course::checked::SceneBody;
use kruispunt::course::ids::ItemId;
use kruispunt::engine::{LessonRun, ScenarioRun};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

pub const PROFILE: &str = "robin-xapi";
pub const SCENARIO: &str = "opvang-kamerwissel";
pub const LETTERS: &str = "de-letters";
pub const REFLECTION_LINE: &str = "I decide too fast what someone is.";

pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course")
}

pub fn validator() -> Validator {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xapi/statement.schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("the schema parses");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

/// Every problem `validator` finds in `statement`; empty when valid.
pub fn problems(validator: &Validator, statement: &Value) -> Vec<String> {
    validator
        .iter_errors(statement)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The number plain mode shows for option `id` of quiz `scene` of the letters lesson at
/// try `tries` (options are shuffled per try), as in tests/plain.rs.
pub fn quiz_number(scene: &str, id: &str, tries: u32) -> usize {
    let course = tui_support::course();
    let lesson = &course.lessons[&ItemId::from(LETTERS)];
    let mut run = LessonRun::new(lesson);
    run.go_to(lesson, scene).unwrap();
    for _ in 0..tries {
        run.answer_quiz(lesson, [id]).unwrap();
    }
    let order = run.quiz_order(lesson);
    let Some(SceneBody::Quiz(quiz)) = run.current(lesson).map(|s| &s.body) else {
        panic!("{scene} is not a quiz");
    };
    order
        .iter()
        .position(|&i| quiz.options[i].id.as_str() == id)
        .unwrap()
        + 1
}

/// The numbers shown for the first written choice at the first `decisions` decision
/// points of the scenario's first attempt (the good road), as in tests/plain.rs.
pub fn good_road(decisions: usize) -> Vec<usize> {
    let course = tui_support::course();
    let scenario = &course.scenarios[&ItemId::from(SCENARIO)];
    let mut run = ScenarioRun::new(scenario).unwrap();
    let mut numbers = Vec::new();
    for _ in 0..decisions {
        let first = run.offered_choices(scenario).next().unwrap().index;
        let shown = run
            .offered_in_order(scenario)
            .into_iter()
            .position(|i| i == first)
            .unwrap();
        numbers.push(shown + 1);
        run.choose(scenario, first).unwrap();
    }
    numbers
}

/// The letters lesson (one quiz wrong then right, one right), the welcome lesson with a
/// reflection, the scenario to its good ending, then quit.
pub fn script() -> String {
    let (letters, rest) = script_parts();
    format!("{letters}{rest}")
}

/// [`script`] in two parts: the letters lesson (back at the overview after it), then the
/// rest with the quit.
pub fn script_parts() -> (String, String) {
    let wrong = quiz_number("quiz-trans", "transseksueel", 0);
    let right = quiz_number("quiz-trans", "trans-vrouw", 1);
    let body = quiz_number("quiz-intersekse", "lichaam", 0);
    let identity = quiz_number("quiz-intersekse", "man-of-vrouw", 0);
    let letters = format!("2\n\n\n{wrong}\nr\n{right}\n\n{body} {identity}\n\n\n\n\n");
    let welcome = format!("1\n\n\n1\n\n{REFLECTION_LINE}\nI will ask first.\n\n\n1 3\n\n\n\n");
    let road: String = good_road(5).iter().map(|n| format!("{n}\n")).collect();
    (letters, format!("{welcome}3\n\n{road}3\nq\n"))
}

/// A data directory with the profile of a scripted plain-mode run.
pub fn scripted_profile() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut child = command(["--plain", "--profile", PROFILE])
        .arg("--data-dir")
        .arg(dir.path())
        .arg("--course")
        .arg(fixture())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(script().as_bytes());
    drop(stdin);
    let run = Run::from(child.wait_with_output().unwrap()).exits(0);
    assert!(
        run.stdout.contains("Progress: 3 of 3 parts done."),
        "{}",
        run.stdout
    );
    dir
}

/// The statements of a JSON Lines text.
pub fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("one statement per line"))
        .collect()
}

/// The four counts of `xapi send`'s summary line (`sent N, …`): sent, already stored,
/// rejected and still waiting.
pub fn sent_summary(run: &Run) -> (usize, usize, usize, usize) {
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("sent "))
        .unwrap_or_else(|| panic!("no summary:\n{}\n{}", run.stdout, run.stderr));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    (numbers[0], numbers[1], numbers[2], numbers[3])
}
