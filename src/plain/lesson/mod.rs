//! A lesson in plain mode: scene by scene, content notes first, quizzes answered by
//! number (the options numbered in the order shown, which the engine shuffles per try),
//! reflections typed as lines, checklists ticked by number.
//!
//! A wrong first answer to a quiz shows the feedback of the options chosen only; the right
//! answer and the explanation come after a right answer, a second try, or `a` ("show the
//! right answer").

mod quiz;

use super::{Plain, Step, Stop, clean, numbers};
use crate::course::checked::{Lesson, Scene, SceneBody};
use crate::course::model::{Checklist, Glossary, Reflection, Testimony};
use crate::engine::lesson::LessonRun;
use crate::msg_args;
use crate::session::{Command, Event, EventKind};
use std::io::{self, BufRead, Write};

/// Where the learner goes after a scene.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nav {
    /// The next scene (or the end of the lesson after the last one).
    Next,
    /// The previous scene.
    Previous,
    /// Show the current scene again (it changed, or the language did).
    Again,
    /// The lesson is over (its last scene was skipped): show its end.
    Finished,
}

/// An extra action offered next to next/previous after a scene.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extra {
    /// Answer the quiz again.
    Retry,
    /// Show the quiz's right answer and explanation.
    Reveal,
    /// Write the reflection again.
    Rewrite,
}

/// What was picked after a scene.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    Nav(Nav),
    Extra(Extra),
}

/// The checklist prompt's answers.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ChecklistReply {
    Toggle(Vec<usize>),
    Nav(Nav),
}

/// Whether the lesson was finished by these events.
fn finished(events: &[Event]) -> bool {
    events.iter().any(|e| e.kind == EventKind::LessonFinished)
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// The learner's run through the lesson open in the session; none open (it cannot be,
    /// a lesson screen opens its lesson first) goes back to the overview.
    fn lesson_run(&self) -> Step<&LessonRun> {
        self.session.lesson().map(|(_, run)| run).ok_or(Stop::Home)
    }

    /// Goes through `lesson` from where the learner left it, until the overview.
    pub(super) fn lesson(&mut self, lesson: &Lesson) -> Step<()> {
        // Opening counts as a step: the lesson is "in progress" and is where to continue.
        if self.step(Command::Open(lesson.id.clone())).is_err() {
            return Ok(());
        }
        self.gap()?;
        let title = self.text(&lesson.title);
        self.line(
            &self
                .i18n()
                .msg("plain-lesson-title", &msg_args!("title" => title)),
        )?;
        self.say_fallbacks()?;
        if let Some(summary) = &lesson.summary {
            self.say(summary)?;
        }
        let mut done = lesson.scenes.is_empty();
        loop {
            let nav = if done {
                self.lesson_done(lesson)?
            } else {
                self.scene(lesson)?
            };
            match nav {
                Nav::Next if done => return Ok(()),
                Nav::Next => done = finished(&self.lesson_step(Command::NextScene)?),
                Nav::Finished => done = true,
                // From the end back to the last scene: the run is still there.
                Nav::Previous if done => done = false,
                Nav::Previous => {
                    self.lesson_step(Command::PreviousScene)?;
                }
                Nav::Again => {}
            }
        }
    }

    /// A step in the lesson open. Should the session refuse it (the lesson is no longer
    /// open; plain mode asks nothing the engine refuses), back to the overview.
    fn lesson_step(&mut self, command: Command) -> Step<Vec<Event>> {
        self.step(command).map_err(|_| Stop::Home)
    }

    /// Shows the current scene and lets the learner work on it.
    fn scene(&mut self, lesson: &Lesson) -> Step<Nav> {
        let run = self.lesson_run()?;
        let Some(scene) = run.current(lesson) else {
            return Ok(Nav::Next);
        };
        let position = run.position();
        let note_pending = run.content_note_pending(lesson);
        self.gap()?;
        let heading = match &scene.title {
            Some(title) => self.i18n().msg(
                "plain-scene-heading",
                &msg_args!(
                    "number" => position.number(),
                    "total" => position.total,
                    "title" => self.text(title),
                ),
            ),
            None => self.i18n().msg(
                "plain-scene-position",
                &msg_args!("number" => position.number(), "total" => position.total),
            ),
        };
        self.line(&heading)?;
        let first = position.index == 0;
        if note_pending {
            return self.content_note(scene, first);
        }
        match &scene.body {
            SceneBody::Text(text) => {
                for paragraph in &text.paragraphs {
                    self.say(paragraph)?;
                    self.gap()?;
                }
            }
            SceneBody::Testimony(testimony) => self.testimony(testimony)?,
            SceneBody::KeyPoints(points) => {
                self.line(&self.i18n().msg("plain-key-points", &msg_args!()))?;
                for point in &points.points {
                    let text = self.text(point);
                    self.line(&format!("- {text}"))?;
                    self.gloss_of(point)?;
                }
                self.gap()?;
            }
            SceneBody::Glossary(glossary) => self.glossary(glossary)?,
            SceneBody::Quiz(quiz) => return self.quiz(lesson, quiz, first),
            SceneBody::Reflection(reflection) => {
                return self.reflection(lesson, scene, reflection, first);
            }
            SceneBody::Checklist(checklist) => {
                return self.checklist(lesson, scene, checklist, first);
            }
        }
        self.after_scene(first, &[]).map(|after| match after {
            Some(After::Nav(nav)) => nav,
            _ => Nav::Again,
        })
    }

    /// The scene's content note, with the choice to see the scene or skip it.
    fn content_note(&mut self, scene: &Scene, first: bool) -> Step<Nav> {
        if let Some(note) = &scene.content_note {
            let label = self.i18n().msg("plain-content-note", &msg_args!());
            self.say_labelled(&label, note)?;
        }
        let picked = self.choose(
            |p| {
                p.line(&p.i18n().msg("plain-note-continue", &msg_args!()))?;
                p.line(&p.i18n().msg("plain-note-skip", &msg_args!()))?;
                if !first {
                    p.line(&p.i18n().msg("plain-nav-previous", &msg_args!()))?;
                }
                Ok(())
            },
            |line| match line.to_lowercase().as_str() {
                "" | "1" => Some(Some(true)),
                "2" | "s" => Some(Some(false)),
                "p" if !first => Some(None),
                _ => None,
            },
        )?;
        match picked {
            None => Ok(Nav::Again),
            Some(None) => Ok(Nav::Previous),
            Some(Some(true)) => {
                self.lesson_step(Command::AcceptNote)?;
                Ok(Nav::Again)
            }
            Some(Some(false)) => {
                let events = self.lesson_step(Command::SkipScene)?;
                // The last scene skipped: the lesson is done.
                Ok(if finished(&events) {
                    Nav::Finished
                } else {
                    Nav::Again
                })
            }
        }
    }

    fn testimony(&mut self, testimony: &Testimony) -> io::Result<()> {
        let name = self.text(&testimony.persona.name);
        let who = match testimony.persona.age {
            Some(age) => self.i18n().msg(
                "plain-testimony-age",
                &msg_args!("name" => name, "age" => age),
            ),
            None => name,
        };
        let kind = if testimony.fictional_composite {
            "composite"
        } else {
            "real"
        };
        self.line(
            &self
                .i18n()
                .msg("plain-testimony", &msg_args!("who" => who, "kind" => kind)),
        )?;
        self.say(&testimony.persona.background)?;
        self.gap()?;
        for paragraph in &testimony.quote {
            self.say(paragraph)?;
            self.gap()?;
        }
        Ok(())
    }

    fn glossary(&mut self, glossary: &Glossary) -> io::Result<()> {
        let total = glossary.cards.len();
        for (index, card) in glossary.cards.iter().enumerate() {
            let term = self.text(&card.term);
            self.line(&self.i18n().msg(
                "plain-card",
                &msg_args!("number" => index + 1, "total" => total, "term" => term),
            ))?;
            self.gloss_of(&card.term)?;
            let label = self.i18n().msg("plain-card-definition", &msg_args!());
            self.say_labelled(&label, &card.definition)?;
            if let Some(note) = &card.note {
                let label = self.i18n().msg("plain-card-note", &msg_args!());
                self.say_labelled(&label, note)?;
            }
            self.gap()?;
        }
        Ok(())
    }

    /// Next and previous (and `extras`) after a scene. `None`: the language changed.
    fn after_scene(&mut self, first: bool, extras: &[Extra]) -> Step<Option<After>> {
        self.choose(
            |p| {
                for extra in extras {
                    let line = match extra {
                        Extra::Retry => p.i18n().msg("plain-quiz-retry", &msg_args!()),
                        Extra::Reveal => p.i18n().msg("plain-quiz-reveal", &msg_args!()),
                        Extra::Rewrite => p.i18n().msg("plain-reflection-rewrite", &msg_args!()),
                    };
                    p.line(&line)?;
                }
                p.line(&p.i18n().msg("plain-nav-next", &msg_args!()))?;
                if !first {
                    p.line(&p.i18n().msg("plain-nav-previous", &msg_args!()))?;
                }
                Ok(())
            },
            |line| match line.to_lowercase().as_str() {
                "" | "n" => Some(After::Nav(Nav::Next)),
                "p" if !first => Some(After::Nav(Nav::Previous)),
                "r" if extras.contains(&Extra::Retry) => Some(After::Extra(Extra::Retry)),
                "a" if extras.contains(&Extra::Reveal) => Some(After::Extra(Extra::Reveal)),
                "e" if extras.contains(&Extra::Rewrite) => Some(After::Extra(Extra::Rewrite)),
                _ => None,
            },
        )
    }

    /// The reflection: prompt, what was written before, typed lines ended by an empty
    /// line; kept only in the progress file on this computer.
    fn reflection(
        &mut self,
        lesson: &Lesson,
        scene: &Scene,
        reflection: &Reflection,
        first: bool,
    ) -> Step<Nav> {
        let label = self.i18n().msg("plain-reflection-prompt", &msg_args!());
        self.say_labelled(&label, &reflection.prompt)?;
        if let Some(hint) = &reflection.hint {
            let label = self.i18n().msg("plain-reflection-hint", &msg_args!());
            self.say_labelled(&label, hint)?;
        }
        self.line(&self.i18n().msg("plain-reflection-private", &msg_args!()))?;
        // What the learner wrote before, as the session keeps it, cleaned for the screen.
        let written = |p: &Self| -> Step<Option<String>> {
            Ok(p.lesson_run()?
                .reflection(lesson, scene.id.as_str())
                .filter(|text| !text.trim().is_empty())
                .map(clean))
        };
        let mut writing = written(self)?.is_none();
        loop {
            if writing {
                self.line(&self.i18n().msg("plain-reflection-how", &msg_args!()))?;
                let Some(text) = self.type_lines()? else {
                    return Ok(Nav::Again);
                };
                if !text.is_empty() {
                    self.lesson_step(Command::Reflect {
                        text,
                        typing: false,
                    })?;
                    self.line(&self.i18n().msg("plain-reflection-saved", &msg_args!()))?;
                }
            }
            if let Some(text) = written(self)? {
                self.line(&self.i18n().msg("plain-reflection-yours", &msg_args!()))?;
                for line in text.lines() {
                    self.line(line)?;
                }
                self.gap()?;
            }
            match self.after_scene(first, &[Extra::Rewrite])? {
                None => return Ok(Nav::Again),
                Some(After::Nav(nav)) => return Ok(nav),
                Some(After::Extra(_)) => {}
            }
            // Only "write again" comes back here.
            writing = true;
        }
    }

    /// Reads reflection lines until an empty line. The first line may be a command (help,
    /// language, overview, quit); later lines are text. `None`: the language changed. At
    /// the end of the input what was typed is kept (in the reflection shown) before
    /// quitting.
    fn type_lines(&mut self) -> Step<Option<String>> {
        let first = loop {
            match self.ask()? {
                None => self.line(&self.i18n().msg("plain-reflection-how", &msg_args!()))?,
                Some(super::Said::Redraw) => return Ok(None),
                Some(super::Said::Line(line)) => break line,
            }
        };
        let mut lines = Vec::new();
        if !first.is_empty() {
            lines.push(first);
            loop {
                match self.read_line()? {
                    Some(line) if line.trim().is_empty() => break,
                    Some(line) => lines.push(line.trim_end().to_owned()),
                    None => {
                        let _ = self.step(Command::Reflect {
                            text: lines.join("\n"),
                            typing: false,
                        });
                        return Err(Stop::Quit);
                    }
                }
            }
        }
        Ok(Some(lines.join("\n")))
    }

    /// The checklist: numbered entries, ticked or not, with their hints; numbers toggle,
    /// and only the entries that changed are read back; an empty line goes on.
    fn checklist(
        &mut self,
        lesson: &Lesson,
        scene: &Scene,
        checklist: &Checklist,
        first: bool,
    ) -> Step<Nav> {
        if let Some(intro) = &checklist.intro {
            self.say(intro)?;
        }
        let count = checklist.entries.len();
        // The entries read at the prompt: all of them (with their hints) at first, then
        // those the last line toggled.
        let mut changed: Option<Vec<usize>> = None;
        loop {
            let run = self.lesson_run()?;
            let ticked: Vec<bool> = checklist
                .entries
                .iter()
                .map(|e| run.is_checked(lesson, scene.id.as_str(), e.id.as_str()))
                .collect();
            let reply = self.choose(
                |p| {
                    for (i, entry) in checklist.entries.iter().enumerate() {
                        if changed.as_ref().is_some_and(|c| !c.contains(&i)) {
                            continue;
                        }
                        let text = p.text(&entry.text);
                        let state = if ticked.get(i).copied().unwrap_or(false) {
                            "ticked"
                        } else {
                            "not-ticked"
                        };
                        p.line(&p.i18n().msg(
                            "plain-checklist-entry",
                            &msg_args!("number" => i + 1, "text" => text, "state" => state),
                        ))?;
                        if let Some(hint) = entry.hint.as_ref().filter(|_| changed.is_none()) {
                            let label = p.i18n().msg("plain-checklist-hint", &msg_args!());
                            p.say_labelled(&label, hint)?;
                        }
                    }
                    p.line(&p.i18n().msg("plain-checklist-how", &msg_args!()))?;
                    if !first {
                        p.line(&p.i18n().msg("plain-nav-previous", &msg_args!()))?;
                    }
                    Ok(())
                },
                |line| match line.to_lowercase().as_str() {
                    "" | "n" => Some(ChecklistReply::Nav(Nav::Next)),
                    "p" if !first => Some(ChecklistReply::Nav(Nav::Previous)),
                    other => numbers(other, count).map(ChecklistReply::Toggle),
                },
            )?;
            match reply {
                None => return Ok(Nav::Again),
                Some(ChecklistReply::Nav(nav)) => return Ok(nav),
                Some(ChecklistReply::Toggle(picked)) => {
                    let mut toggled: Vec<usize> = Vec::new();
                    for index in picked {
                        if let Some(entry) = checklist.entries.get(index) {
                            self.apply(Command::Tick(entry.id.to_string()))
                                .map_err(|_| Stop::Home)?;
                            toggled.push(index);
                        }
                    }
                    // The entries typed on one line are one step.
                    self.save_if_due();
                    toggled.sort_unstable();
                    changed = Some(toggled);
                    self.gap()?;
                }
            }
        }
    }

    /// After the last scene: the quiz score and the skipped scenes; back to the overview
    /// or to the last scene.
    fn lesson_done(&mut self, lesson: &Lesson) -> Step<Nav> {
        let run = self.lesson_run()?;
        let summary = run.summary(lesson);
        let skipped = run.skipped(lesson);
        self.gap()?;
        let title = self.text(&lesson.title);
        self.line(
            &self
                .i18n()
                .msg("plain-lesson-done", &msg_args!("title" => title)),
        )?;
        // The same counts as the screen's: every quiz of the lesson, answered or not.
        if summary.quizzes > 0 {
            self.line(&self.i18n().msg(
                "plain-lesson-score",
                &msg_args!("correct" => summary.right_first, "total" => summary.quizzes),
            ))?;
        }
        if summary.unanswered > 0 {
            self.line(&self.i18n().msg(
                "lesson-done-quizzes-unanswered",
                &msg_args!("count" => summary.unanswered),
            ))?;
        }
        let skipped: Vec<String> = skipped
            .into_iter()
            .filter_map(|id| lesson.scenes.iter().find(|s| &s.id == id))
            .map(|s| {
                s.title
                    .as_ref()
                    .map_or_else(|| s.id.to_string(), |t| self.text(t))
            })
            .collect();
        if !skipped.is_empty() {
            self.line(&self.i18n().msg(
                "plain-lesson-skipped",
                &msg_args!("scenes" => skipped.join(", ")),
            ))?;
        }
        let empty = lesson.scenes.is_empty();
        let picked = self.choose(
            |p| {
                p.line(&p.i18n().msg("plain-lesson-back", &msg_args!()))?;
                if !empty {
                    p.line(&p.i18n().msg("plain-nav-previous", &msg_args!()))?;
                }
                Ok(())
            },
            |line| match line.to_lowercase().as_str() {
                "" | "n" => Some(Nav::Next),
                "p" if !empty => Some(Nav::Previous),
                _ => None,
            },
        )?;
        Ok(picked.unwrap_or(Nav::Again))
    }
}
