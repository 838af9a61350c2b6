use super::*;
use crate::course::model::Outcome;
use crate::engine::testkit::{ScenarioBuilder, choice, course};
use crate::facilitator::Tally;

fn scenario_course() -> Course {
    let scenario = ScenarioBuilder::new("s")
        .choices(
            "a",
            [
                choice("a1", "pass").quality(Quality::Best),
                choice("a2", "pass").quality(Quality::Weak),
                choice("a3", "bad").quality(Quality::Harmful),
            ],
        )
        .auto("pass", "b")
        .choices("b", [choice("b1", "good"), choice("b2", "bad")])
        .ending("good", Outcome::Good)
        .ending("bad", Outcome::Poor)
        .build();
    course(Vec::new(), vec![scenario])
}

fn name(n: &str) -> ProfileName {
    ProfileName::new(n).unwrap()
}

fn item() -> ItemId {
    ItemId::from("s")
}

fn event(kind: EventKind) -> Event {
    Event {
        at: Timestamp(100),
        item: Some(item()),
        attempt: Some(1),
        kind,
    }
}

fn chose(choice: &str, quality: Quality) -> Event {
    event(EventKind::Chose {
        node: NodeId::from("a"),
        choice: ChoiceId::from(choice),
        quality,
        tally: None,
    })
}

fn node(course: &Course, id: &str) -> NodeIdx {
    course.scenarios[&item()].node_idx(id).unwrap()
}

#[test]
fn presence_follows_the_events_and_numbers_stay_with_names() {
    let mut room = RoomState::default();
    let anna = name("anna");
    room.arrive(&anna, BTreeSet::new(), Timestamp(10));
    room.arrive(&name("bo"), BTreeSet::new(), Timestamp(10));
    room.record(&anna, &event(EventKind::Opened { resumed: None }));
    room.record(
        &anna,
        &event(EventKind::NodeShown {
            node: NodeId::from("a"),
        }),
    );
    let seen = &room.present()[&anna];
    assert_eq!(seen.item, Some(item()));
    assert_eq!(seen.spot.as_deref(), Some("a"));
    assert_eq!(seen.last_active, Timestamp(100));
    room.record(
        &anna,
        &event(EventKind::Ended {
            node: NodeId::from("good"),
            outcome: Outcome::Good,
        }),
    );
    assert_eq!(room.present()[&anna].endings, 1);
    assert!(room.present()[&anna].completed.contains(&item()));
    // A reconnect keeps the number; a newcomer gets the next one.
    room.leave(&anna);
    assert!(!room.present().contains_key(&anna));
    room.arrive(&name("cem"), BTreeSet::new(), Timestamp(20));
    room.arrive(&anna, BTreeSet::new(), Timestamp(30));
    assert_eq!(room.present()[&anna].number, 1);
    assert_eq!(room.present()[&name("cem")].number, 3);
}

#[test]
fn free_play_counts_endings_and_turning_points() {
    let mut room = RoomState::default();
    let anna = name("anna");
    room.arrive(&anna, BTreeSet::new(), Timestamp(0));
    room.record(&anna, &chose("a2", Quality::Weak));
    room.record(&anna, &chose("a1", Quality::Best));
    room.record(&name("bo"), &chose("a3", Quality::Harmful));
    room.record(
        &anna,
        &event(EventKind::Ended {
            node: NodeId::from("bad"),
            outcome: Outcome::Poor,
        }),
    );
    let play = &room.play()[&item()];
    assert_eq!(play.endings[&NodeId::from("bad")], 1);
    assert_eq!(
        play.most_common_turning_points(3),
        vec![(NodeId::from("a"), 2)]
    );
}

#[test]
fn a_group_step_tallies_one_vote_per_trainee_by_choice_id() {
    let course = scenario_course();
    let mut room = RoomState::default();
    let a = node(&course, "a");
    assert_eq!(
        room.start_group(&course, &item(), node(&course, "good")),
        Err(GroupError::NotADecisionPoint)
    );
    assert_eq!(room.start_group(&course, &item(), a), Ok(1));
    room.record(&name("anna"), &chose("a3", Quality::Harmful));
    // Anna changes her mind: her vote moves, it does not add.
    room.record(&name("anna"), &chose("a2", Quality::Weak));
    room.record(&name("bo"), &chose("a2", Quality::Weak));
    room.record(&name("cem"), &chose("a1", Quality::Best));
    let group = room.group().unwrap();
    assert_eq!(group.voters(), 3);
    assert_eq!(group.vote().counts(), &[1, 2, 0]);
    assert_eq!(group.vote().tally(), Tally::Winner(1));
    assert!(!group.revealed);
    room.toggle_reveal();
    assert!(room.group().unwrap().revealed);
    // The majority wins whatever the facilitator selected.
    let record = room.resolve(&course, 0, Timestamp(200)).unwrap();
    assert_eq!(record.chosen, ChoiceId::from("a2"));
    assert_eq!(record.node, NodeId::from("a"));
    assert_eq!(record.tally[1].votes, 2);
    assert_eq!(room.log().len(), 1);
    let directive = room.directive();
    let group = directive.group.unwrap();
    assert_eq!((group.round, group.node), (1, a));
    assert_eq!(group.resolved.unwrap().0, ChoiceId::from("a2"));
    // Once resolved, later choices are play, not votes.
    room.record(&name("dirk"), &chose("a1", Quality::Best));
    assert_eq!(room.group().unwrap().voters(), 3);
    assert_eq!(
        room.resolve(&course, 0, Timestamp(201)),
        Err(GroupError::NoGroupStep)
    );
    room.end_group();
    assert!(room.directive().group.is_none());
}

#[test]
fn a_tie_follows_the_facilitators_pick_among_the_tied() {
    let course = scenario_course();
    let mut room = RoomState::default();
    room.start_group(&course, &item(), node(&course, "a"))
        .unwrap();
    room.record(&name("anna"), &chose("a1", Quality::Best));
    room.record(&name("bo"), &chose("a3", Quality::Harmful));
    assert_eq!(
        room.resolve(&course, 1, Timestamp(0)),
        Err(GroupError::Tied),
        "a2 is not one of the tied answers"
    );
    let record = room.resolve(&course, 2, Timestamp(0)).unwrap();
    assert_eq!(record.chosen, ChoiceId::from("a3"));
    // Without votes, the facilitator's pick.
    room.start_group(&course, &item(), node(&course, "a"))
        .unwrap();
    assert_eq!(room.group().unwrap().round, 2);
    let record = room.resolve(&course, 1, Timestamp(0)).unwrap();
    assert_eq!(record.chosen, ChoiceId::from("a2"));
}

#[test]
fn the_next_decision_point_passes_automatic_steps() {
    let course = scenario_course();
    let a = node(&course, "a");
    assert_eq!(
        next_decision_point(&course, &item(), a, &ChoiceId::from("a1")),
        Some(node(&course, "b"))
    );
    assert_eq!(
        next_decision_point(&course, &item(), a, &ChoiceId::from("a3")),
        None
    );
}

#[test]
fn messages_are_one_line_cut_and_cleared_when_empty() {
    let mut room = RoomState::default();
    room.set_message("5 minutes\nleft");
    assert_eq!(room.message(), Some("5 minutes left"));
    room.set_message(&"x".repeat(500));
    assert_eq!(room.message().unwrap().chars().count(), MAX_MESSAGE_CHARS);
    room.set_message("  ");
    assert_eq!(room.message(), None);
    room.set_lock(Some(item()));
    assert_eq!(room.directive().locked, Some(item()));
}

#[test]
fn the_listener_feeds_the_room_and_signals_every_change() {
    let room = Arc::new(Room::default());
    let mut changes = room.changes();
    room.change(|r| r.arrive(&name("anna"), BTreeSet::new(), Timestamp(0)));
    let mut listener = RoomListener::new(Arc::clone(&room), name("anna"));
    let course = scenario_course();
    let settings = crate::progress::Settings::default();
    let world = World {
        course: &course,
        open: None,
        settings: &settings,
    };
    changes.mark_unchanged();
    listener.on_event(&event(EventKind::Opened { resumed: None }), &world);
    assert!(changes.has_changed().unwrap());
    assert_eq!(
        room.read(|r| r.present()[&name("anna")].item.clone()),
        Some(item())
    );
}
