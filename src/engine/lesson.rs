//! Going through a lesson: which scene is shown, content notes, quiz answers, glossary
//! cards, reflections and checklist ticks.
//!
//! Saved state ([`LessonState`]) is keyed by scene, option and entry ids, never positions, so
//! a lesson whose scenes or options were reordered still gets its answers back; ids that no
//! longer exist are dropped when restoring.
//!
//! Quizzes test again on a retry: a wrong first answer shows only the feedback of the options
//! picked; the right answer and the explanation are revealed after a right answer, after a
//! second try, or on request ([`LessonRun::reveal_quiz`]). The options are shown in an order
//! shuffled per try ([`LessonRun::quiz_order`]), a pure function of the run's seed and the
//! number of tries, so a resumed run shows the same order.

use super::EngineError;
use crate::course::checked::{Lesson, Scene, SceneBody};
use crate::course::ids::{ItemId, OptionId, SceneId};
use crate::course::model::{Checklist, Glossary, Quiz};
use crate::course::order::{attempt_seed, display_order};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Whether the learner has seen a scene.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SceneStatus {
    /// Not reached yet, or only its content note was shown.
    #[default]
    NotSeen,
    /// Its content was shown.
    Seen,
    /// The learner skipped it at its content note (and has not viewed it since).
    Skipped,
}

/// One answer to a quiz, by option ids in the quiz's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizAnswer {
    /// The options selected.
    pub selected: Vec<OptionId>,
    /// Whether exactly the correct options were selected.
    pub correct: bool,
}

/// The answers given to one quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizRecord {
    /// The first answer: the one that counts.
    pub first: QuizAnswer,
    /// The latest answer (the same as `first` after one attempt).
    pub last: QuizAnswer,
    /// How many times the quiz was answered (0 when the answer was revealed on request
    /// before any answer: `first` is then an empty answer that is not right).
    pub attempts: u32,
}

/// What the learner did on one scene; saved as part of [`LessonState`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SceneRecord {
    /// Seen, skipped or not seen.
    #[serde(default)]
    pub status: SceneStatus,
    /// Whether the content note was accepted (it is then not shown again).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub note_accepted: bool,
    /// The quiz answers, for a quiz scene.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<QuizRecord>,
    /// The glossary card shown, from 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub card: usize,
    /// Whether the glossary card shows its back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub card_flipped: bool,
    /// The learner's reflection, for a reflection scene.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflection: Option<String>,
    /// The checklist entries ticked, in the checklist's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checked: Vec<OptionId>,
    /// The learner asked to see the quiz's right answer (see [`LessonRun::reveal_quiz`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub answer_requested: bool,
}

impl SceneRecord {
    /// Whether the quiz's right answer and explanation are shown: after a right answer,
    /// after a second try, or on request.
    pub fn quiz_revealed(&self) -> bool {
        self.answer_requested
            || self
                .quiz
                .as_ref()
                .is_some_and(|q| q.last.correct || q.attempts >= 2)
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A lesson run saved by ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonState {
    /// The lesson's id.
    pub lesson: ItemId,
    /// The scene shown (absent for a lesson without scenes).
    pub current: Option<SceneId>,
    /// What was done per scene.
    pub scenes: BTreeMap<SceneId, SceneRecord>,
}

/// Where the learner is: "scene 3 of 8" is `index` 2 and `total` 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScenePosition {
    /// The scene's position, from 0.
    pub index: usize,
    /// How many scenes the lesson has.
    pub total: usize,
}

impl ScenePosition {
    /// The scene's number, from 1, as shown to the learner.
    pub fn number(&self) -> usize {
        self.index + 1
    }
}

/// The glossary card shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardView {
    /// The card's position, from 0.
    pub index: usize,
    /// How many cards there are.
    pub total: usize,
    /// Whether the back (the definition) is shown.
    pub flipped: bool,
}

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

/// Going through one lesson. Always pass the same lesson to its methods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonRun {
    current: usize,
    /// One record per scene, in the lesson's order.
    scenes: Vec<SceneRecord>,
    /// Seeds the order of quiz options, mixed with the number of tries per quiz.
    seed: u64,
}

fn quiz_of(scene: &Scene) -> Option<&Quiz> {
    match &scene.body {
        SceneBody::Quiz(quiz) => Some(quiz),
        _ => None,
    }
}

fn glossary_of(scene: &Scene) -> Option<&Glossary> {
    match &scene.body {
        SceneBody::Glossary(glossary) => Some(glossary),
        _ => None,
    }
}

/// The seed of a lesson run unless one is set: the lesson's first attempt.
fn default_seed(lesson: &Lesson) -> u64 {
    attempt_seed(lesson.id.as_str(), 0)
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

fn checklist_of(scene: &Scene) -> Option<&Checklist> {
    match &scene.body {
        SceneBody::Checklist(checklist) => Some(checklist),
        _ => None,
    }
}

impl LessonRun {
    /// Starts at the first scene.
    pub fn new(lesson: &Lesson) -> Self {
        let mut run = Self {
            current: 0,
            scenes: vec![SceneRecord::default(); lesson.scenes.len()],
            seed: default_seed(lesson),
        };
        run.enter(lesson, 0);
        run
    }

    /// The same run with another seed for the order of quiz options, e.g.
    /// `attempt_seed(lesson_id, n)` for the lesson's n-th attempt.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Sets the seed for the order of quiz options (see [`LessonRun::with_seed`]).
    pub fn set_seed(&mut self, seed: u64) {
        self.seed = seed;
    }

    /// The seed for the order of quiz options; by default `attempt_seed(lesson_id, 0)`.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Shows scene `index`; its content counts as seen unless its content note is pending.
    fn enter(&mut self, lesson: &Lesson, index: usize) {
        self.current = index;
        if !self.content_note_pending(lesson)
            && let Some(record) = self.scenes.get_mut(index)
        {
            record.status = SceneStatus::Seen;
        }
    }

    /// The scene shown.
    pub fn current<'l>(&self, lesson: &'l Lesson) -> Option<&'l Scene> {
        lesson.scenes.get(self.current)
    }

    /// The position of the scene shown.
    pub fn position(&self) -> ScenePosition {
        ScenePosition {
            index: self.current,
            total: self.scenes.len(),
        }
    }

    /// What was done on the scene at `index`.
    pub fn record(&self, index: usize) -> Option<&SceneRecord> {
        self.scenes.get(index)
    }

    /// What was done on the scene with this id.
    pub fn record_of(&self, lesson: &Lesson, scene: &str) -> Option<&SceneRecord> {
        self.scenes.get(scene_index(lesson, scene)?)
    }

    /// Whether the last scene was reached (seen or skipped). A lesson without scenes is
    /// finished.
    pub fn is_finished(&self) -> bool {
        self.scenes
            .last()
            .is_none_or(|r| r.status != SceneStatus::NotSeen)
    }

    /// How many scenes were seen or skipped, out of how many.
    pub fn scenes_done(&self) -> (usize, usize) {
        let done = self
            .scenes
            .iter()
            .filter(|r| r.status != SceneStatus::NotSeen)
            .count();
        (done, self.scenes.len())
    }

    /// The ids of the scenes skipped (and not viewed since), in lesson order.
    pub fn skipped<'l>(&self, lesson: &'l Lesson) -> Vec<&'l SceneId> {
        lesson
            .scenes
            .iter()
            .zip(&self.scenes)
            .filter(|(_, r)| r.status == SceneStatus::Skipped)
            .map(|(s, _)| &s.id)
            .collect()
    }

    /// Whether the scene shown has a content note the learner has not accepted yet; the
    /// screen then shows the note, with the choice to continue or skip.
    pub fn content_note_pending(&self, lesson: &Lesson) -> bool {
        let has_note = self
            .current(lesson)
            .is_some_and(|s| s.content_note.is_some());
        has_note
            && !self
                .scenes
                .get(self.current)
                .is_some_and(|r| r.note_accepted)
    }

    /// Accepts the content note: the scene's content is shown.
    pub fn accept_content_note(&mut self, lesson: &Lesson) {
        if let Some(record) = self.scenes.get_mut(self.current) {
            record.note_accepted = true;
        }
        self.enter(lesson, self.current);
    }

    /// Skips the scene shown: records it as skipped (unless it was seen before) and moves
    /// on to the next scene, if any.
    pub fn skip_scene(&mut self, lesson: &Lesson) {
        if let Some(record) = self.scenes.get_mut(self.current)
            && record.status != SceneStatus::Seen
        {
            record.status = SceneStatus::Skipped;
        }
        if self.current + 1 < self.scenes.len() {
            self.enter(lesson, self.current + 1);
        }
    }

    /// Moves to the next scene; returns whether it moved. Moving on from a pending
    /// content note skips the scene.
    pub fn next(&mut self, lesson: &Lesson) -> bool {
        if self.current + 1 >= self.scenes.len() {
            return false;
        }
        if self.content_note_pending(lesson) {
            self.skip_scene(lesson);
        } else {
            self.enter(lesson, self.current + 1);
        }
        true
    }

    /// Moves to the previous scene; returns whether it moved.
    pub fn previous(&mut self, lesson: &Lesson) -> bool {
        match self.current.checked_sub(1) {
            Some(index) => {
                self.enter(lesson, index);
                true
            }
            None => false,
        }
    }

    /// Moves to the scene with this id.
    pub fn go_to(&mut self, lesson: &Lesson, scene: &str) -> Result<(), EngineError> {
        let index = scene_index(lesson, scene).ok_or_else(|| EngineError::UnknownScene {
            id: scene.to_owned(),
        })?;
        self.enter(lesson, index);
        Ok(())
    }

    /// The scene shown, if its content may be used now.
    fn open_scene<'l>(&self, lesson: &'l Lesson) -> Result<&'l Scene, EngineError> {
        if self.content_note_pending(lesson) {
            return Err(EngineError::ContentNotePending);
        }
        self.current(lesson)
            .ok_or(EngineError::UnknownScene { id: String::new() })
    }

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

    /// The glossary card shown, on a glossary scene.
    pub fn card(&self, lesson: &Lesson) -> Option<CardView> {
        let glossary = glossary_of(self.current(lesson)?)?;
        let record = self.scenes.get(self.current)?;
        Some(CardView {
            index: record.card,
            total: glossary.cards.len(),
            flipped: record.card_flipped,
        })
    }

    fn glossary_record(
        &mut self,
        lesson: &Lesson,
    ) -> Result<(usize, &mut SceneRecord), EngineError> {
        let scene = self.open_scene(lesson)?;
        let glossary = glossary_of(scene).ok_or(EngineError::WrongSceneKind {
            expected: "glossary",
        })?;
        let total = glossary.cards.len();
        let record = self
            .scenes
            .get_mut(self.current)
            .ok_or(EngineError::UnknownScene { id: String::new() })?;
        Ok((total, record))
    }

    /// Turns the glossary card shown over; returns whether its back is shown now.
    pub fn flip_card(&mut self, lesson: &Lesson) -> Result<bool, EngineError> {
        let (_, record) = self.glossary_record(lesson)?;
        record.card_flipped = !record.card_flipped;
        Ok(record.card_flipped)
    }

    /// Shows the next glossary card, front up; returns whether there was one.
    pub fn next_card(&mut self, lesson: &Lesson) -> Result<bool, EngineError> {
        let (total, record) = self.glossary_record(lesson)?;
        if record.card + 1 >= total {
            return Ok(false);
        }
        record.card += 1;
        record.card_flipped = false;
        Ok(true)
    }

    /// Shows the previous glossary card, front up; returns whether there was one.
    pub fn previous_card(&mut self, lesson: &Lesson) -> Result<bool, EngineError> {
        let (_, record) = self.glossary_record(lesson)?;
        if record.card == 0 {
            return Ok(false);
        }
        record.card -= 1;
        record.card_flipped = false;
        Ok(true)
    }

    /// Keeps the learner's reflection for a reflection scene; an empty text clears it.
    pub fn set_reflection(
        &mut self,
        lesson: &Lesson,
        scene: &str,
        text: String,
    ) -> Result<(), EngineError> {
        let index = scene_index(lesson, scene).ok_or_else(|| EngineError::UnknownScene {
            id: scene.to_owned(),
        })?;
        let is_reflection = lesson
            .scenes
            .get(index)
            .is_some_and(|s| matches!(s.body, SceneBody::Reflection(_)));
        if !is_reflection {
            return Err(EngineError::WrongSceneKind {
                expected: "reflection",
            });
        }
        if let Some(record) = self.scenes.get_mut(index) {
            record.reflection = (!text.is_empty()).then_some(text);
        }
        Ok(())
    }

    /// The learner's reflection on the scene with this id.
    pub fn reflection(&self, lesson: &Lesson, scene: &str) -> Option<&str> {
        self.record_of(lesson, scene)?.reflection.as_deref()
    }

    /// Ticks or unticks an entry of the checklist shown; returns whether it is ticked now.
    pub fn toggle_check(&mut self, lesson: &Lesson, entry: &str) -> Result<bool, EngineError> {
        let scene = self.open_scene(lesson)?;
        let checklist = checklist_of(scene).ok_or(EngineError::WrongSceneKind {
            expected: "checklist",
        })?;
        if !checklist.entries.iter().any(|e| e.id.as_str() == entry) {
            return Err(EngineError::UnknownOption {
                id: entry.to_owned(),
            });
        }
        let record = self
            .scenes
            .get_mut(self.current)
            .ok_or(EngineError::UnknownScene { id: String::new() })?;
        let was_ticked = record.checked.iter().any(|id| id.as_str() == entry);
        // Rebuilt in checklist order so saved state reads in the order shown.
        record.checked = checklist
            .entries
            .iter()
            .filter(|e| {
                let ticked_before = record.checked.contains(&e.id);
                if e.id.as_str() == entry {
                    !was_ticked
                } else {
                    ticked_before
                }
            })
            .map(|e| e.id.clone())
            .collect();
        Ok(!was_ticked)
    }

    /// Whether an entry of the checklist scene `scene` is ticked.
    pub fn is_checked(&self, lesson: &Lesson, scene: &str, entry: &str) -> bool {
        self.record_of(lesson, scene)
            .is_some_and(|r| r.checked.iter().any(|id| id.as_str() == entry))
    }

    /// The run by ids, to save it.
    pub fn state(&self, lesson: &Lesson) -> LessonState {
        LessonState {
            lesson: lesson.id.clone(),
            current: self.current(lesson).map(|s| s.id.clone()),
            scenes: lesson
                .scenes
                .iter()
                .zip(&self.scenes)
                .map(|(scene, record)| (scene.id.clone(), record.clone()))
                .collect(),
        }
    }

    /// Resumes a saved run. Scenes, options and entries that no longer exist are ignored,
    /// as is anything that no longer fits the scene's kind; a state saved for another lesson
    /// gives a fresh run.
    pub fn restore(lesson: &Lesson, saved: &LessonState) -> Self {
        if saved.lesson != lesson.id {
            return Self::new(lesson);
        }
        let scenes = lesson
            .scenes
            .iter()
            .map(|scene| {
                saved
                    .scenes
                    .get(&scene.id)
                    .map(|record| fit_record(scene, record))
                    .unwrap_or_default()
            })
            .collect();
        let current = saved
            .current
            .as_ref()
            .and_then(|id| scene_index(lesson, id.as_str()))
            .unwrap_or(0);
        let mut run = Self {
            current,
            scenes,
            seed: default_seed(lesson),
        };
        run.enter(lesson, current);
        run
    }
}

fn scene_index(lesson: &Lesson, scene: &str) -> Option<usize> {
    lesson.scenes.iter().position(|s| s.id.as_str() == scene)
}

/// A saved record cut down to what `scene` still has.
fn fit_record(scene: &Scene, saved: &SceneRecord) -> SceneRecord {
    let mut record = SceneRecord {
        status: saved.status,
        note_accepted: saved.note_accepted,
        ..SceneRecord::default()
    };
    if matches!(scene.body, SceneBody::Quiz(_)) {
        record.answer_requested = saved.answer_requested;
    }
    match &scene.body {
        SceneBody::Quiz(quiz) => {
            let exists = |id: &OptionId| quiz.options.iter().any(|o| &o.id == id);
            let fit = |answer: &QuizAnswer| QuizAnswer {
                selected: answer
                    .selected
                    .iter()
                    .filter(|id| exists(id))
                    .cloned()
                    .collect(),
                correct: answer.correct,
            };
            record.quiz = saved.quiz.as_ref().map(|q| QuizRecord {
                first: fit(&q.first),
                last: fit(&q.last),
                attempts: q.attempts,
            });
        }
        SceneBody::Glossary(glossary) => {
            if saved.card < glossary.cards.len() {
                record.card = saved.card;
                record.card_flipped = saved.card_flipped;
            }
        }
        SceneBody::Reflection(_) => record.reflection = saved.reflection.clone(),
        SceneBody::Checklist(checklist) => {
            record.checked = checklist
                .entries
                .iter()
                .filter(|e| saved.checked.contains(&e.id))
                .map(|e| e.id.clone())
                .collect();
        }
        SceneBody::Text(_) | SceneBody::Testimony(_) | SceneBody::KeyPoints(_) => {}
    }
    record
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
