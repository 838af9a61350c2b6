//! Twine stories in Twee 3 notation, imported as Kruispunt scenarios and exported back
//! (`kruispunt import twee`, `kruispunt export twee`).
//!
//! The Twee notation is read and written by [`story`]; the Kruispunt convention on top of
//! it (documented for authors in `docs/twee.md`) by [`import`](import_twee) and
//! [`export`](export_twee):
//!
//! - a passage named `Kruispunt` holds what Twine has no place for: the scenario's id,
//!   setting, goal, characters and variables, as `@name value` lines;
//! - every other passage is a node; `[[links]]` are its choices, and the `@` lines after a
//!   link say the choice's feedback, quality, effects and competencies;
//! - tags say the rest: `ending-good`, `ending-mixed`, `ending-poor` for endings, `route`
//!   and `next` for automatic transitions, `speaker-NAME` for who speaks.
//!
//! Story-format code (Harlowe, SugarCube, Chapbook, Snowman) has no place in a scenario:
//! the importer keeps the text and reports each construct with its passage and line. What
//! a valid scenario still needs (feedback, a quality, an ending's outcome) is reported as
//! notes to add, by passage and line, so the author knows exactly what is left.

mod condition;
mod constructs;
mod export;
mod import;
mod links;
mod messages;
mod node;
pub mod story;

pub use constructs::StoryFormat;
pub use export::export_twee;
pub use import::{ImportOptions, Imported, import_twee};

/// The name of the passage that holds the scenario's own fields.
pub const SCENARIO_PASSAGE: &str = "Kruispunt";

/// Why a Twee file cannot be imported, or a scenario cannot be exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TweeError {
    /// The file is not UTF-8.
    #[error("line {line}: the file is not UTF-8")]
    NotUtf8 {
        /// The line of the first invalid byte, from 1.
        line: usize,
    },
    /// The file is larger than [`story::MAX_TWEE_BYTES`].
    #[error("the file is larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The file has more passages than [`story::MAX_PASSAGES`].
    #[error("the file has more than {limit} passages")]
    TooManyPassages {
        /// The limit.
        limit: usize,
    },
    /// No line starts with `::`.
    #[error("no passage: no line starts with `::`")]
    NoPassages,
    /// A header has no name.
    #[error("line {line}: a passage header without a name")]
    NoPassageName {
        /// The header's line.
        line: usize,
    },
    /// Two passages have the same name.
    #[error("line {line}: a second passage named {name:?} (the first is on line {first_line})")]
    DuplicatePassage {
        /// The name.
        name: String,
        /// The first one's header line.
        first_line: usize,
        /// The second one's header line.
        line: usize,
    },
    /// The scenario has no text in the locale asked for.
    #[error("scenario {scenario} has no `{locale}` texts")]
    NoTextsInLocale {
        /// The scenario id.
        scenario: String,
        /// The locale asked for.
        locale: String,
    },
    /// A node id cannot be a Twee passage name that links can point at.
    #[error("node {node:?} cannot be a passage name")]
    UnusableNodeId {
        /// The node id.
        node: String,
    },
}

/// Something the importer tells the author, at a place in the Twee file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Where.
    pub place: Place,
    /// What.
    pub kind: NoteKind,
}

impl Note {
    /// A note of `kind` at `place`.
    pub fn new(place: Place, kind: NoteKind) -> Self {
        Self { place, kind }
    }

    /// Whether the author must still add something for the scenario to be valid (the
    /// other notes are about what was not imported).
    pub fn is_to_add(&self) -> bool {
        self.kind.is_to_add()
    }
}

/// Where in the Twee file a note is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A line outside any passage, or a whole-file matter (`line` 0).
    File {
        /// The line, from 1; 0 for the whole file.
        line: usize,
    },
    /// A line of a passage.
    Passage {
        /// The passage name.
        name: String,
        /// The line in the file, from 1.
        line: usize,
    },
}

impl Place {
    /// A line of passage `name`.
    pub fn passage(name: &str, line: usize) -> Self {
        Place::Passage {
            name: name.to_owned(),
            line,
        }
    }

    /// The line in the file (0: the whole file).
    pub fn line(&self) -> usize {
        match self {
            Place::File { line } | Place::Passage { line, .. } => *line,
        }
    }
}

/// What a note says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// Text before the first passage header, which Twee ignores.
    TextBeforeFirstPassage,
    /// `StoryData` is not a JSON object; it was ignored.
    BadStoryData,
    /// A header's metadata block is not JSON; it was ignored.
    BadMetadata,
    /// A header's tag block has no closing `]`.
    UnclosedTags,
    /// Story-format code, kept as text.
    Construct {
        /// Its format.
        format: StoryFormat,
        /// The construct, shortened.
        token: String,
    },
    /// A Chapbook vars section, kept as text.
    ChapbookVars,
    /// A link's SugarCube setter (`][$x to 1]`), left out.
    SetterLink,
    /// A passage that is code, style or a story format's special passage: not a node.
    SkippedPassage,
    /// An `@` line this convention does not know.
    UnknownDirective {
        /// The directive as written.
        directive: String,
    },
    /// An `@` line where it means nothing (e.g. `@feedback` before any link).
    MisplacedDirective {
        /// The directive.
        directive: String,
    },
    /// An `@` line whose value cannot be read.
    BadValue {
        /// The directive.
        directive: String,
        /// The value as written.
        value: String,
    },
    /// Links in an ending passage, which has no choices: left out.
    LinksInEnding,
    /// More than one link in a `next` passage: only the first is used.
    ExtraLinks,
    /// No `start` in `StoryData` and no passage `Start`: the first passage starts.
    FirstPassageStarts,
    /// A choice without `@feedback`.
    AddFeedback {
        /// The link's target.
        target: String,
    },
    /// A choice without `@quality`.
    AddQuality {
        /// The link's target.
        target: String,
    },
    /// A choice with `@thought` but no `@thinker`.
    AddThinker {
        /// The link's target.
        target: String,
    },
    /// A link to a passage that does not exist.
    AddPassage {
        /// The missing passage's name.
        target: String,
    },
    /// A passage with no link and no ending tag.
    AddWayOn,
    /// A passage tagged `ending` without an outcome.
    AddOutcome,
    /// An ending without `@debrief`.
    AddDebrief,
    /// The scenario has no `@setting`.
    AddSetting,
    /// The scenario has no `@goal`.
    AddGoal,
    /// A character (made from a speaker) without `@role`.
    AddRole {
        /// The character id.
        character: String,
    },
    /// A character without `@bio`.
    AddBio {
        /// The character id.
        character: String,
    },
}

impl NoteKind {
    /// Whether this is something the author must still add.
    pub fn is_to_add(&self) -> bool {
        matches!(
            self,
            NoteKind::AddFeedback { .. }
                | NoteKind::AddQuality { .. }
                | NoteKind::AddThinker { .. }
                | NoteKind::AddPassage { .. }
                | NoteKind::AddWayOn
                | NoteKind::AddOutcome
                | NoteKind::AddDebrief
                | NoteKind::AddSetting
                | NoteKind::AddGoal
                | NoteKind::AddRole { .. }
                | NoteKind::AddBio { .. }
        )
    }
}

/// Reads `bytes` as the UTF-8 text of a Twee file.
pub fn twee_text(bytes: &[u8]) -> Result<&str, TweeError> {
    if bytes.len() > story::MAX_TWEE_BYTES {
        return Err(TweeError::TooLarge {
            limit: story::MAX_TWEE_BYTES,
        });
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
        TweeError::NotUtf8 {
            line: 1 + valid.iter().filter(|&&b| b == b'\n').count(),
        }
    })
}
