//! What a front end asks of the session. A key in the TUI, a line in plain mode, a vote in
//! a workshop: each becomes one [`Command`].

use crate::course::checked::NodeIdx;
use crate::course::ids::{ChoiceId, ItemId, Locale, SceneId};
use crate::i18n::UiLocale;
use crate::session::event::ChoiceTally;

/// Where to open an item other than where the learner left it (the facilitator's jump).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A lesson at this scene.
    Scene(SceneId),
    /// A scenario at this node, with the variables at their start.
    Node(NodeIdx),
    /// A scenario at this node with these variable values, one per variable (an author's
    /// preview, `kruispunt play --at`).
    Preview(NodeIdx, Vec<i32>),
}

/// Something a front end asks the session to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Opens a lesson or scenario where the learner left it.
    Open(ItemId),
    /// Opens a lesson or scenario at a place (facilitator mode).
    OpenAt(ItemId, Place),
    /// Reads on after the content note of the scene shown.
    AcceptNote,
    /// Skips the scene shown (at its content note).
    SkipScene,
    /// The next scene; after the last, the lesson is finished.
    NextScene,
    /// The previous scene.
    PreviousScene,
    /// Turns the glossary card shown.
    FlipCard,
    /// The next glossary card.
    NextCard,
    /// The previous glossary card.
    PreviousCard,
    /// Answers the quiz shown with these options (by id).
    Answer(Vec<String>),
    /// Shows the quiz's answer (it then counts as not right at the first try).
    RevealAnswer,
    /// Sets the reflection text of the scene shown; `typing` while the learner writes.
    Reflect {
        /// The whole text.
        text: String,
        /// Still typing (saved after a pause) or done (saved at once).
        typing: bool,
    },
    /// Ticks or clears a checklist entry of the scene shown.
    Tick(String),
    /// Takes a choice at the decision point shown. In a group, with the room's votes.
    Choose {
        /// The choice.
        choice: ChoiceId,
        /// The votes per offered choice, in the order shown (a group only).
        tally: Option<Vec<ChoiceTally>>,
    },
    /// Goes back to just before decision `n` (from 0), as a new attempt.
    Rewind(usize),
    /// Plays the scenario again from the start, as a new attempt.
    Replay,
    /// A facilitator's note, for the session log.
    Note(String),
    /// Switches the interface and course language.
    SetLocale(UiLocale),
    /// Shows course text in a second language under the first (or not).
    SetGloss(Option<Locale>),
    /// Keeps the chosen theme (by its key).
    SetTheme(String),
    /// Leaves the lesson or scenario.
    Close,
}
