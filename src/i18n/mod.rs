//! Localisation: interface strings in Dutch, English and French (Project Fluent), the choice
//! of the interface language, course texts in the chosen locale, and translation coverage.
//!
//! - [`resolve_locale`] picks the interface language from the command line, the
//!   environment, the learner's profile, the system and the course, first match wins; it
//!   is a pure function. [`start_localizer`] builds on it the ready [`Localizer`] and the
//!   start-up lines of every front end (TUI, plain mode, facilitator mode).
//! - [`Localizer`] formats interface messages by id with [`MsgArgs`] and picks course
//!   texts in the current locale, marking the ones that fall back to another locale.
//! - [`Localize`] turns every error that can reach the user into a message in the
//!   interface language, the same for the command line, the TUI and plain mode.
//! - [`coverage`] counts, per locale a course declares, how many of its texts exist.
//! - [`datetime`] shows moments in the user's time zone and language, also to messages
//!   through Fluent's `DATETIME`.
//!
//! Message ids are always written as a string literal, the first argument of `msg`, so
//! the tests can find every id the code uses and check it exists in every locale.

mod coverage;
pub mod datetime;
pub mod display;
pub(crate) mod error;
mod locale;
mod localizer;
mod start;
pub mod status;

pub use coverage::{Coverage, LocaleCoverage, TextScope, coverage};
pub use datetime::{CalendarWords, DateTimeStyle, format_date_time, local_time_zone};
pub use error::Localize;
pub use locale::{
    LocaleCandidates, LocaleNotice, LocaleSource, Resolution, UiLocale, resolve_locale,
    system_locale,
};
pub use localizer::{BundleError, Localizer, MsgArg, MsgArgs, MsgError, Picked};
pub use start::{notice_lines, start_localizer};

/// Builds [`MsgArgs`] from `"name" => value` pairs; numbers stay numbers, so Fluent can
/// choose plural forms.
///
/// ```
/// let args = kruispunt::msg_args!("root" => "course", "errors" => 2usize, "warnings" => 0usize);
/// let l10n = kruispunt::i18n::Localizer::new(kruispunt::i18n::UiLocale::En);
/// assert_eq!(l10n.msg("validate-summary", &args), "course: 2 errors");
/// ```
#[macro_export]
macro_rules! msg_args {
    () => {
        $crate::i18n::MsgArgs::new()
    };
    ($($name:literal => $value:expr),+ $(,)?) => {
        $crate::i18n::MsgArgs::new()$(.with($name, $value))+
    };
}
