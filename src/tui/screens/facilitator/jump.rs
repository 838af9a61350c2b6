//! The jump menu: every module with its lessons and scenarios; the selected item unfolds
//! to its scenes (a lesson) or its decision points and endings (a scenario). Nothing is
//! locked: Enter opens what is selected. `✎` marks what has facilitator notes.

use super::{open_item, open_node, open_scene};
use crate::course::checked::{Item, NodeIdx, Step};
use crate::course::ids::{ItemId, SceneId};
use crate::msg_args;
use crate::tui::action::Action;
use crate::tui::app::{Ctx, Transition};
use crate::tui::keymap::{Binding, Key, Keymap};
use crate::tui::screens::{KeyHelp, module_title, scenario};
use crate::tui::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The jump menu's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The selected row among the selectable rows.
    pub selected: usize,
    /// The item unfolded, if any.
    pub unfolded: Option<ItemId>,
}

/// One row of the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A module heading (not selectable).
    Module(usize),
    /// A lesson or scenario.
    Item(ItemId),
    /// A scene of the unfolded lesson, with its position.
    Scene(ItemId, SceneId, usize),
    /// A decision point or ending of the unfolded scenario.
    Node(ItemId, NodeIdx),
}

impl State {
    /// The menu with the first item selected.
    pub fn new(ctx: &Ctx) -> Self {
        let _ = ctx;
        Self::default()
    }

    /// The menu with `item` selected and unfolded (coming back from it).
    pub fn at(ctx: &Ctx, item: &ItemId) -> Self {
        let mut state = Self {
            selected: 0,
            unfolded: Some(item.clone()),
        };
        let rows = rows(ctx, &state);
        state.selected = selectable(&rows)
            .iter()
            .position(|r| matches!(r, Row::Item(id) if id == item))
            .unwrap_or(0);
        state
    }
}

/// The rows, with the unfolded item's scenes or nodes.
pub fn rows(ctx: &Ctx, state: &State) -> Vec<Row> {
    let mut rows = Vec::new();
    for (index, module) in ctx.course().modules.iter().enumerate() {
        rows.push(Row::Module(index));
        for id in &module.items {
            rows.push(Row::Item(id.clone()));
            if state.unfolded.as_ref() != Some(id) {
                continue;
            }
            match ctx.course().item(id.as_str()) {
                Some(Item::Lesson(lesson)) => {
                    for (n, scene) in lesson.scenes.iter().enumerate() {
                        rows.push(Row::Scene(id.clone(), scene.id.clone(), n));
                    }
                }
                Some(Item::Scenario(s)) => {
                    for (n, node) in s.nodes.iter().enumerate() {
                        if !matches!(node.step, Step::Auto(_)) {
                            let idx = NodeIdx(u32::try_from(n).unwrap_or(u32::MAX));
                            rows.push(Row::Node(id.clone(), idx));
                        }
                    }
                }
                None => {}
            }
        }
    }
    rows
}

fn selectable(rows: &[Row]) -> Vec<&Row> {
    rows.iter()
        .filter(|r| !matches!(r, Row::Module(_)))
        .collect()
}

/// What a key does in the jump menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Up,
    Down,
    PageUp,
    PageDown,
    Open,
    /// Unfolds the selected item, or folds it when it is unfolded.
    Unfold,
    Fold,
}

/// The keys of the jump menu.
fn keymap() -> Keymap<Cmd> {
    let mut map = Keymap::new();
    map.key(&[Key::Up], "↑↓", "key-move", Cmd::Up)
        .also(&[Key::Down], Cmd::Down)
        .hidden(&[Key::PageUp], Cmd::PageUp)
        .hidden(&[Key::PageDown], Cmd::PageDown)
        .key(&[Key::Confirm], "Enter", "facilitator-key-open", Cmd::Open)
        .key(
            &[Key::Right, Key::Toggle],
            "→ ← Space",
            "facilitator-key-fold",
            Cmd::Unfold,
        )
        .also(&[Key::Left], Cmd::Fold)
        .hidden(&[Key::Back], Cmd::Fold);
    map
}

/// The key bindings of the jump menu, with their commands written out.
pub fn bindings(_ctx: &Ctx, _state: &State) -> Vec<Binding<String>> {
    keymap().described()
}

/// Applies an action.
pub fn update(ctx: &mut Ctx, state: &mut State, action: &Action) -> Transition {
    let rows = rows(ctx, state);
    let count = selectable(&rows).len();
    let last = count.saturating_sub(1);
    let selected = selectable(&rows).get(state.selected).map(|r| (*r).clone());
    let command = match action {
        Action::ScrollUp => Some(Cmd::Up),
        Action::ScrollDown => Some(Cmd::Down),
        _ => keymap().find(action),
    };
    match command {
        Some(Cmd::Up) => state.selected = state.selected.saturating_sub(1),
        Some(Cmd::Down) => state.selected = (state.selected + 1).min(last),
        Some(Cmd::PageUp) => state.selected = state.selected.saturating_sub(10),
        Some(Cmd::PageDown) => state.selected = (state.selected + 10).min(last),
        Some(Cmd::Unfold) => {
            if let Some(Row::Item(id)) = selected {
                state.unfolded = if state.unfolded.as_ref() == Some(&id) {
                    None
                } else {
                    Some(id.clone())
                };
                reselect(ctx, state, &id);
            }
        }
        Some(Cmd::Fold) => {
            let item = match &selected {
                Some(Row::Item(id) | Row::Scene(id, ..) | Row::Node(id, _)) => Some(id.clone()),
                _ => None,
            };
            state.unfolded = None;
            if let Some(id) = item {
                reselect(ctx, state, &id);
            }
        }
        Some(Cmd::Open) => {
            let opened = match selected {
                Some(Row::Item(id)) => open_item(ctx, &id),
                Some(Row::Scene(id, scene, _)) => open_scene(ctx, &id, &scene),
                Some(Row::Node(id, node)) => open_node(ctx, &id, node),
                _ => None,
            };
            if let Some(screen) = opened {
                return Transition::Open(screen);
            }
        }
        None => {}
    }
    Transition::Stay
}

/// Selects `item`'s row after the rows changed.
fn reselect(ctx: &Ctx, state: &mut State, item: &ItemId) {
    let rows = rows(ctx, state);
    if let Some(i) = selectable(&rows)
        .iter()
        .position(|r| matches!(r, Row::Item(id) if id == item))
    {
        state.selected = i;
    }
}

fn has_notes(ctx: &Ctx, item: &ItemId) -> bool {
    match ctx.course().item(item.as_str()) {
        Some(Item::Lesson(l)) => l.scenes.iter().any(|s| s.facilitator_notes.is_some()),
        Some(Item::Scenario(s)) => {
            s.facilitator_notes.is_some() || s.nodes.iter().any(|n| n.facilitator_notes.is_some())
        }
        None => false,
    }
}

fn row_label(ctx: &Ctx, state: &State, row: &Row) -> String {
    let mark = |notes: bool| if notes { " ✎" } else { "" };
    match row {
        Row::Module(index) => {
            let title = module_title(ctx, *index);
            ctx.tr(
                "facilitator-module",
                &msg_args!("number" => index + 1, "title" => title),
            )
        }
        Row::Item(id) => {
            let (kind, title) = match ctx.course().item(id.as_str()) {
                Some(Item::Lesson(l)) => (ctx.t("facilitator-kind-lesson"), ctx.plain(&l.title)),
                Some(Item::Scenario(s)) => {
                    (ctx.t("facilitator-kind-scenario"), ctx.plain(&s.title))
                }
                None => (String::new(), id.to_string()),
            };
            let fold = if state.unfolded.as_ref() == Some(id) {
                "▾"
            } else {
                "▸"
            };
            format!("{fold} {kind} · {title}{}", mark(has_notes(ctx, id)))
        }
        Row::Scene(id, scene, n) => {
            let found = ctx
                .course()
                .lessons
                .get(id)
                .and_then(|l| l.scenes.iter().find(|s| &s.id == scene));
            let title = found
                .and_then(|s| s.title.as_ref())
                .map_or_else(|| scene.to_string(), |t| ctx.plain(t));
            let notes = found.is_some_and(|s| s.facilitator_notes.is_some());
            format!(
                "    {}{}",
                ctx.tr(
                    "facilitator-scene",
                    &msg_args!("number" => n + 1, "title" => title)
                ),
                mark(notes)
            )
        }
        Row::Node(id, idx) => {
            let Some(s) = ctx.course().scenarios.get(id) else {
                return String::new();
            };
            let Some(node) = s.nodes.get(idx.0 as usize) else {
                return String::new();
            };
            let label = match &node.step {
                Step::Ending(ending) => ctx.tr(
                    "facilitator-ending",
                    &msg_args!(
                        "outcome" => scenario::outcome_word(ctx, ending.outcome),
                        "title" => ctx.plain(&ending.title),
                    ),
                ),
                _ => {
                    let line = scenario::unmarked(&scenario::node_label(ctx, s, *idx));
                    let key = if *idx == s.start {
                        "facilitator-node-start"
                    } else {
                        "facilitator-node"
                    };
                    ctx.tr(key, &msg_args!("label" => line))
                }
            };
            format!("    {label}{}", mark(node.facilitator_notes.is_some()))
        }
    }
}

/// Draws the menu.
pub fn render(ctx: &Ctx, state: &State, frame: &mut Frame, area: Rect) {
    let theme = &ctx.theme;
    let [top, _, list] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let width = usize::from(area.width);
    let session = super::log(ctx)
        .map(|log| {
            ctx.tr(
                "facilitator-jump-session",
                &msg_args!("id" => log.id.as_str()),
            )
        })
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                text::truncate(&ctx.t("facilitator-jump-title"), width),
                theme.title(),
            )),
            Line::from(Span::styled(text::truncate(&session, width), theme.dim())),
        ]),
        top,
    );
    let rows = rows(ctx, state);
    let selected_row = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !matches!(r, Row::Module(_)))
        .nth(state.selected)
        .map_or(0, |(i, _)| i);
    let height = usize::from(list.height.max(1));
    let first = selected_row.saturating_sub(height.saturating_sub(2));
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, row)| {
            let label = row_label(ctx, state, row);
            if matches!(row, Row::Module(_)) {
                return Line::from(Span::styled(text::truncate(&label, width), theme.title()));
            }
            let (marker, style) = if i == selected_row {
                ("› ", theme.selected())
            } else {
                ("  ", theme.text())
            };
            Line::from(Span::styled(
                text::truncate(&format!("{marker}{label}"), width),
                style,
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// The keys of the jump menu, for the help and the key bar.
pub fn keys(ctx: &Ctx, _state: &State) -> Vec<KeyHelp> {
    keymap().help(ctx)
}
