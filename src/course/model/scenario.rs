//! Scenario files: characters, variables, nodes with lines and choices, routes,
//! conditions and endings.

use super::*;

/// A scenario file (`course/scenarios/*.json`): a branching practice conversation.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Where editors find the JSON Schema of this file (a path or URL, e.g. to
    /// `schemas/scenario.schema.json` of the Kruispunt repository); Kruispunt ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The course format version: 2, or 1 (read by migrating it).
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
    /// About how long a trainee needs, in minutes: one figure, or one per locale.
    #[serde(default)]
    pub estimated_minutes: Option<Minutes>,
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
// Variants undocumented on purpose: a doc comment would become a description in the
// generated JSON Schema and turn its plain `enum` into a `oneOf` of constants.
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
// Variants undocumented on purpose: a doc comment would become a description in the
// generated JSON Schema and turn its plain `enum` into a `oneOf` of constants.
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
// Variants undocumented on purpose: a doc comment would become a description in the
// generated JSON Schema and turn its plain `enum` into a `oneOf` of constants.
#[allow(missing_docs)]
pub enum Outcome {
    Good,
    Mixed,
    Poor,
}
