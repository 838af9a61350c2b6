//! The graph model: shapes, labels, conditions, highlights, and escaping in every format.

use super::*;
use crate::course::checked::{RouteArm, Step};
use crate::course::ids::{CharacterId, Locale};
use crate::course::model::{CompareOp, Line, Outcome, Quality};
use crate::engine::testkit::{ScenarioBuilder, choice, compare, course, not, visited};
use crate::i18n::{Localizer, UiLocale};

fn english() -> Localizer {
    let mut i18n = Localizer::new(UiLocale::En);
    i18n.set_course_default(Locale::from("en"));
    i18n
}

fn line(text: &str) -> Line {
    Line {
        speaker: CharacterId::from("amal"),
        text: crate::engine::testkit::text(text),
        thought: None,
        mood: None,
    }
}

/// start (decision) -> middle (auto) -> route -> good / poor, with a conditional choice,
/// an unreachable node and a dead end.
fn scenario() -> crate::course::checked::Scenario {
    let mut scenario = ScenarioBuilder::new("intake")
        .var("trust", 0, 100, 50)
        .choices(
            "start",
            [
                choice("listen", "middle")
                    .quality(Quality::Best)
                    .effect("trust", 10),
                choice("push", "poor")
                    .quality(Quality::Harmful)
                    .effect("trust", -20)
                    .when(compare("trust", CompareOp::Ge, 40)),
                choice("stall", "stuck").quality(Quality::Weak),
            ],
        )
        .auto("middle", "route")
        .auto("route", "good")
        .ending("good", Outcome::Good)
        .ending("poor", Outcome::Poor)
        .auto("stuck", "stuck")
        .auto("orphan", "good")
        .build();
    // The builder has no routes: the node `route` becomes one.
    let good = scenario.node_idx("good").expect("good");
    let poor = scenario.node_idx("poor").expect("poor");
    let route = scenario.node_idx("route").expect("route");
    scenario.nodes[route.0 as usize].step = Step::Route(vec![
        RouteArm {
            condition: Some(crate::course::checked::Cond::Not(Box::new(
                crate::course::checked::Cond::Visited(route),
            ))),
            next: good,
        },
        RouteArm {
            condition: None,
            next: poor,
        },
    ]);
    scenario.nodes[0].lines = vec![line(
        "Hello, I am Amal and I would like to talk about my room today",
    )];
    scenario
}

fn graph() -> ScenarioGraph {
    build(&scenario(), &english())
}

fn node<'a>(graph: &'a ScenarioGraph, id: &str) -> &'a GraphNode {
    graph
        .nodes
        .iter()
        .find(|n| n.id == id)
        .expect("node in graph")
}

#[test]
fn decision_points_routes_and_endings_have_their_kinds() {
    let graph = graph();
    assert_eq!(node(&graph, "start").kind, NodeKind::Decision);
    assert_eq!(node(&graph, "middle").kind, NodeKind::Route);
    assert_eq!(node(&graph, "route").kind, NodeKind::Route);
    assert_eq!(node(&graph, "good").kind, NodeKind::Ending(Outcome::Good));
    assert_eq!(node(&graph, "poor").kind, NodeKind::Ending(Outcome::Poor));
    assert!(node(&graph, "start").start);
    assert!(!node(&graph, "middle").start);
    // Endings say their outcome in words, not only in colour.
    assert!(
        node(&graph, "poor").notes[0].starts_with("poor ending"),
        "{:?}",
        node(&graph, "poor").notes
    );
}

#[test]
fn labels_are_the_first_words() {
    let graph = graph();
    let start = node(&graph, "start");
    assert_eq!(start.words, "Hello, I am Amal and I would like…");
    assert_eq!(start.label_lines()[0], "start");
    assert_eq!(node(&graph, "middle").words, "");
    assert_eq!(short("abcdefghij", 5), "abcd…");
    assert_eq!(short("one two three", 20), "one two three");
}

#[test]
fn edges_carry_choice_quality_effects_and_conditions() {
    let graph = graph();
    let push = graph
        .edges
        .iter()
        .find(|e| e.choice.as_deref() == Some("push"))
        .expect("push edge");
    assert_eq!(push.quality, Some(Quality::Harmful));
    assert_eq!(push.quality_label.as_deref(), Some("!! harmful"));
    assert_eq!(push.effects, ["trust -20"]);
    assert_eq!(push.condition.as_deref(), Some("trust >= 40"));
    assert_eq!(
        push.label_lines(),
        ["push", "!! harmful · trust -20", "if trust >= 40"]
    );
    let listen = graph
        .edges
        .iter()
        .find(|e| e.choice.as_deref() == Some("listen"))
        .expect("listen edge");
    assert_eq!(listen.effects, ["trust +10"]);
    assert_eq!(listen.condition, None);
    // The route's arms: the first conditional, the fallback not.
    let route = graph
        .nodes
        .iter()
        .position(|n| n.id == "route")
        .expect("route");
    let arms: Vec<_> = graph.edges.iter().filter(|e| e.from == route).collect();
    assert_eq!(arms.len(), 2);
    assert_eq!(arms[0].condition.as_deref(), Some("!visited(route)"));
    assert_eq!(arms[1].condition, None);
    assert!(arms[1].label_lines().is_empty());
}

#[test]
fn nested_conditions_are_written_out() {
    let scenario = ScenarioBuilder::new("s")
        .var("trust", 0, 100, 50)
        .choices(
            "a",
            [choice("x", "b").when(crate::engine::testkit::all([
                compare("trust", CompareOp::Lt, 30),
                crate::engine::testkit::any([visited("a"), not(visited("b"))]),
            ]))],
        )
        .ending("b", Outcome::Mixed)
        .build();
    let graph = build(&scenario, &english());
    assert_eq!(
        graph.edges[0].condition.as_deref(),
        Some("trust < 30 && (visited(a) || !visited(b))")
    );
}

#[test]
fn unreachable_nodes_and_dead_ends_are_highlighted() {
    let graph = graph();
    let orphan = node(&graph, "orphan");
    assert!(orphan.unreachable && !orphan.dead_end);
    assert!(
        orphan.notes.iter().any(|n| n == "unreachable"),
        "{:?}",
        orphan.notes
    );
    let stuck = node(&graph, "stuck");
    assert!(stuck.dead_end && !stuck.unreachable);
    assert!(
        stuck.notes.iter().any(|n| n == "dead end"),
        "{:?}",
        stuck.notes
    );
    for fine in ["start", "middle", "route", "good", "poor"] {
        let n = node(&graph, fine);
        assert!(!n.unreachable && !n.dead_end, "{fine}");
    }
    // Every format shows them.
    assert!(mermaid::render(&graph).contains("class n5,n6 problem"));
    assert!(dot::render(&graph).contains("color=\"#d00000\""));
    assert!(svg::render(&graph).contains("class=\"node route unreachable\""));
    // The picture says what its red borders mean.
    assert!(
        graph.legend.contains("unreachable or dead end"),
        "{}",
        graph.legend
    );
    assert!(svg::render(&graph).contains("<text class=\"legend\""));
}

#[test]
fn conditional_edges_are_dashed_in_every_format() {
    let graph = graph();
    let mermaid = mermaid::render(&graph);
    assert_eq!(mermaid.matches("-.->").count(), 2, "{mermaid}");
    let dot = dot::render(&graph);
    assert_eq!(dot.matches("style=dashed").count(), 2, "{dot}");
    let svg = svg::render(&graph);
    assert_eq!(svg.matches("class=\"edge conditional\"").count(), 2);
    assert_eq!(svg.matches("class=\"edge").count(), graph.edges.len());
}

#[test]
fn shapes_differ_by_kind_in_every_format() {
    let graph = graph();
    let mermaid = mermaid::render(&graph);
    assert!(mermaid.contains("  n0{\"start<br>"), "{mermaid}");
    assert!(mermaid.contains("  n1([\"middle\"])"), "{mermaid}");
    assert!(mermaid.contains("  n3{{\"good<br>good ending"), "{mermaid}");
    assert!(mermaid.contains("class n3 good"), "{mermaid}");
    let dot = dot::render(&graph);
    assert!(dot.contains("n0 [label=\"start\\nHello"), "{dot}");
    for shape in ["shape=diamond", "shape=box", "shape=hexagon"] {
        assert!(dot.contains(shape), "{shape}");
    }
}

#[test]
fn hostile_texts_cannot_break_any_format() {
    let mut scenario = scenario();
    let hostile = "\"<script>&amp;</script> \\\" ]) --> x; click n0 %% `#` {{ }}\u{202e}\u{1b}";
    scenario.nodes[0].lines = vec![line(hostile)];
    let graph = build(&scenario, &english());
    let label = &node(&graph, "start").words;
    assert!(!label.contains('\u{202e}') && !label.contains('\u{1b}'));

    let mermaid = mermaid::render(&graph);
    let first = mermaid.lines().nth(2).expect("the start node");
    // One quoted label: exactly two quotes on the line, none inside.
    assert_eq!(first.matches('"').count(), 2, "{first}");
    assert!(!first.contains("<script"), "{first}");
    assert!(!first.contains("-->"), "{first}");

    let dot = dot::render(&graph);
    let first = dot
        .lines()
        .find(|l| l.starts_with("  n0 "))
        .expect("the start node");
    // Every quote inside the label is escaped: without the escapes, the label ends where
    // the next attribute starts.
    let stripped = first.replace("\\\\", "").replace("\\\"", "");
    let (_, label) = stripped.split_once("label=\"").expect("a label");
    let (_, rest) = label.split_once('"').expect("its end");
    assert!(rest.starts_with(", shape=diamond"), "{first}");
    assert!(first.contains("&amp;amp;"), "{first}");

    let svg = svg::render(&graph);
    assert!(!svg.contains("<script"), "{svg}");
    assert!(svg.contains("&lt;script&gt;&amp;amp;&lt;/script&gt;"));
}

#[test]
fn an_unknown_scenario_lists_the_known_ones() {
    let course = course(Vec::new(), vec![scenario()]);
    let error = scenario_graph(&course, "nope", &english()).expect_err("unknown");
    assert_eq!(
        error,
        GraphError::UnknownScenario {
            id: "nope".into(),
            known: vec!["intake".into()],
        }
    );
    let message = error.localize(&english());
    assert!(
        message.contains("nope") && message.contains("intake"),
        "{message}"
    );
    assert!(scenario_graph(&course, "intake", &english()).is_ok());
}
