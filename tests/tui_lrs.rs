//! `kruispunt --lrs` in a real terminal (tmux) with the LRS unreachable: the course runs as
//! usual, the status line says once that the learning records could not be sent, the
//! program ends at once and does not say it again, and the statements wait in the outbox.
//!
//! Skipped, with a message, when `tmux` is not installed (in CI that fails instead).

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tmux_support;

use std::net::TcpListener;
use std::path::Path;
use std::time::Duration;
use tmux_support::Tmux;

const PATIENCE: Duration = Duration::from_secs(10);
const NOTICE: &str = "Learning records could not be sent";

/// `path` in single quotes for sh.
fn quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', r"'\''"))
}

#[test]
fn an_unreachable_lrs_is_told_once_on_the_status_line_and_the_records_wait() {
    if !tmux_support::installed() {
        return;
    }
    // A port nothing listens on: every connection is refused.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    let script = dir.path().join("run.sh");
    std::fs::write(
        &script,
        format!(
            "unset NO_COLOR LANGUAGE LC_ALL LC_MESSAGES LANG KRUISPUNT_XAPI_SALT\n\
             export KRUISPUNT_DATA_DIR={data} KRUISPUNT_LANG=en TERM=xterm-256color\n\
             export KRUISPUNT_LRS_ENDPOINT=http://127.0.0.1:{port}/xAPI/\n\
             export KRUISPUNT_LRS_USERNAME=trainer KRUISPUNT_LRS_PASSWORD=secret-word\n\
             export KRUISPUNT_LRS_CONFIG={config}\n\
             {bin} --lrs --course {course}\n\
             echo \"RESTORED $?\"\n\
             sleep 30\n",
            data = quote(&data),
            config = quote(&dir.path().join("no-lrs.json")),
            bin = quote(Path::new(env!("CARGO_BIN_EXE_kruispunt"))),
            course = quote(&course),
        ),
    )
    .unwrap();
    let session = Tmux::start(
        dir.path(),
        "lrs",
        (100, 30),
        &format!("sh {}", quote(&script)),
        PATIENCE,
    );
    session.wait_for("the home screen", |s| s.contains("Overview"));
    session.key("Enter");
    let told = session.wait_for("the notice on the status line", |s| {
        s.contains("Welcome to the crossroads") && s.contains(NOTICE)
    });
    assert_eq!(told.matches(NOTICE).count(), 1, "{told}");
    assert!(!told.contains("secret-word"), "{told}");
    session.key("Right");
    session.wait_for("the next scene, the notice gone", |s| {
        s.contains("Welcome to the crossroads") && !s.contains(NOTICE)
    });
    session.key("q");
    let after = session.wait_for("the program to end", |s| s.contains("RESTORED"));
    assert!(after.contains("RESTORED 0"), "{after}");
    // Still failing, the same streak: not said again on the way out.
    assert!(!after.contains(NOTICE), "{after}");
    let outbox = std::fs::read_to_string(data.join("xapi/outbox.jsonl")).unwrap();
    let verbs: Vec<String> = outbox
        .lines()
        .map(|line| {
            let statement: serde_json::Value = serde_json::from_str(line).unwrap();
            let verb = statement["verb"]["id"].as_str().unwrap();
            verb.rsplit('/').next().unwrap().to_owned()
        })
        .collect();
    // The lesson opened, and its first two scenes read.
    assert_eq!(
        verbs,
        ["launched", "initialized", "experienced", "experienced"],
        "{outbox}"
    );
}
