//! `kruispunt graph`: a scenario as a graph, for its author. One model ([`ScenarioGraph`]),
//! built from the checked scenario, is rendered three ways: Mermaid for pull requests
//! ([`mermaid`]), DOT for Graphviz ([`dot`]) and SVG laid out here, without Graphviz
//! ([`svg`]).
//!
//! The model holds plain text (course markup read, control characters dropped); each
//! renderer escapes it for its own format, so a hostile course cannot break the output.

pub mod dot;
mod layout;
pub mod mermaid;
pub mod svg;

use crate::course::checked::{Cond, Course, Node, NodeIdx, Scenario, Step};
use crate::course::model::{CompareOp, Outcome, Quality, Text};
use crate::i18n::{Localize, Localizer};
use crate::msg_args;

/// How many characters of a node's first line its label keeps.
const NODE_LABEL_CHARS: usize = 36;
/// How many characters of a choice's text its edge label keeps.
const CHOICE_LABEL_CHARS: usize = 32;
/// How many characters of a condition an edge label keeps.
const CONDITION_CHARS: usize = 48;

/// A scenario as a graph: its nodes and the ways between them, with short labels in one
/// language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioGraph {
    /// The scenario's id.
    pub id: String,
    /// The scenario's title.
    pub title: String,
    /// The nodes, indexed like the scenario's nodes.
    pub nodes: Vec<GraphNode>,
    /// The ways from node to node: choices, automatic steps and route arms.
    pub edges: Vec<GraphEdge>,
    /// What the shapes and lines mean, in the graph's language, for a picture that stands
    /// alone (the SVG).
    pub legend: String,
}

/// One node of a [`ScenarioGraph`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphNode {
    /// The node's id in the scenario file, so the author finds it.
    pub id: String,
    /// The first words of its first line (empty when it has no lines).
    pub words: String,
    /// Decision point, route or ending.
    pub kind: NodeKind,
    /// Whether the conversation starts here.
    pub start: bool,
    /// No path from the start reaches it.
    pub unreachable: bool,
    /// Not an ending, and no ending can be reached from it.
    pub dead_end: bool,
    /// The words that say what the colours say (`good ending: …`, `unreachable`), in the
    /// graph's language, one per line; never colour alone.
    pub notes: Vec<String>,
}

/// What kind of point in the conversation a node is; each has its own shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// The learner chooses.
    Decision,
    /// The conversation only passes on (`next`, or a `route` by conditions).
    Route,
    /// The conversation ends, with this outcome.
    Ending(Outcome),
}

/// One way from a node to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphEdge {
    /// Index of the node it leaves.
    pub from: usize,
    /// Index of the node it leads to.
    pub to: usize,
    /// The choice's words, shortened (`None` for an automatic step or a route arm).
    pub choice: Option<String>,
    /// The choice's quality.
    pub quality: Option<Quality>,
    /// The quality's symbol and word (`++ best`), in the graph's language.
    pub quality_label: Option<String>,
    /// The choice's effects: `trust +10`.
    pub effects: Vec<String>,
    /// The condition under which the way is open (`trust >= 50`); such edges are dashed.
    pub condition: Option<String>,
}

impl GraphEdge {
    /// The label's lines: choice words, then quality and effects, then `if` and the
    /// condition.
    pub fn label_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(choice) = &self.choice {
            lines.push(choice.clone());
        }
        let details: Vec<&str> = self
            .quality_label
            .iter()
            .chain(&self.effects)
            .map(String::as_str)
            .collect();
        if !details.is_empty() {
            lines.push(details.join(" · "));
        }
        if let Some(condition) = &self.condition {
            lines.push(format!("if {condition}"));
        }
        lines
    }
}

impl GraphNode {
    /// The label's lines: the node id, its first words, then the notes.
    pub fn label_lines(&self) -> Vec<String> {
        let mut lines = vec![self.id.clone()];
        if !self.words.is_empty() {
            lines.push(self.words.clone());
        }
        lines.extend(self.notes.iter().cloned());
        lines
    }
}

/// Why there is no graph.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GraphError {
    /// The course has no scenario with this id.
    #[error("there is no scenario `{id}` in the course; its scenarios: {}", known.join(", "))]
    UnknownScenario {
        /// The id asked for.
        id: String,
        /// The scenario ids the course has, in course order.
        known: Vec<String>,
    },
}

impl Localize for GraphError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            GraphError::UnknownScenario { id, known } => i18n.msg(
                "graph-unknown-scenario",
                &msg_args!("id" => id.as_str(), "known" => known.join(", "), "count" => known.len() as u32),
            ),
        }
    }
}

/// The graph of scenario `id` of `course`, with texts as `i18n` picks them (its language,
/// then the course's fallbacks).
pub fn scenario_graph(
    course: &Course,
    id: &str,
    i18n: &Localizer,
) -> Result<ScenarioGraph, GraphError> {
    match course.scenarios.get(id) {
        Some(scenario) => Ok(build(scenario, i18n)),
        None => Err(GraphError::UnknownScenario {
            id: id.to_owned(),
            known: scenario_ids(course),
        }),
    }
}

/// The scenario ids of `course`: in course order, then any no module lists, sorted.
pub fn scenario_ids(course: &Course) -> Vec<String> {
    let mut ids: Vec<String> = course
        .items_in_order()
        .filter_map(|(_, item)| match item {
            crate::course::checked::Item::Scenario(s) => Some(s.id.to_string()),
            crate::course::checked::Item::Lesson(_) => None,
        })
        .collect();
    let mut unlisted: Vec<String> = course
        .scenarios
        .keys()
        .map(ToString::to_string)
        .filter(|id| !ids.contains(id))
        .collect();
    unlisted.sort();
    ids.extend(unlisted);
    ids
}

/// The graph of one checked scenario.
pub fn build(scenario: &Scenario, i18n: &Localizer) -> ScenarioGraph {
    let reach = crate::course::reachability(scenario);
    let mut nodes = Vec::with_capacity(scenario.nodes.len());
    let mut edges = Vec::new();
    for (i, node) in scenario.nodes.iter().enumerate() {
        let kind = match &node.step {
            Step::Choices(_) => NodeKind::Decision,
            Step::Auto(_) | Step::Route(_) => NodeKind::Route,
            Step::Ending(ending) => NodeKind::Ending(ending.outcome),
        };
        let unreachable = !reach.reached.get(i).copied().unwrap_or(true);
        let dead_end =
            !matches!(kind, NodeKind::Ending(_)) && !reach.can_end.get(i).copied().unwrap_or(true);
        let mut notes = Vec::new();
        if let Step::Ending(ending) = &node.step {
            notes.push(i18n.msg(
                "graph-ending",
                &msg_args!(
                    "outcome" => outcome_key(ending.outcome),
                    "title" => short(&picked(&ending.title, i18n), NODE_LABEL_CHARS),
                ),
            ));
        }
        if unreachable {
            notes.push(i18n.msg("graph-unreachable", &msg_args!()));
        }
        if dead_end {
            notes.push(i18n.msg("graph-dead-end", &msg_args!()));
        }
        nodes.push(GraphNode {
            id: clean(node.id.as_str()),
            words: first_words(node, i18n),
            kind,
            start: scenario.start == NodeIdx(i as u32),
            unreachable,
            dead_end,
            notes,
        });
        edges.extend(node_edges(scenario, i, node, i18n));
    }
    ScenarioGraph {
        id: clean(scenario.id.as_str()),
        title: short(&picked(&scenario.title, i18n), 80),
        nodes,
        edges,
        legend: i18n.msg("graph-legend", &msg_args!()),
    }
}

/// The edges leaving node `from`.
fn node_edges(scenario: &Scenario, from: usize, node: &Node, i18n: &Localizer) -> Vec<GraphEdge> {
    let plain = |to: NodeIdx, condition: Option<&Cond>| GraphEdge {
        from,
        to: to.0 as usize,
        choice: None,
        quality: None,
        quality_label: None,
        effects: Vec::new(),
        condition: condition.map(|c| short(&condition_text(scenario, c), CONDITION_CHARS)),
    };
    match &node.step {
        Step::Choices(choices) => choices
            .iter()
            .map(|choice| GraphEdge {
                choice: Some(short(&picked(&choice.text, i18n), CHOICE_LABEL_CHARS)),
                quality: Some(choice.quality),
                quality_label: Some(format!(
                    "{} {}",
                    choice.quality.symbol(),
                    i18n.msg(
                        "scenario-quality",
                        &msg_args!("quality" => choice.quality.key())
                    )
                )),
                effects: choice
                    .effects
                    .iter()
                    .map(|(var, delta)| format!("{} {delta:+}", var_name(scenario, var.0)))
                    .collect(),
                ..plain(choice.next, choice.condition.as_ref())
            })
            .collect(),
        Step::Auto(next) => vec![plain(*next, None)],
        Step::Route(arms) => arms
            .iter()
            .map(|arm| plain(arm.next, arm.condition.as_ref()))
            .collect(),
        Step::Ending(_) => Vec::new(),
    }
}

/// The first words of a node's first line that says something.
fn first_words(node: &Node, i18n: &Localizer) -> String {
    node.lines
        .iter()
        .map(|line| short(&picked(&line.text, i18n), NODE_LABEL_CHARS))
        .find(|words| !words.is_empty())
        .unwrap_or_default()
}

/// The text in the graph's language, or as the course falls back, markup read.
fn picked(text: &Text, i18n: &Localizer) -> String {
    crate::course::markup::plain(i18n.pick(text).text)
}

/// The fill of an ending with this outcome in every format (its word is in the label too).
pub fn outcome_fill(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Good => "#d8f0dd",
        Outcome::Mixed => "#fff1c2",
        Outcome::Poor => "#f8d7da",
    }
}

/// Label lines, each escaped for a format, joined by its line break.
fn joined(lines: &[String], escape: fn(&str) -> String, line_break: &str) -> String {
    lines
        .iter()
        .map(|line| escape(line))
        .collect::<Vec<_>>()
        .join(line_break)
}

/// The outcome as written in course files, the selector of its words.
pub fn outcome_key(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Good => "good",
        Outcome::Mixed => "mixed",
        Outcome::Poor => "poor",
    }
}

/// A condition as the author wrote it, in a compact notation: `trust >= 50 && visited(a)`.
fn condition_text(scenario: &Scenario, cond: &Cond) -> String {
    let node_id = |idx: NodeIdx| {
        scenario
            .nodes
            .get(idx.0 as usize)
            .map_or_else(String::new, |n| n.id.to_string())
    };
    let joined = |parts: &[Cond], with: &str| {
        let inner: Vec<String> = parts
            .iter()
            .map(|part| match part {
                Cond::All(_) | Cond::Any(_) => format!("({})", condition_text(scenario, part)),
                _ => condition_text(scenario, part),
            })
            .collect();
        inner.join(with)
    };
    match cond {
        Cond::All(all) => joined(all, " && "),
        Cond::Any(any) => joined(any, " || "),
        Cond::Not(inner) => match inner.as_ref() {
            Cond::All(_) | Cond::Any(_) => format!("!({})", condition_text(scenario, inner)),
            _ => format!("!{}", condition_text(scenario, inner)),
        },
        Cond::Visited(node) => format!("visited({})", node_id(*node)),
        Cond::Compare { var, op, value } => {
            format!("{} {} {value}", var_name(scenario, var.0), op_text(*op))
        }
        Cond::ChoseQuality(quality) => format!("chose_quality({})", quality.key()),
        Cond::Chose { node, choice } => {
            let choice_id = scenario
                .nodes
                .get(node.0 as usize)
                .and_then(|n| match &n.step {
                    Step::Choices(choices) => choices.get(*choice as usize),
                    _ => None,
                })
                .map_or_else(String::new, |c| c.id.to_string());
            format!("chose({}/{choice_id})", node_id(*node))
        }
    }
}

/// The id of the variable at `var`.
fn var_name(scenario: &Scenario, var: u32) -> String {
    scenario
        .variables
        .get(var as usize)
        .map_or_else(String::new, |v| clean(v.id.as_str()))
}

/// A comparison as written in course files.
fn op_text(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Eq => "==",
        CompareOp::Ne => "!=",
        CompareOp::Lt => "<",
        CompareOp::Le => "<=",
        CompareOp::Gt => ">",
        CompareOp::Ge => ">=",
    }
}

/// `text` on one line: white space collapsed, control characters, bidirectional overrides
/// and characters XML cannot carry dropped.
pub fn clean(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| !crate::i18n::display::is_control(c) && !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first words of `text` that fit in `max` characters, with `…` when some were cut; a
/// first word longer than that is cut itself.
pub fn short(text: &str, max: usize) -> String {
    let text = clean(text);
    if text.chars().count() <= max {
        return text;
    }
    let mut kept = String::new();
    for word in text.split(' ') {
        let needed = kept.chars().count() + usize::from(!kept.is_empty()) + word.chars().count();
        if needed > max.saturating_sub(1) {
            break;
        }
        if !kept.is_empty() {
            kept.push(' ');
        }
        kept.push_str(word);
    }
    if kept.is_empty() {
        kept = text.chars().take(max.saturating_sub(1)).collect();
    }
    kept.push('…');
    kept
}

#[cfg(test)]
mod tests;
