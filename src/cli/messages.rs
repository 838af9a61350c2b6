//! The interface language of one run and the messages that need more than one `msg` call.
//!
//! Every user-facing sentence comes from the Fluent files in `locales/`; this module only
//! chooses the language and passes numbers and names, it never assembles sentences. Errors
//! are worded by their [`Localize`] implementations, as in every other front end.
//!
//! Everything the command line prints passes through here, so this is where untrusted
//! values (file names, ids, profile names, what a damaged file says) are escaped with
//! [`display`]: no control character from a file reaches the terminal.

use crate::course::{Diagnostic, Problem};
use crate::i18n::display;
use crate::i18n::{
    LocaleCandidates, LocaleNotice, Localize, Localizer, MsgArgs, UiLocale, resolve_locale,
};
use crate::msg_args;
use std::io::Write;

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

    /// Lets course texts fall back in the course's own order (its manifest's `fallback`).
    pub(crate) fn adopt_text_fallback(
        &mut self,
        order: std::collections::BTreeMap<
            crate::course::ids::Locale,
            Vec<crate::course::ids::Locale>,
        >,
    ) {
        self.l10n.set_text_fallback(order);
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
            .set_course_default(crate::course::ids::Locale(default.into()));
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

    /// An error, or what is wrong with a file, in words ([`Localize`]), with any control
    /// character written out; newlines and tabs are kept.
    pub(crate) fn error(&self, error: &impl Localize) -> String {
        display::escape_lines(&error.localize(&self.l10n)).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::ProfileNameError;

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
        assert!(ui("en").error(&error).contains("“/”"));
        assert!(ui("nl").error(&error).starts_with("de profielnaam"));
        let space = ProfileNameError::InvalidCharacter {
            name: "a b".into(),
            found: ' ',
        };
        assert!(ui("en").error(&space).contains("U+0020"));
    }
}
