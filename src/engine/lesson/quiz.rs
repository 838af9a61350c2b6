//! Quizzes that test again: answering, revealing, the order shown, and the score.
//!
//! A wrong first answer shows only the feedback of the options picked; the right answer and
//! the explanation are revealed after a right answer, after a second try, or on request. The
//! options are shown in an order shuffled per try, a pure function of the run's seed and the
//! number of tries, so a resumed run shows the same order.

use super::*;

/// How one quiz option fared in an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizOptionResult {
    /// The option's position in the quiz, from 0.
    pub index: usize,
    /// The option's id.
    pub id: OptionId,
    /// Whether the learner selected it.
    pub selected: bool,
    /// Whether it is a correct answer.
    pub correct: bool,
}

/// The result of answering a quiz; the screen shows each option's feedback from it.
///
/// Until `revealed`, a screen shows only the feedback of the options selected: no mark of
/// which options are correct and no explanation, so that another try still tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizOutcome {
    /// Whether exactly the correct options were selected.
    pub correct: bool,
    /// Whether this was the first attempt (the one that counts).
    pub first_attempt: bool,
    /// Whether the right answer and the explanation may be shown: after a right answer,
    /// after a second try, or on request.
    pub revealed: bool,
    /// Every option of the quiz, in the order written.
    pub options: Vec<QuizOptionResult>,
    /// The order the options were shown in for this answer: `order[k]` is the index (in
    /// the order written) of the option shown k-th.
    pub order: Vec<usize>,
}

impl QuizOutcome {
    /// The options in the order they were shown.
    pub fn shown(&self) -> impl Iterator<Item = &QuizOptionResult> {
        self.order.iter().filter_map(|&i| self.options.get(i))
    }

    /// Whether no option was selected: the answer was revealed before any was given.
    pub fn nothing_selected(&self) -> bool {
        !self.options.iter().any(|o| o.selected)
    }
}

/// The options of `quiz` with `selected` marked, in the order written.
fn option_results(quiz: &Quiz, selected: &[OptionId]) -> Vec<QuizOptionResult> {
    quiz.options
        .iter()
        .enumerate()
        .map(|(index, option)| QuizOptionResult {
            index,
            id: option.id.clone(),
            selected: selected.contains(&option.id),
            correct: option.correct,
        })
        .collect()
}

impl LessonRun {
    /// Answers the quiz shown with these option ids. A single-answer quiz takes exactly one
    /// option, a multiple-answer quiz at least one. The quiz may be answered again; the
    /// first answer is kept separately and is the one that counts. The outcome is revealed
    /// (see [`QuizOutcome::revealed`]) after a right answer or a second try; a wrong first
    /// answer is not, so the learner can try again without being told the answer.
    pub fn answer_quiz<'a>(
        &mut self,
        lesson: &Lesson,
        selected: impl IntoIterator<Item = &'a str>,
    ) -> Result<QuizOutcome, EngineError> {
        let scene = self.open_scene(lesson)?;
        let quiz = quiz_of(scene).ok_or(EngineError::WrongSceneKind { expected: "quiz" })?;
        let mut picked = vec![false; quiz.options.len()];
        let mut count = 0;
        for id in selected {
            let index = quiz
                .options
                .iter()
                .position(|o| o.id.as_str() == id)
                .ok_or_else(|| EngineError::UnknownOption { id: id.to_owned() })?;
            if picked[index] {
                return Err(EngineError::DuplicateOption { id: id.to_owned() });
            }
            picked[index] = true;
            count += 1;
        }
        if quiz.multiple && count == 0 {
            return Err(EngineError::SelectionCount {
                expected: "at least one option",
                selected: 0,
            });
        }
        if !quiz.multiple && count != 1 {
            return Err(EngineError::SelectionCount {
                expected: "exactly one option",
                selected: count,
            });
        }

        let selected: Vec<OptionId> = quiz
            .options
            .iter()
            .zip(&picked)
            .filter(|(_, picked)| **picked)
            .map(|(option, _)| option.id.clone())
            .collect();
        let correct = quiz
            .options
            .iter()
            .zip(&picked)
            .all(|(option, &picked)| picked == option.correct);
        let options = option_results(quiz, &selected);
        let answer = QuizAnswer { selected, correct };
        let tries = self.quiz_tries();
        let order = self.order_of(scene, quiz, tries);
        let record = self
            .scenes
            .get_mut(self.current)
            .ok_or(EngineError::UnknownScene { id: String::new() })?;
        let first_attempt = match &mut record.quiz {
            Some(quiz) => {
                quiz.last = answer;
                quiz.attempts = quiz.attempts.saturating_add(1);
                false
            }
            None => {
                record.quiz = Some(QuizRecord {
                    first: answer.clone(),
                    last: answer,
                    attempts: 1,
                });
                true
            }
        };
        Ok(QuizOutcome {
            correct,
            first_attempt,
            revealed: record.quiz_revealed(),
            options,
            order,
        })
    }

    /// How many times the quiz shown was answered.
    fn quiz_tries(&self) -> u32 {
        self.scenes
            .get(self.current)
            .and_then(|r| r.quiz.as_ref())
            .map_or(0, |q| q.attempts)
    }

    /// The order of `quiz`'s options at try `tries` (from 0).
    fn order_of(&self, scene: &Scene, quiz: &Quiz, tries: u32) -> Vec<usize> {
        display_order(
            quiz.order,
            self.seed ^ u64::from(tries),
            scene.id.as_str(),
            quiz.options.len(),
        )
    }

    /// The order to show the options of the quiz shown in for the next answer: `order[k]`
    /// is the index (in the order written) of the option shown k-th. Shuffled unless the
    /// quiz's order is fixed, the same for the same seed and number of tries, another one
    /// on a retry. Empty when no quiz is shown.
    pub fn quiz_order(&self, lesson: &Lesson) -> Vec<usize> {
        match self.current(lesson) {
            Some(scene) => match quiz_of(scene) {
                Some(quiz) => self.order_of(scene, quiz, self.quiz_tries()),
                None => Vec::new(),
            },
            None => Vec::new(),
        }
    }

    /// The last answer to the quiz shown, as after answering it (in the order it was shown
    /// in); `None` when there is nothing to show yet.
    pub fn quiz_outcome(&self, lesson: &Lesson) -> Option<QuizOutcome> {
        let scene = self.current(lesson)?;
        let quiz = quiz_of(scene)?;
        let record = self.scenes.get(self.current)?;
        let saved = record.quiz.as_ref()?;
        let revealed = record.quiz_revealed();
        if saved.attempts == 0 && !revealed {
            return None;
        }
        Some(QuizOutcome {
            correct: saved.last.correct,
            first_attempt: saved.attempts <= 1,
            revealed,
            options: option_results(quiz, &saved.last.selected),
            order: self.order_of(scene, quiz, saved.attempts.saturating_sub(1)),
        })
    }

    /// Reveals the right answer and the explanation of the quiz shown, on the learner's
    /// request. Before any answer this records a first answer that is not right (nothing
    /// selected), so an answer seen on request never counts as right at the first try.
    pub fn reveal_quiz(&mut self, lesson: &Lesson) -> Result<QuizOutcome, EngineError> {
        let scene = self.open_scene(lesson)?;
        quiz_of(scene).ok_or(EngineError::WrongSceneKind { expected: "quiz" })?;
        let record = self
            .scenes
            .get_mut(self.current)
            .ok_or(EngineError::UnknownScene { id: String::new() })?;
        record.answer_requested = true;
        record.quiz.get_or_insert_with(|| {
            let nothing = QuizAnswer {
                selected: Vec::new(),
                correct: false,
            };
            QuizRecord {
                first: nothing.clone(),
                last: nothing,
                attempts: 0,
            }
        });
        self.quiz_outcome(lesson)
            .ok_or(EngineError::UnknownScene { id: String::new() })
    }

    /// The quizzes whose first answer was correct, and the quizzes answered.
    pub fn quiz_score(&self) -> (usize, usize) {
        let answered = self.scenes.iter().filter_map(|r| r.quiz.as_ref());
        let correct = answered.clone().filter(|q| q.first.correct).count();
        (correct, answered.count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::order::Order;
    use crate::engine::testkit::LessonBuilder;

    /// A lesson with a single-answer quiz `q` (b is right) and a multiple-answer quiz `m`
    /// (x and z are right), with their options in `order`.
    fn lesson(order: Order) -> Lesson {
        let mut lesson = LessonBuilder::new("les")
            .quiz(
                "q",
                false,
                [("a", false), ("b", true), ("c", false), ("d", false)],
            )
            .quiz("m", true, [("x", true), ("y", false), ("z", true)])
            .build();
        for scene in &mut lesson.scenes {
            if let SceneBody::Quiz(quiz) = &mut scene.body {
                quiz.order = order;
            }
        }
        lesson
    }

    fn chosen(outcome: &QuizOutcome) -> Vec<&str> {
        outcome
            .options
            .iter()
            .filter(|o| o.selected)
            .map(|o| o.id.as_str())
            .collect()
    }

    #[test]
    fn a_wrong_first_answer_is_not_revealed() {
        let l = lesson(Order::Fixed);
        let mut run = LessonRun::new(&l);
        let first = run.answer_quiz(&l, ["a"]).unwrap();
        assert!(!first.correct && first.first_attempt);
        assert!(
            !first.revealed,
            "a first wrong try must leave the answer hidden"
        );
        assert_eq!(chosen(&first), ["a"]);
        let record = run.record(0).unwrap();
        assert!(!record.quiz_revealed());
        // Shown again (another scene and back, or a resumed run), it is still hidden.
        assert!(!run.quiz_outcome(&l).unwrap().revealed);
    }

    #[test]
    fn the_summary_counts_every_quiz_and_an_answer_shown_on_request_as_not_answered() {
        let l = LessonBuilder::new("les")
            .quiz("q", false, [("a", false), ("b", true)])
            .quiz("r", false, [("a", true), ("b", false)])
            .quiz("m", false, [("x", true), ("y", false)])
            .with_note()
            .build();
        let mut run = LessonRun::new(&l);
        run.answer_quiz(&l, ["b"]).unwrap();
        assert!(run.next(&l));
        run.reveal_quiz(&l).unwrap();
        // The third scene is skipped at its content note.
        assert!(run.next(&l));
        run.skip_scene(&l);
        let summary = run.summary(&l);
        assert_eq!(
            summary,
            crate::engine::LessonSummary {
                scenes: 3,
                seen: 2,
                skipped: 1,
                quizzes: 3,
                right_first: 1,
                unanswered: 2,
            }
        );
    }

    #[test]
    fn a_second_wrong_answer_reveals() {
        let l = lesson(Order::Fixed);
        let mut run = LessonRun::new(&l);
        run.answer_quiz(&l, ["a"]).unwrap();
        let second = run.answer_quiz(&l, ["c"]).unwrap();
        assert!(!second.correct && !second.first_attempt);
        assert!(second.revealed);
        assert!(run.quiz_outcome(&l).unwrap().revealed);
    }

    #[test]
    fn a_right_answer_reveals_at_once() {
        let l = lesson(Order::Fixed);
        let mut run = LessonRun::new(&l);
        let out = run.answer_quiz(&l, ["b"]).unwrap();
        assert!(out.correct && out.revealed && out.first_attempt);
        assert_eq!(run.quiz_score(), (1, 1));
    }

    #[test]
    fn the_answer_is_revealed_on_request_after_a_wrong_try() {
        let l = lesson(Order::Fixed);
        let mut run = LessonRun::new(&l);
        run.answer_quiz(&l, ["a"]).unwrap();
        let shown = run.reveal_quiz(&l).unwrap();
        assert!(shown.revealed && !shown.correct);
        assert_eq!(chosen(&shown), ["a"], "the answer given stays marked");
        let record = run.record(0).unwrap().quiz.clone().unwrap();
        assert_eq!(record.attempts, 1, "revealing is not an answer");
        assert_eq!(run.quiz_score(), (0, 1));
        // A later right answer does not change the first try.
        assert!(run.answer_quiz(&l, ["b"]).unwrap().correct);
        assert_eq!(run.quiz_score(), (0, 1));
    }

    #[test]
    fn an_answer_revealed_before_answering_never_counts_as_right() {
        let l = lesson(Order::Fixed);
        let mut run = LessonRun::new(&l);
        assert!(run.quiz_outcome(&l).is_none());
        let shown = run.reveal_quiz(&l).unwrap();
        assert!(shown.revealed && !shown.correct && shown.nothing_selected());
        assert_eq!(run.quiz_score(), (0, 1), "counted, as not right");
        let answered = run.answer_quiz(&l, ["b"]).unwrap();
        assert!(answered.correct && !answered.first_attempt);
        assert_eq!(run.quiz_score(), (0, 1));
        let record = run.record(0).unwrap().quiz.clone().unwrap();
        assert!(!record.first.correct && record.first.selected.is_empty());
        assert_eq!(record.attempts, 1);
    }

    #[test]
    fn revealing_is_refused_off_a_quiz_and_kept_in_saved_state() {
        let l = LessonBuilder::new("les")
            .text("intro")
            .quiz("q", false, [("a", true)])
            .build();
        let mut run = LessonRun::new(&l);
        assert_eq!(
            run.reveal_quiz(&l).unwrap_err(),
            EngineError::WrongSceneKind { expected: "quiz" }
        );
        run.next(&l);
        run.reveal_quiz(&l).unwrap();
        let json = serde_json::to_string(&run.state(&l)).unwrap();
        let back = LessonRun::restore(&l, &serde_json::from_str(&json).unwrap());
        assert_eq!(back, run);
        assert!(back.quiz_outcome(&l).unwrap().revealed);
        // An old saved state without the field still loads.
        let old = r#"{"lesson":"les","current":"q","scenes":{"q":{"status":"seen"}}}"#;
        let old: LessonState = serde_json::from_str(old).unwrap();
        assert!(
            !LessonRun::restore(&l, &old)
                .record(1)
                .unwrap()
                .answer_requested
        );
    }

    #[test]
    fn the_first_try_is_recorded_and_counts() {
        let l = lesson(Order::Shuffled);
        let mut run = LessonRun::new(&l);
        run.answer_quiz(&l, ["a"]).unwrap();
        run.answer_quiz(&l, ["b"]).unwrap();
        run.next(&l);
        run.answer_quiz(&l, ["x", "z"]).unwrap();
        let q = run.record(0).unwrap().quiz.clone().unwrap();
        assert_eq!(q.first.selected, [OptionId::from("a")]);
        assert!(!q.first.correct && q.last.correct);
        assert_eq!(run.quiz_score(), (1, 2));
    }

    #[test]
    fn the_order_is_stable_for_the_same_seed_and_tries_and_changes_on_a_retry() {
        let l = lesson(Order::Shuffled);
        let run = LessonRun::new(&l);
        let order = run.quiz_order(&l);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, [0, 1, 2, 3], "a permutation of the options");
        assert_eq!(
            LessonRun::new(&l).quiz_order(&l),
            order,
            "same seed, same order"
        );
        assert_eq!(run.seed(), attempt_seed("les", 0));

        // Each try has its own order; the outcome keeps the order the answer was given in.
        let mut orders = vec![order.clone()];
        let mut run = run;
        for tries in 1..6 {
            let shown = run.quiz_order(&l);
            let out = run.answer_quiz(&l, ["a"]).unwrap();
            assert_eq!(out.order, shown, "try {tries}");
            orders.push(run.quiz_order(&l));
        }
        assert_ne!(orders[0], orders[1], "the first retry reshuffles");
        assert!(orders.windows(2).any(|w| w[0] != w[1]));

        // Another seed gives another order somewhere.
        let other = |seed| {
            let mut run = LessonRun::new(&l).with_seed(seed);
            let mut all = vec![run.quiz_order(&l)];
            run.next(&l);
            all.push(run.quiz_order(&l));
            all
        };
        assert_eq!(other(7), other(7));
        assert!((8..20).any(|seed| other(seed) != other(7)));
    }

    #[test]
    fn a_restored_run_shows_the_same_order() {
        let l = lesson(Order::Shuffled);
        let mut run = LessonRun::new(&l).with_seed(99);
        let first_order = run.quiz_order(&l);
        run.answer_quiz(&l, ["c"]).unwrap();
        let json = serde_json::to_string(&run.state(&l)).unwrap();
        let mut back = LessonRun::restore(&l, &serde_json::from_str(&json).unwrap());
        back.set_seed(run.seed());
        assert_eq!(back.quiz_order(&l), run.quiz_order(&l));
        let shown = back.quiz_outcome(&l).unwrap();
        assert_eq!(
            shown.order, first_order,
            "the answer in the order it was given in"
        );
        let shown_order: Vec<usize> = shown.shown().map(|o| o.index).collect();
        assert_eq!(shown_order, first_order);
    }

    #[test]
    fn a_fixed_order_is_kept_on_every_try() {
        let l = lesson(Order::Fixed);
        let mut run = LessonRun::new(&l).with_seed(12345);
        for _ in 0..4 {
            assert_eq!(run.quiz_order(&l), [0, 1, 2, 3]);
            run.answer_quiz(&l, ["a"]).unwrap();
        }
        run.next(&l);
        assert_eq!(run.quiz_order(&l), [0, 1, 2]);
    }

    #[test]
    fn no_order_off_a_quiz() {
        let l = LessonBuilder::new("les").text("intro").build();
        assert!(LessonRun::new(&l).quiz_order(&l).is_empty());
        assert!(LessonRun::new(&l).quiz_outcome(&l).is_none());
    }
}
