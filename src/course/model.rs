//! The course file format, version 1: the types authors write, as parsed from JSON.
//!
//! These types mirror the files one to one and derive the JSON Schema (`kruispunt schema`).
//! Parsing them checks syntax and types only; `validate` turns them into the checked types
//! of [`crate::course::checked`], which the engine and the screens use.

use super::ids::*;
pub use super::order::Order;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The course format version this build writes. Version 1 files are still read: they are
/// migrated when loaded (see [`FIRST_FORMAT_VERSION`]) and by `kruispunt migrate`.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest course format version this build reads.
pub const FIRST_FORMAT_VERSION: u32 = 1;

/// A small map kept as a vector sorted by key: course files hold hundreds of thousands of
/// two- or three-entry maps (texts per locale, effects per variable), and a `BTreeMap`'s
/// node would be most of their memory and much of their parsing time. Written and read as
/// a JSON object; a key written twice keeps the last value, as a JSON object would.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K: Ord + std::borrow::Borrow<str>, V> SortedMap<K, V> {
    /// The entry for `key`.
    pub fn entry(&self, key: &str) -> Option<(&K, &V)> {
        self.0
            .binary_search_by(|(k, _)| k.borrow().cmp(key))
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(k, v)| (k, v))
    }

    /// The value for `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.entry(key).map(|(_, v)| v)
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// Every entry, sorted by key.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sets the value for `key`.
    pub fn insert(&mut self, key: K, value: V) {
        match self.0.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = SortedMap::default();
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    }
}

impl<'a, K: Ord, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Deserialize<'de> for SortedMap<K, V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> serde::de::Visitor<'de>
            for MapVisitor<K, V>
        {
            type Value = SortedMap<K, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut pairs: Vec<(K, V)> =
                    Vec::with_capacity(map.size_hint().unwrap_or(2).min(8));
                while let Some(pair) = map.next_entry::<K, V>()? {
                    pairs.push(pair);
                }
                // Usually already sorted and unique; otherwise sort, keeping the last of a
                // repeated key.
                if pairs.windows(2).all(|w| w[0].0 < w[1].0) {
                    return Ok(SortedMap(pairs));
                }
                Ok(pairs.into_iter().collect())
            }
        }
        deserializer.deserialize_map(MapVisitor(std::marker::PhantomData))
    }
}

impl<K: JsonSchema, V: JsonSchema> JsonSchema for SortedMap<K, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BTreeMap<K, V>>::schema_name()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<K, V>>::json_schema(generator)
    }
}

/// A learner-visible text: one string per locale, e.g. `{"nl": "Welkom", "en": "Welcome"}`.
///
/// Texts may use `*emphasis*` for light emphasis and blank lines between paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(SortedMap<Locale, String>);

impl Text {
    /// The text in `locale`, if the course provides it.
    pub fn get(&self, locale: &str) -> Option<&str> {
        self.0.get(locale).map(String::as_str)
    }

    /// The locale and text for `locale`, if the course provides it.
    pub fn entry(&self, locale: &str) -> Option<(&Locale, &str)> {
        self.0.entry(locale).map(|(l, t)| (l, t.as_str()))
    }

    /// Every locale and its text, sorted by locale.
    pub fn iter(&self) -> impl Iterator<Item = (&Locale, &str)> {
        self.0.iter().map(|(l, t)| (l, t.as_str()))
    }

    /// How many locales the text has.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the text has no locale at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sets the text for `locale`.
    pub fn insert(&mut self, locale: Locale, text: String) {
        self.0.insert(locale, text);
    }
}

impl FromIterator<(Locale, String)> for Text {
    fn from_iter<I: IntoIterator<Item = (Locale, String)>>(pairs: I) -> Self {
        Text(pairs.into_iter().collect())
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<String, String>>::json_schema(generator)
    }
}

/// `course/course.json`: the manifest of a course.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The course format version; this build reads version 1.
    pub format_version: u32,
    /// Stable id of the course; progress files and exports refer to it.
    pub id: CourseId,
    /// The course's own version (e.g. `2026.1`), shown in exports and reports.
    pub version: String,
    /// The course title.
    pub title: Text,
    /// One or two sentences on what the course is.
    pub description: Text,
    /// The locale the course is written in first; texts fall back to it.
    pub default_locale: Locale,
    /// Every locale the course declares; each text should exist in each of them.
    pub locales: Vec<Locale>,
    /// The competency tags choices may carry, with their labels.
    #[serde(default)]
    pub competencies: Vec<CompetencyDef>,
    /// The modules, in the order a trainee takes them.
    pub modules: Vec<Module>,
}

/// A competency that scenario choices can show, e.g. asking open questions.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompetencyDef {
    /// The tag used on choices.
    pub id: Competency,
    /// Short label.
    pub title: Text,
    /// What the competency means in practice.
    #[serde(default)]
    pub description: Option<Text>,
}

/// A module: a titled group of lessons and scenarios.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Module {
    /// Stable id of the module.
    pub id: ModuleId,
    /// The module title.
    pub title: Text,
    /// What the module covers.
    #[serde(default)]
    pub description: Option<Text>,
    /// Ids of the lessons and scenarios of this module, in order.
    pub items: Vec<ItemId>,
    /// Notes for the facilitator on the module as a whole.
    #[serde(default)]
    pub facilitator_notes: Option<FacilitatorNotes>,
}

/// Notes for a workshop facilitator; never shown to trainees.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FacilitatorNotes {
    /// What to say, do or watch for.
    pub text: Text,
    /// Questions for a group discussion.
    #[serde(default)]
    pub discussion_questions: Vec<Text>,
    /// Suggested time for the discussion, in minutes.
    #[serde(default)]
    pub minutes: Option<u32>,
}

/// A lesson file (`course/lessons/*.json`): a sequence of scenes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// The course format version; this build reads version 1.
    pub format_version: u32,
    /// Stable id, unique across the course.
    pub id: ItemId,
    /// The lesson title.
    pub title: Text,
    /// One sentence on what the lesson covers.
    #[serde(default)]
    pub summary: Option<Text>,
    /// About how long a trainee needs, in minutes.
    #[serde(default)]
    pub estimated_minutes: Option<u32>,
    /// The scenes, in order.
    pub scenes: Vec<Scene>,
}

/// One screen of a lesson. Exactly one of the kind fields (`text`, `testimony`, `key_points`,
/// `glossary`, `quiz`, `reflection`, `checklist`) is present.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scene {
    /// Stable id, unique within the lesson; progress refers to it.
    pub id: SceneId,
    /// An optional heading.
    #[serde(default)]
    pub title: Option<Text>,
    /// Shown before the scene, with the choice to continue or skip it.
    #[serde(default)]
    pub content_note: Option<Text>,
    /// Notes for the facilitator.
    #[serde(default)]
    pub facilitator_notes: Option<FacilitatorNotes>,
    /// Paragraphs of text.
    #[serde(default)]
    pub text: Option<TextScene>,
    /// A fictional composite testimony.
    #[serde(default)]
    pub testimony: Option<Testimony>,
    /// The points to remember.
    #[serde(default)]
    pub key_points: Option<KeyPoints>,
    /// Glossary cards: term on the front, definition on the back.
    #[serde(default)]
    pub glossary: Option<Glossary>,
    /// A quiz question.
    #[serde(default)]
    pub quiz: Option<Quiz>,
    /// A reflection prompt; the answer stays on the trainee's machine.
    #[serde(default)]
    pub reflection: Option<Reflection>,
    /// A checklist the trainee ticks off.
    #[serde(default)]
    pub checklist: Option<Checklist>,
}

/// Paragraphs of text.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextScene {
    /// The paragraphs, in order.
    pub paragraphs: Vec<Text>,
}

/// A testimony by a fictional persona, always shown as a fictional composite.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Testimony {
    /// The persona speaking.
    pub persona: Persona,
    /// The quote, one text per paragraph.
    pub quote: Vec<Text>,
    /// Must be `true`: personas are composites, never real people.
    pub fictional_composite: bool,
}

/// A fictional persona.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// The persona's (fictional) name.
    pub name: Text,
    /// Age, if it matters to the story.
    #[serde(default)]
    pub age: Option<u32>,
    /// A short description: where they are now, what brought them there.
    pub background: Text,
}

/// Key points that close a lesson.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyPoints {
    /// The points, in order.
    pub points: Vec<Text>,
}

/// A set of glossary cards.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    /// The cards, in order.
    pub cards: Vec<GlossaryCard>,
}

/// One glossary card.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryCard {
    /// The term, on the front.
    pub term: Text,
    /// The definition, on the back.
    pub definition: Text,
    /// Usage advice, e.g. a word to avoid and why.
    #[serde(default)]
    pub note: Option<Text>,
}

/// A quiz question with single or multiple correct answers.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// The question.
    pub question: Text,
    /// `true` when more than one option may be correct and the trainee picks several.
    #[serde(default)]
    pub multiple: bool,
    /// The options, in the order written. They are shown shuffled per attempt unless
    /// `order` is `fixed`.
    pub options: Vec<QuizOption>,
    /// `shuffled` (the default) or `fixed`, e.g. for options that form a scale.
    #[serde(default, skip_serializing_if = "Order::is_default")]
    pub order: Order,
    /// Shown after answering: why the right answers are right.
    pub explanation: Text,
}

/// One answer option of a quiz.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuizOption {
    /// Stable id, unique within the quiz.
    pub id: OptionId,
    /// The option text.
    pub text: Text,
    /// Whether this option is a correct answer.
    pub correct: bool,
    /// Feedback for this option, shown after answering.
    pub feedback: Text,
}

/// A reflection prompt; the trainee's answer is kept privately.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reflection {
    /// The question to reflect on.
    pub prompt: Text,
    /// A hint to get started.
    #[serde(default)]
    pub hint: Option<Text>,
}

/// A checklist the trainee goes through, e.g. for their own workplace.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// What the checklist is for.
    #[serde(default)]
    pub intro: Option<Text>,
    /// The entries, in order.
    pub entries: Vec<ChecklistEntry>,
}

/// One checklist entry.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistEntry {
    /// Stable id, unique within the checklist.
    pub id: OptionId,
    /// The entry.
    pub text: Text,
    /// More explanation, shown on request.
    #[serde(default)]
    pub hint: Option<Text>,
}

/// A scenario file (`course/scenarios/*.json`): a branching practice conversation.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The course format version; this build reads version 1.
    pub format_version: u32,
    /// Stable id, unique across the course.
    pub id: ItemId,
    /// The scenario title.
    pub title: Text,
    /// Where and when the conversation takes place.
    pub setting: Text,
    /// What the trainee tries to achieve.
    pub goal: Text,
    /// Shown before the scenario, with the choice to continue or skip it.
    #[serde(default)]
    pub content_note: Option<Text>,
    /// Notes for the facilitator.
    #[serde(default)]
    pub facilitator_notes: Option<FacilitatorNotes>,
    /// About how long a trainee needs, in minutes.
    #[serde(default)]
    pub estimated_minutes: Option<u32>,
    /// The characters who speak.
    pub characters: Vec<Character>,
    /// Variables such as `trust`, changed by choices.
    #[serde(default)]
    pub variables: Vec<Variable>,
    /// The node the conversation starts at.
    pub start: NodeId,
    /// The nodes of the conversation.
    pub nodes: Vec<Node>,
}

/// A character in a scenario. Characters are fictional.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Character {
    /// Id used as `speaker` in lines.
    pub id: CharacterId,
    /// The character's name.
    pub name: Text,
    /// The character's role in the conversation (resident, interpreter, colleague...).
    pub role: Text,
    /// A short biography.
    pub bio: Text,
}

/// A scenario variable with its range and start value.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variable {
    /// Id used in effects and conditions.
    pub id: VarId,
    /// Label shown with the gauge.
    pub label: Text,
    /// Lowest value.
    pub min: i32,
    /// Highest value.
    pub max: i32,
    /// Value at the start of every attempt.
    pub start: i32,
}

/// A point in the conversation. Exactly one of `choices`, `next`, `route` and `ending` is
/// present.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Stable id, unique within the scenario.
    pub id: NodeId,
    /// What the characters say at this point.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// The learner's choices (a decision point).
    #[serde(default)]
    pub choices: Option<Vec<Choice>>,
    /// An automatic transition to another node.
    #[serde(default)]
    pub next: Option<NodeId>,
    /// An automatic transition that depends on the state: the first arm whose condition
    /// holds is taken; the last arm has no condition (the fallback).
    #[serde(default)]
    pub route: Option<Vec<RouteArm>>,
    /// `shuffled` (the default): the choices are shown in an order shuffled per attempt;
    /// `fixed`: in the order written.
    #[serde(default, skip_serializing_if = "Order::is_default")]
    pub order: Order,
    /// The conversation ends here.
    #[serde(default)]
    pub ending: Option<Ending>,
    /// Notes for the facilitator at this point.
    #[serde(default)]
    pub facilitator_notes: Option<FacilitatorNotes>,
}

/// A line spoken by a character.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// The character speaking.
    pub speaker: CharacterId,
    /// What they say.
    pub text: Text,
    /// What they think but do not say.
    #[serde(default)]
    pub thought: Option<Text>,
    /// How they come across.
    #[serde(default)]
    pub mood: Option<Mood>,
}

/// How a character comes across in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Mood {
    Neutral,
    Calm,
    Hopeful,
    Relieved,
    Warm,
    Guarded,
    Anxious,
    Confused,
    Sad,
    Hurt,
    Angry,
}

impl Mood {
    /// The mood's name as written in course files (`"anxious"`), also the key of its
    /// interface word.
    pub fn key(self) -> &'static str {
        match self {
            Mood::Neutral => "neutral",
            Mood::Calm => "calm",
            Mood::Hopeful => "hopeful",
            Mood::Relieved => "relieved",
            Mood::Warm => "warm",
            Mood::Guarded => "guarded",
            Mood::Anxious => "anxious",
            Mood::Confused => "confused",
            Mood::Sad => "sad",
            Mood::Hurt => "hurt",
            Mood::Angry => "angry",
        }
    }
}

/// A learner choice at a decision point.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id, unique within the node; progress and reports refer to it.
    pub id: ChoiceId,
    /// What the learner says or does.
    pub text: Text,
    /// The coach's feedback: why this helps or harms.
    pub feedback: Text,
    /// How good the choice is: `best`, `acceptable`, `weak` or `harmful` (required from
    /// format version 2; inferred for version 1 files).
    #[serde(default)]
    pub quality: Option<Quality>,
    /// A character's inner thought in reaction, if any.
    #[serde(default)]
    pub thought: Option<Text>,
    /// Whose thought `thought` is: a character id (required with a thought from format
    /// version 2; version 1 gave it to the last speaker).
    #[serde(default)]
    pub thinker: Option<CharacterId>,
    /// Changes to variables, e.g. `{"trust": 10}`.
    #[serde(default)]
    pub effects: SortedMap<VarId, i32>,
    /// The competencies this choice shows or breaches:
    /// `{"confidentiality": "shown", "safety": "breached"}`. Version 1 wrote a list of
    /// competencies shown, which is still read.
    #[serde(default)]
    pub competencies: CompetencyEvidence,
    /// Offered only when this condition holds.
    #[serde(default, rename = "if")]
    pub condition: Option<Condition>,
    /// The node the conversation goes to.
    pub next: NodeId,
}

/// A condition on variables, visited nodes and choices taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// All of these hold.
    All(Vec<Condition>),
    /// At least one of these holds.
    Any(Vec<Condition>),
    /// This does not hold.
    Not(Box<Condition>),
    /// The node was visited earlier in this attempt.
    Visited(NodeId),
    /// A variable compared with a number.
    Compare(Comparison),
    /// A choice of this quality was taken earlier in this attempt, e.g. `"harmful"`.
    ChoseQuality(Quality),
    /// This choice was taken earlier in this attempt: `"node/choice"`.
    Chose(String),
}

/// One arm of a node's `route`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RouteArm {
    /// Taken when this holds; the last arm has none.
    #[serde(default, rename = "if")]
    pub condition: Option<Condition>,
    /// The node the conversation goes to.
    pub next: NodeId,
}

/// How good a choice is: the rubric of the scores and the report.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Quality {
    /// What a skilled professional would do.
    Best,
    /// Fine, but not the most helpful.
    Acceptable,
    /// Misses the point or does little good.
    Weak,
    /// Does harm: risk, outing, broken confidentiality, pressure.
    Harmful,
}

impl Quality {
    /// Every quality, best first.
    pub const ALL: [Quality; 4] = [
        Quality::Best,
        Quality::Acceptable,
        Quality::Weak,
        Quality::Harmful,
    ];

    /// The name as written in course files, also the key of its interface word.
    pub fn key(self) -> &'static str {
        match self {
            Quality::Best => "best",
            Quality::Acceptable => "acceptable",
            Quality::Weak => "weak",
            Quality::Harmful => "harmful",
        }
    }

    /// A symbol that says the quality without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Quality::Best => "++",
            Quality::Acceptable => "+",
            Quality::Weak => "-",
            Quality::Harmful => "!!",
        }
    }
}

/// What a choice says about a competency.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The choice shows the competency.
    Shown,
    /// The choice goes against it.
    Breached,
}

/// The competencies a choice shows or breaches, read from a map (version 2) or from a list
/// of competencies shown (version 1).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct CompetencyEvidence(pub SortedMap<Competency, Evidence>);

impl CompetencyEvidence {
    /// Every competency with its evidence, sorted by id.
    pub fn iter(&self) -> impl Iterator<Item = (&Competency, Evidence)> {
        self.0.iter().map(|(c, e)| (c, *e))
    }

    /// The competencies shown.
    pub fn shown(&self) -> impl Iterator<Item = &Competency> {
        self.iter()
            .filter(|(_, e)| *e == Evidence::Shown)
            .map(|(c, _)| c)
    }

    /// The competencies breached.
    pub fn breached(&self) -> impl Iterator<Item = &Competency> {
        self.iter()
            .filter(|(_, e)| *e == Evidence::Breached)
            .map(|(c, _)| c)
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for CompetencyEvidence {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EvidenceVisitor;
        impl<'de> serde::de::Visitor<'de> for EvidenceVisitor {
            type Value = CompetencyEvidence;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map from competency to \"shown\" or \"breached\"")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                SortedMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(CompetencyEvidence)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<Self::Value, A::Error> {
                // Version 1: a list of the competencies shown.
                let tags = Vec::<Competency>::deserialize(
                    serde::de::value::SeqAccessDeserializer::new(seq),
                )?;
                Ok(CompetencyEvidence(
                    tags.into_iter().map(|t| (t, Evidence::Shown)).collect(),
                ))
            }
        }
        deserializer.deserialize_any(EvidenceVisitor)
    }
}

impl JsonSchema for CompetencyEvidence {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CompetencyEvidence".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let map = <BTreeMap<Competency, Evidence>>::json_schema(generator);
        let list = <Vec<Competency>>::json_schema(generator);
        schemars::json_schema!({ "anyOf": [map, list] })
    }
}

/// An ending's debrief: one text, or parts of which some show only when their condition
/// holds, so the debrief names what this trainee did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Debrief {
    /// The same text for every path.
    Text(Text),
    /// Parts, in order; a part with `if` shows only when it holds.
    Parts(Vec<DebriefPart>),
}

impl Default for Debrief {
    fn default() -> Self {
        Debrief::Text(Text::default())
    }
}

/// One part of a path-aware debrief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DebriefPart {
    /// Shown only when this holds.
    #[serde(default, rename = "if", skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// The text.
    pub text: Text,
}

impl<'de> Deserialize<'de> for Debrief {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DebriefVisitor;
        impl<'de> serde::de::Visitor<'de> for DebriefVisitor {
            type Value = Debrief;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a text (a map from locale to string) or a list of parts")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                Text::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Debrief::Text)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<Self::Value, A::Error> {
                Vec::<DebriefPart>::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(Debrief::Parts)
            }
        }
        deserializer.deserialize_any(DebriefVisitor)
    }
}

impl JsonSchema for Debrief {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Debrief".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let text = <Text>::json_schema(generator);
        let parts = <Vec<DebriefPart>>::json_schema(generator);
        schemars::json_schema!({ "anyOf": [text, parts] })
    }
}

/// `{"var": "trust", "op": ">=", "value": 50}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The variable.
    pub var: VarId,
    /// The comparison.
    pub op: CompareOp,
    /// The number to compare with.
    pub value: i32,
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[allow(missing_docs)]
pub enum CompareOp {
    #[serde(rename = "==")]
    Eq,
    #[serde(rename = "!=")]
    Ne,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
}

impl CompareOp {
    /// Applies the comparison.
    pub fn holds(self, left: i32, right: i32) -> bool {
        match self {
            CompareOp::Eq => left == right,
            CompareOp::Ne => left != right,
            CompareOp::Lt => left < right,
            CompareOp::Le => left <= right,
            CompareOp::Gt => left > right,
            CompareOp::Ge => left >= right,
        }
    }
}

/// How a conversation ended.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// Good, mixed or poor.
    pub outcome: Outcome,
    /// A short title for the ending.
    pub title: Text,
    /// The debrief: what happened and what to take from it; parts may depend on the path.
    pub debrief: Debrief,
}

/// The outcome of an ending.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Outcome {
    Good,
    Mixed,
    Poor,
}
