//! The course file format, version 2: the types authors write, as parsed from JSON.
//!
//! These types mirror the files one to one and derive the JSON Schema (`kruispunt schema`).
//! Parsing them checks syntax and types only; `validate` turns them into the checked types
//! of [`crate::course::checked`], which the engine and the screens use.

use super::ids::*;
pub use super::order::Order;
use super::validate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod lesson;
mod practice;
mod scenario;

pub use lesson::*;
pub use practice::*;
pub use scenario::*;

/// The course format version this build writes. Version 1 files are still read: they are
/// migrated when loaded (see [`FIRST_FORMAT_VERSION`]) and by `kruispunt migrate`.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest course format version this build reads.
pub const FIRST_FORMAT_VERSION: u32 = 1;

/// A small map kept as a vector sorted by key: course files hold hundreds of thousands of
/// two- or three-entry maps (texts per locale, effects per variable), and a `BTreeMap`'s
/// node would be most of their memory and much of their parsing time. Written and read as
/// a JSON object; a key written twice keeps the last value, as a JSON object would.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K: Ord + std::borrow::Borrow<str>, V> SortedMap<K, V> {
    /// The entry for `key`.
    pub fn entry(&self, key: &str) -> Option<(&K, &V)> {
        self.0
            .binary_search_by(|(k, _)| k.borrow().cmp(key))
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(k, v)| (k, v))
    }

    /// The value for `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.entry(key).map(|(_, v)| v)
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// Every entry, sorted by key.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sets the value for `key`.
    pub fn insert(&mut self, key: K, value: V) {
        match self.0.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = SortedMap::default();
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    }
}

impl<'a, K: Ord, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Deserialize<'de> for SortedMap<K, V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> serde::de::Visitor<'de>
            for MapVisitor<K, V>
        {
            type Value = SortedMap<K, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut pairs: Vec<(K, V)> =
                    Vec::with_capacity(map.size_hint().unwrap_or(2).min(8));
                while let Some(pair) = map.next_entry::<K, V>()? {
                    pairs.push(pair);
                }
                // Usually already sorted and unique; otherwise sort, keeping the last of a
                // repeated key.
                if pairs.windows(2).all(|w| w[0].0 < w[1].0) {
                    return Ok(SortedMap(pairs));
                }
                Ok(pairs.into_iter().collect())
            }
        }
        deserializer.deserialize_map(MapVisitor(std::marker::PhantomData))
    }
}

impl<K: JsonSchema, V: JsonSchema> JsonSchema for SortedMap<K, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BTreeMap<K, V>>::schema_name()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<K, V>>::json_schema(generator)
    }
}

/// A learner-visible text: one string per locale, e.g. `{"nl": "Welkom", "en": "Welcome"}`.
///
/// Texts may use `*emphasis*` for light emphasis and blank lines between paragraphs.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Text(
    SortedMap<Locale, String>,
    /// What was found when it was parsed.
    #[serde(skip)]
    Found,
);

/// What parsing found about a text, so that validation need not read its locales and
/// strings again (a large course's texts are spread over the heap, and reading them twice
/// was most of the cost of checking it): its locales as a [`LocaleSet`], or 0, and in the
/// top bit whether every locale key and string passed the checks on characters.
#[derive(Debug, Clone, Copy, Default)]
struct Found(u64);

impl Found {
    const FIT: u64 = 1 << 63;
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for Text {}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let texts = SortedMap::<Locale, String>::deserialize(deserializer)?;
        // Checked now, while the strings are still in cache.
        let fit = !texts.is_empty()
            && texts.iter().all(|(locale, text)| {
                validate::is_plain_id(locale.as_str()) && validate::is_fit_text(text)
            });
        let locales = LocaleSet::of(texts.iter().map(|(locale, _)| locale.as_str()));
        let found = locales.map_or(0, |set| set.0) | if fit { Found::FIT } else { 0 };
        Ok(Text(texts, Found(found)))
    }
}

/// Up to five two-letter locales (`en`, `fr`, `nl`...), packed into one number, so that a
/// text's locales are compared with the declared ones without reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LocaleSet(u64);

impl LocaleSet {
    /// The set of `locales`, given sorted and without repeats (as a text's are); `None`
    /// when there are none or more than five, or one is not two lowercase ASCII letters.
    /// Each locale takes ten bits, so two lists have the same set only when they are the
    /// same.
    pub(crate) fn of<'a>(locales: impl IntoIterator<Item = &'a str>) -> Option<Self> {
        const MOST: usize = 5;
        let mut packed = 0u64;
        let mut count = 0;
        for locale in locales {
            let &[a @ b'a'..=b'z', b @ b'a'..=b'z'] = locale.as_bytes() else {
                return None;
            };
            if count == MOST {
                return None;
            }
            // 1..=676: never 0, so a shorter list never equals a longer one.
            let code = u64::from(a - b'a') * 26 + u64::from(b - b'a') + 1;
            packed |= code << (10 * count);
            count += 1;
        }
        (count > 0).then_some(LocaleSet(packed))
    }
}

impl Text {
    /// Whether the text has a locale, and each locale key and string was found, when the
    /// text was parsed, to pass validation's checks on characters: keys in printable ASCII,
    /// strings not blank and free of control characters. `false` means not known: a text
    /// built or changed in code is checked in full.
    pub(crate) fn is_known_fit(&self) -> bool {
        self.1.0 & Found::FIT != 0
    }

    /// The text's locales as found when it was parsed, when they form a [`LocaleSet`].
    pub(crate) fn known_locales(&self) -> Option<LocaleSet> {
        let packed = self.1.0 & !Found::FIT;
        (packed != 0).then_some(LocaleSet(packed))
    }

    /// The text in `locale`, if the course provides it.
    pub fn get(&self, locale: &str) -> Option<&str> {
        self.0.get(locale).map(String::as_str)
    }

    /// The locale and text for `locale`, if the course provides it.
    pub fn entry(&self, locale: &str) -> Option<(&Locale, &str)> {
        self.0.entry(locale).map(|(l, t)| (l, t.as_str()))
    }

    /// Every locale and its text, sorted by locale.
    pub fn iter(&self) -> impl Iterator<Item = (&Locale, &str)> {
        self.0.iter().map(|(l, t)| (l, t.as_str()))
    }

    /// How many locales the text has.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the text has no locale at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sets the text for `locale`.
    pub fn insert(&mut self, locale: Locale, text: String) {
        self.0.insert(locale, text);
        self.1 = Found::default();
    }
}

impl FromIterator<(Locale, String)> for Text {
    fn from_iter<I: IntoIterator<Item = (Locale, String)>>(pairs: I) -> Self {
        Text(pairs.into_iter().collect(), Found::default())
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<String, String>>::json_schema(generator)
    }
}

/// `course/course.json`: the manifest of a course.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Where editors find the JSON Schema of this file (a path or URL, e.g. to
    /// `schemas/course.schema.json` of the Kruispunt repository); Kruispunt ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The course format version: 2, or 1 (read by migrating it).
    pub format_version: u32,
    /// Stable id of the course; progress files and exports refer to it.
    pub id: CourseId,
    /// The course's own version (e.g. `2026.1`), shown in exports and reports.
    pub version: String,
    /// The course title.
    pub title: Text,
    /// One or two sentences on what the course is.
    pub description: Text,
    /// The locale the course is written in first; texts fall back to it.
    pub default_locale: Locale,
    /// Every locale the course declares; each text should exist in each of them.
    pub locales: Vec<Locale>,
    /// Per interface language, the course locales to show, in order, when a text is not
    /// in that language, before `default_locale`: e.g. `{"fr": ["en", "nl"]}`. Without an
    /// entry, French shows English first and every other language goes to the default.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fallback: BTreeMap<Locale, Vec<Locale>>,
    /// The competency tags choices may carry, with their labels.
    #[serde(default)]
    pub competencies: Vec<CompetencyDef>,
    /// The modules, in the order a trainee takes them.
    pub modules: Vec<Module>,
    /// A short core path through the course (about an hour) for shorter sessions: items of
    /// the modules, in the order to take them. The overview offers it next to "continue".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub core_path: Vec<ItemId>,
    /// The lesson whose checklists make the one-page job aid that the facilitator's
    /// session handout ends with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_aid: Option<ItemId>,
}

/// A competency that scenario choices can show, e.g. asking open questions.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompetencyDef {
    /// The tag used on choices.
    pub id: Competency,
    /// Short label.
    pub title: Text,
    /// What the competency means in practice.
    #[serde(default)]
    pub description: Option<Text>,
}

/// A module: a titled group of lessons and scenarios.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Module {
    /// Stable id of the module.
    pub id: ModuleId,
    /// The module title.
    pub title: Text,
    /// What the module covers.
    #[serde(default)]
    pub description: Option<Text>,
    /// Ids of the lessons and scenarios of this module, in order.
    pub items: Vec<ItemId>,
    /// Notes for the facilitator on the module as a whole.
    #[serde(default)]
    pub facilitator_notes: Option<FacilitatorNotes>,
}

/// Notes for a workshop facilitator; never shown to trainees.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FacilitatorNotes {
    /// What to say, do or watch for.
    pub text: Text,
    /// Questions for a group discussion.
    #[serde(default)]
    pub discussion_questions: Vec<Text>,
    /// Suggested time for the discussion, in minutes.
    #[serde(default)]
    pub minutes: Option<u32>,
}

/// About how long an item takes, in minutes: one figure for every language, or one per
/// locale (`{"nl": 13, "fr": 15}`), since French text runs about 15% longer than Dutch
/// and an estimate must hold in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Minutes {
    /// The same in every language.
    Same(u32),
    /// Per locale.
    PerLocale(BTreeMap<Locale, u32>),
}

impl Minutes {
    /// The minutes for a trainee reading `locale` (a locale tag such as `fr`): its own
    /// figure, else the largest one given, which holds whatever the language.
    pub fn for_locale(&self, locale: &str) -> Option<u32> {
        match self {
            Minutes::Same(minutes) => Some(*minutes),
            Minutes::PerLocale(per) => per
                .get(locale)
                .copied()
                .or_else(|| per.values().copied().max()),
        }
    }
}

impl From<u32> for Minutes {
    fn from(minutes: u32) -> Self {
        Minutes::Same(minutes)
    }
}

impl<'de> Deserialize<'de> for Minutes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MinutesVisitor;
        impl<'de> serde::de::Visitor<'de> for MinutesVisitor {
            type Value = Minutes;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a whole number of minutes, or one per locale like {\"nl\": 13, \"fr\": 15}",
                )
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Self::Value, E> {
                u32::try_from(value)
                    .map(Minutes::Same)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(value), &self))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                BTreeMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Minutes::PerLocale)
            }
        }
        deserializer.deserialize_any(MinutesVisitor)
    }
}

impl JsonSchema for Minutes {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Minutes".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let same = <u32>::json_schema(generator);
        let per_locale = <BTreeMap<String, u32>>::json_schema(generator);
        schemars::json_schema!({ "anyOf": [same, per_locale] })
    }
}

#[cfg(test)]
mod minutes_tests {
    use super::*;

    #[test]
    fn minutes_are_one_figure_or_one_per_locale_and_hold_in_every_language() {
        let same: Minutes = serde_json::from_str("12").unwrap();
        assert_eq!(same.for_locale("fr"), Some(12));
        let per: Minutes = serde_json::from_str(r#"{"nl": 13, "fr": 15}"#).unwrap();
        assert_eq!(per.for_locale("nl"), Some(13));
        assert_eq!(per.for_locale("fr"), Some(15));
        // A language without a figure gets the largest, so the estimate still holds.
        assert_eq!(per.for_locale("en"), Some(15));
        let wrong = serde_json::from_str::<Minutes>("\"ten\"").unwrap_err();
        assert!(wrong.to_string().contains("one per locale"), "{wrong}");
        assert!(serde_json::from_str::<Minutes>("-3").is_err());
        assert_eq!(serde_json::to_string(&per).unwrap(), r#"{"fr":15,"nl":13}"#);
    }
}
