//! Generates large, valid courses for the benchmarks: one scenario of any number of nodes.
//!
//! The shape is what a real scenario has, only much more of it: every node is a decision point
//! with a character line (nl and en, with an inner thought) and three choices with feedback,
//! effects guarded by conditions (so no effect can leave the variable's range), a quality per
//! choice, competency evidence and a `visited` condition now and then (course format 2). The
//! last three nodes are endings.

#![allow(dead_code)]

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
