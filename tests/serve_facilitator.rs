//! The facilitator's side of `kruispunt serve`, end to end: the real server with
//! `--facilitator-key` (a key made by the real `ssh-keygen`), the facilitator's dashboard
//! over the real `ssh` with that key, and three trainees, each in their own tmux. A group
//! step: the room follows, the trainees vote on their own screens, the dashboard counts,
//! `v` reveals, Enter moves the room on; a tie follows the facilitator's pick. Refused: a
//! key that is not in the file, and `sftp` even with the facilitator's key.
//!
//! Skipped, with a message, when `tmux`, `ssh`, `ssh-keygen` or `sftp` is missing; in CI
//! (`CI` set) that is a failure instead (.ci/run installs openssh-client).

#![cfg(unix)]
// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;
mod serve_support;
mod tmux_support;

use serve_support::{CODE, PATIENCE, Server};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use tmux_support::Tmux;

/// Whether the tools are here; in CI their absence fails the test.
fn tools_installed() -> bool {
    serve_support::tools_installed(&["ssh-keygen", "sftp"])
}

/// Makes an Ed25519 key pair without a passphrase with the real `ssh-keygen`.
fn keygen(path: &Path) {
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f"])
        .arg(path)
        .status()
        .expect("ssh-keygen runs");
    assert!(made.success(), "ssh-keygen made {}", path.display());
}

/// A running `kruispunt serve` with the facilitator's key, and a second key not listed.
struct Room {
    server: Server,
    key: PathBuf,
    stranger: PathBuf,
}

impl std::ops::Deref for Room {
    type Target = Server;
    fn deref(&self) -> &Server {
        &self.server
    }
}

impl Room {
    fn start() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let key = dir.path().join("facilitator");
        let stranger = dir.path().join("stranger");
        keygen(&key);
        keygen(&stranger);
        let listed = key.with_extension("pub");
        let server = Server::start_with(dir, "en", move |serve, _| {
            serve.arg("--facilitator-key").arg(&listed);
        });
        Self {
            server,
            key,
            stranger,
        }
    }

    /// `ssh` in a tmux of its own, 110x34; the shell prints `EXITED <code>` after it.
    fn terminal(&self, session: &str, options: &str, user: &str) -> Tmux {
        self.server.terminal(session, (110, 34), options, user)
    }

    /// The facilitator's dashboard, logged in with the key, in the private view.
    fn facilitator(&self) -> Tmux {
        let options = format!(
            "-i {} -o IdentitiesOnly=yes -o PreferredAuthentications=publickey",
            self.key.display()
        );
        let dashboard = self.terminal("facilitator", &options, "private");
        dashboard.wait_for("the dashboard", |s| s.contains("Room ·"));
        dashboard
    }

    /// A trainee who joined as `name`, on the overview.
    fn trainee(&self, name: &str) -> Tmux {
        let options = "-o PreferredAuthentications=password,keyboard-interactive \
                       -o NumberOfPasswordPrompts=1";
        let trainee = self.terminal(name, options, name);
        trainee.wait_for("ssh's password prompt", |s| s.contains("password:"));
        trainee.key(CODE);
        trainee.key("Enter");
        trainee.wait_for("the join screen", |s| s.contains("Type your name"));
        trainee.key(name);
        trainee.key("Enter");
        trainee.wait_for("the home screen", |s| s.contains("Overview"));
        trainee
    }
}

/// Presses the number of the answer whose text contains `text` on this trainee's screen
/// (every trainee sees the answers in an order of their own).
fn vote(trainee: &Tmux, text: &str) {
    let screen = trainee.wait_for("the answers", |s| s.contains(text));
    let line = screen
        .lines()
        .find(|l| l.contains(text))
        .expect("the answer's line");
    let before = &line[..line.find(text).expect("the text")];
    let number = before
        .chars()
        .rev()
        .find(|c| ('1'..='9').contains(c))
        .unwrap_or_else(|| panic!("no number before {text:?} in {line:?}"));
    trainee.key(&number.to_string());
}

/// The counts of the dashboard's answer lines, in the order written: `2 votes`, `1 vote`.
fn counted(screen: &str, answer: usize, votes: &str) -> bool {
    screen
        .lines()
        .any(|l| l.contains(&format!("{answer} {votes} ·")))
}

#[test]
fn a_group_step_is_tallied_revealed_and_moves_the_room_on_and_a_tie_follows_the_pick() {
    if !tools_installed() {
        return;
    }
    let server = Room::start();
    let dashboard = server.facilitator();
    let anna = server.trainee("anna");
    let bo = server.trainee("bo");
    let cem = server.trainee("cem");
    dashboard.wait_for("three trainees", |s| s.contains("Room · 3 connected"));

    // g: the jump menu; the scenario is the third item; → unfolds it, its first row is
    // the first decision point.
    dashboard.key("g");
    dashboard.wait_for("the jump menu", |s| s.contains("Jump to any module"));
    dashboard.key("Down");
    dashboard.key("Down");
    dashboard.key("Enter");
    dashboard.wait_for("the unfolded scenario", |s| s.contains("start:"));
    dashboard.key("Down");
    dashboard.key("Enter");
    dashboard.wait_for("the group step", |s| {
        s.contains("Group step · Another room, tonight") && s.contains("0 of 3 voted")
    });

    // Every screen follows; each trainee votes on their own.
    for trainee in [&anna, &bo, &cem] {
        trainee.wait_for("the group step on the trainee's screen", |s| {
            s.contains("Group step: your answer is your vote") && s.contains("Your answer")
        });
    }
    vote(&anna, "Good that you came");
    vote(&bo, "Good that you came");
    vote(&cem, "Room changes are decided");
    let tallied = dashboard.wait_for("three votes", |s| s.contains("3 of 3 voted"));
    assert!(counted(&tallied, 1, "2 votes"), "{tallied}");
    assert!(counted(&tallied, 3, "1 vote"), "{tallied}");
    assert!(!tallied.contains('█'), "no bars before v:\n{tallied}");
    assert!(tallied.contains("Most votes: answer 1"), "{tallied}");

    dashboard.key("v");
    let revealed = dashboard.wait_for("the bars", |s| s.contains('█'));
    assert!(revealed.contains("++ best") || revealed.contains("+ acceptable"));

    // Enter: the room goes with the majority; cem's screen follows it.
    dashboard.key("Enter");
    dashboard.wait_for("the room moved on", |s| {
        s.contains("The room went with answer 1")
    });
    cem.wait_for("the majority's answer on cem's screen", |s| {
        s.contains("Trust 50/100")
    });
    assert!(server.log().contains("the room went with naar-kantoor"));
    for trainee in [&bo, &cem] {
        let screen = trainee.screen();
        assert!(
            !screen.contains("anna"),
            "no other trainee's name on a screen:\n{screen}"
        );
    }

    // n: the next decision point. A tie (cem does not vote) follows the facilitator's
    // pick: answer 2 as written.
    dashboard.key("n");
    dashboard.wait_for("the next group step", |s| s.contains("0 of 3 voted"));
    vote(&anna, "No need to be sorry");
    vote(&bo, "Shall I call Omar");
    let tied = dashboard.wait_for("two votes", |s| s.contains("2 of 3 voted"));
    assert!(tied.contains("A tie between answers 1, 2"), "{tied}");
    dashboard.key("2");
    dashboard.key("Enter");
    dashboard.wait_for("the pick", |s| s.contains("The room went with answer 2"));
    let deadline = std::time::Instant::now() + PATIENCE;
    while !server.log().contains("the room went with omar-roepen") {
        assert!(std::time::Instant::now() < deadline, "{}", server.log());
        std::thread::sleep(Duration::from_millis(50));
    }
    dashboard.key("q");
    dashboard.wait_for("the dashboard to end", |s| s.contains("EXITED 0"));

    // The server's session log of the group steps makes the handout, as in facilitator
    // mode: both steps, the room's answers in words.
    let log = server.log();
    let id = log
        .split("kept in session log ")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("the session log's id in the log:\n{log}"))
        .trim()
        .to_owned();
    let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    let handout = Command::new(env!("CARGO_BIN_EXE_kruispunt"))
        .args(["session", "export", &id, "--format", "md", "--data-dir"])
        .arg(server.dir.path().join("data"))
        .arg("--course")
        .arg(&course)
        .env("KRUISPUNT_LANG", "en")
        .output()
        .expect("kruispunt session export runs");
    let text = String::from_utf8_lossy(&handout.stdout);
    assert!(
        handout.status.success(),
        "{}",
        String::from_utf8_lossy(&handout.stderr)
    );
    assert!(text.contains("Good that you came"), "{text}");
    assert!(text.contains("Shall I call Omar"), "{text}");
}

#[test]
fn a_key_not_in_the_file_is_refused_and_sftp_is_refused_even_with_the_key() {
    if !tools_installed() {
        return;
    }
    let server = Room::start();
    let refused = Command::new("ssh")
        .args(server.ssh_options().split(' '))
        .args(["-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes"])
        .args(["-o", "PreferredAuthentications=publickey", "-i"])
        .arg(&server.stranger)
        .args(["private@127.0.0.1", "true"])
        .stdin(Stdio::null())
        .output()
        .expect("ssh runs");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(255), "{said}");
    assert!(said.contains("Permission denied"), "{said}");

    let sftp = Command::new("sftp")
        .args(["-F", "/dev/null", "-P", &server.port.to_string()])
        .args([
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
        ])
        .args(["-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-i"])
        .arg(&server.key)
        .arg("private@127.0.0.1")
        .stdin(Stdio::null())
        .output()
        .expect("sftp runs");
    assert!(!sftp.status.success(), "sftp was refused");
    let deadline = std::time::Instant::now() + PATIENCE;
    while !server
        .log()
        .contains("Refused subsystem sftp from 127.0.0.1")
    {
        assert!(std::time::Instant::now() < deadline, "{}", server.log());
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_dashboard_runs_in_the_servers_own_terminal_and_leaving_it_stops_the_server() {
    if !tools_installed() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let free = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = free.local_addr().expect("addr").port();
    drop(free);
    let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    let command = format!(
        "KRUISPUNT_LANG=en '{}' serve --port {port} --code {CODE} --workshop w1 \
         --data-dir '{}' --course '{}' --dashboard presenter 2>'{}'; echo \"EXITED $?\"; sleep 60",
        env!("CARGO_BIN_EXE_kruispunt"),
        dir.path().join("data").display(),
        course.display(),
        dir.path().join("server.err").display(),
    );
    let local = Tmux::start(dir.path(), "local", (110, 34), &command, PATIENCE);
    local.wait_for("the dashboard", |s| {
        s.contains("Room · 0 connected") && s.contains("presenter view")
    });
    let trainee = Tmux::start(
        dir.path(),
        "anna",
        (100, 30),
        &format!(
            "ssh -F /dev/null -p {port} -o StrictHostKeyChecking=no \
             -o UserKnownHostsFile=/dev/null -o NumberOfPasswordPrompts=1 \
             -o PreferredAuthentications=password,keyboard-interactive anna@127.0.0.1; \
             echo \"EXITED $?\"; sleep 60"
        ),
        PATIENCE,
    );
    trainee.wait_for("ssh's password prompt", |s| s.contains("password:"));
    trainee.key(CODE);
    trainee.key("Enter");
    trainee.wait_for("the join screen", |s| s.contains("Type your name"));
    trainee.key("anna");
    trainee.key("Enter");
    let shown = local.wait_for("the trainee on the dashboard", |s| s.contains("Trainee 1"));
    assert!(
        !shown.contains("anna"),
        "no names when projecting:\n{shown}"
    );
    // p: the private view, with the name.
    local.key("p");
    local.wait_for("the private view", |s| s.contains("anna"));
    // Leaving the dashboard stops the server: the trainee is told, the terminal is back.
    local.key("q");
    local.wait_for("the server to stop", |s| s.contains("EXITED 0"));
    trainee.wait_for("the goodbye", |s| s.contains("The workshop has ended"));
}
