//! Draws the facilitator's dashboard ([`super::dashboard`]): the room, the group step with
//! its live counts and (after `v`) the bars with each answer's quality, the free-play
//! counts, the lock and the message; in the private view also the names, the facilitator
//! notes and the timer. The presenter view never draws a name or a note.

use super::Shared;
use super::dashboard::{Dashboard, Mode, View};
use super::room::{GroupStep, Presence, RoomState};
use crate::course::checked::{Item, Step};
use crate::facilitator::Tally;
use crate::msg_args;
use crate::progress::Timestamp;
use crate::tui::Ctx;
use crate::tui::screens::facilitator::jump;
use crate::tui::screens::scenario;
use crate::tui::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Eighths of a block: a module's progress in one character (a dot: nothing done yet).
const BLOCKS: [char; 9] = ['·', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Draws the dashboard.
pub fn render(shared: &Shared, dashboard: &Dashboard, frame: &mut Frame) {
    let ctx = &dashboard.ctx;
    let area = frame.area();
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let width = usize::from(area.width);
    let settings = &shared.workshop.settings;
    let view = match dashboard.view {
        View::Presenter => ctx.t("dashboard-view-presenter"),
        View::Private => ctx.t("dashboard-view-private"),
    };
    let title = ctx.tr(
        "dashboard-title",
        &msg_args!(
            "workshop" => settings.id.as_str(),
            "code" => settings.code.as_str(),
            "view" => view,
        ),
    );
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            text::truncate(&title, width),
            ctx.theme.title(),
        ))),
        header,
    );
    let (footer_text, footer_style) = match (&dashboard.mode, &dashboard.problem) {
        (Mode::Message(typed), _) => (
            format!("{} {typed}_", ctx.t("dashboard-message-prompt")),
            ctx.theme.selected(),
        ),
        (_, Some(problem)) => (problem.clone(), ctx.theme.notice()),
        (Mode::Pick, None) => (ctx.t("dashboard-keys-pick"), ctx.theme.dim()),
        (Mode::Overview, None) => (ctx.t("dashboard-keys"), ctx.theme.dim()),
    };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            text::truncate(&footer_text, width),
            footer_style,
        ))),
        footer,
    );
    if dashboard.mode == Mode::Pick {
        jump::render(ctx, &dashboard.jump, frame, body);
        return;
    }
    shared
        .workshop
        .live
        .read(|room| overview(ctx, dashboard, room, frame, body));
}

/// The room, the group step, free play; with notes and timer in the private view.
fn overview(ctx: &Ctx, dashboard: &Dashboard, room: &RoomState, frame: &mut Frame, area: Rect) {
    let group_lines = room.group().map_or_else(
        || vec![Line::from(ctx.t("dashboard-group-none"))],
        |group| group_step(ctx, dashboard, room, group, area.width),
    );
    let play_lines = free_play(ctx, room, area.width);
    let group_height = u16::try_from(group_lines.len() + 2).unwrap_or(u16::MAX);
    let play_height = u16::try_from(play_lines.len() + 2).unwrap_or(u16::MAX);
    let [room_area, group_area, play_area] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(group_height),
        Constraint::Length(play_height),
    ])
    .areas(area);
    let trainees = presence_lines(ctx, dashboard.view, room, room_area.width.saturating_sub(2));
    let count = room.present().len();
    frame.render_widget(
        Paragraph::new(trainees).block(panel(
            ctx,
            ctx.tr("dashboard-room-title", &msg_args!("count" => count)),
        )),
        room_area,
    );
    let group_title = room
        .group()
        .and_then(|g| ctx.course().scenarios.get(&g.scenario))
        .map_or_else(
            || ctx.t("vote-title"),
            |s| {
                ctx.tr(
                    "dashboard-group-title",
                    &msg_args!("scenario" => ctx.plain(&s.title)),
                )
            },
        );
    frame.render_widget(
        Paragraph::new(group_lines).block(panel(ctx, group_title)),
        group_area,
    );
    frame.render_widget(
        Paragraph::new(play_lines)
            .wrap(Wrap { trim: false })
            .block(panel(ctx, ctx.t("dashboard-play-title"))),
        play_area,
    );
}

fn panel<'a>(ctx: &Ctx, title: String) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(ctx.theme.border())
        .title(Span::styled(format!(" {title} "), ctx.theme.title()))
}

/// One line per trainee: name (or number), where, idle, endings, modules.
fn presence_lines(ctx: &Ctx, view: View, room: &RoomState, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    if room.present().is_empty() {
        return vec![Line::from(Span::styled(
            ctx.t("dashboard-room-empty"),
            ctx.theme.dim(),
        ))];
    }
    let now = Timestamp::now();
    let mut rows: Vec<(usize, String, String, String, String, String)> = room
        .present()
        .iter()
        .map(|(name, presence)| {
            let who = match view {
                View::Private => name.as_str().to_owned(),
                View::Presenter => ctx.tr(
                    "dashboard-trainee-number",
                    &msg_args!("number" => presence.number),
                ),
            };
            let idle = now.0.saturating_sub(presence.last_active.0) / 60;
            (
                presence.number,
                who,
                place(ctx, presence),
                ctx.tr("dashboard-idle", &msg_args!("minutes" => idle)),
                presence.endings.to_string(),
                modules(ctx, presence),
            )
        })
        .collect();
    // By number in the presenter view, so the order gives no name away.
    rows.sort_by_key(|row| row.0);
    let heading = [
        ctx.t("dashboard-col-who"),
        ctx.t("dashboard-col-where"),
        ctx.t("dashboard-col-idle"),
        ctx.t("dashboard-col-endings"),
        ctx.t("dashboard-col-modules"),
    ];
    let column = |texts: Vec<&str>| {
        texts
            .iter()
            .map(|t| unicode_width::UnicodeWidthStr::width(*t))
            .max()
            .unwrap_or(0)
    };
    let who_width = column(
        rows.iter()
            .map(|r| r.1.as_str())
            .chain([heading[0].as_str()])
            .collect(),
    );
    let idle_width = column(
        rows.iter()
            .map(|r| r.3.as_str())
            .chain([heading[2].as_str()])
            .collect(),
    );
    let endings_width = column(
        rows.iter()
            .map(|r| r.4.as_str())
            .chain([heading[3].as_str()])
            .collect(),
    );
    let modules_width = ctx.course().modules.len().max(heading[4].chars().count());
    let fixed = who_width + idle_width + endings_width + modules_width + 8;
    let where_width = width.saturating_sub(fixed).max(8);
    let line = |cells: [&str; 5]| {
        let pad = |text: &str, width: usize| {
            let shown = text::truncate(text, width);
            let used = unicode_width::UnicodeWidthStr::width(shown.as_str());
            format!("{shown}{}", " ".repeat(width.saturating_sub(used)))
        };
        text::truncate(
            &format!(
                "{}  {}  {}  {}  {}",
                pad(cells[0], who_width),
                pad(cells[1], where_width),
                pad(cells[2], idle_width),
                pad(cells[3], endings_width),
                cells[4]
            ),
            width,
        )
    };
    let mut lines = vec![Line::from(Span::styled(
        line([
            &heading[0],
            &heading[1],
            &heading[2],
            &heading[3],
            &heading[4],
        ]),
        ctx.theme.dim(),
    ))];
    for row in &rows {
        lines.push(Line::from(line([&row.1, &row.2, &row.3, &row.4, &row.5])));
    }
    lines
}

/// Where a trainee is: the item's title and the scene or node, or the overview.
fn place(ctx: &Ctx, presence: &Presence) -> String {
    let Some(item) = &presence.item else {
        return ctx.t("dashboard-where-overview");
    };
    let title = ctx
        .course()
        .item(item.as_str())
        .map_or_else(|| item.to_string(), |i| ctx.plain(i.title()));
    match &presence.spot {
        Some(spot) => format!("{title} · {spot}"),
        None => title,
    }
}

/// A trainee's progress per module, one block character each (eighths).
fn modules(ctx: &Ctx, presence: &Presence) -> String {
    ctx.course()
        .modules
        .iter()
        .map(|module| {
            let total = module.items.len();
            let done = module
                .items
                .iter()
                .filter(|id| presence.completed.contains(*id))
                .count();
            let eighths = (done * 8).checked_div(total).unwrap_or(0).min(8);
            BLOCKS[eighths]
        })
        .collect()
}

/// The group step: the decision point, how many voted, the answers with their counts
/// (private view) or bars and qualities (once revealed), what Enter does.
fn group_step(
    ctx: &Ctx,
    dashboard: &Dashboard,
    room: &RoomState,
    group: &GroupStep,
    width: u16,
) -> Vec<Line<'static>> {
    let width = usize::from(width.saturating_sub(2));
    let Some(scenario) = ctx.course().scenarios.get(&group.scenario) else {
        return Vec::new();
    };
    let node = scenario.node(group.node);
    let Step::Choices(choices) = &node.step else {
        return Vec::new();
    };
    let vote = group.vote();
    let mut lines = vec![Line::from(text::truncate(
        &ctx.tr(
            "dashboard-group-point",
            &msg_args!(
                "label" => scenario::unmarked(&scenario::node_label(ctx, scenario, group.node)),
                "voters" => group.voters(),
                "present" => room.present().len(),
            ),
        ),
        width,
    ))];
    let show_counts = group.revealed || dashboard.view == View::Private;
    let most = vote.counts().iter().copied().max().unwrap_or(0);
    let bar_width = 20usize;
    for (i, (choice, &votes)) in choices.iter().zip(vote.counts()).enumerate() {
        let marker = if i == dashboard.selected && group.resolved.is_none() {
            "›"
        } else {
            " "
        };
        let mut spans = vec![Span::styled(
            format!("{marker}{} ", i + 1),
            ctx.theme.accent(),
        )];
        if group.revealed {
            let filled = (votes as usize * bar_width)
                .checked_div(most as usize)
                .unwrap_or(0);
            spans.push(Span::styled("█".repeat(filled), ctx.theme.gauge()));
            spans.push(Span::styled(
                "░".repeat(bar_width - filled),
                ctx.theme.dim(),
            ));
            spans.push(Span::raw(" "));
        }
        if show_counts {
            spans.push(Span::styled(
                format!("{} ", ctx.tr("vote-bar", &msg_args!("votes" => votes))),
                ctx.theme.text(),
            ));
        }
        if group.revealed {
            spans.push(Span::styled(
                format!("{} ", scenario::quality_label(ctx, choice.quality)),
                ctx.theme.title(),
            ));
        }
        spans.push(Span::styled(
            format!("· {}", ctx.plain(&choice.text)),
            ctx.theme.text(),
        ));
        lines.push(scenario::conversation::truncate_line(spans, width));
    }
    let status = match &group.resolved {
        Some(chosen) => {
            let number = group.choices.iter().position(|c| c == chosen).unwrap_or(0) + 1;
            ctx.tr("dashboard-group-moved", &msg_args!("number" => number))
        }
        None => match vote.tally() {
            Tally::Winner(i) => ctx.tr("vote-winner", &msg_args!("number" => i + 1)),
            Tally::Tie(tied) => {
                let tied: Vec<String> = tied.iter().map(|i| (i + 1).to_string()).collect();
                ctx.tr("vote-tie", &msg_args!("tied" => tied.join(", ")))
            }
            Tally::Empty => ctx.t("vote-none"),
        },
    };
    lines.push(Line::from(Span::styled(
        text::truncate(&status, width),
        ctx.theme.emphasis(),
    )));
    if dashboard.view == View::Private {
        if let Some(notes) = &node.facilitator_notes {
            lines.push(Line::from(Span::styled(
                text::truncate(
                    &format!("✎ {}", ctx.plain(&notes.text).replace('\n', " ")),
                    width,
                ),
                ctx.theme.dim(),
            )));
        }
        let now = std::time::Instant::now();
        lines.push(Line::from(Span::styled(
            text::truncate(
                &format!(
                    "⏱ {} {}",
                    ctx.t("timer-label"),
                    dashboard.timer.display(now)
                ),
                width,
            ),
            ctx.theme.dim(),
        )));
    }
    lines
}

/// Free play: per scenario the endings reached and the most common turning points; the
/// lock and the message.
fn free_play(ctx: &Ctx, room: &RoomState, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.saturating_sub(2));
    let mut lines = Vec::new();
    for (item, play) in room.play() {
        let Some(found) = ctx.course().scenarios.get(item) else {
            continue;
        };
        let endings: u32 = play.endings.values().sum();
        let points: Vec<String> = play
            .most_common_turning_points(3)
            .into_iter()
            .map(|(node, count)| {
                let label = found
                    .node_idx(node.as_str())
                    .map(|idx| scenario::unmarked(&scenario::node_label(ctx, found, idx)))
                    .unwrap_or_else(|| node.to_string());
                format!("{} ({count})", text::truncate(&label, 30))
            })
            .collect();
        lines.push(Line::from(text::truncate(
            &ctx.tr(
                "dashboard-play-line",
                &msg_args!(
                    "scenario" => ctx.plain(&found.title),
                    "endings" => endings,
                    "points" => points.join(", "),
                ),
            ),
            width,
        )));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            ctx.t("dashboard-play-none"),
            ctx.theme.dim(),
        )));
    }
    if let Some(item) = room.locked() {
        let title = ctx
            .course()
            .item(item.as_str())
            .map_or_else(|| item.to_string(), |i: Item<'_>| ctx.plain(i.title()));
        lines.push(Line::from(Span::styled(
            text::truncate(
                &ctx.tr("dashboard-locked", &msg_args!("item" => title)),
                width,
            ),
            ctx.theme.notice(),
        )));
    }
    if let Some(message) = room.message() {
        lines.push(Line::from(Span::styled(
            text::truncate(
                &ctx.tr("dashboard-message", &msg_args!("message" => message)),
                width,
            ),
            ctx.theme.notice(),
        )));
    }
    lines
}

#[cfg(test)]
mod tests;
