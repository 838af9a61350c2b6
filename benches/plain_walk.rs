//! A scripted walk in plain mode through the real session, saving to a real profile on disk
//! after every step (fsyncs included), as `kruispunt --plain` does.
//!
//! The learner plays a generated conversation of 40 nodes to an ending, plays it again, and
//! so on: every answer and every replay is a step, and the history of attempts grows as the
//! walk goes on. Budget: a walk of 4,000 steps takes at most 4.5 times a walk of 1,000 steps
//! (saving a step must not cost more as the history grows).

// Bench setup fails loudly by design: a broken fixture stops the run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use kruispunt::course::{Course, ValidateOptions, load};
use kruispunt::i18n::{Localizer, UiLocale};
use kruispunt::progress::{CourseStamp, ProfileName, ProfileStore};
use std::sync::Arc;

mod support;

/// The script: open the first item, start the conversation, then always the first answer
/// offered (`1`), which at an ending means "play again". Every line after the first two is
/// a step that is saved.
fn script(steps: usize) -> Vec<u8> {
    "1\n".repeat(steps + 2).into_bytes()
}

fn walk(course: &Arc<Course>, opened: kruispunt::progress::OpenedProfile, input: &[u8]) {
    let mut i18n = Localizer::new(UiLocale::En);
    i18n.set_course_default(course.default_locale.clone());
    let left = kruispunt::plain::run(
        Arc::clone(course),
        i18n,
        opened.progress,
        &[],
        Some(&opened.session),
        input,
        std::io::sink(),
    )
    .expect("the walk runs");
    assert!(!left.items.is_empty(), "the walk recorded its steps");
}

fn plain_walk(c: &mut Criterion) {
    let report = load(&support::course(40), ValidateOptions::default());
    let course = Arc::new(report.course.expect("the generated course loads"));
    let name = ProfileName::new("walk").expect("valid name");
    let mut group = c.benchmark_group("plain_walk");
    group.sample_size(10);
    for steps in [1_000usize, 4_000] {
        let input = script(steps);
        group.bench_function(BenchmarkId::from_parameter(format!("{steps}_steps")), |b| {
            b.iter_batched(
                || {
                    // A new profile for every walk, opened (and created) before the timing.
                    let dir = tempfile::TempDir::new().expect("temporary data directory");
                    let opened = ProfileStore::new(dir.path())
                        .open(&name, &CourseStamp::of(&course))
                        .expect("the profile opens");
                    (dir, opened)
                },
                |(dir, opened)| {
                    walk(&course, opened, &input);
                    dir
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, plain_walk);
criterion_main!(benches);
