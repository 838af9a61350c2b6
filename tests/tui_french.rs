//! The built-in course in French (issue 21): a lesson, a conversation and an ending as a
//! French-speaking trainee sees them, with not a word of Dutch but names, and no notice of
//! untranslated text. These snapshots follow the built-in course: update them when its
//! French text changes on purpose.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tui_support;

use insta::assert_snapshot;
use kruispunt::course::ids::ItemId;
use kruispunt::i18n::UiLocale;
use kruispunt::progress::{CourseStamp, Progress, Timestamp};
use kruispunt::tui::App;
use kruispunt::tui::screens::{Screen, lesson, scenario};
use tui_support::{press, screen};

/// The app over the built-in course, in French, with fresh progress.
fn french() -> App {
    let course = kruispunt::course::load_builtin().expect("the built-in course loads");
    let progress = Progress::new(CourseStamp::of(&course), Timestamp(1_764_000_000));
    tui_support::app_over(course, UiLocale::Fr, progress)
}

/// A French screen: every course text in French, so the header names no other language.
fn french_screen(app: &mut App, width: u16, height: u16) -> String {
    let shown = screen(app, width, height);
    let header = shown.lines().next().unwrap_or_default();
    assert!(header.ends_with("FR"), "{shown}");
    for dutch in ["[nl]", "[en]", "Vertrouwen", "Volgende"] {
        assert!(!shown.contains(dutch), "{dutch}: {shown}");
    }
    shown
}

#[test]
fn a_french_lesson() {
    let mut app = french();
    let id = ItemId::from("welkom-op-het-kruispunt");
    app.screen = Screen::Lesson(lesson::State::open(&mut app.ctx, &id));
    assert_snapshot!("fr_lesson_80x24", french_screen(&mut app, 80, 24));
}

#[test]
fn a_french_conversation_and_its_ending() {
    let mut app = french();
    let id = ItemId::from("opvang-kamerwissel");
    app.screen = Screen::Scenario(scenario::State::open(&mut app.ctx, &id));
    assert_snapshot!("fr_scenario_intro_80x24", french_screen(&mut app, 80, 24));
    press(&mut app, "⏎");
    assert_snapshot!("fr_conversation_100x30", french_screen(&mut app, 100, 30));
    // The first answer shown, each time, until the conversation ends.
    for _ in 0..40 {
        match &app.screen {
            Screen::Scenario(state) if state.view == scenario::View::Ending => break,
            Screen::Scenario(_) => press(&mut app, "1"),
            other => panic!("left the scenario: {other:?}"),
        }
    }
    let Screen::Scenario(state) = &app.screen else {
        panic!("not on the scenario screen");
    };
    assert_eq!(state.view, scenario::View::Ending);
    assert_snapshot!("fr_ending_100x30", french_screen(&mut app, 100, 30));
}
