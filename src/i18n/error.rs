//! Errors in the interface language: [`Localize`], its implementations for the errors of
//! the layers above this one (course files, the system), and the helpers that put values
//! from files into messages. The layers below implement it next to their own errors
//! (`engine/messages.rs`, `progress/messages.rs`, `report/messages.rs`,
//! `facilitator/messages.rs`, the session core), so every layer only uses those above it.
//!
//! The `#[error]` texts of the error types stay English: they are for logs, tests and
//! developers. What the user reads comes from here, so each message id is written once and
//! every front end says the same thing in the same words.

use super::{Localizer, display};
use crate::course::migrate::MigrateError;
use crate::course::{
    CourseError, Diagnostic, LoadError, Problem, ReadError, Severity, SourceError,
};
use crate::msg_args;
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
pub(crate) fn shown_path(path: &Path) -> String {
    shown(&path.display().to_string())
}

/// A value from a file or the system as shown in a message.
pub(crate) fn shown(text: &str) -> String {
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

/// A refused character as shown in a message: control characters and spaces as `U+XXXX`,
/// so the message stays one readable line.
pub(crate) fn printable(c: char) -> String {
    if display::is_control(c) || c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", u32::from(c))
    } else {
        c.to_string()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{EngineError, RestoreError};
    use crate::facilitator::{SessionError, SessionId, SessionIdError};
    use crate::i18n::UiLocale;
    use crate::progress::ProfileName;
    use crate::progress::{Damage, MigrationError, ProfileNameError, ProgressError};
    use crate::report::ExportError;
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
