//! Scripted test plans for the engine, in the style of Yarn Spinner's: expect these choices,
//! choose, expect feedback and variables, expect an ending, rewind, expect another ending.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kruispunt::course::checked::{NodeIdx, Scenario, VarIdx};
use kruispunt::course::ids::{ChoiceId, Competency, NodeId, VarId};
use kruispunt::course::model::{CompareOp, Outcome};
use kruispunt::engine::testkit::{
    LessonBuilder, ScenarioBuilder, all, any, choice, compare, not, visited,
};
use kruispunt::engine::{
    ChoiceOutcome, EngineError, LessonRun, LessonState, PathEvent, RestoreError, RunSnapshot,
    ScenarioRun, SceneStatus,
};

// ---------------------------------------------------------------------------------------
// A test plan driver

struct Plan<'s> {
    scenario: &'s Scenario,
    run: ScenarioRun,
}

impl<'s> Plan<'s> {
    #[track_caller]
    fn new(scenario: &'s Scenario) -> Self {
        let run = ScenarioRun::new(scenario).expect("scenario starts");
        Self { scenario, run }
    }

    fn node_id(&self, idx: NodeIdx) -> &str {
        self.scenario.node(idx).id.as_str()
    }

    #[track_caller]
    fn expect_at(&mut self, node: &str) -> &mut Self {
        assert_eq!(self.node_id(self.run.current()), node, "current node");
        let shown = self.run.current_node(self.scenario).map(|n| n.id.as_str());
        assert_eq!(shown, Some(node));
        self
    }

    /// The offered choices, exactly and in order.
    #[track_caller]
    fn expect_offered(&mut self, ids: &[&str]) -> &mut Self {
        let offered: Vec<&str> = self
            .run
            .offered_choices(self.scenario)
            .map(|c| c.choice.id.as_str())
            .collect();
        assert_eq!(offered, ids, "offered choices");
        assert_eq!(self.run.offered_count(self.scenario), ids.len());
        self
    }

    /// The choices shown but not offered, exactly and in order.
    #[track_caller]
    fn expect_unavailable(&mut self, ids: &[&str]) -> &mut Self {
        let unavailable: Vec<&str> = self
            .run
            .available_choices(self.scenario)
            .filter(|c| !c.offered)
            .map(|c| c.choice.id.as_str())
            .collect();
        assert_eq!(unavailable, ids, "choices not offered");
        self
    }

    #[track_caller]
    fn choose(&mut self, id: &str) -> ChoiceOutcome<'s> {
        let scenario = self.scenario;
        match self.run.choose(scenario, id) {
            Ok(outcome) => outcome,
            Err(e) => panic!("choosing `{id}` failed: {e}"),
        }
    }

    #[track_caller]
    fn then(&mut self, id: &str) -> &mut Self {
        self.choose(id);
        self
    }

    #[track_caller]
    fn expect_var(&mut self, var: &str, value: i32) -> &mut Self {
        let idx = self.scenario.var_idx(var).expect("variable exists");
        assert_eq!(self.run.variable(idx), Some(value), "variable `{var}`");
        self
    }

    #[track_caller]
    fn expect_ending(&mut self, outcome: Outcome) -> &mut Self {
        let ending = self.run.ending(self.scenario).expect("at an ending");
        assert_eq!(ending.outcome, outcome);
        assert_eq!(self.run.offered_count(self.scenario), 0);
        self
    }

    #[track_caller]
    fn rewind_to(&mut self, decision: usize) -> &mut Self {
        self.run
            .rewind_to(self.scenario, decision)
            .expect("rewind works");
        self
    }
}

fn tags(list: &[Competency]) -> Vec<&str> {
    list.iter().map(Competency::as_str).collect()
}

/// An intake conversation: greet passes by itself to `ask`; from there an open question
/// leads to listening, an assumption to a defensive reaction that can be repaired.
fn intake() -> Scenario {
    ScenarioBuilder::new("intake")
        .var("trust", 0, 100, 50)
        .var("safety", 0, 10, 5)
        .auto("greet", "ask")
        .choices(
            "ask",
            [
                choice("open", "listen")
                    .effect("trust", 20)
                    .competency("open-questions"),
                choice("assume", "defensive")
                    .effect("trust", -30)
                    .effect("safety", -2),
                choice("pronouns", "listen")
                    .when(compare("trust", CompareOp::Ge, 60))
                    .competency("pronouns"),
                choice("try-again", "listen")
                    .when(visited("ask"))
                    .effect("trust", 5)
                    .competency("repair"),
            ],
        )
        .choices(
            "listen",
            [
                choice("reflect", "thanks")
                    .when(compare("trust", CompareOp::Ge, 70))
                    .competency("active-listening")
                    .competency("open-questions"),
                choice("rush", "mixed-end")
                    .effect("trust", -10)
                    .competency("time"),
                choice("refer", "poor-end")
                    .effect("safety", -5)
                    .competency("referral"),
            ],
        )
        .choices(
            "defensive",
            [
                choice("apologise", "ask")
                    .effect("trust", 10)
                    .competency("repair"),
                choice("insist", "poor-end").effect("trust", -50),
            ],
        )
        .auto("thanks", "good-end")
        .ending("good-end", Outcome::Good)
        .ending("mixed-end", Outcome::Mixed)
        .ending("poor-end", Outcome::Poor)
        .build()
}

fn idx(scenario: &Scenario, node: &str) -> NodeIdx {
    scenario.node_idx(node).expect("node exists")
}

// ---------------------------------------------------------------------------------------
// Scenario plans

#[test]
fn plan_good_path_then_rewind_to_a_mixed_and_a_poor_ending() {
    let s = intake();
    let mut plan = Plan::new(&s);
    plan.expect_at("ask")
        .expect_offered(&["open", "assume"])
        .expect_unavailable(&["pronouns", "try-again"])
        .expect_var("trust", 50);

    let out = plan.choose("open");
    assert_eq!(out.choice_id().as_str(), "open");
    assert_eq!(out.decision, 0);
    assert_eq!(out.from, idx(&s, "ask"));
    assert_eq!(out.changes.len(), 1);
    assert_eq!(out.changes[0].var, VarIdx(0));
    assert_eq!((out.changes[0].before, out.changes[0].after), (50, 70));
    assert_eq!(out.changes[0].applied, 20);
    assert_eq!(
        tags(&out.competencies().shown().cloned().collect::<Vec<_>>()),
        ["open-questions"]
    );
    assert_eq!(out.choice.feedback.get("en"), Some("feedback open"));
    assert_eq!(out.entered, [idx(&s, "listen")]);
    assert!(out.ending.is_none());

    plan.expect_at("listen")
        .expect_var("trust", 70)
        .expect_offered(&["reflect", "rush", "refer"]);
    let out = plan.choose("reflect");
    // `thanks` passes by itself to the ending; both are entered, in order.
    assert_eq!(out.entered, [idx(&s, "thanks"), idx(&s, "good-end")]);
    assert_eq!(out.now_at, idx(&s, "good-end"));
    assert_eq!(out.ending.map(|e| e.outcome), Some(Outcome::Good));
    plan.expect_ending(Outcome::Good);

    let result = plan.run.result(&s).expect("ended");
    assert_eq!(result.outcome, Outcome::Good);
    assert_eq!(result.ending_node, idx(&s, "good-end"));
    assert_eq!(result.variables, [70, 5]);
    assert_eq!(tags(&result.shown), ["open-questions", "active-listening"]);
    // `assume` has no tags; `pronouns`/`try-again` were not offered; at `listen`, `rush`
    // and `refer` were offered but not taken.
    assert_eq!(tags(&result.missed), ["time", "referral"]);

    // Back to just before the second decision: another ending.
    plan.rewind_to(1)
        .expect_at("listen")
        .expect_var("trust", 70)
        .then("rush")
        .expect_var("trust", 60)
        .expect_ending(Outcome::Mixed);

    // Back to the very first decision: the assumption, repaired, then a poor end anyway.
    plan.rewind_to(0)
        .expect_at("ask")
        .expect_var("trust", 50)
        .then("assume")
        .expect_at("defensive")
        .expect_var("trust", 20)
        .expect_var("safety", 3)
        .expect_offered(&["apologise", "insist"])
        .then("apologise")
        .expect_at("ask")
        .expect_var("trust", 30)
        // `ask` was left once, so it counts as visited now.
        .expect_offered(&["open", "assume", "try-again"])
        .expect_unavailable(&["pronouns"])
        .then("try-again")
        .expect_var("trust", 35)
        .expect_offered(&["rush", "refer"])
        .expect_unavailable(&["reflect"])
        .then("refer")
        .expect_var("safety", 0)
        .expect_ending(Outcome::Poor);

    let result = plan.run.result(&s).expect("ended");
    assert_eq!(tags(&result.shown), ["repair", "referral"]);
    // Offered and not taken: `open` (twice), `insist` (no tags), `rush` at listen.
    // `try-again` was taken, so its tag counts as shown, not missed.
    assert_eq!(tags(&result.missed), ["open-questions", "time"]);
}

#[test]
fn no_result_before_an_ending() {
    let s = intake();
    let mut plan = Plan::new(&s);
    assert!(plan.run.result(&s).is_none());
    plan.then("open");
    assert!(plan.run.result(&s).is_none());
    assert!(!plan.run.is_ended(&s));
}

#[test]
fn choosing_by_index_and_by_choice_id_is_the_same() {
    let s = intake();
    let mut by_index = ScenarioRun::new(&s).unwrap();
    let mut by_id = ScenarioRun::new(&s).unwrap();
    by_index.choose(&s, 1).unwrap();
    by_id.choose(&s, &ChoiceId::from("assume")).unwrap();
    assert_eq!(by_index, by_id);
}

#[test]
fn refused_choices_leave_the_run_unchanged() {
    let s = intake();
    let mut run = ScenarioRun::new(&s).unwrap();
    let before = run.clone();

    assert_eq!(
        run.choose(&s, "pronouns").unwrap_err(),
        EngineError::ChoiceNotOffered {
            id: "pronouns".into()
        }
    );
    assert_eq!(
        run.choose(&s, "nope").unwrap_err(),
        EngineError::UnknownChoice { id: "nope".into() }
    );
    assert_eq!(
        run.choose(&s, 4).unwrap_err(),
        EngineError::NoChoiceAt { index: 4, count: 4 }
    );
    assert_eq!(run, before);

    run.choose(&s, "open").unwrap();
    run.choose(&s, "rush").unwrap();
    let ended = run.clone();
    assert_eq!(run.choose(&s, 0).unwrap_err(), EngineError::RunEnded);
    assert_eq!(run, ended);
}

#[test]
fn effects_are_clamped_to_the_variable_range() {
    let s = ScenarioBuilder::new("clamp")
        .var("trust", 0, 10, 8)
        .var("doubt", -5, 5, -4)
        .choices(
            "a",
            [choice("big", "b").effect("trust", 5).effect("doubt", -3)],
        )
        .choices("b", [choice("huge", "end").effect("trust", i32::MAX)])
        .ending("end", Outcome::Good)
        .build();
    let mut run = ScenarioRun::new(&s).unwrap();
    let out = run.choose(&s, "big").unwrap();
    let changes: Vec<_> = out
        .changes
        .iter()
        .map(|c| (c.var.0, c.before, c.after, c.requested, c.applied))
        .collect();
    assert_eq!(changes, [(0, 8, 10, 5, 2), (1, -4, -5, -3, -1)]);
    assert_eq!(run.variables(), [10, -5]);

    // Already at the maximum: nothing applied, and no overflow.
    let out = run.choose(&s, "huge").unwrap();
    assert_eq!(out.changes[0].applied, 0);
    assert_eq!(run.variables(), [10, -5]);
}

#[test]
fn conditions_compare_visited_all_any_not() {
    use CompareOp::*;
    let s = ScenarioBuilder::new("conds")
        .var("x", 0, 10, 5)
        .choices(
            "hub",
            [
                choice("eq", "end").when(compare("x", Eq, 5)),
                choice("ne", "end").when(compare("x", Ne, 5)),
                choice("lt", "end").when(compare("x", Lt, 5)),
                choice("le", "end").when(compare("x", Le, 5)),
                choice("gt", "end").when(compare("x", Gt, 5)),
                choice("ge", "end").when(compare("x", Ge, 5)),
                choice("all", "end").when(all([compare("x", Ge, 5), visited("side")])),
                choice("any", "end").when(any([compare("x", Gt, 5), visited("side")])),
                choice("not-side", "side").when(not(visited("side"))),
                choice("empty-all", "end").when(all([])),
                choice("empty-any", "end").when(any([])),
                choice("up", "hub").effect("x", 1),
            ],
        )
        .auto("side", "hub")
        .ending("end", Outcome::Good)
        .build();
    let mut plan = Plan::new(&s);
    plan.expect_offered(&["eq", "le", "ge", "not-side", "empty-all", "up"]);
    plan.then("not-side").expect_at("hub").expect_offered(&[
        "eq",
        "le",
        "ge",
        "all",
        "any",
        "empty-all",
        "up",
    ]);
    plan.then("up")
        .expect_offered(&["ne", "gt", "ge", "all", "any", "empty-all", "up"]);
    plan.run.rewind_to(&s, 0).unwrap();
    plan.then("up")
        .expect_offered(&["ne", "gt", "ge", "any", "not-side", "empty-all", "up"]);
}

#[test]
fn automatic_transitions_are_followed_and_recorded() {
    let s = ScenarioBuilder::new("autos")
        .auto("a", "b")
        .auto("b", "c")
        .choices("c", [choice("go", "d")])
        .auto("d", "e")
        .ending("e", Outcome::Mixed)
        .build();
    let mut run = ScenarioRun::new(&s).unwrap();
    let ids = |nodes: &[NodeIdx]| -> Vec<String> {
        nodes.iter().map(|&n| s.node(n).id.to_string()).collect()
    };
    assert_eq!(ids(run.entered_at_start()), ["a", "b", "c"]);
    assert!(run.has_visited(idx(&s, "a")) && run.has_visited(idx(&s, "b")));
    assert!(!run.has_visited(idx(&s, "c")), "c is where we are");

    let out = run.choose(&s, "go").unwrap();
    assert_eq!(ids(&out.entered), ["d", "e"]);
    assert_eq!(ids(run.entered()), ["a", "b", "c", "d", "e"]);
    assert_eq!(ids(run.entered_after(0)), ["d", "e"]);
    assert_eq!(
        run.path().collect::<Vec<_>>(),
        [
            PathEvent::Entered(idx(&s, "a")),
            PathEvent::Entered(idx(&s, "b")),
            PathEvent::Entered(idx(&s, "c")),
            PathEvent::Chose {
                decision: 0,
                node: idx(&s, "c"),
                choice: 0
            },
            PathEvent::Entered(idx(&s, "d")),
            PathEvent::Entered(idx(&s, "e")),
        ]
    );
    assert_eq!(run.ending(&s).map(|e| e.outcome), Some(Outcome::Mixed));
}

#[test]
fn a_loop_of_automatic_transitions_is_an_error_not_a_hang() {
    let looping_start = ScenarioBuilder::new("loop")
        .auto("a", "b")
        .auto("b", "a")
        .build();
    assert!(matches!(
        ScenarioRun::new(&looping_start),
        Err(EngineError::AutoCycle { .. })
    ));

    let looping_later = ScenarioBuilder::new("loop-later")
        .var("trust", 0, 10, 5)
        .choices(
            "a",
            [
                choice("into-loop", "b").effect("trust", 3),
                choice("out", "end"),
            ],
        )
        .auto("b", "c")
        .auto("c", "b")
        .ending("end", Outcome::Good)
        .build();
    let mut run = ScenarioRun::new(&looping_later).unwrap();
    let before = run.clone();
    assert!(matches!(
        run.choose(&looping_later, "into-loop"),
        Err(EngineError::AutoCycle { .. })
    ));
    assert_eq!(run, before, "a refused choice changes nothing");
    run.choose(&looping_later, "out").unwrap();
    assert!(run.is_ended(&looping_later));
}

#[test]
fn a_node_with_no_offered_choice_is_stuck() {
    let s = ScenarioBuilder::new("stuck")
        .var("x", 0, 10, 0)
        .choices(
            "a",
            [choice("locked", "end").when(compare("x", CompareOp::Gt, 0))],
        )
        .ending("end", Outcome::Good)
        .build();
    let run = ScenarioRun::new(&s).unwrap();
    assert!(run.is_stuck(&s));
    assert_eq!(run.available_choices(&s).count(), 1);
    assert_eq!(run.offered_count(&s), 0);
}

#[test]
fn variables_before_and_after_each_decision() {
    let s = intake();
    let mut run = ScenarioRun::new(&s).unwrap();
    run.choose(&s, "assume").unwrap();
    run.choose(&s, "apologise").unwrap();
    assert_eq!(run.variables_before(0), Some(&[50, 5][..]));
    assert_eq!(run.variables_after(0), Some(&[20, 3][..]));
    assert_eq!(run.variables_before(1), Some(&[20, 3][..]));
    assert_eq!(run.variables_after(1), Some(&[30, 3][..]));
    assert_eq!(run.variables_before(2), None);
    let decisions: Vec<_> = run
        .decisions()
        .iter()
        .map(|d| (s.node(d.node).id.to_string(), d.choice))
        .collect();
    assert_eq!(decisions, [("ask".into(), 1), ("defensive".into(), 0)]);
}

/// A deterministic walk: at each step, take the offered choice picked by a fixed LCG.
fn walk(s: &Scenario, seed: u64, steps: usize) -> ScenarioRun {
    let mut run = ScenarioRun::new(s).unwrap();
    let mut state = seed;
    for _ in 0..steps {
        let offered = run.offered_count(s);
        if offered == 0 {
            break;
        }
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let pick = (state >> 33) as usize % offered;
        let index = run.offered_choices(s).nth(pick).unwrap().index;
        run.choose(s, index).unwrap();
    }
    run
}

#[test]
fn rewinding_restores_the_state_exactly() {
    let s = intake();
    let mut run = ScenarioRun::new(&s).unwrap();
    for id in ["assume", "apologise", "assume", "apologise", "open"] {
        run.choose(&s, id).unwrap();
    }
    let mut replayed = ScenarioRun::new(&s).unwrap();
    for id in ["assume", "apologise", "assume"] {
        replayed.choose(&s, id).unwrap();
    }
    run.rewind_to(&s, 3).unwrap();
    assert_eq!(run, replayed);

    assert_eq!(
        run.rewind_to(&s, 9).unwrap_err(),
        EngineError::NoSuchDecision {
            decision: 9,
            taken: 3
        }
    );
    // Rewinding to the present changes nothing.
    run.rewind_to(&s, 3).unwrap();
    assert_eq!(run, replayed);

    run.restart(&s).unwrap();
    assert_eq!(run, ScenarioRun::new(&s).unwrap());
}

#[test]
fn same_choices_give_the_same_run() {
    let s = intake();
    for seed in 0..20 {
        let a = walk(&s, seed, 12);
        let b = walk(&s, seed, 12);
        assert_eq!(a, b);
        assert_eq!(a.result(&s), b.result(&s));
    }
}

#[test]
fn snapshot_round_trips_through_json_to_an_identical_run() {
    let s = intake();
    for seed in 0..10 {
        let run = walk(&s, seed, 3);
        let snapshot = run.snapshot(&s);
        let json = serde_json::to_string(&snapshot).unwrap();
        let back: RunSnapshot = serde_json::from_str(&json).unwrap();
        assert_eq!(back, snapshot);
        let restored = ScenarioRun::restore(&s, &back).unwrap();
        assert_eq!(restored, run);
    }
}

#[test]
fn snapshot_is_by_ids() {
    let s = intake();
    let mut run = ScenarioRun::new(&s).unwrap();
    run.choose(&s, "assume").unwrap();
    let snapshot = run.snapshot(&s);
    assert_eq!(snapshot.scenario.as_str(), "intake");
    assert_eq!(snapshot.choices, [ChoiceId::from("assume")]);
    assert_eq!(snapshot.current, NodeId::from("defensive"));
    assert_eq!(snapshot.variables.get(&VarId::from("trust")), Some(&20));
    assert_eq!(
        snapshot.visited,
        [NodeId::from("greet"), NodeId::from("ask")]
    );
}

#[test]
fn restore_refuses_a_snapshot_the_course_no_longer_fits() {
    let s = intake();
    let mut run = ScenarioRun::new(&s).unwrap();
    run.choose(&s, "assume").unwrap();
    let snapshot = run.snapshot(&s);

    let mut other = snapshot.clone();
    other.scenario = "elsewhere".into();
    assert!(matches!(
        ScenarioRun::restore(&s, &other),
        Err(RestoreError::OtherScenario { .. })
    ));

    let mut gone = snapshot.clone();
    gone.choices = vec!["removed-choice".into()];
    assert!(matches!(
        ScenarioRun::restore(&s, &gone),
        Err(RestoreError::Replay { step: 0, .. })
    ));

    let mut moved = snapshot.clone();
    moved.current = "listen".into();
    assert_eq!(
        ScenarioRun::restore(&s, &moved),
        Err(RestoreError::Mismatch { what: "node" })
    );

    let mut changed = snapshot.clone();
    changed.variables.insert("trust".into(), 99);
    assert_eq!(
        ScenarioRun::restore(&s, &changed),
        Err(RestoreError::Mismatch { what: "variables" })
    );

    let mut visited = snapshot;
    visited.visited.pop();
    assert_eq!(
        ScenarioRun::restore(&s, &visited),
        Err(RestoreError::Mismatch {
            what: "visited nodes"
        })
    );
}

// ---------------------------------------------------------------------------------------
// Lessons

fn lesson() -> kruispunt::course::checked::Lesson {
    LessonBuilder::new("basics")
        .text("intro")
        .text("story")
        .with_note()
        .quiz("q-single", false, [("a", false), ("b", true), ("c", false)])
        .quiz("q-multi", true, [("x", true), ("y", false), ("z", true)])
        .glossary("words", 3)
        .reflection("think")
        .checklist("list", ["one", "two", "three"])
        .build()
}

#[test]
fn lesson_navigation_and_position() {
    let l = lesson();
    let mut run = LessonRun::new(&l);
    assert_eq!((run.position().index, run.position().total), (0, 7));
    assert_eq!(run.position().number(), 1);
    assert!(!run.previous(&l));
    assert!(!run.is_finished());

    run.go_to(&l, "q-multi").unwrap();
    assert_eq!(run.current(&l).unwrap().id.as_str(), "q-multi");
    assert!(run.previous(&l));
    assert_eq!(run.position().index, 2);
    assert_eq!(
        run.go_to(&l, "missing").unwrap_err(),
        EngineError::UnknownScene {
            id: "missing".into()
        }
    );

    run.go_to(&l, "think").unwrap();
    assert!(run.next(&l));
    assert_eq!(run.position().number(), 7);
    assert!(run.is_finished(), "the last scene was reached");
    assert!(!run.next(&l));
    assert_eq!(run.position().index, 6);
}

#[test]
fn content_note_is_shown_first_and_can_be_accepted_or_skipped() {
    let l = lesson();
    let mut run = LessonRun::new(&l);
    assert!(!run.content_note_pending(&l));
    assert_eq!(run.record(0).unwrap().status, SceneStatus::Seen);

    run.next(&l);
    assert!(run.content_note_pending(&l));
    assert_eq!(run.record(1).unwrap().status, SceneStatus::NotSeen);
    run.skip_scene(&l);
    assert_eq!(run.position().index, 2, "skipping moves on");
    assert_eq!(run.record(1).unwrap().status, SceneStatus::Skipped);
    let skipped: Vec<&str> = run.skipped(&l).iter().map(|id| id.as_str()).collect();
    assert_eq!(skipped, ["story"]);

    // Going back shows the note again; accepting it shows the scene.
    run.previous(&l);
    assert!(run.content_note_pending(&l));
    run.accept_content_note(&l);
    assert!(!run.content_note_pending(&l));
    assert_eq!(run.record(1).unwrap().status, SceneStatus::Seen);
    assert!(run.skipped(&l).is_empty());

    // Once accepted, the note is not shown again.
    run.next(&l);
    run.previous(&l);
    assert!(!run.content_note_pending(&l));
}

#[test]
fn moving_on_from_a_pending_note_counts_as_skipping() {
    let l = lesson();
    let mut run = LessonRun::new(&l);
    run.next(&l);
    run.next(&l);
    assert_eq!(run.record(1).unwrap().status, SceneStatus::Skipped);
    assert_eq!(
        run.scenes_done(),
        (3, 7),
        "intro and the quiz seen, story skipped"
    );
}

#[test]
fn skipping_the_last_scene_finishes_the_lesson() {
    let l = LessonBuilder::new("short")
        .text("a")
        .text("b")
        .with_note()
        .build();
    let mut run = LessonRun::new(&l);
    run.next(&l);
    assert!(!run.is_finished());
    run.skip_scene(&l);
    assert!(run.is_finished());
    assert_eq!(run.position().index, 1);
}

#[test]
fn actions_wait_for_the_content_note() {
    let l = LessonBuilder::new("noted")
        .quiz("q", false, [("a", true)])
        .with_note()
        .build();
    let mut run = LessonRun::new(&l);
    assert_eq!(
        run.answer_quiz(&l, ["a"]).unwrap_err(),
        EngineError::ContentNotePending
    );
    run.accept_content_note(&l);
    assert!(run.answer_quiz(&l, ["a"]).unwrap().correct);
}

#[test]
fn quiz_first_answer_counts_and_retries_are_allowed() {
    let l = lesson();
    let mut run = LessonRun::new(&l);
    run.go_to(&l, "q-single").unwrap();

    let first = run.answer_quiz(&l, ["a"]).unwrap();
    assert!(!first.correct);
    assert!(first.first_attempt);
    let per_option: Vec<(&str, bool, bool)> = first
        .options
        .iter()
        .map(|o| (o.id.as_str(), o.selected, o.correct))
        .collect();
    assert_eq!(
        per_option,
        [("a", true, false), ("b", false, true), ("c", false, false)]
    );

    let second = run.answer_quiz(&l, ["b"]).unwrap();
    assert!(second.correct);
    assert!(!second.first_attempt);

    let record = run.record_of(&l, "q-single").unwrap().quiz.clone().unwrap();
    assert_eq!(record.first.selected, ["a".into()]);
    assert!(!record.first.correct);
    assert_eq!(record.last.selected, ["b".into()]);
    assert!(record.last.correct);
    assert_eq!(record.attempts, 2);
    assert_eq!(run.quiz_score(), (0, 1), "the first, wrong answer counts");

    run.go_to(&l, "q-multi").unwrap();
    assert!(!run.answer_quiz(&l, ["x"]).unwrap().correct);
    run.go_to(&l, "q-multi").unwrap();
    assert!(run.answer_quiz(&l, ["z", "x"]).unwrap().correct);
    assert_eq!(run.quiz_score(), (0, 2));
}

#[test]
fn a_correct_multiple_answer_is_exactly_the_correct_set() {
    let l = lesson();
    let mut run = LessonRun::new(&l);
    run.go_to(&l, "q-multi").unwrap();
    let out = run.answer_quiz(&l, ["z", "x"]).unwrap();
    assert!(out.correct && out.first_attempt);
    let mut again = LessonRun::new(&l);
    again.go_to(&l, "q-multi").unwrap();
    assert!(!again.answer_quiz(&l, ["x", "y", "z"]).unwrap().correct);
    assert_eq!(run.quiz_score(), (1, 1));
}

#[test]
fn invalid_quiz_selections_are_refused_and_do_not_count() {
    let l = lesson();
    let mut run = LessonRun::new(&l);
    run.go_to(&l, "q-single").unwrap();
    assert_eq!(
        run.answer_quiz(&l, ["a", "b"]).unwrap_err(),
        EngineError::SelectionCount {
            expected: "exactly one option",
            selected: 2
        }
    );
    assert_eq!(
        run.answer_quiz(&l, []).unwrap_err(),
        EngineError::SelectionCount {
            expected: "exactly one option",
            selected: 0
        }
    );
    assert_eq!(
        run.answer_quiz(&l, ["q"]).unwrap_err(),
        EngineError::UnknownOption { id: "q".into() }
    );
    run.go_to(&l, "q-multi").unwrap();
    assert_eq!(
        run.answer_quiz(&l, ["x", "x"]).unwrap_err(),
        EngineError::DuplicateOption { id: "x".into() }
    );
    assert_eq!(
        run.answer_quiz(&l, []).unwrap_err(),
        EngineError::SelectionCount {
            expected: "at least one option",
            selected: 0
        }
    );
    assert_eq!(run.quiz_score(), (0, 0), "nothing was recorded");

    // The first valid answer is still the first attempt.
    run.go_to(&l, "q-single").unwrap();
    assert!(run.answer_quiz(&l, ["b"]).unwrap().first_attempt);

    run.go_to(&l, "intro").unwrap();
    assert_eq!(
        run.answer_quiz(&l, ["b"]).unwrap_err(),
        EngineError::WrongSceneKind { expected: "quiz" }
    );
}

#[test]
fn glossary_cards_flip_and_move() {
    let l = lesson();
    let mut run = LessonRun::new(&l);
    assert_eq!(
        run.flip_card(&l).unwrap_err(),
        EngineError::WrongSceneKind {
            expected: "glossary"
        }
    );
    assert!(run.card(&l).is_none());
    run.go_to(&l, "words").unwrap();
    let card = run.card(&l).unwrap();
    assert_eq!((card.index, card.total, card.flipped), (0, 3, false));

    assert!(run.flip_card(&l).unwrap());
    assert!(run.card(&l).unwrap().flipped);
    assert!(!run.previous_card(&l).unwrap());
    assert!(run.next_card(&l).unwrap());
    let card = run.card(&l).unwrap();
    assert_eq!(
        (card.index, card.flipped),
        (1, false),
        "a new card shows its front"
    );
    assert!(run.next_card(&l).unwrap());
    assert!(!run.next_card(&l).unwrap(), "no card after the last");
    assert_eq!(run.card(&l).unwrap().index, 2);
    assert!(run.previous_card(&l).unwrap());
    assert_eq!(run.card(&l).unwrap().index, 1);
    assert!(run.flip_card(&l).unwrap());
    assert!(!run.flip_card(&l).unwrap());
}

#[test]
fn reflections_are_kept_per_scene() {
    let l = lesson();
    let mut run = LessonRun::new(&l);
    run.set_reflection(&l, "think", "I will ask about pronouns.".into())
        .unwrap();
    assert_eq!(
        run.reflection(&l, "think"),
        Some("I will ask about pronouns.")
    );
    run.set_reflection(&l, "think", String::new()).unwrap();
    assert_eq!(run.reflection(&l, "think"), None);
    assert_eq!(
        run.set_reflection(&l, "intro", "x".into()).unwrap_err(),
        EngineError::WrongSceneKind {
            expected: "reflection"
        }
    );
    assert_eq!(
        run.set_reflection(&l, "gone", "x".into()).unwrap_err(),
        EngineError::UnknownScene { id: "gone".into() }
    );
}

#[test]
fn checklist_entries_toggle() {
    let l = lesson();
    let mut run = LessonRun::new(&l);
    assert_eq!(
        run.toggle_check(&l, "one").unwrap_err(),
        EngineError::WrongSceneKind {
            expected: "checklist"
        }
    );
    run.go_to(&l, "list").unwrap();
    assert!(run.toggle_check(&l, "three").unwrap());
    assert!(run.toggle_check(&l, "one").unwrap());
    assert!(run.is_checked(&l, "list", "one"));
    assert!(!run.is_checked(&l, "list", "two"));
    let ticked = &run.record_of(&l, "list").unwrap().checked;
    assert_eq!(
        *ticked,
        ["one".into(), "three".into()],
        "in checklist order"
    );
    assert!(!run.toggle_check(&l, "one").unwrap());
    assert!(!run.is_checked(&l, "list", "one"));
    assert_eq!(
        run.toggle_check(&l, "four").unwrap_err(),
        EngineError::UnknownOption { id: "four".into() }
    );
}

fn busy_run(l: &kruispunt::course::checked::Lesson) -> LessonRun {
    let mut run = LessonRun::new(l);
    run.next(l);
    run.skip_scene(l);
    run.answer_quiz(l, ["a"]).unwrap();
    run.answer_quiz(l, ["b"]).unwrap();
    run.next(l);
    run.answer_quiz(l, ["x", "z"]).unwrap();
    run.next(l);
    run.next_card(l).unwrap();
    run.flip_card(l).unwrap();
    run.set_reflection(l, "think", "notes".into()).unwrap();
    run.go_to(l, "list").unwrap();
    run.toggle_check(l, "two").unwrap();
    run.go_to(l, "q-multi").unwrap();
    run
}

#[test]
fn lesson_state_round_trips_through_json() {
    let l = lesson();
    let run = busy_run(&l);
    let json = serde_json::to_string(&run.state(&l)).unwrap();
    let back: LessonState = serde_json::from_str(&json).unwrap();
    let restored = LessonRun::restore(&l, &back);
    assert_eq!(restored, run);
    assert_eq!(restored.state(&l), run.state(&l));
}

#[test]
fn lesson_state_follows_ids_when_the_lesson_is_reordered_or_trimmed() {
    let l = lesson();
    let state = busy_run(&l).state(&l);

    // The quizzes swap places, one option and one checklist entry go, a scene goes.
    let changed = LessonBuilder::new("basics")
        .text("intro")
        .quiz("q-multi", true, [("z", true), ("x", true)])
        .quiz("q-single", false, [("b", true), ("c", false)])
        .glossary("words", 3)
        .reflection("think")
        .checklist("list", ["one", "three"])
        .build();
    let run = LessonRun::restore(&changed, &state);
    assert_eq!(run.current(&changed).unwrap().id.as_str(), "q-multi");
    let single = run
        .record_of(&changed, "q-single")
        .unwrap()
        .quiz
        .clone()
        .unwrap();
    assert!(single.first.selected.is_empty(), "option `a` is gone");
    assert!(
        !single.first.correct,
        "the recorded first answer still counts"
    );
    assert_eq!(single.last.selected, ["b".into()]);
    let multi = run
        .record_of(&changed, "q-multi")
        .unwrap()
        .quiz
        .clone()
        .unwrap();
    assert_eq!(multi.first.selected, ["x".into(), "z".into()]);
    assert_eq!(run.reflection(&changed, "think"), Some("notes"));
    assert!(run.record_of(&changed, "list").unwrap().checked.is_empty());
    let card = run.record_of(&changed, "words").unwrap();
    assert_eq!((card.card, card.card_flipped), (1, true));
    assert_eq!(run.quiz_score(), (1, 2));

    // A state whose current scene is gone starts at the first scene.
    let mut lost = state.clone();
    lost.current = Some("nowhere".into());
    assert_eq!(LessonRun::restore(&l, &lost).position().index, 0);

    // Another lesson's state gives a fresh run.
    let mut other = state;
    other.lesson = "other".into();
    assert_eq!(LessonRun::restore(&l, &other), LessonRun::new(&l));
}
