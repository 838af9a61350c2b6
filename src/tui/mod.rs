//! The learner's terminal interface.
//!
//! - [`app`]: the state ([`App`], [`Ctx`]) and its update function;
//! - [`action`]: key presses, clicks and resizes turned into [`Action`]s;
//! - [`keymap`]: each screen's table of keys, commands and help labels;
//! - [`screens`]: one module per screen (home, lesson, scenario, settings);
//! - [`view`]: drawing, a pure function of the state;
//! - [`theme`], [`text`]: styles, wrapping by terminal columns.
//!
//! Data flows one way: terminal event -> [`Action`] -> [`App::update`] -> [`view::render`].
//! The event loop here is the only part that touches the terminal, the clock and the
//! progress file.

pub mod action;
pub mod app;
mod input;
pub mod keymap;
pub mod screens;
mod signals;
pub mod start;
pub mod text;
pub mod theme;
pub mod view;
pub mod widgets;

pub use action::Action;
pub use app::{App, Clock, Ctx};

use crate::i18n::{Localize, Localizer};
use crate::msg_args;
use crate::progress::ProgressError;
use crate::session::ProgressStore;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal};
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

/// How long the loop waits for input before looking at the clock and the signals.
const POLL: Duration = Duration::from_millis(250);

/// Why the interface stopped other than by the learner quitting.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The terminal could not be set up, read or drawn to.
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
    /// The last save of the progress failed: the learner must be told after the terminal
    /// is restored, or the failure would vanish with the screen.
    #[error(transparent)]
    Save(ProgressError),
}

impl Localize for RunError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            RunError::Terminal(error) => i18n.msg(
                "start-terminal-failed",
                &msg_args!("reason" => error.localize(i18n)),
            ),
            RunError::Save(error) => error.localize(i18n),
        }
    }
}

/// Where the event loop saves: a trainee's progress goes to their [`ProfileSession`]; a
/// facilitated session has no progress store (its log subscriber writes itself).
pub type Store<'a> = Option<&'a dyn ProgressStore>;

/// Saves what the session keeps (the progress, and what its subscribers keep).
fn persist(app: &mut App, store: Store<'_>) -> Result<(), ProgressError> {
    app.ctx.session.save(store)
}

/// Saves the whole progress as the interface ends: for a profile, a snapshot that folds in
/// the journal of the steps saved on the way.
fn checkpoint(app: &mut App, store: Store<'_>) -> Result<(), ProgressError> {
    app.ctx.session.checkpoint(store)
}

/// Runs the interface until the learner quits, saving progress through `session`.
///
/// The terminal is restored on every way out: a normal quit, an error, a panic (by the
/// panic hook, before the panic message is printed), and SIGINT, SIGTERM or SIGHUP, or on
/// Windows Ctrl-Break and a closed console (the screen records where the learner was first;
/// see [`signals`]). A terminal that goes away without a signal
/// (it hangs up, or keeps reporting input that cannot be read) ends the interface like
/// SIGHUP, within a second: see [`input`]. A second such signal while the first is
/// being handled ends the process at once. The final save happens after the terminal is
/// restored, so a failure to save is returned as [`RunError::Save`] for the caller to print
/// on the normal screen.
pub fn run(mut app: App, store: Store<'_>) -> Result<(), RunError> {
    let signalled = Arc::new(AtomicBool::new(false));
    let signals = signals::Signals::watch(&signalled)?;
    let mut save_failed = false;
    let looped = match TerminalGuard::enter() {
        Ok(mut guard) => {
            let looped = match guard.terminal.as_mut() {
                Some(terminal) => {
                    event_loop(terminal, &mut app, store, &signalled, &mut save_failed)
                }
                None => Ok(()),
            };
            drop(guard);
            looped
        }
        Err(error) => Err(error),
    };
    // However the loop ended (the terminal may be gone after SIGHUP), the screen records
    // where the learner was, and what is not on disk yet is saved, with the steps saved on
    // the way, as one snapshot.
    if !app.should_quit() {
        app.update(Action::Interrupt);
    }
    let saved = if app.save_pending() || save_failed || app.ctx.session.checkpoint_due() {
        checkpoint(&mut app, store)
    } else {
        Ok(())
    };
    // Only now, so that a first signal during the save is caught rather than fatal.
    signals.unwatch();
    saved.map_err(RunError::Save)?;
    looped.map_err(RunError::Terminal)
}

/// Whether the terminal is in the interface's mode (raw, alternate screen, mouse). Shared
/// by the guard and the panic hook, so the terminal is restored exactly once.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Installs the panic hook once per process.
static PANIC_HOOK: Once = Once::new();

/// Puts the terminal back as it was: raw mode off first (it has the most side effects),
/// then the normal screen, no mouse reporting, a visible cursor. Does nothing when the
/// terminal is not in the interface's mode, so a panic (hook, then unwinding) restores once
/// and the panic message stays on the normal screen.
fn restore_terminal() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        // Nothing more can be done when the terminal refuses; the process is ending anyway.
        let _ = disable_raw_mode();
        let _ = execute!(
            io::stdout(),
            DisableMouseCapture,
            LeaveAlternateScreen,
            Show
        );
    }
}

/// The terminal in the interface's mode; dropping it restores the terminal.
struct TerminalGuard {
    /// Always `Some` until dropped.
    terminal: Option<DefaultTerminal>,
}

impl TerminalGuard {
    /// Raw mode, alternate screen, mouse reporting; the panic hook that undoes them.
    fn enter() -> io::Result<Self> {
        PANIC_HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore_terminal();
                previous(info);
            }));
        });
        // Marked first: a failure half-way (raw mode on, no alternate screen) is undone too.
        ACTIVE.store(true, Ordering::SeqCst);
        let entered = enable_raw_mode()
            .and_then(|()| execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture))
            .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        match entered {
            Ok(terminal) => Ok(Self {
                terminal: Some(terminal),
            }),
            Err(error) => {
                restore_terminal();
                Err(error)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
        // ratatui's terminal shows the cursor when dropped and, when it cannot, prints that
        // to stderr with `eprintln!`, which panics when stderr is the terminal that went
        // away: the progress would not be saved. The cursor was shown above; when ratatui
        // cannot show it, its terminal is not dropped (the process is about to end).
        if let Some(mut terminal) = self.terminal.take()
            && terminal.show_cursor().is_err()
        {
            std::mem::forget(terminal);
        }
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: Store<'_>,
    signalled: &AtomicBool,
    save_failed: &mut bool,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut input = input::Input::start()?;
    loop {
        terminal.draw(|frame| view::render(app, frame))?;
        let timeout = app
            .save_deadline()
            .map(|deadline| deadline.saturating_duration_since(std::time::Instant::now()))
            .map_or(POLL, |d| d.min(POLL));
        let mut gone = false;
        let action = match input.next(timeout) {
            input::Next::Event(event) => action::from_event(&event, app.editing()),
            input::Next::Nothing => None,
            input::Next::Gone => {
                gone = true;
                None
            }
            input::Next::Failed(error) => return Err(error),
        };
        app.ctx.session.set_clock(Clock::now());
        if let Some(action) = action {
            app.update(action);
        }
        app.update(Action::Tick(app.ctx.clock().instant));
        if gone || signalled.load(Ordering::Relaxed) {
            app.update(Action::Interrupt);
        }
        if app.should_quit() {
            // `run` saves once the terminal is restored.
            return Ok(());
        }
        if app.save_due() {
            let error = persist(app, store).err();
            *save_failed = error.is_some();
            let status = error.map(|e| {
                app.ctx.tr(
                    "tui-save-failed",
                    &msg_args!("reason" => e.localize(app.ctx.i18n())),
                )
            });
            app.saved(status);
        }
        // A notice from the session's background work (learning records that could not
        // be sent), once; the next step's save clears it like any status.
        if let Some(notice) = app.ctx.session.take_notices().pop() {
            app.ctx.status = Some(notice);
        }
    }
}
