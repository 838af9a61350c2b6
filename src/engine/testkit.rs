//! Small builders for checked scenarios and lessons, for tests and benchmarks: they write
//! a scenario or lesson in a few lines without going through files and the validator.
//!
//! Texts are filled in from the ids (in `en`), so tests can tell them apart. The builders
//! panic on a reference to an id they do not know: they are for hand-written fixtures, never
//! for course data.

use crate::course::checked::{
    Choice, Cond, Course, DebriefPart, Ending, Lesson, Module, Node, NodeIdx, Scenario, Scene,
    SceneBody, Step, VarIdx,
};
use crate::course::ids::{
    CharacterId, ChoiceId, Competency, CourseId, Locale, ModuleId, NodeId, OptionId, SceneId, VarId,
};
use crate::course::model::{
    Checklist, ChecklistEntry, CompareOp, CompetencyEvidence, Evidence, Glossary, GlossaryCard,
    Order, Outcome, Quality, Quiz, QuizOption, Reflection, Text, TextScene, Variable,
};
use std::collections::HashMap;

/// A checked course in English of one module `m` holding `lessons`, then `scenarios`, in
/// that order; no competencies, no core path, no job aid. Tests set what they need on top
/// (`Course { id: …, ..course(lessons, scenarios) }`).
pub fn course(lessons: Vec<Lesson>, scenarios: Vec<Scenario>) -> Course {
    let items = lessons
        .iter()
        .map(|l| l.id.clone())
        .chain(scenarios.iter().map(|s| s.id.clone()))
        .collect();
    Course {
        id: CourseId::from("c"),
        version: "1".into(),
        title: text("C"),
        description: text("C"),
        default_locale: Locale::from("en"),
        locales: vec![Locale::from("en")],
        fallback: Default::default(),
        core_path: Vec::new(),
        job_aid: None,
        competencies: Vec::new(),
        modules: vec![Module {
            id: ModuleId::from("m"),
            title: text("M"),
            description: None,
            items,
            facilitator_notes: None,
        }],
        lessons: lessons.into_iter().map(|l| (l.id.clone(), l)).collect(),
        scenarios: scenarios.into_iter().map(|s| (s.id.clone(), s)).collect(),
    }
}

/// An English-only text.
pub fn text(s: &str) -> Text {
    Text::from_iter([(Locale::from("en"), s.to_owned())])
}

/// A condition written with ids, resolved when the scenario is built.
#[derive(Debug, Clone)]
pub enum CondSpec {
    /// All hold.
    All(Vec<CondSpec>),
    /// At least one holds.
    Any(Vec<CondSpec>),
    /// Does not hold.
    Not(Box<CondSpec>),
    /// The node was visited.
    Visited(String),
    /// A variable compared with a number.
    Compare(String, CompareOp, i32),
}

/// `var op value`.
pub fn compare(var: &str, op: CompareOp, value: i32) -> CondSpec {
    CondSpec::Compare(var.to_owned(), op, value)
}

/// The node was visited.
pub fn visited(node: &str) -> CondSpec {
    CondSpec::Visited(node.to_owned())
}

/// All of these hold.
pub fn all(conds: impl IntoIterator<Item = CondSpec>) -> CondSpec {
    CondSpec::All(conds.into_iter().collect())
}

/// Any of these holds.
pub fn any(conds: impl IntoIterator<Item = CondSpec>) -> CondSpec {
    CondSpec::Any(conds.into_iter().collect())
}

/// This does not hold.
pub fn not(cond: CondSpec) -> CondSpec {
    CondSpec::Not(Box::new(cond))
}

/// A choice written with ids.
#[derive(Debug, Clone)]
pub struct ChoiceSpec {
    id: String,
    next: String,
    effects: Vec<(String, i32)>,
    competencies: Vec<(String, Evidence)>,
    condition: Option<CondSpec>,
    quality: Option<Quality>,
    thought: Option<(String, String)>,
}

/// A choice `id` leading to node `next`.
pub fn choice(id: &str, next: &str) -> ChoiceSpec {
    ChoiceSpec {
        id: id.to_owned(),
        next: next.to_owned(),
        effects: Vec::new(),
        competencies: Vec::new(),
        condition: None,
        quality: None,
        thought: None,
    }
}

impl ChoiceSpec {
    /// Adds an effect on a variable.
    pub fn effect(mut self, var: &str, delta: i32) -> Self {
        self.effects.push((var.to_owned(), delta));
        self
    }

    /// Adds a competency the choice shows.
    pub fn competency(mut self, tag: &str) -> Self {
        self.competencies.push((tag.to_owned(), Evidence::Shown));
        self
    }

    /// Adds a competency the choice breaches.
    pub fn breaches(mut self, tag: &str) -> Self {
        self.competencies.push((tag.to_owned(), Evidence::Breached));
        self
    }

    /// Sets the choice's quality (without it: best when it shows a competency, else
    /// acceptable).
    pub fn quality(mut self, quality: Quality) -> Self {
        self.quality = Some(quality);
        self
    }

    /// Gives the choice a reaction `thought` of character `thinker`.
    pub fn thought(mut self, thinker: &str, thought: &str) -> Self {
        self.thought = Some((thinker.to_owned(), thought.to_owned()));
        self
    }

    /// Offers the choice only when `cond` holds.
    pub fn when(mut self, cond: CondSpec) -> Self {
        self.condition = Some(cond);
        self
    }
}

#[derive(Debug, Clone)]
enum StepSpec {
    Choices(Vec<ChoiceSpec>),
    Auto(String),
    Ending(Outcome),
}

/// Builds a checked [`Scenario`]. The first node added is the start unless
/// [`ScenarioBuilder::start`] says otherwise.
#[derive(Debug, Clone)]
pub struct ScenarioBuilder {
    id: String,
    start: Option<String>,
    variables: Vec<Variable>,
    nodes: Vec<(String, StepSpec)>,
}

impl ScenarioBuilder {
    /// A scenario with this id and nothing in it yet.
    pub fn new(id: &str) -> Self {
        Self {
            id: id.to_owned(),
            start: None,
            variables: Vec::new(),
            nodes: Vec::new(),
        }
    }

    /// Declares a variable.
    pub fn var(mut self, id: &str, min: i32, max: i32, start: i32) -> Self {
        self.variables.push(Variable {
            id: VarId::from(id),
            label: text(id),
            min,
            max,
            start,
        });
        self
    }

    /// Sets the start node.
    pub fn start(mut self, node: &str) -> Self {
        self.start = Some(node.to_owned());
        self
    }

    /// Adds a decision point.
    pub fn choices(mut self, node: &str, choices: impl IntoIterator<Item = ChoiceSpec>) -> Self {
        let step = StepSpec::Choices(choices.into_iter().collect());
        self.nodes.push((node.to_owned(), step));
        self
    }

    /// Adds a node that moves on to `next` by itself.
    pub fn auto(mut self, node: &str, next: &str) -> Self {
        self.nodes
            .push((node.to_owned(), StepSpec::Auto(next.to_owned())));
        self
    }

    /// Adds an ending.
    pub fn ending(mut self, node: &str, outcome: Outcome) -> Self {
        self.nodes
            .push((node.to_owned(), StepSpec::Ending(outcome)));
        self
    }

    /// The checked scenario.
    ///
    /// # Panics
    /// On a reference to an undeclared node or variable.
    pub fn build(self) -> Scenario {
        let node_index: HashMap<NodeId, NodeIdx> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (NodeId::from(id.as_str()), NodeIdx(i as u32)))
            .collect();
        let node = |id: &str| -> NodeIdx {
            *node_index
                .get(id)
                .unwrap_or_else(|| panic!("testkit: unknown node `{id}`"))
        };
        let var = |id: &str| -> VarIdx {
            let i = self
                .variables
                .iter()
                .position(|v| v.id.as_str() == id)
                .unwrap_or_else(|| panic!("testkit: unknown variable `{id}`"));
            VarIdx(i as u32)
        };
        fn cond(
            spec: &CondSpec,
            node: &dyn Fn(&str) -> NodeIdx,
            var: &dyn Fn(&str) -> VarIdx,
        ) -> Cond {
            match spec {
                CondSpec::All(cs) => Cond::All(cs.iter().map(|c| cond(c, node, var)).collect()),
                CondSpec::Any(cs) => Cond::Any(cs.iter().map(|c| cond(c, node, var)).collect()),
                CondSpec::Not(c) => Cond::Not(Box::new(cond(c, node, var))),
                CondSpec::Visited(n) => Cond::Visited(node(n)),
                CondSpec::Compare(v, op, value) => Cond::Compare {
                    var: var(v),
                    op: *op,
                    value: *value,
                },
            }
        }
        let nodes = self
            .nodes
            .iter()
            .map(|(id, step)| Node {
                id: NodeId::from(id.as_str()),
                lines: Vec::new(),
                facilitator_notes: None,
                // Tests name choices by their written position; shuffling has its own tests.
                order: Order::Fixed,
                step: match step {
                    StepSpec::Choices(choices) => Step::Choices(
                        choices
                            .iter()
                            .map(|c| Choice {
                                id: ChoiceId::from(c.id.as_str()),
                                text: text(&c.id),
                                feedback: text(&format!("feedback {}", c.id)),
                                quality: c.quality.unwrap_or(if c.competencies.is_empty() {
                                    Quality::Acceptable
                                } else {
                                    Quality::Best
                                }),
                                thought: c.thought.as_ref().map(|(_, t)| text(t)),
                                thinker: c
                                    .thought
                                    .as_ref()
                                    .map(|(who, _)| CharacterId::from(who.as_str())),
                                effects: c.effects.iter().map(|(v, d)| (var(v), *d)).collect(),
                                competencies: CompetencyEvidence(
                                    c.competencies
                                        .iter()
                                        .map(|(t, e)| (Competency::from(t.as_str()), *e))
                                        .collect(),
                                ),
                                condition: c.condition.as_ref().map(|s| cond(s, &node, &var)),
                                next: node(&c.next),
                            })
                            .collect(),
                    ),
                    StepSpec::Auto(next) => Step::Auto(node(next)),
                    StepSpec::Ending(outcome) => Step::Ending(Ending {
                        outcome: *outcome,
                        title: text(id),
                        debrief: vec![DebriefPart {
                            condition: None,
                            text: text(id),
                        }],
                    }),
                },
            })
            .collect();
        let start = match &self.start {
            Some(id) => node(id),
            None => NodeIdx(0),
        };
        Scenario {
            id: self.id.as_str().into(),
            title: text(&self.id),
            setting: text("setting"),
            goal: text("goal"),
            content_note: None,
            facilitator_notes: None,
            estimated_minutes: None,
            characters: Vec::new(),
            variables: self.variables.clone(),
            start,
            nodes,
            node_index,
            flow: Default::default(),
        }
    }
}

/// Builds a checked [`Lesson`] scene by scene.
#[derive(Debug, Clone)]
pub struct LessonBuilder {
    lesson: Lesson,
}

impl LessonBuilder {
    /// A lesson with this id and no scenes yet.
    pub fn new(id: &str) -> Self {
        Self {
            lesson: Lesson {
                id: id.into(),
                title: text(id),
                summary: None,
                estimated_minutes: None,
                scenes: Vec::new(),
            },
        }
    }

    fn scene(mut self, id: &str, body: SceneBody) -> Self {
        self.lesson.scenes.push(Scene {
            id: SceneId::from(id),
            title: Some(text(id)),
            content_note: None,
            facilitator_notes: None,
            body,
        });
        self
    }

    /// Adds a text scene.
    pub fn text(self, id: &str) -> Self {
        self.scene(
            id,
            SceneBody::Text(TextScene {
                paragraphs: vec![text(id)],
            }),
        )
    }

    /// Gives the scene added last a content note.
    pub fn with_note(mut self) -> Self {
        if let Some(scene) = self.lesson.scenes.last_mut() {
            scene.content_note = Some(text("content note"));
        }
        self
    }

    /// Adds a quiz; `options` are `(id, correct)`.
    pub fn quiz<'a>(
        self,
        id: &str,
        multiple: bool,
        options: impl IntoIterator<Item = (&'a str, bool)>,
    ) -> Self {
        let options = options
            .into_iter()
            .map(|(option, correct)| QuizOption {
                id: OptionId::from(option),
                text: text(option),
                correct,
                feedback: text(&format!("feedback {option}")),
            })
            .collect();
        self.scene(
            id,
            SceneBody::Quiz(Quiz {
                question: text(id),
                multiple,
                options,
                // Tests name options by their written position; shuffling has its own tests.
                order: crate::course::order::Order::Fixed,
                explanation: text("explanation"),
            }),
        )
    }

    /// Adds a glossary with `cards` cards.
    pub fn glossary(self, id: &str, cards: usize) -> Self {
        let cards = (0..cards)
            .map(|i| GlossaryCard {
                term: text(&format!("term {i}")),
                definition: text(&format!("definition {i}")),
                note: None,
            })
            .collect();
        self.scene(id, SceneBody::Glossary(Glossary { cards }))
    }

    /// Adds a reflection prompt.
    pub fn reflection(self, id: &str) -> Self {
        self.scene(
            id,
            SceneBody::Reflection(Reflection {
                prompt: text(id),
                hint: None,
            }),
        )
    }

    /// Adds a checklist with these entry ids.
    pub fn checklist<'a>(self, id: &str, entries: impl IntoIterator<Item = &'a str>) -> Self {
        let entries = entries
            .into_iter()
            .map(|e| ChecklistEntry {
                id: OptionId::from(e),
                text: text(e),
                hint: None,
            })
            .collect();
        self.scene(
            id,
            SceneBody::Checklist(Checklist {
                intro: None,
                entries,
            }),
        )
    }

    /// The checked lesson.
    pub fn build(self) -> Lesson {
        self.lesson
    }
}
