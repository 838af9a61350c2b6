//! Drawing: a pure function of the app state. The frame is split into a header, the
//! screen's body and a footer with the main keys; the help overlay goes on top. Below the
//! minimum size only a short "make the window larger" message is drawn.

use super::app::App;
use super::keymap::{self, Global};
use super::screens::KeyHelp;
use super::text;
use super::widgets::render_notice;
use crate::msg_args;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// Below this many columns the screen shows only the "too small" message.
pub const MIN_WIDTH: u16 = 40;
/// Below this many rows the screen shows only the "too small" message.
pub const MIN_HEIGHT: u16 = 12;
/// From this width on, screens use their full layout (side panels); below it, compact.
pub const FULL_WIDTH: u16 = 80;

/// Whether `area` is too small for any screen.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The header, body and footer rows of a frame of `area`.
fn split(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The body of a frame of `area`: what a screen draws into. Screens use it to map mouse
/// clicks to what they drew.
pub fn body_area(area: Rect) -> Rect {
    let [_, body, _] = split(area);
    // One column of margin on each side reads calmer.
    body.inner(ratatui::layout::Margin::new(1, 0))
}

/// Draws the whole app.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let ctx = &app.ctx;
    if too_small(area) {
        let message = ctx.tr(
            "tui-too-small",
            &msg_args!("width" => MIN_WIDTH, "height" => MIN_HEIGHT),
        );
        render_notice(ctx, message, frame, area);
        return;
    }
    let [header, _, footer] = split(area);
    let body = body_area(area);

    let title = format!(
        " {} · {}",
        app.screen.title(ctx),
        ctx.plain(&ctx.course().title)
    );
    let language = format!("{} ", ctx.i18n().current().tag().to_uppercase());
    let room = usize::from(header.width).saturating_sub(language.len());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                format!("{:<room$}", text::truncate(&title, room)),
                ctx.theme.title(),
            ),
            Span::styled(language, ctx.theme.dim()),
        ])),
        header,
    );

    app.screen.render(ctx, frame, body);

    let footer_line = match &ctx.status {
        Some(status) => Line::from(Span::styled(
            text::truncate(status, usize::from(footer.width)),
            ctx.theme.notice(),
        )),
        None => hints(app, usize::from(footer.width)),
    };
    frame.render_widget(Paragraph::new(footer_line), footer);

    if app.help {
        render_help(app, frame, area);
    }
}

/// The footer: the screen's main keys, then help and quit, as many as fit.
fn hints(app: &App, width: usize) -> Line<'static> {
    let ctx = &app.ctx;
    let mut keys = app.screen.keys(ctx);
    // While the editor has the focus, `?` and `q` are typed, not keys.
    let tail: &[Global] = if app.editing() {
        &[Global::Interrupt]
    } else {
        &[Global::Help, Global::Quit]
    };
    keys.extend(keymap::global().help_where(ctx, |command| tail.contains(command)));
    let mut spans = Vec::new();
    let mut used = 1;
    spans.push(Span::raw(" "));
    // Help and quit are always shown: reserve their room first.
    let tail: Vec<&KeyHelp> = keys.iter().rev().take(2).collect();
    let tail_width: usize = tail.iter().map(|k| hint_width(k)).sum();
    for key in &keys[..keys.len() - 2] {
        let w = hint_width(key);
        if used + w + tail_width > width {
            break;
        }
        push_hint(&mut spans, key, app);
        used += w;
    }
    for key in tail.into_iter().rev() {
        push_hint(&mut spans, key, app);
    }
    Line::from(spans)
}

fn hint_width(key: &KeyHelp) -> usize {
    unicode_width::UnicodeWidthStr::width(key.keys.as_str())
        + unicode_width::UnicodeWidthStr::width(key.action.as_str())
        + 3
}

fn push_hint(spans: &mut Vec<Span<'static>>, key: &KeyHelp, app: &App) {
    spans.push(Span::styled(key.keys.clone(), app.ctx.theme.accent()));
    spans.push(Span::styled(
        format!(" {}  ", key.action),
        app.ctx.theme.dim(),
    ));
}

/// The help overlay: the keys of the current screen, then the keys that work everywhere.
fn render_help(app: &App, frame: &mut Frame, area: Rect) {
    let ctx = &app.ctx;
    let theme = &ctx.theme;
    let global = keymap::global().help(ctx);
    let screen_keys = app.screen.keys(ctx);
    let key_width = screen_keys
        .iter()
        .chain(global.iter())
        .map(|k| unicode_width::UnicodeWidthStr::width(k.keys.as_str()))
        .max()
        .unwrap_or(1);
    let row = |k: &KeyHelp| {
        let pad = key_width.saturating_sub(unicode_width::UnicodeWidthStr::width(k.keys.as_str()));
        Line::from(vec![
            Span::styled(format!("  {}{}  ", k.keys, " ".repeat(pad)), theme.accent()),
            Span::styled(k.action.clone(), theme.text()),
        ])
    };
    let heading = |id: &str| Line::from(Span::styled(ctx.t(id), theme.title()));
    let mut screen_lines = vec![heading("help-screen-keys")];
    screen_lines.extend(screen_keys.iter().map(row));
    let mut global_lines = vec![heading("help-global-keys")];
    global_lines.extend(global.iter().map(row));

    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(
            format!(" {} ", ctx.t("help-title")),
            theme.title(),
        ))
        // The way out stays visible whatever the size: it is in the border.
        .title_bottom(Span::styled(
            format!(" {} ", ctx.t("help-close")),
            theme.dim(),
        ));
    let count = |lines: &[Line<'_>]| u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let one_column = count(&screen_lines) + 1 + count(&global_lines) + 2;
    let room = area.height.saturating_sub(2);
    if one_column <= room {
        let mut lines = screen_lines;
        lines.push(Line::default());
        lines.extend(global_lines);
        let popup = centered(
            area,
            area.width.saturating_sub(4).min(72),
            one_column.min(room),
        );
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            popup,
        );
        return;
    }
    // Too tall for one column: the screen's keys and the global keys side by side.
    let height = (count(&screen_lines).max(count(&global_lines)) + 2).min(room);
    let popup = centered(area, area.width.saturating_sub(2).min(120), height);
    frame.render_widget(Clear, popup);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(inner);
    frame.render_widget(
        Paragraph::new(screen_lines).wrap(Wrap { trim: false }),
        left,
    );
    frame.render_widget(
        Paragraph::new(global_lines).wrap(Wrap { trim: false }),
        right,
    );
}

/// A rectangle of `width` x `height` centred in `area` (clipped to it).
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    popup
}
