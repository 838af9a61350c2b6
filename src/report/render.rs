//! The group report as a [`Document`]: Markdown (readable as plain text), one
//! self-contained HTML file with SVG bar charts (no scripts, no external assets), or CSV
//! (RFC 4180, one table).

use super::aggregate::{Chart, GroupReport, Section};
use super::document::{self, Bar, Block, Cell, CsvDelimiter, Document, Layout, Table, filled};
use std::io;

/// The output formats of `kruispunt report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// CSV, one record per bar ([`GroupReport::table`]), with this delimiter.
    Csv(CsvDelimiter),
}

/// The report in `format`. The error is only ever CSV's writer failing to write into
/// memory.
pub fn render(report: &GroupReport, format: ReportFormat) -> io::Result<String> {
    match format {
        ReportFormat::Markdown => Ok(markdown(report)),
        ReportFormat::Html => Ok(html(report)),
        ReportFormat::Csv(delimiter) => csv(report, delimiter),
    }
}

/// The report as Markdown.
pub fn markdown(report: &GroupReport) -> String {
    document::markdown(&report.document())
}

/// The report as one self-contained HTML document.
pub fn html(report: &GroupReport) -> String {
    document::html(&report.document())
}

/// The report as one CSV table (see [`GroupReport::table`]) with `delimiter`.
pub fn csv(report: &GroupReport, delimiter: CsvDelimiter) -> io::Result<String> {
    document::csv(&report.table(), delimiter)
}

/// The CSV columns. Fixed identifiers, so formulas and scripts keep working whatever the
/// report's language; the texts in the rows are in that language.
const CSV_HEADER: [&str; 9] = [
    "section", "chart_id", "chart", "id", "label", "context", "count", "total", "percent",
];

impl GroupReport {
    /// The report as a document: the summary, a section per part with a chart per
    /// question, then what the course no longer has.
    pub fn document(&self) -> Document {
        let mut blocks = vec![
            Block::paragraph(&self.summary),
            Block::paragraph(&self.anonymity),
        ];
        blocks.extend(self.sections.iter().map(section));
        let mut unmatched = vec![Block::heading(2, &self.unmatched_heading)];
        if self.unmatched.is_empty() {
            unmatched.push(Block::paragraph(&self.all_matched));
        } else {
            unmatched.push(Block::paragraph(&self.unmatched_intro));
            unmatched.push(Block::Table(Table {
                head: self.unmatched_columns.to_vec(),
                rows: self
                    .unmatched
                    .iter()
                    .map(|u| {
                        vec![
                            Cell::text(&u.trainee),
                            Cell::text(&u.version),
                            Cell::code(&u.id),
                            Cell::text(&u.what),
                        ]
                    })
                    .collect(),
            }));
        }
        blocks.push(Block::Section(document::Section {
            id: Some("unmatched".to_owned()),
            class: None,
            blocks: unmatched,
        }));
        Document {
            language: self.language.to_owned(),
            title: self.title.clone(),
            blocks,
        }
    }

    /// The report as one table, the CSV: a row per bar, with fixed column names (`section`,
    /// `chart_id`, `chart`, `id`, `label`, `context`, `count`, `total`, `percent`).
    /// Unmatched ids are rows of section `unmatched`: the trainee in `chart`, the export's
    /// course version in `context`.
    pub fn table(&self) -> Table {
        let mut rows = Vec::new();
        for section in &self.sections {
            for chart in &section.charts {
                for bar in &chart.bars {
                    let percent = if bar.total == 0 {
                        String::new()
                    } else {
                        filled(bar.value, bar.total, 100).to_string()
                    };
                    rows.push(vec![
                        Cell::text(section.id),
                        Cell::text(&chart.id),
                        Cell::text(&chart.title),
                        Cell::text(&bar.id),
                        Cell::text(&bar.label),
                        Cell::text(bar.context.as_deref().unwrap_or("")),
                        Cell::count(bar.value.to_string()),
                        Cell::count(bar.total.to_string()),
                        Cell::count(percent),
                    ]);
                }
            }
        }
        for u in &self.unmatched {
            rows.push(
                [
                    "unmatched",
                    "",
                    u.trainee.as_str(),
                    u.id.as_str(),
                    u.what.as_str(),
                    u.version.as_str(),
                    "",
                    "",
                    "",
                ]
                .map(Cell::text)
                .to_vec(),
            );
        }
        Table {
            head: CSV_HEADER.map(str::to_owned).to_vec(),
            rows,
        }
    }
}

/// A part of the report: its heading, what the numbers mean, what is left out, then its
/// charts. A chart
/// whose title repeats the section heading shows no heading of its own.
fn section(section: &Section) -> Block {
    let mut blocks = vec![
        Block::heading(2, &section.heading),
        Block::paragraph(&section.intro),
    ];
    blocks.extend(section.note.as_ref().map(Block::paragraph));
    blocks.extend(section.charts.iter().map(|c| chart(section, c)));
    Block::Section(document::Section {
        id: Some(section.id.to_owned()),
        class: None,
        blocks,
    })
}

fn chart(section: &Section, chart: &Chart) -> Block {
    Block::Chart(document::Chart {
        id: chart.id.clone(),
        title: chart.title.clone(),
        titled: chart.title != section.heading,
        subtitle: chart.subtitle.clone(),
        layout: Layout::Shares {
            columns: [section.label_heading.clone(), section.value_heading.clone()],
        },
        bars: chart
            .bars
            .iter()
            .map(|bar| Bar {
                label: bar.label.clone(),
                context: bar.context.clone(),
                value: bar.value,
                total: bar.total,
                caption: bar.caption.clone(),
                chosen: false,
            })
            .collect(),
    })
}
