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
use crate::tui::keymap::{Binding, Key, Keymap, digit};
use crate::tui::text;
use crate::tui::view;
use crate::tui::widgets::render_notice;
use content::TargetKind;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

/// Lines the mouse wheel scrolls at a time.
const WHEEL_LINES: usize = 3;
/// The widest text column in the full layout: longer lines read badly.
const MAX_TEXT_WIDTH: u16 = 80;

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

/// What a key does on the lesson screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    /// Back to the overview.
    Home,
    /// From the "lesson done" summary back to the last scene.
    Reopen,
    /// The reflection editor gives up the focus (the text is kept).
    StopWriting,
    /// Reads the scene behind a content note.
    AcceptNote,
    /// Skips the scene behind a content note.
    SkipScene,
    NextScene,
    PreviousScene,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    /// The focus one quiz option or checklist entry up.
    CursorUp,
    /// The focus one quiz option or checklist entry down.
    CursorDown,
    /// Selects the quiz option, or ticks the checklist entry, with the focus.
    PickFocused,
    /// Selects the quiz option, or ticks the checklist entry, of the number pressed.
    Pick,
    /// Answers the quiz with the options selected.
    Answer,
    /// Shows the quiz's right answer.
    Reveal,
    /// Another try at the quiz.
    Retry,
    /// The reflection editor takes the focus.
    Write,
    FlipCard,
    NextCard,
    PreviousCard,
}

/// The keys for what the lesson screen shows now.
fn keymap(ctx: &Ctx, state: &State) -> Keymap<Cmd> {
    let mut map = Keymap::new();
    let Some(view) = state.open.as_deref().and_then(|o| view_of(ctx, o)) else {
        // A missing lesson: any key goes home.
        map.key(&[Key::Any], "Enter", "key-back", Cmd::Home);
        return map;
    };
    if view.done {
        map.key(&[Key::Confirm], "Enter", "lesson-key-home", Cmd::Home)
            .hidden(&[Key::Right, Key::Back], Cmd::Home)
            .key(&[Key::Left], "←", "lesson-key-previous", Cmd::Reopen);
        return map;
    }
    if view.ui.editing {
        map.key(
            &[Key::Back],
            "Esc",
            "lesson-key-stop-writing",
            Cmd::StopWriting,
        );
        return map;
    }
    if view.run.content_note_pending(view.lesson) {
        map.key(
            &[Key::Confirm],
            "Enter",
            "lesson-key-read-on",
            Cmd::AcceptNote,
        )
        .key(&[Key::Letter('s')], "s", "lesson-key-skip", Cmd::SkipScene)
        .hidden(&[Key::Right], Cmd::SkipScene);
        return common_keys(map, false, Arrows::Scroll);
    }
    let next = |map: &mut Keymap<Cmd>, keys: &'static [Key], label: &'static str| {
        map.key(keys, label, "lesson-key-next", Cmd::NextScene);
    };
    let select = |map: &mut Keymap<Cmd>, help: &'static str| {
        map.key(&[Key::Up], "↑↓ Space 1-9", help, Cmd::CursorUp)
            .also(&[Key::Down], Cmd::CursorDown)
            .also(&[Key::Toggle], Cmd::PickFocused)
            .also(&[Key::Number], Cmd::Pick);
    };
    let mut arrows = Arrows::Scroll;
    match view.run.current(view.lesson).map(|s| &s.body) {
        Some(SceneBody::Glossary(_)) => {
            // The cards have keys of their own: the arrows go to another scene, whatever
            // the card shown, so a long glossary is left with one key.
            map.key(
                &[Key::Toggle, Key::Confirm],
                "Space Enter",
                "lesson-key-turn",
                Cmd::FlipCard,
            )
            .key(&[Key::Letter('n')], "n p", "lesson-key-card", Cmd::NextCard)
            .also(&[Key::Letter('p')], Cmd::PreviousCard);
            next(&mut map, &[Key::Right], "→ l");
        }
        Some(SceneBody::Quiz(_)) => {
            let revealed =
                view.ui.answered.as_ref().is_some_and(|a| a.revealed) || quiz_revealed(ctx);
            match &view.ui.answered {
                None => {
                    select(&mut map, "lesson-key-select");
                    map.key(&[Key::Confirm], "Enter", "lesson-key-answer", Cmd::Answer);
                    next(&mut map, &[Key::Right], "→ l");
                    if !revealed {
                        map.key(&[Key::Letter('a')], "a", "lesson-key-reveal", Cmd::Reveal);
                    }
                    arrows = Arrows::Taken;
                }
                Some(_) if !revealed => {
                    map.key(&[Key::Letter('r')], "r", "lesson-key-retry", Cmd::Retry)
                        .key(&[Key::Letter('a')], "a", "lesson-key-reveal", Cmd::Reveal);
                    next(&mut map, &[Key::Confirm, Key::Right], "Enter →");
                }
                Some(_) => {
                    next(&mut map, &[Key::Confirm, Key::Right], "Enter →");
                    map.key(&[Key::Letter('r')], "r", "lesson-key-retry", Cmd::Retry);
                }
            }
        }
        Some(SceneBody::Reflection(_)) if !view.presenting => {
            map.key(
                &[Key::Confirm, Key::Letter('e')],
                "Enter e",
                "lesson-key-write",
                Cmd::Write,
            );
            next(&mut map, &[Key::Right], "→ l");
        }
        Some(SceneBody::Checklist(_)) => {
            select(&mut map, "lesson-key-tick");
            next(&mut map, &[Key::Confirm, Key::Right], "Enter →");
            arrows = Arrows::Taken;
        }
        _ => next(&mut map, &[Key::Confirm, Key::Right], "Enter →"),
    }
    common_keys(map, true, arrows)
}

/// What ↑ and ↓ do besides the scene's own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arrows {
    /// They scroll by a line.
    Scroll,
    /// The scene takes them (a quiz or checklist moves its focus).
    Taken,
}

/// The keys every scene shares: previous scene, scrolling (listed when `pages_listed`),
/// back.
fn common_keys(mut map: Keymap<Cmd>, pages_listed: bool, arrows: Arrows) -> Keymap<Cmd> {
    map.key(
        &[Key::Left],
        "← h",
        "lesson-key-previous",
        Cmd::PreviousScene,
    );
    if pages_listed {
        map.key(
            &[Key::PageUp],
            "PgUp PgDn",
            "lesson-key-scroll",
            Cmd::PageUp,
        )
        .also(&[Key::PageDown], Cmd::PageDown);
    } else {
        map.hidden(&[Key::PageUp], Cmd::PageUp)
            .hidden(&[Key::PageDown], Cmd::PageDown);
    }
    if arrows == Arrows::Scroll {
        map.hidden(&[Key::Up], Cmd::ScrollUp)
            .hidden(&[Key::Down], Cmd::ScrollDown);
    }
    map.key(&[Key::Back], "Esc", "key-back", Cmd::Home);
    map
}

/// The key bindings of the lesson screen for what it shows now, with their commands
/// written out.
pub fn bindings(ctx: &Ctx, state: &State) -> Vec<Binding<String>> {
    keymap(ctx, state).described()
}

/// Applies an action.
pub fn update(ctx: &mut Ctx, state: &mut State, action: &Action) -> Transition {
    let command = keymap(ctx, state).find(action);
    let Some(open) = state.open.as_deref_mut() else {
        // A missing lesson: any key or click goes home.
        return if command.is_some() || matches!(action, Action::Click { .. }) {
            Transition::Home
        } else {
            Transition::Stay
        };
    };
    if matches!(action, Action::Tick(_) | Action::Resize { .. }) {
        return Transition::Stay;
    }
    if open.done {
        match command {
            Some(Cmd::Home) => return Transition::Home,
            Some(Cmd::Reopen) => open.done = false,
            _ => {}
        }
        return Transition::Stay;
    }
    if open.ui.editing {
        match action {
            _ if command == Some(Cmd::StopWriting) => {
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
    let transition = match command {
        Some(command) => apply(ctx, open, command, action),
        None => pointer(ctx, open, action),
    };
    let focus = (matches!(command, Some(Cmd::CursorUp | Cmd::CursorDown | Cmd::Pick))
        || matches!(action, Action::Click { .. }))
        && list_len(ctx, open).is_some();
    settle_scroll(ctx, open, focus);
    transition
}

/// Carries out a key's command on the scene shown.
fn apply(ctx: &mut Ctx, open: &mut Open, command: Cmd, action: &Action) -> Transition {
    let page = view_of(ctx, open).map_or(1, |view| {
        usize::from(
            current_areas(ctx, &view)
                .content
                .height
                .saturating_sub(1)
                .max(1),
        )
    });
    // Turning and moving between cards is kept in the run but is not a step worth an
    // immediate save; it is recorded with the next step.
    let command = match command {
        Cmd::Home => return Transition::Home,
        Cmd::Reopen | Cmd::StopWriting => return Transition::Stay,
        Cmd::AcceptNote => Command::AcceptNote,
        Cmd::SkipScene => Command::SkipScene,
        Cmd::NextScene => Command::NextScene,
        Cmd::PreviousScene => Command::PreviousScene,
        Cmd::FlipCard => Command::FlipCard,
        Cmd::NextCard => Command::NextCard,
        Cmd::PreviousCard => Command::PreviousCard,
        Cmd::ScrollUp | Cmd::ScrollDown | Cmd::PageUp | Cmd::PageDown => {
            let scroll = &mut open.ui.scroll;
            *scroll = match command {
                Cmd::ScrollUp => scroll.saturating_sub(1),
                Cmd::ScrollDown => scroll.saturating_add(1),
                Cmd::PageUp => scroll.saturating_sub(page),
                _ => scroll.saturating_add(page),
            };
            return Transition::Stay;
        }
        Cmd::CursorUp => {
            open.ui.cursor = open.ui.cursor.saturating_sub(1);
            return Transition::Stay;
        }
        Cmd::CursorDown => {
            let count = list_len(ctx, open).unwrap_or(0);
            open.ui.cursor = (open.ui.cursor + 1).min(count.saturating_sub(1));
            return Transition::Stay;
        }
        Cmd::PickFocused => {
            pick(ctx, open, open.ui.cursor);
            return Transition::Stay;
        }
        Cmd::Pick => {
            if let Some(n) = digit(action) {
                pick(ctx, open, usize::from(n).saturating_sub(1));
            }
            return Transition::Stay;
        }
        Cmd::Answer => {
            answer(ctx, open);
            return Transition::Stay;
        }
        Cmd::Reveal => {
            // The right answer on request: it then counts as not right at the first try.
            if !send(ctx, open, Command::RevealAnswer).is_empty() {
                open.ui.retrying = false;
                show_quiz_outcome(ctx, open);
            }
            return Transition::Stay;
        }
        Cmd::Retry => {
            retry(ctx, open);
            return Transition::Stay;
        }
        Cmd::Write => {
            start_editing(open);
            return Transition::Stay;
        }
    };
    send(ctx, open, command);
    Transition::Stay
}

/// The mouse on the scene shown: the wheel scrolls, a click selects a quiz option, ticks
/// a checklist entry or starts the reflection editor.
fn pointer(ctx: &mut Ctx, open: &mut Open, action: &Action) -> Transition {
    match action {
        Action::ScrollUp => open.ui.scroll = open.ui.scroll.saturating_sub(WHEEL_LINES),
        Action::ScrollDown => open.ui.scroll = open.ui.scroll.saturating_add(WHEEL_LINES),
        Action::Click { column, row } => {
            let note_pending = ctx
                .session
                .lesson()
                .is_some_and(|(l, run)| run.content_note_pending(l));
            if note_pending {
                return Transition::Stay;
            }
            match (scene_body(ctx), clicked(ctx, open, *column, *row)) {
                (Some(SceneBody::Quiz(_)), Some(TargetKind::QuizOption(index)))
                    if open.ui.answered.is_none() =>
                {
                    pick(ctx, open, index);
                }
                (Some(SceneBody::Checklist(_)), Some(TargetKind::ChecklistEntry(index))) => {
                    pick(ctx, open, index);
                }
                (Some(SceneBody::Reflection(_)), _) if !open.presenting => {
                    let on_editor = view_of(ctx, open)
                        .and_then(|view| current_areas(ctx, &view).editor)
                        .is_some_and(|e| e.contains((*column, *row).into()));
                    if on_editor {
                        start_editing(open);
                    }
                }
                _ => {}
            }
        }
        _ => {}
    }
    Transition::Stay
}

/// Selects quiz option `position` (as shown), or ticks checklist entry `position`.
fn pick(ctx: &mut Ctx, open: &mut Open, position: usize) {
    match scene_body(ctx) {
        Some(SceneBody::Quiz(quiz)) if open.ui.answered.is_none() => {
            // `position` is where the option is shown; `picked` is kept in the order
            // written.
            let ui = &mut open.ui;
            let Some(&index) = ui.order.get(position) else {
                return;
            };
            ui.cursor = position;
            if quiz.multiple {
                if let Some(p) = ui.picked.get_mut(index) {
                    *p = !*p;
                }
            } else {
                ui.picked = (0..quiz.options.len()).map(|i| i == index).collect();
            }
        }
        Some(SceneBody::Checklist(checklist)) => {
            let Some(entry) = checklist.entries.get(position) else {
                return;
            };
            open.ui.cursor = position;
            ctx.command(Command::Tick(entry.id.to_string()));
        }
        _ => {}
    }
}

/// Answers the quiz with the options selected, or says to select one first.
fn answer(ctx: &mut Ctx, open: &mut Open) {
    let Some(SceneBody::Quiz(quiz)) = scene_body(ctx) else {
        return;
    };
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
            open.ui.notice = Some(if quiz.multiple {
                Notice::PickSome
            } else {
                Notice::PickOne
            });
        }
    }
}

/// Another try at the quiz: nothing selected, the options in a new order.
fn retry(ctx: &Ctx, open: &mut Open) {
    let Some(SceneBody::Quiz(quiz)) = scene_body(ctx) else {
        return;
    };
    open.ui.answered = None;
    open.ui.retrying = true;
    open.ui.picked = vec![false; quiz.options.len()];
    open.ui.order = ctx
        .session
        .lesson()
        .map(|(l, run)| run.quiz_order(l))
        .unwrap_or_default();
    open.ui.cursor = 0;
    open.ui.scroll = 0;
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

/// Whether the quiz shown had its answer revealed (and it is not worth asking for).
fn quiz_revealed(ctx: &Ctx) -> bool {
    ctx.session
        .lesson()
        .and_then(|(_, run)| run.record(run.position().index))
        .is_some_and(|r| r.quiz_revealed())
}

/// Draws the lesson.
pub fn render(ctx: &Ctx, state: &State, frame: &mut Frame, area: Rect) {
    let theme = &ctx.theme;
    let Some(open) = state.open.as_deref().and_then(|o| view_of(ctx, o)) else {
        let message = ctx.t("lesson-missing");
        render_notice(ctx, message, frame, area);
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
        if open.ui.editing {
            // The terminal's own cursor at the insertion point: screen magnifiers and
            // screen readers follow it, not a reverse-video cell.
            let cursor = open.ui.editor.screen_cursor();
            let (top, left) = open.ui.editor.scroll_offset();
            let row = cursor.row.checked_sub(usize::from(top));
            let column = cursor.col.checked_sub(usize::from(left));
            if let (Some(row), Some(column)) = (row, column)
                && let (Ok(row), Ok(column)) = (u16::try_from(row), u16::try_from(column))
                && row < inner.height
                && column < inner.width
            {
                frame.set_cursor_position((inner.x + column, inner.y + row));
            }
        }
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

/// The keys of the lesson screen for what is shown now, for the help and the key bar.
pub fn keys(ctx: &Ctx, state: &State) -> Vec<KeyHelp> {
    keymap(ctx, state).help(ctx)
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
