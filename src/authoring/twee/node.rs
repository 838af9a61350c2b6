//! One passage read as a scenario node: spoken lines, links with the `@` lines that
//! describe them, and the tags that make it an ending, a route or an automatic step.

use super::constructs::{chapbook_vars_section, constructs};
use super::links::links;
use super::story::Passage;
use super::{Note, NoteKind, Place, condition};
use crate::course::ids::{ChoiceId, Locale};
use crate::course::model::{
    Choice, Debrief, DebriefPart, Ending, FacilitatorNotes, Line, Mood, Node, Order, Outcome,
    Quality, RouteArm, Text,
};

/// What reading a passage needs to know about the whole story.
pub(super) struct NodeContext<'a> {
    /// The locale of every text.
    pub locale: &'a Locale,
    /// Who a `Name: text` prefix may name: character ids and names, with the id.
    pub speakers: &'a [(String, String)],
    /// The speaker of lines without a prefix when the passage has no `speaker-` tag.
    pub narrator: &'a str,
}

/// The id a choice gets when it has no `@id`: `c1`, `c2`… in link order.
pub(super) fn default_choice_id(index: usize) -> String {
    format!("c{}", index + 1)
}

/// A link and what the `@` lines after it said.
#[derive(Default)]
struct LinkDraft {
    line: usize,
    text: String,
    target: String,
    id: Option<String>,
    text_override: Option<String>,
    feedback: Option<String>,
    quality: Option<Quality>,
    thought: Option<String>,
    thinker: Option<String>,
    effects: Vec<(String, i32)>,
    competencies: Vec<(String, crate::course::model::Evidence)>,
    condition: Option<crate::course::model::Condition>,
}

/// A spoken line being read.
struct LineDraft {
    speaker: String,
    text: String,
    thought: Option<String>,
    mood: Option<Mood>,
}

/// Where the next `@+` line goes.
#[derive(Clone, Copy)]
enum Slot {
    None,
    LineText(usize),
    LineThought(usize),
    LinkText(usize),
    Feedback(usize),
    ChoiceThought(usize),
    Title,
    Debrief,
    Part(usize),
    Note,
    Question(usize),
}

/// What the item before an `@` line is.
#[derive(Clone, Copy, PartialEq)]
enum Item {
    None,
    Line(usize),
    Link(usize),
    Part(usize),
}

#[derive(Default)]
struct NodeDraft {
    lines: Vec<LineDraft>,
    links: Vec<LinkDraft>,
    title: Option<String>,
    debrief: Option<String>,
    parts: Vec<(String, Option<crate::course::model::Condition>)>,
    note: Option<String>,
    questions: Vec<String>,
    discussion_minutes: Option<u32>,
    has_notes: bool,
}

impl NodeDraft {
    fn slot(&mut self, slot: Slot) -> Option<&mut String> {
        match slot {
            Slot::None => None,
            Slot::LineText(i) => self.lines.get_mut(i).map(|l| &mut l.text),
            Slot::LineThought(i) => self.lines.get_mut(i)?.thought.as_mut(),
            Slot::LinkText(i) => self.links.get_mut(i)?.text_override.as_mut(),
            Slot::Feedback(i) => self.links.get_mut(i)?.feedback.as_mut(),
            Slot::ChoiceThought(i) => self.links.get_mut(i)?.thought.as_mut(),
            Slot::Title => self.title.as_mut(),
            Slot::Debrief => self.debrief.as_mut(),
            Slot::Part(i) => self.parts.get_mut(i).map(|p| &mut p.0),
            Slot::Note => self.note.as_mut(),
            Slot::Question(i) => self.questions.get_mut(i),
        }
    }
}

/// The text of `value` in `locale`; none when it is empty.
pub(super) fn text_in(locale: &Locale, value: &str) -> Text {
    if value.is_empty() {
        return Text::default();
    }
    Text::from_iter([(locale.clone(), value.to_owned())])
}

/// Splits an `@name value` line; `None` when the line is not one.
pub(super) fn directive(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('@')?;
    let end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '+'))
        .map_or(rest.len(), |(i, _)| i);
    let (name, value) = rest.split_at(end);
    if name.is_empty() {
        return None;
    }
    match value.strip_prefix(' ') {
        Some(value) => Some((name, value)),
        None if value.is_empty() => Some((name, "")),
        None => None,
    }
}

/// Reads `passage` as a node, with notes on what it holds that a node cannot carry and
/// what it still needs.
pub(super) fn read_node(
    passage: &Passage,
    context: &NodeContext<'_>,
    notes: &mut Vec<Note>,
) -> ReadNode {
    let here = |line: usize| Place::passage(&passage.name, line);
    let narrator = passage
        .tags
        .iter()
        .find_map(|t| t.strip_prefix("speaker-"))
        .unwrap_or(context.narrator)
        .to_owned();
    let mut draft = NodeDraft::default();
    let mut slot = Slot::None;
    let mut item = Item::None;
    let mut after_blank = true;
    if chapbook_vars_section(&passage.lines).is_some() {
        notes.push(Note::new(here(passage.line_of(0)), NoteKind::ChapbookVars));
    }
    for (index, raw) in passage.lines.iter().enumerate() {
        let number = passage.line_of(index);
        if raw.trim().is_empty() {
            after_blank = true;
            continue;
        }
        if let Some((name, value)) = directive(raw) {
            let applied = apply(&mut draft, name, value, item, context, &mut slot);
            match applied {
                Applied::Done(next) => item = next,
                Applied::Unknown => notes.push(Note::new(
                    here(number),
                    NoteKind::UnknownDirective {
                        directive: format!("@{name}"),
                    },
                )),
                Applied::Misplaced => notes.push(Note::new(
                    here(number),
                    NoteKind::MisplacedDirective {
                        directive: format!("@{name}"),
                    },
                )),
                Applied::Bad => notes.push(Note::new(
                    here(number),
                    NoteKind::BadValue {
                        directive: format!("@{name}"),
                        value: value.to_owned(),
                    },
                )),
            }
            after_blank = false;
            continue;
        }
        // A backslash keeps a line as text (`\@home`); SugarCube's line continuation too.
        let line = raw.strip_prefix('\\').unwrap_or(raw);
        let found = links(line);
        let mut prose = String::new();
        let mut from = 0;
        for link in &found {
            prose.push_str(line.get(from..link.span.0).unwrap_or_default());
            prose.push_str(&link.text);
            from = link.span.1;
            if link.setter {
                notes.push(Note::new(here(number), NoteKind::SetterLink));
            }
            draft.links.push(LinkDraft {
                line: number,
                text: link.text.clone(),
                target: link.target.clone(),
                ..LinkDraft::default()
            });
            item = Item::Link(draft.links.len() - 1);
            slot = Slot::None;
        }
        prose.push_str(line.get(from..).unwrap_or_default());
        let outside: String = {
            let mut rest = String::new();
            let mut from = 0;
            for link in &found {
                rest.push_str(line.get(from..link.span.0).unwrap_or_default());
                from = link.span.1;
            }
            rest.push_str(line.get(from..).unwrap_or_default());
            rest
        };
        for construct in constructs(&outside) {
            notes.push(Note::new(
                here(number),
                NoteKind::Construct {
                    format: construct.format,
                    token: construct.token,
                },
            ));
        }
        if !found.is_empty() && !outside.chars().any(char::is_alphanumeric) {
            after_blank = false;
            continue;
        }
        // Prose: a new spoken line, or the next line of the one before.
        if let Some((speaker, text)) = spoken(&prose, context.speakers) {
            draft.lines.push(LineDraft {
                speaker,
                text: text.to_owned(),
                thought: None,
                mood: None,
            });
        } else if let (Item::Line(i), false) = (item, after_blank)
            && let Some(previous) = draft.lines.get_mut(i)
        {
            previous.text.push('\n');
            previous.text.push_str(&prose);
            after_blank = false;
            continue;
        } else {
            draft.lines.push(LineDraft {
                speaker: narrator.clone(),
                text: prose,
                thought: None,
                mood: None,
            });
        }
        item = Item::Line(draft.lines.len() - 1);
        slot = Slot::LineText(draft.lines.len() - 1);
        after_blank = false;
    }
    let links = draft
        .links
        .iter()
        .map(|l| (l.target.clone(), l.line))
        .collect();
    let node = finish(passage, draft, context.locale, notes);
    // An ending's links are left out, so only the others need their targets.
    let links = if node.ending.is_some() {
        Vec::new()
    } else {
        links
    };
    ReadNode { node, links }
}

/// A passage read as a node.
pub(super) struct ReadNode {
    /// The node.
    pub node: Node,
    /// The target and file line of every link it uses.
    pub links: Vec<(String, usize)>,
}

/// `Name: text` when Name is a known speaker: the speaker's id and the text.
fn spoken<'a>(line: &'a str, speakers: &[(String, String)]) -> Option<(String, &'a str)> {
    let (name, text) = line.split_once(':')?;
    let text = match text.strip_prefix(' ') {
        Some(text) => text,
        None if text.is_empty() => text,
        None => return None,
    };
    speakers
        .iter()
        .find(|(written, _)| written == name)
        .map(|(_, id)| (id.clone(), text))
}

enum Applied {
    Done(Item),
    Unknown,
    Misplaced,
    Bad,
}

/// Applies one `@` line of a node passage to the draft.
fn apply(
    draft: &mut NodeDraft,
    name: &str,
    value: &str,
    item: Item,
    context: &NodeContext<'_>,
    slot: &mut Slot,
) -> Applied {
    let link = match item {
        Item::Link(i) => Some(i),
        _ => None,
    };
    let with_link = |draft: &mut NodeDraft, f: &mut dyn FnMut(&mut LinkDraft) -> bool| match link
        .and_then(|i| draft.links.get_mut(i))
    {
        Some(link) => {
            if f(link) {
                Applied::Done(item)
            } else {
                Applied::Bad
            }
        }
        None => Applied::Misplaced,
    };
    let word = value.trim();
    match name {
        "+" => match draft.slot(*slot) {
            Some(text) => {
                text.push('\n');
                text.push_str(value);
                Applied::Done(item)
            }
            None => Applied::Misplaced,
        },
        "mood" => match item {
            Item::Line(i) => match serde_json::from_value::<Mood>(word.into()) {
                Ok(mood) => {
                    if let Some(line) = draft.lines.get_mut(i) {
                        line.mood = Some(mood);
                    }
                    Applied::Done(item)
                }
                Err(_) => Applied::Bad,
            },
            _ => Applied::Misplaced,
        },
        "thought" => match item {
            Item::Line(i) => {
                if let Some(line) = draft.lines.get_mut(i) {
                    line.thought = Some(value.to_owned());
                }
                *slot = Slot::LineThought(i);
                Applied::Done(item)
            }
            Item::Link(i) => {
                if let Some(link) = draft.links.get_mut(i) {
                    link.thought = Some(value.to_owned());
                }
                *slot = Slot::ChoiceThought(i);
                Applied::Done(item)
            }
            _ => Applied::Misplaced,
        },
        "feedback" => {
            let result = with_link(draft, &mut |l| {
                l.feedback = Some(value.to_owned());
                true
            });
            if let (Applied::Done(_), Some(i)) = (&result, link) {
                *slot = Slot::Feedback(i);
            }
            result
        }
        "text" => {
            let result = with_link(draft, &mut |l| {
                l.text_override = Some(value.to_owned());
                true
            });
            if let (Applied::Done(_), Some(i)) = (&result, link) {
                *slot = Slot::LinkText(i);
            }
            result
        }
        "id" => with_link(draft, &mut |l| {
            l.id = Some(word.to_owned());
            !word.is_empty()
        }),
        "thinker" => with_link(draft, &mut |l| {
            l.thinker = Some(word.to_owned());
            !word.is_empty()
        }),
        "quality" => with_link(draft, &mut |l| {
            l.quality = Quality::ALL.into_iter().find(|q| q.key() == word);
            l.quality.is_some()
        }),
        "effect" => with_link(draft, &mut |l| {
            let mut words = word.split_whitespace();
            match (
                words.next(),
                words.next().map(str::parse::<i32>),
                words.next(),
            ) {
                (Some(var), Some(Ok(change)), None) => {
                    l.effects.push((var.to_owned(), change));
                    true
                }
                _ => false,
            }
        }),
        "competency" => with_link(draft, &mut |l| {
            let mut words = word.split_whitespace();
            let evidence = |w: &str| serde_json::from_value(w.into()).ok();
            match (words.next(), words.next().and_then(evidence), words.next()) {
                (Some(id), Some(evidence), None) => {
                    l.competencies.push((id.to_owned(), evidence));
                    true
                }
                _ => false,
            }
        }),
        "if" => {
            let Some(condition) = condition::parse(value) else {
                return if matches!(item, Item::Link(_) | Item::Part(_)) {
                    Applied::Bad
                } else {
                    Applied::Misplaced
                };
            };
            match item {
                Item::Link(i) => {
                    if let Some(link) = draft.links.get_mut(i) {
                        link.condition = Some(condition);
                    }
                    Applied::Done(item)
                }
                Item::Part(i) => {
                    if let Some(part) = draft.parts.get_mut(i) {
                        part.1 = Some(condition);
                    }
                    Applied::Done(item)
                }
                _ => Applied::Misplaced,
            }
        }
        "title" => {
            draft.title = Some(value.to_owned());
            *slot = Slot::Title;
            Applied::Done(Item::None)
        }
        "debrief" => {
            draft.debrief = Some(value.to_owned());
            *slot = Slot::Debrief;
            Applied::Done(Item::None)
        }
        "part" => {
            draft.parts.push((value.to_owned(), None));
            *slot = Slot::Part(draft.parts.len() - 1);
            Applied::Done(Item::Part(draft.parts.len() - 1))
        }
        "note" => {
            draft.note = Some(value.to_owned());
            draft.has_notes = true;
            *slot = Slot::Note;
            Applied::Done(Item::None)
        }
        "question" => {
            draft.questions.push(value.to_owned());
            draft.has_notes = true;
            *slot = Slot::Question(draft.questions.len() - 1);
            Applied::Done(Item::None)
        }
        "discussion-minutes" => match word.parse() {
            Ok(minutes) => {
                draft.discussion_minutes = Some(minutes);
                draft.has_notes = true;
                Applied::Done(Item::None)
            }
            Err(_) => Applied::Bad,
        },
        _ => {
            let _ = context;
            Applied::Unknown
        }
    }
}

/// The node from its draft: its kind from the tags, its choices from the links.
fn finish(passage: &Passage, draft: NodeDraft, locale: &Locale, notes: &mut Vec<Note>) -> Node {
    let here = |line: usize| Place::passage(&passage.name, line);
    let text = |value: &str| text_in(locale, value);
    let outcome = passage.tags.iter().find_map(|tag| match tag.as_str() {
        "ending-good" => Some(Outcome::Good),
        "ending-mixed" => Some(Outcome::Mixed),
        "ending-poor" => Some(Outcome::Poor),
        _ => None,
    });
    let mut node = Node {
        id: passage.name.as_str().into(),
        lines: draft
            .lines
            .into_iter()
            .map(|l| Line {
                speaker: l.speaker.as_str().into(),
                text: text(&l.text),
                thought: l.thought.as_deref().map(text),
                mood: l.mood,
            })
            .collect(),
        order: if passage.has_tag("fixed-order") {
            Order::Fixed
        } else {
            Order::default()
        },
        facilitator_notes: draft.has_notes.then(|| FacilitatorNotes {
            text: text(draft.note.as_deref().unwrap_or_default()),
            discussion_questions: draft.questions.iter().map(|q| text(q)).collect(),
            minutes: draft.discussion_minutes,
        }),
        ..Node::default()
    };
    let first_line = draft.links.first().map(|l| l.line);
    if let Some(outcome) = outcome {
        if let Some(line) = first_line {
            notes.push(Note::new(here(line), NoteKind::LinksInEnding));
        }
        let debrief = if !draft.parts.is_empty() {
            Debrief::Parts(
                draft
                    .parts
                    .into_iter()
                    .map(|(t, condition)| DebriefPart {
                        condition,
                        text: text(&t),
                    })
                    .collect(),
            )
        } else {
            if draft.debrief.as_deref().is_none_or(str::is_empty) {
                notes.push(Note::new(here(passage.line), NoteKind::AddDebrief));
            }
            Debrief::Text(text(draft.debrief.as_deref().unwrap_or_default()))
        };
        node.ending = Some(Ending {
            outcome,
            title: text(draft.title.as_deref().unwrap_or(&passage.name)),
            debrief,
        });
        return node;
    }
    if passage.has_tag("ending") {
        notes.push(Note::new(here(passage.line), NoteKind::AddOutcome));
        return node;
    }
    if draft.links.is_empty() {
        notes.push(Note::new(here(passage.line), NoteKind::AddWayOn));
        return node;
    }
    if passage.has_tag("next") {
        if let Some(extra) = draft.links.get(1) {
            notes.push(Note::new(here(extra.line), NoteKind::ExtraLinks));
        }
        node.next = draft.links.first().map(|l| l.target.as_str().into());
        return node;
    }
    if passage.has_tag("route") {
        node.route = Some(
            draft
                .links
                .into_iter()
                .map(|l| RouteArm {
                    condition: l.condition,
                    next: l.target.as_str().into(),
                })
                .collect(),
        );
        return node;
    }
    let mut choices = Vec::new();
    for (index, link) in draft.links.into_iter().enumerate() {
        let at = here(link.line);
        let target = link.target.clone();
        if link.feedback.as_deref().is_none_or(str::is_empty) {
            notes.push(Note::new(
                at.clone(),
                NoteKind::AddFeedback {
                    target: target.clone(),
                },
            ));
        }
        if link.quality.is_none() {
            notes.push(Note::new(
                at.clone(),
                NoteKind::AddQuality {
                    target: target.clone(),
                },
            ));
        }
        if link.thought.is_some() && link.thinker.is_none() {
            notes.push(Note::new(at, NoteKind::AddThinker { target }));
        }
        choices.push(Choice {
            id: ChoiceId::from(link.id.unwrap_or_else(|| default_choice_id(index)).as_str()),
            text: text(link.text_override.as_deref().unwrap_or(&link.text)),
            feedback: text(link.feedback.as_deref().unwrap_or_default()),
            quality: link.quality,
            thought: link.thought.as_deref().map(text),
            thinker: link.thinker.as_deref().map(Into::into),
            effects: link
                .effects
                .into_iter()
                .map(|(var, change)| (var.as_str().into(), change))
                .collect(),
            competencies: crate::course::model::CompetencyEvidence(
                link.competencies
                    .into_iter()
                    .map(|(id, evidence)| (id.as_str().into(), evidence))
                    .collect(),
            ),
            condition: link.condition,
            next: link.target.as_str().into(),
        });
    }
    node.choices = Some(choices);
    node
}
