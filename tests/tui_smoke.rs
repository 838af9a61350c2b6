//! The real program in a real terminal (tmux): the home screen a learner sees, a lesson
//! opened and a scene advanced, help opened and closed, quit; and after quitting or being
//! sent SIGTERM the terminal is back to normal (no alternate screen, no mouse reporting,
//! a visible cursor) and the progress is on disk.
//!
//! Skipped, with a message, when `tmux` is not installed. Each test runs its own tmux
//! server (`-L`, a unique socket name) that is killed at the end, even when the test fails.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tmux_support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use tmux_support::Tmux;

/// How long to wait for the screen to show something before failing.
const PATIENCE: Duration = Duration::from_secs(8);

/// A tmux server with one session running `kruispunt` inside a shell that prints
/// `RESTORED <exit code>` once the program has ended, then waits.
struct Session {
    tmux: Tmux,
    data_dir: PathBuf,
    _dir: tempfile::TempDir,
}

impl std::ops::Deref for Session {
    type Target = Tmux;
    fn deref(&self) -> &Tmux {
        &self.tmux
    }
}

impl Session {
    /// Starts the program in a 100x30 terminal, or `None` when tmux is not installed.
    fn start() -> Option<Self> {
        if !tmux_support::installed() {
            return None;
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let data_dir = dir.path().join("data");
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
        let tmux = Tmux::start(
            dir.path(),
            "smoke",
            (100, 30),
            &format!("sh {}", quote(&script)),
            PATIENCE,
        );
        let session = Self {
            tmux,
            data_dir,
            _dir: dir,
        };
        Some(session)
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
