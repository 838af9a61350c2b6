//! The real `kruispunt serve` for the workshop-server tests: started on a free localhost
//! port with workshop `w1`, the join code [`CODE`] and the fixture course, in a temporary
//! directory of its own; its port read from its start message; killed and waited for when
//! dropped, even when the test fails. A trainee is the real OpenSSH client in a tmux of its
//! own ([`Client`]).
//!
//! Shared by tests/serve.rs, tests/serve_lrs.rs and tests/serve_facilitator.rs, which also
//! declare `mod binary_support;` and `mod tmux_support;`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use super::binary_support::command;
use super::tmux_support::Tmux;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// How long to wait for a screen or a process before failing.
pub const PATIENCE: Duration = Duration::from_secs(20);
/// The join code of every test server.
pub const CODE: &str = "tulp-42";

/// Whether `tmux`, `ssh` and the `extra` programs are here; in CI (`.ci/run` installs
/// them) their absence fails the test instead of skipping it.
pub fn tools_installed(extra: &[&str]) -> bool {
    let tools: Vec<&str> = ["tmux", "ssh"].iter().chain(extra).copied().collect();
    let found = tools.iter().all(|tool| {
        Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} (tmux, openssh-client) are required in CI",
            tools.join(", ")
        );
        println!("skipped: one of {} is not installed", tools.join(", "));
    }
    found
}

/// The course every test server plays.
pub fn course() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course")
}

/// What a test adds to the server's command line and environment, given the data
/// directory; kept for a restart.
type Configure = Box<dyn Fn(&mut Command, &Path)>;

/// A running `kruispunt serve`.
pub struct Server {
    child: Child,
    /// The port it listens on, on 127.0.0.1.
    pub port: u16,
    stderr: PathBuf,
    /// Where it keeps its data (`--data-dir`).
    pub data_dir: PathBuf,
    lang: String,
    configure: Configure,
    /// Kept open: the server's stdout.
    _stdout: BufReader<ChildStdout>,
    /// The test's directory: the data, the server's log, the tmux sockets, keys.
    pub dir: tempfile::TempDir,
}

impl Server {
    /// A server in English in a new temporary directory.
    pub fn start() -> Self {
        Self::start_in("en")
    }

    /// A server in language `lang` (`KRUISPUNT_LANG`) in a new temporary directory.
    pub fn start_in(lang: &str) -> Self {
        Self::start_with(tempfile::tempdir().expect("tempdir"), lang, |_, _| {})
    }

    /// A server in `dir`, in language `lang`, with what `configure` adds to its command.
    pub fn start_with(
        dir: tempfile::TempDir,
        lang: &str,
        configure: impl Fn(&mut Command, &Path) + 'static,
    ) -> Self {
        let data_dir = dir.path().join("data");
        let stderr = dir.path().join("server.err");
        let configure: Configure = Box::new(configure);
        let (child, port, stdout) = spawn(&data_dir, &stderr, lang, &configure);
        Self {
            child,
            port,
            stderr,
            data_dir,
            lang: lang.to_owned(),
            configure,
            _stdout: stdout,
            dir,
        }
    }

    /// Kills the server with SIGKILL (nothing is saved on the way out, no goodbye), then
    /// starts it again with the same data directory, workshop id, join code and options.
    /// The new server has a new port.
    pub fn kill_and_restart(&mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("wait");
        let (child, port, stdout) =
            spawn(&self.data_dir, &self.stderr, &self.lang, &self.configure);
        self.child = child;
        self.port = port;
        self._stdout = stdout;
    }

    /// What the server logged (both runs, after a restart).
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    /// Waits until the log satisfies `ready`.
    pub fn wait_for_log(&self, what: &str, ready: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !ready(&self.log()) {
            assert!(
                Instant::now() < deadline,
                "waited {PATIENCE:?} for {what}; the log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The progress file of trainee `name`.
    pub fn progress(&self, name: &str) -> String {
        std::fs::read_to_string(
            self.data_dir
                .join("workshops/w1/trainees")
                .join(format!("{name}.json")),
        )
        .unwrap_or_default()
    }

    /// The ssh options every connection to this server uses.
    pub fn ssh_options(&self) -> String {
        format!(
            "-F /dev/null -p {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null",
            self.port
        )
    }

    /// `ssh OPTIONS… USER@127.0.0.1 COMMAND…` in a tmux of its own named `session`, of
    /// `size`; the shell prints `EXITED <code>` when ssh ends.
    pub fn terminal(&self, session: &str, size: (u16, u16), options: &str, user: &str) -> Tmux {
        let command = format!(
            "ssh {} {options} {user}@127.0.0.1; echo \"EXITED $?\"; sleep 60",
            self.ssh_options()
        );
        Tmux::start(self.dir.path(), session, size, &command, PATIENCE)
    }

    /// Sends SIGTERM, as a service manager would (Ctrl-C sends SIGINT, handled the same
    /// way), and returns the exit code.
    pub fn terminate(&mut self) -> Option<i32> {
        let pid = libc::pid_t::try_from(self.child.id()).expect("pid");
        // SAFETY: kill(2) with the id of the child this test started and still holds.
        unsafe {
            libc::kill(pid, libc::SIGTERM);
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status.code();
            }
            assert!(Instant::now() < deadline, "the server did not stop");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `kruispunt serve` on a free port with workshop `w1` and the join code [`CODE`],
/// keeping its data in `data_dir` and its log in `stderr` (appended to, so a restart
/// keeps the first server's log); reads the port from its start message. The [`Server`]
/// that holds the child kills and waits for it.
#[allow(clippy::zombie_processes)]
fn spawn(
    data_dir: &Path,
    stderr: &Path,
    lang: &str,
    configure: &Configure,
) -> (Child, u16, BufReader<ChildStdout>) {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(stderr)
        .expect("stderr file");
    // Without the machine's language, data and config settings (binary_support).
    let mut serve = command(["serve", "--port", "0", "--code", CODE, "--workshop", "w1"]);
    serve
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--course")
        .arg(course())
        .env("KRUISPUNT_LANG", lang);
    configure(&mut serve, data_dir);
    let mut child = serve
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .expect("kruispunt serve starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut shown = String::new();
    loop {
        let mut line = String::new();
        if stdout.read_line(&mut line).expect("read stdout") == 0 {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "the server ended before saying its address:\n{shown}\n{}",
                std::fs::read_to_string(stderr).unwrap_or_default()
            );
        }
        if let Some((_, port)) = line.split_once(": 127.0.0.1:") {
            let port = port.trim().parse::<u16>().expect("a port");
            return (child, port, stdout);
        }
        shown.push_str(&line);
    }
}

/// A trainee: `ssh` to the server inside its own tmux server, 100x30, logging in with a
/// password (the join code); the shell prints `EXITED <code>` when ssh ends.
pub struct Client {
    tmux: Tmux,
}

impl std::ops::Deref for Client {
    type Target = Tmux;
    fn deref(&self) -> &Tmux {
        &self.tmux
    }
}

impl Client {
    /// `ssh -p PORT … OPTIONS… USER@127.0.0.1 COMMAND…`.
    pub fn connect(server: &Server, user: &str, options: &[&str], command: &[&str]) -> Self {
        let command = format!(
            "ssh {ssh} -o PreferredAuthentications=password,keyboard-interactive \
             -o NumberOfPasswordPrompts=1 {options} {user}@127.0.0.1 {command}; \
             echo \"EXITED $?\"; sleep 60",
            ssh = server.ssh_options(),
            options = options.join(" "),
            command = command.join(" "),
        );
        Self {
            tmux: Tmux::start(server.dir.path(), "trainee", (100, 30), &command, PATIENCE),
        }
    }

    /// Types the join code at ssh's password prompt.
    pub fn log_in(&self, code: &str) {
        self.wait_for("ssh's password prompt", |s| s.contains("password:"));
        self.key(code);
        self.key("Enter");
    }

    /// Logs in with the right code and joins as `name`.
    pub fn join(&self, name: &str) {
        self.log_in(CODE);
        self.wait_for("the join screen", |s| s.contains("Type your name"));
        self.key(name);
        self.key("Enter");
    }

    /// From the home screen into the fixture's scenario, and the answer numbered `choice`
    /// (answers are shown in an order of the trainee's own); returns what the trust meter
    /// then reads and the id of the answer it means.
    pub fn choose_in_scenario(&self, choice: &str) -> (&'static str, &'static str) {
        const ANSWERS: [(&str, &str); 3] = [
            ("Trust 50/100", "naar-kantoor"),
            ("Trust 35/100", "waarom-hier"),
            ("Trust 30/100", "formulier"),
        ];
        self.wait_for("the home screen", |s| s.contains("Overview"));
        for _ in 0..3 {
            self.key("Down");
        }
        self.key("Enter");
        self.wait_for("the scenario's briefing", |s| s.contains("Your goal"));
        self.key("Enter");
        self.wait_for("the first answers", |s| s.contains("Your answer"));
        self.key(choice);
        let screen = self.wait_for("the choice's effect", |s| {
            ANSWERS.iter().any(|(trust, _)| s.contains(trust))
        });
        ANSWERS
            .into_iter()
            .find(|(trust, _)| screen.contains(trust))
            .expect("an answer's effect")
    }

    /// Joins as `name`, continues where the trainee left off in the fixture's scenario, and
    /// waits for the trust meter to read `trust`.
    pub fn resume(&self, name: &str, trust: &str) {
        self.join(name);
        self.wait_for("the resume", |s| {
            s.contains("Continue where you left off: Another room, tonight")
        });
        self.key("Enter");
        self.wait_for("the conversation where it was", |s| s.contains(trust));
    }

    /// Kills the `ssh` process with SIGKILL: no SSH disconnect, the TCP connection just
    /// closes, as when a laptop's client crashes.
    pub fn kill_ssh(&self) {
        let shell = self.pane("#{pane_pid}");
        let children = Command::new("ps")
            .args(["-o", "pid=,comm=", "--ppid", &shell])
            .output()
            .expect("ps runs");
        let listing = String::from_utf8_lossy(&children.stdout).into_owned();
        let pid: libc::pid_t = listing
            .lines()
            .find_map(|line| {
                let (pid, command) = line.trim().split_once(' ')?;
                (command.trim() == "ssh").then(|| pid.parse().ok())?
            })
            .unwrap_or_else(|| panic!("no ssh under the pane's shell {shell}:\n{listing}"));
        // SAFETY: kill(2) with the id of the ssh this test started in its own tmux.
        unsafe {
            libc::kill(pid, libc::SIGKILL);
        }
        self.wait_for("ssh to end", |s| s.contains("EXITED"));
    }
}
