//! A practice conversation: the transcript, the learner's answers, the coach's feedback
//! and the character's inner thoughts, gauges for the scenario's variables, and at the
//! end the debrief. From there (or at any time) the learner can go back to a decision,
//! play again, look at the branch map of everything explored, or compare two attempts.
//!
//! - [`conversation`]: the conversation itself (transcript, answers, feedback, gauges);
//! - [`ending`]: the debrief at an ending, and the list of decisions to go back to;
//! - [`map`]: the branch map across attempts;
//! - [`compare`]: two attempts side by side.
//!
//! Every choice is recorded in the progress at once; rewinding or playing again starts a
//! new attempt, so every road explored stays in the file.

pub mod compare;
pub mod conversation;
pub mod ending;
pub mod map;

use super::KeyHelp;
use crate::course::checked::{Choice, Node, NodeIdx, Scenario, Step};
use crate::course::ids::ItemId;
use crate::course::model::{Outcome, Quality};
use crate::engine::scenario::ScenarioRun;
use crate::msg_args;
use crate::progress::runs::Resumed;
use crate::session::{ChoiceTally, Command, EventKind, Open};
use crate::tui::action::Action;
use crate::tui::app::{Ctx, Transition};
use crate::tui::keymap::{Binding, Key, Keymap};
use crate::tui::text;
use crate::tui::widgets::{course_lines, render_notice, scroll_window, scrolled_lines};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// What the scenario screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Before a fresh start: setting, goal and the content note, continue or skip.
    Intro,
    /// The conversation.
    Conversation,
    /// The debrief at an ending.
    Ending,
    /// The decisions taken, to go back to one of them.
    Rewind {
        /// The decision selected, from 0.
        selected: usize,
    },
    /// The branch map.
    Map,
    /// Two attempts side by side.
    Compare(compare::Picked),
}

/// Which pane of the conversation has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The answers: arrows move the selection.
    #[default]
    Choices,
    /// The transcript: arrows scroll.
    Transcript,
    /// The coach's feedback and the inner thoughts: arrows and pages scroll.
    Feedback,
}

/// The scenario screen's state.
#[derive(Debug)]
pub struct State {
    /// The scenario shown.
    pub scenario: ItemId,
    /// Whether the session has the scenario open (it holds the attempt in progress); not
    /// when the scenario is missing or cannot run.
    running: bool,
    /// A short message instead of the conversation (missing scenario, engine error).
    pub problem: Option<String>,
    /// A one-line notice (the saved attempt no longer fitted the course).
    pub notice: Option<String>,
    /// What is shown.
    pub view: View,
    /// The pane with the focus in the conversation.
    pub focus: Focus,
    /// The selected answer, among those offered, in the order shown.
    pub selected: usize,
    /// How many lines the transcript is scrolled back from the newest (0 follows it).
    pub scroll_back: usize,
    /// The first line shown in the introduction, ending, map and compare views.
    pub scroll: usize,
    /// The first line of the feedback panel shown; back to 0 with every new answer.
    pub feedback_scroll: usize,
    /// Shown to a group by a facilitator: the stage around the screen takes the number
    /// keys and Enter at a decision point (the room votes), so the conversation leaves them.
    presenting: bool,
}

impl State {
    /// Opens `scenario` where the learner left it (a fresh start shows the introduction
    /// and the content note first).
    pub fn open(ctx: &mut Ctx, scenario: &ItemId) -> Self {
        if !ctx.course().scenarios.contains_key(scenario) {
            let mut state = Self::closed(ctx, scenario);
            state.problem = Some(ctx.t("scenario-missing"));
            return state;
        }
        match ctx.try_command(Command::Open(scenario.clone())) {
            Ok(_) => Self::opened(ctx, scenario),
            Err(error) => {
                let mut state = Self::closed(ctx, scenario);
                state.problem = Some(ctx.tr(
                    "scenario-engine-error",
                    &msg_args!("reason" => crate::i18n::Localize::localize(&error, ctx.i18n())),
                ));
                state
            }
        }
    }

    /// The screen for the scenario the session has just opened (the facilitator's jump
    /// opens it at a node first).
    pub fn opened(ctx: &Ctx, scenario: &ItemId) -> Self {
        let mut state = Self::closed(ctx, scenario);
        let Some(Open::Scenario(open)) = ctx.session.open().filter(|o| o.id() == scenario) else {
            state.problem = Some(ctx.t("scenario-missing"));
            return state;
        };
        state.running = true;
        if open.resumed == Resumed::FellBack {
            state.notice = Some(ctx.t("scenario-fell-back"));
        }
        if let Some(found) = ctx.course().scenarios.get(scenario) {
            if open.run.is_ended(found) {
                state.view = View::Ending;
            } else if open.run.decisions().is_empty() {
                state.view = View::Intro;
            }
        }
        state
    }

    fn closed(ctx: &Ctx, scenario: &ItemId) -> Self {
        Self {
            scenario: scenario.clone(),
            running: false,
            problem: None,
            notice: None,
            view: View::Conversation,
            focus: Focus::Choices,
            selected: 0,
            scroll_back: 0,
            scroll: 0,
            feedback_scroll: 0,
            presenting: ctx.facilitator.is_some(),
        }
    }

    /// The attempt in progress, as the session holds it.
    pub fn run<'c>(&self, ctx: &'c Ctx) -> Option<&'c ScenarioRun> {
        if !self.running {
            return None;
        }
        ctx.session
            .scenario()
            .filter(|(s, _)| s.id == self.scenario)
            .map(|(_, run)| run)
    }

    /// Where Esc goes back to from the rewind list, the map and compare.
    fn main_view(&self, ctx: &Ctx) -> View {
        match (self.run(ctx), ctx.course().scenarios.get(&self.scenario)) {
            (Some(run), Some(scenario)) if run.is_ended(scenario) => View::Ending,
            _ => View::Conversation,
        }
    }
}

/// What a key does on the scenario screen, in any of its views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    /// Back to the overview (or, on the stage, the jump menu).
    Home,
    /// From the introduction into the conversation.
    Start,
    /// Scrolls what is shown (the document, the transcript, or the feedback with the
    /// focus) by a line or a page; in the rewind list, the pages move the selection by five.
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    /// The answer, or the decision in the rewind list, above the one selected.
    SelectUp,
    /// The answer, or the decision in the rewind list, below the one selected.
    SelectDown,
    /// Takes the answer (or, in the rewind list, selects the decision) of the number
    /// pressed.
    Pick,
    /// Takes the answer selected; from another pane, the answers take the focus.
    Choose,
    NextPane,
    PrevPane,
    /// Back one decision, as a new attempt.
    BackOne,
    /// The list of decisions to go back to.
    Rewind,
    /// Plays again from the start.
    Replay,
    /// The branch map.
    Map,
    /// Two attempts side by side.
    Compare,
    /// Goes back to the decision selected in the rewind list.
    GoBack,
    /// From the rewind list, the map or compare back to the conversation or ending.
    MainView,
    /// Compare: the arrows change the other attempt.
    OtherSide,
    /// Compare: the next attempt on the side with the arrows.
    NextAttempt,
    /// Compare: the previous attempt on the side with the arrows.
    PreviousAttempt,
}

/// The arrows scroll by a line and the page keys by a page, listed as one row with `help`.
fn scroll_keys(map: &mut Keymap<Cmd>, help: &'static str) {
    map.key(&[Key::Up], "↑↓ PgUp PgDn", help, Cmd::ScrollUp)
        .also(&[Key::Down], Cmd::ScrollDown)
        .also(&[Key::PageUp], Cmd::PageUp)
        .also(&[Key::PageDown], Cmd::PageDown);
}

/// The keys for the view shown.
fn keymap(ctx: &Ctx, state: &State) -> Keymap<Cmd> {
    let mut map = Keymap::new();
    if state.problem.is_some() || state.run(ctx).is_none() {
        map.key(&[Key::Back], "Esc", "key-back", Cmd::Home)
            .hidden(&[Key::Confirm], Cmd::Home);
        return map;
    }
    let scroll = |map: &mut Keymap<Cmd>, listed: bool| {
        if listed {
            scroll_keys(map, "scenario-key-scroll-page");
        } else {
            map.hidden(&[Key::Up], Cmd::ScrollUp)
                .hidden(&[Key::Down], Cmd::ScrollDown)
                .hidden(&[Key::PageUp], Cmd::PageUp)
                .hidden(&[Key::PageDown], Cmd::PageDown);
        }
    };
    // The letters every view after the start shares; `listed` says which the help lists.
    let letters = |map: &mut Keymap<Cmd>, skip: Option<Cmd>, listed: bool| {
        let all: [(&'static [Key], &'static str, &'static str, Cmd); 5] = [
            (&[Key::Letter('r')], "r", "scenario-key-replay", Cmd::Replay),
            (&[Key::Letter('w')], "w", "scenario-key-rewind", Cmd::Rewind),
            (
                &[Key::Letter('b')],
                "b",
                "scenario-key-back-one",
                Cmd::BackOne,
            ),
            (&[Key::Letter('m')], "m", "scenario-key-map", Cmd::Map),
            (
                &[Key::Letter('c')],
                "c",
                "scenario-key-compare",
                Cmd::Compare,
            ),
        ];
        for (keys, label, help, command) in all {
            if Some(command) == skip {
                continue;
            }
            if listed {
                map.key(keys, label, help, command);
            } else {
                map.hidden(keys, command);
            }
        }
    };
    match &state.view {
        View::Intro => {
            map.key(&[Key::Confirm], "Enter", "scenario-key-start", Cmd::Start)
                .hidden(&[Key::Right], Cmd::Start)
                .key(&[Key::Letter('s')], "s", "scenario-key-skip", Cmd::Home);
            let intro_cut = ctx
                .course()
                .scenarios
                .get(&state.scenario)
                .is_some_and(|s| {
                    let (body, _, height) = intro_layout(ctx, s, content_area(ctx, state));
                    body.len() > height
                });
            scroll(&mut map, intro_cut);
            map.key(&[Key::Back], "Esc", "key-back", Cmd::Home);
        }
        View::Conversation => {
            conversation::keymap(ctx, state, &mut map);
            // The letters as the conversation lists them: back one first.
            map.key(
                &[Key::Letter('b')],
                "b",
                "scenario-key-back-one",
                Cmd::BackOne,
            )
            .key(&[Key::Letter('w')], "w", "scenario-key-rewind", Cmd::Rewind)
            .key(&[Key::Letter('r')], "r", "scenario-key-replay", Cmd::Replay)
            .key(&[Key::Letter('m')], "m", "scenario-key-map", Cmd::Map)
            .key(
                &[Key::Letter('c')],
                "c",
                "scenario-key-compare",
                Cmd::Compare,
            )
            .key(&[Key::Back], "Esc", "key-back", Cmd::Home);
        }
        View::Ending => {
            letters(&mut map, None, true);
            scroll(&mut map, true);
            map.key(&[Key::Back], "Esc", "key-back", Cmd::Home);
        }
        View::Rewind { .. } => {
            map.key(
                &[Key::Up],
                "↑↓ 1-9",
                "scenario-key-pick-decision",
                Cmd::SelectUp,
            )
            .also(&[Key::Down], Cmd::SelectDown)
            .also(&[Key::Number], Cmd::Pick)
            .hidden(&[Key::PageUp], Cmd::PageUp)
            .hidden(&[Key::PageDown], Cmd::PageDown)
            .key(
                &[Key::Confirm],
                "Enter",
                "scenario-key-go-back",
                Cmd::GoBack,
            )
            .key(&[Key::Back], "Esc", "key-back", Cmd::MainView)
            .hidden(&[Key::Letter('w')], Cmd::MainView);
        }
        View::Map => {
            scroll(&mut map, true);
            map.key(&[Key::Back], "Esc", "key-back", Cmd::MainView)
                .hidden(&[Key::Letter('m')], Cmd::MainView);
            letters(&mut map, Some(Cmd::Map), false);
        }
        View::Compare(_) => {
            map.key(
                &[Key::NextPane],
                "Tab",
                "scenario-key-compare-side",
                Cmd::OtherSide,
            )
            .hidden(&[Key::PrevPane, Key::Toggle], Cmd::OtherSide)
            .key(
                &[Key::Left],
                "←→",
                "scenario-key-compare-attempt",
                Cmd::PreviousAttempt,
            )
            .also(&[Key::Right], Cmd::NextAttempt);
            scroll(&mut map, true);
            map.key(&[Key::Back], "Esc", "key-back", Cmd::MainView)
                .hidden(&[Key::Letter('c')], Cmd::MainView);
            letters(&mut map, Some(Cmd::Compare), false);
        }
    }
    map
}

/// The key bindings of the scenario screen for the view shown, with their commands
/// written out.
pub fn bindings(ctx: &Ctx, state: &State) -> Vec<Binding<String>> {
    keymap(ctx, state).described()
}

/// Applies an action.
pub fn update(ctx: &mut Ctx, state: &mut State, action: &Action) -> Transition {
    let command = keymap(ctx, state).find(action);
    if state.problem.is_some() || state.run(ctx).is_none() {
        return match command {
            Some(Cmd::Home) => Transition::Home,
            _ => Transition::Stay,
        };
    }
    match state.view.clone() {
        View::Intro => match (command, action) {
            (Some(Cmd::Start), _) => {
                state.view = View::Conversation;
                state.scroll = 0;
                Transition::Stay
            }
            (Some(Cmd::Home), _) => Transition::Home,
            (Some(Cmd::ScrollUp | Cmd::ScrollDown | Cmd::PageUp | Cmd::PageDown), _)
            | (None, Action::ScrollUp | Action::ScrollDown) => {
                if let Some(scenario) = ctx.course().scenarios.get(&state.scenario) {
                    let area = content_area(ctx, state);
                    let (body, _, body_height) = intro_layout(ctx, scenario, area);
                    scroll_window(&mut state.scroll, action, body.len(), body_height);
                }
                Transition::Stay
            }
            _ => Transition::Stay,
        },
        View::Conversation => conversation::update(ctx, state, command, action),
        View::Ending => ending::update(ctx, state, command, action),
        View::Rewind { selected } => ending::update_rewind(ctx, state, selected, command, action),
        View::Map => map::update(ctx, state, command, action),
        View::Compare(picked) => compare::update(ctx, state, picked, command, action),
    }
}

/// The commands every view after the start shares: going back, playing again, map,
/// compare. Returns whether `command` was one of them.
fn shared(ctx: &mut Ctx, state: &mut State, command: Cmd) -> bool {
    match command {
        Cmd::BackOne => {
            let count = state.run(ctx).map_or(0, |r| r.decisions().len());
            if let Some(last) = count.checked_sub(1) {
                rewind(ctx, state, last);
            }
        }
        Cmd::Rewind => {
            let count = state.run(ctx).map_or(0, |r| r.decisions().len());
            state.view = View::Rewind {
                selected: count.saturating_sub(1),
            };
        }
        Cmd::Replay => replay(ctx, state),
        Cmd::Map => {
            state.view = View::Map;
            state.scroll = 0;
        }
        Cmd::Compare => {
            state.view = View::Compare(compare::Picked::default_for(ctx, state));
            state.scroll = 0;
        }
        _ => return false,
    }
    true
}

/// Takes the offered answer `offered` (0 = the first shown); in a group, with the room's
/// votes.
pub(crate) fn choose(
    ctx: &mut Ctx,
    state: &mut State,
    offered: usize,
    tally: Option<Vec<ChoiceTally>>,
) {
    let choice = ctx.session.scenario().and_then(|(scenario, run)| {
        let index = *run.offered_in_order(scenario).get(offered)?;
        Some(choice_at(scenario, run.current(), index)?.id.clone())
    });
    let Some(choice) = choice else {
        return;
    };
    let events = ctx.command(Command::Choose { choice, tally });
    if events.is_empty() {
        return;
    }
    state.selected = 0;
    state.scroll_back = 0;
    state.scroll = 0;
    state.feedback_scroll = 0;
    if events
        .iter()
        .any(|e| matches!(e.kind, EventKind::Ended { .. }))
    {
        state.view = View::Ending;
    }
}

/// Goes back to just before decision `decision` and starts a new attempt from there.
fn rewind(ctx: &mut Ctx, state: &mut State, decision: usize) {
    if !ctx.command(Command::Rewind(decision)).is_empty() {
        after_restart(state);
    }
}

/// Plays the scenario again from the start, as a new attempt.
fn replay(ctx: &mut Ctx, state: &mut State) {
    if !ctx.command(Command::Replay).is_empty() {
        after_restart(state);
    }
}

fn after_restart(state: &mut State) {
    state.view = View::Conversation;
    state.focus = Focus::Choices;
    state.selected = 0;
    state.scroll_back = 0;
    state.scroll = 0;
    state.feedback_scroll = 0;
}

/// Closes the scenario in the session before the screen is left.
pub fn before_leaving(ctx: &mut Ctx, state: &mut State) {
    super::close_item(ctx, &state.scenario);
}

/// Draws the scenario.
pub fn render(ctx: &Ctx, state: &State, frame: &mut Frame, area: Rect) {
    let scenario = ctx.course().scenarios.get(&state.scenario);
    let (Some(scenario), Some(run), None) = (scenario, state.run(ctx), &state.problem) else {
        let message = state
            .problem
            .clone()
            .unwrap_or_else(|| ctx.t("scenario-missing"));
        render_notice(ctx, message, frame, area);
        return;
    };
    // The notice about a changed course takes the first row, above whatever is shown.
    let area = match &state.notice {
        Some(notice) if area.height > 1 => {
            let row = Rect { height: 1, ..area };
            frame.render_widget(
                Paragraph::new(Span::styled(
                    text::truncate(notice, usize::from(area.width)),
                    ctx.theme.notice(),
                )),
                row,
            );
            Rect {
                y: area.y + 1,
                height: area.height - 1,
                ..area
            }
        }
        _ => area,
    };
    match &state.view {
        View::Intro => render_intro(ctx, state, scenario, frame, area),
        View::Conversation => conversation::render(ctx, state, scenario, run, frame, area),
        View::Ending => ending::render(ctx, state, scenario, run, frame, area),
        View::Rewind { selected } => {
            ending::render_rewind(ctx, scenario, run, *selected, frame, area)
        }
        View::Map => map::render(ctx, state, scenario, run, frame, area),
        View::Compare(picked) => compare::render(ctx, state, scenario, picked, frame, area),
    }
}

/// The body area the view draws the scenario into, for mouse hit tests: the same split as
/// [`render`] makes.
fn content_area(ctx: &Ctx, state: &State) -> Rect {
    let area = crate::tui::view::body_area(ctx.area);
    match &state.notice {
        Some(_) if area.height > 1 => Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        },
        _ => area,
    }
}

/// The introduction's text (title, content note, setting, goal), the hint pinned under
/// it, and how many rows the text gets in `area`: all of them less the hint's when the
/// whole does not fit.
fn intro_layout(
    ctx: &Ctx,
    scenario: &Scenario,
    area: Rect,
) -> (Vec<Line<'static>>, Vec<Line<'static>>, usize) {
    let theme = &ctx.theme;
    let width = area.width;
    let mut body = vec![Line::from(Span::styled(
        ctx.plain(&scenario.title),
        theme.title(),
    ))];
    if let Some(note) = &scenario.content_note {
        body.push(Line::default());
        body.push(Line::from(Span::styled(
            format!("⚠ {}", ctx.t("scenario-content-note")),
            theme.notice(),
        )));
        body.extend(course_lines(ctx, note, width, 2, theme.text()));
    }
    body.push(Line::default());
    body.push(Line::from(Span::styled(
        ctx.t("scenario-setting"),
        theme.title(),
    )));
    body.extend(course_lines(ctx, &scenario.setting, width, 2, theme.text()));
    body.push(Line::default());
    body.push(Line::from(Span::styled(
        ctx.t("scenario-goal"),
        theme.title(),
    )));
    body.extend(course_lines(ctx, &scenario.goal, width, 2, theme.text()));
    let hint = if scenario.content_note.is_some() {
        ctx.t("scenario-note-continue")
    } else {
        ctx.t("scenario-intro-continue")
    };
    let hint = text::wrap(&hint, width, theme.accent(), theme.accent());
    let height = usize::from(area.height);
    // Everything fits: the text, a blank line, the hint. Otherwise the hint stays pinned
    // at the bottom and the text scrolls above it.
    let body_height = if body.len() + 1 + hint.len() <= height {
        body.len()
    } else {
        height.saturating_sub(hint.len())
    };
    (body, hint, body_height)
}

fn render_intro(ctx: &Ctx, state: &State, scenario: &Scenario, frame: &mut Frame, area: Rect) {
    let (body, hint, body_height) = intro_layout(ctx, scenario, area);
    let shown = scrolled_lines(ctx, body, body_height, state.scroll, area.width, |count| {
        ctx.tr("scenario-scroll-more", &msg_args!("count" => count))
    });
    let body_rows = u16::try_from(body_height)
        .unwrap_or(u16::MAX)
        .min(area.height);
    frame.render_widget(
        Paragraph::new(shown),
        Rect {
            height: body_rows,
            ..area
        },
    );
    // The hint goes under the text with a blank line, or at the very bottom when pinned.
    let hint_rows = u16::try_from(hint.len()).unwrap_or(u16::MAX);
    let hint_y = if body_height + 1 + hint.len() <= usize::from(area.height) {
        body_rows + 1
    } else {
        area.height.saturating_sub(hint_rows)
    };
    let hint_area = Rect {
        y: area.y + hint_y,
        height: area.height.saturating_sub(hint_y),
        ..area
    };
    frame.render_widget(Paragraph::new(hint), hint_area);
}

/// The scenario title.
pub fn title(ctx: &Ctx, state: &State) -> String {
    ctx.course()
        .scenarios
        .get(&state.scenario)
        .map(|s| ctx.plain(&s.title))
        .unwrap_or_else(|| state.scenario.to_string())
}

/// The keys of the scenario screen for the view shown, for the help and the key bar.
pub fn keys(ctx: &Ctx, state: &State) -> Vec<KeyHelp> {
    keymap(ctx, state).help(ctx)
}

// Shared helpers for the views.

/// The node at `idx`, if it exists.
pub(crate) fn node(scenario: &Scenario, idx: NodeIdx) -> Option<&Node> {
    scenario.nodes.get(idx.0 as usize)
}

/// The choice at position `index` of node `idx`.
pub(crate) fn choice_at(scenario: &Scenario, idx: NodeIdx, index: usize) -> Option<&Choice> {
    match &node(scenario, idx)?.step {
        Step::Choices(choices) => choices.get(index),
        _ => None,
    }
}

/// A character's name, or the id when the course has no such character.
pub(crate) fn speaker_name(
    ctx: &Ctx,
    scenario: &Scenario,
    id: &crate::course::ids::CharacterId,
) -> String {
    scenario
        .character(id)
        .map(|c| ctx.plain(&c.name))
        .unwrap_or_else(|| id.to_string())
}

/// A decision point in a few words: who says what last before the learner answers.
pub(crate) fn node_label(ctx: &Ctx, scenario: &Scenario, idx: NodeIdx) -> String {
    let Some(line) = node(scenario, idx).and_then(|n| n.lines.last()) else {
        return node(scenario, idx)
            .map(|n| n.id.to_string())
            .unwrap_or_default();
    };
    format!(
        "{}: {}",
        speaker_name(ctx, scenario, &line.speaker),
        unmarked(&ctx.plain(&line.text))
    )
}

/// Course text for a one-line summary: without its markup (see [`crate::course::markup`]).
pub(crate) fn unmarked(source: &str) -> String {
    crate::course::markup::plain(source)
}

/// The outcome as a word.
pub(crate) fn outcome_word(ctx: &Ctx, outcome: Outcome) -> String {
    let key = match outcome {
        Outcome::Good => "good",
        Outcome::Mixed => "mixed",
        Outcome::Poor => "poor",
    };
    ctx.tr("scenario-outcome", &msg_args!("outcome" => key))
}

/// A choice's quality as a word.
pub(crate) fn quality_word(ctx: &Ctx, quality: Quality) -> String {
    ctx.tr("scenario-quality", &msg_args!("quality" => quality.key()))
}

/// A choice's quality as symbol and word, e.g. `++ best`: never by colour alone.
pub(crate) fn quality_label(ctx: &Ctx, quality: Quality) -> String {
    format!("{} {}", quality.symbol(), quality_word(ctx, quality))
}

/// The style of an outcome (the word carries the meaning; colour only adds to it).
pub(crate) fn outcome_style(ctx: &Ctx, outcome: Outcome) -> Style {
    match outcome {
        Outcome::Good => ctx.theme.good(),
        Outcome::Mixed => ctx.theme.mixed(),
        Outcome::Poor => ctx.theme.poor(),
    }
}

/// A change as symbol and number: `▲ +10`, `▼ −5`, `= 0`.
pub(crate) fn change_label(change: i32) -> String {
    match change.signum() {
        1 => format!("▲ +{change}"),
        -1 => format!("▼ −{}", change.unsigned_abs()),
        _ => "= 0".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_read_without_colour() {
        assert_eq!(change_label(10), "▲ +10");
        assert_eq!(change_label(-5), "▼ −5");
        assert_eq!(change_label(0), "= 0");
        assert_eq!(change_label(i32::MIN), "▼ −2147483648");
    }
}
