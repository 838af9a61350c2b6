//! The terminal goes away while Kruispunt runs (the window is closed, SSH drops, tmux is
//! killed): the real binary in a real pseudo-terminal must save, release the profile and
//! exit within seconds, not stay behind re-parented to init, spinning and holding the lock.
//!
//! Each test starts `kruispunt` on the slave side of a pty it opens itself (libc
//! `openpty`), drives it through the master side, then closes the master (with the pty as
//! the controlling terminal, so the kernel also sends SIGHUP, and without, so only the read
//! errors tell), or sends SIGHUP, or kills the tmux server it runs in. A reflection typed
//! just before is not saved yet (it is saved a second after typing stops), so finding it in
//! the progress file proves the last save happened. Unix only.

#![cfg(unix)]
// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long to wait for the screen or the files before failing.
const PATIENCE: Duration = Duration::from_secs(10);

/// How long the program may take to exit once its terminal is gone.
const EXIT_WITHIN: Duration = Duration::from_secs(3);

/// One test at a time: between `openpty` and `FD_CLOEXEC`, a child spawned by another test
/// would still inherit the master.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The lock of [`ONE_AT_A_TIME`], also after another test failed holding it.
fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Text typed into the reflection just before the terminal goes away.
const TYPED: &str = "written-just-before";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course")
}

/// The binary with the fixture course, in English, with its own data directory.
fn kruispunt(data_dir: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kruispunt"));
    for (key, _) in std::env::vars_os() {
        let text = key.to_string_lossy();
        if text == "LANG"
            || text == "LANGUAGE"
            || text == "NO_COLOR"
            || text.starts_with("LC_")
            || text.starts_with("KRUISPUNT_")
        {
            command.env_remove(&key);
        }
    }
    command
        .env("KRUISPUNT_LANG", "en")
        .env("TERM", "xterm-256color")
        .arg("--course")
        .arg(fixture())
        .arg("--data-dir")
        .arg(data_dir)
        .args(extra);
    command
}

/// How the pty is attached to the program.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Attach {
    /// As its controlling terminal: closing the master hangs it up and the kernel sends
    /// SIGHUP.
    Controlling,
    /// As its standard streams only (in a session without a terminal): closing the master
    /// sends no signal; only the reads and writes fail.
    StreamsOnly,
}

/// A program running on a pty, with the master side kept here.
struct OnPty {
    master: Option<File>,
    child: Child,
    output: Vec<u8>,
}

impl OnPty {
    /// Starts `command` on a new pty, all three standard streams on it, as in a terminal
    /// window (stderr too: writing to it fails once the terminal is gone).
    fn spawn(mut command: Command, attach: Attach) -> Self {
        let mut master = -1;
        let mut slave = -1;
        let size = libc::winsize {
            ws_row: 30,
            ws_col: 100,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two descriptors; the name and termios pointers may be null.
        let opened = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                &size,
            )
        };
        assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
        // openpty's descriptors are inherited by every child: one spawned meanwhile by
        // another test would keep this master open, and the pty would never hang up.
        for fd in [master, slave] {
            // SAFETY: fcntl on descriptors just opened here.
            let flagged = unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
            assert_eq!(
                flagged,
                0,
                "FD_CLOEXEC: {}",
                std::io::Error::last_os_error()
            );
        }
        // SAFETY: both descriptors were just opened and are owned here.
        let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let master_fd = master.as_raw_fd();
        command
            .stdin(Stdio::from(slave.try_clone().expect("dup slave")))
            .stdout(Stdio::from(slave.try_clone().expect("dup slave")))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(move || {
                libc::close(master_fd);
                if libc::setsid() == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                if attach == Attach::Controlling && libc::ioctl(0, libc::TIOCSCTTY as _, 0) == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("kruispunt starts");
        // The child's copies of the slave are closed with `command` (dropped by the caller);
        // the master must not block the reads below.
        // SAFETY: fcntl on a descriptor owned here.
        unsafe {
            let flags = libc::fcntl(master_fd, libc::F_GETFL);
            libc::fcntl(master_fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        Self {
            master: Some(master),
            child,
            output: Vec::new(),
        }
    }

    /// Reads what the program wrote so far (so it never blocks on a full pty).
    fn pump(&mut self) {
        let Some(master) = self.master.as_mut() else {
            return;
        };
        let mut buffer = [0u8; 8192];
        loop {
            match master.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => self.output.extend_from_slice(&buffer[..n]),
            }
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.pump();
        self.master
            .as_mut()
            .expect("the master is open")
            .write_all(bytes)
            .expect("write to the pty");
    }

    /// Waits until `ready`, reading the output meanwhile.
    fn wait_until(&mut self, what: &str, ready: impl Fn(&Self) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            self.pump();
            if ready(self) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "waited {PATIENCE:?} for {what}; output so far:\n{}",
                String::from_utf8_lossy(&self.output)
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn shown(&self, text: &str) -> bool {
        String::from_utf8_lossy(&self.output).contains(text)
    }

    /// Whether `text` (without spaces) was drawn, perhaps one character at a time: the
    /// output without escape sequences and spaces contains it.
    fn shown_compact(&self, text: &str) -> bool {
        let output = String::from_utf8_lossy(&self.output);
        let mut compact = String::new();
        let mut chars = output.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                // CSI: ESC [ parameters, then a final letter.
                if chars.next() == Some('[') {
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() || c == '~' {
                            break;
                        }
                    }
                }
            } else if !c.is_whitespace() {
                compact.push(c);
            }
        }
        compact.contains(text)
    }

    /// Closes the master side: the terminal is gone.
    fn close_master(&mut self) {
        self.pump();
        self.master = None;
    }

    /// Waits for the program to end; fails (and kills it) when it is still running after
    /// `within`.
    fn exits_within(&mut self, within: Duration, what: &str) -> std::process::ExitStatus {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "{what}: kruispunt (process {}) is still running {within:?} later",
                self.child.id()
            );
            self.pump();
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for OnPty {
    fn drop(&mut self) {
        // A runaway from a failed test must not outlive it.
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn progress(data_dir: &Path) -> String {
    std::fs::read_to_string(data_dir.join("default.json")).unwrap_or_default()
}

/// From the home screen to the welcome lesson's reflection, with `TYPED` typed in it; the
/// content note skipped on the way is saved at once, the typed text is not yet.
fn type_a_reflection(pty: &mut OnPty, data_dir: &Path) {
    pty.wait_until("the home screen", |p| p.shown("Overview"));
    pty.send(b"\r");
    pty.wait_until("the lesson opened", |p| p.shown("training?"));
    // Right arrow twice, to the content note, then skip it.
    pty.send(b"\x1b[C");
    pty.wait_until("the second scene", |p| p.shown("minority"));
    pty.send(b"\x1b[C");
    pty.wait_until("the content note", |p| p.shown("story"));
    pty.send(b"s");
    pty.wait_until("the skipped content note saved", |_| {
        progress(data_dir).contains("skipped")
    });
    std::thread::sleep(Duration::from_millis(300));
    pty.send(b"\r");
    std::thread::sleep(Duration::from_millis(200));
    pty.send(TYPED.as_bytes());
    pty.wait_until("the typed text on screen", |p| p.shown_compact(TYPED));
    assert!(
        !progress(data_dir).contains(TYPED),
        "the typed text is only saved a moment after typing stops"
    );
}

/// What must hold once the program is gone: both steps saved, the profile free again.
#[track_caller]
fn saved_and_released(data_dir: &Path, what: &str) {
    let saved = progress(data_dir);
    assert!(
        saved.contains("skipped"),
        "{what}: the earlier choice:\n{saved}"
    );
    assert!(
        saved.contains(TYPED),
        "{what}: the last typed text:\n{saved}"
    );
    let lock = std::fs::read_to_string(data_dir.join("default.lock")).unwrap_or_default();
    assert_eq!(lock, "", "{what}: the lock names no process any more");
    profile_is_free(data_dir, what);
}

/// Starting the same profile again (plain mode, no input) is not refused.
#[track_caller]
fn profile_is_free(data_dir: &Path, what: &str) {
    let again = kruispunt(data_dir, &["--plain"])
        .stdin(Stdio::null())
        .output()
        .expect("kruispunt runs");
    assert!(
        again.status.success(),
        "{what}: the profile can be opened again:\n{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

fn closing_the_terminal(attach: Attach) {
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut pty = OnPty::spawn(kruispunt(&data, &[]), attach);
    type_a_reflection(&mut pty, &data);
    pty.close_master();
    let status = pty.exits_within(EXIT_WITHIN, &format!("{attach:?}: master closed"));
    // Not 101: nothing panicked on the way out (say, printing to the closed terminal).
    assert_ne!(status.code(), Some(101), "{attach:?}: {status:?}");
    saved_and_released(&data, &format!("{attach:?} ({status:?})"));
}

#[test]
fn closing_the_controlling_terminal_saves_and_exits() {
    closing_the_terminal(Attach::Controlling);
}

#[test]
fn a_terminal_that_goes_away_without_a_signal_is_noticed() {
    closing_the_terminal(Attach::StreamsOnly);
}

#[test]
fn sighup_with_the_terminal_still_there_saves_and_exits() {
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut pty = OnPty::spawn(kruispunt(&data, &[]), Attach::Controlling);
    type_a_reflection(&mut pty, &data);
    let pid = i32::try_from(pty.child.id()).expect("pid");
    // SAFETY: kill with a valid pid and signal.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGHUP) }, 0);
    let status = pty.exits_within(EXIT_WITHIN, "SIGHUP");
    assert!(status.success(), "an orderly exit: {status:?}");
    saved_and_released(&data, "SIGHUP");
}

#[test]
fn plain_mode_ends_and_saves_when_its_terminal_goes_away() {
    let _one = one_at_a_time();
    for attach in [Attach::Controlling, Attach::StreamsOnly] {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        let mut pty = OnPty::spawn(kruispunt(&data, &["--plain"]), attach);
        pty.wait_until("the overview", |p| p.shown("> "));
        // Open the first lesson: its start is saved.
        pty.send(b"1\n");
        pty.wait_until("the lesson started", |_| {
            progress(&data).contains("welkom-op-het-kruispunt")
        });
        pty.close_master();
        pty.exits_within(EXIT_WITHIN, &format!("plain, {attach:?}"));
        let lock = std::fs::read_to_string(data.join("default.lock")).unwrap_or_default();
        assert!(
            lock.is_empty() || attach == Attach::Controlling,
            "{attach:?}: the lock names no process any more"
        );
        profile_is_free(&data, &format!("plain, {attach:?}"));
        assert!(progress(&data).contains("welkom-op-het-kruispunt"));
    }
}

#[test]
fn killing_the_tmux_server_saves_and_exits() {
    let _one = one_at_a_time();
    let installed = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        // CI installs tmux (.ci/run): there, a missing tmux is a failure, not a skip.
        assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
        println!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let config = dir.path().join("tmux.conf");
    std::fs::write(&config, "set -g status off\n").expect("tmux.conf");
    let socket = format!("kruispunt-hardening-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-L")
            .arg(&socket)
            .arg("-f")
            .arg(&config)
            .args(args)
            .output()
            .expect("tmux runs")
    };
    let program = kruispunt(&data, &[]);
    let mut line = String::from("exec env");
    for (key, value) in program.get_envs() {
        if let Some(value) = value {
            line.push_str(&format!(" {}={}", key.to_string_lossy(), quote(value)));
        }
    }
    for name in ["LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "NO_COLOR"] {
        line = line.replacen("exec env", &format!("exec env -u {name}"), 1);
    }
    line.push(' ');
    line.push_str(&quote(program.get_program()));
    for arg in program.get_args() {
        line.push(' ');
        line.push_str(&quote(arg));
    }
    let started = tmux(&[
        "new-session",
        "-d",
        "-s",
        "gone",
        "-x",
        "100",
        "-y",
        "30",
        "sh",
        "-c",
        &line,
    ]);
    assert!(started.status.success(), "{started:?}");
    let screen = || {
        String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "gone"]).stdout).into_owned()
    };
    let deadline = Instant::now() + PATIENCE;
    while !screen().contains("Overview") {
        assert!(Instant::now() < deadline, "the home screen:\n{}", screen());
        std::thread::sleep(Duration::from_millis(50));
    }
    let pid: i32 = std::fs::read_to_string(data.join("default.lock"))
        .expect("lock")
        .trim()
        .parse()
        .expect("a pid in the lock");
    tmux(&["send-keys", "-t", "gone", "Enter"]);
    let deadline = Instant::now() + PATIENCE;
    while !screen().contains("Why this training?") {
        assert!(
            Instant::now() < deadline,
            "the lesson opened:\n{}",
            screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    tmux(&["kill-server"]);
    let deadline = Instant::now() + EXIT_WITHIN;
    // SAFETY: signal 0 only checks that the process exists.
    while unsafe { libc::kill(pid, 0) } == 0 {
        if Instant::now() >= deadline {
            // SAFETY: the runaway must not outlive the test.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("kruispunt (process {pid}) is still running after tmux kill-server");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let lock = std::fs::read_to_string(data.join("default.lock")).unwrap_or_default();
    assert_eq!(lock, "", "the lock names no process any more");
    profile_is_free(&data, "tmux kill-server");
}

/// `value` in single quotes for sh.
fn quote(value: &std::ffi::OsStr) -> String {
    format!("'{}'", value.to_string_lossy().replace('\'', r"'\''"))
}
