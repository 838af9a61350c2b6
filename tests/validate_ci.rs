//! `validate --format github|sarif` on the real binary: workflow annotations escaped as the
//! runner reads them, and SARIF that the published SARIF 2.1.0 schema accepts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;

use binary_support::{Run, command, copy_dir};
use kruispunt::course::{PROBLEM_CODES, Severity};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A copy of the built-in course with an error (a `start` that names no node) and a
/// warning in a file whose name holds `,` and `:` (a JSON file outside lessons/ and
/// scenarios/).
fn broken_course(tmp: &Path) -> PathBuf {
    let dir = tmp.join("course");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("course"), &dir);
    let scenario = dir.join("scenarios/buddy-intake.json");
    let text = std::fs::read_to_string(&scenario).unwrap();
    let broken = text.replacen("\"start\": \"", "\"start\": \"nowhere-", 1);
    assert_ne!(text, broken, "the scenario has a start");
    std::fs::write(&scenario, broken).unwrap();
    std::fs::write(dir.join("notes,v2:draft.json"), "{}").unwrap();
    dir
}

/// `validate` run in `cwd` on the relative directory `course`.
fn validate(cwd: &Path, format: &str) -> Run {
    Run::of(
        command(["validate", "course", "--format", format])
            .current_dir(cwd)
            .env("KRUISPUNT_LANG", "en"),
    )
}

/// The diagnostics of the JSON report, for comparison.
fn json_diagnostics(cwd: &Path) -> Vec<Value> {
    let run = validate(cwd, "json").exits(1);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    report["diagnostics"].as_array().unwrap().clone()
}

#[test]
fn github_annotations_carry_file_line_column_and_escape_what_the_runner_would_split() {
    let tmp = tempfile::tempdir().unwrap();
    broken_course(tmp.path());
    let run = validate(tmp.path(), "github").exits(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let error = lines
        .iter()
        .find(|l| l.starts_with("::error "))
        .expect("an error annotation");
    let start = json_diagnostics(tmp.path())
        .into_iter()
        .find(|d| d["problem"]["code"] == "missing-node")
        .unwrap();
    let expected = format!(
        "::error file=course/scenarios/buddy-intake.json,line={},col={},title=error[missing-node]::",
        start["position"]["line"], start["position"]["column"]
    );
    assert!(error.starts_with(&expected), "{error}\nexpected {expected}");
    assert!(error.contains("`nowhere-"), "{error}");
    assert!(error.ends_with("(at start)"), "{error}");
    let warning = lines
        .iter()
        .find(|l| l.starts_with("::warning "))
        .expect("a warning annotation");
    assert!(
        warning.starts_with(
            "::warning file=course/notes%2Cv2%3Adraft.json,line=1,col=1,title=warning[unknown-file]::"
        ),
        "{warning}"
    );
    // Every diagnostic is one annotation, and the summary ends the log.
    let annotations = lines.iter().filter(|l| l.starts_with("::")).count();
    assert_eq!(annotations, json_diagnostics(tmp.path()).len());
    assert_eq!(lines.last(), Some(&"course: 1 error, 1 warning"));
}

#[test]
fn strict_github_annotations_turn_warnings_into_errors() {
    let tmp = tempfile::tempdir().unwrap();
    broken_course(tmp.path());
    let run = Run::of(
        command(["validate", "course", "--strict", "--format", "github"]).current_dir(tmp.path()),
    )
    .exits(1);
    assert!(!run.stdout.contains("::warning"), "{}", run.stdout);
    assert!(
        run.stdout.contains("title=error[unknown-file]"),
        "{}",
        run.stdout
    );
}

/// The published SARIF 2.1.0 schema (see tests/fixtures/sarif/SOURCE.md).
fn sarif_validator() -> jsonschema::Validator {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sarif/sarif-2.1.0-rtm.5.json");
    let text = std::fs::read_to_string(path).unwrap();
    // rtm.5's pattern for `run.language` has a stray `]`, which jsonschema rightly refuses as
    // a regex; it is read with the pattern it was meant to be (two letters, optionally a
    // hyphen and two more), as later revisions of the schema write it.
    let broken = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(
        text.contains(broken),
        "the schema file changed: review this fix"
    );
    let text = text.replace(broken, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("the SARIF schema compiles")
}

/// Asserts that `log` is valid SARIF 2.1.0, listing every violation otherwise.
fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let problems: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(
        problems.is_empty(),
        "invalid SARIF:\n{}",
        problems.join("\n")
    );
}

#[test]
fn sarif_follows_the_published_schema_with_a_rule_per_code_and_located_results() {
    let tmp = tempfile::tempdir().unwrap();
    broken_course(tmp.path());
    let run = validate(tmp.path(), "sarif").exits(1);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_valid_sarif(&log);
    assert_eq!(log["version"], "2.1.0");
    let run0 = &log["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let rule_ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let codes: Vec<&str> = PROBLEM_CODES.iter().map(|(code, _)| *code).collect();
    assert_eq!(rule_ids, codes);
    let results = run0["results"].as_array().unwrap();
    let diagnostics = json_diagnostics(tmp.path());
    assert_eq!(results.len(), diagnostics.len());
    for (result, diagnostic) in results.iter().zip(&diagnostics) {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert_eq!(result["ruleId"], diagnostic["problem"]["code"]);
        assert_eq!(result["level"], diagnostic["severity"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("course/"), "{uri}");
        if let Some(position) = diagnostic["position"].as_object() {
            assert_eq!(location["region"]["startLine"], position["line"]);
            assert_eq!(location["region"]["startColumn"], position["column"]);
        }
    }
    let odd = results
        .iter()
        .find(|r| r["ruleId"] == "unknown-file")
        .unwrap();
    assert_eq!(
        odd["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "course/notes%2Cv2%3Adraft.json"
    );
}

#[test]
fn sarif_of_a_course_without_problems_has_no_results_and_is_valid() {
    let run = Run::of(&mut command(["validate", "--format", "sarif"])).exits(0);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
}

#[test]
fn a_sarif_log_the_schema_rejects_is_caught() {
    // The check can fail: a result without its message is not SARIF.
    let tmp = tempfile::tempdir().unwrap();
    broken_course(tmp.path());
    let run = validate(tmp.path(), "sarif");
    let mut log: Value = serde_json::from_str(&run.stdout).unwrap();
    log["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!sarif_validator().is_valid(&log));
}

#[test]
fn every_problem_code_is_listed_with_its_documented_severity() {
    let docs = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/course-format.md"),
    )
    .unwrap();
    let section = docs
        .split("## 14. Problem codes")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let documented: Vec<(String, String)> = section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let code = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let severity = *cells.get(2)?;
            matches!(severity, "error" | "warning").then(|| (code.to_owned(), severity.to_owned()))
        })
        .collect();
    let listed: Vec<(String, String)> = PROBLEM_CODES
        .iter()
        .map(|(code, severity)| {
            let severity = match severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            ((*code).to_owned(), severity.to_owned())
        })
        .collect();
    assert_eq!(listed, documented);
}
