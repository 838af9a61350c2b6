//! A practice conversation in plain mode: setting, goal and characters; each line as
//! "NAME (role, mood): text"; numbered answers; the coach's feedback, inner thoughts and
//! variable values read out as words and numbers; endings with their debrief, replaying
//! and rewinding.

use super::{Plain, Step, Stop, one_number, one_number_or_none};
use crate::course::checked::{Choice, Node, NodeIdx, Scenario, Step as NodeStep};
use crate::course::ids::Competency;
use crate::course::model::{Mood, Outcome, Quality};
use crate::engine::scenario::{RunResult, ScenarioRun, VarChange};
use crate::msg_args;
use crate::progress::runs::Resumed;
use crate::session::{Command, EventKind, SessionError};
use std::io::{self, BufRead, Write};

/// What the learner picked at a decision point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    /// The choice at this position among the node's choices.
    Choice(usize),
    /// Go back to an earlier decision.
    Rewind,
    /// Hear the values of the variables.
    Values,
}

/// What the learner picked at an ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AtEnd {
    Replay,
    Rewind,
    Overview,
}

/// The choice at position `index` (as written) of node `idx`.
fn choice_at(scenario: &Scenario, idx: NodeIdx, index: usize) -> Option<&Choice> {
    match &scenario.nodes.get(idx.0 as usize)?.step {
        NodeStep::Choices(choices) => choices.get(index),
        _ => None,
    }
}

fn outcome_key(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Good => "good",
        Outcome::Mixed => "mixed",
        Outcome::Poor => "poor",
    }
}

/// Which way a variable moved, as the messages name it: `up`, `down`, or `unmoved` (the
/// word for no change) when it did not.
fn direction_of(change: i32, unmoved: &'static str) -> &'static str {
    match change {
        0 => unmoved,
        n if n > 0 => "up",
        _ => "down",
    }
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// The attempt in progress in the scenario open in the session, as it is now: what a
    /// screen shows until the next step. None open (it cannot be, a scenario screen opens
    /// its scenario first) goes back to the overview.
    fn attempt(&self) -> Step<ScenarioRun> {
        self.session
            .scenario()
            .map(|(_, run)| run.clone())
            .ok_or(Stop::Home)
    }

    /// Runs `scenario` from where the learner left it, until the overview.
    pub(super) fn scenario(&mut self, scenario: &Scenario) -> Step<()> {
        self.scenario_opened_by(scenario, Command::Open(scenario.id.clone()))
    }

    /// Runs `scenario` as `open` opens it (where the learner left it, or at a place).
    pub(super) fn scenario_opened_by(&mut self, scenario: &Scenario, open: Command) -> Step<()> {
        let how = match self.step(open) {
            Ok(events) => events
                .iter()
                .find_map(|e| match e.kind {
                    EventKind::Opened { resumed } => resumed,
                    _ => None,
                })
                .unwrap_or(Resumed::Fresh),
            Err(error) => return self.scenario_error(&error),
        };
        self.gap()?;
        let title = self.text(&scenario.title);
        self.line(
            &self
                .i18n()
                .msg("plain-scenario-title", &msg_args!("title" => title)),
        )?;
        self.say_fallbacks()?;
        if how == Resumed::FellBack {
            self.line(&self.i18n().msg("plain-scenario-fell-back", &msg_args!()))?;
        }
        let run = self.attempt()?;
        if run.decisions().is_empty() && !run.is_ended(scenario) {
            if !self.intro(scenario, &run)? {
                return Ok(());
            }
        } else if !run.is_ended(scenario) {
            self.line(&self.i18n().msg(
                "plain-scenario-resumed",
                &msg_args!("decisions" => run.decisions().len()),
            ))?;
        }
        self.conversation(scenario)
    }

    /// Content note, setting, goal, characters and the starting values; `false` when the
    /// learner goes back to the overview instead of starting.
    fn intro(&mut self, scenario: &Scenario, run: &ScenarioRun) -> Step<bool> {
        loop {
            if let Some(note) = &scenario.content_note {
                let label = self.i18n().msg("plain-content-note", &msg_args!());
                self.say_labelled(&label, note)?;
            }
            let label = self.i18n().msg("plain-scenario-setting", &msg_args!());
            self.say_labelled(&label, &scenario.setting)?;
            let label = self.i18n().msg("plain-scenario-goal", &msg_args!());
            self.say_labelled(&label, &scenario.goal)?;
            self.line(&self.i18n().msg("plain-scenario-characters", &msg_args!()))?;
            for character in &scenario.characters {
                let name = self.text(&character.name);
                let role = self.text(&character.role);
                let bio = self.text(&character.bio);
                self.line(&self.i18n().msg(
                    "plain-scenario-character",
                    &msg_args!("name" => name, "role" => role, "bio" => bio),
                ))?;
            }
            self.values(scenario, run)?;
            self.gap()?;
            let picked = self.choose(
                |p| {
                    p.line(&p.i18n().msg("plain-scenario-start", &msg_args!()))?;
                    p.line(&p.i18n().msg("plain-scenario-skip", &msg_args!()))
                },
                |line| match line {
                    "" | "1" => Some(true),
                    "2" => Some(false),
                    _ => None,
                },
            )?;
            if let Some(start) = picked {
                return Ok(start);
            }
        }
    }

    /// Every variable's value, e.g. "Trust: 40 of 100".
    fn values(&mut self, scenario: &Scenario, run: &ScenarioRun) -> io::Result<()> {
        for (variable, value) in scenario.variables.iter().zip(run.variables()) {
            let label = self.text(&variable.label);
            self.line(&self.i18n().msg(
                "plain-variable",
                &msg_args!(
                    "label" => label,
                    "value" => *value,
                    "max" => variable.max,
                    "direction" => "none",
                    "change" => 0,
                ),
            ))?;
        }
        Ok(())
    }

    /// A step the session refused: the reason, before the overview again.
    fn scenario_error(&mut self, error: &SessionError) -> Step<()> {
        self.line(&self.i18n().msg(
            "plain-scenario-error",
            &msg_args!("reason" => crate::i18n::Localize::localize(error, self.i18n())),
        ))?;
        Ok(())
    }

    /// A changed variable: "Trust: 60 of 100, up 10".
    fn change(&mut self, scenario: &Scenario, change: &VarChange) -> io::Result<()> {
        let Some(variable) = scenario.variables.get(change.var.0 as usize) else {
            return Ok(());
        };
        let label = self.text(&variable.label);
        let direction = direction_of(change.applied, "limit");
        self.line(&self.i18n().msg(
            "plain-variable",
            &msg_args!(
                "label" => label,
                "value" => change.after,
                "max" => variable.max,
                "direction" => direction,
                "change" => change.applied.unsigned_abs(),
            ),
        ))
    }

    /// The name of a character, or its id when the scenario has no such character.
    fn speaker_name(&self, scenario: &Scenario, id: &crate::course::ids::CharacterId) -> String {
        scenario
            .character(id)
            .map_or_else(|| id.to_string(), |c| self.text(&c.name))
    }

    /// The lines said in these nodes, each as "NAME (role, mood): text", with the
    /// speaker's inner thought after it.
    fn lines_of(&mut self, scenario: &Scenario, nodes: &[NodeIdx]) -> io::Result<()> {
        for &idx in nodes {
            let Some(node) = scenario.nodes.get(idx.0 as usize) else {
                continue;
            };
            for said in &node.lines {
                let name = self.speaker_name(scenario, &said.speaker);
                let role = scenario
                    .character(&said.speaker)
                    .map(|c| self.text(&c.role))
                    .unwrap_or_default();
                let mood = said.mood.map_or("none", Mood::key);
                let mood = if mood == "none" {
                    String::new()
                } else {
                    self.i18n().msg("scenario-mood", &msg_args!("mood" => mood))
                };
                let details = match (role.is_empty(), mood.is_empty()) {
                    (_, true) => role,
                    (true, false) => mood,
                    (false, false) => format!("{role}, {mood}"),
                };
                let text = self.text(&said.text);
                self.line(&self.i18n().msg(
                    "plain-line",
                    &msg_args!("name" => name.as_str(), "details" => details, "text" => text),
                ))?;
                self.gloss_of(&said.text)?;
                if let Some(thought) = &said.thought {
                    let label = self
                        .i18n()
                        .msg("plain-thought", &msg_args!("name" => name.as_str()));
                    self.say_labelled(&label, thought)?;
                }
            }
        }
        Ok(())
    }

    /// The conversation from where the attempt is, until the learner leaves it. Each turn
    /// shows the attempt as the session has it after the last step.
    fn conversation(&mut self, scenario: &Scenario) -> Step<()> {
        loop {
            let run = &self.attempt()?;
            self.gap()?;
            let entered: Vec<NodeIdx> = match run.decisions().len().checked_sub(1) {
                Some(last) => run.entered_after(last).to_vec(),
                None => run.entered_at_start().to_vec(),
            };
            self.lines_of(scenario, &entered)?;
            if run.is_ended(scenario) {
                match self.ending(scenario, run)? {
                    None => continue,
                    Some(AtEnd::Overview) => return Ok(()),
                    Some(AtEnd::Replay) => {
                        // A new attempt; should the engine refuse, the ending stays.
                        let _ = self.step(Command::Replay);
                        continue;
                    }
                    Some(AtEnd::Rewind) => {
                        self.rewind(scenario, run)?;
                        continue;
                    }
                }
            }
            // The choices offered, in the order shown: the numbers typed count in it.
            let offered = run.offered_in_order(scenario);
            let choices: &[Choice] = match scenario.nodes.get(run.current().0 as usize) {
                Some(Node {
                    step: NodeStep::Choices(choices),
                    ..
                }) => choices,
                _ => &[],
            };
            let can_rewind = !run.decisions().is_empty();
            if offered.is_empty() {
                self.line(&self.i18n().msg("plain-scenario-stuck", &msg_args!()))?;
            }
            let picked = self.choose(
                |p| p.choice_options(choices, &offered, can_rewind),
                |line| match line.to_lowercase().as_str() {
                    "w" if can_rewind => Some(Pick::Rewind),
                    "v" => Some(Pick::Values),
                    other => one_number(other, offered.len())
                        .and_then(|i| offered.get(i).copied())
                        .map(Pick::Choice),
                },
            )?;
            match picked {
                None => continue,
                Some(Pick::Values) => {
                    self.values(scenario, run)?;
                    continue;
                }
                Some(Pick::Rewind) => {
                    self.rewind(scenario, run)?;
                    continue;
                }
                Some(Pick::Choice(index)) => self.take(scenario, run, index)?,
            }
        }
    }

    /// The answers offered now, numbered in order, then rewinding and the values.
    fn choice_options(
        &mut self,
        choices: &[Choice],
        offered: &[usize],
        can_rewind: bool,
    ) -> io::Result<()> {
        if !offered.is_empty() {
            self.line(&self.i18n().msg("plain-scenario-what-now", &msg_args!()))?;
        }
        for (number, &index) in offered.iter().enumerate() {
            if let Some(choice) = choices.get(index) {
                let text = self.text(&choice.text);
                self.line(&format!("{}. {text}", number + 1))?;
                self.gloss_of(&choice.text)?;
            }
        }
        if can_rewind {
            self.line(&self.i18n().msg("plain-scenario-rewind", &msg_args!()))?;
        }
        self.line(&self.i18n().msg("plain-scenario-values", &msg_args!()))
    }

    /// Takes the choice at `index`: what you said, the coach's feedback, the thought it
    /// caused, the changed values; then saves.
    fn take(&mut self, scenario: &Scenario, run: &ScenarioRun, index: usize) -> Step<()> {
        // Whoever spoke last, should the choice not say whose thought it is.
        let last_speaker = scenario
            .nodes
            .get(run.current().0 as usize)
            .and_then(|n| n.lines.last())
            .map(|l| l.speaker.clone())
            .or_else(|| scenario.characters.first().map(|c| c.id.clone()));
        // What the choice does, worked out on a copy of the attempt: the values it changes
        // are shown, not kept in the session's events. The session then takes the same
        // choice on the same attempt, with the same result.
        let mut preview = run.clone();
        let taken = preview
            .choose(scenario, index)
            .map_err(Into::into)
            .and_then(|outcome| {
                let choice = Command::Choose {
                    choice: outcome.choice.id.clone(),
                    tally: None,
                };
                self.step(choice).map(|_| outcome)
            });
        let outcome = match taken {
            Ok(outcome) => outcome,
            Err(error) => return self.scenario_error(&error),
        };
        let choice = outcome.choice;
        let changes: Vec<VarChange> = outcome.changes.iter().copied().collect();
        self.gap()?;
        let label = self.i18n().msg("plain-you", &msg_args!());
        self.say_labelled(&label, &choice.text)?;
        let label = self.i18n().msg("plain-coach", &msg_args!());
        self.say_labelled(&label, &choice.feedback)?;
        if let Some(thought) = &choice.thought {
            let name = choice
                .thinker
                .clone()
                .or(last_speaker)
                .map(|s| self.speaker_name(scenario, &s))
                .unwrap_or_default();
            let label = self.i18n().msg("plain-thought", &msg_args!("name" => name));
            self.say_labelled(&label, thought)?;
        }
        for change in &changes {
            self.change(scenario, change)?;
        }
        Ok(())
    }

    /// Lists the decisions taken and goes back to the one picked (a new attempt, as in
    /// the TUI, so the road left behind stays in the progress file).
    fn rewind(&mut self, scenario: &Scenario, run: &ScenarioRun) -> Step<()> {
        let decisions = self.decision_texts(scenario, run);
        if decisions.is_empty() {
            return Ok(());
        }
        self.gap()?;
        let count = decisions.len();
        let picked = self.choose(
            |p| {
                p.line(&p.i18n().msg("plain-rewind-title", &msg_args!()))?;
                for (i, text) in decisions.iter().enumerate() {
                    p.line(&p.i18n().msg(
                        "plain-rewind-decision",
                        &msg_args!("number" => i + 1, "text" => text.as_str()),
                    ))?;
                }
                p.line(&p.i18n().msg("plain-rewind-cancel", &msg_args!()))
            },
            |line| one_number_or_none(line, count),
        )?;
        if let Some(Some(decision)) = picked
            && self.step(Command::Rewind(decision)).is_ok()
        {
            self.line(
                &self
                    .i18n()
                    .msg("plain-rewound", &msg_args!("number" => decision + 1)),
            )?;
        }
        Ok(())
    }

    /// What was said at each decision taken, in order.
    fn decision_texts(&self, scenario: &Scenario, run: &ScenarioRun) -> Vec<String> {
        run.decisions()
            .iter()
            .filter_map(|d| {
                let node = scenario.nodes.get(d.node.0 as usize)?;
                match &node.step {
                    NodeStep::Choices(choices) => {
                        choices.get(d.choice as usize).map(|c| self.text(&c.text))
                    }
                    _ => None,
                }
            })
            .collect()
    }

    /// A competency's title from the course's competency set (its id when it has none).
    fn competency_title(&self, id: &Competency) -> String {
        self.session
            .course()
            .competencies
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.to_string(), |c| self.text(&c.title))
    }

    /// Each competency with its score as a word: "Confidentiality: shown".
    fn competency_scores(&mut self, result: &RunResult) -> io::Result<()> {
        self.line(&self.i18n().msg("plain-ending-competencies", &msg_args!()))?;
        let scores = result.competency_scores();
        if scores.is_empty() {
            self.line(&self.i18n().msg("plain-none", &msg_args!()))?;
        }
        for (id, score) in scores {
            let name = self.competency_title(id);
            let score = self
                .i18n()
                .msg("scenario-score", &msg_args!("score" => score.key()));
            self.line(&self.i18n().msg(
                "plain-competency",
                &msg_args!("name" => name, "score" => score),
            ))?;
        }
        Ok(())
    }

    /// The turning points: where it was, the answer given, a better one and the coach's
    /// feedback on it, and whether a better ending was lost.
    fn turning_points(&mut self, scenario: &Scenario, run: &ScenarioRun) -> io::Result<()> {
        self.line(&self.i18n().msg("plain-ending-turning", &msg_args!()))?;
        let points = run.turning_points(scenario);
        if points.is_empty() {
            self.line(&self.i18n().msg("ending-turning-none", &msg_args!()))?;
        }
        for (i, point) in points.into_iter().enumerate() {
            if i > 0 {
                self.gap()?;
            }
            let (Some(taken), Some(better)) = (
                choice_at(scenario, point.node, point.taken),
                choice_at(scenario, point.node, point.better),
            ) else {
                continue;
            };
            let where_it_was = scenario
                .nodes
                .get(point.node.0 as usize)
                .and_then(|n| n.lines.last())
                .map(|l| {
                    let name = self.speaker_name(scenario, &l.speaker);
                    format!("{name}: {}", self.text(&l.text))
                })
                .unwrap_or_default();
            self.line(&self.i18n().msg(
                "ending-turning-decision",
                &msg_args!("number" => point.decision + 1, "point" => where_it_was),
            ))?;
            for (key, choice) in [
                ("plain-turning-taken", taken),
                ("plain-turning-better", better),
            ] {
                let quality = self.i18n().msg(
                    "scenario-quality",
                    &msg_args!("quality" => choice.quality.key()),
                );
                let text = self.text(&choice.text);
                self.line(
                    &self
                        .i18n()
                        .msg(key, &msg_args!("quality" => quality, "text" => text)),
                )?;
            }
            let label = self.i18n().msg("plain-turning-feedback", &msg_args!());
            self.say_labelled(&label, &better.feedback)?;
            let outcome = if point.lost_outcome() {
                point.best_after_better.map(|o| ("ending-turning-lost", o))
            } else {
                point.best_after_taken.map(|o| ("ending-turning-kept", o))
            };
            if let Some((key, outcome)) = outcome {
                self.line(
                    &self
                        .i18n()
                        .msg(key, &msg_args!("outcome" => outcome_key(outcome))),
                )?;
            }
        }
        Ok(())
    }

    /// The ending, in the order it is best heard: outcome word and title, the debrief
    /// parts that apply, the final values, each competency's score in words, the answers
    /// per quality, the turning points (with a better answer and its feedback), then the
    /// path with the coach's feedback; then replay, rewind or the overview.
    fn ending(&mut self, scenario: &Scenario, run: &ScenarioRun) -> Step<Option<AtEnd>> {
        let Some(ending) = run.ending(scenario) else {
            return Ok(Some(AtEnd::Overview));
        };
        self.gap()?;
        let outcome = self.i18n().msg(
            "plain-outcome",
            &msg_args!("outcome" => outcome_key(ending.outcome)),
        );
        let title = self.text(&ending.title);
        self.line(&self.i18n().msg(
            "plain-ending",
            &msg_args!("outcome" => outcome, "title" => title),
        ))?;
        let label = self.i18n().msg("plain-ending-debrief", &msg_args!());
        let parts = run.debrief(scenario);
        if let Some((first, rest)) = parts.split_first() {
            self.say_labelled(&label, first)?;
            for part in rest {
                self.say(part)?;
            }
        }
        self.gap()?;
        self.line(&self.i18n().msg("plain-ending-values", &msg_args!()))?;
        for (variable, value) in scenario.variables.iter().zip(run.variables()) {
            let label = self.text(&variable.label);
            let change = value - variable.start;
            let direction = direction_of(change, "same");
            self.line(&self.i18n().msg(
                "plain-variable-total",
                &msg_args!(
                    "label" => label,
                    "value" => *value,
                    "max" => variable.max,
                    "direction" => direction,
                    "change" => change.unsigned_abs(),
                ),
            ))?;
        }
        if let Some(result) = run.result(scenario) {
            self.gap()?;
            self.competency_scores(&result)?;
            let count = |q: Quality| result.qualities.get(q);
            self.line(&self.i18n().msg(
                "plain-ending-qualities",
                &msg_args!(
                    "best" => count(Quality::Best),
                    "acceptable" => count(Quality::Acceptable),
                    "weak" => count(Quality::Weak),
                    "harmful" => count(Quality::Harmful),
                ),
            ))?;
        }
        self.gap()?;
        self.turning_points(scenario, run)?;
        self.gap()?;
        self.line(&self.i18n().msg("plain-ending-path", &msg_args!()))?;
        for (number, decision) in run.decisions().iter().enumerate() {
            let Some(choice) = choice_at(scenario, decision.node, decision.choice as usize) else {
                continue;
            };
            let text = self.text(&choice.text);
            self.line(&self.i18n().msg(
                "plain-rewind-decision",
                &msg_args!("number" => number + 1, "text" => text),
            ))?;
            let label = self.i18n().msg("plain-coach", &msg_args!());
            self.say_labelled(&label, &choice.feedback)?;
        }
        self.gap()?;
        let can_rewind = !run.decisions().is_empty();
        self.choose(
            |p| {
                p.line(&p.i18n().msg("plain-ending-replay", &msg_args!()))?;
                if can_rewind {
                    p.line(&p.i18n().msg("plain-ending-rewind", &msg_args!()))?;
                }
                p.line(&p.i18n().msg("plain-ending-overview", &msg_args!()))
            },
            |line| match line {
                "1" | "r" | "R" => Some(AtEnd::Replay),
                "2" | "w" | "W" if can_rewind => Some(AtEnd::Rewind),
                "" | "3" => Some(AtEnd::Overview),
                _ => None,
            },
        )
    }
}
