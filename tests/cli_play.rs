//! `kruispunt play` on the real binary in plain mode: a scenario started at a node with
//! `--set`, a choice made, localised errors that list what exists, and nothing written to
//! the data directory.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;

use binary_support::{Run, command};
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

const SCENARIO: &str = "opvang-kamerwissel";

/// The built-in scenario as JSON.
fn scenario() -> serde_json::Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("course/scenarios/{SCENARIO}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The English text of the first line of `node`.
fn first_line(node: &str) -> String {
    let scenario = scenario();
    let node = scenario["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == node)
        .unwrap()
        .clone();
    node["lines"][0]["text"]["en"].as_str().unwrap().to_owned()
}

/// `play` with `args`, `input` on stdin, and the data directory, HOME and XDG_DATA_HOME in
/// `home` (which must stay empty).
fn play(home: &Path, args: &[&str], input: &str) -> Run {
    let mut child = command(["play"])
        .args(args)
        .env("KRUISPUNT_DATA_DIR", home.join("data"))
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    Run::from(child.wait_with_output().unwrap())
}

#[test]
fn plain_play_starts_at_the_node_with_the_values_set_and_takes_a_choice() {
    let home = tempfile::tempdir().unwrap();
    // Start the conversation (1), then take the first answer shown (1), then end of input.
    let run = play(
        home.path(),
        &[
            SCENARIO,
            "--at",
            "kantoor",
            "--set",
            "trust=90",
            "--set",
            "safety=10",
            "--plain",
        ],
        "1\n1\n",
    )
    .exits(0);
    let out = &run.stdout;
    assert!(out.contains("Trust: 90 of 100"), "{out}");
    assert!(out.contains("Safety: 10 of 100"), "{out}");
    // The end of the first line of `kantoor` (its start may be a stage direction, written
    // differently in plain mode), and not the first line of the start node `balie`.
    let kantoor = first_line("kantoor");
    let tail: String = kantoor
        .chars()
        .rev()
        .take(16)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let balie = first_line("balie");
    assert!(!out.contains(&balie), "started at the start node:\n{out}");
    let at = out
        .find(&tail)
        .unwrap_or_else(|| panic!("no {tail:?} in:\n{out}"));
    // A choice was made: the trainee's words and the coach's feedback follow.
    let after = &out[at..];
    assert!(after.contains("\nYou: "), "{out}");
    assert!(after.contains("\nCoach: "), "{out}");
    assert!(
        out.trim_end()
            .ends_with("End of the preview: nothing was saved."),
        "{out}"
    );
    assert_eq!(
        std::fs::read_dir(home.path()).unwrap().count(),
        0,
        "something was written"
    );
}

#[test]
fn unknown_nodes_variables_scenarios_and_bad_values_are_refused_with_what_exists() {
    let home = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &[SCENARIO, "--at", "nergens"],
            "the scenario has no node `nergens`; its nodes are: balie, ",
        ),
        (
            &[SCENARIO, "--set", "geduld=3"],
            "no variable `geduld`; its variables are: trust, safety",
        ),
        (
            &[SCENARIO, "--set", "trust=101"],
            "`trust` goes from 0 to 100, not 101",
        ),
        (
            &[SCENARIO, "--set", "trust"],
            "`trust` is not VARIABLE=NUMBER",
        ),
        (
            &["geen-scenario"],
            "the course has no scenario `geen-scenario`; its scenarios are: buddy-intake, ",
        ),
    ];
    for (args, expected) in cases {
        let mut args = args.to_vec();
        args.push("--plain");
        let run = play(home.path(), &args, "").exits(2);
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
    let run = play(
        home.path(),
        &[SCENARIO, "--at", "nergens", "--plain", "--lang", "fr"],
        "",
    )
    .exits(2);
    assert!(
        run.stderr.contains("le scénario n’a pas de nœud `nergens`"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0);
}

#[test]
fn play_without_a_terminal_points_to_plain_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let run = play(home.path(), &[SCENARIO], "").exits(2);
    assert!(run.stderr.contains("--plain"), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0);
}
