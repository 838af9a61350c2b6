//! The real program in a real terminal (tmux): the home screen a learner sees, a lesson
//! opened and a scene advanced, help opened and closed, quit; and after quitting or being
//! sent SIGTERM the terminal is back to normal (no alternate screen, no mouse reporting,
//! a visible cursor) and the progress is on disk.
//!
//! Skipped, with a message, when `tmux` is not installed. Each test runs its own tmux
//! server (`-L`, a unique socket name) that is killed at the end, even when the test fails.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long to wait for the screen to show something before failing.
const PATIENCE: Duration = Duration::from_secs(8);

/// Distinguishes the tmux servers of tests running at the same time.
static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// A tmux server with one session running `kruispunt` inside a shell that prints
/// `RESTORED <exit code>` once the program has ended, then waits.
struct Session {
    socket: String,
    config: PathBuf,
    data_dir: PathBuf,
    _dir: tempfile::TempDir,
}

impl Session {
    /// Starts the program in a 100x30 terminal, or `None` when tmux is not installed.
    fn start() -> Option<Self> {
        let installed = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        if !installed {
            // CI installs tmux (.ci/run): there, a missing tmux is a failure, not a skip.
            assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
            println!("skipped: tmux is not installed");
            return None;
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let data_dir = dir.path().join("data");
        // Keep the pane after the shell exits, so a crash can still be read.
        let config = dir.path().join("tmux.conf");
        std::fs::write(&config, "set -g remain-on-exit on\nset -g status off\n")
            .expect("write tmux.conf");
        let script = dir.path().join("run.sh");
        let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
        std::fs::write(
            &script,
            format!(
                "unset NO_COLOR LANGUAGE LC_ALL LC_MESSAGES LANG\n\
                 export KRUISPUNT_DATA_DIR={data} KRUISPUNT_LANG=en TERM=xterm-256color\n\
                 {bin} --course {course}\n\
                 echo \"RESTORED $?\"\n\
                 sleep 30\n",
                data = quote(&data_dir),
                bin = quote(Path::new(env!("CARGO_BIN_EXE_kruispunt"))),
                course = quote(&course),
            ),
        )
        .expect("write run.sh");
        let socket = format!(
            "kruispunt-smoke-{}-{}",
            std::process::id(),
            SERVERS.fetch_add(1, Ordering::SeqCst)
        );
        let session = Self {
            socket,
            config,
            data_dir,
            _dir: dir,
        };
        let started = session.tmux(&[
            "new-session",
            "-d",
            "-s",
            "smoke",
            "-x",
            "100",
            "-y",
            "30",
            "sh",
            &script.display().to_string(),
        ]);
        assert!(
            started.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&started.stderr)
        );
        Some(session)
    }

    fn tmux(&self, args: &[&str]) -> Output {
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
    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "smoke"]).stdout)
            .into_owned()
    }

    /// A tmux format of the pane, e.g. `#{alternate_on}`.
    fn pane(&self, format: &str) -> String {
        String::from_utf8_lossy(
            &self
                .tmux(&["display-message", "-p", "-t", "smoke", format])
                .stdout,
        )
        .trim()
        .to_owned()
    }

    /// Waits until the screen satisfies `ready`; fails with the last screen otherwise.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited {PATIENCE:?} for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends one key: a tmux key name (`Enter`, `Right`) or literal text.
    fn key(&self, key: &str) {
        let named = matches!(key, "Enter" | "Right" | "Left" | "Escape" | "Up" | "Down");
        let mut args = vec!["send-keys", "-t", "smoke"];
        if !named {
            args.push("-l");
        }
        args.push(key);
        assert!(self.tmux(&args).status.success(), "send-keys {key}");
    }

    /// The progress file of the default profile.
    fn progress(&self) -> String {
        std::fs::read_to_string(self.data_dir.join("default.json")).unwrap_or_default()
    }

    /// The id of the process holding the default profile (written in its lock file).
    fn kruispunt_pid(&self) -> String {
        let lock = std::fs::read_to_string(self.data_dir.join("default.lock")).expect("lock");
        let pid = lock.trim().to_owned();
        assert!(
            !pid.is_empty() && pid.chars().all(|c| c.is_ascii_digit()),
            "{lock:?}"
        );
        pid
    }

    /// After the program ended: its screen is gone and the terminal is as before.
    fn assert_restored(&self, screen: &str) {
        assert!(
            !screen.contains("Overview"),
            "the interface is gone:\n{screen}"
        );
        assert_eq!(self.pane("#{alternate_on}"), "0", "normal screen");
        assert_eq!(self.pane("#{mouse_any_flag}"), "0", "no mouse reporting");
        assert_eq!(self.pane("#{cursor_flag}"), "1", "the cursor is shown");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// `path` in single quotes for sh.
fn quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', r"'\''"))
}

#[test]
fn a_learner_opens_a_lesson_reads_help_and_quits() {
    let Some(session) = Session::start() else {
        return;
    };
    let home = session.wait_for("the home screen", |s| s.contains("Overview"));
    assert!(
        home.contains("Crossroads: supporting LGBTQIA+ people with a migration background"),
        "{home}"
    );
    assert!(home.contains("Module 1: Welcome"), "{home}");
    assert!(home.contains("Module 2: The letters LGBTQIA+"), "{home}");
    assert!(home.contains("Start the course"), "{home}");
    assert_eq!(
        session.pane("#{alternate_on}"),
        "1",
        "drawn on the alternate screen"
    );

    // "Start the course" is selected: Enter opens the first lesson.
    session.key("Enter");
    let lesson = session.wait_for("the first lesson", |s| {
        !s.contains("Overview") && s.contains("Welcome to the crossroads")
    });
    session.key("Right");
    session.wait_for("the next scene", |s| {
        s != lesson && s.contains("Welcome to the crossroads")
    });

    session.key("?");
    let help = session.wait_for("help", |s| s.contains("Everywhere"));
    assert!(help.contains("Help"), "{help}");
    session.key("?");
    session.wait_for("help closed", |s| !s.contains("Everywhere"));

    session.key("q");
    let after = session.wait_for("the program to end", |s| s.contains("RESTORED"));
    assert!(after.contains("RESTORED 0"), "exit code 0:\n{after}");
    session.assert_restored(&after);
    let progress = session.progress();
    assert!(
        progress.contains("welkom-op-het-kruispunt"),
        "the lesson is in the progress file:\n{progress}"
    );
}

#[test]
fn sigterm_sighup_and_sigint_save_and_restore_the_terminal() {
    for signal in ["-TERM", "-HUP", "-INT"] {
        let Some(session) = Session::start() else {
            return;
        };
        session.wait_for("the home screen", |s| s.contains("Overview"));
        session.key("Enter");
        session.wait_for("the first lesson", |s| {
            !s.contains("Overview") && s.contains("Welcome to the crossroads")
        });
        let killed = Command::new("kill")
            .args([signal, &session.kruispunt_pid()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let after = session.wait_for("the program to end", |s| s.contains("RESTORED"));
        assert!(
            after.contains("RESTORED 0"),
            "{signal}: an orderly exit:\n{after}"
        );
        session.assert_restored(&after);
        let progress = session.progress();
        assert!(
            progress.contains("welkom-op-het-kruispunt"),
            "{signal}: where the learner was is saved:\n{progress}"
        );
        // The profile was closed properly: its lock no longer names a process.
        let lock = std::fs::read_to_string(session.data_dir.join("default.lock"));
        assert_eq!(lock.ok().as_deref(), Some(""), "{signal}");
    }
}
