//! The whole trainee journey through the app with key events only, as the TUI issue asks:
//! from home through a lesson with a quiz, into a scenario, to an ending, rewind one
//! decision and reach another ending; asserting on what is on screen at each step.
//!
//! The fixture course (`tests/fixtures/tui-course`): module 2 is the lesson `de-letters`
//! (text, a 12-card glossary, a single-answer quiz whose first option is right, ...);
//! module 3 is the scenario whose road of first written answers ends well and whose third
//! written answer at the last decision ends mixed (answers are shown shuffled: see
//! [`key_for`]).

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod session_support;
mod tui_support;

use kruispunt::i18n::UiLocale;
use kruispunt::progress::{EndingOutcome, ItemStatus};
use kruispunt::tui::App;
use kruispunt::tui::screens::Screen;
use tui_support::{app, press, screen};

/// The key for the offered choice at position `written` (as written) of the current
/// decision point: choices are shown in an order shuffled per attempt.
fn key_for(app: &App, written: usize) -> String {
    let Screen::Scenario(state) = &app.screen else {
        panic!("not on the scenario screen");
    };
    let scenario = &app.ctx.course().scenarios[&state.scenario];
    let run = state.run(&app.ctx).expect("a run");
    let shown = run
        .offered_in_order(scenario)
        .into_iter()
        .position(|i| i == written)
        .expect("offered");
    (shown + 1).to_string()
}

#[test]
fn home_lesson_quiz_scenario_ending_rewind_other_ending() {
    let mut app = app(UiLocale::En);
    let home = screen(&mut app, 80, 24);
    assert!(
        home.contains("Overview") && home.contains("The letters LGBTQIA+"),
        "{home}"
    );

    // Home: the entries are "start", lesson 1, lesson 2, the scenario, settings.
    press(&mut app, "jj⏎");
    assert!(matches!(app.screen, Screen::Lesson(_)));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Scene 1 of 6"), "{shown}");

    // Past the text scene and the glossary (one key, whatever its twelve cards) to the quiz.
    press(&mut app, "l");
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Scene 2 of 6") && shown.contains("Card 1 of 12"),
        "{shown}"
    );
    press(&mut app, "l");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Scene 3 of 6"), "{shown}");

    // A wrong answer first: it is what counts, even after a right second try.
    press(&mut app, "2⏎");
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("not correct") || shown.contains("Not correct"),
        "{shown}"
    );
    press(&mut app, "r1⏎");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("first answer"), "{shown}");
    let lesson = &app.ctx.progress().items["de-letters"];
    let quiz = lesson.lesson.scenes["quiz-trans"].quiz.as_ref().unwrap();
    assert!(!quiz.first_correct);
    assert_eq!(quiz.attempts, 2);

    // Back home, into the practice conversation.
    press(&mut app, "⎋");
    assert!(matches!(app.screen, Screen::Home(_)));
    // The cursor stays on the lesson just left; the conversation is the next entry.
    press(&mut app, "j⏎");
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Content note") || shown.contains("content note"),
        "{shown}"
    );
    press(&mut app, "⏎");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Your answer"), "{shown}");

    // The good road (the first answer written at each point), then one decision back and
    // the third answer written there: a mixed ending.
    for _ in 0..5 {
        let key = key_for(&app, 0);
        press(&mut app, &key);
    }
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Ending: good"), "{shown}");
    press(&mut app, "b");
    let key = key_for(&app, 2);
    press(&mut app, &key);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Ending: mixed"), "{shown}");

    let scenario = &app.ctx.progress().items["opvang-kamerwissel"];
    assert_eq!(scenario.status, ItemStatus::Completed);
    let outcomes: Vec<_> = scenario
        .attempts
        .iter()
        .map(|a| a.ending.as_ref().map(|e| e.outcome))
        .collect();
    assert_eq!(
        outcomes,
        [Some(EndingOutcome::Good), Some(EndingOutcome::Mixed)]
    );

    // Home shows the work done.
    press(&mut app, "⎋");
    let home = screen(&mut app, 80, 24);
    assert!(home.contains("✓ Practice conversation"), "{home}");
}

#[test]
fn continue_offers_a_replay_left_halfway() {
    use kruispunt::course::ids::ItemId;
    use kruispunt::session::Command;
    let mut app = app(UiLocale::En);
    let scenario = ItemId::from("opvang-kamerwissel");
    app.ctx
        .session
        .apply(Command::Open(scenario.clone()))
        .expect("opens");
    session_support::play(&mut app.ctx.session, 100);
    assert_eq!(
        app.ctx.progress().items[&scenario].status,
        ItemStatus::Completed
    );
    app.ctx.session.apply(Command::Replay).expect("replays");
    session_support::play(&mut app.ctx.session, 1);
    app.ctx.session.apply(Command::Close).expect("closes");
    assert_eq!(
        kruispunt::tui::screens::home::continue_item(&app.ctx),
        Some(scenario.clone()),
        "the conversation left halfway is where to continue"
    );
    // On the overview, "continue" opens that conversation at the point it was left.
    app.screen = Screen::Home(kruispunt::tui::screens::home::State::new(&app.ctx));
    press(&mut app, "c");
    let Screen::Scenario(state) = &app.screen else {
        panic!("continue opened {:?}", app.screen);
    };
    assert_eq!(state.run(&app.ctx).map(|r| r.decisions().len()), Some(1));
}
