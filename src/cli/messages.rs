//! The interface language of one run and the messages that need more than one `msg` call.
//!
//! Every user-facing sentence comes from the Fluent files in `locales/`; this module only
//! chooses the language and passes numbers and names, it never assembles sentences.
//!
//! Everything the command line prints passes through here, so this is where untrusted
//! values (file names, ids, profile names, what a damaged file says) are escaped with
//! [`display`]: no control character from a file reaches the terminal.

use crate::course::{Diagnostic, Problem};
use crate::i18n::display;
use crate::i18n::{LocaleCandidates, LocaleNotice, Localizer, MsgArgs, UiLocale, resolve_locale};
use crate::msg_args;
use crate::progress::{Damage, ProfileNameError, ProgressError};
use std::io::Write;
use std::path::Path;

/// The interface language of this run, chosen again once the course (and so its default
/// locale) is known, and the one-line notice for a locale value that names no translation.
pub(crate) struct Ui {
    l10n: Localizer,
    candidates: LocaleCandidates,
    notice: Option<LocaleNotice>,
    notice_shown: bool,
}

impl Ui {
    /// The language from `--lang`, `KRUISPUNT_LANG` and the system locale; the course
    /// default is added by [`Ui::adopt_course_default`].
    pub(crate) fn from_environment(flag: Option<String>) -> Self {
        Self::new(LocaleCandidates::from_environment(flag, None))
    }

    /// The language chosen from `candidates`.
    pub(crate) fn new(candidates: LocaleCandidates) -> Self {
        let resolution = resolve_locale(&candidates);
        Self {
            l10n: Localizer::new(resolution.locale),
            candidates,
            notice: resolution.notice,
            notice_shown: false,
        }
    }

    /// Chooses the language again with the course's default locale as the last candidate,
    /// and lets messages and course texts fall back to it.
    pub(crate) fn adopt_course_default(&mut self, default: Option<&str>) {
        let Some(default) = default else {
            return;
        };
        self.candidates.course_default = Some(default.to_owned());
        let resolution = resolve_locale(&self.candidates);
        self.l10n.set_locale(resolution.locale);
        self.l10n
            .set_course_default(crate::course::ids::Locale(default.to_owned()));
        if !self.notice_shown {
            self.notice = resolution.notice;
        }
    }

    /// Speaks `locale` from now on, whatever the candidates say (the interactive course
    /// chose it, possibly from the learner's profile).
    pub(crate) fn set_locale(&mut self, locale: UiLocale) {
        self.l10n.set_locale(locale);
    }

    /// Writes the notice about an unknown locale value to stderr, once per run.
    pub(crate) fn show_notice(&mut self) {
        if self.notice_shown {
            return;
        }
        self.notice_shown = true;
        if let Some(notice) = &self.notice {
            // A closed stderr leaves nowhere to report that.
            let notice = self.l10n.notice(notice);
            let _ = writeln!(
                std::io::stderr().lock(),
                "{}",
                display::escape_lines(&notice)
            );
        }
    }

    /// The localisation layer.
    pub(crate) fn l10n(&self) -> &Localizer {
        &self.l10n
    }

    /// The current interface language.
    pub(crate) fn locale(&self) -> UiLocale {
        self.l10n.current()
    }

    /// The message `id` with `args` in the current language, with any control character
    /// an argument brought in written out (`\u{1b}`); newlines and tabs are kept.
    pub(crate) fn msg(&self, id: &str, args: &MsgArgs<'_>) -> String {
        display::escape_lines(&self.l10n.msg(id, args)).into_owned()
    }

    /// A diagnostic line, `FILE:LINE:COL: SEVERITY[CODE]: MESSAGE`, always one line.
    pub(crate) fn diagnostic(&self, diagnostic: &Diagnostic) -> String {
        display::escape(&self.l10n.diagnostic(diagnostic)).into_owned()
    }

    /// What a problem is, in words.
    pub(crate) fn problem(&self, problem: &Problem) -> String {
        self.l10n.problem(problem)
    }

    /// The line printed for an error that stops the program.
    pub(crate) fn fatal(&self, message: &str) -> String {
        self.msg("error-fatal", &msg_args!("message" => message))
    }

    /// A profile name that is not allowed.
    pub(crate) fn profile_name_error(&self, error: &ProfileNameError) -> String {
        match error {
            ProfileNameError::Empty => self.msg("error-profile-name-empty", &msg_args!()),
            ProfileNameError::TooLong { len } => self.msg(
                "error-profile-name-too-long",
                &msg_args!("len" => *len, "max" => crate::progress::MAX_PROFILE_NAME_LEN),
            ),
            ProfileNameError::InvalidCharacter { name, found } => self.msg(
                "error-profile-name-character",
                &msg_args!("name" => display::escape(name).into_owned(), "found" => printable(*found)),
            ),
        }
    }

    /// A progress error, in words.
    pub(crate) fn progress_error(&self, error: &ProgressError, dir: &Path) -> String {
        match error {
            ProgressError::NoDataDir => self.msg("error-no-data-dir", &msg_args!()),
            ProgressError::InvalidName(e) => self.profile_name_error(e),
            ProgressError::ProfileInUse {
                profile,
                pid: Some(pid),
            } => self.msg(
                "error-profile-in-use",
                &msg_args!("name" => profile.as_str(), "pid" => *pid),
            ),
            ProgressError::ProfileInUse { profile, pid: None } => self.msg(
                "error-profile-in-use-no-pid",
                &msg_args!("name" => profile.as_str()),
            ),
            ProgressError::NewerVersion {
                path,
                found,
                supported,
            } => self.msg(
                "error-newer-progress",
                &msg_args!(
                    "path" => path.display().to_string(),
                    "found" => *found,
                    "supported" => *supported,
                ),
            ),
            ProgressError::NoSuchProfile { profile } => self.msg(
                "error-no-such-profile",
                &msg_args!("name" => profile.as_str(), "dir" => dir.display().to_string()),
            ),
            ProgressError::Io {
                action,
                path,
                source,
            } => self.msg(
                "error-progress-io",
                &msg_args!(
                    // Fluent variant keys have no spaces: `move aside` selects `[move-aside]`.
                    "action" => action.replace(' ', "-"),
                    "path" => path.display().to_string(),
                    "reason" => source.to_string(),
                ),
            ),
            ProgressError::NotAFile { path } => self.msg(
                "error-not-a-regular-file",
                &msg_args!("path" => path.display().to_string()),
            ),
            ProgressError::Encode(e) => self.msg(
                "error-progress-encode",
                &msg_args!("reason" => e.to_string()),
            ),
        }
    }

    /// What is wrong with a damaged progress file.
    pub(crate) fn damage(&self, damage: &Damage) -> String {
        match damage {
            Damage::Empty => self.msg("damage-empty", &msg_args!()),
            Damage::Unreadable(reason) => self.msg(
                "damage-unreadable",
                &msg_args!("reason" => display::escape(reason).into_owned()),
            ),
            Damage::NotJson(reason) => self.msg(
                "damage-not-json",
                &msg_args!("reason" => display::escape(reason).into_owned()),
            ),
            Damage::NoVersion => self.msg("damage-no-version", &msg_args!()),
            Damage::WrongShape(reason) => self.msg(
                "damage-wrong-shape",
                &msg_args!("reason" => display::escape(reason).into_owned()),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ui(flag: &str) -> Ui {
        Ui::new(LocaleCandidates {
            flag: Some(flag.to_owned()),
            ..LocaleCandidates::default()
        })
    }

    #[test]
    fn the_course_default_decides_only_when_nothing_else_does() {
        let mut ui = Ui::new(LocaleCandidates::default());
        assert_eq!(ui.locale(), UiLocale::En);
        ui.adopt_course_default(Some("nl"));
        assert_eq!(ui.locale(), UiLocale::Nl);

        let mut flagged = self::ui("fr");
        flagged.adopt_course_default(Some("nl"));
        assert_eq!(flagged.locale(), UiLocale::Fr);
    }

    #[test]
    fn an_unknown_flag_falls_back_to_the_course_default_with_a_notice() {
        let mut ui = ui("de");
        assert!(ui.notice.is_some());
        ui.adopt_course_default(Some("nl"));
        assert_eq!(ui.locale(), UiLocale::Nl);
        assert_eq!(ui.notice.as_ref().map(|n| n.chosen), Some(UiLocale::Nl));
    }

    #[test]
    fn profile_name_errors_are_localized() {
        let error = ProfileNameError::InvalidCharacter {
            name: "a/b".into(),
            found: '/',
        };
        assert!(ui("en").profile_name_error(&error).contains("“/”"));
        assert!(
            ui("nl")
                .profile_name_error(&error)
                .starts_with("de profielnaam")
        );
        let space = ProfileNameError::InvalidCharacter {
            name: "a b".into(),
            found: ' ',
        };
        assert!(ui("en").profile_name_error(&space).contains("U+0020"));
    }
}
