//! Finding and reading `kruispunt.toml`, and saying exactly where it is wrong.

use super::error::ConfigError;
use super::model::{KEYS, RawConfig, place};
use super::resolve::Given;
use crate::course::ReadError;
use std::ffi::OsString;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};

/// The environment variable naming the config file, instead of the platform's.
pub const CONFIG_ENV: &str = "KRUISPUNT_CONFIG";
/// The config file's name in the platform's config directory.
pub const FILE_NAME: &str = "kruispunt.toml";
/// The largest config file read: a real one is a few hundred bytes, and a file named by
/// mistake (a log, a disk image) should not be read whole.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Who named the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// `--config FILE`.
    Flag,
    /// [`CONFIG_ENV`].
    Env,
    /// Nobody: [`FILE_NAME`] in the platform's config directory (`~/.config/kruispunt` on
    /// Linux), which need not exist.
    Platform,
}

impl Origin {
    /// The key messages select on: `flag`, `env`, `platform`.
    pub fn key(self) -> &'static str {
        match self {
            Origin::Flag => "flag",
            Origin::Env => "env",
            Origin::Platform => "platform",
        }
    }
}

/// Where the config file is, and who said so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigPath {
    /// The file.
    pub path: PathBuf,
    /// Who named it.
    pub origin: Origin,
}

impl ConfigPath {
    /// The config file of this process: `--config` (`flag`), else [`CONFIG_ENV`], else the
    /// platform's; `None` when none is named and there is no home directory.
    pub fn find(flag: Option<&Path>) -> Option<Self> {
        let platform = directories::ProjectDirs::from("", "", "kruispunt")
            .map(|dirs| dirs.config_dir().join(FILE_NAME));
        locate(flag, std::env::var_os(CONFIG_ENV), platform)
    }
}

/// Picks the config file: the flag, the environment variable, the platform's. An empty
/// flag or variable counts as not given.
fn locate(
    flag: Option<&Path>,
    env: Option<OsString>,
    platform: Option<PathBuf>,
) -> Option<ConfigPath> {
    let named = |path: PathBuf, origin| Some(ConfigPath { path, origin });
    if let Some(flag) = flag.filter(|p| !p.as_os_str().is_empty()) {
        return named(flag.to_owned(), Origin::Flag);
    }
    if let Some(env) = env.filter(|v| !v.is_empty()) {
        return named(PathBuf::from(env), Origin::Env);
    }
    platform.map(|path| ConfigPath {
        path,
        origin: Origin::Platform,
    })
}

/// The config file of a run and what it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigFile {
    /// Where it is (or would be); `None` without a home directory.
    pub location: Option<ConfigPath>,
    /// Whether it exists (a platform file need not).
    pub found: bool,
    /// Its settings, checked; relative paths already made relative to its directory.
    pub values: Given,
}

impl ConfigFile {
    /// Reads the config file at `location`. A missing platform file holds nothing; a
    /// missing file that was named is an error, as is anything wrong inside.
    pub fn read(location: Option<ConfigPath>) -> Result<Self, ConfigError> {
        let Some(at) = location else {
            return Ok(Self::default());
        };
        // A regular file only (a FIFO would block), and no more than the cap.
        let bytes = match crate::course::read_regular_file(&at.path, MAX_CONFIG_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                if at.origin == Origin::Platform {
                    return Ok(Self {
                        location: Some(at),
                        ..Self::default()
                    });
                }
                return Err(ConfigError::Missing {
                    path: at.path,
                    origin: at.origin,
                });
            }
            Err(reason) => {
                return Err(ConfigError::Unreadable {
                    path: at.path,
                    reason,
                });
            }
        };
        let text = String::from_utf8(bytes).map_err(|_| ConfigError::Unreadable {
            path: at.path.clone(),
            reason: ReadError::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "not UTF-8 text",
            )),
        })?;
        let values = parse(&at.path, &text)?;
        Ok(Self {
            location: Some(at),
            found: true,
            values,
        })
    }
}

/// The checked settings in `text`, the content of the file at `path`.
pub fn parse(path: &Path, text: &str) -> Result<Given, ConfigError> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| explain(path, text, &e))?;
    raw.check(path, text)
}

/// Turns what the TOML layer said into an error that names the key: a syntax error as it
/// is; otherwise the document parses, and the error's span is a key (one Kruispunt does not
/// know) or a value (of the wrong type).
fn explain(path: &Path, text: &str, error: &toml::de::Error) -> ConfigError {
    let syntax = |error: &toml::de::Error| ConfigError::Syntax {
        at: place(path, text, error.span().map_or(0, |s| s.start)),
        detail: error.message().trim().to_owned(),
    };
    let document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(error) => return syntax(&error),
    };
    let Some(span) = error.span() else {
        return syntax(error);
    };
    if let Some(key) = key_at(document.get_ref(), &span, "") {
        let at = place(path, text, span.start);
        if key == "lrs.username" || key == "lrs.password" {
            return ConfigError::LrsCredentials { at, key };
        }
        let suggestion = suggestion(&key);
        return ConfigError::UnknownKey {
            at,
            key,
            suggestion,
        };
    }
    match value_at(document.get_ref(), &span, "") {
        Some(key) => match KEYS.iter().find(|(known, _)| *known == key) {
            Some(&(_, expected)) => ConfigError::WrongType {
                at: place(path, text, span.start),
                key,
                expected,
            },
            None => syntax(error),
        },
        None => syntax(error),
    }
}

/// The dotted name of the key written at `span`, at any depth of `table`.
fn key_at(table: &DeTable<'_>, span: &Range<usize>, prefix: &str) -> Option<String> {
    table.iter().find_map(|(key, value)| {
        let name = format!("{prefix}{}", key.get_ref());
        if key.span() == *span {
            return Some(name);
        }
        match value.get_ref() {
            DeValue::Table(inner) => key_at(inner, span, &format!("{name}.")),
            _ => None,
        }
    })
}

/// The dotted name of the key whose value is at `span` (the innermost one).
fn value_at(table: &DeTable<'_>, span: &Range<usize>, prefix: &str) -> Option<String> {
    table.iter().find_map(|(key, value)| {
        let name = format!("{prefix}{}", key.get_ref());
        let inner = match value.get_ref() {
            DeValue::Table(inner) => value_at(inner, span, &format!("{name}.")),
            _ => None,
        };
        let around = value.span();
        inner.or_else(|| (around.start <= span.start && span.end <= around.end).then_some(name))
    })
}

/// The known key that `key` is probably a typo of: the same but for case, `-` for `_`, or
/// up to two letters.
fn suggestion(key: &str) -> Option<&'static str> {
    let normal = key.to_lowercase().replace('-', "_");
    KEYS.iter()
        .map(|(known, _)| *known)
        .filter(|known| *known != "lrs")
        .find(|known| normal == *known || edit_distance(&normal, known) <= 2)
}

/// The Levenshtein distance between `a` and `b`, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::super::error::{BadValue, ValueKind};
    use super::*;
    use crate::i18n::Localize;
    use crate::report::document::CsvDelimiter;
    use std::fs;

    fn file() -> PathBuf {
        Path::new("conf").join(FILE_NAME)
    }

    fn error(text: &str) -> ConfigError {
        parse(&file(), text).expect_err("refused")
    }

    #[test]
    fn every_key_is_read_and_paths_are_relative_to_the_file() {
        let text = "version = 1\ncourse = \"courses/mine\"\nlang = \"fr_BE.UTF-8\"\n\
                    data_dir = \"/srv/kruispunt\"\ncsv_delimiter = \";\"\n\n\
                    [lrs]\nendpoint = \"https://lrs.example/xapi\"\n";
        let given = parse(&file(), text).expect("valid");
        assert_eq!(given.course, Some(Path::new("conf").join("courses/mine")));
        assert_eq!(given.lang.as_deref(), Some("fr_BE.UTF-8"));
        assert_eq!(given.data_dir, Some(PathBuf::from("/srv/kruispunt")));
        assert_eq!(
            given.lrs_endpoint.as_deref(),
            Some("https://lrs.example/xapi")
        );
        assert_eq!(given.csv_delimiter, Some(CsvDelimiter::SEMICOLON));
        assert_eq!(parse(&file(), "").expect("empty is fine"), Given::default());
        let dotted = parse(&file(), "lrs.endpoint = \"http://h:8100/xAPI/\"").expect("valid");
        assert_eq!(dotted.lrs_endpoint.as_deref(), Some("http://h:8100/xAPI/"));
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line_column_and_a_suggestion() {
        let ConfigError::UnknownKey {
            at,
            key,
            suggestion,
        } = error("lang = \"nl\"\n  data-dir = \"d\"\n")
        else {
            panic!("not an unknown key");
        };
        assert_eq!((at.path, at.line, at.column), (file(), 2, 3));
        assert_eq!((key.as_str(), suggestion), ("data-dir", Some("data_dir")));
        let ConfigError::UnknownKey { at, key, .. } =
            error("[lrs]\nendpoint = \"https://x/\"\nurl = \"y\"\n")
        else {
            panic!("not an unknown key in a table");
        };
        assert_eq!((key.as_str(), at.line, at.column), ("lrs.url", 3, 1));
        let ConfigError::UnknownKey { suggestion, .. } = error("colour = 1") else {
            panic!("not an unknown key");
        };
        assert_eq!(suggestion, None);
    }

    #[test]
    fn credentials_are_refused_without_their_value() {
        let e = error("[lrs]\npassword = \"hunter2\"\n");
        let ConfigError::LrsCredentials { at, key } = &e else {
            panic!("{e:?}");
        };
        assert_eq!((key.as_str(), at.line), ("lrs.password", 2));
        assert!(!format!("{e} {e:?}").contains("hunter2"));
    }

    #[test]
    fn a_value_of_the_wrong_type_names_its_key_and_the_type() {
        for (text, key, expected, line, column) in [
            ("lang = 3", "lang", ValueKind::String, 1, 8),
            ("\nversion = \"1\"", "version", ValueKind::Integer, 2, 11),
            ("lrs = \"https://x\"", "lrs", ValueKind::Table, 1, 7),
            (
                "[lrs]\nendpoint = true",
                "lrs.endpoint",
                ValueKind::String,
                2,
                12,
            ),
        ] {
            let e = error(text);
            let ConfigError::WrongType {
                at,
                key: named,
                expected: kind,
            } = &e
            else {
                panic!("{text}: {e:?}");
            };
            assert_eq!(
                (named.as_str(), *kind, at.line, at.column),
                (key, expected, line, column),
                "{text}"
            );
        }
    }

    #[test]
    fn a_bad_value_names_its_key() {
        for (text, key, problem) in [
            ("version = 2", "version", BadValue::Version(2)),
            ("lang = \"de\"", "lang", BadValue::Language("de".into())),
            ("course = \"\"", "course", BadValue::EmptyPath),
            ("data_dir = \" \"", "data_dir", BadValue::EmptyPath),
            (
                "lrs.endpoint = \"ftp://x\"",
                "lrs.endpoint",
                BadValue::Endpoint("ftp://x".into()),
            ),
            (
                "csv_delimiter = \";;\"",
                "csv_delimiter",
                BadValue::Delimiter(";;".into()),
            ),
        ] {
            let e = error(text);
            let ConfigError::BadValue {
                key: named,
                problem: found,
                at,
            } = &e
            else {
                panic!("{text}: {e:?}");
            };
            assert_eq!((*named, found, at.line), (key, &problem, 1), "{text}");
        }
    }

    #[test]
    fn a_syntax_error_has_its_place() {
        let e = error("lang = \"nl\"\ncourse = \n");
        let ConfigError::Syntax { at, detail } = &e else {
            panic!("{e:?}");
        };
        assert_eq!(at.line, 2, "{detail}");
        assert!(!detail.is_empty());
        let ConfigError::Syntax { at, .. } = error("lang = \"nl\"\nlang = \"fr\"\n") else {
            panic!("a key given twice is a syntax error");
        };
        assert_eq!(at.line, 2);
    }

    #[test]
    fn the_file_is_the_flag_then_the_variable_then_the_platform_one() {
        let flag = Path::new("f.toml");
        let env = || Some(OsString::from("e.toml"));
        let platform = || Some(PathBuf::from("p.toml"));
        let found = |f, e, p| locate(f, e, p).map(|c| (c.path, c.origin));
        assert_eq!(
            found(Some(flag), env(), platform()),
            Some((flag.to_owned(), Origin::Flag))
        );
        assert_eq!(
            found(None, env(), platform()),
            Some(("e.toml".into(), Origin::Env))
        );
        assert_eq!(
            found(Some(Path::new("")), Some(OsString::new()), platform()),
            Some(("p.toml".into(), Origin::Platform))
        );
        assert_eq!(found(None, None, None), None);
    }

    std::thread_local! {
        /// One localizer per interface language, built once: building one parses its
        /// Fluent file.
        static LOCALIZERS: Vec<crate::i18n::Localizer> = crate::i18n::UiLocale::ALL
            .into_iter()
            .map(crate::i18n::Localizer::new)
            .collect();
    }

    proptest::proptest! {
        /// Any text made of TOML's pieces and the keys is read or refused with a place
        /// inside the text and a message in every language, never a panic.
        #[test]
        fn any_text_is_read_or_refused_at_a_place_in_it(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "lang", "course", "data_dir", "data-dir", "csv_delimiter", "version",
                    "lrs", "endpoint", "password", ".", " = ", "\"", "'", "[", "]", "{", "}",
                    ",", "\n", " ", "1", "-3", "true", "nl", ";", "é", "\t", "#", "=",
                    "https://x/", "~/", "\\u0041",
                ]),
                0..40,
            )
        ) {
            let text: String = pieces.concat();
            if let Err(error) = parse(&file(), &text) {
                let at = match &error {
                    ConfigError::Syntax { at, .. }
                    | ConfigError::UnknownKey { at, .. }
                    | ConfigError::LrsCredentials { at, .. }
                    | ConfigError::WrongType { at, .. }
                    | ConfigError::BadValue { at, .. } => at,
                    other => panic!("{other:?} from text"),
                };
                proptest::prop_assert!(at.line >= 1 && at.line <= text.lines().count() + 1);
                proptest::prop_assert!(at.column >= 1);
                let messages = LOCALIZERS.with(|all| {
                    all.iter().map(|l| error.localize(l)).collect::<Vec<_>>()
                });
                proptest::prop_assert!(messages.iter().all(|m| !m.is_empty()));
            }
        }
    }

    #[test]
    fn only_a_regular_file_of_at_most_the_cap_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let named = |path: &Path| {
            ConfigFile::read(Some(ConfigPath {
                path: path.to_owned(),
                origin: Origin::Flag,
            }))
        };
        let e = named(dir.path()).expect_err("a directory");
        assert!(matches!(
            e,
            ConfigError::Unreadable {
                reason: ReadError::NotAFile,
                ..
            }
        ));
        let big = dir.path().join("big.toml");
        let line = "# a comment\n".repeat(100_000);
        fs::write(&big, line).unwrap();
        let e = named(&big).expect_err("too large");
        assert!(matches!(
            e,
            ConfigError::Unreadable {
                reason: ReadError::TooLarge { .. },
                ..
            }
        ));
        let latin1 = dir.path().join("latin1.toml");
        fs::write(&latin1, b"lang = \"fran\xe7ais\"\n").unwrap();
        assert!(matches!(
            named(&latin1),
            Err(ConfigError::Unreadable { .. })
        ));
    }

    #[test]
    fn a_missing_file_is_an_error_only_when_it_was_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.toml");
        let platform = ConfigPath {
            path: path.clone(),
            origin: Origin::Platform,
        };
        let read = ConfigFile::read(Some(platform)).expect("a missing platform file is fine");
        assert!(!read.found);
        for origin in [Origin::Flag, Origin::Env] {
            let named = ConfigPath {
                path: path.clone(),
                origin,
            };
            let e = ConfigFile::read(Some(named)).expect_err("missing");
            assert!(matches!(e, ConfigError::Missing { origin: o, .. } if o == origin));
        }
    }
}
