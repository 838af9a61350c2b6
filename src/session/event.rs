//! What the session says happened: one [`Event`] per fact, with its time, the item and
//! (in a scenario) the attempt. Subscribers (the progress recorder, the facilitator's
//! session log, later learning records and the workshop server) listen to these; none of
//! them looks at a screen.

use crate::course::ids::{ChoiceId, ItemId, NodeId, SceneId};
use crate::course::model::{Outcome, Quality};
use crate::progress::Timestamp;
use crate::progress::runs::Resumed;

/// One thing that happened in a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When (wall time, as the session's clock said).
    pub at: Timestamp,
    /// The lesson or scenario it happened in; `None` for settings and saves.
    pub item: Option<ItemId>,
    /// In a scenario: the attempt, from 1, as numbered in the progress file.
    pub attempt: Option<u32>,
    /// What happened.
    pub kind: EventKind,
}

/// The votes one choice got in a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceTally {
    /// The choice.
    pub choice: ChoiceId,
    /// How many hands (or trainees) went for it.
    pub votes: u32,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// A lesson or scenario was opened. For a scenario, how the saved attempt was taken up.
    Opened {
        /// `None` for a lesson.
        resumed: Option<Resumed>,
    },
    /// A lesson scene is shown (also when only its content note is).
    SceneShown {
        /// The scene.
        scene: SceneId,
        /// Its number, from 1.
        number: usize,
        /// How many scenes the lesson has.
        total: usize,
    },
    /// The learner read on after a content note.
    NoteAccepted {
        /// The scene.
        scene: SceneId,
    },
    /// The learner skipped a scene at its content note.
    SceneSkipped {
        /// The scene.
        scene: SceneId,
    },
    /// A glossary card was turned or another card shown (kept, not worth a save of its own).
    CardMoved {
        /// The glossary scene.
        scene: SceneId,
    },
    /// A quiz was answered.
    Answered {
        /// The quiz scene.
        scene: SceneId,
        /// The options selected, by id.
        selected: Vec<String>,
        /// Whether the answer was right.
        correct: bool,
        /// Whether this was the first try.
        first_try: bool,
    },
    /// The learner asked for a quiz's answer.
    Revealed {
        /// The quiz scene.
        scene: SceneId,
    },
    /// The reflection text changed.
    Reflected {
        /// The reflection scene.
        scene: SceneId,
        /// Still typing: saved once the learner pauses.
        typing: bool,
    },
    /// A checklist entry was ticked or cleared.
    Ticked {
        /// The checklist scene.
        scene: SceneId,
        /// The entry.
        entry: String,
        /// Ticked (true) or cleared.
        checked: bool,
    },
    /// The last scene of a lesson was left.
    LessonFinished,
    /// A choice was taken at a decision point.
    Chose {
        /// The decision point.
        node: NodeId,
        /// The choice.
        choice: ChoiceId,
        /// Its quality, as the author judged it.
        quality: Quality,
        /// In a group: the votes per offered choice, in the order shown.
        tally: Option<Vec<ChoiceTally>>,
    },
    /// A node was entered (after a choice, or passed through).
    Entered {
        /// The node.
        node: NodeId,
    },
    /// The conversation stands at this node now (a decision point or an ending): after
    /// opening, a choice, a rewind or a restart.
    NodeShown {
        /// The node.
        node: NodeId,
    },
    /// An ending was reached.
    Ended {
        /// The ending node.
        node: NodeId,
        /// How it went.
        outcome: Outcome,
    },
    /// The learner went back to before a decision, as a new attempt.
    Rewound {
        /// The decision point the conversation is back at.
        to: NodeId,
        /// The decision, from 0.
        decision: usize,
    },
    /// The scenario was started again, as a new attempt.
    Restarted,
    /// A note typed by a facilitator.
    NoteWritten {
        /// The note.
        text: String,
    },
    /// The interface language, the gloss or the theme changed.
    SettingsChanged,
    /// The lesson or scenario was left.
    Closed,
    /// Everything so far was saved.
    Saved,
    /// Saving failed; the progress is still in memory.
    SaveFailed {
        /// Why, in the interface language.
        reason: String,
    },
}

impl EventKind {
    /// Whether the event is a step worth saving at once (typing waits for a pause; moving
    /// between glossary cards rides along with the next step).
    pub fn is_step(&self) -> bool {
        !matches!(
            self,
            EventKind::Reflected { typing: true, .. }
                | EventKind::CardMoved { .. }
                | EventKind::Saved
                | EventKind::SaveFailed { .. }
        )
    }
}
