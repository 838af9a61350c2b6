//! Quality rules of the built-in course that the validator does not enforce: the shape of
//! every scenario (decision points, endings, path lengths), the fiction and competency rules,
//! and the structure of lessons and modules. The scenario rules are checked by walking every
//! path from the start, regardless of conditions, so that no route a trainee could take (or
//! that a later edit could open) escapes them.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kruispunt::course::checked::{Cond, Course, Item, Scenario, SceneBody, Step};
use kruispunt::course::model::{Outcome, Quality};
use kruispunt::course::{CourseSource, ValidateOptions};
use std::collections::{BTreeMap, BTreeSet};

/// Decision points every path to a good ending passes at least.
const MIN_DECISIONS_TO_GOOD: usize = 6;
/// Decisions a path takes at least before it may reach a poor ending.
const MIN_DECISIONS_TO_POOR: usize = 3;
/// Choices every decision point offers at least.
const MIN_CHOICES: usize = 3;
/// Paths walked per scenario at most; far more than a hand-written scenario has.
const MAX_PATHS: usize = 1_000_000;

fn course() -> Course {
    match kruispunt::course::load_builtin() {
        Ok(course) => course,
        Err(err) => panic!("the built-in course does not load: {err:?}"),
    }
}

fn scenarios(course: &Course) -> Vec<&Scenario> {
    let mut all: Vec<&Scenario> = course.scenarios.values().collect();
    all.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
    all
}

/// One route from the start to an ending.
struct Path {
    /// Decision points passed (nodes where the trainee chose).
    decisions: usize,
    outcome: Outcome,
    /// `node:choice` for every decision, then the ending node.
    trail: Vec<String>,
}

impl Path {
    fn describe(&self) -> String {
        format!(
            "{} decisions to a {:?} ending: {}",
            self.decisions,
            self.outcome,
            self.trail.join(" -> ")
        )
    }
}

/// Every path from the start to an ending, taking every choice whatever its condition, and
/// never entering a node twice on one path (a loop adds no new route).
fn all_paths(scenario: &Scenario) -> Vec<Path> {
    struct Walk<'a> {
        scenario: &'a Scenario,
        on_path: Vec<bool>,
        trail: Vec<String>,
        paths: Vec<Path>,
    }

    impl Walk<'_> {
        fn visit(&mut self, node_idx: usize, decisions: usize) {
            assert!(
                self.paths.len() <= MAX_PATHS,
                "{}: more than {MAX_PATHS} paths",
                self.scenario.id
            );
            let Some(node) = self.scenario.nodes.get(node_idx) else {
                panic!("{}: node index {node_idx} out of bounds", self.scenario.id);
            };
            if self.on_path[node_idx] {
                return;
            }
            self.on_path[node_idx] = true;
            match &node.step {
                Step::Ending(ending) => {
                    let mut trail = self.trail.clone();
                    trail.push(node.id.to_string());
                    self.paths.push(Path {
                        decisions,
                        outcome: ending.outcome,
                        trail,
                    });
                }
                Step::Auto(next) => self.visit(next.0 as usize, decisions),
                Step::Route(arms) => {
                    for arm in arms {
                        self.visit(arm.next.0 as usize, decisions);
                    }
                }
                Step::Choices(choices) => {
                    for choice in choices {
                        self.trail.push(format!("{}:{}", node.id, choice.id));
                        self.visit(choice.next.0 as usize, decisions + 1);
                        self.trail.pop();
                    }
                }
            }
            self.on_path[node_idx] = false;
        }
    }

    let mut walk = Walk {
        scenario,
        on_path: vec![false; scenario.nodes.len()],
        trail: Vec::new(),
        paths: Vec::new(),
    };
    walk.visit(scenario.start.0 as usize, 0);
    walk.paths
}

/// Per outcome, how many paths take how many decisions: the context for every failure.
fn decision_counts(paths: &[Path]) -> String {
    let mut counts: BTreeMap<String, BTreeMap<usize, usize>> = BTreeMap::new();
    for path in paths {
        *counts
            .entry(format!("{:?}", path.outcome))
            .or_default()
            .entry(path.decisions)
            .or_default() += 1;
    }
    counts
        .iter()
        .map(|(outcome, by_decisions)| {
            let spread: Vec<String> = by_decisions
                .iter()
                .map(|(decisions, n)| format!("{n} path(s) with {decisions}"))
                .collect();
            format!("{outcome}: {}", spread.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Edition 2: `validate --strict` finds nothing, the content warnings included (a
/// variable no route reads, a good ending reachable after a harmful choice, a best answer
/// in a fixed position or mostly the longest).
#[test]
fn the_course_validates_strictly_without_any_warning() {
    let report =
        kruispunt::course::load(&CourseSource::builtin(), ValidateOptions { strict: true });
    let listed: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        listed.is_empty(),
        "validate --strict reports:\n{}",
        listed.join("\n")
    );
    assert!(report.course.is_some());
}

#[test]
fn the_course_has_at_least_nine_scenarios() {
    let course = course();
    let ids: Vec<&str> = scenarios(&course).iter().map(|s| s.id.as_str()).collect();
    assert!(ids.len() >= 9, "only {} scenario(s): {ids:?}", ids.len());
}

#[test]
fn every_decision_point_offers_at_least_three_choices() {
    let course = course();
    let mut short = Vec::new();
    for scenario in scenarios(&course) {
        for node in &scenario.nodes {
            if let Step::Choices(choices) = &node.step
                && choices.len() < MIN_CHOICES
            {
                short.push(format!(
                    "{}/{}: {} choice(s)",
                    scenario.id,
                    node.id,
                    choices.len()
                ));
            }
        }
    }
    assert!(
        short.is_empty(),
        "decision points with fewer than {MIN_CHOICES} choices:\n{}",
        short.join("\n")
    );
}

#[test]
fn every_scenario_has_good_mixed_and_poor_endings() {
    let course = course();
    let mut problems = Vec::new();
    for scenario in scenarios(&course) {
        let outcomes: Vec<Outcome> = scenario
            .nodes
            .iter()
            .filter_map(|node| match &node.step {
                Step::Ending(ending) => Some(ending.outcome),
                _ => None,
            })
            .collect();
        if outcomes.len() < 3 {
            problems.push(format!(
                "{}: {} ending(s), needs 3",
                scenario.id,
                outcomes.len()
            ));
        }
        for wanted in [Outcome::Good, Outcome::Mixed, Outcome::Poor] {
            if !outcomes.contains(&wanted) {
                problems.push(format!("{}: no {wanted:?} ending", scenario.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_path_to_a_good_ending_passes_six_decision_points() {
    let course = course();
    let mut problems = Vec::new();
    for scenario in scenarios(&course) {
        let paths = all_paths(scenario);
        let short: Vec<String> = paths
            .iter()
            .filter(|p| p.outcome == Outcome::Good && p.decisions < MIN_DECISIONS_TO_GOOD)
            .map(Path::describe)
            .collect();
        if !short.is_empty() {
            problems.push(format!(
                "{} ({}):\n  {}",
                scenario.id,
                decision_counts(&paths),
                short.join("\n  ")
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "paths reach a good ending with fewer than {MIN_DECISIONS_TO_GOOD} decisions:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_path_reaches_a_poor_ending_before_the_third_decision() {
    let course = course();
    let mut problems = Vec::new();
    for scenario in scenarios(&course) {
        let paths = all_paths(scenario);
        let early: Vec<String> = paths
            .iter()
            .filter(|p| p.outcome == Outcome::Poor && p.decisions < MIN_DECISIONS_TO_POOR)
            .map(Path::describe)
            .collect();
        if !early.is_empty() {
            problems.push(format!(
                "{} ({}):\n  {}",
                scenario.id,
                decision_counts(&paths),
                early.join("\n  ")
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "paths reach a poor ending with fewer than {MIN_DECISIONS_TO_POOR} decisions:\n{}",
        problems.join("\n")
    );
}

#[test]
fn good_endings_are_reachable_in_more_than_one_way() {
    let course = course();
    let mut problems = Vec::new();
    for scenario in scenarios(&course) {
        let paths = all_paths(scenario);
        let good: Vec<&Path> = paths
            .iter()
            .filter(|p| p.outcome == Outcome::Good)
            .collect();
        if good.len() < 2 {
            problems.push(format!(
                "{}: {} path(s) to a good ending ({}): {}",
                scenario.id,
                good.len(),
                decision_counts(&paths),
                good.iter()
                    .map(|p| p.describe())
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn choices_carry_only_declared_competencies() {
    let course = course();
    let declared: BTreeSet<&str> = course.competencies.iter().map(|c| c.id.as_str()).collect();
    let mut unknown = Vec::new();
    for scenario in scenarios(&course) {
        for node in &scenario.nodes {
            if let Step::Choices(choices) = &node.step {
                for choice in choices {
                    for (tag, _) in choice.competencies.iter() {
                        if !declared.contains(tag.as_str()) {
                            unknown
                                .push(format!("{}/{}/{}: {tag}", scenario.id, node.id, choice.id));
                        }
                    }
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "undeclared competencies (declared: {declared:?}):\n{}",
        unknown.join("\n")
    );
}

#[test]
fn every_scenario_tracks_trust_from_0_to_100() {
    let course = course();
    let mut problems = Vec::new();
    for scenario in scenarios(&course) {
        match scenario.variables.iter().find(|v| v.id.as_str() == "trust") {
            None => problems.push(format!("{}: no `trust` variable", scenario.id)),
            Some(trust) if (trust.min, trust.max) != (0, 100) => problems.push(format!(
                "{}: `trust` ranges {}..{}, not 0..100",
                scenario.id, trust.min, trust.max
            )),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn personas_and_characters_are_marked_fictional() {
    let course = course();
    let mut problems = Vec::new();
    for scenario in scenarios(&course) {
        for character in &scenario.characters {
            let nl = character.bio.get("nl").unwrap_or_default().to_lowercase();
            let en = character.bio.get("en").unwrap_or_default().to_lowercase();
            if !nl.contains("fictief") {
                problems.push(format!(
                    "{}/{}: the nl bio does not say “fictief”",
                    scenario.id, character.id
                ));
            }
            if !en.contains("fictional") {
                problems.push(format!(
                    "{}/{}: the en bio does not say “fictional”",
                    scenario.id, character.id
                ));
            }
        }
    }
    for lesson in course.lessons.values() {
        for scene in &lesson.scenes {
            if let SceneBody::Testimony(testimony) = &scene.body
                && !testimony.fictional_composite
            {
                problems.push(format!(
                    "{}/{}: testimony not a fictional composite",
                    lesson.id, scene.id
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_lesson_ends_with_key_points() {
    let course = course();
    let mut problems: Vec<String> = course
        .lessons
        .values()
        .filter(|lesson| {
            !matches!(
                lesson.scenes.last().map(|s| &s.body),
                Some(SceneBody::KeyPoints(_))
            )
        })
        .map(|lesson| lesson.id.to_string())
        .collect();
    problems.sort();
    assert!(
        problems.is_empty(),
        "lessons that do not end with key points: {problems:?}"
    );
}

#[test]
fn every_module_has_a_reflection() {
    let course = course();
    let mut problems = Vec::new();
    for module in &course.modules {
        let reflects = module
            .items
            .iter()
            .any(|id| match course.item(id.as_str()) {
                Some(Item::Lesson(lesson)) => lesson
                    .scenes
                    .iter()
                    .any(|scene| matches!(scene.body, SceneBody::Reflection(_))),
                _ => false,
            });
        if !reflects {
            problems.push(module.id.to_string());
        }
    }
    assert!(
        problems.is_empty(),
        "modules without a reflection scene: {problems:?}"
    );
}

// ----- edition 2 (issue 16): what every scenario must have -----

/// Whether `cond` reads a gauge (compares a variable with a number) anywhere inside it.
fn reads_a_gauge(cond: &Cond) -> bool {
    match cond {
        Cond::Compare { .. } => true,
        Cond::All(all) | Cond::Any(all) => all.iter().any(reads_a_gauge),
        Cond::Not(inner) => reads_a_gauge(inner),
        _ => false,
    }
}

#[test]
fn every_scenario_routes_on_a_gauge() {
    let course = course();
    let without: Vec<&str> = scenarios(&course)
        .into_iter()
        .filter(|scenario| {
            !scenario.nodes.iter().any(|node| match &node.step {
                Step::Route(arms) => arms
                    .iter()
                    .any(|arm| arm.condition.as_ref().is_some_and(reads_a_gauge)),
                _ => false,
            })
        })
        .map(|s| s.id.as_str())
        .collect();
    assert!(without.is_empty(), "no route on a gauge: {without:?}");
}

#[test]
fn every_scenario_has_a_serious_breach_that_ends_poorly() {
    let course = course();
    let mut problems = Vec::new();
    for scenario in scenarios(&course) {
        let harmful: BTreeSet<String> = scenario
            .nodes
            .iter()
            .flat_map(|node| match &node.step {
                Step::Choices(choices) => choices
                    .iter()
                    .filter(|c| c.quality == Quality::Harmful)
                    .map(|c| format!("{}:{}", node.id, c.id))
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        if harmful.is_empty() {
            problems.push(format!("{}: no harmful choice", scenario.id));
            continue;
        }
        // Walked regardless of conditions: at least one harmful choice leads to a poor
        // ending (the validator already keeps every good ending out of its reach).
        let ends_poorly = all_paths(scenario).iter().any(|path| {
            path.outcome == Outcome::Poor && path.trail.iter().any(|step| harmful.contains(step))
        });
        if !ends_poorly {
            problems.push(format!(
                "{}: no harmful choice leads to a poor ending",
                scenario.id
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_scenario_has_a_debrief_that_follows_the_path() {
    let course = course();
    let without: Vec<&str> = scenarios(&course)
        .into_iter()
        .filter(|scenario| {
            !scenario.nodes.iter().any(|node| match &node.step {
                Step::Ending(ending) => ending.debrief.iter().any(|p| p.condition.is_some()),
                _ => false,
            })
        })
        .map(|s| s.id.as_str())
        .collect();
    assert!(without.is_empty(), "no path-aware debrief: {without:?}");
}

#[test]
fn every_item_says_how_long_it_takes_and_the_core_path_takes_about_an_hour() {
    let course = course();
    let unknown: Vec<String> = course
        .items_in_order()
        .filter(|(_, item)| item.estimated_minutes("nl").is_none())
        .map(|(_, item)| item.id().to_string())
        .collect();
    assert!(unknown.is_empty(), "no estimated_minutes: {unknown:?}");
    // About an hour in every language the course speaks (French reads longer).
    for locale in &course.locales {
        let minutes: u32 = course
            .core_path
            .iter()
            .filter_map(|id| course.item(id.as_str()))
            .filter_map(|item| item.estimated_minutes(locale.as_str()))
            .sum();
        assert!(
            (50..=70).contains(&minutes),
            "the core path takes {minutes} minutes in {locale}: {:?}",
            course.core_path
        );
    }
    // The job aid the handout ends with is a lesson of checklists.
    let aid = course
        .job_aid
        .as_ref()
        .and_then(|id| course.lessons.get(id));
    let checklists = aid.map_or(0, |lesson| {
        lesson
            .scenes
            .iter()
            .filter(|s| matches!(s.body, SceneBody::Checklist(_)))
            .count()
    });
    assert!(checklists >= 3, "the job aid has {checklists} checklist(s)");
    // It keeps a practice conversation, the heart of the course.
    assert!(
        course
            .core_path
            .iter()
            .any(|id| matches!(course.item(id.as_str()), Some(Item::Scenario(_)))),
        "the core path has no scenario"
    );
}

// ----- every course language complete (issue 21) -----

/// Every text object of the course files (an object with an `nl` string), with its JSON
/// path and the key it sits under.
fn course_texts() -> Vec<(String, String, BTreeMap<String, String>)> {
    fn walk(
        value: &serde_json::Value,
        path: &str,
        key: &str,
        out: &mut Vec<(String, String, BTreeMap<String, String>)>,
    ) {
        match value {
            serde_json::Value::Object(map) => {
                if map.get("nl").is_some_and(serde_json::Value::is_string) {
                    let text = map
                        .iter()
                        .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_owned())))
                        .collect();
                    out.push((path.to_owned(), key.to_owned(), text));
                    return;
                }
                for (k, v) in map {
                    walk(v, &format!("{path}/{k}"), k, out);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{path}[{i}]"), key, out);
                }
            }
            _ => {}
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("course");
    let mut files = vec![root.join("course.json")];
    for dir in ["lessons", "scenarios"] {
        let mut found: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        found.sort();
        files.extend(found);
    }
    let mut out = Vec::new();
    for file in files {
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        walk(&json, &name, "", &mut out);
    }
    out
}

#[test]
fn every_text_exists_in_every_declared_locale_and_none_falls_back() {
    use kruispunt::i18n::{Localizer, TextScope, UiLocale};
    let course = course();
    for locale in UiLocale::ALL {
        let i18n = Localizer::new(locale);
        let mut fell_back = Vec::new();
        let mut note = |scope, what: &str| {
            let others = i18n.fallbacks_in(scope);
            if !others.is_empty() {
                fell_back.push(format!("{what}: {others:?}"));
            }
        };
        note(TextScope::Overview(&course), "the overview");
        for lesson in course.lessons.values() {
            note(TextScope::Lesson(lesson), lesson.id.as_str());
        }
        for scenario in course.scenarios.values() {
            note(TextScope::Scenario(scenario), scenario.id.as_str());
        }
        assert!(
            fell_back.is_empty(),
            "{} falls back in:\n{}",
            locale.tag(),
            fell_back.join("\n")
        );
    }
}

#[test]
fn translations_are_not_the_dutch_text_and_keep_its_shape() {
    let mut problems = Vec::new();
    for (path, key, text) in course_texts() {
        let nl = &text["nl"];
        for (locale, string) in &text {
            if locale == "nl" {
                continue;
            }
            // Names and glossary terms may be the same in another language (Fedasil,
            // "Q: queer"); so may a text every language writes alike.
            let same_everywhere = text.values().all(|s| s == nl);
            let a_name = key == "name" || key == "term";
            if string == nl && !a_name && !same_everywhere {
                problems.push(format!("{path} [{locale}]: the Dutch text: {string}"));
            }
            let count = |s: &str, pattern: &str| s.matches(pattern).count();
            for (what, pattern) in [("paragraphs", "\n\n"), ("stage directions", "((")] {
                if count(string, pattern) != count(nl, pattern) {
                    problems.push(format!(
                        "{path} [{locale}]: {} {what}, the Dutch has {}",
                        count(string, pattern),
                        count(nl, pattern)
                    ));
                }
            }
            if locale == "fr" && string.contains('·') {
                problems.push(format!("{path} [fr]: a point médian: {string}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Issue 21: French runs about 15% longer than Dutch, and an estimate must hold in every
/// language: each item's minutes in a language are at least its Dutch minutes scaled by
/// how many more words a trainee reads in it (facilitator notes left out), within the 5%
/// that rounding an estimate to whole minutes leaves anyway.
#[test]
fn estimates_hold_in_every_language() {
    fn words(value: &serde_json::Value, locale: &str) -> usize {
        match value {
            serde_json::Value::Object(map) if map.get("nl").is_some_and(|v| v.is_string()) => map
                .get(locale)
                .and_then(serde_json::Value::as_str)
                .map_or(0, |s| s.split_whitespace().count()),
            serde_json::Value::Object(map) => map
                .iter()
                .filter(|(key, _)| *key != "facilitator_notes")
                .map(|(_, v)| words(v, locale))
                .sum(),
            serde_json::Value::Array(items) => items.iter().map(|v| words(v, locale)).sum(),
            _ => 0,
        }
    }
    let course = course();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("course");
    let mut short = Vec::new();
    for (_, item) in course.items_in_order() {
        let dir = match item {
            Item::Lesson(_) => "lessons",
            Item::Scenario(_) => "scenarios",
        };
        let file = root.join(dir).join(format!("{}.json", item.id()));
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let dutch_words = words(&json, "nl");
        let dutch_minutes = item.estimated_minutes("nl").unwrap_or(0) as usize;
        for locale in &course.locales {
            let minutes = item.estimated_minutes(locale.as_str()).unwrap_or(0) as usize;
            let needed = dutch_minutes * words(&json, locale.as_str());
            if minutes * dutch_words * 105 < needed * 100 {
                short.push(format!(
                    "{} in {locale}: {minutes} min, needs {:.1}",
                    item.id(),
                    needed as f64 / dutch_words.max(1) as f64
                ));
            }
        }
    }
    assert!(short.is_empty(), "{}", short.join("\n"));
}
