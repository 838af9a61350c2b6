//! `kruispunt play` in the TUI: the scenario screen opened straight at a node with the
//! variable values given, rendered into ratatui's TestBackend.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tui_support;

use insta::assert_snapshot;
use kruispunt::course::ids::ItemId;
use kruispunt::engine::preview_start;
use kruispunt::i18n::LocaleCandidates;
use kruispunt::progress::{CourseStamp, Progress, Timestamp};
use kruispunt::session::Place;
use kruispunt::tui::start::{StartOptions, preview_app};
use tui_support::{course, screen};

const ID: &str = "opvang-kamerwissel";

#[test]
fn the_tui_opens_at_the_node_with_the_values_given() {
    let course = course();
    let scenario = course.scenarios.get(ID).unwrap();
    let start = preview_start(scenario, Some("kantoor"), &["trust=90".into()]).unwrap();
    let progress = Progress::new(CourseStamp::of(&course), Timestamp(1_764_000_000));
    let options = StartOptions {
        candidates: LocaleCandidates {
            flag: Some("en".into()),
            ..LocaleCandidates::default()
        },
        no_color: false,
    };
    let mut app = preview_app(
        course.clone(),
        progress,
        &ItemId::from(ID),
        Place::Preview(start.node, start.values),
        &options,
    )
    .unwrap();
    let shown = screen(&mut app, 100, 30);
    // The first line of `kantoor`, not of the start node `balie`, and trust at 90.
    assert!(shown.contains("My Dutch is not good"), "{shown}");
    assert!(!shown.contains("I want another room"), "{shown}");
    assert!(shown.contains("90"), "{shown}");
    assert_snapshot!(shown);
}
