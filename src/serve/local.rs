//! The dashboard in the terminal where `kruispunt serve` was started (`--dashboard`): the
//! same dashboard as over SSH ([`super::dashboard`]), drawn to this process's stdout and
//! read from its stdin, so a facilitator needs no key for their own laptop.
//!
//! This is the one place the server touches its own terminal: raw mode and the alternate
//! screen while the dashboard runs, given back when it ends. In raw mode Ctrl-C is a key,
//! not a signal: leaving the dashboard (`q`, Ctrl-C) stops the server, as Ctrl-C did
//! before. While it runs, the server's log lines are not printed (they would tear the
//! dashboard); the start message stays above it, in the terminal's normal screen.

use super::Shared;
use super::channel_terminal::{ChannelWriter, clamp_size};
use super::dashboard::{self, View};
use super::screen::{INPUT_QUEUED, Input, Screen};
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{self, LeaveAlternateScreen};
use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::sync::mpsc;

/// How often the terminal's size is looked at (no SIGWINCH handler: no signal handlers
/// beyond the server's one for Ctrl-C and SIGTERM).
const SIZE_POLL: Duration = Duration::from_millis(300);

/// Runs the dashboard in this terminal until the facilitator leaves it or the workshop
/// ends; the terminal is given back as it was.
pub async fn run(shared: Arc<Shared>, view: View) {
    if terminal::enable_raw_mode().is_err() {
        return;
    }
    shared.log_muted.store(true, Ordering::SeqCst);
    let (keys, input) = mpsc::channel(INPUT_QUEUED);
    let sizes = keys.clone();
    // A blocking read of stdin, on a thread of its own; it ends with the process.
    std::thread::spawn(move || {
        let mut buffer = [0u8; 1024];
        let mut stdin = std::io::stdin();
        loop {
            match stdin.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if keys
                        .blocking_send(Input::Data(buffer[..n].to_vec()))
                        .is_err()
                    {
                        break;
                    }
                }
            }
        }
    });
    let start = current_size();
    let watcher = tokio::spawn(async move {
        let mut last = start;
        loop {
            tokio::time::sleep(SIZE_POLL).await;
            let now = current_size();
            if now != last {
                last = now;
                if sizes.send(Input::Resize(now.0, now.1)).await.is_err() {
                    break;
                }
            }
        }
    });
    let (writer, mut frames) = ChannelWriter::new();
    let printer = tokio::spawn(async move {
        while let Some(frame) = frames.recv().await {
            let mut out = std::io::stdout().lock();
            if out.write_all(&frame).and_then(|()| out.flush()).is_err() {
                break;
            }
        }
    });
    if let Ok(mut screen) = Screen::new(&shared, writer, start, input)
        && screen.enter()
    {
        let _ = dashboard::serve(&shared, &mut screen, view).await;
    }
    watcher.abort();
    // The screen is gone: the printer ends once the frames queued are out.
    let _ = tokio::time::timeout(Duration::from_secs(1), printer).await;
    let mut restore = Vec::new();
    let _ = queue!(restore, LeaveAlternateScreen, Show);
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(&restore).and_then(|()| out.flush());
    let _ = terminal::disable_raw_mode();
    shared.log_muted.store(false, Ordering::SeqCst);
}

/// This terminal's size, clamped like a connection's.
fn current_size() -> (u16, u16) {
    let (columns, rows) = terminal::size().unwrap_or((80, 24));
    clamp_size(u32::from(columns), u32::from(rows))
}
