//! Hostile input never drives the terminal or injects markup into a report: control
//! characters in ids, keys, versions, file names, exports and profile names are rejected
//! where they are read and escaped (`\u{1b}`) wherever they are printed.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Stdio;

mod binary_support;

use binary_support::{Run, command as kruispunt};

/// Characters that must never reach the output raw: ESC, BEL, CR, the C1 CSI and a bidi
/// override.
const RAW: [char; 5] = ['\u{1b}', '\u{7}', '\r', '\u{9b}', '\u{202e}'];

#[track_caller]
fn assert_no_raw(what: &str, text: &str) {
    for c in RAW {
        assert!(
            !text.contains(c),
            "{what} holds a raw U+{:04X}:\n{}",
            u32::from(c),
            text.escape_debug()
        );
    }
}

#[track_caller]
fn run(args: &[&std::ffi::OsStr]) -> Run {
    let mut command = kruispunt(args);
    command.stdin(Stdio::null());
    Run::of(&mut command)
}

fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create fixture dir");
        }
        std::fs::write(path, text).expect("write fixture file");
    }
}

/// A course whose version, ids, keys, tags and one file name carry terminal escapes
/// (written as JSON `\u` escapes).
fn hostile_course() -> tempfile::TempDir {
    let manifest = r#"{
  "format_version": 2,
  "id": "fixture",
  "version": "1\u001b]52;c;aGk=\u0007",
  "title": {"en": "Fixture course"},
  "description": {"en": "A small course for tests."},
  "default_locale": "en",
  "locales": ["en"],
  "competencies": [{"id": "tag\u001b[31m", "title": {"en": "Tag"}}],
  "modules": [
    {
      "id": "basics\r\u001b[2K",
      "title": {"en": "The basics"},
      "items": ["intro\u001b[2K", "talk"]
    }
  ]
}
"#;
    let lesson = r#"{
  "format_version": 2,
  "id": "intro\u001b[2K",
  "title": {"en": "Words that matter", "e\u001bn": "x"},
  "scenes": [
    {"id": "s\u202e", "text": {"paragraphs": [{"en": "Hi."}]}}
  ]
}
"#;
    let scenario = r#"{
  "format_version": 2,
  "id": "talk",
  "title": {"en": "A first talk"},
  "setting": {"en": "An office."},
  "goal": {"en": "Listen."},
  "characters": [
    {"id": "sam", "name": {"en": "Sam"}, "role": {"en": "Resident"}, "bio": {"en": "Fictional."}}
  ],
  "start": "open",
  "nodes": [
    {
      "id": "open",
      "lines": [{"speaker": "sam", "text": {"en": "Hello."}}],
      "choices": [
        {"id": "listen", "text": {"en": "Listen."}, "feedback": {"en": "Good."}, "quality": "best",
         "competencies": {"other\u001b[2J": "shown"}, "next": "end\u009b2K"}
      ]
    },
    {
      "id": "end",
      "ending": {"outcome": "good", "title": {"en": "Done"}, "debrief": {"en": "Well done."}}
    }
  ]
}
"#;
    let dir = tempfile::tempdir().expect("tempdir");
    write_files(
        dir.path(),
        &[
            ("course.json", manifest),
            ("lessons/in\u{1b}[2Ktro.json", lesson),
            ("scenarios/talk.json", scenario),
        ],
    );
    dir
}

#[test]
fn validate_escapes_and_rejects_control_characters_in_ids_keys_and_the_version() {
    let dir = hostile_course();
    let run = run(&["validate".as_ref(), dir.path().as_os_str()]).exits(1);
    assert_no_raw("stdout", &run.stdout);
    assert_no_raw("stderr", &run.stderr);
    // The file name is shown with its escape written out.
    assert!(
        run.stdout.contains("in\\u{1b}[2Ktro.json"),
        "{}",
        run.stdout
    );
    // Each field is named.
    for field in [
        "(at version)",
        "(at modules[0].id)",
        "(at modules[0].items[0])",
        "(at competencies[0].id)",
        "(at scenes[0].id)",
        "(at nodes[0].choices[0].next)",
    ] {
        let line = run
            .stdout
            .lines()
            .find(|l| l.contains("error[id-control-character]") && l.ends_with(field))
            .unwrap_or_else(|| panic!("no id-control-character at {field}:\n{}", run.stdout));
        assert!(line.contains("U+"), "{line}");
    }
    // The lesson's own id and a locale key are rejected too.
    let lesson_id = run
        .stdout
        .lines()
        .filter(|l| l.contains("in\\u{1b}[2Ktro.json") && l.contains("[id-control-character]"))
        .count();
    assert!(lesson_id >= 2, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("(at nodes[0].choices[0].competencies.other\\u{1b}[2J)"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_file_name_with_a_control_character_is_rejected() {
    // A valid course, but for the name of one lesson file.
    let dir = tempfile::tempdir().expect("temp dir");
    let lesson = r#"{"format_version": 2, "id": "intro", "title": {"en": "Intro"},
        "scenes": [{"id": "s", "text": {"paragraphs": [{"en": "Hi."}]}}]}"#;
    write_files(
        dir.path(),
        &[
            (
                "course.json",
                r#"{"format_version": 2, "id": "c", "version": "1", "title": {"en": "C"},
                "description": {"en": "D"}, "default_locale": "en", "locales": ["en"],
                "modules": [{"id": "m", "title": {"en": "M"}, "items": ["intro"]}]}"#,
            ),
            ("lessons/in\u{1b}[2Ktro.json", lesson),
        ],
    );
    let run = run(&["validate".as_ref(), dir.path().as_os_str()]).exits(1);
    assert_no_raw("stdout", &run.stdout);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("error[id-control-character]"));
    assert!(
        line.is_some_and(|l| l.contains("in\\u{1b}[2Ktro.json")),
        "the file name is refused:\n{}",
        run.stdout
    );
}

#[test]
fn validate_json_keeps_the_escape_in_json_form() {
    let dir = hostile_course();
    let run = run(&[
        "validate".as_ref(),
        dir.path().as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ])
    .exits(1);
    assert_no_raw("stdout", &run.stdout);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert!(
        document["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| d["problem"]["code"] == "id-control-character")
    );
}

#[test]
fn outline_of_a_hostile_course_prints_no_raw_escape() {
    let dir = hostile_course();
    let run = run(&[
        "outline".as_ref(),
        "--course".as_ref(),
        dir.path().as_os_str(),
    ])
    .exits(1);
    assert_no_raw("stdout", &run.stdout);
    assert_no_raw("stderr", &run.stderr);
    assert!(
        run.stderr.contains("[id-control-character]"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------- reports

fn report_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report")
}

/// The first fixture export with hostile strings: a profile name with an OSC 52 clipboard
/// write and a formula after `;`, a course version with a remote image, and unmatched ids
/// with a line break, a table break, HTML and an image.
fn hostile_export(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(report_fixtures().join("exports/anna.json"))
        .expect("the fixture export");
    let mut export: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    export["profile"] = "anna\u{1b}]52;c;aGk=\u{7}x;=1+1".into();
    export["course"]["version"] = "![v](http://tracker.example/v.png)".into();
    let items = export["items"].as_array_mut().expect("items");
    items.push(serde_json::json!({"id": "gone\n# Heading\n| a | b |", "status": "completed"}));
    items.push(serde_json::json!({"id": "x<script>alert(1)</script>", "status": "completed"}));
    items.push(
        serde_json::json!({"id": "![p](http://tracker.example/p.png)", "status": "completed"}),
    );
    items.push(serde_json::json!({"id": "esc\u{1b}[2Kid", "status": "completed"}));
    let path = dir.join("hostile.json");
    std::fs::write(&path, serde_json::to_string_pretty(&export).expect("JSON")).expect("write");
    path
}

fn report(files: &[&Path], format: &str) -> Run {
    let course = report_fixtures().join("course");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "report".as_ref(),
        "--course".as_ref(),
        course.as_os_str(),
        "--names".as_ref(),
        "--format".as_ref(),
        format.as_ref(),
    ];
    args.extend(files.iter().map(|f| f.as_os_str()));
    run(&args)
}

#[test]
fn markdown_report_cells_are_escaped_one_row_per_entry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let export = hostile_export(dir.path());
    let run = report(&[&export], "md").exits(0);
    let md = &run.stdout;
    assert_no_raw("the Markdown report", md);
    // Every `<` is escaped, so no tag (`<script>`) reaches a Markdown viewer; no image.
    assert!(!md.replace("\\<", "").contains('<'), "{md}");
    assert!(!md.contains("!["), "{md}");
    assert!(!md.lines().any(|l| l.starts_with("# Heading")), "{md}");
    // The unmatched table: after its header and separator, one row per entry, each with
    // exactly four cells.
    let lines: Vec<&str> = md.lines().collect();
    let header = lines
        .iter()
        .rposition(|l| l.starts_with("| --- | --- | --- | --- |"))
        .expect("the unmatched table");
    let rows: Vec<&str> = lines[header + 1..]
        .iter()
        .take_while(|l| l.starts_with('|'))
        .copied()
        .collect();
    assert_eq!(rows.len(), 4, "{md}");
    for row in &rows {
        let cells = row.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 5, "four cells in {row}");
    }
}

#[test]
fn html_report_has_no_raw_escape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let export = hostile_export(dir.path());
    let run = report(&[&export], "html").exits(0);
    assert_no_raw("the HTML report", &run.stdout);
    assert!(!run.stdout.contains("<script"), "{}", run.stdout);
}

#[test]
fn csv_report_quotes_the_delimiter_and_guards_formulas_after_separators() {
    let dir = tempfile::tempdir().expect("tempdir");
    let export = hostile_export(dir.path());
    let course = report_fixtures().join("course");
    // In English the delimiter is `,`; `--csv-delimiter ;` as in Belgian spreadsheets.
    let guarded = "anna\\u{1b}]52;c;aGk=\\u{7}x;'=1+1";
    for (delimiter, name) in [
        (None, format!(",{guarded},")),
        (Some(";"), format!(";\"{guarded}\";")),
    ] {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "report".as_ref(),
            "--course".as_ref(),
            course.as_os_str(),
            "--names".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
            export.as_os_str(),
        ];
        if let Some(delimiter) = delimiter {
            args.push("--csv-delimiter".as_ref());
            args.push(std::ffi::OsStr::new(delimiter));
        }
        let run = run(&args).exits(0);
        let csv = run.stdout.replace("\r\n", "\n");
        assert_no_raw("the CSV report", &csv);
        // A formula start after any separator is guarded, whatever the delimiter: a
        // spreadsheet that splits on the other one still shows it instead of running it.
        for separator in [',', ';'] {
            for start in ['=', '+', '@'] {
                let live = format!("{separator}{start}");
                assert!(!csv.contains(&live), "{live} in\n{csv}");
            }
        }
        // The name holds a `;`: quoted when `;` is the delimiter.
        assert!(csv.contains(&name), "{delimiter:?}: {csv}");
    }
}

#[test]
fn the_skip_message_for_a_bad_export_prints_no_raw_escape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = report_fixtures().join("exports/anna.json");
    let bad = dir.path().join("bad\u{1b}[2K.json");
    std::fs::write(
        &bad,
        r#"{"kind": "kruispunt-export", "export_version": 2, "course": {"id": "report-test", "version": "1"},
            "profile": "p", "exported_at": 0, "items": [{"id": "x", "status": "done\u001b]52;c;aGk=\u0007"}]}"#,
    )
    .expect("write");
    let run = report(&[&good, &bad], "md").exits(1);
    assert_no_raw("stderr", &run.stderr);
    assert_no_raw("stdout", &run.stdout);
    assert!(run.stderr.contains("bad\\u{1b}[2K.json"), "{}", run.stderr);
}

// ---------------------------------------------------------------- profiles and names

#[test]
fn the_profile_name_error_escapes_what_it_complains_about() {
    let data = tempfile::tempdir().expect("tempdir");
    let run = run(&[
        "--profile".as_ref(),
        "a\u{1b}[2Kb".as_ref(),
        "forget".as_ref(),
        "--yes".as_ref(),
        "--data-dir".as_ref(),
        data.path().as_os_str(),
    ])
    .exits(2);
    assert_no_raw("stderr", &run.stderr);
    assert!(run.stderr.contains("a\\u{1b}[2Kb"), "{}", run.stderr);
}

#[test]
fn profiles_escapes_what_a_damaged_progress_file_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("anna.json"),
        r#"{"schema_version": 1, "\u001b]52;c;aGk=\u0007": {"\u001b[2J": 1}}"#,
    )
    .expect("write");
    std::fs::write(
        dir.path().join("bram.json"),
        r#"{"schema_version": 2, "profile": "\u001b[2J", "items": {"x": {"status": "\u001b]0;t\u0007"}}}"#,
    )
    .expect("write");
    let run = run(&[
        "--data-dir".as_ref(),
        dir.path().as_os_str(),
        "profiles".as_ref(),
    ])
    .exits(0);
    assert_no_raw("stdout", &run.stdout);
    assert_no_raw("stderr", &run.stderr);
}

// ---------------------------------------------------------------- closed output

#[test]
fn help_to_a_full_disk_is_an_error() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // Not on this system.
    };
    let output = kruispunt(["--help"])
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary starts");
    assert_ne!(
        output.status.code(),
        Some(0),
        "--help to /dev/full exited 0"
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}
