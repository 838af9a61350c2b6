//! Practice whose outcomes follow what the trainee did, through the real loader: a format 2
//! course written as JSON, validated, then run by the engine and recorded by the progress
//! layer. Routes by state, breached competencies, path-aware debriefs, turning points and a
//! shuffled order that stays put while resuming and rewinding.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kruispunt::course::checked::{Course, Scenario};
use kruispunt::course::ids::ItemId;
use kruispunt::course::model::{Outcome, Quality};
use kruispunt::course::{CourseSource, SourceFile, ValidateOptions, load};
use kruispunt::engine::{CompetencyScore, ScenarioRun};
use kruispunt::progress::{CourseStamp, Progress, Timestamp, runs};
use serde_json::json;

const ID: &str = "gesprek";

fn t(text: &str) -> serde_json::Value {
    json!({ "en": text })
}

/// A short conversation. At `open`: listen (best, trust +20, shows open questions), assume
/// (harmful, trust -30, breaches no-assumptions) or hurry (weak, trust -5). At `mid`: ask
/// (best, shows no-assumptions), vague (weak, trust -20) or label (harmful, breaches
/// no-assumptions). Then a route:
/// any harmful choice leads to the poor ending, low trust to the mixed one, else the good
/// one, whose debrief has parts for what was done.
fn scenario_json() -> serde_json::Value {
    json!({
        "format_version": 2,
        "id": ID,
        "title": t("A talk"),
        "setting": t("An office."),
        "goal": t("Listen."),
        "characters": [
            { "id": "sam", "name": t("Sam"), "role": t("Resident"), "bio": t("Fictional.") },
            { "id": "ria", "name": t("Ria"), "role": t("Interpreter"), "bio": t("Fictional.") }
        ],
        "variables": [{ "id": "trust", "label": t("Trust"), "min": 0, "max": 100, "start": 50 }],
        "start": "open",
        "nodes": [
            { "id": "open", "lines": [
                { "speaker": "sam", "text": t("((Looks at the floor.)) Hello.") },
                { "speaker": "ria", "text": t("He says hello.") }
              ],
              "choices": [
                { "id": "listen", "text": t("What brings you here?"), "feedback": t("Open."),
                  "quality": "best", "thought": t("She asks me."), "thinker": "sam",
                  "effects": { "trust": 20 }, "competencies": { "open-questions": "shown" },
                  "next": "mid" },
                { "id": "assume", "text": t("Your wife is waiting?"), "feedback": t("An assumption."),
                  "quality": "harmful", "effects": { "trust": -30 },
                  "competencies": { "no-assumptions": "breached" }, "next": "mid" },
                { "id": "hurry", "text": t("Quickly, please."), "feedback": t("Rushed."),
                  "quality": "weak", "effects": { "trust": -5 }, "next": "mid" }
              ] },
            { "id": "mid", "lines": [{ "speaker": "sam", "text": t("It is about my partner.") }],
              "choices": [
                { "id": "ask", "text": t("Tell me about them."), "feedback": t("Good."),
                  "quality": "best", "competencies": { "no-assumptions": "shown" }, "next": "afloop" },
                { "id": "vague", "text": t("Hm. Anything else?"), "feedback": t("Vague."),
                  "quality": "weak", "effects": { "trust": -20 }, "next": "afloop" },
                { "id": "label", "text": t("So you are gay?"), "feedback": t("A label."),
                  "quality": "harmful", "effects": { "trust": -10 },
                  "competencies": { "no-assumptions": "breached" }, "next": "afloop" }
              ] },
            { "id": "afloop", "route": [
                { "if": { "chose_quality": "harmful" }, "next": "poor" },
                { "if": { "compare": { "var": "trust", "op": "<", "value": 40 } }, "next": "mixed" },
                { "next": "good" }
              ] },
            { "id": "good", "ending": { "outcome": "good", "title": t("Good"), "debrief": [
                { "text": t("Sam feels heard.") },
                { "if": { "chose": "open/listen" }, "text": t("You opened with a question.") },
                { "if": { "not": { "chose": "open/listen" } }, "text": t("You did not open with a question.") }
              ] } },
            { "id": "mixed", "ending": { "outcome": "mixed", "title": t("Mixed"), "debrief": t("Trust is low.") } },
            { "id": "poor", "ending": { "outcome": "poor", "title": t("Poor"), "debrief": t("Harm was done.") } }
        ]
    })
}

fn course() -> Course {
    let manifest = json!({
        "format_version": 2, "id": "practice", "version": "1", "title": t("Practice"),
        "description": t("Tests."), "default_locale": "en", "locales": ["en"],
        "competencies": [
            { "id": "open-questions", "title": t("Open questions") },
            { "id": "no-assumptions", "title": t("No assumptions") }
        ],
        "modules": [{ "id": "m", "title": t("Module"), "items": [ID] }]
    });
    let source = CourseSource::new(
        "practice",
        vec![
            SourceFile {
                path: "course.json".into(),
                text: manifest.to_string(),
            },
            SourceFile {
                path: format!("scenarios/{ID}.json"),
                text: scenario_json().to_string(),
            },
        ],
    );
    let report = load(&source, ValidateOptions::default());
    let errors: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    report.course.expect("the course builds")
}

fn scenario(course: &Course) -> &Scenario {
    &course.scenarios[&ItemId::from(ID)]
}

fn play(scenario: &Scenario, choices: &[&str]) -> ScenarioRun {
    let mut run = ScenarioRun::new(scenario).expect("a run");
    for id in choices {
        run.choose(scenario, *id).expect("offered");
    }
    run
}

fn ending_id(scenario: &Scenario, run: &ScenarioRun) -> String {
    scenario.node(run.current()).id.to_string()
}

#[test]
fn a_route_sends_a_low_trust_path_to_the_mixed_ending_and_harm_to_the_poor_one() {
    let course = course();
    let s = scenario(&course);
    // Both paths end with a weak answer; the trust built before decides.
    let listened = play(s, &["listen", "vague"]);
    assert_eq!(listened.variables(), &[50]);
    assert_eq!(ending_id(s, &listened), "good");
    let hurried = play(s, &["hurry", "vague"]);
    assert_eq!(hurried.variables(), &[25]);
    assert_eq!(ending_id(s, &hurried), "mixed");
    // A harmful choice closes off the good ending even with trust high.
    let labelled = play(s, &["listen", "label"]);
    assert_eq!(labelled.variables(), &[60]);
    assert_eq!(ending_id(s, &labelled), "poor");
    // The route is passed through: it is entered, and the run is at the ending.
    let afloop = s.node_idx("afloop").expect("node");
    assert!(labelled.entered().contains(&afloop));
    assert!(labelled.is_ended(s));
}

#[test]
fn a_breached_competency_is_never_counted_as_shown() {
    let course = course();
    let s = scenario(&course);
    // `ask` would show no-assumptions; `assume` breached it earlier.
    let run = play(s, &["assume", "ask"]);
    let result = run.result(s).expect("ended");
    assert_eq!(result.outcome, Outcome::Poor);
    let ids = |list: &[kruispunt::course::ids::Competency]| -> Vec<String> {
        list.iter().map(ToString::to_string).collect()
    };
    assert_eq!(ids(&result.breached), ["no-assumptions"]);
    assert!(!ids(&result.shown).contains(&"no-assumptions".to_owned()));
    // Open questions could have been shown at `open`: not met.
    assert_eq!(ids(&result.missed), ["open-questions"]);
    assert_eq!(
        result
            .competency_scores()
            .iter()
            .map(|(c, score)| (c.to_string(), *score))
            .collect::<Vec<_>>(),
        [
            ("no-assumptions".to_owned(), CompetencyScore::Breached),
            ("open-questions".to_owned(), CompetencyScore::NotMet),
        ]
    );
    assert_eq!(result.qualities.get(Quality::Harmful), 1);
    assert_eq!(result.qualities.get(Quality::Best), 1);
    assert_eq!(result.qualities.total(), 2);

    // Shown and then breached later: breached too.
    let run = play(s, &["listen", "label"]);
    let result = run.result(s).expect("ended");
    assert_eq!(ids(&result.shown), ["open-questions"]);
    assert_eq!(ids(&result.breached), ["no-assumptions"]);
}

#[test]
fn the_debrief_names_what_this_trainee_did() {
    let course = course();
    let s = scenario(&course);
    let plain = |run: &ScenarioRun| -> Vec<String> {
        run.debrief(s)
            .iter()
            .map(|t| t.get("en").unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(
        plain(&play(s, &["listen", "ask"])),
        ["Sam feels heard.", "You opened with a question."]
    );
    // The good ending without listening first: the other part.
    assert_eq!(
        plain(&play(s, &["hurry", "ask"])),
        ["Sam feels heard.", "You did not open with a question."]
    );
    // An ending with a plain debrief has one part.
    assert_eq!(plain(&play(s, &["hurry", "vague"])), ["Trust is low."]);
    // The result lists which parts applied, by position.
    let result = play(s, &["listen", "ask"]).result(s).expect("ended");
    assert_eq!(result.debrief, [0, 1]);
    let result = play(s, &["hurry", "ask"]).result(s).expect("ended");
    assert_eq!(result.debrief, [0, 2]);
}

#[test]
fn the_turning_point_names_the_better_choice_and_the_outcome_it_lost() {
    let course = course();
    let s = scenario(&course);
    let run = play(s, &["listen", "label"]);
    let points = run.turning_points(s);
    assert_eq!(points.len(), 1, "{points:?}");
    let point = &points[0];
    assert_eq!(point.decision, 1);
    assert_eq!(s.node(point.node).id.as_str(), "mid");
    let Some(kruispunt::course::checked::Step::Choices(choices)) = Some(&s.node(point.node).step)
    else {
        panic!("a decision point");
    };
    assert_eq!(choices[point.taken].id.as_str(), "label");
    assert_eq!(choices[point.better].id.as_str(), "ask");
    assert_eq!(point.best_after_taken, Some(Outcome::Poor));
    assert_eq!(point.best_after_better, Some(Outcome::Good));
    assert!(point.lost_outcome());
    // The best road has none.
    assert!(play(s, &["listen", "ask"]).turning_points(s).is_empty());
}

#[test]
fn a_reaction_thought_belongs_to_its_thinker() {
    let course = course();
    let s = scenario(&course);
    let Some(kruispunt::course::checked::Step::Choices(choices)) = Some(&s.node(s.start).step)
    else {
        panic!("a decision point");
    };
    // Ria spoke last; the thought is Sam's, as written.
    assert_eq!(choices[0].thinker.as_ref().map(|c| c.as_str()), Some("sam"));
}

#[test]
fn the_shown_order_is_stable_across_resume_and_rewind_and_new_for_a_new_attempt() {
    let course = course();
    let s = scenario(&course);
    let stamp = CourseStamp::of(&course);
    let mut progress = Progress::new(stamp, Timestamp(1));

    let (mut run, _) = runs::resume_scenario(&progress, s).expect("a run");
    let open = s.start;
    let first_order = run.display_order(s, open);
    run.choose(s, "listen").expect("offered");
    let mid = run.current();
    let mid_order = run.display_order(s, mid);
    runs::record_scenario(&mut progress, s, &run, Timestamp(2));

    // Resuming (as after quitting) shows the same order at the same point.
    let (resumed, how) = runs::resume_scenario(&progress, s).expect("resumes");
    assert_eq!(how, runs::Resumed::Continued);
    assert_eq!(resumed.display_order(s, mid), mid_order);
    assert_eq!(resumed.seed(), run.seed());

    // The saved file holds the seed, so a reload of the JSON gives the same order.
    let saved = serde_json::to_string(&progress).expect("serialises");
    let reloaded: Progress = serde_json::from_str(&saved).expect("parses");
    let (again, _) = runs::resume_scenario(&reloaded, s).expect("resumes");
    assert_eq!(again.display_order(s, mid), mid_order);

    // Rewinding keeps the order.
    let mut rewound = resumed.clone();
    rewound.rewind_to(s, 0).expect("rewinds");
    assert_eq!(rewound.display_order(s, open), first_order);

    // Finishing and playing again is a new attempt: a new seed, and over the attempts the
    // first decision is shown in more than one order.
    let mut run = resumed;
    run.choose(s, "ask").expect("offered");
    runs::record_scenario(&mut progress, s, &run, Timestamp(3));
    let mut orders = vec![first_order.clone()];
    let mut seeds = vec![run.seed()];
    for attempt in 0..6 {
        runs::replay_scenario(&mut progress, s, &mut run, Timestamp(4 + attempt)).expect("replays");
        assert!(!seeds.contains(&run.seed()), "a new seed per attempt");
        seeds.push(run.seed());
        orders.push(run.display_order(s, open));
        run.choose(s, "listen").expect("offered");
        run.choose(s, "ask").expect("offered");
        runs::record_scenario(&mut progress, s, &run, Timestamp(20 + attempt));
    }
    orders.sort();
    orders.dedup();
    assert!(orders.len() > 1, "always {orders:?}");
}

#[test]
fn an_attempt_saved_before_shuffling_resumes_with_the_seed_of_its_position() {
    let course = course();
    let s = scenario(&course);
    let mut progress = Progress::new(CourseStamp::of(&course), Timestamp(1));
    let mut run = ScenarioRun::new(s).expect("a run");
    run.choose(s, "listen").expect("offered");
    runs::record_scenario(&mut progress, s, &run, Timestamp(2));
    // A version 1 progress file: the attempt has no seed.
    let mut json: serde_json::Value = serde_json::to_value(&progress).expect("json");
    let attempt = &mut json["items"][ID]["attempts"][0];
    assert!(attempt.get("seed").is_some());
    attempt.as_object_mut().expect("object").remove("seed");
    let old: Progress = serde_json::from_value(json).expect("an old file still loads");
    let (resumed, how) = runs::resume_scenario(&old, s).expect("resumes");
    assert_eq!(how, runs::Resumed::Continued);
    assert_eq!(
        resumed.seed(),
        kruispunt::course::order::attempt_seed(ID, 0),
        "the first attempt's seed"
    );
    assert_eq!(resumed.decisions().len(), 1);
}
