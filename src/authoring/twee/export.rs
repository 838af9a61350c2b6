//! A scenario written as a Twee story in the convention [`super::import_twee`] reads, in one
//! locale: importing the result and exporting again gives the same text, byte for byte.

use super::links::markup;
use super::node::default_choice_id;
use super::story::header;
use super::{SCENARIO_PASSAGE, TweeError, condition};
use crate::course::model::{Debrief, FacilitatorNotes, Node, Order, Outcome, Scenario, Text};
use std::collections::{HashMap, VecDeque};

/// The story format named in `StoryData`: Twine's default, which shows the `@` lines as
/// plain text and follows the links, so the story also plays in Twine.
const STORY_FORMAT: &str = "Harlowe";
/// Its version, as Twine 2.10 ships it.
const STORY_FORMAT_VERSION: &str = "3.3.9";

/// Writes `scenario` as Twee, with the texts in `locale`.
pub fn export_twee(scenario: &Scenario, locale: &str) -> Result<String, TweeError> {
    if scenario.title.get(locale).is_none()
        && scenario
            .nodes
            .iter()
            .all(|n| n.lines.iter().all(|l| l.text.get(locale).is_none()))
    {
        return Err(TweeError::NoTextsInLocale {
            scenario: scenario.id.to_string(),
            locale: locale.to_owned(),
        });
    }
    for node in &scenario.nodes {
        let id = node.id.as_str();
        let reserved = ["StoryTitle", "StoryData", SCENARIO_PASSAGE].contains(&id);
        if reserved || markup(id, id).is_none() || id.contains('\n') || id != id.trim() {
            return Err(TweeError::UnusableNodeId {
                node: id.to_owned(),
            });
        }
    }
    // Every link target must be a name a link can point at too (a choice may name a node
    // that does not exist, which validation reports).
    let targets = scenario.nodes.iter().flat_map(|node| {
        let choices = node.choices.iter().flatten().map(|c| c.next.as_str());
        let arms = node.route.iter().flatten().map(|a| a.next.as_str());
        choices
            .chain(arms)
            .chain(node.next.iter().map(|n| n.as_str()))
    });
    for target in targets {
        if markup(target, target).is_none() || target.contains('\n') {
            return Err(TweeError::UnusableNodeId {
                node: target.to_owned(),
            });
        }
    }
    let mut out = Writer {
        text: String::new(),
        locale,
    };
    out.line(&header("StoryTitle", &[], None));
    out.line(&one_line(scenario.title.get(locale).unwrap_or_default()));
    out.line("");
    out.line(&header("StoryData", &[], None));
    out.line(&story_data(scenario));
    out.line("");
    let positions = positions(scenario);
    let position = |i: usize| {
        let (x, y) = positions.get(i).copied().unwrap_or((0, 0));
        format!(r#"{{"position":"{x},{y}","size":"100,100"}}"#)
    };
    out.line(&header(SCENARIO_PASSAGE, &[], Some(&position(0))));
    write_head(&mut out, scenario);
    for (index, node) in scenario.nodes.iter().enumerate() {
        out.line("");
        let tags = tags(node);
        out.line(&header(node.id.as_str(), &tags, Some(&position(index + 1))));
        write_node(&mut out, node);
    }
    Ok(out.text)
}

/// The text being written and its locale.
struct Writer<'a> {
    text: String,
    locale: &'a str,
}

impl Writer<'_> {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// `@name value`, a value of several lines continued on `@+` lines.
    fn directive(&mut self, name: &str, value: &str) {
        let mut parts = value.split('\n');
        let first = parts.next().unwrap_or_default();
        self.field(name, first);
        for part in parts {
            self.field("+", part);
        }
    }

    fn field(&mut self, name: &str, value: &str) {
        if value.is_empty() {
            self.line(&format!("@{name}"));
        } else {
            self.line(&format!("@{name} {value}"));
        }
    }

    /// A text in the locale (empty when missing) as a directive.
    fn text(&mut self, name: &str, text: &Text) {
        let value = text.get(self.locale).unwrap_or_default().to_owned();
        self.directive(name, &value);
    }

    fn notes(&mut self, notes: &FacilitatorNotes) {
        self.text("note", &notes.text);
        for question in &notes.discussion_questions {
            self.text("question", question);
        }
        if let Some(minutes) = notes.minutes {
            self.field("discussion-minutes", &minutes.to_string());
        }
    }
}

/// A title on one line (Twee's `StoryTitle` is one line).
fn one_line(text: &str) -> String {
    text.split('\n').collect::<Vec<_>>().join(" ")
}

/// `StoryData`: a stable IFID made from the scenario id, the format and the start.
fn story_data(scenario: &Scenario) -> String {
    // Name-based (v5), so the same scenario always gets the same IFID; Twine writes IFIDs
    // in capitals.
    const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6b72_7569_7370_756e_7420_7477_6565_0001);
    let ifid = uuid::Uuid::new_v5(&NAMESPACE, scenario.id.as_str().as_bytes())
        .to_string()
        .to_uppercase();
    let data = serde_json::json!({
        "ifid": ifid,
        "format": STORY_FORMAT,
        "format-version": STORY_FORMAT_VERSION,
        "start": scenario.start.as_str(),
        "tag-colors": {
            "ending-good": "green",
            "ending-mixed": "yellow",
            "ending-poor": "red",
        },
        "zoom": 1,
    });
    serde_json::to_string_pretty(&data).unwrap_or_default()
}

fn write_head(out: &mut Writer<'_>, scenario: &Scenario) {
    out.field("id", scenario.id.as_str());
    out.field("lang", out.locale);
    out.text("setting", &scenario.setting);
    out.text("goal", &scenario.goal);
    if let Some(note) = &scenario.content_note {
        out.text("content-note", note);
    }
    if let Some(minutes) = scenario
        .estimated_minutes
        .as_ref()
        .and_then(|m| m.for_locale(out.locale))
    {
        out.field("minutes", &minutes.to_string());
    }
    if let Some(notes) = &scenario.facilitator_notes {
        out.notes(notes);
    }
    for character in &scenario.characters {
        out.line("");
        let name = character.name.get(out.locale).unwrap_or_default();
        out.line(&format!("@character {} {}", character.id, one_line(name)));
        out.text("role", &character.role);
        out.text("bio", &character.bio);
    }
    if !scenario.variables.is_empty() {
        out.line("");
    }
    for variable in &scenario.variables {
        let label = one_line(variable.label.get(out.locale).unwrap_or_default());
        let fields = format!(
            "{} {} {} {}",
            variable.id, variable.min, variable.max, variable.start
        );
        out.field("variable", &format!("{fields} {label}"));
    }
}

fn tags(node: &Node) -> Vec<&'static str> {
    let mut tags = Vec::new();
    match node.ending.as_ref().map(|e| e.outcome) {
        Some(Outcome::Good) => tags.push("ending-good"),
        Some(Outcome::Mixed) => tags.push("ending-mixed"),
        Some(Outcome::Poor) => tags.push("ending-poor"),
        None => {}
    }
    if node.route.is_some() {
        tags.push("route");
    }
    if node.next.is_some() {
        tags.push("next");
    }
    if node.order == Order::Fixed {
        tags.push("fixed-order");
    }
    tags
}

fn write_node(out: &mut Writer<'_>, node: &Node) {
    for line in &node.lines {
        let text = line.text.get(out.locale).unwrap_or_default();
        let mut parts = text.split('\n');
        let first = parts.next().unwrap_or_default();
        out.line(&format!("{}: {first}", line.speaker));
        for part in parts {
            out.field("+", part);
        }
        if let Some(mood) = line.mood {
            out.field("mood", mood.key());
        }
        if let Some(thought) = &line.thought {
            out.text("thought", thought);
        }
    }
    if let Some(next) = &node.next {
        out.line("");
        out.line(&format!("[[{next}]]"));
    }
    for arm in node.route.iter().flatten() {
        out.line("");
        out.line(&format!("[[{}]]", arm.next));
        if let Some(condition) = &arm.condition {
            out.field("if", &condition::format(condition));
        }
    }
    for (index, choice) in node.choices.iter().flatten().enumerate() {
        out.line("");
        let text = choice.text.get(out.locale).unwrap_or_default();
        let next = choice.next.as_str();
        let link = (!text.contains('\n')).then(|| markup(text, next)).flatten();
        match &link {
            Some(link) => out.line(link),
            None => out.line(&format!("[[{next}]]")),
        }
        if choice.id.as_str() != default_choice_id(index) {
            out.field("id", choice.id.as_str());
        }
        if link.is_none() {
            out.directive("text", text);
        }
        if let Some(quality) = choice.quality {
            out.field("quality", quality.key());
        }
        out.text("feedback", &choice.feedback);
        if let Some(thought) = &choice.thought {
            out.text("thought", thought);
        }
        if let Some(thinker) = &choice.thinker {
            out.field("thinker", thinker.as_str());
        }
        for (var, change) in &choice.effects {
            out.field("effect", &format!("{var} {change:+}"));
        }
        for (competency, evidence) in choice.competencies.iter() {
            let evidence = serde_json::to_value(evidence)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            out.field("competency", &format!("{competency} {evidence}"));
        }
        if let Some(condition) = &choice.condition {
            out.field("if", &condition::format(condition));
        }
    }
    if let Some(ending) = &node.ending {
        out.line("");
        out.text("title", &ending.title);
        match &ending.debrief {
            Debrief::Text(text) => out.text("debrief", text),
            Debrief::Parts(parts) => {
                for part in parts {
                    out.text("part", &part.text);
                    if let Some(condition) = &part.condition {
                        out.field("if", &condition::format(condition));
                    }
                }
            }
        }
    }
    if let Some(notes) = &node.facilitator_notes {
        out.line("");
        out.notes(notes);
    }
}

/// Where each passage sits on Twine's story map (the `Kruispunt` passage first, then the
/// nodes): one column per step from the start, so the map reads left to right.
fn positions(scenario: &Scenario) -> Vec<(usize, usize)> {
    let index: HashMap<&str, usize> = scenario
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut depth: Vec<Option<usize>> = vec![None; scenario.nodes.len()];
    let mut queue = VecDeque::new();
    if let Some(&start) = index.get(scenario.start.as_str()) {
        depth[start] = Some(0);
        queue.push_back(start);
    }
    while let Some(i) = queue.pop_front() {
        let Some(node) = scenario.nodes.get(i) else {
            continue;
        };
        let here = depth.get(i).copied().flatten().unwrap_or(0);
        let targets = node
            .choices
            .iter()
            .flatten()
            .map(|c| c.next.as_str())
            .chain(node.route.iter().flatten().map(|a| a.next.as_str()))
            .chain(node.next.iter().map(|n| n.as_str()));
        for target in targets {
            if let Some(&j) = index.get(target)
                && let Some(slot @ None) = depth.get_mut(j)
            {
                *slot = Some(here + 1);
                queue.push_back(j);
            }
        }
    }
    let unreachable = depth.iter().flatten().max().map_or(0, |d| d + 1);
    let mut rows: HashMap<usize, usize> = HashMap::new();
    let mut positions = vec![(100, 100)];
    for d in depth {
        let column = d.unwrap_or(unreachable);
        let row = rows.entry(column).or_insert(0);
        positions.push((300 + column * 200, 100 + *row * 150));
        *row += 1;
    }
    positions
}
