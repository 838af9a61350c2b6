//! Home: the course, its modules with a progress gauge each, overall progress, "continue
//! where you left off", and the way to settings.

use super::{KeyHelp, Screen, lesson, module_title, scenario, settings};
use crate::course::checked::Item;
use crate::course::ids::ItemId;
use crate::msg_args;
use crate::progress::ItemStatus;
use crate::tui::action::Action;
use crate::tui::app::{Ctx, Transition};
use crate::tui::keymap::{Binding, Key, Keymap};
use crate::tui::text;
use crate::tui::widgets::gauge;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The home screen's state: which entry is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// Index into the selectable entries of [`rows`].
    pub selected: usize,
}

impl State {
    /// The home screen, with "continue" selected.
    pub fn new(ctx: &Ctx) -> Self {
        let _ = ctx;
        Self { selected: 0 }
    }

    /// The home screen with `entry` selected (the item or settings just left), so the next
    /// Enter opens it again; "continue" when it is not on the list.
    pub fn at(ctx: &Ctx, entry: &Entry) -> Self {
        let rows = rows(ctx);
        let selected = entries(&rows).iter().position(|e| *e == entry).unwrap_or(0);
        Self { selected }
    }
}

/// Something on the home screen that can be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Continue where the learner left off (or start at the first item).
    Continue(ItemId),
    /// The next item of the course's short core path.
    CorePath(ItemId),
    /// A lesson or scenario.
    Item(ItemId),
    /// The settings screen.
    Settings,
}

/// One row of the home list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A module heading with its progress.
    Module(usize),
    /// An entry that can be selected and opened.
    Entry(Entry),
}

/// The rows of the list, in order.
pub fn rows(ctx: &Ctx) -> Vec<Row> {
    let mut rows = Vec::new();
    if let Some(item) = continue_item(ctx) {
        rows.push(Row::Entry(Entry::Continue(item)));
    }
    if let Some(core) = ctx.session.core_path() {
        rows.push(Row::Entry(Entry::CorePath(core.next)));
    }
    for (index, module) in ctx.course().modules.iter().enumerate() {
        rows.push(Row::Module(index));
        for item in &module.items {
            rows.push(Row::Entry(Entry::Item(item.clone())));
        }
    }
    rows.push(Row::Entry(Entry::Settings));
    rows
}

/// The item to continue with, as the session decides it (see
/// [`Session::continue_item`](crate::session::Session::continue_item)).
pub fn continue_item(ctx: &Ctx) -> Option<ItemId> {
    ctx.session.continue_item()
}

fn status(ctx: &Ctx, item: &ItemId) -> ItemStatus {
    ctx.progress()
        .items
        .get(item)
        .map(|p| p.status)
        .unwrap_or_default()
}

fn entries(rows: &[Row]) -> Vec<&Entry> {
    rows.iter()
        .filter_map(|row| match row {
            Row::Entry(entry) => Some(entry),
            Row::Module(_) => None,
        })
        .collect()
}

/// The areas of the home screen.
struct Areas {
    top: Rect,
    list: Rect,
}

fn areas(ctx: &Ctx, area: Rect) -> Areas {
    let top_height = 2 + u16::try_from(ctx.notices.len()).unwrap_or(u16::MAX);
    let [top, list] =
        Layout::vertical([Constraint::Length(top_height), Constraint::Min(0)]).areas(area);
    Areas { top, list }
}

/// The first row shown, so that the selected entry stays in view.
fn scroll(rows: &[Row], selected: usize, height: u16) -> usize {
    let Some(selected_row) = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, Row::Entry(_)))
        .nth(selected)
        .map(|(i, _)| i)
    else {
        return 0;
    };
    let height = usize::from(height.max(1));
    // Keep the module heading above the selection visible when it fits.
    let wanted = selected_row.saturating_sub(1);
    if selected_row < height {
        0
    } else {
        wanted
            .min(rows.len().saturating_sub(height))
            .max(selected_row + 1 - height)
    }
}

/// What a key does on the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Up,
    Down,
    PageUp,
    PageDown,
    Open,
    Continue,
    Settings,
    Quit,
}

/// The keys of the home screen.
fn keymap() -> Keymap<Cmd> {
    let mut map = Keymap::new();
    map.key(&[Key::Up], "↑↓ j k", "key-move", Cmd::Up)
        .also(&[Key::Down], Cmd::Down)
        .hidden(&[Key::PageUp], Cmd::PageUp)
        .hidden(&[Key::PageDown], Cmd::PageDown)
        .key(&[Key::Confirm], "Enter", "key-open", Cmd::Open)
        .hidden(&[Key::Right], Cmd::Open)
        .key(&[Key::Letter('c')], "c", "key-continue", Cmd::Continue)
        .key(&[Key::Letter('s')], "s", "key-settings", Cmd::Settings)
        // Esc on the first screen leaves the program.
        .hidden(&[Key::Back], Cmd::Quit);
    map
}

/// The key bindings of the home screen, with their commands written out.
pub fn bindings(_ctx: &Ctx, _state: &State) -> Vec<Binding<String>> {
    keymap().described()
}

/// Applies an action.
pub fn update(ctx: &mut Ctx, state: &mut State, action: &Action) -> Transition {
    let rows = rows(ctx);
    let entries = entries(&rows);
    let count = entries.len();
    let last = count.saturating_sub(1);
    if let Some(command) = keymap().find(action) {
        match command {
            Cmd::Up => state.selected = state.selected.saturating_sub(1),
            Cmd::Down => state.selected = (state.selected + 1).min(last),
            Cmd::PageUp => state.selected = state.selected.saturating_sub(5),
            Cmd::PageDown => state.selected = (state.selected + 5).min(last),
            Cmd::Open => {
                if let Some(entry) = entries.get(state.selected) {
                    return open((*entry).clone(), ctx);
                }
            }
            Cmd::Settings => return open(Entry::Settings, ctx),
            Cmd::Continue => {
                if let Some(item) = continue_item(ctx) {
                    return open(Entry::Continue(item), ctx);
                }
            }
            Cmd::Quit => return Transition::Quit,
        }
        return Transition::Stay;
    }
    match action {
        Action::Click { column, row } => {
            let list = areas(ctx, body_area(ctx)).list;
            if !list.contains((*column, *row).into()) {
                return Transition::Stay;
            }
            let first = scroll(&rows, state.selected, list.height);
            let clicked = first + usize::from(row - list.y);
            if let Some(Row::Entry(entry)) = rows.get(clicked) {
                let index = entries.iter().position(|e| *e == entry).unwrap_or(0);
                state.selected = index;
                return open(entry.clone(), ctx);
            }
        }
        Action::ScrollUp => state.selected = state.selected.saturating_sub(1),
        Action::ScrollDown => state.selected = (state.selected + 1).min(last),
        _ => {}
    }
    Transition::Stay
}

/// The body area for a frame of `ctx.area` (the same split as the view makes).
fn body_area(ctx: &Ctx) -> Rect {
    crate::tui::view::body_area(ctx.area)
}

fn open(entry: Entry, ctx: &mut Ctx) -> Transition {
    match entry {
        Entry::Settings => Transition::Open(Screen::Settings(settings::State::new(ctx))),
        Entry::Continue(item) | Entry::CorePath(item) | Entry::Item(item) => {
            match ctx.course().item(item.as_str()) {
                Some(Item::Lesson(_)) => {
                    Transition::Open(Screen::Lesson(lesson::State::open(ctx, &item)))
                }
                Some(Item::Scenario(_)) => {
                    Transition::Open(Screen::Scenario(scenario::State::open(ctx, &item)))
                }
                None => Transition::Stay,
            }
        }
    }
}

/// "Progress: 3 of 14 parts done" and the gauge, in `width` columns: the gauge only when
/// it fits whole after the words, and the words shortened with "…" when they do not fit.
fn progress_line(
    ctx: &Ctx,
    done: usize,
    total: usize,
    gauge_width: usize,
    width: usize,
) -> Line<'static> {
    let words = ctx.tr(
        "home-progress",
        &msg_args!("done" => done, "total" => total),
    );
    let words_width = unicode_width::UnicodeWidthStr::width(words.as_str());
    if words_width + 1 + gauge_width <= width {
        return Line::from(vec![
            Span::styled(words, ctx.theme.text()),
            Span::raw(" "),
            Span::styled(gauge(done, total, gauge_width), ctx.theme.gauge()),
        ]);
    }
    Line::from(Span::styled(
        text::truncate(&words, width),
        ctx.theme.text(),
    ))
}

fn module_progress(ctx: &Ctx, index: usize) -> (usize, usize) {
    let Some(module) = ctx.course().modules.get(index) else {
        return (0, 0);
    };
    let done = module
        .items
        .iter()
        .filter(|id| status(ctx, id) == ItemStatus::Completed)
        .count();
    (done, module.items.len())
}

fn overall_progress(ctx: &Ctx) -> (usize, usize) {
    (0..ctx.course().modules.len())
        .map(|i| module_progress(ctx, i))
        .fold((0, 0), |(d, t), (d2, t2)| (d + d2, t + t2))
}

fn item_label(ctx: &Ctx, id: &ItemId) -> (String, String, Option<u32>) {
    let item = ctx.course().item(id.as_str());
    // The estimate for a trainee reading the interface language.
    let minutes = item.and_then(|item| item.estimated_minutes(ctx.i18n().current().tag()));
    match item {
        Some(Item::Lesson(l)) => (ctx.plain(&l.title), ctx.t("home-kind-lesson"), minutes),
        Some(Item::Scenario(s)) => (ctx.plain(&s.title), ctx.t("home-kind-scenario"), minutes),
        None => (id.to_string(), String::new(), None),
    }
}

fn status_marker(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Completed => "✓",
        ItemStatus::InProgress => "◐",
        ItemStatus::Skipped => "–",
        ItemStatus::NotStarted => "·",
    }
}

/// Draws the home screen.
pub fn render(ctx: &Ctx, state: &State, frame: &mut Frame, area: Rect) {
    let theme = &ctx.theme;
    let areas = areas(ctx, area);
    let (done, total) = overall_progress(ctx);
    let gauge_width = if area.width >= 80 { 20 } else { 10 };
    let mut top = vec![
        Line::from(Span::styled(ctx.plain(&ctx.course().title), theme.title())),
        progress_line(ctx, done, total, gauge_width, usize::from(areas.top.width)),
    ];
    for notice in &ctx.notices {
        top.push(Line::from(Span::styled(
            text::truncate(notice, usize::from(area.width)),
            theme.notice(),
        )));
    }
    frame.render_widget(Paragraph::new(top), areas.top);

    let rows = rows(ctx);
    let first = scroll(&rows, state.selected, areas.list.height);
    let width = usize::from(areas.list.width);
    let mut selectable = 0usize;
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let line = match row {
            Row::Module(index) => {
                let (d, t) = module_progress(ctx, *index);
                let title = module_title(ctx, *index);
                let label = ctx.tr(
                    "home-module",
                    &msg_args!("number" => index + 1, "title" => title.as_str()),
                );
                let right = format!(" {} {d}/{t}", gauge(d, t, 8));
                let room =
                    width.saturating_sub(unicode_width::UnicodeWidthStr::width(right.as_str()));
                Line::from(vec![
                    Span::styled(text::truncate(&label, room), theme.title()),
                    Span::styled(right, theme.gauge()),
                ])
            }
            Row::Entry(entry) => {
                let selected = selectable == state.selected;
                selectable += 1;
                let marker = if selected { "› " } else { "  " };
                let label = match entry {
                    Entry::Continue(item) => {
                        let (title, _, _) = item_label(ctx, item);
                        let key = if ctx.progress().last_position.is_some() {
                            "home-continue"
                        } else {
                            "home-start"
                        };
                        format!("▶ {}", ctx.tr(key, &msg_args!("title" => title.as_str())))
                    }
                    Entry::CorePath(item) => {
                        let (title, _, _) = item_label(ctx, item);
                        let core = ctx.session.core_path();
                        let (done, total, minutes) =
                            core.map_or((0, 0, 0), |c| (c.done, c.total, c.minutes));
                        format!(
                            "◆ {}",
                            ctx.tr(
                                "home-core-path",
                                &msg_args!(
                                    "minutes" => minutes,
                                    "done" => done,
                                    "total" => total,
                                    "title" => title.as_str()
                                ),
                            )
                        )
                    }
                    Entry::Item(item) => {
                        let (title, kind, minutes) = item_label(ctx, item);
                        let minutes = minutes
                            .map(|m| {
                                format!(" · {}", ctx.tr("home-minutes", &msg_args!("minutes" => m)))
                            })
                            .unwrap_or_default();
                        format!(
                            "  {} {kind} · {title}{minutes}",
                            status_marker(status(ctx, item))
                        )
                    }
                    Entry::Settings => format!("⚙ {}", ctx.t("home-settings")),
                };
                let style = if selected {
                    theme.selected()
                } else {
                    theme.text()
                };
                Line::from(Span::styled(
                    text::truncate(&format!("{marker}{label}"), width),
                    style,
                ))
            }
        };
        if i >= first {
            lines.push(line);
        }
    }
    frame.render_widget(Paragraph::new(lines).style(Style::default()), areas.list);
}

/// The keys of the home screen, for the help and the key bar.
pub fn keys(ctx: &Ctx, _state: &State) -> Vec<KeyHelp> {
    keymap().help(ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gauge_reads_without_colour() {
        assert_eq!(gauge(0, 4, 8), "░░░░░░░░");
        assert_eq!(gauge(2, 4, 8), "████░░░░");
        assert_eq!(gauge(4, 4, 8), "████████");
        assert_eq!(gauge(1, 0, 4), "░░░░");
    }
}
