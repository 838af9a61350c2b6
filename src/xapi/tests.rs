//! Statements per kind, stable ids, no reflections, pseudonymisation; over the frozen
//! fixture course of the tests (`tests/fixtures/tui-course`).

use super::vocabulary::{Extension, Verb, duration, pseudonym, stable_uuid};
use super::*;
use crate::course::checked::Course;
use crate::course::ids::{ChoiceId, ItemId, OptionId, SceneId};
use crate::course::{ValidateOptions, load_course};
use crate::engine::ScenarioRun;
use crate::progress::{
    ContentNoteChoice, CourseStamp, ItemProgress, ItemStatus, Progress, QuizRecord, ReflectionText,
    SceneProgress, Timestamp, runs,
};
use serde_json::Value;
use std::path::Path;

const SCENARIO: &str = "opvang-kamerwissel";
const LETTERS: &str = "de-letters";
const WELCOME: &str = "welkom-op-het-kruispunt";
const REFLECTION: &str = "I decide too fast what someone is (secret words)";
const BASE: &str = "https://example.org/xapi/kruispunt";

fn course() -> Course {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    load_course(Some(&dir), ValidateOptions::default())
        .expect("the fixture loads")
        .course
}

/// A history: the welcome lesson finished with a reflection, the letters lesson half done
/// with one quiz answered wrong first, and the scenario played to its good ending, then
/// started again and left after one choice.
fn history(course: &Course) -> Progress {
    let mut progress = Progress::new(CourseStamp::of(course), Timestamp(1_000));
    let welcome = progress.item_mut(&ItemId::from(WELCOME));
    welcome.status = ItemStatus::Completed;
    for scene in ["waarom", "getuigenis-dalia", "eigen-beeld"] {
        welcome.lesson.scenes.insert(
            SceneId::from(scene),
            SceneProgress {
                visited: true,
                content_note: (scene == "getuigenis-dalia").then_some(ContentNoteChoice::Accepted),
                ..SceneProgress::default()
            },
        );
    }
    welcome.reflections.insert(
        SceneId::from("eigen-beeld"),
        ReflectionText {
            text: REFLECTION.to_owned(),
            updated_at: Timestamp(1_100),
        },
    );
    let letters = progress.item_mut(&ItemId::from(LETTERS));
    letters.status = ItemStatus::InProgress;
    letters.lesson.scenes.insert(
        SceneId::from("quiz-trans"),
        SceneProgress {
            visited: true,
            quiz: Some(QuizRecord {
                first_answer: vec![OptionId::from("transseksueel")],
                first_correct: false,
                attempts: 2,
                revealed_on_request: false,
                first_answered_at: None,
            }),
            ..SceneProgress::default()
        },
    );
    let scenario = &course.scenarios[&ItemId::from(SCENARIO)];
    let mut run = ScenarioRun::new(scenario).expect("a run");
    for step in 0..5 {
        let first = run.offered_choices(scenario).next().expect("offered").index;
        run.choose(scenario, first).expect("offered");
        runs::record_scenario(&mut progress, scenario, &run, Timestamp(2_000 + step * 30));
    }
    run.restart(scenario).expect("a restart");
    runs::begin_attempt(&mut progress, scenario, &run, Timestamp(3_000));
    let first = run.offered_choices(scenario).next().expect("offered").index;
    run.choose(scenario, first).expect("offered");
    runs::record_scenario(&mut progress, scenario, &run, Timestamp(3_010));
    progress
}

fn options() -> XapiOptions {
    XapiOptions {
        base_iri: Some(BASE.to_owned()),
        ..XapiOptions::default()
    }
}

fn export(progress: &Progress, options: &XapiOptions) -> Vec<Value> {
    statements(&course(), progress, "robin", options).expect("statements")
}

fn verb(statement: &Value) -> &str {
    statement["verb"]["id"].as_str().unwrap_or_default()
}

fn object(statement: &Value) -> &str {
    statement["object"]["id"].as_str().unwrap_or_default()
}

fn find<'a>(all: &'a [Value], verb_: Verb, object_: &str) -> Vec<&'a Value> {
    all.iter()
        .filter(|s| verb(s) == verb_.iri() && object(s) == object_)
        .collect()
}

fn one<'a>(all: &'a [Value], verb_: Verb, object_: &str) -> &'a Value {
    let found = find(all, verb_, object_);
    assert_eq!(found.len(), 1, "{verb_:?} {object_}: {all:#?}");
    found[0]
}

#[test]
fn a_lesson_is_launched_initialized_experienced_completed_and_terminated() {
    let course = course();
    let all = export(&history(&course), &options());
    let lesson = format!("{BASE}/lesson/{WELCOME}");
    for verb_ in [
        Verb::Launched,
        Verb::Initialized,
        Verb::Completed,
        Verb::Terminated,
    ] {
        let statement = one(&all, verb_, &lesson);
        assert_eq!(
            statement["object"]["definition"]["type"],
            "http://adlnet.gov/expapi/activities/lesson"
        );
        // The title in every course locale.
        assert_eq!(
            statement["object"]["definition"]["name"]["nl"],
            "Welkom op het kruispunt"
        );
        assert!(statement["object"]["definition"]["name"]["en"].is_string());
        let context = &statement["context"];
        assert_eq!(context["platform"], "Kruispunt");
        assert_eq!(context["revision"], "0.1.0");
        assert_eq!(context["language"], "nl");
        assert_eq!(
            context["contextActivities"]["parent"][0]["id"],
            format!("{BASE}/module/welkom")
        );
        assert_eq!(context["contextActivities"]["grouping"][0]["id"], BASE);
        // This history has no times for lesson steps (as a file from before progress
        // schema version 5): none is made up.
        assert!(statement.get("timestamp").is_none());
    }
    assert_eq!(
        one(&all, Verb::Completed, &lesson)["result"]["completion"],
        true
    );
    let scene = format!("{lesson}/scene/getuigenis-dalia");
    let experienced = one(&all, Verb::Experienced, &scene);
    assert_eq!(
        experienced["context"]["contextActivities"]["parent"][0]["id"],
        lesson
    );
    assert_eq!(
        find(&all, Verb::Experienced, &format!("{lesson}/scene/waarom")).len(),
        1
    );
    // A scene never shown is not experienced.
    assert!(
        find(
            &all,
            Verb::Experienced,
            &format!("{lesson}/scene/kernpunten")
        )
        .is_empty()
    );
}

#[test]
fn an_unfinished_lesson_is_neither_completed_nor_terminated() {
    let course = course();
    let all = export(&history(&course), &options());
    let lesson = format!("{BASE}/lesson/{LETTERS}");
    assert_eq!(find(&all, Verb::Launched, &lesson).len(), 1);
    assert!(find(&all, Verb::Completed, &lesson).is_empty());
    assert!(find(&all, Verb::Terminated, &lesson).is_empty());
}

#[test]
fn a_quiz_is_answered_with_success_response_first_try_and_its_choices() {
    let course = course();
    let all = export(&history(&course), &options());
    let quiz = format!("{BASE}/lesson/{LETTERS}/scene/quiz-trans");
    let answered = one(&all, Verb::Answered, &quiz);
    let result = &answered["result"];
    assert_eq!(result["success"], false);
    assert_eq!(result["response"], "transseksueel");
    assert_eq!(result["extensions"][Extension::FirstTry.iri()], true);
    assert_eq!(result["extensions"][Extension::Tries.iri()], 2);
    assert_eq!(result["extensions"][Extension::Revealed.iri()], false);
    let definition = &answered["object"]["definition"];
    assert_eq!(definition["interactionType"], "choice");
    assert_eq!(
        definition["type"],
        "http://adlnet.gov/expapi/activities/cmi.interaction"
    );
    assert_eq!(definition["name"]["en"], "A sentence in a report");
    let ids: Vec<&str> = definition["choices"]
        .as_array()
        .expect("choices")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "trans-vrouw",
            "transseksueel",
            "man-die-zich-vrouw-voelt",
            "zo-laten"
        ]
    );
    assert!(definition["choices"][0]["description"]["nl"].is_string());
    assert_eq!(definition["correctResponsesPattern"][0], "trans-vrouw");
}

#[test]
fn a_decision_is_responded_with_choice_quality_competencies_and_gauges() {
    let course = course();
    let all = export(&history(&course), &options());
    let node = format!("{BASE}/scenario/{SCENARIO}/node/balie");
    let responded = find(&all, Verb::Responded, &node);
    // Once in each attempt.
    assert_eq!(responded.len(), 2);
    let first = responded[0];
    let result = &first["result"];
    assert_eq!(result["response"], "naar-kantoor");
    let extensions = &result["extensions"];
    assert_eq!(extensions[Extension::Choice.iri()], "naar-kantoor");
    assert_eq!(extensions[Extension::Quality.iri()], "best");
    assert_eq!(
        extensions[Extension::Competencies.iri()]["confidentiality"],
        "shown"
    );
    assert_eq!(extensions[Extension::Gauges.iri()]["trust"], 50);
    assert!(extensions[Extension::Gauges.iri()]["safety"].is_i64());
    assert_eq!(first["context"]["extensions"][Extension::Decision.iri()], 1);
    assert_eq!(first["context"]["extensions"][Extension::Attempt.iri()], 1);
    assert_eq!(
        responded[1]["context"]["extensions"][Extension::Attempt.iri()],
        2
    );
    let definition = &first["object"]["definition"];
    assert_eq!(definition["interactionType"], "choice");
    assert_eq!(definition["choices"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        first["context"]["contextActivities"]["parent"][0]["id"],
        format!("{BASE}/scenario/{SCENARIO}")
    );
}

#[test]
fn a_finished_attempt_is_completed_with_ending_outcome_score_and_duration() {
    let course = course();
    let all = export(&history(&course), &options());
    let scenario = format!("{BASE}/scenario/{SCENARIO}");
    let completed = one(&all, Verb::Completed, &scenario);
    let result = &completed["result"];
    assert_eq!(result["completion"], true);
    assert_eq!(result["success"], true);
    assert_eq!(result["extensions"][Extension::Outcome.iri()], "good");
    assert!(result["extensions"][Extension::Ending.iri()].is_string());
    assert!(result["extensions"][Extension::CompetencyResults.iri()].is_object());
    let scaled = result["score"]["scaled"].as_f64().expect("a scaled score");
    assert!((-1.0..=1.0).contains(&scaled), "{scaled}");
    // Started at the first recorded choice, finished at the fifth.
    assert_eq!(result["duration"], "PT2M");
    assert_eq!(completed["timestamp"], Timestamp(2_120).rfc3339());
    let launched = find(&all, Verb::Launched, &scenario);
    assert_eq!(launched.len(), 2);
    assert_eq!(launched[0]["timestamp"], Timestamp(2_000).rfc3339());
    assert_eq!(launched[1]["timestamp"], Timestamp(3_000).rfc3339());
    // The first attempt terminated at its ending; the open second one is not terminated.
    let terminated = one(&all, Verb::Terminated, &scenario);
    assert_eq!(terminated["timestamp"], Timestamp(2_120).rfc3339());
}

#[test]
fn recorded_times_are_the_timestamps_of_lessons_scenes_quizzes_and_each_decision() {
    let course = course();
    let timed = {
        let mut progress = history(&course);
        let welcome = progress.item_mut(&ItemId::from(WELCOME));
        welcome.lesson.started_at = Some(Timestamp(1_010));
        welcome.lesson.completed_at = Some(Timestamp(1_190));
        for (scene, at) in welcome.lesson.scenes.values_mut().zip(1_020..) {
            scene.visited_at = Some(Timestamp(at));
        }
        let letters = progress.item_mut(&ItemId::from(LETTERS));
        if let Some(quiz) = letters
            .lesson
            .scenes
            .get_mut(&SceneId::from("quiz-trans"))
            .and_then(|s| s.quiz.as_mut())
        {
            quiz.first_answered_at = Some(Timestamp(1_500));
        }
        progress
    };
    let all = export(&timed, &options());
    let lesson = format!("{BASE}/lesson/{WELCOME}");
    for verb_ in [Verb::Launched, Verb::Initialized] {
        assert_eq!(
            one(&all, verb_, &lesson)["timestamp"],
            Timestamp(1_010).rfc3339()
        );
    }
    let completed = one(&all, Verb::Completed, &lesson);
    assert_eq!(completed["timestamp"], Timestamp(1_190).rfc3339());
    assert_eq!(completed["result"]["duration"], "PT3M");
    assert_eq!(
        one(&all, Verb::Terminated, &lesson)["timestamp"],
        Timestamp(1_190).rfc3339()
    );
    let experienced = one(&all, Verb::Experienced, &format!("{lesson}/scene/waarom"));
    assert!(experienced["timestamp"].is_string());
    let quiz = format!("{BASE}/lesson/{LETTERS}/scene/quiz-trans");
    assert_eq!(
        one(&all, Verb::Answered, &quiz)["timestamp"],
        Timestamp(1_500).rfc3339()
    );
    // Each decision at its own time, in the order taken: 30 s apart in the first attempt.
    let responded: Vec<(u64, u64, &str)> = all
        .iter()
        .filter(|s| verb(s) == Verb::Responded.iri())
        .map(|s| {
            let context = &s["context"]["extensions"];
            (
                context[Extension::Attempt.iri()].as_u64().unwrap(),
                context[Extension::Decision.iri()].as_u64().unwrap(),
                s["timestamp"].as_str().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(u64, u64, String)> = (0..5)
        .map(|k| (1, k + 1, Timestamp(2_000 + 30 * k).rfc3339()))
        .chain([(2, 1, Timestamp(3_010).rfc3339())])
        .collect();
    let responded: Vec<(u64, u64, String)> = responded
        .into_iter()
        .map(|(a, d, t)| (a, d, t.to_owned()))
        .collect();
    assert_eq!(responded, expected);
    // The times are not part of the ids: the same history without them has the same ids.
    let mut untimed = timed.clone();
    for item in untimed.items.values_mut() {
        item.lesson.started_at = None;
        item.lesson.completed_at = None;
        for attempt in &mut item.attempts {
            attempt.choices.iter_mut().for_each(|c| c.at = None);
        }
    }
    let ids = |statements: &[Value]| -> Vec<String> {
        statements.iter().map(|s| s["id"].to_string()).collect()
    };
    assert_eq!(ids(&export(&untimed, &options())), ids(&all));
}

#[test]
fn a_rewound_attempt_is_terminated_when_the_next_began() {
    let course = course();
    let mut progress = history(&course);
    let attempts = &mut progress.item_mut(&ItemId::from(SCENARIO)).attempts;
    attempts[0].ending = None;
    attempts[0].finished_at = None;
    let all = export(&progress, &options());
    let scenario = format!("{BASE}/scenario/{SCENARIO}");
    assert!(find(&all, Verb::Completed, &scenario).is_empty());
    assert_eq!(
        one(&all, Verb::Terminated, &scenario)["timestamp"],
        Timestamp(3_000).rfc3339()
    );
}

#[test]
fn the_same_history_gives_the_same_statements_and_ids() {
    let course = course();
    let progress = history(&course);
    let first = export(&progress, &options());
    let second = export(&progress, &options());
    assert_eq!(first, second);
    let mut ids: Vec<&str> = first.iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(ids.len(), first.len());
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), first.len(), "every statement has its own id");
}

#[test]
fn each_attempt_has_its_own_registration_and_an_item_keeps_one() {
    let course = course();
    let all = export(&history(&course), &options());
    let registrations = |object_: &str| -> Vec<&str> {
        let mut found: Vec<&str> = all
            .iter()
            .filter(|s| object(s).starts_with(object_))
            .filter_map(|s| s["context"]["registration"].as_str())
            .collect();
        found.dedup();
        found
    };
    assert_eq!(registrations(&format!("{BASE}/scenario/")).len(), 2);
    assert_eq!(registrations(&format!("{BASE}/lesson/{WELCOME}")).len(), 1);
    let lesson = registrations(&format!("{BASE}/lesson/{WELCOME}"));
    let letters = registrations(&format!("{BASE}/lesson/{LETTERS}"));
    assert_ne!(lesson, letters);
}

#[test]
fn ids_are_name_based_uuids_that_depend_on_profile_and_attempt() {
    let course = course();
    let progress = history(&course);
    let robin = export(&progress, &options());
    let other = statements(&course, &progress, "sam", &options()).expect("statements");
    assert_ne!(robin[0]["id"], other[0]["id"]);
    let id = robin[0]["id"].as_str().expect("an id");
    let parsed = uuid::Uuid::parse_str(id).expect("a UUID");
    assert_eq!(parsed.get_version_num(), 5);
    assert_eq!(stable_uuid(&["a", "b"]), stable_uuid(&["a", "b"]));
    assert_ne!(stable_uuid(&["a", "b"]), stable_uuid(&["ab"]));
    // A later step adds statements; those already there keep their ids.
    let mut more = progress.clone();
    let letters = more.item_mut(&ItemId::from(LETTERS));
    letters.status = ItemStatus::Completed;
    let after = export(&more, &options());
    for statement in &robin {
        assert!(after.contains(statement), "{statement}");
    }
    assert!(after.len() > robin.len());
}

#[test]
fn reflections_are_never_in_the_statements() {
    let course = course();
    let lines = to_json_lines(&course, &history(&course), "robin", &options()).expect("lines");
    assert!(
        lines.contains("eigen-beeld"),
        "the reflection scene itself is experienced"
    );
    assert!(!lines.contains("secret words"), "{lines}");
    assert!(!lines.contains(REFLECTION));
}

#[test]
fn the_actor_is_an_account_or_a_stable_pseudonym() {
    let course = course();
    let progress = history(&course);
    let named = export(&progress, &options());
    assert_eq!(
        named[0]["actor"],
        serde_json::json!({
            "objectType": "Agent",
            "account": { "homePage": DEFAULT_HOME_PAGE, "name": "robin" },
        })
    );
    let salted = XapiOptions {
        salt: Some("a salt of twenty chars".to_owned()),
        home_page: "https://lms.example.org".to_owned(),
        ..options()
    };
    let lines = to_json_lines(&course, &progress, "robin", &salted).expect("lines");
    assert!(!lines.contains("robin"), "{lines}");
    let hidden = export(&progress, &salted);
    let name = hidden[0]["actor"]["account"]["name"]
        .as_str()
        .expect("a name");
    assert_eq!(name.len(), 64);
    assert!(name.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(
        hidden[0]["actor"]["account"]["homePage"],
        "https://lms.example.org"
    );
    // The same salt, the same pseudonym; another salt, another.
    assert_eq!(export(&progress, &salted), hidden);
    assert_eq!(pseudonym("a salt of twenty chars", "robin"), name);
    assert_ne!(pseudonym("another salt, twenty", "robin"), name);
    // Nothing about the statements themselves changes but who.
    assert_ne!(hidden[0]["id"], named[0]["id"]);
}

#[test]
fn wrong_options_are_refused() {
    let course = course();
    let progress = history(&course);
    let refused = |options: XapiOptions| statements(&course, &progress, "robin", &options);
    assert_eq!(
        refused(XapiOptions {
            base_iri: Some("kruispunt/course".to_owned()),
            ..XapiOptions::default()
        }),
        Err(XapiError::BadBaseIri("kruispunt/course".to_owned()))
    );
    // Activity ids are appended to the base: a query or a fragment would swallow them.
    for base in [
        "https://example.org/x?course=1",
        "https://example.org/x#top",
    ] {
        assert_eq!(
            refused(XapiOptions {
                base_iri: Some(base.to_owned()),
                ..XapiOptions::default()
            }),
            Err(XapiError::BadBaseIri(base.to_owned()))
        );
    }
    assert_eq!(
        refused(XapiOptions {
            home_page: "https://has space".to_owned(),
            ..XapiOptions::default()
        }),
        Err(XapiError::BadHomePage("https://has space".to_owned()))
    );
    assert_eq!(
        refused(XapiOptions {
            salt: Some(String::new()),
            ..XapiOptions::default()
        }),
        Err(XapiError::NoSalt)
    );
    assert_eq!(
        refused(XapiOptions {
            salt: Some("short".to_owned()),
            ..XapiOptions::default()
        }),
        Err(XapiError::ShortSalt(5))
    );
}

#[test]
fn the_default_base_iri_is_built_from_the_course_id() {
    let course = course();
    let all = export(&history(&course), &XapiOptions::default());
    assert_eq!(
        object(&all[0]),
        "https://kruispunt.invalid/course/vinden-verbinden/lesson/welkom-op-het-kruispunt"
    );
}

#[test]
fn items_and_choices_no_longer_in_the_course_are_left_out() {
    let course = course();
    let mut progress = history(&course);
    progress.item_mut(&ItemId::from("gone")).status = ItemStatus::Completed;
    let attempts = &mut progress.item_mut(&ItemId::from(SCENARIO)).attempts;
    attempts[1].choices[0].choice = ChoiceId::from("no-such-choice");
    let all = export(&progress, &options());
    assert!(all.iter().all(|s| !object(s).contains("gone")));
    let node = format!("{BASE}/scenario/{SCENARIO}/node/balie");
    assert_eq!(find(&all, Verb::Responded, &node).len(), 1);
}

#[test]
fn durations_are_iso_8601() {
    assert_eq!(duration(0), "PT0S");
    assert_eq!(duration(59), "PT59S");
    assert_eq!(duration(120), "PT2M");
    assert_eq!(duration(3_723), "PT1H2M3S");
    assert_eq!(duration(7_200), "PT2H");
}

#[test]
fn the_score_runs_from_minus_one_to_one() {
    assert_eq!(statements::score(0, 0, 0), None);
    let all = statements::score(3, 0, 0).expect("a score");
    assert_eq!(all["scaled"], 1.0);
    let none = statements::score(0, 2, 0).expect("a score");
    assert_eq!(none["scaled"], -1.0);
    let half = statements::score(2, 1, 1).expect("a score");
    assert_eq!(half["scaled"], 0.25);
    assert_eq!(half["raw"], 1);
    assert_eq!(half["min"], -4);
    assert_eq!(half["max"], 4);
}

#[test]
fn every_extension_iri_is_in_the_namespace_and_distinct() {
    let iris: std::collections::BTreeSet<String> = Extension::ALL.iter().map(|e| e.iri()).collect();
    assert_eq!(iris.len(), Extension::ALL.len());
    assert!(
        iris.iter()
            .all(|i| i.starts_with(vocabulary::EXTENSION_NAMESPACE))
    );
}

#[test]
fn an_item_never_opened_has_no_statements() {
    let course = course();
    let mut progress = Progress::new(CourseStamp::of(&course), Timestamp(1));
    progress
        .items
        .insert(ItemId::from(LETTERS), ItemProgress::default());
    assert!(export(&progress, &options()).is_empty());
}
