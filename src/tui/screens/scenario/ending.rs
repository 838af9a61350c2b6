//! The end of a conversation and the list of decisions to go back to.
//!
//! The ending reads, in order: the outcome and title, the debrief parts that apply to this
//! path, the gauges, each competency's score (symbol and word: ✓ shown, ✗ breached,
//! · not met), how many answers of each quality (symbol and word), the turning points
//! (the answer taken, a better one with the coach's feedback on it, and whether a better
//! ending was lost), then the path with the feedback of each decision. Nothing is said by
//! colour alone.

use super::conversation::{GaugeLayout, gauge_lines};
use super::{Cmd, State, View, choice_at, node_label, outcome_style, outcome_word};
use crate::course::checked::Scenario;
use crate::course::ids::Competency;
use crate::course::model::{Outcome, Quality};
use crate::engine::scenario::{CompetencyScore, RunResult, ScenarioRun, TurningPoint};
use crate::msg_args;
use crate::tui::action::Action;
use crate::tui::app::{Ctx, Transition};
use crate::tui::keymap::digit;
use crate::tui::text;
use crate::tui::widgets::{course_lines, render_scrolled, scroll_document};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// The document area and the hint row of the ending view.
fn split(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area)
}

/// Applies a key's command, or the wheel, at the ending.
pub(super) fn update(
    ctx: &mut Ctx,
    state: &mut State,
    command: Option<Cmd>,
    action: &Action,
) -> Transition {
    match command {
        Some(Cmd::Home) => return Transition::Home,
        Some(Cmd::ScrollUp | Cmd::ScrollDown | Cmd::PageUp | Cmd::PageDown) => {
            scroll_debrief(ctx, state, action);
        }
        Some(other) => {
            super::shared(ctx, state, other);
        }
        None if matches!(action, Action::ScrollUp | Action::ScrollDown) => {
            scroll_debrief(ctx, state, action);
        }
        None => {}
    }
    Transition::Stay
}

/// Scrolls the debrief by a line, a page, or the wheel's lines.
fn scroll_debrief(ctx: &Ctx, state: &mut State, action: &Action) {
    let [doc, _] = split(super::content_area(ctx, state));
    let total = match (ctx.course().scenarios.get(&state.scenario), state.run(ctx)) {
        (Some(scenario), Some(run)) => debrief_lines(ctx, scenario, run, doc.width).len(),
        _ => 0,
    };
    scroll_document(&mut state.scroll, action, total, usize::from(doc.height));
}

/// A competency's label from the course's competency set (the tag when it has none).
pub fn competency_label(ctx: &Ctx, tag: &Competency) -> String {
    ctx.course()
        .competencies
        .iter()
        .find(|c| &c.id == tag)
        .map(|c| ctx.plain(&c.title))
        .unwrap_or_else(|| tag.to_string())
}

/// The whole debrief as lines.
pub fn debrief_lines(
    ctx: &Ctx,
    scenario: &Scenario,
    run: &ScenarioRun,
    width: u16,
) -> Vec<Line<'static>> {
    let theme = &ctx.theme;
    let mut lines = Vec::new();
    if let Some(ending) = run.ending(scenario) {
        let heading = ctx.tr(
            "ending-heading",
            &msg_args!(
                "outcome" => outcome_word(ctx, ending.outcome),
                "title" => ctx.plain(&ending.title)
            ),
        );
        let style = outcome_style(ctx, ending.outcome);
        lines.extend(text::wrap(&heading, width, style, style));
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            ctx.t("ending-debrief"),
            theme.title(),
        )));
        for (i, part) in run.debrief(scenario).into_iter().enumerate() {
            if i > 0 {
                lines.push(Line::default());
            }
            lines.extend(course_lines(ctx, part, width, 2, theme.text()));
        }
        lines.push(Line::default());
    }
    let start: Vec<i32> = scenario.variables.iter().map(|v| v.start).collect();
    if !scenario.variables.is_empty() {
        lines.push(Line::from(Span::styled(
            ctx.t("ending-final"),
            theme.title(),
        )));
        lines.extend(gauge_lines(
            ctx,
            scenario,
            run.variables(),
            Some(&start),
            width,
            GaugeLayout::OneLine,
        ));
        lines.push(Line::default());
    }

    if let Some(result) = run.result(scenario) {
        competency_table(ctx, &result, width, &mut lines);
        quality_counts(ctx, &result, width, &mut lines);
    }
    turning_points(ctx, scenario, run, width, &mut lines);
    lines.push(Line::from(Span::styled(
        ctx.t("ending-path"),
        theme.title(),
    )));
    for (i, decision) in run.decisions().iter().enumerate() {
        let Some(choice) = choice_at(scenario, decision.node, decision.choice as usize) else {
            continue;
        };
        let number = format!("{:>2}. ", i + 1);
        let mut said = course_lines(ctx, &choice.text, width, 4, theme.learner());
        if let Some(first) = said.first_mut()
            && let Some(pad) = first.spans.first_mut()
            && pad.content.trim().is_empty()
        {
            *pad = Span::styled(number, theme.learner());
        }
        lines.extend(said);
        let coach = format!("{}:", ctx.t("scenario-coach"));
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(
                text::truncate(&coach, usize::from(width.saturating_sub(4))),
                theme.coach(),
            ),
        ]));
        lines.extend(course_lines(ctx, &choice.feedback, width, 4, theme.coach()));
        lines.push(Line::default());
    }

    text::drop_trailing_blank(lines)
}

/// A competency score as a symbol that says it without colour: ✓ shown, ✗ breached,
/// · not met.
pub fn score_symbol(score: CompetencyScore) -> &'static str {
    match score {
        CompetencyScore::Shown => "✓",
        CompetencyScore::Breached => "✗",
        CompetencyScore::NotMet => "·",
    }
}

/// A competency score as a word.
pub fn score_word(ctx: &Ctx, score: CompetencyScore) -> String {
    ctx.tr("scenario-score", &msg_args!("score" => score.key()))
}

/// The competencies as a table: symbol and word of the score, then the competency.
fn competency_table(ctx: &Ctx, result: &RunResult, width: u16, lines: &mut Vec<Line<'static>>) {
    let theme = &ctx.theme;
    lines.push(Line::from(Span::styled(
        ctx.t("ending-competencies"),
        theme.title(),
    )));
    let scores = result.competency_scores();
    if scores.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", ctx.t("ending-none")),
            theme.dim(),
        )));
    }
    // Every score word padded to the widest, so the competencies line up.
    let words: Vec<String> = [
        CompetencyScore::Shown,
        CompetencyScore::Breached,
        CompetencyScore::NotMet,
    ]
    .into_iter()
    .map(|s| score_word(ctx, s))
    .collect();
    let column = words.iter().map(|w| w.width()).max().unwrap_or(0);
    for (tag, score) in scores {
        let word = score_word(ctx, score);
        let cell = format!(
            "{} {word}{}",
            score_symbol(score),
            " ".repeat(column.saturating_sub(word.width()))
        );
        let style = match score {
            CompetencyScore::Shown => theme.good(),
            CompetencyScore::Breached => theme.poor(),
            CompetencyScore::NotMet => theme.dim(),
        };
        let indent = u16::try_from(2 + cell.width() + 2).unwrap_or(u16::MAX);
        let mut row = crate::tui::widgets::indented(
            &competency_label(ctx, tag),
            width,
            indent,
            theme.text(),
            theme.text(),
        );
        if let Some(first) = row.first_mut()
            && let Some(pad) = first.spans.first_mut()
            && pad.content.trim().is_empty()
            && !pad.content.is_empty()
        {
            *pad = Span::styled(format!("  {cell}  "), style);
        } else {
            // Too narrow to put them side by side: the score on a line of its own.
            row.insert(0, Line::from(Span::styled(format!("  {cell}"), style)));
        }
        lines.extend(row);
    }
    lines.push(Line::default());
}

/// How many answers of each quality, as symbol, word and number.
fn quality_counts(ctx: &Ctx, result: &RunResult, width: u16, lines: &mut Vec<Line<'static>>) {
    let theme = &ctx.theme;
    lines.push(Line::from(Span::styled(
        ctx.t("ending-qualities"),
        theme.title(),
    )));
    let counts: Vec<String> = result
        .qualities
        .iter()
        .map(|(quality, count)| {
            ctx.tr(
                "ending-quality-count",
                &msg_args!("quality" => super::quality_label(ctx, quality), "count" => count),
            )
        })
        .collect();
    lines.extend(crate::tui::widgets::indented(
        &counts.join(" · "),
        width,
        2,
        theme.text(),
        theme.text(),
    ));
    lines.push(Line::default());
}

/// The turning points: where the learner was, what they answered, the better answer with
/// the coach's feedback on it, and whether their answer closed off a better ending.
fn turning_points(
    ctx: &Ctx,
    scenario: &Scenario,
    run: &ScenarioRun,
    width: u16,
    lines: &mut Vec<Line<'static>>,
) {
    let theme = &ctx.theme;
    lines.push(Line::from(Span::styled(
        ctx.t("ending-turning"),
        theme.title(),
    )));
    let points = run.turning_points(scenario);
    if points.is_empty() {
        lines.extend(crate::tui::widgets::indented(
            &ctx.t("ending-turning-none"),
            width,
            2,
            theme.dim(),
            theme.dim(),
        ));
    }
    for point in points {
        let (Some(taken), Some(better)) = (
            choice_at(scenario, point.node, point.taken),
            choice_at(scenario, point.node, point.better),
        ) else {
            continue;
        };
        let heading = ctx.tr(
            "ending-turning-decision",
            &msg_args!(
                "number" => point.decision + 1,
                "point" => node_label(ctx, scenario, point.node)
            ),
        );
        lines.extend(crate::tui::widgets::indented(
            &heading,
            width,
            2,
            theme.character(),
            theme.character(),
        ));
        let label = |key: &str, quality: Quality| {
            ctx.tr(
                key,
                &msg_args!("quality" => super::quality_label(ctx, quality)),
            )
        };
        lines.extend(crate::tui::widgets::indented(
            &label("ending-turning-taken", taken.quality),
            width,
            4,
            theme.title(),
            theme.title(),
        ));
        lines.extend(course_lines(ctx, &taken.text, width, 6, theme.learner()));
        lines.extend(crate::tui::widgets::indented(
            &label("ending-turning-better", better.quality),
            width,
            4,
            theme.title(),
            theme.title(),
        ));
        lines.extend(course_lines(ctx, &better.text, width, 6, theme.learner()));
        lines.extend(crate::tui::widgets::indented(
            &ctx.t("ending-turning-feedback"),
            width,
            4,
            theme.coach(),
            theme.coach(),
        ));
        lines.extend(course_lines(ctx, &better.feedback, width, 6, theme.coach()));
        if let Some(note) = outcome_note(ctx, &point) {
            let style = if point.lost_outcome() {
                theme.notice()
            } else {
                theme.dim()
            };
            lines.extend(crate::tui::widgets::indented(&note, width, 4, style, style));
        }
        lines.push(Line::default());
    }
    if lines.last().is_none_or(|l| l.width() != 0) {
        lines.push(Line::default());
    }
}

/// Whether the answer taken at a turning point closed off a better ending, in words;
/// `None` when the outcomes could not be worked out.
pub fn outcome_note(ctx: &Ctx, point: &TurningPoint) -> Option<String> {
    let key = |outcome: Outcome| match outcome {
        Outcome::Good => "good",
        Outcome::Mixed => "mixed",
        Outcome::Poor => "poor",
    };
    if point.lost_outcome() {
        let better = point.best_after_better?;
        Some(ctx.tr("ending-turning-lost", &msg_args!("outcome" => key(better))))
    } else {
        let taken = point.best_after_taken?;
        Some(ctx.tr("ending-turning-kept", &msg_args!("outcome" => key(taken))))
    }
}

/// Draws the ending.
pub fn render(
    ctx: &Ctx,
    state: &State,
    scenario: &Scenario,
    run: &ScenarioRun,
    frame: &mut Frame,
    area: Rect,
) {
    let [doc, hint] = split(area);
    let lines = debrief_lines(ctx, scenario, run, doc.width);
    let height = usize::from(doc.height);
    let top = state.scroll.min(lines.len().saturating_sub(height));
    let below = lines.len().saturating_sub(top + height);
    render_scrolled(frame, lines, state.scroll, doc);
    // Say when there is more below, else what can be done next.
    let hint_text = if below > 0 {
        ctx.tr("scenario-more-below", &msg_args!("count" => below))
    } else {
        ctx.t("ending-next")
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            text::truncate(&hint_text, usize::from(hint.width)),
            ctx.theme.accent(),
        )),
        hint,
    );
}

/// The rows of the rewind list: heading rows, then two rows per decision.
const REWIND_HEAD: usize = 2;
const ROWS_PER_DECISION: usize = 2;

/// Applies a key's command, or the mouse, in the rewind list.
pub(super) fn update_rewind(
    ctx: &mut Ctx,
    state: &mut State,
    selected: usize,
    command: Option<Cmd>,
    action: &Action,
) -> Transition {
    let count = state.run(ctx).map_or(0, |r| r.decisions().len());
    let last = count.saturating_sub(1);
    let mut selected = selected.min(last);
    match (command, action) {
        (Some(Cmd::SelectUp), _) | (None, Action::ScrollUp) => {
            selected = selected.saturating_sub(1);
        }
        (Some(Cmd::SelectDown), _) | (None, Action::ScrollDown) => {
            selected = (selected + 1).min(last);
        }
        (Some(Cmd::PageUp), _) => selected = selected.saturating_sub(5),
        (Some(Cmd::PageDown), _) => selected = (selected + 5).min(last),
        (Some(Cmd::Pick), _) => {
            if let Some(picked) = digit(action).map(|n| usize::from(n).saturating_sub(1))
                && picked < count
            {
                selected = picked;
            }
        }
        (Some(Cmd::GoBack), _) if count > 0 => {
            super::rewind(ctx, state, selected);
            return Transition::Stay;
        }
        (None, Action::Click { column, row }) => {
            let area = super::content_area(ctx, state);
            if area.contains((*column, *row).into()) {
                let top = rewind_top(selected, area.height);
                let line = top + usize::from(row - area.y);
                if let Some(index) = line.checked_sub(REWIND_HEAD).map(|l| l / ROWS_PER_DECISION)
                    && index < count
                {
                    super::rewind(ctx, state, index);
                    return Transition::Stay;
                }
            }
        }
        (Some(Cmd::MainView), _) => {
            state.view = state.main_view(ctx);
            return Transition::Stay;
        }
        _ => {}
    }
    state.view = View::Rewind { selected };
    Transition::Stay
}

/// The first row shown in the rewind list, so the selected decision stays in view.
fn rewind_top(selected: usize, height: u16) -> usize {
    let end = REWIND_HEAD + (selected + 1) * ROWS_PER_DECISION;
    end.saturating_sub(usize::from(height))
}

/// Draws the list of decisions to go back to.
pub fn render_rewind(
    ctx: &Ctx,
    scenario: &Scenario,
    run: &ScenarioRun,
    selected: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = &ctx.theme;
    let width = usize::from(area.width);
    let mut lines = vec![
        Line::from(Span::styled(
            text::truncate(&ctx.t("rewind-title"), width),
            theme.title(),
        )),
        Line::from(Span::styled(
            text::truncate(&ctx.t("rewind-hint"), width),
            theme.dim(),
        )),
    ];
    if run.decisions().is_empty() {
        lines.push(Line::from(Span::styled(
            text::truncate(&ctx.t("rewind-empty"), width),
            theme.notice(),
        )));
    }
    for (i, decision) in run.decisions().iter().enumerate() {
        let is_selected = i == selected;
        let marker = if is_selected { "›" } else { " " };
        let label = node_label(ctx, scenario, decision.node);
        let row = format!("{marker} {}. {label}", i + 1);
        lines.push(Line::from(Span::styled(
            text::truncate(&row, width),
            if is_selected {
                theme.selected()
            } else {
                theme.text()
            },
        )));
        let answer = choice_at(scenario, decision.node, decision.choice as usize)
            .map(|c| super::unmarked(&ctx.plain(&c.text)))
            .unwrap_or_default();
        let answered = ctx.tr("rewind-answered", &msg_args!("answer" => answer));
        lines.push(Line::from(Span::styled(
            text::truncate(&format!("      {answered}"), width),
            theme.dim(),
        )));
    }
    let top = rewind_top(selected, area.height);
    let shown: Vec<Line> = lines.into_iter().skip(top).collect();
    frame.render_widget(Paragraph::new(shown), area);
}
