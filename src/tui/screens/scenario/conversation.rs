//! The conversation: the transcript (the characters' lines and the learner's answers), the
//! answers offered now, the coach's feedback and the inner thoughts after the last answer,
//! and the variables as gauges.
//!
//! Full layout (80 columns and more): transcript above the answers on the left, gauges and
//! feedback on the right. Compact: gauges in one line on top, then the transcript, the
//! feedback and the answers.

use super::{Cmd, Focus, State, change_label, choice_at, node, scroll_keys, speaker_name};
use crate::course::checked::{Choice, NodeIdx, Scenario};
use crate::course::model::Mood;
use crate::engine::scenario::{PathEvent, ScenarioRun};
use crate::msg_args;
use crate::tui::action::Action;
use crate::tui::app::{Ctx, Transition};
use crate::tui::keymap::{Key, Keymap, digit};
use crate::tui::text;
use crate::tui::view::FULL_WIDTH;
use crate::tui::widgets::gauge;
use crate::tui::widgets::{Window, course_lines, scroll_window, scrolled_lines};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// The panes of the conversation.
#[derive(Debug, Clone, Copy)]
pub struct Areas {
    /// The variables' gauges.
    pub gauges: Rect,
    /// The transcript.
    pub transcript: Rect,
    /// The coach's feedback and inner thoughts.
    pub feedback: Rect,
    /// The answers offered.
    pub choices: Rect,
    /// Whether this is the full layout (side panel) or the compact one.
    pub full: bool,
}

/// Whether `area` (the screen body) gets the full layout.
pub fn is_full(area: Rect) -> bool {
    // The body has one column of margin on each side of the frame.
    area.width.saturating_add(2) >= FULL_WIDTH
}

/// The panes for `area`; the answers' height follows their wrapped text.
pub fn areas(
    ctx: &Ctx,
    state: &State,
    scenario: &Scenario,
    run: &ScenarioRun,
    area: Rect,
) -> Areas {
    let full = is_full(area);
    if full {
        // Two blank columns between the panes, so their lines never run together.
        let [left, _, right] = Layout::horizontal([
            Constraint::Percentage(60),
            Constraint::Length(2),
            Constraint::Min(0),
        ])
        .areas(area);
        let choices_height =
            choices_height(ctx, state, scenario, run, left.width, left.height / 2 + 2)
                .min(left.height);
        let [transcript, choices] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(choices_height)]).areas(left);
        let rows_per_gauge = if with_bars(area) { 2 } else { 1 };
        let gauge_height = u16::try_from(scenario.variables.len() * rows_per_gauge)
            .unwrap_or(u16::MAX)
            .min(right.height / 2);
        let [gauges, feedback] =
            Layout::vertical([Constraint::Length(gauge_height), Constraint::Min(0)]).areas(right);
        Areas {
            gauges,
            transcript,
            feedback,
            choices,
            full,
        }
    } else {
        let gauge_height = u16::from(!scenario.variables.is_empty());
        let choices_height =
            choices_height(ctx, state, scenario, run, area.width, area.height / 3 + 1)
                .min(area.height.saturating_sub(gauge_height));
        let feedback_wanted = feedback_lines(ctx, scenario, run, area.width).len();
        let feedback_height = clamp_height(feedback_wanted, area.height / 4 + 1);
        let [gauges, transcript, feedback, choices] = Layout::vertical([
            Constraint::Length(gauge_height),
            Constraint::Min(0),
            Constraint::Length(feedback_height),
            Constraint::Length(choices_height),
        ])
        .areas(area);
        Areas {
            gauges,
            transcript,
            feedback,
            choices,
            full,
        }
    }
}

/// Whether the full layout has room for a bar under each gauge's numbers.
fn with_bars(area: Rect) -> bool {
    area.height >= 30
}

/// The answers' rows: all of them up to `most`, but always enough for the heading, the
/// selected answer whole and the row that says what is cut.
fn choices_height(
    ctx: &Ctx,
    state: &State,
    scenario: &Scenario,
    run: &ScenarioRun,
    width: u16,
    most: u16,
) -> u16 {
    let (lines, starts) = choice_lines(ctx, state, scenario, run, width);
    let total = lines.len();
    let selected = state.selected.min(starts.len().saturating_sub(1));
    let needed = starts.get(selected).map_or(total, |&start| {
        let end = starts.get(selected + 1).copied().unwrap_or(total);
        // The heading, the answer, and the row below it when more follow.
        (1 + end - start + usize::from(end < total)).min(total)
    });
    clamp_height(total, most).max(clamp_height(needed, u16::MAX))
}

fn clamp_height(wanted: usize, most: u16) -> u16 {
    u16::try_from(wanted).unwrap_or(u16::MAX).min(most)
}

/// Where the feedback panel draws: the border or heading row that names it, if any, and
/// the rows for its text (the last of which says what is cut, when something is).
#[derive(Debug, Clone, Copy)]
pub struct FeedbackPane {
    /// The full layout's top border, with the panel's name in it.
    pub border: Option<Rect>,
    /// The compact layout's heading row, shown while the panel has the focus.
    pub heading: Option<Rect>,
    /// The rows for the feedback text.
    pub text: Rect,
}

/// The feedback panel's parts within `panes.feedback`.
pub fn feedback_pane(panes: &Areas, focused: bool) -> FeedbackPane {
    let area = panes.feedback;
    let split = |area: Rect| {
        let [first, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        (first, rest)
    };
    if panes.full && area.height > 2 {
        let (border, text) = split(area);
        FeedbackPane {
            border: Some(border),
            heading: None,
            text,
        }
    } else if !panes.full && focused && area.height >= 2 {
        // Compact panes have no borders: the focus gets a heading row of its own.
        let (heading, text) = split(area);
        FeedbackPane {
            border: None,
            heading: Some(heading),
            text,
        }
    } else {
        FeedbackPane {
            border: None,
            heading: None,
            text: area,
        }
    }
}

/// Whether the feedback panel can take the focus: it is on screen and has something in it.
fn feedback_available(ctx: &Ctx, scenario: &Scenario, run: &ScenarioRun, panes: &Areas) -> bool {
    panes.feedback.height >= 2
        && !feedback_lines(ctx, scenario, run, panes.feedback.width).is_empty()
}

/// The feedback's lines and the window shown of them, for `state`'s focus and scroll.
fn feedback_window(
    ctx: &Ctx,
    state: &State,
    scenario: &Scenario,
    run: &ScenarioRun,
    panes: &Areas,
) -> (FeedbackPane, usize, Window) {
    let pane = feedback_pane(panes, state.focus == Focus::Feedback);
    let total = feedback_lines(ctx, scenario, run, pane.text.width).len();
    let window = Window::new(total, usize::from(pane.text.height), state.feedback_scroll);
    (pane, total, window)
}

/// The keys of the conversation (the letters and Esc are added by the screen); scrolling
/// the feedback comes first while it has the focus, and right after the answer keys while
/// some of it is cut. Presented to a group, numbers and Enter are the stage's (they vote
/// and go with the vote), so they are not bound here.
pub(super) fn keymap(ctx: &Ctx, state: &State, map: &mut Keymap<Cmd>) {
    let feedback_cut = ctx
        .course()
        .scenarios
        .get(&state.scenario)
        .zip(state.run(ctx))
        .is_some_and(|(scenario, run)| {
            let area = super::content_area(ctx, state);
            let panes = areas(ctx, state, scenario, run, area);
            feedback_window(ctx, state, scenario, run, &panes)
                .2
                .is_cut()
        });
    let presenting = state.presenting;
    let number = |map: &mut Keymap<Cmd>| {
        if !presenting {
            map.key(&[Key::Number], "1-9", "scenario-key-number", Cmd::Pick);
        }
    };
    let panes = |map: &mut Keymap<Cmd>| {
        map.key(&[Key::NextPane], "Tab", "scenario-key-panes", Cmd::NextPane)
            .hidden(&[Key::PrevPane], Cmd::PrevPane);
    };
    let feedback = |map: &mut Keymap<Cmd>| {
        map.hint("Tab, PgDn", "scenario-key-scroll-feedback", Cmd::NextPane);
    };
    match state.focus {
        Focus::Feedback => {
            scroll_keys(map, "scenario-key-scroll-feedback");
            panes(map);
            number(map);
            if !presenting {
                map.hidden(&[Key::Confirm], Cmd::Choose);
            }
        }
        Focus::Choices | Focus::Transcript => {
            number(map);
            if feedback_cut {
                feedback(map);
            }
            let pages = |map: &mut Keymap<Cmd>| {
                map.key(
                    &[Key::PageUp],
                    "PgUp PgDn",
                    "scenario-key-scroll",
                    Cmd::PageUp,
                )
                .also(&[Key::PageDown], Cmd::PageDown);
            };
            match (state.focus, presenting) {
                (Focus::Choices, false) => {
                    map.key(&[Key::Up], "↑↓ Enter", "scenario-key-choose", Cmd::SelectUp)
                        .also(&[Key::Down], Cmd::SelectDown)
                        .also(&[Key::Confirm], Cmd::Choose);
                    pages(map);
                }
                (Focus::Choices, true) => {
                    map.key(&[Key::Up], "↑↓", "scenario-key-select", Cmd::SelectUp)
                        .also(&[Key::Down], Cmd::SelectDown);
                    pages(map);
                }
                _ => {
                    // The transcript has the focus: the arrows scroll it too.
                    scroll_keys(map, "scenario-key-scroll");
                    if !presenting {
                        map.key(&[Key::Confirm], "Enter", "scenario-key-choose", Cmd::Choose);
                    }
                }
            }
            panes(map);
            if !feedback_cut {
                feedback(map);
            }
        }
    }
}

/// Applies a key's command, or the mouse, in the conversation.
pub(super) fn update(
    ctx: &mut Ctx,
    state: &mut State,
    command: Option<Cmd>,
    action: &Action,
) -> Transition {
    let Some(scenario) = ctx.course().scenarios.get(&state.scenario) else {
        return Transition::Home;
    };
    let Some(run) = state.run(ctx) else {
        return Transition::Home;
    };
    let offered = run.offered_count(scenario);
    let area = super::content_area(ctx, state);
    let panes = areas(ctx, state, scenario, run, area);
    let transcript_len = transcript_lines(ctx, scenario, run, panes.transcript.width).len();
    let height = usize::from(panes.transcript.height);
    let most_back = transcript_len.saturating_sub(height);
    let page = height.saturating_sub(1).max(1);
    let scroll = |state: &mut State, up: bool, by: usize| {
        state.scroll_back = if up {
            (state.scroll_back.min(most_back) + by).min(most_back)
        } else {
            state.scroll_back.min(most_back).saturating_sub(by)
        };
    };
    let has_feedback = feedback_available(ctx, scenario, run, &panes);
    let (feedback_pane, feedback_total, _) = feedback_window(ctx, state, scenario, run, &panes);
    let Some(command) = command else {
        // The mouse.
        match action {
            Action::ScrollUp | Action::ScrollDown if state.focus == Focus::Feedback => {
                let height = usize::from(feedback_pane.text.height);
                scroll_window(&mut state.feedback_scroll, action, feedback_total, height);
            }
            Action::ScrollUp => scroll(state, true, 3),
            Action::ScrollDown => scroll(state, false, 3),
            Action::Click { column, row } => {
                let at = (*column, *row).into();
                if panes.choices.contains(at) {
                    let (lines, rows) =
                        choice_lines(ctx, state, scenario, run, panes.choices.width);
                    let total = lines.len();
                    let view = choices_view(state, &rows, total, panes.choices.height);
                    let offset = usize::from(row - panes.choices.y);
                    let clicked = view.top + offset.saturating_sub(1);
                    if let Some(picked) = rows.iter().rposition(|&start| start <= clicked)
                        && offset >= 1
                        && offset <= view.shown
                    {
                        state.focus = Focus::Choices;
                        super::choose(ctx, state, picked, None);
                    }
                } else if panes.transcript.contains(at) {
                    state.focus = Focus::Transcript;
                } else if panes.feedback.contains(at) && has_feedback {
                    state.focus = Focus::Feedback;
                }
            }
            _ => {}
        }
        return Transition::Stay;
    };
    match command {
        Cmd::Pick => {
            if let Some(n) = digit(action) {
                let picked = usize::from(n).saturating_sub(1);
                if picked < offered {
                    super::choose(ctx, state, picked, None);
                }
            }
        }
        Cmd::Choose if state.focus == Focus::Choices && offered > 0 => {
            let picked = state.selected.min(offered - 1);
            super::choose(ctx, state, picked, None);
        }
        Cmd::Choose => state.focus = Focus::Choices,
        // Transcript, answers, feedback, and round again; the feedback only when shown.
        Cmd::NextPane => {
            state.focus = match state.focus {
                Focus::Transcript => Focus::Choices,
                Focus::Choices if has_feedback => Focus::Feedback,
                Focus::Choices | Focus::Feedback => Focus::Transcript,
            };
        }
        Cmd::PrevPane => {
            state.focus = match state.focus {
                Focus::Transcript if has_feedback => Focus::Feedback,
                Focus::Transcript | Focus::Feedback => Focus::Choices,
                Focus::Choices => Focus::Transcript,
            };
        }
        Cmd::ScrollUp | Cmd::ScrollDown | Cmd::PageUp | Cmd::PageDown
            if state.focus == Focus::Feedback =>
        {
            // The panel's rows as they are with the focus on it.
            let height = usize::from(feedback_pane.text.height);
            scroll_window(&mut state.feedback_scroll, action, feedback_total, height);
        }
        Cmd::SelectUp => state.selected = state.selected.saturating_sub(1),
        Cmd::SelectDown => state.selected = (state.selected + 1).min(offered.saturating_sub(1)),
        Cmd::ScrollUp => scroll(state, true, 1),
        Cmd::ScrollDown => scroll(state, false, 1),
        Cmd::PageUp => scroll(state, true, page),
        Cmd::PageDown => scroll(state, false, page),
        Cmd::Home => return Transition::Home,
        other => {
            super::shared(ctx, state, other);
        }
    }
    Transition::Stay
}

/// The transcript: each character line with name, role and mood above it, and the
/// learner's answers indented under a "You" label.
pub fn transcript_lines(
    ctx: &Ctx,
    scenario: &Scenario,
    run: &ScenarioRun,
    width: u16,
) -> Vec<Line<'static>> {
    let theme = &ctx.theme;
    let mut lines = Vec::new();
    for event in run.path() {
        match event {
            PathEvent::Entered(idx) => {
                let Some(node) = node(scenario, idx) else {
                    continue;
                };
                for said in &node.lines {
                    let (name, role) = match scenario.character(&said.speaker) {
                        Some(c) => (ctx.plain(&c.name), ctx.plain(&c.role)),
                        None => (said.speaker.to_string(), String::new()),
                    };
                    let mut header = ctx.tr(
                        "scenario-speaker",
                        &msg_args!("name" => name.as_str(), "role" => role.as_str()),
                    );
                    if let Some(mood) = said.mood {
                        header.push_str(" · ");
                        header.push_str(&mood_word(ctx, mood));
                    }
                    lines.extend(text::wrap(
                        &header,
                        width,
                        theme.character(),
                        theme.character(),
                    ));
                    lines.extend(course_lines(ctx, &said.text, width, 2, theme.text()));
                    lines.push(Line::default());
                }
            }
            PathEvent::Chose { node, choice, .. } => {
                let Some(choice) = choice_at(scenario, node, choice) else {
                    continue;
                };
                let label = format!("    » {}", ctx.t("scenario-you"));
                lines.push(Line::from(Span::styled(
                    text::truncate(&label, usize::from(width)),
                    theme.learner(),
                )));
                lines.extend(course_lines(ctx, &choice.text, width, 6, theme.learner()));
                lines.push(Line::default());
            }
        }
    }
    text::drop_trailing_blank(lines)
}

/// A mood as a word.
pub fn mood_word(ctx: &Ctx, mood: Mood) -> String {
    ctx.tr("scenario-mood", &msg_args!("mood" => mood.key()))
}

/// The answers offered now, numbered, with the selection marked; also the first row of
/// each answer (row 0 is the heading), for mouse clicks.
pub fn choice_lines(
    ctx: &Ctx,
    state: &State,
    scenario: &Scenario,
    run: &ScenarioRun,
    width: u16,
) -> (Vec<Line<'static>>, Vec<usize>) {
    let theme = &ctx.theme;
    let focused = state.focus == Focus::Choices;
    let heading = if focused {
        format!("▸ {}", ctx.t("scenario-choices"))
    } else {
        format!("  {}", ctx.t("scenario-choices"))
    };
    let mut lines = vec![Line::from(Span::styled(
        text::truncate(&heading, usize::from(width)),
        if focused {
            theme.accent()
        } else {
            theme.title()
        },
    ))];
    let mut starts = Vec::new();
    // In the order shown: the numbers are display positions.
    let offered: Vec<&Choice> = run
        .offered_in_order(scenario)
        .into_iter()
        .filter_map(|index| choice_at(scenario, run.current(), index))
        .collect();
    if offered.is_empty() && !run.is_ended(scenario) {
        lines.extend(text::wrap(
            &ctx.t("scenario-stuck"),
            width,
            theme.notice(),
            theme.notice(),
        ));
    }
    let selected = state.selected.min(offered.len().saturating_sub(1));
    for (shown, choice) in offered.iter().enumerate() {
        starts.push(lines.len());
        let is_selected = shown == selected;
        let marker = if is_selected { "›" } else { " " };
        let style = if is_selected && focused {
            theme.selected()
        } else {
            theme.text()
        };
        let number = format!("{marker} {}. ", shown + 1);
        let indent = u16::try_from(number.chars().count()).unwrap_or(5);
        let mut body = course_lines(ctx, &choice.text, width, indent, style);
        if let Some(first) = body.first_mut()
            && first
                .spans
                .first()
                .is_some_and(|s| s.content.trim().is_empty())
            && let Some(pad) = first.spans.first_mut()
        {
            *pad = Span::styled(number, style);
        }
        lines.extend(body);
    }
    (lines, starts)
}

/// The answers' window: after the heading row, the lines from `top` (a line index into
/// [`choice_lines`], from 1), `shown` of them, and `below` lines cut under them (said on
/// the last row). The selected answer is always shown whole when it fits at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ChoicesView {
    top: usize,
    shown: usize,
    below: usize,
}

/// The window over `total` answer lines (heading included) in `height` rows that keeps
/// the selected answer whole in view.
fn choices_view(state: &State, starts: &[usize], total: usize, height: u16) -> ChoicesView {
    let height = usize::from(height);
    if total <= height {
        return ChoicesView {
            top: 1,
            shown: total.saturating_sub(1),
            below: 0,
        };
    }
    let rows = height.saturating_sub(1);
    let selected = state.selected.min(starts.len().saturating_sub(1));
    let (start, end) = match starts.get(selected) {
        Some(&start) => (start, starts.get(selected + 1).copied().unwrap_or(total)),
        None => (1, 1),
    };
    let room = rows.saturating_sub(usize::from(end < total));
    let top = end.saturating_sub(room).max(1).min(start.max(1));
    let shown = if total.saturating_sub(top) > rows {
        rows.saturating_sub(1)
    } else {
        total - top
    };
    ChoicesView {
        top,
        shown,
        below: total.saturating_sub(top + shown),
    }
}

/// The feedback on the last answer and the inner thoughts that came with it; before the
/// first answer, the goal and any thought in the opening lines.
pub fn feedback_lines(
    ctx: &Ctx,
    scenario: &Scenario,
    run: &ScenarioRun,
    width: u16,
) -> Vec<Line<'static>> {
    let theme = &ctx.theme;
    let mut lines = Vec::new();
    let mut thoughts: Vec<(String, &crate::course::model::Text)> = Vec::new();
    let last = run.decisions().len().checked_sub(1);
    let entered: &[NodeIdx] = match last {
        Some(last) => run.entered_after(last),
        None => run.entered_at_start(),
    };
    match last.and_then(|i| run.decisions().get(i)) {
        Some(decision) => {
            if let Some(choice) = choice_at(scenario, decision.node, decision.choice as usize) {
                lines.push(Line::from(Span::styled(
                    text::truncate(&ctx.t("scenario-coach"), usize::from(width)),
                    theme.coach().add_modifier(ratatui::style::Modifier::BOLD),
                )));
                lines.extend(course_lines(ctx, &choice.feedback, width, 0, theme.coach()));
                if let Some(thought) = &choice.thought {
                    // The thought is its thinker's; a course without one (never after
                    // validation) falls back on whoever spoke last before the answer.
                    let speaker = choice
                        .thinker
                        .clone()
                        .or_else(|| {
                            node(scenario, decision.node)
                                .and_then(|n| n.lines.last())
                                .map(|l| l.speaker.clone())
                        })
                        .or_else(|| scenario.characters.first().map(|c| c.id.clone()));
                    let name = speaker
                        .map(|s| speaker_name(ctx, scenario, &s))
                        .unwrap_or_default();
                    thoughts.push((name, thought));
                }
            }
        }
        None => {
            lines.push(Line::from(Span::styled(
                text::truncate(&ctx.t("scenario-goal"), usize::from(width)),
                theme.title(),
            )));
            lines.extend(course_lines(ctx, &scenario.goal, width, 0, theme.text()));
        }
    }
    for idx in entered {
        if let Some(node) = node(scenario, *idx) {
            for said in &node.lines {
                if let Some(thought) = &said.thought {
                    thoughts.push((speaker_name(ctx, scenario, &said.speaker), thought));
                }
            }
        }
    }
    for (name, thought) in thoughts {
        lines.push(Line::default());
        let label = ctx.tr("scenario-thought", &msg_args!("name" => name.as_str()));
        lines.push(Line::from(Span::styled(
            text::truncate(&label.clone(), usize::from(width)),
            theme.thought().add_modifier(ratatui::style::Modifier::BOLD),
        )));
        lines.extend(course_lines(ctx, thought, width, 2, theme.thought()));
    }
    lines
}

/// How the gauges are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GaugeLayout {
    /// All variables in one line.
    OneLine,
    /// One line per variable.
    Rows,
    /// One line per variable with a bar under it.
    WithBars,
}

/// The gauges: each variable with its value, range and the change of the last answer.
/// Full: two rows per variable (label and numbers, then a bar); compact: one row for all.
pub fn gauge_lines(
    ctx: &Ctx,
    scenario: &Scenario,
    values: &[i32],
    before: Option<&[i32]>,
    width: u16,
    layout: GaugeLayout,
) -> Vec<Line<'static>> {
    let full = layout != GaugeLayout::OneLine;
    let theme = &ctx.theme;
    let width = usize::from(width);
    let mut lines = Vec::new();
    let mut compact: Vec<Span<'static>> = Vec::new();
    for (i, var) in scenario.variables.iter().enumerate() {
        let Some(&value) = values.get(i) else {
            continue;
        };
        let label = ctx.plain(&var.label);
        let numbers = format!("{value}/{}", var.max);
        let change = before
            .and_then(|b| b.get(i))
            .map(|&b| value.saturating_sub(b));
        let change_style = match change.map(i32::signum) {
            Some(1) => theme.good(),
            Some(-1) => theme.poor(),
            _ => theme.dim(),
        };
        let change = change.map(change_label);
        let span = i64::from(var.max) - i64::from(var.min);
        let filled = i64::from(value) - i64::from(var.min);
        let (filled, span) = (
            usize::try_from(filled.max(0)).unwrap_or(0),
            usize::try_from(span.max(0)).unwrap_or(0),
        );
        if full {
            let mut spans = vec![
                Span::styled(label, theme.title()),
                Span::styled(format!(" {numbers}"), theme.text()),
            ];
            if let Some(change) = change {
                spans.push(Span::styled(format!(" {change}"), change_style));
            }
            lines.push(truncate_line(spans, width));
            if layout == GaugeLayout::WithBars {
                lines.push(Line::from(Span::styled(
                    gauge(filled, span, width.min(30)),
                    theme.gauge(),
                )));
            }
        } else {
            if !compact.is_empty() {
                compact.push(Span::styled(" · ", theme.dim()));
            }
            compact.push(Span::styled(format!("{label} "), theme.title()));
            compact.push(Span::styled(numbers, theme.text()));
            if let Some(change) = change {
                compact.push(Span::styled(format!(" {change}"), change_style));
            }
        }
    }
    if !full && !compact.is_empty() {
        lines.push(truncate_line(compact, width));
    }
    lines
}

/// A line of spans cut to `width` columns.
pub fn truncate_line(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let mut out = Vec::new();
    let mut used = 0;
    for span in spans {
        let w = span.width();
        if used + w <= width {
            used += w;
            out.push(span);
        } else {
            let room = width.saturating_sub(used);
            if room > 0 {
                out.push(Span::styled(
                    text::truncate(&span.content, room),
                    span.style,
                ));
            }
            break;
        }
    }
    Line::from(out)
}

/// Draws the conversation.
pub fn render(
    ctx: &Ctx,
    state: &State,
    scenario: &Scenario,
    run: &ScenarioRun,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = &ctx.theme;
    let panes = areas(ctx, state, scenario, run, area);

    // Transcript, following the newest line unless scrolled back.
    let (transcript_area, bordered) = if panes.full && panes.transcript.height > 3 {
        (panes.transcript, true)
    } else {
        (panes.transcript, false)
    };
    let inner = if bordered {
        let focused = state.focus == Focus::Transcript;
        let title = if focused {
            format!("▸ {} ", ctx.t("scenario-transcript"))
        } else {
            format!(" {} ", ctx.t("scenario-transcript"))
        };
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(theme.border())
            .title(Span::styled(
                title,
                if focused {
                    theme.accent()
                } else {
                    theme.title()
                },
            ));
        let inner = block.inner(transcript_area);
        frame.render_widget(block, transcript_area);
        inner
    } else {
        transcript_area
    };
    let lines = transcript_lines(ctx, scenario, run, inner.width);
    let height = usize::from(inner.height);
    let back = state.scroll_back.min(lines.len().saturating_sub(height));
    let top = lines.len().saturating_sub(height + back);
    let mut shown: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    if back > 0
        && let Some(last) = shown.last_mut()
    {
        // Say that newer lines are below, in words as well as by position.
        *last = Line::from(Span::styled(
            text::truncate(
                &ctx.tr("scenario-more-below", &msg_args!("count" => back)),
                usize::from(inner.width),
            ),
            theme.accent(),
        ));
    }
    frame.render_widget(Paragraph::new(shown), inner);

    // Gauges.
    let last = run.decisions().len().checked_sub(1);
    let before = last.and_then(|i| run.variables_before(i));
    let gauges = gauge_lines(
        ctx,
        scenario,
        run.variables(),
        before,
        panes.gauges.width,
        match (panes.full, with_bars(area)) {
            (false, _) => GaugeLayout::OneLine,
            (true, false) => GaugeLayout::Rows,
            (true, true) => GaugeLayout::WithBars,
        },
    );
    frame.render_widget(Paragraph::new(gauges), panes.gauges);

    // Feedback and thoughts, scrolled; a last row says what is cut.
    let focused = state.focus == Focus::Feedback;
    let pane = feedback_pane(&panes, focused);
    let name = if focused {
        format!("▸ {} ", ctx.t("scenario-feedback"))
    } else {
        format!(" {} ", ctx.t("scenario-feedback"))
    };
    let name_style = if focused {
        theme.accent()
    } else {
        theme.title()
    };
    if let Some(border) = pane.border {
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(theme.border())
            .title(Span::styled(
                text::truncate(&name, usize::from(border.width)),
                name_style,
            ));
        frame.render_widget(block, border);
    }
    if let Some(heading) = pane.heading {
        frame.render_widget(
            Paragraph::new(Span::styled(
                text::truncate(name.trim_end(), usize::from(heading.width)),
                name_style,
            )),
            heading,
        );
    }
    let feedback = scrolled_lines(
        ctx,
        feedback_lines(ctx, scenario, run, pane.text.width),
        usize::from(pane.text.height),
        state.feedback_scroll,
        pane.text.width,
        |count| {
            if focused {
                ctx.tr("scenario-scroll-more", &msg_args!("count" => count))
            } else {
                ctx.tr("scenario-feedback-more", &msg_args!("count" => count))
            }
        },
    );
    frame.render_widget(Paragraph::new(feedback), pane.text);

    // Answers: the heading, the window that keeps the selected one whole, and a row
    // saying how many lines are cut below.
    let (choices, starts) = choice_lines(ctx, state, scenario, run, panes.choices.width);
    let view = choices_view(state, &starts, choices.len(), panes.choices.height);
    let width = usize::from(panes.choices.width);
    let mut lines = choices.into_iter();
    let mut shown: Vec<Line> = lines.next().into_iter().collect();
    if view.top > 1
        && let Some(heading) = shown.first_mut()
    {
        // Say that answers are cut above.
        *heading = Line::from(Span::styled(
            text::truncate(&format!("▸ {} ↑", ctx.t("scenario-choices")), width),
            theme.accent(),
        ));
    }
    shown.extend(lines.skip(view.top - 1).take(view.shown));
    if view.below > 0 {
        shown.push(Line::from(Span::styled(
            text::truncate(
                &ctx.tr("scenario-scroll-more", &msg_args!("count" => view.below)),
                width,
            ),
            theme.accent(),
        )));
    }
    frame.render_widget(Paragraph::new(shown), panes.choices);
}
