//! The branch map: an outline of the conversation from the start, with every decision
//! point reached and its answers, marking what the learner explored across all attempts
//! (and the current one): `✓` explored, with the answer's quality symbol (`++`, `+`, `-`,
//! `!!`, explained in the legend), `?` not yet, endings with their outcome word. Answers are
//! numbered in the order the current attempt shows them.
//! A decision point reached along several roads is written out once; later it says
//! "shown above".

use super::{Cmd, State, node, node_label, outcome_style, outcome_word};
use crate::course::checked::{NodeIdx, Scenario, Step};
use crate::course::model::Quality;
use crate::engine::scenario::ScenarioRun;
use crate::msg_args;
use crate::tui::action::Action;
use crate::tui::app::{Ctx, Transition};
use crate::tui::text;
use crate::tui::widgets::{render_scrolled, scroll_document};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use std::collections::HashSet;

/// Indentation per level of the outline.
const STEP: usize = 3;

/// What the learner explored, across attempts.
#[derive(Debug, Default)]
pub struct Explored {
    /// Answers taken: (decision point, position of the choice).
    pub choices: HashSet<(NodeIdx, usize)>,
    /// Endings reached.
    pub endings: HashSet<NodeIdx>,
}

impl Explored {
    /// Everything in the progress file's attempts of `scenario`, plus `run`.
    pub fn of(ctx: &Ctx, scenario: &Scenario, run: &ScenarioRun) -> Self {
        let mut explored = Self::default();
        if let Some(item) = ctx.progress().items.get(&scenario.id) {
            for attempt in &item.attempts {
                for taken in &attempt.choices {
                    if let Some(at) = locate(scenario, taken.node.as_str(), taken.choice.as_str()) {
                        explored.choices.insert(at);
                    }
                }
                if let Some(ending) = &attempt.ending
                    && let Some(idx) = scenario.node_idx(ending.node.as_str())
                {
                    explored.endings.insert(idx);
                }
            }
        }
        for decision in run.decisions() {
            explored
                .choices
                .insert((decision.node, decision.choice as usize));
        }
        if run.is_ended(scenario) {
            explored.endings.insert(run.current());
        }
        explored
    }
}

/// A saved choice (by ids) as decision point and position.
pub fn locate(scenario: &Scenario, node_id: &str, choice_id: &str) -> Option<(NodeIdx, usize)> {
    let idx = scenario.node_idx(node_id)?;
    match &node(scenario, idx)?.step {
        Step::Choices(choices) => choices
            .iter()
            .position(|c| c.id.as_str() == choice_id)
            .map(|i| (idx, i)),
        _ => None,
    }
}

/// Follows automatic transitions from `idx` to the next decision point or ending.
fn settle(scenario: &Scenario, mut idx: NodeIdx) -> NodeIdx {
    for _ in 0..=scenario.nodes.len() {
        match node(scenario, idx).map(|n| &n.step) {
            Some(Step::Auto(next)) => idx = *next,
            _ => break,
        }
    }
    idx
}

/// Applies a key's command, or the wheel, on the map.
pub(super) fn update(
    ctx: &mut Ctx,
    state: &mut State,
    command: Option<Cmd>,
    action: &Action,
) -> Transition {
    match command {
        Some(Cmd::MainView) => {
            state.view = state.main_view(ctx);
            state.scroll = 0;
        }
        Some(other) if super::shared(ctx, state, other) => {}
        _ => {
            let area = super::content_area(ctx, state);
            let total = match (ctx.course().scenarios.get(&state.scenario), state.run(ctx)) {
                (Some(scenario), Some(run)) => map_lines(ctx, scenario, run, area.width).len(),
                _ => 0,
            };
            scroll_document(&mut state.scroll, action, total, usize::from(area.height));
        }
    }
    Transition::Stay
}

/// The map as lines, each cut to `width` columns.
pub fn map_lines(
    ctx: &Ctx,
    scenario: &Scenario,
    run: &ScenarioRun,
    width: u16,
) -> Vec<Line<'static>> {
    let theme = &ctx.theme;
    let width = usize::from(width);
    let explored = Explored::of(ctx, scenario, run);
    let total_choices: usize = scenario
        .nodes
        .iter()
        .map(|n| match &n.step {
            Step::Choices(c) => c.len(),
            _ => 0,
        })
        .sum();
    let total_endings = scenario
        .nodes
        .iter()
        .filter(|n| matches!(n.step, Step::Ending(_)))
        .count();
    let mut lines = vec![
        Line::from(Span::styled(
            text::truncate(&ctx.t("map-title"), width),
            theme.title(),
        )),
        Line::from(Span::styled(
            text::truncate(
                &ctx.tr(
                    "map-summary",
                    &msg_args!(
                        "explored" => explored.choices.len(),
                        "total" => total_choices,
                        "endings" => explored.endings.len(),
                        "all_endings" => total_endings
                    ),
                ),
                width,
            ),
            theme.text(),
        )),
        Line::from(Span::styled(
            text::truncate(&ctx.t("map-legend"), width),
            theme.dim(),
        )),
        Line::from(Span::styled(
            text::truncate(&quality_legend(ctx), width),
            theme.dim(),
        )),
        Line::default(),
    ];
    let mut walker = Walker {
        ctx,
        scenario,
        run,
        explored: &explored,
        here: (!run.is_ended(scenario)).then(|| run.current()),
        expanded: HashSet::new(),
        width,
        lines: &mut lines,
    };
    walker.walk(settle(scenario, scenario.start), 0);
    lines
}

/// What the quality symbols mean: `Answers tried: ++ best · + acceptable · …`.
fn quality_legend(ctx: &Ctx) -> String {
    let qualities: Vec<String> = Quality::ALL
        .into_iter()
        .map(|q| super::quality_label(ctx, q))
        .collect();
    ctx.tr(
        "map-legend-quality",
        &msg_args!("qualities" => qualities.join(" · ")),
    )
}

struct Walker<'a> {
    ctx: &'a Ctx,
    scenario: &'a Scenario,
    run: &'a ScenarioRun,
    explored: &'a Explored,
    here: Option<NodeIdx>,
    expanded: HashSet<NodeIdx>,
    width: usize,
    lines: &'a mut Vec<Line<'static>>,
}

impl Walker<'_> {
    fn push(&mut self, indent: usize, content: String, style: ratatui::style::Style) {
        let pad = " ".repeat(indent.min(self.width.saturating_sub(8)));
        let room = self.width.saturating_sub(pad.len());
        self.lines.push(Line::from(vec![
            Span::raw(pad),
            Span::styled(text::truncate(&content, room), style),
        ]));
    }

    fn walk(&mut self, idx: NodeIdx, depth: usize) {
        let (ctx, theme) = (self.ctx, &self.ctx.theme);
        let indent = depth * STEP;
        let Some(step) = node(self.scenario, idx).map(|n| &n.step) else {
            return;
        };
        match step {
            Step::Ending(ending) => {
                let label = ctx.tr(
                    "map-ending",
                    &msg_args!(
                        "outcome" => outcome_word(ctx, ending.outcome),
                        "title" => ctx.plain(&ending.title)
                    ),
                );
                if self.explored.endings.contains(&idx) {
                    self.push(
                        indent,
                        format!("■ {label}"),
                        outcome_style(ctx, ending.outcome),
                    );
                } else {
                    self.push(
                        indent,
                        format!("□ {}", ctx.t("map-ending-unknown")),
                        theme.dim(),
                    );
                }
            }
            Step::Auto(_) => {}
            Step::Route(arms) => {
                for arm in arms {
                    let next = settle(self.scenario, arm.next);
                    self.walk(next, depth);
                }
            }
            Step::Choices(choices) => {
                let mut label = format!("● {}", node_label(ctx, self.scenario, idx));
                if self.here == Some(idx) {
                    label = format!("{label} ◀ {}", ctx.t("map-here"));
                }
                if !self.expanded.insert(idx) {
                    let above = format!("↑ {}", ctx.t("map-shown-above"));
                    self.push(indent, label, theme.text());
                    self.push(indent + 2, above, theme.dim());
                    return;
                }
                self.push(indent, label, theme.character());
                // Numbered as the current attempt shows them; the quality of an answer
                // tried is marked with its symbol (the legend says what each means).
                for (shown, i) in self
                    .run
                    .display_order(self.scenario, idx)
                    .into_iter()
                    .enumerate()
                {
                    let Some(choice) = choices.get(i) else {
                        continue;
                    };
                    let said = super::unmarked(&ctx.plain(&choice.text));
                    if self.explored.choices.contains(&(idx, i)) {
                        let symbol = choice.quality.symbol();
                        let row = format!("✓ {symbol} {}. {said}", shown + 1);
                        self.push(indent + 2, row, theme.learner());
                        let next = settle(self.scenario, choice.next);
                        self.walk(next, depth + 1);
                    } else {
                        self.push(indent + 2, format!("? {}. {said}", shown + 1), theme.dim());
                    }
                }
            }
        }
    }
}

/// Draws the map.
pub fn render(
    ctx: &Ctx,
    state: &State,
    scenario: &Scenario,
    run: &ScenarioRun,
    frame: &mut Frame,
    area: Rect,
) {
    let lines = map_lines(ctx, scenario, run, area.width);
    render_scrolled(frame, lines, state.scroll, area);
}
