//! The learner's terminal interface.
//!
//! - [`app`]: the state ([`App`], [`Ctx`]) and its update function;
//! - [`action`]: key presses, clicks and resizes turned into [`Action`]s;
//! - [`screens`]: one module per screen (home, lesson, scenario, settings);
//! - [`view`]: drawing, a pure function of the state;
//! - [`theme`], [`text`]: styles, wrapping by terminal columns.
//!
//! Data flows one way: terminal event -> [`Action`] -> [`App::update`] -> [`view::render`].
//! The event loop here is the only part that touches the terminal, the clock and the
//! progress file.

pub mod action;
pub mod app;
pub mod screens;
pub mod text;
pub mod theme;
pub mod view;

pub use action::Action;
pub use app::{App, Clock, Ctx};

use crate::progress::ProfileSession;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long the loop waits for input before looking at the clock and the signals.
const POLL: Duration = Duration::from_millis(250);

/// Runs the interface until the learner quits, saving progress through `session`. The
/// terminal is restored on every way out: a normal quit, an error, a panic, and SIGINT,
/// SIGTERM or SIGHUP (progress is saved first).
pub fn run(mut app: App, session: &ProfileSession) -> io::Result<()> {
    let signalled = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&signalled))?;
    }
    // ratatui::init installs a panic hook that restores the terminal; ours runs first and
    // turns the mouse reporting off as well.
    let mut terminal = ratatui::init();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, &mut app, session, &signalled);
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    session: &ProfileSession,
    signalled: &AtomicBool,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    loop {
        terminal.draw(|frame| view::render(app, frame))?;
        let timeout = app
            .save_deadline()
            .map(|deadline| deadline.saturating_duration_since(std::time::Instant::now()))
            .map_or(POLL, |d| d.min(POLL));
        let action = if event::poll(timeout)? {
            action::from_event(&event::read()?, app.editing())
        } else {
            None
        };
        app.ctx.clock = Clock::now();
        if let Some(action) = action {
            app.update(action);
        }
        app.update(Action::Tick(app.ctx.clock.instant));
        if signalled.load(Ordering::Relaxed) {
            app.update(Action::Interrupt);
        }
        if app.save_due() || (app.should_quit() && app.save_pending()) {
            let error = session.save(&app.ctx.progress).err();
            app.saved(error.map(|e| e.to_string()));
        }
        if app.should_quit() {
            return Ok(());
        }
    }
}
