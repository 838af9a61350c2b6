//! Plain mode is a view of the session core: a script typed into plain mode causes the
//! same events, in the same order, and leaves the same progress as the same commands
//! applied to a session directly.
//!
//! The script and the commands are written together ([`Both`]): each line typed is paired
//! with the command it should become, and the numbers typed (quiz options, answers in a
//! conversation, both shown shuffled) are read from the direct session's state, as plain
//! mode reads them from its own.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod session_support;

use kruispunt::course::ids::{ChoiceId, ItemId, Locale};
use kruispunt::course::{Course, load_dir};
use kruispunt::i18n::{Localizer, UiLocale};
use kruispunt::plain::{self, PlainError};
use kruispunt::progress::{CourseStamp, Progress, ProgressError, Timestamp};
use kruispunt::session::{Clock, Command, EventKind, ProgressStore, Session};
use session_support::{Ear, play, timeless};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

const LETTERS: &str = "de-letters";
const WELCOME: &str = "welkom-op-het-kruispunt";
const SCENARIO: &str = "opvang-kamerwissel";

fn course() -> Arc<Course> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    Arc::new(load_dir(&dir).expect("the test course loads"))
}

/// A session over the test course, in English, with no progress yet and an ear.
fn session(course: Arc<Course>) -> (Session, Ear) {
    let progress = Progress::new(CourseStamp::of(&course), Timestamp(1));
    let mut i18n = Localizer::new(UiLocale::En);
    i18n.set_course_default(course.default_locale.clone());
    let mut session = Session::new(course, progress, i18n);
    session.set_clock(Clock {
        instant: Instant::now(),
        wall: Timestamp(2),
    });
    let ear = Ear::default();
    session.subscribe(Box::new(ear.clone()));
    (session, ear)
}

/// A plain-mode script and a session that receives the same steps as commands.
struct Both {
    direct: Session,
    script: String,
}

impl Both {
    /// A line typed that does nothing in the session (a prompt answered with "start", a
    /// menu opened).
    fn say(&mut self, line: &str) {
        self.script.push_str(line);
        self.script.push('\n');
    }

    /// A line typed that plain mode turns into `command`.
    fn does(&mut self, line: &str, command: Command) {
        self.say(line);
        self.direct
            .apply(command)
            .expect("the direct session takes the command");
    }

    /// Answers the quiz shown with these options, typed as the numbers plain mode shows.
    fn answer(&mut self, ids: &[&str]) {
        let (lesson, run) = self.direct.lesson().expect("a lesson is open");
        let order = run.quiz_order(lesson);
        let Some(kruispunt::course::checked::SceneBody::Quiz(quiz)) =
            run.current(lesson).map(|s| &s.body)
        else {
            panic!("no quiz shown");
        };
        let numbers: Vec<String> = ids
            .iter()
            .map(|id| {
                let index = quiz
                    .options
                    .iter()
                    .position(|o| o.id.as_str() == *id)
                    .expect("the option");
                let shown = order.iter().position(|&i| i == index).expect("shown");
                (shown + 1).to_string()
            })
            .collect();
        let ids = ids.iter().map(|id| (*id).to_owned()).collect();
        self.does(&numbers.join(" "), Command::Answer(ids));
    }

    /// Takes this choice at the decision point shown, typed as the number plain mode shows.
    fn choose(&mut self, id: &str) {
        let (scenario, run) = self.direct.scenario().expect("a scenario is open");
        let kruispunt::course::checked::Step::Choices(choices) = &scenario.node(run.current()).step
        else {
            panic!("no decision point");
        };
        let index = choices
            .iter()
            .position(|c| c.id.as_str() == id)
            .expect("the choice");
        let shown = run
            .offered_in_order(scenario)
            .iter()
            .position(|&i| i == index)
            .expect("offered");
        self.does(
            &(shown + 1).to_string(),
            Command::Choose {
                choice: ChoiceId::from(id),
                tally: None,
            },
        );
    }
}

/// Every step plain mode has: both lessons (content note skipped, a quiz answered wrong and
/// shown on request, another right, back a scene, a reflection, ticks), the language and
/// the gloss changed, a conversation with a rewind, an ending and a replay.
fn walk(direct: Session) -> Both {
    let mut both = Both {
        direct,
        script: String::new(),
    };
    let item = |id: &str| ItemId::from(id);
    // The letters lesson.
    both.does("2", Command::Open(item(LETTERS)));
    both.does("", Command::NextScene);
    both.does("", Command::NextScene);
    both.answer(&["transseksueel"]);
    both.does("a", Command::RevealAnswer);
    both.does("", Command::NextScene);
    both.answer(&["man-of-vrouw", "lichaam"]);
    both.does("", Command::NextScene);
    both.does("p", Command::PreviousScene);
    both.does("n", Command::NextScene);
    both.does("", Command::NextScene);
    both.does("", Command::NextScene);
    both.does("", Command::Close);
    // The language, then the gloss in Dutch from the settings.
    both.does("lang fr", Command::SetLocale(UiLocale::Fr));
    both.say("s");
    both.does(
        &(UiLocale::ALL.len() + 1).to_string(),
        Command::SetGloss(Some(Locale::from("nl"))),
    );
    both.say("");
    // The welcome lesson: the testimony skipped at its content note.
    both.does("1", Command::Open(item(WELCOME)));
    both.does("", Command::NextScene);
    both.does("", Command::NextScene);
    both.does("2", Command::SkipScene);
    both.say("My first thought.");
    both.does(
        "Then a second one.",
        Command::Reflect {
            text: "My first thought.\nThen a second one.".into(),
            typing: false,
        },
    );
    both.say("");
    both.does("", Command::NextScene);
    both.say("1 3");
    both.direct
        .apply(Command::Tick("affiches".into()))
        .expect("ticked");
    both.direct
        .apply(Command::Tick("vertrouwenspersonen".into()))
        .expect("ticked");
    both.does("", Command::NextScene);
    both.does("home", Command::Close);
    // The conversation: a choice, back before it, another road to an ending, once more.
    both.does("3", Command::Open(item(SCENARIO)));
    both.say("");
    both.choose("naar-kantoor");
    both.say("w");
    both.does("1", Command::Rewind(0));
    both.say("v");
    both.choose("waarom-hier");
    both.choose("omar-laten-tolken");
    both.choose("douches-noteren");
    both.does("r", Command::Replay);
    both.choose("formulier");
    both.does("home", Command::Close);
    both.say("q");
    both
}

/// Where a profile would be: keeps the last progress saved and counts the saves.
#[derive(Default)]
struct Memory {
    saved: Mutex<(usize, Option<Progress>)>,
}

impl ProgressStore for Memory {
    fn save(&self, progress: &Progress) -> Result<(), ProgressError> {
        let mut saved = self.saved.lock().expect("not poisoned");
        saved.0 += 1;
        saved.1 = Some(progress.clone());
        Ok(())
    }
}

#[test]
fn a_plain_script_causes_the_events_and_progress_of_its_commands() {
    let course = course();
    let (direct, direct_ear) = session(Arc::clone(&course));
    let both = walk(direct);
    let (session, plain_ear) = session(course);
    let store = Memory::default();
    let mut out = Vec::new();
    let left = plain::run_session(session, &[], Some(&store), both.script.as_bytes(), &mut out)
        .expect("plain mode over memory does not fail");
    let out = String::from_utf8(out).expect("UTF-8");

    let heard = plain_ear.heard();
    let expected = direct_ear.heard();
    for (i, (got, want)) in heard.iter().zip(&expected).enumerate() {
        assert_eq!(got, want, "event {i} differs; plain mode said:\n{out}");
    }
    assert_eq!(heard.len(), expected.len(), "{heard:#?}\n{out}");
    // The walk went where it meant to.
    assert!(
        heard
            .iter()
            .any(|(_, _, k)| matches!(k, EventKind::Ended { .. }))
    );
    assert!(
        heard
            .iter()
            .any(|(_, a, k)| *k == EventKind::Restarted && *a == Some(3))
    );
    assert_eq!(left.gloss().map(Locale::as_str), Some("nl"));
    assert_eq!(left.i18n().current(), UiLocale::Fr);
    assert!(left.open().is_none(), "plain mode closes what it leaves");

    assert_eq!(timeless(left.progress()), timeless(both.direct.progress()));
    // Every step was saved as it happened, and the last save holds it all.
    let saved = store.saved.lock().expect("not poisoned");
    assert!(saved.0 >= 30, "{} saves", saved.0);
    assert_eq!(saved.1.as_ref(), Some(left.progress()));
}

/// A store that refuses to write.
struct Broken;

impl ProgressStore for Broken {
    fn save(&self, _: &Progress) -> Result<(), ProgressError> {
        Err(ProgressError::Io {
            action: "write",
            path: "progress.json".into(),
            source: std::io::Error::other("disk full"),
        })
    }
}

#[test]
fn a_failing_store_is_said_at_each_step_and_is_the_error_at_the_end() {
    let (session, ear) = session(course());
    let mut out = Vec::new();
    let ended = plain::run_session(session, &[], Some(&Broken), &b"2\n\nq\n"[..], &mut out);
    assert!(matches!(ended, Err(PlainError::Save(_))), "{ended:?}");
    let out = String::from_utf8(out).expect("UTF-8");
    assert!(out.contains("disk full"), "{out}");
    assert!(!out.contains("Your progress is saved."), "{out}");
    // Each step's save failed, and the subscribers heard it.
    let failed = ear
        .0
        .lock()
        .expect("not poisoned")
        .iter()
        .filter(|e| matches!(e.kind, EventKind::SaveFailed { .. }))
        .count();
    assert!(failed >= 3, "{failed} failed saves");
}

#[test]
fn continue_in_plain_mode_goes_back_to_a_replay_left_halfway() {
    let course = course();
    let progress = Progress::new(CourseStamp::of(&course), Timestamp(1));
    let mut session = Session::new(Arc::clone(&course), progress, Localizer::new(UiLocale::En));
    session
        .apply(Command::Open(ItemId::from(SCENARIO)))
        .expect("opens");
    play(&mut session, 100);
    session.apply(Command::Replay).expect("replays");
    play(&mut session, 1);
    session.apply(Command::Close).expect("closes");
    let mut out = Vec::new();
    let left =
        plain::run_session(session, &[], None, &b"c\nq\n"[..], &mut out).expect("plain mode runs");
    let out = String::from_utf8(out).expect("UTF-8");
    let title = course.scenarios[&ItemId::from(SCENARIO)].title.clone();
    let title = Localizer::new(UiLocale::En).pick(&title).text.to_owned();
    assert!(
        out.contains(&format!("continue with {title}")),
        "continue offers the conversation: {out}"
    );
    assert!(!out.contains("Lesson: "), "continue opened a lesson: {out}");
    // Nothing was chosen on the way: the attempt left halfway is still the open one.
    let attempts = &left.progress().items[&ItemId::from(SCENARIO)].attempts;
    assert_eq!(attempts.last().map(|a| a.choices.len()), Some(1), "{out}");
}
