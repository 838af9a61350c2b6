//! The report fixtures (tests/fixtures/report): a course and three trainees' exports, and
//! `kruispunt report` run on them through the real binary. Shared by tests/report.rs,
//! tests/report_csv.rs and tests/report_xlsx.rs, which also declare `mod binary_support;`.

#![allow(dead_code)]

use super::binary_support::{Run, command};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// The folder of the report fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report")
}

/// The fixture course the exports were made in.
pub fn course_dir() -> PathBuf {
    fixtures().join("course")
}

/// The three fixed exports, in the order given to the report: two of course version 2.0,
/// one of version 1.0 with a lesson, a quiz, a choice, an ending and a competency that no
/// longer exist. Anna's is an export format version 2 (she took a weak and a harmful answer
/// in her first attempt, breaching two competencies, and the best answers in her second);
/// Bram's and Chris's are version 1 exports, written before breaches, qualities and
/// turning points were exported.
pub fn good_exports() -> Vec<PathBuf> {
    ["anna", "bram", "chris"]
        .iter()
        .map(|name| fixtures().join("exports").join(format!("{name}.json")))
        .collect()
}

/// `kruispunt report --course FIXTURE --lang LANG ARGS... FILES...`.
pub fn report_in(lang: &str, args: &[impl AsRef<OsStr>], files: &[PathBuf]) -> Run {
    let mut all: Vec<OsString> = vec![
        "report".into(),
        "--course".into(),
        course_dir().into(),
        "--lang".into(),
        lang.into(),
    ];
    all.extend(args.iter().map(|arg| arg.as_ref().to_owned()));
    all.extend(files.iter().map(|f| f.clone().into_os_string()));
    Run::of(&mut command(all))
}
