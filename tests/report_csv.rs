//! `kruispunt report --format csv` through the real binary, read back as a spreadsheet or a
//! script would: with the `csv` crate and with Python's `csv` module (python3, installed by
//! `.ci/run` when missing). The delimiter follows the interface language (`;` in Dutch and
//! French, `,` in English) unless `--csv-delimiter` says otherwise, an unusable one is
//! refused in the interface language, `--layout wide` is the trainee × item sheet, and the
//! formula guard holds after the round trip.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;
mod report_support;

use binary_support::Run;
use report_support::{fixtures, good_exports};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `kruispunt report --course FIXTURE --lang LANG ARGS... FILES...`.
fn report(lang: &str, args: &[&str], files: &[PathBuf]) -> Run {
    report_support::report_in(lang, args, files)
}

/// The records of `text`, read with the `csv` crate with `delimiter`, after the byte order
/// mark (which every file must start with).
fn records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("no byte order mark: {text:?}"));
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|record| {
            record
                .expect("a CSV record")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// The records of `file`, read with Python's `csv` module as a spreadsheet script would
/// (`utf-8-sig` drops the byte order mark). Python is required: in CI it is installed.
fn python_records(file: &Path, delimiter: char) -> Vec<Vec<String>> {
    let script = "import csv, json, sys\n\
        with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n\
        \x20   json.dump(list(csv.reader(f, delimiter=sys.argv[2], strict=True)), sys.stdout)\n";
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .arg(delimiter.to_string())
        .output()
        .expect("python3 runs (.ci/run installs it)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("Python's records as JSON")
}

/// The long layout's columns.
const LONG_HEADER: [&str; 9] = [
    "section", "chart_id", "chart", "id", "label", "context", "count", "total", "percent",
];

#[test]
fn the_delimiter_follows_the_interface_language() {
    for (lang, delimiter) in [("nl", b';'), ("fr", b';'), ("en", b',')] {
        let run = report(lang, &["--format", "csv"], &good_exports());
        assert_eq!(run.code, Some(0), "{lang}: {}", run.stderr);
        let expected_start = format!("\u{feff}section{}chart_id", char::from(delimiter));
        assert!(
            run.stdout.starts_with(&expected_start),
            "{lang}: {}",
            run.stdout
        );
        let rows = records(&run.stdout, delimiter);
        assert_eq!(rows[0], LONG_HEADER, "{lang}");
        assert!(rows.len() > 20, "{lang}");
        for row in &rows {
            assert_eq!(row.len(), 9, "{lang}: {row:?}");
        }
        assert!(run.stdout.contains("\r\n"), "records end with CRLF");
    }
}

#[test]
fn the_flag_goes_before_the_interface_language() {
    for (lang, flag, delimiter) in [
        ("nl", ",", b','),
        ("en", ";", b';'),
        ("fr", "tab", b'\t'),
        ("en", "\\t", b'\t'),
        ("nl", "|", b'|'),
    ] {
        let run = report(
            lang,
            &["--format", "csv", "--csv-delimiter", flag],
            &good_exports(),
        );
        assert_eq!(run.code, Some(0), "{lang} {flag}: {}", run.stderr);
        let rows = records(&run.stdout, delimiter);
        assert_eq!(rows[0], LONG_HEADER, "{lang} {flag}");
        assert!(rows.iter().all(|row| row.len() == 9), "{lang} {flag}");
    }
}

#[test]
fn an_unusable_delimiter_is_refused_in_the_interface_language() {
    for (lang, given, says) in [
        (
            "en",
            ";;",
            "a CSV delimiter is one character (or tab), not “;;”",
        ),
        (
            "en",
            "",
            "a CSV delimiter is one character (or tab), not “”",
        ),
        ("en", "é", "a CSV delimiter is an ASCII character"),
        ("en", "\"", "“\"” cannot separate CSV fields"),
        ("nl", "x", "“x” kan geen CSV-velden scheiden"),
        (
            "nl",
            "semicolon",
            "een CSV-scheidingsteken is één teken (of tab)",
        ),
        (
            "fr",
            "7",
            "«\u{a0}7\u{a0}» ne peut pas séparer des champs CSV",
        ),
    ] {
        let run = report(
            lang,
            &["--format", "csv", "--csv-delimiter", given],
            &good_exports(),
        );
        assert_eq!(run.code, Some(2), "{lang} {given:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "no report is written");
        assert!(
            run.stderr.contains(says),
            "{lang} {given:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn csv_options_go_with_csv_only() {
    for (lang, format, option, value, says) in [
        (
            "en",
            "md",
            "--layout",
            "wide",
            "--layout only goes with --format csv",
        ),
        (
            "nl",
            "html",
            "--csv-delimiter",
            ";",
            "--csv-delimiter gaat alleen samen met --format csv",
        ),
        (
            "fr",
            "json",
            "--layout",
            "long",
            "--layout ne va qu’avec --format csv",
        ),
    ] {
        let run = report(lang, &["--format", format, option, value], &good_exports());
        assert_eq!(run.code, Some(2), "{format} {option}: {}", run.stderr);
        assert_eq!(run.stdout, "");
        assert!(run.stderr.contains(says), "{}", run.stderr);
    }
    // `--layout long` is the default layout, said out loud.
    let long = report(
        "en",
        &["--format", "csv", "--layout", "long"],
        &good_exports(),
    );
    let default = report("en", &["--format", "csv"], &good_exports());
    assert_eq!(long.code, Some(0), "{}", long.stderr);
    assert_eq!(long.stdout, default.stdout);
}

#[test]
fn the_wide_layout_has_a_row_per_trainee_and_a_column_per_quiz_and_ending() {
    let run = report(
        "nl",
        &["--format", "csv", "--layout", "wide"],
        &good_exports(),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // Anna answered q1 right and q2 wrong the first time, and ended once badly and once
    // well; Bram answered only q1 (wrong) and ended mixed; Chris's export is of course
    // version 1.0: two right answers, and one attempt that ended in an ending the course
    // no longer has (so 0 everywhere, not empty: he did finish the conversation). The
    // quiz and lesson that are gone get no column.
    assert_eq!(
        records(&run.stdout, b';'),
        [
            vec![
                "trainee",
                "quiz:woorden/q1",
                "quiz:woorden/q2",
                "ending:intake/einde-goed",
                "ending:intake/einde-gemengd",
                "ending:intake/einde-slecht",
            ],
            vec!["Deelnemer 1", "1", "0", "1", "0", "1"],
            vec!["Deelnemer 2", "0", "", "0", "1", "0"],
            vec!["Deelnemer 3", "1", "1", "0", "0", "0"],
        ]
    );
    // The ids stay the same in every language; only the trainees are in words.
    let english = report(
        "en",
        &["--format", "csv", "--layout", "wide", "--names"],
        &good_exports(),
    );
    let rows = records(&english.stdout, b',');
    assert_eq!(rows[0], records(&run.stdout, b';')[0]);
    let trainees: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(trainees, ["anna", "bram", "chris"]);
}

#[test]
fn python_reads_what_the_csv_crate_reads_with_either_delimiter() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (lang, delimiter) in [("en", ','), ("nl", ';')] {
        for layout in ["long", "wide"] {
            let file = dir.path().join(format!("{lang}-{layout}.csv"));
            let run = report(
                lang,
                &[
                    "--format",
                    "csv",
                    "--layout",
                    layout,
                    "-o",
                    file.to_str().expect("a UTF-8 temp path"),
                ],
                &good_exports(),
            );
            assert_eq!(run.code, Some(0), "{}", run.stderr);
            let text = std::fs::read_to_string(&file).expect("the report");
            let ours = records(&text, u8::try_from(delimiter).expect("ASCII"));
            assert_eq!(python_records(&file, delimiter), ours, "{lang} {layout}");
        }
    }
    // The quiz question with quotes, a comma and a bar comes back as it was written.
    let english = std::fs::read_to_string(dir.path().join("en-long.csv")).expect("read");
    let question = "What is \"A & B\", <bold> | or not?";
    assert!(
        records(&english, b',').iter().any(|row| row[4] == question),
        "{english}"
    );
}

/// A trainee name that tries formulas at the start and after each separator, with quotes
/// and a line break.
const HOSTILE_NAME: &str = "=cmd|' /C calc'!A0\n-2;@x \"q\",+1\t=3";

/// What a spreadsheet reads from it: a `'` before every formula start.
const GUARDED_NAME: &str = "'=cmd|' /C calc'!A0\n'-2;'@x \"q\",'+1\t'=3";

#[test]
fn the_formula_guard_survives_the_round_trip_with_any_delimiter() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // Anna's export, with the hostile text as the profile name (an export is not trusted).
    let anna = std::fs::read_to_string(fixtures().join("exports/anna.json")).expect("read");
    let mut export: serde_json::Value = serde_json::from_str(&anna).expect("JSON");
    export["profile"] = HOSTILE_NAME.into();
    let hostile = dir.path().join("hostile.json");
    std::fs::write(&hostile, export.to_string()).expect("write");
    for (delimiter, flag) in [(',', ","), (';', ";"), ('\t', "tab")] {
        for layout in ["long", "wide"] {
            let file = dir.path().join("out.csv");
            let run = report(
                "en",
                &[
                    "--format",
                    "csv",
                    "--names",
                    "--layout",
                    layout,
                    "--csv-delimiter",
                    flag,
                    "-o",
                    file.to_str().expect("a UTF-8 temp path"),
                ],
                std::slice::from_ref(&hostile),
            );
            assert_eq!(run.code, Some(0), "{}", run.stderr);
            let rows = python_records(&file, delimiter);
            assert!(
                rows.iter().flatten().any(|cell| cell == GUARDED_NAME),
                "{flag} {layout}: {rows:?}"
            );
            // No cell, and no piece of a cell after any separator a spreadsheet may split
            // on, starts a formula.
            for cell in rows.iter().flatten() {
                for piece in cell.split([',', ';', '"', '\n', '\t']) {
                    assert!(
                        !piece.starts_with(['=', '+', '-', '@']),
                        "{flag} {layout}: {cell:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_config_file_delimiter_goes_between_the_flag_and_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("kruispunt.toml");
    std::fs::write(&config, "csv_delimiter = \"|\"\n").unwrap();
    let with_config = |lang: &str, args: &[&str]| {
        let mut all: Vec<OsString> = vec!["--config".into(), config.clone().into()];
        all.extend(args.iter().map(Into::into));
        let files = good_exports();
        let mut command = vec!["report".into(), "--course".into()];
        command.push(fixtures().join("course").into_os_string());
        command.extend(["--lang".into(), lang.into()]);
        command.extend(all);
        command.extend(files.into_iter().map(PathBuf::into_os_string));
        Run::of(&mut binary_support::command(command))
    };
    // The file's delimiter beats the language's (`;` in Dutch, `,` in English).
    for lang in ["nl", "en"] {
        let run = with_config(lang, &["--format", "csv"]);
        assert_eq!(run.code, Some(0), "{lang}: {}", run.stderr);
        let rows = records(&run.stdout, b'|');
        assert_eq!(rows[0], LONG_HEADER, "{lang}");
    }
    // The flag beats the file.
    let run = with_config("nl", &["--format", "csv", "--csv-delimiter", ","]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(records(&run.stdout, b',')[0], LONG_HEADER);
    // The file takes what the flag takes, and refuses what it refuses.
    std::fs::write(&config, "csv_delimiter = \"'\"\n").unwrap();
    let run = with_config("en", &["--format", "csv"]);
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    assert!(run.stderr.contains("csv_delimiter"), "{}", run.stderr);
}
