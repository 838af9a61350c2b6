//! Drawing: a pure function of the app state. The frame is split into a header, the
//! screen's body and a footer with the main keys; the help overlay goes on top. Below the
//! minimum size only a short "make the window larger" message is drawn.

use super::app::{App, Ctx};
use super::keymap::{self, Global};
use super::screens::KeyHelp;
use super::text;
use super::widgets::render_notice;
use crate::msg_args;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

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
    let language = language_tag(ctx, usize::from(header.width));
    let room = usize::from(header.width)
        .saturating_sub(unicode_width::UnicodeWidthStr::width(language.as_str()));
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

/// The interface language at the right of the header ("FR "), and when some texts of the
/// screen are not translated, the one notice that says so ("FR · partly in English "), or
/// where that leaves the title too little room, the languages alone ("FR (EN) ").
fn language_tag(ctx: &Ctx, width: usize) -> String {
    /// The title keeps at least this many columns beside the notice.
    const TITLE_ROOM: usize = 24;
    let current = ctx.i18n().current().tag().to_uppercase();
    let Some(notice) = ctx.session.fallback_notice() else {
        return format!("{current} ");
    };
    let full = format!(" {current} · {notice} ");
    if unicode_width::UnicodeWidthStr::width(full.as_str()) + TITLE_ROOM <= width {
        return full;
    }
    let others: Vec<String> = ctx
        .session
        .fallbacks()
        .iter()
        .map(|l| l.as_str().to_uppercase())
        .collect();
    format!(" {current} ({}) ", others.join(", "))
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

/// How the help overlay is laid out for a frame of `area`.
enum HelpPlan {
    /// One column that fits whole.
    Whole {
        popup: Rect,
        lines: Vec<Line<'static>>,
    },
    /// The screen's keys and the global keys side by side, each row whole.
    Columns {
        popup: Rect,
        left: Vec<Line<'static>>,
        right: Vec<Line<'static>>,
    },
    /// One column that scrolls (small terminals): `lines` end with the way out.
    Scrolled {
        popup: Rect,
        lines: Vec<Line<'static>>,
    },
}

/// The keys of the help overlay: the current screen's, then those that work everywhere.
fn help_keys(app: &App) -> (Vec<KeyHelp>, Vec<KeyHelp>) {
    let ctx = &app.ctx;
    (app.screen.keys(ctx), keymap::global().help(ctx))
}

fn columns(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// The rows of `keys` under the heading `heading`, `width` columns wide: the keys in a
/// column of `key_width`, what they do wrapped beside them (or under them, when the room
/// beside is too narrow).
fn help_rows(
    app: &App,
    heading: &str,
    keys: &[KeyHelp],
    key_width: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let theme = &app.ctx.theme;
    let mut lines = vec![Line::from(Span::styled(
        text::truncate(&app.ctx.t(heading), width),
        theme.title(),
    ))];
    let indent = key_width + 4;
    let beside = width.saturating_sub(indent);
    for key in keys {
        let pad = key_width.saturating_sub(columns(&key.keys));
        let keys = format!("  {}{}  ", key.keys, " ".repeat(pad));
        if beside >= 12 {
            let wrapped = textwrap::wrap(&key.action, beside.max(1));
            for (n, part) in wrapped.iter().enumerate() {
                let lead = if n == 0 {
                    Span::styled(keys.clone(), theme.accent())
                } else {
                    Span::raw(" ".repeat(indent))
                };
                lines.push(Line::from(vec![
                    lead,
                    Span::styled(part.to_string(), theme.text()),
                ]));
            }
        } else {
            lines.push(Line::from(Span::styled(
                text::truncate(&format!("  {}", key.keys), width),
                theme.accent(),
            )));
            for part in textwrap::wrap(&key.action, width.saturating_sub(4).max(1)) {
                lines.push(Line::from(Span::styled(
                    format!("    {part}"),
                    theme.text(),
                )));
            }
        }
    }
    lines
}

/// Whether every line of `lines` fits in `width` columns.
fn fits(lines: &[Line<'_>], width: u16) -> bool {
    lines.iter().all(|l| l.width() <= usize::from(width))
}

fn help_plan(app: &App, area: Rect) -> HelpPlan {
    let (screen_keys, global) = help_keys(app);
    let key_width = screen_keys
        .iter()
        .chain(global.iter())
        .map(|k| columns(&k.keys))
        .max()
        .unwrap_or(1);
    let room = area.height.saturating_sub(2);
    let count = |lines: &[Line<'_>]| u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let one = |width: u16| {
        let width = usize::from(width.saturating_sub(2));
        let mut lines = help_rows(app, "help-screen-keys", &screen_keys, key_width, width);
        lines.push(Line::default());
        lines.extend(help_rows(
            app,
            "help-global-keys",
            &global,
            key_width,
            width,
        ));
        lines
    };
    let width = area.width.saturating_sub(4).min(72);
    let lines = one(width);
    if count(&lines) + 2 <= room {
        let popup = centered(area, width, count(&lines) + 2);
        return HelpPlan::Whole { popup, lines };
    }
    // Too tall for one column: side by side, when every row fits whole.
    let wide = centered(area, area.width.saturating_sub(2).min(120), room);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(Block::default().borders(Borders::ALL).inner(wide));
    let left = help_rows(app, "help-screen-keys", &screen_keys, key_width, usize::MAX);
    let right = help_rows(app, "help-global-keys", &global, key_width, usize::MAX);
    let height = count(&left).max(count(&right)) + 2;
    if height <= room && fits(&left, left_area.width) && fits(&right, right_area.width) {
        let popup = centered(area, wide.width, height);
        return HelpPlan::Columns { popup, left, right };
    }
    // Small terminals: one column that scrolls, the way out at its end.
    let mut lines = lines;
    lines.push(Line::default());
    for part in textwrap::wrap(
        &app.ctx.t("help-close"),
        usize::from(width.saturating_sub(2)).max(1),
    ) {
        lines.push(Line::from(Span::styled(
            part.to_string(),
            app.ctx.theme.dim(),
        )));
    }
    HelpPlan::Scrolled {
        popup: centered(area, width, room),
        lines,
    }
}

/// How far the help overlay can scroll at the last frame's size (0 when it fits).
pub fn help_max_scroll(app: &App) -> usize {
    match help_plan(app, app.ctx.area) {
        HelpPlan::Scrolled { popup, lines } => lines
            .len()
            .saturating_sub(usize::from(popup.height.saturating_sub(2))),
        HelpPlan::Whole { .. } | HelpPlan::Columns { .. } => 0,
    }
}

/// The lines one page of the help overlay scrolls.
pub fn help_page(app: &App) -> usize {
    match help_plan(app, app.ctx.area) {
        HelpPlan::Scrolled { popup, .. } => usize::from(popup.height.saturating_sub(3)).max(1),
        HelpPlan::Whole { .. } | HelpPlan::Columns { .. } => 1,
    }
}

/// The help overlay: the keys of the current screen, then the keys that work everywhere;
/// on small terminals one column that scrolls, so every key can be read whole.
fn render_help(app: &App, frame: &mut Frame, area: Rect) {
    let ctx = &app.ctx;
    let theme = &ctx.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(
            format!(" {} ", ctx.t("help-title")),
            theme.title(),
        ));
    // The way out stays visible whatever the size: in the border, or at the end of the
    // scrolled text.
    let closing = block.clone().title_bottom(Span::styled(
        format!(" {} ", ctx.t("help-close")),
        theme.dim(),
    ));
    match help_plan(app, area) {
        HelpPlan::Whole { popup, lines } => {
            frame.render_widget(Clear, popup);
            frame.render_widget(Paragraph::new(lines).block(closing), popup);
        }
        HelpPlan::Columns { popup, left, right } => {
            frame.render_widget(Clear, popup);
            let inner = closing.inner(popup);
            frame.render_widget(closing, popup);
            let [left_area, right_area] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(inner);
            frame.render_widget(Paragraph::new(left), left_area);
            frame.render_widget(Paragraph::new(right), right_area);
        }
        HelpPlan::Scrolled { popup, lines } => {
            let height = usize::from(popup.height.saturating_sub(2));
            let scroll = app.help_scroll.min(lines.len().saturating_sub(height));
            let below = lines.len().saturating_sub(scroll + height);
            let mut block = block;
            if scroll > 0 {
                block = block.title(
                    Line::from(Span::styled(
                        format!(
                            " {} ",
                            ctx.tr("help-more-above", &msg_args!("count" => scroll))
                        ),
                        theme.dim(),
                    ))
                    .right_aligned(),
                );
            }
            if below > 0 {
                block = block.title_bottom(
                    Line::from(Span::styled(
                        format!(
                            " {} ",
                            ctx.tr("help-more-below", &msg_args!("count" => below))
                        ),
                        theme.dim(),
                    ))
                    .right_aligned(),
                );
            }
            let shown: Vec<Line<'static>> = lines.into_iter().skip(scroll).take(height).collect();
            frame.render_widget(Clear, popup);
            frame.render_widget(Paragraph::new(shown).block(block), popup);
        }
    }
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
