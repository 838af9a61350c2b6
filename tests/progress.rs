//! The progress layer through its public API: creating, saving, recovering damaged files,
//! refusing newer ones, locking, permissions, migration, course changes, listing and
//! forgetting profiles.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kruispunt::course::checked::{self, Course, NodeIdx, Scene, SceneBody, Step};
use kruispunt::course::ids::{ChoiceId, ItemId, NodeId, SceneId};
use kruispunt::course::model::{Outcome, Text, TextScene};
use kruispunt::progress::{
    ChoiceTaken, CourseStamp, Damage, ItemStatus, LoadNotice, Place, Position, ProfileName,
    ProfileState, ProfileStore, Progress, ProgressError, Resume, SCHEMA_VERSION, ScenarioAttempt,
    Timestamp,
};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn name(s: &str) -> ProfileName {
    ProfileName::new(s).unwrap()
}

fn stamp() -> CourseStamp {
    CourseStamp {
        id: "kruispunt".into(),
        version: "1.0.0".into(),
    }
}

fn store() -> (TempDir, ProfileStore) {
    let tmp = TempDir::new().unwrap();
    let store = ProfileStore::new(tmp.path().join("data"));
    (tmp, store)
}

/// Progress with something in it, so a restored file is distinguishable from a new one.
fn progress_with(item: &str, status: ItemStatus) -> Progress {
    let mut p = Progress::new(stamp(), Timestamp(1_000));
    p.item_mut(&item.into()).status = status;
    p.last_position = Some(Position {
        item: item.into(),
        at: Some(Place::Scene("s1".into())),
    });
    p
}

/// Saves `progress` as profile `anna` and closes it.
fn saved(store: &ProfileStore, progress: &Progress) {
    let opened = store.open(&name("anna"), &stamp()).unwrap();
    opened.session.save(progress).unwrap();
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn a_new_profile_is_created_saved_and_loaded_again() {
    let (_tmp, store) = store();
    let opened = store.open(&name("anna"), &stamp()).unwrap();
    assert_eq!(opened.notices, vec![LoadNotice::Created]);
    assert!(opened.progress.items.is_empty());
    assert!(
        store.paths(&name("anna")).progress.exists(),
        "created on open"
    );

    let mut progress = opened.progress.clone();
    progress.item_mut(&"intro".into()).status = ItemStatus::Completed;
    progress.settings.theme = Some("high-contrast".into());
    opened.session.save(&progress).unwrap();
    drop(opened);

    let again = store.open(&name("anna"), &stamp()).unwrap();
    assert_eq!(again.notices, vec![]);
    assert_eq!(again.progress, progress);
}

#[test]
fn the_file_states_its_schema_version() {
    let (_tmp, store) = store();
    saved(&store, &progress_with("intro", ItemStatus::InProgress));
    let text = fs::read_to_string(store.paths(&name("anna")).progress).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema_version"], SCHEMA_VERSION);
    assert_eq!(value["course"]["id"], "kruispunt");
    assert_eq!(value["items"]["intro"]["status"], "in_progress");
}

#[test]
fn every_save_keeps_the_previous_version_as_backup() {
    let (_tmp, store) = store();
    let opened = store.open(&name("anna"), &stamp()).unwrap();
    let first = progress_with("intro", ItemStatus::InProgress);
    let second = progress_with("intro", ItemStatus::Completed);
    opened.session.save(&first).unwrap();
    opened.session.save(&second).unwrap();

    let paths = store.paths(&name("anna"));
    let backup: serde_json::Value =
        serde_json::from_slice(&fs::read(&paths.backup).unwrap()).unwrap();
    assert_eq!(backup["items"]["intro"]["status"], "in_progress");
    let current: serde_json::Value =
        serde_json::from_slice(&fs::read(&paths.progress).unwrap()).unwrap();
    assert_eq!(current["items"]["intro"]["status"], "completed");
    drop(opened);
    // Nothing temporary is left behind.
    assert_eq!(
        files_in(store.dir()),
        ["anna.json", "anna.json.bak", "anna.lock"]
    );
}

/// The three kinds of damage the issue names, as bytes derived from a valid file.
fn damaged_variants(valid: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "corrupt",
            b"{\"schema_version\": 2, \"course\": <garbage>".to_vec(),
        ),
        ("truncated", valid[..valid.len() / 2].to_vec()),
        ("empty", Vec::new()),
    ]
}

fn assert_set_aside(store: &ProfileStore, notice: &LoadNotice, original: &[u8]) -> PathBuf {
    let LoadNotice::CorruptSetAside { moved_to, .. } = notice else {
        panic!("expected CorruptSetAside, got {notice:?}");
    };
    let file_name = moved_to.file_name().unwrap().to_str().unwrap();
    assert!(file_name.starts_with("anna.corrupt-"), "{file_name}");
    assert_eq!(moved_to.parent(), Some(store.dir()));
    assert_eq!(fs::read(moved_to).unwrap(), original, "original bytes kept");
    moved_to.clone()
}

#[test]
fn a_damaged_file_is_set_aside_and_the_backup_restored() {
    for (kind, bytes) in damaged_variants(&valid_bytes()) {
        let (_tmp, store) = store();
        let older = progress_with("intro", ItemStatus::InProgress);
        let newer = progress_with("intro", ItemStatus::Completed);
        let opened = store.open(&name("anna"), &stamp()).unwrap();
        opened.session.save(&older).unwrap();
        opened.session.save(&newer).unwrap();
        drop(opened);
        let paths = store.paths(&name("anna"));
        fs::write(&paths.progress, &bytes).unwrap();

        let opened = store.open(&name("anna"), &stamp()).unwrap();
        assert_eq!(opened.notices.len(), 1, "{kind}: {:?}", opened.notices);
        assert_set_aside(&store, &opened.notices[0], &bytes);
        let LoadNotice::CorruptSetAside {
            restored_from_backup,
            backup_moved_to,
            damage,
            ..
        } = &opened.notices[0]
        else {
            unreachable!()
        };
        assert!(*restored_from_backup, "{kind}");
        assert_eq!(*backup_moved_to, None, "{kind}");
        if kind == "empty" {
            assert_eq!(*damage, Damage::Empty);
        }
        assert_eq!(
            opened.progress, older,
            "{kind}: the backup is the previous save"
        );
        // The progress file exists again and loads.
        drop(opened);
        let again = store.open(&name("anna"), &stamp()).unwrap();
        assert_eq!(again.notices, vec![], "{kind}");
        assert_eq!(again.progress, older, "{kind}");
    }
}

#[test]
fn a_damaged_file_without_backup_starts_afresh_and_says_so() {
    for (kind, bytes) in damaged_variants(&valid_bytes()) {
        let (_tmp, store) = store();
        fs::create_dir_all(store.dir()).unwrap();
        fs::write(store.paths(&name("anna")).progress, &bytes).unwrap();

        let opened = store.open(&name("anna"), &stamp()).unwrap();
        assert_eq!(opened.notices.len(), 1, "{kind}");
        assert_set_aside(&store, &opened.notices[0], &bytes);
        assert!(matches!(
            opened.notices[0],
            LoadNotice::CorruptSetAside {
                restored_from_backup: false,
                ..
            }
        ));
        assert!(opened.progress.items.is_empty(), "{kind}");
    }
}

#[test]
fn a_damaged_backup_is_set_aside_too_never_overwritten() {
    let (_tmp, store) = store();
    fs::create_dir_all(store.dir()).unwrap();
    let paths = store.paths(&name("anna"));
    fs::write(&paths.progress, b"not json").unwrap();
    fs::write(&paths.backup, b"").unwrap();

    let opened = store.open(&name("anna"), &stamp()).unwrap();
    let LoadNotice::CorruptSetAside {
        backup_moved_to: Some(backup_moved_to),
        restored_from_backup: false,
        ..
    } = &opened.notices[0]
    else {
        panic!("{:?}", opened.notices);
    };
    let file_name = backup_moved_to.file_name().unwrap().to_str().unwrap();
    assert!(file_name.starts_with("anna.bak.corrupt-"), "{file_name}");
    assert_eq!(fs::read(backup_moved_to).unwrap(), b"");
}

#[test]
fn setting_aside_twice_in_the_same_second_keeps_both_files() {
    let (_tmp, store) = store();
    fs::create_dir_all(store.dir()).unwrap();
    let paths = store.paths(&name("anna"));
    fs::write(&paths.progress, b"first").unwrap();
    let first = store.open(&name("anna"), &stamp()).unwrap();
    drop(first);
    fs::write(&paths.progress, b"second").unwrap();
    fs::remove_file(&paths.backup).ok();
    let second = store.open(&name("anna"), &stamp()).unwrap();
    let moved = assert_set_aside(&store, &second.notices[0], b"second");
    let corrupt: Vec<String> = files_in(store.dir())
        .into_iter()
        .filter(|f| f.starts_with("anna.corrupt-"))
        .collect();
    assert_eq!(corrupt.len(), 2, "{corrupt:?} ({moved:?})");
}

#[test]
fn a_missing_file_with_a_backup_restores_the_backup() {
    let (_tmp, store) = store();
    let older = progress_with("intro", ItemStatus::InProgress);
    let opened = store.open(&name("anna"), &stamp()).unwrap();
    opened.session.save(&older).unwrap();
    opened
        .session
        .save(&progress_with("intro", ItemStatus::Completed))
        .unwrap();
    drop(opened);
    fs::remove_file(store.paths(&name("anna")).progress).unwrap();

    let opened = store.open(&name("anna"), &stamp()).unwrap();
    assert_eq!(opened.notices, vec![LoadNotice::RestoredFromBackup]);
    assert_eq!(opened.progress, older);
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_untouched() {
    let (_tmp, store) = store();
    fs::create_dir_all(store.dir()).unwrap();
    let paths = store.paths(&name("anna"));
    let newer = format!(
        "{{\"schema_version\": {}, \"shiny\": true}}\n",
        SCHEMA_VERSION + 1
    );
    fs::write(&paths.progress, &newer).unwrap();

    for _ in 0..2 {
        let err = store.open(&name("anna"), &stamp()).unwrap_err();
        let ProgressError::NewerVersion {
            found, supported, ..
        } = &err
        else {
            panic!("{err:?}");
        };
        assert_eq!(
            (*found, *supported),
            (u64::from(SCHEMA_VERSION) + 1, SCHEMA_VERSION)
        );
        assert!(err.to_string().contains("newer version"), "{err}");
        assert!(err.to_string().contains("untouched"), "{err}");
    }
    assert_eq!(fs::read_to_string(&paths.progress).unwrap(), newer);
    assert!(!paths.backup.exists());
    assert_eq!(files_in(store.dir()), ["anna.json", "anna.lock"]);
}

#[test]
fn a_second_open_of_the_same_profile_is_refused_with_the_owner_pid() {
    let (_tmp, store) = store();
    let first = store.open(&name("anna"), &stamp()).unwrap();
    let err = store.open(&name("anna"), &stamp()).unwrap_err();
    let ProgressError::ProfileInUse { profile, pid } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(profile.as_str(), "anna");
    assert_eq!(*pid, Some(std::process::id()));
    let message = err.to_string();
    assert!(message.contains("in use"), "{message}");
    assert!(
        message.contains(&std::process::id().to_string()),
        "{message}"
    );
    // Another profile is independent.
    store.open(&name("bob"), &stamp()).unwrap();

    drop(first);
    store.open(&name("anna"), &stamp()).unwrap();
}

#[cfg(unix)]
#[test]
fn a_stale_lock_from_a_dead_process_is_taken_over() {
    let (_tmp, store) = store();
    fs::create_dir_all(store.dir()).unwrap();
    // No process can have this pid: pids stay below the kernel's pid_max. (Spawning a
    // short-lived process instead would let it inherit, for an instant, the lock handles
    // of tests running in parallel threads.)
    let dead_pid: u32 = fs::read_to_string("/proc/sys/kernel/pid_max")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(4_194_304);
    let lock = store.paths(&name("anna")).lock;
    fs::write(&lock, format!("{dead_pid}\n")).unwrap();

    let opened = store.open(&name("anna"), &stamp()).unwrap();
    assert_eq!(
        fs::read_to_string(&lock).unwrap().trim(),
        std::process::id().to_string()
    );
    drop(opened);
    assert_eq!(
        fs::read_to_string(&lock).unwrap(),
        "",
        "pid cleared on close"
    );
}

#[cfg(unix)]
#[test]
fn the_data_directory_is_private_and_so_are_the_files() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("a").join("kruispunt");
    let store = ProfileStore::new(&dir);
    let opened = store.open(&name("anna"), &stamp()).unwrap();
    opened
        .session
        .save(&progress_with("intro", ItemStatus::Completed))
        .unwrap();

    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700, "data directory");
    let paths = store.paths(&name("anna"));
    for file in [&paths.progress, &paths.backup, &paths.lock] {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
}

#[test]
fn a_version_1_file_is_migrated() {
    let (_tmp, store) = store();
    fs::create_dir_all(store.dir()).unwrap();
    let paths = store.paths(&name("anna"));
    let v1 = r#"{
        "schema_version": 1,
        "course": {"id": "kruispunt", "version": "1.0.0"},
        "created_at": 10, "updated_at": 20,
        "last_position": "intake/n2",
        "items": {
            "intro": {"status": "completed", "lesson": {"current_scene": "s2"}},
            "intake": {"status": "in_progress", "attempts": [
                {"choices": [{"node": "start", "choice": "c1"}], "current_node": "n2",
                 "variables": {"trust": 2}, "started_at": 15}
            ]}
        }
    }"#;
    fs::write(&paths.progress, v1).unwrap();

    let opened = store.open(&name("anna"), &stamp()).unwrap();
    assert_eq!(
        opened.notices,
        vec![LoadNotice::Migrated {
            from: 1,
            to: SCHEMA_VERSION
        }]
    );
    let p = &opened.progress;
    assert_eq!(
        p.last_position,
        Some(Position {
            item: "intake".into(),
            at: Some(Place::Node("n2".into()))
        })
    );
    assert_eq!(
        p.items[&ItemId::from("intro")].status,
        ItemStatus::Completed
    );
    assert_eq!(
        p.items[&ItemId::from("intake")].attempts[0].variables["trust"],
        2
    );
    assert_eq!(p.created_at, Timestamp(10));

    // The file is rewritten in the current format on save; the old one stays as backup.
    opened.session.save(p).unwrap();
    let current: serde_json::Value =
        serde_json::from_slice(&fs::read(&paths.progress).unwrap()).unwrap();
    assert_eq!(current["schema_version"], SCHEMA_VERSION);
    assert_eq!(fs::read_to_string(&paths.backup).unwrap(), v1);
}

/// A small checked course: lesson `intro` (scenes s1, s2) and scenario `intake`
/// (start --c1--> end).
fn course(version: &str) -> Course {
    let text = Text::default;
    let scene = |id: &str| Scene {
        id: id.into(),
        title: None,
        content_note: None,
        facilitator_notes: None,
        body: SceneBody::Text(TextScene { paragraphs: vec![] }),
    };
    let lesson = checked::Lesson {
        id: "intro".into(),
        title: text(),
        summary: None,
        estimated_minutes: None,
        scenes: vec![scene("s1"), scene("s2")],
    };
    let node = |id: &str, step: Step| checked::Node {
        id: id.into(),
        lines: vec![],
        facilitator_notes: None,
        order: kruispunt::course::model::Order::Fixed,
        step,
    };
    let choice = checked::Choice {
        id: "c1".into(),
        text: text(),
        feedback: text(),
        quality: kruispunt::course::model::Quality::Best,
        thought: None,
        thinker: None,
        effects: vec![],
        competencies: Default::default(),
        condition: None,
        next: NodeIdx(1),
    };
    let ending = checked::Ending {
        outcome: Outcome::Good,
        title: text(),
        debrief: vec![checked::DebriefPart {
            condition: None,
            text: text(),
        }],
    };
    let scenario = checked::Scenario {
        id: "intake".into(),
        title: text(),
        setting: text(),
        goal: text(),
        content_note: None,
        facilitator_notes: None,
        estimated_minutes: None,
        characters: vec![],
        variables: vec![],
        start: NodeIdx(0),
        nodes: vec![
            node("start", Step::Choices(vec![choice])),
            node("end", Step::Ending(ending)),
        ],
        node_index: HashMap::from([
            (NodeId::from("start"), NodeIdx(0)),
            (NodeId::from("end"), NodeIdx(1)),
        ]),
        flow: Default::default(),
    };
    Course {
        id: "kruispunt".into(),
        version: version.into(),
        title: text(),
        description: text(),
        default_locale: "nl".into(),
        locales: vec!["nl".into()],
        fallback: Default::default(),
        core_path: Vec::new(),
        job_aid: None,
        competencies: vec![],
        modules: vec![checked::Module {
            id: "m1".into(),
            title: text(),
            description: None,
            items: vec!["intro".into(), "intake".into()],
            facilitator_notes: None,
        }],
        lessons: HashMap::from([(ItemId::from("intro"), lesson)]),
        scenarios: HashMap::from([(ItemId::from("intake"), scenario)]),
    }
}

fn open_attempt(node: &str, choices: &[(&str, &str)]) -> ScenarioAttempt {
    ScenarioAttempt {
        choices: choices
            .iter()
            .map(|(n, c)| ChoiceTaken {
                node: NodeId::from(*n),
                choice: ChoiceId::from(*c),
                at: None,
            })
            .collect(),
        current_node: node.into(),
        ending: None,
        variables: Default::default(),
        started_at: Timestamp(1),
        finished_at: None,
        seed: None,
    }
}

#[test]
fn saved_positions_resolve_against_the_course_or_fall_back_to_the_start() {
    let course = course("1.0.0");
    let mut p = Progress::new(CourseStamp::of(&course), Timestamp(1));
    assert_eq!(
        p.resume(&course, "intro"),
        Resume::Start { fell_back: false }
    );
    assert_eq!(p.resume(&course, "gone"), Resume::NotInCourse);

    p.item_mut(&"intro".into()).lesson.current_scene = Some("s2".into());
    assert_eq!(
        p.resume(&course, "intro"),
        Resume::Scene(SceneId::from("s2"))
    );
    p.item_mut(&"intro".into()).lesson.current_scene = Some("removed".into());
    assert_eq!(
        p.resume(&course, "intro"),
        Resume::Start { fell_back: true }
    );

    let intake = ItemId::from("intake");
    p.item_mut(&intake).attempts = vec![open_attempt("end", &[("start", "c1")])];
    assert_eq!(
        p.resume(&course, "intake"),
        Resume::Node(NodeId::from("end"))
    );
    p.item_mut(&intake).attempts = vec![open_attempt("removed", &[])];
    assert_eq!(
        p.resume(&course, "intake"),
        Resume::Start { fell_back: true }
    );
    // The node exists but the path to it does not any more.
    p.item_mut(&intake).attempts = vec![open_attempt("end", &[("start", "c-removed")])];
    assert_eq!(
        p.resume(&course, "intake"),
        Resume::Start { fell_back: true }
    );
}

#[test]
fn data_for_removed_items_and_nodes_is_kept_in_the_file() {
    let (_tmp, store) = store();
    let old = course("1.0.0");
    let opened = store.open(&name("anna"), &CourseStamp::of(&old)).unwrap();
    let mut p = opened.progress.clone();
    p.item_mut(&"retired-lesson".into()).status = ItemStatus::Completed;
    p.item_mut(&"intake".into()).attempts = vec![open_attempt("removed", &[])];
    opened.session.save(&p).unwrap();
    drop(opened);

    let new = course("1.1.0");
    let opened = store.open(&name("anna"), &CourseStamp::of(&new)).unwrap();
    assert_eq!(
        opened.notices,
        vec![LoadNotice::CourseChanged {
            saved: CourseStamp::of(&old),
            current: CourseStamp::of(&new),
        }]
    );
    assert_eq!(opened.progress.course, CourseStamp::of(&new));
    assert_eq!(
        opened.progress.resume(&new, "intake"),
        Resume::Start { fell_back: true }
    );
    opened.session.save(&opened.progress).unwrap();
    drop(opened);

    let text = fs::read_to_string(store.paths(&name("anna")).progress).unwrap();
    assert!(text.contains("retired-lesson"), "{text}");
    assert!(text.contains("\"removed\""), "{text}");
}

#[test]
fn profiles_are_listed_with_their_progress() {
    let (_tmp, store) = store();
    assert_eq!(store.list().unwrap(), vec![], "no data directory yet");

    let course = course("1.0.0");
    for (profile, completed) in [("bob", &["intro", "retired"][..]), ("anna", &[][..])] {
        let opened = store.open(&name(profile), &stamp()).unwrap();
        let mut p = opened.progress.clone();
        for item in completed {
            p.item_mut(&(*item).into()).status = ItemStatus::Completed;
        }
        p.touch(Timestamp(2_000));
        opened.session.save(&p).unwrap();
    }
    fs::write(store.dir().join("carol.json"), b"{").unwrap();
    fs::write(store.dir().join("dave.json"), br#"{"schema_version": 99}"#).unwrap();
    fs::write(store.dir().join("not a profile.json"), b"{}").unwrap();
    fs::write(store.dir().join("notes.txt"), b"hello").unwrap();

    let list = store.list().unwrap();
    let names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["anna", "bob", "carol", "dave"]);

    let bob = &list[1];
    let ProfileState::Readable { updated_at, .. } = &bob.state else {
        panic!("{bob:?}");
    };
    assert_eq!(*updated_at, Timestamp(2_000));
    assert_eq!(bob.completed_in_file(), Some((2, 2)));
    assert_eq!(
        bob.completed_of(&course),
        Some((1, 2)),
        "retired item not counted"
    );
    assert_eq!(list[0].completed_of(&course), Some((0, 2)));
    assert!(matches!(
        list[2].state,
        ProfileState::Damaged(Damage::NotJson(_))
    ));
    assert_eq!(list[3].state, ProfileState::Newer { found: 99 });
    // Listing is read-only: the damaged file is still where it was.
    assert_eq!(fs::read(store.dir().join("carol.json")).unwrap(), b"{");
}

#[test]
fn forget_removes_every_file_of_the_profile_and_nothing_else() {
    let (_tmp, store) = store();
    let opened = store.open(&name("anna"), &stamp()).unwrap();
    opened
        .session
        .save(&progress_with("intro", ItemStatus::Completed))
        .unwrap();
    opened
        .session
        .save(&progress_with("intro", ItemStatus::Completed))
        .unwrap();
    drop(opened);
    fs::write(store.dir().join("anna.corrupt-20260101T000000Z"), b"x").unwrap();
    store.open(&name("anna2"), &stamp()).unwrap();
    assert!(store.exists(&name("anna")));

    let removed = store.forget(&name("anna")).unwrap();
    let removed: Vec<&str> = removed
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(
        removed,
        [
            "anna.corrupt-20260101T000000Z",
            "anna.json",
            "anna.json.bak",
            "anna.lock"
        ]
    );
    assert!(!store.exists(&name("anna")));
    assert_eq!(files_in(store.dir()), ["anna2.json", "anna2.lock"]);
}

#[test]
fn forget_refuses_an_open_profile_and_an_unknown_one() {
    let (_tmp, store) = store();
    let opened = store.open(&name("anna"), &stamp()).unwrap();
    let err = store.forget(&name("anna")).unwrap_err();
    assert!(matches!(err, ProgressError::ProfileInUse { .. }), "{err:?}");
    assert!(store.exists(&name("anna")));
    drop(opened);

    let err = store.forget(&name("nobody")).unwrap_err();
    assert!(
        matches!(err, ProgressError::NoSuchProfile { .. }),
        "{err:?}"
    );
    assert_eq!(
        files_in(store.dir()),
        ["anna.json", "anna.lock"],
        "no lock left"
    );
}

/// The bytes of a valid saved profile, to damage.
fn valid_bytes() -> Vec<u8> {
    let (_tmp, store) = store();
    saved(&store, &progress_with("intro", ItemStatus::InProgress));
    fs::read(store.paths(&name("anna")).progress).unwrap()
}
