//! Generates large, valid courses for the benchmarks: one scenario of any number of nodes,
//! near-linear ([`course`]) or shaped like a real branching story ([`branching_course`]).
//!
//! The shape is what a real scenario has, only much more of it: every node is a decision point
//! with a character line (nl and en, with an inner thought) and three choices with feedback,
//! effects guarded by conditions (so no effect can leave the variable's range), a quality per
//! choice, competency evidence and a `visited` condition now and then (course format 2). The
//! last three nodes are endings.

#![allow(dead_code)]

pub mod mirror;

use kruispunt::course::{CourseSource, SourceFile};
use serde_json::{Value, json};

fn text(nl: String, en: String) -> Value {
    json!({ "nl": nl, "en": en })
}

/// The JSON of a scenario with `nodes` nodes (at least 4).
pub fn scenario_json(id: &str, nodes: usize) -> String {
    let nodes = nodes.max(4);
    let decisions = nodes - 3;
    let mut list = Vec::with_capacity(nodes);
    for i in 0..decisions {
        let next = |step: usize| {
            let n = i + step;
            if n < decisions {
                format!("n{n}")
            } else {
                // Past the last decision point: the first step lands on the good ending,
                // the second on the mixed one.
                format!("end-{}", ["good", "mixed"][(n - decisions).min(1)])
            }
        };
        let mut wary = json!({
            "id": "wary",
            "text": text(format!("Ik begrijp het, neem je tijd ({i})."), format!("I understand, take your time ({i}).")),
            "feedback": text("Geduld geeft ruimte.".into(), "Patience gives room.".into()),
            "quality": "acceptable",
            "effects": { "trust": -1 },
            "if": { "compare": { "var": "trust", "op": ">=", "value": 1 } },
            "next": next(2)
        });
        if i % 10 == 5 {
            wary["if"] = json!({ "all": [
                { "compare": { "var": "trust", "op": ">=", "value": 1 } },
                { "not": { "visited": format!("n{}", i - 5) } }
            ]});
        }
        list.push(json!({
            "id": format!("n{i}"),
            "lines": [{
                "speaker": "amir",
                "text": text(
                    format!("Dit is wat ik je wil vertellen, deel {i} van het gesprek."),
                    format!("This is what I want to tell you, part {i} of the conversation.")),
                "thought": text("Kan ik hier iets zeggen?".into(), "Can I say something here?".into()),
                "mood": "guarded"
            }],
            "choices": [
                {
                    "id": "open",
                    "text": text(format!("Wat heb je nodig ({i})?"), format!("What do you need ({i})?")),
                    "feedback": text("Een open vraag laat de keuze bij de ander.".into(), "An open question leaves the choice with them.".into()),
                    "quality": "best",
                    "thought": text("Ze luistert.".into(), "She is listening.".into()),
                    "thinker": "amir",
                    "effects": { "trust": 1 },
                    "competencies": { "open-questions": "shown" },
                    "if": { "compare": { "var": "trust", "op": "<=", "value": 99 } },
                    "next": next(1)
                },
                wary,
                {
                    "id": "assume",
                    "text": text("Je hebt vast een vriendin thuis?".into(), "You must have a girlfriend back home?".into()),
                    "feedback": text("Een aanname sluit het gesprek.".into(), "An assumption closes the conversation.".into()),
                    "quality": "weak",
                    // The last decision point's poor choice is the way to the poor ending.
                    "next": if i + 1 == decisions { "end-poor".to_owned() } else { next(1) }
                }
            ]
        }));
    }
    for (outcome, nl, en) in [
        ("good", "Goed afgerond", "A good close"),
        ("mixed", "Half afgerond", "A mixed close"),
        ("poor", "Misgelopen", "It went wrong"),
    ] {
        list.push(json!({
            "id": format!("end-{outcome}"),
            "lines": [{ "speaker": "amir", "text": text("Dank je.".into(), "Thank you.".into()) }],
            "ending": {
                "outcome": outcome,
                "title": text(nl.into(), en.into()),
                "debrief": text(format!("{nl}: wat heb je geleerd?"), format!("{en}: what did you learn?"))
            }
        }));
    }
    let scenario = json!({
        "format_version": 2,
        "id": id,
        "title": text("Gegenereerd".into(), "Generated".into()),
        "setting": text("Een opvangcentrum.".into(), "A reception centre.".into()),
        "goal": text("Vertrouwen opbouwen.".into(), "Build trust.".into()),
        "characters": [{
            "id": "amir",
            "name": text("Amir".into(), "Amir".into()),
            "role": text("Bewoner (fictief)".into(), "Resident (fictional)".into()),
            "bio": text("Een fictief personage.".into(), "A fictional character.".into())
        }],
        "variables": [{ "id": "trust", "label": text("Vertrouwen".into(), "Trust".into()), "min": 0, "max": 100, "start": 50 }],
        "start": "n0",
        "nodes": list
    });
    serde_json::to_string_pretty(&scenario).expect("generated JSON serialises")
}

/// A complete course holding one generated scenario of `nodes` nodes.
pub fn course(nodes: usize) -> CourseSource {
    let manifest = json!({
        "format_version": 2,
        "id": "bench",
        "version": "1",
        "title": text("Bank".into(), "Bench".into()),
        "description": text("Gegenereerd.".into(), "Generated.".into()),
        "default_locale": "nl",
        "locales": ["nl", "en"],
        "competencies": [{ "id": "open-questions", "title": text("Open vragen".into(), "Open questions".into()) }],
        "modules": [{ "id": "m", "title": text("Module".into(), "Module".into()), "items": ["big"] }]
    });
    CourseSource::new(
        "bench",
        vec![
            SourceFile {
                path: "course.json".into(),
                text: serde_json::to_string_pretty(&manifest).expect("manifest serialises"),
            },
            SourceFile {
                path: "scenarios/big.json".into(),
                text: scenario_json("big", nodes),
            },
        ],
    )
}

/// How a [`branching_course`] is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Pretty-printed JSON (one field a line) rather than minified (one line a file).
    pub pretty: bool,
    /// One node in five gets a warning (a text without its `en` locale, or with an
    /// undeclared `de` one), so a 100,000-node course has 20,000 warnings.
    pub warnings: bool,
}

/// The four shapes: minified and pretty, with and without warnings.
pub const SHAPES: [Shape; 4] = [
    Shape {
        pretty: false,
        warnings: false,
    },
    Shape {
        pretty: true,
        warnings: false,
    },
    Shape {
        pretty: false,
        warnings: true,
    },
    Shape {
        pretty: true,
        warnings: true,
    },
];

impl Shape {
    /// A short name for bench ids: `minified`, `pretty`, `minified_warnings`...
    pub fn name(self) -> String {
        let layout = if self.pretty { "pretty" } else { "minified" };
        if self.warnings {
            format!("{layout}_warnings")
        } else {
            layout.to_owned()
        }
    }
}

/// How many warnings a [`branching_course`] of `nodes` nodes has with warnings on.
pub fn expected_warnings(nodes: usize) -> usize {
    let nodes = nodes.max(BRANCHING_MIN);
    (0..nodes).filter(|&i| warned(i)).count()
}

const BRANCHING_MIN: usize = 30;

/// Nodes whose index is 2 or 4 modulo 10 carry a warning: one in five.
fn warned(i: usize) -> bool {
    matches!(i % 10, 2 | 4)
}

/// The ending at node `i`, if it is one: every 25th node and the last.
fn ending_at(i: usize, nodes: usize) -> Option<&'static str> {
    if i + 1 == nodes {
        Some("good")
    } else if i % 25 == 24 {
        Some(["mixed", "poor", "good"][(i / 25) % 3])
    } else {
        None
    }
}

/// A text in nl and en, with non-ASCII characters and a no-break space (U+00A0) before its
/// end, so columns that count bytes instead of characters show. `warn` drops the `en` text
/// (`missing-locale`, reported at the text) or adds an undeclared `de` one
/// (`undeclared-locale`, reported at that key).
fn branch_text(nl: String, en: String, warn: Option<bool>) -> Value {
    match warn {
        None => json!({ "nl": nl, "en": en }),
        Some(true) => json!({ "nl": nl }),
        Some(false) => json!({ "de": "Überraschung\u{a0}!", "en": en, "nl": nl }),
    }
}

/// The JSON of a scenario shaped like a real branching story: 3 lines a node; 2 to 4
/// choices a node, some offered only under a condition; effects on 3 variables, each
/// guarded so it cannot leave the variable's range; choices that join (two nodes lead to
/// the same next one) and loop (back to an earlier node); endings every 25 nodes and at the
/// end. Every node is reachable and can reach an ending.
pub fn branching_scenario(id: &str, nodes: usize, shape: Shape) -> String {
    let nodes = nodes.max(BRANCHING_MIN);
    let last = nodes - 1;
    // A target that is a decision point, for loops (never an ending, never the node itself).
    let back = |i: usize| {
        let mut j = i.saturating_sub(3 + i % 5);
        while j > 0 && ending_at(j, nodes).is_some() {
            j -= 1;
        }
        j
    };
    let mut list = Vec::with_capacity(nodes);
    for i in 0..nodes {
        let warn = shape.warnings && warned(i);
        let speaker = |k: usize| ["amir", "sara", "amir"][k];
        let lines: Vec<Value> = (0..3)
            .map(|k| {
                let mood = ["guarded", "calm", "hopeful"][(i + k) % 3];
                // The warning sits on the second line of a node, after non-ASCII text.
                let w = (warn && k == 1).then_some(i % 10 == 2);
                json!({
                    "speaker": speaker(k),
                    "text": branch_text(
                        format!("Regel {k} van knoop {i}: één café,\u{a0}zó gezegd."),
                        format!("Line {k} of node {i}: one café,\u{a0}so to speak."),
                        w),
                    "mood": mood
                })
            })
            .collect();
        if let Some(outcome) = ending_at(i, nodes) {
            list.push(json!({
                "id": format!("n{i}"),
                "lines": lines,
                "ending": {
                    "outcome": outcome,
                    "title": branch_text(format!("Einde {i}"), format!("Ending {i}"), None),
                    "debrief": branch_text(
                        format!("Wat heb je geleerd bij {i}?"),
                        format!("What did you learn at {i}?"),
                        None)
                }
            }));
            continue;
        }
        let to = |n: usize| format!("n{}", n.min(last));
        let choice_count = 2 + i % 3;
        let mut choices = vec![
            json!({
                "id": "ask",
                "text": branch_text(format!("Wat heb je nodig ({i})?"), format!("What do you need ({i})?"), None),
                "feedback": branch_text("Een open vraag.".into(), "An open question.".into(), None),
                "quality": "best",
                "effects": { "trust": 2, "calm": 1 },
                "competencies": { "open-questions": "shown" },
                "if": { "all": [
                    { "compare": { "var": "trust", "op": "<=", "value": 98 } },
                    { "compare": { "var": "calm", "op": "<=", "value": 99 } }
                ]},
                "next": to(i + 1)
            }),
            json!({
                "id": "wait",
                "text": branch_text(format!("Ik wacht even ({i})."), format!("I wait a moment ({i})."), None),
                "feedback": branch_text("Geduld geeft ruimte.".into(), "Patience gives room.".into(), None),
                "quality": "acceptable",
                "next": to(i + 2)
            }),
        ];
        if choice_count >= 3 {
            choices.push(json!({
                "id": "again",
                "text": branch_text(format!("Zeg dat nog eens ({i})?"), format!("Say that again ({i})?"), None),
                "feedback": branch_text("Terug naar eerder.".into(), "Back to before.".into(), None),
                "quality": "weak",
                "effects": { "courage": -1, "trust": -1 },
                "if": { "all": [
                    { "compare": { "var": "courage", "op": ">=", "value": 1 } },
                    { "compare": { "var": "trust", "op": ">=", "value": 1 } }
                ]},
                "next": to(back(i))
            }));
        }
        if choice_count >= 4 {
            choices.push(json!({
                "id": "leap",
                "text": branch_text(format!("Laten we verder gaan ({i})."), format!("Let us move on ({i})."), None),
                "feedback": branch_text("Vooruit, maar snel.".into(), "Forward, but fast.".into(), None),
                "quality": "acceptable",
                "effects": { "courage": 3 },
                "if": { "all": [
                    { "compare": { "var": "courage", "op": "<=", "value": 97 } },
                    { "not": { "visited": to(i + 7) } }
                ]},
                "next": to(i + 7)
            }));
        }
        list.push(json!({ "id": format!("n{i}"), "lines": lines, "choices": choices }));
    }
    let var = |id: &str, nl: &str, en: &str| json!({ "id": id, "label": text(nl.into(), en.into()), "min": 0, "max": 100, "start": 50 });
    let character = |id: &str, name: &str| {
        json!({
            "id": id,
            "name": text(name.into(), name.into()),
            "role": text("Bewoner (fictief)".into(), "Resident (fictional)".into()),
            "bio": text("Een fictief personage.".into(), "A fictional character.".into())
        })
    };
    let scenario = json!({
        "format_version": 2,
        "id": id,
        "title": text("Vertakt".into(), "Branching".into()),
        "setting": text("Een opvangcentrum.".into(), "A reception centre.".into()),
        "goal": text("Vertrouwen opbouwen.".into(), "Build trust.".into()),
        "characters": [character("amir", "Amir"), character("sara", "Sara")],
        "variables": [
            var("trust", "Vertrouwen", "Trust"),
            var("calm", "Rust", "Calm"),
            var("courage", "Moed", "Courage")
        ],
        "start": "n0",
        "nodes": list
    });
    serialise(&scenario, shape.pretty)
}

fn serialise(value: &Value, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(value).expect("generated JSON serialises")
    } else {
        serde_json::to_string(value).expect("generated JSON serialises")
    }
}

/// A complete course holding one [`branching_scenario`] of `nodes` nodes, written in
/// `shape`.
pub fn branching_course(nodes: usize, shape: Shape) -> CourseSource {
    let manifest = json!({
        "format_version": 2,
        "id": "bench",
        "version": "1",
        "title": text("Bank".into(), "Bench".into()),
        "description": text("Gegenereerd.".into(), "Generated.".into()),
        "default_locale": "nl",
        "locales": ["nl", "en"],
        "competencies": [{ "id": "open-questions", "title": text("Open vragen".into(), "Open questions".into()) }],
        "modules": [{ "id": "m", "title": text("Module".into(), "Module".into()), "items": ["story"] }]
    });
    CourseSource::new(
        "bench",
        vec![
            SourceFile {
                path: "course.json".into(),
                text: serialise(&manifest, shape.pretty),
            },
            SourceFile {
                path: "scenarios/story.json".into(),
                text: branching_scenario("story", nodes, shape),
            },
        ],
    )
}
