//! The graph as a Mermaid `flowchart`, which GitHub and GitLab draw in Markdown.
//!
//! Node ids are `n0`, `n1`… (a course's node ids may hold anything); every label is quoted,
//! and every character Mermaid or the Markdown and HTML around it reads is written as a
//! Mermaid entity code (`#35;`), so no label can end a string, open a shape or a link, or
//! inject HTML. Parentheses stay: inside quotes the parser takes them as text, and stage
//! directions are full of them.

use super::{GraphNode, NodeKind, ScenarioGraph, joined, outcome_fill, outcome_key};
use crate::course::model::Outcome;
use std::fmt::Write;

/// The graph as a Mermaid flowchart, top to bottom, ending with a newline.
pub fn render(graph: &ScenarioGraph) -> String {
    let mut out = String::from("flowchart TD\n");
    // The scenario title as a comment, for the reader of the source.
    let _ = writeln!(
        out,
        "  %% {}",
        comment(&format!("{} ({})", graph.title, graph.id))
    );
    for (i, node) in graph.nodes.iter().enumerate() {
        let label = joined(&node.label_lines(), escape, "<br>");
        let shape = match node.kind {
            NodeKind::Decision => format!("{{\"{label}\"}}"),
            NodeKind::Route => format!("([\"{label}\"])"),
            NodeKind::Ending(_) => format!("{{{{\"{label}\"}}}}"),
        };
        let _ = writeln!(out, "  n{i}{shape}");
    }
    for edge in &graph.edges {
        let arrow = if edge.condition.is_some() {
            "-.->"
        } else {
            "-->"
        };
        let lines = edge.label_lines();
        if lines.is_empty() {
            let _ = writeln!(out, "  n{} {arrow} n{}", edge.from, edge.to);
        } else {
            let _ = writeln!(
                out,
                "  n{} {arrow}|\"{}\"| n{}",
                edge.from,
                joined(&lines, escape, "<br>"),
                edge.to
            );
        }
    }
    out.push_str(&class_styles());
    for (name, members) in classes(&graph.nodes) {
        if !members.is_empty() {
            let _ = writeln!(out, "  class {} {name}", members.join(","));
        }
    }
    out
}

/// The styles of the classes nodes are put in: outcomes by colour (their words are in the
/// label too), the start in bold, problems in red with a dashed border.
fn class_styles() -> String {
    let mut styles = String::new();
    for (outcome, stroke) in [
        (Outcome::Good, "#1e7b34"),
        (Outcome::Mixed, "#9a6b00"),
        (Outcome::Poor, "#a12a35"),
    ] {
        let _ = writeln!(
            styles,
            "  classDef {} fill:{},stroke:{stroke},color:#1a1a1a",
            outcome_key(outcome),
            outcome_fill(outcome)
        );
    }
    styles.push_str("  classDef start stroke-width:3px\n");
    styles.push_str(
        "  classDef problem fill:#ffe5e5,stroke:#d00000,stroke-width:3px,stroke-dasharray:6 3\n",
    );
    styles
}

/// The class names with the nodes (`n3`) in each.
fn classes(nodes: &[GraphNode]) -> Vec<(&'static str, Vec<String>)> {
    let mut classes: Vec<(&'static str, Vec<String>)> =
        ["good", "mixed", "poor", "start", "problem"]
            .into_iter()
            .map(|name| (name, Vec::new()))
            .collect();
    let mut add = |name: &str, i: usize| {
        if let Some((_, members)) = classes.iter_mut().find(|(n, _)| *n == name) {
            members.push(format!("n{i}"));
        }
    };
    for (i, node) in nodes.iter().enumerate() {
        if let NodeKind::Ending(outcome) = node.kind {
            add(outcome_key(outcome), i);
        }
        if node.start {
            add("start", i);
        }
        if node.unreachable || node.dead_end {
            add("problem", i);
        }
    }
    classes
}

/// A text for inside a quoted Mermaid label: letters, digits, spaces and harmless
/// punctuation as they are, everything else as an entity code (`#60;`). Mermaid decodes
/// the codes after parsing, so the parser never sees a quote, and the HTML it renders to
/// never sees a tag.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let harmless = matches!(
            c,
            ' ' | '.'
                | ','
                | ':'
                | '?'
                | '!'
                | '\''
                | '-'
                | '+'
                | '='
                | '/'
                | '@'
                | '('
                | ')'
                | '_'
        );
        if c.is_alphanumeric() || harmless || (!c.is_ascii() && !c.is_control()) {
            out.push(c);
        } else if c.is_control() {
            // Dropped: a label is one line of text.
        } else {
            let _ = write!(out, "#{};", u32::from(c));
        }
    }
    out
}

/// A text for a `%%` comment line: one line, so nothing after it is read as a statement.
fn comment(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_brackets_and_tags_become_entity_codes() {
        let escaped = escape("\"x\" [a] {b} (c) <b>&amp; | #; `md` %%");
        for forbidden in ['"', '[', ']', '{', '}', '<', '>', '&', '|', '#', '`', ';'] {
            let without_codes: String = escaped
                .split('#')
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part
                    } else {
                        part.split_once(';').map_or("", |(_, rest)| rest)
                    }
                })
                .collect();
            assert!(!without_codes.contains(forbidden), "{forbidden}: {escaped}");
        }
        assert!(escaped.starts_with("#34;x#34; #91;a#93;"), "{escaped}");
        assert_eq!(escape("Één café, oké?"), "Één café, oké?");
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(escape("a\u{1b}[31mb\nc"), "a#91;31mbc");
    }
}
