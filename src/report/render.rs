//! The group report as Markdown (readable as plain text), one self-contained HTML file with
//! SVG bar charts (no scripts, no external assets), or CSV (RFC 4180, one table).

use super::aggregate::{Bar, Chart, GroupReport, Section};
use crate::i18n::display;
use std::fmt::Write;

/// The output formats of `kruispunt report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// CSV.
    Csv,
}

/// The report in `format`.
pub fn render(report: &GroupReport, format: ReportFormat) -> String {
    match format {
        ReportFormat::Markdown => markdown(report),
        ReportFormat::Html => html(report),
        ReportFormat::Csv => csv(report),
    }
}

/// Characters of a full text bar in Markdown.
const TEXT_BAR_WIDTH: u32 = 20;

/// How many of `width` units `value` of `total` fills, rounded to the nearest.
fn filled(value: u32, total: u32, width: u32) -> u32 {
    if total == 0 {
        return 0;
    }
    let value = u64::from(value.min(total));
    let cells = (value * u64::from(width) * 2 + u64::from(total)) / (u64::from(total) * 2);
    u32::try_from(cells).unwrap_or(width)
}

/// `label (context)`.
fn label_with_context(bar: &Bar) -> String {
    match &bar.context {
        Some(context) => format!("{} ({context})", bar.label),
        None => bar.label.clone(),
    }
}

/// Whether a section's only chart repeats the section heading (no sub-heading needed).
fn own_heading(section: &Section, chart: &Chart) -> bool {
    chart.title != section.heading
}

// ---------------------------------------------------------------- Markdown

/// Text in a Markdown table cell, heading or paragraph: one line (so no new row, heading
/// or block can start), every character Markdown reads as markup escaped (no column
/// break, no HTML tag, no link and no image: a remote image in a report would be a
/// tracking pixel), and control characters written out. Every text of a Markdown report
/// goes through here; the session handout uses it too.
pub(crate) fn md_inline(text: &str) -> String {
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

/// The report as Markdown.
pub fn markdown(report: &GroupReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_inline(&report.title));
    let _ = writeln!(out, "{}\n", md_inline(&report.summary));
    let _ = writeln!(out, "{}\n", md_inline(&report.anonymity));
    for section in &report.sections {
        let _ = writeln!(out, "## {}\n", md_inline(&section.heading));
        let _ = writeln!(out, "{}\n", md_inline(&section.intro));
        for chart in &section.charts {
            if own_heading(section, chart) {
                let _ = writeln!(out, "### {}\n", md_inline(&chart.title));
            }
            if let Some(subtitle) = &chart.subtitle {
                let _ = writeln!(out, "> {}\n", md_inline(subtitle));
            }
            let _ = writeln!(
                out,
                "| {} | {} |\n| --- | --- |",
                md_inline(&section.label_heading),
                md_inline(&section.value_heading)
            );
            for bar in &chart.bars {
                let blocks = "█".repeat(filled(bar.value, bar.total, TEXT_BAR_WIDTH) as usize);
                let sep = if blocks.is_empty() { "" } else { " " };
                let _ = writeln!(
                    out,
                    "| {} | {blocks}{sep}{} |",
                    md_inline(&label_with_context(bar)),
                    md_inline(&bar.caption)
                );
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## {}\n", md_inline(&report.unmatched_heading));
    if report.unmatched.is_empty() {
        let _ = writeln!(out, "{}", md_inline(&report.all_matched));
    } else {
        let _ = writeln!(out, "{}\n", md_inline(&report.unmatched_intro));
        let [a, b, c, d] = &report.unmatched_columns;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n| --- | --- | --- | --- |",
            md_inline(a),
            md_inline(b),
            md_inline(c),
            md_inline(d)
        );
        for u in &report.unmatched {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md_inline(&u.trainee),
                md_inline(&u.version),
                md_inline(&u.id),
                md_inline(&u.what)
            );
        }
    }
    out
}

// ---------------------------------------------------------------- HTML

/// Text escaped for HTML content and attribute values (also used by the session handout);
/// control characters are written out, as everywhere else.
pub(crate) fn esc(text: &str) -> String {
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

/// At most `max` characters, with `…` when cut (SVG text does not wrap).
fn shorten(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// SVG geometry: where bars start, how wide a full bar is, and a row's height.
const BAR_X: u32 = 300;
const BAR_FULL: u32 = 360;
const ROW: u32 = 24;
const LABEL_CHARS: usize = 44;

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff;line-height:1.4}\
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #999}h3{font-size:1.1rem}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}\
td.count{white-space:nowrap}.context{display:block;color:#555;font-size:.9em}\
blockquote{margin:.5rem 0;padding-left:.75rem;border-left:3px solid #999;color:#333}\
svg.chart{display:block;max-width:100%;height:auto}svg.chart text{font-size:12px;fill:#1a1a1a}svg.chart rect{fill:#2d5f8a}\
@media print{h2{break-before:auto}figure{break-inside:avoid}}";

/// The report as one self-contained HTML document.
pub fn html(report: &GroupReport) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(report.language),
        esc(&report.title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(&report.title));
    let _ = writeln!(out, "<p>{}</p>", esc(&report.summary));
    let _ = writeln!(out, "<p>{}</p>", esc(&report.anonymity));
    for section in &report.sections {
        let _ = writeln!(out, "<section id=\"{}\">", section.id);
        let _ = writeln!(out, "<h2>{}</h2>", esc(&section.heading));
        let _ = writeln!(out, "<p>{}</p>", esc(&section.intro));
        for chart in &section.charts {
            html_chart(&mut out, section, chart);
        }
        out.push_str("</section>\n");
    }
    let _ = writeln!(out, "<section id=\"unmatched\">");
    let _ = writeln!(out, "<h2>{}</h2>", esc(&report.unmatched_heading));
    if report.unmatched.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(&report.all_matched));
    } else {
        let _ = writeln!(out, "<p>{}</p>", esc(&report.unmatched_intro));
        out.push_str("<table>\n<thead><tr>");
        for column in &report.unmatched_columns {
            let _ = write!(out, "<th>{}</th>", esc(column));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for u in &report.unmatched {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
                esc(&u.trainee),
                esc(&u.version),
                esc(&u.id),
                esc(&u.what)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n</body>\n</html>\n");
    out
}

/// One chart: an SVG with one `<rect>` per bar (its width is the count's share of the
/// total), each with a `<title>` and a text label holding the number, then a table with
/// the full texts.
fn html_chart(out: &mut String, section: &Section, chart: &Chart) {
    let _ = writeln!(
        out,
        "<figure class=\"chart\" data-chart=\"{}\">",
        esc(&chart.id)
    );
    if own_heading(section, chart) {
        let _ = writeln!(out, "<h3>{}</h3>", esc(&chart.title));
    }
    if let Some(subtitle) = &chart.subtitle {
        let _ = writeln!(out, "<blockquote>{}</blockquote>", esc(subtitle));
    }
    let rows = u32::try_from(chart.bars.len()).unwrap_or(u32::MAX);
    let height = rows.saturating_mul(ROW).max(ROW);
    let width = BAR_X + BAR_FULL + 100;
    let _ = writeln!(
        out,
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">",
        esc(&chart.title)
    );
    for (row, bar) in (0u32..).zip(&chart.bars) {
        let y = row.saturating_mul(ROW);
        let bar_width = if bar.total == 0 {
            0.0
        } else {
            f64::from(bar.value.min(bar.total)) * f64::from(BAR_FULL) / f64::from(bar.total)
        };
        let label = label_with_context(bar);
        let _ = writeln!(
            out,
            "<g class=\"bar\"><title>{}: {}</title><text x=\"0\" y=\"{}\">{}</text><rect x=\"{BAR_X}\" y=\"{}\" width=\"{bar_width:.1}\" height=\"{}\" data-count=\"{}\" data-total=\"{}\"></rect><text x=\"{:.1}\" y=\"{}\">{}</text></g>",
            esc(&label),
            esc(&bar.caption),
            y + 16,
            esc(&shorten(&bar.label, LABEL_CHARS)),
            y + 4,
            ROW - 8,
            bar.value,
            bar.total,
            f64::from(BAR_X) + bar_width + 6.0,
            y + 16,
            esc(&bar.caption)
        );
    }
    out.push_str("</svg>\n");
    let _ = writeln!(
        out,
        "<table>\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        esc(&section.label_heading),
        esc(&section.value_heading)
    );
    for bar in &chart.bars {
        let context = bar
            .context
            .as_ref()
            .map(|c| format!("<span class=\"context\">{}</span>", esc(c)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td>{}{context}</td><td class=\"count\">{}</td></tr>",
            esc(&bar.label),
            esc(&bar.caption)
        );
    }
    out.push_str("</tbody>\n</table>\n</figure>\n");
}

// ---------------------------------------------------------------- CSV

/// The CSV columns. Fixed identifiers, so formulas and scripts keep working whatever the
/// report's language; the texts in the rows are in that language.
const CSV_HEADER: [&str; 9] = [
    "section", "chart_id", "chart", "id", "label", "context", "count", "total", "percent",
];

/// One CSV field, quoted when it holds a comma, a semicolon (the list separator of Belgian,
/// Dutch and French spreadsheets), a quote or a line break (RFC 4180). Course text and
/// trainee names are not trusted: a formula start (`=`, `+`, `-`, `@`) at the start of the
/// field, or after anything a spreadsheet may split on (`,`, `;`, a quote, a line break),
/// gets a `'` before it, so the spreadsheet shows it instead of running it, whatever
/// separator it reads the file with. Other control characters are written out. Numbers
/// are written by us and never start that way except negative ones, which the report does
/// not have.
fn csv_field(field: &str) -> String {
    let field = display::escape_lines(field);
    let mut guarded = String::with_capacity(field.len() + 2);
    let mut at_start = true;
    for c in field.chars() {
        if at_start && matches!(c, '=' | '+' | '-' | '@' | '\t') {
            guarded.push('\'');
        }
        guarded.push(c);
        at_start = matches!(c, ',' | ';' | '"' | '\n');
    }
    if guarded.contains([',', ';', '"', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn csv_row(out: &mut String, fields: &[&str]) {
    let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The report as one CSV table with a `section` column, CRLF line ends and a UTF-8 byte
/// order mark (so spreadsheets read accented letters right). Unmatched ids are rows of
/// section `unmatched`: the trainee in `chart`, the export's course version in `context`.
pub fn csv(report: &GroupReport) -> String {
    let mut out = String::from("\u{feff}");
    csv_row(&mut out, &CSV_HEADER);
    for section in &report.sections {
        for chart in &section.charts {
            for bar in &chart.bars {
                let percent = if bar.total == 0 {
                    String::new()
                } else {
                    filled(bar.value, bar.total, 100).to_string()
                };
                csv_row(
                    &mut out,
                    &[
                        section.id,
                        &chart.id,
                        &chart.title,
                        &bar.id,
                        &bar.label,
                        bar.context.as_deref().unwrap_or(""),
                        &bar.value.to_string(),
                        &bar.total.to_string(),
                        &percent,
                    ],
                );
            }
        }
    }
    for u in &report.unmatched {
        csv_row(
            &mut out,
            &[
                "unmatched",
                "",
                &u.trainee,
                &u.id,
                &u.what,
                &u.version,
                "",
                "",
                "",
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_round_to_the_nearest_cell_and_never_overflow() {
        assert_eq!(filled(0, 5, 20), 0);
        assert_eq!(filled(5, 5, 20), 20);
        assert_eq!(filled(1, 3, 20), 7);
        assert_eq!(filled(9, 3, 20), 20);
        assert_eq!(filled(1, 0, 20), 0);
        assert_eq!(filled(2, 3, 100), 67);
    }

    #[test]
    fn csv_fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("a; b"), "\"a; b\"");
        assert_eq!(csv_field("cr\r"), "cr\\u{d}");
    }

    #[test]
    fn formulas_after_any_separator_are_guarded_too() {
        assert_eq!(csv_field("x;=1+1"), "\"x;'=1+1\"");
        assert_eq!(csv_field("x,+1"), "\"x,'+1\"");
        assert_eq!(csv_field("x\"@a"), "\"x\"\"'@a\"");
        assert_eq!(csv_field("a\n-1"), "\"a\n'-1\"");
        assert_eq!(csv_field("a-b=c"), "a-b=c");
        assert_eq!(csv_field("\u{1b}]52;c;x\u{7}"), "\"\\u{1b}]52;c;x\\u{7}\"");
    }

    #[test]
    fn csv_fields_that_look_like_formulas_are_shown_not_run() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+32"), "'+32");
        assert_eq!(csv_field("@home"), "'@home");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("12"), "12");
    }

    #[test]
    fn html_text_is_escaped_and_svg_labels_are_shortened_on_characters() {
        assert_eq!(
            esc("<b>\"Tom\" & 'Jo'</b>"),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt;"
        );
        assert_eq!(shorten("één twee", 4), "één…");
        assert_eq!(shorten("kort", 10), "kort");
    }

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
}
