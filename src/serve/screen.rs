//! A connection's terminal, from the first frame to goodbye: a task that owns a ratatui
//! [`Terminal`] drawing into the SSH channel, reads what the SSH handler passes on, and
//! serves either a trainee ([`super::trainee`]) or the facilitator's dashboard
//! ([`super::dashboard`]) in it. A slow client only delays its own frames.

use super::Shared;
use super::channel_terminal::{ChannelBackend, ChannelWriter, Dropped, InputParser};
use super::dashboard::View;
use crate::msg_args;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::KeyEvent;
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::{Frame, Terminal};
use russh::ChannelWriteHalf;
use russh::server::Msg;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;
// The tokio clock, so that the idle timeout can be tested with a paused clock.
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;

/// Who a connection serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A trainee: the join screen, then the course.
    Trainee,
    /// The facilitator: the dashboard, starting in this view.
    Facilitator(View),
}

/// What the SSH handler passes to a connection's task.
#[derive(Debug)]
pub enum Input {
    /// Bytes the trainee typed.
    Data(Vec<u8>),
    /// The trainee's terminal has a new size (already clamped).
    Resize(u16, u16),
}

/// How many input messages may wait for a connection's task; more are dropped.
pub const INPUT_QUEUED: usize = 64;

/// How soon a screen is drawn again after a frame was dropped for a slow client.
const REDRAW_AFTER_DROP: Duration = Duration::from_millis(250);
/// How long the last frames and the goodbye may take to leave before the connection is
/// closed anyway (a client that stopped reading).
const LAST_WORDS: Duration = Duration::from_secs(5);

/// The connection a task serves.
pub struct Connection {
    /// The sending half of the session channel: its writes wait for the client's SSH
    /// window, so a client that stops reading holds up only its own frames.
    pub output: ChannelWriteHalf<Msg>,
    /// The pty size (clamped).
    pub size: (u16, u16),
    /// What the SSH handler passes on.
    pub input: mpsc::Receiver<Input>,
}

/// A terminal drawing into an SSH channel.
pub type ChannelTerminal = Terminal<ChannelBackend>;

/// Why a connection ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
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

/// What waiting for the other end gave.
pub enum Next {
    /// Keys typed.
    Keys(Vec<KeyEvent>),
    /// A new terminal size.
    Resize(u16, u16),
    /// The deadline passed.
    Timeout,
    /// The room changed (a group step, the lock, a message, a trainee's step).
    Room,
    /// The connection ends.
    End(End),
}

/// The connection's terminal, input and clock.
pub struct Screen {
    /// The terminal drawn into the channel.
    pub terminal: ChannelTerminal,
    input: mpsc::Receiver<Input>,
    parser: InputParser,
    ended: watch::Receiver<bool>,
    room: watch::Receiver<u64>,
    last_input: Instant,
    idle_timeout: Duration,
    dropped: Dropped,
    redraw_soon: bool,
}

impl Screen {
    /// A screen drawing into `writer` at `size`, reading `input`, for the workshop of
    /// `shared` (its end, its room, its idle timeout).
    pub fn new(
        shared: &Shared,
        writer: ChannelWriter,
        size: (u16, u16),
        input: mpsc::Receiver<Input>,
    ) -> std::io::Result<Self> {
        let dropped = writer.dropped();
        Ok(Self {
            terminal: Terminal::new(ChannelBackend::new(writer, size))?,
            input,
            parser: InputParser::new(),
            ended: shared.workshop.ended(),
            room: shared.workshop.live.changes(),
            last_input: Instant::now(),
            idle_timeout: shared.workshop.settings.idle_timeout,
            dropped,
            redraw_soon: false,
        })
    }

    /// Switches the other end to the alternate screen, cursor hidden; false when the
    /// connection is gone.
    pub fn enter(&mut self) -> bool {
        let mut setup = Vec::new();
        let _ = queue!(setup, EnterAlternateScreen, Hide);
        self.terminal.backend_mut().write_raw(&setup).is_ok() && self.terminal.clear().is_ok()
    }

    /// Waits for input, a resize, the end of the workshop or `deadline`.
    pub async fn next(&mut self, deadline: Option<Instant>) -> Next {
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
            Ok(()) = self.room.changed() => Next::Room,
            () = tokio::time::sleep_until(wake) => {
                if Instant::now() >= idle_at {
                    Next::End(End::Idle)
                } else {
                    Next::Timeout
                }
            }
        }
    }

    /// The terminal has a new size.
    pub fn resize(&mut self, width: u16, height: u16) {
        // The next draw sees the new size, and draws the screen whole.
        self.terminal.backend_mut().set_size(width, height);
    }

    /// Draws; after a dropped frame the next one is drawn whole, soon.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> std::io::Result<()> {
        if self.redraw_soon {
            self.terminal.clear()?;
        }
        self.terminal.draw(render)?;
        self.redraw_soon = self.dropped.take();
        Ok(())
    }
}

/// Serves one connection until it ends; never panics on what it sends.
pub async fn run(shared: Arc<Shared>, connection: Connection, role: Role) {
    let Connection {
        output,
        size,
        input,
    } = connection;
    let output = Arc::new(output);
    let _active = super::Active::new(&shared);
    let (writer, mut frames) = ChannelWriter::new();
    let frames_out = Arc::clone(&output);
    let mut sender = tokio::spawn(async move {
        while let Some(frame) = frames.recv().await {
            if frames_out.data_bytes(frame).await.is_err() {
                break;
            }
        }
    });
    let (end, unsaved) = match Screen::new(&shared, writer, size, input) {
        Ok(mut screen) => {
            let ended = serve(&shared, &mut screen, role).await;
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

/// The alternate screen, then the trainee's or the facilitator's part.
async fn serve(shared: &Arc<Shared>, screen: &mut Screen, role: Role) -> (End, Option<String>) {
    if !screen.enter() {
        return (End::Gone, None);
    }
    match role {
        Role::Trainee => super::trainee::serve(shared, screen).await,
        Role::Facilitator(view) => (super::dashboard::serve(shared, screen, view).await, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(input: mpsc::Receiver<Input>, ended: watch::Receiver<bool>) -> Screen {
        let (writer, _frames) = ChannelWriter::new();
        let dropped = writer.dropped();
        Screen {
            terminal: Terminal::new(ChannelBackend::new(writer, (80, 24))).unwrap(),
            input,
            parser: InputParser::new(),
            ended,
            room: watch::channel(0).1,
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
