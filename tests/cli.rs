//! End-to-end tests of the `kruispunt` binary: arguments, output and exit codes.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod binary_support;

use binary_support::Run;

/// A `kruispunt` invocation under construction.
struct Kruispunt {
    command: Command,
}

/// Starts a `kruispunt` invocation with `args`, in English (`KRUISPUNT_LANG=en`) and with
/// no other locale or data directory settings.
fn kruispunt<I: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = I>) -> Kruispunt {
    Kruispunt {
        command: binary_support::command(args),
    }
}

impl Kruispunt {
    /// Sets an environment variable.
    fn env(mut self, name: &str, value: &str) -> Self {
        self.command.env(name, value);
        self
    }

    /// Removes an environment variable, e.g. the default `KRUISPUNT_LANG=en`.
    fn env_remove(mut self, name: &str) -> Self {
        self.command.env_remove(name);
        self
    }

    /// Adds one more argument (e.g. a path).
    fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.arg(arg);
        self
    }

    /// Runs to completion.
    #[track_caller]
    fn run(mut self) -> Run {
        let output = self.command.output().expect("the binary starts");
        Run::from(output)
    }
}

impl Run {
    /// The lines on stdout.
    fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

/// Writes `files` (relative path, contents) under `dir`.
fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create fixture dir");
        }
        std::fs::write(path, text).expect("write fixture file");
    }
}

/// A temporary course directory with `files`; the path is returned as a string since it
/// appears verbatim in diagnostics.
fn course_dir(files: &[(&str, &str)]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    write_files(dir.path(), files);
    let shown = dir.path().to_str().expect("UTF-8 temp path").to_owned();
    (dir, shown)
}

const MANIFEST: &str = r#"{
  "format_version": 2,
  "id": "fixture",
  "version": "1",
  "title": {"en": "Fixture course"},
  "description": {"en": "A small course for tests."},
  "default_locale": "en",
  "locales": ["en"],
  "modules": [
    {
      "id": "basics",
      "title": {"en": "The basics"},
      "items": ["intro", "talk"]
    }
  ]
}
"#;

const LESSON: &str = r#"{
  "format_version": 2,
  "id": "intro",
  "title": {"en": "Words that matter"},
  "estimated_minutes": 10,
  "scenes": [
    {
      "id": "q",
      "quiz": {
        "question": {"en": "Which?"},
        "options": [
          {"id": "a", "text": {"en": "A"}, "correct": true, "feedback": {"en": "Yes."}},
          {"id": "b", "text": {"en": "B"}, "correct": false, "feedback": {"en": "No."}}
        ],
        "explanation": {"en": "A it is."}
      }
    }
  ]
}
"#;

const SCENARIO: &str = r#"{
  "format_version": 2,
  "id": "talk",
  "title": {"en": "A first talk"},
  "setting": {"en": "An office."},
  "goal": {"en": "Listen."},
  "estimated_minutes": 15,
  "characters": [
    {"id": "sam", "name": {"en": "Sam"}, "role": {"en": "Resident"}, "bio": {"en": "Fictional."}}
  ],
  "start": "open",
  "nodes": [
    {
      "id": "open",
      "lines": [{"speaker": "sam", "text": {"en": "Hello."}}],
      "choices": [
        {"id": "listen", "text": {"en": "Listen."}, "feedback": {"en": "Good."}, "quality": "best", "next": "end"}
      ]
    },
    {
      "id": "end",
      "ending": {"outcome": "good", "title": {"en": "Done"}, "debrief": {"en": "Well done."}}
    }
  ]
}
"#;

/// A small course without problems.
fn valid_course() -> (tempfile::TempDir, String) {
    course_dir(&[
        ("course.json", MANIFEST),
        ("lessons/intro.json", LESSON),
        ("scenarios/talk.json", SCENARIO),
    ])
}

/// A course with five errors and one warning, each in a known place.
fn broken_course() -> (tempfile::TempDir, String) {
    // A module item no file defines.
    let manifest = MANIFEST.replace(r#"["intro", "talk"]"#, r#"["intro", "gone", "talk"]"#);
    // A quiz with no correct option.
    let lesson = LESSON.replace(r#""correct": true"#, r#""correct": false"#);
    // A second choice, leading to a node that does not exist.
    let scenario = SCENARIO.replace(
        r#""next": "end"}"#,
        r#""next": "end"},
        {"id": "leave", "text": {"en": "Leave."}, "feedback": {"en": "Hm."}, "quality": "weak", "next": "nowhere"}"#,
    );
    course_dir(&[
        ("course.json", &manifest),
        ("lessons/intro.json", &lesson),
        // A missing comma after the id.
        (
            "lessons/typo.json",
            "{\n  \"format_version\": 2,\n  \"id\": \"typo\"\n  \"title\": {\"en\": \"Typo\"}\n}\n",
        ),
        // A number written as a string.
        (
            "lessons/wrong.json",
            "{\n  \"format_version\": 2,\n  \"id\": \"wrong\",\n  \"title\": {\"en\": \"Wrong\"},\n  \"estimated_minutes\": \"ten\",\n  \"scenes\": []\n}\n",
        ),
        // Valid, but no module lists it: a warning.
        (
            "lessons/unused.json",
            "{\n  \"format_version\": 2,\n  \"id\": \"unused\",\n  \"title\": {\"en\": \"Unused\"},\n  \"scenes\": [\n    {\"id\": \"s\", \"text\": {\"paragraphs\": [{\"en\": \"Hi.\"}]}}\n  ]\n}\n",
        ),
        ("scenarios/talk.json", &scenario),
    ])
}

/// The `FILE:LINE:COL: severity[CODE]:` starts of the broken course's diagnostics, in order.
fn broken_course_expected(root: &str) -> Vec<String> {
    [
        // Positions are where the offending value starts; for a JSON syntax or type error,
        // where the parser noticed it.
        ("course.json", "13:26", "error", "missing-item"),
        ("lessons/intro.json", "11:20", "error", "no-correct-answer"),
        ("lessons/typo.json", "4:3", "error", "json-syntax"),
        ("lessons/unused.json", "3:9", "warning", "unused-item"),
        ("lessons/wrong.json", "5:24", "error", "json-type"),
        ("scenarios/talk.json", "18:105", "error", "missing-node"),
    ]
    .iter()
    .map(|(file, at, severity, code)| format!("{root}/{file}:{at}: {severity}[{code}]:"))
    .collect()
}

#[test]
fn validate_builtin_course_succeeds() {
    let run = kruispunt(["validate"]).run().exits(0);
    let last = run.lines().last().copied().unwrap_or_default().to_owned();
    assert!(last.starts_with("course: "), "summary line: {last}");
    assert!(
        !run.stdout.contains("error["),
        "errors in the built-in course:\n{}",
        run.stdout
    );
}

#[test]
fn validate_builtin_course_is_clean_even_strictly() {
    // Edition 2: no warnings either, the checks for content that cannot teach included.
    let run = kruispunt(["validate", "--strict"]).run().exits(0);
    let lines = run.lines();
    let problems: Vec<&&str> = lines.iter().filter(|l| l.contains("]: ")).collect();
    assert!(problems.is_empty(), "{}", run.stdout);
    assert!(lines.contains(&"Translation coverage:"), "{}", run.stdout);
    let summary = lines.last().expect("a summary");
    assert!(
        summary.starts_with("course: no problems"),
        "summary: {summary}"
    );
}

#[test]
fn validate_valid_fixture_counts_items_and_nodes() {
    let (_dir, root) = valid_course();
    let run = kruispunt(["validate"]).arg(&root).run().exits(0);
    let lines = run.lines();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert_eq!(lines[0], "Translation coverage:");
    // Every text of the fixture is in English, its only locale.
    let coverage = lines[1]
        .strip_prefix("  en (default): ")
        .and_then(|rest| rest.strip_suffix(" texts (100%)"))
        .expect("the coverage of en");
    let (present, total) = coverage.split_once('/').expect("present/total");
    assert_eq!(present, total);
    assert!(total.parse::<usize>().expect("a count") > 10, "{coverage}");
    assert_eq!(
        lines[2],
        format!("{root}: no problems (1 lesson, 1 scenario, 2 nodes)")
    );
}

#[test]
fn validate_broken_course_reports_every_problem_with_its_place() {
    let (_dir, root) = broken_course();
    let run = kruispunt(["validate"]).arg(&root).run().exits(1);
    let lines = run.lines();
    let expected = broken_course_expected(&root);
    assert_eq!(
        lines.len(),
        expected.len() + 1,
        "one line per problem and a summary:\n{}",
        run.stdout
    );
    for (line, start) in lines.iter().zip(&expected) {
        assert!(
            line.starts_with(start.as_str()),
            "expected {start}\n   got {line}"
        );
    }
    assert_eq!(
        lines[expected.len()],
        format!("{root}: 5 errors, 1 warning")
    );
}

#[test]
fn strict_turns_warnings_into_errors() {
    let (_dir, root) = broken_course();
    let run = kruispunt(["validate", "--strict"])
        .arg(&root)
        .run()
        .exits(1);
    assert!(run.stdout.contains("error[unused-item]"), "{}", run.stdout);
    assert!(!run.stdout.contains("warning["), "{}", run.stdout);
    assert_eq!(
        run.lines().last().copied(),
        Some(format!("{root}: 6 errors").as_str())
    );
}

#[test]
fn validate_json_has_the_same_problems_as_text() {
    let (_dir, root) = broken_course();
    let text = kruispunt(["validate"]).arg(&root).run().exits(1);
    let json = kruispunt(["validate", "--format", "json"])
        .arg(&root)
        .run()
        .exits(1);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("one JSON document");
    assert_eq!(doc["course"], root.as_str());
    assert_eq!(doc["errors"], 5);
    assert_eq!(doc["warnings"], 1);
    let diagnostics = doc["diagnostics"].as_array().expect("diagnostics array");
    let text_problems = text.lines().len() - 1;
    assert_eq!(diagnostics.len(), text_problems);
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["problem"]["code"].as_str().expect("a code"))
        .collect();
    assert_eq!(
        codes,
        [
            "missing-item",
            "no-correct-answer",
            "json-syntax",
            "unused-item",
            "json-type",
            "missing-node"
        ]
    );
}

#[test]
fn validate_json_on_builtin_course_reports_zero_errors() {
    let run = kruispunt(["validate", "--format", "json"]).run().exits(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["errors"], 0);
}

#[test]
fn course_option_and_positional_dir_are_the_same() {
    let (_dir, root) = broken_course();
    let positional = kruispunt(["validate"]).arg(&root).run().exits(1);
    let option = kruispunt(["validate", "--course"])
        .arg(&root)
        .run()
        .exits(1);
    let before = kruispunt(["--course"])
        .arg(&root)
        .arg("validate")
        .run()
        .exits(1);
    assert_eq!(positional.stdout, option.stdout);
    assert_eq!(positional.stdout, before.stdout);
}

#[test]
fn two_different_course_dirs_exit_2() {
    let (_dir, root) = valid_course();
    let run = kruispunt(["validate", "--course"])
        .arg(&root)
        .arg(std::env::temp_dir())
        .run()
        .exits(2);
    assert!(
        run.stderr.starts_with("kruispunt: error: "),
        "{}",
        run.stderr
    );
}

#[test]
fn nonexistent_dir_exits_2_with_the_cause() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing: PathBuf = dir.path().join("no-such-course");
    let run = kruispunt(["validate"]).arg(&missing).run().exits(2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .starts_with("kruispunt: error: cannot read the course in "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("no-such-course"), "{}", run.stderr);
    // The default command reads the course the same way.
    kruispunt(["--course"]).arg(&missing).run().exits(2);
}

#[test]
fn unknown_flag_and_bad_values_exit_2() {
    let run = kruispunt(["validate", "--no-such-flag"]).run().exits(2);
    assert!(run.stderr.contains("--no-such-flag"), "{}", run.stderr);
    kruispunt(["--no-such-flag"]).run().exits(2);
    kruispunt(["validate", "--format", "yaml"]).run().exits(2);
    kruispunt(["schema", "module"]).run().exits(2);
    kruispunt(["schema"]).run().exits(2);
    kruispunt(["no-such-command"]).run().exits(2);
}

#[test]
fn help_and_version_exit_0() {
    let help = kruispunt(["--help"]).run().exits(0);
    assert!(help.stdout.contains("validate"), "{}", help.stdout);
    kruispunt(["validate", "--help"]).run().exits(0);
    let version = kruispunt(["--version"]).run().exits(0);
    assert!(
        version.stdout.contains(env!("CARGO_PKG_VERSION")),
        "{}",
        version.stdout
    );
}

#[test]
fn outline_of_another_course() {
    let (_dir, root) = valid_course();
    let run = kruispunt(["outline", "--course"]).arg(&root).run().exits(0);
    let lines = run.lines();
    assert_eq!(lines.first().copied(), Some("Fixture course"));
    assert!(run.stdout.contains("A small course for tests."));
    assert!(run.stdout.contains("Module 1: The basics"));
    let lesson = lines
        .iter()
        .position(|l| l.contains("lesson") && l.contains("Words that matter (10 minutes)"))
        .expect("the lesson line");
    let scenario = lines
        .iter()
        .position(|l| l.contains("scenario") && l.contains("A first talk (15 minutes)"))
        .expect("the scenario line");
    assert!(lesson < scenario, "course order:\n{}", run.stdout);
    assert!(
        run.stdout.contains("about 25 minutes"),
        "total:\n{}",
        run.stdout
    );
    // The closing sentence, wrapped over the last lines.
    let words = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.ends_with("Start the interactive course with `kruispunt` in a terminal."),
        "{}",
        run.stdout
    );
}

#[test]
fn outline_of_the_builtin_course() {
    let run = kruispunt(["outline"]).run().exits(0);
    assert!(run.stdout.contains("Module 1: "), "{}", run.stdout);
    // Only the content warnings the second edition is to fix (see tests/course_quality.rs).
    for line in run.stderr.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            line.contains("warning[") || line.starts_with("course: "),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn outline_of_a_broken_course_prints_problems_and_exits_1() {
    let (_dir, root) = broken_course();
    let run = kruispunt(["outline", "--course"]).arg(&root).run().exits(1);
    assert!(run.stdout.is_empty(), "no outline:\n{}", run.stdout);
    let validate = kruispunt(["validate"]).arg(&root).run();
    assert_eq!(run.stderr, validate.stdout);
}

#[test]
fn schema_prints_json_schemas() {
    for file in ["course", "lesson", "scenario"] {
        let run = kruispunt(["schema", file]).run().exits(0);
        let schema: serde_json::Value = serde_json::from_str(&run.stdout).expect("schema is JSON");
        assert!(schema.get("$schema").is_some(), "{file}: {}", run.stdout);
        assert_eq!(schema["type"], "object", "{file}");
    }
    let course = kruispunt(["schema", "course"]).run();
    let schema: serde_json::Value = serde_json::from_str(&course.stdout).expect("JSON");
    assert!(schema["properties"].get("modules").is_some());
}

/// `text` (a course file) with `"$schema": "REFERENCE"` as its first field.
fn with_schema_reference(text: &str, reference: &str) -> String {
    text.replacen("{\n", &format!("{{\n  \"$schema\": \"{reference}\",\n"), 1)
}

#[test]
fn a_schema_reference_at_the_top_of_a_course_file_is_accepted() {
    // Editors find the schema of a file in its `$schema`; Kruispunt ignores it.
    let (_dir, root) = course_dir(&[
        (
            "course.json",
            &with_schema_reference(MANIFEST, "../schemas/course.schema.json"),
        ),
        (
            "lessons/intro.json",
            &with_schema_reference(LESSON, "../../schemas/lesson.schema.json"),
        ),
        (
            "scenarios/talk.json",
            &with_schema_reference(SCENARIO, "https://example.org/scenario.schema.json"),
        ),
    ]);
    let run = kruispunt(["validate"]).arg(&root).run().exits(0);
    assert!(run.stdout.contains("no problems"), "{}", run.stdout);
    // Only a string: a typo in its value is still a type error, not silently ignored.
    let (_dir, root) = course_dir(&[
        (
            "course.json",
            &MANIFEST.replacen("{\n", "{\n  \"$schema\": 7,\n", 1),
        ),
        ("lessons/intro.json", LESSON),
        ("scenarios/talk.json", SCENARIO),
    ]);
    let run = kruispunt(["validate"]).arg(&root).run().exits(1);
    assert!(run.stdout.contains("course.json:2:"), "{}", run.stdout);
}

/// Reads one line of stdout, closes the pipe, and waits.
#[track_caller]
fn read_one_line_then_close(mut command: Command) -> Run {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("read the first line");
    // Dropping the reader above closed our end of the pipe; further writes get EPIPE.
    assert!(!first.is_empty(), "the command printed something");
    let run = Run::from(child.wait_with_output().expect("wait"));
    assert!(run.code.is_some(), "killed by a signal instead of exiting");
    run
}

/// `kruispunt schema course | head -1`. The schema may fit in the pipe buffer, so this can
/// finish before the close; the long report below is the case that must hit the closed pipe.
#[test]
fn closed_stdout_on_schema_is_not_a_panic() {
    let run = read_one_line_then_close(kruispunt(["schema", "course"]).command);
    let run = run.exits(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn closed_stdout_during_a_long_report_is_not_a_panic() {
    // Far more output than a pipe buffers, so the writes after the close must fail.
    let dir = tempfile::tempdir().expect("tempdir");
    for n in 0..2000 {
        write_files(dir.path(), &[(&format!("lessons/l{n:04}.json"), "{,}")]);
    }
    let run = read_one_line_then_close(kruispunt(["validate"]).arg(dir.path()).command);
    let run = run.exits(1);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

// --- The interface language ---------------------------------------------------------------

/// The summary line and the `missing-item` diagnostic of the broken course, per language.
fn broken_course_in(root: &str, lang: &str) -> (String, String) {
    match lang {
        "nl" => (
            format!("{root}: 5 fouten, 1 waarschuwing"),
            format!(
                "{root}/course.json:13:26: fout[missing-item]: geen enkele les of scenario heeft de id `gone`"
            ),
        ),
        "fr" => (
            format!("{root}\u{a0}: 5 erreurs, 1 avertissement"),
            format!(
                "{root}/course.json:13:26: erreur[missing-item]: aucune leçon ni aucun scénario n’a l’identifiant `gone`"
            ),
        ),
        _ => (
            format!("{root}: 5 errors, 1 warning"),
            format!(
                "{root}/course.json:13:26: error[missing-item]: no lesson or scenario has the id `gone`"
            ),
        ),
    }
}

#[track_caller]
fn assert_broken_course_report(run: &Run, root: &str, lang: &str) {
    let (summary, diagnostic) = broken_course_in(root, lang);
    let lines = run.lines();
    assert_eq!(lines.last().copied(), Some(summary.as_str()), "{lang}");
    assert!(
        lines.iter().any(|l| l.starts_with(diagnostic.as_str())),
        "{lang}: expected {diagnostic}\n{}",
        run.stdout
    );
    assert!(run.stderr.is_empty(), "{lang}: {}", run.stderr);
}

#[test]
fn validate_speaks_the_language_of_lang() {
    let (_dir, root) = broken_course();
    for lang in ["nl", "en", "fr"] {
        let run = kruispunt(["validate", "--lang", lang])
            .arg(&root)
            // The option wins over the environment.
            .env("KRUISPUNT_LANG", if lang == "nl" { "fr" } else { "nl" })
            .run()
            .exits(1);
        assert_broken_course_report(&run, &root, lang);
    }
}

#[test]
fn validate_speaks_the_language_of_kruispunt_lang() {
    let (_dir, root) = broken_course();
    for lang in ["nl", "en", "fr"] {
        let run = kruispunt(["validate"])
            .arg(&root)
            .env("KRUISPUNT_LANG", lang)
            // KRUISPUNT_LANG wins over the system locale.
            .env("LANG", "de_DE.UTF-8")
            .run()
            .exits(1);
        assert_broken_course_report(&run, &root, lang);
    }
}

#[test]
fn the_system_locale_picks_dutch() {
    let (_dir, root) = broken_course();
    // The fixture's default locale is en; the system locale comes first.
    let run = kruispunt(["validate"])
        .arg(&root)
        .env_remove("KRUISPUNT_LANG")
        .env("LANG", "nl_BE.UTF-8")
        .run()
        .exits(1);
    assert_broken_course_report(&run, &root, "nl");
}

#[test]
fn without_any_setting_the_course_default_decides() {
    let (_dir, root) = broken_course();
    let run = kruispunt(["validate"])
        .arg(&root)
        .env_remove("KRUISPUNT_LANG")
        .env("LANG", "C.UTF-8")
        .run()
        .exits(1);
    assert_broken_course_report(&run, &root, "en");
    // The built-in course's default is Dutch.
    let builtin = kruispunt(["outline"])
        .env_remove("KRUISPUNT_LANG")
        .run()
        .exits(0);
    assert!(builtin.stdout.contains("\nVersie "), "{}", builtin.stdout);
}

#[test]
fn an_unknown_language_gives_a_notice_and_falls_back() {
    let (_dir, root) = broken_course();
    let run = kruispunt(["validate", "--lang", "de"])
        .arg(&root)
        .run()
        .exits(1);
    assert_eq!(
        run.stderr,
        "Unknown language “de” (from --lang); using English. Available: nl, en, fr.\n"
    );
    // English from the fixture's default locale (KRUISPUNT_LANG=en comes after the option
    // but still before the course default).
    assert_eq!(
        run.lines().last().copied(),
        Some(format!("{root}: 5 errors, 1 warning").as_str())
    );

    // Nothing else set: the built-in course's default, Dutch, with a Dutch notice.
    let outline = kruispunt(["outline", "--lang", "de"])
        .env_remove("KRUISPUNT_LANG")
        .run()
        .exits(0);
    // The notice comes first, once; any warnings about the course follow it.
    assert_eq!(
        outline.stderr.lines().next(),
        Some(
            "Onbekende taal “de” (via --lang); de interface is in het Nederlands. Beschikbaar: nl, en, fr."
        )
    );
    assert_eq!(outline.stderr.matches("Onbekende taal").count(), 1);
    assert!(outline.stdout.contains("Module 1: "), "{}", outline.stdout);
    assert!(outline.stdout.contains("Versie "), "{}", outline.stdout);

    // An unknown value in the environment is a notice too, never an error.
    let env = kruispunt(["schema", "lesson"])
        .env("KRUISPUNT_LANG", "xx-YY")
        .run()
        .exits(0);
    assert_eq!(env.stderr.lines().count(), 1, "{}", env.stderr);
    assert!(env.stderr.contains("KRUISPUNT_LANG"), "{}", env.stderr);
}

#[test]
fn errors_of_the_command_line_are_localized() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-course");
    let run = kruispunt(["--lang", "fr", "validate"])
        .arg(&missing)
        .run()
        .exits(2);
    assert!(
        run.stderr
            .starts_with("kruispunt\u{a0}: erreur\u{a0}: impossible de lire le cours dans "),
        "{}",
        run.stderr
    );
    // What clap found wrong is said in the same language, with the help of the command.
    let bad = kruispunt(["--lang", "nl", "validate", "--no-such-flag"])
        .run()
        .exits(2);
    assert_eq!(
        bad.stderr.lines().collect::<Vec<_>>(),
        [
            "kruispunt: fout: onverwacht argument “--no-such-flag”",
            "  om “--no-such-flag” als waarde door te geven, schrijf je “-- --no-such-flag”",
            "Gebruik: kruispunt validate [OPTIONS] [DIR]",
            "Typ “kruispunt validate --help” voor meer uitleg.",
        ]
    );
}

#[test]
fn the_outline_shows_course_texts_in_the_chosen_locale() {
    // The built-in course is complete in nl, en and fr (edition 2): nothing falls back, so
    // no line carries a marker. Fallback markers: the_outline_follows_the_course_s_own_
    // fallback_order.
    let french = kruispunt(["outline", "--lang", "fr"]).run().exits(0);
    let first = french
        .lines()
        .first()
        .copied()
        .unwrap_or_default()
        .to_owned();
    assert!(first.starts_with("Kruispunt\u{a0}: accompagner"), "{first}");
    assert!(!french.stdout.contains("[nl]") && !french.stdout.contains("[en]"));
    assert!(french.stdout.contains("leçon"), "{}", french.stdout);
    assert!(
        french.stdout.contains("Module 1\u{a0}: "),
        "{}",
        french.stdout
    );

    let english = kruispunt(["outline", "--lang", "en"]).run().exits(0);
    assert!(!english.stdout.contains("[nl]"), "{}", english.stdout);
    let dutch = kruispunt(["outline", "--lang", "nl"]).run().exits(0);
    assert!(!dutch.stdout.contains("[en]"), "{}", dutch.stdout);
    assert_ne!(english.lines().first(), dutch.lines().first());
    assert!(dutch.stdout.contains(" minuten)"), "{}", dutch.stdout);
}

/// Issue 14, item 12: a course can order the languages a missing text falls back to.
#[test]
fn the_outline_follows_the_course_s_own_fallback_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    binary_support::copy_dir(&fixture, dir.path());
    let manifest_path = dir.path().join("course.json");
    let mut manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest_path).unwrap()).unwrap();
    manifest["fallback"] = serde_json::json!({"fr": ["nl", "en"]});
    std::fs::write(&manifest_path, manifest.to_string()).unwrap();

    let french = kruispunt(["outline", "--lang", "fr", "--course"])
        .arg(dir.path())
        .run()
        .exits(0);
    let first = french
        .lines()
        .first()
        .copied()
        .unwrap_or_default()
        .to_owned();
    assert!(first.ends_with(" [nl]"), "{first}");
    // English still reads its own texts, whatever French falls back to.
    let english = kruispunt(["outline", "--lang", "en", "--course"])
        .arg(dir.path())
        .run()
        .exits(0);
    assert!(!english.stdout.contains("[nl]"), "{}", english.stdout);
}

#[test]
fn validate_reports_coverage_per_declared_locale() {
    // French is declared, but only the course title has it.
    let manifest = MANIFEST
        .replace(r#""locales": ["en"]"#, r#""locales": ["en", "fr"]"#)
        .replace(
            r#""title": {"en": "Fixture course"}"#,
            r#""title": {"en": "Fixture course", "fr": "Cours de test"}"#,
        );
    let (_dir, root) = course_dir(&[
        ("course.json", &manifest),
        ("lessons/intro.json", LESSON),
        ("scenarios/talk.json", SCENARIO),
    ]);
    let run = kruispunt(["validate"]).arg(&root).run().exits(0);
    assert!(
        run.stdout.contains("warning[missing-locale]"),
        "{}",
        run.stdout
    );
    let lines = run.lines();
    let heading = lines
        .iter()
        .position(|l| *l == "Translation coverage:")
        .expect("the coverage heading");
    assert!(
        lines[..heading].iter().all(|l| l.contains("warning[")),
        "diagnostics first:\n{}",
        run.stdout
    );
    let en = lines[heading + 1];
    let fr = lines[heading + 2];
    assert!(
        en.starts_with("  en (default): ") && en.ends_with("(100%)"),
        "{en}"
    );
    assert!(fr.starts_with("  fr: 1/"), "{fr}");
    assert!(lines[heading + 3].starts_with(&format!("{root}: ")));

    let json = kruispunt(["validate", "--format", "json", "--lang", "fr"])
        .arg(&root)
        .run()
        .exits(0);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let coverage = doc["coverage"].as_array().expect("a coverage array");
    assert_eq!(coverage.len(), 2);
    assert_eq!(coverage[0]["locale"], "en");
    assert_eq!(coverage[0]["default"], true);
    assert_eq!(coverage[0]["percent"], 100);
    assert_eq!(coverage[1]["locale"], "fr");
    assert_eq!(coverage[1]["present"], 1);
    assert_eq!(coverage[0]["total"], coverage[1]["total"]);
}

#[test]
fn json_keeps_stable_codes_with_messages_in_the_chosen_language() {
    let (_dir, root) = broken_course();
    let run = kruispunt(["validate", "--format", "json", "--lang", "nl"])
        .arg(&root)
        .run()
        .exits(1);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["language"], "nl");
    assert!(
        doc["coverage"].is_null(),
        "no coverage for a course with errors"
    );
    let first = &doc["diagnostics"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], format!("{root}/course.json"));
    assert_eq!(first["position"]["line"], 13);
    assert_eq!(first["path"], "modules[0].items[1]");
    assert_eq!(first["problem"]["code"], "missing-item");
    assert_eq!(
        first["problem"]["message"],
        "geen enkele les of scenario heeft de id `gone`"
    );
}

/// Copies the format 1 fixture course (tests/fixtures/tui-course) into a temporary folder.
fn version_1_course() -> tempfile::TempDir {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["", "lessons", "scenarios"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        for entry in std::fs::read_dir(from.join(sub)).expect("list") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                std::fs::copy(&path, dir.path().join(sub).join(path.file_name().unwrap()))
                    .expect("copy");
            }
        }
    }
    dir
}

fn snapshot_of(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for sub in ["", "lessons", "scenarios"] {
        for entry in std::fs::read_dir(dir.join(sub)).expect("list") {
            let path = entry.expect("entry").path();
            if path.is_file() {
                files.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).expect("read"),
                ));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn migrate_lists_with_dry_run_then_rewrites_a_version_1_course_once() {
    let dir = version_1_course();
    let before = snapshot_of(dir.path());
    let validate = kruispunt(["validate"]).arg(dir.path()).run().exits(0);
    assert!(
        validate.stdout.contains("warning[old-format-version]"),
        "{}",
        validate.stdout
    );

    // A dry run lists the guesses and writes nothing.
    let dry = kruispunt(["migrate", "--dry-run"])
        .arg(dir.path())
        .run()
        .exits(0);
    assert!(dry.stdout.contains("(inferred)"), "{}", dry.stdout);
    assert!(dry.stdout.contains("(the last speaker)"), "{}", dry.stdout);
    assert!(dry.stdout.contains("nothing was written"), "{}", dry.stdout);
    assert_eq!(snapshot_of(dir.path()), before, "a dry run changes nothing");

    // The real run rewrites the files to format 2; the course then loads without guesses
    // and no temporary file is left.
    let run = kruispunt(["migrate"]).arg(dir.path()).run().exits(0);
    assert!(
        run.stdout.contains("Review every inferred quality"),
        "{}",
        run.stdout
    );
    let after = snapshot_of(dir.path());
    assert_eq!(after.len(), before.len(), "{after:?}");
    assert!(
        after
            .iter()
            .all(|(_, text)| text.contains("\"format_version\": 2"))
    );
    let validate = kruispunt(["validate"]).arg(dir.path()).run().exits(0);
    assert!(
        !validate.stdout.contains("old-format-version"),
        "{}",
        validate.stdout
    );

    // A second run finds nothing to do.
    let again = kruispunt(["migrate"]).arg(dir.path()).run().exits(0);
    assert!(
        again.stdout.contains("Nothing to migrate"),
        "{}",
        again.stdout
    );
    assert_eq!(snapshot_of(dir.path()), after);
}
