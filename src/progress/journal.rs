//! The progress journal: what changed since the last snapshot, one line per change, at the
//! end of the progress file itself.
//!
//! Rewriting the whole progress file at every step costs as much as the learner's history is
//! long, so a session that replays a lot slows down quadratically. Instead a step appends
//! the [`Change`]s it made to `NAME.json` (one JSON line each, written with one `write` and
//! fsynced), after the snapshot: the document the file starts with. The file is rewritten
//! whole (compacted) only now and then: on exit, when the appended lines pass
//! [`JOURNAL_COMPACT_AT`] bytes or the snapshot's size if that is larger, and when a
//! profile with appended lines is opened.
//!
//! ```text
//! {                                        ┐
//!   "schema_version": 3,                   │ the snapshot (pretty JSON)
//!   …                                      │
//! }                                        ┘
//! {"change":"lesson","at":1764000000,"item":"intro",…}                      ┐ the journal
//! {"change":"attempt","at":1764000005,"item":"talk","index":2,"choices_from":4,…}  ┘
//! ```
//! - The journal lives in the same file as the snapshot it continues, so a compaction (a new
//!   file holding only the snapshot, fsynced, renamed over the old one) replaces the
//!   snapshot and empties the journal in one atomic step: a journal can never be applied to
//!   another snapshot, or twice. The backup (`NAME.json.bak`) is the old file, lines and
//!   all.
//! - A line counts only with its newline. A crash in the middle of a write leaves a last
//!   line without one: it is ignored, and what came before stands.
//! - The lines are written in the schema version of the snapshot before them. Only the
//!   current version appends; an older file gets a new snapshot before its first line.
//! - Every change *sets* a part of the document (never "add one"), so folding a line twice
//!   changes nothing.

use super::document::{
    ItemStatus, LessonProgress, Position, Progress, ReflectionText, ScenarioAttempt, Settings,
    Timestamp,
};
use super::store::Damage;
use crate::course::ids::{ItemId, SceneId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// When the journal holds more than this many bytes after a save (or more than the
/// snapshot, when that is larger), the file is rewritten as a new snapshot. Loading folds
/// the journal line by line, so this bounds the extra work of opening a profile, and a
/// compaction (which costs as much as the history) happens at most once per this many
/// bytes of steps, and at most once per the history's size in bytes of steps.
pub const JOURNAL_COMPACT_AT: u64 = 256 * 1024;

/// One change to a progress document, as a step makes it and the journal keeps it. Each
/// holds the new state of the part it changed, bounded by the size of one lesson or one
/// scenario attempt, never by the length of the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// The interface settings were changed.
    Settings {
        /// When.
        at: Timestamp,
        /// The settings now.
        settings: Settings,
    },
    /// Something happened in a lesson: its whole state now (bounded by the lesson).
    Lesson {
        /// When.
        at: Timestamp,
        /// The lesson.
        item: ItemId,
        /// Its status now.
        status: ItemStatus,
        /// Its scenes now.
        #[serde(default)]
        lesson: LessonProgress,
        /// Its reflections now.
        #[serde(default)]
        reflections: BTreeMap<SceneId, ReflectionText>,
        /// Where the learner is now.
        position: Position,
    },
    /// A scenario attempt was started or moved on.
    Attempt {
        /// When.
        at: Timestamp,
        /// The scenario.
        item: ItemId,
        /// Its status now.
        status: ItemStatus,
        /// Which attempt, from 0: the last one recorded (updated) or the one after it
        /// (started).
        index: usize,
        /// The attempt's choices before this position are unchanged; `attempt.choices`
        /// holds the ones from here on.
        choices_from: usize,
        /// The attempt now, with only the choices from `choices_from` on.
        attempt: ScenarioAttempt,
        /// Where the learner is now.
        position: Position,
    },
}

/// Why a change does not fit the progress it is applied to (the journal belongs to
/// another snapshot): put into words in the damage reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Misfit(String);

impl Change {
    /// Applies the change to `progress`. A change that does not fit (an attempt that is
    /// neither the last nor the next one, more choices kept than there are) changes nothing.
    pub(crate) fn apply(&self, progress: &mut Progress) -> Result<(), Misfit> {
        match self {
            Change::Settings { at, settings } => {
                progress.settings = settings.clone();
                progress.touch(*at);
            }
            Change::Lesson {
                at,
                item,
                status,
                lesson,
                reflections,
                position,
            } => {
                let saved = progress.item_mut(item);
                saved.status = *status;
                saved.lesson = lesson.clone();
                saved.reflections = reflections.clone();
                progress.last_position = Some(position.clone());
                progress.touch(*at);
            }
            Change::Attempt {
                at,
                item,
                status,
                index,
                choices_from,
                attempt,
                position,
            } => {
                let attempts = progress.items.get(item).map_or(0, |i| i.attempts.len());
                let fits = if *index == attempts {
                    *choices_from == 0
                } else if index + 1 == attempts {
                    progress.items.get(item).is_some_and(|i| {
                        i.attempts
                            .get(*index)
                            .is_some_and(|a| a.choices.len() >= *choices_from)
                    })
                } else {
                    false
                };
                if !fits {
                    return Err(Misfit(format!(
                        "attempt {} of `{item}` (from choice {choices_from}) does not follow the {attempts} recorded",
                        index + 1
                    )));
                }
                let saved = progress.item_mut(item);
                saved.status = *status;
                match saved.attempts.get_mut(*index) {
                    Some(existing) => {
                        let mut choices = std::mem::take(&mut existing.choices);
                        choices.truncate(*choices_from);
                        choices.extend(attempt.choices.iter().cloned());
                        *existing = ScenarioAttempt {
                            choices,
                            ..attempt.clone()
                        };
                    }
                    None => saved.attempts.push(attempt.clone()),
                }
                progress.last_position = Some(position.clone());
                progress.touch(*at);
            }
        }
        Ok(())
    }

    /// Merges `next`, which follows `self` and sets the same part of the document
    /// ([`same_part`]), into one change with the effect of both: typing in a reflection
    /// makes a change per key, and only the last one needs to be written.
    fn absorb(&mut self, next: Change) {
        let merged = match (&*self, next) {
            (
                Change::Attempt {
                    choices_from: from,
                    attempt: earlier,
                    ..
                },
                Change::Attempt {
                    at,
                    item,
                    status,
                    index,
                    choices_from: next_from,
                    attempt: mut later,
                    position,
                },
            ) => {
                // The earlier change's choices from `from` on, then the later one's from
                // `next_from` on (never past the end of the earlier ones); or only the later
                // ones when they start before the earlier ones.
                let (from, choices) = if next_from >= *from {
                    let kept = (next_from - from).min(earlier.choices.len());
                    let mut choices = earlier.choices[..kept].to_vec();
                    choices.append(&mut later.choices);
                    (*from, choices)
                } else {
                    (next_from, std::mem::take(&mut later.choices))
                };
                Change::Attempt {
                    at,
                    item,
                    status,
                    index,
                    choices_from: from,
                    attempt: ScenarioAttempt { choices, ..later },
                    position,
                }
            }
            // Settings and lessons are set whole: the later change is the state now.
            (_, next) => next,
        };
        *self = merged;
    }
}

/// Adds `change` to the changes not saved yet, merged with the last one when both set the
/// same part of the document.
pub fn push_change(pending: &mut Vec<Change>, change: Change) {
    match pending.last_mut() {
        Some(last) if same_part(last, &change) => last.absorb(change),
        _ => pending.push(change),
    }
}

/// Whether two changes set the same part: the settings, one lesson, or one attempt.
fn same_part(a: &Change, b: &Change) -> bool {
    match (a, b) {
        (Change::Settings { .. }, Change::Settings { .. }) => true,
        (Change::Lesson { item: x, .. }, Change::Lesson { item: y, .. }) => x == y,
        (
            Change::Attempt {
                item: x, index: i, ..
            },
            Change::Attempt {
                item: y, index: j, ..
            },
        ) => x == y && i == j,
        _ => false,
    }
}

/// Appends `value` as one line to `bytes`.
pub(crate) fn push_line<T: Serialize>(
    bytes: &mut Vec<u8>,
    value: &T,
) -> Result<(), serde_json::Error> {
    serde_json::to_writer(&mut *bytes, value)?;
    bytes.push(b'\n');
    Ok(())
}

/// What folding a journal into its snapshot found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Folded {
    /// How many changes were applied.
    pub applied: usize,
    /// Whether there was anything after the snapshot at all (lines, or a torn line): the
    /// file is then compacted when the profile is opened, so nothing is appended after a
    /// torn line.
    pub extra: bool,
    /// The first complete line that is not a change that fits: the changes before it were
    /// applied, it and the ones after it were not.
    pub damage: Option<Damage>,
}

/// Folds `journal`, what follows the snapshot in a progress file, into `progress`. Only
/// complete lines (ending in a newline) count; blank lines are passed over.
pub(crate) fn fold(progress: &mut Progress, journal: &[u8]) -> Folded {
    let mut folded = Folded {
        applied: 0,
        extra: !journal.iter().all(u8::is_ascii_whitespace),
        damage: None,
    };
    let Some(end) = journal.iter().rposition(|&b| b == b'\n') else {
        return folded;
    };
    for line in journal[..end].split(|&b| b == b'\n') {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let change = match serde_json::from_slice::<Change>(line) {
            Ok(change) => change,
            Err(e) if e.is_syntax() || e.is_eof() => {
                folded.damage = Some(Damage::NotJson(e.to_string()));
                return folded;
            }
            Err(e) => {
                folded.damage = Some(Damage::WrongShape(e.to_string()));
                return folded;
            }
        };
        if let Err(Misfit(why)) = change.apply(progress) {
            folded.damage = Some(Damage::WrongShape(why));
            return folded;
        }
        folded.applied += 1;
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::ids::{ChoiceId, NodeId};
    use crate::progress::{ChoiceTaken, CourseStamp, Place};

    fn progress() -> Progress {
        Progress::new(
            CourseStamp {
                id: "c".into(),
                version: "1".into(),
            },
            Timestamp(1),
        )
    }

    fn taken(n: usize) -> ChoiceTaken {
        ChoiceTaken {
            node: NodeId(format!("n{n}").into()),
            choice: ChoiceId(format!("c{n}").into()),
            at: None,
        }
    }

    fn attempt(choices: std::ops::Range<usize>) -> ScenarioAttempt {
        ScenarioAttempt {
            choices: choices.clone().map(taken).collect(),
            current_node: NodeId(format!("n{}", choices.end).into()),
            ending: None,
            variables: BTreeMap::new(),
            started_at: Timestamp(1),
            finished_at: None,
            seed: Some(7),
        }
    }

    fn step(index: usize, choices: std::ops::Range<usize>) -> Change {
        Change::Attempt {
            at: Timestamp(choices.end as u64),
            item: "talk".into(),
            status: ItemStatus::InProgress,
            index,
            choices_from: choices.start,
            attempt: attempt(choices.clone()),
            position: Position {
                item: "talk".into(),
                at: Some(Place::Node(NodeId(format!("n{}", choices.end).into()))),
            },
        }
    }

    fn journal(changes: &[Change]) -> Vec<u8> {
        let mut bytes = b"\n".to_vec();
        for change in changes {
            push_line(&mut bytes, change).unwrap();
        }
        bytes
    }

    #[test]
    fn attempts_grow_by_their_new_choices_and_a_next_attempt_is_started() {
        let mut p = progress();
        for change in [step(0, 0..1), step(0, 1..2), step(0, 2..3), step(1, 0..1)] {
            change.apply(&mut p).unwrap();
        }
        let attempts = &p.items[&ItemId::from("talk")].attempts;
        assert_eq!(attempts.len(), 2);
        assert_eq!(attempts[0].choices, (0..3).map(taken).collect::<Vec<_>>());
        assert_eq!(attempts[1].choices, vec![taken(0)]);
        assert_eq!(p.updated_at, Timestamp(1));
    }

    #[test]
    fn applying_a_change_twice_changes_nothing() {
        let mut once = progress();
        let mut twice = progress();
        for change in [step(0, 0..2), step(0, 2..3)] {
            change.apply(&mut once).unwrap();
            change.apply(&mut twice).unwrap();
            change.apply(&mut twice).unwrap();
        }
        assert_eq!(once, twice);
    }

    #[test]
    fn a_change_that_does_not_follow_is_refused_and_changes_nothing() {
        let mut p = progress();
        step(0, 0..1).apply(&mut p).unwrap();
        let before = p.clone();
        assert!(step(2, 0..1).apply(&mut p).is_err(), "skips an attempt");
        assert!(step(0, 5..6).apply(&mut p).is_err(), "skips choices");
        assert!(
            step(1, 1..2).apply(&mut p).is_err(),
            "a new attempt from choice 1"
        );
        assert_eq!(p, before);
    }

    #[test]
    fn merged_changes_have_the_effect_of_both() {
        let cases = [
            vec![step(0, 0..1), step(0, 1..2), step(0, 2..3)],
            vec![step(0, 0..2), step(0, 1..3)],
            vec![step(0, 0..2), step(0, 0..1)],
            vec![step(0, 0..1), step(1, 0..1), step(1, 1..2)],
        ];
        for changes in cases {
            let mut pending = Vec::new();
            let mut one_by_one = progress();
            step(0, 0..1).apply(&mut one_by_one).unwrap();
            let mut merged = one_by_one.clone();
            for change in &changes {
                change.apply(&mut one_by_one).unwrap();
                push_change(&mut pending, change.clone());
            }
            assert!(pending.len() < changes.len(), "{changes:?}");
            for change in &pending {
                change.apply(&mut merged).unwrap();
            }
            assert_eq!(merged, one_by_one, "{changes:?}");
        }
    }

    #[test]
    fn only_complete_lines_are_folded() {
        let bytes = journal(&[step(0, 0..1), step(0, 1..2)]);
        let mut p = progress();
        let folded = fold(&mut p, &bytes);
        assert_eq!(
            (folded.applied, folded.extra, folded.damage),
            (2, true, None)
        );
        // Torn anywhere in the last line: the first change only.
        let second_line = bytes[..bytes.len() - 1]
            .iter()
            .rposition(|&b| b == b'\n')
            .unwrap()
            + 1;
        for cut in second_line..bytes.len() {
            let mut p = progress();
            let folded = fold(&mut p, &bytes[..cut]);
            assert_eq!((folded.applied, folded.damage), (1, None), "{cut}");
        }
        let folded = fold(&mut progress(), b"\n  \n");
        assert_eq!(
            (folded.applied, folded.extra, folded.damage),
            (0, false, None)
        );
    }

    #[test]
    fn a_damaged_line_stops_the_fold_after_the_lines_before_it() {
        let mut bytes = journal(&[step(0, 0..1)]);
        bytes.extend_from_slice(b"{\"change\": \"attempt\", \"at\": \n");
        push_line(&mut bytes, &step(0, 1..2)).unwrap();
        let mut p = progress();
        let folded = fold(&mut p, &bytes);
        assert_eq!(folded.applied, 1);
        assert!(matches!(folded.damage, Some(Damage::NotJson(_))));
        assert_eq!(p.items[&ItemId::from("talk")].attempts[0].choices.len(), 1);
        // A change that does not follow what is recorded is damage too.
        let mut p = progress();
        let folded = fold(&mut p, &journal(&[step(0, 0..1), step(2, 0..1)]));
        assert_eq!(folded.applied, 1);
        assert!(matches!(folded.damage, Some(Damage::WrongShape(_))));
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(256))]

        /// A journal is read from disk, where anything may have happened to it: folding
        /// never panics, and never applies a change that does not fit.
        #[test]
        fn folding_any_bytes_never_panics(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400),
            flips in proptest::collection::vec((0usize..2_000, proptest::prelude::any::<u8>()), 0..4),
        ) {
            let _ = fold(&mut progress(), &bytes);
            let mut valid = journal(&[step(0, 0..2), step(0, 2..3), step(1, 0..1)]);
            for (at, byte) in flips {
                let at = at % valid.len();
                valid[at] = byte;
            }
            let _ = fold(&mut progress(), &valid);
        }
    }
}
