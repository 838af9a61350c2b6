//! Parsing course files into [`model`](super::model) types with precise errors, then
//! validating them.

use super::model::{FIRST_FORMAT_VERSION, FORMAT_VERSION, Lesson, Manifest, Scenario};
use super::parsed::{FileIdx, Finding, ParsedCourse};
use super::span;
use super::validate;
use super::{
    CourseSource, Diagnostic, FieldPath, PathSeg, Position, Problem, Severity, checked::Course,
};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// Options for validation.
#[derive(Debug, Clone, Copy, Default)]
pub struct ValidateOptions {
    /// Treat every warning as an error.
    pub strict: bool,
}

/// The result of loading: the course when it has no errors, and every problem found.
#[derive(Debug)]
pub struct Report {
    /// The checked course, when there are no errors ([`load_drawable`]: when its
    /// references resolve).
    pub course: Option<Course>,
    /// Every problem, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why [`load_builtin`] or [`load_dir`] could not load a course.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The directory cannot be read.
    #[error(transparent)]
    Source(#[from] super::SourceError),
    /// The course has errors (only the errors are kept).
    #[error("the course has {} error(s)", .0.len())]
    Invalid(Vec<Diagnostic>),
}

/// A course ready to use, from [`load_course`].
#[derive(Debug)]
pub struct LoadedCourse {
    /// The checked course.
    pub course: Course,
    /// What the author should still look at; empty with `--strict`, which makes every
    /// warning an error.
    pub warnings: Vec<Diagnostic>,
    /// How the course root is named in messages: `course` for the built-in course, else
    /// the directory as given.
    pub root: String,
}

/// Why [`load_course`] gave no course.
#[derive(Debug, thiserror::Error)]
pub enum CourseError {
    /// The course directory cannot be read at all.
    #[error("cannot read the course in {}: {source}", dir.display())]
    Unreadable {
        /// The directory given with `--course`.
        dir: PathBuf,
        /// Why.
        #[source]
        source: super::SourceError,
    },
    /// The course has errors.
    #[error(
        "the course has {} error(s)",
        diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    )]
    Invalid {
        /// How the course root is named in messages, as [`LoadedCourse::root`].
        root: String,
        /// Every problem found, the warnings as well as the errors, sorted by file and
        /// position.
        diagnostics: Vec<Diagnostic>,
    },
}

/// Loads the course of a command: the one in `dir` (`--course DIR`) or, without it, the
/// built-in course, parsed and validated with `options` (`--strict`).
///
/// Every command that needs a course gets it here, so they all read, check and refuse a
/// course in the same way. The course comes with its warnings; a course with errors
/// comes back with every problem found, for the command to list.
pub fn load_course(
    dir: Option<&Path>,
    options: ValidateOptions,
) -> Result<LoadedCourse, CourseError> {
    let source = match dir {
        None => CourseSource::builtin(),
        Some(dir) => CourseSource::from_dir(dir).map_err(|source| CourseError::Unreadable {
            dir: dir.to_path_buf(),
            source,
        })?,
    };
    let report = load(&source, options);
    match report.course {
        Some(course) => Ok(LoadedCourse {
            course,
            warnings: report.diagnostics,
            root: source.display_root,
        }),
        None => Err(CourseError::Invalid {
            root: source.display_root,
            diagnostics: report.diagnostics,
        }),
    }
}

/// Parses and validates every file of `source`, reporting all problems.
pub fn load(source: &CourseSource, options: ValidateOptions) -> Report {
    load_keeping(source, options, Keep::WithoutErrors)
}

/// As [`load`], but the checked course is kept whenever every reference in it resolves,
/// even when it has other errors: for tools that show a course to its author
/// (`kruispunt graph`), who most needs to see it while it has a dead end. Such a course is
/// for reading only; it is never played.
pub fn load_drawable(source: &CourseSource, options: ValidateOptions) -> Report {
    load_keeping(source, options, Keep::WhenResolved)
}

/// Which checked course a load keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Only a course without errors.
    WithoutErrors,
    /// Any course whose references resolve.
    WhenResolved,
}

fn load_keeping(source: &CourseSource, options: ValidateOptions, keep: Keep) -> Report {
    let mut parsed = ParsedCourse::default();
    let mut findings = Vec::new();
    let count = |kind: FileKind| {
        let of_kind = |f: &&super::SourceFile| FileKind::of(&f.path) == kind;
        source.files.iter().filter(of_kind).count()
    };
    let totals = [count(FileKind::Lesson), count(FileKind::Scenario)];
    let mut seen = [0usize; 2];
    for (idx, file) in source.files.iter().enumerate() {
        let kind = FileKind::of(&file.path);
        // Past the cap on lesson or scenario files, the rest of that kind is not parsed.
        let capped = match kind {
            FileKind::Lesson => Some((0, "lessons", validate::MAX_LESSONS)),
            FileKind::Scenario => Some((1, "scenarios", validate::MAX_SCENARIOS)),
            _ => None,
        };
        if let Some((slot, what, limit)) = capped {
            seen[slot] += 1;
            if seen[slot] > limit {
                if seen[slot] == limit + 1 {
                    findings.push(Finding::new(
                        idx,
                        FieldPath::root(),
                        Problem::TooMany {
                            what: what.to_owned(),
                            count: totals[slot],
                            limit,
                        },
                    ));
                }
                continue;
            }
        }
        // A file name is printed in every diagnostic about the file: no control characters.
        if let Some(c) = file
            .path
            .chars()
            .find(|&c| crate::i18n::display::is_control(c))
        {
            findings.push(at_start(
                idx,
                Problem::IdControlCharacter { code: c as u32 },
            ));
        }
        let (text, marks) = json_text(&file.text);
        if marks {
            findings.push(at_start(idx, Problem::ByteOrderMarks));
        }
        for (position, length) in validate::long_strings(text) {
            findings.push(Finding {
                position: Some(position),
                ..at_start(
                    idx,
                    Problem::TextTooLong {
                        length,
                        limit: validate::MAX_TEXT_BYTES,
                    },
                )
            });
        }
        match kind {
            FileKind::Manifest => {
                if let Some(manifest) = parse_file(idx, text, &mut findings) {
                    parsed.manifest = Some((idx, manifest));
                }
            }
            FileKind::Lesson => {
                if let Some(lesson) = parse_file(idx, text, &mut findings) {
                    parsed.lessons.push((idx, lesson));
                }
            }
            FileKind::Scenario => {
                if let Some(scenario) = parse_file(idx, text, &mut findings) {
                    parsed.scenarios.push((idx, scenario));
                }
            }
            FileKind::Other => {
                findings.push(Finding::new(idx, FieldPath::root(), Problem::UnknownFile))
            }
        }
    }
    // By value: the checked course is built by moving the parsed files, not copying them.
    let course = super::validate::validate(parsed, &mut findings);

    let diagnostics = finalise(source, findings, options);
    let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    Report {
        course: if has_errors && keep == Keep::WithoutErrors {
            None
        } else {
            course
        },
        diagnostics,
    }
}

/// Loads the built-in course ([`load_course`] without a directory), for tests and tools
/// that only need the course.
pub fn load_builtin() -> Result<Course, LoadError> {
    load_course(None, ValidateOptions::default())
        .map(|loaded| loaded.course)
        .map_err(LoadError::from)
}

/// Loads the course in `dir` ([`load_course`]), for tests and tools that only need the
/// course.
pub fn load_dir(dir: &Path) -> Result<Course, LoadError> {
    load_course(Some(dir), ValidateOptions::default())
        .map(|loaded| loaded.course)
        .map_err(LoadError::from)
}

/// The shortcuts' error keeps only the errors of an invalid course.
impl From<CourseError> for LoadError {
    fn from(error: CourseError) -> Self {
        match error {
            CourseError::Unreadable { source, .. } => LoadError::Source(source),
            CourseError::Invalid { diagnostics, .. } => LoadError::Invalid(
                diagnostics
                    .into_iter()
                    .filter(|d| d.severity == Severity::Error)
                    .collect(),
            ),
        }
    }
}

/// The JSON of a file: its text without the byte-order marks it starts with (one is
/// dropped when the file is read; more are reported), and whether there were any.
fn json_text(text: &str) -> (&str, bool) {
    let json = text.trim_start_matches('\u{FEFF}');
    (json, json.len() != text.len())
}

/// A finding at the start of a file.
fn at_start(file: FileIdx, problem: Problem) -> Finding {
    Finding {
        file,
        path: FieldPath::root(),
        position: Some(Position { line: 1, column: 1 }),
        problem,
    }
}

/// What a file is, from where it is in the course.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Manifest,
    Lesson,
    Scenario,
    Other,
}

impl FileKind {
    fn of(path: &str) -> Self {
        if path == MANIFEST_PATH {
            FileKind::Manifest
        } else if path.starts_with("lessons/") {
            FileKind::Lesson
        } else if path.starts_with("scenarios/") {
            FileKind::Scenario
        } else {
            FileKind::Other
        }
    }
}

/// Where the manifest is, relative to the course root.
const MANIFEST_PATH: &str = "course.json";

/// A file type that carries `format_version`.
trait Versioned: DeserializeOwned {
    fn format_version(&self) -> u32;
}

impl Versioned for Manifest {
    fn format_version(&self) -> u32 {
        self.format_version
    }
}

impl Versioned for Lesson {
    fn format_version(&self) -> u32 {
        self.format_version
    }
}

impl Versioned for Scenario {
    fn format_version(&self) -> u32 {
        self.format_version
    }
}

/// Parses one file, pushing a finding when it fails or has another format version.
///
/// Good files are parsed once, without path tracking (which allocates for every key); only
/// a file that fails is parsed again with `serde_path_to_error` to learn the field path.
fn parse_file<T: Versioned>(file: FileIdx, text: &str, findings: &mut Vec<Finding>) -> Option<T> {
    match serde_json::from_str::<T>(text) {
        Ok(value) => {
            let found = value.format_version();
            if !(FIRST_FORMAT_VERSION..=FORMAT_VERSION).contains(&found) {
                findings.push(format_version_finding(file, found));
            }
            // Kept even with another version: the validator then reports what it can.
            Some(value)
        }
        Err(error) => {
            findings.push(parse_failure::<T>(file, text, error));
            None
        }
    }
}

fn format_version_finding(file: FileIdx, found: u32) -> Finding {
    Finding::new(
        file,
        FieldPath::root().key("format_version"),
        Problem::FormatVersion {
            found,
            supported: FORMAT_VERSION,
        },
    )
}

/// Just the version of a file, ignoring everything else in it.
#[derive(serde::Deserialize)]
struct VersionProbe {
    format_version: Option<u32>,
}

/// Describes why `text` does not parse as `T`: path, position and problem.
fn parse_failure<T: DeserializeOwned>(
    file: FileIdx,
    text: &str,
    plain_error: serde_json::Error,
) -> Finding {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let (path, error) = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(error) => (field_path(error.path()), error.into_inner()),
        Ok(_) => match deserializer.end() {
            Err(error) => (FieldPath::root(), error),
            // Cannot happen (both parses see the same text); keep the first error.
            Ok(()) => (FieldPath::root(), plain_error),
        },
    };
    use serde_json::error::Category;
    let message = message_without_position(&error);
    let unknown_field = message.starts_with("unknown field");
    let problem = match error.classify() {
        Category::Data => {
            // A file from a newer format has fields this build does not know; saying which
            // version it is helps more than "unknown field".
            match serde_json::from_str::<VersionProbe>(text) {
                Ok(VersionProbe {
                    format_version: Some(found),
                }) if !(FIRST_FORMAT_VERSION..=FORMAT_VERSION).contains(&found) => {
                    return format_version_finding(file, found);
                }
                _ => Problem::Type { message },
            }
        }
        Category::Syntax | Category::Eof | Category::Io => Problem::Syntax { message },
    };
    // serde_json reports where it noticed the problem: the end of a wrongly typed value,
    // the end of an object missing a field. Point at the start of that value instead, as
    // every other diagnostic does. An unknown field is the exception: serde points right at
    // the key, which is better than its object.
    let at_value = matches!(problem, Problem::Type { .. }) && !path.0.is_empty() && !unknown_field;
    let position = if at_value {
        span::positions(text, &[&path]).pop().flatten()
    } else {
        None
    };
    Finding {
        file,
        path,
        position: position.or_else(|| char_position(text, error.line(), error.column())),
        problem,
    }
}

/// serde_json's message without its " at line X column Y", which the diagnostic shows in
/// its own way.
fn message_without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    if error.line() == 0 {
        return message;
    }
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(bare) => bare.to_owned(),
        None => message,
    }
}

/// Converts serde_json's line and byte column (both from 1; line 0 means unknown) to a
/// position whose column counts characters.
fn char_position(text: &str, line: usize, byte_column: usize) -> Option<Position> {
    let line_text = text.split('\n').nth(line.checked_sub(1)?)?;
    // The column is the byte just read; count the characters starting up to it.
    let column = line_text
        .char_indices()
        .take_while(|&(i, _)| i < byte_column)
        .count();
    Some(Position {
        line,
        column: column.max(1),
    })
}

/// The path serde_path_to_error tracked, up to the first segment it could not name (a
/// syntax error inside an object leaves one), so the path never shows a `?`.
fn field_path(path: &serde_path_to_error::Path) -> FieldPath {
    use serde_path_to_error::Segment;
    FieldPath(
        path.iter()
            .map_while(|segment| match segment {
                Segment::Seq { index } => Some(PathSeg::Index(*index)),
                // An externally tagged enum variant is written as an object key.
                Segment::Map { key } | Segment::Enum { variant: key } => {
                    Some(PathSeg::Key(key.clone()))
                }
                Segment::Unknown => None,
            })
            .collect(),
    )
}

/// Resolves positions, applies `--strict`, adds the problems that belong to no parsed
/// file, and sorts.
fn finalise(
    source: &CourseSource,
    findings: Vec<Finding>,
    options: ValidateOptions,
) -> Vec<Diagnostic> {
    let severity = |problem: &Problem| match problem.default_severity() {
        Severity::Warning if options.strict => Severity::Error,
        other => other,
    };
    let shown = |relative: &str| shown_path(&source.display_root, relative);

    // Positions still unknown are found file by file, in one pass over each file that
    // needs any.
    let mut positions: Vec<Option<Position>> = findings.iter().map(|f| f.position).collect();
    let mut unplaced: Vec<Vec<usize>> = vec![Vec::new(); source.files.len()];
    for (i, finding) in findings.iter().enumerate() {
        if finding.position.is_none()
            && let Some(list) = unplaced.get_mut(finding.file)
        {
            list.push(i);
        }
    }
    for (file, list) in source.files.iter().zip(&unplaced) {
        if list.is_empty() {
            continue;
        }
        let (text, _) = json_text(&file.text);
        let paths: Vec<&FieldPath> = list
            .iter()
            .filter_map(|&i| findings.get(i).map(|f| &f.path))
            .collect();
        for (&i, found) in list.iter().zip(span::positions(text, &paths)) {
            if let Some(slot) = positions.get_mut(i) {
                *slot = found;
            }
        }
    }
    drop(unplaced);
    let mut diagnostics: Vec<Diagnostic> = findings
        .into_iter()
        .zip(positions)
        .map(|(finding, position)| {
            let file = source.files.get(finding.file);
            Diagnostic {
                severity: severity(&finding.problem),
                file: file.map_or_else(|| shown("?"), |f| shown(&f.path)),
                position,
                path: finding.path,
                problem: finding.problem,
            }
        })
        .collect();

    diagnostics.extend(source.unreadable.iter().map(|file| {
        let problem = file.problem.clone();
        Diagnostic {
            severity: severity(&problem),
            file: shown(&file.path),
            position: file.position,
            path: FieldPath::root(),
            problem,
        }
    }));

    let has_manifest = source.files.iter().any(|f| f.path == MANIFEST_PATH)
        || source.unreadable.iter().any(|f| f.path == MANIFEST_PATH);
    if !has_manifest {
        let problem = Problem::MissingManifest;
        diagnostics.push(Diagnostic {
            severity: severity(&problem),
            file: shown(MANIFEST_PATH),
            position: None,
            path: FieldPath::root(),
            problem,
        });
    }

    diagnostics
        .sort_by(|a, b| (&a.file, a.position, a.code()).cmp(&(&b.file, b.position, b.code())));
    diagnostics
}

/// A file as shown to the author: the root as given, then the relative path.
fn shown_path(display_root: &str, relative: &str) -> String {
    if display_root.is_empty() {
        relative.to_owned()
    } else if display_root.ends_with('/') {
        format!("{display_root}{relative}")
    } else {
        format!("{display_root}/{relative}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_position_converts_byte_columns_to_characters() {
        let text = "{\n  \"é🎉\": x\n}";
        // serde_json reports `x` at byte column 13 on line 2; it is character 9.
        assert_eq!(
            char_position(text, 2, 13),
            Some(Position { line: 2, column: 9 })
        );
        // Column 0 (end of input right after a newline) still shows as column 1.
        assert_eq!(
            char_position(text, 3, 0),
            Some(Position { line: 3, column: 1 })
        );
        assert_eq!(char_position(text, 0, 5), None);
        assert_eq!(char_position(text, 9, 1), None);
    }

    #[test]
    fn messages_lose_their_position_suffix_only() {
        let error = serde_json::from_str::<u32>("\n  \"x\"").unwrap_err();
        assert_eq!(
            message_without_position(&error),
            "invalid type: string \"x\", expected u32"
        );
        // Without a position there is nothing to strip.
        let error = <serde_json::Error as serde::de::Error>::custom("no position here");
        assert_eq!(error.line(), 0);
        assert_eq!(message_without_position(&error), "no position here");
    }
}
