//! A Twee story read as a scenario: the `Kruispunt` passage for the scenario's own fields,
//! every other passage a node (see [`super::node`]).

use super::node::{NodeContext, directive, read_node, text_in};
use super::story::{self, Passage, Story};
use super::{Note, NoteKind, Place, SCENARIO_PASSAGE, TweeError};
use crate::course::ids::Locale;
use crate::course::model::{
    Character, FORMAT_VERSION, FacilitatorNotes, Minutes, Scenario, Text, Variable,
};
use std::collections::{BTreeSet, HashSet};

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The scenario id; else the `Kruispunt` passage's `@id`, else `fallback_id`.
    pub scenario_id: Option<String>,
    /// The locale of the texts when the `Kruispunt` passage has no `@lang`; else
    /// `fallback_locale`.
    pub locale: Option<String>,
    /// The id when neither the options nor the story give one (e.g. the file's name).
    pub fallback_id: String,
    /// The locale when neither the options nor the story give one.
    pub fallback_locale: String,
}

/// A story imported as a scenario.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The scenario.
    pub scenario: Scenario,
    /// The locale its texts are in.
    pub locale: Locale,
    /// What was not imported and what the author must still add, in file order.
    pub notes: Vec<Note>,
}

/// The id given to the speaker of lines no tag or prefix gives a speaker.
pub const NARRATOR: &str = "narrator";

/// Passages that story formats run as code or special places, never shown as a passage of
/// their own: they are not nodes.
const SPECIAL_PASSAGES: [&str; 12] = [
    "StoryInit",
    "StoryCaption",
    "StoryMenu",
    "StoryBanner",
    "StorySubtitle",
    "StoryAuthor",
    "StoryInterface",
    "StoryShare",
    "PassageReady",
    "PassageDone",
    "PassageHeader",
    "PassageFooter",
];

/// Tags that make a passage code, style or a story format's special passage.
const SPECIAL_TAGS: [&str; 9] = [
    "script",
    "stylesheet",
    "widget",
    "startup",
    "header",
    "footer",
    "debug-startup",
    "debug-header",
    "debug-footer",
];

/// Imports the Twee text `text` as a scenario.
pub fn import_twee(text: &str, options: &ImportOptions) -> Result<Imported, TweeError> {
    let mut notes = Vec::new();
    let story = story::parse(text, &mut notes)?;
    Ok(import_story(story, options, notes))
}

/// The scenario's own fields, from the `Kruispunt` passage.
#[derive(Default)]
struct Head {
    id: Option<String>,
    lang: Option<String>,
    setting: Option<String>,
    goal: Option<String>,
    content_note: Option<String>,
    minutes: Option<u32>,
    note: Option<String>,
    questions: Vec<String>,
    discussion_minutes: Option<u32>,
    has_notes: bool,
    characters: Vec<[String; 4]>,
    variables: Vec<(String, i32, i32, i32, String)>,
}

/// Where the next `@+` line of the `Kruispunt` passage goes.
#[derive(Clone, Copy)]
enum HeadSlot {
    None,
    Setting,
    Goal,
    ContentNote,
    Note,
    Question(usize),
    Character(usize, usize),
}

impl Head {
    fn slot(&mut self, slot: HeadSlot) -> Option<&mut String> {
        match slot {
            HeadSlot::None => None,
            HeadSlot::Setting => self.setting.as_mut(),
            HeadSlot::Goal => self.goal.as_mut(),
            HeadSlot::ContentNote => self.content_note.as_mut(),
            HeadSlot::Note => self.note.as_mut(),
            HeadSlot::Question(i) => self.questions.get_mut(i),
            HeadSlot::Character(i, field) => self.characters.get_mut(i)?.get_mut(field),
        }
    }
}

fn read_head(passage: &Passage, notes: &mut Vec<Note>) -> Head {
    let mut head = Head::default();
    let mut slot = HeadSlot::None;
    for (index, line) in passage.lines.iter().enumerate() {
        let here = Place::passage(&passage.name, passage.line_of(index));
        if line.trim().is_empty() {
            continue;
        }
        let Some((name, value)) = directive(line) else {
            notes.push(Note::new(
                here,
                NoteKind::UnknownDirective {
                    directive: line.chars().take(20).collect(),
                },
            ));
            continue;
        };
        let word = value.trim();
        let bad = |notes: &mut Vec<Note>| {
            notes.push(Note::new(
                here.clone(),
                NoteKind::BadValue {
                    directive: format!("@{name}"),
                    value: value.to_owned(),
                },
            ));
        };
        let number = |notes: &mut Vec<Note>| {
            let parsed = word.parse::<u32>().ok();
            if parsed.is_none() {
                bad(notes);
            }
            parsed
        };
        let last_character = head.characters.len().checked_sub(1);
        match name {
            "+" => match head.slot(slot) {
                Some(text) => {
                    text.push('\n');
                    text.push_str(value);
                }
                None => bad(notes),
            },
            "id" => head.id = Some(word.to_owned()),
            "lang" => head.lang = Some(word.to_owned()),
            "setting" => (head.setting, slot) = (Some(value.to_owned()), HeadSlot::Setting),
            "goal" => (head.goal, slot) = (Some(value.to_owned()), HeadSlot::Goal),
            "content-note" => {
                (head.content_note, slot) = (Some(value.to_owned()), HeadSlot::ContentNote)
            }
            "minutes" => head.minutes = number(notes),
            "note" => {
                (head.note, slot, head.has_notes) = (Some(value.to_owned()), HeadSlot::Note, true)
            }
            "question" => {
                head.questions.push(value.to_owned());
                head.has_notes = true;
                slot = HeadSlot::Question(head.questions.len() - 1);
            }
            "discussion-minutes" => {
                head.discussion_minutes = number(notes);
                head.has_notes = true;
            }
            "character" => {
                // `@character ID NAME`; without a name, the id is the name.
                let (id, name) = value.split_once(' ').unwrap_or((value, value));
                if id.is_empty() {
                    bad(notes);
                } else {
                    let character = [id.to_owned(), name.to_owned(), String::new(), String::new()];
                    head.characters.push(character);
                    slot = HeadSlot::Character(head.characters.len() - 1, 1);
                }
            }
            "role" | "bio" => match last_character {
                Some(i) => {
                    let field = if name == "role" { 2 } else { 3 };
                    if let Some(text) = head.characters.get_mut(i).and_then(|c| c.get_mut(field)) {
                        *text = value.to_owned();
                    }
                    slot = HeadSlot::Character(i, field);
                }
                None => notes.push(Note::new(
                    here,
                    NoteKind::MisplacedDirective {
                        directive: format!("@{name}"),
                    },
                )),
            },
            "variable" => {
                // `@variable ID MIN MAX START LABEL`, the label to the end of the line.
                let mut words = value.splitn(5, ' ');
                let id = words.next().unwrap_or_default().to_owned();
                let mut int = || words.next().and_then(|w| w.parse::<i32>().ok());
                let (min, max, start) = (int(), int(), int());
                let label = words.next().unwrap_or_default().to_owned();
                match (min, max, start) {
                    (Some(min), Some(max), Some(start)) if !id.is_empty() => {
                        head.variables.push((id, min, max, start, label));
                    }
                    _ => bad(notes),
                }
            }
            _ => notes.push(Note::new(
                here,
                NoteKind::UnknownDirective {
                    directive: format!("@{name}"),
                },
            )),
        }
    }
    head
}

/// Whether a passage is code, style or a special passage rather than a node.
fn is_special(passage: &Passage) -> bool {
    SPECIAL_PASSAGES.contains(&passage.name.as_str())
        || passage
            .tags
            .iter()
            .any(|t| SPECIAL_TAGS.contains(&t.as_str()))
}

fn import_story(story: Story, options: &ImportOptions, mut notes: Vec<Note>) -> Imported {
    let head = story
        .passages
        .iter()
        .find(|p| p.name == SCENARIO_PASSAGE)
        .map(|p| read_head(p, &mut notes))
        .unwrap_or_default();
    let locale = Locale::from(
        head.lang
            .clone()
            .or_else(|| options.locale.clone())
            .unwrap_or_else(|| options.fallback_locale.clone())
            .as_str(),
    );
    // Who a `Name: text` prefix may name: declared characters by id and by name, and
    // every `speaker-` tag.
    let mut speakers: Vec<(String, String)> = Vec::new();
    for [id, name, ..] in &head.characters {
        speakers.push((id.clone(), id.clone()));
        speakers.push((name.clone(), id.clone()));
    }
    for passage in &story.passages {
        for tag in &passage.tags {
            if let Some(id) = tag.strip_prefix("speaker-") {
                speakers.push((id.to_owned(), id.to_owned()));
            }
        }
    }
    let context = NodeContext {
        locale: &locale,
        speakers: &speakers,
        narrator: NARRATOR,
    };
    let mut nodes = Vec::new();
    let mut links = Vec::new();
    let mut skipped = HashSet::new();
    for passage in &story.passages {
        if passage.name == SCENARIO_PASSAGE {
            continue;
        }
        if is_special(passage) {
            notes.push(Note::new(
                Place::passage(&passage.name, passage.line),
                NoteKind::SkippedPassage,
            ));
            skipped.insert(passage.name.as_str());
            continue;
        }
        let read = read_node(passage, &context, &mut notes);
        links.extend(
            read.links
                .into_iter()
                .map(|(t, l)| (passage.name.clone(), t, l)),
        );
        nodes.push(read.node);
    }
    let names: HashSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
    for (passage, target, line) in links {
        if !names.contains(target.as_str()) {
            notes.push(Note::new(
                Place::passage(&passage, line),
                NoteKind::AddPassage { target },
            ));
        }
    }
    let start = story
        .data
        .as_ref()
        .and_then(|d| d.start.clone())
        .filter(|s| names.contains(s.as_str()))
        .or_else(|| names.contains("Start").then(|| "Start".to_owned()))
        .unwrap_or_else(|| {
            notes.push(Note::new(
                Place::File { line: 0 },
                NoteKind::FirstPassageStarts,
            ));
            nodes.first().map(|n| n.id.to_string()).unwrap_or_default()
        });
    let text = |value: &Option<String>| text_in(&locale, value.as_deref().unwrap_or_default());
    let head_line = story
        .passages
        .iter()
        .find(|p| p.name == SCENARIO_PASSAGE)
        .map(|p| p.line);
    let head_place = || match head_line {
        Some(line) => Place::passage(SCENARIO_PASSAGE, line),
        None => Place::File { line: 0 },
    };
    if head.setting.as_deref().is_none_or(str::is_empty) {
        notes.push(Note::new(head_place(), NoteKind::AddSetting));
    }
    if head.goal.as_deref().is_none_or(str::is_empty) {
        notes.push(Note::new(head_place(), NoteKind::AddGoal));
    }
    let mut characters: Vec<Character> = head
        .characters
        .iter()
        .map(|[id, name, role, bio]| Character {
            id: id.as_str().into(),
            name: text_in(&locale, name),
            role: text_in(&locale, role),
            bio: text_in(&locale, bio),
        })
        .collect();
    // Every speaker and thinker is a character; one no passage declares is made here.
    let mut used = BTreeSet::new();
    for node in &nodes {
        used.extend(node.lines.iter().map(|l| l.speaker.to_string()));
        for choice in node.choices.iter().flatten() {
            used.extend(choice.thinker.iter().map(ToString::to_string));
        }
    }
    for id in used {
        if !characters.iter().any(|c| c.id.as_str() == id) {
            characters.push(Character {
                id: id.as_str().into(),
                name: text_in(&locale, &id),
                role: Text::default(),
                bio: Text::default(),
            });
        }
    }
    for character in &characters {
        let id = character.id.to_string();
        if character.role.is_empty() {
            let kind = NoteKind::AddRole {
                character: id.clone(),
            };
            notes.push(Note::new(head_place(), kind));
        }
        if character.bio.is_empty() {
            notes.push(Note::new(head_place(), NoteKind::AddBio { character: id }));
        }
    }
    let id = options
        .scenario_id
        .clone()
        .or(head.id.clone())
        .unwrap_or_else(|| options.fallback_id.clone());
    let title = story.title.clone().unwrap_or_else(|| id.clone());
    let scenario = Scenario {
        schema: None,
        format_version: FORMAT_VERSION,
        id: id.as_str().into(),
        title: text_in(&locale, &title),
        setting: text(&head.setting),
        goal: text(&head.goal),
        content_note: head.content_note.as_ref().map(|n| text_in(&locale, n)),
        facilitator_notes: head.has_notes.then(|| FacilitatorNotes {
            text: text(&head.note),
            discussion_questions: head.questions.iter().map(|q| text_in(&locale, q)).collect(),
            minutes: head.discussion_minutes,
        }),
        estimated_minutes: head.minutes.map(Minutes::Same),
        characters,
        variables: head
            .variables
            .iter()
            .map(|(id, min, max, start, label)| Variable {
                id: id.as_str().into(),
                label: text_in(&locale, label),
                min: *min,
                max: *max,
                start: *start,
            })
            .collect(),
        start: start.as_str().into(),
        nodes,
    };
    notes.sort_by_key(|n| n.place.line());
    Imported {
        scenario,
        locale,
        notes,
    }
}
