//! The signals that end the interface with a save: a first one raises a flag that the event
//! loop reads (it records where the learner was, restores the terminal and saves); a second
//! one while the first is being handled ends the process at once.
//!
//! - Unix: SIGTERM, SIGINT and SIGHUP, through `signal-hook` (SIGHUP is what a closed
//!   terminal window or a dropped SSH connection sends).
//! - Windows: the console's control events, through `tokio::signal::windows` (tokio is
//!   already in the tree for the workshop server): Ctrl-C (in raw mode crossterm reads it as
//!   a key instead), Ctrl-Break, and closing the console window, logging off or shutting
//!   down. Windows ends the process as soon as a handler returns from one of the last
//!   three; tokio's handler does not return, so the save has the few seconds Windows waits
//!   before it ends the process anyway. Windows' C runtime offers only SIGINT and SIGBREAK
//!   as signals, and no signal at all for a closed console, hence tokio and not
//!   `signal-hook` there.

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The handlers installed by [`Signals::watch`]; [`Signals::unwatch`] removes them.
pub(super) struct Signals {
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
    #[cfg(windows)]
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

#[cfg(unix)]
impl Signals {
    /// Raises `signalled` on SIGTERM, SIGINT or SIGHUP; a second one exits with status 1.
    pub(super) fn watch(signalled: &Arc<AtomicBool>) -> io::Result<Self> {
        let mut ids = Vec::new();
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGHUP,
        ] {
            // The shutdown is registered first so that it sees the flag from an earlier signal.
            ids.push(signal_hook::flag::register_conditional_shutdown(
                signal,
                1,
                Arc::clone(signalled),
            )?);
            ids.push(signal_hook::flag::register(signal, Arc::clone(signalled))?);
        }
        Ok(Self { ids })
    }

    /// Removes the handlers: the signals have their default effect again.
    pub(super) fn unwatch(self) {
        for id in self.ids {
            signal_hook::low_level::unregister(id);
        }
    }
}

#[cfg(windows)]
impl Signals {
    /// Raises `signalled` on Ctrl-C, Ctrl-Break, a closed console, log-off or shut-down;
    /// a second one exits with status 1. The events are awaited on a thread of their own.
    pub(super) fn watch(signalled: &Arc<AtomicBool>) -> io::Result<Self> {
        use std::sync::atomic::Ordering;
        use tokio::signal::windows;
        let runtime = tokio::runtime::Builder::new_current_thread().build()?;
        // Registered here rather than on the thread, so that a failure is returned.
        let (mut ctrl_c, mut ctrl_break, mut close, mut logoff, mut shutdown) =
            runtime.block_on(async {
                Ok::<_, io::Error>((
                    windows::ctrl_c()?,
                    windows::ctrl_break()?,
                    windows::ctrl_close()?,
                    windows::ctrl_logoff()?,
                    windows::ctrl_shutdown()?,
                ))
            })?;
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        let signalled = Arc::clone(signalled);
        std::thread::Builder::new()
            .name("console-events".into())
            .spawn(move || {
                runtime.block_on(async move {
                    loop {
                        tokio::select! {
                            _ = &mut stopped => return,
                            _ = ctrl_c.recv() => {}
                            _ = ctrl_break.recv() => {}
                            _ = close.recv() => {}
                            _ = logoff.recv() => {}
                            _ = shutdown.recv() => {}
                        }
                        if signalled.swap(true, Ordering::SeqCst) {
                            std::process::exit(1);
                        }
                    }
                });
            })?;
        Ok(Self { stop: Some(stop) })
    }

    /// Stops listening: the listeners are dropped with the thread, and the console's
    /// events have their default effect again.
    pub(super) fn unwatch(mut self) {
        if let Some(stop) = self.stop.take() {
            // The thread is gone already when sending fails: nothing is left to stop.
            let _ = stop.send(());
        }
    }
}

#[cfg(not(any(unix, windows)))]
impl Signals {
    /// No signals are watched on other systems: the interface ends by its own keys.
    pub(super) fn watch(_signalled: &Arc<AtomicBool>) -> io::Result<Self> {
        Ok(Self {})
    }

    /// Nothing to remove.
    pub(super) fn unwatch(self) {}
}
