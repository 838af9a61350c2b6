//! The statements of one scenario attempt: launched, initialized, responded per decision,
//! completed at an ending, terminated once over; and the score of its competencies.

use super::{Maker, Said};
use crate::course::checked::{Scenario, Step};
use crate::course::model::Module;
use crate::engine::ScenarioRun;
use crate::progress::{EndingOutcome, ScenarioAttempt, Timestamp};
use crate::xapi::vocabulary::{Extension, Verb, activity_type, duration, segment};
use serde_json::{Map, Value, json};

/// One attempt at a scenario, where it stands in the course and among the attempts.
pub(super) struct AttemptAt<'a> {
    pub(super) module: &'a Module,
    pub(super) scenario: &'a Scenario,
    /// From 1.
    pub(super) number: u32,
    pub(super) attempt: &'a ScenarioAttempt,
    /// When the next attempt began, if there is one: this one was over then.
    pub(super) next_started: Option<Timestamp>,
}

impl Maker<'_> {
    /// The statements of one scenario attempt.
    pub(super) fn attempt(&self, at: &AttemptAt<'_>, out: &mut Vec<Value>) {
        let scenario = at.scenario;
        let attempt = at.attempt;
        let id = scenario.id.as_str();
        let scenario_iri = self.item_iri("scenario", id);
        let object = self.activity(
            scenario_iri.clone(),
            activity_type::SCENARIO,
            &scenario.title,
            Some(&scenario.goal),
        );
        let ctx = self.context(id, at.number, at.module, None);
        let inside = self.context(id, at.number, at.module, Some(object.clone()));
        let number = json!({ Extension::Attempt.iri(): at.number });
        out.extend(self.begin(&ctx, &object, Some(&number), Some(attempt.started_at)));
        let choices: Vec<_> = attempt.choices.iter().map(|c| c.choice.clone()).collect();
        let run = match attempt.seed {
            Some(seed) => ScenarioRun::replay_seeded(scenario, seed, &choices),
            None => ScenarioRun::replay(scenario, &choices),
        }
        .ok();
        for (decision, taken) in attempt.choices.iter().enumerate() {
            let Some(node) = scenario
                .node_idx(taken.node.as_str())
                .map(|i| scenario.node(i))
            else {
                continue;
            };
            let Step::Choices(offered) = &node.step else {
                continue;
            };
            let Some(choice) = offered.iter().find(|c| c.id == taken.choice) else {
                continue;
            };
            let node_iri = format!("{scenario_iri}/node/{}", segment(node.id.as_str()));
            let mut activity =
                self.activity(node_iri, activity_type::INTERACTION, &scenario.title, None);
            self.choice_interaction(
                &mut activity,
                offered.iter().map(|c| (c.id.as_str(), &c.text)),
            );
            let competencies: Map<String, Value> = choice
                .competencies
                .iter()
                .map(|(c, e)| (c.as_str().to_owned(), evidence_key(e).into()))
                .collect();
            let mut extensions = Map::new();
            extensions.insert(Extension::Choice.iri(), choice.id.as_str().into());
            extensions.insert(Extension::Quality.iri(), choice.quality.key().into());
            extensions.insert(Extension::Competencies.iri(), competencies.into());
            if let Some(values) = run.as_ref().and_then(|r| r.variables_after(decision)) {
                let gauges: Map<String, Value> = scenario
                    .variables
                    .iter()
                    .zip(values)
                    .map(|(v, value)| (v.id.as_str().to_owned(), Value::from(*value)))
                    .collect();
                extensions.insert(Extension::Gauges.iri(), gauges.into());
            }
            let decision_number = decision + 1;
            // When the choice was recorded without a time (before progress schema version
            // 5), the last choice of a finished attempt is the one that reached the ending.
            let when = taken.at.or_else(|| {
                (decision_number == attempt.choices.len())
                    .then_some(attempt.finished_at)
                    .flatten()
            });
            let event = format!("responded\u{1f}{decision_number}");
            let mut said = Said::new(&event, Verb::Responded, activity)
                .result(json!({ "response": choice.id.as_str(), "extensions": extensions }))
                .at(when);
            said.context = Some(json!({
                Extension::Attempt.iri(): at.number,
                Extension::Decision.iri(): decision_number,
            }));
            out.push(self.statement(&inside, said));
        }
        if let Some(ending) = &attempt.ending {
            let mut extensions = Map::new();
            extensions.insert(Extension::Ending.iri(), ending.node.as_str().into());
            extensions.insert(Extension::Outcome.iri(), outcome_key(ending.outcome).into());
            let mut result = Map::new();
            result.insert("completion".into(), true.into());
            result.insert(
                "success".into(),
                (ending.outcome == EndingOutcome::Good).into(),
            );
            if let Some(outcome) = run.as_ref().and_then(|r| r.result(scenario)) {
                let results: Map<String, Value> = outcome
                    .competency_scores()
                    .into_iter()
                    .map(|(c, score)| (c.as_str().to_owned(), score.key().into()))
                    .collect();
                extensions.insert(Extension::CompetencyResults.iri(), results.into());
                let (shown, breached, missed) = (
                    outcome.shown.len(),
                    outcome.breached.len(),
                    outcome.missed.len(),
                );
                if let Some(score) = score(shown, breached, missed) {
                    result.insert("score".into(), score);
                }
            }
            if let Some(finished) = attempt.finished_at {
                let seconds = finished.0.saturating_sub(attempt.started_at.0);
                result.insert("duration".into(), duration(seconds).into());
            }
            result.insert("extensions".into(), extensions.into());
            let mut said = Said::new("completed", Verb::Completed, object.clone())
                .result(result.into())
                .at(attempt.finished_at);
            said.context = Some(number.clone());
            out.push(self.statement(&ctx, said));
        }
        // Over: it reached an ending, or a later attempt (a rewind, a restart) replaced it.
        let over = match (attempt.ending.as_ref(), at.next_started) {
            (Some(_), _) => Some(attempt.finished_at),
            (None, Some(next)) => Some(Some(next)),
            (None, None) => None,
        };
        if let Some(when) = over {
            let mut said = Said::new("terminated", Verb::Terminated, object).at(when);
            said.context = Some(number);
            out.push(self.statement(&ctx, said));
        }
    }
}

/// The score of an attempt from its competencies: each shown counts +1, each breached −1,
/// each not met 0, scaled by how many there are (so from −1 to 1). `None` when the attempt
/// says nothing about any competency.
pub(crate) fn score(shown: usize, breached: usize, missed: usize) -> Option<Value> {
    let total = shown + breached + missed;
    if total == 0 {
        return None;
    }
    let (shown, breached, total) = (
        i64::try_from(shown).ok()?,
        i64::try_from(breached).ok()?,
        i64::try_from(total).ok()?,
    );
    let raw = shown - breached;
    // Exact for any count a course can have (far below 2^52).
    #[allow(clippy::cast_precision_loss)]
    let scaled = raw as f64 / total as f64;
    Some(json!({ "scaled": scaled, "raw": raw, "min": -total, "max": total }))
}

fn evidence_key(evidence: crate::course::model::Evidence) -> &'static str {
    match evidence {
        crate::course::model::Evidence::Shown => "shown",
        crate::course::model::Evidence::Breached => "breached",
    }
}

fn outcome_key(outcome: EndingOutcome) -> &'static str {
    match outcome {
        EndingOutcome::Good => "good",
        EndingOutcome::Mixed => "mixed",
        EndingOutcome::Poor => "poor",
    }
}
