//! The progress recorder: the subscriber that keeps the learner's progress document in
//! step with what happened. It translates through [`crate::progress::runs`], so the file
//! keeps its own versioned shapes.

use super::{Open, Subscriber, World};
use crate::progress::Progress;
use crate::progress::runs;
use crate::session::event::{Event, EventKind};

/// Keeps a [`Progress`] in step with the session's events.
#[derive(Debug)]
pub struct ProgressRecorder {
    progress: Progress,
}

impl ProgressRecorder {
    /// A recorder that starts from `progress`.
    pub fn new(progress: Progress) -> Self {
        Self { progress }
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
            }
            (
                EventKind::Saved | EventKind::SaveFailed { .. } | EventKind::NoteWritten { .. },
                _,
            ) => {}
            (EventKind::Rewound { .. } | EventKind::Restarted, Some(Open::Scenario(open))) => {
                if let Some(scenario) = world.course.scenarios.get(&open.id) {
                    runs::begin_attempt(&mut self.progress, scenario, &open.run, now);
                }
            }
            (EventKind::Chose { .. }, Some(Open::Scenario(open))) => {
                if let Some(scenario) = world.course.scenarios.get(&open.id) {
                    runs::record_scenario(&mut self.progress, scenario, &open.run, now);
                }
            }
            (_, Some(Open::Lesson(open))) => {
                if let Some(lesson) = world.course.lessons.get(&open.id) {
                    runs::record_lesson(&mut self.progress, lesson, &open.run, now);
                }
            }
            _ => {}
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
