//! The checked course: what `validate` produces from the parsed files once every reference
//! resolves. References are indices here, so the engine never looks up a missing id.

use super::ids::*;
use super::model::{
    self, Character, Checklist, CompareOp, CompetencyEvidence, FacilitatorNotes, Glossary,
    KeyPoints, Line, Order, Outcome, Quality, Quiz, Reflection, Testimony, Text, TextScene,
    Variable,
};
use std::collections::HashMap;

mod flow;
pub use flow::{Flow, FlowChoice, FlowNode};

/// A validated course.
#[derive(Debug, Clone)]
pub struct Course {
    /// Stable id of the course.
    pub id: CourseId,
    /// The course's own version.
    pub version: String,
    /// The course title.
    pub title: Text,
    /// What the course is.
    pub description: Text,
    /// The locale texts fall back to.
    pub default_locale: Locale,
    /// The locales the course declares.
    pub locales: Vec<Locale>,
    /// Per interface language, the locales a missing text is shown in before the default
    /// (see [`model::Manifest::fallback`]).
    pub fallback: std::collections::BTreeMap<Locale, Vec<Locale>>,
    /// The competency set of the course.
    pub competencies: Vec<model::CompetencyDef>,
    /// The modules in order; each item id resolves with [`Course::item`].
    pub modules: Vec<Module>,
    /// The items of the course's short core path, in order (see
    /// [`model::Manifest::core_path`]); empty when it has none.
    pub core_path: Vec<ItemId>,
    /// The lesson whose checklists end the session handout (see
    /// [`model::Manifest::job_aid`]).
    pub job_aid: Option<ItemId>,
    /// Every lesson, by id.
    pub lessons: HashMap<ItemId, Lesson>,
    /// Every scenario, by id.
    pub scenarios: HashMap<ItemId, Scenario>,
}

impl Course {
    /// The lesson or scenario with this id.
    pub fn item(&self, id: &str) -> Option<Item<'_>> {
        if let Some(lesson) = self.lessons.get(id) {
            return Some(Item::Lesson(lesson));
        }
        self.scenarios.get(id).map(Item::Scenario)
    }

    /// Every item in course order (module by module).
    pub fn items_in_order(&self) -> impl Iterator<Item = (&Module, Item<'_>)> {
        self.modules.iter().flat_map(move |module| {
            module
                .items
                .iter()
                .filter_map(move |id| self.item(id.as_str()).map(|item| (module, item)))
        })
    }
}

/// A lesson or a scenario.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    /// A lesson.
    Lesson(&'a Lesson),
    /// A scenario.
    Scenario(&'a Scenario),
}

impl Item<'_> {
    /// The item's id.
    pub fn id(&self) -> &ItemId {
        match self {
            Item::Lesson(l) => &l.id,
            Item::Scenario(s) => &s.id,
        }
    }

    /// The item's title.
    pub fn title(&self) -> &Text {
        match self {
            Item::Lesson(l) => &l.title,
            Item::Scenario(s) => &s.title,
        }
    }

    /// The minutes the item is estimated to take for a trainee reading `locale`, when
    /// the course says.
    pub fn estimated_minutes(&self, locale: &str) -> Option<u32> {
        let minutes = match self {
            Item::Lesson(l) => l.estimated_minutes.as_ref(),
            Item::Scenario(s) => s.estimated_minutes.as_ref(),
        };
        minutes.and_then(|m| m.for_locale(locale))
    }
}

/// A module of a validated course: validation resolves nothing in it, so it is the module
/// as written, and its item ids are known to resolve with [`Course::item`].
pub use model::Module;

/// A validated lesson.
#[derive(Debug, Clone)]
pub struct Lesson {
    /// Stable id.
    pub id: ItemId,
    /// Title.
    pub title: Text,
    /// Summary.
    pub summary: Option<Text>,
    /// Estimated minutes.
    pub estimated_minutes: Option<model::Minutes>,
    /// The scenes in order.
    pub scenes: Vec<Scene>,
}

/// A validated scene: exactly one body.
#[derive(Debug, Clone)]
pub struct Scene {
    /// Stable id within the lesson.
    pub id: SceneId,
    /// Optional heading.
    pub title: Option<Text>,
    /// Content note shown first.
    pub content_note: Option<Text>,
    /// Facilitator notes.
    pub facilitator_notes: Option<FacilitatorNotes>,
    /// What the scene shows.
    pub body: SceneBody,
}

/// The kinds of scene.
#[derive(Debug, Clone)]
pub enum SceneBody {
    /// Paragraphs of text.
    Text(TextScene),
    /// A testimony by a fictional persona, shown as a fictional composite.
    Testimony(Testimony),
    /// Key points that close a lesson.
    KeyPoints(KeyPoints),
    /// A set of glossary cards.
    Glossary(Glossary),
    /// A quiz question with one or more correct answers.
    Quiz(Quiz),
    /// A reflection prompt; the trainee's answer is kept privately.
    Reflection(Reflection),
    /// A checklist the trainee goes through.
    Checklist(Checklist),
}

/// Index of a node within its scenario's `nodes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeIdx(pub u32);

/// Index of a variable within its scenario's `variables`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VarIdx(pub u32);

/// A validated scenario.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Stable id.
    pub id: ItemId,
    /// Title.
    pub title: Text,
    /// Setting.
    pub setting: Text,
    /// Goal.
    pub goal: Text,
    /// Content note shown first.
    pub content_note: Option<Text>,
    /// Facilitator notes.
    pub facilitator_notes: Option<FacilitatorNotes>,
    /// Estimated minutes.
    pub estimated_minutes: Option<model::Minutes>,
    /// Characters.
    pub characters: Vec<Character>,
    /// Variables; a [`VarIdx`] indexes this.
    pub variables: Vec<Variable>,
    /// The first node.
    pub start: NodeIdx,
    /// Nodes; a [`NodeIdx`] indexes this.
    pub nodes: Vec<Node>,
    /// Node id to index.
    pub node_index: HashMap<NodeId, NodeIdx>,
    /// The flat structure the engine steps through, built from `nodes` on first use;
    /// construct with `Default::default()`.
    pub flow: std::sync::OnceLock<Flow>,
}

impl Scenario {
    /// The flat structure of the conversation, for the engine.
    pub fn flow(&self) -> &Flow {
        self.flow.get_or_init(|| Flow::of(&self.nodes))
    }

    /// The node at `idx`.
    pub fn node(&self, idx: NodeIdx) -> &Node {
        &self.nodes[idx.0 as usize]
    }

    /// The index of the node with this id.
    pub fn node_idx(&self, id: &str) -> Option<NodeIdx> {
        self.node_index.get(id).copied()
    }

    /// The index of the variable with this id.
    pub fn var_idx(&self, id: &str) -> Option<VarIdx> {
        self.variables
            .iter()
            .position(|v| v.id.as_str() == id)
            .map(|i| VarIdx(i as u32))
    }

    /// The character with this id.
    pub fn character(&self, id: &CharacterId) -> Option<&Character> {
        self.characters.iter().find(|c| &c.id == id)
    }
}

/// A validated node.
#[derive(Debug, Clone)]
pub struct Node {
    /// Stable id.
    pub id: NodeId,
    /// What the characters say.
    pub lines: Vec<Line>,
    /// Facilitator notes, boxed: few nodes have them, and a smaller node keeps the
    /// engine's walk through a long conversation in fewer cache lines.
    pub facilitator_notes: Option<Box<FacilitatorNotes>>,
    /// How the choices are ordered on screen.
    pub order: Order,
    /// What happens after the lines.
    pub step: Step,
}

/// What follows a node's lines.
#[derive(Debug, Clone)]
pub enum Step {
    /// The learner chooses.
    Choices(Vec<Choice>),
    /// The conversation moves on by itself.
    Auto(NodeIdx),
    /// The conversation moves on by itself, to the first arm whose condition holds.
    Route(Vec<RouteArm>),
    /// The conversation ends.
    Ending(Ending),
}

/// One arm of a route.
#[derive(Debug, Clone)]
pub struct RouteArm {
    /// Taken when this holds (always, without one).
    pub condition: Option<Cond>,
    /// Where the conversation goes.
    pub next: NodeIdx,
}

/// A validated choice.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Stable id within the node.
    pub id: ChoiceId,
    /// What the learner says.
    pub text: Text,
    /// The coach's feedback.
    pub feedback: Text,
    /// How good the choice is (inferred for a version 1 course).
    pub quality: Quality,
    /// A character's inner thought in reaction.
    pub thought: Option<Text>,
    /// Whose thought it is.
    pub thinker: Option<CharacterId>,
    /// Variable changes.
    pub effects: Vec<(VarIdx, i32)>,
    /// Competencies shown or breached.
    pub competencies: CompetencyEvidence,
    /// Offered only when this holds.
    pub condition: Option<Cond>,
    /// Where the conversation goes.
    pub next: NodeIdx,
}

/// A resolved condition.
#[derive(Debug, Clone)]
pub enum Cond {
    /// Every one of these holds.
    All(Vec<Cond>),
    /// At least one of these holds.
    Any(Vec<Cond>),
    /// This does not hold.
    Not(Box<Cond>),
    /// This node was visited.
    Visited(NodeIdx),
    /// A variable compared with a number.
    Compare {
        /// The variable.
        var: VarIdx,
        /// The comparison.
        op: CompareOp,
        /// The number to compare with.
        value: i32,
    },
    /// A choice of this quality was taken.
    ChoseQuality(Quality),
    /// The choice at this position of this node was taken.
    Chose {
        /// The node.
        node: NodeIdx,
        /// The choice's position among the node's choices.
        choice: u32,
    },
}

/// A validated ending.
#[derive(Debug, Clone)]
pub struct Ending {
    /// Good, mixed or poor.
    pub outcome: Outcome,
    /// Title.
    pub title: Text,
    /// Debrief parts in order; a part with a condition shows only when it holds.
    pub debrief: Vec<DebriefPart>,
}

/// One part of a checked debrief.
#[derive(Debug, Clone)]
pub struct DebriefPart {
    /// Shown only when this holds.
    pub condition: Option<Cond>,
    /// The text.
    pub text: Text,
}

/// What an attempt has done so far, as conditions read it.
#[derive(Debug, Clone, Copy)]
pub struct Memory<'a> {
    /// Variable values, by [`VarIdx`].
    pub vars: &'a [i32],
    /// Visited nodes, by [`NodeIdx`].
    pub visited: &'a [bool],
    /// Choices taken, one bit each by their position in the [`Flow`]'s choices (a bitset
    /// keeps it small, so it stays in cache on a long conversation).
    pub chosen: &'a [u64],
    /// Qualities of the choices taken, one bit per [`Quality`] (best = bit 0).
    pub qualities: u8,
}

impl Memory<'_> {
    /// Whether the choice at `position` of the flow's choices was taken.
    #[inline]
    pub fn has_chosen(&self, position: usize) -> bool {
        self.chosen
            .get(position / 64)
            .is_some_and(|word| word >> (position % 64) & 1 == 1)
    }

    /// The bit of `quality` in [`Memory::qualities`].
    pub fn quality_bit(quality: Quality) -> u8 {
        1 << (quality as u8)
    }

    /// Whether `node` was visited (a node outside the scenario was not).
    #[inline]
    pub fn has_visited(&self, node: NodeIdx) -> bool {
        self.visited.get(node.0 as usize).copied().unwrap_or(false)
    }

    /// Whether variable `var` compares so with `value` (a variable outside the scenario
    /// never does).
    #[inline]
    pub fn compares(&self, var: VarIdx, op: CompareOp, value: i32) -> bool {
        self.vars
            .get(var.0 as usize)
            .is_some_and(|&v| op.holds(v, value))
    }

    /// Whether a choice of `quality` was taken.
    #[inline]
    pub fn has_chosen_quality(&self, quality: Quality) -> bool {
        self.qualities & Self::quality_bit(quality) != 0
    }
}
