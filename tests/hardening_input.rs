//! Hostile course directories and export files, through the real binary: links, devices,
//! FIFOs, wrong folders and oversized content end with a clear message that names the file
//! and the limit, in bounded time and memory.
//!
//! Every run goes through `sh -c 'ulimit -v ...; exec kruispunt ...'`, so a run that tries
//! to read gigabytes fails instead of filling the machine, and is killed after a timeout, so
//! a run that blocks (on a FIFO) fails instead of hanging the test suite.

#![cfg(unix)]
// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longer than any of these runs needs on a busy machine, far shorter than the unbounded
/// reads they guard against.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The address space a run may use, in KiB (1 GiB).
const MEMORY_KIB: u32 = 1024 * 1024;

const MIB: u64 = 1024 * 1024;

/// What one bounded run printed and how it exited.
#[derive(Debug)]
struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Outcome {
    /// stdout and stderr together.
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs the binary with `args` in English, with at most [`MEMORY_KIB`] of address space,
/// killing it after [`TIMEOUT`] (which fails the test).
#[track_caller]
fn run<I: AsRef<OsStr>>(args: impl IntoIterator<Item = I>) -> Outcome {
    let binary = binary_support::command(std::iter::empty::<&str>());
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
        .arg(binary.get_program())
        .args(args);
    for name in binary_support::LOCALE_AND_DATA_ENV {
        command.env_remove(name);
    }
    command
        .env("KRUISPUNT_LANG", "en")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary starts");
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stdout.read_to_end(&mut text);
        text
    });
    let err = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stderr.read_to_end(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the run took longer than {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let outcome = Outcome {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out.join().expect("reader")).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().expect("reader")).into_owned(),
    };
    assert!(
        !outcome.stderr.contains("panicked") && !outcome.stderr.contains("memory allocation"),
        "{outcome:#?}"
    );
    assert!(outcome.code.is_some(), "killed by a signal: {outcome:#?}");
    outcome
}

const MANIFEST: &str = r#"{
  "format_version": 2,
  "id": "fixture",
  "version": "1",
  "title": {"en": "Fixture course"},
  "description": {"en": "A small course for tests."},
  "default_locale": "en",
  "locales": ["en"],
  "modules": [{"id": "basics", "title": {"en": "The basics"}, "items": ["intro"]}]
}
"#;

const LESSON: &str = r#"{
  "format_version": 2,
  "id": "intro",
  "title": {"en": "Words that matter"},
  "scenes": [{"id": "t", "text": {"paragraphs": [{"en": "PARAGRAPH"}]}}]
}
"#;

/// A valid course with one lesson, in a temporary directory.
fn course() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().to_path_buf();
    write(&root, "course.json", MANIFEST.as_bytes());
    write(&root, "lessons/intro.json", LESSON.as_bytes());
    (dir, root)
}

fn write(root: &Path, relative: &str, bytes: &[u8]) {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create dir");
    }
    std::fs::write(path, bytes).expect("write");
}

/// A file of `len` zero bytes that takes no room on disk.
fn sparse(path: &Path, len: u64) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create dir");
    }
    std::fs::File::create(path)
        .and_then(|file| file.set_len(len))
        .expect("sparse file");
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

fn symlink(target: impl AsRef<Path>, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

fn validate(root: &Path) -> Outcome {
    run([OsStr::new("validate"), root.as_os_str()])
}

#[track_caller]
fn assert_contains(outcome: &Outcome, wanted: &str) {
    assert!(
        outcome.all().contains(wanted),
        "no {wanted:?} in {outcome:#?}"
    );
}

// ---- Item 2: links, devices, FIFOs, wrong folders ----

#[test]
fn two_self_links_are_not_followed() {
    let (_dir, root) = course();
    symlink(".", &root.join("lessons/a"));
    symlink(".", &root.join("lessons/b"));
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(0), "{outcome:#?}");
    assert_contains(&outcome, "lessons/a:1:1: warning[linked-directory]");
    assert_contains(&outcome, "lessons/b:1:1: warning[linked-directory]");
}

#[test]
fn a_link_to_the_root_of_the_filesystem_is_not_walked() {
    let (_dir, root) = course();
    symlink("/", &root.join("lessons/root"));
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(0), "{outcome:#?}");
    assert_contains(&outcome, "lessons/root:1:1: warning[linked-directory]");
}

#[test]
fn a_link_to_dev_zero_is_not_read() {
    let (_dir, root) = course();
    symlink("/dev/zero", &root.join("lessons/zero.json"));
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    assert_contains(&outcome, "lessons/zero.json:1:1: error[not-a-file]");
}

#[test]
fn a_fifo_is_not_opened() {
    let (_dir, root) = course();
    mkfifo(&root.join("lessons/x.json"));
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    assert_contains(&outcome, "lessons/x.json:1:1: error[not-a-file]");
}

#[test]
fn a_link_to_a_regular_file_is_read() {
    let (_dir, root) = course();
    let shared = tempfile::tempdir().expect("tempdir");
    let elsewhere = shared.path().join("shared.json");
    std::fs::rename(root.join("lessons/intro.json"), &elsewhere).expect("move");
    symlink(&elsewhere, &root.join("lessons/intro.json"));
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(0), "{outcome:#?}");
    assert_contains(&outcome, "no problems");
}

#[test]
fn a_folder_without_course_json_is_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    // Each of these would block, or take gigabytes, if it were read.
    mkfifo(&root.join("x.json"));
    symlink("/dev/zero", &root.join("zero.json"));
    sparse(&root.join("deep/huge.json"), 4096 * MIB);
    let outcome = validate(root);
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    assert_contains(&outcome, "error[missing-manifest]");
    assert!(!outcome.all().contains("x.json"), "{outcome:#?}");
    assert!(!outcome.all().contains("huge.json"), "{outcome:#?}");
}

#[test]
fn course_json_that_is_a_fifo_stops_the_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    mkfifo(&dir.path().join("course.json"));
    write(dir.path(), "lessons/intro.json", LESSON.as_bytes());
    let outcome = validate(dir.path());
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    assert_contains(&outcome, "course.json:1:1: error[not-a-file]");
}

// ---- Item 9: size caps while reading a course ----

#[test]
fn a_file_over_the_file_cap_is_named_with_the_cap() {
    let (_dir, root) = course();
    sparse(&root.join("lessons/big.json"), 33 * MIB);
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    assert_contains(&outcome, "lessons/big.json:1:1: error[file-too-large]");
    assert_contains(&outcome, "32 MiB");
}

#[test]
fn a_course_over_the_course_cap_stops_reading_with_the_cap() {
    let (_dir, root) = course();
    for i in 0..6 {
        sparse(&root.join(format!("scenarios/s{i}.json")), 30 * MIB);
    }
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    assert_contains(&outcome, "error[course-too-large]");
    assert_contains(&outcome, "128 MiB");
}

#[test]
fn a_course_with_too_many_files_stops_reading_with_the_cap() {
    let (_dir, root) = course();
    let many = root.join("scenarios/many");
    std::fs::create_dir_all(&many).expect("dir");
    for i in 0..10_001 {
        std::fs::File::create(many.join(format!("{i:05}.json"))).expect("file");
    }
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    assert_contains(&outcome, "error[too-many-files]");
    assert_contains(&outcome, "10000");
}

// ---- Item 9: caps in the validator ----

#[test]
fn a_text_over_the_text_cap_is_an_error_at_its_position() {
    let (_dir, root) = course();
    let long = "a".repeat(64 * 1024 + 1);
    write(
        &root,
        "lessons/intro.json",
        LESSON.replace("PARAGRAPH", &long).as_bytes(),
    );
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    assert_contains(&outcome, "lessons/intro.json:5:57: error[text-too-long]");
    assert_contains(&outcome, "65536");
}

/// A scenario with `decisions` decision points of `choices` choices each, then an ending.
fn scenario(nodes: usize, choices: usize) -> String {
    let mut list = Vec::new();
    for i in 0..nodes.saturating_sub(1) {
        let next = if i + 2 == nodes {
            "end".to_owned()
        } else {
            format!("n{}", i + 1)
        };
        let options: Vec<String> = (0..choices)
            .map(|c| {
                format!(
                    r#"{{"id":"c{c}","text":{{"en":"C"}},"feedback":{{"en":"F"}},"quality":"best","next":"{next}"}}"#
                )
            })
            .collect();
        list.push(format!(
            r#"{{"id":"n{i}","lines":[],"choices":[{}]}}"#,
            options.join(",")
        ));
    }
    list.push(
        r#"{"id":"end","ending":{"outcome":"good","title":{"en":"E"},"debrief":{"en":"D"}}}"#
            .to_owned(),
    );
    format!(
        r#"{{"format_version":2,"id":"talk","title":{{"en":"T"}},"setting":{{"en":"S"}},"goal":{{"en":"G"}},
"characters":[{{"id":"sam","name":{{"en":"Sam"}},"role":{{"en":"R"}},"bio":{{"en":"B"}}}}],
"start":"n0","nodes":[{}]}}"#,
        list.join(",\n")
    )
}

#[test]
fn too_many_nodes_in_a_scenario_is_an_error_with_the_cap() {
    let (_dir, root) = course();
    write(
        &root,
        "scenarios/talk.json",
        scenario(100_001, 1).as_bytes(),
    );
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    assert_contains(&outcome, "error[too-many]");
    assert_contains(&outcome, "100001 nodes");
    assert_contains(&outcome, "100000");
}

#[test]
fn too_many_choices_in_a_node_is_an_error_with_the_cap() {
    let (_dir, root) = course();
    write(&root, "scenarios/talk.json", scenario(2, 65).as_bytes());
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    assert_contains(&outcome, "error[too-many]");
    assert_contains(&outcome, "65 choices");
    assert_contains(&outcome, "(at nodes[0].choices)");
}

#[test]
fn too_many_scenes_in_a_lesson_is_an_error_with_the_cap() {
    let (_dir, root) = course();
    let scenes: Vec<String> = (0..1001)
        .map(|i| format!(r#"{{"id":"s{i}","text":{{"paragraphs":[{{"en":"P"}}]}}}}"#))
        .collect();
    let lesson = format!(
        r#"{{"format_version":2,"id":"intro","title":{{"en":"T"}},"scenes":[{}]}}"#,
        scenes.join(",")
    );
    write(&root, "lessons/intro.json", lesson.as_bytes());
    let outcome = validate(&root);
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    assert_contains(&outcome, "error[too-many]");
    assert_contains(&outcome, "1001 scenes");
}

#[test]
fn too_many_lessons_or_scenarios_in_a_course_is_an_error_with_the_cap() {
    for kind in ["lessons", "scenarios"] {
        let (_dir, root) = course();
        for i in 0..1001 {
            write(&root, &format!("{kind}/extra/{i:04}.json"), b"{}");
        }
        let outcome = validate(&root);
        assert_eq!(outcome.code, Some(1), "{outcome:#?}");
        assert_contains(&outcome, "error[too-many]");
        assert_contains(&outcome, &format!("files in {kind}/"));
        assert_contains(&outcome, "1000");
    }
}

// ---- Item 10d: a double byte-order mark ----

#[test]
fn two_byte_order_marks_get_a_hint() {
    let (_dir, root) = course();
    let mut bytes = "\u{FEFF}\u{FEFF}".as_bytes().to_vec();
    bytes.extend_from_slice(LESSON.as_bytes());
    write(&root, "lessons/intro.json", &bytes);
    let outcome = validate(&root);
    assert_contains(&outcome, "lessons/intro.json:1:1: warning[byte-order-mark]");
    assert_contains(&outcome, "two or more byte-order marks");
    // The marks are dropped, so the rest of the file is read and the course loads.
    assert_eq!(outcome.code, Some(0), "{outcome:#?}");
}

// ---- `report`: its input files ----

fn report_course() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report/course")
}

/// `kruispunt report --course FIXTURE FILES...`.
fn report(files: &[PathBuf]) -> Outcome {
    let mut args: Vec<OsString> = vec!["report".into(), "--course".into(), report_course().into()];
    args.extend(files.iter().map(|f| f.clone().into_os_string()));
    run(args)
}

/// An export of the report fixture course with these items.
fn export(items: &str) -> String {
    format!(
        r#"{{"kind":"kruispunt-export","export_version":2,"course":{{"id":"report-test","version":"2.0"}},"profile":"p","exported_at":5,"items":[{items}]}}"#
    )
}

/// The fixture's good export, so that a report is made besides the skipped file.
fn good_export() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report/exports/anna.json")
}

/// Reports `bad` next to a good export: `bad` is skipped with `reason`, the report is made.
#[track_caller]
fn assert_skipped(bad: &Path, reason: &str) {
    let outcome = report(&[bad.to_path_buf(), good_export()]);
    assert_eq!(outcome.code, Some(1), "{outcome:#?}");
    let line = format!("skipped {}: {reason}", bad.display());
    assert_contains(&outcome, &line);
}

#[test]
fn report_does_not_open_a_fifo_or_a_device_or_a_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("x.json");
    mkfifo(&fifo);
    assert_skipped(&fifo, "it is not a regular file");
    assert_skipped(Path::new("/dev/zero"), "it is not a regular file");
    assert_skipped(dir.path(), "it is not a regular file");
    let link = dir.path().join("zero.json");
    symlink("/dev/zero", &link);
    assert_skipped(&link, "it is not a regular file");
}

#[test]
fn report_refuses_an_export_over_the_size_cap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.json");
    sparse(&big, 9 * MIB);
    assert_skipped(&big, "it is larger than 8 MiB");
}

#[test]
fn report_refuses_too_many_items_attempts_and_choices() {
    let dir = tempfile::tempdir().expect("tempdir");
    let item = r#"{"id":"woorden","status":"completed"}"#;
    let items = vec![item; 10_001].join(",");
    let file = dir.path().join("items.json");
    std::fs::write(&file, export(&items)).expect("write");
    assert_skipped(&file, "it has 10001 items; the limit is 10000");

    let attempts = vec![r#"{"choices":[]}"#; 1001].join(",");
    let file = dir.path().join("attempts.json");
    let items = format!(r#"{{"id":"gesprek","status":"completed","attempts":[{attempts}]}}"#);
    std::fs::write(&file, export(&items)).expect("write");
    assert_skipped(&file, "an item has 1001 attempts; the limit is 1000");

    let choices = vec![r#"{"node":"n","choice":"c"}"#; 10_001].join(",");
    let file = dir.path().join("choices.json");
    let items = format!(
        r#"{{"id":"gesprek","status":"completed","attempts":[{{"choices":[{choices}]}}]}}"#
    );
    std::fs::write(&file, export(&items)).expect("write");
    assert_skipped(&file, "an attempt has 10001 choices; the limit is 10000");
}

#[test]
fn report_refuses_more_files_than_the_cap_before_reading_any() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("x.json");
    mkfifo(&fifo);
    let files = vec![fifo; 1001];
    let outcome = report(&files);
    assert_eq!(outcome.code, Some(2), "{outcome:#?}");
    assert_contains(&outcome, "1001 files");
    assert_contains(&outcome, "1000");
    assert!(!outcome.all().contains("skipped"), "{outcome:#?}");
}

#[test]
fn report_shows_a_huge_export_version_exactly_as_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("future.json");
    let text = export("").replace(
        "\"export_version\":2",
        "\"export_version\": 18446744073709551615",
    );
    std::fs::write(&file, text).expect("write");
    assert_skipped(
        &file,
        "it was exported by a newer Kruispunt (export format 18446744073709551615;",
    );
    let text = export("").replace(
        "\"export_version\":2",
        "\"export_version\": 123456789012345678901234567890",
    );
    std::fs::write(&file, text).expect("write");
    let outcome = report(&[file, good_export()]);
    assert_contains(&outcome, "(export format 123456789012345678901234567890;");
}
