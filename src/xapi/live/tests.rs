//! The live sender against a stub LRS on a localhost port: what is accepted goes to the
//! ledger, what fails stays in the outbox with one notice per streak, a busy worker never
//! holds up the hand-over, and `finish` is bounded.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::course::ids::OptionId;
use crate::course::ids::{ItemId, SceneId};
use crate::course::{ValidateOptions, load_course};
use crate::progress::{CourseStamp, ItemStatus, QuizRecord, SceneProgress, Timestamp};
use crate::xapi::client::HttpPoster;
use crate::xapi::lrs::{LrsSettings, Password};
use crate::xapi::outbox::Outbox;
use crate::xapi::statements;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::atomic::{AtomicU16, AtomicUsize};
use std::time::Instant;

const WELCOME: &str = "welkom-op-het-kruispunt";

fn course() -> Arc<Course> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    Arc::new(
        load_course(Some(&dir), ValidateOptions::default())
            .expect("the fixture loads")
            .course,
    )
}

/// The welcome lesson opened, with its first `scenes` scenes read.
fn history(course: &Course, scenes: usize) -> Progress {
    let mut progress = Progress::new(CourseStamp::of(course), Timestamp(1_000));
    let welcome = progress.item_mut(&ItemId::from(WELCOME));
    welcome.status = ItemStatus::InProgress;
    for scene in ["waarom", "getuigenis-dalia", "eigen-beeld"]
        .into_iter()
        .take(scenes)
    {
        welcome.lesson.scenes.insert(
            SceneId::from(scene),
            SceneProgress {
                visited: true,
                ..SceneProgress::default()
            },
        );
    }
    progress
}

/// A stub LRS: answers every POST with `status` (200 with the ids of the batch), keeps the
/// statements it stored.
struct StubLrs {
    port: u16,
    status: Arc<AtomicU16>,
    stored: Arc<Mutex<Vec<Value>>>,
    posts: Arc<AtomicUsize>,
}

impl StubLrs {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let status = Arc::new(AtomicU16::new(200));
        let stored = Arc::new(Mutex::new(Vec::new()));
        let posts = Arc::new(AtomicUsize::new(0));
        let (answer, keep, count) = (Arc::clone(&status), Arc::clone(&stored), Arc::clone(&posts));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let mut reader = BufReader::new(stream);
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        break;
                    }
                    let lower = line.to_ascii_lowercase();
                    if let Some(value) = lower.strip_prefix("content-length:") {
                        length = value.trim().parse().unwrap_or(0);
                    }
                    if line == "\r\n" {
                        break;
                    }
                }
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                count.fetch_add(1, Ordering::SeqCst);
                let status = answer.load(Ordering::SeqCst);
                let reply = if status == 200 {
                    let batch: Vec<Value> = serde_json::from_slice(&body).unwrap();
                    let ids: Vec<Value> = batch.iter().map(|s| s["id"].clone()).collect();
                    lock(&keep).extend(batch);
                    Value::Array(ids).to_string()
                } else {
                    "{\"detail\": \"down for maintenance\"}".to_owned()
                };
                let mut stream = reader.into_inner();
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{reply}",
                    reply.len()
                );
            }
        });
        Self {
            port,
            status,
            stored,
            posts,
        }
    }

    fn poster(&self) -> Box<dyn Poster + Send> {
        poster_for(&format!("http://127.0.0.1:{}/xAPI/", self.port))
    }

    fn stored_ids(&self) -> Vec<String> {
        lock(&self.stored)
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect()
    }
}

fn poster_for(endpoint: &str) -> Box<dyn Poster + Send> {
    let lrs = LrsSettings {
        endpoint: Some(endpoint.to_owned()),
        username: Some("test".to_owned()),
        password: Some(Password::new("secret".to_owned())),
    }
    .complete()
    .unwrap();
    Box::new(HttpPoster::with_connect_timeout(
        &lrs,
        REQUEST_TIMEOUT,
        CONNECT_TIMEOUT,
    ))
}

/// A live sender over a fresh data directory, posting to a stub LRS, for the bundled
/// course: the directory (kept until the test ends), the LRS, the course, the sender and
/// its link.
fn live_sender() -> (
    tempfile::TempDir,
    StubLrs,
    Arc<Course>,
    LiveSender,
    LiveLink,
) {
    let data = tempfile::tempdir().unwrap();
    let lrs = StubLrs::start();
    let course = course();
    let sender =
        LiveSender::start(data.path().to_owned(), lrs.poster(), XapiOptions::default()).unwrap();
    let link = sender.link().clone();
    (data, lrs, course, sender, link)
}

/// Waits (at most 20 s) until `done` holds.
fn eventually(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(Instant::now() < deadline, "never: {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn pending(data: &Path) -> Vec<String> {
    let outbox = Outbox::open(data).unwrap();
    outbox
        .pending()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The tries an `answered` statement counts (its result's `…/tries` extension).
fn tries(statement: &Value) -> Option<Value> {
    statement["result"]["extensions"]
        .as_object()?
        .iter()
        .find(|(iri, _)| iri.ends_with("/tries"))
        .map(|(_, n)| n.clone())
}

#[test]
fn accepted_statements_go_to_the_ledger_and_are_never_sent_twice() {
    let (data, lrs, course, sender, link) = live_sender();
    link.submit("robin", Arc::clone(&course), history(&course, 1));
    eventually("the first history is sent", || link.counts().sent > 0);
    let first = lrs.stored_ids();
    // launched, initialized, experienced
    assert_eq!(first.len(), 3, "{first:?}");
    link.submit("robin", Arc::clone(&course), history(&course, 2));
    assert_eq!(sender.finish(EXIT_GRACE), Finished::Done);
    let all = lrs.stored_ids();
    assert_eq!(all.len(), 4, "only the new scene is sent again: {all:?}");
    let unique: std::collections::BTreeSet<_> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "nothing twice");
    assert!(pending(data.path()).is_empty());
    let ledger = std::fs::read_to_string(data.path().join("xapi/sent-ids.txt")).unwrap();
    assert!(all.iter().all(|id| ledger.contains(id.as_str())));
    assert!(!link.take_notice());
}

#[test]
fn a_failing_lrs_keeps_the_statements_in_the_outbox_with_one_notice_per_streak() {
    let (data, lrs, course, sender, link) = live_sender();
    lrs.status.store(503, Ordering::SeqCst);
    let mut records = link.records("robin", Arc::clone(&course));
    link.submit("robin", Arc::clone(&course), history(&course, 1));
    eventually("the first delivery fails", || link.counts().failures == 1);
    link.submit("robin", Arc::clone(&course), history(&course, 2));
    eventually("the second delivery fails", || link.counts().failures == 2);
    // One POST per delivery: no back-off in the live path.
    assert_eq!(lrs.posts.load(Ordering::SeqCst), 2);
    assert!(link.failing());
    assert_eq!(records.take_notice(), Some(NOTICE), "one notice");
    assert_eq!(records.take_notice(), None, "not one per failure");
    lrs.status.store(200, Ordering::SeqCst);
    link.submit("robin", Arc::clone(&course), history(&course, 3));
    eventually("delivered after the LRS is back", || {
        link.counts().sent == 5
    });
    assert!(!link.failing());
    // A new streak, a new notice.
    lrs.status.store(500, Ordering::SeqCst);
    let mut finished = history(&course, 3);
    finished.item_mut(&ItemId::from(WELCOME)).status = ItemStatus::Completed;
    link.submit("robin", Arc::clone(&course), finished);
    assert_eq!(sender.finish(EXIT_GRACE), Finished::Done);
    assert_eq!(records.take_notice(), Some(NOTICE));
    // completed and terminated wait in the outbox for `xapi send`.
    assert_eq!(pending(data.path()).len(), 2);
    assert_eq!(lrs.stored_ids().len(), 5);
}

#[test]
fn handing_over_never_waits_for_a_busy_worker_and_finish_is_bounded() {
    let data = tempfile::tempdir().unwrap();
    // An LRS that accepts connections and never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!(
        "http://127.0.0.1:{}/xAPI/",
        silent.local_addr().unwrap().port()
    );
    let course = course();
    let sender = LiveSender::start(
        data.path().to_owned(),
        poster_for(&endpoint),
        XapiOptions::default(),
    )
    .unwrap();
    let link = sender.link().clone();
    link.submit("robin", Arc::clone(&course), history(&course, 1));
    eventually("the worker is busy with the first history", || {
        link.counts().jobs == 1
    });
    // The worker waits for an answer; a thousand saves are handed over meanwhile, on
    // another thread, which must finish (a blocking hand-over would never return).
    let (done, finished) = mpsc::channel();
    let handing = link.clone();
    let course2 = Arc::clone(&course);
    std::thread::spawn(move || {
        for n in 0..1000 {
            handing.submit("robin", Arc::clone(&course2), history(&course2, 1 + n % 3));
        }
        done.send(()).unwrap();
    });
    finished
        .recv_timeout(Duration::from_secs(30))
        .expect("the hand-over never blocks");
    // Only the newest history waits: older ones were replaced, not queued.
    assert_eq!(lock(&link.shared.waiting).len(), 1);
    let started = Instant::now();
    assert_eq!(
        sender.finish(Duration::from_millis(300)),
        Finished::TimedOut
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    // What was in flight is in the outbox already.
    drop(silent);
    eventually("the first history waits in the outbox", || {
        pending(data.path()).len() >= 3
    });
}

#[test]
fn a_quiz_is_sent_once_the_learner_moved_on_with_all_its_tries() {
    let (_data, lrs, course, sender, link) = live_sender();
    let quiz = |attempts, current: &str| {
        let mut progress = Progress::new(CourseStamp::of(&course), Timestamp(1_000));
        let letters = progress.item_mut(&ItemId::from("de-letters"));
        letters.status = ItemStatus::InProgress;
        letters.lesson.current_scene = Some(SceneId::from(current));
        letters.lesson.scenes.insert(
            SceneId::from("quiz-trans"),
            SceneProgress {
                visited: true,
                quiz: Some(QuizRecord {
                    first_answer: vec![OptionId::from("transseksueel")],
                    first_correct: false,
                    attempts,
                    revealed_on_request: false,
                    first_answered_at: None,
                }),
                ..SceneProgress::default()
            },
        );
        progress
    };
    // Answered wrong, still on the quiz: not sent yet.
    link.submit("robin", Arc::clone(&course), quiz(1, "quiz-trans"));
    eventually("the first history is sent", || link.counts().sent == 3);
    let answered = |stored: &[Value]| -> Vec<Value> {
        stored
            .iter()
            .filter(|s| s["verb"]["id"].as_str().unwrap().ends_with("/answered"))
            .cloned()
            .collect()
    };
    assert!(answered(&lock(&lrs.stored)).is_empty());
    // Right at the second try, and on to the next scene: sent, with both tries.
    link.submit("robin", Arc::clone(&course), quiz(2, "quiz-intersekse"));
    assert_eq!(sender.finish(EXIT_GRACE), Finished::Done);
    let sent = answered(&lock(&lrs.stored));
    assert_eq!(sent.len(), 1);
    assert_eq!(tries(&sent[0]), Some(Value::from(2)), "{}", sent[0]);
}

#[test]
fn a_session_hands_over_its_whole_history_once_then_what_changed() {
    use crate::i18n::{Localizer, UiLocale};
    use crate::session::{Command, Session};
    let (_data, lrs, course, sender, link) = live_sender();
    // Before this session: the letters lesson, opened on another day.
    let mut before = history(&course, 0);
    let letters = before.item_mut(&ItemId::from("de-letters"));
    letters.status = ItemStatus::InProgress;
    letters.lesson.scenes.insert(
        SceneId::from("quiz-trans"),
        SceneProgress {
            visited: true,
            ..SceneProgress::default()
        },
    );
    let mut session = Session::new(Arc::clone(&course), before, Localizer::new(UiLocale::En));
    session.subscribe(Box::new(link.records("robin", Arc::clone(&course))));
    session.apply(Command::Open(ItemId::from(WELCOME))).unwrap();
    session.save(None).unwrap();
    eventually("the whole history is sent", || link.counts().sent >= 6);
    session.apply(Command::NextScene).unwrap();
    let _ = session.apply(Command::AcceptNote);
    session.apply(Command::NextScene).unwrap();
    session.checkpoint(None).unwrap();
    assert_eq!(sender.finish(EXIT_GRACE), Finished::Done);
    // Exactly what the whole history at the end makes, each once.
    let expected: std::collections::BTreeSet<String> = statements(
        &course,
        session.progress(),
        "robin",
        &XapiOptions::default(),
    )
    .unwrap()
    .iter()
    .map(|s| s["id"].as_str().unwrap().to_owned())
    .collect();
    let stored = lrs.stored_ids();
    let unique: std::collections::BTreeSet<String> = stored.iter().cloned().collect();
    assert_eq!(unique.len(), stored.len(), "nothing twice: {stored:?}");
    assert_eq!(unique, expected);
    assert!(
        expected.len() > 6,
        "the later scenes are in it: {expected:?}"
    );
}

mod changes;
