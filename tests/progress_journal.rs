//! Progress is saved as a snapshot followed by an append-only journal, in `NAME.json`: a
//! step appends one line (fsynced) and leaves the snapshot before it alone; loading folds
//! the journal into the snapshot; the file is rewritten as a snapshot alone (compacted) on
//! exit, when the journal grows past [`JOURNAL_COMPACT_AT`] bytes, and when a profile with
//! a journal is opened.
//!
//! The child-process test at the end kills a process that appends to the journal with
//! SIGKILL at pseudo-random moments, as `tests/progress_crash.rs` does for whole saves.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod crash_support;

use kruispunt::course::ids::{ChoiceId, ItemId, NodeId};
use kruispunt::course::{Course, load_dir};
use kruispunt::i18n::{Localizer, UiLocale};
use kruispunt::progress::{
    Change, ChoiceTaken, CourseStamp, ItemStatus, JOURNAL_COMPACT_AT, LoadNotice, OpenedProfile,
    Place, Position, ProfileName, ProfileState, ProfileStore, Progress, SCHEMA_VERSION,
    ScenarioAttempt, Timestamp,
};
use kruispunt::session::{Clock, Command, ProgressStore, Session};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Two tests here spawn processes, and a process spawned while a test holds a profile lock
/// inherits the lock until it execs: the tests take turns.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn turn() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

const WELCOME: &str = "welkom-op-het-kruispunt";
const SCENARIO: &str = "opvang-kamerwissel";

fn course() -> Arc<Course> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    Arc::new(load_dir(&dir).expect("the test course loads"))
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course")
}

fn name() -> ProfileName {
    ProfileName::new("anna").unwrap()
}

fn open(store: &ProfileStore, course: &Course) -> OpenedProfile {
    store.open(&name(), &CourseStamp::of(course)).unwrap()
}

/// A session over `course` starting from `progress`, at a fixed time.
fn session(course: &Arc<Course>, progress: Progress) -> Session {
    let mut session = Session::new(Arc::clone(course), progress, Localizer::new(UiLocale::En));
    session.set_clock(Clock {
        instant: Instant::now(),
        wall: Timestamp(1_764_000_000),
    });
    session
}

/// Applies `command` and saves the step, as a front end does.
fn step(session: &mut Session, store: &dyn ProgressStore, command: Command) {
    session.apply(command).unwrap();
    session.save(Some(store)).unwrap();
}

/// The first choice offered in the open scenario, taken and saved.
fn choose_first(session: &mut Session, store: &dyn ProgressStore) {
    let choice = session
        .scenario()
        .and_then(|(scenario, run)| {
            let index = *run.offered_in_order(scenario).first()?;
            run.available_choices(scenario)
                .find(|c| c.index == index)
                .map(|c| c.choice.id.clone())
        })
        .expect("a choice is offered");
    step(
        session,
        store,
        Command::Choose {
            choice,
            tally: None,
        },
    );
}

fn size(path: &Path) -> u64 {
    fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// Whether the file is one JSON document and nothing after it: a snapshot alone.
fn snapshot_alone(path: &Path) -> bool {
    serde_json::from_slice::<serde_json::Value>(&fs::read(path).unwrap()).is_ok()
}

#[test]
fn a_step_appends_to_the_journal_and_leaves_the_snapshot_alone() {
    let _turn = turn();
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let opened = open(&store, &course);
    let paths = store.paths(&name());
    let snapshot = fs::read(&paths.progress).unwrap();
    let mut s = session(&course, opened.progress.clone());

    step(
        &mut s,
        &opened.session,
        Command::Open(ItemId::from(SCENARIO)),
    );
    let mut sizes = vec![size(&paths.progress)];
    for _ in 0..3 {
        choose_first(&mut s, &opened.session);
        sizes.push(size(&paths.progress));
        assert_eq!(
            fs::read(&paths.progress).unwrap()[..snapshot.len()],
            snapshot[..],
            "the snapshot is not rewritten by a step"
        );
    }
    assert!(
        sizes.windows(2).all(|w| w[1] > w[0]),
        "every step appends: {sizes:?}"
    );
    let text = fs::read_to_string(&paths.progress).unwrap();
    let journal = &text[snapshot.len()..];
    assert!(journal.ends_with('\n'), "every line is complete");
    assert_eq!(
        journal.lines().count(),
        3,
        "one line per answer:\n{journal}"
    );
    for line in journal.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("one JSON value per line");
    }
    let attempts = &s.progress().items[&ItemId::from(SCENARIO)].attempts;
    assert_eq!(attempts[0].choices.len(), 3);

    // A process that dies here leaves the snapshot and the journal; both are read back.
    let left = s.progress().clone();
    drop(opened);
    let again = open(&store, &course);
    assert_eq!(again.notices, vec![]);
    assert_eq!(again.progress, left);
    // Opening folded the journal into a new snapshot.
    assert!(snapshot_alone(&paths.progress));
    assert_ne!(fs::read(&paths.progress).unwrap(), snapshot);
}

#[test]
fn lessons_settings_and_attempts_fold_back_exactly() {
    let _turn = turn();
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let opened = open(&store, &course);
    let mut s = session(&course, opened.progress.clone());
    let store_ref: &dyn ProgressStore = &opened.session;
    step(&mut s, store_ref, Command::Open(ItemId::from(WELCOME)));
    step(&mut s, store_ref, Command::NextScene);
    step(&mut s, store_ref, Command::NextScene);
    step(&mut s, store_ref, Command::SkipScene);
    step(
        &mut s,
        store_ref,
        Command::Reflect {
            text: "Eerst luisteren.".into(),
            typing: false,
        },
    );
    step(&mut s, store_ref, Command::Close);
    step(&mut s, store_ref, Command::SetTheme("high-contrast".into()));
    step(&mut s, store_ref, Command::Open(ItemId::from(SCENARIO)));
    choose_first(&mut s, store_ref);
    choose_first(&mut s, store_ref);
    step(&mut s, store_ref, Command::Rewind(0));
    choose_first(&mut s, store_ref);
    step(&mut s, store_ref, Command::Replay);
    choose_first(&mut s, store_ref);
    let left = s.progress().clone();
    assert!(left.items[&ItemId::from(SCENARIO)].attempts.len() >= 2);
    drop(opened);

    let again = open(&store, &course);
    assert_eq!(again.notices, vec![]);
    assert_eq!(again.progress, left);
}

#[test]
fn a_torn_last_line_is_ignored_without_a_word() {
    let _turn = turn();
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let opened = open(&store, &course);
    let paths = store.paths(&name());
    let mut s = session(&course, opened.progress.clone());
    step(
        &mut s,
        &opened.session,
        Command::Open(ItemId::from(SCENARIO)),
    );
    choose_first(&mut s, &opened.session);
    let before = s.progress().clone();
    choose_first(&mut s, &opened.session);
    drop(opened);

    // The last line as a crash in the middle of its write leaves it: cut anywhere.
    let file = fs::read(&paths.progress).unwrap();
    let last_start = file[..file.len() - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap()
        + 1;
    for cut in [
        last_start + 1,
        (last_start + file.len()) / 2,
        file.len() - 1,
    ] {
        fs::write(&paths.progress, &file[..cut]).unwrap();
        let again = open(&store, &course);
        assert_eq!(again.notices, vec![], "cut at {cut}");
        assert_eq!(again.progress, before, "cut at {cut}");
        drop(again);
        // Opening compacted: put the snapshot back as it was before the torn step.
        let reopened = open(&store, &course);
        assert_eq!(reopened.progress, before);
        drop(reopened);
    }
}

#[test]
fn a_compaction_replaces_snapshot_and_journal_at_once_and_keeps_the_old_file_as_backup() {
    let _turn = turn();
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let opened = open(&store, &course);
    let paths = store.paths(&name());
    let mut s = session(&course, opened.progress.clone());
    step(
        &mut s,
        &opened.session,
        Command::Open(ItemId::from(WELCOME)),
    );
    step(&mut s, &opened.session, Command::NextScene);
    let with_journal = fs::read(&paths.progress).unwrap();
    assert!(!snapshot_alone(&paths.progress));
    // Compaction: one new file, the snapshot alone, renamed over the old one.
    s.checkpoint(Some(&opened.session)).unwrap();
    assert!(snapshot_alone(&paths.progress));
    assert_eq!(
        fs::read(&paths.backup).unwrap(),
        with_journal,
        "the old file, journal and all"
    );
    let after_first = s.progress().clone();

    // The learner goes on: the journal starts again after the new snapshot, and the backup
    // (the old file) is never appended to.
    step(&mut s, &opened.session, Command::NextScene);
    assert!(!snapshot_alone(&paths.progress));
    assert_eq!(fs::read(&paths.backup).unwrap(), with_journal);
    let left = s.progress().clone();
    drop(opened);
    assert_eq!(open(&store, &course).progress, left);

    // The backup alone reads as the progress at the compaction.
    fs::remove_file(&paths.progress).unwrap();
    fs::write(&paths.backup, &with_journal).unwrap();
    let restored = open(&store, &course);
    assert_eq!(restored.notices, vec![LoadNotice::RestoredFromBackup]);
    assert_eq!(restored.progress, after_first);
}

#[test]
fn the_journal_is_compacted_when_it_passes_the_threshold() {
    let _turn = turn();
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let opened = open(&store, &course);
    let paths = store.paths(&name());
    let mut s = session(&course, opened.progress.clone());
    step(
        &mut s,
        &opened.session,
        Command::Open(ItemId::from(WELCOME)),
    );
    step(&mut s, &opened.session, Command::NextScene);
    step(&mut s, &opened.session, Command::NextScene);
    step(&mut s, &opened.session, Command::SkipScene);
    s.checkpoint(Some(&opened.session)).unwrap();
    let snapshot = size(&paths.progress);
    // Every save of a 10 KB reflection appends a line of more than 10 KB.
    let mut largest = 0;
    let mut compacted = false;
    let steps = JOURNAL_COMPACT_AT as usize / 10_000 + 5;
    for n in 0..steps {
        let text = format!("{n:05} {}", "x".repeat(10_000));
        step(
            &mut s,
            &opened.session,
            Command::Reflect {
                text,
                typing: false,
            },
        );
        largest = largest.max(size(&paths.progress));
        compacted |= snapshot_alone(&paths.progress);
    }
    assert!(compacted, "the file was rewritten as a snapshot");
    assert!(
        largest < snapshot + JOURNAL_COMPACT_AT + 30_000,
        "the journal never grows much past the threshold: {largest}"
    );
    assert!(size(&paths.progress) < snapshot + JOURNAL_COMPACT_AT);
    let left = s.progress().clone();
    drop(opened);
    assert_eq!(open(&store, &course).progress, left);
}

#[test]
fn plain_mode_compacts_on_exit() {
    let _turn = turn();
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let opened = open(&store, &course);
    let paths = store.paths(&name());
    let mut out = Vec::new();
    // The scenario (item 3), started, two answers, back to the overview, quit.
    let left = kruispunt::plain::run(
        Arc::clone(&course),
        Localizer::new(UiLocale::En),
        opened.progress,
        &[],
        Some(&opened.session),
        &b"3\n1\n1\n1\nhome\nq\n"[..],
        &mut out,
    )
    .unwrap();
    assert!(!left.items.is_empty(), "{}", String::from_utf8_lossy(&out));
    assert!(
        snapshot_alone(&paths.progress),
        "the journal is folded on exit"
    );
    let text = fs::read_to_string(&paths.progress).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema_version"], SCHEMA_VERSION);
    let saved: Progress = serde_json::from_value(value).unwrap();
    assert_eq!(saved, left);
}

#[test]
fn a_session_says_when_a_checkpoint_is_due() {
    let _turn = turn();
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let opened = open(&store, &course);
    let mut s = session(&course, opened.progress.clone());
    assert!(!s.checkpoint_due());
    step(
        &mut s,
        &opened.session,
        Command::Open(ItemId::from(WELCOME)),
    );
    assert!(s.checkpoint_due(), "a step is in the journal");
    s.checkpoint(Some(&opened.session)).unwrap();
    assert!(!s.checkpoint_due());
}

#[cfg(unix)]
#[test]
fn the_file_stays_private_and_a_link_in_its_place_is_not_followed() {
    let _turn = turn();
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let opened = open(&store, &course);
    let paths = store.paths(&name());
    let mut s = session(&course, opened.progress.clone());
    step(
        &mut s,
        &opened.session,
        Command::Open(ItemId::from(WELCOME)),
    );
    assert!(!snapshot_alone(&paths.progress), "the step was appended");
    let mode = fs::metadata(&paths.progress).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    s.checkpoint(Some(&opened.session)).unwrap();

    // A symbolic link planted where the file is is refused by the next step, never
    // followed.
    let victim = tmp.path().join("victim");
    fs::write(&victim, "keep me").unwrap();
    fs::remove_file(&paths.progress).unwrap();
    std::os::unix::fs::symlink(&victim, &paths.progress).unwrap();
    s.apply(Command::NextScene).unwrap();
    let refused = s.save(Some(&opened.session));
    assert!(
        matches!(
            refused,
            Err(kruispunt::progress::ProgressError::NotAFile { .. })
        ),
        "{refused:?}"
    );
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
}

#[test]
fn a_version_2_file_is_migrated_and_rewritten_whole_at_the_first_step() {
    let _turn = turn();
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let paths = store.paths(&name());
    let stamp = CourseStamp::of(&course);
    let v2 = format!(
        r#"{{
  "schema_version": 2,
  "course": {{"id": "{}", "version": "{}"}},
  "created_at": 10,
  "updated_at": 20,
  "last_position": {{"item": "{WELCOME}", "at": {{"scene": "waarom"}}}},
  "items": {{"{WELCOME}": {{"status": "in_progress", "lesson": {{"current_scene": "waarom"}}}}}}
}}
"#,
        stamp.id.0, stamp.version
    );
    fs::create_dir_all(tmp.path()).unwrap();
    fs::write(&paths.progress, &v2).unwrap();

    let opened = open(&store, &course);
    assert_eq!(
        opened.notices,
        vec![LoadNotice::Migrated {
            from: 2,
            to: SCHEMA_VERSION
        }]
    );
    assert_eq!(
        opened.progress.last_position,
        Some(Position {
            item: WELCOME.into(),
            at: Some(Place::Scene("waarom".into()))
        })
    );
    assert_eq!(
        opened.progress.items[&ItemId::from(WELCOME)].status,
        ItemStatus::InProgress
    );
    // Until it is rewritten, the old file is what an older Kruispunt would read: the first
    // step rewrites it whole in the current format, keeping it as the backup.
    let mut s = session(&course, opened.progress.clone());
    step(
        &mut s,
        &opened.session,
        Command::Open(ItemId::from(WELCOME)),
    );
    assert!(snapshot_alone(&paths.progress));
    let value: serde_json::Value =
        serde_json::from_slice(&fs::read(&paths.progress).unwrap()).unwrap();
    assert_eq!(value["schema_version"], SCHEMA_VERSION);
    assert_eq!(fs::read_to_string(&paths.backup).unwrap(), v2);
    let left = s.progress().clone();
    drop(opened);
    let again = open(&store, &course);
    assert_eq!(again.notices, vec![]);
    assert_eq!(again.progress, left);
}

/// Leaves profile `anna` as a process killed after two answers leaves it: the snapshot as
/// opened and the steps in the journal.
fn killed_after_two_answers(data: &Path) -> Progress {
    let store = ProfileStore::new(data);
    let course = course();
    let opened = open(&store, &course);
    let mut s = session(&course, opened.progress.clone());
    step(
        &mut s,
        &opened.session,
        Command::Open(ItemId::from(SCENARIO)),
    );
    choose_first(&mut s, &opened.session);
    choose_first(&mut s, &opened.session);
    assert!(!snapshot_alone(&store.paths(&name()).progress));
    s.progress().clone()
}

#[test]
fn listing_profiles_reads_the_journal_too() {
    let _turn = turn();
    let tmp = tempfile::tempdir().unwrap();
    let left = killed_after_two_answers(tmp.path());
    let store = ProfileStore::new(tmp.path());
    let listed = store.list().unwrap();
    let ProfileState::Readable {
        items, updated_at, ..
    } = &listed[0].state
    else {
        panic!("{listed:?}");
    };
    assert_eq!(*updated_at, left.updated_at);
    assert_eq!(
        items.get(&ItemId::from(SCENARIO)),
        Some(&left.items[&ItemId::from(SCENARIO)].status)
    );
    assert!(
        !snapshot_alone(&store.paths(&name()).progress),
        "listing changes nothing"
    );
}

#[test]
fn export_sees_what_is_only_in_the_journal() {
    let _turn = turn();
    let tmp = tempfile::tempdir().unwrap();
    let left = killed_after_two_answers(tmp.path());
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kruispunt"))
        .env("KRUISPUNT_LANG", "en")
        .args(["export", "--profile", "anna", "--course"])
        .arg(fixture_dir())
        .arg("--data-dir")
        .arg(tmp.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let export: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = export.to_string();
    let taken = &left.items[&ItemId::from(SCENARIO)].attempts[0].choices;
    assert_eq!(taken.len(), 2);
    for choice in taken {
        assert!(
            text.contains(&format!("\"{}\"", choice.choice.as_str())),
            "{} in {text}",
            choice.choice.as_str()
        );
    }
}

#[test]
fn a_damaged_line_in_the_middle_is_set_aside_and_what_precedes_it_kept() {
    let _turn = turn();
    let tmp = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(tmp.path());
    let course = course();
    let opened = open(&store, &course);
    let paths = store.paths(&name());
    let mut s = session(&course, opened.progress.clone());
    step(
        &mut s,
        &opened.session,
        Command::Open(ItemId::from(SCENARIO)),
    );
    choose_first(&mut s, &opened.session);
    let before = s.progress().clone();
    let good = fs::read(&paths.progress).unwrap();
    choose_first(&mut s, &opened.session);
    drop(opened);

    let mut damaged = good.clone();
    damaged.extend_from_slice(b"{\"change\": <garbage>\n");
    damaged.extend_from_slice(&fs::read(&paths.progress).unwrap()[good.len()..]);
    fs::write(&paths.progress, &damaged).unwrap();
    let again = open(&store, &course);
    assert_eq!(
        again.progress, before,
        "the lines before the damage are kept"
    );
    let [LoadNotice::JournalSetAside { moved_to, .. }] = again.notices.as_slice() else {
        panic!("{:?}", again.notices);
    };
    let moved_to = moved_to.clone();
    assert_eq!(fs::read(&moved_to).unwrap(), damaged, "original bytes kept");
    assert!(
        moved_to
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("anna.corrupt-")
    );
    assert!(snapshot_alone(&paths.progress), "written again, whole");
    drop(again);
    assert_eq!(open(&store, &course).progress, before);
    // The profile's files, the damaged one included, are all the profile's own.
    let forgotten = store.forget(&name()).unwrap();
    assert!(forgotten.contains(&moved_to), "{forgotten:?}");
}

// ----- crash safety of appending -----

#[cfg(unix)]
mod crash {
    use super::*;
    use crash_support::{Rng, wait_ready};
    use std::process::Child;
    use std::time::Duration;

    const ROLE_ENV: &str = "KRUISPUNT_JOURNAL_CRASH_CHILD";
    const DIR_ENV: &str = "KRUISPUNT_JOURNAL_CRASH_DIR";
    const KILLS: usize = 100;
    const ITEM: &str = "crash-scenario";

    fn stamp() -> CourseStamp {
        CourseStamp {
            id: "crash-course".into(),
            version: "1".into(),
        }
    }

    /// The steps in the open attempt: choice `cN` at node `nN` for N = 0, 1, 2…
    fn steps(attempt: &ScenarioAttempt) -> Vec<usize> {
        attempt
            .choices
            .iter()
            .map(|c| c.choice.as_str()[1..].parse().unwrap())
            .collect()
    }

    /// The child: opens the profile, says so, then appends one step per save until killed.
    #[test]
    fn journal_crash_child_role() {
        if std::env::var_os(ROLE_ENV).is_none() {
            return; // Only meaningful when run by the parent test below.
        }
        let dir = std::env::var_os(DIR_ENV).unwrap();
        let store = ProfileStore::new(dir);
        let opened = store.open(&name(), &stamp()).unwrap();
        let mut progress = opened.progress;
        println!("ready");
        loop {
            let item = progress.item_mut(&ItemId::from(ITEM));
            item.status = ItemStatus::InProgress;
            let n = item.attempts.first().map_or(0, |a| a.choices.len());
            let taken = ChoiceTaken {
                node: NodeId(format!("n{n}").into()),
                choice: ChoiceId(format!("c{n}").into()),
                at: None,
            };
            if item.attempts.is_empty() {
                item.attempts.push(ScenarioAttempt {
                    choices: vec![],
                    current_node: "n0".into(),
                    ending: None,
                    variables: Default::default(),
                    started_at: Timestamp(0),
                    finished_at: None,
                    seed: None,
                });
            }
            let attempt = &mut item.attempts[0];
            attempt.choices.push(taken.clone());
            attempt.current_node = NodeId(format!("n{}", n + 1).into());
            let mut delta = attempt.clone();
            delta.choices = vec![taken];
            let position = Position {
                item: ITEM.into(),
                at: Some(Place::Node(attempt.current_node.clone())),
            };
            let change = Change::Attempt {
                at: Timestamp(n as u64),
                item: ITEM.into(),
                status: ItemStatus::InProgress,
                index: 0,
                choices_from: n,
                attempt: delta,
                position,
            };
            progress.touch(Timestamp(n as u64));
            opened.session.record(&progress, &[change]).unwrap();
        }
    }

    fn spawn_child(dir: &Path) -> Child {
        crash_support::spawn_child("crash::journal_crash_child_role", ROLE_ENV, DIR_ENV, dir)
    }

    #[test]
    fn killing_a_process_that_appends_never_loses_more_than_the_last_step() {
        let _turn = turn();
        let tmp = tempfile::TempDir::new().unwrap();
        let store = ProfileStore::new(tmp.path());
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut previous = 0;
        for kill in 0..KILLS {
            let mut child = spawn_child(tmp.path());
            wait_ready(&mut child);
            std::thread::sleep(Duration::from_micros(rng.next() % 20_000));
            child.kill().unwrap();
            child.wait().unwrap();

            let opened = store.open(&name(), &stamp()).expect("loads after a kill");
            assert_eq!(opened.notices, vec![], "kill {kill}: no recovery needed");
            let steps = opened
                .progress
                .items
                .get(ITEM)
                .and_then(|item| item.attempts.first())
                .map(steps)
                .unwrap_or_default();
            let expected: Vec<usize> = (0..steps.len()).collect();
            assert_eq!(steps, expected, "kill {kill}: not a contiguous prefix");
            assert!(steps.len() >= previous, "kill {kill}: went back");
            previous = steps.len();
        }
        assert!(previous > 0, "the child never managed to append a step");
    }
}
