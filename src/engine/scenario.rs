//! One attempt at a branching scenario: where the conversation is, the variables, which
//! nodes were visited, and the path taken so far.
//!
//! Semantics worth knowing:
//! - Entering a node with an automatic transition passes straight through it; every node
//!   entered, including those passed through, is recorded in order.
//! - A node counts as *visited* (for `visited` conditions) once the conversation has left
//!   it, as in Yarn Spinner. So at a decision point, `visited` of that same node holds only
//!   when the conversation has been there before.
//! - Effects are clamped to the variable's range. Start values are used as written.
//! - A `route` is evaluated when the conversation enters its node, after the choice that led
//!   there took effect (so it sees that choice's effects and quality). The nodes passed
//!   through on the way are marked visited only once the conversation settles.
//! - Choices are kept in the order written; the order they are shown in is
//!   [`ScenarioRun::display_order`], shuffled by the run's seed unless the node is `fixed`.

use super::EngineError;
use super::inline_list::InlineList;
use crate::course::checked::{Choice, Ending, Memory, Node, NodeIdx, Scenario, Step, VarIdx};
use crate::course::ids::{ChoiceId, ItemId, NodeId, VarId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod result;
mod snapshot;
pub use result::{CompetencyScore, QualityCounts, RunResult, TurningPoint};
pub use snapshot::{RestoreError, RunSnapshot};

/// Which choice the learner takes: by its position in the node or by its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceRef<'a> {
    /// The position among the node's choices (all of them, offered or not), from 0.
    Index(usize),
    /// The choice id.
    Id(&'a str),
}

impl From<usize> for ChoiceRef<'_> {
    fn from(index: usize) -> Self {
        ChoiceRef::Index(index)
    }
}

impl<'a> From<&'a str> for ChoiceRef<'a> {
    fn from(id: &'a str) -> Self {
        ChoiceRef::Id(id)
    }
}

impl<'a> From<&'a ChoiceId> for ChoiceRef<'a> {
    fn from(id: &'a ChoiceId) -> Self {
        ChoiceRef::Id(id.as_str())
    }
}

/// A choice of the current node, with whether its condition lets it be offered now.
#[derive(Debug, Clone, Copy)]
pub struct AvailableChoice<'s> {
    /// The position among the node's choices, from 0.
    pub index: usize,
    /// The choice itself (id, text, feedback...).
    pub choice: &'s Choice,
    /// Whether the learner may take it now.
    pub offered: bool,
}

/// A variable changed by a choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VarChange {
    /// The variable.
    pub var: VarIdx,
    /// The value before the choice.
    pub before: i32,
    /// The value after the choice, within the variable's range.
    pub after: i32,
    /// The change the choice asked for.
    pub requested: i32,
    /// The change actually applied (`after - before`), smaller when clamped.
    pub applied: i32,
}

/// What taking a choice did, for the screen to show.
#[derive(Debug, Clone)]
pub struct ChoiceOutcome<'s> {
    /// The number of this decision in the run, from 0.
    pub decision: usize,
    /// The decision point the choice was taken at.
    pub from: NodeIdx,
    /// The position of the choice among the node's choices.
    pub index: usize,
    /// The choice (id, feedback, thought, competencies).
    pub choice: &'s Choice,
    /// Every variable the choice changed, in the order of its effects.
    pub changes: InlineList<VarChange, 4>,
    /// The nodes entered, in order: the choice's next node, then any passed through.
    pub entered: InlineList<NodeIdx, 4>,
    /// Where the conversation is now (the last of `entered`).
    pub now_at: NodeIdx,
    /// The ending reached, if the conversation is over.
    pub ending: Option<&'s Ending>,
}

impl ChoiceOutcome<'_> {
    /// The id of the choice taken.
    pub fn choice_id(&self) -> &ChoiceId {
        &self.choice.id
    }

    /// The competencies the choice shows or breaches.
    pub fn competencies(&self) -> &crate::course::model::CompetencyEvidence {
        &self.choice.competencies
    }
}

/// One decision taken in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// The decision point.
    pub node: NodeIdx,
    /// The position of the choice taken among the node's choices.
    pub choice: u32,
    /// The length of the entered-nodes path after this decision.
    entered_end: usize,
}

/// One step of the path, in order, to rebuild the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathEvent {
    /// The conversation entered this node (its lines are said).
    Entered(NodeIdx),
    /// The learner took a choice.
    Chose {
        /// The number of the decision, from 0.
        decision: usize,
        /// The decision point.
        node: NodeIdx,
        /// The position of the choice among the node's choices.
        choice: usize,
    },
}

/// One attempt at a scenario. Create it with [`ScenarioRun::new`] and always pass the same
/// scenario to its methods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioRun {
    /// Where the attempt began: the scenario's start, or the node given to [`Self::at`].
    /// Rewinding and restarting go back here.
    origin: NodeIdx,
    current: NodeIdx,
    vars: Vec<i32>,
    visited: Vec<bool>,
    entered: Vec<NodeIdx>,
    /// Entered-path length after the start's automatic transitions.
    start_entered: usize,
    decisions: Vec<Decision>,
    /// Variable values before each decision, `vars.len()` per decision, back to back.
    vars_before: Vec<i32>,
    /// Which choices were taken, by position in the flow (for `chose` conditions).
    chosen: Vec<u64>,
    /// The qualities of the choices taken, one bit each (for `chose_quality`).
    qualities: u8,
    /// Seeds the order the choices are shown in.
    seed: u64,
}

fn node_at(scenario: &Scenario, idx: NodeIdx) -> Result<&Node, EngineError> {
    scenario
        .nodes
        .get(idx.0 as usize)
        .ok_or(EngineError::NoSuchNode { index: idx.0 })
}

fn choices_of(node: &Node) -> &[Choice] {
    match &node.step {
        Step::Choices(choices) => choices,
        _ => &[],
    }
}

/// Pushes `first` and every node passed through after it onto `entered`; returns the node
/// where the conversation stops. On a loop, `entered` is restored and an error returned.
fn settle(
    scenario: &Scenario,
    first: NodeIdx,
    entered: &mut Vec<NodeIdx>,
    memory: &Memory<'_>,
) -> Result<NodeIdx, EngineError> {
    let mark = entered.len();
    let flow = scenario.flow();
    let mut at = first;
    let mut hops = 0usize;
    loop {
        let Some(node) = flow.node(at) else {
            entered.truncate(mark);
            return Err(EngineError::NoSuchNode { index: at.0 });
        };
        entered.push(at);
        if !node.moves_on() {
            return Ok(at);
        }
        match flow.moves_to(at, memory) {
            Some(next) => {
                hops += 1;
                // More hops than nodes means a loop of automatic transitions.
                if hops > scenario.nodes.len() {
                    entered.truncate(mark);
                    return Err(EngineError::AutoCycle {
                        id: scenario.node(at).id.to_string(),
                    });
                }
                at = next;
            }
            None => {
                entered.truncate(mark);
                return Err(EngineError::NoRoute {
                    id: scenario.node(at).id.to_string(),
                });
            }
        }
    }
}

impl ScenarioRun {
    /// A fresh attempt: variables at their start values, at the start node (after any
    /// automatic transitions from it).
    pub fn new(scenario: &Scenario) -> Result<Self, EngineError> {
        Self::at(scenario, scenario.start)
    }

    /// A fresh attempt that begins at `node` instead of the start: variables at their start
    /// values, nothing visited, that node current (after any automatic transitions from it).
    /// A facilitator opens a decision point directly this way; rewinding and restarting
    /// come back to `node`.
    pub fn at(scenario: &Scenario, node: NodeIdx) -> Result<Self, EngineError> {
        Self::seeded_at(
            scenario,
            node,
            crate::course::order::attempt_seed(scenario.id.as_str(), 0),
        )
    }

    /// A fresh attempt at the start whose choices are shown in the order of `seed` (see
    /// [`crate::course::order::attempt_seed`]).
    pub fn seeded(scenario: &Scenario, seed: u64) -> Result<Self, EngineError> {
        Self::seeded_at(scenario, scenario.start, seed)
    }

    /// [`Self::at`], with the choices shown in the order of `seed`.
    pub fn seeded_at(scenario: &Scenario, node: NodeIdx, seed: u64) -> Result<Self, EngineError> {
        let vars: Vec<i32> = scenario.variables.iter().map(|v| v.start).collect();
        Self::begin(scenario, node, seed, vars)
    }

    /// [`Self::at`] with the variables at `values` (one per variable, as checked by
    /// [`super::preview_start`]): an author's preview. Restarting goes back to the start
    /// values.
    pub fn with_values(
        scenario: &Scenario,
        node: NodeIdx,
        values: &[i32],
    ) -> Result<Self, EngineError> {
        let mut vars: Vec<i32> = scenario.variables.iter().map(|v| v.start).collect();
        for (var, value) in vars.iter_mut().zip(values) {
            *var = *value;
        }
        let seed = crate::course::order::attempt_seed(scenario.id.as_str(), 0);
        Self::begin(scenario, node, seed, vars)
    }

    fn begin(
        scenario: &Scenario,
        node: NodeIdx,
        seed: u64,
        vars: Vec<i32>,
    ) -> Result<Self, EngineError> {
        let mut entered = Vec::new();
        let mut visited = vec![false; scenario.nodes.len()];
        let chosen = vec![0u64; scenario.flow().choice_count().div_ceil(64)];
        let memory = Memory {
            vars: &vars,
            visited: &visited,
            chosen: &chosen,
            qualities: 0,
        };
        let current = settle(scenario, node, &mut entered, &memory)?;
        // Nodes passed through are left at once; the last one is where we are.
        for node in entered
            .get(..entered.len().saturating_sub(1))
            .unwrap_or(&[])
        {
            if let Some(v) = visited.get_mut(node.0 as usize) {
                *v = true;
            }
        }
        Ok(Self {
            origin: node,
            current,
            vars,
            visited,
            start_entered: entered.len(),
            entered,
            decisions: Vec::new(),
            vars_before: Vec::new(),
            chosen,
            qualities: 0,
            seed,
        })
    }

    /// The seed of the order the choices are shown in.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// What the attempt has done so far, as conditions read it.
    pub fn memory(&self) -> Memory<'_> {
        Memory {
            vars: &self.vars,
            visited: &self.visited,
            chosen: &self.chosen,
            qualities: self.qualities,
        }
    }

    /// The order to show the choices of `node` in: `order[k]` is the position (as written)
    /// of the choice shown k-th. Stable for a run: the same after resuming or rewinding.
    pub fn display_order(&self, scenario: &Scenario, node: NodeIdx) -> Vec<usize> {
        let Ok(node) = node_at(scenario, node) else {
            return Vec::new();
        };
        crate::course::order::display_order(
            node.order,
            self.seed,
            node.id.as_str(),
            choices_of(node).len(),
        )
    }

    /// The node the conversation is at.
    pub fn current(&self) -> NodeIdx {
        self.current
    }

    /// The node the conversation is at, with its lines.
    pub fn current_node<'s>(&self, scenario: &'s Scenario) -> Option<&'s Node> {
        node_at(scenario, self.current).ok()
    }

    /// The variable values, indexed by [`VarIdx`].
    pub fn variables(&self) -> &[i32] {
        &self.vars
    }

    /// The value of one variable.
    pub fn variable(&self, var: VarIdx) -> Option<i32> {
        self.vars.get(var.0 as usize).copied()
    }

    /// Whether the conversation has left this node at least once.
    pub fn has_visited(&self, node: NodeIdx) -> bool {
        self.memory().has_visited(node)
    }

    /// Every node entered, in order, including the current one and those passed through.
    pub fn entered(&self) -> &[NodeIdx] {
        &self.entered
    }

    /// The decisions taken, in order.
    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    /// The nodes entered before the first decision (the start and any passed through).
    pub fn entered_at_start(&self) -> &[NodeIdx] {
        self.entered.get(..self.start_entered).unwrap_or(&[])
    }

    /// The nodes entered because of decision `decision`.
    pub fn entered_after(&self, decision: usize) -> &[NodeIdx] {
        let Some(end) = self.decisions.get(decision).map(|d| d.entered_end) else {
            return &[];
        };
        let begin = match decision.checked_sub(1) {
            Some(prev) => self.decisions.get(prev).map_or(0, |d| d.entered_end),
            None => self.start_entered,
        };
        self.entered.get(begin..end).unwrap_or(&[])
    }

    /// The variable values just before decision `decision`.
    pub fn variables_before(&self, decision: usize) -> Option<&[i32]> {
        let n = self.vars.len();
        if decision >= self.decisions.len() {
            return None;
        }
        self.vars_before.get(decision * n..(decision + 1) * n)
    }

    /// The variable values just after decision `decision`.
    pub fn variables_after(&self, decision: usize) -> Option<&[i32]> {
        if decision + 1 == self.decisions.len() {
            Some(&self.vars)
        } else {
            self.variables_before(decision + 1)
        }
    }

    /// The whole path in order: nodes entered and choices taken, to rebuild the transcript.
    pub fn path(&self) -> impl Iterator<Item = PathEvent> + '_ {
        let start = self
            .entered_at_start()
            .iter()
            .map(|&n| PathEvent::Entered(n));
        let rest = self.decisions.iter().enumerate().flat_map(|(i, d)| {
            std::iter::once(PathEvent::Chose {
                decision: i,
                node: d.node,
                choice: d.choice as usize,
            })
            .chain(self.entered_after(i).iter().map(|&n| PathEvent::Entered(n)))
        });
        start.chain(rest)
    }

    /// The ending reached, if the conversation is over.
    pub fn ending<'s>(&self, scenario: &'s Scenario) -> Option<&'s Ending> {
        match node_at(scenario, self.current).map(|n| &n.step) {
            Ok(Step::Ending(ending)) => Some(ending),
            _ => None,
        }
    }

    /// Whether the conversation is over.
    pub fn is_ended(&self, scenario: &Scenario) -> bool {
        self.ending(scenario).is_some()
    }

    /// Whether the conversation is at a decision point where no choice is offered (possible
    /// when every choice has a condition; the validator warns about such nodes).
    pub fn is_stuck(&self, scenario: &Scenario) -> bool {
        !self.is_ended(scenario) && self.offered_count(scenario) == 0
    }

    /// The choices of the current node in order, each with whether it is offered now.
    /// Choices whose condition does not hold are included, marked not offered, so the
    /// screen can decide whether to show them. Empty at an ending.
    pub fn available_choices<'a>(
        &'a self,
        scenario: &'a Scenario,
    ) -> impl Iterator<Item = AvailableChoice<'a>> + 'a {
        let choices = node_at(scenario, self.current).map_or(&[][..], choices_of);
        let flow = scenario.flow();
        let memory = self.memory();
        choices
            .iter()
            .zip(flow.choices(self.current))
            .enumerate()
            .map(move |(index, (choice, flat))| AvailableChoice {
                index,
                choice,
                offered: flow.offered(flat, &memory),
            })
    }

    /// The choices offered now, by their position as written, in the order they are shown
    /// ([`Self::display_order`]). Front ends number, select and click in this order and
    /// call [`Self::choose`] with the position as written.
    pub fn offered_in_order(&self, scenario: &Scenario) -> Vec<usize> {
        let offered: Vec<bool> = self
            .available_choices(scenario)
            .map(|c| c.offered)
            .collect();
        let mut order = self.display_order(scenario, self.current);
        order.retain(|&i| offered.get(i).copied().unwrap_or(false));
        order
    }

    /// Only the choices offered now.
    pub fn offered_choices<'a>(
        &'a self,
        scenario: &'a Scenario,
    ) -> impl Iterator<Item = AvailableChoice<'a>> + 'a {
        self.available_choices(scenario).filter(|c| c.offered)
    }

    /// How many choices are offered now.
    pub fn offered_count(&self, scenario: &Scenario) -> usize {
        let flow = scenario.flow();
        flow.choices(self.current)
            .iter()
            .filter(|c| flow.offered(c, &self.memory()))
            .count()
    }

    /// Takes a choice at the current decision point: applies its effects (clamped to each
    /// variable's range) and moves on, through any automatic transitions.
    ///
    /// Refused, with the run unchanged, when the run has ended, the choice does not exist or
    /// is not offered, or the next nodes loop.
    pub fn choose<'s, 'c>(
        &mut self,
        scenario: &'s Scenario,
        choice: impl Into<ChoiceRef<'c>>,
    ) -> Result<ChoiceOutcome<'s>, EngineError> {
        let from = self.current;
        let node = node_at(scenario, from)?;
        let choices = match &node.step {
            Step::Choices(choices) => choices.as_slice(),
            _ => return Err(EngineError::RunEnded),
        };
        let (index, picked) = match choice.into() {
            ChoiceRef::Index(index) => match choices.get(index) {
                Some(c) => (index, c),
                None => {
                    return Err(EngineError::NoChoiceAt {
                        index,
                        count: choices.len(),
                    });
                }
            },
            ChoiceRef::Id(id) => match choices.iter().position(|c| c.id.as_str() == id) {
                Some(index) => (index, &choices[index]),
                None => return Err(EngineError::UnknownChoice { id: id.to_owned() }),
            },
        };
        // The hot path reads the flat flow; the checked choice is only handed back.
        let flow = scenario.flow();
        let Some(flat) = flow.choices(from).get(index) else {
            return Err(EngineError::NoChoiceAt {
                index,
                count: choices.len(),
            });
        };
        if !flow.offered(flat, &self.memory()) {
            return Err(EngineError::ChoiceNotOffered {
                id: picked.id.to_string(),
            });
        }

        self.vars_before.extend_from_slice(&self.vars);
        let mut changes = InlineList::new(VarChange {
            var: VarIdx(0),
            before: 0,
            after: 0,
            requested: 0,
            applied: 0,
        });
        for &(var, delta) in flow.effects(flat) {
            let (Some(value), Some(def)) = (
                self.vars.get_mut(var.0 as usize),
                scenario.variables.get(var.0 as usize),
            ) else {
                continue;
            };
            let before = *value;
            // Not `clamp`: it panics when min > max, which the validator reports but a
            // course could still carry.
            let after = before.saturating_add(delta).min(def.max).max(def.min);
            *value = after;
            changes.push(VarChange {
                var,
                before,
                after,
                requested: delta,
                applied: after.wrapping_sub(before),
            });
        }

        // Moving on is the only step that can fail: it undoes itself, and the effects are
        // undone here. Effects go first so that their memory loads overlap with the move's.
        // A route after the choice sees it taken.
        let position = flow.choice_position(from, index);
        let word = position.map(|i| (i / 64, 1u64 << (i % 64)));
        let word_before = word.and_then(|(w, _)| self.chosen.get(w).copied());
        if let Some((w, bit)) = word
            && let Some(slot) = self.chosen.get_mut(w)
        {
            *slot |= bit;
        }
        let qualities_before = self.qualities;
        self.qualities |= Memory::quality_bit(flat.quality);

        let entered_from = self.entered.len();
        let memory = Memory {
            vars: &self.vars,
            visited: &self.visited,
            chosen: &self.chosen,
            qualities: self.qualities,
        };
        let now_at = match settle(scenario, flat.next, &mut self.entered, &memory) {
            Ok(node) => node,
            Err(e) => {
                let saved_from = self.vars_before.len() - self.vars.len();
                self.vars.copy_from_slice(&self.vars_before[saved_from..]);
                self.vars_before.truncate(saved_from);
                if let (Some((w, _)), Some(before)) = (word, word_before)
                    && let Some(slot) = self.chosen.get_mut(w)
                {
                    *slot = before;
                }
                self.qualities = qualities_before;
                return Err(e);
            }
        };
        let ending = match flow.node(now_at) {
            Some(node) if node.ending => match &node_at(scenario, now_at)?.step {
                Step::Ending(ending) => Some(ending),
                _ => None,
            },
            _ => None,
        };

        // Leaving the decision point and every node passed through marks them visited.
        let passed = self.entered.len().saturating_sub(1);
        let passed_through = self.entered.get(entered_from..passed).unwrap_or(&[]);
        for node in std::iter::once(&from).chain(passed_through) {
            if let Some(v) = self.visited.get_mut(node.0 as usize) {
                *v = true;
            }
        }
        self.current = now_at;
        self.decisions.push(Decision {
            node: from,
            choice: index as u32,
            entered_end: self.entered.len(),
        });

        let mut entered = InlineList::new(now_at);
        entered.extend_from_slice(self.entered.get(entered_from..).unwrap_or(&[]));
        Ok(ChoiceOutcome {
            decision: self.decisions.len() - 1,
            from,
            index,
            choice: picked,
            changes,
            entered,
            now_at,
            ending,
        })
    }

    /// Goes back to just before decision `decision` (0 = the first decision point), as if
    /// the later decisions had never been taken. The state is rebuilt by replaying the
    /// earlier choices from the start, so it is exactly what it was then.
    pub fn rewind_to(&mut self, scenario: &Scenario, decision: usize) -> Result<(), EngineError> {
        if decision > self.decisions.len() {
            return Err(EngineError::NoSuchDecision {
                decision,
                taken: self.decisions.len(),
            });
        }
        let mut replay = ScenarioRun::seeded_at(scenario, self.origin, self.seed)?;
        for d in &self.decisions[..decision] {
            replay.choose(scenario, d.choice as usize)?;
        }
        *self = replay;
        Ok(())
    }

    /// Starts the attempt again from the beginning (the node it began at).
    pub fn restart(&mut self, scenario: &Scenario) -> Result<(), EngineError> {
        *self = ScenarioRun::seeded_at(scenario, self.origin, self.seed)?;
        Ok(())
    }

    /// Starts afresh from the node the run began at, as a new attempt whose choices are
    /// shown in the order of `seed`.
    pub fn restart_with_seed(&mut self, scenario: &Scenario, seed: u64) -> Result<(), EngineError> {
        *self = ScenarioRun::seeded_at(scenario, self.origin, seed)?;
        Ok(())
    }

    /// The choice a decision took.
    pub fn choice_of<'s>(&self, scenario: &'s Scenario, d: &Decision) -> Option<&'s Choice> {
        choices_of(node_at(scenario, d.node).ok()?).get(d.choice as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::model::Outcome;
    use crate::engine::testkit::{ScenarioBuilder, choice};

    fn scenario() -> Scenario {
        ScenarioBuilder::new("s")
            .var("trust", 0, 10, 5)
            .choices("a", [choice("a1", "pass").effect("trust", 2)])
            .auto("pass", "b")
            .choices(
                "b",
                [
                    choice("b1", "good").effect("trust", 3),
                    choice("b2", "poor"),
                ],
            )
            .ending("good", Outcome::Good)
            .ending("poor", Outcome::Poor)
            .build()
    }

    #[test]
    fn a_run_can_begin_at_a_node_with_fresh_variables() {
        let scenario = scenario();
        let pass = scenario.node_idx("pass").expect("node");
        let b = scenario.node_idx("b").expect("node");
        let mut run = ScenarioRun::at(&scenario, pass).expect("runs");
        // Passed through `pass`, at `b`, nothing chosen, start values.
        assert_eq!(run.current(), b);
        assert_eq!(run.entered(), &[pass, b]);
        assert!(run.has_visited(pass));
        assert!(!run.has_visited(scenario.start));
        assert_eq!(run.variables(), &[5]);
        assert!(run.decisions().is_empty());

        run.choose(&scenario, "b1").expect("offered");
        assert_eq!(run.variables(), &[8]);
        assert!(run.is_ended(&scenario));
        // Rewinding and restarting come back to where the run began, not to the start.
        run.rewind_to(&scenario, 0).expect("rewinds");
        assert_eq!(run.current(), b);
        assert_eq!(run.variables(), &[5]);
        run.choose(&scenario, "b2").expect("offered");
        run.restart(&scenario).expect("restarts");
        assert_eq!(run.current(), b);
        assert_eq!(
            ScenarioRun::new(&scenario).expect("runs").current(),
            scenario.start
        );
    }

    #[test]
    fn a_node_outside_the_scenario_is_refused() {
        let scenario = scenario();
        assert_eq!(
            ScenarioRun::at(&scenario, NodeIdx(99)),
            Err(EngineError::NoSuchNode { index: 99 })
        );
    }
}
