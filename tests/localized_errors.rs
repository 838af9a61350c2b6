//! Errors reach the learner in the interface language, whichever front end shows them:
//! not only the command line's own messages, but also what plain mode says when saving
//! fails, down to the reason the system gave.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tui_support;

use kruispunt::i18n::LocaleCandidates;
use kruispunt::plain::PlainError;
use kruispunt::progress::{CourseStamp, DEFAULT_PROFILE, ProfileName, ProfileStore};

/// A failed save in plain mode with the interface in `lang`: what plain mode wrote, and
/// whether `run` returned the save error.
fn plain_with_a_failing_save(lang: &str) -> (String, bool) {
    let course = tui_support::course();
    let dir = tempfile::tempdir().expect("temp dir");
    let store = ProfileStore::new(dir.path());
    let name = ProfileName::new(DEFAULT_PROFILE).expect("name");
    let opened = store.open(&name, &CourseStamp::of(&course)).expect("opens");
    // A progress file on disk, so the next save replaces it and keeps it as the backup.
    opened
        .session
        .save(&opened.progress)
        .expect("the first save");
    // Where the backup goes there is now a directory with a file in it: the save fails
    // half-way, even for root (CI runs as root, where permissions do not stop writes).
    let backup = dir.path().join(format!("{DEFAULT_PROFILE}.json.bak"));
    let _ = std::fs::remove_file(&backup);
    std::fs::create_dir(&backup).expect("a directory in its place");
    std::fs::write(backup.join("inside"), "x").expect("fill it");

    let candidates = LocaleCandidates {
        flag: Some(lang.to_owned()),
        ..LocaleCandidates::default()
    };
    let (i18n, notices) =
        kruispunt::plain::localizer(&course, &opened.progress, &opened.notices, &candidates);
    let mut out = Vec::new();
    let ended = kruispunt::plain::run(
        std::sync::Arc::new(course),
        i18n,
        opened.progress,
        &notices,
        Some(&opened.session),
        &b"q\n"[..],
        &mut out,
    );
    let failed = matches!(ended, Err(PlainError::Save(_)));
    (String::from_utf8(out).expect("UTF-8"), failed)
}

#[test]
fn a_failed_save_in_plain_mode_is_told_in_dutch_reason_included() {
    let (out, failed) = plain_with_a_failing_save("nl");
    assert!(failed, "the last save failed, so run returns its error");
    assert!(
        out.contains("Je voortgang kon niet bewaard worden: "),
        "{out}"
    );
    // The reason: which file could not be replaced, and why, in Dutch too.
    assert!(out.contains("default.json.bak"), "{out}");
    assert!(out.contains("kan niet vervangen worden"), "{out}");
    for english in ["could not", "Is a directory", "os error"] {
        assert!(!out.contains(english), "{english:?} in\n{out}");
    }
}

#[test]
fn a_failed_save_in_plain_mode_is_told_in_french() {
    let (out, failed) = plain_with_a_failing_save("fr");
    assert!(failed);
    assert!(
        out.contains("Votre progression n’a pas pu être enregistrée"),
        "{out}"
    );
    for english in ["could not", "Is a directory", "os error"] {
        assert!(!out.contains(english), "{english:?} in\n{out}");
    }
}
