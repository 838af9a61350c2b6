//! The session log: what a group saw and decided in one facilitated session, in order. It
//! is a versioned JSON document (`log_version`), saved like progress by [`super::SessionStore`].
//!
//! History of the format:
//! - **1**: the first layout.
//! - **2**: adds `language`, the interface language the session ran in, so the
//!   handout is written in it. A version 1 log has none: its handout follows the language
//!   of whoever exports it, as before.
//! - **3** (current): times are RFC 3339 instants in UTC instead of numbers of seconds
//!   ([`Timestamp`] reads both, so the step changes nothing in the JSON).
//!
//! Older logs are upgraded on reading by [`migrate`], one version at a time, on the JSON.

use crate::course::ids::{ChoiceId, ItemId, Locale, NodeId, SceneId};
use crate::i18n::UiLocale;
use crate::progress::{CourseStamp, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The version of the session log format this build writes; it reads this one and every
/// older one from [`OLDEST_LOG_VERSION`] on.
pub const LOG_VERSION: u32 = 3;

/// The oldest session log format this build still reads.
pub const OLDEST_LOG_VERSION: u32 = 1;

/// Why a session log could not be upgraded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogMigrationError {
    /// The log is not a JSON object.
    #[error("the session log is not a JSON object")]
    NotAnObject,
    /// A version older than any this build knows.
    #[error("log_version {0} is too old to read")]
    TooOld(u32),
}

/// Upgrades `log`, written with format version `from`, to [`LOG_VERSION`]; the result's
/// `log_version` is the current version.
pub fn migrate(mut log: Value, from: u32) -> Result<Value, LogMigrationError> {
    if from < OLDEST_LOG_VERSION {
        return Err(LogMigrationError::TooOld(from));
    }
    let mut version = from;
    while version < LOG_VERSION {
        let object = log.as_object_mut().ok_or(LogMigrationError::NotAnObject)?;
        match version {
            // Version 2 only adds `language`, absent (unknown) in a version 1 log.
            1 => {}
            // Version 3 writes times as RFC 3339; numbers are still read.
            2 => {}
            // Every version below LOG_VERSION has a step above; a forgotten one refuses
            // the file rather than misreading it.
            _ => return Err(LogMigrationError::TooOld(version)),
        }
        version += 1;
        object.insert("log_version".into(), Value::from(version));
    }
    Ok(log)
}

/// The id of a session: its start time and a short suffix, e.g. `20260321T101500Z-3fa2`.
/// It names the log file, so it holds only ASCII letters, digits, `-` and `_`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SessionId(String);

/// Why a text is not a session id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a session id (letters, digits, - and _, at most 64 characters)")]
pub struct SessionIdError(pub String);

impl SessionId {
    /// The id of a session started at `started`; `salt` (any number, e.g. from the clock's
    /// nanoseconds and the process id) tells apart sessions started in the same second.
    pub fn new(started: Timestamp, salt: u32) -> Self {
        // Folded to 16 bits: four hex digits are enough for a room, and short to type.
        let suffix = (salt ^ (salt >> 16)) & 0xffff;
        Self(format!("{}-{suffix:04x}", started.compact()))
    }

    /// A session id given by the user (`kruispunt session export ID`).
    pub fn parse(text: &str) -> Result<Self, SessionIdError> {
        let valid = !text.is_empty()
            && text.len() <= 64
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid {
            Ok(Self(text.to_owned()))
        } else {
            Err(SessionIdError(text.to_owned()))
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for SessionId {
    type Error = SessionIdError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<SessionId> for String {
    fn from(id: SessionId) -> Self {
        id.0
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The votes one choice got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceVotes {
    /// The choice.
    pub choice: ChoiceId,
    /// How many hands.
    pub votes: u32,
}

/// The choices that shared the most votes, in the order shown, when more than one did: a
/// tie, which the facilitator decided (the entry's `chosen`). Empty when one choice had
/// the most votes, or none had any. The counts the log keeps say it; no field is needed.
pub fn tied(counts: &[ChoiceVotes]) -> Vec<&ChoiceId> {
    let most = counts.iter().map(|c| c.votes).max().unwrap_or(0);
    let top: Vec<&ChoiceId> = counts
        .iter()
        .filter(|c| most > 0 && c.votes == most)
        .map(|c| &c.choice)
        .collect();
    if top.len() > 1 { top } else { Vec::new() }
}

/// One thing that happened in the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entry {
    /// A lesson or scenario was opened on the projector.
    Opened {
        /// When.
        at: Timestamp,
        /// The lesson or scenario.
        item: ItemId,
    },
    /// A scene of a lesson or a node of a scenario was shown.
    Shown {
        /// When.
        at: Timestamp,
        /// The lesson or scenario.
        item: ItemId,
        /// The scene, in a lesson.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        scene: Option<SceneId>,
        /// The node, in a scenario.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        node: Option<NodeId>,
    },
    /// The group voted at a decision point and went with a choice.
    Vote {
        /// When the choice was made.
        at: Timestamp,
        /// The scenario.
        item: ItemId,
        /// The decision point.
        node: NodeId,
        /// The votes per offered choice, in the order shown.
        counts: Vec<ChoiceVotes>,
        /// The choice the group went with: on a tie ([`tied`]), the facilitator's pick
        /// among the tied choices.
        chosen: ChoiceId,
    },
    /// The group went back to an earlier decision point (or restarted).
    Rewound {
        /// When.
        at: Timestamp,
        /// The scenario.
        item: ItemId,
        /// Where the conversation is now.
        to: NodeId,
    },
    /// A note the facilitator typed.
    Note {
        /// When.
        at: Timestamp,
        /// What was on screen, if anything.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<ItemId>,
        /// The note.
        text: String,
    },
    /// The lesson or scenario was left.
    Closed {
        /// When.
        at: Timestamp,
        /// The lesson or scenario.
        item: ItemId,
    },
}

impl Entry {
    /// When it happened.
    pub fn at(&self) -> Timestamp {
        match self {
            Entry::Opened { at, .. }
            | Entry::Shown { at, .. }
            | Entry::Vote { at, .. }
            | Entry::Rewound { at, .. }
            | Entry::Note { at, .. }
            | Entry::Closed { at, .. } => *at,
        }
    }
}

/// The time spent on one item, over every time it was open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemTime {
    /// The lesson or scenario.
    pub item: ItemId,
    /// Seconds it was open.
    pub seconds: u64,
}

/// The log of one facilitated session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLog {
    /// The format version, [`LOG_VERSION`].
    pub log_version: u32,
    /// The session.
    pub id: SessionId,
    /// The course (id and version) the session used.
    pub course: CourseStamp,
    /// When the session started.
    pub started_at: Timestamp,
    /// When the log last changed.
    pub updated_at: Timestamp,
    /// The interface language the session ran in (`nl`, `en`, `fr`); the handout is
    /// written in it. Absent in a version 1 log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Locale>,
    /// What happened, in order.
    #[serde(default)]
    pub entries: Vec<Entry>,
}

impl SessionLog {
    /// An empty log of session `id` over `course`, started at `started`.
    pub fn new(id: SessionId, course: CourseStamp, started: Timestamp) -> Self {
        Self {
            log_version: LOG_VERSION,
            id,
            course,
            started_at: started,
            updated_at: started,
            language: None,
            entries: Vec::new(),
        }
    }

    /// The log, recording that the session runs in `language`.
    #[must_use]
    pub fn in_language(mut self, language: UiLocale) -> Self {
        self.language = Some(Locale::from(language.tag()));
        self
    }

    /// The interface language the session ran in, if the log says and it is one this
    /// build speaks.
    pub fn ui_language(&self) -> Option<UiLocale> {
        self.language
            .as_ref()
            .and_then(|l| UiLocale::parse(l.as_str()))
    }

    /// Appends an entry.
    pub fn push(&mut self, entry: Entry) {
        self.updated_at = self.updated_at.max(entry.at());
        self.entries.push(entry);
    }

    /// The item open at the end of the log, if any.
    pub fn open_item(&self) -> Option<&ItemId> {
        let mut open = None;
        for entry in &self.entries {
            match entry {
                Entry::Opened { item, .. } => open = Some(item),
                Entry::Closed { item, .. } if open == Some(item) => open = None,
                _ => {}
            }
        }
        open
    }

    /// The votes, in order.
    pub fn votes(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| matches!(e, Entry::Vote { .. }))
    }

    /// The facilitator's notes, in order.
    pub fn notes(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| matches!(e, Entry::Note { .. }))
    }

    /// Time per item in the order first opened: from each opening to its closing (or, if
    /// never closed, to the last entry of the log).
    pub fn time_per_item(&self) -> Vec<ItemTime> {
        let mut times: Vec<ItemTime> = Vec::new();
        let mut open: Option<(&ItemId, Timestamp)> = None;
        let add = |times: &mut Vec<ItemTime>, item: &ItemId, seconds: u64| match times
            .iter_mut()
            .find(|t| &t.item == item)
        {
            Some(time) => time.seconds += seconds,
            None => times.push(ItemTime {
                item: item.clone(),
                seconds,
            }),
        };
        for entry in &self.entries {
            match entry {
                Entry::Opened { at, item } => {
                    if let Some((previous, since)) = open.take() {
                        add(&mut times, previous, at.0.saturating_sub(since.0));
                    }
                    open = Some((item, *at));
                }
                Entry::Closed { at, item } => {
                    if let Some((previous, since)) = open.take_if(|(open, _)| *open == item) {
                        add(&mut times, previous, at.0.saturating_sub(since.0));
                    }
                }
                _ => {}
            }
        }
        if let Some((item, since)) = open {
            add(&mut times, item, self.updated_at.0.saturating_sub(since.0));
        }
        times
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::ids::{CourseId, Locale};

    fn log() -> SessionLog {
        SessionLog::new(
            SessionId::new(Timestamp(1_764_000_000), 0xabcd_1234),
            CourseStamp {
                id: CourseId::from("kruispunt"),
                version: "1.0".into(),
            },
            Timestamp(1_764_000_000),
        )
    }

    #[test]
    fn ids_carry_the_start_time_and_only_file_name_characters() {
        let id = SessionId::new(Timestamp(1_764_000_000), 0x1234_abcd);
        assert_eq!(id.as_str(), "20251124T160000Z-b9f9");
        assert_eq!(SessionId::parse(id.as_str()), Ok(id));
        for bad in ["", "../x", "a b", "a/b", &"x".repeat(65)] {
            assert!(SessionId::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn time_is_counted_per_item_across_openings() {
        let mut log = log();
        let t = |s: u64| Timestamp(1_764_000_000 + s);
        let a = ItemId::from("a");
        let b = ItemId::from("b");
        log.push(Entry::Opened {
            at: t(0),
            item: a.clone(),
        });
        log.push(Entry::Closed {
            at: t(60),
            item: a.clone(),
        });
        log.push(Entry::Opened {
            at: t(100),
            item: b.clone(),
        });
        // Opening another item closes the one before.
        log.push(Entry::Opened {
            at: t(130),
            item: a.clone(),
        });
        log.push(Entry::Note {
            at: t(200),
            item: Some(a.clone()),
            text: "x".into(),
        });
        assert_eq!(log.open_item(), Some(&a));
        let times = log.time_per_item();
        assert_eq!(
            times,
            vec![
                ItemTime {
                    item: a,
                    seconds: 60 + 70
                },
                ItemTime {
                    item: b,
                    seconds: 30
                },
            ]
        );
    }

    #[test]
    fn the_document_round_trips_with_its_version_and_kinds() {
        let mut log = log();
        log.push(Entry::Vote {
            at: Timestamp(1_764_000_100),
            item: ItemId::from("s"),
            node: NodeId::from("n"),
            counts: vec![ChoiceVotes {
                choice: ChoiceId::from("c1"),
                votes: 3,
            }],
            chosen: ChoiceId::from("c1"),
        });
        log.language = Some(Locale::from("fr"));
        let json = serde_json::to_value(&log).expect("encodes");
        assert_eq!(json["log_version"], 3);
        assert_eq!(json["language"], "fr");
        assert_eq!(json["entries"][0]["kind"], "vote");
        let back: SessionLog = serde_json::from_value(json).expect("decodes");
        assert_eq!(back, log);
        assert_eq!(back.updated_at, Timestamp(1_764_000_100));
    }

    /// A log as a version 1 Kruispunt wrote it, before the language was recorded.
    const VERSION_1: &str = r#"{
        "log_version": 1, "id": "20251124T160000Z-b9f9",
        "course": { "id": "kruispunt", "version": "1.0" },
        "started_at": 1764000000, "updated_at": 1764000060,
        "entries": [{ "kind": "note", "at": 1764000060, "text": "x" }]
    }"#;

    #[test]
    fn a_version_1_log_is_migrated_and_its_language_is_unknown() {
        let old: serde_json::Value = serde_json::from_str(VERSION_1).expect("JSON");
        let log: SessionLog =
            serde_json::from_value(migrate(old, 1).expect("migrates")).expect("decodes");
        assert_eq!(log.log_version, LOG_VERSION);
        assert_eq!(log.language, None);
        assert_eq!(log.notes().count(), 1);
        let saved = serde_json::to_value(&log).expect("encodes");
        assert!(saved.get("language").is_none(), "{saved}");
        assert_eq!(
            migrate(serde_json::json!({"log_version": 0}), 0),
            Err(LogMigrationError::TooOld(0))
        );
    }
}
