//! One trainee in the connection's terminal ([`super::screen`]): the join screen and,
//! once the trainee has a name, the whole interface ([`App`]) over their own session and
//! progress file, following the room ([`super::follow`]): group steps, the lock and the
//! facilitator's message. The SSH handler ([`super::ssh`]) only passes input on.
//!
//! The trainee's keys go through the same [`action::from_key`] as the local interface.
//! Progress is saved when the session says so, and always on the way out: `q`, Ctrl-C, a
//! dropped connection, the idle timeout, or the end of the workshop.

use super::Shared;
use super::follow::{self, Following};
use super::room::{RoomListener, RoomState};
use super::screen::{End, Next, Screen};
use super::workshop::{JoinError, Seat};
use crate::i18n::{LocaleCandidates, Localize, start_localizer};
use crate::msg_args;
use crate::progress::{
    CourseStamp, LoadNotice, MAX_PROFILE_NAME_LEN, ProfileName, ProfileSession, Progress,
    ProgressError, Timestamp,
};
use crate::session::Session;
use crate::tui::{Action, App, Clock, Ctx, action, view};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::sync::Arc;
use tokio::time::Instant;

/// The join screen, then the course; how it ended, and why the last save failed if it did
/// (in the server's language).
pub(super) async fn serve(shared: &Arc<Shared>, screen: &mut Screen) -> (End, Option<String>) {
    let (seat, joined) = match join(shared, screen).await {
        Ok(joined) => joined,
        // Nothing was saved yet: leaving idle is just leaving.
        Err(End::Idle) => return (End::Left, None),
        Err(end) => return (end, None),
    };
    let name = seat.name().as_str();
    shared.log(
        "serve-log-joined",
        &msg_args!("name" => name, "count" => shared.workshop.connected().len()),
    );
    let app = trainee_app(shared, seat.name(), joined.progress, &joined.notices);
    let (end, unsaved) = course(shared, screen, app, joined.profile).await;
    let reason = unsaved.map(|error| error.localize(&shared.i18n));
    match &reason {
        None => shared.log("serve-log-left", &msg_args!("name" => name)),
        Some(reason) => shared.log(
            "serve-log-not-saved",
            &msg_args!("name" => name, "reason" => reason.as_str()),
        ),
    }
    drop(seat);
    (end, reason)
}

/// A trainee with a name and their progress opened.
struct Joined {
    progress: Progress,
    notices: Vec<LoadNotice>,
    profile: ProfileSession,
}

/// The join screen: the trainee types a display name until one is accepted.
async fn join(shared: &Arc<Shared>, screen: &mut Screen) -> Result<(Seat, Joined), End> {
    let mut name = String::new();
    let mut problem: Option<String> = None;
    loop {
        if screen
            .draw(|frame| draw_join(frame, shared, &name, problem.as_deref()))
            .is_err()
        {
            return Err(End::Gone);
        }
        let keys = match screen.next(None).await {
            Next::Keys(keys) => keys,
            Next::Resize(width, height) => {
                screen.resize(width, height);
                continue;
            }
            Next::Timeout | Next::Room => continue,
            Next::End(end) => return Err(end),
        };
        for key in keys {
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                KeyCode::Char('c' | 'd') if ctrl => return Err(End::Left),
                KeyCode::Esc => return Err(End::Left),
                KeyCode::Backspace => {
                    name.pop();
                }
                // One character more than a name may have, so the error says it is too long.
                KeyCode::Char(c) if !ctrl && name.chars().count() <= MAX_PROFILE_NAME_LEN => {
                    name.push(c);
                }
                KeyCode::Enter => match open(shared, &name) {
                    Ok(joined) => return Ok(joined),
                    Err(message) => problem = Some(message),
                },
                _ => {}
            }
        }
    }
}

/// Takes the name and opens its progress in the workshop's directory; the reason, in the
/// server's language, when it cannot.
fn open(shared: &Arc<Shared>, typed: &str) -> Result<(Seat, Joined), String> {
    let seat = shared
        .workshop
        .join(typed, std::time::Instant::now())
        .map_err(|error| match error {
            JoinError::Name(error) => error.localize(&shared.i18n),
            JoinError::InUse(name) => shared.i18n.msg(
                "serve-join-name-in-use",
                &msg_args!("name" => name.as_str()),
            ),
            JoinError::Full(max) => shared.i18n.msg("serve-join-full", &msg_args!("max" => max)),
        })?;
    let opened = shared
        .store
        .open(seat.name(), &CourseStamp::of(&shared.course))
        .map_err(|error| error.localize(&shared.i18n))?;
    let completed = opened.progress.completed_items();
    shared
        .workshop
        .live
        .change(|live| live.arrive(seat.name(), completed, Timestamp::now()));
    Ok((
        seat,
        Joined {
            progress: opened.progress,
            notices: opened.notices,
            profile: opened.session,
        },
    ))
}

/// The join screen: the workshop's title, what to type, the name so far, and why the last
/// name was refused.
fn draw_join(frame: &mut Frame, shared: &Shared, name: &str, problem: Option<&str>) {
    let i18n = &shared.i18n;
    let area = frame.area();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::from(format!(" {} ", shared.workshop.settings.title)).style(bold()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [intro, field, error] = Layout::vertical([
        Constraint::Length(6),
        Constraint::Length(2),
        Constraint::Min(1),
    ])
    .areas(inner.inner(ratatui::layout::Margin::new(1, 1)));
    let welcome = Paragraph::new(vec![
        Line::from(i18n.msg("serve-join-welcome", &msg_args!())),
        Line::from(""),
        Line::from(i18n.msg("serve-join-prompt", &msg_args!())),
    ])
    .wrap(Wrap { trim: false });
    frame.render_widget(welcome, intro);
    let shown = crate::i18n::display::escape(name);
    frame.render_widget(
        Paragraph::new(Line::from(format!("> {shown}_")).style(bold())),
        field,
    );
    if let Some(problem) = problem {
        frame.render_widget(
            Paragraph::new(problem.to_owned())
                .style(Style::default().add_modifier(Modifier::REVERSED))
                .wrap(Wrap { trim: false }),
            error,
        );
    }
}

fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

/// The interface for a trainee: the trainee's saved language first, then the server's;
/// their saved theme and gloss.
fn trainee_app(
    shared: &Shared,
    name: &ProfileName,
    progress: Progress,
    notices: &[LoadNotice],
) -> App {
    let candidates = LocaleCandidates {
        system: Some(shared.i18n.current().tag().to_owned()),
        ..LocaleCandidates::default()
    };
    let (i18n, lines) = start_localizer(
        &candidates,
        progress.settings.locale.as_ref(),
        &shared.course.default_locale,
        notices,
    );
    let theme = crate::tui::start::saved_theme(&progress, false);
    let mut session = Session::new(Arc::clone(&shared.course), progress, i18n);
    session.subscribe(Box::new(RoomListener::new(
        Arc::clone(&shared.workshop.live),
        name.clone(),
    )));
    // The actor is the trainee's name in this workshop, as `xapi export --workshop` names
    // them, so a later `xapi send --workshop` finds these statements in the ledger.
    if let Some(live) = &shared.live {
        session.subscribe(Box::new(
            live.records(name.as_str(), Arc::clone(&shared.course)),
        ));
    }
    let mut ctx = Ctx::with_session(session, theme);
    ctx.notices = lines;
    App::new(ctx)
}

/// The course for one trainee, as the local event loop runs it, until they leave; the
/// progress is saved on the way out, and the error returned when that last save fails.
async fn course(
    shared: &Shared,
    screen: &mut Screen,
    mut app: App,
    profile: ProfileSession,
) -> (End, Option<ProgressError>) {
    let size = screen.terminal.size().unwrap_or_default();
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let live = &shared.workshop.live;
    let mut following = Following::new(&live.read(RoomState::directive));
    let mut end = End::Gone;
    let mut save_failed = false;
    loop {
        let directive = live.read(RoomState::directive);
        following.follow(&mut app, &directive);
        let banner = follow::banner(&app, &directive);
        let drawn = screen.draw(|frame| {
            view::render(&app, frame);
            follow::render_banner(&app, banner.as_deref(), frame);
        });
        if drawn.is_err() {
            break;
        }
        let next = screen
            .next(app.save_deadline().map(Instant::from_std))
            .await;
        app.ctx.session.set_clock(Clock::now());
        match next {
            Next::Keys(keys) => {
                for key in keys {
                    if let Some(action) = action::from_key(key, app.editing()) {
                        app.update(action);
                    }
                    if app.should_quit() {
                        break;
                    }
                }
            }
            Next::Resize(width, height) => {
                screen.resize(width, height);
                app.update(Action::Resize { width, height });
            }
            Next::Timeout | Next::Room => {}
            Next::End(why) => {
                end = why;
                break;
            }
        }
        app.update(Action::Tick(app.ctx.clock().instant));
        if app.should_quit() {
            end = End::Quit;
            break;
        }
        if app.save_due() {
            let error = app.ctx.session.save(Some(&profile)).err();
            save_failed = error.is_some();
            let status = error.map(|e| {
                app.ctx.tr(
                    "tui-save-failed",
                    &msg_args!("reason" => e.localize(app.ctx.i18n())),
                )
            });
            app.saved(status);
        }
        // Learning records that could not be sent are the facilitator's concern: the
        // server's log says so, once per streak, and the trainee's screen does not.
        if shared.live.as_ref().is_some_and(|live| live.take_notice()) {
            shared.log(crate::xapi::live::NOTICE, &msg_args!());
        }
    }
    if !app.should_quit() {
        app.update(Action::Interrupt);
    }
    let saved = if app.save_pending() || save_failed {
        app.ctx.session.save(Some(&profile)).err()
    } else {
        None
    };
    (end, saved)
}
