//! Engine runs in and out of the progress document.
//!
//! The engine saves its own states ([`LessonState`], [`RunSnapshot`]); the progress file
//! keeps its own, versioned shapes. These functions translate between the two, so both
//! interfaces (the TUI and plain mode) record and resume a learner's work the same way.
//!
//! Scenario attempts: the last attempt without an ending is the open one and is updated
//! on every choice. Rewinding or replaying starts a new attempt (with the choices kept up
//! to the rewind point), so every road explored stays in the file for the branch map and
//! for comparing attempts.

use super::Change;
use super::document::{
    AttemptEnding, ChoiceTaken, ContentNoteChoice, ItemStatus, Place, Position, Progress,
    QuizRecord, ReflectionText, ScenarioAttempt, SceneProgress, Timestamp,
};
use crate::course::checked::{Lesson, Scenario};
use crate::course::order::attempt_seed;
use crate::engine::EngineError;
use crate::engine::lesson::{LessonRun, LessonState, QuizAnswer, SceneRecord, SceneStatus};
use crate::engine::scenario::ScenarioRun;
use std::collections::BTreeMap;

/// How a saved scenario attempt was resumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resumed {
    /// No open attempt: a fresh start.
    Fresh,
    /// The open attempt continues where it was.
    Continued,
    /// The open attempt no longer fits the course (it changed); a fresh start. The old
    /// attempt stays in the file.
    FellBack,
}

/// The lesson as the learner left it (a fresh run when nothing was saved).
pub fn resume_lesson(progress: &Progress, lesson: &Lesson) -> LessonRun {
    let Some(saved) = progress.items.get(&lesson.id) else {
        return LessonRun::new(lesson);
    };
    let scenes = saved
        .lesson
        .scenes
        .iter()
        .map(|(id, scene)| {
            let record = SceneRecord {
                status: match scene.content_note {
                    Some(ContentNoteChoice::Skipped) if !scene.visited => SceneStatus::Skipped,
                    _ if scene.visited => SceneStatus::Seen,
                    _ => SceneStatus::NotSeen,
                },
                note_accepted: scene.content_note == Some(ContentNoteChoice::Accepted),
                quiz: scene.quiz.as_ref().map(|quiz| {
                    let first = QuizAnswer {
                        selected: quiz.first_answer.clone(),
                        correct: quiz.first_correct,
                    };
                    crate::engine::lesson::QuizRecord {
                        last: first.clone(),
                        first,
                        attempts: quiz.attempts,
                    }
                }),
                answer_requested: scene.quiz.as_ref().is_some_and(|q| q.revealed_on_request),
                reflection: saved.reflections.get(id).map(|r| r.text.clone()),
                checked: scene.checked.iter().cloned().collect(),
                ..SceneRecord::default()
            };
            (id.clone(), record)
        })
        .collect();
    let state = LessonState {
        lesson: lesson.id.clone(),
        current: saved.lesson.current_scene.clone(),
        scenes,
    };
    LessonRun::restore(lesson, &state)
}

/// Writes the lesson run into the progress document (status, position, per-scene records,
/// reflections), as of `now`. Returns the change made, for the journal.
pub fn record_lesson(
    progress: &mut Progress,
    lesson: &Lesson,
    run: &LessonRun,
    now: Timestamp,
) -> Change {
    let state = run.state(lesson);
    let item = progress.item_mut(&lesson.id);
    // Times are stamped when something happens for the first time, and kept after: a
    // lesson, scene or quiz already recorded without a time (before schema version 5)
    // stays without one rather than get the time of a later step.
    let opened_before = matches!(item.status, ItemStatus::InProgress | ItemStatus::Completed);
    if !opened_before && item.lesson.started_at.is_none() {
        item.lesson.started_at = Some(now);
    }
    item.lesson.current_scene = state.current.clone();
    for (id, record) in &state.scenes {
        let scene = item.lesson.scenes.entry(id.clone()).or_default();
        let visited = record.status == SceneStatus::Seen;
        let visited_at = match (scene.visited, visited) {
            (false, true) => Some(now),
            _ => scene.visited_at,
        };
        let first_answered_at = match &scene.quiz {
            Some(saved) => saved.first_answered_at,
            None => Some(now),
        };
        *scene = SceneProgress {
            visited,
            visited_at,
            quiz: record.quiz.as_ref().map(|quiz| QuizRecord {
                first_answer: quiz.first.selected.clone(),
                first_correct: quiz.first.correct,
                attempts: quiz.attempts,
                revealed_on_request: record.answer_requested,
                first_answered_at,
            }),
            checked: record.checked.iter().cloned().collect(),
            content_note: if record.status == SceneStatus::Skipped {
                Some(ContentNoteChoice::Skipped)
            } else if record.note_accepted {
                Some(ContentNoteChoice::Accepted)
            } else {
                None
            },
        };
        match &record.reflection {
            Some(text) => {
                let changed = item.reflections.get(id).is_none_or(|r| &r.text != text);
                if changed {
                    item.reflections.insert(
                        id.clone(),
                        ReflectionText {
                            text: text.clone(),
                            updated_at: now,
                        },
                    );
                }
            }
            None => {
                item.reflections.remove(id);
            }
        }
    }
    if item.status != ItemStatus::Completed {
        item.status = if run.is_finished() {
            item.lesson.completed_at = Some(now);
            ItemStatus::Completed
        } else {
            ItemStatus::InProgress
        };
    }
    let position = Position {
        item: lesson.id.clone(),
        at: state.current.map(Place::Scene),
    };
    let change = Change::Lesson {
        at: now,
        item: lesson.id.clone(),
        status: item.status,
        lesson: item.lesson.clone(),
        reflections: item.reflections.clone(),
        position: position.clone(),
    };
    progress.last_position = Some(position);
    progress.touch(now);
    change
}

/// The scenario's open attempt as the learner left it, or a fresh run.
pub fn resume_scenario(
    progress: &Progress,
    scenario: &Scenario,
) -> Result<(ScenarioRun, Resumed), EngineError> {
    let item = progress.items.get(&scenario.id);
    let attempts = item.map_or(0, |item| item.attempts.len());
    // A new attempt gets a new order of choices; the open one keeps its own.
    let fresh_seed = attempt_seed(scenario.id.as_str(), attempts as u64);
    let Some(attempt) = item.and_then(|item| item.open_attempt()) else {
        return Ok((ScenarioRun::seeded(scenario, fresh_seed)?, Resumed::Fresh));
    };
    let seed = attempt.seed.unwrap_or_else(|| {
        // Saved before choices were shuffled: the seed of the attempt's position.
        attempt_seed(scenario.id.as_str(), attempts.saturating_sub(1) as u64)
    });
    let choices: Vec<_> = attempt.choices.iter().map(|c| c.choice.clone()).collect();
    // Visited nodes are not kept per attempt; the replay rebuilds them, so compare only
    // what the file holds: the node reached and the variables.
    let replayed = ScenarioRun::replay_seeded(scenario, seed, &choices)
        .ok()
        .filter(|run| {
            let now = run.snapshot(scenario);
            now.current == attempt.current_node && now.variables == attempt.variables
        });
    match replayed {
        Some(run) => Ok((run, Resumed::Continued)),
        None => Ok((
            ScenarioRun::seeded(scenario, fresh_seed)?,
            Resumed::FellBack,
        )),
    }
}

/// Writes the run into the scenario's open attempt (starting one when there is none), and
/// closes the attempt when the run reached an ending. Returns the change made, for the
/// journal: the attempt without the choices it already had.
pub fn record_scenario(
    progress: &mut Progress,
    scenario: &Scenario,
    run: &ScenarioRun,
    now: Timestamp,
) -> Change {
    record_attempt(progress, scenario, run, now, &[])
}

/// [`record_scenario`], with the choices of the attempt a rewind left behind, whose times
/// the same first decisions keep.
fn record_attempt(
    progress: &mut Progress,
    scenario: &Scenario,
    run: &ScenarioRun,
    now: Timestamp,
    carried: &[ChoiceTaken],
) -> Change {
    // Read what the attempt keeps straight from the run: a full snapshot would also list
    // every node visited, which costs as much as the scenario is long, on every step.
    let current = scenario.node(run.current()).id.clone();
    let variables: BTreeMap<_, _> = scenario
        .variables
        .iter()
        .zip(run.variables())
        .map(|(def, &value)| (def.id.clone(), value))
        .collect();
    let ending = run.ending(scenario).map(|ending| AttemptEnding {
        node: current.clone(),
        outcome: ending.outcome.into(),
    });
    let item = progress.item_mut(&scenario.id);
    let open = item.attempts.last().is_some_and(|a| a.ending.is_none());
    if !open {
        item.attempts.push(ScenarioAttempt {
            choices: Vec::new(),
            current_node: current.clone(),
            ending: None,
            variables: BTreeMap::new(),
            started_at: now,
            finished_at: None,
            seed: Some(run.seed()),
        });
    }
    let index = item.attempts.len().saturating_sub(1);
    let mut choices_from = 0;
    let mut delta = None;
    if let Some(attempt) = item.attempts.last_mut() {
        attempt.seed = Some(run.seed());
        choices_from = sync_choices(&mut attempt.choices, scenario, run, now, carried);
        attempt.current_node = current;
        attempt.variables = variables;
        if ending.is_some() {
            attempt.finished_at = Some(now);
        }
        attempt.ending = ending;
        delta = Some(ScenarioAttempt {
            choices: attempt.choices[choices_from..].to_vec(),
            current_node: attempt.current_node.clone(),
            ending: attempt.ending.clone(),
            variables: attempt.variables.clone(),
            started_at: attempt.started_at,
            finished_at: attempt.finished_at,
            seed: attempt.seed,
        });
    }
    if item.status != ItemStatus::Completed {
        item.status = if run.is_ended(scenario) {
            ItemStatus::Completed
        } else {
            ItemStatus::InProgress
        };
    }
    let status = item.status;
    let position = Position {
        item: scenario.id.clone(),
        at: Some(Place::Node(scenario.node(run.current()).id.clone())),
    };
    progress.last_position = Some(position.clone());
    progress.touch(now);
    Change::Attempt {
        at: now,
        item: scenario.id.clone(),
        status,
        index,
        choices_from,
        // There is always an attempt here: one was pushed above when none was open.
        attempt: delta.unwrap_or_else(|| ScenarioAttempt {
            choices: Vec::new(),
            current_node: scenario.node(run.current()).id.clone(),
            ending: None,
            variables: BTreeMap::new(),
            started_at: now,
            finished_at: None,
            seed: Some(run.seed()),
        }),
        position,
    }
}

/// Makes `taken` list the run's decisions. An open attempt only grows by choices (going
/// back starts a new attempt), so usually only the new choice is appended and a step costs
/// the same however long the attempt is; anything else is written whole. Returns how many
/// of the choices were kept as they were.
///
/// A new choice is stamped `now`. A choice rewritten in place keeps its time, and so does a
/// choice `carried` over from the attempt a rewind left behind (the same decisions, taken
/// then, at the start of both).
fn sync_choices(
    taken: &mut Vec<ChoiceTaken>,
    scenario: &Scenario,
    run: &ScenarioRun,
    now: Timestamp,
    carried: &[ChoiceTaken],
) -> usize {
    let decisions = run.decisions();
    let entry = |d: &crate::engine::scenario::Decision| {
        run.choice_of(scenario, d).map(|choice| ChoiceTaken {
            node: scenario.node(d.node).id.clone(),
            choice: choice.id.clone(),
            at: Some(now),
        })
    };
    let kept = taken.len();
    let is_prefix = kept <= decisions.len()
        && match (
            taken.last(),
            kept.checked_sub(1).and_then(|i| decisions.get(i)),
        ) {
            (Some(last), Some(d)) => entry(d).is_some_and(|e| e.same_decision(last)),
            (None, _) => true,
            (Some(_), None) => false,
        };
    let replaced;
    let (from, earlier): (usize, &[ChoiceTaken]) = if is_prefix {
        (kept, carried)
    } else {
        replaced = std::mem::take(taken);
        (0, &replaced)
    };
    let mut same_so_far = true;
    for (index, d) in decisions.iter().enumerate().skip(from) {
        let Some(mut new) = entry(d) else { continue };
        match earlier.get(index) {
            Some(old) if same_so_far && old.same_decision(&new) => new.at = old.at,
            _ => same_so_far = false,
        }
        taken.push(new);
    }
    from
}

/// Plays the scenario again from the start as a new attempt, with a new order of choices,
/// and records that attempt. Returns the change made, for the journal.
pub fn replay_scenario(
    progress: &mut Progress,
    scenario: &Scenario,
    run: &mut ScenarioRun,
    now: Timestamp,
) -> Result<Change, EngineError> {
    let attempts = progress
        .items
        .get(&scenario.id)
        .map_or(0, |item| item.attempts.len());
    run.restart_with_seed(
        scenario,
        attempt_seed(scenario.id.as_str(), attempts as u64),
    )?;
    Ok(begin_attempt(progress, scenario, run, now))
}

/// Starts a new attempt holding the run as it is now: used after the learner rewinds or
/// replays, so the attempt left behind stays in the file as it was. Returns the change
/// made, for the journal: the new attempt, whole.
pub fn begin_attempt(
    progress: &mut Progress,
    scenario: &Scenario,
    run: &ScenarioRun,
    now: Timestamp,
) -> Change {
    let item = progress.item_mut(&scenario.id);
    // An open attempt without a single choice holds nothing worth keeping; any other is
    // kept as it is, and is no longer the open one once a new attempt follows it.
    if item
        .attempts
        .last()
        .is_some_and(|a| a.ending.is_none() && a.choices.is_empty())
    {
        item.attempts.pop();
    }
    // After a rewind the run still holds the first decisions of the attempt left behind:
    // they were taken then, not now.
    let carried = item
        .attempts
        .last()
        .map(|a| a.choices.clone())
        .unwrap_or_default();
    item.attempts.push(ScenarioAttempt {
        choices: Vec::new(),
        current_node: scenario.node(scenario.start).id.clone(),
        ending: None,
        variables: BTreeMap::new(),
        started_at: now,
        finished_at: None,
        seed: Some(run.seed()),
    });
    record_attempt(progress, scenario, run, now, &carried)
}

#[cfg(test)]
mod tests;
