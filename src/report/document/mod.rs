//! One document model for what Kruispunt writes for people to read: the group report and
//! the session handout are each built as a [`Document`] and written by the same renderers,
//! [`markdown()`], [`html()`] and, for tables, [`csv()`] (with a [`CsvDelimiter`]) and
//! [`xlsx()`].
//!
//! Each format has exactly one escaper, and every text of a document goes through it:
//! [`markdown::md_inline`], [`html::escape`] and [`csv::guard`]. So what is safe in one
//! kind of document is safe in the other, and a fix in one place fixes both.
//!
//! The texts in a document are words, not markup: course text is made plain with
//! [`crate::course::markup::plain`] before it is put in one.

pub mod csv;
pub mod csv_delimiter;
pub mod html;
pub mod markdown;
pub mod xlsx;

pub use csv::csv;
pub use csv_delimiter::{CsvDelimiter, DelimiterError, resolve_delimiter};
pub use html::html;
pub use markdown::markdown;
pub use xlsx::xlsx;

/// A document: its title (the first heading, and the title of an HTML page), the language
/// it is written in and what comes under the title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The language tag (`nl`, `en`, `fr`), for the HTML `lang`.
    pub language: String,
    /// The title.
    pub title: String,
    /// What comes under the title, in order.
    pub blocks: Vec<Block>,
}

/// One part of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading; level 1 is the title's, so parts start at 2.
    Heading {
        /// 1 to 6.
        level: u8,
        /// The heading.
        text: String,
    },
    /// A paragraph.
    Paragraph(Paragraph),
    /// A list with one line per entry; an empty list is left out.
    List(Vec<String>),
    /// A table.
    Table(Table),
    /// A bar chart.
    Chart(Chart),
    /// Blocks that belong together: an HTML `<section>`; in Markdown only its blocks.
    Section(Section),
}

impl Block {
    /// A heading of `level`.
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block::Heading {
            level,
            text: text.into(),
        }
    }

    /// A plain paragraph.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::Paragraph(Paragraph::new(text))
    }
}

/// A paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The text.
    pub text: String,
    /// A class for HTML styling (e.g. `chosen`).
    pub class: Option<String>,
    /// Whether the whole paragraph is strong (bold).
    pub strong: bool,
}

impl Paragraph {
    /// A plain paragraph.
    pub fn new(text: impl Into<String>) -> Self {
        Paragraph {
            text: text.into(),
            class: None,
            strong: false,
        }
    }

    /// The paragraph with this HTML class.
    #[must_use]
    pub fn with_class(mut self, class: impl Into<String>) -> Self {
        self.class = Some(class.into());
        self
    }

    /// The paragraph, strong.
    #[must_use]
    pub fn strong(mut self) -> Self {
        self.strong = true;
        self
    }
}

/// The class of a [`Section`] that starts a new sheet of paper when printed; a document
/// with one gets the style of a printed document (page margins, no table row or heading
/// split from what follows).
pub const PAGE_CLASS: &str = "page";

/// Blocks that belong together, with an id (an HTML anchor) or a class.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The HTML `id`.
    pub id: Option<String>,
    /// The HTML `class`.
    pub class: Option<String>,
    /// What the section holds.
    pub blocks: Vec<Block>,
}

/// A table: column headings and rows of cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The column headings.
    pub head: Vec<String>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// What else to know about it (a lesson title, a quality), shown after the text: in
    /// parentheses in Markdown and CSV, on a line of its own in HTML.
    pub context: Option<String>,
    /// What kind of text it is.
    pub kind: CellKind,
}

/// What kind of text a cell holds, for how HTML shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Words.
    Text,
    /// An id or other code, as it is written in a file.
    Code,
    /// A count in words (`2 of 3`), kept on one line.
    Count,
    /// Words on several lines (the lines of a conversation): each line of the text on a
    /// line of its own in HTML; Markdown joins them, CSV keeps the line breaks.
    Lines,
}

impl Cell {
    /// A cell of words.
    pub fn text(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            context: None,
            kind: CellKind::Text,
        }
    }

    /// A cell holding an id.
    pub fn code(text: impl Into<String>) -> Self {
        Cell {
            kind: CellKind::Code,
            ..Cell::text(text)
        }
    }

    /// A cell holding a count.
    pub fn count(text: impl Into<String>) -> Self {
        Cell {
            kind: CellKind::Count,
            ..Cell::text(text)
        }
    }

    /// A cell of several lines, one per entry.
    pub fn lines(lines: &[String]) -> Self {
        Cell {
            kind: CellKind::Lines,
            ..Cell::text(lines.join("\n"))
        }
    }

    /// The cell with this context, if any.
    #[must_use]
    pub fn with_context(mut self, context: Option<String>) -> Self {
        self.context = context;
        self
    }

    /// `text (context)`, as Markdown and CSV write a cell.
    pub fn with_context_inline(&self) -> String {
        match &self.context {
            Some(context) => format!("{} ({context})", self.text),
            None => self.text.clone(),
        }
    }
}

/// A bar chart: a title, maybe a line under it, and the bars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// A stable id (the HTML `data-chart`).
    pub id: String,
    /// What the chart shows: the accessible name of the HTML image, and its heading when
    /// [`Chart::titled`].
    pub title: String,
    /// Whether the title is shown as a heading; not when the heading above already says it.
    pub titled: bool,
    /// A line quoted under the title, e.g. what was said before a decision.
    pub subtitle: Option<String>,
    /// How the bars are laid out and read.
    pub layout: Layout,
    /// The bars in order.
    pub bars: Vec<Bar>,
}

/// How a chart is laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// Each bar a count out of its own total (`2 of 3`), its label beside it, then a
    /// table with the full texts under these two column headings (label, count). In
    /// Markdown only the table, with a text bar before each count.
    Shares {
        /// The headings of the label and the count column.
        columns: [String; 2],
    },
    /// A vote: each bar a number of votes, the most votes a full bar, the label above it.
    /// In Markdown a list, one text bar per line.
    Votes,
}

/// One bar: a count out of a total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// What is counted, in words.
    pub label: String,
    /// Where it belongs or what else to know, in words.
    pub context: Option<String>,
    /// The count.
    pub value: u32,
    /// The value of a full bar: the count's total, or the most votes of a vote.
    pub total: u32,
    /// The count in words, e.g. `3 of 5`.
    pub caption: String,
    /// Marked with ✓ (and a darker bar in HTML): what the group went with.
    pub chosen: bool,
}

impl Bar {
    /// `label (context)`.
    pub fn label_with_context(&self) -> String {
        match &self.context {
            Some(context) => format!("{} ({context})", self.label),
            None => self.label.clone(),
        }
    }

    /// The caption, with ` ✓` when chosen: never marked by colour alone.
    pub fn marked_caption(&self) -> String {
        format!("{}{}", self.caption, self.mark())
    }

    /// ` ✓` when chosen, else nothing.
    fn mark(&self) -> &'static str {
        if self.chosen { " ✓" } else { "" }
    }
}

/// How many of `width` units `value` of `total` fills, rounded to the nearest (a text
/// bar's characters, a percentage). Never more than `width`; none of a total of 0.
pub fn filled(value: u32, total: u32, width: u32) -> u32 {
    if total == 0 {
        return 0;
    }
    let value = u64::from(value.min(total));
    let cells = (value * u64::from(width) * 2 + u64::from(total)) / (u64::from(total) * 2);
    u32::try_from(cells).unwrap_or(width)
}

/// Every block of `blocks`, sections opened, in document order.
fn flatten(blocks: &[Block]) -> Box<dyn Iterator<Item = &Block> + '_> {
    Box::new(blocks.iter().flat_map(|block| match block {
        Block::Section(section) => flatten(&section.blocks),
        other => Box::new(std::iter::once(other)),
    }))
}

#[cfg(test)]
mod tests;
