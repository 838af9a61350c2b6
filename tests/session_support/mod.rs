//! What the session tests share: a subscriber that keeps what it hears, the progress
//! without its times, and a way to play a scenario through a session.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use kruispunt::course::checked::Step;
use kruispunt::course::ids::ItemId;
use kruispunt::progress::Progress;
use kruispunt::session::{Command, Event, EventKind, Session, Subscriber, World};
use serde_json::Value;
use std::sync::{Arc, Mutex};

/// A subscriber that keeps what it hears, shared with the test.
#[derive(Debug, Clone, Default)]
pub struct Ear(pub Arc<Mutex<Vec<Event>>>);

impl Subscriber for Ear {
    fn on_event(&mut self, event: &Event, _world: &World<'_>) {
        self.0.lock().expect("not poisoned").push(event.clone());
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Ear {
    /// What happened: item, attempt and kind, in order. Without the time (each front end
    /// reads its own clock) and without the saves (when to save is the front end's
    /// business; what is saved is the same).
    pub fn heard(&self) -> Vec<(Option<ItemId>, Option<u32>, EventKind)> {
        self.0
            .lock()
            .expect("not poisoned")
            .iter()
            .filter(|e| !matches!(e.kind, EventKind::Saved | EventKind::SaveFailed { .. }))
            .map(|e| (e.item.clone(), e.attempt, e.kind.clone()))
            .collect()
    }
}

/// The progress without its times (a front end reads the clock; a direct run does not).
pub fn timeless(progress: &Progress) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    if key == "at" || key.ends_with("_at") {
                        *v = Value::Null;
                    } else {
                        strip(v);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(progress).expect("progress serialises");
    strip(&mut value);
    value
}

/// Plays the scenario open in `session` with the first answer shown, until it ends or
/// `limit` choices were taken.
pub fn play(session: &mut Session, limit: usize) {
    for _ in 0..limit {
        let choice = session.scenario().and_then(|(scenario, run)| {
            let index = *run.offered_in_order(scenario).first()?;
            match &scenario.node(run.current()).step {
                Step::Choices(c) => Some(c[index].id.clone()),
                _ => None,
            }
        });
        let Some(choice) = choice else { return };
        session
            .apply(Command::Choose {
                choice,
                tally: None,
            })
            .expect("an offered choice");
    }
}
