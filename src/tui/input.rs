//! Terminal input on a thread of its own, and noticing that the terminal went away.
//!
//! crossterm reads the terminal inside `event::poll`. Once the terminal is gone (the window
//! closed, SSH dropped, the tmux server killed) every read returns end-of-file or EIO, and
//! crossterm retries it in a loop that never returns: the event loop would never run again,
//! the process would spin, re-parented to init, holding the profile lock. So the reads
//! happen on their own thread, which the event loop never waits on for longer than its
//! timeout, and [`Input::next`] looks at the terminal itself (`poll(2)`, Unix only) to say
//! [`Next::Gone`] when it hung up, or when it keeps reporting input that nobody can read.

use ratatui::crossterm::event::{self, Event};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long the reading thread waits for input before looking whether it should stop.
const SLICE: Duration = Duration::from_millis(100);

/// Input that stays readable this long without a single event read is input nobody can
/// read: the terminal is gone, though it did not say so (no hang-up reported). Only the
/// Unix watch can tell.
#[cfg(unix)]
const STUCK: Duration = Duration::from_millis(600);

/// How long dropping [`Input`] waits for the reading thread to finish.
const STOP_WAIT: Duration = Duration::from_millis(300);

/// What [`Input::next`] found.
#[derive(Debug)]
pub(super) enum Next {
    /// An event from the terminal.
    Event(Event),
    /// Nothing before the timeout.
    Nothing,
    /// The terminal is gone: hung up, or readable with nothing to read.
    Gone,
    /// Reading the terminal failed.
    Failed(io::Error),
}

/// The terminal's events, read on their own thread.
pub(super) struct Input {
    events: Receiver<io::Result<Event>>,
    stop: Arc<AtomicBool>,
    /// Events read by the thread so far.
    read: Arc<AtomicU64>,
    watch: watch::Watch,
    gone: bool,
}

impl Input {
    /// Starts reading the terminal.
    pub(super) fn start() -> io::Result<Self> {
        let (sender, events) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let read = Arc::new(AtomicU64::new(0));
        let (thread_stop, thread_read) = (Arc::clone(&stop), Arc::clone(&read));
        std::thread::Builder::new()
            .name("terminal input".to_owned())
            .spawn(move || {
                while !thread_stop.load(Ordering::Relaxed) {
                    let ready = match event::poll(SLICE) {
                        Ok(ready) => ready,
                        Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                        Err(error) => {
                            let _ = sender.send(Err(error));
                            return;
                        }
                    };
                    if !ready {
                        continue;
                    }
                    let event = event::read();
                    if event
                        .as_ref()
                        .is_err_and(|e| e.kind() == io::ErrorKind::Interrupted)
                    {
                        continue;
                    }
                    let failed = event.is_err();
                    thread_read.fetch_add(1, Ordering::Relaxed);
                    if sender.send(event).is_err() || failed {
                        return;
                    }
                }
            })?;
        Ok(Self {
            events,
            stop,
            read,
            watch: watch::Watch::new(),
            gone: false,
        })
    }

    /// The next event, waiting at most `timeout`.
    pub(super) fn next(&mut self, timeout: Duration) -> Next {
        let next = match self.events.recv_timeout(timeout) {
            Ok(Ok(event)) => return Next::Event(event),
            Ok(Err(error)) => Next::Failed(error),
            Err(RecvTimeoutError::Timeout) => Next::Nothing,
            // The thread ended without a word: nothing more will be read.
            Err(RecvTimeoutError::Disconnected) => Next::Gone,
        };
        if matches!(next, Next::Nothing) && self.watch.gone(self.read.load(Ordering::Relaxed)) {
            self.gone = true;
            return Next::Gone;
        }
        next
    }
}

impl Drop for Input {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if self.gone {
            // The thread may be stuck in crossterm's retries; the process ends soon.
            return;
        }
        // Let the thread finish, so it does not read what is typed after the interface.
        let deadline = Instant::now() + STOP_WAIT;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if let Err(RecvTimeoutError::Disconnected) = self.events.recv_timeout(left) {
                break;
            }
        }
    }
}

#[cfg(unix)]
mod watch {
    use super::STUCK;
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::fs::File;
    use std::io::IsTerminal;
    use std::os::fd::{AsFd, BorrowedFd};
    use std::time::Instant;

    /// The terminal crossterm reads: standard input when it is one, else `/dev/tty`.
    enum Tty {
        Stdin,
        Own(File),
    }

    /// Looks at the terminal without reading from it.
    pub(super) struct Watch {
        tty: Option<Tty>,
        /// Since when the terminal has been readable, and how many events had been read
        /// then.
        readable_since: Option<(Instant, u64)>,
    }

    impl Watch {
        pub(super) fn new() -> Self {
            let tty = if std::io::stdin().is_terminal() {
                Some(Tty::Stdin)
            } else {
                File::open("/dev/tty").ok().map(Tty::Own)
            };
            Self {
                tty,
                readable_since: None,
            }
        }

        /// Whether the terminal is gone: it hung up, or it has stayed readable for
        /// [`STUCK`] while no event was read (`read` is the count of events read so far).
        pub(super) fn gone(&mut self, read: u64) -> bool {
            let stdin = std::io::stdin();
            let fd: BorrowedFd<'_> = match &self.tty {
                None => return false,
                Some(Tty::Stdin) => stdin.as_fd(),
                Some(Tty::Own(file)) => file.as_fd(),
            };
            let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::IN)];
            let now = Timespec {
                tv_sec: 0,
                tv_nsec: 0,
            };
            if poll(&mut fds, Some(&now)).is_err() {
                return false;
            }
            let revents = fds[0].revents();
            if revents.intersects(PollFlags::HUP | PollFlags::ERR) {
                return true;
            }
            if revents.contains(PollFlags::NVAL) {
                // This descriptor cannot be polled here (macOS and /dev/tty): no watch.
                self.tty = None;
                return false;
            }
            if !revents.contains(PollFlags::IN) {
                self.readable_since = None;
                return false;
            }
            match self.readable_since {
                Some((since, then)) if then == read => since.elapsed() >= STUCK,
                _ => {
                    self.readable_since = Some((Instant::now(), read));
                    false
                }
            }
        }
    }
}

#[cfg(not(unix))]
mod watch {
    /// Elsewhere the terminal is not watched: a read error still ends the loop.
    pub(super) struct Watch;

    impl Watch {
        pub(super) fn new() -> Self {
            Self
        }

        pub(super) fn gone(&mut self, _read: u64) -> bool {
            false
        }
    }
}
