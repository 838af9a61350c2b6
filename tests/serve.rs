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

mod binary_support;
mod serve_support;
mod tmux_support;

use serve_support::{CODE, Client, PATIENCE, Server};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn tools_installed() -> bool {
    serve_support::tools_installed(&[])
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
