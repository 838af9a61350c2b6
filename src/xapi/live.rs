//! Live sending (`kruispunt --lrs`, `kruispunt serve --lrs`): statements made and sent in
//! the background while the course runs, so the trainee's screen never waits for the
//! network.
//!
//! ```text
//!  Session ──save──► LiveRecords::on_saved ──(what the save wrote, by actor)──► waiting
//!                                                  │ wake (bounded, never blocks)
//!                                                  ▼
//!     worker thread: history += changes ─► statements of what changed ─► outbox (kept)
//!                                                  ─► one POST per batch ─► ledger
//! ```
//!
//! A save costs the same however long the history is, on both threads:
//!
//! - The first save of a session hands the worker the trainee's whole history (once per
//!   session); each later save only the [`Change`]s it wrote, the ones the progress
//!   journal gets: the settings, a lesson's state, or one scenario attempt with only its
//!   new choices. Earlier attempts are never copied. What is handed over while the worker
//!   is busy is merged into what waits for it, never queued behind it.
//! - The worker keeps each trainee's history, applies the changes to it, and makes the
//!   statements of only the parts they set (`statements::Maker::item`, the code
//!   [`super::statements`] makes an export with, so the ids agree): a lesson's, or the
//!   changed attempts' (and the attempt before a new one, which the new one ends). A whole
//!   history gets all of its statements. A new language applies to statements made from
//!   then on; ids never depend on it.
//! - The wake-up channel holds one signal. When it is full a signal is pending already,
//!   and the hand-over is dropped rather than waited for.
//! - The worker puts the statements the LRS does not have yet in the outbox (`<data>/xapi/`,
//!   shared with `kruispunt xapi send`), appending them, then delivers the outbox with a
//!   single try per batch: no back-off here, the next save tries again. It keeps the outbox
//!   it read between deliveries, unlocked so a `send` can run, and reads it again only when
//!   its files changed meanwhile ([`super::outbox::Outbox::reopen`]).
//! - A failed delivery leaves the statements in the outbox, and raises one notice per
//!   streak of failures ([`LiveLink::take_notice`]); a delivery that succeeds ends it.
//! - [`LiveSender::finish`] gives the worker a bounded time for what is in flight. A
//!   worker still waiting for an unreachable LRS then is left to end with the process:
//!   its statements are in the outbox already, and the progress file has everything.

use super::XapiOptions;
use super::client::Poster;
use crate::course::checked::Course;
use crate::progress::{Change, Progress, push_change};
use crate::session::{Event, Subscriber, World};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

/// The message id of the notice shown when statements could not be sent.
pub const NOTICE: &str = "xapi-live-failed";

/// How long the course waits at exit for the worker to finish what is in flight.
pub const EXIT_GRACE: Duration = Duration::from_secs(2);

/// How long the live sender waits for a connection to the LRS.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);

/// How long one live request may take, connection included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// What the live sender did so far, for tests and a summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LiveCounts {
    /// Histories the worker took up.
    pub jobs: usize,
    /// Histories the worker is done with: their statements queued, and delivered or not.
    pub done: usize,
    /// Statements the LRS stored.
    pub sent: usize,
    /// Statements the LRS had already.
    pub already: usize,
    /// Statements the LRS refused (reported by `kruispunt xapi send`).
    pub refused: usize,
    /// Deliveries that failed: the statements wait in the outbox.
    pub failures: usize,
}

/// What a save hands over of one trainee's history.
#[derive(Debug)]
enum History {
    /// All of it (the first save of a session).
    Whole(Progress),
    /// What the saves wrote since the last hand-over: each change sets one lesson, one
    /// scenario attempt (with only its new choices) or the settings, so this is as long as
    /// the steps taken, never as the history.
    Changes(Vec<Change>),
}

/// One trainee's history, or what changed in it, waiting for the worker.
#[derive(Debug)]
struct Job {
    course: Arc<Course>,
    history: History,
}

impl Job {
    /// Adds `newer` to what waits: a whole history replaces everything, changes are
    /// applied to a whole history that waits, or added to the changes that wait (merged
    /// where they set the same part).
    fn merge(&mut self, newer: Job) {
        self.course = newer.course;
        match (&mut self.history, newer.history) {
            (_, whole @ History::Whole(_)) => self.history = whole,
            (History::Whole(progress), History::Changes(changes)) => {
                for change in &changes {
                    // A change that does not fit changes nothing; `xapi send` makes its
                    // statements from the progress file.
                    let _ = change.apply(progress);
                }
            }
            (History::Changes(waiting), History::Changes(changes)) => {
                for change in changes {
                    push_change(waiting, change);
                }
            }
        }
    }
}

/// What the front ends and the worker share.
#[derive(Debug, Default)]
struct Shared {
    /// Per actor, what was handed over and not taken up yet (merged).
    waiting: Mutex<BTreeMap<String, Job>>,
    /// The course is ending: the worker stops once nothing waits.
    closing: AtomicBool,
    /// The last delivery failed (a streak of failures is under way).
    failing: AtomicBool,
    /// A notice is due: a streak of failures began and nobody was told yet.
    notice: AtomicBool,
    counts: Mutex<LiveCounts>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Every change leaves the value whole, so a poisoned lock is still usable.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A handle on the live sender for the sessions: hands histories over, says when a notice
/// is due. Cheap to clone; never blocks.
#[derive(Debug, Clone)]
pub struct LiveLink {
    shared: Arc<Shared>,
    wake: SyncSender<()>,
}

impl LiveLink {
    /// Hands `progress`, the whole history of `actor` in `course`, to the worker. Returns
    /// at once: whatever of the same actor still waits is replaced.
    pub fn submit(&self, actor: &str, course: Arc<Course>, progress: Progress) {
        self.hand_over(
            actor,
            Job {
                course,
                history: History::Whole(progress),
            },
        );
    }

    /// Hands `changes`, what the saves of `actor`'s session wrote since the last hand-over,
    /// to the worker, which has the history they continue. Returns at once.
    pub fn submit_changes(&self, actor: &str, course: Arc<Course>, changes: Vec<Change>) {
        let history = History::Changes(changes);
        self.hand_over(actor, Job { course, history });
    }

    fn hand_over(&self, actor: &str, job: Job) {
        {
            let mut waiting = lock(&self.shared.waiting);
            match waiting.get_mut(actor) {
                Some(older) => older.merge(job),
                None => {
                    waiting.insert(actor.to_owned(), job);
                }
            }
        }
        // Full: a wake-up is pending and the worker will see this history too.
        // Disconnected: the worker is gone (after `finish`); the progress file keeps it.
        match self.wake.try_send(()) {
            Ok(()) | Err(TrySendError::Full(()) | TrySendError::Disconnected(())) => {}
        }
    }

    /// Whether a notice is due (a delivery failed after one that did not), once per
    /// streak of failures.
    pub fn take_notice(&self) -> bool {
        self.shared.notice.swap(false, Ordering::SeqCst)
    }

    /// Whether the last delivery failed.
    pub fn failing(&self) -> bool {
        self.shared.failing.load(Ordering::SeqCst)
    }

    /// What the sender did so far.
    pub fn counts(&self) -> LiveCounts {
        *lock(&self.shared.counts)
    }

    /// The subscriber that hands `actor`'s history over at each save of a session in
    /// `course`.
    pub fn records(&self, actor: &str, course: Arc<Course>) -> LiveRecords {
        LiveRecords {
            link: self.clone(),
            actor: actor.to_owned(),
            course,
            whole_sent: false,
        }
    }
}

/// The session subscriber of live sending: at the first save the trainee's whole history
/// goes to the worker, at each later save only what that save wrote (the changes the
/// progress journal gets too).
#[derive(Debug)]
pub struct LiveRecords {
    link: LiveLink,
    actor: String,
    course: Arc<Course>,
    /// The whole history was handed over (at the first save).
    whole_sent: bool,
}

impl Subscriber for LiveRecords {
    fn on_event(&mut self, _event: &Event, _world: &World<'_>) {
        // Statements are made from the saved history: what a save wrote says what changed.
    }

    fn on_saved(&mut self, progress: &Progress, changes: &[Change]) {
        let course = Arc::clone(&self.course);
        if !self.whole_sent {
            self.whole_sent = true;
            self.link.submit(&self.actor, course, progress.clone());
            return;
        }
        // Handed over even when empty: the worker then delivers what waits in the outbox.
        self.link
            .submit_changes(&self.actor, course, changes.to_vec());
    }

    fn take_notice(&mut self) -> Option<&'static str> {
        self.link.take_notice().then_some(NOTICE)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The live sender: its worker thread, and the link the sessions use.
#[derive(Debug)]
pub struct LiveSender {
    link: LiveLink,
    worker: Option<JoinHandle<()>>,
    done: Receiver<()>,
}

/// How [`LiveSender::finish`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finished {
    /// Everything handed over was taken up, and the worker ended.
    Done,
    /// The worker was still busy (an LRS that does not answer) when the time was up; what
    /// it was sending is in the outbox.
    TimedOut,
}

impl LiveSender {
    /// Starts the worker: statements made with `options`, queued in the outbox of
    /// `data_dir`, posted through `poster`.
    pub fn start(
        data_dir: PathBuf,
        poster: Box<dyn Poster + Send>,
        options: XapiOptions,
    ) -> std::io::Result<Self> {
        let shared = Arc::new(Shared::default());
        let (wake, woken) = mpsc::sync_channel(1);
        let (finished, done) = mpsc::channel();
        let worker = Worker::new(Arc::clone(&shared), data_dir, poster, options);
        let worker = std::thread::Builder::new()
            .name("kruispunt-lrs".to_owned())
            .spawn(move || {
                worker.run(&woken);
                let _ = finished.send(());
            })?;
        Ok(Self {
            link: LiveLink { shared, wake },
            worker: Some(worker),
            done,
        })
    }

    /// The link for the sessions.
    pub fn link(&self) -> &LiveLink {
        &self.link
    }

    /// Lets the worker take up what waits, for at most `grace`, and ends it. Never blocks
    /// longer than `grace`.
    pub fn finish(mut self, grace: Duration) -> Finished {
        self.close();
        match self.done.recv_timeout(grace) {
            Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                if let Some(worker) = self.worker.take() {
                    let _ = worker.join();
                }
                Finished::Done
            }
            // The thread ends with the process; its statements are in the outbox already.
            Err(mpsc::RecvTimeoutError::Timeout) => Finished::TimedOut,
        }
    }

    fn close(&self) {
        self.link.shared.closing.store(true, Ordering::SeqCst);
        match self.link.wake.try_send(()) {
            Ok(()) | Err(TrySendError::Full(()) | TrySendError::Disconnected(())) => {}
        }
    }
}

impl Drop for LiveSender {
    fn drop(&mut self) {
        // Not finished: the worker stops when nothing waits, without being waited for.
        self.close();
    }
}

mod worker;
use worker::Worker;

#[cfg(test)]
mod tests;
