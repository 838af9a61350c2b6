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
mod serve_support;
mod tmux_support;

use binary_support::{Run, command};
use lrs_support::{PASSWORD, Ralph, USERNAME};
use serde_json::Value;
use serve_support::{Client, PATIENCE, Server};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// `command` with this test's LRS settings only: the test's Ralph, and neither a
/// settings file nor a salt from the machine.
fn lrs_settings<'a>(command: &'a mut Command, data: &Path, endpoint: &str) -> &'a mut Command {
    command
        .env("KRUISPUNT_LRS_ENDPOINT", endpoint)
        .env("KRUISPUNT_LRS_USERNAME", USERNAME)
        .env("KRUISPUNT_LRS_PASSWORD", PASSWORD)
        .env("KRUISPUNT_LRS_CONFIG", data.join("no-lrs.json"))
        .env_remove("KRUISPUNT_XAPI_SALT")
}

/// `command` with this test's LRS settings, data directory and course.
fn with_lrs<'a>(command: &'a mut Command, data: &Path, endpoint: &str) -> &'a mut Command {
    lrs_settings(command, data, endpoint)
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(serve_support::course())
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
    if !serve_support::tools_installed(&[]) {
        return;
    }
    let ralph = Ralph::start();
    let endpoint = ralph.endpoint();
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start_with(dir, "en", move |serve, data| {
        lrs_settings(serve.arg("--lrs"), data, &endpoint);
    });
    let data = server.data_dir.clone();
    let anna = Client::connect(&server, "anna", &[], &[]);
    anna.join("anna");
    anna.choose_in_scenario("1");
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
            server.log()
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
