//! Problems found while loading and validating a course, with where they are.

use serde::Serialize;
use std::fmt;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The course works, but something is probably not what the author meant.
    Warning,
    /// The course cannot be used until this is fixed.
    Error,
}

/// One step in the path to a field: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSeg {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// The path to a field inside a file, e.g. `nodes[3].choices[0].next`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(pub Vec<PathSeg>);

impl FieldPath {
    /// The path of the file's top-level value.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path extended by an object key.
    pub fn key(&self, key: &str) -> Self {
        let mut segs = self.0.clone();
        segs.push(PathSeg::Key(key.to_owned()));
        Self(segs)
    }

    /// This path extended by an array index.
    pub fn index(&self, index: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(PathSeg::Index(index));
        Self(segs)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSeg::Key(k) if i == 0 => write!(f, "{k}")?,
                PathSeg::Key(k) => write!(f, ".{k}")?,
                PathSeg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for FieldPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A line and column in a file, both counted from 1; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
}

/// What is wrong. Each variant has a stable code (see [`Problem::code`]) that authors can
/// look up in `docs/course-format.md`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The file could not be read.
    #[error("cannot read the file: {reason}")]
    Unreadable {
        /// Why.
        reason: String,
    },
    /// The course has no `course.json`.
    #[error("there is no course.json in this directory")]
    MissingManifest,
    /// The JSON is not well-formed.
    #[error("invalid JSON: {message}")]
    Syntax {
        /// serde_json's description.
        message: String,
    },
    /// A field has the wrong type, is missing or is unknown.
    #[error("{message}")]
    Type {
        /// serde's description.
        message: String,
    },
    /// The file is written for a format version this build does not read.
    #[error("format_version {found} is not supported; this version of Kruispunt reads {supported}")]
    FormatVersion {
        /// Found in the file.
        found: u32,
        /// What this build reads.
        supported: u32,
    },
    /// A JSON file outside `lessons/` and `scenarios/`.
    #[error("this file is not part of the course: lessons go in lessons/, scenarios in scenarios/")]
    UnknownFile,
    /// Two things of the same kind share an id.
    #[error("duplicate {what} id `{id}` (first used at {first})")]
    DuplicateId {
        /// What kind of thing.
        what: String,
        /// The id.
        id: String,
        /// Where it was first used, `FILE:LINE:COL` or a field path.
        first: String,
    },
    /// A module lists an item that no file defines.
    #[error("no lesson or scenario has the id `{id}`")]
    MissingItem {
        /// The id.
        id: String,
    },
    /// A reference to a node that does not exist.
    #[error("no node has the id `{id}` in this scenario")]
    MissingNode {
        /// The id.
        id: String,
    },
    /// A line's speaker is not a declared character.
    #[error("no character has the id `{id}` in this scenario")]
    MissingCharacter {
        /// The id.
        id: String,
    },
    /// A condition or effect names a variable the scenario does not declare.
    #[error("variable `{id}` is not declared in this scenario's variables")]
    UndeclaredVariable {
        /// The id.
        id: String,
    },
    /// A choice carries a competency tag the manifest does not declare.
    #[error("competency `{id}` is not declared in course.json competencies")]
    UnknownCompetency {
        /// The tag.
        id: String,
    },
    /// A lesson or scenario that no module lists.
    #[error("no module uses `{id}`; add it to a module's items in course.json or remove the file")]
    UnusedItem {
        /// The id.
        id: String,
    },
    /// No path from the start reaches this node.
    #[error("no path from the start reaches node `{id}`")]
    UnreachableNode {
        /// The node id.
        id: String,
    },
    /// A node that is not an ending and has no way out, or from which no ending can be reached.
    #[error("node `{id}` is not an ending, and no ending can be reached from it")]
    DeadEnd {
        /// The node id.
        id: String,
    },
    /// Every choice of a node has a condition, so a learner may get no choice at all.
    #[error("every choice of node `{id}` has a condition; when none holds the learner is stuck")]
    AllChoicesConditional {
        /// The node id.
        id: String,
    },
    /// No ending is reachable from the start.
    #[error("no ending can be reached from the start node")]
    NoReachableEnding,
    /// A node needs exactly one of `choices`, `next`, `ending`.
    #[error("a node needs exactly one of `choices`, `next` or `ending` (found {found})")]
    NodeKind {
        /// How many were found.
        found: usize,
    },
    /// A scene needs exactly one kind field.
    #[error(
        "a scene needs exactly one of `text`, `testimony`, `key_points`, `glossary`, `quiz`, `reflection` or `checklist` (found {found})"
    )]
    SceneKind {
        /// How many were found.
        found: usize,
    },
    /// A variable's range or start value is inconsistent.
    #[error("variable `{id}`: need min <= start <= max (min {min}, start {start}, max {max})")]
    BadRange {
        /// The variable.
        id: String,
        /// min.
        min: i32,
        /// start.
        start: i32,
        /// max.
        max: i32,
    },
    /// An effect can push a variable outside its declared range.
    #[error(
        "this effect can take `{id}` to {reached}, outside its range {min}..{max} (the value will be clamped)"
    )]
    OutOfRange {
        /// The variable.
        id: String,
        /// The value that can be reached.
        reached: i64,
        /// min.
        min: i32,
        /// max.
        max: i32,
    },
    /// A quiz question with no correct option.
    #[error("this quiz question has no correct option")]
    NoCorrectAnswer,
    /// A single-answer quiz with more than one correct option.
    #[error("this quiz allows one answer but {count} options are correct; set \"multiple\": true")]
    SeveralCorrectAnswers {
        /// How many are correct.
        count: usize,
    },
    /// A text or list that is empty.
    #[error("{what} is empty")]
    Empty {
        /// What is empty.
        what: String,
    },
    /// A text lacks a locale the course declares.
    #[error("missing the `{locale}` text")]
    MissingLocale {
        /// The locale.
        locale: String,
    },
    /// A text has a locale the course does not declare.
    #[error("locale `{locale}` is not declared in course.json locales")]
    UndeclaredLocale {
        /// The locale.
        locale: String,
    },
    /// The default locale is not one of the declared locales.
    #[error("the default locale `{locale}` is not in locales")]
    DefaultLocaleUndeclared {
        /// The locale.
        locale: String,
    },
    /// A text contains a terminal control character.
    #[error(
        "the `{locale}` text contains the control character U+{code:04X}; course text may not drive the terminal"
    )]
    ControlCharacter {
        /// The locale.
        locale: String,
        /// The code point.
        code: u32,
    },
    /// An id, key, tag, locale or version contains a character that could drive the
    /// terminal (or, in ids, reorder text); the path names the field.
    #[error(
        "this id, key, version or file name contains the control character U+{code:04X}; only printable characters are allowed"
    )]
    IdControlCharacter {
        /// The code point.
        code: u32,
    },
    /// A testimony not marked as a fictional composite.
    #[error("a testimony must set \"fictional_composite\": true; personas are never real people")]
    NotFictional,
    /// A file in an older format version that is still read, with what was inferred.
    #[error(
        "format_version {found} is read by migrating it: {inferred} choice qualities were inferred and thoughts given to the last speaker; run `kruispunt migrate` to update the files to version {current}"
    )]
    OldFormatVersion {
        /// Found in the file.
        found: u32,
        /// The version this build writes.
        current: u32,
        /// How many choice qualities were inferred.
        inferred: usize,
    },
    /// A route whose last arm has a condition, so the conversation could get stuck.
    #[error(
        "the route of node `{id}` must end with an arm without `if`, taken when no other holds"
    )]
    RouteFallback {
        /// The node.
        id: String,
    },
    /// A `chose` condition names a choice that does not exist.
    #[error("there is no choice `{id}` (write \"node/choice\")")]
    MissingChoice {
        /// What was written.
        id: String,
    },
    /// A choice without `quality` (format version 2).
    #[error("choice `{id}` has no `quality` (best, acceptable, weak or harmful)")]
    MissingQuality {
        /// The choice.
        id: String,
    },
    /// A choice with a thought but no `thinker` (format version 2).
    #[error("choice `{id}` has a `thought` but no `thinker`: say whose thought it is")]
    MissingThinker {
        /// The choice.
        id: String,
    },
    /// A variable that no condition or route reads: it cannot change the conversation.
    #[error(
        "variable `{id}` is never read by a condition or route, so it cannot change what happens"
    )]
    DecorativeVariable {
        /// The variable.
        id: String,
    },
    /// A good ending reachable through a harmful choice.
    #[error(
        "the good ending `{ending}` can be reached after the harmful choice `{choice}`, e.g. by {path}"
    )]
    HarmfulGoodEnding {
        /// The ending node.
        ending: String,
        /// The harmful choice, as `node/choice`.
        choice: String,
        /// One such path, as choices separated by arrows.
        path: String,
    },
    /// The best choice is in the same position in most fixed-order decisions.
    #[error(
        "in {same} of {total} fixed-order decision points the best choice is number {position}; trainees learn the position, not the skill"
    )]
    PositionalAnswer {
        /// The position, from 1.
        position: usize,
        /// How many decision points put it there.
        same: usize,
        /// How many fixed-order decision points with a best choice.
        total: usize,
    },
    /// A quality that contradicts the choice's effects or competencies.
    #[error("choice `{id}` is `{quality}` but {reason}")]
    QualityMismatch {
        /// The choice.
        id: String,
        /// Its quality.
        quality: String,
        /// What contradicts it.
        reason: String,
    },
    /// The best choice is clearly the longest in most decision points.
    #[error(
        "in {longest} of {total} decision points the best choice is the longest by more than 40%; trainees learn to pick the longest answer"
    )]
    LengthTell {
        /// How many decision points.
        longest: usize,
        /// How many decision points with a best choice.
        total: usize,
    },
    /// A directory of the course that cannot be listed; its files are not read.
    #[error("cannot read the directory: {reason}")]
    UnreadableDirectory {
        /// Why.
        reason: String,
    },
    /// A link to a directory, which is not followed.
    #[error("this is a link to a directory; links to directories are not followed")]
    LinkedDirectory,
    /// A `.json` name that is not a regular file (a FIFO, device, socket or directory).
    #[error("this is not a regular file (a FIFO, device or socket), so it is not read")]
    NotAFile,
    /// A file over the size cap of one file.
    #[error("the file is larger than {limit} MiB, the limit for one file; it is not read")]
    FileTooLarge {
        /// The cap, in MiB.
        limit: u64,
    },
    /// Reading this file would take the course over its size cap; it and the files after
    /// it are not read.
    #[error(
        "the course is larger than {limit} MiB, the limit for all files together; this file and the ones after it are not read"
    )]
    CourseTooLarge {
        /// The cap, in MiB.
        limit: u64,
    },
    /// The course has more files than the cap; this one and the ones after it are not read.
    #[error(
        "the course has more than {limit} .json files, the limit; this file and the ones after it are not read"
    )]
    TooManyFiles {
        /// The cap.
        limit: usize,
    },
    /// A string (a text, an id...) longer than the cap.
    #[error("this text is {length} bytes long; the limit is {limit} bytes")]
    TextTooLong {
        /// Its length in bytes, as written in the file.
        length: usize,
        /// The cap.
        limit: usize,
    },
    /// More nodes, choices, scenes, lessons or scenarios than the cap.
    #[error("too many {what}: {count}; the limit is {limit}")]
    TooMany {
        /// What: `nodes`, `choices`, `scenes`, `lessons` or `scenarios`.
        what: String,
        /// How many there are.
        count: usize,
        /// The cap.
        limit: usize,
    },
    /// The file starts with more than one byte-order mark.
    #[error(
        "the file starts with two or more byte-order marks (U+FEFF); they are ignored, but save the file as UTF-8 without them"
    )]
    ByteOrderMarks,
}

impl Problem {
    /// The stable code, as printed in `error[CODE]`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Unreadable { .. } => "unreadable",
            Problem::MissingManifest => "missing-manifest",
            Problem::Syntax { .. } => "json-syntax",
            Problem::Type { .. } => "json-type",
            Problem::FormatVersion { .. } => "format-version",
            Problem::UnknownFile => "unknown-file",
            Problem::DuplicateId { .. } => "duplicate-id",
            Problem::MissingItem { .. } => "missing-item",
            Problem::MissingNode { .. } => "missing-node",
            Problem::MissingCharacter { .. } => "missing-character",
            Problem::UndeclaredVariable { .. } => "undeclared-variable",
            Problem::UnknownCompetency { .. } => "unknown-competency",
            Problem::UnusedItem { .. } => "unused-item",
            Problem::UnreachableNode { .. } => "unreachable-node",
            Problem::DeadEnd { .. } => "dead-end",
            Problem::AllChoicesConditional { .. } => "all-choices-conditional",
            Problem::NoReachableEnding => "no-reachable-ending",
            Problem::NodeKind { .. } => "node-kind",
            Problem::SceneKind { .. } => "scene-kind",
            Problem::BadRange { .. } => "bad-range",
            Problem::OutOfRange { .. } => "out-of-range",
            Problem::NoCorrectAnswer => "no-correct-answer",
            Problem::SeveralCorrectAnswers { .. } => "several-correct-answers",
            Problem::Empty { .. } => "empty",
            Problem::MissingLocale { .. } => "missing-locale",
            Problem::UndeclaredLocale { .. } => "undeclared-locale",
            Problem::DefaultLocaleUndeclared { .. } => "default-locale-undeclared",
            Problem::ControlCharacter { .. } => "control-character",
            Problem::IdControlCharacter { .. } => "id-control-character",
            Problem::NotFictional => "not-fictional",
            Problem::OldFormatVersion { .. } => "old-format-version",
            Problem::RouteFallback { .. } => "route-fallback",
            Problem::MissingChoice { .. } => "missing-choice",
            Problem::MissingQuality { .. } => "missing-quality",
            Problem::MissingThinker { .. } => "missing-thinker",
            Problem::DecorativeVariable { .. } => "decorative-variable",
            Problem::HarmfulGoodEnding { .. } => "harmful-good-ending",
            Problem::PositionalAnswer { .. } => "positional-answer",
            Problem::QualityMismatch { .. } => "quality-mismatch",
            Problem::LengthTell { .. } => "length-tell",
            Problem::UnreadableDirectory { .. } => "unreadable-directory",
            Problem::LinkedDirectory => "linked-directory",
            Problem::NotAFile => "not-a-file",
            Problem::FileTooLarge { .. } => "file-too-large",
            Problem::CourseTooLarge { .. } => "course-too-large",
            Problem::TooManyFiles { .. } => "too-many-files",
            Problem::TextTooLong { .. } => "text-too-long",
            Problem::TooMany { .. } => "too-many",
            Problem::ByteOrderMarks => "byte-order-mark",
        }
    }

    /// The severity before `--strict`.
    pub fn default_severity(&self) -> Severity {
        match self {
            Problem::UnknownFile
            | Problem::UnusedItem { .. }
            | Problem::UnreachableNode { .. }
            | Problem::AllChoicesConditional { .. }
            | Problem::OutOfRange { .. }
            | Problem::MissingLocale { .. }
            | Problem::UndeclaredLocale { .. }
            | Problem::OldFormatVersion { .. }
            | Problem::DecorativeVariable { .. }
            | Problem::HarmfulGoodEnding { .. }
            | Problem::PositionalAnswer { .. }
            | Problem::QualityMismatch { .. }
            | Problem::LengthTell { .. }
            | Problem::LinkedDirectory
            | Problem::ByteOrderMarks => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// A problem at a place in a course file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning (after `--strict`).
    pub severity: Severity,
    /// The file, as shown to the author (e.g. `course/scenarios/intake.json`).
    pub file: String,
    /// Line and column of the field, when known.
    pub position: Option<Position>,
    /// The field's path inside the file.
    pub path: FieldPath,
    /// What is wrong.
    #[serde(serialize_with = "serialize_problem")]
    pub problem: Problem,
}

fn serialize_problem<S: serde::Serializer>(p: &Problem, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut st = s.serialize_struct("Problem", 2)?;
    st.serialize_field("code", p.code())?;
    st.serialize_field("message", &p.to_string())?;
    st.end()
}

impl Diagnostic {
    /// The stable code of the problem.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }
}

impl fmt::Display for Diagnostic {
    /// `FILE:LINE:COL: error[CODE]: message (at PATH)`, the format editors understand, on
    /// one line: file names, ids and keys come from the course, so control characters in
    /// them are written out (`\u{1b}`) rather than sent to the terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let (line, column) = self.position.map(|p| (p.line, p.column)).unwrap_or((1, 1));
        let mut text = format!(
            "{}:{}:{}: {}[{}]: {}",
            self.file,
            line,
            column,
            severity,
            self.code(),
            self.problem
        );
        if !self.path.0.is_empty() {
            text.push_str(&format!(" (at {})", self.path));
        }
        f.write_str(&crate::i18n::display::escape(&text))
    }
}
