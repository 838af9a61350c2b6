//! The progress recorder: the subscriber that keeps the learner's progress document in
//! step with what happened. It translates through [`crate::progress::runs`], so the file
//! keeps its own versioned shapes, and notes each change it makes, so a save writes only
//! those (the profile's journal) instead of the whole document.

use super::{Open, Subscriber, World};
use crate::progress::runs;
use crate::progress::{Change, Progress, push_change};
use crate::session::event::{Event, EventKind};

/// Keeps a [`Progress`] in step with the session's events.
#[derive(Debug)]
pub struct ProgressRecorder {
    progress: Progress,
    /// The changes made since the last save that succeeded, in order.
    pending: Vec<Change>,
}

impl ProgressRecorder {
    /// A recorder that starts from `progress`.
    pub fn new(progress: Progress) -> Self {
        Self {
            progress,
            pending: Vec::new(),
        }
    }

    /// The changes made since the last save (see [`Self::saved`]), in order: what a save
    /// must write to bring the saved progress up to [`Self::progress`].
    pub fn pending(&self) -> &[Change] {
        &self.pending
    }

    /// The pending changes were saved: they are given back, and none are pending.
    pub fn saved(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.pending)
    }

    fn note(&mut self, change: Change) {
        push_change(&mut self.pending, change);
    }

    /// The progress as recorded so far.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Gives the progress back (at the end of a session).
    pub fn into_progress(self) -> Progress {
        self.progress
    }
}

impl Subscriber for ProgressRecorder {
    fn on_event(&mut self, event: &Event, world: &World<'_>) {
        let now = event.at;
        match (&event.kind, world.open) {
            (EventKind::SettingsChanged, _) => {
                self.progress.settings = world.settings.clone();
                self.progress.touch(now);
                self.note(Change::Settings {
                    at: now,
                    settings: world.settings.clone(),
                });
            }
            (
                EventKind::Saved | EventKind::SaveFailed { .. } | EventKind::NoteWritten { .. },
                _,
            ) => {}
            (EventKind::Rewound { .. } | EventKind::Restarted, Some(Open::Scenario(open))) => {
                if let Some(scenario) = world.course.scenarios.get(&open.id) {
                    let change = runs::begin_attempt(&mut self.progress, scenario, &open.run, now);
                    self.note(change);
                }
            }
            (EventKind::Chose { .. }, Some(Open::Scenario(open))) => {
                if let Some(scenario) = world.course.scenarios.get(&open.id) {
                    let change =
                        runs::record_scenario(&mut self.progress, scenario, &open.run, now);
                    self.note(change);
                }
            }
            (_, Some(Open::Lesson(open))) => {
                if let Some(lesson) = world.course.lessons.get(&open.id) {
                    let change = runs::record_lesson(&mut self.progress, lesson, &open.run, now);
                    self.note(change);
                }
            }
            _ => {}
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
