//! Which value of each setting wins: the command line, then the environment, then the
//! config file, then the default. The one place that order is written.

use crate::report::document::CsvDelimiter;
use std::path::PathBuf;

/// The environment variable with the course directory, as `--course`.
pub const COURSE_ENV: &str = "KRUISPUNT_COURSE";

/// Where the value of a setting came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// A command-line option (`--course`, `--lang`, `--data-dir`, `--endpoint`…).
    Flag,
    /// An environment variable (`KRUISPUNT_COURSE`, `KRUISPUNT_LANG`…).
    Env,
    /// The config file, `kruispunt.toml`.
    File,
    /// The LRS's own config file, `lrs.json` (written by `kruispunt xapi configure`).
    LrsFile,
    /// None of them: the program's default.
    Default,
}

impl Source {
    /// The key messages and JSON documents use: `flag`, `env`, `file`, `lrs-file`,
    /// `default`.
    pub fn key(self) -> &'static str {
        match self {
            Source::Flag => "flag",
            Source::Env => "env",
            Source::File => "file",
            Source::LrsFile => "lrs-file",
            Source::Default => "default",
        }
    }
}

/// A setting's value and where it came from. `None` is the default, which the layer that
/// uses the setting knows (the built-in course, the platform's data directory…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<T> {
    /// The value; `None` for the default.
    pub value: Option<T>,
    /// Where it came from.
    pub source: Source,
}

/// The settings as one source gives them; `None` where it does not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    /// The course directory.
    pub course: Option<PathBuf>,
    /// The interface language, as written (`nl`, `fr_BE.UTF-8`…).
    pub lang: Option<String>,
    /// The data directory.
    pub data_dir: Option<PathBuf>,
    /// The LRS's xAPI endpoint.
    pub lrs_endpoint: Option<String>,
    /// The delimiter of CSV exports.
    pub csv_delimiter: Option<CsvDelimiter>,
}

impl Given {
    /// The settings in the environment: [`COURSE_ENV`], `KRUISPUNT_LANG`,
    /// `KRUISPUNT_DATA_DIR` and `KRUISPUNT_LRS_ENDPOINT`. The CSV delimiter has no variable.
    pub fn from_environment() -> Self {
        let var = |name: &str| std::env::var_os(name);
        Self {
            course: var(COURSE_ENV).map(PathBuf::from),
            lang: var("KRUISPUNT_LANG").map(|v| v.to_string_lossy().into_owned()),
            data_dir: var(crate::progress::DATA_DIR_ENV).map(PathBuf::from),
            lrs_endpoint: var(crate::xapi::lrs::ENDPOINT_ENV)
                .map(|v| v.to_string_lossy().into_owned()),
            csv_delimiter: None,
        }
    }
}

/// The effective settings of one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The course directory; the default is the built-in course.
    pub course: Resolved<PathBuf>,
    /// The interface language; the default is the profile's saved language, the system
    /// locale, then the course's default locale (`crate::i18n::resolve_locale`).
    pub lang: Resolved<String>,
    /// The data directory; the default is the platform's.
    pub data_dir: Resolved<PathBuf>,
    /// The LRS endpoint; no default.
    pub lrs_endpoint: Resolved<String>,
    /// The CSV delimiter; the default follows the interface language.
    pub csv_delimiter: Resolved<CsvDelimiter>,
}

/// Picks each setting: `flags` beat `env`, which beats `file` (`kruispunt.toml`), which
/// beats the default. The LRS endpoint alone has one more source between the environment
/// and `kruispunt.toml`: `lrs_file`, the endpoint in `lrs.json`, saved by `kruispunt xapi
/// configure` together with the user name and password that go with it.
///
/// An empty value counts as not given (an empty path would silently mean the current
/// directory, an empty language nothing at all).
pub fn resolve(flags: &Given, env: &Given, file: &Given, lrs_file: Option<&str>) -> Settings {
    Settings {
        course: first(
            [
                (Source::Flag, &flags.course),
                (Source::Env, &env.course),
                (Source::File, &file.course),
            ],
            |p| !p.as_os_str().is_empty(),
        ),
        lang: first(
            [
                (Source::Flag, &flags.lang),
                (Source::Env, &env.lang),
                (Source::File, &file.lang),
            ],
            |l| !l.trim().is_empty(),
        ),
        data_dir: first(
            [
                (Source::Flag, &flags.data_dir),
                (Source::Env, &env.data_dir),
                (Source::File, &file.data_dir),
            ],
            |p| !p.as_os_str().is_empty(),
        ),
        lrs_endpoint: first(
            [
                (Source::Flag, &flags.lrs_endpoint),
                (Source::Env, &env.lrs_endpoint),
                (Source::LrsFile, &lrs_file.map(str::to_owned)),
                (Source::File, &file.lrs_endpoint),
            ],
            |e| !e.is_empty(),
        ),
        csv_delimiter: first(
            [
                (Source::Flag, &flags.csv_delimiter),
                (Source::Env, &env.csv_delimiter),
                (Source::File, &file.csv_delimiter),
            ],
            |_| true,
        ),
    }
}

/// The first given value of `candidates` (in order), or the default.
fn first<T: Clone, const N: usize>(
    candidates: [(Source, &Option<T>); N],
    given: impl Fn(&T) -> bool,
) -> Resolved<T> {
    candidates
        .into_iter()
        .find_map(|(source, value)| {
            value.as_ref().filter(|v| given(v)).map(|v| Resolved {
                value: Some(v.clone()),
                source,
            })
        })
        .unwrap_or(Resolved {
            value: None,
            source: Source::Default,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every setting given by the sources marked in `given` (flag, env, file), each with a
    /// value that names its source.
    fn sources(flag: bool, env: bool, file: bool) -> (Given, Given, Given) {
        let of = |on: bool, name: &str, delimiter: &str| {
            if !on {
                return Given::default();
            }
            Given {
                course: Some(PathBuf::from(format!("course-{name}"))),
                lang: Some(format!("lang-{name}")),
                data_dir: Some(PathBuf::from(format!("data-{name}"))),
                lrs_endpoint: Some(format!("https://{name}.example/xapi")),
                csv_delimiter: CsvDelimiter::parse(delimiter).ok(),
            }
        };
        (
            of(flag, "flag", ";"),
            of(env, "env", "tab"),
            of(file, "file", "|"),
        )
    }

    /// The source each setting was taken from, in the order course, lang, data_dir,
    /// lrs_endpoint, csv_delimiter, checking that the value is that source's.
    fn winners(settings: &Settings) -> [Source; 5] {
        let name = |source: Source| match source {
            Source::Flag => "flag",
            Source::Env => "env",
            Source::File => "file",
            Source::LrsFile => "lrs",
            Source::Default => "",
        };
        let check = |value: Option<String>, source: Source| {
            match value {
                Some(value) => assert!(value.contains(name(source)), "{value} from {source:?}"),
                None => assert_eq!(source, Source::Default),
            }
            source
        };
        let delimiter = match settings.csv_delimiter.value.map(CsvDelimiter::as_char) {
            Some(';') => Some("flag".to_owned()),
            Some('\t') => Some("env".to_owned()),
            Some('|') => Some("file".to_owned()),
            other => other.map(String::from),
        };
        [
            check(
                settings
                    .course
                    .value
                    .as_ref()
                    .map(|p| p.display().to_string()),
                settings.course.source,
            ),
            check(settings.lang.value.clone(), settings.lang.source),
            check(
                settings
                    .data_dir
                    .value
                    .as_ref()
                    .map(|p| p.display().to_string()),
                settings.data_dir.source,
            ),
            check(
                settings.lrs_endpoint.value.clone(),
                settings.lrs_endpoint.source,
            ),
            check(delimiter, settings.csv_delimiter.source),
        ]
    }

    #[test]
    fn flag_beats_environment_beats_file_beats_default_for_every_setting() {
        use Source::{Default, Env, File, Flag};
        // (flag given, env given, file given) -> the winner of every setting.
        let table = [
            ((false, false, false), Default),
            ((false, false, true), File),
            ((false, true, false), Env),
            ((false, true, true), Env),
            ((true, false, false), Flag),
            ((true, false, true), Flag),
            ((true, true, false), Flag),
            ((true, true, true), Flag),
        ];
        for ((flag, env, file), winner) in table {
            let (f, e, c) = sources(flag, env, file);
            let settings = resolve(&f, &e, &c, None);
            assert_eq!(
                winners(&settings),
                [winner; 5],
                "flag {flag}, env {env}, file {file}"
            );
        }
    }

    #[test]
    fn the_endpoint_in_lrs_json_comes_after_the_environment_and_before_kruispunt_toml() {
        use Source::{Env, File, Flag, LrsFile};
        let lrs = Some("https://lrs.example/xapi");
        // (flag, env, file) given, with lrs.json holding an endpoint too.
        let table = [
            ((false, false, false), LrsFile),
            ((false, false, true), LrsFile),
            ((false, true, true), Env),
            ((true, true, true), Flag),
        ];
        for ((flag, env, file), winner) in table {
            let (f, e, c) = sources(flag, env, file);
            let settings = resolve(&f, &e, &c, lrs);
            assert_eq!(settings.lrs_endpoint.source, winner, "{flag} {env} {file}");
            assert_eq!(winners(&settings)[3], winner);
        }
        let (f, e, c) = sources(false, false, true);
        assert_eq!(resolve(&f, &e, &c, None).lrs_endpoint.source, File);
    }

    #[test]
    fn an_empty_value_counts_as_not_given() {
        let empty = Given {
            course: Some(PathBuf::new()),
            lang: Some("  ".into()),
            data_dir: Some(PathBuf::new()),
            lrs_endpoint: Some(String::new()),
            csv_delimiter: None,
        };
        let (_, _, file) = sources(false, false, true);
        let settings = resolve(&empty, &empty, &file, Some(""));
        assert_eq!(winners(&settings), [Source::File; 5]);
        let settings = resolve(&empty, &empty, &Given::default(), None);
        assert_eq!(winners(&settings), [Source::Default; 5]);
    }
}
