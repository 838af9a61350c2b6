//! Engine steps per second on the generated 100,000-node scenario.
//!
//! One step is what a learner's turn costs the engine: the choice is applied (condition
//! checked, effects clamped, the next node entered, the path recorded) and the next node's
//! choices are evaluated. Budget: at least 2 million steps per second. Criterion reports the
//! time of a batch of `STEPS` steps; steps per second = STEPS / that time.

// Bench setup fails loudly by design: a broken fixture stops the run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kruispunt::course::{ValidateOptions, load};
use kruispunt::engine::scenario::ScenarioRun;
use kruispunt::i18n::{Localizer, UiLocale};
use kruispunt::progress::{CourseStamp, Progress, Timestamp};
use kruispunt::session::{Command, Session};
use std::hint::black_box;
use std::sync::Arc;

mod support;

const STEPS: u64 = 100_000;

fn bench_steps(c: &mut Criterion) {
    let report = load(&support::course(100_000), ValidateOptions::default());
    let course = report.course.expect("the generated course loads");
    let scenario = course.scenarios.values().next().expect("one scenario");

    let mut group = c.benchmark_group("engine");
    group.throughput(Throughput::Elements(STEPS));
    group.bench_function("steps_100k_node_scenario", |b| {
        b.iter_batched_ref(
            || ScenarioRun::new(scenario).expect("the scenario starts"),
            |run| {
                let mut turn = 0usize;
                for _ in 0..STEPS {
                    // Evaluate the current node's choices once, as a screen does, and take
                    // one of the offered ones (varying which, so every branch kind is used).
                    let mut offered = [0usize; 8];
                    let mut count = 0;
                    for choice in run.available_choices(scenario) {
                        if choice.offered && count < offered.len() {
                            offered[count] = choice.index;
                            count += 1;
                        }
                    }
                    if count == 0 {
                        run.restart(scenario).expect("restart");
                        continue;
                    }
                    turn += 1;
                    black_box(
                        run.choose(scenario, offered[turn % count])
                            .expect("offered choice"),
                    );
                }
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();

    // The end screen names the turning points of an attempt: on a very long attempt of
    // mostly weak answers this must stay interactive. Budget: under 0.5 s for 2,000
    // decisions.
    let mut long = ScenarioRun::new(scenario).expect("the scenario starts");
    for _ in 0..2_000 {
        let weak = long
            .available_choices(scenario)
            .filter(|c| c.offered)
            .last()
            .expect("a choice is offered")
            .index;
        long.choose(scenario, weak).expect("offered choice");
    }
    let mut group = c.benchmark_group("engine");
    group.sample_size(10);
    group.bench_function("turning_points_2000_decisions", |b| {
        b.iter(|| black_box(long.turning_points(scenario)))
    });
    group.finish();
}

/// Steps through the session core: the same choices as commands, each turned into events
/// and recorded in the progress by the recorder (without writing a file). Budget: at least
/// 20,000 steps per second, far below what a key press may cost.
fn bench_session_steps(c: &mut Criterion) {
    const SESSION_STEPS: u64 = 2_000;
    let report = load(&support::course(100_000), ValidateOptions::default());
    let course = Arc::new(report.course.expect("the generated course loads"));
    let scenario_id = course
        .scenarios
        .keys()
        .next()
        .expect("one scenario")
        .clone();
    let fresh = || {
        let progress = Progress::new(CourseStamp::of(&course), Timestamp(1));
        let mut session = Session::new(Arc::clone(&course), progress, Localizer::new(UiLocale::En));
        session
            .apply(Command::Open(scenario_id.clone()))
            .expect("the scenario opens");
        session
    };
    let mut group = c.benchmark_group("session");
    group.throughput(Throughput::Elements(SESSION_STEPS));
    group.sample_size(20);
    group.bench_function("steps_100k_node_scenario", |b| {
        b.iter_batched_ref(
            fresh,
            |session| {
                for turn in 0..SESSION_STEPS as usize {
                    let choice = session.scenario().and_then(|(scenario, run)| {
                        let offered = run.offered_in_order(scenario);
                        let index = *offered.get(turn % offered.len().max(1))?;
                        let node = scenario.node(run.current());
                        match &node.step {
                            kruispunt::course::checked::Step::Choices(choices) => {
                                Some(choices[index].id.clone())
                            }
                            _ => None,
                        }
                    });
                    let command = match choice {
                        Some(choice) => Command::Choose {
                            choice,
                            tally: None,
                        },
                        None => Command::Replay,
                    };
                    black_box(session.apply(command).expect("a step"));
                }
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_steps, bench_session_steps);
criterion_main!(benches);
