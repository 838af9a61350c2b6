//! A [`Document`] as one self-contained HTML page: inline CSS, charts as inline SVG, no
//! scripts and no external files, so it can be mailed, archived and printed as it is.

use super::{
    Bar, Block, Cell, CellKind, Chart, Document, Layout, PAGE_CLASS, Paragraph, Table, flatten,
};
use crate::i18n::display;
use std::fmt::Write;

/// Text escaped for HTML content and attribute values alike (both are always quoted with
/// `"`); control characters are written out, as everywhere else. The one HTML escaper:
/// every text and attribute value of an HTML document goes through here.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in display::escape_lines(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// ` name="value"`, escaped, or nothing.
fn attribute(name: &str, value: Option<&str>) -> String {
    value
        .map(|v| format!(" {name}=\"{}\"", escape(v)))
        .unwrap_or_default()
}

/// The style of every page: readable on screen, and on paper (a chart is not split over
/// two pages).
const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff;line-height:1.4}\
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #999}h3{font-size:1.1rem}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}\
td.count{white-space:nowrap}.context{display:block;color:#555;font-size:.9em}\
blockquote{margin:.5rem 0;padding-left:.75rem;border-left:3px solid #999;color:#333}\
svg.chart{display:block;max-width:100%;height:auto}svg.chart text{font-size:12px;fill:#1a1a1a}svg.chart rect{fill:#2d5f8a}\
@media print{h2{break-before:auto}figure{break-inside:avoid}}";

/// The darker bar of a chosen answer, added only to pages that have one (the ✓ says it
/// too, so colour is never the only sign).
const CHOSEN_STYLE: &str = "svg.chart rect.chosen{fill:#14532d}";

/// The style of a document made of pages (the certificate, the printed course), added only
/// to those: A4 pages with margins, each [`PAGE_CLASS`] section on a new sheet, no heading
/// at the foot of a page, no table row or quote split over two, and long words broken
/// rather than pushing a table past the page's edge.
const PAGED_STYLE: &str = "main{overflow-wrap:break-word}table{width:100%}th,td{overflow-wrap:break-word;hyphens:auto}\
p.quote{margin:.5rem 0;padding-left:.75rem;border-left:3px solid #999;font-style:italic}\
p.note{color:#555;font-size:.9em}p.meta{color:#333}\
@page{size:A4;margin:18mm 16mm}\
@media print{body{max-width:none;margin:0;padding:0;font-size:11pt}\
section.page{break-before:page}h1,h2,h3,h4{break-after:avoid}tr,p.quote,li{break-inside:avoid}}";

/// Whether a section of `blocks`, at any depth, is a page.
fn has_pages(blocks: &[Block]) -> bool {
    blocks.iter().any(|block| match block {
        Block::Section(section) => {
            section.class.as_deref() == Some(PAGE_CLASS) || has_pages(&section.blocks)
        }
        _ => false,
    })
}

/// The document as one HTML page.
pub fn html(document: &Document) -> String {
    let chosen = flatten(&document.blocks)
        .any(|b| matches!(b, Block::Chart(c) if c.bars.iter().any(|bar| bar.chosen)));
    let paged = has_pages(&document.blocks);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}{}{}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        escape(&document.language),
        escape(&document.title),
        if chosen { CHOSEN_STYLE } else { "" },
        if paged { PAGED_STYLE } else { "" },
        escape(&document.title),
    );
    blocks(&mut out, &document.blocks);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 6);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
            }
            Block::Paragraph(Paragraph {
                text,
                class,
                strong,
            }) => {
                let text = if *strong {
                    format!("<strong>{}</strong>", escape(text))
                } else {
                    escape(text)
                };
                let _ = writeln!(out, "<p{}>{text}</p>", attribute("class", class.as_deref()));
            }
            Block::List(entries) if entries.is_empty() => {}
            Block::List(entries) => {
                out.push_str("<ul>\n");
                for entry in entries {
                    let _ = writeln!(out, "<li>{}</li>", escape(entry));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(t) => table(out, t),
            Block::Chart(c) => chart(out, c),
            Block::Section(section) => {
                let _ = writeln!(
                    out,
                    "<section{}{}>",
                    attribute("id", section.id.as_deref()),
                    attribute("class", section.class.as_deref())
                );
                self::blocks(out, &section.blocks);
                out.push_str("</section>\n");
            }
        }
    }
}

fn table(out: &mut String, table: &Table) {
    out.push_str("<table>\n<thead><tr>");
    for heading in &table.head {
        let _ = write!(out, "<th>{}</th>", escape(heading));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            self::cell(out, cell);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// `<td>`: a count kept on one line, an id as code, lines each on its own, the context on
/// a line of its own.
fn cell(out: &mut String, cell: &Cell) {
    let text = escape(&cell.text);
    let (class, text) = match cell.kind {
        CellKind::Text => ("", text),
        CellKind::Code => ("", format!("<code>{text}</code>")),
        CellKind::Count => (" class=\"count\"", text),
        CellKind::Lines => (
            " class=\"lines\"",
            cell.text
                .lines()
                .map(escape)
                .collect::<Vec<_>>()
                .join("<br>"),
        ),
    };
    let context = cell
        .context
        .as_ref()
        .map(|c| format!("<span class=\"context\">{}</span>", escape(c)))
        .unwrap_or_default();
    let _ = write!(out, "<td{class}>{text}{context}</td>");
}

/// Where the parts of an SVG chart go, per layout.
struct Geometry {
    /// The width of the whole image.
    width: u32,
    /// The height of one bar's row when its label is one line.
    row: u32,
    /// Where a label starts, and its first baseline below the row's top.
    label: (u32, u32),
    /// From one line of a label to the next.
    line: u32,
    /// Whether the label is above the bar, so that each extra line moves the bar down.
    label_above: bool,
    /// Where a bar starts, and its top below the row's top.
    bar: (u32, u32),
    /// The width of a full bar.
    full: u32,
    /// The baseline of the count after a bar, below the row's top.
    count_y: u32,
    /// Room under the last row.
    foot: u32,
    /// Columns of a label's line; a longer label wraps onto more lines (SVG text does not
    /// wrap by itself), and its row grows.
    label_columns: usize,
    /// Decimals of widths and positions.
    decimals: usize,
}

/// Label beside the bar: many short rows, a table under them with the full texts.
const BESIDE: Geometry = Geometry {
    width: 760,
    row: 24,
    label: (0, 16),
    line: 15,
    label_above: false,
    bar: (300, 4),
    full: 360,
    count_y: 16,
    foot: 0,
    label_columns: 44,
    decimals: 1,
};

/// Label above the bar: a vote's few answers, each in full.
const ABOVE: Geometry = Geometry {
    width: 640,
    row: 44,
    label: (8, 16),
    line: 15,
    label_above: true,
    bar: (8, 22),
    full: 520,
    count_y: 35,
    foot: 8,
    label_columns: 88,
    decimals: 0,
};

/// `text` on lines of at most `columns` terminal columns (a longer word is split), on one
/// line when it fits. Line breaks and runs of spaces in the text become one space; a
/// no-break space (U+00A0, U+202F) stays, and no line breaks at it.
fn wrap_label(text: &str, columns: usize) -> Vec<String> {
    let one_line = text
        .split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}'))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let lines: Vec<String> = textwrap::wrap(&one_line, columns.max(1))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// The extra height of a label of `lines` lines.
fn extra_lines(g: &Geometry, lines: usize) -> u32 {
    u32::try_from(lines.saturating_sub(1))
        .unwrap_or(u32::MAX)
        .saturating_mul(g.line)
}

/// One chart as a figure: its heading when shown, the line under it, an SVG with one
/// `<rect>` per bar (its width is the count's share of the full bar), each with a `<title>`
/// and a text label holding the number, then for shares a table with the full texts.
fn chart(out: &mut String, chart: &Chart) {
    let _ = writeln!(
        out,
        "<figure class=\"chart\" data-chart=\"{}\">",
        escape(&chart.id)
    );
    if chart.titled {
        let _ = writeln!(out, "<h3>{}</h3>", escape(&chart.title));
    }
    if let Some(subtitle) = &chart.subtitle {
        let _ = writeln!(out, "<blockquote>{}</blockquote>", escape(subtitle));
    }
    let g = match chart.layout {
        Layout::Shares { .. } => &BESIDE,
        Layout::Votes => &ABOVE,
    };
    let labels: Vec<Vec<String>> = chart
        .bars
        .iter()
        .map(|bar| wrap_label(&bar.label, g.label_columns))
        .collect();
    // Each row as high as its label needs; an empty chart keeps the room of one row.
    let rows: Vec<u32> = labels
        .iter()
        .map(|lines| g.row.saturating_add(extra_lines(g, lines.len())))
        .collect();
    let height = rows
        .iter()
        .fold(0u32, |sum, row| sum.saturating_add(*row))
        .max(g.row)
        .saturating_add(g.foot);
    let _ = writeln!(
        out,
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">",
        escape(&accessible_name(chart)),
        g.width,
        g.width
    );
    let mut y = 0u32;
    for ((bar, lines), row) in chart.bars.iter().zip(&labels).zip(&rows) {
        svg_bar(out, g, &chart.layout, y, bar, lines);
        y = y.saturating_add(*row);
    }
    out.push_str("</svg>\n");
    if let Layout::Shares { columns } = &chart.layout {
        let rows = chart
            .bars
            .iter()
            .map(|bar| {
                vec![
                    Cell::text(&bar.label).with_context(bar.context.clone()),
                    Cell::count(bar.marked_caption()),
                ]
            })
            .collect();
        table(
            out,
            &Table {
                head: columns.to_vec(),
                rows,
            },
        );
    }
    out.push_str("</figure>\n");
}

/// What assistive technology says for a chart's image (its `aria-label`, never empty): the
/// title, which the table under a chart of shares goes on from; a vote has no table, so
/// its name says every answer and its votes too, as each bar's `<title>` does, the
/// answer the group went with marked ✓. An empty chart with nothing else to say is named
/// by its id.
fn accessible_name(chart: &Chart) -> String {
    let title = chart.title.trim();
    let bars = || {
        chart
            .bars
            .iter()
            .map(|bar| format!("{}: {}", bar.label_with_context(), bar.marked_caption()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let name = match &chart.layout {
        Layout::Shares { .. } if !title.is_empty() => title.to_owned(),
        Layout::Shares { columns } if columns.iter().any(|c| !c.trim().is_empty()) => {
            columns.join(" · ")
        }
        _ if chart.bars.is_empty() => title.to_owned(),
        _ if title.is_empty() => bars(),
        _ => format!("{title} — {}", bars()),
    };
    // An empty chart without a title or headings: its id is all there is to say.
    if name.trim().is_empty() {
        chart.id.clone()
    } else {
        name
    }
}

/// One bar's row at `y`: the label on its `lines`, the bar with its numbers as data, the
/// caption after it.
fn svg_bar(out: &mut String, g: &Geometry, layout: &Layout, y: u32, bar: &Bar, lines: &[String]) {
    let width = if bar.total == 0 {
        0.0
    } else {
        f64::from(bar.value.min(bar.total)) * f64::from(g.full) / f64::from(bar.total)
    };
    let data = match layout {
        Layout::Shares { .. } => {
            format!("data-count=\"{}\" data-total=\"{}\"", bar.value, bar.total)
        }
        Layout::Votes => format!("data-votes=\"{}\"", bar.value),
    };
    let class = if bar.chosen { " class=\"chosen\"" } else { "" };
    let d = g.decimals;
    let label_y = y + g.label.1;
    // One line as it is; more as one `<tspan>` each, the mark after the last.
    let label = match lines {
        [line] => format!("{}{}", escape(line), bar.mark()),
        _ => {
            let last = lines.len().saturating_sub(1);
            let mut spans = String::new();
            for (i, (line, line_y)) in lines
                .iter()
                .zip((label_y..).step_by(g.line as usize))
                .enumerate()
            {
                let mark = if i == last { bar.mark() } else { "" };
                let _ = write!(
                    spans,
                    "<tspan x=\"{}\" y=\"{line_y}\">{}{mark}</tspan>",
                    g.label.0,
                    escape(line)
                );
            }
            spans
        }
    };
    // A label above the bar pushes it down by its extra lines.
    let below = if g.label_above {
        y + extra_lines(g, lines.len())
    } else {
        y
    };
    let _ = writeln!(
        out,
        "<g class=\"bar\"><title>{}: {}</title><text x=\"{}\" y=\"{label_y}\">{label}</text><rect{class} x=\"{}\" y=\"{}\" width=\"{width:.d$}\" height=\"16\" {data}></rect><text x=\"{:.d$}\" y=\"{}\">{}</text></g>",
        escape(&bar.label_with_context()),
        escape(&bar.caption),
        g.label.0,
        g.bar.0,
        below + g.bar.1,
        f64::from(g.bar.0) + width + 6.0,
        below + g.count_y,
        escape(&bar.caption)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_is_escaped_and_svg_labels_wrap_on_columns() {
        assert_eq!(
            escape("<b>\"Tom\" & 'Jo'</b>"),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt;"
        );
        assert_eq!(wrap_label("één twee", 4), ["één", "twee"]);
        assert_eq!(wrap_label("kort", 10), ["kort"]);
        assert_eq!(wrap_label("", 10), [""]);
        assert_eq!(wrap_label("a\n  b\tc", 10), ["a b c"]);
        assert_eq!(wrap_label("abcdefgh", 3), ["abc", "def", "gh"]);
        // No line breaks at a no-break space, which stays as it is.
        assert_eq!(
            wrap_label("Pourquoi\u{202f}? Vraiment\u{a0}!", 10),
            ["Pourquoi\u{202f}?", "Vraiment\u{a0}!"]
        );
    }
}
