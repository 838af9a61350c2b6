//! `kruispunt l10n status` on the real binary, with a course in a temporary git repository
//! (real `git`): missing, identical and stale texts per locale, and clear errors.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;

use binary_support::{Run, command, copy_dir};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .status()
        .expect("git runs (install git)");
    assert!(status.success(), "git {args:?}");
}

/// Replaces `from` by `to` in a file of the course, once.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

const SCENARIO: &str = "scenarios/opvang-kamerwissel.json";

#[test]
fn status_lists_missing_identical_and_stale_texts_since_a_revision() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("repo/course");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course"),
        &dir,
    );
    git(&tmp.path().join("repo"), &["init", "-q"]);
    git(&tmp.path().join("repo"), &["add", "-A"]);
    git(&tmp.path().join("repo"), &["commit", "-q", "-m", "first"]);
    // The Dutch title changes and the English one does not: stale. A Dutch sentence copied
    // into English: identical.
    edit(
        &dir,
        SCENARIO,
        "\"nl\": \"Een andere kamer, vanavond nog\"",
        "\"nl\": \"Een andere kamer, vannacht nog\"",
    );
    edit(
        &dir,
        SCENARIO,
        "\"en\": \"Good evening. I want another room. Please. Tonight.\"",
        "\"en\": \"Goedenavond. Ik wil een andere kamer. Alstublieft. Vanavond nog.\"",
    );
    let run = Run::of(
        command([
            "l10n", "status", "--since", "HEAD", "--format", "json", "--course",
        ])
        .arg(&dir),
    )
    .exits(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let en = &report["locales"][0];
    assert_eq!(en["locale"], "en");
    let paths = |kind: &str| -> Vec<String> {
        en[kind]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{}:{}",
                    p["file"].as_str().unwrap(),
                    p["path"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(paths("stale"), [format!("{SCENARIO}:title")]);
    assert!(
        paths("identical").contains(&format!("{SCENARIO}:nodes[0].lines[0].text")),
        "{:?}",
        paths("identical")
    );
    let run =
        Run::of(command(["l10n", "status", "--since", "HEAD", "--course"]).arg(&dir)).exits(0);
    assert!(run.stdout.starts_with("en: "), "{}", run.stdout);
    assert!(
        run.stdout
            .contains(&format!("  not updated: {SCENARIO}: title")),
        "{}",
        run.stdout
    );
    // Committed, the change is no longer "since HEAD".
    git(
        &tmp.path().join("repo"),
        &["commit", "-q", "-a", "-m", "second"],
    );
    let run = Run::of(
        command([
            "l10n", "status", "--since", "HEAD", "--format", "json", "--course",
        ])
        .arg(&dir),
    )
    .exits(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["locales"][0]["stale"], serde_json::json!([]));
    let run = Run::of(
        command([
            "l10n", "status", "--since", "HEAD~1", "--format", "json", "--course",
        ])
        .arg(&dir),
    )
    .exits(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["locales"][0]["stale"].as_array().unwrap().len(), 1);
}

#[test]
fn missing_texts_are_listed_without_git() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course"),
        &dir,
    );
    edit(
        &dir,
        "course.json",
        "\"locales\": [\"nl\", \"en\"]",
        "\"locales\": [\"nl\", \"en\", \"fr\"]",
    );
    let run =
        Run::of(command(["l10n", "status", "--format", "json", "--course"]).arg(&dir)).exits(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let fr = &report["locales"][1];
    assert_eq!(fr["locale"], "fr");
    assert!(fr["missing"].as_array().unwrap().len() > 100, "{fr}");
    assert_eq!(report["since"], serde_json::Value::Null);
}

#[test]
fn since_outside_git_or_with_an_unknown_revision_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("course");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course"),
        &dir,
    );
    let run = Run::of(
        command(["l10n", "status", "--since", "HEAD", "--course"])
            .arg(&dir)
            .env("GIT_CEILING_DIRECTORIES", tmp.path()),
    )
    .exits(2);
    assert!(
        run.stderr.contains("is not in a git repository"),
        "{}",
        run.stderr
    );
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "first"]);
    let run = Run::of(command(["l10n", "status", "--since", "no-such-rev", "--course"]).arg(&dir))
        .exits(2);
    assert!(
        run.stderr
            .contains("git does not know the revision “no-such-rev”"),
        "{}",
        run.stderr
    );
    let run = Run::of(&mut command(["l10n", "status", "--since", "HEAD"])).exits(2);
    assert!(run.stderr.contains("--course DIR"), "{}", run.stderr);
}
