//! The facilitator's dashboard, in a facilitator's SSH connection (public-key login with a
//! key from `--facilitator-key`): the room overview, group steps, free-play counts, the
//! lock and the broadcast message. Drawn by [`super::dashboard_view`].
//!
//! Two views, and several dashboards may be open at once (one on the projector, one on the
//! facilitator's own screen):
//! - the **presenter** view is safe to project: trainees by number, no names, no notes;
//!   during a group step only how many voted, until `v` shows the bars;
//! - the **private** view adds names, the facilitator notes, the counts per answer and the
//!   discussion timer.
//!
//! The SSH user name chooses the view a connection starts in (`presenter@…` the presenter
//! view, any other name the private one); `p` switches.
//!
//! Keys on the overview: `g` picks a decision point (the facilitator's jump menu) and
//! starts a group step there; `v` shows or hides the bars; ↑↓ or a number selects the
//! facilitator's answer for a tie; Enter moves the room on; `n` starts the next decision
//! point; `f` ends the group step (free play); `l` locks the room to the item of the group
//! step (or unlocks it); `m` writes the message on every screen; `p` switches the view; `t`
//! starts or pauses the timer; `q` leaves.

use super::Shared;
use super::room::{GroupError, RoomState, next_decision_point};
use super::screen::{End, Next, Screen};
use crate::course::checked::Item;
use crate::facilitator::Timer;
use crate::i18n::Localizer;
use crate::msg_args;
use crate::progress::{CourseStamp, Progress, Timestamp};
use crate::session::Session;
use crate::tui::Ctx;
use crate::tui::action::{self, Action};
use crate::tui::screens::facilitator::jump::{self, Row};
use crate::tui::theme::{Theme, ThemeName};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

/// Which dashboard view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Safe to project: no names, no notes.
    Presenter,
    /// For the facilitator only: names, notes, timer.
    Private,
}

impl View {
    /// The view a facilitator's SSH user name asks for.
    pub fn for_user(user: &str) -> Self {
        if user.eq_ignore_ascii_case("presenter") {
            View::Presenter
        } else {
            View::Private
        }
    }
}

/// What the dashboard shows besides the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The room overview.
    Overview,
    /// The jump menu, to pick a decision point for a group step.
    Pick,
    /// Typing the message for every screen.
    Message(String),
}

/// One dashboard.
pub struct Dashboard {
    /// The view.
    pub view: View,
    /// What is shown.
    pub mode: Mode,
    /// A throwaway session in the server's language: the jump menu and the course's texts.
    pub ctx: Ctx,
    /// The jump menu's state.
    pub jump: jump::State,
    /// The facilitator's answer (its position as written), for a tie or no votes.
    pub selected: usize,
    /// The discussion timer.
    pub timer: Timer,
    /// Why the last key did nothing, in the server's language.
    pub problem: Option<String>,
}

impl Dashboard {
    /// A dashboard in `view` over the workshop's course, in the server's language.
    pub fn new(shared: &Shared, view: View) -> Self {
        let course = Arc::clone(&shared.course);
        let progress = Progress::new(CourseStamp::of(&course), Timestamp::now());
        let i18n = Localizer::new(shared.i18n.current());
        let session = Session::new(course, progress, i18n);
        let ctx = Ctx::with_session(session, Theme::new(ThemeName::Default, false));
        let jump = jump::State::new(&ctx);
        Self {
            view,
            mode: Mode::Overview,
            ctx,
            jump,
            selected: 0,
            timer: Timer::default(),
            problem: None,
        }
    }

    /// Handles one key; `false` when the facilitator leaves.
    pub fn key(&mut self, shared: &Shared, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && matches!(key.code, KeyCode::Char('c' | 'd')) {
            return false;
        }
        self.problem = None;
        match &mut self.mode {
            Mode::Message(text) => {
                match key.code {
                    KeyCode::Enter => {
                        let message = std::mem::take(text);
                        shared.workshop.live.change(|r| r.set_message(&message));
                        self.mode = Mode::Overview;
                    }
                    KeyCode::Esc => self.mode = Mode::Overview,
                    KeyCode::Backspace => {
                        text.pop();
                    }
                    KeyCode::Char(c) if !ctrl && text.chars().count() < 200 => text.push(c),
                    _ => {}
                }
                true
            }
            Mode::Pick => {
                self.pick_key(shared, key);
                true
            }
            Mode::Overview => self.overview_key(shared, key),
        }
    }

    fn overview_key(&mut self, shared: &Shared, key: KeyEvent) -> bool {
        let live = &shared.workshop.live;
        let course = &shared.course;
        let choices = live.read(|r| r.group().map_or(0, |g| g.choices.len()));
        match key.code {
            KeyCode::Char('q') => return false,
            KeyCode::Char('g') => self.mode = Mode::Pick,
            KeyCode::Char('v') => live.change(RoomState::toggle_reveal),
            KeyCode::Char('p') => {
                self.view = match self.view {
                    View::Presenter => View::Private,
                    View::Private => View::Presenter,
                };
            }
            KeyCode::Char('t') => self.timer.toggle(std::time::Instant::now()),
            KeyCode::Char('m') => {
                let now = live.read(|r| r.message().map(str::to_owned));
                self.mode = Mode::Message(now.unwrap_or_default());
            }
            KeyCode::Char('f') => live.change(RoomState::end_group),
            KeyCode::Char('l') => {
                let item = live.read(|r| {
                    if r.locked().is_some() {
                        None
                    } else {
                        r.group().map(|g| g.scenario.clone())
                    }
                });
                live.change(|r| r.set_lock(item));
            }
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down => self.selected = (self.selected + 1).min(choices.saturating_sub(1)),
            KeyCode::Char(c @ '1'..='9') => {
                let index = usize::from(c as u8 - b'1');
                if index < choices {
                    self.selected = index;
                }
            }
            KeyCode::Enter => {
                let resolved = live.change(|r| r.resolve(course, self.selected, Timestamp::now()));
                match resolved {
                    Ok(record) => {
                        shared.log(
                            "serve-log-group-step",
                            &msg_args!(
                                "scenario" => record.scenario.as_str(),
                                "node" => record.node.as_str(),
                                "choice" => record.chosen.as_str(),
                            ),
                        );
                        if let Some(log) = &shared.group_log
                            && let Err(error) = log.record(course, &record)
                        {
                            let reason = crate::i18n::Localize::localize(&error, &shared.i18n);
                            shared
                                .log("serve-log-group-log-failed", &msg_args!("reason" => reason));
                        }
                    }
                    Err(GroupError::Tied) => {
                        self.problem = Some(self.ctx.t("dashboard-tie-pick"));
                    }
                    Err(_) => self.problem = Some(self.ctx.t("dashboard-group-none")),
                }
            }
            KeyCode::Char('n') => {
                let next = live.read(|r| {
                    let group = r.group()?;
                    let chosen = group.resolved.as_ref()?;
                    let node = next_decision_point(course, &group.scenario, group.node, chosen)?;
                    Some((group.scenario.clone(), node))
                });
                match next {
                    Some((scenario, node)) => {
                        let _ = live.change(|r| r.start_group(course, &scenario, node));
                        self.selected = 0;
                    }
                    None => self.problem = Some(self.ctx.t("dashboard-no-next")),
                }
            }
            _ => {}
        }
        true
    }

    fn pick_key(&mut self, shared: &Shared, key: KeyEvent) {
        let Some(action) = action::from_key(key, false) else {
            return;
        };
        match action {
            Action::Back | Action::Quit => self.mode = Mode::Overview,
            Action::Confirm => match self.selected_row() {
                Some(Row::Node(item, node)) => {
                    let started = shared
                        .workshop
                        .live
                        .change(|r| r.start_group(&shared.course, &item, node));
                    match started {
                        Ok(_) => {
                            self.selected = 0;
                            self.mode = Mode::Overview;
                        }
                        Err(_) => self.problem = Some(self.ctx.t("dashboard-not-a-decision")),
                    }
                }
                Some(Row::Item(item)) => {
                    if matches!(
                        self.ctx.course().item(item.as_str()),
                        Some(Item::Scenario(_))
                    ) {
                        let _ = jump::update(&mut self.ctx, &mut self.jump, &Action::Right);
                    } else {
                        self.problem = Some(self.ctx.t("dashboard-not-a-decision"));
                    }
                }
                _ => self.problem = Some(self.ctx.t("dashboard-not-a-decision")),
            },
            // The menu moves and folds; opening is the dashboard's own (above).
            other => {
                let _ = jump::update(&mut self.ctx, &mut self.jump, &other);
            }
        }
    }

    /// The jump menu's selected row.
    pub fn selected_row(&self) -> Option<Row> {
        jump::rows(&self.ctx, &self.jump)
            .into_iter()
            .filter(|r| !matches!(r, Row::Module(_)))
            .nth(self.jump.selected)
    }
}

/// Runs a dashboard in a facilitator's connection until they leave.
pub(super) async fn serve(shared: &Arc<Shared>, screen: &mut Screen, view: View) -> End {
    let mut dashboard = Dashboard::new(shared, view);
    shared.log("serve-log-dashboard", &msg_args!());
    loop {
        let drawn = screen.draw(|frame| super::dashboard_view::render(shared, &dashboard, frame));
        if drawn.is_err() {
            return End::Gone;
        }
        // The idle times and the timer move on by the second.
        let tick = tokio::time::Instant::now() + std::time::Duration::from_secs(1);
        match screen.next(Some(tick)).await {
            Next::Keys(keys) => {
                for key in keys {
                    if !dashboard.key(shared, key) {
                        return End::Left;
                    }
                }
            }
            Next::Resize(width, height) => screen.resize(width, height),
            Next::Timeout | Next::Room => {}
            Next::End(end) => return end,
        }
    }
}
