//! Loading broken courses: every problem is reported with its file, line, column and field
//! path, and nothing the author can write makes the loader panic.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kruispunt::course::{
    CourseSource, Diagnostic, LoadError, Position, Severity, SourceError, SourceFile,
    ValidateOptions, load, load_dir,
};
use std::path::Path;

const MANIFEST: &str = r#"{
  "format_version": 2,
  "id": "test",
  "version": "1",
  "title": {"en": "Test"},
  "description": {"en": "A test course."},
  "default_locale": "en",
  "locales": ["en"],
  "modules": [{"id": "m", "title": {"en": "Module"}, "items": ["intro"]}]
}"#;

const LESSON: &str = r#"{
  "format_version": 2,
  "id": "intro",
  "title": {"en": "Intro"},
  "scenes": [{"id": "s1", "text": {"paragraphs": [{"en": "Hello."}]}}]
}"#;

/// A scenario whose second node's choice points at a number instead of a node id.
const SCENARIO_WITH_NUMBER_AS_NEXT: &str = r#"{
  "format_version": 2,
  "id": "talk",
  "title": {"en": "Talk"},
  "setting": {"en": "An office."},
  "goal": {"en": "Listen."},
  "characters": [],
  "start": "a",
  "nodes": [
    {"id": "a", "next": "b"},
    {"id": "b", "choices": [
      {"id": "c", "text": {"en": "Hi"}, "feedback": {"en": "Good."}, "quality": "best", "next": 42}
    ]}
  ]
}"#;

fn source(files: &[(&str, &str)]) -> CourseSource {
    CourseSource {
        display_root: "demo".to_owned(),
        files: files
            .iter()
            .map(|&(path, text)| SourceFile {
                path: path.to_owned(),
                text: text.to_owned(),
            })
            .collect(),
        ..Default::default()
    }
}

fn diagnostics(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    load(&source(files), ValidateOptions::default()).diagnostics
}

/// The only diagnostic about `file`, failing the test when there is not exactly one.
fn only_for<'a>(diags: &'a [Diagnostic], file: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = diags.iter().filter(|d| d.file == file).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one diagnostic for {file}: {diags:#?}"
    );
    found[0]
}

fn at(line: usize, column: usize) -> Option<Position> {
    Some(Position { line, column })
}

#[test]
fn json_syntax_error_has_exact_line_and_column() {
    let lesson = "{\n  \"format_version\": 2\n  \"id\": \"intro\"\n}";
    let diags = diagnostics(&[("course.json", MANIFEST), ("lessons/intro.json", lesson)]);
    let d = only_for(&diags, "demo/lessons/intro.json");
    assert_eq!(d.code(), "json-syntax");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.position, at(3, 3));
    assert_eq!(d.problem.to_string(), "invalid JSON: expected `,` or `}`");
}

#[test]
fn syntax_error_column_counts_characters_not_bytes() {
    // "Één" is 5 bytes but 3 characters; the stray `"id"` starts at character 26.
    let lesson = "{\n  \"title\": {\"nl\": \"Één\"} \"id\": \"intro\"\n}";
    let diags = diagnostics(&[("course.json", MANIFEST), ("lessons/intro.json", lesson)]);
    let d = only_for(&diags, "demo/lessons/intro.json");
    assert_eq!(d.code(), "json-syntax");
    assert_eq!(d.position, at(2, 26));
}

#[test]
fn wrong_type_deep_in_a_scenario_names_the_field_path() {
    let diags = diagnostics(&[
        ("course.json", MANIFEST),
        ("scenarios/talk.json", SCENARIO_WITH_NUMBER_AS_NEXT),
    ]);
    let d = only_for(&diags, "demo/scenarios/talk.json");
    assert_eq!(d.code(), "json-type");
    assert_eq!(d.path.to_string(), "nodes[1].choices[0].next");
    // Line 12 is the choice; `42` is at characters 78-79: the diagnostic points at its start.
    assert_eq!(d.position, at(12, 97));
    assert_eq!(
        d.problem.to_string(),
        "invalid type: integer `42`, expected a string"
    );
}

#[test]
fn unknown_field_is_reported_with_its_name() {
    let lesson = LESSON.replace("\"title\"", "\"titel\"");
    let diags = diagnostics(&[("course.json", MANIFEST), ("lessons/intro.json", &lesson)]);
    let d = only_for(&diags, "demo/lessons/intro.json");
    assert_eq!(d.code(), "json-type");
    assert!(
        d.problem
            .to_string()
            .starts_with("unknown field `titel`, expected one of"),
        "{}",
        d.problem
    );
    assert_eq!(d.path.to_string(), "titel");
    // serde stops right after the key, on line 4.
    assert_eq!(d.position.map(|p| p.line), Some(4));
}

#[test]
fn missing_required_field() {
    let lesson = r#"{"format_version": 2, "id": "intro", "title": {"en": "Intro"}}"#;
    let diags = diagnostics(&[("course.json", MANIFEST), ("lessons/intro.json", lesson)]);
    let d = only_for(&diags, "demo/lessons/intro.json");
    assert_eq!(d.code(), "json-type");
    assert_eq!(d.problem.to_string(), "missing field `scenes`");
    assert_eq!(d.path.to_string(), ".");
    assert_eq!(d.position, at(1, 62));
}

#[test]
fn newer_format_version_with_unknown_fields_says_format_version() {
    let lesson = r#"{
  "format_version": 3,
  "id": "intro",
  "title": {"en": "Intro"},
  "scenes": [],
  "branches": {"new": "thing"}
}"#;
    let diags = diagnostics(&[("course.json", MANIFEST), ("lessons/intro.json", lesson)]);
    let d = only_for(&diags, "demo/lessons/intro.json");
    assert_eq!(d.code(), "format-version");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.path.to_string(), "format_version");
    assert_eq!(d.position, at(2, 21));
    assert_eq!(
        d.problem.to_string(),
        "format_version 3 is not supported; this version of Kruispunt reads 2"
    );
}

#[test]
fn other_format_version_in_a_file_that_parses() {
    let manifest = MANIFEST.replace("\"format_version\": 2", "\"format_version\": 7");
    let report = load(
        &source(&[("course.json", &manifest), ("lessons/intro.json", LESSON)]),
        ValidateOptions::default(),
    );
    let d = only_for(&report.diagnostics, "demo/course.json");
    assert_eq!(d.code(), "format-version");
    assert_eq!(d.position, at(2, 21));
    assert!(report.course.is_none());
}

#[test]
fn type_error_with_the_current_version_stays_a_type_error() {
    let lesson = LESSON.replace("\"title\"", "\"titel\"");
    let diags = diagnostics(&[("course.json", MANIFEST), ("lessons/intro.json", &lesson)]);
    assert!(
        !diags.iter().any(|d| d.code() == "format-version"),
        "{diags:#?}"
    );
}

#[test]
fn missing_course_json() {
    let report = load(
        &source(&[("lessons/intro.json", LESSON)]),
        ValidateOptions::default(),
    );
    let d = only_for(&report.diagnostics, "demo/course.json");
    assert_eq!(d.code(), "missing-manifest");
    assert_eq!(d.severity, Severity::Error);
    assert!(report.course.is_none());
}

#[test]
fn a_broken_course_json_is_not_also_missing() {
    let diags = diagnostics(&[("course.json", "{"), ("lessons/intro.json", LESSON)]);
    assert!(
        !diags.iter().any(|d| d.code() == "missing-manifest"),
        "{diags:#?}"
    );
    assert_eq!(only_for(&diags, "demo/course.json").code(), "json-syntax");
}

#[test]
fn stray_json_file_is_a_warning_and_strict_makes_it_an_error() {
    let files = [
        ("course.json", MANIFEST),
        ("lessons/intro.json", LESSON),
        ("notes.json", "  {\"todo\": true}"),
    ];
    let relaxed = diagnostics(&files);
    let d = only_for(&relaxed, "demo/notes.json");
    assert_eq!(d.code(), "unknown-file");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.position, at(1, 3));

    let strict = load(&source(&files), ValidateOptions { strict: true });
    let d = only_for(&strict.diagnostics, "demo/notes.json");
    assert_eq!(d.code(), "unknown-file");
    assert_eq!(d.severity, Severity::Error);
    assert!(strict.course.is_none(), "an error means no course");
}

#[test]
fn diagnostic_display_is_file_line_col_severity_code_message() {
    let lesson = "{\n  \"format_version\": 2\n  \"id\": \"intro\"\n}";
    let diags = diagnostics(&[("course.json", MANIFEST), ("lessons/intro.json", lesson)]);
    assert_eq!(
        only_for(&diags, "demo/lessons/intro.json").to_string(),
        "demo/lessons/intro.json:3:3: error[json-syntax]: invalid JSON: expected `,` or `}`"
    );

    let diags = diagnostics(&[
        ("course.json", MANIFEST),
        ("scenarios/talk.json", SCENARIO_WITH_NUMBER_AS_NEXT),
    ]);
    assert_eq!(
        only_for(&diags, "demo/scenarios/talk.json").to_string(),
        "demo/scenarios/talk.json:12:97: error[json-type]: invalid type: integer `42`, \
         expected a string (at nodes[1].choices[0].next)"
    );

    let diags = diagnostics(&[("course.json", MANIFEST), ("x.json", "[]")]);
    assert_eq!(
        only_for(&diags, "demo/x.json").to_string(),
        "demo/x.json:1:1: warning[unknown-file]: this file is not part of the course: \
         lessons go in lessons/, scenarios in scenarios/"
    );
}

#[test]
fn diagnostics_are_sorted_by_file_then_position() {
    let diags = diagnostics(&[
        ("b.json", "{}"),
        ("lessons/b.json", "{\n\n  x"),
        ("lessons/a.json", "[1,"),
        ("a.json", "{}"),
    ]);
    let files: Vec<&str> = diags.iter().map(|d| d.file.as_str()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert_eq!(files.first(), Some(&"demo/a.json"));
    assert!(files.contains(&"demo/course.json"));
}

#[test]
fn nonexistent_directory_is_a_source_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-course");
    match CourseSource::from_dir(&missing) {
        Err(SourceError::Io { path, .. }) => assert_eq!(path, missing),
        Ok(source) => panic!("read a course from a missing directory: {source:?}"),
    }
    assert!(matches!(load_dir(&missing), Err(LoadError::Source(_))));
}

#[test]
fn a_file_is_not_a_course_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("course.json");
    std::fs::write(&file, MANIFEST).expect("write");
    assert!(CourseSource::from_dir(&file).is_err());
}

fn write(root: &Path, relative: &str, bytes: &[u8]) {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create dir");
    }
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn from_dir_reads_json_recursively_sorted_and_skips_hidden_entries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "course.json", MANIFEST.as_bytes());
    write(root, "scenarios/deep/b.json", b"{}");
    write(root, "lessons/intro.json", LESSON.as_bytes());
    write(root, "lessons/README.md", b"# not json");
    write(root, "lessons/.draft.json", b"{}");
    write(root, ".git/config.json", b"{}");
    write(root, "scenarios/a.json", b"{}");

    let source = CourseSource::from_dir(root).expect("readable");
    let paths: Vec<&str> = source.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "course.json",
            "lessons/intro.json",
            "scenarios/a.json",
            "scenarios/deep/b.json"
        ]
    );
    assert!(source.unreadable.is_empty());
    assert_eq!(source.display_root, root.display().to_string());

    let with_slash = format!("{}/", root.display());
    let source = CourseSource::from_dir(Path::new(&with_slash)).expect("readable");
    assert_eq!(source.display_root, root.display().to_string());
}

#[test]
fn from_dir_drops_a_byte_order_mark() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = "\u{FEFF}".as_bytes().to_vec();
    bytes.extend_from_slice(LESSON.as_bytes());
    write(dir.path(), "lessons/intro.json", &bytes);
    // Without course.json nothing else is read.
    write(dir.path(), "course.json", MANIFEST.as_bytes());
    let source = CourseSource::from_dir(dir.path()).expect("readable");
    assert_eq!(source.files[1].path, "lessons/intro.json");
    assert_eq!(source.files[1].text, LESSON);
}

#[test]
fn invalid_utf8_on_disk_is_an_unreadable_finding_for_that_file_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "course.json", MANIFEST.as_bytes());
    write(root, "lessons/intro.json", LESSON.as_bytes());
    write(
        root,
        "lessons/latin1.json",
        b"{\n  \"title\": {\"fr\": \"caf\xe9\"}\n}",
    );

    let source = CourseSource::from_dir(root).expect("the rest of the course is readable");
    assert_eq!(source.files.len(), 2);
    let report = load(&source, ValidateOptions::default());
    let shown = format!("{}/lessons/latin1.json", root.display());
    let d = only_for(&report.diagnostics, &shown);
    assert_eq!(d.code(), "unreadable");
    assert_eq!(d.severity, Severity::Error);
    // The bad byte follows `"caf` on line 2.
    assert_eq!(d.position, at(2, 23));
    assert!(report.course.is_none());
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.file.ends_with("intro.json")),
        "{:#?}",
        report.diagnostics
    );

    match load_dir(root) {
        Err(LoadError::Invalid(errors)) => {
            assert!(
                errors.iter().any(|d| d.code() == "unreadable"),
                "{errors:#?}"
            );
            assert!(errors.iter().all(|d| d.severity == Severity::Error));
        }
        other => panic!("expected an invalid course, got {other:?}"),
    }
}

/// Loads `text` as each kind of file; it must give an error for it, never a panic.
fn assert_error_not_panic(text: &str) {
    for path in ["course.json", "lessons/x.json", "scenarios/x.json"] {
        let report = load(&source(&[(path, text)]), ValidateOptions::default());
        let shown = format!("demo/{path}");
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.file == shown && d.severity == Severity::Error),
            "no error for {path}: {:#?}",
            report.diagnostics
        );
        assert!(report.course.is_none());
    }
}

#[test]
fn empty_file_and_null_are_errors() {
    assert_error_not_panic("");
    assert_error_not_panic("   \n");
    assert_error_not_panic("null");
    assert_error_not_panic("[]");
    assert_error_not_panic("{}");
    assert_error_not_panic("\"course\"");
    assert_error_not_panic("{\"format_version\": -1}");
    assert_error_not_panic("{\"format_version\": 99999999999}");
}

#[test]
fn empty_file_points_at_line_one() {
    let diags = diagnostics(&[("course.json", "")]);
    let d = only_for(&diags, "demo/course.json");
    assert_eq!(d.code(), "json-syntax");
    assert_eq!(d.position, at(1, 1));
}

#[test]
fn ten_thousand_nested_arrays_are_an_error_not_a_stack_overflow() {
    let depth = 10_000;
    let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert_error_not_panic(&text);
    let unclosed = "[".repeat(depth);
    assert_error_not_panic(&unclosed);
    let objects = "{\"a\":".repeat(depth);
    assert_error_not_panic(&objects);
}

#[test]
fn deeply_nested_conditions_are_an_error_not_a_stack_overflow() {
    let depth = 10_000;
    let condition = format!(
        "{}{{\"visited\": \"a\"}}{}",
        "{\"not\": ".repeat(depth),
        "}".repeat(depth)
    );
    let scenario = SCENARIO_WITH_NUMBER_AS_NEXT.replace(
        "\"next\": 42",
        &format!("\"next\": \"a\", \"if\": {condition}"),
    );
    let diags = diagnostics(&[
        ("course.json", MANIFEST),
        ("scenarios/talk.json", &scenario),
    ]);
    let d = only_for(&diags, "demo/scenarios/talk.json");
    assert_eq!(d.code(), "json-syntax");
    assert!(
        d.problem.to_string().contains("recursion limit"),
        "{}",
        d.problem
    );
}

#[test]
fn random_bytes_never_panic() {
    // A fixed linear congruential generator: the same "random" files on every run.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as u8
    };
    let alphabet = b"{}[]:,\"\\ \n0123456789-.eEtruefalsnl\xc3\xa9";
    for round in 0..300 {
        let len = usize::from(next()) % 64 + (round % 3) * 100;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let b = next();
                if round % 2 == 0 {
                    b
                } else {
                    alphabet[usize::from(b) % alphabet.len()]
                }
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        let report = load(
            &source(&[
                ("course.json", &text),
                ("lessons/r.json", &text),
                ("scenarios/r.json", &text),
                ("r.json", &text),
            ]),
            ValidateOptions::default(),
        );
        assert!(report.course.is_none());
        assert!(!report.diagnostics.is_empty());
    }
}

#[test]
fn random_bytes_on_disk_never_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes: Vec<u8> = (0..=255u8).rev().chain(0..=255u8).collect();
    write(dir.path(), "course.json", &bytes);
    write(dir.path(), "lessons/a.json", &bytes[200..]);
    let source = CourseSource::from_dir(dir.path()).expect("readable");
    let report = load(&source, ValidateOptions::default());
    assert!(report.course.is_none());
    assert_eq!(report.diagnostics.len(), 2, "{:#?}", report.diagnostics);
    assert!(report.diagnostics.iter().all(|d| d.code() == "unreadable"));
}

/// The codes of problems the loader itself finds, before validation.
const PARSE_CODES: [&str; 6] = [
    "unreadable",
    "missing-manifest",
    "json-syntax",
    "json-type",
    "format-version",
    "unknown-file",
];

#[test]
fn the_builtin_course_parses() {
    let report = load(&CourseSource::builtin(), ValidateOptions::default());
    let parse_problems: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| PARSE_CODES.contains(&d.code()))
        .map(Diagnostic::to_string)
        .collect();
    assert!(parse_problems.is_empty(), "{parse_problems:#?}");
}

#[test]
fn a_minimal_course_has_no_parse_problems_and_loads_from_disk() {
    let report = load(
        &source(&[("course.json", MANIFEST), ("lessons/intro.json", LESSON)]),
        ValidateOptions::default(),
    );
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| PARSE_CODES.contains(&d.code())),
        "{:#?}",
        report.diagnostics
    );

    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "course.json", MANIFEST.as_bytes());
    write(dir.path(), "lessons/intro.json", LESSON.as_bytes());
    match load_dir(dir.path()) {
        Ok(course) => assert_eq!(course.id.as_str(), "test"),
        Err(LoadError::Invalid(errors)) => assert!(
            !errors.iter().any(|d| PARSE_CODES.contains(&d.code())),
            "{errors:#?}"
        ),
        Err(LoadError::Source(error)) => panic!("{error}"),
    }
}

#[test]
fn the_one_loader_gives_the_course_with_its_warnings_or_every_problem() {
    use kruispunt::course::{CourseError, load_course};
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("demo");
    write(&root, "course.json", MANIFEST.as_bytes());
    write(&root, "lessons/intro.json", LESSON.as_bytes());
    write(&root, "notes.json", b"{\"todo\": true}");

    // A warning only: the course, with the warning.
    let loaded = load_course(Some(&root), ValidateOptions::default()).expect("loads");
    assert_eq!(loaded.course.id.as_str(), "test");
    assert_eq!(loaded.root, root.display().to_string());
    assert_eq!(loaded.warnings.len(), 1, "{:#?}", loaded.warnings);
    assert_eq!(loaded.warnings[0].code(), "unknown-file");

    // --strict: the warning is an error, and the course is refused with every problem.
    match load_course(Some(&root), ValidateOptions { strict: true }) {
        Err(CourseError::Invalid {
            root: shown,
            diagnostics,
        }) => {
            assert_eq!(shown, root.display().to_string());
            assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
            assert_eq!(diagnostics[0].severity, Severity::Error);
        }
        other => panic!("expected an invalid course, got {other:?}"),
    }

    // An error and a warning: both are kept for the command to list.
    write(&root, "lessons/intro.json", b"{ not json");
    match load_course(Some(&root), ValidateOptions::default()) {
        Err(CourseError::Invalid { diagnostics, .. }) => {
            let severities: Vec<_> = diagnostics.iter().map(|d| d.severity).collect();
            assert!(severities.contains(&Severity::Error), "{diagnostics:#?}");
            assert!(severities.contains(&Severity::Warning), "{diagnostics:#?}");
        }
        other => panic!("expected an invalid course, got {other:?}"),
    }

    // A directory that cannot be read names itself.
    let missing = dir.path().join("no-such-course");
    match load_course(Some(&missing), ValidateOptions::default()) {
        Err(CourseError::Unreadable { dir, .. }) => assert_eq!(dir, missing),
        other => panic!("expected an unreadable directory, got {other:?}"),
    }

    // Without a directory: the built-in course.
    let builtin = load_course(None, ValidateOptions::default()).expect("the built-in course");
    assert_eq!(builtin.root, "course");
}
