//! Pure state machines for running a lesson and a scenario. No terminal, no files: the
//! engine takes a checked course and the learner's actions, and returns events and ids.
//!
//! - [`ScenarioRun`]: one attempt at a branching conversation (choices, variables, endings,
//!   rewinding, saving and resuming).
//! - [`LessonRun`]: going through the scenes of a lesson (content notes, quizzes, glossary
//!   cards, reflections, checklists).
//!
//! Both are deterministic: the same actions on the same course give the same run. Neither
//! formats text; they return indices and ids so the screens decide how to show them.

mod inline_list;
pub mod lesson;
mod messages;
pub mod preview;
pub mod scenario;
pub mod testkit;

pub use inline_list::InlineList;
pub use lesson::{
    CardView, LessonRun, LessonState, LessonSummary, QuizAnswer, QuizOptionResult, QuizOutcome,
    ScenePosition, SceneRecord, SceneStatus,
};
pub use preview::{PreviewError, PreviewStart, preview_start};
pub use scenario::{
    AvailableChoice, ChoiceOutcome, ChoiceRef, CompetencyScore, Decision, PathEvent, QualityCounts,
    RestoreError, RunResult, RunSnapshot, ScenarioRun, TurningPoint, VarChange,
};

/// Why the engine refused an action. The state is unchanged when an action is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    /// The scenario run is at an ending; nothing more can be chosen.
    #[error("the conversation has ended")]
    RunEnded,
    /// There is no choice with this position at the current node.
    #[error("there is no choice number {index} here (the node has {count})")]
    NoChoiceAt {
        /// The position asked for, from 0.
        index: usize,
        /// How many choices the node has.
        count: usize,
    },
    /// There is no choice with this id at the current node.
    #[error("there is no choice `{id}` here")]
    UnknownChoice {
        /// The id asked for.
        id: String,
    },
    /// The choice exists but its condition does not hold now.
    #[error("choice `{id}` is not offered now")]
    ChoiceNotOffered {
        /// The choice's id.
        id: String,
    },
    /// Automatic transitions loop without reaching a decision point or an ending.
    #[error("automatic transitions loop at node `{id}`")]
    AutoCycle {
        /// The node where the hop limit was reached.
        id: String,
    },
    /// A route where no arm holds (the validator requires a last arm without a condition).
    #[error("no arm of the route at node `{id}` holds")]
    NoRoute {
        /// The node with the route.
        id: String,
    },
    /// A node index that is not in the scenario (the run belongs to another scenario).
    #[error("node number {index} is not in this scenario")]
    NoSuchNode {
        /// The index.
        index: u32,
    },
    /// Rewinding to a decision that was not taken.
    #[error("decision {decision} was not taken (only {taken} were)")]
    NoSuchDecision {
        /// The decision asked for, from 0.
        decision: usize,
        /// How many decisions were taken.
        taken: usize,
    },
    /// The lesson has no scene with this id.
    #[error("the lesson has no scene `{id}`")]
    UnknownScene {
        /// The id asked for.
        id: String,
    },
    /// The action needs another kind of scene (e.g. answering a quiz on a text scene).
    #[error("this needs a {expected} scene")]
    WrongSceneKind {
        /// The kind of scene the action needs.
        expected: &'static str,
    },
    /// The scene's content note has not been accepted yet.
    #[error("the content note has not been accepted yet")]
    ContentNotePending,
    /// A quiz option or checklist entry id that the scene does not have.
    #[error("there is no option `{id}` here")]
    UnknownOption {
        /// The id given.
        id: String,
    },
    /// The same quiz option was selected twice.
    #[error("option `{id}` was selected twice")]
    DuplicateOption {
        /// The id given twice.
        id: String,
    },
    /// A single-answer quiz takes exactly one option; any quiz takes at least one.
    #[error("select {expected}, not {selected}")]
    SelectionCount {
        /// What the quiz takes: "exactly one option" or "at least one option".
        expected: &'static str,
        /// How many were selected.
        selected: usize,
    },
}
