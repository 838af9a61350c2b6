//! The application state and its one update function: action in, state changed.
//!
//! [`App`] holds a [`Ctx`] (what every screen shares: the course, the interface language,
//! the learner's progress, the theme) and the current [`Screen`]. Screens change their own
//! state and the progress, and say where to go next with a [`Transition`]; nothing here does
//! I/O: the event loop in [`super::run`] saves the progress when [`App::save_due`] says so.

use super::action::Action;
use super::screens::{self, Screen};
use super::theme::{Theme, ThemeName};
use crate::course::Course;
use crate::course::ids::Locale;
use crate::course::model::Text;
use crate::i18n::{Localizer, MsgArgs, UiLocale};
use crate::progress::{Progress, SaveScheduler, Timestamp};
use ratatui::layout::Rect;
use std::time::Instant;

/// The clock as the app sees it: set by the event loop (or a test) before each update, so
/// the app itself never reads the time.
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

/// A course text ready to show: in the interface language (with a marker when it falls
/// back to another locale) and, when the gloss is on, in the second language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseText {
    /// The text, with the fallback marker in front when it is not in the current language.
    pub main: String,
    /// The same text in the gloss language, when the gloss is on and the course has it.
    pub gloss: Option<String>,
}

/// What every screen shares.
pub struct Ctx {
    /// The checked course.
    pub course: Course,
    /// Interface messages and course text in the current language.
    pub i18n: Localizer,
    /// The learner's progress; saved by the event loop.
    pub progress: Progress,
    /// Colours and styles.
    pub theme: Theme,
    /// The second language shown under course text, dimmed; `None` = off.
    pub gloss: Option<Locale>,
    /// Things to tell the learner at start (a damaged progress file set aside...).
    pub notices: Vec<String>,
    /// A one-line status message (e.g. a save failed), shown in the footer.
    pub status: Option<String>,
    /// The size of the last frame, for mouse hit tests.
    pub area: Rect,
    /// The time of the current update.
    pub clock: Clock,
    /// Facilitator mode: the group session (its log, the timer). `None` for a trainee.
    pub facilitator: Option<Box<screens::facilitator::Room>>,
    saves: SaveScheduler,
}

impl Ctx {
    /// A context for `course` and `progress`.
    pub fn new(course: Course, i18n: Localizer, progress: Progress, theme: Theme) -> Self {
        Self {
            course,
            i18n,
            progress,
            theme,
            gloss: None,
            notices: Vec::new(),
            status: None,
            area: Rect::new(0, 0, 80, 24),
            clock: Clock::now(),
            facilitator: None,
            saves: SaveScheduler::default(),
        }
    }

    /// The interface message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.i18n.msg(id, &MsgArgs::new())
    }

    /// The interface message `id` with arguments.
    pub fn tr(&self, id: &str, args: &MsgArgs<'_>) -> String {
        self.i18n.msg(id, args)
    }

    /// A course text in the current language, with the fallback marker and the gloss.
    pub fn text(&self, text: &Text) -> CourseText {
        let picked = self.i18n.pick(text);
        let main = match self.i18n.fallback_marker(&picked) {
            Some(marker) => format!("{marker} {}", picked.text),
            None => picked.text.to_owned(),
        };
        let gloss = self
            .gloss
            .as_ref()
            .filter(|second| *second != picked.locale)
            .and_then(|second| self.i18n.gloss(text, second))
            .map(str::to_owned);
        CourseText { main, gloss }
    }

    /// A course text in the current language only (titles, short labels).
    pub fn plain(&self, text: &Text) -> String {
        self.text(text).main
    }

    /// A step that must be saved at once (a choice, a scene advanced, a quiz answered).
    pub fn step_done(&mut self) {
        self.saves.step(self.clock.instant);
    }

    /// The learner typed in a reflection: save a moment after typing stops.
    pub fn typed(&mut self) {
        self.saves.typed(self.clock.instant);
    }

    /// Switches the interface (and course text) language, and keeps the choice.
    pub fn set_locale(&mut self, locale: UiLocale) {
        self.i18n.set_locale(locale);
        self.progress.settings.locale = Some(Locale::from(locale.tag()));
        self.step_done();
    }

    /// The next interface language, in the order nl, en, fr.
    pub fn cycle_locale(&mut self) {
        let all = UiLocale::ALL;
        let now = all
            .iter()
            .position(|l| *l == self.i18n.current())
            .unwrap_or(0);
        self.set_locale(all[(now + 1) % all.len()]);
    }

    /// Turns the second-language gloss on (with the next course locale) or off.
    pub fn cycle_gloss(&mut self) {
        let current = Locale::from(self.i18n.current().tag());
        let others: Vec<&Locale> = self
            .course
            .locales
            .iter()
            .filter(|l| **l != current)
            .collect();
        self.gloss = match &self.gloss {
            None => others.first().map(|l| (*l).clone()),
            Some(now) => others
                .iter()
                .position(|l| *l == now)
                .and_then(|i| others.get(i + 1))
                .map(|l| (*l).clone()),
        };
        self.progress.settings.gloss_locale = self.gloss.clone();
        self.step_done();
    }

    /// Switches between the default and the high-contrast theme, and keeps the choice.
    pub fn toggle_theme(&mut self) {
        self.theme.name = match self.theme.name {
            ThemeName::Default => ThemeName::HighContrast,
            ThemeName::HighContrast => ThemeName::Default,
        };
        self.progress.settings.theme = Some(self.theme.name.key().to_owned());
        self.step_done();
    }
}

/// Where a screen sends the learner after an action.
#[derive(Debug)]
pub enum Transition {
    /// Stay on this screen.
    Stay,
    /// Open another screen.
    Open(Screen),
    /// Back to the home screen.
    Home,
    /// Quit the program (progress is saved first).
    Quit,
}

/// The whole application.
pub struct App {
    /// What the screens share.
    pub ctx: Ctx,
    /// The screen shown.
    pub screen: Screen,
    /// Whether the help overlay is open.
    pub help: bool,
    quit: bool,
}

impl App {
    /// The app on its home screen.
    pub fn new(ctx: Ctx) -> Self {
        let screen = Screen::Home(screens::home::State::new(&ctx));
        Self {
            ctx,
            screen,
            help: false,
            quit: false,
        }
    }

    /// Whether a text editor has the focus (keys then go to it).
    pub fn editing(&self) -> bool {
        !self.help && self.screen.editing()
    }

    /// Whether the learner asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether the progress should be saved now.
    pub fn save_due(&self) -> bool {
        self.ctx.saves.due(self.ctx.clock.instant)
    }

    /// Whether anything is waiting to be saved (on quit, save it now).
    pub fn save_pending(&self) -> bool {
        self.ctx.saves.pending()
    }

    /// When the next debounced save is due, so the event loop can wake up for it.
    pub fn save_deadline(&self) -> Option<Instant> {
        self.ctx.saves.deadline()
    }

    /// The event loop saved the progress (or failed to: `error` says why).
    pub fn saved(&mut self, error: Option<String>) {
        self.ctx.saves.saved();
        self.ctx.status = error;
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        match &action {
            Action::Tick(instant) => {
                self.ctx.clock.instant = *instant;
            }
            Action::Resize { width, height } => {
                self.ctx.area = Rect::new(0, 0, *width, *height);
            }
            Action::Interrupt => {
                self.screen.before_leaving(&mut self.ctx);
                self.quit = true;
                return;
            }
            _ => {}
        }
        if self.help {
            // The overlay takes every key; any of these closes it.
            if matches!(
                action,
                Action::Help | Action::Back | Action::Confirm | Action::Quit
            ) {
                self.help = false;
            }
            return;
        }
        if !self.editing() {
            match action {
                Action::Help => {
                    self.help = true;
                    return;
                }
                Action::Quit => {
                    self.screen.before_leaving(&mut self.ctx);
                    self.quit = true;
                    return;
                }
                Action::Letter('L') => {
                    self.ctx.cycle_locale();
                    return;
                }
                Action::Letter('G') => {
                    self.ctx.cycle_gloss();
                    return;
                }
                Action::Letter('T') => {
                    self.ctx.toggle_theme();
                    return;
                }
                _ => {}
            }
        }
        match self.screen.update(&mut self.ctx, &action) {
            Transition::Stay => {}
            Transition::Open(screen) => {
                self.screen.before_leaving(&mut self.ctx);
                self.screen = screen;
            }
            Transition::Home => {
                self.screen.before_leaving(&mut self.ctx);
                self.screen = Screen::Home(screens::home::State::new(&self.ctx));
            }
            Transition::Quit => {
                self.screen.before_leaving(&mut self.ctx);
                self.quit = true;
            }
        }
    }
}
