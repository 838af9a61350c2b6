//! Saving progress, fsyncs included.
//!
//! - `progress_save_50_attempts`: one whole save (a snapshot) of a profile holding 50 scenario
//!   attempts: write the temporary file, fsync, keep the backup, rename, fsync the directory.
//! - `step_save/{10,1000}_attempts`: what one step of a learner costs to save through the
//!   session, with 10 and with 1,000 earlier attempts in the profile. Budget: the same within
//!   noise at both sizes (a step's save does not depend on the length of the history), and
//!   under 1 ms.
//! - `step_save_live/{10,1000}_attempts`: the same with live learning records on (`--lrs`)
//!   and the sender busy with an LRS that never answers. After the first save of a session
//!   (the whole history, once, not timed), a save hands the sender only the changes it
//!   wrote (the step's choice), never earlier attempts, and never waits for it. Budget: the
//!   same within noise at 10 and 1,000 attempts, and under 1 ms more than `step_save`.
//! - `step_handover_live/{10,1000}_attempts`: the trainee's side of live sending alone:
//!   `step_save_live` without a progress file, so that no fsync hides what the hand-over
//!   costs. Budget: the same within noise at 10 and 1,000 attempts, far under 1 ms.
//! - `step_deliver_live/{10,1000}_attempts`: what the sender's worker does for one step,
//!   with an LRS that answers at once: apply the step's changes to the trainee's history,
//!   make the statements of that step only, queue them in the outbox (appended, fsynced),
//!   post them, and record them (the ledger appended, the outbox emptied, both fsynced).
//!   Timed from the save to the worker being done, without a progress file. Budget: the
//!   same within noise at 10 and 1,000 attempts (it made the statements of the whole
//!   history and read the whole outbox and ledger at every step before).

// Bench setup fails loudly by design: a broken fixture stops the run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kruispunt::course::ids::{ChoiceId, ItemId, NodeId, SceneId, VarId};
use kruispunt::course::{Course, ValidateOptions, load};
use kruispunt::i18n::{Localizer, UiLocale};
use kruispunt::progress::{
    AttemptEnding, ChoiceTaken, CourseStamp, EndingOutcome, ItemStatus, OpenedProfile, ProfileName,
    ProfileStore, Progress, ReflectionText, ScenarioAttempt, Timestamp,
};
use kruispunt::session::{Command, ProgressStore, Session};
use kruispunt::xapi::XapiOptions;
use kruispunt::xapi::client::{Answer, PostFailure, Poster};
use kruispunt::xapi::live::LiveSender;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod support;

const ATTEMPTS: usize = 50;

/// A realistic profile: 50 finished attempts spread over 5 scenarios (12 choices each,
/// three variables), plus a few lessons with reflections.
fn profile_with_attempts() -> Progress {
    let course = CourseStamp {
        id: "kruispunt".into(),
        version: "1.0.0".into(),
    };
    let mut progress = Progress::new(course, Timestamp(1_774_000_000));
    for a in 0..ATTEMPTS {
        let item = progress.item_mut(&ItemId(format!("scenario-{}", a % 5).into()));
        item.status = ItemStatus::Completed;
        item.attempts.push(ScenarioAttempt {
            choices: (0..12)
                .map(|n| ChoiceTaken {
                    node: NodeId(format!("node-{n}").into()),
                    choice: ChoiceId(format!("choice-{}", (n + a) % 3).into()),
                    at: Some(Timestamp(1_800_000_000)),
                })
                .collect(),
            current_node: "ending-good".into(),
            ending: Some(AttemptEnding {
                node: "ending-good".into(),
                outcome: EndingOutcome::Good,
            }),
            variables: ["trust", "safety", "clarity"]
                .into_iter()
                .map(|v| (VarId::from(v), a as i32 % 7))
                .collect(),
            started_at: Timestamp(1_774_000_000 + a as u64 * 600),
            finished_at: Some(Timestamp(1_774_000_300 + a as u64 * 600)),
            seed: Some(a as u64),
        });
    }
    for l in 0..4 {
        let item = progress.item_mut(&ItemId(format!("lesson-{l}").into()));
        item.status = ItemStatus::InProgress;
        item.reflections.insert(
            SceneId::from("reflect"),
            ReflectionText {
                text: "Wat ik meeneem: eerst luisteren, dan pas vragen stellen. ".repeat(8),
                updated_at: Timestamp(1_774_000_000),
            },
        );
    }
    progress
}

fn save(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().expect("temporary data directory");
    let store = ProfileStore::new(dir.path());
    let course = CourseStamp {
        id: "kruispunt".into(),
        version: "1.0.0".into(),
    };
    let name = ProfileName::new("bench").expect("valid name");
    let opened = store.open(&name, &course).expect("open the bench profile");
    let progress = profile_with_attempts();
    c.bench_function("progress_save_50_attempts", |b| {
        b.iter(|| opened.session.save(black_box(&progress)).expect("save"))
    });
}

/// `attempts` finished attempts of the generated scenario `big`, as a learner who replayed
/// it that often leaves them.
fn history(course: &Course, attempts: usize) -> Progress {
    let mut progress = Progress::new(CourseStamp::of(course), Timestamp(1_774_000_000));
    let item = progress.item_mut(&ItemId::from("big"));
    item.status = ItemStatus::Completed;
    for a in 0..attempts {
        item.attempts.push(ScenarioAttempt {
            choices: (0..12)
                .map(|n| ChoiceTaken {
                    node: NodeId(format!("n{n}").into()),
                    choice: ChoiceId::from(["open", "wary", "assume"][(n + a) % 3]),
                    at: Some(Timestamp(1_800_000_000)),
                })
                .collect(),
            current_node: "end-good".into(),
            ending: Some(AttemptEnding {
                node: "end-good".into(),
                outcome: EndingOutcome::Good,
            }),
            variables: [(VarId::from("trust"), a as i32 % 50)]
                .into_iter()
                .collect(),
            started_at: Timestamp(1_774_000_000 + a as u64 * 600),
            finished_at: Some(Timestamp(1_774_000_300 + a as u64 * 600)),
            seed: Some(a as u64),
        });
    }
    progress
}

/// A session over `course` holding `progress`, with the generated scenario open.
fn open_session(course: &Arc<Course>, progress: &Progress) -> Session {
    let mut i18n = Localizer::new(UiLocale::En);
    i18n.set_course_default(course.default_locale.clone());
    let mut session = Session::new(Arc::clone(course), progress.clone(), i18n);
    session
        .apply(Command::Open(ItemId::from("big")))
        .expect("the scenario opens");
    session
}

/// One step of the learner (the first choice offered), not timed.
fn take_a_step(session: &mut Session) {
    let (scenario, run) = session.scenario().expect("the scenario is open");
    let index = run.offered_in_order(scenario)[0];
    let choice = run
        .available_choices(scenario)
        .find(|c| c.index == index)
        .expect("offered")
        .choice
        .id
        .clone();
    session
        .apply(Command::Choose {
            choice,
            tally: None,
        })
        .expect("an offered choice is taken");
}

/// The generated course the step benches play (40 nodes per scenario).
fn bench_course() -> Arc<Course> {
    let report = load(&support::course(40), ValidateOptions::default());
    Arc::new(report.course.expect("the generated course loads"))
}

/// The bench profile in `dir`, opened for `course`, holding `base` as its snapshot: the
/// store each timed save writes to.
fn saved_profile(dir: &std::path::Path, course: &Course, base: &Progress) -> OpenedProfile {
    let name = ProfileName::new("bench").expect("valid name");
    let opened = ProfileStore::new(dir)
        .open(&name, &CourseStamp::of(course))
        .expect("open the bench profile");
    opened.session.save(base).expect("the history is saved");
    opened
}

/// The save of one step, with a history of 10 and of 1,000 attempts. Only the save is timed.
/// When the conversation reaches an ending, the session starts again from the same history,
/// so the history does not grow while the bench runs.
fn step_save(c: &mut Criterion) {
    let course = bench_course();
    let mut group = c.benchmark_group("step_save");
    for attempts in [10usize, 1_000] {
        let dir = tempfile::TempDir::new().expect("temporary data directory");
        let base = history(&course, attempts);
        let opened = saved_profile(dir.path(), &course, &base);
        let profile: &dyn ProgressStore = &opened.session;
        group.bench_function(
            BenchmarkId::from_parameter(format!("{attempts}_attempts")),
            |b| {
                b.iter_custom(|iters| {
                    let mut session = open_session(&course, &base);
                    session.save(Some(profile)).expect("save");
                    let mut spent = Duration::ZERO;
                    for _ in 0..iters {
                        let ended = session
                            .scenario()
                            .is_none_or(|(scenario, run)| run.is_ended(scenario));
                        if ended {
                            session = open_session(&course, &base);
                        }
                        take_a_step(&mut session);
                        let start = Instant::now();
                        session.save(Some(profile)).expect("save");
                        spent += start.elapsed();
                    }
                    spent
                })
            },
        );
    }
    group.finish();
}

/// A poster whose LRS never answers: the live sender's worker stays busy with its first
/// batch, so what is timed is only the hand-over at each save.
struct Stalled;

impl Poster for Stalled {
    fn post(&mut self, _body: &str) -> Result<Answer, PostFailure> {
        std::thread::sleep(Duration::from_secs(3600));
        Ok(Answer::Known)
    }

    fn endpoint(&self) -> &str {
        "http://stalled.invalid/"
    }
}

/// `step_save` with live sending on (`--lrs`) and the worker busy: what a save hands over
/// (the changes it wrote) is copied, never waited for.
fn step_save_live(c: &mut Criterion) {
    let course = bench_course();
    let mut group = c.benchmark_group("step_save_live");
    for attempts in [10usize, 1_000] {
        let dir = tempfile::TempDir::new().expect("temporary data directory");
        let base = history(&course, attempts);
        let opened = saved_profile(dir.path(), &course, &base);
        let profile: &dyn ProgressStore = &opened.session;
        let sender = LiveSender::start(
            dir.path().to_owned(),
            Box::new(Stalled),
            XapiOptions::default(),
        )
        .expect("the live sender starts");
        group.bench_function(
            BenchmarkId::from_parameter(format!("{attempts}_attempts")),
            |b| {
                b.iter_custom(|iters| {
                    let live = |session: &mut Session| {
                        let records = sender.link().records("bench", Arc::clone(&course));
                        session.subscribe(Box::new(records));
                    };
                    let mut session = open_session(&course, &base);
                    live(&mut session);
                    session.save(Some(profile)).expect("save");
                    let mut spent = Duration::ZERO;
                    for _ in 0..iters {
                        let ended = session
                            .scenario()
                            .is_none_or(|(scenario, run)| run.is_ended(scenario));
                        if ended {
                            // A new session: its first save hands over the whole history,
                            // once per session, and is not a step's save.
                            session = open_session(&course, &base);
                            live(&mut session);
                            session.save(Some(profile)).expect("save");
                        }
                        take_a_step(&mut session);
                        let start = Instant::now();
                        session.save(Some(profile)).expect("save");
                        spent += start.elapsed();
                    }
                    spent
                })
            },
        );
        // The worker waits for an answer that never comes; it ends with the process.
        drop(sender);
    }
    group.finish();
}

/// `step_save_live` without a progress file: what a save costs the trainee's thread with
/// live sending on, besides writing the progress file (the recorder, and the hand-over of
/// what the save wrote to a worker that is busy).
fn step_handover_live(c: &mut Criterion) {
    let course = bench_course();
    let mut group = c.benchmark_group("step_handover_live");
    for attempts in [10usize, 1_000] {
        let dir = tempfile::TempDir::new().expect("temporary data directory");
        let base = history(&course, attempts);
        let sender = LiveSender::start(
            dir.path().to_owned(),
            Box::new(Stalled),
            XapiOptions::default(),
        )
        .expect("the live sender starts");
        let live = || {
            let mut session = open_session(&course, &base);
            let records = sender.link().records("bench", Arc::clone(&course));
            session.subscribe(Box::new(records));
            // The session's first save hands over the whole history: not a step.
            session.save(None).expect("save");
            session
        };
        group.bench_function(
            BenchmarkId::from_parameter(format!("{attempts}_attempts")),
            |b| {
                b.iter_custom(|iters| {
                    let mut session = live();
                    let mut spent = Duration::ZERO;
                    for _ in 0..iters {
                        let ended = session
                            .scenario()
                            .is_none_or(|(scenario, run)| run.is_ended(scenario));
                        if ended {
                            session = live();
                        }
                        take_a_step(&mut session);
                        let start = Instant::now();
                        session.save(None).expect("save");
                        spent += start.elapsed();
                    }
                    spent
                })
            },
        );
        // The worker waits for an answer that never comes; it ends with the process.
        drop(sender);
    }
    group.finish();
}

/// An LRS that stores every batch at once: what is timed is the worker's own work.
struct Accepting;

impl Poster for Accepting {
    fn post(&mut self, _body: &str) -> Result<Answer, PostFailure> {
        Ok(Answer::Stored)
    }

    fn endpoint(&self) -> &str {
        "http://accepting.invalid/"
    }
}

/// Waits until the worker of `sender` is done with `jobs` hand-overs.
fn worker_done(sender: &LiveSender, jobs: usize) {
    while sender.link().counts().done < jobs {
        std::thread::yield_now();
    }
}

/// The worker's side of a step with live sending on: from the save (without a progress
/// file) to the worker being done with it (statements made, queued, posted, recorded).
/// One session plays on through the whole bench, again after each ending, so every step
/// has statements the LRS does not have yet; the history grows by the attempts played (a
/// few hundred).
fn step_deliver_live(c: &mut Criterion) {
    let course = bench_course();
    let mut group = c.benchmark_group("step_deliver_live");
    for attempts in [10usize, 1_000] {
        let dir = tempfile::TempDir::new().expect("temporary data directory");
        let sender = LiveSender::start(
            dir.path().to_owned(),
            Box::new(Accepting),
            XapiOptions::default(),
        )
        .expect("the live sender starts");
        let mut session = open_session(&course, &history(&course, attempts));
        let records = sender.link().records("bench", Arc::clone(&course));
        session.subscribe(Box::new(records));
        // The first save hands over the whole history, once: not a step, not timed.
        session.save(None).expect("save");
        let mut handed = 1;
        worker_done(&sender, handed);
        group.bench_function(
            BenchmarkId::from_parameter(format!("{attempts}_attempts")),
            |b| {
                b.iter_custom(|iters| {
                    let mut spent = Duration::ZERO;
                    for _ in 0..iters {
                        let ended = session
                            .scenario()
                            .is_none_or(|(scenario, run)| run.is_ended(scenario));
                        if ended {
                            session.apply(Command::Replay).expect("played again");
                        }
                        take_a_step(&mut session);
                        let begun = Instant::now();
                        session.save(None).expect("save");
                        handed += 1;
                        worker_done(&sender, handed);
                        spent += begun.elapsed();
                    }
                    spent
                })
            },
        );
        sender.finish(Duration::from_secs(60));
    }
    group.finish();
}

criterion_group!(
    benches,
    save,
    step_save,
    step_save_live,
    step_handover_live,
    step_deliver_live
);
criterion_main!(benches);
