//! Times of lessons, scenes, quizzes and decisions (progress schema version 5): the session
//! stamps them with the clock the front end sets, the journal and the snapshot keep them,
//! a version 4 file (written before they existed) is migrated without making any up, and
//! a scripted plain-mode run through the real binary records each decision at its own time.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kruispunt::course::ids::{ItemId, SceneId};
use kruispunt::course::{Course, load_dir};
use kruispunt::i18n::{Localizer, UiLocale};
use kruispunt::progress::{
    CourseStamp, ItemStatus, LoadNotice, OpenedProfile, ProfileName, ProfileStore, Progress,
    SCHEMA_VERSION, Timestamp,
};
use kruispunt::session::{Clock, Command, ProgressStore, Session};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

const WELCOME: &str = "welkom-op-het-kruispunt";
const LETTERS: &str = "de-letters";
const SCENARIO: &str = "opvang-kamerwissel";
/// Some moment in 2027: every time in these tests counts from it.
const T0: u64 = 1_800_000_000;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course")
}

fn course() -> Arc<Course> {
    Arc::new(load_dir(&fixture_dir()).expect("the test course loads"))
}

fn name() -> ProfileName {
    ProfileName::new("anna").unwrap()
}

fn open(store: &ProfileStore, course: &Course) -> OpenedProfile {
    store.open(&name(), &CourseStamp::of(course)).unwrap()
}

fn session(course: &Arc<Course>, progress: Progress) -> Session {
    Session::new(Arc::clone(course), progress, Localizer::new(UiLocale::En))
}

/// Applies `command` at `T0 + seconds` and saves the step (to the journal), as a front end
/// does.
fn step_at(session: &mut Session, store: &dyn ProgressStore, seconds: u64, command: Command) {
    session.set_clock(Clock {
        instant: Instant::now(),
        wall: Timestamp(T0 + seconds),
    });
    session.apply(command).unwrap();
    session.save(Some(store)).unwrap();
}

/// The id of the `n`th choice (from 0, in course order) offered at the decision point shown.
fn offered(session: &Session, n: usize) -> kruispunt::course::ids::ChoiceId {
    session
        .scenario()
        .and_then(|(scenario, run)| {
            run.available_choices(scenario)
                .nth(n)
                .map(|c| c.choice.id.clone())
        })
        .expect("a choice is offered")
}

fn choose(session: &mut Session, store: &dyn ProgressStore, seconds: u64, n: usize) {
    let choice = offered(session, n);
    step_at(
        session,
        store,
        seconds,
        Command::Choose {
            choice,
            tally: None,
        },
    );
}

fn t(seconds: u64) -> Option<Timestamp> {
    Some(Timestamp(T0 + seconds))
}

#[test]
fn lessons_scenes_quizzes_and_decisions_get_their_times_and_a_reload_keeps_them() {
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let opened = open(&store, &course);
    let mut s = session(&course, opened.progress.clone());

    // The welcome lesson, one scene every 10 s; the content note is accepted on the way.
    step_at(&mut s, &opened.session, 0, Command::Open(WELCOME.into()));
    let mut second = 0;
    while s.progress().items[&ItemId::from(WELCOME)].status != ItemStatus::Completed {
        second += 10;
        assert!(second < 200, "the lesson does not finish");
        // Only the scene with a content note takes it; elsewhere nothing changes.
        let _ = s.apply(Command::AcceptNote);
        step_at(&mut s, &opened.session, second, Command::NextScene);
    }
    let finished_at = second;
    step_at(&mut s, &opened.session, finished_at + 1, Command::Close);

    // A quiz answered wrong first, then right: the first answer's time is the one kept.
    step_at(&mut s, &opened.session, 300, Command::Open(LETTERS.into()));
    step_at(&mut s, &opened.session, 310, Command::NextScene);
    step_at(&mut s, &opened.session, 320, Command::NextScene);
    step_at(
        &mut s,
        &opened.session,
        330,
        Command::Answer(vec!["transseksueel".into()]),
    );
    step_at(
        &mut s,
        &opened.session,
        340,
        Command::Answer(vec!["trans-vrouw".into()]),
    );
    step_at(&mut s, &opened.session, 341, Command::Close);

    // Three decisions, 60 s apart.
    step_at(
        &mut s,
        &opened.session,
        1_000,
        Command::Open(SCENARIO.into()),
    );
    for seconds in [1_060, 1_120, 1_180] {
        choose(&mut s, &opened.session, seconds, 0);
    }

    let progress = s.progress().clone();
    let welcome = &progress.items[&ItemId::from(WELCOME)].lesson;
    assert_eq!(welcome.started_at, t(0));
    assert_eq!(welcome.completed_at, t(finished_at));
    assert_eq!(welcome.duration(), Some(finished_at));
    assert_eq!(welcome.scenes[&SceneId::from("waarom")].visited_at, t(0));
    let later = welcome.scenes[&SceneId::from("twee-keer-minderheid")].visited_at;
    assert_eq!(later, t(10), "the second scene was shown at the first step");
    let letters = &progress.items[&ItemId::from(LETTERS)].lesson;
    assert_eq!(letters.started_at, t(300));
    assert_eq!(letters.completed_at, None, "the lesson is not finished");
    let quiz = letters.scenes[&SceneId::from("quiz-trans")]
        .quiz
        .as_ref()
        .expect("the quiz was answered");
    assert_eq!(quiz.attempts, 2);
    assert_eq!(quiz.first_answered_at, t(330));
    let attempt = &progress.items[&ItemId::from(SCENARIO)].attempts[0];
    // An attempt is recorded from its first decision on (opening records nothing).
    assert_eq!(attempt.started_at, Timestamp(T0 + 1_060));
    let times: Vec<_> = attempt.choices.iter().map(|c| c.at).collect();
    assert_eq!(times, vec![t(1_060), t(1_120), t(1_180)]);

    // The steps are in the journal after the snapshot; reading the file folds them in with
    // every time, and so does the snapshot written at compaction.
    drop(opened);
    let again = open(&store, &course);
    assert_eq!(again.progress, progress);
    drop(again);
    let compacted = open(&store, &course);
    assert_eq!(compacted.progress, progress);
    let text = fs::read_to_string(store.paths(&name()).progress).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema_version"], SCHEMA_VERSION);
    assert_eq!(
        value["items"][SCENARIO]["attempts"][0]["choices"][2]["at"],
        Timestamp(T0 + 1_180).rfc3339()
    );
}

#[test]
fn a_rewind_keeps_the_times_of_the_decisions_it_keeps() {
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let opened = open(&store, &course);
    let mut s = session(&course, opened.progress.clone());
    step_at(&mut s, &opened.session, 0, Command::Open(SCENARIO.into()));
    choose(&mut s, &opened.session, 10, 0);
    choose(&mut s, &opened.session, 20, 0);
    choose(&mut s, &opened.session, 30, 0);
    // Back to just before the third decision, then another answer there.
    step_at(&mut s, &opened.session, 40, Command::Rewind(2));
    choose(&mut s, &opened.session, 50, 1);
    let attempts = &s.progress().items[&ItemId::from(SCENARIO)].attempts;
    assert_eq!(attempts.len(), 2);
    assert_eq!(attempts[1].started_at, Timestamp(T0 + 40));
    let times: Vec<_> = attempts[1].choices.iter().map(|c| c.at).collect();
    assert_eq!(times, vec![t(10), t(20), t(50)]);
    assert_eq!(
        attempts[0].choices[2].at,
        t(30),
        "the first attempt is as it was"
    );
    // A replay from the start takes no time over, even for the same first answer.
    step_at(&mut s, &opened.session, 60, Command::Replay);
    choose(&mut s, &opened.session, 70, 0);
    let third = &s.progress().items[&ItemId::from(SCENARIO)].attempts[2];
    assert_eq!(third.choices[0].at, t(70));
}

/// A real version 4 file (`tests/fixtures/progress/v4-with-journal.json`, a snapshot and
/// two journal lines as Kruispunt wrote them before times of decisions existed).
fn version_4_file() -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/progress/v4-with-journal.json"),
    )
    .unwrap()
}

#[test]
fn a_version_4_file_with_a_journal_is_migrated_without_making_up_times() {
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let paths = store.paths(&name());
    fs::create_dir_all(tmp.path()).unwrap();
    let v4 = version_4_file();
    fs::write(&paths.progress, &v4).unwrap();

    let opened = open(&store, &course);
    assert_eq!(
        opened.notices,
        vec![LoadNotice::Migrated {
            from: 4,
            to: SCHEMA_VERSION
        }]
    );
    let progress = &opened.progress;
    // Both journal lines were folded in: the second decision and the quiz.
    let attempt = &progress.items[&ItemId::from(SCENARIO)].attempts[0];
    let taken: Vec<&str> = attempt.choices.iter().map(|c| c.choice.as_str()).collect();
    assert_eq!(taken, ["naar-kantoor", "eenvoudige-taal"]);
    assert_eq!(attempt.current_node.as_str(), "signaal");
    assert!(attempt.choices.iter().all(|c| c.at.is_none()));
    let letters = &progress.items[&ItemId::from(LETTERS)];
    let quiz = letters.lesson.scenes[&SceneId::from("quiz-trans")]
        .quiz
        .as_ref()
        .expect("the quiz of the journal");
    assert_eq!(quiz.first_answered_at, None);
    let welcome = &progress.items[&ItemId::from(WELCOME)];
    assert_eq!(welcome.status, ItemStatus::Completed);
    assert_eq!(welcome.lesson.started_at, None);
    assert_eq!(welcome.lesson.completed_at, None);
    assert!(
        welcome
            .lesson
            .scenes
            .values()
            .all(|scene| scene.visited && scene.visited_at.is_none())
    );
    let last_line: Timestamp = serde_json::from_str("\"2026-11-20T09:18:00Z\"").unwrap();
    assert_eq!(progress.updated_at, last_line);
    // The old file is kept as the backup; the file is now version 5, and what happens next
    // has its time while what happened before still has none.
    assert_eq!(fs::read_to_string(&paths.backup).unwrap(), v4);
    let value: serde_json::Value =
        serde_json::from_slice(&fs::read(&paths.progress).unwrap()).unwrap();
    assert_eq!(value["schema_version"], SCHEMA_VERSION);
    let mut s = session(&course, opened.progress.clone());
    step_at(&mut s, &opened.session, 0, Command::Open(SCENARIO.into()));
    choose(&mut s, &opened.session, 5, 0);
    step_at(&mut s, &opened.session, 6, Command::Close);
    step_at(&mut s, &opened.session, 7, Command::Open(LETTERS.into()));
    let attempt = &s.progress().items[&ItemId::from(SCENARIO)].attempts[0];
    let times: Vec<_> = attempt.choices.iter().map(|c| c.at).collect();
    assert_eq!(times, vec![None, None, t(5)]);
    let letters = &s.progress().items[&ItemId::from(LETTERS)].lesson;
    assert_eq!(letters.started_at, None, "opened before version 5: no time");
    drop(opened);
    assert_eq!(open(&store, &course).progress, s.progress().clone());
}

#[test]
fn a_scripted_plain_run_records_each_decision_at_its_own_later_time() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let before = Timestamp::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kruispunt"))
        .env("KRUISPUNT_LANG", "en")
        .env_remove("KRUISPUNT_DATA_DIR")
        .arg("--plain")
        .arg("--data-dir")
        .arg(&data)
        .arg("--course")
        .arg(fixture_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kruispunt starts");
    let mut stdin = child.stdin.take().expect("piped stdin");
    // The scenario is the third part; Enter starts it; then three answers, a little over a
    // second apart, so each lands in a later second.
    stdin.write_all(b"3\n\n").unwrap();
    for _ in 0..3 {
        std::thread::sleep(Duration::from_millis(1_100));
        stdin.write_all(b"1\n").unwrap();
        stdin.flush().unwrap();
    }
    std::thread::sleep(Duration::from_millis(300));
    stdin.write_all(b"q\n").unwrap();
    drop(stdin);
    let output = child.wait_with_output().expect("kruispunt runs");
    let after = Timestamp::now();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let text = fs::read_to_string(data.join("default.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema_version"], SCHEMA_VERSION);
    let attempt = &value["items"][SCENARIO]["attempts"][0];
    let started: Timestamp = serde_json::from_value(attempt["started_at"].clone()).unwrap();
    let times: Vec<Timestamp> = attempt["choices"]
        .as_array()
        .expect("choices")
        .iter()
        .map(|c| serde_json::from_value(c["at"].clone()).expect("each choice has its time"))
        .collect();
    assert!(times.len() >= 3, "{text}");
    // The attempt is recorded from its first decision on, so that one is at its start.
    assert_eq!(times[0], started);
    let mut previous = started;
    for at in &times[1..] {
        assert!(*at > previous, "{times:?} after {started:?}");
        previous = *at;
    }
    assert!(
        before <= started && previous <= after,
        "{before:?} {times:?} {after:?}"
    );
}
