//! Results for the facilitator: one trainee's export, and the group report made from any
//! number of exports.
//!
//! - [`Export`]: the versioned export document ([`EXPORT_VERSION`]) a trainee hands over:
//!   per item its status, quiz first answers, scenario attempts with the competencies
//!   shown, breached and missed, the count of choices per quality and the turning points
//!   (computed by replaying the choices in the engine). Reflections only when the trainee
//!   asks for them. Version 1 exports are still read.
//! - [`Duplicates`]: the same export given twice (the same profile and export time, or the
//!   same content), so each trainee is counted once.
//! - [`aggregate`]: what the exports say together, in the interface language, matched to
//!   the course by ids; what an export refers to that the course no longer has is listed
//!   ([`GroupReport::unmatched`]), never silently dropped.
//! - [`practice`]: the sections on how trainees practised: the quality of their answers
//!   per decision point, the turning points where the group most often went wrong, and the
//!   competencies shown and breached, per trainee and across the group.
//! - [`render`]: the report as a [`document::Document`], written as Markdown,
//!   self-contained HTML with SVG bar charts, or CSV.
//! - [`trainee_items()`]: the "trainee × item" sheet (CSV's wide layout): a row per
//!   trainee, a column per quiz and per scenario ending.
//! - [`certificate()`]: one trainee's certificate: modules completed, endings reached,
//!   competencies, a personal action plan from the checklist points not ticked, and
//!   reflections only on request.
//! - [`printed_course()`]: the whole course as one document, for review or printing.
//! - [`document`]: the one document model and its renderers, which the session handout
//!   ([`crate::facilitator::export`]) uses too.
//!
//! No files and no terminal here: the command line reads and writes.

mod aggregate;
mod certificate;
pub mod document;
mod duplicates;
mod export;
mod messages;
mod practice;
mod printed_course;
mod render;
mod trainee_items;
mod unmatched;

pub use aggregate::{Bar, Chart, GroupReport, ReportOptions, Section, Unmatched, aggregate};
pub use certificate::{CertificateRequest, certificate};
pub use duplicates::Duplicates;
pub use export::{
    AttemptResult, CompetencyResult, EXPORT_KIND, EXPORT_VERSION, Export, ExportError,
    ExportedChoice, ExportedCourse, ExportedEnding, ExportedItem, ExportedReflection,
    ExportedTurningPoint, QualityTally, QuizResult,
};
pub use printed_course::printed_course;
pub use render::{ReportFormat, csv, html, markdown, render};
pub use trainee_items::trainee_items;
