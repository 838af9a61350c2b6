//! One trainee's connection, from the join screen to goodbye: a task that owns the
//! connection's terminal (a ratatui [`Terminal`] drawing into the SSH channel) and, once
//! the trainee has a name, the whole interface ([`App`]) over their own session and
//! progress file. The SSH handler ([`super::ssh`]) only passes input on.
//!
//! The trainee's keys go through the same [`action::from_key`] as the local interface.
//! Progress is saved when the session says so, and always on the way out: `q`, Ctrl-C, a
//! dropped connection, the idle timeout, or the end of the workshop.

use super::Shared;
use super::channel_terminal::{ChannelBackend, ChannelWriter, Dropped, InputParser};
use super::workshop::{JoinError, Seat};
use crate::i18n::{LocaleCandidates, Localize, start_localizer};
use crate::msg_args;
use crate::progress::{
    CourseStamp, LoadNotice, MAX_PROFILE_NAME_LEN, ProfileSession, Progress, ProgressError,
};
use crate::session::Session;
use crate::tui::{Action, App, Clock, Ctx, action, view};
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::{Frame, Terminal};
use russh::ChannelWriteHalf;
use russh::server::Msg;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;
// The tokio clock, so that the idle timeout can be tested with a paused clock.
use tokio::sync::mpsc;
use tokio::time::Instant;

/// What the SSH handler passes to a trainee's task.
#[derive(Debug)]
pub enum Input {
    /// Bytes the trainee typed.
    Data(Vec<u8>),
    /// The trainee's terminal has a new size (already clamped).
    Resize(u16, u16),
}

/// How many input messages may wait for a trainee's task; more are dropped.
pub const INPUT_QUEUED: usize = 64;

/// How soon a screen is drawn again after a frame was dropped for a slow client.
const REDRAW_AFTER_DROP: Duration = Duration::from_millis(250);
/// How long the last frames and the goodbye may take to leave before the connection is
/// closed anyway (a client that stopped reading).
const LAST_WORDS: Duration = Duration::from_secs(5);

/// The connection a trainee's task serves.
pub struct Connection {
    /// The sending half of the session channel: its writes wait for the client's SSH
    /// window, so a client that stops reading holds up only its own frames.
    pub output: ChannelWriteHalf<Msg>,
    /// The pty size (clamped).
    pub size: (u16, u16),
    /// What the SSH handler passes on.
    pub input: mpsc::Receiver<Input>,
}

type ChannelTerminal = Terminal<ChannelBackend>;

/// Why a connection ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// The trainee left the join screen (Esc, Ctrl-C) without joining.
    Left,
    /// The trainee quit (`q`, Ctrl-C).
    Quit,
    /// The connection went away.
    Gone,
    /// Nothing was typed for the idle timeout.
    Idle,
    /// The facilitator stopped the server.
    WorkshopEnded,
}

/// What waiting for the trainee gave.
enum Next {
    Keys(Vec<KeyEvent>),
    Resize(u16, u16),
    Timeout,
    End(End),
}

/// The connection's terminal, input and clock.
struct Screen {
    terminal: ChannelTerminal,
    input: mpsc::Receiver<Input>,
    parser: InputParser,
    ended: tokio::sync::watch::Receiver<bool>,
    last_input: Instant,
    idle_timeout: Duration,
    dropped: Dropped,
    redraw_soon: bool,
}

impl Screen {
    /// Waits for input, a resize, the end of the workshop or `deadline`.
    async fn next(&mut self, deadline: Option<Instant>) -> Next {
        let idle_at = self.last_input + self.idle_timeout;
        let mut wake = deadline.map_or(idle_at, |d| d.min(idle_at));
        if self.redraw_soon {
            wake = wake.min(Instant::now() + REDRAW_AFTER_DROP);
        }
        if *self.ended.borrow() {
            return Next::End(End::WorkshopEnded);
        }
        // Input first: a key typed at the last moment counts before the idle timeout.
        tokio::select! {
            biased;
            input = self.input.recv() => match input {
                Some(Input::Data(bytes)) => {
                    self.last_input = Instant::now();
                    Next::Keys(self.parser.feed(&bytes))
                }
                Some(Input::Resize(width, height)) => Next::Resize(width, height),
                None => Next::End(End::Gone),
            },
            _ = self.ended.changed() => Next::End(End::WorkshopEnded),
            () = tokio::time::sleep_until(wake) => {
                if Instant::now() >= idle_at {
                    Next::End(End::Idle)
                } else {
                    Next::Timeout
                }
            }
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        // The next draw sees the new size, and draws the screen whole.
        self.terminal.backend_mut().set_size(width, height);
    }

    /// Draws; after a dropped frame the next one is drawn whole, soon.
    fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> std::io::Result<()> {
        if self.redraw_soon {
            self.terminal.clear()?;
        }
        self.terminal.draw(render)?;
        self.redraw_soon = self.dropped.take();
        Ok(())
    }
}

/// Serves one trainee until they leave; never panics on what they send.
pub async fn run(shared: Arc<Shared>, connection: Connection) {
    let Connection {
        output,
        size,
        input,
    } = connection;
    let output = Arc::new(output);
    let _active = super::Active::new(&shared);
    let (writer, mut frames) = ChannelWriter::new();
    let dropped = writer.dropped();
    let frames_out = Arc::clone(&output);
    let mut sender = tokio::spawn(async move {
        while let Some(frame) = frames.recv().await {
            if frames_out.data_bytes(frame).await.is_err() {
                break;
            }
        }
    });
    let (end, unsaved) = match Terminal::new(ChannelBackend::new(writer, size)) {
        Ok(terminal) => {
            let mut screen = Screen {
                terminal,
                input,
                parser: InputParser::new(),
                ended: shared.workshop.ended(),
                last_input: Instant::now(),
                idle_timeout: shared.workshop.settings.idle_timeout,
                dropped,
                redraw_soon: false,
            };
            let ended = serve(&shared, &mut screen).await;
            // The frames still queued are sent before the goodbye.
            drop(screen);
            ended
        }
        Err(_) => (End::Gone, None),
    };
    if tokio::time::timeout(LAST_WORDS, &mut sender).await.is_err() {
        sender.abort();
    }
    if end != End::Gone {
        let goodbye = match end {
            End::WorkshopEnded => "serve-goodbye-ended",
            End::Idle => "serve-goodbye-idle",
            End::Left => "serve-goodbye-left",
            End::Quit | End::Gone => "serve-goodbye",
        };
        let mut bytes = Vec::new();
        let _ = queue!(bytes, LeaveAlternateScreen, Show);
        let text = match &unsaved {
            Some(reason) => shared.i18n.msg(
                "serve-goodbye-not-saved",
                &msg_args!("reason" => reason.as_str()),
            ),
            None => shared.i18n.msg(goodbye, &msg_args!()),
        };
        let _ = write!(bytes, "{}\r\n", text.replace('\n', "\r\n"));
        let _ = tokio::time::timeout(LAST_WORDS, output.data_bytes(bytes)).await;
        let _ = output.exit_status(0).await;
        let _ = output.eof().await;
    }
    let _ = output.close().await;
}

/// The join screen, then the course; how it ended, and why the last save failed if it did
/// (in the server's language).
async fn serve(shared: &Arc<Shared>, screen: &mut Screen) -> (End, Option<String>) {
    let mut setup = Vec::new();
    let _ = queue!(setup, EnterAlternateScreen, Hide);
    if screen.terminal.backend_mut().write_raw(&setup).is_err() || screen.terminal.clear().is_err()
    {
        return (End::Gone, None);
    }
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
    let app = trainee_app(shared, joined.progress, &joined.notices);
    let (end, unsaved) = course(screen, app, joined.profile).await;
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
            Next::Timeout => continue,
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
fn trainee_app(shared: &Shared, progress: Progress, notices: &[LoadNotice]) -> App {
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
    let session = Session::new(Arc::clone(&shared.course), progress, i18n);
    let mut ctx = Ctx::with_session(session, theme);
    ctx.notices = lines;
    App::new(ctx)
}

/// The course for one trainee, as the local event loop runs it, until they leave; the
/// progress is saved on the way out, and the error returned when that last save fails.
async fn course(
    screen: &mut Screen,
    mut app: App,
    profile: ProfileSession,
) -> (End, Option<ProgressError>) {
    let size = screen.terminal.size().unwrap_or_default();
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut end = End::Gone;
    let mut save_failed = false;
    loop {
        if screen.draw(|frame| view::render(&app, frame)).is_err() {
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
            Next::Timeout => {}
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

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::sync::watch;

    fn screen(input: mpsc::Receiver<Input>, ended: watch::Receiver<bool>) -> Screen {
        let (writer, _frames) = ChannelWriter::new();
        let dropped = writer.dropped();
        Screen {
            terminal: Terminal::new(ChannelBackend::new(writer, (80, 24))).unwrap(),
            input,
            parser: InputParser::new(),
            ended,
            last_input: Instant::now(),
            idle_timeout: Duration::from_secs(2 * 60 * 60),
            dropped,
            redraw_soon: false,
        }
    }

    // The clock is paused: the two hours pass without waiting.
    #[tokio::test(start_paused = true)]
    async fn input_resizes_the_idle_timeout_and_the_end_of_the_workshop() {
        let (typed, input) = mpsc::channel(4);
        let (end, ended) = watch::channel(false);
        let mut screen = screen(input, ended);
        typed.send(Input::Data(b"j\x1b[B".to_vec())).await.unwrap();
        assert!(matches!(screen.next(None).await, Next::Keys(keys) if keys.len() == 2));
        typed.send(Input::Resize(120, 40)).await.unwrap();
        assert!(matches!(screen.next(None).await, Next::Resize(120, 40)));
        // A save due earlier wakes the loop first; then the idle timeout ends it.
        let soon = Instant::now() + Duration::from_secs(1);
        assert!(matches!(screen.next(Some(soon)).await, Next::Timeout));
        let started = Instant::now();
        assert!(matches!(screen.next(None).await, Next::End(End::Idle)));
        assert!(Instant::now() - started >= Duration::from_secs(2 * 60 * 60 - 1));
        // Typing starts the idle time again; the end of the workshop ends every screen.
        typed.send(Input::Data(b"k".to_vec())).await.unwrap();
        assert!(matches!(screen.next(None).await, Next::Keys(_)));
        end.send_replace(true);
        assert!(matches!(
            screen.next(None).await,
            Next::End(End::WorkshopEnded)
        ));
    }

    #[tokio::test(start_paused = true)]
    async fn a_closed_connection_ends_the_screen() {
        let (typed, input) = mpsc::channel(4);
        let (_end, ended) = watch::channel(false);
        let mut screen = screen(input, ended);
        drop(typed);
        assert!(matches!(screen.next(None).await, Next::End(End::Gone)));
    }
}
