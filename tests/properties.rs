//! Property tests of what Kruispunt reads from outside: course directories, progress files,
//! exports and what a learner types in plain mode. For any input, arbitrary or a real file
//! mutated, the entry points never panic; round trips hold; the small pure functions the
//! course relies on (markup, answer order) keep their promises.
//!
//! The same checks run unbounded as fuzz targets (`fuzz/`, see docs/security.md); these run
//! a fixed number of cases from a fixed seed, so CI is repeatable and quick. For a long run:
//! `PROPTEST_CASES=20000 cargo test --release --test properties`; set `PROPTEST_RNG_SEED`
//! to explore other inputs. A failure found either way becomes a test in the last section.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kruispunt::course::checked::Item;
use kruispunt::course::markup::{self, Mark};
use kruispunt::course::migrate::{self, FileKind};
use kruispunt::course::order::{Order, display_order};
use kruispunt::course::{Course, CourseSource, SourceFile, ValidateOptions};
use kruispunt::i18n::{Localizer, UiLocale, display};
use kruispunt::progress::{
    Change, CourseStamp, Progress, ProgressError, SCHEMA_VERSION, Timestamp, decode_progress_file,
};
use kruispunt::report::document::CsvDelimiter;
use kruispunt::report::{Export, ReportFormat, ReportOptions};
use kruispunt::session::{ProgressStore, Session};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use serde_json::Value;
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::OnceLock;

// ----- set-up -----

/// `cases` cases from a fixed seed, unless `PROPTEST_CASES` / `PROPTEST_RNG_SEED` say
/// otherwise; no regression files are written (failures become tests here instead).
fn config(cases: u32) -> Config {
    fn env<T: std::str::FromStr>(name: &str) -> Option<T> {
        std::env::var(name).ok()?.parse().ok()
    }
    Config {
        cases: env("PROPTEST_CASES").unwrap_or(cases),
        rng_seed: RngSeed::Fixed(env("PROPTEST_RNG_SEED").unwrap_or(0x6b72_7569_7370_756e)),
        failure_persistence: None,
        ..Config::default()
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative)).expect("fixture readable")
}

fn fixture_course(relative: &str) -> Course {
    kruispunt::course::load_dir(&root().join(relative)).expect("the fixture course loads")
}

/// The frozen fixture course of the TUI and plain-mode tests.
fn tui_course() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| fixture_course("tests/fixtures/tui-course"))
}

/// The small course the report fixtures were exported from.
fn report_course() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| fixture_course("tests/fixtures/report/course"))
}

/// A course's files as (path relative to the course, text).
fn course_files(dir: &str) -> Vec<(String, String)> {
    let source = CourseSource::from_dir(&root().join(dir)).expect("fixture readable");
    source.files.into_iter().map(|f| (f.path, f.text)).collect()
}

fn migrate_kind(path: &str) -> Option<FileKind> {
    if path == "course.json" {
        Some(FileKind::Manifest)
    } else if path.starts_with("lessons/") {
        Some(FileKind::Lesson)
    } else if path.starts_with("scenarios/") {
        Some(FileKind::Scenario)
    } else {
        None
    }
}

// ----- the checks (kept in step with fuzz/src/lib.rs) -----

/// A course loads or fails with diagnostics that print; each file migrates or is refused; a
/// migrated file migrates to itself; a course that loads can be walked in plain mode.
fn check_course(files: &[(String, String)]) {
    let source = CourseSource::new(
        "prop",
        files
            .iter()
            .map(|(path, text)| SourceFile {
                path: path.clone(),
                text: text.clone(),
            })
            .collect(),
    );
    for strict in [false, true] {
        let report = kruispunt::course::load(&source, ValidateOptions { strict });
        for diagnostic in &report.diagnostics {
            let _ = diagnostic.to_string();
        }
        if let (false, Some(course)) = (strict, &report.course) {
            walk_in_plain_mode(
                course,
                b"1\n\n1\n1\n1\nhome\n2\n1\n1\nhome\n3\n1\n1\n1\nq\n",
            );
        }
    }
    for (path, text) in files {
        let Some(kind) = migrate_kind(path) else {
            continue;
        };
        if let Ok(migration) = migrate::migrate(kind, text) {
            let again = migrate::migrate(kind, &migration.text)
                .unwrap_or_else(|e| panic!("migrated {path} no longer reads: {e}"));
            assert_eq!(
                again.text, migration.text,
                "{path}: migrating twice changes it"
            );
            assert!(
                again.changes.is_empty(),
                "{path}: migrating twice lists changes"
            );
        }
    }
}

/// Plain mode over `course` with `input` piped in, saving to a [`MemoryFile`]: it ends
/// normally, writes no control character but the line end, leaves progress that reads back
/// equal, and its journal folds back to the progress of every step.
fn walk_in_plain_mode(course: &Course, input: &[u8]) -> Progress {
    walk_with_file(course, input).0
}

/// [`walk_in_plain_mode`], with the progress file as it was just before its last whole
/// save: a snapshot followed by the journal of the walk's steps.
fn walk_with_file(course: &Course, input: &[u8]) -> (Progress, Vec<u8>) {
    let progress = Progress::new(CourseStamp::of(course), Timestamp(0));
    let file = MemoryFile::new(&progress);
    let mut i18n = Localizer::new(UiLocale::En);
    i18n.set_course_default(course.default_locale.clone());
    let session = Session::new(std::sync::Arc::new(course.clone()), progress, i18n);
    let mut out = Vec::new();
    let left = kruispunt::plain::run_session(session, &[], Some(&file), input, &mut out)
        .expect("plain mode over memory does not fail")
        .into_progress();
    let shown = String::from_utf8_lossy(&out);
    if let Some(c) = shown.chars().find(|&c| c.is_control() && c != '\n') {
        panic!("plain mode wrote the control character {c:?}:\n{shown}");
    }
    assert_eq!(reread(&left).as_ref(), Some(&left), "progress round trip");
    let journaled = file.journaled.into_inner();
    (left, journaled)
}

/// A progress file in memory, written as the profile store writes one: a snapshot, then one
/// journal line per change of each step. After each step, the snapshot with its journal
/// must read back as exactly the progress the step brought. (A whole save is not compared:
/// it may also hold changes that were never recorded as a step, and it starts a new
/// snapshot.)
struct MemoryFile {
    bytes: RefCell<Vec<u8>>,
    /// The file just before the last whole save that had a journal to fold.
    journaled: RefCell<Vec<u8>>,
}

impl MemoryFile {
    fn new(progress: &Progress) -> Self {
        let bytes = snapshot(progress);
        Self {
            journaled: RefCell::new(bytes.clone()),
            bytes: RefCell::new(bytes),
        }
    }
}

impl ProgressStore for MemoryFile {
    fn save(&self, progress: &Progress) -> Result<(), ProgressError> {
        let mut bytes = self.bytes.borrow_mut();
        *self.journaled.borrow_mut() = bytes.clone();
        *bytes = snapshot(progress);
        Ok(())
    }

    fn record(&self, progress: &Progress, changes: &[Change]) -> Result<(), ProgressError> {
        let mut bytes = self.bytes.borrow_mut();
        for change in changes {
            serde_json::to_writer(&mut *bytes, change).expect("a change serialises");
            bytes.push(b'\n');
        }
        let read = decode_progress_file(&bytes).expect("the store's own file reads back");
        assert_eq!(
            &read, progress,
            "the journal folds back to the progress of the step"
        );
        Ok(())
    }
}

/// The snapshot a whole save writes: the schema version, then the progress, pretty.
fn snapshot(progress: &Progress) -> Vec<u8> {
    let mut value = serde_json::to_value(progress).expect("progress serialises");
    if let Some(object) = value.as_object_mut() {
        object.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
    let mut bytes = serde_json::to_vec_pretty(&value).expect("JSON serialises");
    bytes.push(b'\n');
    bytes
}

/// The progress as the profile store writes it, read back as the store reads it.
fn reread(progress: &Progress) -> Option<Progress> {
    read_progress(&snapshot(progress))
}

/// A progress file read as `ProfileStore` reads one, journal and all; `None` for what it
/// treats as damaged.
fn read_progress(bytes: &[u8]) -> Option<Progress> {
    decode_progress_file(bytes)
}

/// A progress file: migration from any version does not panic, what reads writes back the
/// same, and resuming and exporting it against the fixture course do not panic.
fn check_progress(bytes: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
        for from in [0, 1, SCHEMA_VERSION, SCHEMA_VERSION + 1, u32::MAX] {
            let _ = kruispunt::progress::migrate(value.clone(), from);
        }
    }
    let Some(progress) = read_progress(bytes) else {
        return;
    };
    assert_eq!(reread(&progress).as_ref(), Some(&progress), "round trip");
    let course = tui_course();
    for (_, item) in course.items_in_order() {
        let _ = progress.resume(course, item.id().as_str());
        match item {
            Item::Lesson(lesson) => {
                let _ = kruispunt::progress::runs::resume_lesson(&progress, lesson);
            }
            Item::Scenario(scenario) => {
                let _ = kruispunt::progress::runs::resume_scenario(&progress, scenario);
            }
        }
    }
    let export = Export::of(course, &progress, "prop", true, Timestamp(0));
    serde_json::to_string(&export).expect("an export serialises");
}

/// An export: parsing never panics, what parses writes back the same, and a group report
/// of it renders in every format.
fn check_export(text: &str) {
    let Ok(export) = Export::parse(text) else {
        return;
    };
    let written = serde_json::to_string(&export).expect("an export serialises");
    assert_eq!(Export::parse(&written).as_ref(), Ok(&export), "round trip");
    let i18n = Localizer::new(UiLocale::En);
    let exports = [export.clone(), export];
    for names in [false, true] {
        let options = ReportOptions { names };
        let report = kruispunt::report::aggregate(report_course(), &exports, options, &i18n);
        for format in [
            ReportFormat::Markdown,
            ReportFormat::Html,
            ReportFormat::Csv(CsvDelimiter::SEMICOLON),
        ] {
            let _ = kruispunt::report::render(&report, format);
        }
    }
}

// ----- mutations of real files -----

/// A JSON value to put somewhere it does not belong.
fn hostile_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop_oneof![Just(0.5), Just(-1e300), Just(1e300)].prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        Just(Value::from(i64::MIN)),
        Just(Value::from(u32::MAX)),
        Just(Value::from(-1)),
        Just(Value::from(0)),
        Just(Value::from(1)),
        Just(Value::from(2)),
        prop_oneof![
            Just(""),
            Just("((("),
            Just("))"),
            Just("*"),
            Just("\u{1b}[2J\u{1b}]0;title\u{7}"),
            Just("\u{0}\r\n\t\u{9b}"),
            Just("../../etc/passwd"),
            Just("<script>alert(1)</script>"),
            Just("=cmd|' /C calc'!A0"),
            Just("a/b"),
            Just("completed"),
            Just("in_progress"),
            Just("shown"),
            Just("best"),
            Just("نعم 🏳️‍🌈 e\u{301}"),
        ]
        .prop_map(Value::from),
        "[a-z0-9_-]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One structural change to a JSON document, at the node with this preorder number.
#[derive(Debug, Clone)]
enum JsonEdit {
    Replace(usize, Value),
    Remove(usize),
    Duplicate(usize),
}

fn json_edit() -> impl Strategy<Value = JsonEdit> {
    prop_oneof![
        3 => (any::<usize>(), hostile_value()).prop_map(|(at, v)| JsonEdit::Replace(at, v)),
        2 => any::<usize>().prop_map(JsonEdit::Remove),
        1 => any::<usize>().prop_map(JsonEdit::Duplicate),
    ]
}

fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Applies `edit` to the node numbered `*target` (counting down as nodes are passed).
/// Returns true once applied.
fn apply_at(value: &mut Value, target: &mut usize, edit: &JsonEdit) -> bool {
    match value {
        Value::Array(items) => {
            for i in 0..items.len() {
                if *target == 1 {
                    match edit {
                        JsonEdit::Replace(_, v) => items[i] = v.clone(),
                        JsonEdit::Remove(_) => {
                            items.remove(i);
                        }
                        JsonEdit::Duplicate(_) => items.insert(i, items[i].clone()),
                    }
                    return true;
                }
                *target -= 1;
                if apply_at(&mut items[i], target, edit) {
                    return true;
                }
            }
        }
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for key in keys {
                if *target == 1 {
                    match edit {
                        JsonEdit::Replace(_, v) => {
                            map.insert(key, v.clone());
                        }
                        JsonEdit::Remove(_) => {
                            map.remove(&key);
                        }
                        JsonEdit::Duplicate(_) => {
                            let copy = map[&key].clone();
                            map.insert(format!("{key}_"), copy);
                        }
                    }
                    return true;
                }
                *target -= 1;
                if let Some(child) = map.get_mut(&key)
                    && apply_at(child, target, edit)
                {
                    return true;
                }
            }
        }
        _ => {}
    }
    false
}

/// The JSON text `text` with `edits` applied, or `text` itself when it is not JSON.
fn mutate_json(text: &str, edits: &[JsonEdit]) -> String {
    let Ok(mut value) = serde_json::from_str::<Value>(text) else {
        return text.to_owned();
    };
    for edit in edits {
        let nodes = count_nodes(&value);
        let (JsonEdit::Replace(at, _) | JsonEdit::Remove(at) | JsonEdit::Duplicate(at)) = edit;
        if nodes < 2 {
            value = match edit {
                JsonEdit::Replace(_, v) => v.clone(),
                _ => value,
            };
            continue;
        }
        // Node 0 is the root; edits address the nodes below it.
        let mut target = 1 + at % (nodes - 1);
        apply_at(&mut value, &mut target, edit);
    }
    serde_json::to_string_pretty(&value).expect("JSON serialises")
}

/// One change to the bytes of a file.
#[derive(Debug, Clone)]
enum ByteEdit {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    let token = prop_oneof![
        Just(b"{".to_vec()),
        Just(b"}".to_vec()),
        Just(b"[".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\\u0000".to_vec()),
        Just(b"\\ud800".to_vec()),
        Just(b"1e99999".to_vec()),
        Just(b"-18446744073709551617".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"\xef\xbb\xbf".to_vec()),
        Just(b"\x1b[31m".to_vec()),
        prop::collection::vec(any::<u8>(), 1..8),
    ];
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| ByteEdit::Set(at, b)),
        (any::<usize>(), token).prop_map(|(at, t)| ByteEdit::Insert(at, t)),
        (any::<usize>(), 1..64usize).prop_map(|(at, n)| ByteEdit::Delete(at, n)),
        any::<usize>().prop_map(ByteEdit::Truncate),
    ]
}

fn mutate_bytes(bytes: &[u8], edits: &[ByteEdit]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for edit in edits {
        let len = out.len().max(1);
        match edit {
            ByteEdit::Set(at, b) => {
                if !out.is_empty() {
                    let at = at % out.len();
                    out[at] = *b;
                }
            }
            ByteEdit::Insert(at, token) => {
                let at = at % (out.len() + 1);
                out.splice(at..at, token.iter().copied());
            }
            ByteEdit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(out.len());
                if at < end {
                    out.drain(at..end);
                }
            }
            ByteEdit::Truncate(at) => out.truncate(at % len),
        }
    }
    out
}

/// A mutation of a real file: structural JSON edits, then a few byte edits or none.
#[derive(Debug, Clone)]
struct Mutation {
    json: Vec<JsonEdit>,
    bytes: Vec<ByteEdit>,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    (
        prop::collection::vec(json_edit(), 0..4),
        prop_oneof![
            3 => Just(Vec::new()),
            1 => prop::collection::vec(byte_edit(), 1..4),
        ],
    )
        .prop_map(|(json, bytes)| Mutation { json, bytes })
}

fn apply(text: &str, mutation: &Mutation) -> Vec<u8> {
    mutate_bytes(
        mutate_json(text, &mutation.json).as_bytes(),
        &mutation.bytes,
    )
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Answers a learner could type in plain mode, and some they should not.
fn plain_line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => (1..6u8).prop_map(|n| format!("{n}\n").into_bytes()),
        2 => Just(b"\n".to_vec()),
        1 => Just(b"1 2\n".to_vec()),
        1 => Just(b"1, 3\n".to_vec()),
        1 => Just(b"r\n".to_vec()),
        1 => Just(b"a\n".to_vec()),
        1 => Just(b"c\n".to_vec()),
        1 => Just(b"s\n".to_vec()),
        1 => Just(b"?\n".to_vec()),
        1 => Just(b"home\n".to_vec()),
        1 => prop_oneof![Just("nl"), Just("en"), Just("fr"), Just("xx")]
            .prop_map(|l| format!("lang {l}\n").into_bytes()),
        1 => Just(b"I will ask first.\n".to_vec()),
        1 => Just(b"\x1b[2J\x1b]0;x\x07\r\x00\x9b\n".to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..40),
    ]
}

fn plain_script() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(plain_line(), 0..40).prop_map(|lines| lines.concat())
}

// ----- the four entry points never panic -----

proptest! {
    #![proptest_config(config(192))]

    #[test]
    fn a_course_of_arbitrary_bytes_is_refused_calmly(
        parts in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..300), 1..4),
    ) {
        let paths = ["course.json", "lessons/a.json", "scenarios/a.json", "notes/a.json"];
        let files: Vec<_> = parts
            .iter()
            .zip(paths)
            .map(|(bytes, path)| (path.to_owned(), lossy(bytes)))
            .collect();
        check_course(&files);
    }

    #[test]
    fn a_mutated_real_course_is_loaded_or_refused_calmly(
        mutations in prop::collection::vec(mutation(), 3),
    ) {
        let mut files = course_files("tests/fixtures/report/course");
        for ((_, text), mutation) in files.iter_mut().zip(&mutations) {
            *text = lossy(&apply(text, mutation));
        }
        check_course(&files);
    }
}

proptest! {
    #![proptest_config(config(24))]

    #[test]
    fn a_mutated_version_1_course_migrates_or_is_refused_calmly(
        mutations in prop::collection::vec(mutation(), 4),
    ) {
        let mut files = course_files("tests/fixtures/tui-course");
        for ((_, text), mutation) in files.iter_mut().zip(&mutations) {
            *text = lossy(&apply(text, mutation));
        }
        check_course(&files);
    }
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn a_progress_file_of_arbitrary_bytes_is_damage_not_a_crash(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        check_progress(&bytes);
    }

    #[test]
    fn a_mutated_real_progress_file_is_read_or_set_aside_calmly(
        version_2 in any::<bool>(),
        mutation in mutation(),
    ) {
        let text = if version_2 { walked_progress_text() } else { version_1_progress() };
        check_progress(&apply(text, &mutation));
    }

    #[test]
    fn an_export_of_arbitrary_bytes_is_refused_calmly(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        check_export(&lossy(&bytes));
    }

    #[test]
    fn a_mutated_real_export_is_read_or_refused_calmly(
        which in 0..3usize,
        mutation in mutation(),
    ) {
        let name = ["anna", "bram", "chris"][which];
        let text = read(&format!("tests/fixtures/report/exports/{name}.json"));
        check_export(&lossy(&apply(&text, &mutation)));
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn plain_mode_takes_arbitrary_bytes_calmly(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        walk_in_plain_mode(tui_course(), &bytes);
    }

    #[test]
    fn plain_mode_takes_any_sequence_of_answers(script in plain_script()) {
        walk_in_plain_mode(tui_course(), &script);
    }
}

/// A progress file as the store writes it, snapshot and journal, from a walk through the
/// fixture course in plain mode (lessons, a quiz, a reflection, a scenario attempt).
fn walked_progress_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let script = b"1\n\n\n1\n\nI will ask first.\n\n\n1 3\n\n\n\n2\n\n\n1\nr\n2\n\n1 2\n\n\n\n\n3\n\n1\n1\n2\nq\n";
        let (_, file) = walk_with_file(tui_course(), script);
        let text = String::from_utf8(file).expect("the store writes UTF-8");
        // The journal is what this file is for: more than the snapshot's closing brace.
        assert!(
            text.trim_end().lines().count() > 2
                && text.trim_end().lines().last().is_some_and(|l| l.starts_with("{\"change\"")),
            "the walk leaves journal lines:\n{text}"
        );
        text
    })
}

/// A version 1 progress file (the one `tests/progress.rs` migrates), with ids of the
/// fixture course.
fn version_1_progress() -> &'static str {
    r#"{
        "schema_version": 1,
        "course": {"id": "kruispunt", "version": "1.0.0"},
        "created_at": 10, "updated_at": 20,
        "last_position": "opvang-kamerwissel/n2",
        "items": {
            "welkom-op-het-kruispunt": {"status": "completed", "lesson": {"current_scene": "s2"}},
            "opvang-kamerwissel": {"status": "in_progress", "attempts": [
                {"choices": [{"node": "start", "choice": "c1"}], "current_node": "n2",
                 "variables": {"trust": 2}, "started_at": 15}
            ]}
        }
    }"#
}

// ----- round trips -----

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn progress_left_by_any_walk_serialises_and_reads_back_equal(script in plain_script()) {
        // `walk_in_plain_mode` asserts the round trip; here it is also checked through an
        // export of that progress.
        let progress = walk_in_plain_mode(tui_course(), &script);
        let export = Export::of(tui_course(), &progress, "prop", true, Timestamp(1));
        let text = serde_json::to_string_pretty(&export).expect("an export serialises");
        prop_assert_eq!(Export::parse(&text), Ok(export));
    }
}

// ----- markup, escaping and answer order -----

/// Text without markup characters.
fn words() -> impl Strategy<Value = String> {
    "[a-zA-Zé .,?!'\n-]{0,12}"
}

#[derive(Debug, Clone)]
enum Segment {
    Plain(String),
    Emphasis(String),
    Action(String),
}

fn segment() -> impl Strategy<Value = Segment> {
    prop_oneof![
        words().prop_map(Segment::Plain),
        words().prop_map(Segment::Emphasis),
        words().prop_map(Segment::Action),
    ]
}

proptest! {
    #![proptest_config(config(2048))]

    #[test]
    fn markup_functions_take_any_text(text in any::<String>()) {
        let pieces = markup::pieces(&text);
        let plain = markup::plain(&text);
        let joined: String = pieces.iter().map(|(_, s)| s.as_str()).collect();
        prop_assert_eq!(&joined, &plain);
        prop_assert!(!plain.contains('*'), "an emphasis marker left in {plain:?}");
        let _ = markup::is_action_only(&text);
        if let Some(actions) = markup::emphasis_to_actions(&text) {
            prop_assert!(!actions.contains('*'));
        }
    }

    #[test]
    fn markup_functions_take_text_made_of_markers(text in "[(()*) a\n]{0,24}") {
        let plain = markup::plain(&text);
        prop_assert!(!plain.contains('*'));
        prop_assert_eq!(
            markup::pieces(&text).iter().map(|(_, s)| s.as_str()).collect::<String>(),
            plain
        );
        let _ = markup::emphasis_to_actions(&text);
    }

    #[test]
    fn plain_text_keeps_the_words_and_loses_every_marker(
        segments in prop::collection::vec(segment(), 0..6),
    ) {
        let mut marked = String::new();
        let mut expected = String::new();
        for segment in &segments {
            match segment {
                Segment::Plain(w) => {
                    marked.push_str(w);
                    expected.push_str(w);
                }
                Segment::Emphasis(w) => {
                    marked.push_str(&format!("*{w}*"));
                    expected.push_str(w);
                }
                Segment::Action(w) => {
                    marked.push_str(&format!("(({w}))"));
                    // Even an empty one: "(( ))" reads as "( )", "(())" as "()".
                    expected.push_str(&format!("({w})"));
                }
            }
        }
        let plain = markup::plain(&marked);
        prop_assert_eq!(&plain, &expected, "from {:?}", marked);
        prop_assert!(!plain.contains("((") && !plain.contains("))") && !plain.contains('*'));
        for (mark, piece) in markup::pieces(&marked) {
            if mark == Mark::Action {
                prop_assert!(piece.starts_with('(') && piece.ends_with(')'), "{piece:?}");
            }
        }
    }

    #[test]
    fn version_1_stars_become_actions_that_read_as_parentheses(
        segments in prop::collection::vec((words(), words()), 1..4),
    ) {
        // Every `*…*` span (a version 1 stage direction) becomes `((…))`, read as `(…)`.
        let starred: String = segments.iter().map(|(w, a)| format!("{w}*{a}*")).collect();
        let actions = markup::emphasis_to_actions(&starred).expect("paired stars convert");
        let expected: String = segments
            .iter()
            .map(|(w, a)| format!("{w}({a})"))
            .collect();
        prop_assert_eq!(markup::plain(&actions), expected);
        prop_assert!(markup::pieces(&actions).iter().all(|(m, _)| *m != Mark::Emphasis));
    }

    #[test]
    fn escaped_text_cannot_drive_a_terminal(
        text in prop_oneof![
            any::<String>(),
            "[a\u{1b}\u{7}\u{9b}\u{202e}\u{2066}\n\t\r\\{}u]{0,16}",
        ],
    ) {
        let once = display::escape(&text);
        prop_assert!(!once.chars().any(display::is_control), "{once:?}");
        prop_assert_eq!(display::escape(&once), once.clone(), "escaping twice changes nothing");
        let lines = display::escape_lines(&text);
        prop_assert!(
            !lines.chars().any(|c| display::is_control(c) && c != '\n' && c != '\t'),
            "{lines:?}"
        );
    }

    #[test]
    fn the_display_order_is_a_permutation_and_fixed_keeps_it(
        seed in any::<u64>(),
        key in any::<String>(),
        count in 0..64usize,
    ) {
        let shuffled = display_order(Order::Shuffled, seed, &key, count);
        prop_assert_eq!(&shuffled, &display_order(Order::Shuffled, seed, &key, count));
        let mut sorted = shuffled.clone();
        sorted.sort_unstable();
        prop_assert_eq!(sorted, (0..count).collect::<Vec<_>>());
        prop_assert_eq!(
            display_order(Order::Fixed, seed, &key, count),
            (0..count).collect::<Vec<_>>()
        );
    }
}

// ----- the committed fuzz seeds, and crashes found -----

/// Every seed of the fuzz corpus (`fuzz/seeds/TARGET/`) passes the target's check, so a
/// crash input dropped there by the recipe in docs/security.md stays a test.
#[test]
fn the_fuzz_seeds_pass_their_checks() {
    let seeds = root().join("fuzz/seeds");
    let each = |target: &str, check: &dyn Fn(&[u8])| {
        let dir = seeds.join(target);
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("readable entry").path())
            .collect();
        entries.sort();
        assert!(!entries.is_empty(), "no seeds in {}", dir.display());
        for path in entries {
            let bytes = std::fs::read(&path).expect("seed readable");
            eprintln!("{}", path.display());
            check(&bytes);
        }
    };
    each("course_load", &|bytes| {
        check_course(&split_course(&lossy(bytes)))
    });
    each("progress", &check_progress);
    each("export", &|bytes| check_export(&lossy(bytes)));
    each("plain_input", &|bytes| {
        walk_in_plain_mode(tui_course(), bytes);
    });
}

/// The course files in a `course_load` fuzz input: parts separated by NUL, each
/// `PATH\nJSON` (as `fuzz/src/lib.rs` reads them).
fn split_course(text: &str) -> Vec<(String, String)> {
    text.split('\0')
        .enumerate()
        .map(|(i, part)| match part.split_once('\n') {
            Some((path, text)) if path.ends_with(".json") => (path.to_owned(), text.to_owned()),
            _ => {
                let path = match i {
                    0 => "course.json".to_owned(),
                    i if i % 2 == 1 => format!("lessons/part-{i}.json"),
                    i => format!("scenarios/part-{i}.json"),
                };
                (path, part.to_owned())
            }
        })
        .collect()
}

#[test]
fn the_walked_progress_file_used_as_a_seed_has_something_in_it() {
    let progress = read_progress(walked_progress_text().as_bytes()).expect("it reads");
    assert!(progress.items.len() >= 3, "{:?}", progress.items.keys());
    assert!(
        progress
            .items
            .values()
            .any(|item| !item.attempts.is_empty())
    );
    assert!(
        progress
            .items
            .values()
            .any(|item| !item.reflections.is_empty())
    );
}
