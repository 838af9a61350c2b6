//! A practice conversation. (Being built: see the TUI issue.)

use super::KeyHelp;
use crate::course::ids::ItemId;
use crate::tui::action::Action;
use crate::tui::app::{Ctx, Transition};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

/// The scenario screen's state.
#[derive(Debug)]
pub struct State {
    /// The scenario shown.
    pub scenario: ItemId,
}

impl State {
    /// Opens `scenario` where the learner left it.
    pub fn open(_ctx: &mut Ctx, scenario: &ItemId) -> Self {
        Self {
            scenario: scenario.clone(),
        }
    }
}

/// Applies an action.
pub fn update(_ctx: &mut Ctx, _state: &mut State, action: &Action) -> Transition {
    match action {
        Action::Back => Transition::Home,
        _ => Transition::Stay,
    }
}

/// Draws the scenario.
pub fn render(ctx: &Ctx, state: &State, frame: &mut Frame, area: Rect) {
    frame.render_widget(Paragraph::new(title(ctx, state)), area);
}

/// The scenario title.
pub fn title(ctx: &Ctx, state: &State) -> String {
    ctx.course
        .scenarios
        .get(&state.scenario)
        .map(|s| ctx.plain(&s.title))
        .unwrap_or_default()
}

/// The keys of the scenario screen.
pub fn keys(ctx: &Ctx, _state: &State) -> Vec<KeyHelp> {
    vec![KeyHelp::new("Esc", ctx.t("key-back"))]
}
