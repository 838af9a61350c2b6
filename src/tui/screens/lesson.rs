//! A lesson, one scene at a time. (Being built: see the TUI issue.)

use super::KeyHelp;
use crate::course::ids::ItemId;
use crate::engine::lesson::LessonRun;
use crate::progress::runs;
use crate::tui::action::Action;
use crate::tui::app::{Ctx, Transition};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

/// The lesson screen's state.
#[derive(Debug)]
pub struct State {
    /// The lesson shown.
    pub lesson: ItemId,
    /// The run, resumed from the progress.
    pub run: LessonRun,
}

impl State {
    /// Opens `lesson` where the learner left it.
    pub fn open(ctx: &mut Ctx, lesson: &ItemId) -> Self {
        let run = match ctx.course.lessons.get(lesson) {
            Some(l) => runs::resume_lesson(&ctx.progress, l),
            None => unreachable_lesson(),
        };
        Self {
            lesson: lesson.clone(),
            run,
        }
    }
}

fn unreachable_lesson() -> LessonRun {
    todo!("opened only for lessons of the course")
}

/// Applies an action.
pub fn update(_ctx: &mut Ctx, _state: &mut State, action: &Action) -> Transition {
    match action {
        Action::Back => Transition::Home,
        _ => Transition::Stay,
    }
}

/// Draws the lesson.
pub fn render(ctx: &Ctx, state: &State, frame: &mut Frame, area: Rect) {
    frame.render_widget(Paragraph::new(title(ctx, state)), area);
}

/// The lesson title.
pub fn title(ctx: &Ctx, state: &State) -> String {
    ctx.course
        .lessons
        .get(&state.lesson)
        .map(|l| ctx.plain(&l.title))
        .unwrap_or_default()
}

/// The keys of the lesson screen.
pub fn keys(ctx: &Ctx, _state: &State) -> Vec<KeyHelp> {
    vec![KeyHelp::new("Esc", ctx.t("key-back"))]
}

/// Whether the reflection editor has the focus.
pub fn editing(_state: &State) -> bool {
    false
}

/// Records what is not yet recorded before the lesson is left.
pub fn before_leaving(_ctx: &mut Ctx, _state: &mut State) {}
