//! A trainee's screen following the room ([`Directive`]):
//! - a new group step opens the scenario at its decision point; the trainee's answer there
//!   is their vote (the room hears it as a session event);
//! - once the facilitator moves the room on, the trainee is taken back to the point and the
//!   room's choice is taken, with the room's tally, so every screen goes on from there;
//! - while the room is locked to an item, leaving it opens it again;
//! - the facilitator's message, and a reminder during a group step, on the top line.
//!
//! Each group step is followed once: a trainee who moves on by themselves is not pulled
//! back until the next step or the facilitator's decision.

use super::room::Directive;
use crate::course::checked::{Item, NodeIdx};
use crate::course::ids::ItemId;
use crate::msg_args;
use crate::session::{Command, Place};
use crate::tui::App;
use crate::tui::screens::{Screen, lesson, scenario};
use crate::tui::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// What a trainee's screen has followed of the room's group steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Following {
    round: u64,
    resolved: bool,
}

impl Following {
    /// Starts following: a group step the room already went through before the trainee
    /// joined is past, not followed.
    pub fn new(directive: &Directive) -> Self {
        match &directive.group {
            Some(group) if group.resolved.is_some() => Self {
                round: group.round,
                resolved: true,
            },
            _ => Self {
                round: 0,
                resolved: false,
            },
        }
    }

    /// Brings `app` where the room is.
    pub fn follow(&mut self, app: &mut App, directive: &Directive) {
        if let Some(group) = &directive.group {
            let (item, node) = (&group.scenario, group.node);
            if group.round != self.round {
                self.round = group.round;
                self.resolved = false;
                open_at(app, item, node);
            }
            if let Some((choice, tally)) = &group.resolved
                && !self.resolved
            {
                self.resolved = true;
                // Back at the point (the trainee's own vote moved them on), then the
                // room's choice.
                open_at(app, item, node);
                let chosen = app.ctx.try_command(Command::Choose {
                    choice: choice.clone(),
                    tally: Some(tally.clone()),
                });
                if chosen.is_ok() {
                    show_scenario(app, item);
                }
            }
        }
        if let Some(item) = &directive.locked
            && app.ctx.session.open().map(|o| o.id()) != Some(item)
        {
            open(app, item);
        }
    }
}

/// Opens scenario `item` at decision point `node`, with the variables at their start.
fn open_at(app: &mut App, item: &ItemId, node: NodeIdx) {
    app.screen.before_leaving(&mut app.ctx);
    if app
        .ctx
        .try_command(Command::OpenAt(item.clone(), Place::Node(node)))
        .is_ok()
    {
        show_scenario(app, item);
    }
}

/// The conversation of the scenario the session has open (or its ending).
fn show_scenario(app: &mut App, item: &ItemId) {
    let mut state = scenario::State::opened(&app.ctx, item);
    state.view = match app.ctx.session.scenario() {
        Some((found, run)) if run.is_ended(found) => scenario::View::Ending,
        _ => scenario::View::Conversation,
    };
    app.help = false;
    app.screen = Screen::Scenario(state);
}

/// Opens `item` where the trainee left it (the room is locked to it).
fn open(app: &mut App, item: &ItemId) {
    let kind_is_lesson = match app.ctx.course().item(item.as_str()) {
        Some(Item::Lesson(_)) => true,
        Some(Item::Scenario(_)) => false,
        None => return,
    };
    app.screen.before_leaving(&mut app.ctx);
    app.help = false;
    app.screen = if kind_is_lesson {
        Screen::Lesson(lesson::State::open(&mut app.ctx, item))
    } else {
        Screen::Scenario(scenario::State::open(&mut app.ctx, item))
    };
}

/// The top line for the trainee, in their language: the facilitator's message, and during
/// a group step what their answer does.
pub fn banner(app: &App, directive: &Directive) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(message) = &directive.message {
        parts.push(app.ctx.tr(
            "serve-banner-message",
            &msg_args!("message" => message.as_str()),
        ));
    }
    if directive
        .group
        .as_ref()
        .is_some_and(|g| g.resolved.is_none())
    {
        parts.push(app.ctx.t("serve-banner-group-step"));
    }
    (!parts.is_empty()).then(|| parts.join("  ·  "))
}

/// Draws the banner over the top line of the screen.
pub fn render_banner(app: &App, banner: Option<&str>, frame: &mut Frame) {
    let Some(banner) = banner else {
        return;
    };
    let area = frame.area();
    if area.height < 3 {
        return;
    }
    let line = Rect::new(area.x, area.y, area.width, 1);
    frame.render_widget(Clear, line);
    let shown = text::truncate(&format!(" {banner}"), usize::from(area.width));
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(shown, app.ctx.theme.selected()))),
        line,
    );
}
