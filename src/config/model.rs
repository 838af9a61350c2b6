//! The shape of `kruispunt.toml`, and its values checked and turned into settings.

use super::error::{BadValue, ConfigError, Place, ValueKind};
use super::resolve::Given;
use crate::i18n::UiLocale;
use crate::report::document::CsvDelimiter;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The version of the file's format this Kruispunt reads. `version` is optional; a later
/// Kruispunt that changes what a key means will ask for `version = 2`, so that this one
/// refuses such a file instead of misreading it.
pub const FORMAT_VERSION: i64 = 1;

/// Every key, dotted, with the kind of value it takes: for messages that list them and
/// for naming the kind a wrong value should have been.
pub const KEYS: [(&str, ValueKind); 7] = [
    ("version", ValueKind::Integer),
    ("course", ValueKind::String),
    ("lang", ValueKind::String),
    ("data_dir", ValueKind::String),
    ("lrs", ValueKind::Table),
    ("lrs.endpoint", ValueKind::String),
    ("csv_delimiter", ValueKind::String),
];

/// The file as written. Unknown keys are refused (`deny_unknown_fields`), so a typo stops
/// the program instead of silently doing nothing. Every value keeps its place in the file
/// for the messages about it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    version: Option<Spanned<i64>>,
    course: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    data_dir: Option<Spanned<String>>,
    lrs: Option<RawLrs>,
    csv_delimiter: Option<Spanned<String>>,
}

/// `[lrs]`: only the endpoint. The user name and the password stay in `lrs.json`, written
/// private by `kruispunt xapi configure`; a config file is shared and copied too easily.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLrs {
    endpoint: Option<Spanned<String>>,
}

impl RawConfig {
    /// The checked settings of the file at `path` whose text is `text`. Relative paths are
    /// relative to the file's directory, and `~/` is the home directory.
    pub(super) fn check(self, path: &Path, text: &str) -> Result<Given, ConfigError> {
        let bad =
            |span: std::ops::Range<usize>, key: &'static str, problem| ConfigError::BadValue {
                at: place(path, text, span.start),
                key,
                problem,
            };
        if let Some(version) = &self.version
            && *version.get_ref() != FORMAT_VERSION
        {
            return Err(bad(
                version.span(),
                "version",
                BadValue::Version(*version.get_ref()),
            ));
        }
        let dir = |value: Option<Spanned<String>>, key| -> Result<Option<PathBuf>, ConfigError> {
            let Some(value) = value else {
                return Ok(None);
            };
            if value.get_ref().trim().is_empty() {
                return Err(bad(value.span(), key, BadValue::EmptyPath));
            }
            Ok(Some(resolved_path(path, value.get_ref())))
        };
        let course = dir(self.course, "course")?;
        let data_dir = dir(self.data_dir, "data_dir")?;
        if let Some(lang) = &self.lang
            && UiLocale::parse(lang.get_ref()).is_none()
        {
            let problem = BadValue::Language(lang.get_ref().clone());
            return Err(bad(lang.span(), "lang", problem));
        }
        let endpoint = self.lrs.and_then(|lrs| lrs.endpoint);
        if let Some(endpoint) = &endpoint
            && let Err(crate::xapi::lrs::LrsError::BadEndpoint(shown)) =
                crate::xapi::lrs::check_endpoint(endpoint.get_ref())
        {
            return Err(bad(
                endpoint.span(),
                "lrs.endpoint",
                BadValue::Endpoint(shown),
            ));
        }
        let csv_delimiter = match &self.csv_delimiter {
            None => None,
            Some(written) => Some(delimiter(written.get_ref()).ok_or_else(|| {
                let problem = BadValue::Delimiter(written.get_ref().clone());
                bad(written.span(), "csv_delimiter", problem)
            })?),
        };
        Ok(Given {
            course,
            lang: self.lang.map(Spanned::into_inner),
            data_dir,
            lrs_endpoint: endpoint.map(Spanned::into_inner),
            csv_delimiter,
        })
    }
}

/// The one character that separates CSV fields, if `written` is one, by the rules of
/// `--csv-delimiter` ([`CsvDelimiter::parse`]: `tab` is a tab too), so that the file
/// takes what the option takes.
pub fn delimiter(written: &str) -> Option<CsvDelimiter> {
    CsvDelimiter::parse(written).ok()
}

/// A path written in the file at `file`: `~/…` under the home directory, a relative one
/// under the file's directory (so the file means the same from any working directory).
fn resolved_path(file: &Path, written: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_owned());
    if let Some(rest) = written.strip_prefix("~/")
        && let Some(home) = home()
    {
        return home.join(rest);
    }
    let written = Path::new(written);
    match file.parent() {
        Some(dir) if written.is_relative() => dir.join(written),
        _ => written.to_owned(),
    }
}

/// The line and column (from 1, the column in characters) of byte `offset` of `text`, in
/// the file at `path`.
pub(super) fn place(path: &Path, text: &str, offset: usize) -> Place {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Place {
        path: path.to_owned(),
        line: before.matches('\n').count() + 1,
        column: before.get(line_start..).map_or(0, |l| l.chars().count()) + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delimiter_is_one_character_that_can_separate_fields() {
        for ok in [";", ",", "\t", "|", " ", ":"] {
            assert_eq!(
                delimiter(ok).map(CsvDelimiter::as_char),
                ok.chars().next(),
                "{ok:?}"
            );
        }
        assert_eq!(delimiter("tab"), Some(CsvDelimiter::TAB));
        for refused in [
            "", ";;", "a", "7", "\"", "'", "\n", "\r", "\u{1}", "é", "；",
        ] {
            assert_eq!(delimiter(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn relative_paths_are_relative_to_the_file() {
        let file = Path::new("conf").join("kruispunt.toml");
        assert_eq!(
            resolved_path(&file, "courses/mine"),
            Path::new("conf").join("courses/mine")
        );
        let absolute = std::env::temp_dir().join("course");
        let written = absolute.to_str().unwrap();
        assert_eq!(resolved_path(&file, written), absolute);
        if let Some(dirs) = directories::BaseDirs::new() {
            assert_eq!(resolved_path(&file, "~/c"), dirs.home_dir().join("c"));
        }
    }

    #[test]
    fn places_count_lines_and_characters_from_one() {
        let text = "a = 1\nlang = \"é\"\nx";
        let at = |offset| {
            let p = place(Path::new("k.toml"), text, offset);
            (p.line, p.column)
        };
        assert_eq!(at(0), (1, 1));
        assert_eq!(at(6), (2, 1));
        assert_eq!(at(text.find('x').unwrap()), (3, 1));
        assert_eq!(at(text.len()), (3, 2));
    }
}
