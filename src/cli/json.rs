//! The JSON documents of `--format json` (`profiles`, `session list`, `outline`, `report`,
//! `validate`), for scripts. Every one starts with `format_version` ([`JSON_FORMAT_VERSION`])
//! and a `kind` that names it; their shapes are in docs/json.md. Texts in them are escaped
//! as on the terminal ([`crate::i18n::display::escape`]): JSON escapes C0 controls but not
//! C1 controls or bidi overrides.

use super::messages::Ui;
use super::{Failure, finish_output, write_json};
use crate::course::Course;
use crate::course::checked::Item;
use crate::facilitator::SessionSummary;
use crate::i18n::display::escape;
use crate::progress::{ProfileState, ProfileSummary};
use serde::Serialize;
use std::io;
use std::path::Path;

/// The version of the shapes of the command line's JSON documents. It goes up when a
/// field is removed or changes meaning; fields may be added without a new version.
pub const JSON_FORMAT_VERSION: u32 = 1;

/// A document with its version and kind in front of its own fields.
#[derive(Serialize)]
pub(super) struct Versioned<T> {
    /// Always [`JSON_FORMAT_VERSION`].
    format_version: u32,
    /// What the document is: `kruispunt-profiles`, `kruispunt-outline`…
    kind: &'static str,
    #[serde(flatten)]
    body: T,
}

impl<T: Serialize> Versioned<T> {
    /// `body` as the document of `kind`.
    pub(super) fn new(kind: &'static str, body: T) -> Self {
        Self {
            format_version: JSON_FORMAT_VERSION,
            kind,
            body,
        }
    }

    /// The document, pretty-printed, with a final newline.
    pub(super) fn to_text(&self) -> serde_json::Result<String> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }

    /// Writes the document on stdout, pretty-printed.
    pub(super) fn print(&self, ui: &Ui) -> Result<(), Failure> {
        finish_output(write_json(&mut io::stdout().lock(), self), ui)
    }
}

/// `kruispunt profiles --format json`.
#[derive(Serialize)]
pub(super) struct ProfilesDocument {
    /// The data directory.
    data_dir: String,
    /// The language of the messages in it.
    language: &'static str,
    profiles: Vec<ProfileEntry>,
}

/// One profile.
#[derive(Serialize)]
struct ProfileEntry {
    name: String,
    /// `readable`, `newer`, `damaged` or `not-a-file`.
    state: &'static str,
    /// The course id it was saved against (readable profiles).
    #[serde(skip_serializing_if = "Option::is_none")]
    course: Option<String>,
    /// When it last changed, RFC 3339 in UTC (readable profiles).
    #[serde(skip_serializing_if = "Option::is_none")]
    updated_at: Option<String>,
    /// Items completed in the course given (readable profiles of that course).
    #[serde(skip_serializing_if = "Option::is_none")]
    completed: Option<usize>,
    /// Items in that course.
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<usize>,
    /// The format version a newer Kruispunt wrote (`newer`).
    #[serde(skip_serializing_if = "Option::is_none")]
    found_version: Option<u64>,
    /// What is wrong, in the interface language (`damaged`).
    #[serde(skip_serializing_if = "Option::is_none")]
    damage: Option<String>,
}

impl ProfilesDocument {
    /// The document of `profiles` in `data_dir`, counted in `course` when it loaded.
    pub(super) fn of(
        data_dir: &Path,
        profiles: &[ProfileSummary],
        course: Option<&Course>,
        ui: &Ui,
    ) -> Self {
        let profiles = profiles
            .iter()
            .map(|profile| {
                let mut entry = ProfileEntry {
                    name: profile.name.as_str().to_owned(),
                    state: "readable",
                    course: None,
                    updated_at: None,
                    completed: None,
                    total: None,
                    found_version: None,
                    damage: None,
                };
                match &profile.state {
                    ProfileState::Readable {
                        course: saved,
                        updated_at,
                        ..
                    } => {
                        entry.course = Some(escape(saved.id.0.as_str()).into_owned());
                        entry.updated_at = Some(updated_at.rfc3339());
                        if let Some((completed, total)) =
                            course.and_then(|current| profile.completed_of(current))
                        {
                            entry.completed = Some(completed);
                            entry.total = Some(total);
                        }
                    }
                    ProfileState::Newer { found } => {
                        entry.state = "newer";
                        entry.found_version = Some(*found);
                    }
                    ProfileState::Damaged(damage) => {
                        entry.state = "damaged";
                        entry.damage = Some(escape(&ui.error(damage)).into_owned());
                    }
                    ProfileState::NotAFile => entry.state = "not-a-file",
                }
                entry
            })
            .collect();
        Self {
            data_dir: escape(&data_dir.display().to_string()).into_owned(),
            language: ui.locale().tag(),
            profiles,
        }
    }
}

/// `kruispunt session list --format json`.
#[derive(Serialize)]
pub(super) struct SessionsDocument {
    /// Where the session logs are.
    dir: String,
    sessions: Vec<SessionEntry>,
    /// Logs that could not be read, in the interface language.
    unreadable: Vec<String>,
}

/// One facilitated session.
#[derive(Serialize)]
struct SessionEntry {
    id: String,
    /// RFC 3339 in UTC.
    started_at: String,
    /// RFC 3339 in UTC.
    updated_at: String,
    course: String,
    votes: usize,
}

impl SessionsDocument {
    /// The document of the sessions in `dir`.
    pub(super) fn of(dir: &Path, sessions: &[SessionSummary], unreadable: Vec<String>) -> Self {
        Self {
            dir: escape(&dir.display().to_string()).into_owned(),
            sessions: sessions
                .iter()
                .map(|s| SessionEntry {
                    id: s.id.as_str().to_owned(),
                    started_at: s.started_at.rfc3339(),
                    updated_at: s.updated_at.rfc3339(),
                    course: escape(&s.course).into_owned(),
                    votes: s.votes,
                })
                .collect(),
            unreadable: unreadable.iter().map(|u| escape(u).into_owned()).collect(),
        }
    }
}

/// `kruispunt outline --format json`.
#[derive(Serialize)]
pub(super) struct OutlineDocument {
    /// The language of the titles (as far as the course has them).
    language: &'static str,
    course: OutlineCourse,
    modules: Vec<OutlineModule>,
    /// Estimated minutes of the items that give one.
    total_minutes: u32,
}

/// The course of an outline.
#[derive(Serialize)]
struct OutlineCourse {
    id: String,
    version: String,
    title: String,
}

/// A module of an outline.
#[derive(Serialize)]
struct OutlineModule {
    id: String,
    title: String,
    items: Vec<OutlineItem>,
}

/// A lesson or scenario of an outline.
#[derive(Serialize)]
struct OutlineItem {
    id: String,
    /// `lesson` or `scenario`.
    kind: &'static str,
    title: String,
    /// Estimated minutes in the interface language; absent when the course gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    minutes: Option<u32>,
}

impl OutlineDocument {
    /// The outline of `course` in the interface language.
    pub(super) fn of(course: &Course, ui: &Ui) -> Self {
        let text = |t: &crate::course::model::Text| {
            escape(&crate::course::markup::plain(ui.l10n().pick(t).text)).into_owned()
        };
        let locale = ui.l10n().current();
        let mut total_minutes = 0u32;
        let modules = course
            .modules
            .iter()
            .map(|module| OutlineModule {
                id: escape(module.id.as_str()).into_owned(),
                title: text(&module.title),
                items: module
                    .items
                    .iter()
                    .filter_map(|id| course.item(id.as_str()))
                    .map(|item| {
                        let minutes = item.estimated_minutes(locale.tag());
                        total_minutes = total_minutes.saturating_add(minutes.unwrap_or(0));
                        OutlineItem {
                            id: escape(item.id().as_str()).into_owned(),
                            kind: match item {
                                Item::Lesson(_) => "lesson",
                                Item::Scenario(_) => "scenario",
                            },
                            title: text(item.title()),
                            minutes,
                        }
                    })
                    .collect(),
            })
            .collect();
        Self {
            language: locale.tag(),
            course: OutlineCourse {
                id: escape(course.id.as_str()).into_owned(),
                version: escape(&course.version).into_owned(),
                title: text(&course.title),
            },
            modules,
            total_minutes,
        }
    }
}
