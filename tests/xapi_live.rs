//! Live sending (`kruispunt --plain --lrs`) against a real LRS: Ralph with its file-system
//! backend (tests/lrs_support), fed by the real binary while a scripted plain-mode run
//! goes on (the script of tests/xapi_support). What Ralph stores is compared with what
//! `xapi export` makes of the same history; with Ralph stopped the run still ends at once,
//! says so once, and a later `xapi send` delivers exactly the rest.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;
mod lrs_support;
mod tui_support;
mod xapi_support;

use binary_support::{Run, command};
use lrs_support::{PASSWORD, Ralph, USERNAME};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use xapi_support::{PROFILE, fixture, lines, script_parts, sent_summary};

/// The notice of a failed delivery, in English.
const NOTICE: &str = "Learning records could not be sent; they are kept and sent later";

/// `kruispunt` with the LRS settings of this test only: `endpoint` and the test user in
/// `KRUISPUNT_LRS_*`, no config file, no salt.
fn with_lrs(mut command: Command, data: &Path, endpoint: &str) -> Command {
    command
        .env("KRUISPUNT_LRS_ENDPOINT", endpoint)
        .env("KRUISPUNT_LRS_USERNAME", USERNAME)
        .env("KRUISPUNT_LRS_PASSWORD", PASSWORD)
        .env("KRUISPUNT_LRS_CONFIG", data.join("no-lrs.json"))
        .env_remove("KRUISPUNT_XAPI_SALT")
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(fixture());
    command
}

/// The scripted plain-mode run with `--lrs`, fed `input`, then `more` once `between` says
/// so (it is called again and again while the course waits for input); how long it took.
fn live_run_in_two(
    data: &Path,
    endpoint: &str,
    input: &str,
    between: impl Fn() -> bool,
    more: &str,
) -> (Run, Duration) {
    let started = Instant::now();
    let mut child = with_lrs(
        command(["--plain", "--lrs", "--profile", PROFILE]),
        data,
        endpoint,
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(input.as_bytes());
    let deadline = Instant::now() + Duration::from_secs(60);
    while !between() {
        assert!(
            Instant::now() < deadline,
            "never happened while the course ran"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = stdin.write_all(more.as_bytes());
    drop(stdin);
    let run = Run::from(child.wait_with_output().unwrap()).exits(0);
    (run, started.elapsed())
}

/// The scripted plain-mode run with `--lrs`, fed `input`; how long it took.
fn live_run(data: &Path, endpoint: &str, input: &str) -> (Run, Duration) {
    live_run_in_two(data, endpoint, input, || true, "")
}

/// The ids in the ledger of statements the LRS accepted.
fn ledger(data: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(data.join("xapi/sent-ids.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The statements `xapi export` makes of the profile in `data`.
fn exported(data: &Path) -> Vec<Value> {
    let run = Run::of(&mut with_lrs(
        command(["xapi", "export", "--profile", PROFILE]),
        data,
        "http://127.0.0.1:9/unused/",
    ))
    .exits(0);
    lines(&run.stdout)
}

/// `xapi send` of the profile in `data`: sent, already there, rejected, waiting.
fn send(data: &Path, endpoint: &str) -> (usize, usize, usize, usize) {
    sent_summary(&Run::of(&mut with_lrs(
        command(["xapi", "send", "--profile", PROFILE]),
        data,
        endpoint,
    )))
}

/// The verbs of `statements` (the last part of their IRI), counted.
fn verbs<'a>(statements: impl IntoIterator<Item = &'a Value>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for statement in statements {
        let verb = statement["verb"]["id"].as_str().unwrap();
        *out.entry(verb.rsplit('/').next().unwrap().to_owned())
            .or_default() += 1;
    }
    out
}

#[test]
fn a_live_run_is_stored_by_ralph_as_it_goes_without_anything_twice() {
    let ralph = Ralph::start();
    let data = tempfile::tempdir().unwrap();
    let (letters, rest) = script_parts();
    // The letters lesson, then the course waits for input until the LRS has accepted
    // statements: they are sent while the course runs, not at its end.
    let (run, _) = live_run_in_two(
        data.path(),
        &ralph.endpoint(),
        &letters,
        || !ledger(data.path()).is_empty(),
        &rest,
    );
    assert!(
        run.stdout.contains("Progress: 3 of 3 parts done."),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains(NOTICE) && !run.stderr.contains(NOTICE));
    assert!(!run.stdout.contains(PASSWORD) && !run.stderr.contains(PASSWORD));
    let expected = exported(data.path());
    let sent_live = ledger(data.path());
    // What the ledger says was accepted is in the LRS, as the whole history makes it (a
    // quiz answered wrong first is sent with both tries).
    let live = ralph.stored(&expected);
    assert!(!sent_live.is_empty());
    for id in &sent_live {
        assert!(live.contains_key(id), "{id} in the ledger, not in the LRS");
    }
    for statement in &expected {
        let id = statement["id"].as_str().unwrap();
        let Some(back) = live.get(id) else { continue };
        for field in ["verb", "object", "result", "actor"] {
            assert_eq!(back[field], statement[field], "{field} of {id}");
        }
    }
    // The course ended within its bound: what was still in flight then is delivered by
    // `send`, nothing twice (at most the batch in flight at the end is there already).
    let ids: BTreeSet<&str> = expected.iter().map(|s| s["id"].as_str().unwrap()).collect();
    let rest = ids.len() - sent_live.len();
    let (sent, already, rejected, waiting) = send(data.path(), &ralph.endpoint());
    assert_eq!((sent + already, rejected, waiting), (rest, 0, 0));
    let stored = ralph.stored(&expected);
    let back: BTreeSet<&str> = stored.keys().map(String::as_str).collect();
    assert_eq!(back, ids);
    assert_eq!(verbs(stored.values()), verbs(&expected));
    for verb in [
        "launched",
        "initialized",
        "experienced",
        "answered",
        "responded",
        "completed",
        "terminated",
    ] {
        assert!(verbs(&expected).contains_key(verb), "{verb}");
    }
    // The ledger knows them all now: another `send` has nothing to do.
    assert_eq!(send(data.path(), &ralph.endpoint()), (0, 0, 0, 0));
}

#[test]
fn with_the_lrs_stopped_the_run_ends_at_once_says_so_once_and_send_delivers_the_rest() {
    let mut ralph = Ralph::start();
    let data = tempfile::tempdir().unwrap();
    let (letters, rest) = script_parts();
    // The first lesson while Ralph is up.
    let (first, _) = live_run_in_two(
        data.path(),
        &ralph.endpoint(),
        &letters,
        || !ledger(data.path()).is_empty(),
        "q\n",
    );
    assert!(!first.stdout.contains(NOTICE) && !first.stderr.contains(NOTICE));
    let letters_statements = exported(data.path());
    let live = ralph.stored(&letters_statements);
    for id in ledger(data.path()) {
        assert!(live.contains_key(&id), "{id} in the ledger, not in the LRS");
    }
    // The rest while it is away.
    ralph.stop();
    let (second, took) = live_run(data.path(), &ralph.endpoint(), &rest);
    assert!(
        second.stdout.contains("Progress: 3 of 3 parts done."),
        "{}",
        second.stdout
    );
    let told = second.stdout.matches(NOTICE).count() + second.stderr.matches(NOTICE).count();
    assert_eq!(told, 1, "{}\n{}", second.stdout, second.stderr);
    // Refused connections: nothing waits for the network (a generous bound, not a budget).
    assert!(took < Duration::from_secs(20), "took {took:?}");
    let all = exported(data.path());
    let sent_live = ledger(data.path());
    assert!(all.len() > sent_live.len());
    // Back up: `send` delivers exactly what the live runs could not (at most the batch in
    // flight when the first run ended is there already), nothing twice.
    ralph.restart();
    let (sent, already, rejected, waiting) = send(data.path(), &ralph.endpoint());
    assert_eq!(
        (sent + already, rejected, waiting),
        (all.len() - sent_live.len(), 0, 0)
    );
    assert!(sent >= all.len() - letters_statements.len(), "{sent}");
    let stored = ralph.stored(&all);
    assert_eq!(stored.len(), all.len());
    assert_eq!(verbs(stored.values()), verbs(&all));
}

#[test]
fn lrs_without_an_lrs_is_refused_before_the_course_starts() {
    let data = tempfile::tempdir().unwrap();
    let run = Run::of(
        command(["--plain", "--lrs", "--profile", PROFILE])
            .env_remove("KRUISPUNT_LRS_ENDPOINT")
            .env_remove("KRUISPUNT_LRS_USERNAME")
            .env_remove("KRUISPUNT_LRS_PASSWORD")
            .env("KRUISPUNT_LRS_CONFIG", data.path().join("no-lrs.json"))
            .arg("--data-dir")
            .arg(data.path())
            .arg("--course")
            .arg(fixture())
            .stdin(Stdio::null()),
    )
    .exits(2);
    assert!(
        run.stderr.contains("--lrs needs an LRS") && run.stderr.contains("no LRS endpoint"),
        "{}",
        run.stderr
    );
    // Told the ways `--lrs` takes an endpoint: not `xapi send`'s flags.
    assert!(
        !run.stderr.contains("--endpoint") && run.stderr.contains("lrs.endpoint in kruispunt.toml"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.is_empty(),
        "the course did not start: {}",
        run.stdout
    );
    // Only the course and `serve` take it.
    let outline = Run::of(&mut command(["--lrs", "outline"])).exits(2);
    assert!(outline.stderr.contains("--lrs"), "{}", outline.stderr);
}

/// A salt for `--pseudonymise`, long enough.
const SALT: &str = "a salt of this test, long enough";

#[test]
fn pseudonymised_live_records_name_the_trainee_by_a_hash_as_send_does() {
    let ralph = Ralph::start();
    let data = tempfile::tempdir().unwrap();
    let (letters, rest) = script_parts();
    let mut child = with_lrs(
        command(["--plain", "--lrs", "--pseudonymise", "--profile", PROFILE]),
        data.path(),
        &ralph.endpoint(),
    )
    .env("KRUISPUNT_XAPI_SALT", SALT)
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(letters.as_bytes()).unwrap();
    stdin.write_all(rest.as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // What `xapi send --pseudonymise` makes of the same history, with the same salt.
    let exported = lines(
        &Run::of(
            with_lrs(
                command(["xapi", "export", "--pseudonymise", "--profile", PROFILE]),
                data.path(),
                "http://127.0.0.1:9/unused/",
            )
            .env("KRUISPUNT_XAPI_SALT", SALT),
        )
        .exits(0)
        .stdout,
    );
    let sent_live = ledger(data.path());
    assert!(!sent_live.is_empty());
    let live = ralph.stored(&exported);
    for id in &sent_live {
        let statement = live
            .get(id)
            .unwrap_or_else(|| panic!("{id} in the ledger, not in the LRS as send makes it"));
        let name = statement["actor"]["account"]["name"].as_str().unwrap();
        assert_ne!(name, PROFILE);
        assert!(
            name.len() == 64 && name.chars().all(|c| c.is_ascii_hexdigit()),
            "{name}"
        );
    }
}

#[test]
fn pseudonymise_without_a_salt_is_refused_before_the_course_starts() {
    let data = tempfile::tempdir().unwrap();
    let run = Run::of(
        with_lrs(
            command(["--plain", "--lrs", "--pseudonymise", "--profile", PROFILE]),
            data.path(),
            "http://127.0.0.1:9/unused/",
        )
        .stdin(Stdio::null()),
    )
    .exits(2);
    assert!(run.stderr.contains("KRUISPUNT_XAPI_SALT"), "{}", run.stderr);
    assert!(
        run.stdout.is_empty(),
        "the course did not start: {}",
        run.stdout
    );
    // --pseudonymise means nothing without --lrs.
    Run::of(command(["--plain", "--pseudonymise", "--profile", PROFILE]).stdin(Stdio::null()))
        .exits(2);
}
