//! A lesson, one scene at a time: "scene 3 of 8", next and previous, content notes first,
//! and every scene kind (text, testimony, glossary cards, quiz, reflection, checklist, key
//! points). When the last scene is left a short "lesson done" summary leads back home.
//!
//! - [`content`]: the lines of a scene, pure, with the rows a click can hit;
//! - this module: the view state, the keys and the one layout function that both drawing
//!   and mouse hit tests use.
//!
//! The lesson and the learner's run live in the session core: every step is a
//! [`Command`], and the session records it. This screen keeps only what it shows (scroll,
//! cursor, the quiz options picked before answering, the editor).

mod content;

use super::KeyHelp;
use crate::course::checked::{Lesson, SceneBody};
use crate::course::ids::ItemId;
use crate::engine::lesson::{LessonRun, QuizOutcome};
use crate::msg_args;
use crate::session::{Command, EventKind};
use crate::tui::action::Action;
use crate::tui::app::{Ctx, Transition};
use crate::tui::text;
use crate::tui::view;
use content::TargetKind;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

/// Lines the mouse wheel scrolls at a time.
const WHEEL_LINES: usize = 3;
/// The widest text column in the full layout: long lines read badly.
const MAX_TEXT_WIDTH: u16 = 100;

/// The lesson screen's state.
#[derive(Debug)]
pub struct State {
    /// The lesson shown.
    pub lesson: ItemId,
    /// What the screen shows of the lesson; `None` when the course has no such lesson.
    open: Option<Box<Open>>,
}

/// The view state of a lesson the session has open.
#[derive(Debug)]
struct Open {
    ui: SceneUi,
    /// The last scene was left: the "lesson done" summary is shown.
    done: bool,
    /// Shown to a group by a facilitator: reflections are the trainees' own, so there is
    /// no editor (the prompt stays, for the discussion).
    presenting: bool,
}

/// What drawing reads: the session's lesson and run, with this screen's view state.
#[derive(Debug, Clone, Copy)]
struct View<'a> {
    lesson: &'a Lesson,
    run: &'a LessonRun,
    ui: &'a SceneUi,
    done: bool,
    presenting: bool,
}

/// What the screen shows of the current scene; rebuilt whenever another scene is shown.
#[derive(Debug)]
struct SceneUi {
    /// The first content line shown.
    scroll: usize,
    /// The quiz option (by the position shown) or checklist entry with the focus.
    cursor: usize,
    /// The quiz options selected, in the order written.
    picked: Vec<bool>,
    /// The order the quiz options are shown in: `order[k]` is the index (in the order
    /// written) of the option shown k-th. The engine decides it per try.
    order: Vec<usize>,
    /// The answer shown with its feedback, once the quiz was answered (or its answer
    /// shown on request).
    answered: Option<QuizOutcome>,
    /// The learner pressed "try again" on this quiz.
    retrying: bool,
    /// A short message about the last key (e.g. nothing selected yet).
    notice: Option<Notice>,
    /// The reflection editor (on a reflection scene).
    editor: TextArea<'static>,
    /// Whether the editor has the focus.
    editing: bool,
}

/// A short message shown under the scene.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Notice {
    /// Enter on a single-answer quiz with nothing selected.
    PickOne,
    /// Enter on a multiple-answer quiz with nothing selected.
    PickSome,
}

impl State {
    /// Opens `lesson` where the learner left it. A lesson the course does not have gives a
    /// screen that says so and goes back home on any key.
    pub fn open(ctx: &mut Ctx, lesson: &ItemId) -> Self {
        // Opening counts as a step: the lesson is "in progress" and is where to continue.
        let opened = ctx.course().lessons.contains_key(lesson)
            && ctx.try_command(Command::Open(lesson.clone())).is_ok();
        Self::showing(ctx, lesson, opened)
    }

    /// The screen for the lesson the session has just opened (the facilitator's jump
    /// opens it at a scene first).
    pub fn opened(ctx: &Ctx, lesson: &ItemId) -> Self {
        let open = ctx.session.lesson().is_some_and(|(l, _)| &l.id == lesson);
        Self::showing(ctx, lesson, open)
    }

    fn showing(ctx: &Ctx, lesson: &ItemId, open: bool) -> Self {
        let open = ctx.session.lesson().filter(|_| open).map(|(l, run)| {
            Box::new(Open {
                ui: SceneUi::for_scene(l, run),
                done: false,
                presenting: ctx.facilitator.is_some(),
            })
        });
        Self {
            lesson: lesson.clone(),
            open,
        }
    }

    /// The run, when the lesson exists.
    pub fn run<'c>(&self, ctx: &'c Ctx) -> Option<&'c LessonRun> {
        self.open.as_ref()?;
        ctx.session.lesson().map(|(_, run)| run)
    }

    /// Whether the "lesson done" summary is shown.
    pub fn is_done(&self) -> bool {
        self.open.as_ref().is_some_and(|o| o.done)
    }
}

/// The view of `open` over the session's lesson.
fn view_of<'a>(ctx: &'a Ctx, open: &'a Open) -> Option<View<'a>> {
    let (lesson, run) = ctx.session.lesson()?;
    Some(View {
        lesson,
        run,
        ui: &open.ui,
        done: open.done,
        presenting: open.presenting,
    })
}

impl SceneUi {
    /// The screen state for the scene the run shows, with earlier answers back in place.
    fn for_scene(lesson: &Lesson, run: &LessonRun) -> Self {
        let index = run.position().index;
        let record = run.record(index);
        let scene = run.current(lesson);
        let mut ui = Self {
            scroll: 0,
            cursor: 0,
            picked: Vec::new(),
            order: Vec::new(),
            answered: None,
            retrying: false,
            notice: None,
            editor: new_editor(""),
            editing: false,
        };
        match scene.map(|s| &s.body) {
            Some(SceneBody::Quiz(quiz)) => match run.quiz_outcome(lesson) {
                Some(outcome) => ui.show_outcome(outcome),
                None => {
                    ui.picked = vec![false; quiz.options.len()];
                    ui.order = run.quiz_order(lesson);
                }
            },
            Some(SceneBody::Reflection(_)) => {
                let text = record
                    .and_then(|r| r.reflection.as_deref())
                    .unwrap_or_default();
                ui.editor = new_editor(text);
            }
            _ => {}
        }
        ui
    }

    /// Shows a quiz answer with its feedback, in the order it was given in.
    fn show_outcome(&mut self, outcome: QuizOutcome) {
        self.picked = outcome.options.iter().map(|o| o.selected).collect();
        self.order = outcome.order.clone();
        self.answered = Some(outcome);
    }
}

/// A reflection editor holding `text`, wrapping long lines, with no cursor shown until the
/// learner starts writing.
fn new_editor(text: &str) -> TextArea<'static> {
    let mut editor = TextArea::new(text.split('\n').map(str::to_owned).collect());
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.set_cursor_line_style(Style::default());
    editor.set_cursor_style(Style::default());
    editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
    editor.move_cursor(ratatui_textarea::CursorMove::End);
    editor
}

/// Sends `command` and rebuilds the scene's view state when another scene is shown (or
/// the lesson was finished). Returns what happened.
fn send(ctx: &mut Ctx, open: &mut Open, command: Command) -> Vec<EventKind> {
    let events: Vec<EventKind> = ctx.command(command).into_iter().map(|e| e.kind).collect();
    let moved = events.iter().any(|e| {
        matches!(
            e,
            EventKind::SceneShown { .. } | EventKind::NoteAccepted { .. }
        )
    });
    if events.contains(&EventKind::LessonFinished) {
        open.done = true;
    }
    if (moved || open.done)
        && let Some((lesson, run)) = ctx.session.lesson()
    {
        open.ui = SceneUi::for_scene(lesson, run);
    }
    events
}

/// Sends the editor's text to the session as the scene's reflection.
fn keep_reflection(ctx: &mut Ctx, open: &mut Open, typing: bool) {
    let is_reflection = ctx
        .session
        .lesson()
        .and_then(|(l, run)| run.current(l))
        .is_some_and(|s| matches!(s.body, SceneBody::Reflection(_)));
    if !is_reflection || open.presenting {
        return;
    }
    let text = open.ui.editor.lines().join("\n");
    ctx.command(Command::Reflect { text, typing });
}

/// The areas of the lesson screen inside `body`.
#[derive(Debug, Clone, Copy)]
struct Areas {
    /// "Scene 3 of 8 · Quiz".
    top: Rect,
    /// The scene's lines (scrolled).
    content: Rect,
    /// The reflection editor, on a reflection scene.
    editor: Option<Rect>,
    /// A message or the "more below" hint.
    status: Rect,
}

/// Whether `body` gets the full layout (an indented, width-capped text column).
fn full_layout(body: Rect) -> bool {
    body.width + 2 >= view::FULL_WIDTH
}

/// The one layout of the screen: drawing and mouse hit tests both use it.
fn areas(body: Rect, with_editor: bool) -> Areas {
    let editor_height = if with_editor {
        (body.height / 3).clamp(4, 10)
    } else {
        0
    };
    let [top, _, content, editor, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(body.height >= 16)),
        Constraint::Min(1),
        Constraint::Length(editor_height),
        Constraint::Length(1),
    ])
    .areas(body);
    let column = |r: Rect| {
        if full_layout(body) {
            let indented = Rect {
                x: r.x.saturating_add(2),
                width: r.width.saturating_sub(2),
                ..r
            };
            Rect {
                width: indented.width.min(MAX_TEXT_WIDTH),
                ..indented
            }
        } else {
            r
        }
    };
    Areas {
        top,
        content: column(content),
        editor: with_editor.then(|| column(editor)),
        status,
    }
}

/// Whether the scene shown has the reflection editor under it.
fn shows_editor(view: &View<'_>) -> bool {
    !view.presenting
        && !view.done
        && !view.run.content_note_pending(view.lesson)
        && view
            .run
            .current(view.lesson)
            .is_some_and(|s| matches!(s.body, SceneBody::Reflection(_)))
}

/// The areas for a frame of `ctx.area`, as the view draws them.
fn current_areas(ctx: &Ctx, view: &View<'_>) -> Areas {
    areas(view::body_area(ctx.area), shows_editor(view))
}

/// The largest useful scroll offset.
fn max_scroll(lines: usize, height: u16) -> usize {
    lines.saturating_sub(usize::from(height.max(1)))
}

/// Keeps the scroll offset in range and, when `focus` is set, the focused option in view.
fn settle_scroll(ctx: &Ctx, open: &mut Open, focus: bool) {
    let Some(view) = view_of(ctx, open) else {
        return;
    };
    let areas = current_areas(ctx, &view);
    let content = content::build(ctx, &view, areas.content.width);
    let height = usize::from(areas.content.height.max(1));
    let mut scroll = open.ui.scroll;
    if focus
        && let Some(target) = content.targets.iter().find(|t| match t.kind {
            TargetKind::QuizOption(i) | TargetKind::ChecklistEntry(i) => i == open.ui.cursor,
        })
    {
        if target.first < scroll {
            scroll = target.first;
        } else if target.end > scroll + height {
            scroll = target.end.saturating_sub(height).min(target.first);
        }
    }
    open.ui.scroll = scroll.min(max_scroll(content.lines.len(), areas.content.height));
}

/// What the arrow keys move in on the scene shown: the options of a quiz not yet answered,
/// or the entries of a checklist.
fn list_len(ctx: &Ctx, open: &Open) -> Option<usize> {
    let (lesson, run) = ctx.session.lesson()?;
    if run.content_note_pending(lesson) {
        return None;
    }
    match &run.current(lesson)?.body {
        SceneBody::Quiz(quiz) if open.ui.answered.is_none() => Some(quiz.options.len()),
        SceneBody::Checklist(checklist) => Some(checklist.entries.len()),
        _ => None,
    }
}

/// The body of the scene shown, owned (the session changes while it is read).
fn scene_body(ctx: &Ctx) -> Option<SceneBody> {
    let (lesson, run) = ctx.session.lesson()?;
    run.current(lesson).map(|s| s.body.clone())
}

/// Applies an action.
pub fn update(ctx: &mut Ctx, state: &mut State, action: &Action) -> Transition {
    let Some(open) = state.open.as_deref_mut() else {
        // A missing lesson: any key goes home.
        return match action {
            Action::Tick(_) | Action::Resize { .. } | Action::ScrollUp | Action::ScrollDown => {
                Transition::Stay
            }
            _ => Transition::Home,
        };
    };
    if matches!(action, Action::Tick(_) | Action::Resize { .. }) {
        return Transition::Stay;
    }
    if open.done {
        return match action {
            Action::Confirm | Action::Right | Action::Back => Transition::Home,
            Action::Left => {
                open.done = false;
                Transition::Stay
            }
            _ => Transition::Stay,
        };
    }
    if open.ui.editing {
        match action {
            Action::Back => {
                open.ui.editing = false;
                open.ui.editor.set_cursor_style(Style::default());
                keep_reflection(ctx, open, false);
            }
            // The wheel still scrolls the prompt above the editor.
            Action::ScrollUp => open.ui.scroll = open.ui.scroll.saturating_sub(WHEEL_LINES),
            Action::ScrollDown => {
                open.ui.scroll = open.ui.scroll.saturating_add(WHEEL_LINES);
                settle_scroll(ctx, open, false);
            }
            Action::Edit(key) if open.ui.editor.input(*key) => {
                keep_reflection(ctx, open, true);
            }
            _ => {}
        }
        return Transition::Stay;
    }
    open.ui.notice = None;
    let note_pending = ctx
        .session
        .lesson()
        .is_some_and(|(l, run)| run.content_note_pending(l));
    let transition = if note_pending {
        note_action(ctx, open, action)
    } else {
        scene_action(ctx, open, action)
    };
    let focus = matches!(
        action,
        Action::Up | Action::Down | Action::Number(_) | Action::Click { .. }
    ) && list_len(ctx, open).is_some();
    settle_scroll(ctx, open, focus);
    transition
}

/// Keys while a content note is shown.
fn note_action(ctx: &mut Ctx, open: &mut Open, action: &Action) -> Transition {
    match action {
        Action::Confirm => {
            send(ctx, open, Command::AcceptNote);
        }
        Action::Letter('s') | Action::Right => {
            send(ctx, open, Command::SkipScene);
        }
        _ => return common_action(ctx, open, action),
    }
    Transition::Stay
}

/// Keys that work on every scene: back, next, previous, scrolling.
fn common_action(ctx: &mut Ctx, open: &mut Open, action: &Action) -> Transition {
    let page = view_of(ctx, open).map_or(1, |view| {
        usize::from(
            current_areas(ctx, &view)
                .content
                .height
                .saturating_sub(1)
                .max(1),
        )
    });
    match action {
        Action::Back => return Transition::Home,
        Action::Right | Action::Confirm => {
            send(ctx, open, Command::NextScene);
        }
        Action::Left => {
            send(ctx, open, Command::PreviousScene);
        }
        Action::Up | Action::ScrollUp => {
            let lines = if matches!(action, Action::ScrollUp) {
                WHEEL_LINES
            } else {
                1
            };
            open.ui.scroll = open.ui.scroll.saturating_sub(lines);
        }
        Action::Down | Action::ScrollDown => {
            let lines = if matches!(action, Action::ScrollDown) {
                WHEEL_LINES
            } else {
                1
            };
            open.ui.scroll = open.ui.scroll.saturating_add(lines);
        }
        Action::PageUp => open.ui.scroll = open.ui.scroll.saturating_sub(page),
        Action::PageDown => open.ui.scroll = open.ui.scroll.saturating_add(page),
        _ => {}
    }
    Transition::Stay
}

/// Keys on a scene whose content is shown.
fn scene_action(ctx: &mut Ctx, open: &mut Open, action: &Action) -> Transition {
    match scene_body(ctx) {
        Some(SceneBody::Glossary(_)) => glossary_action(ctx, open, action),
        Some(SceneBody::Quiz(quiz)) => quiz_action(ctx, open, &quiz, action),
        Some(SceneBody::Reflection(_)) if open.presenting => common_action(ctx, open, action),
        Some(SceneBody::Reflection(_)) => match action {
            Action::Confirm | Action::Letter('e') => {
                start_editing(open);
                Transition::Stay
            }
            Action::Click { column, row } => {
                let on_editor = view_of(ctx, open)
                    .and_then(|view| current_areas(ctx, &view).editor)
                    .is_some_and(|e| e.contains((*column, *row).into()));
                if on_editor {
                    start_editing(open);
                }
                Transition::Stay
            }
            _ => common_action(ctx, open, action),
        },
        Some(SceneBody::Checklist(checklist)) => checklist_action(ctx, open, &checklist, action),
        _ => common_action(ctx, open, action),
    }
}

fn start_editing(open: &mut Open) {
    open.ui.editing = true;
    open.ui
        .editor
        .set_cursor_style(Style::default().add_modifier(ratatui::style::Modifier::REVERSED));
}

/// The list entry a click at (`column`, `row`) hits, if any.
fn clicked(ctx: &Ctx, open: &Open, column: u16, row: u16) -> Option<TargetKind> {
    let view = view_of(ctx, open)?;
    let areas = current_areas(ctx, &view);
    if !areas.content.contains((column, row).into()) {
        return None;
    }
    let content = content::build(ctx, &view, areas.content.width);
    let scroll = open
        .ui
        .scroll
        .min(max_scroll(content.lines.len(), areas.content.height));
    let line = scroll + usize::from(row - areas.content.y);
    content
        .targets
        .iter()
        .find(|t| (t.first..t.end).contains(&line))
        .map(|t| t.kind)
}

fn glossary_action(ctx: &mut Ctx, open: &mut Open, action: &Action) -> Transition {
    // Turning and moving between cards is kept in the run but is not a step worth an
    // immediate save; it is recorded with the next step.
    match action {
        Action::Toggle | Action::Confirm => {
            send(ctx, open, Command::FlipCard);
        }
        Action::Letter('n') => {
            send(ctx, open, Command::NextCard);
        }
        Action::Letter('p') => {
            send(ctx, open, Command::PreviousCard);
        }
        Action::Right => {
            if send(ctx, open, Command::NextCard).is_empty() {
                send(ctx, open, Command::NextScene);
            }
        }
        Action::Left => {
            if send(ctx, open, Command::PreviousCard).is_empty() {
                send(ctx, open, Command::PreviousScene);
            }
        }
        _ => return common_action(ctx, open, action),
    }
    Transition::Stay
}

/// The quiz's outcome as the run has it now, in the view state.
fn show_quiz_outcome(ctx: &Ctx, open: &mut Open) {
    if let Some(outcome) = ctx
        .session
        .lesson()
        .and_then(|(l, run)| run.quiz_outcome(l))
    {
        open.ui.show_outcome(outcome);
    }
}

fn quiz_action(
    ctx: &mut Ctx,
    open: &mut Open,
    quiz: &crate::course::model::Quiz,
    action: &Action,
) -> Transition {
    let multiple = quiz.multiple;
    let count = quiz.options.len();
    let revealed = open.ui.answered.as_ref().is_some_and(|a| a.revealed) || quiz_revealed(ctx);
    if action == &Action::Letter('a') && !revealed {
        // The right answer on request: it then counts as not right at the first try.
        if !send(ctx, open, Command::RevealAnswer).is_empty() {
            open.ui.retrying = false;
            show_quiz_outcome(ctx, open);
        }
        return Transition::Stay;
    }
    if open.ui.answered.is_some() {
        return match action {
            Action::Letter('r') => {
                open.ui.answered = None;
                open.ui.retrying = true;
                open.ui.picked = vec![false; count];
                // A new try: the options in a new order.
                open.ui.order = ctx
                    .session
                    .lesson()
                    .map(|(l, run)| run.quiz_order(l))
                    .unwrap_or_default();
                open.ui.cursor = 0;
                open.ui.scroll = 0;
                Transition::Stay
            }
            _ => common_action(ctx, open, action),
        };
    }
    // `position` is where the option is shown; `picked` is kept in the order written.
    let pick = |ui: &mut SceneUi, position: usize| {
        let Some(&index) = ui.order.get(position) else {
            return;
        };
        ui.cursor = position;
        if multiple {
            if let Some(p) = ui.picked.get_mut(index) {
                *p = !*p;
            }
        } else {
            ui.picked = (0..count).map(|i| i == index).collect();
        }
    };
    match action {
        Action::Up => open.ui.cursor = open.ui.cursor.saturating_sub(1),
        Action::Down => open.ui.cursor = (open.ui.cursor + 1).min(count.saturating_sub(1)),
        Action::Toggle => {
            let cursor = open.ui.cursor;
            pick(&mut open.ui, cursor);
        }
        Action::Number(n) => pick(&mut open.ui, usize::from(*n).saturating_sub(1)),
        Action::Click { column, row } => {
            if let Some(TargetKind::QuizOption(index)) = clicked(ctx, open, *column, *row) {
                pick(&mut open.ui, index);
            }
        }
        Action::Confirm => {
            let selected: Vec<String> = quiz
                .options
                .iter()
                .zip(&open.ui.picked)
                .filter(|(_, p)| **p)
                .map(|(o, _)| o.id.to_string())
                .collect();
            match ctx.try_command(Command::Answer(selected)) {
                Ok(_) => show_quiz_outcome(ctx, open),
                Err(_) => {
                    open.ui.notice = Some(if multiple {
                        Notice::PickSome
                    } else {
                        Notice::PickOne
                    });
                }
            }
        }
        _ => return common_action(ctx, open, action),
    }
    Transition::Stay
}

/// Whether the quiz shown had its answer revealed (and it is not worth asking for).
fn quiz_revealed(ctx: &Ctx) -> bool {
    ctx.session
        .lesson()
        .and_then(|(_, run)| run.record(run.position().index))
        .is_some_and(|r| r.quiz_revealed())
}

fn checklist_action(
    ctx: &mut Ctx,
    open: &mut Open,
    checklist: &crate::course::model::Checklist,
    action: &Action,
) -> Transition {
    let count = checklist.entries.len();
    let index = match action {
        Action::Up => {
            open.ui.cursor = open.ui.cursor.saturating_sub(1);
            return Transition::Stay;
        }
        Action::Down => {
            open.ui.cursor = (open.ui.cursor + 1).min(count.saturating_sub(1));
            return Transition::Stay;
        }
        Action::Toggle => open.ui.cursor,
        Action::Number(n) => usize::from(*n).saturating_sub(1),
        Action::Click { column, row } => match clicked(ctx, open, *column, *row) {
            Some(TargetKind::ChecklistEntry(index)) => index,
            _ => return Transition::Stay,
        },
        _ => return common_action(ctx, open, action),
    };
    let Some(entry) = checklist.entries.get(index) else {
        return Transition::Stay;
    };
    open.ui.cursor = index;
    ctx.command(Command::Tick(entry.id.to_string()));
    Transition::Stay
}

/// Draws the lesson.
pub fn render(ctx: &Ctx, state: &State, frame: &mut Frame, area: Rect) {
    let theme = &ctx.theme;
    let Some(open) = state.open.as_deref().and_then(|o| view_of(ctx, o)) else {
        let message = ctx.t("lesson-missing");
        frame.render_widget(
            Paragraph::new(message)
                .style(theme.notice())
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    };
    let areas = areas(area, shows_editor(&open));

    // "Scene 3 of 8 · Quiz"
    let position = open.run.position();
    let mut top = ctx.tr(
        "lesson-scene-position",
        &msg_args!("number" => position.number(), "total" => position.total),
    );
    if open.done {
        top = ctx.t("lesson-done-title");
    } else if let Some(scene) = open.run.current(open.lesson) {
        top = format!("{top} · {}", kind_label(ctx, &scene.body));
    }
    let width = usize::from(areas.top.width);
    let gauge = if full_layout(area) && position.total > 0 {
        let (done, total) = open.run.scenes_done();
        format!(" {}", crate::tui::widgets::gauge(done, total, 10))
    } else {
        String::new()
    };
    let gauge_width = unicode_width::UnicodeWidthStr::width(gauge.as_str());
    let room = width.saturating_sub(gauge_width);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                format!("{:<room$}", text::truncate(&top, room)),
                theme.accent(),
            ),
            Span::styled(gauge, theme.gauge()),
        ])),
        areas.top,
    );

    let content = content::build(ctx, &open, areas.content.width);
    let scroll = open
        .ui
        .scroll
        .min(max_scroll(content.lines.len(), areas.content.height));
    let shown: Vec<Line<'static>> = content
        .lines
        .iter()
        .skip(scroll)
        .take(usize::from(areas.content.height))
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(shown), areas.content);

    if let Some(editor_area) = areas.editor {
        render_editor(ctx, &open, frame, editor_area);
    }

    let more_below = scroll + usize::from(areas.content.height) < content.lines.len();
    let status = match open.ui.notice {
        Some(Notice::PickOne) => Some((ctx.t("lesson-quiz-pick-one"), theme.notice())),
        Some(Notice::PickSome) => Some((ctx.t("lesson-quiz-pick-some"), theme.notice())),
        None if open.ui.editing => Some((ctx.t("lesson-reflection-how-stop"), theme.dim())),
        None if more_below => Some((ctx.t("lesson-more-below"), theme.dim())),
        None if scroll > 0 => Some((ctx.t("lesson-more-above"), theme.dim())),
        None if areas.editor.is_some() => Some((ctx.t("lesson-reflection-how-start"), theme.dim())),
        None => None,
    };
    if let Some((message, style)) = status {
        frame.render_widget(
            Paragraph::new(Span::styled(
                text::truncate(&message, usize::from(areas.status.width)),
                style,
            )),
            areas.status,
        );
    }
}

fn render_editor(ctx: &Ctx, open: &View<'_>, frame: &mut Frame, area: Rect) {
    let theme = &ctx.theme;
    let (title, border) = if open.ui.editing {
        (ctx.t("lesson-reflection-editing"), theme.accent())
    } else {
        (ctx.t("lesson-reflection-your-answer"), theme.border())
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(
            format!(
                " {} ",
                text::truncate(&title, usize::from(area.width.saturating_sub(4)))
            ),
            border,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if open.ui.editor.is_empty() && !open.ui.editing {
        frame.render_widget(
            Paragraph::new(ctx.t("lesson-reflection-empty"))
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
    } else {
        frame.render_widget(&open.ui.editor, inner);
    }
}

/// The word for a scene's kind, shown next to its position.
fn kind_label(ctx: &Ctx, body: &SceneBody) -> String {
    match body {
        SceneBody::Text(_) => ctx.t("lesson-kind-text"),
        SceneBody::Testimony(_) => ctx.t("lesson-kind-testimony"),
        SceneBody::KeyPoints(_) => ctx.t("lesson-kind-key-points"),
        SceneBody::Glossary(_) => ctx.t("lesson-kind-glossary"),
        SceneBody::Quiz(_) => ctx.t("lesson-kind-quiz"),
        SceneBody::Reflection(_) => ctx.t("lesson-kind-reflection"),
        SceneBody::Checklist(_) => ctx.t("lesson-kind-checklist"),
    }
}

/// The lesson title.
pub fn title(ctx: &Ctx, state: &State) -> String {
    match ctx.session.lesson().filter(|_| state.open.is_some()) {
        Some((lesson, _)) => ctx.plain(&lesson.title),
        None => ctx.t("home-kind-lesson"),
    }
}

/// The keys of the lesson screen, for what is shown now.
pub fn keys(ctx: &Ctx, state: &State) -> Vec<KeyHelp> {
    let Some(open) = state.open.as_deref().and_then(|o| view_of(ctx, o)) else {
        return vec![KeyHelp::new("Enter", ctx.t("key-back"))];
    };
    if open.done {
        return vec![
            KeyHelp::new("Enter", ctx.t("lesson-key-home")),
            KeyHelp::new("←", ctx.t("lesson-key-previous")),
        ];
    }
    if open.ui.editing {
        return vec![KeyHelp::new("Esc", ctx.t("lesson-key-stop-writing"))];
    }
    let next = KeyHelp::new("→ l", ctx.t("lesson-key-next"));
    let previous = KeyHelp::new("← h", ctx.t("lesson-key-previous"));
    let scroll = KeyHelp::new("PgUp PgDn", ctx.t("lesson-key-scroll"));
    let back = KeyHelp::new("Esc", ctx.t("key-back"));
    if open.run.content_note_pending(open.lesson) {
        return vec![
            KeyHelp::new("Enter", ctx.t("lesson-key-read-on")),
            KeyHelp::new("s", ctx.t("lesson-key-skip")),
            previous,
            back,
        ];
    }
    let mut keys = match open.run.current(open.lesson).map(|s| &s.body) {
        Some(SceneBody::Glossary(_)) => vec![
            KeyHelp::new("Space Enter", ctx.t("lesson-key-turn")),
            KeyHelp::new("→ ← n p", ctx.t("lesson-key-card")),
        ],
        Some(SceneBody::Quiz(_)) => match &open.ui.answered {
            None => {
                let mut keys = vec![
                    KeyHelp::new("↑↓ Space 1-9", ctx.t("lesson-key-select")),
                    KeyHelp::new("Enter", ctx.t("lesson-key-answer")),
                    next,
                ];
                if !quiz_revealed(ctx) {
                    keys.push(KeyHelp::new("a", ctx.t("lesson-key-reveal")));
                }
                keys
            }
            Some(answered) if !answered.revealed => vec![
                KeyHelp::new("r", ctx.t("lesson-key-retry")),
                KeyHelp::new("a", ctx.t("lesson-key-reveal")),
                KeyHelp::new("Enter →", ctx.t("lesson-key-next")),
            ],
            Some(_) => vec![
                KeyHelp::new("Enter →", ctx.t("lesson-key-next")),
                KeyHelp::new("r", ctx.t("lesson-key-retry")),
            ],
        },
        Some(SceneBody::Reflection(_)) if !open.presenting => {
            vec![KeyHelp::new("Enter e", ctx.t("lesson-key-write")), next]
        }
        Some(SceneBody::Checklist(_)) => vec![
            KeyHelp::new("↑↓ Space 1-9", ctx.t("lesson-key-tick")),
            KeyHelp::new("Enter →", ctx.t("lesson-key-next")),
        ],
        _ => vec![KeyHelp::new("Enter →", ctx.t("lesson-key-next"))],
    };
    keys.push(previous);
    keys.push(scroll);
    keys.push(back);
    keys
}

/// Whether the reflection editor has the focus.
pub fn editing(state: &State) -> bool {
    state.open.as_ref().is_some_and(|o| o.ui.editing)
}

/// Records what is not yet recorded (the reflection being typed) and closes the lesson
/// in the session before the screen is left.
pub fn before_leaving(ctx: &mut Ctx, state: &mut State) {
    if let Some(open) = state.open.as_deref_mut() {
        keep_reflection(ctx, open, false);
        open.ui.editing = false;
        open.ui.editor.set_cursor_style(Style::default());
    }
    super::close_item(ctx, &state.lesson);
}
