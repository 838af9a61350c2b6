//! Formatting interface messages and picking course texts in the current locale.

use super::coverage::{LocaleCoverage, TextScope, TextWalk};
use super::datetime::{self, CalendarWords, SharedZone};
use super::locale::{LocaleNotice, UiLocale};
use crate::course::diagnostic::{Diagnostic, Problem, Severity};
use crate::course::ids::Locale;
use crate::course::model::Text;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Shown when not even the "missing text" message exists (only in hand-built bundles).
const LAST_RESORT: &str = "(?)";

/// One argument of a message: a number (plurals select on it) or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum MsgArg<'a> {
    /// A whole number.
    Number(i64),
    /// A text, inserted as is.
    Text(Cow<'a, str>),
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for MsgArg<'_> {
            fn from(n: $t) -> Self {
                MsgArg::Number(i64::from(n))
            }
        }
    )*};
}
number_arg!(i8, i16, i32, i64, u8, u16, u32);

impl From<usize> for MsgArg<'_> {
    fn from(n: usize) -> Self {
        MsgArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u64> for MsgArg<'_> {
    fn from(n: u64) -> Self {
        MsgArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl<'a> From<&'a str> for MsgArg<'a> {
    fn from(s: &'a str) -> Self {
        MsgArg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for MsgArg<'a> {
    fn from(s: &'a String) -> Self {
        MsgArg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for MsgArg<'_> {
    fn from(s: String) -> Self {
        MsgArg::Text(Cow::Owned(s))
    }
}

/// The arguments of a message, by variable name (without the `$`). Build with
/// [`msg_args!`](crate::msg_args) or [`MsgArgs::with`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MsgArgs<'a>(Vec<(&'static str, MsgArg<'a>)>);

impl<'a> MsgArgs<'a> {
    /// No arguments.
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// These arguments plus `$name` = `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<MsgArg<'a>>) -> Self {
        self.0.push((name, value.into()));
        self
    }

    fn to_fluent(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(self.0.len());
        for (name, value) in &self.0 {
            let value = match value {
                MsgArg::Number(n) => FluentValue::from(*n),
                MsgArg::Text(s) => FluentValue::from(s.as_ref()),
            };
            args.set(*name, value);
        }
        args
    }
}

/// Why a message could not be formatted in one locale.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MsgError {
    /// The locale has no message with this id.
    #[error("no message `{id}` in `{locale}`")]
    Missing {
        /// The id.
        id: String,
        /// The locale.
        locale: UiLocale,
    },
    /// Fluent reported errors (e.g. an argument the message uses was not passed); `text` is
    /// Fluent's best effort.
    #[error("message `{id}` in `{locale}`: {}", errors.join("; "))]
    Format {
        /// The id.
        id: String,
        /// The locale.
        locale: UiLocale,
        /// The text as formatted despite the errors.
        text: String,
        /// Fluent's descriptions of the errors.
        errors: Vec<String>,
    },
}

/// A Fluent source that does not parse or clashes with itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the `{locale}` messages are broken: {}", errors.join("; "))]
pub struct BundleError {
    /// The locale.
    pub locale: UiLocale,
    /// What the parser or the bundle reported.
    pub errors: Vec<String>,
}

/// A course text in the locale chosen for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picked<'a> {
    /// The text; empty when the course has it in no locale.
    pub text: &'a str,
    /// The locale it is in.
    pub locale: &'a Locale,
    /// `true` when this is not the current locale: the screen shows a marker.
    pub fell_back: bool,
}

/// The interface messages of every language, the current language, and the course's
/// default locale.
pub struct Localizer {
    /// One bundle per language of [`UiLocale::ALL`], in that order.
    pub(super) bundles: Vec<(UiLocale, FluentBundle<FluentResource>)>,
    pub(super) current: UiLocale,
    /// `current` as a course locale, so [`Picked::locale`] can borrow it.
    current_course_locale: Locale,
    course_default: Option<Locale>,
    /// The course's own fallback order per interface language, when it gives one.
    text_fallback: BTreeMap<Locale, Vec<Locale>>,
    /// The time zone moments are shown in (every bundle's `DATETIME` reads it).
    pub(super) zone: SharedZone,
    /// Each language's words for dates, as its `DATETIME` uses them.
    pub(super) calendar: Vec<(UiLocale, CalendarWords)>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("current", &self.current)
            .field("course_default", &self.course_default)
            .finish_non_exhaustive()
    }
}

impl Localizer {
    /// The messages embedded in the binary, with `current` as the interface language.
    pub fn new(current: UiLocale) -> Self {
        let sources = UiLocale::ALL.map(|locale| (locale, locale.ftl_source().to_owned()));
        match Self::from_sources(current, sources) {
            Ok(localizer) => localizer,
            // The tests parse the embedded files, so this only happens in a broken build;
            // keep the entries that did parse rather than stop the program.
            Err(_) => Self::lenient(current),
        }
    }

    /// Messages from the given Fluent sources (one per language; a language left out has
    /// no messages). Fails when a source has syntax errors or defines an id twice.
    pub fn from_sources(
        current: UiLocale,
        sources: impl IntoIterator<Item = (UiLocale, String)>,
    ) -> Result<Self, BundleError> {
        let mut localizer = Self::empty(current);
        for (locale, source) in sources {
            let resource = FluentResource::try_new(source).map_err(|(_, errors)| BundleError {
                locale,
                errors: errors.iter().map(ToString::to_string).collect(),
            })?;
            let bundle = localizer.bundle_mut(locale);
            bundle
                .add_resource(resource)
                .map_err(|errors| BundleError {
                    locale,
                    errors: errors.iter().map(ToString::to_string).collect(),
                })?;
        }
        localizer.register_date_time();
        Ok(localizer)
    }

    /// The embedded messages, keeping whatever parses.
    fn lenient(current: UiLocale) -> Self {
        let mut localizer = Self::empty(current);
        for locale in UiLocale::ALL {
            let resource = match FluentResource::try_new(locale.ftl_source().to_owned()) {
                Ok(resource) | Err((resource, _)) => resource,
            };
            localizer
                .bundle_mut(locale)
                .add_resource_overriding(resource);
        }
        localizer.register_date_time();
        localizer
    }

    fn empty(current: UiLocale) -> Self {
        let bundles = UiLocale::ALL
            .into_iter()
            .map(|locale| {
                let mut bundle = FluentBundle::new_concurrent(vec![locale.langid()]);
                // Unicode isolation marks around arguments show up as garbage in a terminal.
                bundle.set_use_isolating(false);
                (locale, bundle)
            })
            .collect();
        Self {
            bundles,
            current,
            current_course_locale: Locale(current.tag().into()),
            course_default: None,
            text_fallback: BTreeMap::new(),
            zone: std::sync::Arc::new(std::sync::RwLock::new(datetime::local_time_zone())),
            calendar: Vec::new(),
        }
    }

    fn bundle(&self, locale: UiLocale) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, bundle)| bundle)
    }

    fn bundle_mut(&mut self, locale: UiLocale) -> &mut FluentBundle<FluentResource> {
        let index = UiLocale::ALL
            .iter()
            .position(|l| *l == locale)
            .unwrap_or_default();
        // `empty` creates one bundle per entry of `UiLocale::ALL`, in order.
        &mut self.bundles[index].1
    }

    /// The current interface language.
    pub fn current(&self) -> UiLocale {
        self.current
    }

    /// Switches the interface language (and the preferred locale of course texts).
    pub fn set_locale(&mut self, locale: UiLocale) {
        self.current = locale;
        self.current_course_locale = Locale(locale.tag().into());
    }

    /// The course's default locale: course texts and messages fall back to it.
    pub fn course_default(&self) -> Option<&Locale> {
        self.course_default.as_ref()
    }

    /// Sets the course's default locale.
    pub fn set_course_default(&mut self, locale: Locale) {
        self.course_default = Some(locale);
    }

    /// Sets the course's fallback order per interface language (the manifest's
    /// `fallback`); a language it does not name keeps the built-in order
    /// ([`UiLocale::fallback_languages`]).
    pub fn set_text_fallback(&mut self, order: BTreeMap<Locale, Vec<Locale>>) {
        self.text_fallback = order;
    }

    /// The languages messages are looked up in: current, course default, English.
    fn chain(&self) -> impl Iterator<Item = UiLocale> + '_ {
        let default = self
            .course_default
            .as_ref()
            .and_then(|l| UiLocale::parse(l.as_str()));
        let mut seen = Vec::with_capacity(3);
        [Some(self.current), default, Some(UiLocale::En)]
            .into_iter()
            .flatten()
            .filter(move |l| {
                let new = !seen.contains(l);
                seen.push(*l);
                new
            })
    }

    /// The message `id` with `args`, in the current language, else the course's default
    /// language, else English. Never the raw id: a message missing everywhere gives a
    /// localized "(text missing)". Fluent errors give Fluent's best effort, never a panic.
    pub fn msg(&self, id: &str, args: &MsgArgs<'_>) -> String {
        for locale in self.chain() {
            match self.msg_in(id, locale, args) {
                Ok(text) => return text,
                Err(MsgError::Format { text, .. }) => return text,
                Err(MsgError::Missing { .. }) => {}
            }
        }
        self.missing_text()
    }

    /// The message `id` with `args` in exactly `locale`, with any error; for tests and
    /// tools that check translations.
    pub fn msg_in(
        &self,
        id: &str,
        locale: UiLocale,
        args: &MsgArgs<'_>,
    ) -> Result<String, MsgError> {
        let missing = || MsgError::Missing {
            id: id.to_owned(),
            locale,
        };
        let bundle = self.bundle(locale).ok_or_else(missing)?;
        let pattern = bundle
            .get_message(id)
            .and_then(|message| message.value())
            .ok_or_else(missing)?;
        let fluent_args = args.to_fluent();
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(MsgError::Format {
                id: id.to_owned(),
                locale,
                text,
                errors: errors.iter().map(ToString::to_string).collect(),
            })
        }
    }

    fn missing_text(&self) -> String {
        for locale in self.chain() {
            if let Ok(text) = self.msg_in("missing-text", locale, &MsgArgs::new()) {
                return text;
            }
        }
        LAST_RESORT.to_owned()
    }

    /// `text` in the current locale; else in the course's default locale; else in the first
    /// locale that has it. Blank translations count as missing.
    pub fn pick<'a>(&'a self, text: &'a Text) -> Picked<'a> {
        if let Some((locale, s)) = find_locale(text, &self.current_course_locale) {
            return Picked {
                text: s,
                locale,
                fell_back: false,
            };
        }
        // Before the course default, the languages a trainee of this interface language is
        // most likely to read as well: as the course orders them, or else built in
        // (French: English).
        let preferred = match self.text_fallback.get(self.current.tag()) {
            Some(order) => order.iter().find_map(|locale| find_locale(text, locale)),
            None => self
                .current
                .fallback_languages()
                .iter()
                .find_map(|tag| find_locale(text, &Locale::from(*tag))),
        };
        let default = || {
            self.course_default
                .as_ref()
                .and_then(|default| find_locale(text, default))
        };
        let other = || text.iter().find(|(_, s)| !s.trim().is_empty());
        match preferred.or_else(default).or_else(other) {
            Some((locale, s)) => Picked {
                text: s,
                locale,
                fell_back: true,
            },
            None => Picked {
                text: "",
                locale: &self.current_course_locale,
                fell_back: true,
            },
        }
    }

    /// The locales other than the interface language that texts of `scope` are shown in,
    /// in the order they are first met: what the one notice of a screen names instead of
    /// a marker on every text.
    pub fn fallbacks_in(&self, scope: TextScope<'_>) -> Vec<Locale> {
        let mut found: Vec<Locale> = Vec::new();
        TextWalk(|text: &Text| {
            let picked = self.pick(text);
            if picked.fell_back && !picked.text.is_empty() && !found.contains(picked.locale) {
                found.push(picked.locale.clone());
            }
        })
        .add_scope(scope);
        found
    }

    /// The short notice of a screen whose texts are partly shown in `locales` ("in English
    /// where not translated"); `None` when every text is in the interface language.
    pub fn fallback_notice(&self, locales: &[Locale]) -> Option<String> {
        self.fallback_message("text-fallback-notice", locales)
    }

    /// The same notice as a sentence, said once per item in plain mode.
    pub fn fallback_sentence(&self, locales: &[Locale]) -> Option<String> {
        self.fallback_message("text-fallback-sentence", locales)
    }

    fn fallback_message(&self, id: &str, locales: &[Locale]) -> Option<String> {
        if locales.is_empty() {
            return None;
        }
        let names: Vec<String> = locales
            .iter()
            .map(|locale| {
                self.msg(
                    "course-language-name",
                    &crate::msg_args!("locale" => locale.as_str()),
                )
            })
            .collect();
        let list = names.join(&self.msg("list-separator", &MsgArgs::new()));
        Some(self.msg(id, &crate::msg_args!("languages" => list)))
    }

    /// `text` in `second`, for a gloss under the main text; `None` when the course does not
    /// have it in that locale (a gloss never falls back).
    pub fn gloss<'a>(&self, text: &'a Text, second: &Locale) -> Option<&'a str> {
        find_locale(text, second).map(|(_, s)| s)
    }

    /// The marker shown after a text that fell back to another locale, e.g. `[nl]`.
    pub fn fallback_marker(&self, picked: &Picked<'_>) -> Option<String> {
        (picked.fell_back && !picked.text.is_empty()).then(|| {
            self.msg(
                "text-fallback-marker",
                &crate::msg_args!("locale" => picked.locale.as_str()),
            )
        })
    }

    /// The one-line notice for a locale value that named no translated language.
    pub fn notice(&self, notice: &LocaleNotice) -> String {
        self.msg(
            "locale-unknown",
            &crate::msg_args!(
                "value" => notice.value.as_str(),
                "source" => notice.source.key(),
                "fallback" => notice.chosen.tag(),
            ),
        )
    }

    /// `error` or `warning`.
    pub fn severity(&self, severity: Severity) -> String {
        match severity {
            Severity::Error => self.msg("severity-error", &MsgArgs::new()),
            Severity::Warning => self.msg("severity-warning", &MsgArgs::new()),
        }
    }

    /// A diagnostic as `FILE:LINE:COL: SEVERITY[CODE]: MESSAGE (at PATH)`.
    pub fn diagnostic(&self, diagnostic: &Diagnostic) -> String {
        let (line, column) = diagnostic.position.map_or((1, 1), |p| (p.line, p.column));
        let args = crate::msg_args!(
            "file" => diagnostic.file.as_str(),
            "line" => line,
            "column" => column,
            "severity" => self.severity(diagnostic.severity),
            "code" => diagnostic.code(),
            "message" => self.problem(&diagnostic.problem),
        );
        if diagnostic.path.0.is_empty() {
            self.msg("diagnostic", &args)
        } else {
            self.msg(
                "diagnostic-with-path",
                &args.with("path", diagnostic.path.to_string()),
            )
        }
    }

    /// What is wrong, in words; the message id is `problem-` and the problem's code.
    pub fn problem(&self, problem: &Problem) -> String {
        use crate::msg_args as args;
        match problem {
            Problem::Unreadable { reason } => {
                self.msg("problem-unreadable", &args!("reason" => reason))
            }
            Problem::MissingManifest => self.msg("problem-missing-manifest", &args!()),
            Problem::Syntax { message } => {
                self.msg("problem-json-syntax", &args!("message" => message))
            }
            Problem::Type { message } => {
                self.msg("problem-json-type", &args!("message" => message))
            }
            Problem::FormatVersion { found, supported } => self.msg(
                "problem-format-version",
                &args!("found" => *found, "supported" => *supported),
            ),
            Problem::UnknownFile => self.msg("problem-unknown-file", &args!()),
            // Fluent variant keys have no spaces: `quiz option` selects `[quiz-option]`.
            Problem::DuplicateId { what, id, first } => self.msg(
                "problem-duplicate-id",
                &args!("what" => what.replace(' ', "-"), "id" => id, "first" => first),
            ),
            Problem::MissingItem { id } => self.msg("problem-missing-item", &args!("id" => id)),
            Problem::MissingNode { id } => self.msg("problem-missing-node", &args!("id" => id)),
            Problem::MissingCharacter { id } => {
                self.msg("problem-missing-character", &args!("id" => id))
            }
            Problem::UndeclaredVariable { id } => {
                self.msg("problem-undeclared-variable", &args!("id" => id))
            }
            Problem::UnknownCompetency { id } => {
                self.msg("problem-unknown-competency", &args!("id" => id))
            }
            Problem::UnusedItem { id } => self.msg("problem-unused-item", &args!("id" => id)),
            Problem::UnreachableNode { id } => {
                self.msg("problem-unreachable-node", &args!("id" => id))
            }
            Problem::DeadEnd { id } => self.msg("problem-dead-end", &args!("id" => id)),
            Problem::AllChoicesConditional { id } => {
                self.msg("problem-all-choices-conditional", &args!("id" => id))
            }
            Problem::NoReachableEnding => self.msg("problem-no-reachable-ending", &args!()),
            Problem::NodeKind { found } => self.msg("problem-node-kind", &args!("found" => *found)),
            Problem::SceneKind { found } => {
                self.msg("problem-scene-kind", &args!("found" => *found))
            }
            Problem::BadRange {
                id,
                min,
                start,
                max,
            } => self.msg(
                "problem-bad-range",
                &args!("id" => id, "min" => *min, "start" => *start, "max" => *max),
            ),
            Problem::OutOfRange {
                id,
                reached,
                min,
                max,
            } => self.msg(
                "problem-out-of-range",
                &args!("id" => id, "reached" => *reached, "min" => *min, "max" => *max),
            ),
            Problem::NoCorrectAnswer => self.msg("problem-no-correct-answer", &args!()),
            Problem::SeveralCorrectAnswers { count } => {
                self.msg("problem-several-correct-answers", &args!("count" => *count))
            }
            Problem::Empty { what } => self.msg("problem-empty", &args!("what" => what)),
            Problem::MissingLocale { locale } => {
                self.msg("problem-missing-locale", &args!("locale" => locale))
            }
            Problem::UndeclaredLocale { locale } => {
                self.msg("problem-undeclared-locale", &args!("locale" => locale))
            }
            Problem::DefaultLocaleUndeclared { locale } => self.msg(
                "problem-default-locale-undeclared",
                &args!("locale" => locale),
            ),
            // Code points are written in hexadecimal (U+001B), which Fluent cannot format.
            Problem::ControlCharacter { locale, code } => self.msg(
                "problem-control-character",
                &args!("locale" => locale, "code" => format!("{code:04X}")),
            ),
            Problem::IdControlCharacter { code } => self.msg(
                "problem-id-control-character",
                &args!("code" => format!("{code:04X}")),
            ),
            Problem::NotFictional => self.msg("problem-not-fictional", &args!()),
            Problem::OldFormatVersion {
                found,
                current,
                inferred,
            } => self.msg(
                "problem-old-format-version",
                &args!("found" => *found, "current" => *current, "inferred" => *inferred),
            ),
            Problem::RouteFallback { id } => self.msg("problem-route-fallback", &args!("id" => id)),
            Problem::MissingChoice { id } => self.msg("problem-missing-choice", &args!("id" => id)),
            Problem::MissingQuality { id } => {
                self.msg("problem-missing-quality", &args!("id" => id))
            }
            Problem::MissingThinker { id } => {
                self.msg("problem-missing-thinker", &args!("id" => id))
            }
            Problem::DecorativeVariable { id } => {
                self.msg("problem-decorative-variable", &args!("id" => id))
            }
            Problem::HarmfulGoodEnding {
                ending,
                choice,
                path,
            } => self.msg(
                "problem-harmful-good-ending",
                &args!("ending" => ending, "choice" => choice, "path" => path),
            ),
            Problem::PositionalAnswer {
                position,
                same,
                total,
            } => self.msg(
                "problem-positional-answer",
                &args!("position" => *position, "same" => *same, "total" => *total),
            ),
            Problem::QualityMismatch {
                id,
                quality,
                reason,
            } => self.msg(
                "problem-quality-mismatch",
                &args!("id" => id, "quality" => quality, "reason" => reason),
            ),
            Problem::LengthTell { longest, total } => self.msg(
                "problem-length-tell",
                &args!("longest" => *longest, "total" => *total),
            ),
            Problem::UnreadableDirectory { reason } => {
                self.msg("problem-unreadable-directory", &args!("reason" => reason))
            }
            Problem::LinkedDirectory => self.msg("problem-linked-directory", &args!()),
            Problem::NotAFile => self.msg("problem-not-a-file", &args!()),
            Problem::FileTooLarge { limit } => {
                self.msg("problem-file-too-large", &args!("limit" => *limit))
            }
            Problem::CourseTooLarge { limit } => {
                self.msg("problem-course-too-large", &args!("limit" => *limit))
            }
            Problem::TooManyFiles { limit } => {
                self.msg("problem-too-many-files", &args!("limit" => *limit))
            }
            Problem::TextTooLong { length, limit } => self.msg(
                "problem-text-too-long",
                &args!("length" => *length, "limit" => *limit),
            ),
            Problem::TooMany { what, count, limit } => self.msg(
                "problem-too-many",
                &args!("what" => what, "count" => *count, "limit" => *limit),
            ),
            Problem::ByteOrderMarks => self.msg("problem-byte-order-mark", &args!()),
        }
    }

    /// One line of the coverage report, e.g. `fr: 120/130 texts (92%)`; the course default
    /// is marked.
    pub fn coverage_line(&self, coverage: &LocaleCoverage) -> String {
        let args = crate::msg_args!(
            "locale" => coverage.locale.as_str(),
            "present" => coverage.present,
            "total" => coverage.total,
            "percent" => coverage.percent(),
        );
        if self.course_default.as_ref() == Some(&coverage.locale) {
            self.msg("coverage-line-default", &args)
        } else {
            self.msg("coverage-line", &args)
        }
    }
}

/// The non-blank text for `wanted`: exactly that locale, else one of the same language
/// (`nl-BE` for `nl`).
fn find_locale<'a>(text: &'a Text, wanted: &Locale) -> Option<(&'a Locale, &'a str)> {
    let present = |(_, s): &(&Locale, &str)| !s.trim().is_empty();
    let exact = text.entry(wanted.as_str()).filter(present);
    let same_language = || {
        let language = language_of(wanted.as_str());
        text.iter()
            .filter(present)
            .find(|(l, _)| language_of(l.as_str()).eq_ignore_ascii_case(language))
    };
    exact.or_else(same_language)
}

/// The language subtag of a locale tag: `nl` of `nl-BE` or `nl_BE`.
fn language_of(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}
