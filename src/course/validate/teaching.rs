//! Checks on whether a scenario's practice can teach: content that is valid, but lets a
//! trainee do well without learning, or tells them something the feedback contradicts.
//! Every finding is a warning, and each check reads only what the author wrote (a version 1
//! file has no qualities, so the quality checks find nothing there until it is migrated).
//!
//! - `decorative-variable`: a variable that no condition reads cannot change what happens.
//! - `quality-mismatch`: a `best` choice that only lowers gauges, a `harmful` one that
//!   breaches no competency.
//! - `positional-answer` and `length-tell`: the best choice gives itself away by its place
//!   or its length.
//! - `harmful-good-ending`: a good ending that a harmful choice does not close off.

use super::flow::{EdgeKind, Graph};
use super::ranges::{self, VarBounds};
use super::scenario::Checked;
use super::{At, Ctx, IdIndex};
use crate::course::checked::{self, Cond, Step};
use crate::course::diagnostic::Problem;
use crate::course::model::{Choice, Node, Order, Quality, Scenario, Text};
use std::collections::VecDeque;

/// Below this many decision points, a pattern in where or how long the best choice is may
/// be chance.
const MIN_DECISIONS: usize = 3;
/// The best choice in one position in more than this share (percent) of the fixed-order
/// decision points gives the answer away.
const POSITION_PERCENT: usize = 60;
/// A best choice longer than this share (percent) of the longest other choice stands out.
const LENGTH_PERCENT: usize = 140;
/// A path named in a message shows at most this many choices; longer ones lose the middle.
const PATH_SHOWN: usize = 12;

/// Where the best choice sits in fixed-order decision points, counted per scenario and
/// summed over the course.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Positions {
    /// How many decision points put the best choice at position `k + 1` (the first nine:
    /// later ones count towards the total only).
    counts: [usize; 9],
    /// Fixed-order decision points with a best choice.
    total: usize,
    /// Whether a scenario was reported already, so the course-wide check stays silent.
    reported: bool,
}

impl Positions {
    /// Adds a scenario's counts to the course's.
    pub(super) fn add(&mut self, scenario: &Positions) {
        for (sum, count) in self.counts.iter_mut().zip(scenario.counts) {
            *sum += count;
        }
        self.total += scenario.total;
        self.reported |= scenario.reported;
    }

    /// The `positional-answer` problem, when one position holds the best choice in more
    /// than 60% of at least three decision points.
    fn problem(&self) -> Option<Problem> {
        if self.total < MIN_DECISIONS {
            return None;
        }
        // The first of the most common positions.
        let (index, same) =
            self.counts
                .iter()
                .copied()
                .enumerate()
                .fold(
                    (0, 0),
                    |best, (k, count)| if count > best.1 { (k, count) } else { best },
                );
        (same * 100 > self.total * POSITION_PERCENT).then_some(Problem::PositionalAnswer {
            position: index + 1,
            same,
            total: self.total,
        })
    }
}

/// What the teaching checks gather from each node while [`super::scenario::check`] walks
/// it, so the nodes are read once.
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// Where the best choices sit.
    positions: Positions,
    /// Decision points with a best choice and another one, whose texts were compared.
    with_best: usize,
    /// Of those, the ones whose best choice is much longer than the others.
    longest: usize,
    /// Whether some choice is harmful.
    any_harmful: bool,
}

impl Tally {
    /// Adds what was gathered from the nodes that follow this tally's.
    pub(super) fn add(&mut self, later: &Tally) {
        self.positions.add(&later.positions);
        self.with_best += later.with_best;
        self.longest += later.longest;
        self.any_harmful |= later.any_harmful;
    }

    /// Checks the choices of the node at `at` for `quality-mismatch`, and counts where and
    /// how long its best choice is.
    pub(super) fn node(&mut self, ctx: &mut Ctx<'_>, node: &Node, at: &At<'_>) {
        let Some(choices) = &node.choices else {
            return;
        };
        let choices_at = at.key("choices");
        for (j, choice) in choices.iter().enumerate() {
            quality_mismatch(ctx, node, choice, &choices_at.index(j));
            self.any_harmful |= choice.quality == Some(Quality::Harmful);
        }
        let Some(best) = choices.iter().position(is_best) else {
            return;
        };
        if node.order == Order::Fixed {
            self.positions.total += 1;
            if let Some(count) = self.positions.counts.get_mut(best) {
                *count += 1;
            }
        }
        let locale = ctx.facts.default_locale;
        let best_len = longest_text(choices.iter().filter(|c| is_best(c)), locale);
        let other_len = longest_text(choices.iter().filter(|c| !is_best(c)), locale);
        if let (Some(best_len), Some(other_len)) = (best_len, other_len) {
            self.with_best += 1;
            if best_len * 100 > other_len * LENGTH_PERCENT {
                self.longest += 1;
            }
        }
    }
}

/// The content checks on one scenario that need all of it, after [`Tally::node`] saw each
/// node. `resolved` says that its references resolve and its node ids are unique, so its
/// graph can be walked. Returns where the best choices sit, for the course-wide
/// [`course_positions`].
pub(super) fn check(
    ctx: &mut Ctx<'_>,
    scenario: &Scenario,
    checked: &Checked,
    resolved: bool,
) -> Positions {
    let nodes_at = At::Root.key("nodes");
    let variables = IdIndex::new(scenario.variables.iter().map(|v| v.id.as_str()), |_, _| {});
    decorative_variables(ctx, scenario, &checked.graph, &variables);

    let tally = &checked.tally;
    let mut positions = tally.positions;
    if let Some(problem) = positions.problem() {
        positions.reported = true;
        ctx.report(&nodes_at, problem);
    }
    if tally.with_best >= MIN_DECISIONS && tally.longest * 2 > tally.with_best {
        ctx.report(
            &nodes_at,
            Problem::LengthTell {
                longest: tally.longest,
                total: tally.with_best,
            },
        );
    }

    // Every node is built when every reference resolves.
    if let (true, true, Some(nodes)) = (resolved, tally.any_harmful, &checked.nodes) {
        harmful_good_endings(ctx, scenario, checked, nodes);
    }
    positions
}

/// The course-wide `positional-answer`, reported on the manifest's `modules` when no single
/// scenario shows the pattern but the course as a whole does.
pub(super) fn course_positions(ctx: &mut Ctx<'_>, positions: &Positions) {
    if positions.reported {
        return;
    }
    if let Some(problem) = positions.problem() {
        ctx.report(&At::Root.key("modules"), problem);
    }
}

fn is_best(choice: &Choice) -> bool {
    choice.quality == Some(Quality::Best)
}

/// The length in characters of the longest of these choice texts, in `locale` or else in
/// the first locale each text has; `None` when there are no choices.
fn longest_text<'c>(
    choices: impl Iterator<Item = &'c Choice>,
    locale: Option<&str>,
) -> Option<usize> {
    choices.map(|c| text_len(&c.text, locale)).max()
}

fn text_len(text: &Text, locale: Option<&str>) -> usize {
    locale
        .and_then(|locale| text.get(locale))
        .or_else(|| text.iter().next().map(|(_, text)| text))
        .map_or(0, |text| text.chars().count())
}

/// `quality-mismatch`: a quality the choice's own effects or competencies contradict.
fn quality_mismatch(ctx: &mut Ctx<'_>, node: &Node, choice: &Choice, at: &At<'_>) {
    let reason = match choice.quality {
        Some(Quality::Best)
            if !choice.effects.is_empty() && choice.effects.iter().all(|(_, d)| *d < 0) =>
        {
            "every gauge it changes goes down"
        }
        Some(Quality::Harmful) if choice.competencies.breached().next().is_none() => {
            "it breaches no competency (add the one it goes against to `competencies` as \"breached\")"
        }
        _ => return,
    };
    let quality = choice.quality.map_or("", Quality::key);
    ctx.report(
        at,
        Problem::QualityMismatch {
            id: format!("{}/{}", node.id, choice.id),
            quality: quality.to_owned(),
            reason: reason.to_owned(),
        },
    );
}

/// `decorative-variable`: every variable that no choice, route arm or debrief part reads
/// (as [`Graph::compared`] recorded).
fn decorative_variables(
    ctx: &mut Ctx<'_>,
    scenario: &Scenario,
    graph: &Graph,
    variables: &IdIndex<'_>,
) {
    let variables_at = At::Root.key("variables");
    for (i, variable) in scenario.variables.iter().enumerate() {
        // A repeated id counts as read when its first use is (the repeat is an error already).
        let is_read = variables
            .get(variable.id.as_str())
            .and_then(|var| graph.compared.get(var as usize))
            .copied()
            .unwrap_or(false);
        if !is_read {
            ctx.report(
                &variables_at.index(i),
                Problem::DecorativeVariable {
                    id: variable.id.to_string(),
                },
            );
        }
    }
}

/// What the search knows at a state: whether a harmful choice was taken, and the values the
/// variables can have at the node.
struct Known<'a> {
    harmful_taken: bool,
    values: &'a [(i32, i32)],
    bounds: &'a [VarBounds],
}

impl Known<'_> {
    /// Whether `condition` surely holds (`Some(true)`), surely not (`Some(false)`), or may
    /// either way (`None`). Only `chose_quality: harmful` and comparisons the intervals
    /// decide are known; `visited`, `chose` and other qualities may go either way.
    fn decide(&self, condition: &Cond) -> Option<bool> {
        match condition {
            Cond::All(conditions) => self.decide_each(conditions, false),
            Cond::Any(conditions) => self.decide_each(conditions, true),
            Cond::Not(condition) => self.decide(condition).map(|holds| !holds),
            Cond::ChoseQuality(Quality::Harmful) => Some(self.harmful_taken),
            Cond::Compare { var, op, value } => {
                let var = var.0 as usize;
                if !self.bounds.get(var)?.is_consistent() {
                    return None;
                }
                ranges::decide(*self.values.get(var)?, *op, *value)
            }
            Cond::ChoseQuality(_) | Cond::Visited(_) | Cond::Chose { .. } => None,
        }
    }

    /// `all` (`decisive` false) or `any` (`decisive` true) of `conditions`: decided by the
    /// first one surely `decisive`; otherwise unknown if any one is, else `!decisive`.
    fn decide_each(&self, conditions: &[Cond], decisive: bool) -> Option<bool> {
        let mut result = Some(!decisive);
        for condition in conditions {
            match self.decide(condition) {
                Some(holds) if holds == decisive => return Some(decisive),
                None => result = None,
                Some(_) => {}
            }
        }
        result
    }
}

/// No state reached yet.
const UNSEEN: u32 = u32::MAX;

/// `harmful-good-ending`: a search over the states (node, harmful choice taken or not) from
/// the start, following every choice and route arm whose condition can hold there (as far
/// as the harmful flag and the variables' intervals from [`ranges`] tell). A good ending
/// reached in a "harmful taken" state is reported with the shortest such path, rebuilt from
/// the state each was first reached from. After the interval analysis, linear in the size
/// of the graph (two states per node); run only when the scenario has a harmful choice and
/// a good ending. It reads the built `nodes`, whose conditions name variables by index.
fn harmful_good_endings(
    ctx: &mut Ctx<'_>,
    scenario: &Scenario,
    checked: &Checked,
    nodes: &[checked::Node],
) {
    let graph = &checked.graph;
    let (Some(start), false) = (graph.start, graph.good_endings.is_empty()) else {
        return;
    };
    let start = start as usize;
    let states = graph.node_count().saturating_mul(2);
    if start >= graph.node_count() || u32::try_from(states).is_err() {
        return;
    }
    let bounds: Vec<VarBounds> = scenario
        .variables
        .iter()
        .map(|v| VarBounds {
            min: v.min,
            max: v.max,
            start: v.start,
        })
        .collect();
    let computed;
    let intervals = match &checked.entries {
        Some(entries) => entries,
        None => {
            computed = ranges::entry_intervals(graph, start, &bounds);
            &computed
        }
    };

    // State `2 * node + harmful`. `from[s]`: the state `s` was first reached from (the start
    // state is its own), `via[s]`: the index of the edge taken, within its node.
    let mut from = vec![UNSEEN; states];
    let mut via = vec![0u32; states];
    let first = 2 * start;
    if let Some(slot) = from.get_mut(first) {
        *slot = first as u32;
    }
    let mut queue = VecDeque::from([first]);
    while let Some(state) = queue.pop_front() {
        let (node, harmful_taken) = (state / 2, took_harmful(state));
        let Some(values) = intervals.get(node) else {
            continue;
        };
        let known = Known {
            harmful_taken,
            values,
            bounds: &bounds,
        };
        // The node itself is read only for a condition: the edges say the rest.
        let condition = |k: usize, of_choice: bool| match (&nodes.get(node)?.step, of_choice) {
            (Step::Choices(choices), true) => choices.get(k)?.condition.as_ref(),
            (Step::Route(arms), false) => arms.get(k)?.condition.as_ref(),
            _ => None,
        };
        // A route takes its first arm that holds: once one surely holds, no later one is
        // taken.
        let mut route_decided = false;
        for (k, edge) in graph.edges(node).iter().enumerate() {
            let (follow, harmful_after) = match edge.kind {
                EdgeKind::Choice {
                    harmful,
                    conditional,
                } => {
                    let offered = conditional
                        .then(|| condition(k, true).and_then(|c| known.decide(c)))
                        .flatten();
                    (offered != Some(false), harmful_taken || harmful)
                }
                EdgeKind::Arm { conditional } => {
                    let holds = if conditional {
                        condition(k, false).and_then(|c| known.decide(c))
                    } else {
                        Some(true)
                    };
                    let follow = !route_decided && holds != Some(false);
                    route_decided |= holds == Some(true);
                    (follow, harmful_taken)
                }
                EdgeKind::Next => (true, harmful_taken),
            };
            let Some(target) = edge.target.filter(|_| follow) else {
                continue;
            };
            let next = 2 * target as usize + usize::from(harmful_after);
            if let Some(slot) = from.get_mut(next)
                && *slot == UNSEEN
            {
                *slot = state as u32;
                if let Some(edge_slot) = via.get_mut(next) {
                    *edge_slot = k as u32;
                }
                queue.push_back(next);
            }
        }
    }

    let nodes_at = At::Root.key("nodes");
    for &i in &graph.good_endings {
        let i = i as usize;
        let Some(node) = nodes.get(i) else { continue };
        if from.get(2 * i + 1).is_none_or(|&s| s == UNSEEN) {
            continue;
        }
        let (choice, path) = harmful_path(nodes, &from, &via, 2 * i + 1);
        ctx.report(
            &nodes_at.index(i),
            Problem::HarmfulGoodEnding {
                ending: node.id.to_string(),
                choice,
                path,
            },
        );
    }
}

/// Whether a search state is one where a harmful choice was taken.
fn took_harmful(state: usize) -> bool {
    state % 2 == 1
}

/// The harmful choice and the choices (as `node/choice`, joined by arrows) on the path the
/// search found to `state`.
fn harmful_path(
    nodes: &[checked::Node],
    from: &[u32],
    via: &[u32],
    mut state: usize,
) -> (String, String) {
    let choices = |node: usize| match &nodes.get(node)?.step {
        Step::Choices(choices) => Some(choices),
        _ => None,
    };
    let name = |node: usize, choice: u32| {
        let choice = choices(node).and_then(|choices| choices.get(choice as usize));
        match (nodes.get(node), choice) {
            (Some(node), Some(choice)) => format!("{}/{}", node.id, choice.id),
            _ => String::new(),
        }
    };
    let mut steps = Vec::new();
    let mut harmful = String::new();
    while let Some(&previous) = from.get(state) {
        let previous = previous as usize;
        if previous == state || previous == UNSEEN as usize {
            break;
        }
        let node = previous / 2;
        let edge = via.get(state).copied().unwrap_or(0);
        if choices(node).is_some() {
            let step = name(node, edge);
            if !took_harmful(previous) && took_harmful(state) {
                harmful = step.clone();
            }
            steps.push(step);
        }
        state = previous;
    }
    steps.reverse();
    if steps.len() > PATH_SHOWN {
        let tail = steps.split_off(steps.len() - PATH_SHOWN / 2);
        steps.truncate(PATH_SHOWN / 2 - 1);
        steps.push("…".to_owned());
        steps.extend(tail);
    }
    (harmful, steps.join(" → "))
}
