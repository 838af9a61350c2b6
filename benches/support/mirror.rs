//! Plain mirror structs of the course files: `#[derive(Deserialize)]`, `String` ids,
//! `BTreeMap` texts, no checks. Parsing a course into these is the limit that loading is
//! measured against (issue 15): what serde alone costs for the same bytes.

use serde::Deserialize;
use std::collections::BTreeMap;

/// A text per locale, as a plain map.
pub type Text = BTreeMap<String, String>;

/// `course.json`.
#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Manifest {
    pub format_version: u32,
    pub id: String,
    pub version: String,
    pub title: Text,
    pub description: Text,
    pub default_locale: String,
    pub locales: Vec<String>,
    #[serde(default)]
    pub competencies: Vec<Competency>,
    pub modules: Vec<Module>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Competency {
    pub id: String,
    pub title: Text,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Module {
    pub id: String,
    pub title: Text,
    pub items: Vec<String>,
}

/// A scenario file.
#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Scenario {
    pub format_version: u32,
    pub id: String,
    pub title: Text,
    pub setting: Text,
    pub goal: Text,
    pub characters: Vec<Character>,
    #[serde(default)]
    pub variables: Vec<Variable>,
    pub start: String,
    pub nodes: Vec<Node>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Character {
    pub id: String,
    pub name: Text,
    pub role: Text,
    pub bio: Text,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Variable {
    pub id: String,
    pub label: Text,
    pub min: i32,
    pub max: i32,
    pub start: i32,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Node {
    pub id: String,
    #[serde(default)]
    pub lines: Vec<Line>,
    #[serde(default)]
    pub choices: Option<Vec<Choice>>,
    #[serde(default)]
    pub ending: Option<Ending>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Line {
    pub speaker: String,
    pub text: Text,
    #[serde(default)]
    pub thought: Option<Text>,
    #[serde(default)]
    pub mood: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Choice {
    pub id: String,
    pub text: Text,
    pub feedback: Text,
    #[serde(default)]
    pub quality: Option<String>,
    #[serde(default)]
    pub thought: Option<Text>,
    #[serde(default)]
    pub thinker: Option<String>,
    #[serde(default)]
    pub effects: BTreeMap<String, i32>,
    #[serde(default)]
    pub competencies: BTreeMap<String, String>,
    #[serde(default, rename = "if")]
    pub condition: Option<Condition>,
    pub next: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    Visited(String),
    Compare(Comparison),
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Comparison {
    pub var: String,
    pub op: String,
    pub value: i32,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Ending {
    pub outcome: String,
    pub title: Text,
    pub debrief: Text,
}
