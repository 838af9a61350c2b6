//! The graph in Graphviz's DOT language (`kruispunt graph S --format dot | dot -Tpng`).
//!
//! Node ids are `n0`, `n1`…; every label is a quoted string, with backslashes and quotes
//! escaped and `&` written as `&amp;` (Graphviz reads HTML entities in every label).

use super::{NodeKind, ScenarioGraph, joined, outcome_fill};
use std::fmt::Write;

/// The graph as a DOT `digraph`, ending with a newline.
pub fn render(graph: &ScenarioGraph) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", escape(&graph.id));
    let _ = writeln!(
        out,
        "  graph [label=\"{}\", labelloc=t, fontname=\"sans-serif\"];",
        escape(&graph.title)
    );
    out.push_str("  node [fontname=\"sans-serif\", fontsize=11, style=filled, fillcolor=white];\n");
    out.push_str("  edge [fontname=\"sans-serif\", fontsize=9];\n");
    for (i, node) in graph.nodes.iter().enumerate() {
        let mut attributes = vec![format!(
            "label=\"{}\"",
            joined(&node.label_lines(), escape, "\\n")
        )];
        let (shape, fill) = match node.kind {
            NodeKind::Decision => ("diamond", None),
            NodeKind::Route => ("box", None),
            NodeKind::Ending(outcome) => ("hexagon", Some(outcome_fill(outcome))),
        };
        attributes.push(format!("shape={shape}"));
        let mut style = vec!["filled"];
        if node.kind == NodeKind::Route {
            style.push("rounded");
        }
        if node.unreachable || node.dead_end {
            style.push("dashed");
            attributes.push("color=\"#d00000\"".into());
            attributes.push("penwidth=3".into());
        } else if node.start {
            style.push("bold");
        }
        attributes.push(format!("style=\"{}\"", style.join(",")));
        if let Some(fill) = fill {
            attributes.push(format!("fillcolor=\"{fill}\""));
        } else if node.unreachable || node.dead_end {
            attributes.push("fillcolor=\"#ffe5e5\"".into());
        }
        let _ = writeln!(out, "  n{i} [{}];", attributes.join(", "));
    }
    for edge in &graph.edges {
        let mut attributes = vec![format!(
            "label=\"{}\"",
            joined(&edge.label_lines(), escape, "\\n")
        )];
        if edge.condition.is_some() {
            attributes.push("style=dashed".into());
        }
        let _ = writeln!(
            out,
            "  n{} -> n{} [{}];",
            edge.from,
            edge.to,
            attributes.join(", ")
        );
    }
    out.push_str("}\n");
    out
}

/// A text for inside a DOT quoted string: `\` and `"` escaped (so no `\N`, `\l` or end of
/// string can be written by a course), `&` as `&amp;`, control characters dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_backslashes_and_entities_are_escaped() {
        assert_eq!(escape(r#"say "hi" \N &lt;"#), r#"say \"hi\" \\N &amp;lt;"#);
        assert_eq!(escape("a\nb\u{7}"), "ab");
    }
}
