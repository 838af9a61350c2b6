//! A [`Document`] as Markdown that reads as plain text too: blocks separated by one blank
//! line, charts as text bars.

use super::{Bar, Block, Cell, CellKind, Chart, Document, Layout, Table, filled};
use crate::i18n::display;

/// Characters of a full text bar.
const TEXT_BAR_WIDTH: u32 = 20;

/// Text in a Markdown table cell, heading, paragraph or list entry: one line (so no new row,
/// heading or block can start), every character Markdown reads as markup escaped (no column
/// break, no HTML tag, no link and no image: a remote image in a report would be a tracking
/// pixel), and control characters written out. The one Markdown escaper: every text of a
/// Markdown document goes through here.
pub fn md_inline(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len());
    for c in display::escape(&one_line).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escaped text that starts a block (a paragraph, a list entry, a quote), with a leading
/// list marker (`-`, `+`, `1.`, `1)`) or code fence (`~~~`) escaped too, so such a text
/// stays words instead of starting a list or a code block that swallows the rest. Table
/// cells do not need this: nothing starts a block inside a cell.
fn block_start(escaped: String) -> String {
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    let after_digits = escaped[digits..].chars().next();
    let marker = match escaped.chars().next() {
        Some('-' | '+' | '~') => Some(0),
        Some(c) if c.is_ascii_digit() && matches!(after_digits, Some('.' | ')')) => Some(digits),
        _ => None,
    };
    match marker {
        Some(at) => format!("{}\\{}", &escaped[..at], &escaped[at..]),
        None => escaped,
    }
}

/// The document as Markdown.
pub fn markdown(document: &Document) -> String {
    let mut parts = vec![format!("# {}", md_inline(&document.title))];
    blocks(&document.blocks, &mut parts);
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// Each block as one part of the text; parts are separated by a blank line.
fn blocks(blocks: &[Block], parts: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Heading { level, text } => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 6)));
                parts.push(format!("{hashes} {}", md_inline(text)));
            }
            Block::Paragraph(paragraph) if paragraph.strong => {
                parts.push(format!("**{}**", md_inline(&paragraph.text)));
            }
            Block::Paragraph(paragraph) => parts.push(block_start(md_inline(&paragraph.text))),
            Block::List(entries) if entries.is_empty() => {}
            Block::List(entries) => parts.push(
                entries
                    .iter()
                    .map(|entry| format!("- {}", block_start(md_inline(entry))))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Table(t) => parts.push(table(t)),
            Block::Chart(c) => chart(c, parts),
            Block::Section(section) => self::blocks(&section.blocks, parts),
        }
    }
}

/// A table: a heading row, the separator row, then one row per entry.
fn table(table: &Table) -> String {
    let row = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let mut lines = vec![
        row(table.head.iter().map(|h| md_inline(h)).collect()),
        row(vec!["---".to_owned(); table.head.len()]),
    ];
    for cells in &table.rows {
        lines.push(row(cells
            .iter()
            .map(|c| match c.kind {
                // One row per entry: the lines stay apart by a slash.
                CellKind::Lines => md_inline(&c.with_context_inline().replace('\n', " / ")),
                _ => md_inline(&c.with_context_inline()),
            })
            .collect()));
    }
    lines.join("\n")
}

/// `█████` for `value` of `total`.
fn text_bar(bar: &Bar) -> String {
    "█".repeat(filled(bar.value, bar.total, TEXT_BAR_WIDTH) as usize)
}

/// A chart: its title when shown, the line under it as a quote, then the bars.
fn chart(chart: &Chart, parts: &mut Vec<String>) {
    if chart.titled {
        parts.push(format!("### {}", md_inline(&chart.title)));
    }
    if let Some(subtitle) = &chart.subtitle {
        parts.push(format!("> {}", block_start(md_inline(subtitle))));
    }
    match &chart.layout {
        // A table with the bar before the count, e.g. `| Label | ████ 2 of 3 |`.
        Layout::Shares { columns } => {
            let rows = chart
                .bars
                .iter()
                .map(|bar| {
                    let blocks = text_bar(bar);
                    let sep = if blocks.is_empty() { "" } else { " " };
                    vec![
                        Cell::text(&bar.label).with_context(bar.context.clone()),
                        Cell::count(format!("{blocks}{sep}{}", bar.marked_caption())),
                    ]
                })
                .collect();
            parts.push(table(&Table {
                head: columns.to_vec(),
                rows,
            }));
        }
        // One line per bar, the bar padded so the numbers line up:
        // ``- `████░░░░` 4 ✓ — label``.
        Layout::Votes if chart.bars.is_empty() => {}
        Layout::Votes => parts.push(
            chart
                .bars
                .iter()
                .map(|bar| {
                    let blocks = text_bar(bar);
                    let rest = TEXT_BAR_WIDTH as usize - blocks.chars().count();
                    format!(
                        "- `{blocks}{}` {} — {}",
                        "░".repeat(rest),
                        md_inline(&bar.marked_caption()),
                        md_inline(&bar.label_with_context())
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_stay_on_one_line_without_column_breaks() {
        assert_eq!(md_inline("a | b\nc <b>"), "a \\| b c \\<b\\>");
    }

    #[test]
    fn markdown_cells_hold_no_link_image_html_or_escape() {
        let cell = md_inline("![p](http://t/p.png) <script>x</script> \u{1b}[2K");
        assert!(!cell.contains("!["), "{cell}");
        assert!(!cell.replace("\\<", "").contains('<'), "no tag: {cell}");
        assert!(!cell.contains('\u{1b}'), "{cell}");
        assert!(!cell.replace("\\[", "").contains('['), "no link: {cell}");
    }

    #[test]
    fn a_block_never_starts_a_list_or_a_code_fence() {
        assert_eq!(block_start(md_inline("- not a list")), "\\- not a list");
        assert_eq!(block_start(md_inline("+ nor")), "\\+ nor");
        assert_eq!(block_start(md_inline("12. nor")), "12\\. nor");
        assert_eq!(block_start(md_inline("3) nor")), "3\\) nor");
        assert_eq!(
            block_start(md_inline("~~~ nor a fence")),
            "\\~~~ nor a fence"
        );
        assert_eq!(
            block_start(md_inline("10:15 (s): words")),
            "10:15 (s): words"
        );
        assert_eq!(block_start(md_inline("a - b")), "a - b");
    }
}
