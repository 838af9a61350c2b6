//! The live sender's background thread: per trainee, the history handed over so far; per
//! hand-over, the statements of only what changed, queued in the outbox (kept between
//! hand-overs) and delivered.

use super::{History, Shared, lock};
use crate::course::checked::Course;
use crate::course::ids::ItemId;
use crate::progress::{Change, ItemProgress, ItemStatus, Progress};
use crate::xapi::client::{Poster, Retry};
use crate::xapi::lrs::LrsError;
use crate::xapi::outbox::{KeptOutbox, Outbox};
use crate::xapi::send::{DEFAULT_BATCH, Delivery, deliver};
use crate::xapi::statements::Maker;
use crate::xapi::{XapiError, XapiOptions, statements};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::Receiver;

/// The background thread's state.
pub(super) struct Worker {
    shared: Arc<Shared>,
    data_dir: PathBuf,
    poster: Box<dyn Poster + Send>,
    options: XapiOptions,
    /// Each trainee's history as handed over so far.
    histories: BTreeMap<String, Progress>,
    /// The outbox as the last delivery left it: taken up again without reading its files
    /// when nobody else changed them. `None` before the first delivery, and after one
    /// that failed to write it (then it is read again).
    outbox: Option<KeptOutbox>,
}

impl Worker {
    /// A worker making statements with `options`, queued in the outbox of `data_dir`,
    /// posted through `poster`.
    pub(super) fn new(
        shared: Arc<Shared>,
        data_dir: PathBuf,
        poster: Box<dyn Poster + Send>,
        options: XapiOptions,
    ) -> Self {
        Self {
            shared,
            data_dir,
            poster,
            options,
            histories: BTreeMap::new(),
            outbox: None,
        }
    }

    /// Takes up what waits at every wake-up, until the sender closes and nothing waits.
    pub(super) fn run(mut self, woken: &Receiver<()>) {
        loop {
            let woke = woken.recv();
            let jobs = std::mem::take(&mut *lock(&self.shared.waiting));
            for (actor, job) in jobs {
                lock(&self.shared.counts).jobs += 1;
                // The options were checked before the course started; a history the course
                // cannot make statements of is left to `kruispunt xapi send`, which says why.
                if let Ok(Some(made)) = self.take_up(&actor, &job.course, job.history) {
                    self.deliver(made);
                }
                lock(&self.shared.counts).done += 1;
            }
            let closing = self.shared.closing.load(Ordering::SeqCst);
            if woke.is_err() || (closing && lock(&self.shared.waiting).is_empty()) {
                return;
            }
        }
    }

    /// Adds `history` to what the worker has of `actor`, and makes the statements of what
    /// it added: all of them for a whole history, those of the changed parts for changes.
    /// `None` for changes without a history they continue (they always follow one).
    fn take_up(
        &mut self,
        actor: &str,
        course: &Course,
        history: History,
    ) -> Result<Option<Vec<Value>>, XapiError> {
        match history {
            History::Whole(progress) => {
                // Once per session: a copy, as open quizzes are left out of it.
                let mut copy = progress.clone();
                for item in copy.items.values_mut() {
                    without_open_quiz(item);
                }
                // Kept first: the changes that follow continue it, whatever is made of it.
                self.histories.insert(actor.to_owned(), progress);
                statements(course, &copy, actor, &self.options).map(Some)
            }
            History::Changes(changes) => {
                let Some(progress) = self.histories.get_mut(actor) else {
                    return Ok(None);
                };
                let changed = apply(progress, &changes);
                changed
                    .statements(course, progress, actor, &self.options)
                    .map(Some)
            }
        }
    }

    /// Queues `made` in the outbox (those the LRS does not have yet), and delivers the
    /// outbox once.
    fn deliver(&mut self, made: Vec<Value>) {
        let opened = match self.outbox.take() {
            Some(kept) => Outbox::reopen(kept),
            None => Outbox::open(&self.data_dir),
        };
        let delivered = match opened {
            Ok(mut outbox) => {
                let delivered = self.enqueue_and_deliver(&mut outbox, made);
                // After a failed write, what the outbox holds may differ from its files: it
                // is read again next time.
                if delivered != Err(Failure::Store) {
                    self.outbox = Some(outbox.keep());
                }
                delivered
            }
            Err(_) => Err(Failure::Store),
        };
        let mut counts = lock(&self.shared.counts);
        match delivered {
            Ok(None) => {}
            Ok(Some(delivery)) => {
                counts.sent += delivery.sent;
                counts.already += delivery.already;
                counts.refused += delivery.refused.len();
                self.shared.failing.store(false, Ordering::SeqCst);
            }
            Err(_) => {
                counts.failures += 1;
                if !self.shared.failing.swap(true, Ordering::SeqCst) {
                    self.shared.notice.store(true, Ordering::SeqCst);
                }
            }
        }
    }

    /// Queues `made` in `outbox` and, when anything waits, delivers it with a single try
    /// per batch: no back-off here, the next save tries again.
    fn enqueue_and_deliver(
        &mut self,
        outbox: &mut Outbox,
        made: Vec<Value>,
    ) -> Result<Option<Delivery>, Failure> {
        outbox.enqueue(made).map_err(|_| Failure::Store)?;
        if outbox.pending().is_empty() {
            return Ok(None);
        }
        let once = Retry {
            attempts: 1,
            ..Retry::default()
        };
        deliver(
            outbox,
            self.poster.as_mut(),
            DEFAULT_BATCH,
            &once,
            &mut |_| {},
        )
        .map(Some)
        .map_err(|(_, error)| match error {
            LrsError::Store(_) => Failure::Store,
            _ => Failure::Delivery,
        })
    }
}

/// Why a delivery did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// The outbox could not be written.
    Store,
    /// The LRS was not reached, or did not take the statements.
    Delivery,
}

/// The parts of a history that changes set, whose statements are made again.
#[derive(Debug, Default)]
struct Changed {
    /// Lessons: all of a lesson's statements (bounded by the lesson).
    lessons: BTreeSet<ItemId>,
    /// Scenarios: the statements of the attempts from this index on.
    attempts: BTreeMap<ItemId, usize>,
}

/// Applies `changes` to `progress`, and says which parts they set.
fn apply(progress: &mut Progress, changes: &[Change]) -> Changed {
    let mut changed = Changed::default();
    for change in changes {
        // Before the change: a new attempt ends the one before it (its `terminated`).
        let first = match change {
            Change::Attempt { item, index, .. } => {
                let recorded = progress.items.get(item).map_or(0, |i| i.attempts.len());
                Some(if *index >= recorded {
                    index.saturating_sub(1)
                } else {
                    *index
                })
            }
            Change::Settings { .. } | Change::Lesson { .. } => None,
        };
        // A change that does not fit changes nothing (`xapi send` makes its statements).
        if change.apply(progress).is_err() {
            continue;
        }
        match (change, first) {
            (Change::Lesson { item, .. }, _) => {
                changed.lessons.insert(item.clone());
            }
            (Change::Attempt { item, .. }, Some(first)) => {
                changed
                    .attempts
                    .entry(item.clone())
                    .and_modify(|from| *from = (*from).min(first))
                    .or_insert(first);
            }
            // The settings change only the language of statements made from now on; the
            // ids, and so what the LRS gets, stay the same.
            _ => {}
        }
    }
    changed
}

impl Changed {
    /// The statements of the changed parts of `progress`, made as [`statements`] makes
    /// them (the same ids).
    fn statements(
        &self,
        course: &Course,
        progress: &Progress,
        actor: &str,
        options: &XapiOptions,
    ) -> Result<Vec<Value>, XapiError> {
        let maker = Maker::new(course, progress, actor, options)?;
        let mut made = Vec::new();
        for id in &self.lessons {
            if let Some(saved) = progress.items.get(id) {
                let mut lesson = saved.clone();
                without_open_quiz(&mut lesson);
                maker.item(id, &lesson, 0..0, &mut made);
            }
        }
        for (id, &first) in &self.attempts {
            if let Some(saved) = progress.items.get(id) {
                maker.item(id, saved, first..saved.attempts.len(), &mut made);
            }
        }
        Ok(made)
    }
}

/// Leaves out the answer of a quiz the learner is still on, in a lesson not finished: they
/// may try it again, and its statement counts the tries. Its id does not change with the
/// count, so a statement sent now would keep the first count for good; it is sent once the
/// learner has moved on (or by `kruispunt xapi send`).
fn without_open_quiz(item: &mut ItemProgress) {
    if item.status == ItemStatus::Completed {
        return;
    }
    let lesson = &mut item.lesson;
    if let Some(scene) = lesson
        .current_scene
        .as_ref()
        .and_then(|current| lesson.scenes.get_mut(current))
    {
        scene.quiz = None;
    }
}
