//! Scrolling long content: a window over lines that always says what it cuts, and the keys
//! that move it.

use crate::msg_args;
use crate::tui::action::Action;
use crate::tui::app::Ctx;
use crate::tui::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws `lines` from `scroll` (clamped so the last page stays full).
pub(crate) fn render_scrolled(
    frame: &mut Frame,
    lines: Vec<Line<'static>>,
    scroll: usize,
    area: Rect,
) {
    let top = scroll.min(lines.len().saturating_sub(usize::from(area.height)));
    let shown: Vec<Line> = lines.into_iter().skip(top).collect();
    frame.render_widget(Paragraph::new(shown), area);
}

/// Scrolls a document of `total` lines shown in `height` rows.
pub(crate) fn scroll_document(scroll: &mut usize, action: &Action, total: usize, height: usize) {
    let max = total.saturating_sub(height);
    let page = height.saturating_sub(1).max(1);
    let now = (*scroll).min(max);
    *scroll = match action {
        Action::Up | Action::ScrollUp => now.saturating_sub(1),
        Action::Down | Action::ScrollDown => (now + 1).min(max),
        Action::PageUp => now.saturating_sub(page),
        Action::PageDown => (now + page).min(max),
        _ => now,
    };
}

/// The first line shown and the lines cut below and above, for `total` lines in
/// `height` rows from `scroll`. When the lines do not fit, the last row is kept for a line
/// that says how many are cut, so nothing is ever cut without a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window {
    /// The first line shown.
    pub top: usize,
    /// How many lines are shown.
    pub shown: usize,
    /// Lines cut below what is shown.
    pub below: usize,
    /// Lines cut above what is shown.
    pub above: usize,
}

impl Window {
    /// The window over `total` lines in `height` rows, scrolled to `scroll` (clamped).
    pub(crate) fn new(total: usize, height: usize, scroll: usize) -> Self {
        if total <= height {
            return Self {
                top: 0,
                shown: total,
                below: 0,
                above: 0,
            };
        }
        let shown = height.saturating_sub(1);
        let top = scroll.min(total - shown);
        Self {
            top,
            shown,
            below: total - shown - top,
            above: top,
        }
    }

    /// The furthest `scroll` goes for `total` lines in `height` rows.
    pub(crate) fn max_scroll(total: usize, height: usize) -> usize {
        if total <= height {
            0
        } else {
            total - height.saturating_sub(1)
        }
    }

    /// Whether some lines are cut.
    pub(crate) fn is_cut(self) -> bool {
        self.below > 0 || self.above > 0
    }
}

/// The rows to draw for `lines` in `height` rows from `scroll`: the lines that fit and,
/// when some are cut, a last row saying so (`more_below` words the lines cut below; at
/// the end, the row tells how many are above).
pub(crate) fn scrolled_lines(
    ctx: &Ctx,
    lines: Vec<Line<'static>>,
    height: usize,
    scroll: usize,
    width: u16,
    more_below: impl Fn(usize) -> String,
) -> Vec<Line<'static>> {
    let window = Window::new(lines.len(), height, scroll);
    let mut shown: Vec<Line<'static>> = lines
        .into_iter()
        .skip(window.top)
        .take(window.shown)
        .collect();
    let note = if window.below > 0 {
        Some(more_below(window.below))
    } else if window.above > 0 {
        Some(ctx.tr("scenario-scroll-above", &msg_args!("count" => window.above)))
    } else {
        None
    };
    if let Some(note) = note
        && height > 0
    {
        shown.push(Line::from(Span::styled(
            text::truncate(&note, usize::from(width)),
            ctx.theme.accent(),
        )));
    }
    shown
}

/// Scrolls a [`Window`] of `total` lines in `height` rows.
pub(crate) fn scroll_window(scroll: &mut usize, action: &Action, total: usize, height: usize) {
    let max = Window::max_scroll(total, height);
    let page = height.saturating_sub(2).max(1);
    let now = (*scroll).min(max);
    *scroll = match action {
        Action::Up => now.saturating_sub(1),
        Action::Down => (now + 1).min(max),
        Action::ScrollUp => now.saturating_sub(3),
        Action::ScrollDown => (now + 3).min(max),
        Action::PageUp => now.saturating_sub(page),
        Action::PageDown => (now + page).min(max),
        _ => now,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_keeps_a_row_to_say_what_is_cut() {
        // Everything fits: no row is kept.
        assert_eq!(
            Window::new(3, 5, 9),
            Window {
                top: 0,
                shown: 3,
                below: 0,
                above: 0
            }
        );
        // Ten lines in four rows: three shown, seven below.
        let first = Window::new(10, 4, 0);
        assert_eq!((first.top, first.shown, first.below), (0, 3, 7));
        // Scrolled to the end: the last three, seven above, and no further.
        assert_eq!(Window::max_scroll(10, 4), 7);
        let last = Window::new(10, 4, 99);
        assert_eq!((last.top, last.below, last.above), (7, 0, 7));
        assert!(last.is_cut());
        // No rows at all: nothing shown, nothing panics.
        assert_eq!(Window::new(2, 0, 1).shown, 0);
    }

    #[test]
    fn scrolling_a_window_stops_at_both_ends() {
        let mut scroll = 0;
        scroll_window(&mut scroll, &Action::Up, 10, 4);
        assert_eq!(scroll, 0);
        scroll_window(&mut scroll, &Action::PageDown, 10, 4);
        assert_eq!(scroll, 2);
        for _ in 0..10 {
            scroll_window(&mut scroll, &Action::Down, 10, 4);
        }
        assert_eq!(scroll, 7);
        scroll_window(&mut scroll, &Action::Up, 10, 4);
        assert_eq!(scroll, 6);
    }
}
