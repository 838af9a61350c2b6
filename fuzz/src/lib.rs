//! The checks behind the fuzz targets, one per input Kruispunt does not trust.
//!
//! Each function takes the fuzzer's bytes, feeds them to the public entry point the program
//! uses for that input, and asserts what must hold for any input: no panic, and the few
//! invariants that are cheap to state (round trips, no control characters on a terminal).
//! `tests/properties.rs` runs the same checks with proptest on every `cargo test`; keep the
//! two in step.
//!
//! - [`course`]: a course directory (`course::load`) and `course::migrate::migrate`;
//! - [`progress`]: a progress file, read the way the profile store reads it;
//! - [`export`]: a trainee's export (`Export::parse`), then a group report from it;
//! - [`plain`]: what a learner types in plain mode (`plain::run` over a pipe).

use kruispunt::course::migrate::{self, FileKind};
use kruispunt::course::{Course, CourseSource, SourceFile, ValidateOptions};
use kruispunt::i18n::{Localizer, UiLocale};
use kruispunt::progress::{CourseStamp, Progress, SCHEMA_VERSION, Timestamp};
use kruispunt::report::{Export, ReportFormat, ReportOptions};
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

/// The frozen fixture course of the TUI and plain-mode tests (format version 1).
pub fn tui_course() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| fixture_course("tests/fixtures/tui-course"))
}

/// The small course the report fixtures were exported from.
pub fn report_course() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| fixture_course("tests/fixtures/report/course"))
}

fn fixture_course(relative: &str) -> Course {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    kruispunt::course::load_dir(&dir).expect("the fixture course loads")
}

/// The course files in `text`: parts separated by NUL bytes, each `PATH\nJSON`. A part
/// without a newline is all JSON, at `course.json` for the first part, then alternately in
/// `lessons/` and `scenarios/`.
pub fn course_source(text: &str) -> CourseSource {
    let files = text
        .split('\0')
        .enumerate()
        .map(|(i, part)| {
            let (path, text) = match part.split_once('\n') {
                Some((path, text)) if path.ends_with(".json") => (path.to_owned(), text),
                _ => (default_path(i), part),
            };
            SourceFile {
                path,
                text: text.to_owned(),
            }
        })
        .collect();
    CourseSource::new("fuzz", files)
}

fn default_path(index: usize) -> String {
    match index {
        0 => "course.json".to_owned(),
        i if i % 2 == 1 => format!("lessons/part-{i}.json"),
        i => format!("scenarios/part-{i}.json"),
    }
}

/// The migration kind of a file at `path` in a course, if it is a course file.
fn kind_of(path: &str) -> Option<FileKind> {
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

/// A course directory from the fuzzer: it loads (or fails with diagnostics), every file
/// migrates (or is refused), a migrated file migrates to itself, and a course that loads
/// can be taken through in plain mode without a control character reaching the terminal.
pub fn course(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let source = course_source(&text);
    let report = kruispunt::course::load(
        &source,
        ValidateOptions {
            strict: data.len() % 2 == 0,
        },
    );
    for diagnostic in &report.diagnostics {
        let _ = diagnostic.to_string();
    }
    for file in &source.files {
        let Some(kind) = kind_of(&file.path) else {
            continue;
        };
        if let Ok(migration) = migrate::migrate(kind, &file.text) {
            let again = migrate::migrate(kind, &migration.text)
                .unwrap_or_else(|e| panic!("a migrated {kind:?} no longer reads: {e}"));
            assert_eq!(
                again.text, migration.text,
                "migrating twice changes the file"
            );
            assert!(again.changes.is_empty(), "migrating twice lists changes");
        }
    }
    if let Some(course) = &report.course {
        walk_in_plain_mode(course, COURSE_WALK);
    }
}

/// Answers that open each item and take the first option a few times.
const COURSE_WALK: &[u8] = b"1\n\n1\n1\n1\n1\n1\nhome\n2\n1\n1\n1\n1\nhome\n3\n1\n1\n1\n1\nq\n";

/// Plain mode over `course` with `input` piped in and no profile; the output must hold no
/// control character but the line end.
pub fn walk_in_plain_mode(course: &Course, input: &[u8]) -> Vec<u8> {
    let progress = Progress::new(CourseStamp::of(course), Timestamp(0));
    let mut i18n = Localizer::new(UiLocale::En);
    i18n.set_course_default(course.default_locale.clone());
    let mut out = Vec::new();
    let course = std::sync::Arc::new(course.clone());
    let left = kruispunt::plain::run(course, i18n, progress, &[], None, input, &mut out)
        .expect("plain mode over memory does not fail");
    let shown = String::from_utf8_lossy(&out);
    if let Some(c) = shown.chars().find(|&c| c.is_control() && c != '\n') {
        panic!("plain mode wrote the control character {c:?}");
    }
    // The progress it left is a document the store can write and read back.
    assert_eq!(reread(&left), Some(left));
    out
}

/// The progress as the profile store writes it (schema version first), read back the way
/// the store reads it; `None` when it does not read back at all.
pub fn reread(progress: &Progress) -> Option<Progress> {
    let mut value = serde_json::to_value(progress).expect("progress serialises");
    value
        .as_object_mut()?
        .insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    let bytes = serde_json::to_vec_pretty(&value).expect("JSON serialises");
    read_progress(&bytes)
}

/// A progress file read as `ProfileStore` reads one: the snapshot migrated and typed, then
/// its journal folded in. `None` for anything the store treats as damaged.
pub fn read_progress(bytes: &[u8]) -> Option<Progress> {
    kruispunt::progress::decode_progress_file(bytes)
}

/// A progress file from the fuzzer: migration from any version does not panic, a file that
/// reads writes back to the same progress, and resuming or exporting it against a course
/// does not panic however little it matches the course.
pub fn progress(data: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<Value>(data) {
        for from in [0, 1, SCHEMA_VERSION, SCHEMA_VERSION + 1, u32::MAX] {
            let _ = kruispunt::progress::migrate(value.clone(), from);
        }
    }
    let Some(progress) = read_progress(data) else {
        return;
    };
    assert_eq!(reread(&progress).as_ref(), Some(&progress), "round trip");
    let course = tui_course();
    for (_, item) in course.items_in_order() {
        let _ = progress.resume(course, item.id().as_str());
        match item {
            kruispunt::course::checked::Item::Lesson(lesson) => {
                let _ = kruispunt::progress::runs::resume_lesson(&progress, lesson);
            }
            kruispunt::course::checked::Item::Scenario(scenario) => {
                let _ = kruispunt::progress::runs::resume_scenario(&progress, scenario);
            }
        }
    }
    let _ = progress.completed_items();
    let export = Export::of(course, &progress, "fuzz", true, Timestamp(0));
    let _ = serde_json::to_string(&export).expect("an export serialises");
}

/// An export from the fuzzer: parsing never panics, an export that parses writes back to
/// itself, and a group report made of it renders in every format.
pub fn export(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(export) = Export::parse(&text) else {
        return;
    };
    let written = serde_json::to_string(&export).expect("an export serialises");
    assert_eq!(Export::parse(&written).as_ref(), Ok(&export), "round trip");
    let i18n = Localizer::new(UiLocale::En);
    let exports = [export.clone(), export];
    for names in [false, true] {
        let report =
            kruispunt::report::aggregate(report_course(), &exports, ReportOptions { names }, &i18n);
        for format in [
            ReportFormat::Markdown,
            ReportFormat::Html,
            ReportFormat::Csv,
        ] {
            let _ = kruispunt::report::render(&report, format);
        }
    }
}

/// Plain-mode input from the fuzzer, over the fixture course.
pub fn plain(data: &[u8]) {
    let _ = walk_in_plain_mode(tui_course(), data);
}
