//! The export document: one trainee's results, written by `kruispunt export` and read by
//! `kruispunt report`. Versioned ([`EXPORT_VERSION`]) and keyed by course ids, so exports
//! of another course version can still be matched.
//!
//! Version 2 adds, per scenario attempt, the competencies breached, the count of choices per
//! quality and the turning points. Version 1 exports are still read: what they lack is
//! absent (`None`) or empty, and the report works it out from the course where it can.
//!
//! Version 3 writes times as RFC 3339 instants in UTC (numbers of seconds before; both are
//! read), adds `format_version` (the same number as `export_version`, as in every JSON
//! document Kruispunt writes) and, per attempt, when it started and finished and how long
//! it took.
//!
//! Version 4 adds the times of lessons and decisions, where the progress file recorded them
//! (from its schema version 5 on): per lesson when it was started and completed and how
//! long that took, per quiz when it was first answered, per choice when it was taken.

use crate::course::checked::{self, Course, Scenario, Step};
use crate::course::ids::{
    ChoiceId, Competency, CourseId, ItemId, NodeId, OptionId, SceneId, VarId,
};
use crate::course::model::Quality;
use crate::course::{ReadError, read_regular_file};
use crate::engine::ScenarioRun;
use crate::progress::{ChoiceTaken, EndingOutcome, ItemProgress, ItemStatus, Progress, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The export format version this build writes; it reads this one and every older one.
pub const EXPORT_VERSION: u32 = 4;

/// The value of `kind` in every export, so a report recognises a foreign JSON file.
pub const EXPORT_KIND: &str = "kruispunt-export";

/// The largest export file that is read, in bytes: an export of a whole course with many
/// attempts is well under 1 MiB.
pub const MAX_EXPORT_BYTES: u64 = 8 * 1024 * 1024;

/// The most items in one export (a course has tens).
pub const MAX_ITEMS: usize = 10_000;

/// The most attempts at one scenario in one export.
pub const MAX_ATTEMPTS: usize = 1_000;

/// The most choices in one attempt.
pub const MAX_ATTEMPT_CHOICES: usize = 10_000;

/// One trainee's results in one course, for the facilitator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// Always [`EXPORT_KIND`].
    pub kind: String,
    /// The format version ([`EXPORT_VERSION`]).
    pub export_version: u32,
    /// The same version under the name every JSON document of Kruispunt uses for it;
    /// absent before version 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format_version: Option<u32>,
    /// The course the results were matched against when exporting.
    pub course: ExportedCourse,
    /// The profile name (shown in a report only with `--names`).
    pub profile: String,
    /// When the export was made.
    pub exported_at: Timestamp,
    /// Every item of the course in course order, then items the profile still holds that
    /// are no longer in the course.
    pub items: Vec<ExportedItem>,
    /// Whether reflections were included (they are only with `--include-reflections`).
    #[serde(default)]
    pub includes_reflections: bool,
}

/// The course id and version of an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedCourse {
    /// The course id.
    pub id: CourseId,
    /// The course's own version string.
    pub version: String,
}

/// One lesson or scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedItem {
    /// The item id.
    pub id: ItemId,
    /// How far the trainee got.
    pub status: ItemStatus,
    /// When a lesson was first opened; absent for scenarios, when not recorded and before
    /// version 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    /// When a lesson was completed; absent as `started_at` is, and for a lesson not
    /// completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Timestamp>,
    /// From `started_at` to `completed_at`, in whole seconds; absent when either is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u64>,
    /// Quiz results of a lesson, in scene order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quizzes: Vec<QuizResult>,
    /// Scenario attempts, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attempts: Vec<AttemptResult>,
    /// Reflections, only when the trainee chose to include them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reflections: Vec<ExportedReflection>,
}

/// The first answer to one quiz (the one that counts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizResult {
    /// The quiz scene.
    pub scene: SceneId,
    /// The option ids of the first answer.
    pub first_answer: Vec<OptionId>,
    /// Whether the first answer was right.
    pub correct: bool,
    /// How many times the trainee answered.
    pub tries: u32,
    /// When the first answer was given; absent when not recorded and before version 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<Timestamp>,
}

/// One attempt at a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptResult {
    /// When the attempt started; absent before version 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    /// When it ended; absent for an unfinished attempt and before version 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<Timestamp>,
    /// From start to end, in whole seconds; absent when `finished_at` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u64>,
    /// The choices taken, in order.
    pub choices: Vec<ExportedChoice>,
    /// The ending reached; absent for an unfinished attempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ending: Option<ExportedEnding>,
    /// Variable values at the end (or where the attempt stopped).
    #[serde(default)]
    pub variables: BTreeMap<VarId, i32>,
    /// Competencies shown, breached and missed, computed by replaying the choices in the
    /// course; absent when the attempt is unfinished or no longer replays in the course.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competencies: Option<CompetencyResult>,
    /// How many choices of each quality were taken; absent in version 1 exports and when
    /// the attempt no longer replays in the course.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualities: Option<QualityTally>,
    /// The decisions that mattered most (as the trainee saw them at the end), in the order
    /// taken; absent in version 1 exports and when the attempt no longer replays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turning_points: Option<Vec<ExportedTurningPoint>>,
}

/// How many choices of each quality an attempt took.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualityTally {
    /// What a skilled professional would do.
    #[serde(default)]
    pub best: u32,
    /// Fine, but not the best.
    #[serde(default)]
    pub acceptable: u32,
    /// Does little good or some harm.
    #[serde(default)]
    pub weak: u32,
    /// Does real harm.
    #[serde(default)]
    pub harmful: u32,
}

impl QualityTally {
    /// How many choices of `quality`.
    pub fn get(&self, quality: Quality) -> u32 {
        match quality {
            Quality::Best => self.best,
            Quality::Acceptable => self.acceptable,
            Quality::Weak => self.weak,
            Quality::Harmful => self.harmful,
        }
    }

    /// Counts one more choice of `quality`.
    pub fn add(&mut self, quality: Quality) {
        let slot = match quality {
            Quality::Best => &mut self.best,
            Quality::Acceptable => &mut self.acceptable,
            Quality::Weak => &mut self.weak,
            Quality::Harmful => &mut self.harmful,
        };
        *slot = slot.saturating_add(1);
    }
}

/// A turning point of an attempt: where a better choice was offered than the one taken.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ExportedTurningPoint {
    /// The decision point.
    pub node: NodeId,
    /// The choice taken.
    pub taken: ChoiceId,
    /// The better choice that was offered.
    pub better: ChoiceId,
}

/// One decision: the choice taken at a node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedChoice {
    /// The decision point.
    pub node: NodeId,
    /// The choice taken.
    pub choice: ChoiceId,
    /// When it was taken; absent when not recorded and before version 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
}

/// The ending of an attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedEnding {
    /// The ending node.
    pub node: NodeId,
    /// Good, mixed or poor.
    pub outcome: EndingOutcome,
}

/// Competencies of a finished attempt.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyResult {
    /// Shown by the choices taken and breached by none.
    pub shown: Vec<Competency>,
    /// Breached by a choice taken (never also in `shown`); empty in version 1 exports,
    /// which did not record breaches.
    #[serde(default)]
    pub breached: Vec<Competency>,
    /// On choices offered but not taken, and never shown in the attempt.
    pub missed: Vec<Competency>,
}

/// A reflection the trainee wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedReflection {
    /// The reflection scene.
    pub scene: SceneId,
    /// What the trainee wrote.
    pub text: String,
}

/// Why a file is not a usable export.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// Not JSON at all (for example cut off).
    #[error("not valid JSON ({0})")]
    NotJson(String),
    /// JSON, but not a Kruispunt export.
    #[error("not a Kruispunt export")]
    Foreign,
    /// An export of a newer format.
    #[error("export format {found} is newer than this Kruispunt reads ({supported})")]
    Newer {
        /// The version, exactly as written in the file (it may not fit any integer type).
        found: String,
        /// The newest version this build reads.
        supported: u32,
    },
    /// An export whose content does not have the expected shape.
    #[error("a damaged export ({0})")]
    WrongShape(String),
    /// The file cannot be opened or read.
    #[error("cannot read it ({0})")]
    Unreadable(String),
    /// Not a regular file: a FIFO, device, socket or directory, which is never opened.
    #[error("not a regular file")]
    NotAFile,
    /// Larger than [`MAX_EXPORT_BYTES`].
    #[error("larger than {limit} MiB")]
    TooLarge {
        /// The cap, in MiB.
        limit: u64,
    },
    /// More items, attempts or choices than the cap.
    #[error("too many {what}: {count}; the limit is {limit}")]
    TooMany {
        /// `items`, `attempts` (of one item) or `choices` (of one attempt).
        what: &'static str,
        /// How many there are.
        count: usize,
        /// The cap.
        limit: usize,
    },
}

impl Export {
    /// The export of `progress` (profile `profile`) in `course`, made `now`. Reflections are
    /// left out unless `include_reflections`.
    pub fn of(
        course: &Course,
        progress: &Progress,
        profile: &str,
        include_reflections: bool,
        now: Timestamp,
    ) -> Self {
        let empty = ItemProgress::default();
        let mut items: Vec<ExportedItem> = course
            .items_in_order()
            .map(|(_, item)| {
                let saved = progress.items.get(item.id()).unwrap_or(&empty);
                exported_item(item.id(), saved, Some(item), include_reflections)
            })
            .collect();
        for (id, saved) in &progress.items {
            if course.item(id.as_str()).is_none() {
                items.push(exported_item(id, saved, None, include_reflections));
            }
        }
        Self {
            kind: EXPORT_KIND.to_owned(),
            export_version: EXPORT_VERSION,
            format_version: Some(EXPORT_VERSION),
            course: ExportedCourse {
                id: course.id.clone(),
                version: course.version.clone(),
            },
            profile: profile.to_owned(),
            exported_at: now,
            items,
            includes_reflections: include_reflections,
        }
    }

    /// Reads the export file at `path`: only a regular file (a FIFO or device is never
    /// opened), at most [`MAX_EXPORT_BYTES`], then as [`Export::parse`].
    pub fn read(path: &Path) -> Result<Self, ExportError> {
        let bytes = read_regular_file(path, MAX_EXPORT_BYTES).map_err(|error| match error {
            ReadError::NotAFile => ExportError::NotAFile,
            ReadError::TooLarge { .. } => ExportError::TooLarge {
                limit: MAX_EXPORT_BYTES / (1024 * 1024),
            },
            ReadError::Io(error) => ExportError::Unreadable(error.to_string()),
        })?;
        let text = String::from_utf8(bytes).map_err(|e| ExportError::NotJson(e.to_string()))?;
        Self::parse(&text)
    }

    /// Reads an export from its JSON text, telling a foreign or newer file from a damaged
    /// export, and refusing one with more items, attempts or choices than the caps.
    pub fn parse(text: &str) -> Result<Self, ExportError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ExportError::NotJson(e.to_string()))?;
        if value.get("kind").and_then(|k| k.as_str()) != Some(EXPORT_KIND) {
            return Err(ExportError::Foreign);
        }
        let version = value.get("export_version");
        let supported = version
            .and_then(serde_json::Value::as_u64)
            .is_some_and(|found| found <= u64::from(EXPORT_VERSION));
        if !supported {
            let newer = version
                .and_then(serde_json::Value::as_f64)
                .is_some_and(|found| found > f64::from(EXPORT_VERSION));
            if !newer {
                return Err(ExportError::WrongShape("no export_version".to_owned()));
            }
            return Err(ExportError::Newer {
                found: version_as_written(text, version),
                supported: EXPORT_VERSION,
            });
        }
        check_counts(&value)?;
        serde_json::from_value(value).map_err(|e| ExportError::WrongShape(e.to_string()))
    }
}

/// `export_version` exactly as written in `text` (a number too large for any integer type
/// is read as an approximate float); what serde_json makes of it when it cannot be found.
fn version_as_written(text: &str, parsed: Option<&serde_json::Value>) -> String {
    #[derive(Deserialize)]
    struct Probe<'a> {
        #[serde(borrow)]
        export_version: Option<&'a serde_json::value::RawValue>,
    }
    match serde_json::from_str::<Probe<'_>>(text) {
        Ok(Probe {
            export_version: Some(raw),
        }) => raw.get().to_owned(),
        _ => parsed.map(ToString::to_string).unwrap_or_default(),
    }
}

/// Refuses an export with more items, attempts per item or choices per attempt than the
/// caps, before it is turned into an [`Export`] (and later replayed and aggregated).
fn check_counts(value: &serde_json::Value) -> Result<(), ExportError> {
    fn list<'v>(v: &'v serde_json::Value, key: &str) -> &'v [serde_json::Value] {
        v.get(key)
            .and_then(serde_json::Value::as_array)
            .map_or(&[], Vec::as_slice)
    }
    let cap = |what: &'static str, count: usize, limit: usize| {
        if count > limit {
            Err(ExportError::TooMany { what, count, limit })
        } else {
            Ok(())
        }
    };
    let items = list(value, "items");
    cap("items", items.len(), MAX_ITEMS)?;
    for item in items {
        let attempts = list(item, "attempts");
        cap("attempts", attempts.len(), MAX_ATTEMPTS)?;
        for attempt in attempts {
            cap(
                "choices",
                list(attempt, "choices").len(),
                MAX_ATTEMPT_CHOICES,
            )?;
        }
    }
    Ok(())
}

/// One item of an export. `item` is the item in the course, when it still exists.
fn exported_item(
    id: &ItemId,
    saved: &ItemProgress,
    item: Option<checked::Item<'_>>,
    include_reflections: bool,
) -> ExportedItem {
    // Quizzes in scene order when the lesson is known; by scene id otherwise.
    let quiz_of = |scene: &SceneId| {
        let record = saved.lesson.scenes.get(scene)?.quiz.as_ref()?;
        Some(QuizResult {
            scene: scene.clone(),
            first_answer: record.first_answer.clone(),
            correct: record.first_correct,
            tries: record.attempts,
            answered_at: record.first_answered_at,
        })
    };
    let quizzes = match item {
        Some(checked::Item::Lesson(lesson)) => {
            let mut in_order: Vec<QuizResult> = lesson
                .scenes
                .iter()
                .filter_map(|s| quiz_of(&s.id))
                .collect();
            // Answers to scenes no longer in the lesson stay, after the others.
            for scene in saved.lesson.scenes.keys() {
                if !lesson.scenes.iter().any(|s| &s.id == scene)
                    && let Some(quiz) = quiz_of(scene)
                {
                    in_order.push(quiz);
                }
            }
            in_order
        }
        _ => saved.lesson.scenes.keys().filter_map(quiz_of).collect(),
    };
    let scenario = match item {
        Some(checked::Item::Scenario(scenario)) => Some(scenario),
        _ => None,
    };
    let attempts = saved
        .attempts
        .iter()
        .map(|attempt| {
            let choices: Vec<ChoiceId> = attempt.choices.iter().map(|c| c.choice.clone()).collect();
            let replayed = scenario.and_then(|scenario| {
                let run = match attempt.seed {
                    Some(seed) => ScenarioRun::replay_seeded(scenario, seed, &choices),
                    None => ScenarioRun::replay(scenario, &choices),
                };
                Some((scenario, run.ok()?))
            });
            let competencies = replayed.as_ref().and_then(|(scenario, run)| {
                let result = run.result(scenario)?;
                Some(CompetencyResult {
                    shown: result.shown,
                    breached: result.breached,
                    missed: result.missed,
                })
            });
            let qualities = replayed
                .as_ref()
                .map(|(scenario, _)| quality_tally(scenario, &attempt.choices));
            let turning_points = replayed
                .as_ref()
                .map(|(scenario, run)| turning_point_ids(scenario, run));
            AttemptResult {
                started_at: Some(attempt.started_at),
                finished_at: attempt.finished_at,
                duration_seconds: attempt
                    .finished_at
                    .map(|end| end.0.saturating_sub(attempt.started_at.0)),
                choices: attempt
                    .choices
                    .iter()
                    .map(|c| ExportedChoice {
                        node: c.node.clone(),
                        choice: c.choice.clone(),
                        at: c.at,
                    })
                    .collect(),
                ending: attempt.ending.as_ref().map(|e| ExportedEnding {
                    node: e.node.clone(),
                    outcome: e.outcome,
                }),
                variables: attempt.variables.clone(),
                competencies,
                qualities,
                turning_points,
            }
        })
        .collect();
    let reflections = if include_reflections {
        saved
            .reflections
            .iter()
            .map(|(scene, r)| ExportedReflection {
                scene: scene.clone(),
                text: r.text.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    ExportedItem {
        id: id.clone(),
        status: saved.status,
        started_at: saved.lesson.started_at,
        completed_at: saved.lesson.completed_at,
        duration_seconds: saved.lesson.duration(),
        quizzes,
        attempts,
        reflections,
    }
}

/// The turning points of a replayed attempt, by ids.
pub(super) fn turning_point_ids(
    scenario: &Scenario,
    run: &ScenarioRun,
) -> Vec<ExportedTurningPoint> {
    run.turning_points(scenario)
        .into_iter()
        .filter_map(|point| {
            let node = scenario.node(point.node);
            let Step::Choices(offered) = &node.step else {
                return None;
            };
            Some(ExportedTurningPoint {
                node: node.id.clone(),
                taken: offered.get(point.taken)?.id.clone(),
                better: offered.get(point.better)?.id.clone(),
            })
        })
        .collect()
}

/// The quality of the choice `choice` at decision point `node` of `scenario`, looked up by
/// id; `None` when the scenario no longer has it.
pub(super) fn choice_quality(scenario: &Scenario, node: &str, choice: &str) -> Option<Quality> {
    let idx = scenario.node_idx(node)?;
    match &scenario.node(idx).step {
        Step::Choices(choices) => choices
            .iter()
            .find(|c| c.id.as_str() == choice)
            .map(|c| c.quality),
        _ => None,
    }
}

/// The count of choices per quality of the choices taken.
fn quality_tally(scenario: &Scenario, taken: &[ChoiceTaken]) -> QualityTally {
    let mut tally = QualityTally::default();
    for choice in taken {
        if let Some(quality) =
            choice_quality(scenario, choice.node.as_str(), choice.choice.as_str())
        {
            tally.add(quality);
        }
    }
    tally
}

#[cfg(test)]
mod tests;
