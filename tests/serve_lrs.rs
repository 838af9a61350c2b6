//! `kruispunt serve --lrs` end to end: the real server sending to a real LRS (Ralph, see
//! tests/lrs_support), a trainee on the real OpenSSH client in tmux who joins, opens the
//! scenario, makes a choice and leaves. Their statements reach Ralph while the server runs,
//! with the trainee named as `xapi export --workshop` names them, so a later `xapi send
//! --workshop` has nothing left to send.
//!
//! Skipped, with a message, when `tmux` or `ssh` is not installed; in CI (`CI` set) that is
//! a failure instead (.ci/run installs both, and Ralph).

#![cfg(unix)]
// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;
mod lrs_support;
mod tmux_support;

use binary_support::{Run, command};
use lrs_support::{PASSWORD, Ralph, USERNAME};
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tmux_support::Tmux;

const PATIENCE: Duration = Duration::from_secs(20);
const CODE: &str = "tulp-42";

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

fn course() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course")
}

/// `command` with this test's LRS settings only.
fn with_lrs<'a>(command: &'a mut Command, data: &Path, endpoint: &str) -> &'a mut Command {
    command
        .env("KRUISPUNT_LRS_ENDPOINT", endpoint)
        .env("KRUISPUNT_LRS_USERNAME", USERNAME)
        .env("KRUISPUNT_LRS_PASSWORD", PASSWORD)
        .env("KRUISPUNT_LRS_CONFIG", data.join("no-lrs.json"))
        .env_remove("KRUISPUNT_XAPI_SALT")
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(course())
}

/// `kruispunt serve --lrs` on a free port; its port, read from the start message.
struct Server {
    child: Child,
    port: u16,
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Server {
    /// The [`Server`] that holds the child kills and waits for it (Drop).
    #[allow(clippy::zombie_processes)]
    fn start(data: &Path, log: &Path, endpoint: &str) -> Self {
        let log = std::fs::File::create(log).unwrap();
        let mut serve = command([
            "serve",
            "--lrs",
            "--port",
            "0",
            "--code",
            CODE,
            "--workshop",
            "w1",
        ]);
        let mut child = with_lrs(&mut serve, data, endpoint)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        loop {
            let mut line = String::new();
            assert!(
                stdout.read_line(&mut line).unwrap() > 0,
                "the server ended before saying its address"
            );
            if let Some((_, port)) = line.split_once(": 127.0.0.1:") {
                let port = port.trim().parse().unwrap();
                return Self {
                    child,
                    port,
                    _stdout: stdout,
                };
            }
        }
    }

    fn terminate(&mut self) -> Option<i32> {
        let pid = libc::pid_t::try_from(self.child.id()).unwrap();
        // SAFETY: kill(2) with the id of the child this test started and still holds.
        unsafe {
            libc::kill(pid, libc::SIGTERM);
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
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

/// The statements `xapi export --workshop w1` makes.
fn exported(data: &Path) -> Vec<Value> {
    let run = Run::of(with_lrs(
        &mut command(["xapi", "export", "--workshop", "w1"]),
        data,
        "http://127.0.0.1:9/unused/",
    ))
    .exits(0);
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The ids Ralph holds for the registrations of `statements`.
fn stored_ids(ralph: &Ralph, statements: &[Value]) -> BTreeSet<String> {
    let registrations: BTreeSet<&str> = statements
        .iter()
        .map(|s| s["context"]["registration"].as_str().unwrap())
        .collect();
    registrations
        .into_iter()
        .flat_map(|r| ralph.statements(&format!("registration={r}")))
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_trainees_records_reach_the_lrs_while_the_server_runs() {
    if !tools_installed() {
        return;
    }
    let ralph = Ralph::start();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let log = dir.path().join("server.err");
    let mut server = Server::start(&data, &log, &ralph.endpoint());
    let ssh = format!(
        "ssh -F /dev/null -p {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
         -o PreferredAuthentications=password,keyboard-interactive -o NumberOfPasswordPrompts=1 \
         anna@127.0.0.1; echo \"EXITED $?\"; sleep 60",
        server.port
    );
    let anna = Tmux::start(dir.path(), "trainee", (100, 30), &ssh, PATIENCE);
    anna.wait_for("ssh's password prompt", |s| s.contains("password:"));
    anna.key(CODE);
    anna.key("Enter");
    anna.wait_for("the join screen", |s| s.contains("Type your name"));
    anna.key("anna");
    anna.key("Enter");
    anna.wait_for("the home screen", |s| s.contains("Overview"));
    for _ in 0..3 {
        anna.key("Down");
    }
    anna.key("Enter");
    anna.wait_for("the scenario's briefing", |s| s.contains("Your goal"));
    anna.key("Enter");
    anna.wait_for("the first answers", |s| s.contains("Your answer"));
    anna.key("1");
    anna.wait_for("the choice's effect", |s| s.contains("Trust"));
    anna.key("q");
    anna.wait_for("ssh to end", |s| s.contains("EXITED 0"));

    // Anna left (her profile is free); the server still runs, and has sent her records.
    let expected = exported(&data);
    let ids: BTreeSet<String> = expected
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    let verbs: BTreeSet<&str> = expected
        .iter()
        .map(|s| {
            s["verb"]["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        })
        .collect();
    assert!(verbs.contains("responded"), "{verbs:?}");
    assert!(
        expected
            .iter()
            .all(|s| s["actor"]["account"]["name"] == "anna")
    );
    let deadline = Instant::now() + PATIENCE;
    while stored_ids(&ralph, &expected) != ids {
        assert!(
            Instant::now() < deadline,
            "Ralph has {:?} of {ids:?}; the log:\n{}",
            stored_ids(&ralph, &expected),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(server.terminate(), Some(0));
    // The same ids as `send --workshop` makes: the ledger has them all.
    let send = Run::of(with_lrs(
        &mut command(["xapi", "send", "--workshop", "w1"]),
        &data,
        &ralph.endpoint(),
    ))
    .exits(0);
    assert!(
        send.stdout
            .starts_with("sent 0, already there 0, rejected 0; 0 waiting"),
        "{}",
        send.stdout
    );
}
