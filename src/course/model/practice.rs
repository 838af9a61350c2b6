//! What a choice is worth: its quality, and the competencies it shows or breaches.

use super::*;

/// How good a choice is: the rubric of the scores and the report.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Quality {
    /// What a skilled professional would do.
    Best,
    /// Fine, but not the most helpful.
    Acceptable,
    /// Misses the point or does little good.
    Weak,
    /// Does harm: risk, outing, broken confidentiality, pressure.
    Harmful,
}

impl Quality {
    /// Every quality, best first.
    pub const ALL: [Quality; 4] = [
        Quality::Best,
        Quality::Acceptable,
        Quality::Weak,
        Quality::Harmful,
    ];

    /// The name as written in course files, also the key of its interface word.
    pub fn key(self) -> &'static str {
        match self {
            Quality::Best => "best",
            Quality::Acceptable => "acceptable",
            Quality::Weak => "weak",
            Quality::Harmful => "harmful",
        }
    }

    /// A symbol that says the quality without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Quality::Best => "++",
            Quality::Acceptable => "+",
            Quality::Weak => "-",
            Quality::Harmful => "!!",
        }
    }
}

/// What a choice says about a competency.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The choice shows the competency.
    Shown,
    /// The choice goes against it.
    Breached,
}

/// The competencies a choice shows or breaches, read from a map (version 2) or from a list
/// of competencies shown (version 1).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct CompetencyEvidence(pub SortedMap<Competency, Evidence>);

impl CompetencyEvidence {
    /// Every competency with its evidence, sorted by id.
    pub fn iter(&self) -> impl Iterator<Item = (&Competency, Evidence)> {
        self.0.iter().map(|(c, e)| (c, *e))
    }

    /// The competencies shown.
    pub fn shown(&self) -> impl Iterator<Item = &Competency> {
        self.iter()
            .filter(|(_, e)| *e == Evidence::Shown)
            .map(|(c, _)| c)
    }

    /// The competencies breached.
    pub fn breached(&self) -> impl Iterator<Item = &Competency> {
        self.iter()
            .filter(|(_, e)| *e == Evidence::Breached)
            .map(|(c, _)| c)
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for CompetencyEvidence {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EvidenceVisitor;
        impl<'de> serde::de::Visitor<'de> for EvidenceVisitor {
            type Value = CompetencyEvidence;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map from competency to \"shown\" or \"breached\"")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                SortedMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(CompetencyEvidence)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<Self::Value, A::Error> {
                // Version 1: a list of the competencies shown.
                let tags = Vec::<Competency>::deserialize(
                    serde::de::value::SeqAccessDeserializer::new(seq),
                )?;
                Ok(CompetencyEvidence(
                    tags.into_iter().map(|t| (t, Evidence::Shown)).collect(),
                ))
            }
        }
        deserializer.deserialize_any(EvidenceVisitor)
    }
}

impl JsonSchema for CompetencyEvidence {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CompetencyEvidence".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let map = <BTreeMap<Competency, Evidence>>::json_schema(generator);
        let list = <Vec<Competency>>::json_schema(generator);
        schemars::json_schema!({ "anyOf": [map, list] })
    }
}
