//! The steps inside an open item: a lesson's scenes and answers, and a scenario's
//! choices, rewinds and replays.

use super::*;

impl Session {
    pub(super) fn lesson_step(&mut self, command: Command) -> Result<Vec<EventKind>, SessionError> {
        let course = Arc::clone(&self.course);
        let Some(Open::Lesson(open)) = self.open.as_mut() else {
            return Err(SessionError::NotHere);
        };
        let Some(lesson) = course.lessons.get(&open.id) else {
            return Err(SessionError::NotHere);
        };
        let run = &mut open.run;
        let scene = run.current(lesson).map(|s| s.id.clone());
        let here = || scene.clone().ok_or(SessionError::NotHere);
        let mut events = Vec::new();
        match command {
            Command::AcceptNote => {
                run.accept_content_note(lesson);
                events.push(EventKind::NoteAccepted { scene: here()? });
            }
            Command::SkipScene => {
                let skipped = here()?;
                let before = run.position().index;
                run.skip_scene(lesson);
                events.push(EventKind::SceneSkipped { scene: skipped });
                if run.position().index == before {
                    events.push(EventKind::LessonFinished);
                } else {
                    events.extend(scene_shown(lesson, run));
                }
            }
            Command::NextScene => {
                if run.next(lesson) {
                    events.extend(scene_shown(lesson, run));
                } else {
                    events.push(EventKind::LessonFinished);
                }
            }
            Command::PreviousScene => {
                if run.previous(lesson) {
                    events.extend(scene_shown(lesson, run));
                }
            }
            Command::FlipCard | Command::NextCard | Command::PreviousCard => {
                let moved = match command {
                    Command::FlipCard => run.flip_card(lesson)?,
                    Command::NextCard => run.next_card(lesson)?,
                    _ => run.previous_card(lesson)?,
                };
                if moved {
                    events.push(EventKind::CardMoved { scene: here()? });
                }
            }
            Command::Answer(selected) => {
                let scene = here()?;
                let outcome = run
                    .answer_quiz(lesson, selected.iter().map(String::as_str))
                    .map_err(|e| match e {
                        EngineError::SelectionCount { .. } => SessionError::NothingSelected,
                        other => SessionError::Engine(other),
                    })?;
                events.push(EventKind::Answered {
                    scene,
                    selected,
                    correct: outcome.correct,
                    first_try: outcome.first_attempt,
                });
            }
            Command::RevealAnswer => {
                let scene = here()?;
                run.reveal_quiz(lesson)?;
                events.push(EventKind::Revealed { scene });
            }
            Command::Reflect { text, typing } => {
                let scene = here()?;
                let text = if text.trim().is_empty() {
                    String::new()
                } else {
                    text
                };
                run.set_reflection(lesson, scene.as_str(), text)?;
                events.push(EventKind::Reflected { scene, typing });
            }
            Command::Tick(entry) => {
                let scene = here()?;
                let checked = run.toggle_check(lesson, &entry)?;
                events.push(EventKind::Ticked {
                    scene,
                    entry,
                    checked,
                });
            }
            _ => return Err(SessionError::NotHere),
        }
        Ok(events)
    }

    pub(super) fn scenario_mut(
        &mut self,
    ) -> Result<(Arc<Course>, &mut OpenScenario), SessionError> {
        let course = Arc::clone(&self.course);
        match self.open.as_mut() {
            Some(Open::Scenario(open)) if course.scenarios.contains_key(&open.id) => {
                Ok((course, open))
            }
            _ => Err(SessionError::NotHere),
        }
    }

    pub(super) fn choose(
        &mut self,
        choice: &str,
        tally: Option<Vec<ChoiceTally>>,
    ) -> Result<Vec<EventKind>, SessionError> {
        let (course, open) = self.scenario_mut()?;
        let scenario = course
            .scenarios
            .get(&open.id)
            .ok_or(SessionError::NotHere)?;
        let outcome = open.run.choose(scenario, choice)?;
        let mut events = vec![EventKind::Chose {
            node: scenario.node(outcome.from).id.clone(),
            choice: outcome.choice.id.clone(),
            quality: outcome.choice.quality,
            tally,
        }];
        events.extend(outcome.entered.iter().map(|&n| EventKind::Entered {
            node: scenario.node(n).id.clone(),
        }));
        let now_at = scenario.node(outcome.now_at).id.clone();
        events.push(EventKind::NodeShown {
            node: now_at.clone(),
        });
        if let Some(ending) = outcome.ending {
            events.push(EventKind::Ended {
                node: now_at,
                outcome: ending.outcome,
            });
        }
        Ok(events)
    }

    pub(super) fn rewind(&mut self, decision: usize) -> Result<Vec<EventKind>, SessionError> {
        let (course, open) = self.scenario_mut()?;
        let scenario = course
            .scenarios
            .get(&open.id)
            .ok_or(SessionError::NotHere)?;
        open.run.rewind_to(scenario, decision)?;
        let to = scenario.node(open.run.current()).id.clone();
        Ok(vec![
            EventKind::Rewound {
                to: to.clone(),
                decision,
            },
            EventKind::NodeShown { node: to },
        ])
    }

    pub(super) fn replay(&mut self) -> Result<Vec<EventKind>, SessionError> {
        let attempts = {
            let (_, open) = self.scenario_mut()?;
            let id = open.id.clone();
            self.recorder
                .progress()
                .items
                .get(&id)
                .map_or(0, |item| item.attempts.len())
        };
        let (course, open) = self.scenario_mut()?;
        let scenario = course
            .scenarios
            .get(&open.id)
            .ok_or(SessionError::NotHere)?;
        open.run.restart_with_seed(
            scenario,
            crate::course::order::attempt_seed(scenario.id.as_str(), attempts as u64),
        )?;
        let node = scenario.node(open.run.current()).id.clone();
        Ok(vec![EventKind::Restarted, EventKind::NodeShown { node }])
    }
}
