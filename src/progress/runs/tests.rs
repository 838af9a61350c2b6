use super::*;
use crate::course::ids::{CourseId, SceneId};
use crate::course::model::Outcome;
use crate::engine::testkit::{LessonBuilder, ScenarioBuilder, choice};
use crate::progress::{CourseStamp, EndingOutcome};

fn progress() -> Progress {
    Progress::new(
        CourseStamp {
            id: CourseId::from("c"),
            version: "1".into(),
        },
        Timestamp(1),
    )
}

fn scenario() -> Scenario {
    ScenarioBuilder::new("talk")
        .var("trust", 0, 100, 50)
        .choices(
            "a",
            [
                choice("open", "b").effect("trust", 10),
                choice("closed", "bad"),
            ],
        )
        .choices("b", [choice("listen", "good"), choice("rush", "bad")])
        .ending("good", Outcome::Good)
        .ending("bad", Outcome::Poor)
        .build()
}

#[test]
fn an_open_attempt_grows_by_its_new_choice_and_is_rewritten_when_it_diverged() {
    let s = scenario();
    let mut p = progress();
    let mut run = ScenarioRun::new(&s).unwrap();
    let ids = |p: &Progress| -> Vec<String> {
        p.items[&s.id].attempts[0]
            .choices
            .iter()
            .map(|c| format!("{}/{}", c.node, c.choice))
            .collect()
    };
    run.choose(&s, "open").unwrap();
    record_scenario(&mut p, &s, &run, Timestamp(2));
    assert_eq!(ids(&p), ["a/open"]);
    // Something else in the file than the run holds: written whole again.
    p.items.get_mut(&s.id).unwrap().attempts[0].choices[0].choice = "closed".into();
    run.choose(&s, "listen").unwrap();
    record_scenario(&mut p, &s, &run, Timestamp(3));
    assert_eq!(ids(&p), ["a/open", "b/listen"]);
    assert_eq!(
        p.items[&s.id].attempts[0].variables.get("trust").copied(),
        Some(60)
    );
}

#[test]
fn a_scenario_resumes_at_the_same_node_with_the_same_variables() {
    let s = scenario();
    let mut p = progress();
    let (mut run, how) = resume_scenario(&p, &s).unwrap();
    assert_eq!(how, Resumed::Fresh);
    run.choose(&s, "open").unwrap();
    record_scenario(&mut p, &s, &run, Timestamp(2));

    let (again, how) = resume_scenario(&p, &s).unwrap();
    assert_eq!(how, Resumed::Continued);
    assert_eq!(again, run);
    let attempt = &p.items[&s.id].attempts[0];
    assert_eq!(attempt.current_node.as_str(), "b");
    assert_eq!(
        attempt.variables.values().copied().collect::<Vec<_>>(),
        [60]
    );
    assert_eq!(p.items[&s.id].status, ItemStatus::InProgress);
}

#[test]
fn an_ending_closes_the_attempt_and_the_next_run_is_fresh() {
    let s = scenario();
    let mut p = progress();
    let mut run = ScenarioRun::new(&s).unwrap();
    run.choose(&s, "open").unwrap();
    run.choose(&s, "listen").unwrap();
    record_scenario(&mut p, &s, &run, Timestamp(3));
    let item = &p.items[&s.id];
    assert_eq!(item.status, ItemStatus::Completed);
    let ending = item.attempts[0].ending.as_ref().unwrap();
    assert_eq!(ending.outcome, EndingOutcome::Good);
    assert_eq!(item.attempts[0].finished_at, Some(Timestamp(3)));
    assert_eq!(resume_scenario(&p, &s).unwrap().1, Resumed::Fresh);
}

#[test]
fn rewinding_keeps_the_old_attempt_and_starts_a_new_one() {
    let s = scenario();
    let mut p = progress();
    let mut run = ScenarioRun::new(&s).unwrap();
    run.choose(&s, "open").unwrap();
    run.choose(&s, "rush").unwrap();
    record_scenario(&mut p, &s, &run, Timestamp(2));
    run.rewind_to(&s, 1).unwrap();
    begin_attempt(&mut p, &s, &run, Timestamp(3));
    run.choose(&s, "listen").unwrap();
    record_scenario(&mut p, &s, &run, Timestamp(4));

    let attempts = &p.items[&s.id].attempts;
    assert_eq!(attempts.len(), 2);
    assert_eq!(
        attempts[0].ending.as_ref().unwrap().outcome,
        EndingOutcome::Poor
    );
    assert_eq!(
        attempts[1].ending.as_ref().unwrap().outcome,
        EndingOutcome::Good
    );
    let taken: Vec<&str> = attempts[1]
        .choices
        .iter()
        .map(|c| c.choice.as_str())
        .collect();
    assert_eq!(taken, ["open", "listen"]);
}

#[test]
fn an_attempt_that_no_longer_fits_the_course_falls_back_to_the_start() {
    let s = scenario();
    let mut p = progress();
    let mut run = ScenarioRun::new(&s).unwrap();
    run.choose(&s, "open").unwrap();
    record_scenario(&mut p, &s, &run, Timestamp(2));
    let changed = ScenarioBuilder::new("talk")
        .var("trust", 0, 100, 50)
        .choices("a", [choice("other", "good"), choice("closed", "good")])
        .ending("good", Outcome::Good)
        .build();
    let (run, how) = resume_scenario(&p, &changed).unwrap();
    assert_eq!(how, Resumed::FellBack);
    assert!(run.decisions().is_empty());
    // The old attempt is still in the file.
    assert_eq!(p.items[&s.id].attempts[0].choices.len(), 1);
}

#[test]
fn a_lesson_resumes_with_scene_quiz_checklist_and_reflection() {
    let lesson = LessonBuilder::new("les")
        .text("intro")
        .quiz("q", false, [("a", true), ("b", false)])
        .reflection("r")
        .checklist("c", ["x", "y"])
        .build();
    let mut p = progress();
    let mut run = LessonRun::new(&lesson);
    run.next(&lesson);
    run.answer_quiz(&lesson, ["b"]).unwrap();
    run.answer_quiz(&lesson, ["a"]).unwrap();
    run.next(&lesson);
    run.set_reflection(&lesson, "r", "Mijn gedachte".into())
        .unwrap();
    run.next(&lesson);
    run.toggle_check(&lesson, "y").unwrap();
    record_lesson(&mut p, &lesson, &run, Timestamp(5));

    let again = resume_lesson(&p, &lesson);
    assert_eq!(again.position().index, 3);
    assert_eq!(again.reflection(&lesson, "r"), Some("Mijn gedachte"));
    assert!(again.is_checked(&lesson, "c", "y"));
    assert!(!again.is_checked(&lesson, "c", "x"));
    let quiz = again
        .record_of(&lesson, "q")
        .unwrap()
        .quiz
        .as_ref()
        .unwrap();
    assert!(!quiz.first.correct, "the first answer is what counts");
    assert_eq!(quiz.attempts, 2);
    let saved = &p.items[&lesson.id];
    assert_eq!(saved.reflections[&SceneId::from("r")].text, "Mijn gedachte");
    assert_eq!(
        p.last_position.as_ref().unwrap().at,
        Some(Place::Scene(SceneId::from("c")))
    );
}
