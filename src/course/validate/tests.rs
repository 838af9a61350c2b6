//! Tests of every check: a small valid course, mutated to trigger (or just miss) each one.

use super::texts::{LANES, first_control_character, starts_a_control};
use super::{for_each_duplicate, validate, validate_with};
use crate::course::checked::{Choice, Cond, Course, NodeIdx, Scenario, SceneBody, Step, VarIdx};
use crate::course::diagnostic::Problem;
use crate::course::model::Quality;
use crate::course::parsed::{FileIdx, Finding, ParsedCourse};
use serde_json::{Value, json};

const MANIFEST: FileIdx = 0;
const LESSON: FileIdx = 1;
const SCENARIO: FileIdx = 2;

/// A text in both declared locales.
fn t(text: &str) -> Value {
    json!({ "nl": text, "en": text })
}

/// A small valid course as JSON values, to mutate before validating.
struct Fixture {
    manifest: Value,
    lessons: Vec<Value>,
    scenarios: Vec<Value>,
}

fn fixture() -> Fixture {
    let manifest = json!({
        "format_version": 2,
        "id": "test-course",
        "version": "1",
        "title": t("Titel"),
        "description": t("Beschrijving"),
        "default_locale": "nl",
        "locales": ["nl", "en"],
        "competencies": [{ "id": "open-questions", "title": t("Open vragen") }],
        "modules": [{ "id": "basics", "title": t("Basis"), "items": ["welcome", "intake"] }]
    });
    let lesson = json!({
        "format_version": 2,
        "id": "welcome",
        "title": t("Welkom"),
        "scenes": [
            { "id": "intro", "text": { "paragraphs": [t("Welkom bij de cursus.")] } },
            { "id": "voice", "testimony": {
                "persona": { "name": t("Amir"), "background": t("Kwam in 2021 naar België.") },
                "quote": [t("Ik wist niet wie ik kon vertrouwen.")],
                "fictional_composite": true
            } },
            { "id": "points", "key_points": { "points": [t("Luister eerst.")] } },
            { "id": "words", "glossary": { "cards": [
                { "term": t("Coming-out"), "definition": t("Het delen van je identiteit.") }
            ] } },
            { "id": "check", "quiz": {
                "question": t("Wat doe je eerst?"),
                "options": [
                    { "id": "a", "text": t("Luisteren"), "correct": true, "feedback": t("Ja.") },
                    { "id": "b", "text": t("Oordelen"), "correct": false, "feedback": t("Nee.") }
                ],
                "explanation": t("Luisteren opent het gesprek.")
            } },
            { "id": "think", "reflection": { "prompt": t("Wat neem je mee?") } },
            { "id": "list", "checklist": { "entries": [
                { "id": "e1", "text": t("Tolk geregeld") },
                { "id": "e2", "text": t("Rustige ruimte") }
            ] } }
        ]
    });
    let scenario = json!({
        "format_version": 2,
        "id": "intake",
        "title": t("Intake"),
        "setting": t("Een opvangcentrum."),
        "goal": t("Vertrouwen opbouwen."),
        "characters": [{ "id": "amir", "name": t("Amir"), "role": t("Bewoner"), "bio": t("Fictief.") }],
        "variables": [{ "id": "trust", "label": t("Vertrouwen"), "min": 0, "max": 100, "start": 50 }],
        "start": "open",
        "nodes": [
            { "id": "open", "lines": [{ "speaker": "amir", "text": t("Hallo.") }], "choices": [
                { "id": "ask", "text": t("Wat heb je nodig?"), "feedback": t("Open vraag."),
                  "quality": "best", "effects": { "trust": 10 },
                  "competencies": { "open-questions": "shown" }, "next": "listen" },
                { "id": "assume", "text": t("Je hebt vast een vriendin?"), "feedback": t("Aanname."),
                  "quality": "weak", "effects": { "trust": -20 }, "next": "repair" }
            ] },
            { "id": "listen", "lines": [{ "speaker": "amir", "text": t("Dank je.") }], "next": "good-end" },
            { "id": "repair", "choices": [
                { "id": "apologise", "text": t("Sorry."), "feedback": t("Herstel."),
                  "quality": "best",
                  "if": { "compare": { "var": "trust", "op": ">=", "value": 20 } },
                  "effects": { "trust": 5 }, "next": "good-end" },
                { "id": "leave", "text": t("Dag."), "feedback": t("Gemist."), "quality": "weak",
                  "next": "poor-end" }
            ] },
            { "id": "good-end", "ending": { "outcome": "good", "title": t("Goed"), "debrief": t("Goed gedaan.") } },
            { "id": "poor-end", "ending": { "outcome": "poor", "title": t("Gemist"), "debrief": t("Wat nu?") } }
        ]
    });
    Fixture {
        manifest,
        lessons: vec![lesson],
        scenarios: vec![scenario],
    }
}

/// Navigates a JSON pointer that the fixture is known to have.
fn at<'v>(value: &'v mut Value, pointer: &str) -> &'v mut Value {
    match value.pointer_mut(pointer) {
        Some(found) => found,
        None => panic!("the fixture has no {pointer}"),
    }
}

/// Sets the value at `pointer`, adding the last key when the object lacks it.
fn set(value: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer below the root");
    match at(value, parent) {
        Value::Object(object) => {
            object.insert(key.to_owned(), new);
        }
        Value::Array(array) => {
            let index: usize = key.parse().expect("an array index");
            array[index] = new;
        }
        other => panic!("cannot set {key} in {other}"),
    }
}

/// Appends `new` to the array at `pointer`.
fn push(value: &mut Value, pointer: &str, new: Value) {
    match at(value, pointer) {
        Value::Array(array) => array.push(new),
        other => panic!("{pointer} is not an array: {other}"),
    }
}

/// The fixture with the value at `pointer` of `file` set to `new`, validated.
fn changed(file: FileIdx, pointer: &str, new: Value) -> Outcome {
    let mut f = fixture();
    set(f.file(file), pointer, new);
    f.run()
}

/// Removes a key from the object at `pointer`.
fn remove(value: &mut Value, pointer: &str, key: &str) {
    let object = at(value, pointer).as_object_mut();
    assert!(
        object.and_then(|o| o.remove(key)).is_some(),
        "no {key} at {pointer}"
    );
}

impl Fixture {
    fn lesson(&mut self) -> &mut Value {
        &mut self.lessons[0]
    }

    fn scenario(&mut self) -> &mut Value {
        &mut self.scenarios[0]
    }

    /// The file at this index: the manifest, the first lesson or the first scenario.
    fn file(&mut self, file: FileIdx) -> &mut Value {
        match file {
            MANIFEST => &mut self.manifest,
            LESSON => self.lesson(),
            _ => self.scenario(),
        }
    }

    /// Adds `lesson` with this id, used by the first module.
    fn add_lesson(&mut self, mut lesson: Value, id: &str) {
        lesson["id"] = json!(id);
        self.lessons.push(lesson);
        push(&mut self.manifest, "/modules/0/items", json!(id));
    }

    /// Adds `scenario` with this id, used by the first module.
    fn add_scenario(&mut self, mut scenario: Value, id: &str) {
        scenario["id"] = json!(id);
        self.scenarios.push(scenario);
        push(&mut self.manifest, "/modules/0/items", json!(id));
    }

    /// The manifest is file 0, then the lessons, then the scenarios.
    fn parsed(&self) -> ParsedCourse {
        fn parse<T: serde::de::DeserializeOwned>(value: &Value) -> T {
            serde_json::from_value(value.clone()).expect("fixture parses")
        }
        let mut parsed = ParsedCourse {
            manifest: Some((MANIFEST, parse(&self.manifest))),
            ..ParsedCourse::default()
        };
        let mut file = 1;
        for lesson in &self.lessons {
            parsed.lessons.push((file, parse(lesson)));
            file += 1;
        }
        for scenario in &self.scenarios {
            parsed.scenarios.push((file, parse(scenario)));
            file += 1;
        }
        parsed
    }

    /// Validates the course, as `load` does. Every test runs it a second time with the
    /// large-scenario path forced (half the nodes checked on a second thread, the flow
    /// checks on another while the nodes are built), which must find the same in the same
    /// order and build the same course.
    fn run(&self) -> Outcome {
        let mut findings = Vec::new();
        let course = validate(self.parsed(), &mut findings);
        let inline = Outcome { course, findings };
        let mut findings = Vec::new();
        let course = validate_with(self.parsed(), &mut findings, 0);
        let threaded = Outcome { course, findings };
        assert_eq!(threaded.listing(), inline.listing(), "with threads");
        assert_eq!(
            scenarios_of(&threaded.course),
            scenarios_of(&inline.course),
            "with threads"
        );
        inline
    }
}

struct Outcome {
    course: Option<Course>,
    findings: Vec<Finding>,
}

impl Outcome {
    fn listing(&self) -> String {
        self.findings
            .iter()
            .map(|f| {
                format!(
                    "  file {} {} [{}] {}",
                    f.file,
                    f.path,
                    f.problem.code(),
                    f.problem
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The finding with this code at this path of this file; fails the test without one.
    fn find(&self, file: FileIdx, code: &str, path: &str) -> &Problem {
        let found = self
            .findings
            .iter()
            .find(|f| f.file == file && f.problem.code() == code && f.path.to_string() == path);
        match found {
            Some(finding) => &finding.problem,
            None => panic!(
                "expected {code} at file {file} {path}, found:\n{}",
                self.listing()
            ),
        }
    }

    fn count(&self, code: &str) -> usize {
        self.findings
            .iter()
            .filter(|f| f.problem.code() == code)
            .count()
    }

    fn lacks(&self, code: &str) {
        assert_eq!(
            self.count(code),
            0,
            "unexpected {code}:\n{}",
            self.listing()
        );
    }

    fn only(&self, code: &str, file: FileIdx, path: &str) -> &Problem {
        assert_eq!(
            self.count(code),
            1,
            "expected one {code}:\n{}",
            self.listing()
        );
        self.find(file, code, path)
    }
}

/// The choices of node `node` of a built scenario, which must be a decision point.
fn choices_at(scenario: &Scenario, node: u32) -> &[Choice] {
    match &scenario.node(NodeIdx(node)).step {
        Step::Choices(choices) => choices,
        _ => panic!("node {node} is not a decision point"),
    }
}

// ---------------------------------------------------------------------------------------
// The valid course

#[test]
fn valid_course_has_no_findings_and_builds() {
    let out = fixture().run();
    assert!(out.findings.is_empty(), "findings:\n{}", out.listing());
    let course = out.course.expect("a valid course builds");

    assert_eq!(course.id.as_str(), "test-course");
    assert_eq!(course.modules.len(), 1);
    let items: Vec<String> = course
        .items_in_order()
        .map(|(_, item)| item.id().to_string())
        .collect();
    assert_eq!(items, ["welcome", "intake"]);

    let lesson = &course.lessons["welcome"];
    let kinds: Vec<&str> = lesson
        .scenes
        .iter()
        .map(|scene| match &scene.body {
            SceneBody::Text(_) => "text",
            SceneBody::Testimony(_) => "testimony",
            SceneBody::KeyPoints(_) => "key_points",
            SceneBody::Glossary(_) => "glossary",
            SceneBody::Quiz(_) => "quiz",
            SceneBody::Reflection(_) => "reflection",
            SceneBody::Checklist(_) => "checklist",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "text",
            "testimony",
            "key_points",
            "glossary",
            "quiz",
            "reflection",
            "checklist"
        ]
    );

    let scenario = &course.scenarios["intake"];
    assert_eq!(scenario.start, NodeIdx(0));
    assert_eq!(scenario.node_idx("repair"), Some(NodeIdx(2)));
    let choices = choices_at(scenario, 0);
    assert_eq!(choices[0].next, NodeIdx(1));
    assert_eq!(choices[0].effects, vec![(VarIdx(0), 10)]);
    assert_eq!(choices[1].next, NodeIdx(2));
    assert!(matches!(
        scenario.node(NodeIdx(1)).step,
        Step::Auto(NodeIdx(3))
    ));
    assert!(matches!(
        choices_at(scenario, 2)[0].condition,
        Some(Cond::Compare {
            var: VarIdx(0),
            value: 20,
            ..
        })
    ));
    assert!(
        matches!(&scenario.node(NodeIdx(3)).step, Step::Ending(e) if e.title.get("en") == Some("Goed"))
    );
}

#[test]
fn conditions_resolve_nested_references() {
    let out = changed(
        SCENARIO,
        "/nodes/2/choices/1/if",
        json!({ "any": [
        { "not": { "visited": "listen" } },
        { "all": [{ "compare": { "var": "trust", "op": "<", "value": 30 } }] }
    ] }),
    );
    let scenario = &out.course.expect("builds").scenarios["intake"];
    let Some(Cond::Any(any)) = &choices_at(scenario, 2)[1].condition else {
        panic!("an any condition");
    };
    assert!(matches!(&any[0], Cond::Not(inner) if matches!(**inner, Cond::Visited(NodeIdx(1)))));
    assert!(
        matches!(&any[1], Cond::All(all) if matches!(all[0], Cond::Compare { var: VarIdx(0), .. }))
    );
}

#[test]
fn several_problems_are_reported_at_once() {
    let mut f = fixture();
    set(&mut f.manifest, "/default_locale", json!("fr"));
    set(f.lesson(), "/scenes/4/quiz/options/1/correct", json!(true));
    set(
        f.lesson(),
        "/scenes/1/testimony/fictional_composite",
        json!(false),
    );
    set(f.scenario(), "/nodes/0/choices/0/next", json!("nowhere"));
    set(f.scenario(), "/nodes/0/lines/0/speaker", json!("sam"));
    set(f.scenario(), "/nodes/1/lines/0/text/en", json!("\u{7}"));
    let out = f.run();
    out.find(MANIFEST, "default-locale-undeclared", "default_locale");
    out.find(LESSON, "several-correct-answers", "scenes[4].quiz.options");
    out.find(
        LESSON,
        "not-fictional",
        "scenes[1].testimony.fictional_composite",
    );
    out.find(SCENARIO, "missing-node", "nodes[0].choices[0].next");
    out.find(SCENARIO, "missing-character", "nodes[0].lines[0].speaker");
    out.find(SCENARIO, "control-character", "nodes[1].lines[0].text.en");
    // `listen` is now unreachable: the flow is still checked.
    out.find(SCENARIO, "unreachable-node", "nodes[1]");
    assert!(out.course.is_none());
}

#[test]
fn warnings_alone_still_build_the_course() {
    let mut f = fixture();
    set(&mut f.manifest, "/modules/0/items", json!(["welcome"]));
    set(f.scenario(), "/nodes/0/choices/0/effects/trust", json!(60));
    let out = f.run();
    out.only("unused-item", SCENARIO, "id");
    out.only(
        "out-of-range",
        SCENARIO,
        "nodes[0].choices[0].effects.trust",
    );
    assert!(out.course.is_some());
}

// ---------------------------------------------------------------------------------------
// Duplicate ids

fn duplicate(out: &Outcome, file: FileIdx, path: &str, what: &str, first: &str) {
    match out.only("duplicate-id", file, path) {
        Problem::DuplicateId {
            what: found_what,
            first: found_first,
            ..
        } => {
            assert_eq!(found_what, what);
            assert_eq!(found_first, first);
        }
        other => panic!("not a duplicate: {other:?}"),
    }
    assert!(out.course.is_none(), "a duplicate id blocks the course");
}

#[test]
fn duplicate_module_ids() {
    let mut f = fixture();
    push(
        &mut f.manifest,
        "/modules",
        json!({ "id": "basics", "title": t("Meer"), "items": ["welcome"] }),
    );
    duplicate(
        &f.run(),
        MANIFEST,
        "modules[1].id",
        "module",
        "modules[0].id",
    );

    let mut f = fixture();
    push(
        &mut f.manifest,
        "/modules",
        json!({ "id": "more", "title": t("Meer"), "items": ["welcome"] }),
    );
    f.run().lacks("duplicate-id");
}

#[test]
fn duplicate_item_ids_across_files() {
    let mut f = fixture();
    let copy = f.lessons[0].clone();
    f.lessons.push(copy);
    let out = f.run();
    // The second lesson is file 2; the scenario moves to file 3.
    duplicate(
        &out,
        2,
        "id",
        "item",
        "the lesson titled \"Welkom\", field `id`",
    );

    let mut f = fixture();
    f.add_lesson(f.lessons[0].clone(), "welcome-again");
    let out = f.run();
    out.lacks("duplicate-id");
    assert!(out.findings.is_empty(), "{}", out.listing());
}

#[test]
fn duplicate_scene_ids_within_a_lesson() {
    duplicate(
        &changed(LESSON, "/scenes/1/id", json!("intro")),
        LESSON,
        "scenes[1].id",
        "scene",
        "scenes[0].id",
    );

    // Scene ids are unique per lesson: another lesson may reuse them.
    let mut f = fixture();
    f.add_lesson(f.lessons[0].clone(), "second");
    f.run().lacks("duplicate-id");
}

#[test]
fn duplicate_quiz_option_and_checklist_entry_ids() {
    duplicate(
        &changed(LESSON, "/scenes/4/quiz/options/1/id", json!("a")),
        LESSON,
        "scenes[4].quiz.options[1].id",
        "quiz option",
        "scenes[4].quiz.options[0].id",
    );

    duplicate(
        &changed(LESSON, "/scenes/6/checklist/entries/1/id", json!("e1")),
        LESSON,
        "scenes[6].checklist.entries[1].id",
        "checklist entry",
        "scenes[6].checklist.entries[0].id",
    );

    // Unique within their scene only: an entry may share an option's id.
    changed(LESSON, "/scenes/6/checklist/entries/0/id", json!("a")).lacks("duplicate-id");
}

#[test]
fn duplicate_node_and_choice_ids() {
    let out = changed(SCENARIO, "/nodes/4/id", json!("good-end"));
    duplicate(&out, SCENARIO, "nodes[4].id", "node", "nodes[3].id");

    duplicate(
        &changed(SCENARIO, "/nodes/0/choices/1/id", json!("ask")),
        SCENARIO,
        "nodes[0].choices[1].id",
        "choice",
        "nodes[0].choices[0].id",
    );

    // Choice ids are unique per node: another node may reuse them.
    changed(SCENARIO, "/nodes/2/choices/0/id", json!("ask")).lacks("duplicate-id");
}

#[test]
fn duplicate_variable_and_character_ids() {
    let mut f = fixture();
    push(
        f.scenario(),
        "/variables",
        json!({ "id": "trust", "label": t("Nog eens"), "min": 0, "max": 10, "start": 0 }),
    );
    duplicate(
        &f.run(),
        SCENARIO,
        "variables[1].id",
        "variable",
        "variables[0].id",
    );

    let mut f = fixture();
    push(
        f.scenario(),
        "/characters",
        json!({ "id": "amir", "name": t("Ander"), "role": t("Tolk"), "bio": t("Fictief.") }),
    );
    duplicate(
        &f.run(),
        SCENARIO,
        "characters[1].id",
        "character",
        "characters[0].id",
    );

    let mut f = fixture();
    push(
        f.scenario(),
        "/characters",
        json!({ "id": "lina", "name": t("Lina"), "role": t("Tolk"), "bio": t("Fictief.") }),
    );
    f.run().lacks("duplicate-id");
}

#[test]
fn duplicate_competency_and_locale_ids() {
    let mut f = fixture();
    push(
        &mut f.manifest,
        "/competencies",
        json!({ "id": "open-questions", "title": t("Nog eens") }),
    );
    duplicate(
        &f.run(),
        MANIFEST,
        "competencies[1].id",
        "competency",
        "competencies[0].id",
    );

    duplicate(
        &changed(MANIFEST, "/locales", json!(["nl", "en", "nl"])),
        MANIFEST,
        "locales[2]",
        "locale",
        "locales[0]",
    );
}

#[test]
fn duplicates_in_long_lists_are_found_too() {
    let ids: Vec<String> = (0..40).map(|i| format!("n{}", i % 37)).collect();
    let mut found = Vec::new();
    for_each_duplicate(&ids, String::as_str, |dup, first| found.push((dup, first)));
    assert_eq!(found, [(37, 0), (38, 1), (39, 2)]);

    let mut f = fixture();
    let nodes = at(f.scenario(), "/nodes").as_array_mut().unwrap();
    for i in 0..30 {
        nodes.push(json!({ "id": format!("extra-{}", i % 29), "next": "good-end" }));
    }
    let out = f.run();
    out.only("duplicate-id", SCENARIO, "nodes[34].id");
}

// ---------------------------------------------------------------------------------------
// The manifest and its items

#[test]
fn default_locale_must_be_declared() {
    let out = changed(MANIFEST, "/default_locale", json!("fr"));
    assert_eq!(
        out.only("default-locale-undeclared", MANIFEST, "default_locale"),
        &Problem::DefaultLocaleUndeclared {
            locale: "fr".into()
        }
    );

    changed(MANIFEST, "/default_locale", json!("en")).lacks("default-locale-undeclared");
}

#[test]
fn the_fallback_order_names_only_declared_locales() {
    let out = changed(MANIFEST, "/fallback", json!({"fr": ["en", "de"]}));
    assert_eq!(
        out.only("undeclared-locale", MANIFEST, "fallback.fr[1]"),
        &Problem::UndeclaredLocale {
            locale: "de".into()
        }
    );
    let out = changed(MANIFEST, "/fallback", json!({"fr": ["en", "nl"]}));
    out.lacks("undeclared-locale");
    assert!(out.course.is_some_and(|c| {
        c.fallback
            .get("fr")
            .is_some_and(|order| order.iter().map(|l| l.as_str()).eq(["en", "nl"]))
    }));
}

#[test]
fn the_core_path_names_existing_items_once_each() {
    let out = changed(
        MANIFEST,
        "/core_path",
        json!(["welcome", "ghost", "welcome"]),
    );
    assert_eq!(
        out.only("missing-item", MANIFEST, "core_path[1]"),
        &Problem::MissingItem { id: "ghost".into() }
    );
    out.find(MANIFEST, "duplicate-id", "core_path[2]");
    let out = changed(MANIFEST, "/core_path", json!(["welcome"]));
    out.lacks("missing-item");
    assert!(
        out.course
            .is_some_and(|c| c.core_path.iter().map(|i| i.as_str()).eq(["welcome"]))
    );
}

#[test]
fn the_job_aid_is_a_lesson_of_the_course() {
    let out = changed(MANIFEST, "/job_aid", json!("intake"));
    assert_eq!(
        out.only("missing-item", MANIFEST, "job_aid"),
        &Problem::MissingItem {
            id: "intake".into()
        }
    );
    let out = changed(MANIFEST, "/job_aid", json!("welcome"));
    out.lacks("missing-item");
    assert!(out.course.is_some_and(|c| c.job_aid.is_some()));
}

#[test]
fn minutes_per_locale_name_declared_locales() {
    let out = changed(LESSON, "/estimated_minutes", json!({"nl": 10, "de": 12}));
    assert_eq!(
        out.only("undeclared-locale", LESSON, "estimated_minutes.de"),
        &Problem::UndeclaredLocale {
            locale: "de".into()
        }
    );
    let out = changed(SCENARIO, "/estimated_minutes", json!({"nl": 10, "en": 12}));
    out.lacks("undeclared-locale");
}

#[test]
fn manifest_needs_modules_and_locales() {
    let out = changed(MANIFEST, "/modules", json!([]));
    out.find(MANIFEST, "empty", "modules");
    // Nothing uses the items now.
    out.find(LESSON, "unused-item", "id");
    out.find(SCENARIO, "unused-item", "id");

    let out = changed(MANIFEST, "/locales", json!([]));
    out.find(MANIFEST, "empty", "locales");
    // Texts are not checked against an empty locale list.
    out.lacks("undeclared-locale");
}

#[test]
fn module_items_must_exist() {
    let mut f = fixture();
    push(&mut f.manifest, "/modules/0/items", json!("ghost"));
    let out = f.run();
    assert_eq!(
        out.only("missing-item", MANIFEST, "modules[0].items[2]"),
        &Problem::MissingItem { id: "ghost".into() }
    );
    assert!(out.course.is_none());
}

#[test]
fn every_item_must_be_used() {
    let out = changed(MANIFEST, "/modules/0/items", json!(["intake"]));
    out.only("unused-item", LESSON, "id");
    out.lacks("missing-item");

    // Used by a second module counts as used.
    let mut f = fixture();
    set(&mut f.manifest, "/modules/0/items", json!(["intake"]));
    push(
        &mut f.manifest,
        "/modules",
        json!({ "id": "more", "title": t("Meer"), "items": ["welcome"] }),
    );
    f.run().lacks("unused-item");
}

// ---------------------------------------------------------------------------------------
// Lessons

#[test]
fn scene_needs_exactly_one_kind() {
    let mut f = fixture();
    remove(f.lesson(), "/scenes/0", "text");
    let out = f.run();
    assert_eq!(
        out.only("scene-kind", LESSON, "scenes[0]"),
        &Problem::SceneKind { found: 0 }
    );
    assert!(out.course.is_none());

    let out = changed(
        LESSON,
        "/scenes/0/reflection",
        json!({ "prompt": t("En jij?") }),
    );
    assert_eq!(
        out.only("scene-kind", LESSON, "scenes[0]"),
        &Problem::SceneKind { found: 2 }
    );
}

#[test]
fn quiz_needs_a_correct_option() {
    let out = changed(LESSON, "/scenes/4/quiz/options/0/correct", json!(false));
    out.only("no-correct-answer", LESSON, "scenes[4].quiz.options");
    fixture().run().lacks("no-correct-answer");
}

#[test]
fn single_answer_quiz_has_one_correct_option() {
    let out = changed(LESSON, "/scenes/4/quiz/options/1/correct", json!(true));
    assert_eq!(
        out.only("several-correct-answers", LESSON, "scenes[4].quiz.options"),
        &Problem::SeveralCorrectAnswers { count: 2 }
    );

    let mut f = fixture();
    set(f.lesson(), "/scenes/4/quiz/options/1/correct", json!(true));
    set(f.lesson(), "/scenes/4/quiz/multiple", json!(true));
    f.run().lacks("several-correct-answers");
}

#[test]
fn quiz_needs_two_options() {
    let mut f = fixture();
    at(f.lesson(), "/scenes/4/quiz/options")
        .as_array_mut()
        .unwrap()
        .pop();
    let out = f.run();
    let Problem::Empty { what } = out.only("empty", LESSON, "scenes[4].quiz.options") else {
        unreachable!()
    };
    assert!(what.contains("at least two options"), "{what}");

    let out = changed(LESSON, "/scenes/4/quiz/options", json!([]));
    out.only("empty", LESSON, "scenes[4].quiz.options");
    out.lacks("no-correct-answer");
}

#[test]
fn testimony_must_be_a_fictional_composite() {
    let out = changed(
        LESSON,
        "/scenes/1/testimony/fictional_composite",
        json!(false),
    );
    out.only(
        "not-fictional",
        LESSON,
        "scenes[1].testimony.fictional_composite",
    );
    fixture().run().lacks("not-fictional");
}

#[test]
fn lists_that_must_not_be_empty() {
    let cases = [
        (LESSON, "/scenes", "scenes"),
        (
            LESSON,
            "/scenes/0/text/paragraphs",
            "scenes[0].text.paragraphs",
        ),
        (
            LESSON,
            "/scenes/1/testimony/quote",
            "scenes[1].testimony.quote",
        ),
        (
            LESSON,
            "/scenes/2/key_points/points",
            "scenes[2].key_points.points",
        ),
        (
            LESSON,
            "/scenes/3/glossary/cards",
            "scenes[3].glossary.cards",
        ),
        (
            LESSON,
            "/scenes/6/checklist/entries",
            "scenes[6].checklist.entries",
        ),
        (SCENARIO, "/nodes", "nodes"),
        (SCENARIO, "/nodes/2/choices", "nodes[2].choices"),
        (SCENARIO, "/characters", "characters"),
        (MANIFEST, "/modules/0/items", "modules[0].items"),
    ];
    for (file, pointer, path) in cases {
        let mut f = fixture();
        *at(f.file(file), pointer) = json!([]);
        let out = f.run();
        out.find(file, "empty", path);
    }
    // Optional lists may be empty.
    let mut f = fixture();
    set(f.scenario(), "/variables", json!([]));
    remove(f.scenario(), "/nodes/0/choices/0", "effects");
    remove(f.scenario(), "/nodes/0/choices/1", "effects");
    remove(f.scenario(), "/nodes/2/choices/0", "effects");
    remove(f.scenario(), "/nodes/2/choices/0", "if");
    set(f.scenario(), "/nodes/1/lines", json!([]));
    let out = f.run();
    assert!(out.findings.is_empty(), "{}", out.listing());
}

// ---------------------------------------------------------------------------------------
// Scenario references

#[test]
fn node_needs_exactly_one_of_choices_next_ending() {
    let out = changed(
        SCENARIO,
        "/nodes/1/ending",
        json!({ "outcome": "mixed", "title": t("Half"), "debrief": t("Half.") }),
    );
    assert_eq!(
        out.only("node-kind", SCENARIO, "nodes[1]"),
        &Problem::NodeKind { found: 2 }
    );
    assert!(out.course.is_none());

    let mut f = fixture();
    remove(f.scenario(), "/nodes/1", "next");
    let out = f.run();
    assert_eq!(
        out.only("node-kind", SCENARIO, "nodes[1]"),
        &Problem::NodeKind { found: 0 }
    );
    out.find(SCENARIO, "dead-end", "nodes[1]");
}

#[test]
fn missing_nodes_are_reported_where_referenced() {
    let cases = [
        ("/start", "start"),
        ("/nodes/0/choices/0/next", "nodes[0].choices[0].next"),
        ("/nodes/1/next", "nodes[1].next"),
    ];
    for (pointer, path) in cases {
        let mut f = fixture();
        *at(f.scenario(), pointer) = json!("nowhere");
        let out = f.run();
        assert_eq!(
            out.only("missing-node", SCENARIO, path),
            &Problem::MissingNode {
                id: "nowhere".into()
            }
        );
        assert!(out.course.is_none());
    }

    let out = changed(
        SCENARIO,
        "/nodes/0/choices/0/if",
        json!({ "any": [{ "compare": { "var": "trust", "op": ">", "value": 0 } }, { "not": { "visited": "ghost" } }] }),
    );
    out.only(
        "missing-node",
        SCENARIO,
        "nodes[0].choices[0].if.any[1].not.visited",
    );

    let out = changed(
        SCENARIO,
        "/nodes/0/choices/0/if",
        json!({ "visited": "repair" }),
    );
    out.lacks("missing-node");
}

#[test]
fn speakers_must_be_characters() {
    let out = changed(SCENARIO, "/nodes/1/lines/0/speaker", json!("sam"));
    assert_eq!(
        out.only("missing-character", SCENARIO, "nodes[1].lines[0].speaker"),
        &Problem::MissingCharacter { id: "sam".into() }
    );
    assert!(out.course.is_none());
    fixture().run().lacks("missing-character");
}

#[test]
fn effects_and_conditions_need_declared_variables() {
    let out = changed(
        SCENARIO,
        "/nodes/0/choices/0/effects",
        json!({ "trust": 1, "mood": 1 }),
    );
    assert_eq!(
        out.only(
            "undeclared-variable",
            SCENARIO,
            "nodes[0].choices[0].effects.mood"
        ),
        &Problem::UndeclaredVariable { id: "mood".into() }
    );
    assert!(out.course.is_none());

    let out = changed(
        SCENARIO,
        "/nodes/2/choices/0/if",
        json!({ "all": [
        { "compare": { "var": "mood", "op": "==", "value": 1 } }
    ] }),
    );
    out.only(
        "undeclared-variable",
        SCENARIO,
        "nodes[2].choices[0].if.all[0].compare.var",
    );
    fixture().run().lacks("undeclared-variable");
}

#[test]
fn competencies_must_be_declared() {
    let out = changed(
        SCENARIO,
        "/nodes/0/choices/1/competencies",
        json!({"open-questions": "shown", "guessing": "breached"}),
    );
    assert_eq!(
        out.only(
            "unknown-competency",
            SCENARIO,
            "nodes[0].choices[1].competencies.guessing"
        ),
        &Problem::UnknownCompetency {
            id: "guessing".into()
        }
    );

    // A manifest that declares no competencies allows no tags.
    let mut f = fixture();
    remove(&mut f.manifest, "", "competencies");
    f.run().only(
        "unknown-competency",
        SCENARIO,
        "nodes[0].choices[0].competencies.open-questions",
    );

    fixture().run().lacks("unknown-competency");
}

#[test]
fn variable_range_must_hold_the_start() {
    let out = changed(SCENARIO, "/variables/0/start", json!(150));
    assert_eq!(
        out.only("bad-range", SCENARIO, "variables[0]"),
        &Problem::BadRange {
            id: "trust".into(),
            min: 0,
            start: 150,
            max: 100
        }
    );

    let mut f = fixture();
    set(f.scenario(), "/variables/0/min", json!(200));
    set(f.scenario(), "/variables/0/start", json!(150));
    f.run().only("bad-range", SCENARIO, "variables[0]");

    // Start on the edge of the range is fine.
    let mut f = fixture();
    set(f.scenario(), "/variables/0/start", json!(100));
    set(f.scenario(), "/nodes/0/choices/0/effects/trust", json!(-10));
    let out = f.run();
    out.lacks("bad-range");
    out.lacks("out-of-range");
}

// ---------------------------------------------------------------------------------------
// Flow

#[test]
fn unreachable_nodes_are_reported_one_by_one() {
    let mut f = fixture();
    push(
        f.scenario(),
        "/nodes",
        json!({ "id": "orphan", "next": "good-end" }),
    );
    push(
        f.scenario(),
        "/nodes",
        json!({ "id": "orphan-2", "next": "orphan" }),
    );
    let out = f.run();
    out.find(SCENARIO, "unreachable-node", "nodes[5]");
    out.find(SCENARIO, "unreachable-node", "nodes[6]");
    assert_eq!(out.count("unreachable-node"), 2);
    out.lacks("dead-end");
    // A warning: the course still builds.
    assert!(out.course.is_some());

    fixture().run().lacks("unreachable-node");
}

/// On a large scenario half the nodes are checked on a second thread, then the flow checks
/// run on one while the nodes are built. Every test compares that with one thread through
/// `Fixture::run`; this one makes sure the comparison has findings of the node walk and of
/// each flow check to compare.
#[test]
fn checks_on_two_threads_find_the_same_in_the_same_order() {
    let mut f = fixture();
    let s = f.scenario();
    // Dead ends, an unreachable node, a value out of range, a harmful path to a good
    // ending, and node checks' findings before them.
    set(s, "/nodes/1/next", json!("loop-a"));
    push(s, "/nodes", json!({ "id": "loop-a", "next": "loop-b" }));
    push(s, "/nodes", json!({ "id": "loop-b", "next": "loop-a" }));
    push(s, "/nodes", json!({ "id": "orphan", "next": "good-end" }));
    set(s, "/nodes/0/choices/0/effects/trust", json!(60));
    set(s, "/nodes/0/choices/1/quality", json!("harmful"));
    let out = f.run();
    let codes = [
        "quality-mismatch",
        "dead-end",
        "unreachable-node",
        "out-of-range",
        "harmful-good-ending",
    ];
    for code in codes {
        assert!(out.count(code) > 0, "no {code}:\n{}", out.listing());
    }
}

/// A built course's scenarios, written out with their node index in order (a hash map's
/// order differs from one map to the next).
fn scenarios_of(course: &Option<Course>) -> Vec<String> {
    let Some(course) = course else {
        return Vec::new();
    };
    let mut scenarios: Vec<String> = course
        .scenarios
        .values()
        .map(|scenario| {
            let mut index: Vec<_> = scenario.node_index.iter().collect();
            index.sort();
            format!("{:?} {:?} {:?}", scenario.start, scenario.nodes, index)
        })
        .collect();
    scenarios.sort();
    scenarios
}

#[test]
fn dead_ends_and_a_cycle_of_automatic_transitions() {
    let mut f = fixture();
    set(f.scenario(), "/nodes/1/next", json!("loop-a"));
    push(
        f.scenario(),
        "/nodes",
        json!({ "id": "loop-a", "next": "loop-b" }),
    );
    push(
        f.scenario(),
        "/nodes",
        json!({ "id": "loop-b", "next": "loop-a" }),
    );
    let out = f.run();
    out.find(SCENARIO, "dead-end", "nodes[1]");
    out.find(SCENARIO, "dead-end", "nodes[5]");
    out.find(SCENARIO, "dead-end", "nodes[6]");
    assert_eq!(out.count("dead-end"), 3);
    // `repair` still leads to endings.
    out.lacks("no-reachable-ending");

    // A decision point without choices leads nowhere.
    let out = changed(SCENARIO, "/nodes/2/choices", json!([]));
    out.only("dead-end", SCENARIO, "nodes[2]");
    out.only("empty", SCENARIO, "nodes[2].choices");

    fixture().run().lacks("dead-end");
}

#[test]
fn no_ending_reachable_from_the_start() {
    let mut f = fixture();
    set(f.scenario(), "/start", json!("lost"));
    push(
        f.scenario(),
        "/nodes",
        json!({ "id": "lost", "next": "lost" }),
    );
    let out = f.run();
    out.only("no-reachable-ending", SCENARIO, "start");
    out.find(SCENARIO, "dead-end", "nodes[5]");
    out.find(SCENARIO, "unreachable-node", "nodes[0]");

    fixture().run().lacks("no-reachable-ending");
}

#[test]
fn every_choice_conditional_is_reported() {
    let out = changed(
        SCENARIO,
        "/nodes/2/choices/1/if",
        json!({ "not": { "visited": "listen" } }),
    );
    assert_eq!(
        out.only("all-choices-conditional", SCENARIO, "nodes[2].choices"),
        &Problem::AllChoicesConditional {
            id: "repair".into()
        }
    );
    // Conditions may hold, so the endings still count as reachable.
    out.lacks("dead-end");
    out.lacks("unreachable-node");

    fixture().run().lacks("all-choices-conditional");
}

// ---------------------------------------------------------------------------------------
// Variable ranges

/// A scenario with one variable and the given nodes, replacing the fixture's.
fn ranged(min: i32, max: i32, start: i32, nodes: Value) -> Fixture {
    let mut f = fixture();
    set(
        f.scenario(),
        "/variables/0",
        json!({ "id": "trust", "label": t("Vertrouwen"), "min": min, "max": max, "start": start }),
    );
    set(f.scenario(), "/start", json!("open"));
    set(f.scenario(), "/nodes", nodes);
    f
}

fn choice(id: &str, effect: i32, next: &str) -> Value {
    json!({ "id": id, "text": t(id), "feedback": t(id), "effects": { "trust": effect }, "next": next })
}

fn ending(id: &str) -> Value {
    json!({ "id": id, "ending": { "outcome": "mixed", "title": t(id), "debrief": t(id) } })
}

/// The id of node `i` of a chain `open`, `d1`, `d2`… (for prefix `d`): the fixture's
/// scenario starts at `open`.
fn chain_id(prefix: &str, i: usize) -> String {
    if i == 0 {
        "open".to_owned()
    } else {
        format!("{prefix}{i}")
    }
}

/// Where node `i` of a chain of `count` nodes goes: the next one, or `after` the last.
fn chain_next(prefix: &str, i: usize, count: usize, after: &str) -> String {
    if i + 1 == count {
        after.to_owned()
    } else {
        format!("{prefix}{}", i + 1)
    }
}

fn reached(problem: &Problem) -> i64 {
    match problem {
        Problem::OutOfRange { reached, .. } => *reached,
        other => panic!("not out-of-range: {other:?}"),
    }
}

#[test]
fn effect_beyond_the_range_is_reported_with_the_value_reached() {
    let out = changed(SCENARIO, "/nodes/0/choices/0/effects/trust", json!(60));
    let problem = out.only(
        "out-of-range",
        SCENARIO,
        "nodes[0].choices[0].effects.trust",
    );
    assert_eq!(
        problem,
        &Problem::OutOfRange {
            id: "trust".into(),
            reached: 110,
            min: 0,
            max: 100
        }
    );

    // Below the minimum: 50 - 20 at `open`, then -40 at `repair`.
    let out = changed(
        SCENARIO,
        "/nodes/2/choices/1/effects",
        json!({ "trust": -40 }),
    );
    assert_eq!(
        reached(out.only(
            "out-of-range",
            SCENARIO,
            "nodes[2].choices[1].effects.trust"
        )),
        -10
    );

    // 50 - 20 + 5 stays inside.
    fixture().run().lacks("out-of-range");
}

#[test]
fn guards_narrow_the_range_before_the_effect() {
    // `mid` is entered with trust in 0..=80; only `calm` with trust >= 40 subtracts 40.
    let nodes = |guard: Value| {
        let mut calm = choice("calm", -40, "end");
        if !guard.is_null() {
            calm["if"] = guard;
        }
        json!([
            { "id": "open", "choices": [choice("up", 30, "mid"), choice("down", -50, "mid")] },
            { "id": "mid", "choices": [calm, choice("stay", 0, "end")] },
            ending("end")
        ])
    };
    let compare = json!({ "compare": { "var": "trust", "op": ">=", "value": 40 } });

    let out = ranged(0, 100, 50, nodes(compare.clone())).run();
    out.lacks("out-of-range");

    let inside_all = json!({ "all": [{ "visited": "open" }, compare.clone()] });
    ranged(0, 100, 50, nodes(inside_all))
        .run()
        .lacks("out-of-range");

    // Without the guard, or with one that says nothing definite, 0 - 40 is reachable.
    for guard in [
        Value::Null,
        json!({ "any": [compare.clone()] }),
        json!({ "not": { "compare": { "var": "trust", "op": "<", "value": 40 } } }),
    ] {
        let out = ranged(0, 100, 50, nodes(guard)).run();
        assert_eq!(
            reached(out.only(
                "out-of-range",
                SCENARIO,
                "nodes[1].choices[0].effects.trust"
            )),
            -40
        );
    }
}

#[test]
fn a_guard_that_cannot_hold_hides_the_effect() {
    // trust is 50 at `open`; `never` needs more than 100.
    let mut never = choice("never", 80, "end");
    never["if"] = json!({ "compare": { "var": "trust", "op": ">", "value": 100 } });
    let nodes = json!([
        { "id": "open", "choices": [never, choice("fine", 0, "end")] },
        ending("end")
    ]);
    ranged(0, 100, 50, nodes).run().lacks("out-of-range");
}

#[test]
fn effects_in_a_cycle_accumulate() {
    // `again` adds 10 and comes back: eventually it passes 100.
    let nodes = json!([
        { "id": "open", "choices": [choice("again", 10, "open"), choice("stop", 0, "end")] },
        ending("end")
    ]);
    let out = ranged(0, 100, 50, nodes).run();
    assert_eq!(
        reached(out.only(
            "out-of-range",
            SCENARIO,
            "nodes[0].choices[0].effects.trust"
        )),
        110
    );

    // Guarded at 90 it never passes 100.
    let mut again = choice("again", 10, "open");
    again["if"] = json!({ "compare": { "var": "trust", "op": "<=", "value": 90 } });
    let nodes = json!([
        { "id": "open", "choices": [again, choice("stop", 0, "end")] },
        ending("end")
    ]);
    ranged(0, 100, 50, nodes).run().lacks("out-of-range");
}

#[test]
fn a_guarded_loop_keeps_its_precise_bound() {
    // The loop adds 1 while trust <= 50, so `open` is entered with at most 51; 51 + 40 is
    // inside the range. A checker that stopped at a widened bound (100) would report it.
    let mut again = choice("again", 1, "open");
    again["if"] = json!({ "compare": { "var": "trust", "op": "<=", "value": 50 } });
    let nodes = json!([
        { "id": "open", "choices": [again, choice("finish", 40, "end")] },
        ending("end")
    ]);
    ranged(0, 100, 0, nodes.clone()).run().lacks("out-of-range");

    // 60 more from 51 does leave the range.
    let mut nodes = nodes;
    nodes[0]["choices"][1]["effects"]["trust"] = json!(60);
    let out = ranged(0, 100, 0, nodes).run();
    assert_eq!(
        reached(out.only(
            "out-of-range",
            SCENARIO,
            "nodes[0].choices[1].effects.trust"
        )),
        111
    );
}

#[test]
fn the_range_check_terminates_on_wide_ranges_and_auto_cycles() {
    // A +1 loop over a range of two billion values, plus a cycle of automatic transitions:
    // widening makes this a few rounds, not one per value.
    let nodes = json!([
        { "id": "open", "choices": [choice("again", 1, "open"), choice("on", 0, "a")] },
        { "id": "a", "next": "b" },
        { "id": "b", "choices": [choice("back", -1, "a"), choice("out", 0, "end")] },
        ending("end")
    ]);
    let out = ranged(-1_000_000_000, 1_000_000_000, 0, nodes).run();
    assert_eq!(
        reached(out.find(
            SCENARIO,
            "out-of-range",
            "nodes[0].choices[0].effects.trust"
        )),
        1_000_000_001
    );
    assert_eq!(
        reached(out.find(
            SCENARIO,
            "out-of-range",
            "nodes[2].choices[0].effects.trust"
        )),
        -1_000_000_001
    );
    assert_eq!(out.count("out-of-range"), 2);
}

// ---------------------------------------------------------------------------------------
// Texts

#[test]
fn empty_texts() {
    let out = changed(LESSON, "/title", json!({}));
    assert_eq!(
        out.only("empty", LESSON, "title"),
        &Problem::Empty {
            what: "the text".into()
        }
    );

    let out = changed(SCENARIO, "/nodes/0/choices/1/feedback/en", json!(" \n "));
    assert_eq!(
        out.only("empty", SCENARIO, "nodes[0].choices[1].feedback"),
        &Problem::Empty {
            what: "the `en` text".into()
        }
    );
}

#[test]
fn texts_need_every_declared_locale() {
    let mut f = fixture();
    remove(f.scenario(), "/nodes/0/lines/0/text", "en");
    let out = f.run();
    assert_eq!(
        out.only("missing-locale", SCENARIO, "nodes[0].lines[0].text"),
        &Problem::MissingLocale {
            locale: "en".into()
        }
    );

    // One finding per missing locale.
    let mut f = fixture();
    set(&mut f.manifest, "/locales", json!(["nl", "en", "fr", "ar"]));
    let out = f.run();
    out.find(MANIFEST, "missing-locale", "title");
    let at_title = out
        .findings
        .iter()
        .filter(|f| f.file == MANIFEST && f.path.to_string() == "title")
        .count();
    assert_eq!(at_title, 2);
}

#[test]
fn texts_may_not_use_undeclared_locales() {
    let out = changed(
        LESSON,
        "/scenes/3/glossary/cards/0/term/de",
        json!("Coming-out"),
    );
    assert_eq!(
        out.only(
            "undeclared-locale",
            LESSON,
            "scenes[3].glossary.cards[0].term.de"
        ),
        &Problem::UndeclaredLocale {
            locale: "de".into()
        }
    );
    fixture().run().lacks("undeclared-locale");
}

#[test]
fn texts_may_not_contain_control_characters() {
    for (text, code) in [
        ("rood \u{1b}[31m", 0x1b),
        ("x\u{7f}", 0x7f),
        ("x\u{85}y", 0x85),
        ("\r\n", 0x0d),
    ] {
        let mut f = fixture();
        set(&mut f.manifest, "/modules/0/title/nl", json!(text));
        assert_eq!(
            f.run()
                .only("control-character", MANIFEST, "modules[0].title.nl"),
            &Problem::ControlCharacter {
                locale: "nl".into(),
                code
            }
        );
    }

    let out = changed(
        MANIFEST,
        "/modules/0/title/nl",
        json!("Eerste alinea.\n\n\tTweede: « café », \u{a0}über."),
    );
    out.lacks("control-character");
}

#[test]
fn control_characters_are_found_past_harmless_lookalikes() {
    assert_eq!(first_control_character("plain text\n\twith tab"), None);
    assert_eq!(first_control_character("« © » \u{a0}"), None);
    assert_eq!(first_control_character("« \u{9b}31m"), Some(0x9b));
    assert_eq!(first_control_character("\u{0}"), Some(0));
    assert_eq!(first_control_character("\u{a0}\u{9f}"), Some(0x9f));
    // Past the first eight bytes, and in the bytes after the last whole word.
    assert_eq!(first_control_character("abcdefgh\u{1b}[31m"), Some(0x1b));
    assert_eq!(
        first_control_character("abcdefghijklmnop\u{7f}"),
        Some(0x7f)
    );
    // A C1 control whose two bytes fall in two words; a no-break space the same way.
    assert_eq!(first_control_character("abcdefg\u{85}xyz"), Some(0x85));
    assert_eq!(first_control_character("abcdefg\u{a0}xyzabcdefgh"), None);
    // Words with harmless 0xC2 letters before the control, which is still found.
    let french = "café\u{a0}: « oui\u{a0}» ".repeat(20);
    assert_eq!(first_control_character(&french), None);
    assert_eq!(
        first_control_character(&format!("{french}\u{1b}")),
        Some(0x1b)
    );
}

#[test]
fn a_text_is_known_fit_only_when_parsing_found_every_key_and_string_fit() {
    use crate::course::model::Text;
    let parsed = |json: Value| serde_json::from_value::<Text>(json).expect("a text parses");
    assert!(parsed(json!({"en": "Welcome", "nl": "Welkom « café »\n\tà"})).is_known_fit());
    for unfit in [
        json!({}),
        json!({"en": "Welcome", "nl": " \n"}),
        json!({"en": "Welcome", "nl": "rood \u{1b}[31m"}),
        json!({"en": "x\u{85}y"}),
        json!({"n\u{7}l": "Welkom"}),
        json!({"né": "Welkom"}),
    ] {
        assert!(!parsed(unfit.clone()).is_known_fit(), "{unfit}");
    }
    // Built or changed in code: not known, so validation reads every string.
    let built: Text = [("en".into(), "Welcome".to_owned())].into_iter().collect();
    assert!(!built.is_known_fit());
    let mut changed = parsed(json!({"en": "Welcome"}));
    changed.insert("nl".into(), "\u{1b}[2J".to_owned());
    assert!(!changed.is_known_fit());
    // What was found is not part of the text: equal texts compare equal.
    assert_eq!(built, parsed(json!({"en": "Welcome"})));
}

#[test]
fn locale_sets_are_equal_only_for_the_same_locales() {
    use crate::course::model::LocaleSet;
    let set = |locales: &[&str]| LocaleSet::of(locales.iter().copied());
    assert_eq!(set(&["en", "nl"]), set(&["en", "nl"]));
    assert!(set(&["en", "nl"]).is_some());
    let distinct = [
        set(&["en"]),
        set(&["nl"]),
        set(&["en", "nl"]),
        set(&["en", "fr"]),
        set(&["aa", "en", "nl"]),
        set(&["en", "nl", "zz"]),
        set(&["aa", "ab", "ba", "yz", "zz"]),
    ];
    for (i, a) in distinct.iter().enumerate() {
        assert!(a.is_some(), "{i}");
        for b in &distinct[i + 1..] {
            assert_ne!(a, b);
        }
    }
    // Only sets it can write exactly.
    for unsupported in [
        &[][..],
        &["pt-BR"],
        &["EN"],
        &["e"],
        &["eng"],
        &["é"],
        &["aa", "ab", "ac", "ad", "ae", "af"],
    ] {
        assert_eq!(set(unsupported), None, "{unsupported:?}");
    }
}

#[test]
fn a_text_known_fit_is_still_checked_against_the_declared_locales() {
    let mut f = fixture();
    set(f.scenario(), "/title", json!({"en": "Only English"}));
    set(
        f.scenario(),
        "/goal",
        json!({"en": "Goal", "nl": "Doel", "de": "Ziel"}),
    );
    let out = f.run();
    assert_eq!(
        out.only("missing-locale", SCENARIO, "title"),
        &Problem::MissingLocale {
            locale: "nl".into()
        }
    );
    assert_eq!(
        out.only("undeclared-locale", SCENARIO, "goal.de"),
        &Problem::UndeclaredLocale {
            locale: "de".into()
        }
    );

    // Declared locales a text cannot be summed up by: its locales are read and compared.
    let mut f = fixture();
    set(&mut f.manifest, "/locales", json!(["nl", "en", "pt-BR"]));
    let out = f.run();
    assert_eq!(
        out.find(SCENARIO, "missing-locale", "title"),
        &Problem::MissingLocale {
            locale: "pt-BR".into()
        }
    );
}

#[test]
fn the_chunk_check_flags_exactly_the_bytes_that_start_a_control() {
    let starts = |byte: u8, next: u8| {
        (byte < 0x20 && byte != b'\n' && byte != b'\t')
            || byte == 0x7f
            || (byte == 0xc2 && (0x80..=0x9f).contains(&next))
    };
    for byte in 0..=u8::MAX {
        for next in [0x00, b'a', 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xc2, 0xff] {
            for at in [0, 1, 7, 8, LANES - 2, LANES - 1] {
                for filler in [b'a', 0x80, 0xa0, 0xff, b' '] {
                    let mut chunk = [filler; LANES + 1];
                    chunk[at] = byte;
                    chunk[at + 1] = next;
                    let flagged = (0..LANES).any(|i| starts(chunk[i], chunk[i + 1]));
                    assert_eq!(
                        starts_a_control(&chunk),
                        flagged,
                        "{byte:#x} then {next:#x} at {at} among {filler:#x}"
                    );
                }
            }
        }
    }
    // The byte after the last lane only completes a C1 control; it starts none itself.
    let mut chunk = [b'a'; LANES + 1];
    chunk[LANES] = 0x1b;
    assert!(!starts_a_control(&chunk));
}

#[test]
fn every_text_of_every_file_is_checked() {
    // One text in each kind of place, each missing its `en`.
    let mut f = fixture();
    let places: [(FileIdx, &str, &str); 8] = [
        (MANIFEST, "/competencies/0/title", "competencies[0].title"),
        (
            LESSON,
            "/scenes/1/testimony/persona/background",
            "scenes[1].testimony.persona.background",
        ),
        (
            LESSON,
            "/scenes/4/quiz/options/1/feedback",
            "scenes[4].quiz.options[1].feedback",
        ),
        (
            LESSON,
            "/scenes/5/reflection/prompt",
            "scenes[5].reflection.prompt",
        ),
        (SCENARIO, "/characters/0/bio", "characters[0].bio"),
        (SCENARIO, "/variables/0/label", "variables[0].label"),
        (
            SCENARIO,
            "/nodes/3/ending/debrief",
            "nodes[3].ending.debrief",
        ),
        (
            SCENARIO,
            "/nodes/2/choices/0/text",
            "nodes[2].choices[0].text",
        ),
    ];
    for (file, pointer, _) in places {
        remove(f.file(file), pointer, "en");
    }
    set(
        f.scenario(),
        "/facilitator_notes",
        json!({ "text": t("Let op."), "discussion_questions": [{ "nl": "Waarom?" }] }),
    );
    let out = f.run();
    for (file, _, path) in places {
        out.find(file, "missing-locale", path);
    }
    out.find(
        SCENARIO,
        "missing-locale",
        "facilitator_notes.discussion_questions[0]",
    );
    assert_eq!(out.count("missing-locale"), places.len() + 1);
}

#[test]
fn branches_that_rejoin_without_a_loop_are_analysed_exactly() {
    // 48 decision points, each raising trust by 0, 1 or 2, all rejoining at the next one:
    // trust reaches at most 96 before `last`, so +4 there is fine and +5 is not. No loop
    // means no widening, however often a node's range grows and however long the road.
    let nodes = |last_effect: i32| {
        let mut nodes: Vec<Value> = (0..48)
            .map(|i| {
                let next = chain_next("d", i, 48, "last");
                json!({ "id": chain_id("d", i), "choices": [
                    choice("none", 0, &next), choice("some", 1, &next), choice("more", 2, &next)
                ] })
            })
            .collect();
        nodes.push(json!({ "id": "last", "choices": [choice("final", last_effect, "end")] }));
        nodes.push(ending("end"));
        Value::Array(nodes)
    };
    ranged(0, 100, 0, nodes(4)).run().lacks("out-of-range");
    let out = ranged(0, 100, 0, nodes(5)).run();
    assert_eq!(
        reached(out.only(
            "out-of-range",
            SCENARIO,
            "nodes[48].choices[0].effects.trust"
        )),
        101
    );
}

#[test]
fn side_roads_of_different_lengths_do_not_widen_a_conversation_without_loops() {
    // Ten steps each add 5, and every step has a side road straight to `c0`, so `c0` is
    // reached again and again with ever larger values. Then a long road of 40 nodes, and a
    // final effect. Trust can be at most 50 there: +50 is fine and +51 is not.
    let nodes = |last_effect: i32| {
        let mut nodes: Vec<Value> = (0..10)
            .map(|i| {
                let (id, next) = (chain_id("a", i), chain_next("a", i, 10, "c0"));
                json!({ "id": id, "choices": [choice("up", 5, &next), choice("out", 0, "c0")] })
            })
            .collect();
        nodes.extend((0..40).map(|i| {
            let next = chain_next("c", i, 40, "last");
            json!({ "id": format!("c{i}"), "choices": [choice("go", 0, &next)] })
        }));
        nodes.push(json!({ "id": "last", "choices": [choice("final", last_effect, "end")] }));
        nodes.push(ending("end"));
        Value::Array(nodes)
    };
    ranged(0, 100, 0, nodes(50)).run().lacks("out-of-range");
    let out = ranged(0, 100, 0, nodes(51)).run();
    assert_eq!(
        reached(out.only(
            "out-of-range",
            SCENARIO,
            "nodes[50].choices[0].effects.trust"
        )),
        101
    );
}

// ---------------------------------------------------------------------------------------
// Format version 2: what it requires, and version 1 still read

#[test]
fn a_version_1_scenario_still_builds_with_inferred_qualities() {
    let mut f = fixture();
    set(f.scenario(), "/format_version", json!(1));
    for choice in [
        "/nodes/0/choices/0",
        "/nodes/0/choices/1",
        "/nodes/2/choices/0",
        "/nodes/2/choices/1",
    ] {
        remove(f.scenario(), choice, "quality");
    }
    // Version 1: competencies as a list of those shown, a thought without a thinker.
    set(
        f.scenario(),
        "/nodes/0/choices/0/competencies",
        json!(["open-questions"]),
    );
    set(
        f.scenario(),
        "/nodes/0/choices/1/thought",
        t("Weer die vraag."),
    );
    let out = f.run();
    assert_eq!(
        out.only("old-format-version", SCENARIO, "format_version"),
        &Problem::OldFormatVersion {
            found: 1,
            current: 2,
            inferred: 4
        }
    );
    assert_eq!(
        out.findings.len(),
        1,
        "only the old version:\n{}",
        out.listing()
    );
    let course = out.course.expect("a version 1 scenario builds");
    let scenario = &course.scenarios["intake"];
    let qualities = |node| {
        choices_at(scenario, node)
            .iter()
            .map(|c| c.quality)
            .collect::<Vec<_>>()
    };
    // Shows a competency and lowers nothing: best; lowers the gauges: weak; otherwise
    // acceptable. Never harmful.
    assert_eq!(qualities(0), [Quality::Best, Quality::Weak]);
    assert_eq!(qualities(2), [Quality::Acceptable, Quality::Acceptable]);
    let open = choices_at(scenario, 0);
    assert_eq!(open[1].thinker.as_ref().map(|c| c.as_str()), Some("amir"));
    assert_eq!(open[0].competencies.shown().count(), 1);
}

#[test]
fn version_2_requires_a_quality_and_a_thinker() {
    let mut f = fixture();
    remove(f.scenario(), "/nodes/0/choices/0", "quality");
    assert_eq!(
        f.run()
            .only("missing-quality", SCENARIO, "nodes[0].choices[0]"),
        &Problem::MissingQuality {
            id: "open/ask".into()
        }
    );

    let mut f = fixture();
    set(
        f.scenario(),
        "/nodes/0/choices/1/thought",
        t("Weer die vraag."),
    );
    assert_eq!(
        f.run()
            .only("missing-thinker", SCENARIO, "nodes[0].choices[1]"),
        &Problem::MissingThinker {
            id: "open/assume".into()
        }
    );
    set(f.scenario(), "/nodes/0/choices/1/thinker", json!("sam"));
    let out = f.run();
    out.lacks("missing-thinker");
    out.only("missing-character", SCENARIO, "nodes[0].choices[1].thinker");
    set(f.scenario(), "/nodes/0/choices/1/thinker", json!("amir"));
    assert!(f.run().findings.is_empty());
}

/// `chose` resolves against nodes before and after the one it is in, and the node itself,
/// also when a node in between cannot be built; and flow messages name nodes though the
/// nodes are being built meanwhile (the flow checks read ids from the index).
#[test]
fn chose_resolves_on_both_sides_of_a_node_that_cannot_be_built() {
    let fixture_with = |last_debrief: &str| {
        let mut f = fixture();
        let s = f.scenario();
        // A later node, and the node itself.
        set(
            s,
            "/nodes/0/choices/0/if",
            json!({ "chose": "repair/apologise" }),
        );
        set(s, "/nodes/0/choices/1/if", json!({ "chose": "open/ask" }));
        // `listen` names a node that does not exist, so the scenario cannot be built.
        remove(s, "/nodes/1", "next");
        set(
            s,
            "/nodes/1/route",
            json!([
                { "if": { "chose": "open/ask" }, "next": "good-end" },
                { "next": "nowhere" }
            ]),
        );
        // Earlier nodes, and the node itself.
        set(
            s,
            "/nodes/2/choices/0/if",
            json!({ "all": [
                { "compare": { "var": "trust", "op": ">=", "value": 20 } },
                { "chose": "open/assume" }
            ] }),
        );
        set(
            s,
            "/nodes/2/choices/1/if",
            json!({ "chose": "repair/apologise" }),
        );
        // An earlier node.
        set(
            s,
            "/nodes/4/ending/debrief",
            json!([{ "if": { "chose": last_debrief }, "text": t("Weer.") }, { "text": t("Nu.") }]),
        );
        // Nothing leads here: the flow checks name it.
        push(s, "/nodes", json!({ "id": "orphan", "next": "good-end" }));
        f
    };

    let out = fixture_with("repair/leave").run();
    out.only("missing-node", SCENARIO, "nodes[1].route[1].next");
    out.lacks("missing-choice");
    assert_eq!(
        out.only("unreachable-node", SCENARIO, "nodes[5]"),
        &Problem::UnreachableNode {
            id: "orphan".into()
        }
    );
    assert!(out.course.is_none(), "a missing node blocks the course");

    let out = fixture_with("repair/nope").run();
    assert_eq!(
        out.only(
            "missing-choice",
            SCENARIO,
            "nodes[4].ending.debrief[0].if.chose"
        ),
        &Problem::MissingChoice {
            id: "repair/nope".into()
        }
    );
}

#[test]
fn a_route_needs_a_fallback_and_chose_needs_a_choice() {
    // `listen` routes on the path taken instead of going on.
    let route = |arms: Value| {
        let mut f = fixture();
        remove(f.scenario(), "/nodes/1", "next");
        set(f.scenario(), "/nodes/1/route", arms);
        f
    };
    let chose = |written: &str| {
        route(json!([
            { "if": { "chose": written }, "next": "good-end" },
            { "next": "poor-end" }
        ]))
    };
    let out = chose("open/ask").run();
    assert!(out.findings.is_empty(), "findings:\n{}", out.listing());
    let course = out.course.expect("builds");
    let Step::Route(arms) = &course.scenarios["intake"].node(NodeIdx(1)).step else {
        panic!("listen routes");
    };
    assert!(matches!(
        arms[0].condition,
        Some(Cond::Chose {
            node: NodeIdx(0),
            choice: 0
        })
    ));
    assert_eq!(arms[1].next, NodeIdx(4));

    for wrong in ["open/nope", "nowhere/ask", "ask"] {
        let out = chose(wrong).run();
        assert_eq!(
            out.only("missing-choice", SCENARIO, "nodes[1].route[0].if.chose"),
            &Problem::MissingChoice { id: wrong.into() }
        );
        assert!(
            out.course.is_none(),
            "an unresolved choice blocks the course"
        );
    }

    let out = route(json!([
        { "if": { "chose_quality": "best" }, "next": "good-end" },
        { "if": { "chose_quality": "weak" }, "next": "poor-end" }
    ]))
    .run();
    assert_eq!(
        out.only("route-fallback", SCENARIO, "nodes[1].route"),
        &Problem::RouteFallback {
            id: "listen".into()
        }
    );
}

// ---------------------------------------------------------------------------------------
// Content that cannot teach

/// A choice with a quality and a text; `next` is filled in by [`decisions`].
fn graded(id: &str, quality: &str, text: &str) -> Value {
    json!({ "id": id, "text": t(text), "feedback": t("Feedback."), "quality": quality, "next": "" })
}

/// The fixture's scenario as a chain of decision points `open`, `d1`, `d2`... (every choice
/// leads to the next one, the last to an ending), without variables.
fn decisions(order: &str, points: Vec<Vec<Value>>) -> Fixture {
    let mut f = fixture();
    let count = points.len();
    let mut nodes: Vec<Value> = points
        .into_iter()
        .enumerate()
        .map(|(i, mut choices)| {
            let next = chain_next("d", i, count, "end");
            for choice in &mut choices {
                choice["next"] = json!(next);
            }
            json!({ "id": chain_id("d", i), "order": order, "choices": choices })
        })
        .collect();
    nodes.push(json!({ "id": "end", "ending": { "outcome": "good", "title": t("Einde"), "debrief": t("Einde.") } }));
    set(f.scenario(), "/variables", json!([]));
    set(f.scenario(), "/nodes", Value::Array(nodes));
    f
}

/// Decision points with the best choice at these positions (from 0) of three.
fn best_at(order: &str, positions: &[usize]) -> Fixture {
    let points = positions
        .iter()
        .map(|&best| {
            (0..3)
                .map(|k| {
                    let quality = if k == best { "best" } else { "acceptable" };
                    graded(&format!("c{k}"), quality, "Even lang.")
                })
                .collect()
        })
        .collect();
    decisions(order, points)
}

#[test]
fn a_variable_no_condition_reads_is_decorative() {
    // `calm` is changed but never read; `trust` is read by `repair`'s condition.
    let calm = || json!({ "id": "calm", "label": t("Rust"), "min": 0, "max": 10, "start": 5 });
    let mut f = fixture();
    push(f.scenario(), "/variables", calm());
    set(f.scenario(), "/nodes/0/choices/0/effects/calm", json!(1));
    assert_eq!(
        f.run()
            .only("decorative-variable", SCENARIO, "variables[1]"),
        &Problem::DecorativeVariable { id: "calm".into() }
    );

    // Read by a route arm or a debrief part, it is not decorative.
    let read_by_route = {
        let mut f = f;
        remove(f.scenario(), "/nodes/1", "next");
        set(
            f.scenario(),
            "/nodes/1/route",
            json!([
                { "if": { "compare": { "var": "calm", "op": ">", "value": 5 } }, "next": "good-end" },
                { "next": "poor-end" }
            ]),
        );
        f
    };
    read_by_route.run().lacks("decorative-variable");
    let mut f = fixture();
    push(f.scenario(), "/variables", calm());
    set(
        f.scenario(),
        "/nodes/3/ending/debrief",
        json!([
            { "text": t("Goed gedaan.") },
            { "if": { "not": { "compare": { "var": "calm", "op": "<", "value": 5 } } }, "text": t("Rustig.") }
        ]),
    );
    f.run().lacks("decorative-variable");

    // Without `repair`'s condition nothing reads `trust`.
    let mut f = fixture();
    remove(f.scenario(), "/nodes/2/choices/0", "if");
    f.run()
        .only("decorative-variable", SCENARIO, "variables[0]");
    fixture().run().lacks("decorative-variable");
}

#[test]
fn a_good_ending_after_a_harmful_choice_is_reported_with_a_path() {
    let harmful = || {
        let mut f = fixture();
        set(f.scenario(), "/nodes/0/choices/1/quality", json!("harmful"));
        set(
            f.scenario(),
            "/nodes/0/choices/1/competencies",
            json!({ "open-questions": "breached" }),
        );
        f
    };
    // `assume` (trust 30), then `apologise` (needs 20) reaches the good ending.
    let out = harmful().run();
    assert_eq!(
        out.only("harmful-good-ending", SCENARIO, "nodes[3]"),
        &Problem::HarmfulGoodEnding {
            ending: "good-end".into(),
            choice: "open/assume".into(),
            path: "open/assume → repair/apologise".into()
        }
    );
    assert!(out.course.is_some(), "a warning");

    // With trust at 10 after `assume`, `apologise` (trust >= 20) is never offered.
    let mut f = harmful();
    set(f.scenario(), "/nodes/0/choices/1/effects/trust", json!(-40));
    f.run().lacks("harmful-good-ending");

    // A route that sends a harmful path elsewhere closes the good ending off, written either
    // way round; one on another quality does not.
    let routed = |arms: Value| {
        let mut f = harmful();
        push(
            f.scenario(),
            "/nodes",
            json!({ "id": "judge", "route": arms }),
        );
        set(f.scenario(), "/nodes/2/choices/0/next", json!("judge"));
        set(f.scenario(), "/nodes/1/next", json!("judge"));
        f
    };
    routed(json!([
        { "if": { "chose_quality": "harmful" }, "next": "poor-end" },
        { "next": "good-end" }
    ]))
    .run()
    .lacks("harmful-good-ending");
    routed(json!([
        { "if": { "not": { "chose_quality": "harmful" } }, "next": "good-end" },
        { "next": "poor-end" }
    ]))
    .run()
    .lacks("harmful-good-ending");
    let out = routed(json!([
        { "if": { "chose_quality": "weak" }, "next": "poor-end" },
        { "next": "good-end" }
    ]))
    .run();
    match out.only("harmful-good-ending", SCENARIO, "nodes[3]") {
        Problem::HarmfulGoodEnding { path, .. } => {
            assert_eq!(path, "open/assume → repair/apologise")
        }
        other => panic!("not harmful-good-ending: {other:?}"),
    }

    // No harmful choice, or one that only reaches poor endings.
    fixture().run().lacks("harmful-good-ending");
    let mut f = harmful();
    set(f.scenario(), "/nodes/0/choices/1/next", json!("poor-end"));
    f.run().lacks("harmful-good-ending");
}

#[test]
fn a_long_path_is_named_with_its_middle_left_out() {
    // A harmful choice at the start, then 20 decision points to the good ending.
    let mut points = vec![vec![
        graded("hurt", "harmful", "Zeg het maar."),
        graded("ask", "best", "Wat heb je nodig?"),
    ]];
    points.extend((1..=20).map(|_| vec![graded("go", "acceptable", "Verder.")]));
    let mut f = decisions("shuffled", points);
    set(
        f.scenario(),
        "/nodes/0/choices/0/competencies",
        json!({ "open-questions": "breached" }),
    );
    let out = f.run();
    match out.only("harmful-good-ending", SCENARIO, "nodes[21]") {
        Problem::HarmfulGoodEnding { choice, path, .. } => {
            assert_eq!(choice, "open/hurt");
            assert_eq!(
                path,
                "open/hurt → d1/go → d2/go → d3/go → d4/go → … → \
                 d15/go → d16/go → d17/go → d18/go → d19/go → d20/go"
            );
        }
        other => panic!("not harmful-good-ending: {other:?}"),
    }
}

#[test]
fn a_best_choice_always_in_one_place_is_a_positional_answer() {
    // First in three of four fixed-order decision points: 75%.
    let out = best_at("fixed", &[0, 0, 1, 0]).run();
    assert_eq!(
        out.only("positional-answer", SCENARIO, "nodes"),
        &Problem::PositionalAnswer {
            position: 1,
            same: 3,
            total: 4
        }
    );
    // Two of four is no pattern; nor are two decision points; nor a shuffled order.
    best_at("fixed", &[0, 0, 1, 2])
        .run()
        .lacks("positional-answer");
    best_at("fixed", &[2, 2]).run().lacks("positional-answer");
    best_at("shuffled", &[0, 0, 0, 0])
        .run()
        .lacks("positional-answer");
    fixture().run().lacks("positional-answer");
}

#[test]
fn a_positional_answer_across_scenarios_is_reported_on_the_course() {
    // Two scenarios with two fixed-order decision points each, the best always second: too
    // few in either, but four of four in the course.
    let mut f = best_at("fixed", &[1, 1]);
    f.add_scenario(f.scenarios[0].clone(), "second");
    assert_eq!(
        f.run().only("positional-answer", MANIFEST, "modules"),
        &Problem::PositionalAnswer {
            position: 2,
            same: 4,
            total: 4
        }
    );

    // Reported on a scenario, it is not repeated for the course.
    let mut f = best_at("fixed", &[1, 1, 1]);
    f.add_scenario(best_at("fixed", &[1, 1]).scenarios.remove(0), "second");
    f.run().only("positional-answer", SCENARIO, "nodes");
}

#[test]
fn a_best_choice_that_only_lowers_gauges_or_a_harmless_harmful_one_is_a_mismatch() {
    let mut f = fixture();
    set(f.scenario(), "/nodes/0/choices/0/effects/trust", json!(-5));
    assert_eq!(
        f.run()
            .only("quality-mismatch", SCENARIO, "nodes[0].choices[0]"),
        &Problem::QualityMismatch {
            id: "open/ask".into(),
            quality: "best".into(),
            reason: "every gauge it changes goes down".into()
        }
    );
    // A best choice without effects, or one that raises a gauge, is fine.
    remove(f.scenario(), "/nodes/0/choices/0", "effects");
    f.run().lacks("quality-mismatch");

    let mut f = fixture();
    set(f.scenario(), "/nodes/0/choices/1/quality", json!("harmful"));
    match f
        .run()
        .only("quality-mismatch", SCENARIO, "nodes[0].choices[1]")
    {
        Problem::QualityMismatch { id, quality, .. } => {
            assert_eq!((id.as_str(), quality.as_str()), ("open/assume", "harmful"));
        }
        other => panic!("not quality-mismatch: {other:?}"),
    }
    // Showing a competency is not enough; breaching one is.
    set(
        f.scenario(),
        "/nodes/0/choices/1/competencies",
        json!({ "open-questions": "shown" }),
    );
    f.run()
        .only("quality-mismatch", SCENARIO, "nodes[0].choices[1]");
    set(
        f.scenario(),
        "/nodes/0/choices/1/competencies",
        json!({ "open-questions": "breached" }),
    );
    f.run().lacks("quality-mismatch");
    fixture().run().lacks("quality-mismatch");
}

#[test]
fn a_best_choice_that_is_mostly_the_longest_is_a_length_tell() {
    // `best` has `best` characters, the others 10, in each of the decision points given.
    let point = |best: usize| {
        vec![
            graded("a", "acceptable", &"a".repeat(10)),
            graded("b", "best", &"b".repeat(best)),
            graded("c", "weak", &"c".repeat(7)),
        ]
    };
    // 15 is 50% longer than 10: in three of four.
    let out = decisions("shuffled", vec![point(15), point(15), point(10), point(15)]).run();
    assert_eq!(
        out.only("length-tell", SCENARIO, "nodes"),
        &Problem::LengthTell {
            longest: 3,
            total: 4
        }
    );
    // 14 is exactly 40% longer: not more. Two of four is not most. Two are too few.
    decisions("shuffled", vec![point(14), point(14), point(14)])
        .run()
        .lacks("length-tell");
    decisions("shuffled", vec![point(15), point(15), point(10), point(10)])
        .run()
        .lacks("length-tell");
    decisions("shuffled", vec![point(15), point(15)])
        .run()
        .lacks("length-tell");

    // Lengths are compared in the default locale (nl), not in the others.
    let mut f = decisions("shuffled", vec![point(10), point(10), point(10)]);
    for node in 0..3 {
        set(
            f.scenario(),
            &format!("/nodes/{node}/choices/1/text/en"),
            json!("b".repeat(30)),
        );
    }
    f.run().lacks("length-tell");
    let mut f = decisions("shuffled", vec![point(30), point(30), point(30)]);
    for node in 0..3 {
        set(
            f.scenario(),
            &format!("/nodes/{node}/choices/1/text/nl"),
            json!("b".repeat(10)),
        );
    }
    f.run().lacks("length-tell");
    fixture().run().lacks("length-tell");
}

#[test]
fn a_graph_edge_fits_in_half_a_cache_line() {
    // The range analysis walks the edges many times; at 56 bytes a large scenario's
    // edges no longer fitted in cache.
    assert!(std::mem::size_of::<super::flow::Edge>() <= 32);
}

#[test]
fn a_control_is_found_at_every_position_of_texts_of_every_length() {
    // The chunks and the last bytes read apart must together cover every position,
    // including a C1 control whose two bytes straddle them.
    for len in 0..3 * LANES + 2 {
        for at in 0..len {
            for (control, code) in [("\u{1b}", 0x1b), ("\u{7f}", 0x7f), ("\u{9b}", 0x9b)] {
                let mut text: String = "a".repeat(at);
                text.push_str(control);
                text.push_str(&"é".repeat(len.saturating_sub(at + 1) / 2));
                assert_eq!(first_control_character(&text), Some(code), "{text:?}");
            }
            let plain = format!("{}\u{a0}{}", "a".repeat(at), "b".repeat(len - at));
            assert_eq!(first_control_character(&plain), None, "{plain:?}");
        }
    }
}
