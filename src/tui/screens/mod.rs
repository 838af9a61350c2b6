//! One module per screen. Each has a `State`, an `update` that changes it (and the
//! progress) and returns a [`Transition`], a pure `render`, and a key map
//! ([`super::keymap`]) for what it shows: `update` looks keys up in it, and the help
//! overlay and the footer list it.

pub mod facilitator;
pub mod home;
pub mod lesson;
pub mod scenario;
pub mod settings;

use super::action::Action;
use super::app::{Ctx, Transition};
use super::keymap::Binding;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Closes `item` in the session when a lesson or scenario screen is left, if it is still
/// the one open (a screen opened after it may have opened another already).
pub(crate) fn close_item(ctx: &mut Ctx, item: &crate::course::ids::ItemId) {
    if ctx.session.open().map(crate::session::Open::id) == Some(item) {
        ctx.command(crate::session::Command::Close);
    }
}

/// The title of the course's module at `index`, in the current language (empty when there
/// is none).
pub(crate) fn module_title(ctx: &Ctx, index: usize) -> String {
    ctx.course()
        .modules
        .get(index)
        .map(|m| ctx.plain(&m.title))
        .unwrap_or_default()
}

/// A key and what it does, localised, for the help overlay and the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyHelp {
    /// The key(s), e.g. `↑↓ j k`.
    pub keys: String,
    /// What they do.
    pub action: String,
}

impl KeyHelp {
    /// A key and its (localised) description.
    pub fn new(keys: &str, action: String) -> Self {
        Self {
            keys: keys.to_owned(),
            action,
        }
    }
}

/// The screen shown.
#[derive(Debug)]
pub enum Screen {
    /// The course overview.
    Home(home::State),
    /// A lesson, one scene at a time.
    Lesson(lesson::State),
    /// A practice conversation.
    Scenario(scenario::State),
    /// Language, theme and gloss.
    Settings(settings::State),
    /// Facilitator mode: every module, lesson, scene and decision point.
    Jump(facilitator::jump::State),
    /// Facilitator mode: a lesson or scenario on the projector, with notes, vote and timer.
    Stage(facilitator::State),
}

impl Screen {
    /// Applies an action to the screen.
    pub fn update(&mut self, ctx: &mut Ctx, action: &Action) -> Transition {
        match self {
            Screen::Home(s) => home::update(ctx, s, action),
            Screen::Lesson(s) => lesson::update(ctx, s, action),
            Screen::Scenario(s) => scenario::update(ctx, s, action),
            Screen::Settings(s) => settings::update(ctx, s, action),
            Screen::Jump(s) => facilitator::jump::update(ctx, s, action),
            Screen::Stage(s) => facilitator::update(ctx, s, action),
        }
    }

    /// Draws the screen into `area`.
    pub fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        match self {
            Screen::Home(s) => home::render(ctx, s, frame, area),
            Screen::Lesson(s) => lesson::render(ctx, s, frame, area),
            Screen::Scenario(s) => scenario::render(ctx, s, frame, area),
            Screen::Settings(s) => settings::render(ctx, s, frame, area),
            Screen::Jump(s) => facilitator::jump::render(ctx, s, frame, area),
            Screen::Stage(s) => facilitator::render(ctx, s, frame, area),
        }
    }

    /// The keys of this screen, most important first: its key map's help rows.
    pub fn keys(&self, ctx: &Ctx) -> Vec<KeyHelp> {
        match self {
            Screen::Home(s) => home::keys(ctx, s),
            Screen::Lesson(s) => lesson::keys(ctx, s),
            Screen::Scenario(s) => scenario::keys(ctx, s),
            Screen::Settings(s) => settings::keys(ctx, s),
            Screen::Jump(s) => facilitator::jump::keys(ctx, s),
            Screen::Stage(s) => facilitator::keys(ctx, s),
        }
    }

    /// Every key binding of the screen for what it shows now, with their commands written
    /// out (on the stage: its own, then the trainee screen's). For tests that look for a
    /// key bound twice.
    pub fn bindings(&self, ctx: &Ctx) -> Vec<Binding<String>> {
        match self {
            Screen::Home(s) => home::bindings(ctx, s),
            Screen::Lesson(s) => lesson::bindings(ctx, s),
            Screen::Scenario(s) => scenario::bindings(ctx, s),
            Screen::Settings(s) => settings::bindings(ctx, s),
            Screen::Jump(s) => facilitator::jump::bindings(ctx, s),
            Screen::Stage(s) => facilitator::bindings(ctx, s),
        }
    }

    /// The title shown in the header.
    pub fn title(&self, ctx: &Ctx) -> String {
        match self {
            Screen::Home(_) => ctx.t("home-title"),
            Screen::Lesson(s) => lesson::title(ctx, s),
            Screen::Scenario(s) => scenario::title(ctx, s),
            Screen::Settings(_) => ctx.t("settings-title"),
            Screen::Jump(_) => ctx.t("facilitator-title"),
            Screen::Stage(s) => facilitator::title(ctx, s),
        }
    }

    /// Whether a text editor has the focus.
    pub fn editing(&self) -> bool {
        match self {
            Screen::Lesson(s) => lesson::editing(s),
            Screen::Stage(s) => facilitator::editing(s),
            _ => false,
        }
    }

    /// The home entry this screen was opened from (the item shown, or settings), for the
    /// cursor of the home screen it returns to.
    pub fn home_entry(&self) -> Option<home::Entry> {
        match self {
            Screen::Lesson(s) => Some(home::Entry::Item(s.lesson.clone())),
            Screen::Scenario(s) => Some(home::Entry::Item(s.scenario.clone())),
            Screen::Settings(_) => Some(home::Entry::Settings),
            Screen::Home(_) | Screen::Jump(_) | Screen::Stage(_) => None,
        }
    }

    /// Called before the screen is left or the app quits: record what is not yet recorded
    /// (e.g. reflection text still being typed).
    pub fn before_leaving(&mut self, ctx: &mut Ctx) {
        match self {
            Screen::Lesson(s) => lesson::before_leaving(ctx, s),
            Screen::Scenario(s) => scenario::before_leaving(ctx, s),
            Screen::Stage(s) => facilitator::before_leaving(ctx, s),
            _ => {}
        }
    }
}
