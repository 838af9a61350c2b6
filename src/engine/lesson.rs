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

mod quiz;
pub use quiz::{QuizOptionResult, QuizOutcome};

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

/// The counts at the end of a lesson, from [`LessonRun::summary`]: `seen + skipped` is at
/// most `scenes` (the rest were not reached), `right_first + unanswered` at most `quizzes`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LessonSummary {
    /// The lesson's scenes.
    pub scenes: usize,
    /// The scenes whose content was shown.
    pub seen: usize,
    /// The scenes skipped at their content note.
    pub skipped: usize,
    /// The lesson's quizzes.
    pub quizzes: usize,
    /// The quizzes whose first answer was right.
    pub right_first: usize,
    /// The quizzes never answered.
    pub unanswered: usize,
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

    /// What the end of the lesson says: scenes seen, skipped and not reached out of all
    /// of them, and the quizzes right at the first try out of all of the lesson's
    /// quizzes, with those not answered (passed by, skipped, or only shown on request).
    pub fn summary(&self, lesson: &Lesson) -> LessonSummary {
        let mut summary = LessonSummary {
            scenes: self.scenes.len(),
            ..LessonSummary::default()
        };
        for (scene, record) in lesson.scenes.iter().zip(&self.scenes) {
            match record.status {
                SceneStatus::Seen => summary.seen += 1,
                SceneStatus::Skipped => summary.skipped += 1,
                SceneStatus::NotSeen => {}
            }
            if quiz_of(scene).is_some() {
                summary.quizzes += 1;
                match record.quiz.as_ref().filter(|q| q.attempts > 0) {
                    Some(quiz) if quiz.first.correct => summary.right_first += 1,
                    Some(_) => {}
                    None => summary.unanswered += 1,
                }
            }
        }
        summary
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
