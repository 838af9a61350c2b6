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
    item.lesson.current_scene = state.current.clone();
    for (id, record) in &state.scenes {
        let scene = item.lesson.scenes.entry(id.clone()).or_default();
        *scene = SceneProgress {
            visited: record.status == SceneStatus::Seen,
            quiz: record.quiz.as_ref().map(|quiz| QuizRecord {
                first_answer: quiz.first.selected.clone(),
                first_correct: quiz.first.correct,
                attempts: quiz.attempts,
                revealed_on_request: record.answer_requested,
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
        choices_from = sync_choices(&mut attempt.choices, scenario, run);
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
fn sync_choices(taken: &mut Vec<ChoiceTaken>, scenario: &Scenario, run: &ScenarioRun) -> usize {
    let decisions = run.decisions();
    let entry = |d: &crate::engine::scenario::Decision| {
        run.choice_of(scenario, d).map(|choice| ChoiceTaken {
            node: scenario.node(d.node).id.clone(),
            choice: choice.id.clone(),
        })
    };
    let kept = taken.len();
    let is_prefix = kept <= decisions.len()
        && match (
            taken.last(),
            kept.checked_sub(1).and_then(|i| decisions.get(i)),
        ) {
            (Some(last), Some(d)) => entry(d).as_ref() == Some(last),
            (None, _) => true,
            (Some(_), None) => false,
        };
    if is_prefix {
        taken.extend(decisions[kept..].iter().filter_map(entry));
        kept
    } else {
        *taken = decisions.iter().filter_map(entry).collect();
        0
    }
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
    item.attempts.push(ScenarioAttempt {
        choices: Vec::new(),
        current_node: scenario.node(scenario.start).id.clone(),
        ending: None,
        variables: BTreeMap::new(),
        started_at: now,
        finished_at: None,
        seed: Some(run.seed()),
    });
    record_scenario(progress, scenario, run, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::ids::{CourseId, SceneId};
    use crate::course::model::Outcome;
    use crate::engine::testkit::{LessonBuilder, ScenarioBuilder, choice};
    use crate::progress::{CourseStamp, EndingOutcome};

    fn progress() -> Progress {
        Progress::new(
            CourseStamp {
                id: CourseId::from("c"),
                version: "1".into(),
            },
            Timestamp(1),
        )
    }

    fn scenario() -> Scenario {
        ScenarioBuilder::new("talk")
            .var("trust", 0, 100, 50)
            .choices(
                "a",
                [
                    choice("open", "b").effect("trust", 10),
                    choice("closed", "bad"),
                ],
            )
            .choices("b", [choice("listen", "good"), choice("rush", "bad")])
            .ending("good", Outcome::Good)
            .ending("bad", Outcome::Poor)
            .build()
    }

    #[test]
    fn an_open_attempt_grows_by_its_new_choice_and_is_rewritten_when_it_diverged() {
        let s = scenario();
        let mut p = progress();
        let mut run = ScenarioRun::new(&s).unwrap();
        let ids = |p: &Progress| -> Vec<String> {
            p.items[&s.id].attempts[0]
                .choices
                .iter()
                .map(|c| format!("{}/{}", c.node, c.choice))
                .collect()
        };
        run.choose(&s, "open").unwrap();
        record_scenario(&mut p, &s, &run, Timestamp(2));
        assert_eq!(ids(&p), ["a/open"]);
        // Something else in the file than the run holds: written whole again.
        p.items.get_mut(&s.id).unwrap().attempts[0].choices[0].choice = "closed".into();
        run.choose(&s, "listen").unwrap();
        record_scenario(&mut p, &s, &run, Timestamp(3));
        assert_eq!(ids(&p), ["a/open", "b/listen"]);
        assert_eq!(
            p.items[&s.id].attempts[0].variables.get("trust").copied(),
            Some(60)
        );
    }

    #[test]
    fn a_scenario_resumes_at_the_same_node_with_the_same_variables() {
        let s = scenario();
        let mut p = progress();
        let (mut run, how) = resume_scenario(&p, &s).unwrap();
        assert_eq!(how, Resumed::Fresh);
        run.choose(&s, "open").unwrap();
        record_scenario(&mut p, &s, &run, Timestamp(2));

        let (again, how) = resume_scenario(&p, &s).unwrap();
        assert_eq!(how, Resumed::Continued);
        assert_eq!(again, run);
        let attempt = &p.items[&s.id].attempts[0];
        assert_eq!(attempt.current_node.as_str(), "b");
        assert_eq!(
            attempt.variables.values().copied().collect::<Vec<_>>(),
            [60]
        );
        assert_eq!(p.items[&s.id].status, ItemStatus::InProgress);
    }

    #[test]
    fn an_ending_closes_the_attempt_and_the_next_run_is_fresh() {
        let s = scenario();
        let mut p = progress();
        let mut run = ScenarioRun::new(&s).unwrap();
        run.choose(&s, "open").unwrap();
        run.choose(&s, "listen").unwrap();
        record_scenario(&mut p, &s, &run, Timestamp(3));
        let item = &p.items[&s.id];
        assert_eq!(item.status, ItemStatus::Completed);
        let ending = item.attempts[0].ending.as_ref().unwrap();
        assert_eq!(ending.outcome, EndingOutcome::Good);
        assert_eq!(item.attempts[0].finished_at, Some(Timestamp(3)));
        assert_eq!(resume_scenario(&p, &s).unwrap().1, Resumed::Fresh);
    }

    #[test]
    fn rewinding_keeps_the_old_attempt_and_starts_a_new_one() {
        let s = scenario();
        let mut p = progress();
        let mut run = ScenarioRun::new(&s).unwrap();
        run.choose(&s, "open").unwrap();
        run.choose(&s, "rush").unwrap();
        record_scenario(&mut p, &s, &run, Timestamp(2));
        run.rewind_to(&s, 1).unwrap();
        begin_attempt(&mut p, &s, &run, Timestamp(3));
        run.choose(&s, "listen").unwrap();
        record_scenario(&mut p, &s, &run, Timestamp(4));

        let attempts = &p.items[&s.id].attempts;
        assert_eq!(attempts.len(), 2);
        assert_eq!(
            attempts[0].ending.as_ref().unwrap().outcome,
            EndingOutcome::Poor
        );
        assert_eq!(
            attempts[1].ending.as_ref().unwrap().outcome,
            EndingOutcome::Good
        );
        let taken: Vec<&str> = attempts[1]
            .choices
            .iter()
            .map(|c| c.choice.as_str())
            .collect();
        assert_eq!(taken, ["open", "listen"]);
    }

    #[test]
    fn an_attempt_that_no_longer_fits_the_course_falls_back_to_the_start() {
        let s = scenario();
        let mut p = progress();
        let mut run = ScenarioRun::new(&s).unwrap();
        run.choose(&s, "open").unwrap();
        record_scenario(&mut p, &s, &run, Timestamp(2));
        let changed = ScenarioBuilder::new("talk")
            .var("trust", 0, 100, 50)
            .choices("a", [choice("other", "good"), choice("closed", "good")])
            .ending("good", Outcome::Good)
            .build();
        let (run, how) = resume_scenario(&p, &changed).unwrap();
        assert_eq!(how, Resumed::FellBack);
        assert!(run.decisions().is_empty());
        // The old attempt is still in the file.
        assert_eq!(p.items[&s.id].attempts[0].choices.len(), 1);
    }

    #[test]
    fn a_lesson_resumes_with_scene_quiz_checklist_and_reflection() {
        let lesson = LessonBuilder::new("les")
            .text("intro")
            .quiz("q", false, [("a", true), ("b", false)])
            .reflection("r")
            .checklist("c", ["x", "y"])
            .build();
        let mut p = progress();
        let mut run = LessonRun::new(&lesson);
        run.next(&lesson);
        run.answer_quiz(&lesson, ["b"]).unwrap();
        run.answer_quiz(&lesson, ["a"]).unwrap();
        run.next(&lesson);
        run.set_reflection(&lesson, "r", "Mijn gedachte".into())
            .unwrap();
        run.next(&lesson);
        run.toggle_check(&lesson, "y").unwrap();
        record_lesson(&mut p, &lesson, &run, Timestamp(5));

        let again = resume_lesson(&p, &lesson);
        assert_eq!(again.position().index, 3);
        assert_eq!(again.reflection(&lesson, "r"), Some("Mijn gedachte"));
        assert!(again.is_checked(&lesson, "c", "y"));
        assert!(!again.is_checked(&lesson, "c", "x"));
        let quiz = again
            .record_of(&lesson, "q")
            .unwrap()
            .quiz
            .as_ref()
            .unwrap();
        assert!(!quiz.first.correct, "the first answer is what counts");
        assert_eq!(quiz.attempts, 2);
        let saved = &p.items[&lesson.id];
        assert_eq!(saved.reflections[&SceneId::from("r")].text, "Mijn gedachte");
        assert_eq!(
            p.last_position.as_ref().unwrap().at,
            Some(Place::Scene(SceneId::from("c")))
        );
    }
}
