//! A lesson's quiz in plain mode: the options numbered in the order shown (the engine
//! shuffles them per try), the answer typed as numbers. A wrong first answer shows the
//! feedback of the options chosen only; the right answer and the explanation come after a
//! right answer, a second try, or `a` ("show the right answer").

use super::{After, Extra, Nav};
use crate::course::checked::Lesson;
use crate::course::model::Quiz;
use crate::engine::lesson::QuizOutcome;
use crate::msg_args;
use crate::plain::{Plain, Step, numbers};
use crate::session::{Command, EventKind};
use std::io::{self, BufRead, Write};

/// The quiz prompt's answers.
#[derive(Debug, Clone, PartialEq, Eq)]
enum QuizReply {
    Options(Vec<usize>),
    Reveal,
    Nav(Nav),
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// The quiz: question, options numbered in the order shown, the answer as numbers;
    /// then the feedback of the options chosen and a second try. Once revealed (a right
    /// answer, a second try, or `a`): per option whether it was chosen and correct with
    /// its feedback, and the explanation.
    pub(super) fn quiz(&mut self, lesson: &Lesson, quiz: &Quiz, first: bool) -> Step<Nav> {
        let mut answered = self.lesson_run()?.quiz_outcome(lesson);
        loop {
            let question_label = self.i18n().msg("plain-quiz-question", &msg_args!());
            self.say_labelled(&question_label, &quiz.question)?;
            if let Some(outcome) = &answered {
                self.quiz_result(quiz, outcome)?;
                let extras: &[Extra] = if outcome.revealed {
                    &[Extra::Retry]
                } else {
                    &[Extra::Retry, Extra::Reveal]
                };
                match self.after_scene(first, extras)? {
                    None => return Ok(Nav::Again),
                    Some(After::Nav(nav)) => return Ok(nav),
                    Some(After::Extra(Extra::Reveal)) => {
                        answered = self.reveal(lesson)?.or(answered);
                        continue;
                    }
                    Some(After::Extra(_)) => {
                        answered = None;
                        continue;
                    }
                }
            }
            let count = quiz.options.len();
            let multiple = quiz.multiple;
            // Position shown -> index written; numbers typed are positions shown.
            let run = self.lesson_run()?;
            let order = run.quiz_order(lesson);
            let offer_reveal = !run
                .record(run.position().index)
                .is_some_and(|r| r.quiz_revealed());
            let reply = self.choose(
                |p| {
                    for (position, &index) in order.iter().enumerate() {
                        let Some(option) = quiz.options.get(index) else {
                            continue;
                        };
                        let text = p.text(&option.text);
                        p.line(&format!("{}. {text}", position + 1))?;
                        p.gloss_of(&option.text)?;
                    }
                    let how = if multiple {
                        p.i18n().msg("plain-quiz-how-multiple", &msg_args!())
                    } else {
                        p.i18n().msg("plain-quiz-how-single", &msg_args!())
                    };
                    p.line(&how)?;
                    if offer_reveal {
                        p.line(&p.i18n().msg("plain-quiz-reveal", &msg_args!()))?;
                    }
                    p.line(&p.i18n().msg("plain-quiz-skip", &msg_args!()))?;
                    if !first {
                        p.line(&p.i18n().msg("plain-nav-previous", &msg_args!()))?;
                    }
                    Ok(())
                },
                |line| match line.to_lowercase().as_str() {
                    "n" => Some(QuizReply::Nav(Nav::Next)),
                    "p" if !first => Some(QuizReply::Nav(Nav::Previous)),
                    "a" if offer_reveal => Some(QuizReply::Reveal),
                    other => numbers(other, count)
                        .filter(|picked| multiple || picked.len() == 1)
                        .map(QuizReply::Options),
                },
            )?;
            let picked = match reply {
                None => return Ok(Nav::Again),
                Some(QuizReply::Nav(nav)) => return Ok(nav),
                Some(QuizReply::Reveal) => {
                    answered = self.reveal(lesson)?;
                    continue;
                }
                Some(QuizReply::Options(picked)) => picked,
            };
            let ids: Vec<String> = picked
                .iter()
                .filter_map(|&position| order.get(position))
                .filter_map(|&index| quiz.options.get(index))
                .map(|o| o.id.to_string())
                .collect();
            match self.step(Command::Answer(ids)) {
                Ok(events) => {
                    // Whether this was the first try as the session judged it when the
                    // answer was given (an answer shown on request came before it).
                    let first_try = events.iter().find_map(|e| match e.kind {
                        EventKind::Answered { first_try, .. } => Some(first_try),
                        _ => None,
                    });
                    answered = self.lesson_run()?.quiz_outcome(lesson).map(|mut outcome| {
                        outcome.first_attempt = first_try.unwrap_or(outcome.first_attempt);
                        outcome
                    });
                    self.gap()?;
                }
                // The numbers were checked above; a refusal would be an engine bug, and
                // the question is simply asked again.
                Err(_) => continue,
            }
        }
    }

    /// Reveals the quiz's right answer on request; the session records that.
    fn reveal(&mut self, lesson: &Lesson) -> Step<Option<QuizOutcome>> {
        let outcome = match self.step(Command::RevealAnswer) {
            Ok(_) => self.lesson_run()?.quiz_outcome(lesson),
            Err(_) => None,
        };
        self.gap()?;
        Ok(outcome)
    }

    fn quiz_result(&mut self, quiz: &Quiz, outcome: &QuizOutcome) -> io::Result<()> {
        let verdict = if outcome.correct {
            self.i18n().msg("plain-quiz-correct", &msg_args!())
        } else if !outcome.revealed {
            self.i18n().msg("plain-quiz-not-yet", &msg_args!())
        } else if outcome.nothing_selected() {
            self.i18n().msg("plain-quiz-shown", &msg_args!())
        } else {
            self.i18n().msg("plain-quiz-incorrect", &msg_args!())
        };
        self.line(&verdict)?;
        for (position, result) in outcome.shown().enumerate() {
            // Until revealed, only the options chosen, without saying which are correct.
            if !outcome.revealed && !result.selected {
                continue;
            }
            let Some(option) = quiz.options.get(result.index) else {
                continue;
            };
            let text = self.text(&option.text);
            self.line(&format!("{}. {text}", position + 1))?;
            if outcome.revealed {
                let chosen = if result.selected { "yes" } else { "no" };
                let correct = if result.correct { "yes" } else { "no" };
                self.line(&self.i18n().msg(
                    "plain-quiz-option",
                    &msg_args!("chosen" => chosen, "correct" => correct),
                ))?;
            } else {
                self.line(&self.i18n().msg("plain-quiz-your-choice", &msg_args!()))?;
            }
            self.say(&option.feedback)?;
        }
        if outcome.revealed {
            let label = self.i18n().msg("plain-quiz-explanation", &msg_args!());
            self.say_labelled(&label, &quiz.explanation)?;
        }
        if !outcome.first_attempt {
            self.line(&self.i18n().msg("plain-quiz-first-counts", &msg_args!()))?;
        }
        self.gap()
    }
}
