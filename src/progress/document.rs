//! The progress document: the progress layer's own serde types. They are deliberately not
//! the engine's types, so the file format only changes on purpose, with a new
//! [`SCHEMA_VERSION`](super::SCHEMA_VERSION) and a migration.
//!
//! Everything is keyed by the course's ids. Ids that no longer exist in the course stay in
//! the document untouched (they are ignored, never deleted), so a course update that removes
//! and later restores an item loses nothing.

use crate::course::checked::{self, Course};
use crate::course::ids::{ChoiceId, CourseId, ItemId, Locale, NodeId, OptionId, SceneId, VarId};
use crate::course::model;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub use super::timestamp::Timestamp;

/// Which course (and which version of it) the progress was saved against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseStamp {
    /// The course id.
    pub id: CourseId,
    /// The course's own version string.
    pub version: String,
}

impl CourseStamp {
    /// The stamp of a checked course.
    pub fn of(course: &Course) -> Self {
        Self {
            id: course.id.clone(),
            version: course.version.clone(),
        }
    }
}

/// One learner's progress through one course: the whole content of a profile file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The course this progress was last saved against.
    pub course: CourseStamp,
    /// When the profile was created.
    pub created_at: Timestamp,
    /// When the progress last changed.
    pub updated_at: Timestamp,
    /// Where the learner was last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_position: Option<Position>,
    /// Progress per item (lesson or scenario), by item id.
    #[serde(default)]
    pub items: BTreeMap<ItemId, ItemProgress>,
    /// Interface settings kept per profile.
    #[serde(default)]
    pub settings: Settings,
}

impl Progress {
    /// Empty progress for `course`, created `now`.
    pub fn new(course: CourseStamp, now: Timestamp) -> Self {
        Self {
            course,
            created_at: now,
            updated_at: now,
            last_position: None,
            items: BTreeMap::new(),
            settings: Settings::default(),
        }
    }

    /// The progress of `item`, created (not started) when there is none yet.
    pub fn item_mut(&mut self, item: &ItemId) -> &mut ItemProgress {
        self.items.entry(item.clone()).or_default()
    }

    /// Marks the progress as changed `now`.
    pub fn touch(&mut self, now: Timestamp) {
        self.updated_at = now;
    }

    /// The ids of completed items.
    pub fn completed_items(&self) -> BTreeSet<ItemId> {
        self.items
            .iter()
            .filter(|(_, p)| p.status == ItemStatus::Completed)
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// Where to resume `item` in `course`. Saved positions that no longer resolve (the
    /// course changed) fall back to the start of the item; the saved data is kept.
    pub fn resume(&self, course: &Course, item: &str) -> Resume {
        let Some(found) = course.item(item) else {
            return Resume::NotInCourse;
        };
        let Some(saved) = self.items.get(item) else {
            return Resume::Start { fell_back: false };
        };
        match found {
            checked::Item::Lesson(lesson) => match &saved.lesson.current_scene {
                None => Resume::Start { fell_back: false },
                Some(scene) if lesson.scenes.iter().any(|s| &s.id == scene) => {
                    Resume::Scene(scene.clone())
                }
                Some(_) => Resume::Start { fell_back: true },
            },
            checked::Item::Scenario(scenario) => match saved.open_attempt() {
                None => Resume::Start { fell_back: false },
                Some(attempt) if attempt_resolves(attempt, scenario) => {
                    Resume::Node(attempt.current_node.clone())
                }
                Some(_) => Resume::Start { fell_back: true },
            },
        }
    }
}

/// An unfinished attempt resumes only when its current node and every step of its path
/// still exist: the engine replays the path to rebuild variables and visited nodes.
fn attempt_resolves(attempt: &ScenarioAttempt, scenario: &checked::Scenario) -> bool {
    let node_exists = |id: &NodeId| scenario.node_idx(id.as_str()).is_some();
    let choice_exists = |taken: &ChoiceTaken| {
        scenario
            .node_idx(taken.node.as_str())
            .map(|idx| scenario.node(idx))
            .is_some_and(|node| match &node.step {
                checked::Step::Choices(choices) => choices.iter().any(|c| c.id == taken.choice),
                _ => false,
            })
    };
    node_exists(&attempt.current_node) && attempt.choices.iter().all(choice_exists)
}

/// Where to resume an item, from [`Progress::resume`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resume {
    /// At the start of the item. `fell_back` is true when a saved position existed but no
    /// longer matches the course, so the interface can say so.
    Start {
        /// A saved position was ignored because the course changed.
        fell_back: bool,
    },
    /// At this scene of the lesson.
    Scene(SceneId),
    /// At this node of the unfinished scenario attempt ([`ItemProgress::open_attempt`]).
    Node(NodeId),
    /// The course has no item with this id.
    NotInCourse,
}

/// A place in the course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The item.
    pub item: ItemId,
    /// Where in the item; absent means its start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Place>,
}

/// A place inside an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// A scene of a lesson.
    Scene(SceneId),
    /// A node of a scenario.
    Node(NodeId),
}

/// How far an item got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Not opened yet.
    #[default]
    NotStarted,
    /// Opened, not finished.
    InProgress,
    /// Finished.
    Completed,
    /// Deliberately skipped by the learner.
    Skipped,
}

/// Progress on one item. A lesson uses `lesson` and `reflections`; a scenario uses
/// `attempts`. Both are present (possibly empty) so the shape never depends on the course.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemProgress {
    /// How far the item got.
    #[serde(default)]
    pub status: ItemStatus,
    /// Lesson state.
    #[serde(default, skip_serializing_if = "LessonProgress::is_empty")]
    pub lesson: LessonProgress,
    /// Reflections by scene id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reflections: BTreeMap<SceneId, ReflectionText>,
    /// Every scenario attempt, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attempts: Vec<ScenarioAttempt>,
}

impl ItemProgress {
    /// The last attempt, when it has not reached an ending.
    pub fn open_attempt(&self) -> Option<&ScenarioAttempt> {
        self.attempts.last().filter(|a| a.ending.is_none())
    }
}

/// Where the learner is in a lesson and what they did per scene.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// The scene the learner is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_scene: Option<SceneId>,
    /// Per scene, by scene id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scenes: BTreeMap<SceneId, SceneProgress>,
    /// When the lesson was first opened (absent in files from before schema version 5, and
    /// for lessons opened before then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    /// When the lesson was completed (absent in files from before schema version 5, and
    /// for lessons completed before then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Timestamp>,
}

impl LessonProgress {
    /// Nothing recorded yet.
    pub fn is_empty(&self) -> bool {
        self.current_scene.is_none()
            && self.scenes.is_empty()
            && self.started_at.is_none()
            && self.completed_at.is_none()
    }

    /// From first opening to completion, in whole seconds, when both were recorded.
    pub fn duration(&self) -> Option<u64> {
        let (start, end) = (self.started_at?, self.completed_at?);
        Some(end.0.saturating_sub(start.0))
    }
}

/// What happened in one scene.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SceneProgress {
    /// The scene was shown.
    #[serde(default)]
    pub visited: bool,
    /// When the scene was first shown (absent in files from before schema version 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visited_at: Option<Timestamp>,
    /// The quiz answer, for a quiz scene.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<QuizRecord>,
    /// Ticked checklist entries, for a checklist scene.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub checked: BTreeSet<OptionId>,
    /// What the learner did with the scene's content note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_note: Option<ContentNoteChoice>,
}

/// A quiz answer: the first answer counts, later tries are only counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizRecord {
    /// The option ids of the first answer.
    pub first_answer: Vec<OptionId>,
    /// Whether the first answer was right.
    pub first_correct: bool,
    /// How many times the learner answered.
    pub attempts: u32,
    /// Whether the learner asked to see the answer (it then stays shown).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revealed_on_request: bool,
    /// When the first answer was given (absent in files from before schema version 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_answered_at: Option<Timestamp>,
}

/// The learner's response to a content note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentNoteChoice {
    /// Read on.
    Accepted,
    /// Skipped the scene.
    Skipped,
}

/// A reflection the learner wrote. Never leaves the machine except through an export that
/// explicitly asks to include reflections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReflectionText {
    /// What the learner wrote.
    pub text: String,
    /// When it last changed.
    pub updated_at: Timestamp,
}

/// One try at a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioAttempt {
    /// The choices taken, in order.
    #[serde(default)]
    pub choices: Vec<ChoiceTaken>,
    /// The node the conversation is at (the ending node once finished).
    pub current_node: NodeId,
    /// The ending reached, once finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ending: Option<AttemptEnding>,
    /// Variable values by variable id.
    #[serde(default)]
    pub variables: BTreeMap<VarId, i32>,
    /// When the attempt began.
    pub started_at: Timestamp,
    /// When it reached an ending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<Timestamp>,
    /// The seed of the order the choices were shown in (absent in files from before
    /// choices were shuffled: the attempt then gets the seed of its position).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

/// One decision: the choice taken at a node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceTaken {
    /// The node where the choice was made.
    pub node: NodeId,
    /// The choice taken.
    pub choice: ChoiceId,
    /// When it was taken (absent in files from before schema version 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
}

impl ChoiceTaken {
    /// Whether `other` is the same decision (same node, same choice), whenever it was taken.
    pub fn same_decision(&self, other: &ChoiceTaken) -> bool {
        self.node == other.node && self.choice == other.choice
    }
}

/// The ending an attempt reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptEnding {
    /// The ending node.
    pub node: NodeId,
    /// How it went.
    pub outcome: EndingOutcome,
}

/// How a conversation ended; the progress file's own copy of the course's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndingOutcome {
    /// A good ending.
    Good,
    /// A mixed ending.
    Mixed,
    /// A poor ending.
    Poor,
}

impl From<model::Outcome> for EndingOutcome {
    fn from(outcome: model::Outcome) -> Self {
        match outcome {
            model::Outcome::Good => Self::Good,
            model::Outcome::Mixed => Self::Mixed,
            model::Outcome::Poor => Self::Poor,
        }
    }
}

/// Interface settings kept per profile; absent means "follow the system / the default".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The interface language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The colour theme's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// The language of glossary translations shown next to terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gloss_locale: Option<Locale>,
}
