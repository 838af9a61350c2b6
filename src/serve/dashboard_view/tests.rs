use super::*;
use crate::course::Course;
use crate::course::checked::NodeIdx;
use crate::course::ids::{ChoiceId, ItemId, NodeId};
use crate::course::model::{FacilitatorNotes, Outcome, Quality};
use crate::engine::testkit::{ScenarioBuilder, choice, course, text as course_text};
use crate::i18n::{Localizer, UiLocale};
use crate::progress::{ProfileName, ProfileStore};
use crate::serve::dashboard::{Dashboard, View};
use crate::serve::workshop::{JoinCode, Workshop, WorkshopSettings};
use crate::session::{Event, EventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Duration;

fn test_course() -> Course {
    let mut scenario = ScenarioBuilder::new("s")
        .choices(
            "a",
            [
                choice("a1", "end").quality(Quality::Best),
                choice("a2", "end").quality(Quality::Harmful),
            ],
        )
        .ending("end", Outcome::Good)
        .build();
    scenario.nodes[0].facilitator_notes = Some(Box::new(FacilitatorNotes {
        text: course_text("Ask who felt unsure."),
        discussion_questions: Vec::new(),
        minutes: None,
    }));
    course(Vec::new(), vec![scenario])
}

fn shared() -> Arc<Shared> {
    let workshop = Workshop::new(WorkshopSettings {
        id: "w1".into(),
        title: "Test".into(),
        code: JoinCode::new("tulp-42"),
        max_trainees: 10,
        idle_timeout: Duration::from_secs(60),
    });
    Arc::new(Shared {
        workshop,
        course: Arc::new(test_course()),
        store: ProfileStore::new(std::env::temp_dir().join("kruispunt-dashboard-test-unused")),
        i18n: Localizer::new(UiLocale::En),
        facilitator_keys: Vec::new(),
        group_log: None,
        live: None,
        log_muted: std::sync::atomic::AtomicBool::new(false),
        active: AtomicUsize::new(0),
        connections: AtomicUsize::new(0),
    })
}

fn name(n: &str) -> ProfileName {
    ProfileName::new(n).unwrap()
}

/// Anna and Bo in the room; both voted in a group step at `a`, Anna for a1, Bo for a2.
fn room_with_a_tied_vote(shared: &Shared) {
    shared.workshop.live.change(|room| {
        for who in ["anna", "bo"] {
            room.arrive(&name(who), BTreeSet::new(), Timestamp::now());
        }
        room.start_group(&shared.course, &ItemId::from("s"), NodeIdx(0))
            .unwrap();
        for (who, answer) in [("anna", "a1"), ("bo", "a2")] {
            room.record(
                &name(who),
                &Event {
                    at: Timestamp::now(),
                    item: Some(ItemId::from("s")),
                    attempt: Some(1),
                    kind: EventKind::Chose {
                        node: NodeId::from("a"),
                        choice: ChoiceId::from(answer),
                        quality: Quality::Best,
                        tally: None,
                    },
                },
            );
        }
    });
}

fn screen(shared: &Shared, dashboard: &Dashboard) -> String {
    let mut terminal = Terminal::new(TestBackend::new(110, 30)).unwrap();
    terminal
        .draw(|frame| render(shared, dashboard, frame))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn press(dashboard: &mut Dashboard, shared: &Shared, code: KeyCode) -> bool {
    dashboard.key(shared, KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn the_presenter_view_shows_numbers_and_counts_never_names_or_notes() {
    let shared = shared();
    room_with_a_tied_vote(&shared);
    let dashboard = Dashboard::new(&shared, View::Presenter);
    let shown = screen(&shared, &dashboard);
    assert!(shown.contains("Trainee 1"), "{shown}");
    assert!(shown.contains("Trainee 2"), "{shown}");
    assert!(!shown.contains("anna") && !shown.contains("bo "), "{shown}");
    assert!(!shown.contains("Ask who felt unsure"), "{shown}");
    assert!(shown.contains("2 of 2 voted"), "{shown}");
    // Counts per answer only once revealed.
    assert!(!shown.contains("1 vote"), "{shown}");
    insta::assert_snapshot!("dashboard_presenter", shown);
}

#[test]
fn the_private_view_shows_names_notes_and_counts() {
    let shared = shared();
    room_with_a_tied_vote(&shared);
    let dashboard = Dashboard::new(&shared, View::Private);
    let shown = screen(&shared, &dashboard);
    assert!(shown.contains("anna") && shown.contains("bo"), "{shown}");
    assert!(shown.contains("Ask who felt unsure"), "{shown}");
    assert!(shown.contains("1 vote"), "{shown}");
    assert!(shown.contains("A tie between answers 1, 2"), "{shown}");
    insta::assert_snapshot!("dashboard_private", shown);
}

#[test]
fn v_reveals_the_bars_with_qualities_and_enter_follows_the_pick_on_a_tie() {
    let shared = shared();
    room_with_a_tied_vote(&shared);
    let mut dashboard = Dashboard::new(&shared, View::Presenter);
    assert!(!screen(&shared, &dashboard).contains('█'));
    press(&mut dashboard, &shared, KeyCode::Char('v'));
    let revealed = screen(&shared, &dashboard);
    assert!(revealed.contains('█'), "{revealed}");
    assert!(revealed.contains("++ best"), "{revealed}");
    assert!(revealed.contains("harmful"), "{revealed}");
    // The facilitator picks answer 2 of the tied ones; Enter moves the room on with it.
    press(&mut dashboard, &shared, KeyCode::Char('2'));
    press(&mut dashboard, &shared, KeyCode::Enter);
    let chosen = shared
        .workshop
        .live
        .read(|r| r.group().and_then(|g| g.resolved.clone()));
    assert_eq!(chosen, Some(ChoiceId::from("a2")));
    assert!(screen(&shared, &dashboard).contains("The room went with answer 2"));
    assert_eq!(shared.workshop.live.read(|r| r.log().len()), 1);
}

#[test]
fn the_message_the_lock_and_free_play_reach_the_room() {
    let shared = shared();
    room_with_a_tied_vote(&shared);
    let mut dashboard = Dashboard::new(&shared, View::Private);
    press(&mut dashboard, &shared, KeyCode::Char('m'));
    for c in "5 minutes left".chars() {
        press(&mut dashboard, &shared, KeyCode::Char(c));
    }
    press(&mut dashboard, &shared, KeyCode::Enter);
    press(&mut dashboard, &shared, KeyCode::Char('l'));
    let directive = shared.workshop.live.read(|r| r.directive());
    assert_eq!(directive.message.as_deref(), Some("5 minutes left"));
    assert_eq!(directive.locked, Some(ItemId::from("s")));
    let shown = screen(&shared, &dashboard);
    assert!(shown.contains("On every screen: 5 minutes left"), "{shown}");
    assert!(shown.contains("locked to s"), "{shown}");
    press(&mut dashboard, &shared, KeyCode::Char('f'));
    press(&mut dashboard, &shared, KeyCode::Char('l'));
    let directive = shared.workshop.live.read(|r| r.directive());
    assert!(directive.group.is_none() && directive.locked.is_none());
    assert!(!press(&mut dashboard, &shared, KeyCode::Char('q')));
}

#[test]
fn the_jump_menu_starts_a_group_step_at_a_decision_point() {
    let shared = shared();
    let mut dashboard = Dashboard::new(&shared, View::Private);
    press(&mut dashboard, &shared, KeyCode::Char('g'));
    assert!(screen(&shared, &dashboard).contains("Jump to any module"));
    // The scenario is the first item: unfold it, then its first decision point.
    press(&mut dashboard, &shared, KeyCode::Enter);
    press(&mut dashboard, &shared, KeyCode::Down);
    press(&mut dashboard, &shared, KeyCode::Enter);
    assert_eq!(dashboard.mode, super::super::dashboard::Mode::Overview);
    let group = shared.workshop.live.read(|r| r.group().cloned()).unwrap();
    assert_eq!((group.scenario.as_str(), group.node), ("s", NodeIdx(0)));
}
