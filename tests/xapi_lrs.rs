//! `kruispunt xapi send` against a real LRS: Ralph with its file-system backend
//! (tests/lrs_support), fed by the real binary from a scripted plain-mode run
//! (tests/xapi_support). What the LRS stores is read back and compared with what
//! `xapi export` writes; sending twice, an LRS that stops halfway, wrong passwords, TLS
//! failures, nonsense answers and a history of thousands of statements.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;
mod lrs_support;
mod tui_support;
mod xapi_support;

use binary_support::{Run, command};
use lrs_support::{PASSWORD, Ralph, USERNAME, fake_lrs, free_port};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use xapi_support::{PROFILE, REFLECTION_LINE, fixture, lines, scripted_profile, sent_summary};

/// `kruispunt xapi send` of the scripted profile in `data` to `endpoint`, with the test
/// user's password in a file (or `password`), no LRS settings from the machine.
fn send(data: &Path, endpoint: &str, password: &str, extra: &[&str]) -> std::process::Command {
    let secret = data.join("lrs-password");
    std::fs::write(&secret, format!("{password}\n")).unwrap();
    let mut command = command(["xapi", "send", "--profile", PROFILE]);
    for variable in [
        "KRUISPUNT_LRS_ENDPOINT",
        "KRUISPUNT_LRS_USERNAME",
        "KRUISPUNT_LRS_PASSWORD",
        "KRUISPUNT_XAPI_SALT",
    ] {
        command.env_remove(variable);
    }
    command
        .env("KRUISPUNT_LRS_CONFIG", data.join("no-lrs.json"))
        .args(["--endpoint", endpoint, "--username", USERNAME])
        .arg("--password-file")
        .arg(&secret)
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(fixture())
        .args(extra);
    command
}

/// The statements `xapi export` writes for the scripted profile in `data`.
fn exported(data: &Path) -> Vec<Value> {
    let run = Run::of(
        command(["xapi", "export", "--profile", PROFILE])
            .env_remove("KRUISPUNT_XAPI_SALT")
            .arg("--data-dir")
            .arg(data)
            .arg("--course")
            .arg(fixture()),
    )
    .exits(0);
    lines(&run.stdout)
}

#[test]
fn a_scripted_run_is_stored_by_ralph_as_exported() {
    let ralph = Ralph::start();
    let data = scripted_profile();
    let expected = exported(data.path());
    let run = Run::of(&mut send(data.path(), &ralph.endpoint(), PASSWORD, &[])).exits(0);
    assert_eq!(
        sent_summary(&run),
        (expected.len(), 0, 0, 0),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains(PASSWORD) && !run.stderr.contains(PASSWORD));

    let stored = ralph.stored(&expected);
    assert_eq!(stored.len(), expected.len());
    for statement in &expected {
        let id = statement["id"].as_str().unwrap();
        let back = &stored[id];
        for field in ["verb", "object", "result", "actor"] {
            assert_eq!(back[field], statement[field], "{field} of {id}");
        }
        for field in [
            "registration",
            "extensions",
            "contextActivities",
            "language",
        ] {
            assert_eq!(
                back["context"][field], statement["context"][field],
                "context.{field} of {id}"
            );
        }
    }
    let verbs: BTreeSet<&str> = stored
        .values()
        .map(|s| {
            s["verb"]["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        })
        .collect();
    let all = [
        "answered",
        "completed",
        "experienced",
        "initialized",
        "launched",
        "responded",
        "terminated",
    ];
    assert_eq!(verbs, all.into_iter().collect());
    let everything = serde_json::to_string(&stored).unwrap();
    assert!(!everything.contains(REFLECTION_LINE));
}

#[test]
fn sending_twice_stores_everything_once() {
    let ralph = Ralph::start();
    let data = scripted_profile();
    let expected = exported(data.path());
    let first = Run::of(&mut send(data.path(), &ralph.endpoint(), PASSWORD, &[])).exits(0);
    assert_eq!(sent_summary(&first).0, expected.len());
    let posts = ralph.posts();

    // The ledger: nothing is offered again, no request is made.
    let second = Run::of(&mut send(data.path(), &ralph.endpoint(), PASSWORD, &[])).exits(0);
    assert_eq!(sent_summary(&second), (0, 0, 0, 0), "{}", second.stdout);
    assert_eq!(ralph.posts(), posts);

    // Without the ledger, the LRS's own answer to known ids (409, or 204 when the batch
    // is identical to what it has): counted as already there, stored once.
    std::fs::remove_file(data.path().join("xapi/sent-ids.txt")).unwrap();
    let third = Run::of(&mut send(data.path(), &ralph.endpoint(), PASSWORD, &[])).exits(0);
    assert_eq!(
        sent_summary(&third),
        (0, expected.len(), 0, 0),
        "{}",
        third.stdout
    );
    assert_eq!(ralph.stored(&expected).len(), expected.len());
}

#[test]
fn an_lrs_that_stops_halfway_gets_the_rest_exactly_once_after_a_restart() {
    let mut ralph = Ralph::start();
    let data = scripted_profile();
    // Enough statements that the send is still going when the server stops.
    grown_history(data.path(), 4);
    let expected = exported(data.path());
    // One statement per request, so the server can be stopped between requests.
    let child = send(
        data.path(),
        &ralph.endpoint(),
        PASSWORD,
        &["--batch-size", "1", "--attempts", "2"],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while ralph.posts() < 5 {
        assert!(Instant::now() < deadline, "no requests:\n{}", ralph.log());
        std::thread::sleep(Duration::from_millis(20));
    }
    ralph.stop();
    let first = Run::from(child.wait_with_output().unwrap()).exits(1);
    assert!(
        first
            .stderr
            .contains("could not be reached or stayed busy through 2 tries"),
        "{}",
        first.stderr
    );
    let (sent, _, _, waiting) = sent_summary(&first);
    assert!(sent >= 4 && waiting > 0, "{}", first.stdout);
    assert_eq!(sent + waiting, expected.len());
    assert!(
        first.stderr.contains("wait in the outbox"),
        "{}",
        first.stderr
    );
    let outbox = std::fs::read_to_string(data.path().join("xapi/outbox.jsonl")).unwrap();
    assert_eq!(lines(&outbox).len(), waiting);

    ralph.restart();
    let second = Run::of(&mut send(data.path(), &ralph.endpoint(), PASSWORD, &[])).exits(0);
    let (sent_now, already, refused, left) = sent_summary(&second);
    // A statement stored as the server stopped, its answer lost, comes back as a 409.
    assert_eq!((sent_now + already, refused, left), (waiting, 0, 0));
    assert!(already <= 1, "{}", second.stdout);
    assert_eq!(ralph.stored(&expected).len(), expected.len());
    let outbox = std::fs::read_to_string(data.path().join("xapi/outbox.jsonl")).unwrap();
    assert!(outbox.is_empty());
}

#[test]
fn every_statement_passes_ralphs_own_xapi_model() {
    let data = scripted_profile();
    let file = data.path().join("statements.jsonl");
    let text: String = exported(data.path())
        .iter()
        .map(|s| format!("{s}\n"))
        .collect();
    std::fs::write(&file, text).unwrap();
    let python = lrs_support::ralph().with_file_name("python3");
    let checked = std::process::Command::new(python)
        .arg("-c")
        .arg(
            "import json, sys\n\
             from ralph.models.xapi.base.statements import BaseXapiStatement\n\
             n = 0\n\
             for line in open(sys.argv[1]):\n    BaseXapiStatement.model_validate(json.loads(line)); n += 1\n\
             print(n)\n",
        )
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    let count: usize = String::from_utf8_lossy(&checked.stdout)
        .trim()
        .parse()
        .unwrap();
    assert!(count > 20, "{count}");
}

#[test]
fn a_wrong_password_is_refused_clearly_without_showing_it() {
    let ralph = Ralph::start();
    let data = scripted_profile();
    let wrong = "not-the-password-7f3a";
    let run = Run::of(&mut send(data.path(), &ralph.endpoint(), wrong, &[])).exits(1);
    assert!(
        run.stderr
            .contains("refused the user name and password (HTTP 401)"),
        "{}",
        run.stderr
    );
    for secret in [wrong, PASSWORD, USERNAME] {
        assert!(
            !run.stdout.contains(secret) && !run.stderr.contains(secret),
            "{secret} shown:\n{}{}",
            run.stdout,
            run.stderr
        );
    }
    // Nothing was lost: it all waits in the outbox.
    let (sent, _, _, waiting) = sent_summary(&run);
    assert_eq!((sent, waiting), (0, exported(data.path()).len()));
}

#[test]
fn tls_to_a_plain_port_nonsense_answers_and_no_server_are_clear_errors() {
    let data = scripted_profile();
    let (plain, _) = fake_lrs(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    let run = Run::of(&mut send(
        data.path(),
        &format!("https://127.0.0.1:{plain}/xAPI/"),
        PASSWORD,
        &[],
    ))
    .exits(1);
    assert!(
        run.stderr.contains("no secure connection to the LRS"),
        "{}",
        run.stderr
    );

    let (garbage, _) = fake_lrs(b"\x00\x01 this is not HTTP at all\r\n\r\n");
    let (not_xapi, _) = fake_lrs(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 14\r\n\r\n<html>hi</html",
    );
    for port in [garbage, not_xapi] {
        let run = Run::of(&mut send(
            data.path(),
            &format!("http://127.0.0.1:{port}/xAPI/"),
            PASSWORD,
            &[],
        ))
        .exits(1);
        assert!(
            run.stderr
                .contains("answered something that is not an xAPI answer"),
            "{}",
            run.stderr
        );
    }

    let nobody = free_port();
    let run = Run::of(&mut send(
        data.path(),
        &format!("http://127.0.0.1:{nobody}/xAPI/"),
        PASSWORD,
        &["--attempts", "2"],
    ))
    .exits(1);
    assert!(
        run.stderr
            .contains("could not be reached or stayed busy through 2 tries"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(PASSWORD));
}

/// A copy of the scripted profile in `data` with its scenario played `copies` times more
/// (the attempts repeated): thousands of statements from a real history's shape.
fn grown_history(data: &Path, copies: usize) {
    let file: PathBuf = data.join(format!("{PROFILE}.json"));
    let mut progress: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let items = progress["items"].as_object_mut().unwrap();
    let scenario = items
        .values_mut()
        .find(|item| item["attempts"].as_array().is_some_and(|a| !a.is_empty()))
        .expect("a scenario with an attempt");
    let attempts = scenario["attempts"].as_array_mut().unwrap();
    let first = attempts[0].clone();
    for _ in 0..copies {
        attempts.push(first.clone());
    }
    std::fs::write(&file, serde_json::to_string(&progress).unwrap()).unwrap();
}

#[test]
fn a_huge_history_goes_in_bounded_batches() {
    let ralph = Ralph::start();
    let data = scripted_profile();
    grown_history(data.path(), 300);
    let expected = exported(data.path());
    assert!(expected.len() >= 2_500, "{}", expected.len());
    let run = Run::of(&mut send(data.path(), &ralph.endpoint(), PASSWORD, &[])).exits(0);
    assert_eq!(
        sent_summary(&run),
        (expected.len(), 0, 0, 0),
        "{}",
        run.stdout
    );
    // 100 per request: no more requests than that takes, and Ralph has them all.
    assert_eq!(ralph.posts(), expected.len().div_ceil(100));
    let ids: BTreeSet<String> = ralph
        .statements("")
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), expected.len());
}
