//! Facilitator mode on the projector: a lesson or scenario shown through the trainee
//! screen (wrapped, not changed), with the facilitator notes beside it (`N` hides them
//! while projecting), the group vote at every decision point, the discussion timer, notes
//! typed into the session log, and the jump menu ([`jump`]) to open anything directly.
//!
//! Keys added to the trainee screen's own:
//! - at a decision point: `1`-`9` adds a vote for that answer; `Alt`+`1`-`9`, or `x` and
//!   then the number, removes one; `v` shows or hides the result as bars, with each
//!   answer's quality (symbol and word) only then, for the discussion; Enter goes with
//!   the answer with the most votes (on a tie or without votes: the selected answer);
//! - `t` starts or pauses the timer, `+` and `-` change its minutes, `0` resets it;
//! - `N` (shift-n) shows or hides the notes panel, `e` writes a note, `g` opens the jump
//!   menu.
//!
//! These keys and the trainee screen's are one table each ([`crate::tui::keymap`]); where
//! the stage takes a key over (numbers and Enter at a decision point), the trainee screen
//! leaves it while it is presented, so no key does two things.
//!
//! Nothing private is shown: facilitator mode opens no profile, so the trainee screens
//! work on a throwaway progress that is never saved; the session log is what is kept.

pub mod jump;

use super::{KeyHelp, Screen, lesson, scenario};
use crate::course::checked::{Item, NodeIdx};
use crate::course::ids::{ItemId, SceneId};
use crate::course::model::FacilitatorNotes;
use crate::facilitator::{LogWriter, SessionLog, SessionStore, Tally, Timer, Vote};
use crate::msg_args;
use crate::session::{ChoiceTally, Command, EventKind, Place};
use crate::tui::action::Action;
use crate::tui::app::{App, Ctx, Transition};
use crate::tui::keymap::{Binding, Key, Keymap, digit};
use crate::tui::text;
use crate::tui::view::FULL_WIDTH;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui_textarea::{TextArea, WrapMode};

/// The room around the group's session: the timer and the notes panel. The session log is
/// kept by a [`LogWriter`] that listens to the session.
#[derive(Debug)]
pub struct Room {
    /// The discussion timer.
    pub timer: Timer,
    /// Whether the facilitator notes panel is shown.
    pub notes_shown: bool,
}

impl Room {
    /// A room with the notes shown and the timer at its default.
    pub fn new() -> Self {
        Self {
            timer: Timer::default(),
            notes_shown: true,
        }
    }
}

impl Default for Room {
    fn default() -> Self {
        Self::new()
    }
}

/// Puts `app` in facilitator mode for the session `log` (written through `store`; none in
/// tests): the session's events go into the log, and the jump menu comes first.
pub fn enter(app: &mut App, log: SessionLog, store: Option<SessionStore>) {
    let log = log.in_language(app.ctx.i18n().current());
    app.ctx
        .session
        .subscribe(Box::new(LogWriter::new(log, store)));
    app.ctx.facilitator = Some(Box::new(Room::new()));
    app.screen = Screen::Jump(jump::State::new(&app.ctx));
}

/// The session log kept so far, in facilitator mode.
pub fn log(ctx: &Ctx) -> Option<&SessionLog> {
    ctx.session.subscriber::<LogWriter>().map(LogWriter::log)
}

/// A lesson or scenario on the projector.
#[derive(Debug)]
pub struct State {
    /// The lesson or scenario.
    pub item: ItemId,
    /// The trainee screen that shows it.
    pub inner: Box<Screen>,
    /// The votes at the current decision point.
    pub vote: Vote,
    /// The decision point the vote is for: the node and how many decisions came before.
    vote_at: Option<(NodeIdx, usize)>,
    /// `x` was pressed: the next number removes a vote.
    removing: bool,
    /// The note being typed.
    editor: Option<Box<TextArea<'static>>>,
}

impl State {
    fn new(ctx: &mut Ctx, item: &ItemId, inner: Screen) -> Self {
        let state = Self {
            item: item.clone(),
            inner: Box::new(inner),
            vote: Vote::default(),
            vote_at: None,
            removing: false,
            editor: None,
        };
        follow_notes(ctx, &state);
        state
    }
}

/// Opens `item` where the group left it in this session.
pub fn open_item(ctx: &mut Ctx, item: &ItemId) -> Option<Screen> {
    let inner = match ctx.course().item(item.as_str())? {
        Item::Lesson(_) => Screen::Lesson(lesson::State::open(ctx, item)),
        Item::Scenario(_) => {
            let mut s = scenario::State::open(ctx, item);
            // About the throwaway progress of this session: nothing for the room.
            s.notice = None;
            Screen::Scenario(s)
        }
    };
    Some(Screen::Stage(State::new(ctx, item, inner)))
}

/// Opens lesson `item` at `scene`.
pub fn open_scene(ctx: &mut Ctx, item: &ItemId, scene: &SceneId) -> Option<Screen> {
    ctx.try_command(Command::OpenAt(item.clone(), Place::Scene(scene.clone())))
        .ok()?;
    let inner = Screen::Lesson(lesson::State::opened(ctx, item));
    Some(Screen::Stage(State::new(ctx, item, inner)))
}

/// Opens scenario `item` at decision point `node`, with the variables at their start.
pub fn open_node(ctx: &mut Ctx, item: &ItemId, node: NodeIdx) -> Option<Screen> {
    ctx.try_command(Command::OpenAt(item.clone(), Place::Node(node)))
        .ok()?;
    let mut s = scenario::State::opened(ctx, item);
    s.notice = None;
    s.view = match ctx.session.scenario() {
        Some((sc, run)) if run.is_ended(sc) => scenario::View::Ending,
        _ => scenario::View::Conversation,
    };
    Some(Screen::Stage(State::new(ctx, item, Screen::Scenario(s))))
}

/// The decision point on screen: the node, decisions before it, the offered answers'
/// choice positions (as written) in the order shown, and the selected answer.
struct Point {
    node: NodeIdx,
    decisions: usize,
    offered: Vec<usize>,
    selected: usize,
}

fn decision_point(ctx: &Ctx, state: &State) -> Option<Point> {
    let Screen::Scenario(s) = &*state.inner else {
        return None;
    };
    if s.view != scenario::View::Conversation || s.problem.is_some() {
        return None;
    }
    let scenario = ctx.course().scenarios.get(&s.scenario)?;
    let run = s.run(ctx)?;
    // In the order the room sees them: vote number k is the k-th answer shown.
    let offered = run.offered_in_order(scenario);
    if run.is_ended(scenario) || offered.is_empty() {
        return None;
    }
    Some(Point {
        node: run.current(),
        decisions: run.decisions().len(),
        selected: s.selected.min(offered.len() - 1),
        offered,
    })
}

/// Where the group is now: the lesson scene or the scenario node the session shows.
enum Spot {
    Scene(SceneId),
    Node(NodeIdx),
    Nowhere,
}

fn spot(ctx: &Ctx, state: &State) -> Spot {
    if let Some((lesson, run)) = ctx.session.lesson()
        && lesson.id == state.item
    {
        return run
            .current(lesson)
            .map_or(Spot::Nowhere, |s| Spot::Scene(s.id.clone()));
    }
    match ctx.session.scenario() {
        Some((scenario, run)) if scenario.id == state.item => Spot::Node(run.current()),
        _ => Spot::Nowhere,
    }
}

/// When the session says another scene or node is shown, the timer takes its minutes from
/// the notes there (while it has not run).
fn follow_notes(ctx: &mut Ctx, state: &State) {
    let moved = ctx.events.iter().any(|e| {
        matches!(
            e.kind,
            EventKind::SceneShown { .. } | EventKind::NodeShown { .. }
        )
    });
    if !moved {
        return;
    }
    let minutes = notes_here(ctx, state).and_then(|n| n.minutes);
    if let (Some(minutes), Some(room)) = (minutes, ctx.facilitator.as_mut())
        && room.timer.is_fresh()
    {
        room.timer.set_minutes(minutes);
    }
}

/// The facilitator notes for what is on screen: the scene's or node's, else the
/// scenario's, else the module's.
fn notes_here<'c>(ctx: &'c Ctx, state: &State) -> Option<&'c FacilitatorNotes> {
    let here = match (spot(ctx, state), ctx.course().item(state.item.as_str())) {
        (Spot::Scene(id), Some(Item::Lesson(l))) => l
            .scenes
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.facilitator_notes.as_ref()),
        (Spot::Node(idx), Some(Item::Scenario(s))) => s
            .nodes
            .get(idx.0 as usize)
            .and_then(|n| n.facilitator_notes.as_deref()),
        _ => None,
    };
    let item = match ctx.course().item(state.item.as_str()) {
        Some(Item::Scenario(s)) => s.facilitator_notes.as_ref(),
        _ => None,
    };
    let module = || {
        ctx.course()
            .modules
            .iter()
            .find(|m| m.items.contains(&state.item))
            .and_then(|m| m.facilitator_notes.as_ref())
    };
    here.or(item).or_else(module)
}

/// What a key does on the stage, before the trainee screen inside sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    /// Esc in the note editor: the note goes into the session log.
    SaveNote,
    /// Ctrl-X in the note editor (a key typed into it, so the editor's update reads it):
    /// the note is thrown away.
    CancelNote,
    /// The jump menu.
    Jump,
    /// Shows or hides the notes panel.
    Notes,
    /// Opens the note editor.
    WriteNote,
    /// Starts or pauses the timer.
    Timer,
    /// One minute more on the timer.
    MoreMinutes,
    /// One minute less on the timer.
    LessMinutes,
    /// The timer back to its minutes.
    ResetTimer,
    /// A vote for the answer of the number pressed (after `x`: one vote less).
    AddVote,
    /// One vote less for the answer of the number pressed.
    RemoveVote,
    /// The next number removes a vote.
    ArmRemove,
    /// Shows or hides the votes as bars.
    Reveal,
    /// Goes with the answer with the most votes.
    GoWithVote,
}

/// The stage's own keys: the note editor's way out while it is open, else the vote's at a
/// decision point (`at_point`), the timer's, the notes panel's, the note's and the jump
/// menu's. The trainee screen inside has its keys after these.
fn keymap(state: &State, at_point: bool) -> Keymap<Cmd> {
    let mut map = Keymap::new();
    if state.editor.is_some() {
        map.key(
            &[Key::Back],
            "Esc",
            "facilitator-note-key-save",
            Cmd::SaveNote,
        )
        .hint("Ctrl-X", "facilitator-note-key-cancel", Cmd::CancelNote);
        return map;
    }
    if at_point {
        map.key(&[Key::Number], "1-9", "vote-key-add", Cmd::AddVote)
            .key(&[Key::Letter('v')], "v", "vote-key-reveal", Cmd::Reveal)
            .key(&[Key::Confirm], "Enter", "vote-key-pick", Cmd::GoWithVote)
            .key(
                &[Key::AltNumber],
                "Alt+1-9 x",
                "vote-key-remove",
                Cmd::RemoveVote,
            )
            .also(&[Key::Letter('x')], Cmd::ArmRemove);
    }
    map.key(&[Key::Letter('t')], "t", "timer-key-toggle", Cmd::Timer)
        .key(
            &[Key::Symbol('+')],
            "+ -",
            "timer-key-minutes",
            Cmd::MoreMinutes,
        )
        .also(&[Key::Symbol('-')], Cmd::LessMinutes)
        .key(&[Key::Symbol('0')], "0", "timer-key-reset", Cmd::ResetTimer)
        // Shift-n: a plain `n` is the glossary's next card.
        .key(
            &[Key::Letter('N')],
            "N",
            "facilitator-key-notes",
            Cmd::Notes,
        )
        .key(
            &[Key::Letter('e')],
            "e",
            "facilitator-key-note",
            Cmd::WriteNote,
        )
        .key(&[Key::Letter('g')], "g", "facilitator-key-jump", Cmd::Jump);
    map
}

/// The stage's own key bindings (without the trainee screen's), with their commands
/// written out.
pub fn stage_bindings(ctx: &Ctx, state: &State) -> Vec<Binding<String>> {
    keymap(state, decision_point(ctx, state).is_some()).described()
}

/// Whether a key typed into the note editor is its cancel key, Ctrl-X.
fn is_cancel(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('x' | 'X'))
}

/// Every key binding on the stage: its own, then the trainee screen's (none while the
/// note editor is open: it takes the keys).
pub fn bindings(ctx: &Ctx, state: &State) -> Vec<Binding<String>> {
    let mut all = stage_bindings(ctx, state);
    if state.editor.is_none() {
        all.extend(state.inner.bindings(ctx));
    }
    all
}

/// Applies an action.
pub fn update(ctx: &mut Ctx, state: &mut State, action: &Action) -> Transition {
    let point = decision_point(ctx, state).filter(|_| state.editor.is_none());
    let command = keymap(state, point.is_some()).find(action);
    if let Some(editor) = state.editor.as_mut() {
        match action {
            _ if command == Some(Cmd::SaveNote) => {
                let text = editor.lines().join("\n").trim().to_owned();
                state.editor = None;
                if !text.is_empty() {
                    ctx.command(Command::Note(text));
                    ctx.status = Some(ctx.t("facilitator-note-saved"));
                }
            }
            Action::Edit(key) if is_cancel(key) => {
                state.editor = None;
                ctx.status = Some(ctx.t("facilitator-note-cancelled"));
            }
            Action::Edit(key) => {
                editor.input(*key);
            }
            _ => {}
        }
        return Transition::Stay;
    }
    if let Some(point) = &point
        && state.vote_at != Some((point.node, point.decisions))
    {
        state.vote = Vote::new(point.offered.len());
        state.vote_at = Some((point.node, point.decisions));
        state.removing = false;
    }
    let now = ctx.clock().instant;
    let room_timer = |ctx: &mut Ctx, change: &dyn Fn(&mut Timer)| {
        if let Some(room) = ctx.facilitator.as_mut() {
            change(&mut room.timer);
        }
    };
    let vote_index = || digit(action).map_or(0, |n| usize::from(n).saturating_sub(1));
    match command {
        Some(Cmd::Jump) => {
            return Transition::Open(Screen::Jump(jump::State::at(ctx, &state.item)));
        }
        Some(Cmd::Notes) => {
            if let Some(room) = ctx.facilitator.as_mut() {
                room.notes_shown = !room.notes_shown;
            }
        }
        Some(Cmd::WriteNote) => {
            let mut editor = TextArea::default();
            editor.set_wrap_mode(WrapMode::WordOrGlyph);
            state.editor = Some(Box::new(editor));
            ctx.status = None;
        }
        Some(Cmd::Timer) => room_timer(ctx, &|t| t.toggle(now)),
        Some(Cmd::MoreMinutes) => room_timer(ctx, &|t| t.add_minutes(1)),
        Some(Cmd::LessMinutes) => room_timer(ctx, &|t| t.add_minutes(-1)),
        Some(Cmd::ResetTimer) => room_timer(ctx, &|t| t.reset()),
        Some(Cmd::AddVote) => {
            if state.removing {
                state.vote.remove(vote_index());
            } else {
                state.vote.add(vote_index());
            }
            state.removing = false;
        }
        Some(Cmd::RemoveVote) => {
            state.vote.remove(vote_index());
        }
        Some(Cmd::ArmRemove) => state.removing = !state.removing,
        Some(Cmd::Reveal) => state.vote.toggle_reveal(),
        Some(Cmd::GoWithVote) => {
            if let Some(point) = &point {
                go_with_vote(ctx, state, point);
                follow_notes(ctx, state);
            }
        }
        Some(Cmd::SaveNote | Cmd::CancelNote) => {}
        // The trainee screens hit-test clicks against their own layout, which the
        // presenter layout changes: the facilitator uses the keys.
        None if matches!(action, Action::Click { .. }) => {}
        None => return forward(ctx, state, action),
    }
    Transition::Stay
}

/// The trainee screen acts; going home means back to the jump menu.
fn forward(ctx: &mut Ctx, state: &mut State, action: &Action) -> Transition {
    let transition = state.inner.update(ctx, action);
    follow_notes(ctx, state);
    match transition {
        Transition::Home => Transition::Open(Screen::Jump(jump::State::at(ctx, &state.item))),
        other => other,
    }
}

/// Enter at a decision point: the group goes with the answer with the most votes (or the
/// selected one); the choice carries the room's votes, which the session log keeps.
fn go_with_vote(ctx: &mut Ctx, state: &mut State, point: &Point) {
    let Some(picked) = state.vote.pick(point.selected) else {
        // A tie, and the selected answer is not one of the tied ones.
        let tied = match state.vote.tally() {
            Tally::Tie(tied) => numbers(&tied),
            _ => String::new(),
        };
        ctx.status = Some(ctx.tr(
            "vote-tie-refused",
            &msg_args!("number" => point.selected + 1, "tied" => tied),
        ));
        return;
    };
    let tally: Option<Vec<ChoiceTally>> = ctx.course().scenarios.get(&state.item).map(|sc| {
        point
            .offered
            .iter()
            .zip(state.vote.counts())
            .filter_map(|(&index, &votes)| {
                Some(ChoiceTally {
                    choice: scenario::choice_at(sc, point.node, index)?.id.clone(),
                    votes,
                })
            })
            .collect()
    });
    if let Screen::Scenario(s) = &mut *state.inner {
        scenario::choose(ctx, s, picked, tally);
    }
}

/// Answer positions (from 0) as the numbers shown, e.g. `1, 2`.
fn numbers(positions: &[usize]) -> String {
    positions
        .iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The areas of the presenter layout.
struct Areas {
    status: Rect,
    stage: Rect,
    vote: Option<Rect>,
    notes: Option<Rect>,
}

fn areas(ctx: &Ctx, state: &State, area: Rect) -> Areas {
    let [status, _, main] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let notes_shown = ctx.facilitator.as_ref().is_some_and(|r| r.notes_shown);
    let (left, notes) = match (notes_shown, area.width >= FULL_WIDTH) {
        (false, _) => (main, None),
        (true, true) => {
            let width = (main.width / 3).clamp(28, 48);
            let [left, _, notes] = Layout::horizontal([
                Constraint::Min(0),
                Constraint::Length(2),
                Constraint::Length(width),
            ])
            .areas(main);
            (left, Some(notes))
        }
        (true, false) => {
            let [left, notes] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(main.height / 3)])
                    .areas(main);
            (left, Some(notes))
        }
    };
    let (stage, vote) = match decision_point(ctx, state) {
        Some(point) => {
            // The borders, the count or tally line, the bars once shown, the removal hint.
            let bars = if state.vote.is_revealed() {
                point.offered.len()
            } else {
                0
            };
            let rows = 3 + bars + usize::from(state.removing);
            let height = u16::try_from(rows).unwrap_or(u16::MAX).min(left.height / 2);
            let [stage, vote] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(height)]).areas(left);
            (stage, Some(vote))
        }
        None => (left, None),
    };
    // Generous margins on the projector.
    let stage = stage.inner(Margin::new(if area.width >= FULL_WIDTH { 2 } else { 0 }, 0));
    Areas {
        status,
        stage,
        vote,
        notes,
    }
}

/// Draws the stage.
pub fn render(ctx: &Ctx, state: &State, frame: &mut Frame, area: Rect) {
    let areas = areas(ctx, state, area);
    frame.render_widget(
        Paragraph::new(timer_line(ctx, areas.status.width)),
        areas.status,
    );
    state.inner.render(ctx, frame, areas.stage);
    if let Some(vote) = areas.vote {
        render_vote(ctx, state, frame, vote);
    }
    if let Some(notes) = areas.notes {
        render_notes(ctx, state, frame, notes);
    }
    if let Some(editor) = &state.editor {
        render_editor(ctx, editor, frame, area);
    }
}

/// `⏱ Discussion 04:32 · running`.
fn timer_line(ctx: &Ctx, width: u16) -> Line<'static> {
    let Some(room) = &ctx.facilitator else {
        return Line::default();
    };
    let now = ctx.clock().instant;
    let timer = &room.timer;
    let (state, style) = if timer.is_over(now) {
        (ctx.t("timer-over"), ctx.theme.notice())
    } else if timer.is_running() {
        (ctx.t("timer-running"), ctx.theme.accent())
    } else if timer.is_fresh() {
        (ctx.t("timer-ready"), ctx.theme.dim())
    } else {
        (ctx.t("timer-paused"), ctx.theme.dim())
    };
    let text = format!(
        "⏱ {} {} · {state}",
        ctx.t("timer-label"),
        timer.display(now)
    );
    Line::from(Span::styled(
        text::truncate(&text, usize::from(width)),
        style,
    ))
}

fn panel<'a>(ctx: &Ctx, title: String) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(ctx.theme.border())
        .title(Span::styled(format!(" {title} "), ctx.theme.title()))
}

fn render_vote(ctx: &Ctx, state: &State, frame: &mut Frame, area: Rect) {
    let block = panel(ctx, ctx.t("vote-title"));
    let inner = block.inner(area).inner(Margin::new(1, 0));
    frame.render_widget(block, area);
    let theme = &ctx.theme;
    let width = usize::from(inner.width);
    let vote = &state.vote;
    let mut lines = Vec::new();
    if vote.is_revealed() {
        // Once revealed, each answer's quality, as symbol and word, for the discussion.
        let qualities: Vec<String> = decision_point(ctx, state)
            .zip(ctx.course().scenarios.get(&state.item))
            .map(|(point, scenario)| {
                point
                    .offered
                    .iter()
                    .map(|&index| {
                        scenario::choice_at(scenario, point.node, index)
                            .map(|c| scenario::quality_label(ctx, c.quality))
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default();
        let most = vote.counts().iter().copied().max().unwrap_or(0);
        let labels: Vec<String> = vote
            .counts()
            .iter()
            .map(|&votes| ctx.tr("vote-bar", &msg_args!("votes" => votes)))
            .collect();
        let label_width = labels
            .iter()
            .map(|l| unicode_width::UnicodeWidthStr::width(l.as_str()))
            .max()
            .unwrap_or(0);
        let bar_width = width.saturating_sub(label_width + 5).min(40);
        let quality_width = qualities
            .iter()
            .map(|q| unicode_width::UnicodeWidthStr::width(q.as_str()))
            .max()
            .map_or(0, |w| w + 2);
        let bar_width = bar_width.min(width.saturating_sub(label_width + 5 + quality_width));
        for (i, (&votes, label)) in vote.counts().iter().zip(&labels).enumerate() {
            let filled = (votes as usize * bar_width)
                .checked_div(most as usize)
                .unwrap_or(0);
            // Padded in columns, so the qualities line up.
            let pad =
                label_width.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
            let label = format!(" {label}{}", " ".repeat(pad));
            let mut spans = vec![
                Span::styled(format!("{}  ", i + 1), theme.accent()),
                Span::styled("█".repeat(filled), theme.gauge()),
                Span::styled("░".repeat(bar_width - filled), theme.dim()),
                Span::styled(label, theme.text()),
            ];
            if let Some(quality) = qualities.get(i).filter(|q| !q.is_empty()) {
                spans.push(Span::styled(format!("  {quality}"), theme.title()));
            }
            lines.push(scenario::conversation::truncate_line(spans, width));
        }
        let tally = match vote.tally() {
            Tally::Winner(i) => ctx.tr("vote-winner", &msg_args!("number" => i + 1)),
            Tally::Tie(tied) => ctx.tr("vote-tie", &msg_args!("tied" => numbers(&tied))),
            Tally::Empty => ctx.t("vote-none"),
        };
        lines.push(Line::from(Span::styled(
            text::truncate(&tally, width),
            theme.title(),
        )));
    } else {
        let counted = ctx.tr("vote-counted", &msg_args!("total" => vote.total()));
        lines.push(Line::from(Span::styled(
            text::truncate(&counted, width),
            theme.text(),
        )));
    }
    if state.removing {
        lines.push(Line::from(Span::styled(
            text::truncate(&ctx.t("vote-remove-armed"), width),
            theme.notice(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_notes(ctx: &Ctx, state: &State, frame: &mut Frame, area: Rect) {
    let block = panel(ctx, ctx.t("facilitator-notes-title"));
    let inner = block.inner(area).inner(Margin::new(1, 0));
    frame.render_widget(block, area);
    let theme = &ctx.theme;
    let width = inner.width;
    let mut lines: Vec<Line<'static>> = Vec::new();
    match notes_here(ctx, state) {
        None => lines.extend(text::wrap(
            &ctx.t("facilitator-notes-none"),
            width,
            theme.dim(),
            theme.dim(),
        )),
        Some(notes) => {
            lines.extend(crate::tui::widgets::course_lines(
                ctx,
                &notes.text,
                width,
                0,
                theme.text(),
            ));
            if !notes.discussion_questions.is_empty() {
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(
                    text::truncate(&ctx.t("facilitator-notes-questions"), usize::from(width)),
                    theme.title(),
                )));
                for question in &notes.discussion_questions {
                    let shown = ctx.plain(question);
                    let mut wrapped = crate::tui::widgets::indented(
                        &shown,
                        width,
                        2,
                        theme.text(),
                        theme.emphasis(),
                    );
                    if let Some(first) = wrapped.first_mut()
                        && let Some(pad) = first.spans.first_mut()
                    {
                        *pad = Span::styled("• ", theme.accent());
                    }
                    lines.extend(wrapped);
                }
            }
            if let Some(minutes) = notes.minutes {
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(
                    ctx.tr(
                        "facilitator-notes-minutes",
                        &msg_args!("minutes" => minutes),
                    ),
                    theme.dim(),
                )));
            }
        }
    }
    lines.truncate(usize::from(inner.height));
    frame.render_widget(Paragraph::new(lines).style(Style::default()), inner);
}

fn render_editor(ctx: &Ctx, editor: &TextArea<'static>, frame: &mut Frame, area: Rect) {
    let height = area.height.min(9);
    let popup = Rect {
        y: area.y + area.height - height,
        height,
        ..area
    };
    frame.render_widget(Clear, popup);
    let block = panel(ctx, ctx.t("facilitator-note-title"));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if inner.height == 0 {
        return;
    }
    let hint = Rect { height: 1, ..inner };
    frame.render_widget(
        Paragraph::new(Span::styled(
            text::truncate(&ctx.t("facilitator-note-hint"), usize::from(inner.width)),
            ctx.theme.dim(),
        )),
        hint,
    );
    let rest = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    frame.render_widget(editor, rest);
}

/// The title in the header: the item's.
pub fn title(ctx: &Ctx, state: &State) -> String {
    state.inner.title(ctx)
}

/// The keys: the stage's own (the vote's at a decision point, the timer, notes, jump),
/// then the trainee screen's; only the note editor's while it is open.
pub fn keys(ctx: &Ctx, state: &State) -> Vec<KeyHelp> {
    let mut keys = keymap(state, decision_point(ctx, state).is_some()).help(ctx);
    if state.editor.is_none() {
        keys.extend(state.inner.keys(ctx));
    }
    keys
}

/// Whether the note editor (or the trainee screen's editor) has the focus.
pub fn editing(state: &State) -> bool {
    state.editor.is_some() || state.inner.editing()
}

/// Leaving the item: the trainee screen closes it in the session, which the log notes.
pub fn before_leaving(ctx: &mut Ctx, state: &mut State) {
    state.inner.before_leaving(ctx);
}
