//! The application state and its one update function: action in, state changed.
//!
//! [`App`] holds a [`Ctx`] (what every screen shares: the session core, the theme) and the
//! current [`Screen`]. Screens turn actions into session [`Command`]s, keep their own view
//! state (cursor, scroll), and say where to go next with a [`Transition`]; nothing here
//! does I/O: the event loop in [`super::run`] saves when [`App::save_due`] says so.

use super::action::Action;
use super::keymap::{self, Global};
use super::screens::{self, Screen};
use super::theme::{Theme, ThemeName};
use crate::course::Course;
use crate::course::ids::Locale;
use crate::course::model::Text;
use crate::i18n::{Localizer, MsgArgs, UiLocale};
use crate::msg_args;
use crate::progress::Progress;
pub use crate::session::Clock;
use crate::session::{Command, Event, Session, SessionError};
use ratatui::layout::Rect;
use std::sync::Arc;
use std::time::Instant;

/// A course text ready to show: in the interface language (with a marker when it falls
/// back to another locale) and, when the gloss is on, in the second language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseText {
    /// The text, with the fallback marker in front when it is not in the current language.
    pub main: String,
    /// The same text in the gloss language, when the gloss is on and the course has it.
    pub gloss: Option<String>,
}

/// What every screen shares: the session (course, progress, language, saves) and what
/// only the terminal needs (theme, size, status line).
pub struct Ctx {
    /// The session core: the screens read its state and send it commands.
    pub session: Session,
    /// Colours and styles.
    pub theme: Theme,
    /// Things to tell the learner at start (a damaged progress file set aside...).
    pub notices: Vec<String>,
    /// A one-line status message (e.g. a save failed), shown in the footer.
    pub status: Option<String>,
    /// The size of the last frame, for mouse hit tests.
    pub area: Rect,
    /// Facilitator mode: the room (the timer, the notes panel). `None` for a trainee.
    pub facilitator: Option<Box<screens::facilitator::Room>>,
    /// What the session said during the current update, for screens around the one that
    /// sent the command (facilitator mode sets its timer from them).
    pub events: Vec<Event>,
}

impl Ctx {
    /// A context for `course` and `progress`.
    pub fn new(course: Course, i18n: Localizer, progress: Progress, theme: Theme) -> Self {
        Self::with_session(Session::new(Arc::new(course), progress, i18n), theme)
    }

    /// A context over a ready session.
    pub fn with_session(session: Session, theme: Theme) -> Self {
        Self {
            session,
            theme,
            notices: Vec::new(),
            status: None,
            area: Rect::new(0, 0, 80, 24),
            facilitator: None,
            events: Vec::new(),
        }
    }

    /// The course.
    pub fn course(&self) -> &Course {
        self.session.course()
    }

    /// The learner's progress (changed only through the session's commands).
    pub fn progress(&self) -> &Progress {
        self.session.progress()
    }

    /// Interface messages and course text in the current language.
    pub fn i18n(&self) -> &Localizer {
        self.session.i18n()
    }

    /// The time of the current update.
    pub fn clock(&self) -> Clock {
        self.session.clock()
    }

    /// The second language shown under course text; `None` = off.
    pub fn gloss(&self) -> Option<&Locale> {
        self.session.gloss()
    }

    /// The interface message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.session.msg(id, &MsgArgs::new())
    }

    /// The interface message `id` with arguments.
    pub fn tr(&self, id: &str, args: &MsgArgs<'_>) -> String {
        self.session.msg(id, args)
    }

    /// A course text in the current language, with the fallback marker and the gloss.
    pub fn text(&self, text: &Text) -> CourseText {
        CourseText {
            main: self.session.text(text),
            gloss: self.session.gloss_of(text).map(str::to_owned),
        }
    }

    /// A course text in the current language only (titles, short labels).
    pub fn plain(&self, text: &Text) -> String {
        self.session.text(text)
    }

    /// Sends a command to the session. A refused command changes nothing; what it says
    /// goes to the status line, in the interface language.
    pub fn command(&mut self, command: Command) -> Vec<Event> {
        match self.try_command(command) {
            Ok(events) => events,
            Err(error) => {
                let reason = crate::i18n::Localize::localize(&error, self.i18n());
                // In a conversation the learner is told it cannot go on; elsewhere the
                // reason is the whole message.
                let in_conversation = self.session.scenario().is_some();
                self.status = Some(if in_conversation {
                    self.tr("scenario-engine-error", &msg_args!("reason" => reason))
                } else {
                    reason
                });
                Vec::new()
            }
        }
    }

    /// Sends a command to the session; a refusal is for the caller to show.
    pub fn try_command(&mut self, command: Command) -> Result<Vec<Event>, SessionError> {
        let events = self.session.apply(command)?;
        self.events.extend(events.iter().cloned());
        Ok(events)
    }

    /// Switches the interface (and course text) language, and keeps the choice.
    pub fn set_locale(&mut self, locale: UiLocale) {
        self.command(Command::SetLocale(locale));
    }

    /// The next interface language, in the order nl, en, fr.
    pub fn cycle_locale(&mut self) {
        let all = UiLocale::ALL;
        let now = all
            .iter()
            .position(|l| *l == self.i18n().current())
            .unwrap_or(0);
        self.set_locale(all[(now + 1) % all.len()]);
    }

    /// Turns the second-language gloss on (with the next course locale) or off. The
    /// languages the screen's texts are already shown in are skipped (the interface
    /// language, and the first a missing translation falls back to), so that turning
    /// the gloss on always adds a line to read.
    pub fn cycle_gloss(&mut self) {
        let current = Locale::from(self.i18n().current().tag());
        let shown = self.session.fallbacks().first();
        let others: Vec<&Locale> = self
            .course()
            .locales
            .iter()
            .filter(|l| **l != current && Some(*l) != shown)
            .collect();
        let next = match self.gloss() {
            None => others.first().map(|l| (*l).clone()),
            Some(now) => others
                .iter()
                .position(|l| *l == now)
                .and_then(|i| others.get(i + 1))
                .map(|l| (*l).clone()),
        };
        self.command(Command::SetGloss(next));
    }

    /// Switches between the default and the high-contrast theme, and keeps the choice.
    pub fn toggle_theme(&mut self) {
        self.theme.name = match self.theme.name {
            ThemeName::Default => ThemeName::HighContrast,
            ThemeName::HighContrast => ThemeName::Default,
        };
        self.command(Command::SetTheme(self.theme.name.key().to_owned()));
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
    /// How far the help overlay is scrolled, on terminals too small to show it whole.
    pub help_scroll: usize,
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
            help_scroll: 0,
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
        self.ctx.session.save_due()
    }

    /// Whether anything is waiting to be saved (on quit, save it now).
    pub fn save_pending(&self) -> bool {
        self.ctx.session.save_pending()
    }

    /// When the next debounced save is due, so the event loop can wake up for it.
    pub fn save_deadline(&self) -> Option<Instant> {
        self.ctx.session.save_deadline()
    }

    /// The event loop saved the progress (or failed to: `error` says why).
    pub fn saved(&mut self, error: Option<String>) {
        self.ctx.status = error;
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.ctx.events.clear();
        match &action {
            Action::Tick(instant) => {
                let wall = self.ctx.clock().wall;
                self.ctx.session.set_clock(Clock {
                    instant: *instant,
                    wall,
                });
            }
            Action::Resize { width, height } => {
                self.ctx.area = Rect::new(0, 0, *width, *height);
            }
            _ => {}
        }
        let global = keymap::global().find(&action);
        if global == Some(Global::Interrupt) {
            self.screen.before_leaving(&mut self.ctx);
            self.quit = true;
            return;
        }
        if self.help {
            // The overlay takes every key: these scroll it, and these close it.
            let last = super::view::help_max_scroll(self);
            let page = super::view::help_page(self);
            let scroll = self.help_scroll.min(last);
            match action {
                Action::Help | Action::Back | Action::Confirm | Action::Quit => self.help = false,
                Action::Down | Action::ScrollDown => self.help_scroll = (scroll + 1).min(last),
                Action::Up | Action::ScrollUp => self.help_scroll = scroll.saturating_sub(1),
                Action::PageDown => self.help_scroll = (scroll + page).min(last),
                Action::PageUp => self.help_scroll = scroll.saturating_sub(page),
                _ => {}
            }
            return;
        }
        if !self.editing() {
            match global {
                Some(Global::Help) => {
                    self.help = true;
                    self.help_scroll = 0;
                    return;
                }
                Some(Global::Quit) => {
                    self.screen.before_leaving(&mut self.ctx);
                    self.quit = true;
                    return;
                }
                Some(Global::Language) => {
                    self.ctx.cycle_locale();
                    return;
                }
                Some(Global::Gloss) => {
                    self.ctx.cycle_gloss();
                    return;
                }
                Some(Global::Theme) => {
                    self.ctx.toggle_theme();
                    return;
                }
                Some(Global::Interrupt) | None => {}
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
                // Keep the cursor on what was just left, so Enter opens it again.
                let home = match self.screen.home_entry() {
                    Some(entry) => screens::home::State::at(&self.ctx, &entry),
                    None => screens::home::State::new(&self.ctx),
                };
                self.screen = Screen::Home(home);
            }
            Transition::Quit => {
                self.screen.before_leaving(&mut self.ctx);
                self.quit = true;
            }
        }
    }
}
