//! The scenario in plain mode (`kruispunt --plain`), driven like a script would: the real
//! binary, answers piped to standard input, assertions on standard output.
//!
//! The course is a copy of the frozen fixture (`tests/fixtures/tui-course`) in which leaving
//! the room question until tomorrow (`morgen-beslissen`) breaches safety, so the ending has
//! a breached competency and a turning point to read out. The answers are shown shuffled
//! per attempt: the script types, for each answer, the number plain mode shows for it,
//! worked out with the same engine ([`numbers_for`]).

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;
mod tui_support;

use binary_support::copy_dir;

use kruispunt::course::checked::Step;
use kruispunt::course::ids::ItemId;
use kruispunt::course::load_dir;
use kruispunt::engine::scenario::ScenarioRun;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SCENARIO: &str = "opvang-kamerwissel";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course")
}

/// The fixture course in `dir`, with `morgen-beslissen` breaching safety.
fn course_with_a_breach(dir: &Path) -> PathBuf {
    let course = dir.join("course");
    copy_dir(&fixture(), &course);
    let file = course.join(format!("scenarios/{SCENARIO}.json"));
    let text = std::fs::read_to_string(&file).expect("the scenario file");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let nodes = json["nodes"].as_array_mut().expect("nodes");
    let mut changed = false;
    for node in nodes {
        let Some(choices) = node.get_mut("choices").and_then(|c| c.as_array_mut()) else {
            continue;
        };
        for choice in choices {
            if choice["id"] == "morgen-beslissen" {
                choice["competencies"] = serde_json::json!({ "safety": "breached" });
                changed = true;
            }
        }
    }
    assert!(changed, "the fixture has `morgen-beslissen`");
    std::fs::write(&file, serde_json::to_string_pretty(&json).expect("JSON")).expect("written");
    course
}

/// The numbers plain mode shows for the choices `ids`, taken one after the other from the
/// start of a fresh attempt.
fn numbers_for(course: &Path, ids: &[&str]) -> Vec<usize> {
    let course = load_dir(course).expect("the course loads");
    let scenario = &course.scenarios[&ItemId::from(SCENARIO)];
    let mut run = ScenarioRun::new(scenario).expect("a run");
    let mut numbers = Vec::new();
    for id in ids {
        let offered: Vec<usize> = run.offered_choices(scenario).map(|c| c.index).collect();
        let Some(Step::Choices(choices)) = run.current_node(scenario).map(|n| &n.step) else {
            panic!("not at a decision point before `{id}`");
        };
        let number = run
            .display_order(scenario, run.current())
            .into_iter()
            .filter(|i| offered.contains(i))
            .position(|i| choices[i].id.as_str() == *id)
            .unwrap_or_else(|| panic!("`{id}` is not offered"))
            + 1;
        numbers.push(number);
        run.choose(scenario, *id).expect("the choice");
    }
    numbers
}

/// Runs `kruispunt --plain` over `course` with `input` on standard input, in English, with
/// none of the caller's language or Kruispunt settings.
fn plain(data_dir: &Path, course: &Path, input: &[u8]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kruispunt"));
    for (key, _) in std::env::vars_os() {
        let key_text = key.to_string_lossy();
        if key_text == "LANG"
            || key_text == "LANGUAGE"
            || key_text.starts_with("LC_")
            || key_text.starts_with("KRUISPUNT_")
        {
            command.env_remove(&key);
        }
    }
    let mut child = command
        .env("KRUISPUNT_LANG", "en")
        .arg("--plain")
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--course")
        .arg(course)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kruispunt starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // The program may stop reading early (quit); a closed pipe is then expected.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("kruispunt runs")
}

/// Where `needle` is in `out`, or a failure that shows the output.
#[track_caller]
fn at(out: &str, needle: &str) -> usize {
    out.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is not read:\n{out}"))
}

#[test]
fn the_ending_reads_scores_qualities_and_turning_points_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = course_with_a_breach(dir.path());
    // Office (shows safety), simple words, "are you gay?" (weak), then leave it until
    // tomorrow (weak, breaches safety): a poor ending with two turning points.
    let road = [
        "naar-kantoor",
        "eenvoudige-taal",
        "ben-je-homo",
        "morgen-beslissen",
    ];
    let numbers: String = numbers_for(&course, &road)
        .iter()
        .map(|n| format!("{n}\n"))
        .collect();
    // The scenario is the third part; Enter starts it; 3 at the ending goes back.
    let script = format!("3\n\n{numbers}3\nq\n");
    let output = plain(&dir.path().join("data"), &course, script.as_bytes());
    let out = String::from_utf8_lossy(&output.stdout).into_owned();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "stdout:\n{out}\nstderr:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    let ending = &out[at(&out, "Ending: poor")..];

    // Competencies as words: the breached one is read as breached, never as shown.
    assert!(ending.contains("Competencies:"), "{ending}");
    assert!(ending.contains("Safety: breached"), "{ending}");
    assert!(!ending.contains("Safety: shown"), "{ending}");
    assert!(ending.contains("Confidentiality: shown"), "{ending}");
    assert!(
        ending.contains("Asking open questions: not met"),
        "{ending}"
    );
    // The answers per quality, in words.
    assert!(
        ending.contains("Your answers: 2 best, 0 acceptable, 2 weak, 0 harmful."),
        "{ending}"
    );
    // The turning points: where, the answer given, a better one and the coach on it, and
    // whether the good ending was lost.
    assert!(ending.contains("Turning points"), "{ending}");
    assert!(ending.contains("Decision 3: Yassin: "), "{ending}");
    assert!(
        ending.contains("You answered (weak): “Do you mean they think you're gay?"),
        "{ending}"
    );
    assert!(
        ending.contains("A better answer (best): “Thank you for telling me this."),
        "{ending}"
    );
    assert!(
        ending.contains("The coach on that better answer: You acknowledge what he tells you"),
        "{ending}"
    );
    assert!(
        ending.contains("After your answer a good ending was still within reach."),
        "{ending}"
    );
    assert!(ending.contains("Decision 4: "), "{ending}");
    assert!(ending.contains("closed off the good ending"), "{ending}");
    // Symbols are for the screen; plain mode reads words.
    assert!(!ending.contains("++"), "{ending}");
    assert!(!ending.contains('✗'), "{ending}");

    // In a sensible order: outcome and title, debrief, values, competencies, qualities,
    // turning points, then the path.
    let order = [
        "Ending: poor",
        "Debrief:",
        "Where it ended:",
        "Competencies:",
        "Your answers:",
        "Turning points",
        "Your path, with the coach’s feedback:",
        "1 or r: play again from the start",
    ];
    for pair in order.windows(2) {
        assert!(
            at(ending, pair[0]) < at(ending, pair[1]),
            "`{}` before `{}`:\n{ending}",
            pair[0],
            pair[1]
        );
    }
}

#[test]
fn plain_mode_numbers_the_answers_in_the_order_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = fixture();
    let loaded = tui_support::course();
    let scenario = &loaded.scenarios[&ItemId::from(SCENARIO)];
    let run = ScenarioRun::new(scenario).expect("a run");
    let Some(Step::Choices(choices)) = run.current_node(scenario).map(|n| &n.step) else {
        panic!("the start is a decision point");
    };
    let order = run.display_order(scenario, run.current());
    // Typing 2 takes the answer shown second; the transcript says what was said.
    let output = plain(&dir.path().join("data"), &course, b"3\n\n2\n");
    let out = String::from_utf8_lossy(&output.stdout).into_owned();
    let text = choices[order[1]].text.get("en").expect("English text");
    let first_words: String = text.chars().take(25).collect();
    assert!(
        out.contains(&format!("2. {first_words}")),
        "numbered second:\n{out}"
    );
    assert!(
        out.contains(&format!("You: {first_words}")),
        "taken when typing 2:\n{out}"
    );
}
