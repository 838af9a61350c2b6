//! `kruispunt session list` and `kruispunt session export` through the real binary, with
//! a session log written into a temporary data directory.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kruispunt::course::ids::{ChoiceId, CourseId, ItemId, NodeId};
use kruispunt::facilitator::{ChoiceVotes, Entry, SessionId, SessionLog, SessionStore};
use kruispunt::i18n::UiLocale;
use kruispunt::progress::{CourseStamp, Timestamp};
use std::path::Path;
use std::process::Output;

mod binary_support;

fn kruispunt(data_dir: &Path, args: &[&str]) -> Output {
    binary_support::command(["--data-dir"])
        .arg(data_dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn saved_session(data_dir: &Path) -> SessionLog {
    saved_session_in(data_dir, None)
}

/// A session log saved in `data_dir`, run in `language` (none: a log that does not say,
/// as version 1 logs).
fn saved_session_in(data_dir: &Path, language: Option<UiLocale>) -> SessionLog {
    let t = |s: u64| Timestamp(1_764_000_000 + s);
    let mut log = SessionLog::new(
        SessionId::new(t(0), 5),
        CourseStamp {
            id: CourseId::from("kruispunt"),
            version: "x".into(),
        },
        t(0),
    );
    let item = ItemId::from("opvang-kamerwissel");
    log.push(Entry::Opened {
        at: t(0),
        item: item.clone(),
    });
    log.push(Entry::Vote {
        at: t(120),
        item: item.clone(),
        node: NodeId::from("balie"),
        counts: vec![
            ChoiceVotes {
                choice: ChoiceId::from("naar-kantoor"),
                votes: 6,
            },
            ChoiceVotes {
                choice: ChoiceId::from("waarom-hier"),
                votes: 3,
            },
            ChoiceVotes {
                choice: ChoiceId::from("formulier"),
                votes: 0,
            },
        ],
        chosen: ChoiceId::from("naar-kantoor"),
    });
    log.push(Entry::Note {
        at: t(200),
        item: Some(item.clone()),
        text: "The group asked <why> the office & not the desk".into(),
    });
    log.push(Entry::Closed { at: t(300), item });
    if let Some(language) = language {
        log = log.in_language(language);
    }
    SessionStore::new(data_dir).save(&log).expect("saves");
    log
}

#[test]
fn list_shows_the_sessions_and_an_empty_directory_says_so() {
    let temp = tempfile::tempdir().expect("temp dir");
    let out = kruispunt(temp.path(), &["session", "list"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("No facilitated sessions"));
    let log = saved_session(temp.path());
    let out = kruispunt(temp.path(), &["session", "list"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout.contains(log.id.as_str()), "{stdout}");
    assert!(stdout.contains("1 vote"), "{stdout}");
}

#[test]
fn export_writes_markdown_and_an_html_page_with_vote_bars() {
    let temp = tempfile::tempdir().expect("temp dir");
    let log = saved_session(temp.path());
    let out = kruispunt(temp.path(), &["session", "export", log.id.as_str()]);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(md.starts_with(&format!("# Session {}", log.id)), "{md}");
    assert!(md.contains("Votes and the path the group chose"), "{md}");
    assert!(md.contains("5 min 0 s"), "time per item:\n{md}");

    let file = temp.path().join("handout.html");
    let out = kruispunt(
        temp.path(),
        &[
            "session",
            "export",
            log.id.as_str(),
            "--format",
            "html",
            "-o",
            file.to_str().expect("a UTF-8 path"),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let html = std::fs::read_to_string(&file).expect("written");
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).expect("a selector");
    assert_eq!(page.select(&select("script")).count(), 0);
    assert_eq!(page.select(&select("link")).count(), 0, "no external files");
    let bars: Vec<String> = page
        .select(&select("section.vote svg rect"))
        .filter_map(|r| r.value().attr("data-votes").map(str::to_owned))
        .collect();
    assert_eq!(bars, ["6", "3", "0"]);
    let chosen = page.select(&select("section.vote svg rect.chosen")).count();
    assert_eq!(chosen, 1);
    let notes: String = page.root_element().text().collect();
    assert!(notes.contains("The group asked <why> the office & not the desk"));
}

#[test]
fn an_unknown_or_invalid_id_is_refused() {
    let temp = tempfile::tempdir().expect("temp dir");
    let out = kruispunt(temp.path(), &["session", "export", "20250101T000000Z-0000"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no session"));
    let out = kruispunt(temp.path(), &["session", "export", "../x"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_handout_is_in_the_language_of_the_session_unless_lang_is_given() {
    let temp = tempfile::tempdir().expect("temp dir");
    let log = saved_session_in(temp.path(), Some(UiLocale::Fr));
    let id = log.id.as_str();
    let title = |out: &Output| {
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    // The shell speaks English (KRUISPUNT_LANG=en); the session ran in French.
    let out = kruispunt(temp.path(), &["session", "export", id]);
    assert_eq!(title(&out), format!("# Séance {id}"));
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("Les votes et le chemin choisi par le groupe"),
        "{md}"
    );
    // Whatever the shell's language.
    let out = binary_support::command(["--data-dir"])
        .arg(temp.path())
        .args(["session", "export", id])
        .env("KRUISPUNT_LANG", "nl")
        .output()
        .expect("the binary runs");
    assert_eq!(title(&out), format!("# Séance {id}"));
    // `--lang` decides when given.
    for (lang, heading) in [("en", "Session"), ("nl", "Sessie"), ("fr", "Séance")] {
        let out = kruispunt(temp.path(), &["--lang", lang, "session", "export", id]);
        assert_eq!(title(&out), format!("# {heading} {id}"), "--lang {lang}");
    }
    // The HTML page says its language.
    let out = kruispunt(temp.path(), &["session", "export", id, "--format", "html"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("<html lang=\"fr\">"),
        "{out:?}"
    );
    // What is said on the terminal stays in the shell's language.
    let file = temp.path().join("handout.md");
    let out = kruispunt(
        temp.path(),
        &["session", "export", id, "-o", file.to_str().expect("UTF-8")],
    );
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("Handout written to"),
        "{out:?}"
    );
    let written = std::fs::read_to_string(&file).expect("written");
    assert!(written.starts_with(&format!("# Séance {id}")), "{written}");
}

#[test]
fn a_log_that_does_not_say_its_language_is_exported_in_the_shells() {
    let temp = tempfile::tempdir().expect("temp dir");
    let log = saved_session_in(temp.path(), None);
    let out = binary_support::command(["--data-dir"])
        .arg(temp.path())
        .args(["session", "export", log.id.as_str()])
        .env("KRUISPUNT_LANG", "nl")
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "{out:?}");
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.starts_with(&format!("# Sessie {}", log.id)), "{md}");
}
