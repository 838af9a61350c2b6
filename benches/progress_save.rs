//! One atomic save of a profile holding 50 scenario attempts, fsyncs included: write the
//! temporary file, fsync, keep the backup, rename, fsync the directory.

// Bench setup fails loudly by design: a broken fixture stops the run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use kruispunt::course::ids::{ChoiceId, ItemId, NodeId, SceneId, VarId};
use kruispunt::progress::{
    AttemptEnding, ChoiceTaken, CourseStamp, EndingOutcome, ItemStatus, ProfileName, ProfileStore,
    Progress, ReflectionText, ScenarioAttempt, Timestamp,
};
use std::hint::black_box;

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
        let item = progress.item_mut(&ItemId(format!("scenario-{}", a % 5)));
        item.status = ItemStatus::Completed;
        item.attempts.push(ScenarioAttempt {
            choices: (0..12)
                .map(|n| ChoiceTaken {
                    node: NodeId(format!("node-{n}")),
                    choice: ChoiceId(format!("choice-{}", (n + a) % 3)),
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
        let item = progress.item_mut(&ItemId(format!("lesson-{l}")));
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

criterion_group!(benches, save);
criterion_main!(benches);
