//! Lesson files: scenes of text, testimonies, key points, glossaries, quizzes, reflections
//! and checklists.

use super::*;

/// A lesson file (`course/lessons/*.json`): a sequence of scenes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Where editors find the JSON Schema of this file (a path or URL, e.g. to
    /// `schemas/lesson.schema.json` of the Kruispunt repository); Kruispunt ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The course format version: 2, or 1 (read by migrating it).
    pub format_version: u32,
    /// Stable id, unique across the course.
    pub id: ItemId,
    /// The lesson title.
    pub title: Text,
    /// One sentence on what the lesson covers.
    #[serde(default)]
    pub summary: Option<Text>,
    /// About how long a trainee needs, in minutes: one figure, or one per locale.
    #[serde(default)]
    pub estimated_minutes: Option<Minutes>,
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
