//! From a loaded course and an opened profile to the [`App`] on its home screen: the
//! interface language, the theme, the gloss, and what the learner must be told about how
//! the progress file was opened.
//!
//! No I/O here apart from reading `NO_COLOR` in [`no_color_from_env`]: the command line
//! loads the course, opens the profile and starts [`super::run`].

use super::app::{App, Ctx};
use super::theme::{Theme, ThemeName};
use crate::course::Course;
use crate::i18n::{LocaleCandidates, start_localizer};
use crate::progress::{LoadNotice, Progress};

/// What the interface starts with besides the course and the profile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartOptions {
    /// `--lang`, `KRUISPUNT_LANG`, the system locale; the saved language is taken from the
    /// profile and the course default from the course (see [`start_localizer`]).
    pub candidates: LocaleCandidates,
    /// `NO_COLOR` is set: styles without colours.
    pub no_color: bool,
}

/// Whether `NO_COLOR` asks for no colours: set and not empty (see no-color.org).
pub fn no_color_from_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// The app on the home screen of `course`, with the learner's `progress` and settings, and
/// the `notices` of opening the profile as plain sentences at the top of the home screen.
pub fn app(
    course: Course,
    progress: Progress,
    notices: &[LoadNotice],
    options: &StartOptions,
) -> App {
    let (i18n, lines) = start_localizer(
        &options.candidates,
        progress.settings.locale.as_ref(),
        &course.default_locale,
        notices,
    );

    // The gloss comes from the saved settings in the session (off when the course no
    // longer has that language).
    let theme = saved_theme(&progress, options.no_color);
    let mut ctx = Ctx::new(course, i18n, progress, theme);
    ctx.notices = lines;
    App::new(ctx)
}

/// The theme saved in the learner's settings (the default one when none is, or when it is
/// not known), without colours when `no_color`.
pub fn saved_theme(progress: &Progress, no_color: bool) -> Theme {
    let name = progress
        .settings
        .theme
        .as_deref()
        .and_then(ThemeName::from_key)
        .unwrap_or_default();
    Theme::new(name, no_color)
}

/// The app opened straight at scenario `item` at `place` (an author's preview, `kruispunt
/// play`), with `progress` that is never saved; leaving the scenario shows the overview.
pub fn preview_app(
    course: Course,
    progress: Progress,
    item: &crate::course::ids::ItemId,
    place: crate::session::Place,
    options: &StartOptions,
) -> Result<App, crate::session::SessionError> {
    let mut app = app(course, progress, &[], options);
    app.ctx
        .try_command(crate::session::Command::OpenAt(item.clone(), place))?;
    let mut state = crate::tui::screens::scenario::State::opened(&app.ctx, item);
    // Straight to the node asked for, past the content note, as a facilitator's jump.
    state.view = match app.ctx.session.scenario() {
        Some((scenario, run)) if run.is_ended(scenario) => {
            crate::tui::screens::scenario::View::Ending
        }
        _ => crate::tui::screens::scenario::View::Conversation,
    };
    app.screen = crate::tui::screens::Screen::Scenario(state);
    Ok(app)
}
