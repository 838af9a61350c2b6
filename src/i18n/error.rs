//! Errors in the interface language: [`Localize`] and its implementations for every error
//! that can reach the user, whichever front end shows it (command line, TUI, plain mode).
//!
//! The `#[error]` texts of the error types stay English: they are for logs, tests and
//! developers. What the user reads comes from here, so each message id is written once and
//! every front end says the same thing in the same words.

use super::{Localizer, display};
use crate::course::migrate::MigrateError;
use crate::course::{
    CourseError, Diagnostic, LoadError, Problem, ReadError, Severity, SourceError,
};
use crate::engine::{EngineError, RestoreError};
use crate::facilitator::{SessionError, SessionIdError};
use crate::msg_args;
use crate::progress::{Damage, MigrationError, ProfileNameError, ProgressError};
use crate::report::ExportError;
use std::io;
use std::path::Path;

/// Something the user is told, in the interface language.
///
/// The result is one message without the `kruispunt: error:` frame, so a front end can put
/// it in its own sentence (a status line, a line of plain mode, the command line's error
/// line). Values that come from files or the system (paths, ids, reasons) are escaped with
/// [`display::escape`], so no control character reaches the terminal through them.
pub trait Localize {
    /// The message in `i18n`'s current language.
    fn localize(&self, i18n: &Localizer) -> String;
}

impl<T: Localize + ?Sized> Localize for &T {
    fn localize(&self, i18n: &Localizer) -> String {
        (**self).localize(i18n)
    }
}

/// A path as shown in a message: on one line, control characters written out.
fn shown_path(path: &Path) -> String {
    shown(&path.display().to_string())
}

/// A value from a file or the system as shown in a message.
fn shown(text: &str) -> String {
    display::escape(text).into_owned()
}

/// The system's reason, in the interface language for the usual cases (a file that does not
/// exist, a full disk, a directory in the way), else in the system's own words.
impl Localize for io::Error {
    fn localize(&self, i18n: &Localizer) -> String {
        use io::ErrorKind as K;
        // An error made by code (not the OS) says something of its own: keep its words.
        let kind = if self.get_ref().is_some() {
            "other"
        } else {
            match self.kind() {
                K::NotFound => "not-found",
                K::PermissionDenied => "permission-denied",
                K::AlreadyExists => "already-exists",
                K::IsADirectory => "is-a-directory",
                K::NotADirectory => "not-a-directory",
                K::DirectoryNotEmpty => "directory-not-empty",
                K::StorageFull => "storage-full",
                K::ReadOnlyFilesystem => "read-only",
                K::QuotaExceeded => "quota-exceeded",
                K::FileTooLarge => "file-too-large",
                K::BrokenPipe => "broken-pipe",
                _ => "other",
            }
        };
        i18n.msg(
            "error-io-reason",
            &msg_args!("kind" => kind, "detail" => shown(&self.to_string())),
        )
    }
}

impl Localize for ProfileNameError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            ProfileNameError::Empty => i18n.msg("error-profile-name-empty", &msg_args!()),
            ProfileNameError::TooLong { len } => i18n.msg(
                "error-profile-name-too-long",
                &msg_args!("len" => *len, "max" => crate::progress::MAX_PROFILE_NAME_LEN),
            ),
            ProfileNameError::InvalidCharacter { name, found } => i18n.msg(
                "error-profile-name-character",
                &msg_args!("name" => shown(name), "found" => printable(*found)),
            ),
        }
    }
}

/// A refused character as shown in a message: control characters and spaces as `U+XXXX`,
/// so the message stays one readable line.
fn printable(c: char) -> String {
    if display::is_control(c) || c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", u32::from(c))
    } else {
        c.to_string()
    }
}

impl Localize for ProgressError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            ProgressError::NoDataDir => i18n.msg("error-no-data-dir", &msg_args!()),
            ProgressError::InvalidName(e) => e.localize(i18n),
            ProgressError::ProfileInUse {
                profile,
                pid: Some(pid),
            } => i18n.msg(
                "error-profile-in-use",
                &msg_args!("name" => profile.as_str(), "pid" => *pid),
            ),
            ProgressError::ProfileInUse { profile, pid: None } => i18n.msg(
                "error-profile-in-use-no-pid",
                &msg_args!("name" => profile.as_str()),
            ),
            ProgressError::NewerVersion {
                path,
                found,
                supported,
            } => i18n.msg(
                "error-newer-progress",
                &msg_args!(
                    "path" => shown_path(path),
                    "found" => *found,
                    "supported" => *supported,
                ),
            ),
            ProgressError::NoSuchProfile { profile, dir } => i18n.msg(
                "error-no-such-profile",
                &msg_args!("name" => profile.as_str(), "dir" => shown_path(dir)),
            ),
            ProgressError::Io {
                action,
                path,
                source,
            } => i18n.msg(
                "error-progress-io",
                &msg_args!(
                    // Fluent variant keys have no spaces: `move aside` selects `[move-aside]`.
                    "action" => action.replace(' ', "-"),
                    "path" => shown_path(path),
                    "reason" => source.localize(i18n),
                ),
            ),
            ProgressError::NotAFile { path } => i18n.msg(
                "error-not-a-regular-file",
                &msg_args!("path" => shown_path(path)),
            ),
            ProgressError::Encode(e) => i18n.msg(
                "error-progress-encode",
                &msg_args!("reason" => shown(&e.to_string())),
            ),
        }
    }
}

/// What is wrong with a damaged progress file.
impl Localize for Damage {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            Damage::Empty => i18n.msg("damage-empty", &msg_args!()),
            Damage::Unreadable(reason) => {
                i18n.msg("damage-unreadable", &msg_args!("reason" => shown(reason)))
            }
            Damage::NotJson(reason) => {
                i18n.msg("damage-not-json", &msg_args!("reason" => shown(reason)))
            }
            Damage::NoVersion => i18n.msg("damage-no-version", &msg_args!()),
            Damage::WrongShape(reason) => {
                i18n.msg("damage-wrong-shape", &msg_args!("reason" => shown(reason)))
            }
        }
    }
}

impl Localize for MigrationError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            MigrationError::NotAnObject => {
                i18n.msg("error-progress-migration-not-an-object", &msg_args!())
            }
            MigrationError::Malformed { field, version } => i18n.msg(
                "error-progress-migration-malformed",
                &msg_args!("field" => *field, "version" => *version),
            ),
            MigrationError::TooOld(version) => i18n.msg(
                "error-progress-migration-too-old",
                &msg_args!("version" => *version),
            ),
        }
    }
}

impl Localize for SourceError {
    fn localize(&self, i18n: &Localizer) -> String {
        let SourceError::Io { path, source } = self;
        i18n.msg(
            "error-cannot-read-path",
            &msg_args!("path" => shown_path(path), "reason" => source.localize(i18n)),
        )
    }
}

impl Localize for ReadError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            ReadError::NotAFile => i18n.msg("error-read-not-a-file", &msg_args!()),
            ReadError::TooLarge { limit } => {
                i18n.msg("error-read-too-large", &msg_args!("limit" => *limit))
            }
            ReadError::Io(e) => e.localize(i18n),
        }
    }
}

/// The message of [`CourseError::Invalid`] and [`LoadError::Invalid`]: how many errors; the
/// diagnostics themselves are listed by whoever has room for them.
fn course_invalid(i18n: &Localizer, diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    i18n.msg("error-course-invalid", &msg_args!("errors" => errors))
}

/// An unreadable directory with its cause, or how many errors the course has.
impl Localize for CourseError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            CourseError::Unreadable { dir, source } => {
                let context = i18n.msg(
                    "error-cannot-read-course",
                    &msg_args!("dir" => shown_path(dir)),
                );
                i18n.msg(
                    "error-with-cause",
                    &msg_args!("error" => context, "cause" => source.localize(i18n)),
                )
            }
            CourseError::Invalid { diagnostics, .. } => course_invalid(i18n, diagnostics),
        }
    }
}

impl Localize for LoadError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            LoadError::Source(e) => e.localize(i18n),
            LoadError::Invalid(diagnostics) => course_invalid(i18n, diagnostics),
        }
    }
}

impl Localize for Problem {
    fn localize(&self, i18n: &Localizer) -> String {
        i18n.problem(self)
    }
}

/// The whole line, `FILE:LINE:COL: SEVERITY[CODE]: MESSAGE`.
impl Localize for Diagnostic {
    fn localize(&self, i18n: &Localizer) -> String {
        i18n.diagnostic(self)
    }
}

impl Localize for MigrateError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            MigrateError::Unreadable(reason) => i18n.msg(
                "error-migrate-unreadable",
                &msg_args!("reason" => shown(reason)),
            ),
            MigrateError::TooNew(found) => {
                i18n.msg("error-migrate-too-new", &msg_args!("found" => *found))
            }
        }
    }
}

impl Localize for EngineError {
    fn localize(&self, i18n: &Localizer) -> String {
        let id = |id: &str| shown(id);
        match self {
            EngineError::RunEnded => i18n.msg("engine-error-run-ended", &msg_args!()),
            // Answers are numbered from 1 where the learner sees them.
            EngineError::NoChoiceAt { index, count } => i18n.msg(
                "engine-error-no-choice-at",
                &msg_args!("number" => index + 1, "count" => *count),
            ),
            EngineError::UnknownChoice { id: choice } => i18n.msg(
                "engine-error-unknown-choice",
                &msg_args!("id" => id(choice)),
            ),
            EngineError::ChoiceNotOffered { id: choice } => i18n.msg(
                "engine-error-choice-not-offered",
                &msg_args!("id" => id(choice)),
            ),
            EngineError::AutoCycle { id: node } => {
                i18n.msg("engine-error-auto-cycle", &msg_args!("id" => id(node)))
            }
            EngineError::NoRoute { id: node } => {
                i18n.msg("engine-error-no-route", &msg_args!("id" => id(node)))
            }
            EngineError::NoSuchNode { index } => i18n.msg(
                "engine-error-no-such-node",
                &msg_args!("number" => u64::from(*index)),
            ),
            EngineError::NoSuchDecision { decision, taken } => i18n.msg(
                "engine-error-no-such-decision",
                &msg_args!("number" => decision + 1, "taken" => *taken),
            ),
            EngineError::UnknownScene { id: scene } => {
                i18n.msg("engine-error-unknown-scene", &msg_args!("id" => id(scene)))
            }
            EngineError::WrongSceneKind { expected } => i18n.msg(
                "engine-error-wrong-scene-kind",
                &msg_args!("kind" => *expected),
            ),
            EngineError::ContentNotePending => {
                i18n.msg("engine-error-content-note-pending", &msg_args!())
            }
            EngineError::UnknownOption { id: option } => i18n.msg(
                "engine-error-unknown-option",
                &msg_args!("id" => id(option)),
            ),
            EngineError::DuplicateOption { id: option } => i18n.msg(
                "engine-error-duplicate-option",
                &msg_args!("id" => id(option)),
            ),
            EngineError::SelectionCount { expected, selected } => {
                // The engine names the rule in English words; Fluent selects on a key.
                let expected = if expected.starts_with("exactly") {
                    "one"
                } else {
                    "at-least-one"
                };
                i18n.msg(
                    "engine-error-selection-count",
                    &msg_args!("expected" => expected, "selected" => *selected),
                )
            }
        }
    }
}

impl Localize for RestoreError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            RestoreError::OtherScenario { saved, scenario } => i18n.msg(
                "engine-restore-other-scenario",
                &msg_args!("saved" => shown(saved), "scenario" => shown(scenario)),
            ),
            RestoreError::Replay {
                step,
                choice,
                source,
            } => i18n.msg(
                "engine-restore-replay",
                &msg_args!(
                    "number" => step + 1,
                    "choice" => shown(choice),
                    "reason" => source.localize(i18n),
                ),
            ),
            RestoreError::Mismatch { what } => i18n.msg(
                "engine-restore-mismatch",
                &msg_args!("what" => what.replace(' ', "-")),
            ),
        }
    }
}

/// Why a file is not a usable export (the reason after “skipped FILE:”).
impl Localize for ExportError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            ExportError::NotJson(detail) => i18n.msg(
                "report-reason-not-json",
                &msg_args!("detail" => shown(detail)),
            ),
            ExportError::Foreign => i18n.msg("report-reason-foreign", &msg_args!()),
            // As written in the file: as a number, Fluent would round it through a float.
            ExportError::Newer { found, supported } => i18n.msg(
                "report-reason-newer",
                &msg_args!("found" => shown(found), "supported" => *supported),
            ),
            ExportError::WrongShape(detail) => i18n.msg(
                "report-reason-damaged",
                &msg_args!("detail" => shown(detail)),
            ),
            ExportError::Unreadable(detail) => i18n.msg(
                "report-reason-unreadable",
                &msg_args!("detail" => shown(detail)),
            ),
            ExportError::NotAFile => i18n.msg("report-reason-not-a-file", &msg_args!()),
            ExportError::TooLarge { limit } => {
                i18n.msg("report-reason-too-large", &msg_args!("limit" => *limit))
            }
            ExportError::TooMany { what, count, limit } => i18n.msg(
                "report-reason-too-many",
                &msg_args!("what" => *what, "count" => *count, "limit" => *limit),
            ),
        }
    }
}

impl Localize for SessionError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            SessionError::Write(e) => e.localize(i18n),
            SessionError::Read { path, source } => i18n.msg(
                "error-cannot-read-path",
                &msg_args!("path" => shown_path(path), "reason" => source.localize(i18n)),
            ),
            SessionError::NoSuchSession(id) => {
                i18n.msg("error-no-such-session", &msg_args!("id" => id.as_str()))
            }
            SessionError::Damaged { path, reason } => i18n.msg(
                "error-session-damaged",
                &msg_args!("path" => shown_path(path), "reason" => shown(reason)),
            ),
        }
    }
}

impl Localize for SessionIdError {
    fn localize(&self, i18n: &Localizer) -> String {
        i18n.msg("session-bad-id", &msg_args!("id" => shown(&self.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facilitator::SessionId;
    use crate::i18n::UiLocale;
    use crate::progress::ProfileName;
    use std::path::PathBuf;

    fn name(text: &str) -> ProfileName {
        ProfileName::new(text).expect("a valid name")
    }

    fn os_error(kind: io::ErrorKind) -> io::Error {
        io::Error::from(kind)
    }

    /// One of every error a front end can show, English `#[error]` text and all.
    fn every_error() -> Vec<Box<dyn Localize>> {
        let path = || PathBuf::from("data/default.json");
        let engine = [
            EngineError::RunEnded,
            EngineError::NoChoiceAt { index: 3, count: 2 },
            EngineError::UnknownChoice { id: "c".into() },
            EngineError::ChoiceNotOffered { id: "c".into() },
            EngineError::AutoCycle { id: "n".into() },
            EngineError::NoRoute { id: "n".into() },
            EngineError::NoSuchNode { index: 9 },
            EngineError::NoSuchDecision {
                decision: 4,
                taken: 1,
            },
            EngineError::UnknownScene { id: "s".into() },
            EngineError::WrongSceneKind { expected: "quiz" },
            EngineError::ContentNotePending,
            EngineError::UnknownOption { id: "o".into() },
            EngineError::DuplicateOption { id: "o".into() },
            EngineError::SelectionCount {
                expected: "exactly one option",
                selected: 2,
            },
        ];
        let mut all: Vec<Box<dyn Localize>> = engine
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localize>)
            .collect();
        all.extend([
            Box::new(RestoreError::OtherScenario {
                saved: "a".into(),
                scenario: "b".into(),
            }) as Box<dyn Localize>,
            Box::new(RestoreError::Replay {
                step: 0,
                choice: "c".into(),
                source: EngineError::RunEnded,
            }),
            Box::new(RestoreError::Mismatch {
                what: "visited nodes",
            }),
            Box::new(ProgressError::NoDataDir),
            Box::new(ProgressError::InvalidName(ProfileNameError::Empty)),
            Box::new(ProgressError::ProfileInUse {
                profile: name("anna"),
                pid: Some(42),
            }),
            Box::new(ProgressError::NewerVersion {
                path: path(),
                found: 9,
                supported: 2,
            }),
            Box::new(ProgressError::NoSuchProfile {
                profile: name("anna"),
                dir: PathBuf::from("data"),
            }),
            Box::new(ProgressError::Io {
                action: "move aside",
                path: path(),
                source: os_error(io::ErrorKind::PermissionDenied),
            }),
            Box::new(ProgressError::NotAFile { path: path() }),
            Box::new(ProfileNameError::TooLong { len: 99 }),
            Box::new(Damage::Empty),
            Box::new(MigrationError::NotAnObject),
            Box::new(MigrationError::Malformed {
                field: "items",
                version: 1,
            }),
            Box::new(MigrationError::TooOld(0)),
            Box::new(SourceError::Io {
                path: path(),
                source: os_error(io::ErrorKind::NotFound),
            }),
            Box::new(ReadError::NotAFile),
            Box::new(ReadError::TooLarge { limit: 10 }),
            Box::new(CourseError::Unreadable {
                dir: PathBuf::from("my-course"),
                source: SourceError::Io {
                    path: PathBuf::from("my-course"),
                    source: os_error(io::ErrorKind::NotFound),
                },
            }),
            Box::new(CourseError::Invalid {
                root: "course".into(),
                diagnostics: Vec::new(),
            }),
            Box::new(MigrateError::Unreadable("x".into())),
            Box::new(MigrateError::TooNew(9)),
            Box::new(ExportError::Foreign),
            Box::new(ExportError::TooMany {
                what: "attempts",
                count: 5,
                limit: 4,
            }),
            Box::new(SessionError::NoSuchSession(
                SessionId::parse("20260321T101500Z-3fa2").expect("an id"),
            )),
            Box::new(SessionError::Damaged {
                path: path(),
                reason: "x".into(),
            }),
            Box::new(SessionIdError("a/b".into())),
            Box::new(os_error(io::ErrorKind::StorageFull)),
        ]);
        all
    }

    #[test]
    fn every_error_is_one_line_in_each_language_and_not_the_english_text() {
        let [en, nl, fr] = UiLocale::ALL.map(Localizer::new);
        for error in every_error() {
            let texts = [&en, &nl, &fr].map(|i18n| error.localize(i18n));
            for text in &texts {
                assert!(!text.is_empty() && !text.contains('\n'), "{texts:?}");
                for missing in ["(text missing)", "(tekst ontbreekt)", "(texte manquant)"] {
                    assert!(!text.contains(missing), "{texts:?}");
                }
            }
            assert_ne!(texts[1], texts[0], "Dutch is not English");
            assert_ne!(texts[2], texts[0], "French is not English");
        }
    }

    #[test]
    fn the_systems_reason_is_said_in_the_interface_language_or_kept_as_given() {
        let nl = Localizer::new(UiLocale::Nl);
        let full = os_error(io::ErrorKind::StorageFull);
        assert_eq!(full.localize(&nl), "de schijf is vol");
        // Words of Kruispunt's own (or of a library) are not replaced by a generic reason.
        let own = io::Error::new(io::ErrorKind::NotFound, "no such thing here");
        assert_eq!(own.localize(&nl), "no such thing here");
        let unusual = io::Error::from(io::ErrorKind::TimedOut);
        assert_eq!(unusual.localize(&nl), unusual.to_string());
    }

    #[test]
    fn answers_and_decisions_are_numbered_from_one() {
        let en = Localizer::new(UiLocale::En);
        let error = EngineError::NoChoiceAt { index: 2, count: 1 };
        assert_eq!(
            error.localize(&en),
            "there is no answer number 3 here; this step offers 1 answer"
        );
        let error = EngineError::NoSuchDecision {
            decision: 0,
            taken: 0,
        };
        assert!(error.localize(&en).contains("decision 1 "), "{error}");
    }

    #[test]
    fn values_from_files_cannot_drive_the_terminal() {
        let en = Localizer::new(UiLocale::En);
        let error = ProgressError::NotAFile {
            path: PathBuf::from("evil\u{1b}[2J\nname"),
        };
        let text = error.localize(&en);
        assert!(!text.contains('\u{1b}') && !text.contains('\n'), "{text}");
        assert!(text.contains("evil\\u{1b}[2J\\u{a}name"), "{text}");
    }
}
