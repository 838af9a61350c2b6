//! Choosing the interface language.

use std::fmt;
use unic_langid::LanguageIdentifier;

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UiLocale {
    /// Dutch (as written in Flanders).
    Nl,
    /// English.
    En,
    /// French (as written in Belgium).
    Fr,
}

impl UiLocale {
    /// Every interface language, in the order the project lists them.
    pub const ALL: [UiLocale; 3] = [UiLocale::Nl, UiLocale::En, UiLocale::Fr];

    /// The course languages to show, in order, before the course's default when a text
    /// is not in this language. French-speaking trainees in Brussels and Wallonia read
    /// English more often than Dutch; Dutch and English readers get the course default.
    pub fn fallback_languages(self) -> &'static [&'static str] {
        match self {
            UiLocale::Fr => &["en"],
            UiLocale::Nl | UiLocale::En => &[],
        }
    }

    /// The language subtag, e.g. `nl`; also the directory under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            UiLocale::Nl => "nl",
            UiLocale::En => "en",
            UiLocale::Fr => "fr",
        }
    }

    /// The interface language for a locale written as BCP 47 (`fr-BE`) or POSIX
    /// (`nl_BE.UTF-8`, `en_GB@euro`); only the language counts. `None` when the value
    /// is not a locale or names a language without a translation.
    pub fn parse(value: &str) -> Option<Self> {
        match classify(value) {
            Given::Known(locale) => Some(locale),
            Given::Unset | Given::Unknown => None,
        }
    }

    /// The interface language for a bare language subtag such as `nl`.
    fn from_language(language: &str) -> Option<Self> {
        UiLocale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(language))
    }

    /// The embedded Fluent source of this language.
    pub(crate) fn ftl_source(self) -> &'static str {
        match self {
            UiLocale::Nl => include_str!("../../locales/nl/kruispunt.ftl"),
            UiLocale::En => include_str!("../../locales/en/kruispunt.ftl"),
            UiLocale::Fr => include_str!("../../locales/fr/kruispunt.ftl"),
        }
    }

    /// The language as a Unicode language identifier, for Fluent's plural rules.
    pub(crate) fn langid(self) -> LanguageIdentifier {
        // The tags are valid constants; the default (und) is never used but avoids a panic.
        self.tag().parse().unwrap_or_default()
    }
}

impl fmt::Display for UiLocale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// What one candidate value says about the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Given {
    /// Empty, `C` or `POSIX`: no preference.
    Unset,
    /// A language with a translation.
    Known(UiLocale),
    /// Something else: another language, or not a locale at all.
    Unknown,
}

/// Reads a BCP 47 or POSIX locale value, keeping only the language.
fn classify(value: &str) -> Given {
    // `nl_BE.UTF-8@euro`: the codeset follows `.`, the modifier follows `@`.
    let base = value.trim().split(['.', '@']).next().unwrap_or_default();
    if base.is_empty() || base.eq_ignore_ascii_case("C") || base.eq_ignore_ascii_case("POSIX") {
        return Given::Unset;
    }
    match base.replace('_', "-").parse::<LanguageIdentifier>() {
        Ok(id) => {
            UiLocale::from_language(id.language.as_str()).map_or(Given::Unknown, Given::Known)
        }
        Err(_) => Given::Unknown,
    }
}

/// Where the interface language came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocaleSource {
    /// The `--lang` option.
    Flag,
    /// The `KRUISPUNT_LANG` environment variable.
    Env,
    /// The language saved in the learner's profile.
    Saved,
    /// The system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, or the OS setting).
    System,
    /// The course's default locale.
    CourseDefault,
    /// None of them named a translated language: English.
    Fallback,
}

impl LocaleSource {
    /// The key Fluent messages select on (`flag`, `env`, `saved`, `system`, `course`,
    /// `fallback`).
    pub fn key(self) -> &'static str {
        match self {
            LocaleSource::Flag => "flag",
            LocaleSource::Env => "env",
            LocaleSource::Saved => "saved",
            LocaleSource::System => "system",
            LocaleSource::CourseDefault => "course",
            LocaleSource::Fallback => "fallback",
        }
    }
}

/// The values the interface language is chosen from, highest priority first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocaleCandidates {
    /// The `--lang` option.
    pub flag: Option<String>,
    /// The value of `KRUISPUNT_LANG`.
    pub env: Option<String>,
    /// The language saved in the learner's profile (`settings.locale`), when a profile is
    /// open.
    pub saved: Option<String>,
    /// The system locale, e.g. `nl_BE.UTF-8` or `fr-BE`.
    pub system: Option<String>,
    /// The default locale of the course, e.g. `nl`.
    pub course_default: Option<String>,
}

impl LocaleCandidates {
    /// The candidates of this process: `flag` and `course_default` as given, `KRUISPUNT_LANG`
    /// and the system locale read from the environment; no saved language.
    pub fn from_environment(flag: Option<String>, course_default: Option<String>) -> Self {
        Self {
            flag,
            env: std::env::var("KRUISPUNT_LANG").ok(),
            saved: None,
            system: system_locale(),
            course_default,
        }
    }
}

/// The system locale: on Unix the first of `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`
/// that is set, on other systems the user's OS setting.
pub fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}

/// A value that named no translated language; shown as a one-line notice, never an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleNotice {
    /// The value as given, e.g. `de_DE.UTF-8`.
    pub value: String,
    /// Where it was given.
    pub source: LocaleSource,
    /// The language used instead.
    pub chosen: UiLocale,
}

/// The chosen interface language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The language.
    pub locale: UiLocale,
    /// Where it came from.
    pub source: LocaleSource,
    /// Set when a value given by the user or the system named no translated language.
    pub notice: Option<LocaleNotice>,
}

/// Chooses the interface language: the first candidate that names a translated language
/// wins (`--lang`, `KRUISPUNT_LANG`, the language saved in the profile, the system locale,
/// the course default), else English.
///
/// The saved language beats the system because the learner chose it in Kruispunt itself;
/// `--lang` and `KRUISPUNT_LANG` beat it because they are given for this run.
///
/// Empty values, `C` and `POSIX` express no preference and are skipped. The first value from
/// the user or the system that names another language (or is no locale) yields a notice;
/// an unknown saved language or course default does not: the learner did not type the
/// first (Kruispunt wrote it), and the validator reports the second to the author.
pub fn resolve_locale(candidates: &LocaleCandidates) -> Resolution {
    let ordered = [
        (LocaleSource::Flag, &candidates.flag),
        (LocaleSource::Env, &candidates.env),
        (LocaleSource::Saved, &candidates.saved),
        (LocaleSource::System, &candidates.system),
        (LocaleSource::CourseDefault, &candidates.course_default),
    ];
    let mut unknown: Option<(&str, LocaleSource)> = None;
    let mut chosen = (UiLocale::En, LocaleSource::Fallback);
    for (source, value) in ordered {
        let Some(value) = value.as_deref() else {
            continue;
        };
        match classify(value) {
            Given::Known(locale) => {
                chosen = (locale, source);
                break;
            }
            Given::Unknown
                if !matches!(source, LocaleSource::Saved | LocaleSource::CourseDefault)
                    && unknown.is_none() =>
            {
                unknown = Some((value, source));
            }
            Given::Unknown | Given::Unset => {}
        }
    }
    let (locale, source) = chosen;
    Resolution {
        locale,
        source,
        notice: unknown.map(|(value, source)| LocaleNotice {
            value: value.trim().to_owned(),
            source,
            chosen: locale,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_reads_posix_and_bcp47() {
        assert_eq!(classify("nl_BE.UTF-8"), Given::Known(UiLocale::Nl));
        assert_eq!(classify("fr_BE@euro"), Given::Known(UiLocale::Fr));
        assert_eq!(classify("EN"), Given::Known(UiLocale::En));
        assert_eq!(classify("C.UTF-8"), Given::Unset);
        assert_eq!(classify("  "), Given::Unset);
        assert_eq!(classify("de_DE"), Given::Unknown);
        assert_eq!(classify("not a locale"), Given::Unknown);
    }

    fn candidates(
        flag: Option<&str>,
        env: Option<&str>,
        saved: Option<&str>,
        system: Option<&str>,
    ) -> LocaleCandidates {
        LocaleCandidates {
            flag: flag.map(str::to_owned),
            env: env.map(str::to_owned),
            saved: saved.map(str::to_owned),
            system: system.map(str::to_owned),
            course_default: Some("nl".to_owned()),
        }
    }

    #[test]
    fn the_saved_language_beats_system_and_course_but_not_flag_or_env() {
        let resolve = |flag, env, saved, system| {
            let got = resolve_locale(&candidates(flag, env, saved, system));
            (got.locale, got.source)
        };
        use LocaleSource::*;
        use UiLocale::*;
        let fr = Some("fr");
        assert_eq!(resolve(None, None, fr, Some("en_GB.UTF-8")), (Fr, Saved));
        assert_eq!(resolve(None, None, fr, None), (Fr, Saved));
        assert_eq!(resolve(Some("en"), None, fr, None), (En, Flag));
        assert_eq!(resolve(None, Some("nl_BE"), fr, None), (Nl, Env));
        // Nothing saved: the usual order.
        assert_eq!(resolve(None, None, None, Some("en_GB.UTF-8")), (En, System));
        assert_eq!(resolve(None, None, None, None), (Nl, CourseDefault));
        // A saved value that names no translation (written by hand, or by a later version
        // with more languages) is passed over.
        assert_eq!(resolve(None, None, Some("de"), Some("fr_BE")), (Fr, System));
    }

    #[test]
    fn an_unknown_flag_falls_back_to_the_saved_language_with_a_notice() {
        let got = resolve_locale(&candidates(Some("de"), None, Some("fr"), None));
        assert_eq!(
            (got.locale, got.source),
            (UiLocale::Fr, LocaleSource::Saved)
        );
        let notice = got.notice.expect("a notice about de");
        assert_eq!(
            (notice.value.as_str(), notice.source, notice.chosen),
            ("de", LocaleSource::Flag, UiLocale::Fr)
        );
        // An unknown system locale does not matter when a language is saved, and an
        // unknown saved language is no notice: the learner did not type it.
        let got = resolve_locale(&candidates(None, None, Some("fr"), Some("de_DE")));
        assert_eq!(got.notice, None);
        let got = resolve_locale(&candidates(None, None, Some("de"), None));
        assert_eq!((got.locale, got.notice), (UiLocale::Nl, None));
    }
}
