//! Crash safety of saving: a child process saves in a loop and is killed with SIGKILL at
//! pseudo-random moments; after every kill the profile must load without any recovery and
//! hold a prefix of the steps, never fewer than after the previous kill.
//!
//! The child is this test binary itself, re-run with `KRUISPUNT_CRASH_CHILD` set so that
//! only the child role runs; this works with a plain `cargo test` on a clean clone.
#![cfg(unix)]
// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod crash_support;

use crash_support::{Rng, wait_ready};
use kruispunt::course::ids::{ChoiceId, ItemId, NodeId};
use kruispunt::progress::{
    ChoiceTaken, CourseStamp, ItemStatus, ProfileName, ProfileStore, ProgressError,
    ScenarioAttempt, Timestamp,
};
use std::path::Path;
use std::process::Child;
use std::sync::Mutex;
use std::time::Duration;

/// Tests here spawn processes; a process spawned while another test holds a profile lock
/// inherits the lock handle until it execs, so the tests take turns.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const ROLE_ENV: &str = "KRUISPUNT_CRASH_CHILD";
const DIR_ENV: &str = "KRUISPUNT_CRASH_DIR";
const KILLS: usize = 200;
const ITEM: &str = "crash-scenario";

fn profile() -> ProfileName {
    ProfileName::new("crash").unwrap()
}

fn stamp() -> CourseStamp {
    CourseStamp {
        id: "crash-course".into(),
        version: "1".into(),
    }
}

/// The steps saved so far: choice `cN` at node `nN` for N = 0, 1, 2…
fn steps(attempt: &ScenarioAttempt) -> Vec<usize> {
    attempt
        .choices
        .iter()
        .map(|c| {
            c.choice
                .as_str()
                .strip_prefix('c')
                .and_then(|n| n.parse().ok())
                .expect("a step written by the child")
        })
        .collect()
}

/// The child role: open the profile, say so, then add one step per save until killed.
#[test]
fn crash_child_role() {
    if std::env::var_os(ROLE_ENV).is_none() {
        return; // Only meaningful when run by the parent test below.
    }
    let dir = std::env::var_os(DIR_ENV).expect("data dir for the child");
    let store = ProfileStore::new(dir);
    let opened = store.open(&profile(), &stamp()).expect("child opens");
    let mut progress = opened.progress;
    let item = progress.item_mut(&ItemId::from(ITEM));
    item.status = ItemStatus::InProgress;
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
    println!("ready");
    loop {
        let attempt = progress
            .item_mut(&ItemId::from(ITEM))
            .attempts
            .last_mut()
            .expect("created above");
        let n = attempt.choices.len();
        attempt.choices.push(ChoiceTaken {
            node: NodeId(format!("n{n}").into()),
            choice: ChoiceId(format!("c{n}").into()),
            at: None,
        });
        attempt.current_node = NodeId(format!("n{}", n + 1).into());
        *attempt.variables.entry("steps".into()).or_default() += 1;
        opened.session.save(&progress).expect("child saves");
    }
}

fn spawn_child(dir: &Path) -> Child {
    crash_support::spawn_child("crash_child_role", ROLE_ENV, DIR_ENV, dir)
}

/// Opens the profile as the parent and returns its steps, checking it loaded cleanly.
fn load_steps(store: &ProfileStore) -> Vec<usize> {
    let opened = store
        .open(&profile(), &stamp())
        .expect("loads after a kill");
    assert_eq!(opened.notices, vec![], "no recovery needed after a kill");
    opened
        .progress
        .items
        .get(ITEM)
        .and_then(|item| item.attempts.last())
        .map(steps)
        .unwrap_or_default()
}

#[test]
fn killing_a_saving_process_never_loses_more_than_the_last_step() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::TempDir::new().unwrap();
    let store = ProfileStore::new(tmp.path());
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut previous = 0;
    for kill in 0..KILLS {
        let mut child = spawn_child(tmp.path());
        wait_ready(&mut child);
        // 0 to 25 ms: from before the first save to several saves in (a save with its
        // fsyncs takes a few milliseconds).
        std::thread::sleep(Duration::from_micros(rng.next() % 25_000));
        child.kill().unwrap(); // SIGKILL on Unix.
        child.wait().unwrap();

        let steps = load_steps(&store);
        let expected: Vec<usize> = (0..steps.len()).collect();
        assert_eq!(steps, expected, "kill {kill}: not a contiguous prefix");
        assert!(
            steps.len() >= previous,
            "kill {kill}: went back from {previous} to {} steps",
            steps.len()
        );
        previous = steps.len();
    }
    assert!(previous > 0, "the child never managed to save a step");
}

#[test]
fn a_profile_held_by_a_live_process_is_refused_then_taken_over_after_it_dies() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::TempDir::new().unwrap();
    let store = ProfileStore::new(tmp.path());
    let mut child = spawn_child(tmp.path());
    wait_ready(&mut child);

    let err = store.open(&profile(), &stamp()).unwrap_err();
    let ProgressError::ProfileInUse { pid, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(*pid, Some(child.id()), "{err}");
    assert!(matches!(
        store.forget(&profile()),
        Err(ProgressError::ProfileInUse { .. })
    ));

    child.kill().unwrap();
    child.wait().unwrap();
    // The lock file still names the dead child; its OS lock died with it.
    let lock = std::fs::read_to_string(store.paths(&profile()).lock).unwrap();
    assert_eq!(lock.trim(), child.id().to_string());
    store
        .open(&profile(), &stamp())
        .expect("stale lock taken over");
}
