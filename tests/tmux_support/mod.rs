//! A tmux server of a test's own: one session running a shell command in a terminal of a
//! given size, read as text and driven by keys, killed when dropped (even when the test
//! fails). Shared by the tests that drive the real program in a real terminal.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Distinguishes the tmux servers of tests running at the same time.
static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// Whether tmux is installed. In CI (`.ci/run` installs it) a missing tmux fails the
/// test instead of skipping it.
pub fn installed() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
        println!("skipped: tmux is not installed");
    }
    found
}

/// One tmux server with one session.
pub struct Tmux {
    socket: String,
    config: PathBuf,
    session: String,
    patience: Duration,
}

impl Tmux {
    /// Starts `sh -c COMMAND` in session `session` of a new server, `width` x `height`,
    /// with its configuration in `dir`. The pane stays after the command ends, so what it
    /// printed last can still be read. `wait_for` waits up to `patience`.
    pub fn start(
        dir: &Path,
        session: &str,
        (width, height): (u16, u16),
        command: &str,
        patience: Duration,
    ) -> Self {
        let number = SERVERS.fetch_add(1, Ordering::SeqCst);
        let config = dir.join(format!("tmux-{number}.conf"));
        std::fs::write(&config, "set -g remain-on-exit on\nset -g status off\n")
            .expect("write tmux.conf");
        let tmux = Self {
            socket: format!("kruispunt-{session}-{}-{number}", std::process::id()),
            config,
            session: session.to_owned(),
            patience,
        };
        let (width, height) = (width.to_string(), height.to_string());
        let started = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            &width,
            "-y",
            &height,
            "sh",
            "-c",
            command,
        ]);
        assert!(
            started.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&started.stderr)
        );
        tmux
    }

    /// Runs a tmux command against this server.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg(&self.config)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// The visible screen as text.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["capture-pane", "-p", "-t", &self.session])
                .stdout,
        )
        .into_owned()
    }

    /// A tmux format of the pane, e.g. `#{alternate_on}`.
    pub fn pane(&self, format: &str) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["display-message", "-p", "-t", &self.session, format])
                .stdout,
        )
        .trim()
        .to_owned()
    }

    /// Waits until the screen satisfies `ready`; fails with the last screen otherwise.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + self.patience;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited {:?} for {what}; the screen:\n{screen}",
                self.patience
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends one key: a tmux key name (`Enter`, `Right`, `Escape`…) or literal text.
    pub fn key(&self, key: &str) {
        let named = matches!(
            key,
            "Enter" | "Right" | "Left" | "Escape" | "Up" | "Down" | "Tab" | "BTab" | "C-c"
        );
        let mut args = vec!["send-keys", "-t", self.session.as_str()];
        if !named {
            args.push("-l");
        }
        args.push(key);
        assert!(self.run(&args).status.success(), "send-keys {key}");
    }

    /// Resizes the terminal.
    pub fn resize(&self, width: u16, height: u16) {
        let (width, height) = (width.to_string(), height.to_string());
        let resized = self.run(&[
            "resize-window",
            "-t",
            &self.session,
            "-x",
            &width,
            "-y",
            &height,
        ]);
        assert!(resized.status.success(), "resize-window");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
