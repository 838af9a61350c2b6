//! `kruispunt serve` end to end: the real server on a free localhost port with a temporary
//! data directory, and the real OpenSSH client in tmux, typing as a trainee would: the join
//! code at ssh's prompt, a name, a scenario and a choice, a resize, `q`; then a reconnect
//! that resumes, and Ctrl-C's signal on the server, which saves and says goodbye. Refusals:
//! `exec`, the sftp subsystem, `-L` forwarding, a wrong join code, a name in use.
//!
//! Skipped, with a message, when `tmux` or `ssh` is not installed; in CI (`CI` set) that is
//! a failure instead (.ci/run installs both). Each test has its own server and its own tmux
//! server, both ended when the test ends, even when it fails.

// SIGTERM is sent with libc, and the server's signals are Unix ones.
#![cfg(unix)]
// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tmux_support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tmux_support::Tmux;

/// How long to wait for a screen or a process before failing.
const PATIENCE: Duration = Duration::from_secs(15);
/// The join code of every test server.
const CODE: &str = "tulp-42";

/// Whether `tmux` and `ssh` are here; in CI their absence fails the test.
fn tools_installed() -> bool {
    let runs = |program: &str, arg: &str| {
        Command::new(program)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success() || !o.stderr.is_empty())
    };
    let installed = runs("tmux", "-V") && runs("ssh", "-V");
    if !installed {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux and ssh (openssh-client) are required in CI"
        );
        println!("skipped: tmux or ssh is not installed");
    }
    installed
}

/// A running `kruispunt serve`.
struct Server {
    child: Child,
    port: u16,
    stderr: PathBuf,
    data_dir: PathBuf,
    /// Kept open: the server's stdout.
    _stdout: BufReader<std::process::ChildStdout>,
    dir: tempfile::TempDir,
}

impl Server {
    fn start() -> Self {
        Self::start_in("en")
    }

    /// Starts the server in language `lang`, and reads the port from its start message
    /// (`Address:`, `Adres:`).
    fn start_in(lang: &str) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let data_dir = dir.path().join("data");
        let stderr = dir.path().join("server.err");
        let (child, port, stdout) = spawn(&data_dir, &stderr, lang);
        Self {
            child,
            port,
            stderr,
            data_dir,
            _stdout: stdout,
            dir,
        }
    }

    /// Kills the server with SIGKILL (nothing is saved on the way out, no goodbye), then
    /// starts it again with the same data directory, workshop id and join code. The new
    /// server has a new port.
    fn kill_and_restart(&mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("wait");
        let (child, port, stdout) = spawn(&self.data_dir, &self.stderr, "en");
        self.child = child;
        self.port = port;
        self._stdout = stdout;
    }

    /// What the server logged.
    fn log(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    /// Waits until the log satisfies `ready`.
    fn wait_for_log(&self, what: &str, ready: impl Fn(&str) -> bool) {
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
    fn progress(&self, name: &str) -> String {
        std::fs::read_to_string(
            self.data_dir
                .join("workshops/w1/trainees")
                .join(format!("{name}.json")),
        )
        .unwrap_or_default()
    }

    /// Sends SIGTERM, as a service manager would (Ctrl-C sends SIGINT, handled the same
    /// way), and returns the exit code.
    fn terminate(&mut self) -> Option<i32> {
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

/// Starts `kruispunt serve` on a free port with workshop `w1` and the join code [`CODE`],
/// keeping its data in `data_dir` and its log in `stderr` (appended to, so a restart
/// keeps the first server's log); reads the port from its start message. The [`Server`]
/// that holds the child kills and waits for it.
#[allow(clippy::zombie_processes)]
fn spawn(
    data_dir: &Path,
    stderr: &Path,
    lang: &str,
) -> (Child, u16, BufReader<std::process::ChildStdout>) {
    let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(stderr)
        .expect("stderr file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kruispunt"))
        .args(["serve", "--port", "0", "--code", CODE, "--workshop", "w1"])
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--course")
        .arg(&course)
        .env("KRUISPUNT_LANG", lang)
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

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `ssh` to the server inside its own tmux server, 100x30; the shell prints
/// `EXITED <code>` when ssh ends.
struct Client {
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
    fn connect(server: &Server, user: &str, options: &[&str], command: &[&str]) -> Self {
        let command = format!(
            "ssh -F /dev/null -p {port} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
             -o PreferredAuthentications=password,keyboard-interactive -o NumberOfPasswordPrompts=1 \
             {options} {user}@127.0.0.1 {command}; echo \"EXITED $?\"; sleep 60",
            port = server.port,
            options = options.join(" "),
            command = command.join(" "),
        );
        Self {
            tmux: Tmux::start(server.dir.path(), "trainee", (100, 30), &command, PATIENCE),
        }
    }

    /// Types the join code at ssh's password prompt.
    fn log_in(&self, code: &str) {
        self.wait_for("ssh's password prompt", |s| s.contains("password:"));
        self.key(code);
        self.key("Enter");
    }

    /// Logs in with the right code and joins as `name`.
    fn join(&self, name: &str) {
        self.log_in(CODE);
        self.wait_for("the join screen", |s| s.contains("Type your name"));
        self.key(name);
        self.key("Enter");
    }

    /// From the home screen into the fixture's scenario, and the answer numbered `choice`
    /// (answers are shown in an order of the trainee's own); returns what the trust meter
    /// then reads and the id of the answer it means.
    fn choose_in_scenario(&self, choice: &str) -> (&'static str, &'static str) {
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
    fn resume(&self, name: &str, trust: &str) {
        self.join(name);
        self.wait_for("the resume", |s| {
            s.contains("Continue where you left off: Another room, tonight")
        });
        self.key("Enter");
        self.wait_for("the conversation where it was", |s| s.contains(trust));
    }

    /// Kills the `ssh` process with SIGKILL: no SSH disconnect, the TCP connection just
    /// closes, as when a laptop's client crashes.
    fn kill_ssh(&self) {
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

#[test]
fn a_client_killed_mid_scenario_loses_nothing() {
    if !tools_installed() {
        return;
    }
    let server = Server::start();
    let anna = Client::connect(&server, "anna", &[], &[]);
    anna.join("anna");
    let (trust, answer) = anna.choose_in_scenario("2");
    anna.kill_ssh();
    server.wait_for_log("the leave", |log| log.contains("anna left"));
    assert!(
        server.progress("anna").contains(answer),
        "the choice {answer} is in the progress file:\n{}",
        server.progress("anna")
    );
    drop(anna);

    // The name is free again, and the same name resumes at the choice.
    let again = Client::connect(&server, "anna", &[], &[]);
    again.resume("anna", trust);
}

#[test]
fn a_server_killed_mid_scenario_restarts_with_every_trainees_progress() {
    if !tools_installed() {
        return;
    }
    let mut server = Server::start();
    let anna = Client::connect(&server, "anna", &[], &[]);
    anna.join("anna");
    let (anna_trust, anna_answer) = anna.choose_in_scenario("1");
    let sam = Client::connect(&server, "sam", &[], &[]);
    sam.join("sam");
    let (sam_trust, sam_answer) = sam.choose_in_scenario("3");

    server.kill_and_restart();
    anna.wait_for("anna's ssh to end", |s| s.contains("EXITED"));
    sam.wait_for("sam's ssh to end", |s| s.contains("EXITED"));
    assert!(server.progress("anna").contains(anna_answer));
    assert!(server.progress("sam").contains(sam_answer));
    drop((anna, sam));

    let anna = Client::connect(&server, "anna", &[], &[]);
    anna.resume("anna", anna_trust);
    let sam = Client::connect(&server, "sam", &[], &[]);
    sam.resume("sam", sam_trust);
}

#[test]
fn a_trainee_joins_plays_resizes_quits_and_resumes() {
    if !tools_installed() {
        return;
    }
    let mut server = Server::start();
    let anna = Client::connect(&server, "anna", &[], &[]);
    anna.log_in(CODE);
    let join = anna.wait_for("the join screen", |s| s.contains("Type your name"));
    assert!(join.contains("Crossroads"), "the workshop title:\n{join}");
    anna.key("anna");
    anna.key("Enter");
    anna.wait_for("the home screen", |s| s.contains("Overview"));
    server.wait_for_log("the join", |log| log.contains("anna joined (1 connected)"));

    // Into the scenario, and a choice.
    for _ in 0..3 {
        anna.key("Down");
    }
    anna.key("Enter");
    anna.wait_for("the scenario's briefing", |s| s.contains("Your goal"));
    anna.key("Enter");
    anna.wait_for("the first answers", |s| s.contains("Your answer"));
    anna.key("1");
    anna.wait_for("the choice's effect", |s| s.contains("Trust 50/100"));

    // The screen follows the terminal's size.
    anna.resize(70, 20);
    let resized = anna.wait_for("the screen at 70 columns", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains('…') && l.trim_end().ends_with("EN"))
    });
    assert!(
        resized.lines().all(|l| l.chars().count() <= 70),
        "{resized}"
    );

    // q saves and ends the connection cleanly.
    anna.key("q");
    let bye = anna.wait_for("ssh to end", |s| s.contains("EXITED"));
    assert!(bye.contains("Your progress is saved"), "{bye}");
    assert!(bye.contains("EXITED 0"), "{bye}");
    assert!(
        server.progress("anna").contains("naar-kantoor"),
        "the choice is saved"
    );
    server.wait_for_log("the leave", |log| log.contains("anna left"));
    drop(anna);

    // The same name again resumes where anna was.
    let again = Client::connect(&server, "anna", &[], &[]);
    again.join("anna");
    again.wait_for("the resume", |s| {
        s.contains("Continue where you left off: Another room, tonight")
    });
    again.key("Enter");
    again.wait_for("the conversation again", |s| s.contains("Your answer"));

    // The server stops on SIGTERM: the trainee is saved and told; exit code 0.
    assert_eq!(server.terminate(), Some(0), "{}", server.log());
    let ended = again.wait_for("the goodbye", |s| s.contains("EXITED"));
    assert!(ended.contains("The workshop has ended"), "{ended}");
    assert!(server.log().contains("The workshop server has stopped"));
}

#[test]
fn a_name_in_use_is_refused_and_free_again_after_leaving() {
    if !tools_installed() {
        return;
    }
    let server = Server::start();
    let first = Client::connect(&server, "x", &[], &[]);
    first.join("sam");
    first.wait_for("the home screen", |s| s.contains("Overview"));
    let second = Client::connect(&server, "y", &[], &[]);
    second.join("sam");
    second.wait_for("the refusal", |s| s.contains("The name sam is in use"));
    second.key("Escape");
    let left = second.wait_for("ssh to end", |s| s.contains("EXITED 0"));
    assert!(left.contains("Goodbye."), "{left}");
    // A name a file name cannot hold is refused with the profile rules.
    let third = Client::connect(&server, "z", &[], &[]);
    third.join("../x");
    third.wait_for("the refusal", |s| s.contains("contains “.”"));
}

#[test]
fn exec_sftp_and_forwarding_are_refused() {
    if !tools_installed() {
        return;
    }
    let server = Server::start();
    let exec = Client::connect(&server, "anna", &[], &["ls"]);
    exec.log_in(CODE);
    let screen = exec.wait_for("ssh to end", |s| s.contains("EXITED"));
    assert!(screen.contains("exec request failed"), "{screen}");
    assert!(screen.contains("EXITED 255"), "{screen}");
    server.wait_for_log("the refusal", |log| {
        log.contains("Refused exec from 127.0.0.1")
    });

    let sftp = Client::connect(&server, "anna", &["-s"], &["sftp"]);
    sftp.log_in(CODE);
    let screen = sftp.wait_for("ssh to end", |s| s.contains("EXITED"));
    assert!(screen.contains("subsystem request failed"), "{screen}");
    server.wait_for_log("the refusal", |log| {
        log.contains("Refused subsystem sftp from 127.0.0.1")
    });

    // -L: the forward is set up on the client, and refused when something connects to it.
    let local = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let forward_port = local.local_addr().expect("addr").port();
    drop(local);
    let forward = format!("127.0.0.1:{forward_port}:127.0.0.1:{}", server.port);
    let tunnel = Client::connect(&server, "anna", &["-N", "-L", &forward], &[]);
    tunnel.log_in(CODE);
    let deadline = Instant::now() + PATIENCE;
    let connected = loop {
        if let Ok(stream) = std::net::TcpStream::connect(("127.0.0.1", forward_port)) {
            break stream;
        }
        assert!(Instant::now() < deadline, "ssh -L did not listen");
        std::thread::sleep(Duration::from_millis(50));
    };
    let screen = tunnel.wait_for("the refused forward", |s| {
        s.contains("administratively prohibited")
    });
    assert!(screen.contains("open failed"), "{screen}");
    drop(connected);
}

#[test]
fn the_join_screen_speaks_the_servers_language() {
    if !tools_installed() {
        return;
    }
    let server = Server::start_in("nl");
    let client = Client::connect(&server, "anna", &[], &[]);
    client.log_in(CODE);
    client.wait_for("the Dutch join screen", |s| s.contains("Typ je naam"));
    client.key("Escape");
    let left = client.wait_for("ssh to end", |s| s.contains("EXITED 0"));
    assert!(left.contains("Tot ziens."), "{left}");
}

#[test]
fn a_wrong_join_code_is_refused_and_logged() {
    if !tools_installed() {
        return;
    }
    let server = Server::start();
    let guess = Client::connect(&server, "anna", &[], &[]);
    guess.log_in("roos-17");
    // ssh tries keyboard-interactive next, with the server's prompt.
    guess.wait_for("the keyboard-interactive prompt", |s| {
        s.contains("Join code:")
    });
    guess.key("roos-18");
    guess.key("Enter");
    let screen = guess.wait_for("ssh to give up", |s| s.contains("EXITED"));
    assert!(screen.contains("Permission denied"), "{screen}");
    assert!(screen.contains("EXITED 255"), "{screen}");
    server.wait_for_log("the log line", |log| {
        log.contains("Wrong join code from 127.0.0.1: it waits 1 s")
    });
    assert!(server.progress("anna").is_empty(), "nothing was stored");
}

#[test]
fn an_empty_join_code_or_an_unsafe_workshop_id_is_refused_at_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kruispunt"))
            .args(["serve", "--port", "0"])
            .args(args)
            .arg("--data-dir")
            .arg(dir.path())
            .env("KRUISPUNT_LANG", "en")
            .stdin(Stdio::null())
            .output()
            .expect("kruispunt runs")
    };
    let empty = run(&["--code", " "]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&empty.stderr).contains("The join code cannot be empty"),
        "{empty:?}"
    );
    let climbing = run(&["--workshop", "../x"]);
    assert_eq!(climbing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&climbing.stderr).contains("This workshop id cannot be used"),
        "{climbing:?}"
    );
    let none = run(&["--max-trainees", "0"]);
    assert_eq!(none.status.code(), Some(2), "{none:?}");
    assert!(
        !dir.path().join("serve").exists(),
        "nothing is written before the options are checked"
    );
}

#[test]
fn workshop_forget_deletes_every_trainee_after_confirmation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let trainees = dir.path().join("workshops/w1/trainees");
    let course = kruispunt::course::load_course(
        Some(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course")),
        kruispunt::course::ValidateOptions::default(),
    )
    .expect("the fixture course loads")
    .course;
    let store = kruispunt::progress::ProfileStore::new(&trainees);
    for name in ["anna", "sam"] {
        let name = kruispunt::progress::ProfileName::new(name).unwrap();
        let opened = store
            .open(&name, &kruispunt::progress::CourseStamp::of(&course))
            .unwrap();
        opened.session.save(&opened.progress).unwrap();
    }
    let forget = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kruispunt"))
            .args(["workshop", "forget"])
            .args(args)
            .arg("--data-dir")
            .arg(dir.path())
            .env("KRUISPUNT_LANG", "en")
            .stdin(Stdio::null())
            .output()
            .expect("kruispunt runs")
    };
    let unknown = forget(&["w2", "--yes"]);
    assert_eq!(unknown.status.code(), Some(1), "{unknown:?}");
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("there is no workshop “w2”"));
    // No terminal to ask on, no --yes: nothing is deleted.
    let unasked = forget(&["w1"]);
    assert_eq!(unasked.status.code(), Some(2), "{unasked:?}");
    assert!(trainees.join("anna.json").exists());
    let done = forget(&["w1", "--yes"]);
    assert_eq!(done.status.code(), Some(0), "{done:?}");
    assert_eq!(
        String::from_utf8_lossy(&done.stdout).trim(),
        "Workshop “w1” forgotten: the progress of 2 trainees was deleted."
    );
    assert!(!dir.path().join("workshops/w1").exists());
    assert_eq!(forget(&["../x", "--yes"]).status.code(), Some(2));
}
