//! The key maps, over real states: every screen of the test course (every lesson scene
//! kind, a quiz before and after answering and after its answer was shown, a content note,
//! the reflection editor, the scenario's introduction, conversation panes, ending, rewind
//! list, branch map and compare, home, settings, the jump menu), as a trainee and on the
//! facilitator stage. In each state no key is bound twice: not within the screen's table,
//! not between the stage's own keys and the trainee screen inside it, and not by a screen
//! and the keys that work everywhere (? q L G T Ctrl-C). Every listed key is named in its
//! label, and every help message exists in every language.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tui_support;

use kruispunt::course::checked::{Item, SceneBody};
use kruispunt::course::ids::ItemId;
use kruispunt::i18n::{MsgArgs, UiLocale};
use kruispunt::tui::App;
use kruispunt::tui::keymap::{self, clashes};
use kruispunt::tui::screens::{Screen, facilitator, lesson, scenario};
use std::time::Instant;
use tui_support::{app, facilitator_app, press, screen};

/// What the walk found wrong, and where it looked.
#[derive(Default)]
struct Walk {
    problems: Vec<String>,
    places: Vec<String>,
}

impl Walk {
    /// Checks the key map of the screen shown; `place` says where that is.
    fn check(&mut self, app: &mut App, place: &str) {
        // Drawn first, as the learner would see it (the layout decides some keys).
        let _ = screen(app, 80, 24);
        let ctx = &app.ctx;
        let mut problem = |what: String| self.problems.push(format!("{place}: {what}"));
        let all = app.screen.bindings(ctx);
        for clash in clashes(&all) {
            problem(format!(
                "{:?} is bound to {} and to {}",
                clash.key, clash.first, clash.second
            ));
        }
        if let Screen::Stage(stage) = &app.screen {
            // The same clashes, said from both sides: the stage's own and the inner's.
            let own = facilitator::stage_bindings(ctx, stage);
            let inner = stage.inner.bindings(ctx);
            for clash in clashes(&own).into_iter().chain(clashes(&inner)) {
                problem(format!("within one table: {clash:?}"));
            }
        }
        for global in keymap::global().bindings() {
            for key in global.keys {
                if let Some(bound) = all.iter().find(|b| b.keys.contains(key)) {
                    problem(format!(
                        "{key:?} works everywhere ({:?}) but the screen binds it to {}",
                        global.command, bound.command
                    ));
                }
            }
        }
        for binding in &all {
            if !binding.names_its_keys() {
                problem(format!(
                    "the label {:?} does not name all of {:?}",
                    binding.label, binding.keys
                ));
            }
            if let Some(id) = binding.help {
                for locale in UiLocale::ALL {
                    if ctx.i18n().msg_in(id, locale, &MsgArgs::new()).is_err() {
                        problem(format!("no message {id} in {locale:?}"));
                    }
                }
            }
        }
        if app.screen.keys(ctx).is_empty() {
            problem("no key listed".to_owned());
        }
        self.places.push(place.to_owned());
    }

    /// Fails with every problem found.
    fn assert_clean(&self) {
        assert!(
            self.problems.is_empty(),
            "{} problems in {} states:\n{}",
            self.problems.len(),
            self.places.len(),
            self.problems.join("\n")
        );
    }

    fn visited(&self, part: &str) -> bool {
        self.places.iter().any(|p| p.contains(part))
    }
}

/// The trainee screen: the one shown, or the one on the stage.
fn trainee(app: &App) -> &Screen {
    match &app.screen {
        Screen::Stage(stage) => &stage.inner,
        other => other,
    }
}

/// Walks the lesson shown, scene by scene, to its end.
fn walk_lesson(app: &mut App, walk: &mut Walk, name: &str) {
    for _ in 0..80 {
        let Screen::Lesson(state) = trainee(app) else {
            panic!("{name}: not on a lesson");
        };
        if state.is_done() {
            walk.check(app, &format!("{name}: lesson done"));
            return;
        }
        let (lesson, run) = app.ctx.session.lesson().expect("a lesson is open");
        let scene = run.current(lesson).expect("a scene");
        let here = format!("{name}: scene {}", scene.id);
        if run.content_note_pending(lesson) {
            walk.check(app, &format!("{here}, content note"));
            press(app, "⏎");
            continue;
        }
        let body = scene.body.clone();
        walk.check(app, &here);
        match body {
            SceneBody::Glossary(_) => {
                press(app, " ");
                walk.check(app, &format!("{here}, glossary card turned"));
            }
            SceneBody::Quiz(_) => {
                press(app, "1⏎");
                walk.check(app, &format!("{here}, quiz answered"));
                press(app, "r");
                walk.check(app, &format!("{here}, quiz tried again"));
                press(app, "a");
                walk.check(app, &format!("{here}, quiz answer shown"));
                press(app, "r");
                walk.check(app, &format!("{here}, quiz after the answer was shown"));
            }
            // Presented to a group, a reflection has no editor: Enter goes on.
            SceneBody::Reflection(_) if app.ctx.facilitator.is_none() => {
                press(app, "⏎");
                if app.editing() {
                    walk.check(app, &format!("{here}, reflection editor"));
                    press(app, "⎋");
                }
            }
            SceneBody::Checklist(_) => {
                press(app, " ");
                walk.check(app, &format!("{here}, checklist ticked"));
            }
            _ => {}
        }
        press(app, "→");
    }
    panic!("{name}: the lesson did not end");
}

/// The scenario's view shown.
fn view(app: &App) -> scenario::View {
    match trainee(app) {
        Screen::Scenario(state) => state.view.clone(),
        _ => panic!("not on a scenario"),
    }
}

/// Plays the scenario shown to an ending, pressing `answer` at every decision point.
fn play(app: &mut App, walk: &mut Walk, name: &str, answer: &str) {
    for step in 0..40 {
        if view(app) == scenario::View::Ending {
            return;
        }
        walk.check(app, &format!("{name}: decision {step}"));
        press(app, answer);
    }
    panic!("{name}: no ending");
}

/// Walks the scenario shown: introduction, the conversation's panes, two endings, the
/// rewind list, the map and compare.
fn walk_scenario(app: &mut App, walk: &mut Walk, name: &str, answer: &str, other: &str) {
    assert_eq!(view(app), scenario::View::Intro, "{name}");
    walk.check(app, &format!("{name}: introduction"));
    press(app, "⏎");
    walk.check(app, &format!("{name}: conversation, answers focused"));
    if matches!(app.screen, Screen::Stage(_)) {
        press(app, "1v");
        walk.check(app, &format!("{name}: vote revealed"));
        press(app, "x");
        walk.check(app, &format!("{name}: vote removal armed"));
        press(app, "x");
    }
    for pane in ["second pane", "third pane"] {
        press(app, "⇥");
        walk.check(app, &format!("{name}: conversation, {pane} focused"));
    }
    press(app, "⇥");
    play(app, walk, name, answer);
    walk.check(app, &format!("{name}: ending"));
    for (key, what) in [("w", "rewind list"), ("m", "branch map")] {
        press(app, key);
        walk.check(app, &format!("{name}: {what}"));
        press(app, "⎋");
    }
    press(app, "r");
    play(app, walk, name, other);
    press(app, "c");
    walk.check(app, &format!("{name}: compare"));
    press(app, "⎋");
}

#[test]
fn no_key_is_bound_twice_anywhere_a_trainee_goes() {
    let mut walk = Walk::default();
    let mut app = app(UiLocale::En);
    walk.check(&mut app, "home");
    press(&mut app, "s");
    assert!(matches!(app.screen, Screen::Settings(_)));
    walk.check(&mut app, "settings");
    press(&mut app, "⎋");
    let items: Vec<(ItemId, bool)> = app
        .ctx
        .course()
        .items_in_order()
        .map(|(_, item)| (item.id().clone(), matches!(item, Item::Lesson(_))))
        .collect();
    for (id, is_lesson) in &items {
        if *is_lesson {
            app.screen = Screen::Lesson(lesson::State::open(&mut app.ctx, id));
            walk_lesson(&mut app, &mut walk, id.as_str());
        } else {
            app.screen = Screen::Scenario(scenario::State::open(&mut app.ctx, id));
            walk_scenario(&mut app, &mut walk, id.as_str(), "1", "↓⏎");
        }
        app.screen.before_leaving(&mut app.ctx);
    }
    let missing = ItemId::from("no-such-item");
    app.screen = Screen::Lesson(lesson::State::open(&mut app.ctx, &missing));
    walk.check(&mut app, "a missing lesson");
    app.screen = Screen::Scenario(scenario::State::open(&mut app.ctx, &missing));
    walk.check(&mut app, "a missing scenario");
    walk.assert_clean();
    for part in [
        "content note",
        "glossary card turned",
        "quiz answered",
        "quiz answer shown",
        "reflection editor",
        "checklist ticked",
        "lesson done",
        "introduction",
        "third pane focused",
        "ending",
        "rewind list",
        "branch map",
        "compare",
    ] {
        assert!(walk.visited(part), "{part} not visited: {:?}", walk.places);
    }
}

#[test]
fn no_key_is_bound_twice_on_the_facilitator_stage() {
    let mut walk = Walk::default();
    let mut app = facilitator_app(UiLocale::En, Instant::now());
    walk.check(&mut app, "jump menu");
    press(&mut app, "→");
    walk.check(&mut app, "jump menu, an item unfolded");
    let items: Vec<ItemId> = app
        .ctx
        .course()
        .items_in_order()
        .map(|(_, item)| item.id().clone())
        .collect();
    for id in &items {
        app.screen = facilitator::open_item(&mut app.ctx, id).expect("the item opens");
        let name = format!("stage {id}");
        walk.check(&mut app, &format!("{name}: opened"));
        press(&mut app, "e");
        assert!(app.editing(), "the note editor");
        walk.check(&mut app, &format!("{name}: note editor"));
        press(&mut app, "⎋");
        if matches!(trainee(&app), Screen::Lesson(_)) {
            walk_lesson(&mut app, &mut walk, &name);
        } else {
            walk_scenario(&mut app, &mut walk, &name, "⏎", "↓⏎");
        }
        press(&mut app, "g");
        assert!(
            matches!(app.screen, Screen::Jump(_)),
            "{name}: back to the jump menu"
        );
    }
    walk.assert_clean();
    for part in [
        "glossary card turned",
        "quiz answered",
        "vote revealed",
        "decision 0",
        "ending",
        "compare",
    ] {
        assert!(walk.visited(part), "{part} not visited: {:?}", walk.places);
    }
}
