//! `validate --format github|sarif`: the course's problems for CI, as GitHub Actions
//! workflow annotations or as a SARIF 2.1.0 log for code-scanning views.

use super::validate::count;
use super::*;
use crate::course::PROBLEM_CODES;
use i18n::display::escape;
use serde_json::{Value, json};

/// The SARIF version written and the schema it follows.
const SARIF_VERSION: &str = "2.1.0";
const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The base every result's relative URI is resolved against: the directory `validate` ran
/// in, the checkout's root in CI.
const SOURCE_ROOT: &str = "%SRCROOT%";

/// One `::error file=…,line=…,col=…,title=…::message` line per diagnostic, then the summary
/// as a plain log line.
pub(super) fn write_github(
    out: &mut impl Write,
    findings: &Findings<'_>,
    ui: &Ui,
) -> io::Result<()> {
    for diagnostic in findings.diagnostics {
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let (line, column) = line_and_column(diagnostic);
        let title = format!("{command}[{}]", diagnostic.code());
        let mut message = ui.problem(&diagnostic.problem);
        if !diagnostic.path.0.is_empty() {
            message = ui.msg(
                "diagnostic-message-at-path",
                &msg_args!("message" => message, "path" => diagnostic.path.to_string()),
            );
        }
        writeln!(
            out,
            "::{command} file={},line={line},col={column},title={}::{}",
            github_property(&escape(&diagnostic.file)),
            github_property(&title),
            github_data(&escape(&message)),
        )?;
    }
    writeln!(out, "{}", super::validate::summary(findings, ui))?;
    out.flush()
}

/// Line and column of a diagnostic, 1:1 when the position is not known (a whole file).
fn line_and_column(diagnostic: &Diagnostic) -> (usize, usize) {
    diagnostic
        .position
        .map_or((1, 1), |position| (position.line, position.column))
}

/// A workflow command's message: `%`, CR and LF are written as `%25`, `%0D` and `%0A`.
pub(crate) fn github_data(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => escaped.push_str("%25"),
            '\r' => escaped.push_str("%0D"),
            '\n' => escaped.push_str("%0A"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// A workflow command's property value: as [`github_data`], and `:` and `,` (which end a
/// property) as `%3A` and `%2C`.
pub(crate) fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The SARIF 2.1.0 log: one run, the tool with a rule for every problem code, and one
/// result per diagnostic at its file, line and column.
pub(super) fn sarif_log(findings: &Findings<'_>, ui: &Ui) -> Value {
    let rules: Vec<Value> = PROBLEM_CODES
        .iter()
        .map(|(code, severity)| {
            json!({
                "id": code,
                "name": code,
                "shortDescription": { "text": ui.msg("sarif-rule", &msg_args!("code" => *code)) },
                "defaultConfiguration": { "level": level(*severity) },
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .diagnostics
        .iter()
        .map(|diagnostic| sarif_result(diagnostic, findings.root, ui))
        .collect();
    let errors = count(findings.diagnostics, Severity::Error);
    json!({
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": { "driver": {
                "name": "kruispunt",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "language": ui.locale().tag(),
            "invocations": [{ "executionSuccessful": true, "exitCode": i32::from(errors > 0) }],
            "results": results,
        }],
    })
}

/// One SARIF result.
fn sarif_result(diagnostic: &Diagnostic, root: &str, ui: &Ui) -> Value {
    let code = diagnostic.code();
    let rule_index = PROBLEM_CODES.iter().position(|(c, _)| *c == code);
    let (line, column) = line_and_column(diagnostic);
    let file = escape(&diagnostic.file);
    let mut artifact = json!({ "uri": file_uri(&file) });
    if !Path::new(file.as_ref()).is_absolute() {
        artifact["uriBaseId"] = json!(SOURCE_ROOT);
    }
    let mut result = json!({
        "ruleId": code,
        "level": level(diagnostic.severity),
        "message": { "text": escape(&ui.problem(&diagnostic.problem)) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact,
                "region": { "startLine": line, "startColumn": column },
            },
        }],
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    if !diagnostic.path.0.is_empty() {
        result["locations"][0]["logicalLocations"] = json!([{
            "fullyQualifiedName": escape(&diagnostic.path.to_string()),
            "kind": "member",
        }]);
    }
    // The course root as the author named it, so a result can be told apart by course.
    result["properties"] = json!({ "course": escape(root) });
    result
}

/// SARIF's level for a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A file as a URI reference: relative paths stay relative (to `%SRCROOT%`), absolute ones
/// become `file://` URIs; every byte outside the unreserved set and `/` is percent-encoded.
pub(crate) fn file_uri(file: &str) -> String {
    let mut uri = String::with_capacity(file.len());
    if file.starts_with('/') {
        uri.push_str("file://");
    }
    for byte in file.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(byte));
            }
            byte => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escaping_follows_the_runner_rules() {
        assert_eq!(
            github_data("50% done\r\nnext: a, b"),
            "50%25 done%0D%0Anext: a, b"
        );
        assert_eq!(
            github_property("course/a:b,c%.json"),
            "course/a%3Ab%2Cc%25.json"
        );
    }

    #[test]
    fn file_uris_are_percent_encoded_and_relative_when_the_path_is() {
        assert_eq!(
            file_uri("course/lessons/a b.json"),
            "course/lessons/a%20b.json"
        );
        assert_eq!(file_uri("/tmp/c/é.json"), "file:///tmp/c/%C3%A9.json");
    }
}
