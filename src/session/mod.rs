//! The session core: one learner (or one group) working through the course.
//!
//! Front ends are views. The TUI turns keys into [`Command`]s, plain mode turns lines into
//! them, facilitator mode turns the room's votes into them; each reads the session's state
//! to draw. The session applies a command to the engine's runs, and says what happened as
//! [`Event`]s. Everything that must know what happened subscribes to the events:
//! - the [`ProgressRecorder`] keeps the learner's progress document;
//! - the facilitator's session log ([`crate::facilitator::LogWriter`]);
//! - the live learning records (`--lrs`, [`crate::xapi::live`]), from each save;
//! - the workshop server's live tallies.
//!
//! ```text
//!  key / line / vote ──► Command ──► Session ──► engine runs
//!                                       │
//!                                       ├──► Event ──► ProgressRecorder, session log, …
//!                                       └──► state ──► render (TUI, plain)
//! ```
//!
//! A session holds no terminal and no file handle: it is `Send`, so many can run in one
//! process. It decides *when* to save (its [`SaveScheduler`]); the front end hands it the
//! store to save *to*.

pub mod command;
pub mod event;
mod language;
mod overview;
mod record;
mod steps;

pub use command::{Command, Place};
pub use event::{ChoiceTally, Event, EventKind};
pub use overview::CorePath;
pub use record::ProgressRecorder;

use crate::course::Course;
use crate::course::checked::{Lesson, Scenario};
use crate::course::ids::{ItemId, Locale};
use crate::engine::EngineError;
use crate::engine::lesson::LessonRun;
use crate::engine::scenario::ScenarioRun;
use crate::i18n::{Localizer, MsgArgs};
use crate::progress::runs::{self, Resumed};
use crate::progress::{
    Change, ProfileSession, Progress, ProgressError, SaveScheduler, Settings, Timestamp,
};
use std::sync::Arc;
use std::time::Instant;

/// The clock as the session sees it: set by the front end (or a test) before each command,
/// so the session itself never reads the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// Monotonic time, for debounces and timers.
    pub instant: Instant,
    /// Wall time, for timestamps in the progress file.
    pub wall: Timestamp,
}

impl Clock {
    /// The current time.
    pub fn now() -> Self {
        Self {
            instant: Instant::now(),
            wall: Timestamp::now(),
        }
    }
}

/// Why a command could not be applied. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// The course has no lesson or scenario with this id.
    #[error("the course has no item `{0}`")]
    NoSuchItem(String),
    /// The command needs an open lesson or scenario of another kind, or none is open.
    #[error("that cannot be done here")]
    NotHere,
    /// A quiz answer without the options it needs (one, or at least one).
    #[error("no answer selected")]
    NothingSelected,
    /// The engine refused the step.
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl crate::i18n::Localize for SessionError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            SessionError::NoSuchItem(id) => i18n.msg(
                "session-error-no-such-item",
                &crate::msg_args!("id" => crate::i18n::display::escape(id).into_owned()),
            ),
            SessionError::NotHere => i18n.msg("session-error-not-here", &MsgArgs::new()),
            SessionError::NothingSelected => {
                i18n.msg("session-error-nothing-selected", &MsgArgs::new())
            }
            SessionError::Engine(error) => error.localize(i18n),
        }
    }
}

/// Where the progress is saved to: a learner's profile, or nowhere (a group's throwaway
/// progress).
pub trait ProgressStore {
    /// Writes the whole progress.
    fn save(&self, progress: &Progress) -> Result<(), ProgressError>;

    /// Writes a step: the `changes` made since the last save, which brought the progress
    /// to `progress`. A store that keeps a journal appends them, so a step costs the same
    /// however long the history is; by default the whole progress is written.
    fn record(&self, progress: &Progress, changes: &[Change]) -> Result<(), ProgressError> {
        let _ = changes;
        self.save(progress)
    }
}

impl ProgressStore for ProfileSession {
    fn save(&self, progress: &Progress) -> Result<(), ProgressError> {
        ProfileSession::save(self, progress)
    }

    fn record(&self, progress: &Progress, changes: &[Change]) -> Result<(), ProgressError> {
        ProfileSession::record(self, progress, changes)
    }
}

/// What a subscriber may read when an event arrives: the course, the item open now and the
/// settings. Read-only: subscribers listen, they do not steer.
#[derive(Debug, Clone, Copy)]
pub struct World<'a> {
    /// The course.
    pub course: &'a Course,
    /// The lesson or scenario open, after the event.
    pub open: Option<&'a Open>,
    /// The interface settings, after the event.
    pub settings: &'a Settings,
}

/// Something that listens to a session's events.
pub trait Subscriber: Send + std::fmt::Debug {
    /// One event, in order, after the session applied it.
    fn on_event(&mut self, event: &Event, world: &World<'_>);

    /// Writes what the subscriber keeps, when the session saves.
    fn flush(&mut self) -> Result<(), ProgressError> {
        Ok(())
    }

    /// The session saved (or tried to) after a step: `progress` is the whole history as
    /// recorded so far, `changes` what this save wrote of it (the changes since the last
    /// save that succeeded, so after a failed save they come again, and applying them twice
    /// changes nothing). For a subscriber that works from the history rather than from
    /// single events (live learning records, whose statements are made from it).
    fn on_saved(&mut self, progress: &Progress, changes: &[Change]) {
        let _ = (progress, changes);
    }

    /// A one-line notice for the learner, as a message id, once: a subscriber that works
    /// in the background says so when it fails (learning records that could not be sent).
    fn take_notice(&mut self) -> Option<&'static str> {
        None
    }

    /// For a front end that shows what a subscriber keeps (the facilitator's log).
    fn as_any(&self) -> &dyn std::any::Any;
}

/// A lesson open in the session.
#[derive(Debug, Clone)]
pub struct OpenLesson {
    /// The lesson.
    pub id: ItemId,
    /// The learner's run through it.
    pub run: LessonRun,
}

/// A scenario open in the session.
#[derive(Debug, Clone)]
pub struct OpenScenario {
    /// The scenario.
    pub id: ItemId,
    /// The attempt in progress.
    pub run: ScenarioRun,
    /// How the saved attempt was taken up when it was opened.
    pub resumed: Resumed,
}

/// The lesson or scenario open in the session.
#[derive(Debug, Clone)]
pub enum Open {
    /// A lesson.
    Lesson(OpenLesson),
    /// A scenario.
    Scenario(OpenScenario),
}

impl Open {
    /// The item's id.
    pub fn id(&self) -> &ItemId {
        match self {
            Open::Lesson(l) => &l.id,
            Open::Scenario(s) => &s.id,
        }
    }
}

/// One learner's (or one group's) session with the course.
#[derive(Debug)]
pub struct Session {
    course: Arc<Course>,
    recorder: ProgressRecorder,
    i18n: Localizer,
    settings: Settings,
    gloss: Option<Locale>,
    saves: SaveScheduler,
    /// Steps were saved to a store as changes since the last checkpoint: the store may
    /// hold them in a journal, to be folded into a snapshot when the session ends.
    journaled: bool,
    clock: Clock,
    open: Option<Open>,
    /// The languages, other than the interface language, that texts of what is open (or
    /// of the overview) are shown in: kept when the view or the language changes.
    fallbacks: Vec<Locale>,
    subscribers: Vec<Box<dyn Subscriber>>,
}

impl Session {
    /// A session over `course` that records into `progress` and speaks `i18n`'s language.
    /// The gloss comes from the saved settings when the course has that language.
    pub fn new(course: Arc<Course>, progress: Progress, mut i18n: Localizer) -> Self {
        let settings = progress.settings.clone();
        let gloss = settings
            .gloss_locale
            .clone()
            .filter(|l| course.locales.contains(l));
        i18n.set_course_default(course.default_locale.clone());
        i18n.set_text_fallback(course.fallback.clone());
        let mut session = Self {
            course,
            recorder: ProgressRecorder::new(progress),
            i18n,
            settings,
            gloss,
            saves: SaveScheduler::default(),
            journaled: false,
            clock: Clock::now(),
            open: None,
            fallbacks: Vec::new(),
            subscribers: Vec::new(),
        };
        session.find_fallbacks();
        session
    }

    /// Adds a subscriber; it hears every event from now on.
    pub fn subscribe(&mut self, subscriber: Box<dyn Subscriber>) {
        self.subscribers.push(subscriber);
    }

    /// The notices the subscribers have for the learner (see [`Subscriber::take_notice`]),
    /// in the interface language; each is given once.
    pub fn take_notices(&mut self) -> Vec<String> {
        let ids: Vec<&'static str> = self
            .subscribers
            .iter_mut()
            .filter_map(|s| s.take_notice())
            .collect();
        ids.into_iter()
            .map(|id| self.i18n.msg(id, &MsgArgs::new()))
            .collect()
    }

    /// The first subscriber of type `T`, to show what it keeps.
    pub fn subscriber<T: 'static>(&self) -> Option<&T> {
        self.subscribers
            .iter()
            .find_map(|s| s.as_any().downcast_ref::<T>())
    }

    /// The course.
    pub fn course(&self) -> &Course {
        &self.course
    }

    /// The course, to change (an author's preview, a test): the session gets its own copy
    /// if the course is shared, and what it shows next follows the change.
    pub fn course_mut(&mut self) -> &mut Course {
        Arc::make_mut(&mut self.course)
    }

    /// The course, shared.
    pub fn course_arc(&self) -> Arc<Course> {
        Arc::clone(&self.course)
    }

    /// The learner's progress, as recorded so far.
    pub fn progress(&self) -> &Progress {
        self.recorder.progress()
    }

    /// Ends the session and gives back the progress.
    pub fn into_progress(self) -> Progress {
        self.recorder.into_progress()
    }

    /// Interface messages and course text in the current language.
    pub fn i18n(&self) -> &Localizer {
        &self.i18n
    }

    /// The settings as they are now (language, theme, gloss).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The second language shown under course text; `None` = off.
    pub fn gloss(&self) -> Option<&Locale> {
        self.gloss.as_ref()
    }

    /// The time of the current command.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// Sets the time for the next commands.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The interface message `id` with arguments.
    pub fn msg(&self, id: &str, args: &MsgArgs<'_>) -> String {
        self.i18n.msg(id, args)
    }

    /// The lesson or scenario open.
    pub fn open(&self) -> Option<&Open> {
        self.open.as_ref()
    }

    /// The lesson open, with the learner's run.
    pub fn lesson(&self) -> Option<(&Lesson, &LessonRun)> {
        match &self.open {
            Some(Open::Lesson(open)) => Some((self.course.lessons.get(&open.id)?, &open.run)),
            _ => None,
        }
    }

    /// The scenario open, with the attempt in progress.
    pub fn scenario(&self) -> Option<(&Scenario, &ScenarioRun)> {
        match &self.open {
            Some(Open::Scenario(open)) => Some((self.course.scenarios.get(&open.id)?, &open.run)),
            _ => None,
        }
    }

    // ----- saving -----

    /// Whether a save is due now.
    pub fn save_due(&self) -> bool {
        self.saves.due(self.clock.instant)
    }

    /// Whether anything is waiting to be saved (on quit, save it).
    pub fn save_pending(&self) -> bool {
        self.saves.pending()
    }

    /// When the next debounced save is due, so a front end can wake up for it.
    pub fn save_deadline(&self) -> Option<Instant> {
        self.saves.deadline()
    }

    /// Whether the session should end with a [`Self::checkpoint`]: something is waiting to
    /// be saved, or steps were saved as changes that the store keeps apart from its
    /// snapshot.
    pub fn checkpoint_due(&self) -> bool {
        self.journaled || self.saves.pending()
    }

    /// Saves the progress to `store` (none for a group's throwaway progress) and lets
    /// every subscriber write what it keeps. Only what changed since the last save is
    /// written (see [`ProgressStore::record`]). A failure leaves everything in memory, to
    /// be tried again at the next step.
    pub fn save(&mut self, store: Option<&dyn ProgressStore>) -> Result<(), ProgressError> {
        self.write(store, false)
    }

    /// As [`Self::save`], but writes the whole progress: for a profile, a new snapshot that
    /// folds in the journal of the steps saved so far. Front ends do this when the session
    /// ends.
    pub fn checkpoint(&mut self, store: Option<&dyn ProgressStore>) -> Result<(), ProgressError> {
        self.write(store, true)
    }

    /// [`Self::save`] (`whole` false) or [`Self::checkpoint`] (`whole` true).
    fn write(
        &mut self,
        store: Option<&dyn ProgressStore>,
        whole: bool,
    ) -> Result<(), ProgressError> {
        let progress = self.recorder.progress();
        let mut result = match store {
            Some(store) if whole => store.save(progress),
            Some(store) => store.record(progress, self.recorder.pending()),
            None => Ok(()),
        };
        // What this save wrote, for the subscribers; kept pending when it failed.
        let mut saved = Vec::new();
        if result.is_ok() {
            let steps = store.is_some() && !self.recorder.pending().is_empty();
            self.journaled = !whole && (self.journaled || steps);
            saved = self.recorder.saved();
        }
        let changes = if result.is_ok() {
            saved.as_slice()
        } else {
            self.recorder.pending()
        };
        let progress = self.recorder.progress();
        for subscriber in &mut self.subscribers {
            let flushed = subscriber.flush();
            if result.is_ok() {
                result = flushed;
            }
            subscriber.on_saved(progress, changes);
        }
        self.saves.saved();
        let kind = match &result {
            Ok(()) => EventKind::Saved,
            Err(error) => EventKind::SaveFailed {
                reason: crate::i18n::Localize::localize(error, &self.i18n),
            },
        };
        self.publish(vec![self.event(kind)]);
        result
    }

    // ----- commands -----

    /// Applies a command and returns what happened. A refused command changes nothing.
    pub fn apply(&mut self, command: Command) -> Result<Vec<Event>, SessionError> {
        let closing = command == Command::Close;
        let changes_view = matches!(
            command,
            Command::Open(_) | Command::OpenAt(..) | Command::Close | Command::SetLocale(_)
        );
        let kinds = self.step(command)?;
        let events: Vec<Event> = kinds.into_iter().map(|kind| self.event(kind)).collect();
        if events.iter().any(|e| e.kind.is_step()) {
            self.saves.step(self.clock.instant);
        } else if events
            .iter()
            .any(|e| matches!(e.kind, EventKind::Reflected { typing: true, .. }))
        {
            self.saves.typed(self.clock.instant);
        }
        let events = self.publish(events);
        if closing {
            self.open = None;
        }
        if changes_view {
            self.find_fallbacks();
        }
        Ok(events)
    }

    /// An event at the current time in the item open.
    fn event(&self, kind: EventKind) -> Event {
        Event {
            at: self.clock.wall,
            item: self.open.as_ref().map(|o| o.id().clone()),
            attempt: None,
            kind,
        }
    }

    /// Hands the events to the recorder, then numbers scenario events by attempt (as the
    /// progress file now numbers it), then to every other subscriber.
    fn publish(&mut self, mut events: Vec<Event>) -> Vec<Event> {
        let world = World {
            course: &self.course,
            open: self.open.as_ref(),
            settings: &self.settings,
        };
        for event in &events {
            self.recorder.on_event(event, &world);
        }
        if let Some(Open::Scenario(open)) = &self.open {
            let attempts = self
                .recorder
                .progress()
                .items
                .get(&open.id)
                .map_or(0, |i| i.attempts.len());
            let attempt = u32::try_from(attempts.max(1)).unwrap_or(u32::MAX);
            for event in events
                .iter_mut()
                .filter(|e| e.item.as_ref() == Some(&open.id))
            {
                event.attempt = Some(attempt);
            }
        }
        for subscriber in &mut self.subscribers {
            for event in &events {
                subscriber.on_event(event, &world);
            }
        }
        events
    }

    /// Applies the command; the events it caused, without time and attempt.
    fn step(&mut self, command: Command) -> Result<Vec<EventKind>, SessionError> {
        match command {
            Command::Open(item) => self.open_item(&item, None),
            Command::OpenAt(item, place) => self.open_item(&item, Some(place)),
            // The event still names the item: `apply` closes it once it was heard.
            Command::Close if self.open.is_none() => Ok(Vec::new()),
            Command::Close => Ok(vec![EventKind::Closed]),
            Command::SetLocale(locale) => {
                self.i18n.set_locale(locale);
                self.settings.locale = Some(Locale::from(locale.tag()));
                Ok(vec![EventKind::SettingsChanged])
            }
            Command::SetGloss(gloss) => {
                self.gloss = gloss.filter(|l| self.course.locales.contains(l));
                self.settings.gloss_locale = self.gloss.clone();
                Ok(vec![EventKind::SettingsChanged])
            }
            Command::SetTheme(theme) => {
                self.settings.theme = Some(theme);
                Ok(vec![EventKind::SettingsChanged])
            }
            Command::Note(text) => Ok(vec![EventKind::NoteWritten { text }]),
            Command::Choose { choice, tally } => self.choose(choice.as_str(), tally),
            Command::Rewind(decision) => self.rewind(decision),
            Command::Replay => self.replay(),
            lesson_command => self.lesson_step(lesson_command),
        }
    }

    fn open_item(
        &mut self,
        item: &ItemId,
        place: Option<Place>,
    ) -> Result<Vec<EventKind>, SessionError> {
        let course = Arc::clone(&self.course);
        if let Some(lesson) = course.lessons.get(item) {
            let mut run = runs::resume_lesson(self.recorder.progress(), lesson);
            if let Some(Place::Scene(scene)) = &place {
                run.go_to(lesson, scene.as_str())?;
            }
            let before = self.close_first();
            self.publish(before);
            self.open = Some(Open::Lesson(OpenLesson {
                id: item.clone(),
                run,
            }));
            let mut events = vec![EventKind::Opened { resumed: None }];
            events.extend(self.scene_shown());
            return Ok(events);
        }
        let Some(scenario) = course.scenarios.get(item) else {
            return Err(SessionError::NoSuchItem(item.as_str().to_owned()));
        };
        let (run, resumed) = match &place {
            Some(Place::Node(node)) => (ScenarioRun::at(scenario, *node)?, Resumed::Fresh),
            Some(Place::Preview(node, values)) => (
                ScenarioRun::with_values(scenario, *node, values)?,
                Resumed::Fresh,
            ),
            _ => runs::resume_scenario(self.recorder.progress(), scenario)?,
        };
        let before = self.close_first();
        self.publish(before);
        let node = scenario.node(run.current()).id.clone();
        self.open = Some(Open::Scenario(OpenScenario {
            id: item.clone(),
            run,
            resumed,
        }));
        Ok(vec![
            EventKind::Opened {
                resumed: Some(resumed),
            },
            EventKind::NodeShown { node },
        ])
    }

    /// The `Closed` event of the item open, if any (before another is opened).
    fn close_first(&mut self) -> Vec<Event> {
        if self.open.is_some() {
            vec![self.event(EventKind::Closed)]
        } else {
            Vec::new()
        }
    }

    /// `SceneShown` for the lesson's current scene.
    fn scene_shown(&self) -> Option<EventKind> {
        let (lesson, run) = self.lesson()?;
        scene_shown(lesson, run)
    }
}

/// `SceneShown` for the scene `run` shows.
fn scene_shown(lesson: &Lesson, run: &LessonRun) -> Option<EventKind> {
    let scene = run.current(lesson)?;
    let position = run.position();
    Some(EventKind::SceneShown {
        scene: scene.id.clone(),
        number: position.number(),
        total: position.total,
    })
}

#[cfg(test)]
mod tests;
