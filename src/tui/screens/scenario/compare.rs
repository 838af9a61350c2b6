//! Two attempts side by side (stacked on narrow screens): where they split, the first
//! decision that differs, and what each answer led to: the answers after the split, the
//! ending and the variables of each.

use super::map::locate;
use super::{Cmd, State, choice_at, node, node_label, outcome_style, outcome_word};
use crate::course::checked::{NodeIdx, Scenario, Step};
use crate::course::model::Outcome;
use crate::msg_args;
use crate::progress::ScenarioAttempt;
use crate::tui::action::Action;
use crate::tui::app::{Ctx, Transition};
use crate::tui::text;
use crate::tui::widgets::{course_lines, render_scrolled, scroll_document};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// From this body width on, the two attempts stand side by side.
const SIDE_BY_SIDE: u16 = 100;

/// Which attempts are compared, by position in the progress file (oldest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picked {
    /// The attempt on the left (or on top).
    pub left: usize,
    /// The attempt on the right (or below).
    pub right: usize,
    /// Whether the arrows change the right-hand attempt (else the left one).
    pub right_side: bool,
}

impl Picked {
    /// The last two finished attempts, else the last two attempts.
    pub fn default_for(ctx: &Ctx, state: &State) -> Self {
        let attempts = attempts(ctx, state);
        let finished: Vec<usize> = attempts
            .iter()
            .enumerate()
            .filter(|(_, a)| a.ending.is_some())
            .map(|(i, _)| i)
            .collect();
        let (left, right) = match finished.as_slice() {
            [.., a, b] => (*a, *b),
            _ => (
                attempts.len().saturating_sub(2),
                attempts.len().saturating_sub(1),
            ),
        };
        Self {
            left,
            right,
            right_side: true,
        }
    }
}

fn attempts<'c>(ctx: &'c Ctx, state: &State) -> &'c [ScenarioAttempt] {
    ctx.progress()
        .items
        .get(&state.scenario)
        .map_or(&[][..], |item| item.attempts.as_slice())
}

/// Applies a key's command, or the wheel, in compare.
pub(super) fn update(
    ctx: &mut Ctx,
    state: &mut State,
    picked: Picked,
    command: Option<Cmd>,
    action: &Action,
) -> Transition {
    let count = attempts(ctx, state).len();
    let mut picked = picked;
    let step = |now: usize, up: bool| {
        if count == 0 {
            0
        } else if up {
            (now + 1) % count
        } else {
            (now + count - 1) % count
        }
    };
    match command {
        Some(Cmd::MainView) => {
            state.view = state.main_view(ctx);
            state.scroll = 0;
            return Transition::Stay;
        }
        Some(Cmd::OtherSide) => picked.right_side = !picked.right_side,
        Some(Cmd::NextAttempt | Cmd::PreviousAttempt) => {
            let up = command == Some(Cmd::NextAttempt);
            // Never the attempt already on the other side: an attempt is not compared
            // with itself.
            let next = |now: usize, other: usize| {
                let next = step(now, up);
                if next == other { step(next, up) } else { next }
            };
            if picked.right_side {
                picked.right = next(picked.right, picked.left);
            } else {
                picked.left = next(picked.left, picked.right);
            }
            state.scroll = 0;
        }
        Some(other) if super::shared(ctx, state, other) => return Transition::Stay,
        _ => {
            let area = super::content_area(ctx, state);
            let total = ctx.course().scenarios.get(&state.scenario).map_or(0, |s| {
                compare_lines(ctx, state, s, &picked, area.width).len()
            });
            scroll_document(&mut state.scroll, action, total, usize::from(area.height));
        }
    }
    state.view = super::View::Compare(picked);
    Transition::Stay
}

/// One attempt, decoded against the scenario.
struct Decoded {
    number: usize,
    path: Vec<(NodeIdx, usize)>,
    ending: Option<(Outcome, String)>,
    values: Vec<(String, i32, i32)>,
}

fn decode(
    ctx: &Ctx,
    scenario: &Scenario,
    attempts: &[ScenarioAttempt],
    at: usize,
) -> Option<Decoded> {
    let attempt = attempts.get(at)?;
    let path = attempt
        .choices
        .iter()
        .map_while(|c| locate(scenario, c.node.as_str(), c.choice.as_str()))
        .collect();
    let ending = attempt.ending.as_ref().and_then(|e| {
        let idx = scenario.node_idx(e.node.as_str())?;
        match &node(scenario, idx)?.step {
            Step::Ending(ending) => Some((ending.outcome, ctx.plain(&ending.title))),
            _ => None,
        }
    });
    let values = scenario
        .variables
        .iter()
        .map(|v| {
            (
                ctx.plain(&v.label),
                attempt.variables.get(&v.id).copied().unwrap_or(v.start),
                v.max,
            )
        })
        .collect();
    Some(Decoded {
        number: at + 1,
        path,
        ending,
        values,
    })
}

/// The compare view as lines for `width` columns.
pub fn compare_lines(
    ctx: &Ctx,
    state: &State,
    scenario: &Scenario,
    picked: &Picked,
    width: u16,
) -> Vec<Line<'static>> {
    let theme = &ctx.theme;
    let all = attempts(ctx, state);
    let w = usize::from(width);
    let mut lines = vec![Line::from(Span::styled(
        text::truncate(&ctx.t("compare-title"), w),
        theme.title(),
    ))];
    let (Some(left), Some(right), true) = (
        decode(ctx, scenario, all, picked.left),
        decode(ctx, scenario, all, picked.right),
        all.len() >= 2,
    ) else {
        lines.extend(text::wrap(
            &ctx.t("compare-need-two"),
            width,
            theme.notice(),
            theme.notice(),
        ));
        return lines;
    };
    lines.push(Line::from(Span::styled(
        text::truncate(&ctx.t("compare-hint"), w),
        theme.dim(),
    )));
    lines.push(Line::default());

    let same = left
        .path
        .iter()
        .zip(&right.path)
        .take_while(|(a, b)| a == b)
        .count();
    let split_node = left
        .path
        .get(same)
        .or_else(|| right.path.get(same))
        .map(|(idx, _)| *idx);
    let summary = if same > 0 {
        ctx.tr("compare-same-start", &msg_args!("count" => same))
    } else {
        ctx.t("compare-differ-at-once")
    };
    lines.extend(text::wrap(&summary, width, theme.text(), theme.text()));
    match split_node {
        Some(idx) => {
            let at = ctx.tr(
                "compare-split",
                &msg_args!("number" => same + 1, "point" => node_label(ctx, scenario, idx)),
            );
            lines.extend(text::wrap(&at, width, theme.character(), theme.character()));
        }
        None => lines.extend(text::wrap(
            &ctx.t("compare-identical"),
            width,
            theme.text(),
            theme.text(),
        )),
    }
    lines.push(Line::default());

    if width >= SIDE_BY_SIDE {
        let column = (width - 3) / 2;
        let a = column_lines(ctx, scenario, &left, same, !picked.right_side, column);
        let b = column_lines(ctx, scenario, &right, same, picked.right_side, column);
        let rows = a.len().max(b.len());
        let mut a = a.into_iter();
        let mut b = b.into_iter();
        for _ in 0..rows {
            let l = a.next().unwrap_or_default();
            let r = b.next().unwrap_or_default();
            let pad = usize::from(column).saturating_sub(l.width());
            let mut spans = l.spans;
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled(" │ ", theme.border()));
            spans.extend(r.spans);
            lines.push(Line::from(spans));
        }
    } else {
        lines.extend(column_lines(
            ctx,
            scenario,
            &left,
            same,
            !picked.right_side,
            width,
        ));
        lines.push(Line::default());
        lines.extend(column_lines(
            ctx,
            scenario,
            &right,
            same,
            picked.right_side,
            width,
        ));
    }
    lines
}

/// One attempt's column: heading, ending, variables, then the answers from the split on.
fn column_lines(
    ctx: &Ctx,
    scenario: &Scenario,
    attempt: &Decoded,
    same: usize,
    focused: bool,
    width: u16,
) -> Vec<Line<'static>> {
    let theme = &ctx.theme;
    let w = usize::from(width);
    let heading = ctx.tr("compare-attempt", &msg_args!("number" => attempt.number));
    let heading = if focused {
        format!("▸ {heading} ◂▸")
    } else {
        format!("  {heading}")
    };
    let mut lines = vec![Line::from(Span::styled(
        text::truncate(&heading, w),
        if focused {
            theme.accent()
        } else {
            theme.title()
        },
    ))];
    match &attempt.ending {
        Some((outcome, title)) => {
            let label = ctx.tr(
                "map-ending",
                &msg_args!("outcome" => outcome_word(ctx, *outcome), "title" => title.as_str()),
            );
            let style = outcome_style(ctx, *outcome);
            lines.extend(text::wrap(&format!("■ {label}"), width, style, style));
        }
        None => lines.push(Line::from(Span::styled(
            text::truncate(&format!("□ {}", ctx.t("compare-no-ending")), w),
            theme.dim(),
        ))),
    }
    for (label, value, max) in &attempt.values {
        lines.push(Line::from(Span::styled(
            text::truncate(&format!("{label} {value}/{max}"), w),
            theme.text(),
        )));
    }
    lines.push(Line::from(Span::styled(
        text::truncate(&ctx.t("compare-after"), w),
        theme.title(),
    )));
    let after = attempt.path.get(same..).unwrap_or(&[]);
    if after.is_empty() {
        lines.push(Line::from(Span::styled(
            text::truncate(&format!("  {}", ctx.t("compare-nothing-after")), w),
            theme.dim(),
        )));
    }
    for (n, (idx, choice)) in after.iter().enumerate() {
        let Some(choice) = choice_at(scenario, *idx, *choice) else {
            continue;
        };
        let number = format!("{:>2}. ", same + n + 1);
        let mut said = course_lines(ctx, &choice.text, width, 4, theme.learner());
        if let Some(first) = said.first_mut()
            && let Some(pad) = first.spans.first_mut()
            && pad.content.trim().is_empty()
        {
            *pad = Span::styled(number, theme.learner());
        }
        lines.extend(said);
    }
    lines
}

/// Draws compare.
pub fn render(
    ctx: &Ctx,
    state: &State,
    scenario: &Scenario,
    picked: &Picked,
    frame: &mut Frame,
    area: Rect,
) {
    let lines = compare_lines(ctx, state, scenario, picked, area.width);
    render_scrolled(frame, lines, state.scroll, area);
}
