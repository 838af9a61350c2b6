//! The session core driven directly: commands in, events and progress out.

use super::*;
use crate::course::ids::{ChoiceId, NodeId, SceneId};
use crate::course::model::{Outcome, Quality, Text};
use crate::engine::testkit::{LessonBuilder, ScenarioBuilder, choice, text};
use crate::i18n::UiLocale;
use crate::progress::{CourseStamp, ItemStatus};
use std::sync::Mutex;
use std::time::Duration;

fn course() -> Arc<Course> {
    let lesson = LessonBuilder::new("les")
        .text("intro")
        .quiz("q", false, [("yes", true), ("no", false)])
        .reflection("think")
        .checklist("list", ["a", "b"])
        .build();
    let scenario = ScenarioBuilder::new("talk")
        .var("trust", 0, 10, 5)
        .choices(
            "start",
            [
                choice("listen", "ask")
                    .effect("trust", 2)
                    .quality(Quality::Best),
                choice("lecture", "bad")
                    .effect("trust", -2)
                    .quality(Quality::Harmful),
            ],
        )
        .choices("ask", [choice("name", "good").quality(Quality::Best)])
        .ending("good", Outcome::Good)
        .ending("bad", Outcome::Poor)
        .build();
    let mut course = crate::engine::testkit::course(vec![lesson], vec![scenario]);
    course.title = text("course");
    course.description = text("about");
    course.default_locale = Locale::from("nl");
    course.locales = vec![Locale::from("nl")];
    course.modules[0].title = text("module");
    Arc::new(course)
}

fn session() -> Session {
    let course = course();
    let progress = Progress::new(CourseStamp::of(&course), Timestamp(1));
    let mut session = Session::new(course, progress, Localizer::new(UiLocale::En));
    session.set_clock(Clock {
        instant: Instant::now(),
        wall: Timestamp(100),
    });
    session
}

fn kinds(events: &[Event]) -> Vec<EventKind> {
    events.iter().map(|e| e.kind.clone()).collect()
}

fn item(id: &str) -> ItemId {
    ItemId::from(id)
}

/// A subscriber that keeps what it hears, shared with the test.
#[derive(Debug, Clone, Default)]
struct Ear(Arc<Mutex<Vec<Event>>>);

impl Subscriber for Ear {
    fn on_event(&mut self, event: &Event, _world: &World<'_>) {
        self.0.lock().unwrap().push(event.clone());
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[test]
fn a_session_can_move_to_another_thread() {
    fn send<T: Send>() {}
    send::<Session>();
}

#[test]
fn opening_a_lesson_shows_its_first_scene_and_records_it_in_progress() {
    let mut s = session();
    let events = s.apply(Command::Open(item("les"))).unwrap();
    assert_eq!(
        kinds(&events),
        vec![
            EventKind::Opened { resumed: None },
            EventKind::SceneShown {
                scene: SceneId::from("intro"),
                number: 1,
                total: 4
            }
        ]
    );
    assert!(events.iter().all(|e| e.item == Some(item("les"))));
    assert!(
        events
            .iter()
            .all(|e| e.at == Timestamp(100) && e.attempt.is_none())
    );
    let saved = &s.progress().items[&item("les")];
    assert_eq!(saved.status, ItemStatus::InProgress);
    assert_eq!(
        s.progress().last_position.as_ref().unwrap().item,
        item("les")
    );
    assert!(s.save_due(), "opening is a step, saved at once");
}

#[test]
fn a_lesson_walked_through_is_completed_with_every_step_an_event() {
    let mut s = session();
    s.apply(Command::Open(item("les"))).unwrap();
    s.apply(Command::NextScene).unwrap();
    // A quiz without an answer is refused and changes nothing.
    let before = s.progress().clone();
    assert_eq!(
        s.apply(Command::Answer(Vec::new())),
        Err(SessionError::NothingSelected)
    );
    assert_eq!(s.progress(), &before);
    let answered = s.apply(Command::Answer(vec!["no".into()])).unwrap();
    assert_eq!(
        kinds(&answered),
        vec![EventKind::Answered {
            scene: SceneId::from("q"),
            selected: vec!["no".into()],
            correct: false,
            first_try: true
        }]
    );
    s.apply(Command::NextScene).unwrap();
    s.apply(Command::Reflect {
        text: "my thought".into(),
        typing: false,
    })
    .unwrap();
    s.apply(Command::NextScene).unwrap();
    let ticked = s.apply(Command::Tick("b".into())).unwrap();
    assert!(matches!(
        &ticked[0].kind,
        EventKind::Ticked { checked: true, entry, .. } if entry == "b"
    ));
    let last = s.apply(Command::NextScene).unwrap();
    assert_eq!(kinds(&last), vec![EventKind::LessonFinished]);
    let saved = &s.progress().items[&item("les")];
    assert_eq!(saved.status, ItemStatus::Completed);
    assert_eq!(
        saved.reflections[&SceneId::from("think")].text,
        "my thought"
    );
    assert_eq!(
        saved.lesson.scenes[&SceneId::from("q")]
            .quiz
            .as_ref()
            .map(|q| q.first_correct),
        Some(false)
    );
}

#[test]
fn lesson_commands_are_refused_in_a_scenario_and_without_an_item() {
    let mut s = session();
    assert_eq!(s.apply(Command::NextScene), Err(SessionError::NotHere));
    s.apply(Command::Open(item("talk"))).unwrap();
    assert_eq!(s.apply(Command::NextScene), Err(SessionError::NotHere));
    assert_eq!(
        s.apply(Command::Open(item("nothing"))),
        Err(SessionError::NoSuchItem("nothing".into()))
    );
    // The scenario stays open after a refused command.
    assert_eq!(s.open().map(Open::id), Some(&item("talk")));
}

#[test]
fn a_choice_says_what_was_chosen_where_it_led_and_how_it_ended() {
    let mut s = session();
    let opened = s.apply(Command::Open(item("talk"))).unwrap();
    assert_eq!(
        kinds(&opened),
        vec![
            EventKind::Opened {
                resumed: Some(Resumed::Fresh)
            },
            EventKind::NodeShown {
                node: NodeId::from("start")
            }
        ]
    );
    let chose = s
        .apply(Command::Choose {
            choice: ChoiceId::from("lecture"),
            tally: None,
        })
        .unwrap();
    assert_eq!(
        kinds(&chose),
        vec![
            EventKind::Chose {
                node: NodeId::from("start"),
                choice: ChoiceId::from("lecture"),
                quality: Quality::Harmful,
                tally: None
            },
            EventKind::Entered {
                node: NodeId::from("bad")
            },
            EventKind::NodeShown {
                node: NodeId::from("bad")
            },
            EventKind::Ended {
                node: NodeId::from("bad"),
                outcome: Outcome::Poor
            },
        ]
    );
    assert!(chose.iter().all(|e| e.attempt == Some(1)));
    let attempts = &s.progress().items[&item("talk")].attempts;
    assert_eq!(attempts.len(), 1);
    assert!(attempts[0].ending.is_some());

    let rewound = s.apply(Command::Rewind(0)).unwrap();
    assert_eq!(
        kinds(&rewound)[0],
        EventKind::Rewound {
            to: NodeId::from("start"),
            decision: 0
        }
    );
    assert!(rewound.iter().all(|e| e.attempt == Some(2)));
    assert_eq!(s.progress().items[&item("talk")].attempts.len(), 2);
    assert_eq!(
        s.apply(Command::Rewind(5)).map(|_| ()),
        Err(SessionError::Engine(EngineError::NoSuchDecision {
            decision: 5,
            taken: 0
        }))
    );
}

#[test]
fn subscribers_hear_every_event_in_order_including_closing() {
    let mut s = session();
    let ear = Ear::default();
    s.subscribe(Box::new(ear.clone()));
    let mut returned = s.apply(Command::Open(item("talk"))).unwrap();
    returned.extend(
        s.apply(Command::Choose {
            choice: ChoiceId::from("listen"),
            tally: Some(vec![ChoiceTally {
                choice: ChoiceId::from("listen"),
                votes: 7,
            }]),
        })
        .unwrap(),
    );
    s.apply(Command::Open(item("les"))).unwrap();
    let heard = ear.0.lock().unwrap().clone();
    assert_eq!(&heard[..returned.len()], &returned[..]);
    let closed = &heard[returned.len()];
    assert_eq!(closed.kind, EventKind::Closed);
    assert_eq!(closed.item, Some(item("talk")));
    assert!(s.subscriber::<Ear>().is_some());
}

#[test]
fn settings_changes_are_kept_in_the_progress() {
    let mut s = session();
    s.apply(Command::SetLocale(UiLocale::Fr)).unwrap();
    s.apply(Command::SetTheme("high-contrast".into())).unwrap();
    assert_eq!(s.i18n().current(), UiLocale::Fr);
    assert_eq!(
        s.progress().settings.locale.as_ref().map(Locale::as_str),
        Some("fr")
    );
    assert_eq!(
        s.progress().settings.theme.as_deref(),
        Some("high-contrast")
    );
    // A gloss in a language the course does not have is off.
    s.apply(Command::SetGloss(Some(Locale::from("de"))))
        .unwrap();
    assert_eq!(s.gloss(), None);
}

#[test]
fn typing_is_saved_after_a_pause_and_steps_at_once() {
    let mut s = session();
    let start = s.clock();
    s.apply(Command::Open(item("les"))).unwrap();
    s.save(None).unwrap();
    assert!(!s.save_pending());
    for _ in 0..2 {
        s.apply(Command::NextScene).unwrap();
    }
    s.save(None).unwrap();
    s.apply(Command::Reflect {
        text: "half".into(),
        typing: true,
    })
    .unwrap();
    assert!(s.save_pending());
    assert!(!s.save_due(), "typing waits for a pause");
    s.set_clock(Clock {
        instant: start.instant + Duration::from_secs(5),
        ..start
    });
    assert!(s.save_due());
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
fn a_failed_save_is_an_event_and_keeps_the_progress() {
    let mut s = session();
    let ear = Ear::default();
    s.subscribe(Box::new(ear.clone()));
    s.apply(Command::Open(item("les"))).unwrap();
    assert!(s.save(Some(&Broken)).is_err());
    let last = ear.0.lock().unwrap().last().cloned().unwrap();
    assert!(
        matches!(last.kind, EventKind::SaveFailed { ref reason } if reason.contains("disk full"))
    );
    assert!(s.progress().items.contains_key(&item("les")));
}

#[test]
fn continue_goes_back_to_a_replay_in_progress() {
    let mut s = session();
    assert_eq!(
        s.continue_item(),
        Some(item("les")),
        "nothing done: the first item"
    );
    s.apply(Command::Open(item("talk"))).unwrap();
    for choice in ["listen", "name"] {
        s.apply(Command::Choose {
            choice: ChoiceId::from(choice),
            tally: None,
        })
        .unwrap();
    }
    assert_eq!(
        s.progress().items[&item("talk")].status,
        ItemStatus::Completed
    );
    assert_eq!(
        s.continue_item(),
        Some(item("les")),
        "a finished attempt is done"
    );
    // Played again, and left halfway: that conversation is where to continue.
    s.apply(Command::Replay).unwrap();
    s.apply(Command::Choose {
        choice: ChoiceId::from("listen"),
        tally: None,
    })
    .unwrap();
    s.apply(Command::Close).unwrap();
    assert_eq!(s.continue_item(), Some(item("talk")));
}

#[test]
fn closing_an_item_is_an_event_returned_and_saved() {
    let mut s = session();
    s.apply(Command::Open(item("talk"))).unwrap();
    s.save(None).unwrap();
    assert!(!s.save_pending());
    let closed = s.apply(Command::Close).unwrap();
    assert_eq!(kinds(&closed), vec![EventKind::Closed]);
    assert_eq!(closed[0].item, Some(item("talk")));
    assert!(
        s.save_pending(),
        "what subscribers keep of the close is saved"
    );
    assert!(s.open().is_none());
    assert_eq!(s.apply(Command::Close).unwrap(), Vec::new());
}

// ----- texts not in the interface language (issue 14, item 12) -----

fn session_in(course: Course, locale: UiLocale) -> Session {
    let course = Arc::new(course);
    let progress = Progress::new(CourseStamp::of(&course), Timestamp(1));
    Session::new(course, progress, Localizer::new(locale))
}

#[test]
fn a_text_not_in_the_interface_language_has_no_marker_and_the_screen_names_the_language_once() {
    // The test course is written in English only.
    let mut s = session_in((*course()).clone(), UiLocale::Fr);
    let title = s.course().title.clone();
    assert_eq!(s.text(&title), "course");
    assert_eq!(s.fallbacks(), [Locale::from("en")]);
    assert_eq!(s.fallback_notice().as_deref(), Some("en partie en anglais"));
    s.apply(Command::Open(item("les"))).unwrap();
    assert_eq!(s.fallbacks(), [Locale::from("en")]);
    s.apply(Command::SetLocale(UiLocale::En)).unwrap();
    assert!(s.fallbacks().is_empty());
    assert_eq!(s.fallback_notice(), None);
    s.apply(Command::SetLocale(UiLocale::Nl)).unwrap();
    assert_eq!(s.fallback_notice().as_deref(), Some("deels in het Engels"));
}

#[test]
fn the_course_orders_the_languages_a_missing_text_falls_back_to() {
    let both = Text::from_iter([
        (Locale::from("nl"), "hallo".to_owned()),
        (Locale::from("en"), "hello".to_owned()),
    ]);
    let mut course = (*course()).clone();
    course.locales = vec![Locale::from("nl"), Locale::from("en")];
    course.title = both.clone();
    // Built in: French reads English before the course default.
    assert_eq!(
        session_in(course.clone(), UiLocale::Fr).text(&both),
        "hello"
    );
    // The manifest can say otherwise, per interface language.
    course
        .fallback
        .insert(Locale::from("fr"), vec![Locale::from("nl")]);
    let s = session_in(course.clone(), UiLocale::Fr);
    assert_eq!(s.text(&both), "hallo");
    // The title is in Dutch, the rest of the overview only in English.
    assert_eq!(s.fallbacks(), [Locale::from("nl"), Locale::from("en")]);
    assert_eq!(
        s.fallback_notice().as_deref(),
        Some("en partie en néerlandais, anglais")
    );
    // Other interface languages keep the built-in order.
    assert_eq!(session_in(course, UiLocale::En).text(&both), "hello");
}

// ----- the core path (issue 16: a core path the overview can offer) -----

#[test]
fn the_core_path_offers_its_next_unfinished_item_until_it_is_done() {
    let mut course = (*course()).clone();
    assert_eq!(session_in(course.clone(), UiLocale::En).core_path(), None);
    course.core_path = vec![item("talk"), item("les")];
    if let Some(lesson) = course.lessons.get_mut(&item("les")) {
        lesson.estimated_minutes = Some(12.into());
    }
    if let Some(scenario) = course.scenarios.get_mut(&item("talk")) {
        scenario.estimated_minutes = Some(40.into());
    }
    let course = Arc::new(course);
    let mut progress = Progress::new(CourseStamp::of(&course), Timestamp(1));
    let core = |progress: &Progress| {
        Session::new(
            Arc::clone(&course),
            progress.clone(),
            Localizer::new(UiLocale::En),
        )
        .core_path()
    };
    assert_eq!(
        core(&progress),
        Some(CorePath {
            next: item("talk"),
            done: 0,
            total: 2,
            minutes: 52
        })
    );
    // Done out of order: the path goes on with what is left.
    progress.items.entry(item("les")).or_default().status = ItemStatus::Completed;
    assert_eq!(
        core(&progress).map(|c| (c.next, c.done)),
        Some((item("talk"), 1))
    );
    progress.items.entry(item("talk")).or_default().status = ItemStatus::Completed;
    assert_eq!(core(&progress), None);
}

/// A subscriber that works from the saved history and has a notice once.
#[derive(Debug, Clone, Default)]
struct Historian {
    saved: Arc<Mutex<Vec<usize>>>,
    notice: bool,
}

impl Subscriber for Historian {
    fn on_event(&mut self, _event: &Event, _world: &World<'_>) {}
    fn on_saved(&mut self, progress: &Progress, _changes: &[crate::progress::Change]) {
        self.saved.lock().unwrap().push(progress.items.len());
        self.notice = true;
    }
    fn take_notice(&mut self) -> Option<&'static str> {
        std::mem::take(&mut self.notice).then_some("xapi-live-failed")
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[test]
fn subscribers_get_the_whole_history_at_each_save_and_their_notices_once() {
    let mut s = session();
    let historian = Historian::default();
    s.subscribe(Box::new(historian.clone()));
    assert!(s.take_notices().is_empty());
    s.save(None).unwrap();
    s.apply(Command::Open(item("les"))).unwrap();
    assert_eq!(*historian.saved.lock().unwrap(), vec![0], "only at a save");
    s.checkpoint(None).unwrap();
    assert_eq!(*historian.saved.lock().unwrap(), vec![0, 1]);
    let notices = s.take_notices();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].starts_with("Learning records could not be sent"));
    assert!(s.take_notices().is_empty());
}
