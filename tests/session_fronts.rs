//! The TUI and plain mode are two views of one session core: the same steps, taken with
//! keys in the TUI and with lines in plain mode, cause the same events in the same order
//! and leave the same progress.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod session_support;
mod tui_support;

use kruispunt::course::checked::{SceneBody, Step};
use kruispunt::course::ids::ItemId;
use kruispunt::i18n::{Localizer, UiLocale};
use kruispunt::progress::{CourseStamp, Progress, Timestamp};
use kruispunt::session::{EventKind, Session};
use kruispunt::tui::App;
use kruispunt::tui::screens::{Screen, home};
use session_support::{Ear, timeless};
use std::sync::Arc;
use tui_support::press;

const LETTERS: &str = "de-letters";
const SCENARIO: &str = "opvang-kamerwissel";

/// The same walk, as keys for the TUI and lines for plain mode.
struct Walk {
    tui: App,
    lines: String,
}

impl Walk {
    /// A step: these keys in the TUI, this line in plain mode.
    fn step(&mut self, keys: &str, line: &str) {
        press(&mut self.tui, keys);
        self.lines.push_str(line);
        self.lines.push('\n');
    }

    /// Back on the overview with the cursor on its first entry (where the cursor goes
    /// after leaving an item is the overview's business, not the session's).
    fn overview(&mut self) {
        self.tui.screen = Screen::Home(home::State::new(&self.tui.ctx));
    }

    /// The number shown for quiz option `id` (both front ends show the session's order).
    fn option_number(&self, id: &str) -> String {
        let (lesson, run) = self.tui.ctx.session.lesson().unwrap();
        let Some(SceneBody::Quiz(quiz)) = run.current(lesson).map(|s| &s.body) else {
            panic!("no quiz shown");
        };
        let index = quiz
            .options
            .iter()
            .position(|o| o.id.as_str() == id)
            .unwrap();
        let shown = run
            .quiz_order(lesson)
            .iter()
            .position(|&i| i == index)
            .unwrap();
        (shown + 1).to_string()
    }

    /// The number shown for choice `id` at the decision point shown.
    fn choice_number(&self, id: &str) -> String {
        let (scenario, run) = self.tui.ctx.session.scenario().unwrap();
        let Step::Choices(choices) = &scenario.node(run.current()).step else {
            panic!("no decision point");
        };
        let index = choices.iter().position(|c| c.id.as_str() == id).unwrap();
        let shown = run
            .offered_in_order(scenario)
            .iter()
            .position(|&i| i == index)
            .unwrap();
        (shown + 1).to_string()
    }

    fn choose(&mut self, id: &str) {
        let n = self.choice_number(id);
        self.step(&n, &n);
    }
}

#[test]
fn keys_in_the_tui_and_lines_in_plain_mode_make_the_same_session() {
    let course = Arc::new(tui_support::course());
    let tui_ear = Ear::default();
    let mut tui = tui_support::app(UiLocale::En);
    tui.ctx.session.subscribe(Box::new(tui_ear.clone()));
    let mut walk = Walk {
        tui,
        lines: String::new(),
    };

    // A lesson: to the quiz, a wrong answer, the answer shown, on, and back home.
    walk.step("jj⏎", "2");
    walk.step("→", "");
    walk.step("→", "");
    let wrong = walk.option_number("transseksueel");
    walk.step(&format!("{wrong}⏎"), &wrong);
    walk.step("a", "a");
    walk.step("→", "");
    walk.step("←", "p");
    walk.step("⎋", "home");
    // The conversation: a choice, back before it, another road to an ending, once more.
    walk.overview();
    walk.step("jjj⏎", "3");
    walk.step("⏎", "");
    walk.choose("naar-kantoor");
    walk.step("b", "w\n1");
    walk.step("", "v");
    walk.choose("waarom-hier");
    walk.choose("omar-laten-tolken");
    walk.choose("douches-noteren");
    walk.step("r", "r");
    walk.choose("formulier");
    walk.step("⎋", "home");
    walk.step("q", "q");

    // The same steps through plain mode, on a session of its own.
    let mut i18n = Localizer::new(UiLocale::En);
    i18n.set_course_default(course.default_locale.clone());
    let progress = Progress::new(CourseStamp::of(&course), Timestamp(1_764_000_000));
    let mut session = Session::new(Arc::clone(&course), progress, i18n);
    let plain_ear = Ear::default();
    session.subscribe(Box::new(plain_ear.clone()));
    let mut out = Vec::new();
    let session =
        kruispunt::plain::run_session(session, &[], None, walk.lines.as_bytes(), &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();

    let tui_heard = tui_ear.heard();
    let plain_heard = plain_ear.heard();
    assert!(
        tui_heard
            .iter()
            .any(|(_, _, k)| matches!(k, EventKind::Ended { .. }))
            && tui_heard.iter().any(|(_, _, k)| *k == EventKind::Restarted)
            && tui_heard
                .iter()
                .any(|(_, _, k)| matches!(k, EventKind::Revealed { .. })),
        "the walk reached an ending, a replay and a revealed answer: {tui_heard:#?}"
    );
    assert_eq!(tui_heard, plain_heard, "plain mode said:\n{out}");
    assert_eq!(
        timeless(walk.tui.ctx.progress()),
        timeless(session.progress()),
        "plain mode said:\n{out}"
    );
    assert!(
        walk.tui
            .ctx
            .progress()
            .items
            .contains_key(&ItemId::from(LETTERS))
            && walk.tui.ctx.progress().items[&ItemId::from(SCENARIO)]
                .attempts
                .len()
                == 3
    );
}
