//! The graph as a standalone SVG picture, laid out here ([`super::layout`]) so it needs no
//! Graphviz.
//!
//! Every node is a `<g class="node …">` and every edge a `<g class="edge …">`, so a reader
//! (or a test) can find them; every text is escaped with the report's HTML escaper, which
//! suits XML too once the model has dropped the characters XML cannot carry.

use super::layout::{self, Size};
use super::{GraphNode, NodeKind, ScenarioGraph, outcome_fill, outcome_key};
// The one HTML escaper serves XML as well: the model has dropped what XML cannot carry.
use crate::report::document::html::escape;
use std::fmt::Write;

/// Estimated width of a character of node text (11px sans-serif), for sizing the boxes.
const CHAR_WIDTH: f64 = 6.6;
/// Height of a line of node text.
const LINE_HEIGHT: f64 = 14.0;
/// Estimated width of a character of edge label text (9px sans-serif).
const EDGE_CHAR_WIDTH: f64 = 5.4;
/// Height of a line of edge label text.
const EDGE_LINE_HEIGHT: f64 = 11.0;
/// Estimated width of a character of the legend (10px sans-serif).
const LEGEND_CHAR_WIDTH: f64 = 5.6;
/// Room for the title and the legend above the graph.
const TITLE_HEIGHT: f64 = 46.0;

/// The graph as an SVG document, ending with a newline.
pub fn render(graph: &ScenarioGraph) -> String {
    let labels: Vec<Vec<String>> = graph.nodes.iter().map(GraphNode::label_lines).collect();
    let sizes: Vec<Size> = graph
        .nodes
        .iter()
        .zip(&labels)
        .map(|(node, lines)| size(node.kind, lines))
        .collect();
    let edges: Vec<(usize, usize)> = graph.edges.iter().map(|e| (e.from, e.to)).collect();
    let start = graph.nodes.iter().position(|n| n.start).unwrap_or(0);
    let placement = layout::place(&sizes, &edges, start, TITLE_HEIGHT);
    // The body first: edge labels may reach past the boxes, and the picture is made wide
    // enough for them.
    let mut body = String::new();
    let mut reach = (0.0f64, placement.width.max(300.0));
    // Edges first, so nodes are drawn over their ends.
    let spreads = parallel_spreads(&edges);
    for (edge, spread) in graph.edges.iter().zip(spreads) {
        let (Some(&from), Some(&to)) = (
            placement.centres.get(edge.from),
            placement.centres.get(edge.to),
        ) else {
            continue;
        };
        let (Some(&from_size), Some(&to_size)) = (sizes.get(edge.from), sizes.get(edge.to)) else {
            continue;
        };
        let conditional = edge.condition.is_some();
        let _ = write!(
            body,
            "<g class=\"edge{}\">",
            if conditional { " conditional" } else { "" }
        );
        let (path, label_at) = edge_path(
            (from, from_size),
            (to, to_size),
            spread,
            edge.from == edge.to,
        );
        let _ = write!(
            body,
            "<path d=\"{path}\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.2\"{} \
             marker-end=\"url(#arrow)\"/>",
            if conditional {
                " stroke-dasharray=\"6 4\""
            } else {
                ""
            }
        );
        let lines = edge.label_lines();
        if !lines.is_empty() {
            let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
            let half = longest as f64 * EDGE_CHAR_WIDTH / 2.0;
            reach = (
                reach.0.min(label_at.0 - half - layout::MARGIN),
                reach.1.max(label_at.0 + half + layout::MARGIN),
            );
            write_text(&mut body, &lines, label_at, EDGE_LINE_HEIGHT, "9", true);
        }
        body.push_str("</g>\n");
    }
    for (i, node) in graph.nodes.iter().enumerate() {
        let (Some(&centre), Some(&size), Some(lines)) =
            (placement.centres.get(i), sizes.get(i), labels.get(i))
        else {
            continue;
        };
        let _ = write!(
            body,
            "<g class=\"{}\" id=\"n{i}\"><title>{}</title>",
            node_classes(node),
            escape(&node.id)
        );
        body.push_str(&shape(node, centre, size));
        write_text(&mut body, lines, centre, LINE_HEIGHT, "11", false);
        body.push_str("</g>\n");
    }
    // The title and the legend fit too.
    let legend_width = graph.legend.chars().count() as f64 * LEGEND_CHAR_WIDTH;
    let title_width = (graph.title.chars().count() + graph.id.chars().count() + 3) as f64 * 8.0;
    reach.1 = reach
        .1
        .max(legend_width.max(title_width) + 2.0 * layout::MARGIN);
    let shift = -reach.0;
    let width = reach.1 - reach.0;
    let height = placement.height;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"sans-serif\" role=\"img\">"
    );
    let title = format!("{} ({})", graph.title, graph.id);
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    out.push_str(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
         markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">\
         <path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker></defs>\n",
    );
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text class=\"title\" x=\"{margin}\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{}</text>\n\
         <text class=\"legend\" x=\"{margin}\" y=\"38\" font-size=\"10\" fill=\"#444\">{}</text>",
        escape(&title),
        escape(&graph.legend),
        margin = layout::MARGIN,
    );
    let _ = writeln!(out, "<g transform=\"translate({shift:.1},0)\">");
    out.push_str(&body);
    out.push_str("</g>\n");
    out.push_str("</svg>\n");
    out
}

/// The classes of a node's group: `node`, its kind, its outcome, `start`, `problem`.
fn node_classes(node: &GraphNode) -> String {
    let mut classes = vec!["node"];
    match node.kind {
        NodeKind::Decision => classes.push("decision"),
        NodeKind::Route => classes.push("route"),
        NodeKind::Ending(outcome) => {
            classes.push("ending");
            classes.push(outcome_key(outcome));
        }
    }
    if node.start {
        classes.push("start");
    }
    if node.unreachable {
        classes.push("unreachable");
    }
    if node.dead_end {
        classes.push("dead-end");
    }
    classes.join(" ")
}

/// The box a node's label needs, by the shape around it.
fn size(kind: NodeKind, lines: &[String]) -> Size {
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
    let text = Size {
        width: longest * CHAR_WIDTH + 20.0,
        height: lines.len() as f64 * LINE_HEIGHT + 12.0,
    };
    match kind {
        // A diamond holds its text in the middle half.
        NodeKind::Decision => Size {
            width: text.width * 1.5,
            height: text.height * 1.6,
        },
        NodeKind::Route => text,
        NodeKind::Ending(_) => Size {
            width: text.width + 24.0,
            height: text.height,
        },
    }
}

/// The outline of a node, filled by kind and outcome; a problem gets a red dashed border.
fn shape(node: &GraphNode, (x, y): (f64, f64), size: Size) -> String {
    let (w, h) = (size.width / 2.0, size.height / 2.0);
    let fill = match node.kind {
        NodeKind::Decision => "#ffffff",
        NodeKind::Route => "#eef3fb",
        NodeKind::Ending(outcome) => outcome_fill(outcome),
    };
    let problem = node.unreachable || node.dead_end;
    let stroke = if problem {
        " stroke=\"#d00000\" stroke-width=\"3\" stroke-dasharray=\"6 3\"".to_owned()
    } else {
        format!(
            " stroke=\"#333\" stroke-width=\"{}\"",
            if node.start { 3 } else { 1 }
        )
    };
    match node.kind {
        NodeKind::Decision => format!(
            "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{fill}\"{stroke}/>",
            x,
            y - h,
            x + w,
            y,
            x,
            y + h,
            x - w,
            y
        ),
        NodeKind::Route => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"12\" fill=\"{fill}\"{stroke}/>",
            x - w,
            y - h,
            size.width,
            size.height
        ),
        NodeKind::Ending(_) => {
            let corner = 12.0;
            format!(
                "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{fill}\"{stroke}/>",
                x - w + corner,
                y - h,
                x + w - corner,
                y - h,
                x + w,
                y,
                x + w - corner,
                y + h,
                x - w + corner,
                y + h,
                x - w,
                y
            )
        }
    }
}

/// The path of an edge from box to box, and where its label goes. An edge that goes up (it
/// closes a cycle) bends to the side, so it does not run over the edges going down.
fn edge_path(
    (from, from_size): ((f64, f64), Size),
    (to, to_size): ((f64, f64), Size),
    spread: f64,
    to_itself: bool,
) -> (String, (f64, f64)) {
    if to_itself {
        let (x, y) = (from.0 + from_size.width / 2.0, from.1);
        let path = format!(
            "M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
            x,
            y - 6.0,
            x + 40.0,
            y - 30.0,
            x + 40.0,
            y + 30.0,
            x,
            y + 6.0
        );
        return (path, (x + 40.0, y));
    }
    let start = border(from, from_size, to);
    let end = border(to, to_size, from);
    let (mx, my) = ((start.0 + end.0) / 2.0, (start.1 + end.1) / 2.0);
    let control = if to.1 <= from.1 {
        // Going up: bend out to the right, by more the longer the way back.
        (mx + 60.0 + (from.1 - to.1) * 0.15 + spread, my)
    } else {
        // Parallel edges bend apart, so their labels sit side by side.
        (mx + spread * 2.0, my)
    };
    let path = format!(
        "M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}",
        start.0, start.1, control.0, control.1, end.0, end.1
    );
    // The midpoint of the quadratic curve.
    let label = (
        0.25 * start.0 + 0.5 * control.0 + 0.25 * end.0,
        0.25 * start.1 + 0.5 * control.1 + 0.25 * end.1,
    );
    (path, label)
}

/// How far each edge bends sideways: edges between the same two nodes fan out, a label's
/// width apart at their middles; a single edge stays straight.
fn parallel_spreads(edges: &[(usize, usize)]) -> Vec<f64> {
    /// The distance between the middles of two neighbouring parallel edges.
    const APART: f64 = 190.0;
    let mut groups: std::collections::HashMap<(usize, usize), (usize, usize)> =
        std::collections::HashMap::new();
    for &pair in edges {
        groups.entry(pair).or_insert((0, 0)).1 += 1;
    }
    edges
        .iter()
        .map(|pair| match groups.get_mut(pair) {
            Some((seen, total)) => {
                let spread = (*seen as f64 - (*total as f64 - 1.0) / 2.0) * APART;
                *seen += 1;
                spread
            }
            None => 0.0,
        })
        .collect()
}

/// Where the line from the centre of a box towards `towards` leaves the box.
fn border(centre: (f64, f64), size: Size, towards: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (towards.0 - centre.0, towards.1 - centre.1);
    let (w, h) = (size.width / 2.0, size.height / 2.0);
    if dx == 0.0 && dy == 0.0 {
        return centre;
    }
    let scale_x = if dx == 0.0 {
        f64::INFINITY
    } else {
        w / dx.abs()
    };
    let scale_y = if dy == 0.0 {
        f64::INFINITY
    } else {
        h / dy.abs()
    };
    let scale = scale_x.min(scale_y);
    (centre.0 + dx * scale, centre.1 + dy * scale)
}

/// Centred lines of text at `at`, one `<tspan>` each; `halo` puts a white outline around
/// the letters, so an edge label stays readable over the lines it crosses.
fn write_text(
    out: &mut String,
    lines: &[String],
    (x, y): (f64, f64),
    line_height: f64,
    font_size: &str,
    halo: bool,
) {
    let first = y - (lines.len().saturating_sub(1) as f64) * line_height / 2.0 + line_height / 3.0;
    let _ = write!(
        out,
        "<text x=\"{x:.1}\" y=\"{first:.1}\" font-size=\"{font_size}\" text-anchor=\"middle\"{}>",
        if halo {
            " stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\" fill=\"#222\""
        } else {
            " fill=\"#111\""
        }
    );
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { line_height };
        let _ = write!(
            out,
            "<tspan x=\"{x:.1}\" dy=\"{dy:.1}\">{}</tspan>",
            escape(line)
        );
    }
    out.push_str("</text>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edge_leaves_a_box_at_its_border() {
        let size = Size {
            width: 100.0,
            height: 40.0,
        };
        assert_eq!(border((0.0, 0.0), size, (0.0, 100.0)), (0.0, 20.0));
        assert_eq!(border((0.0, 0.0), size, (200.0, 0.0)), (50.0, 0.0));
    }
}
