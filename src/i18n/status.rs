//! Translation status (`kruispunt l10n status`): per locale, the texts that are missing,
//! those identical to the default locale (probably not translated), and with an older
//! version of the files, those whose default-locale string changed while the translation
//! did not (stale).
//!
//! Texts are found in the JSON of each file rather than in the checked course: a text is
//! an object whose keys are all declared locales and whose values are all strings, and it
//! is known by its file and field path, which stay the same across versions of a file, so
//! an older version read from git can be compared text by text.

use serde_json::Value;
use std::collections::BTreeMap;

/// One text of a course file: where it is and its string per locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundText {
    /// The field path in the file, e.g. `nodes[2].lines[0].text`.
    pub path: String,
    /// The string per locale present.
    pub strings: BTreeMap<String, String>,
}

/// Every text in `value` (a course file), object keys in sorted order.
pub fn texts_in(value: &Value, locales: &[String]) -> Vec<FoundText> {
    let mut found = Vec::new();
    // An explicit stack: course files may nest deeply, recursion could overflow.
    let mut stack: Vec<(String, &Value)> = vec![(String::new(), value)];
    while let Some((path, value)) = stack.pop() {
        match value {
            Value::Object(members) if is_text(members, locales) => {
                let strings = members
                    .iter()
                    .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_owned())))
                    .collect();
                found.push(FoundText { path, strings });
            }
            Value::Object(members) => {
                for (key, child) in members.iter().rev() {
                    let child_path = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    stack.push((child_path, child));
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate().rev() {
                    stack.push((format!("{path}[{i}]"), child));
                }
            }
            _ => {}
        }
    }
    found
}

fn is_text(members: &serde_json::Map<String, Value>, locales: &[String]) -> bool {
    !members.is_empty()
        && members
            .iter()
            .all(|(k, v)| v.is_string() && locales.iter().any(|l| l == k))
}

/// Whether a default-locale string is worth translating, so that a translation identical
/// to it is probably untranslated: it has a letter and at least three words. Names
/// ("Yassin"), roles of one or two words, numbers and abbreviations ("LGBTQIA+") are often
/// the same in every language and are not counted.
pub fn worth_translating(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && text.split_whitespace().count() >= 3
}

/// What is to do for one locale.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct LocaleStatus {
    /// The locale.
    pub locale: String,
    /// Texts without a (non-blank) string in this locale.
    pub missing: Vec<TextPlace>,
    /// Texts whose string here is the default locale's (see [`worth_translating`]).
    pub identical: Vec<TextPlace>,
    /// Texts whose default string changed since the older version while this one did not.
    pub stale: Vec<TextPlace>,
}

/// Where a text is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct TextPlace {
    /// The file, relative to the course directory.
    pub file: String,
    /// The field path in the file.
    pub path: String,
}

/// The status of every non-default locale over `files` (path relative to the course, and
/// texts now), comparing with `older` (the texts of the same file at an older version, by
/// file) when given.
pub fn status(
    files: &[(String, Vec<FoundText>)],
    older: Option<&BTreeMap<String, Vec<FoundText>>>,
    locales: &[String],
    default: &str,
) -> Vec<LocaleStatus> {
    let mut statuses: Vec<LocaleStatus> = locales
        .iter()
        .filter(|l| l.as_str() != default)
        .map(|l| LocaleStatus {
            locale: l.clone(),
            ..LocaleStatus::default()
        })
        .collect();
    for (file, texts) in files {
        let before: BTreeMap<&str, &FoundText> = older
            .and_then(|older| older.get(file))
            .map(|texts| texts.iter().map(|t| (t.path.as_str(), t)).collect())
            .unwrap_or_default();
        for text in texts {
            let place = || TextPlace {
                file: file.clone(),
                path: text.path.clone(),
            };
            let source = text.strings.get(default).map(String::as_str);
            for status in &mut statuses {
                let here = text
                    .strings
                    .get(&status.locale)
                    .map(String::as_str)
                    .filter(|s| !s.trim().is_empty());
                let Some(here) = here else {
                    status.missing.push(place());
                    continue;
                };
                if let Some(source) = source
                    && here == source
                    && worth_translating(source)
                {
                    status.identical.push(place());
                    continue;
                }
                let Some(old) = before.get(text.path.as_str()) else {
                    continue;
                };
                let old_source = old.strings.get(default).map(String::as_str);
                let old_here = old.strings.get(&status.locale).map(String::as_str);
                if old_source.is_some() && old_source != source && old_here == Some(here) {
                    status.stale.push(place());
                }
            }
        }
    }
    statuses
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn locales() -> Vec<String> {
        vec!["nl".into(), "en".into(), "fr".into()]
    }

    #[test]
    fn texts_are_objects_of_declared_locales_with_their_paths() {
        let file = json!({
            "id": "x",
            "title": { "nl": "Titel", "en": "Title" },
            "nodes": [{ "lines": [{ "speaker": "a", "text": { "nl": "Hallo" } }] }],
            "effects": { "trust": 10 }
        });
        let texts = texts_in(&file, &locales());
        let paths: Vec<&str> = texts.iter().map(|t| t.path.as_str()).collect();
        assert_eq!(paths, ["nodes[0].lines[0].text", "title"]);
    }

    #[test]
    fn missing_identical_and_stale_texts_are_told_apart() {
        let now = json!({
            "a": { "nl": "Een nieuwe zin hier", "en": "An old sentence here", "fr": "Une phrase" },
            "b": { "nl": "Dit blijft gewoon zo", "en": "Dit blijft gewoon zo" },
            "c": { "nl": "Yassin", "en": "Yassin", "fr": "Yassin" }
        });
        let before = json!({
            "a": { "nl": "Een oude zin hier", "en": "An old sentence here", "fr": "Une vieille phrase" }
        });
        let files = vec![("f.json".to_owned(), texts_in(&now, &locales()))];
        let older = BTreeMap::from([("f.json".to_owned(), texts_in(&before, &locales()))]);
        let result = status(&files, Some(&older), &locales(), "nl");
        let place = |path: &str| TextPlace {
            file: "f.json".into(),
            path: path.into(),
        };
        let en = &result[0];
        assert_eq!(en.locale, "en");
        assert_eq!(en.missing, []);
        // "c" is a name: the same in every language, not counted.
        assert_eq!(en.identical, [place("b")]);
        assert_eq!(en.stale, [place("a")]);
        let fr = &result[1];
        assert_eq!(fr.missing, [place("b")]);
        // The French string changed with the Dutch one: not stale.
        assert_eq!(fr.stale, []);
    }
}
