//! `kruispunt validate`: the course's problems as text or JSON, with translation coverage.

use super::*;

/// What checking a course found, as the text and JSON reports show it.
pub(super) struct Findings<'a> {
    /// How the course root is named, e.g. `course`.
    pub(super) root: &'a str,
    /// Every problem, warnings included.
    pub(super) diagnostics: &'a [Diagnostic],
    /// The course, when it has no errors.
    pub(super) course: Option<&'a Course>,
}

impl<'a> Findings<'a> {
    /// The findings of a load; a directory that cannot be read has none, it is a failure.
    pub(super) fn of(
        loaded: &'a Result<LoadedCourse, CourseError>,
        ui: &Ui,
    ) -> Result<Self, Failure> {
        match loaded {
            Ok(loaded) => Ok(Self {
                root: &loaded.root,
                diagnostics: &loaded.warnings,
                course: Some(&loaded.course),
            }),
            Err(CourseError::Invalid { root, diagnostics }) => Ok(Self {
                root,
                diagnostics,
                course: None,
            }),
            Err(error @ CourseError::Unreadable { .. }) => Err(Failure::usage(ui.error(error))),
        }
    }
}
/// `kruispunt validate`.
pub(super) fn validate(
    dir: Option<&Path>,
    options: ValidateOptions,
    format: ValidateFormat,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    let (code, loaded) = check_and_report(dir, options, format, ui)?;
    keep_until_exit(loaded);
    Ok(code)
}

/// Loads and checks the course, prints the report in `format`, and gives the exit code
/// with what was loaded (for the caller to drop or keep until exit).
fn check_and_report(
    dir: Option<&Path>,
    options: ValidateOptions,
    format: ValidateFormat,
    ui: &mut Ui,
) -> Result<(ExitCode, Result<LoadedCourse, CourseError>), Failure> {
    let loaded = load_course(dir, options, ui);
    ui.show_notice();
    let findings = Findings::of(&loaded, ui)?;
    let code = if count(findings.diagnostics, Severity::Error) > 0 {
        ExitCode::from(EXIT_COURSE_ERRORS)
    } else {
        ExitCode::SUCCESS
    };
    let mut out = io::stdout().lock();
    let written = match format {
        ValidateFormat::Text => write_text_report(&mut out, &findings, true, ui),
        ValidateFormat::Json => {
            let document = json_report(&findings, ui);
            write_json(
                &mut out,
                &super::json::Versioned::new("kruispunt-validation", document),
            )
        }
        ValidateFormat::Github => super::ci_report::write_github(&mut out, &findings, ui),
        ValidateFormat::Sarif => write_json(&mut out, &super::ci_report::sarif_log(&findings, ui)),
    };
    finish_output(written, ui)?;
    Ok((code, loaded))
}

/// How long the files must stay unchanged after a change before the course is checked
/// again: an editor's save is often several writes (a temporary file, a rename).
const SETTLE: std::time::Duration = std::time::Duration::from_millis(200);

/// `kruispunt validate --watch`: checks the course, then again each time a file under its
/// directory changes, on a cleared screen when the output is a terminal. Runs until the
/// process is interrupted; a directory that cannot be read any more is reported and
/// watched on, so a course being moved back in place is checked again.
pub(super) fn watch(
    dir: Option<&Path>,
    options: ValidateOptions,
    format: ValidateFormat,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    use notify::Watcher;
    use std::io::IsTerminal;
    let Some(dir) = dir else {
        return Err(Failure::usage(
            ui.msg("validate-watch-needs-dir", &msg_args!()),
        ));
    };
    let (changed, changes) = std::sync::mpsc::channel();
    let watcher_failed = |error: notify::Error, ui: &Ui| {
        Failure::usage(ui.msg(
            "validate-watch-failed",
            &msg_args!("dir" => dir.display().to_string(), "cause" => error.to_string()),
        ))
    };
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reads change nothing; everything else (writes, creations, renames, removals,
        // and the watcher's own errors) is a reason to check again.
        if !event.is_ok_and(|e| e.kind.is_access()) {
            let _ = changed.send(());
        }
    })
    .map_err(|e| watcher_failed(e, ui))?;
    watcher
        .watch(dir, notify::RecursiveMode::Recursive)
        .map_err(|e| watcher_failed(e, ui))?;
    let terminal = io::stdout().is_terminal();
    loop {
        if terminal {
            // Clear the screen and put the cursor at the top, then redraw the report.
            print!("\x1b[2J\x1b[H");
        }
        match check_and_report(Some(dir), options, format, ui) {
            Ok(_) => {}
            Err(failure) => println!("{failure}"),
        }
        let watching = ui.msg(
            "validate-watching",
            &msg_args!("dir" => dir.display().to_string()),
        );
        finish_output(writeln!(io::stdout(), "\n{watching}"), ui)?;
        if changes.recv().is_err() {
            return Ok(ExitCode::SUCCESS);
        }
        while changes.recv_timeout(SETTLE).is_ok() {}
    }
}

/// Every diagnostic on its own line, then (with `with_coverage`, for a course that loaded)
/// the translation coverage, then the summary.
pub(super) fn write_text_report(
    out: &mut impl Write,
    findings: &Findings<'_>,
    with_coverage: bool,
    ui: &Ui,
) -> io::Result<()> {
    for diagnostic in findings.diagnostics {
        writeln!(out, "{}", ui.diagnostic(diagnostic))?;
    }
    if with_coverage && let Some(course) = findings.course {
        writeln!(out, "{}", ui.msg("coverage-heading", &msg_args!()))?;
        for locale in i18n::coverage(course).locales() {
            // The locale tags come from the course: written out if they hold escapes.
            let line = ui.l10n().coverage_line(locale);
            writeln!(out, "  {}", i18n::display::escape(&line))?;
        }
    }
    writeln!(out, "{}", summary(findings, ui))?;
    out.flush()
}

/// The last line of `validate`: `course: 2 errors, 1 warning` or
/// `course: no problems (3 lessons, 1 scenario, 41 nodes)`.
pub(super) fn summary(findings: &Findings<'_>, ui: &Ui) -> String {
    let root = findings.root;
    let errors = count(findings.diagnostics, Severity::Error);
    let warnings = count(findings.diagnostics, Severity::Warning);
    match (findings.course, errors + warnings) {
        (Some(course), 0) => {
            let counts = course_counts(course);
            ui.msg(
                "validate-ok",
                &msg_args!(
                    "root" => root,
                    "lessons" => counts.lessons,
                    "scenarios" => counts.scenarios,
                    "nodes" => counts.nodes,
                ),
            )
        }
        _ => ui.msg(
            "validate-summary",
            &msg_args!("root" => root, "errors" => errors, "warnings" => warnings),
        ),
    }
}

/// The `--format json` document. JSON escapes C0 controls but not C1 controls or bidi
/// overrides, so file names, paths and messages are escaped as in the text report.
pub(super) fn json_report<'a>(findings: &Findings<'a>, ui: &Ui) -> JsonReport<'a> {
    use i18n::display::escape;
    JsonReport {
        course: escape(findings.root),
        language: ui.locale().tag(),
        errors: count(findings.diagnostics, Severity::Error),
        warnings: count(findings.diagnostics, Severity::Warning),
        diagnostics: findings
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                severity: d.severity,
                file: escape(&d.file),
                position: d.position,
                path: escape(&d.path.to_string()).into_owned(),
                problem: JsonProblem {
                    code: d.code(),
                    message: escape(&ui.problem(&d.problem)).into_owned(),
                },
            })
            .collect(),
        coverage: findings.course.map(|course| {
            i18n::coverage(course)
                .locales()
                .iter()
                .map(|c| JsonCoverage::of(c, &course.default_locale.0))
                .collect()
        }),
    }
}

/// The `--format json` document of `validate`.
#[derive(serde::Serialize)]
pub(super) struct JsonReport<'a> {
    /// How the course root is shown, as in the text summary.
    course: Cow<'a, str>,
    /// The language of the messages (`nl`, `en`, `fr`).
    language: &'static str,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    /// Per declared locale; `null` when the course has errors.
    coverage: Option<Vec<JsonCoverage>>,
}

/// A diagnostic in the JSON report: the stable code and the message in the chosen language.
#[derive(serde::Serialize)]
pub(super) struct JsonDiagnostic<'a> {
    severity: Severity,
    file: Cow<'a, str>,
    position: Option<Position>,
    path: String,
    problem: JsonProblem,
}

/// The problem of a [`JsonDiagnostic`].
#[derive(serde::Serialize)]
pub(super) struct JsonProblem {
    code: &'static str,
    message: String,
}

/// The translation coverage of one locale in the JSON report.
#[derive(serde::Serialize)]
pub(super) struct JsonCoverage {
    locale: String,
    present: usize,
    total: usize,
    percent: u32,
    /// Whether this is the course's default locale.
    default: bool,
}

impl JsonCoverage {
    pub(super) fn of(coverage: &LocaleCoverage, default: &str) -> Self {
        Self {
            locale: coverage.locale.to_string(),
            present: coverage.present,
            total: coverage.total,
            percent: coverage.percent(),
            default: coverage.locale.0 == default,
        }
    }
}

/// How many diagnostics have `severity`.
pub(super) fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

/// How many of each thing a loaded course has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct CourseCounts {
    pub(super) lessons: usize,
    pub(super) scenarios: usize,
    pub(super) nodes: usize,
}

/// Lessons, scenarios and scenario nodes of a loaded course.
pub(super) fn course_counts(course: &Course) -> CourseCounts {
    CourseCounts {
        lessons: course.lessons.len(),
        scenarios: course.scenarios.len(),
        nodes: course.scenarios.values().map(|s| s.nodes.len()).sum(),
    }
}
