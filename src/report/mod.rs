//! Results for the facilitator: one trainee's export, and the group report made from any
//! number of exports.
//!
//! - [`Export`]: the versioned export document ([`EXPORT_VERSION`]) a trainee hands over:
//!   per item its status, quiz first answers, scenario attempts with the competencies
//!   shown and missed (computed by replaying the choices in the engine). Reflections only
//!   when the trainee asks for them.
//! - [`aggregate`]: what the exports say together, in the interface language, matched to
//!   the course by ids; what an export refers to that the course no longer has is listed
//!   ([`GroupReport::unmatched`]), never silently dropped.
//! - [`render`]: the report as Markdown, self-contained HTML with SVG bar charts, or CSV.
//!
//! No files and no terminal here: the command line reads and writes.

mod aggregate;
mod export;
mod render;

pub use aggregate::{Bar, Chart, GroupReport, ReportOptions, Section, Unmatched, aggregate};
pub use export::{
    AttemptResult, CompetencyResult, EXPORT_KIND, EXPORT_VERSION, Export, ExportError,
    ExportedChoice, ExportedCourse, ExportedEnding, ExportedItem, ExportedReflection, QuizResult,
};
pub(crate) use render::esc as html_escape;
pub use render::{ReportFormat, csv, html, markdown, render};
