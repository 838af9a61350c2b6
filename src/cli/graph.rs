//! `kruispunt graph SCENARIO`: a scenario as a graph, in Mermaid, DOT or SVG.

use super::validate::{Findings, write_text_report};
use super::{EXIT_COURSE_ERRORS, Failure, finish_output, keep_until_exit};
use crate::authoring::graph::{self, ScenarioGraph};
use crate::course::{self, CourseError, CourseSource, Severity, ValidateOptions};
use crate::msg_args;
use clap::ValueEnum;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::messages::Ui;

/// The output format of `graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum GraphFormat {
    /// A Mermaid flowchart: GitHub and GitLab draw it in Markdown.
    #[default]
    Mermaid,
    /// Graphviz's DOT language (`dot -Tpng`).
    Dot,
    /// A standalone SVG picture, laid out without Graphviz.
    Svg,
}

/// What `graph` is asked to draw.
pub(super) struct GraphRequest<'a> {
    /// The scenario id.
    pub scenario: &'a str,
    /// The format.
    pub format: GraphFormat,
    /// Where to write it (stdout without).
    pub output: Option<&'a Path>,
    /// The course directory (the built-in course without).
    pub course: Option<&'a Path>,
}

/// `kruispunt graph`. The graph is drawn whenever the course's references resolve, even
/// when it has other errors (a dead end is what an author most needs to see); the
/// problems go to stderr, and errors make the exit code 1.
pub(super) fn graph(request: &GraphRequest<'_>, ui: &mut Ui) -> Result<ExitCode, Failure> {
    let source = match request.course {
        None => CourseSource::builtin(),
        Some(dir) => CourseSource::from_dir(dir).map_err(|source| {
            ui.show_notice();
            Failure::usage(ui.error(&CourseError::Unreadable {
                dir: dir.to_path_buf(),
                source,
            }))
        })?,
    };
    let report = course::load_drawable(&source, ValidateOptions::default());
    if let Some(course) = &report.course {
        ui.adopt_course_default(Some(course.default_locale.as_str()));
        ui.adopt_text_fallback(course.fallback.clone());
    }
    ui.show_notice();
    let has_errors = report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    if !report.diagnostics.is_empty() {
        let findings = Findings {
            root: &source.display_root,
            diagnostics: &report.diagnostics,
            course: None,
        };
        // stdout holds only the graph; a closed stderr leaves nowhere to report that.
        let _ = write_text_report(&mut io::stderr().lock(), &findings, false, ui);
    }
    let Some(course) = &report.course else {
        return Ok(ExitCode::from(EXIT_COURSE_ERRORS));
    };
    let drawn = graph::scenario_graph(course, request.scenario, ui.l10n())
        .map_err(|error| Failure::usage(ui.error(&error)))?;
    let text = render(&drawn, request.format);
    write_graph(request, &drawn, &text, ui)?;
    keep_until_exit(report);
    Ok(if has_errors {
        ExitCode::from(EXIT_COURSE_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

/// The graph in `format`.
pub(crate) fn render(graph: &ScenarioGraph, format: GraphFormat) -> String {
    match format {
        GraphFormat::Mermaid => graph::mermaid::render(graph),
        GraphFormat::Dot => graph::dot::render(graph),
        GraphFormat::Svg => graph::svg::render(graph),
    }
}

/// Writes the graph to the output file (and says so on stderr), or to stdout.
fn write_graph(
    request: &GraphRequest<'_>,
    drawn: &ScenarioGraph,
    text: &str,
    ui: &Ui,
) -> Result<(), Failure> {
    let Some(path) = request.output else {
        let mut out = io::stdout().lock();
        return finish_output(
            out.write_all(text.as_bytes()).and_then(|()| out.flush()),
            ui,
        );
    };
    std::fs::write(path, text).map_err(|error| {
        Failure::usage(ui.msg(
            "error-cannot-write-path",
            &msg_args!("path" => path.display().to_string(), "reason" => ui.error(&error)),
        ))
    })?;
    let _ = writeln!(
        io::stderr().lock(),
        "{}",
        ui.msg(
            "graph-written",
            &msg_args!("scenario" => drawn.id.as_str(), "file" => path.display().to_string()),
        )
    );
    Ok(())
}
