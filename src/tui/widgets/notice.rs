//! A notice that fills its area: a message instead of what could not be drawn.

use crate::tui::app::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws `message` wrapped over `area` in the notice style.
pub fn render_notice(ctx: &Ctx, message: String, frame: &mut Frame, area: Rect) {
    frame.render_widget(
        Paragraph::new(message)
            .style(ctx.theme.notice())
            .wrap(Wrap { trim: true }),
        area,
    );
}
