//! `kruispunt report --format xlsx` through the real binary, the workbook read back with
//! Python's standard library (zipfile and its XML parser, as the Office Open XML format
//! lays it out): two sheets named in the interface language, the long table and the
//! trainee × item sheet, counts as numbers, text kept as it was (a text cell is never run
//! as a formula), and never written onto a terminal.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;
mod report_support;
mod tmux_support;

use binary_support::Run;
use report_support::{fixtures, good_exports};
use serde_json::{Value, json};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// `kruispunt report --course FIXTURE --lang LANG --format xlsx ARGS... FILES...`.
fn report(lang: &str, args: &[&OsString], files: &[PathBuf]) -> Run {
    let mut all: Vec<&OsStr> = vec!["--format".as_ref(), "xlsx".as_ref()];
    all.extend(args.iter().map(|arg| arg.as_os_str()));
    report_support::report_in(lang, &all, files)
}

/// Every sheet of the workbook `file`, by name: its rows, each a list of cells (a string, a
/// number, or null for an empty cell), read with Python's standard library.
fn sheets(file: &Path) -> Value {
    let script = r#"
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
z = zipfile.ZipFile(sys.argv[1])
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(M + 'si'):
        shared.append(''.join(t.text or '' for t in si.iter(M + 't')))
rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
out = {}
for s in ET.fromstring(z.read('xl/workbook.xml')).iter(M + 'sheet'):
    target = rels[s.get(R + 'id')]
    rows = []
    for row in ET.fromstring(z.read('xl/' + target)).iter(M + 'row'):
        cells = []
        for c in row.iter(M + 'c'):
            letters = re.match('[A-Z]+', c.get('r')).group(0)
            col = 0
            for ch in letters:
                col = col * 26 + ord(ch) - 64
            while len(cells) < col - 1:
                cells.append(None)
            v = c.find(M + 'v')
            if c.get('t') == 's':
                cells.append(shared[int(v.text)])
            elif c.get('t') == 'inlineStr':
                cells.append(''.join(t.text or '' for t in c.iter(M + 't')))
            else:
                cells.append(float(v.text))
        rows.append(cells)
    out[s.get('name')] = rows
json.dump(out, sys.stdout)
"#;
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("python3 runs (.ci/run installs it)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the sheets as JSON")
}

#[test]
fn the_workbook_has_the_report_and_the_trainee_item_sheet() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("report.xlsx");
    let run = report(
        "nl",
        &[&"-o".into(), &file.clone().into_os_string()],
        &good_exports(),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let book = sheets(&file);
    let names: Vec<&String> = book.as_object().expect("sheets").keys().collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // Anna, Bram and Chris, as in the CSV's wide layout; counts are numbers, an unanswered
    // quiz an empty cell.
    assert_eq!(
        book["Deelnemers × items"],
        json!([
            [
                "trainee",
                "quiz:woorden/q1",
                "quiz:woorden/q2",
                "ending:intake/einde-goed",
                "ending:intake/einde-gemengd",
                "ending:intake/einde-slecht"
            ],
            ["Deelnemer 1", 1.0, 0.0, 1.0, 0.0, 1.0],
            ["Deelnemer 2", 0.0, null, 0.0, 1.0, 0.0],
            ["Deelnemer 3", 1.0, 1.0, 0.0, 0.0, 0.0]
        ])
    );
    let long = book["Rapport"].as_array().expect("the report sheet");
    assert_eq!(
        long[0],
        json!([
            "section", "chart_id", "chart", "id", "label", "context", "count", "total", "percent"
        ])
    );
    // A quality starts with `+` and stays as it is: a text cell is never a formula.
    assert!(
        long.contains(&json!([
            "qualities",
            "qualities/intake/balie",
            "Een intake · keuzemoment 1",
            "best",
            "++ best",
            null,
            2.0,
            3.0,
            67.0
        ])),
        "{long:?}"
    );
}

/// `text` in single quotes for `sh`.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[test]
fn a_workbook_goes_to_a_pipe_but_never_onto_a_terminal() {
    // Piped, the standard output gets the workbook's bytes.
    let mut command = binary_support::command([
        OsString::from("report"),
        "--course".into(),
        fixtures().join("course").into(),
        "--format".into(),
        "xlsx".into(),
    ]);
    command.args(good_exports());
    let piped = command.output().expect("the program runs");
    assert!(
        piped.status.success(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
    assert!(piped.stdout.starts_with(b"PK\x03\x04"), "a zip file");

    // On a terminal (tmux), it is refused with a message and exit code 2.
    if !tmux_support::installed() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    // An empty line first: this tmux loses the first line a quick command prints.
    let mut line = format!(
        "echo; KRUISPUNT_LANG=en {} report --course {} --format xlsx",
        quoted(env!("CARGO_BIN_EXE_kruispunt")),
        quoted(&fixtures().join("course").display().to_string()),
    );
    for file in good_exports() {
        line.push(' ');
        line.push_str(&quoted(&file.display().to_string()));
    }
    line.push_str("; echo \"exit=$?\"");
    let tmux = tmux_support::Tmux::start(
        dir.path(),
        "xlsx",
        (100, 10),
        &line,
        Duration::from_secs(20),
    );
    let screen = tmux.wait_for("the exit code", |s| s.contains("exit="));
    assert!(screen.contains("exit=2"), "{screen}");
    assert!(screen.contains("a workbook is not text"), "{screen}");
    assert!(!screen.contains("PK"), "{screen}");

    // CSV's options are refused with it.
    let refused = report("fr", &[&"--layout".into(), &"wide".into()], &good_exports());
    assert_eq!(refused.code, Some(2));
    assert!(
        refused
            .stderr
            .contains("--layout ne va qu’avec --format csv"),
        "{}",
        refused.stderr
    );
}
