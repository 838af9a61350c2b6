//! The result of a finished attempt: the ending, a score per competency, the count of
//! choices per quality, the debrief parts that apply to this path, and the turning points.
//!
//! The result follows what the trainee did: a competency breached anywhere is never listed
//! as shown, even when an earlier choice showed it.

use super::{ScenarioRun, choices_of, node_at};
use crate::course::checked::{NodeIdx, Scenario};
use crate::course::ids::Competency;
use crate::course::model::{Evidence, Outcome, Quality, Text};

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunResult {
    /// The ending node.
    pub ending_node: NodeIdx,
    /// Good, mixed or poor.
    pub outcome: Outcome,
    /// The final variable values, indexed by [`crate::course::checked::VarIdx`].
    pub variables: Vec<i32>,
    /// Competencies shown by the choices taken and breached by none, without repeats, in
    /// order of first appearance.
    pub shown: Vec<Competency>,
    /// Competencies breached by a choice taken, in order of first appearance.
    pub breached: Vec<Competency>,
    /// Competencies that an offered choice would have shown, but that this attempt neither
    /// showed nor breached ("not met"), in order of first appearance.
    pub missed: Vec<Competency>,
    /// How many choices of each quality were taken.
    pub qualities: QualityCounts,
    /// The parts of the ending's debrief that apply to this path, by position.
    pub debrief: Vec<usize>,
}

/// The score of one competency in an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CompetencyScore {
    /// Shown, and never breached.
    Shown,
    /// Breached at least once.
    Breached,
    /// Could have been shown, but was not.
    NotMet,
}

impl CompetencyScore {
    /// The key of the score's interface word and of its value in exports.
    pub fn key(self) -> &'static str {
        match self {
            CompetencyScore::Shown => "shown",
            CompetencyScore::Breached => "breached",
            CompetencyScore::NotMet => "not_met",
        }
    }
}

impl RunResult {
    /// Every competency the attempt says something about, with its score: shown, then
    /// breached, then not met.
    pub fn competency_scores(&self) -> Vec<(&Competency, CompetencyScore)> {
        self.shown
            .iter()
            .map(|c| (c, CompetencyScore::Shown))
            .chain(self.breached.iter().map(|c| (c, CompetencyScore::Breached)))
            .chain(self.missed.iter().map(|c| (c, CompetencyScore::NotMet)))
            .collect()
    }
}

/// How many choices of each quality an attempt took.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QualityCounts {
    counts: [u32; 4],
}

impl QualityCounts {
    /// How many choices of `quality`.
    pub fn get(&self, quality: Quality) -> u32 {
        self.counts[quality as usize]
    }

    /// Counts one more choice of `quality`.
    pub fn add(&mut self, quality: Quality) {
        self.counts[quality as usize] = self.counts[quality as usize].saturating_add(1);
    }

    /// Every quality with its count, best first.
    pub fn iter(&self) -> impl Iterator<Item = (Quality, u32)> + '_ {
        Quality::ALL.into_iter().map(|q| (q, self.get(q)))
    }

    /// How many choices in all.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
}

/// A decision that mattered: the choice taken, and a better one that was offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurningPoint {
    /// The number of the decision in the run, from 0.
    pub decision: usize,
    /// The decision point.
    pub node: NodeIdx,
    /// The position (as written) of the choice taken.
    pub taken: usize,
    /// The position (as written) of the better choice.
    pub better: usize,
    /// The best outcome still reachable after the choice taken, if it could be worked out.
    pub best_after_taken: Option<Outcome>,
    /// The best outcome reachable after the better choice, if it could be worked out.
    pub best_after_better: Option<Outcome>,
    /// How far the choice taken moved the gauges compared with the better one, in
    /// hundredths of each gauge's range, summed (negative: down).
    pub gauge_difference: i32,
}

impl TurningPoint {
    /// Whether the choice taken closed off a better outcome.
    pub fn lost_outcome(&self) -> bool {
        match (self.best_after_taken, self.best_after_better) {
            // `Good` sorts first: a larger outcome is a worse one.
            (Some(taken), Some(better)) => taken > better,
            _ => false,
        }
    }
}

/// At most this many turning points are named: the few that matter most.
const MAX_TURNING_POINTS: usize = 3;

/// How many choices the search for reachable outcomes may take per alternative; past it, the
/// outcome is not worked out and the gauges alone decide.
const OUTCOME_SEARCH_BUDGET: usize = 4_000;

/// How much work finding the turning points of one attempt may do in all, in steps and
/// copied path entries: on a very long attempt the outcomes of the later decisions are then
/// not worked out, and quality and gauges alone rank them, instead of the screen freezing.
const TURNING_POINTS_WORK: usize = 2_000_000;

/// Work left for [`ScenarioRun::turning_points`].
struct Work(usize);

impl Work {
    /// Takes `units` of work; `false` (taking nothing) when not that much is left.
    fn spend(&mut self, units: usize) -> bool {
        match self.0.checked_sub(units) {
            Some(left) => {
                self.0 = left;
                true
            }
            None => false,
        }
    }
}

impl ScenarioRun {
    /// The result, once the conversation has reached an ending.
    pub fn result(&self, scenario: &Scenario) -> Option<RunResult> {
        let ending = self.ending(scenario)?;
        let mut shown: Vec<Competency> = Vec::new();
        let mut breached: Vec<Competency> = Vec::new();
        let mut qualities = QualityCounts::default();
        for d in &self.decisions {
            let choice = self.choice_of(scenario, d)?;
            qualities.add(choice.quality);
            for (tag, evidence) in choice.competencies.iter() {
                let list = match evidence {
                    Evidence::Shown => &mut shown,
                    Evidence::Breached => &mut breached,
                };
                if !list.contains(tag) {
                    list.push(tag.clone());
                }
            }
        }
        // A breach is never undone by having shown the competency earlier or later.
        shown.retain(|tag| !breached.contains(tag));

        // Replay to know what was offered at each decision point.
        let mut missed: Vec<Competency> = Vec::new();
        let mut replay = ScenarioRun::seeded_at(scenario, self.origin, self.seed).ok()?;
        for d in &self.decisions {
            for alternative in replay.offered_choices(scenario) {
                if alternative.index == d.choice as usize {
                    continue;
                }
                for tag in alternative.choice.competencies.shown() {
                    if !shown.contains(tag) && !breached.contains(tag) && !missed.contains(tag) {
                        missed.push(tag.clone());
                    }
                }
            }
            replay.choose(scenario, d.choice as usize).ok()?;
        }

        let flow = scenario.flow();
        let memory = self.memory();
        let debrief = ending
            .debrief
            .iter()
            .enumerate()
            .filter(|(_, part)| {
                part.condition
                    .as_ref()
                    .is_none_or(|c| flow.condition_holds(c, &memory))
            })
            .map(|(i, _)| i)
            .collect();

        Some(RunResult {
            ending_node: self.current,
            outcome: ending.outcome,
            variables: self.vars.clone(),
            shown,
            breached,
            missed,
            qualities,
            debrief,
        })
    }

    /// The debrief texts that apply to this attempt, in order (empty before the ending).
    pub fn debrief<'s>(&self, scenario: &'s Scenario) -> Vec<&'s Text> {
        let Some(ending) = self.ending(scenario) else {
            return Vec::new();
        };
        let flow = scenario.flow();
        let memory = self.memory();
        ending
            .debrief
            .iter()
            .filter(|part| {
                part.condition
                    .as_ref()
                    .is_none_or(|c| flow.condition_holds(c, &memory))
            })
            .map(|part| &part.text)
            .collect()
    }

    /// The decisions that mattered most, in the order taken: where a better choice was
    /// offered and the choice taken closed off a better outcome, was weak or harmful, or
    /// moved the gauges down most. For each, the better choice is the best-quality choice
    /// offered there (ties: the one that keeps the best outcome, then the order written).
    pub fn turning_points(&self, scenario: &Scenario) -> Vec<TurningPoint> {
        let mut found: Vec<(i64, TurningPoint)> = Vec::new();
        let Ok(mut replay) = ScenarioRun::seeded_at(scenario, self.origin, self.seed) else {
            return Vec::new();
        };
        let mut work = Work(TURNING_POINTS_WORK);
        for (i, d) in self.decisions.iter().enumerate() {
            let taken = d.choice as usize;
            if let Some(point) = replay.turning_point_here(scenario, i, taken, &mut work) {
                found.push(point);
            }
            if replay.choose(scenario, taken).is_err() {
                break;
            }
        }
        // The most important first, then back in the order they were taken.
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.decision.cmp(&b.1.decision)));
        found.truncate(MAX_TURNING_POINTS);
        let mut points: Vec<TurningPoint> = found.into_iter().map(|(_, p)| p).collect();
        points.sort_by_key(|p| p.decision);
        points
    }

    /// The turning point at the current decision point, if taking `taken` here was one,
    /// with its weight.
    fn turning_point_here(
        &self,
        scenario: &Scenario,
        decision: usize,
        taken: usize,
        work: &mut Work,
    ) -> Option<(i64, TurningPoint)> {
        let node = node_at(scenario, self.current).ok()?;
        let choices = choices_of(node);
        let taken_choice = choices.get(taken)?;
        let offered: Vec<usize> = self.offered_choices(scenario).map(|c| c.index).collect();
        let best_quality = offered
            .iter()
            .filter_map(|&i| choices.get(i))
            .map(|c| c.quality)
            .min()?;
        if taken_choice.quality <= best_quality {
            return None;
        }
        let best_after_taken = self.best_after(scenario, taken, work);
        // Among the best-quality choices, the one that keeps the best outcome.
        let mut better: Option<(usize, Option<Outcome>)> = None;
        for &i in &offered {
            if choices.get(i).map(|c| c.quality) != Some(best_quality) {
                continue;
            }
            let outcome = self.best_after(scenario, i, work);
            let improves = match (&better, outcome) {
                (None, _) => true,
                (Some((_, Some(current))), Some(new)) => new < *current,
                (Some((_, None)), Some(_)) => true,
                _ => false,
            };
            if improves {
                better = Some((i, outcome));
            }
        }
        let (better, best_after_better) = better?;
        let gauge_difference = gauge_difference(scenario, taken_choice, choices.get(better)?);
        let point = TurningPoint {
            decision,
            node: self.current,
            taken,
            better,
            best_after_taken,
            best_after_better,
            gauge_difference,
        };
        let quality_gap = taken_choice.quality as i64 - best_quality as i64;
        let lost = if point.lost_outcome() { 1 } else { 0 };
        let weight = lost * 1_000_000 + quality_gap * 10_000 - i64::from(gauge_difference);
        Some((weight, point))
    }
}

/// The sum over the gauges of what `taken` did compared with `better`, each in hundredths
/// of the gauge's range.
fn gauge_difference(
    scenario: &Scenario,
    taken: &crate::course::checked::Choice,
    better: &crate::course::checked::Choice,
) -> i32 {
    let effect = |choice: &crate::course::checked::Choice, var| {
        choice
            .effects
            .iter()
            .filter(|(v, _)| *v == var)
            .map(|(_, d)| i64::from(*d))
            .sum::<i64>()
    };
    let mut total: i64 = 0;
    for (i, def) in scenario.variables.iter().enumerate() {
        let var = crate::course::checked::VarIdx(i as u32);
        let range = (i64::from(def.max) - i64::from(def.min)).max(1);
        total += (effect(taken, var) - effect(better, var)) * 100 / range;
    }
    total.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

impl ScenarioRun {
    /// What a copy of this run costs in [`Work`]: the entries of its path.
    fn copy_cost(&self) -> usize {
        self.entered.len() + self.decisions.len() + self.vars_before.len() + 1
    }

    /// The best outcome reachable after taking choice `index` here; `None` when it could not
    /// be worked out within the work left.
    fn best_after(&self, scenario: &Scenario, index: usize, work: &mut Work) -> Option<Outcome> {
        if !work.spend(self.copy_cost()) {
            return None;
        }
        let mut next = self.clone();
        next.choose(scenario, index).ok()?;
        best_reachable(scenario, &next, work)
    }
}

/// The best outcome reachable from `run` by some choices, searched depth first within
/// [`OUTCOME_SEARCH_BUDGET`] choices and the work left; `None` when either runs out first.
fn best_reachable(scenario: &Scenario, run: &ScenarioRun, work: &mut Work) -> Option<Outcome> {
    if !work.spend(run.copy_cost()) {
        return None;
    }
    let mut budget = OUTCOME_SEARCH_BUDGET;
    let mut best: Option<Outcome> = None;
    let mut stack = vec![run.clone()];
    while let Some(at) = stack.pop() {
        if let Some(ending) = at.ending(scenario) {
            if best.is_none_or(|b| ending.outcome < b) {
                best = Some(ending.outcome);
            }
            if best == Some(Outcome::Good) {
                return best;
            }
            continue;
        }
        let offered: Vec<usize> = at.offered_choices(scenario).map(|c| c.index).collect();
        for index in offered {
            if budget == 0 || !work.spend(at.copy_cost()) {
                return None;
            }
            budget -= 1;
            let mut next = at.clone();
            if next.choose(scenario, index).is_ok() {
                stack.push(next);
            }
        }
    }
    best
}
