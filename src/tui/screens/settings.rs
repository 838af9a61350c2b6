//! Settings: interface language, theme and the second-language gloss. Every change shows
//! at once and is kept in the profile.

use super::KeyHelp;
use crate::tui::action::Action;
use crate::tui::app::{Ctx, Transition};
use crate::tui::keymap::{Binding, Key, Keymap, digit};
use crate::tui::theme::ThemeName;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The rows of the settings screen, in order.
const ROWS: usize = 3;

/// The settings screen's state: which row is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// 0 language, 1 theme, 2 gloss.
    pub selected: usize,
}

impl State {
    /// The settings screen with the language selected.
    pub fn new(_ctx: &Ctx) -> Self {
        Self { selected: 0 }
    }
}

/// What a key does on the settings screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Up,
    Down,
    /// Selects the row of the number pressed.
    Select,
    Change,
    Back,
}

/// The keys of the settings screen.
fn keymap() -> Keymap<Cmd> {
    let mut map = Keymap::new();
    map.key(&[Key::Up], "↑↓", "key-move", Cmd::Up)
        .also(&[Key::Down], Cmd::Down)
        .hidden(&[Key::Number], Cmd::Select)
        .key(
            &[Key::Confirm, Key::Left, Key::Right],
            "Enter ←→",
            "key-change",
            Cmd::Change,
        )
        .hidden(&[Key::Toggle], Cmd::Change)
        .key(&[Key::Back], "Esc", "key-back", Cmd::Back);
    map
}

/// The key bindings of the settings screen, with their commands written out.
pub fn bindings(_ctx: &Ctx, _state: &State) -> Vec<Binding<String>> {
    keymap().described()
}

/// Applies an action.
pub fn update(ctx: &mut Ctx, state: &mut State, action: &Action) -> Transition {
    if let Some(command) = keymap().find(action) {
        match command {
            Cmd::Up => state.selected = state.selected.saturating_sub(1),
            Cmd::Down => state.selected = (state.selected + 1).min(ROWS - 1),
            Cmd::Select => {
                if let Some(n) = digit(action).map(usize::from).filter(|n| *n <= ROWS) {
                    state.selected = n - 1;
                }
            }
            Cmd::Change => change(ctx, state.selected),
            Cmd::Back => return Transition::Home,
        }
        return Transition::Stay;
    }
    if let Action::Click { row, .. } = action {
        let body = crate::tui::view::body_area(ctx.area);
        let index = usize::from(row.saturating_sub(body.y + 2));
        if *row >= body.y + 2 && index < ROWS {
            state.selected = index;
            change(ctx, index);
        }
    }
    Transition::Stay
}

fn change(ctx: &mut Ctx, row: usize) {
    match row {
        0 => ctx.cycle_locale(),
        1 => ctx.toggle_theme(),
        _ => ctx.cycle_gloss(),
    }
}

/// Draws the settings screen.
pub fn render(ctx: &Ctx, state: &State, frame: &mut Frame, area: Rect) {
    let theme = &ctx.theme;
    let language = ctx.t("settings-language-name");
    let theme_name = match ctx.theme.name {
        ThemeName::Default => ctx.t("settings-theme-default"),
        ThemeName::HighContrast => ctx.t("settings-theme-high-contrast"),
    };
    let gloss = match &ctx.gloss() {
        Some(locale) => locale.to_string(),
        None => ctx.t("settings-gloss-off"),
    };
    let rows = [
        (ctx.t("settings-language"), language),
        (ctx.t("settings-theme"), theme_name),
        (ctx.t("settings-gloss"), gloss),
    ];
    let mut lines = vec![
        Line::from(Span::styled(ctx.t("settings-title"), theme.title())),
        Line::default(),
    ];
    for (i, (label, value)) in rows.iter().enumerate() {
        let selected = i == state.selected;
        let marker = if selected { "› " } else { "  " };
        let style = if selected {
            theme.selected()
        } else {
            theme.text()
        };
        lines.push(Line::from(Span::styled(
            format!("{marker}{}. {label}: ‹ {value} ›", i + 1),
            style,
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        ctx.t("settings-hint"),
        theme.dim(),
    )));
    if ctx.theme.no_color {
        lines.push(Line::from(Span::styled(
            ctx.t("settings-no-color"),
            theme.dim(),
        )));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        area,
    );
}

/// The keys of the settings screen, for the help and the key bar.
pub fn keys(ctx: &Ctx, _state: &State) -> Vec<KeyHelp> {
    keymap().help(ctx)
}
