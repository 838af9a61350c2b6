//! `kruispunt validate --watch` in a real terminal (tmux): the report is redrawn when a
//! course file is saved, broken and then mended, and Ctrl-C ends the program.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;
mod tmux_support;

use binary_support::copy_dir;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tmux_support::Tmux;

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_kruispunt")
}

/// A copy of the built-in course, and the path of one of its scenario files.
fn course_copy(dir: &Path) -> (PathBuf, PathBuf) {
    let course = dir.join("course");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("course"),
        &course,
    );
    let mut scenarios: Vec<_> = std::fs::read_dir(course.join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    scenarios.sort();
    let scenario = scenarios.into_iter().next().expect("a scenario file");
    (course, scenario)
}

#[test]
fn the_report_is_redrawn_when_a_file_is_saved_and_ctrl_c_ends_it() {
    if !tmux_support::installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (course, scenario) = course_copy(dir.path());
    let command = format!(
        "exec '{}' validate --watch '{}' --lang en",
        binary(),
        course.display()
    );
    let tmux = Tmux::start(
        dir.path(),
        "watch",
        (120, 40),
        &command,
        Duration::from_secs(30),
    );
    tmux.wait_for("the first report", |s| {
        s.contains("no problems") && s.contains("Watching")
    });

    let good = std::fs::read_to_string(&scenario).unwrap();
    std::fs::write(&scenario, "{ \"format_version\": 2, ").unwrap();
    let broken = tmux.wait_for("the broken file reported", |s| {
        s.contains("error[") && s.contains("Watching")
    });
    // The screen was cleared: the earlier report is gone.
    assert!(!broken.contains("no problems"), "{broken}");
    let name = scenario.file_name().unwrap().to_string_lossy().into_owned();
    assert!(broken.contains(&name), "{broken}");

    std::fs::write(&scenario, good).unwrap();
    let mended = tmux.wait_for("the mended course checked again", |s| {
        s.contains("no problems") && s.contains("Watching")
    });
    assert!(!mended.contains("error["), "{mended}");

    tmux.key("C-c");
    let deadline = Instant::now() + Duration::from_secs(10);
    while tmux.pane("#{pane_dead}") != "1" {
        assert!(Instant::now() < deadline, "Ctrl-C did not end it");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn watching_needs_a_course_directory() {
    let output = Command::new(binary())
        .args(["validate", "--watch", "--lang", "en"])
        .env("KRUISPUNT_DATA_DIR", tempfile::tempdir().unwrap().path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--watch needs a course directory"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn a_directory_that_cannot_be_watched_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-course");
    let output = Command::new(binary())
        .args(["validate", "--watch", "--lang", "en"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot watch"), "{stderr}");
}
