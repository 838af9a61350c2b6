//! The "trainee × item" sheet (`kruispunt report --format csv --layout wide`): one row per
//! trainee, one column per quiz and per scenario ending, for a spreadsheet to filter,
//! sum and sort.
//!
//! The one header row holds stable ids, never titles, so formulas and scripts keep working
//! whatever the interface language and however the course's texts are reworded:
//!
//! - `trainee`: the trainee as in the rest of the report (numbered, or the profile name
//!   with `--names`);
//! - `quiz:LESSON/SCENE`: `1` when the trainee's first answer was right, `0` when it was
//!   wrong, empty when they never answered it;
//! - `ending:SCENARIO/NODE`: how many of the trainee's attempts ended there (`0` when
//!   none did), empty when they never finished the scenario at all.
//!
//! Columns come in course order: each lesson's quizzes in scene order, each scenario's
//! endings in the order of its file. The titles that go with the ids are in the long
//! layout (`report --format csv`, columns `id` and `label`). What an export refers to that
//! the course no longer has gets no column: the long layout lists it.

use super::aggregate::trainee_labels;
use super::document::{Cell, Table};
use super::{Export, ExportedItem, ReportOptions};
use crate::course::checked::{Course, Item, SceneBody, Step};
use crate::i18n::Localizer;

/// One column of the sheet: its id and how a trainee's cell is worked out.
enum Column<'c> {
    /// A quiz scene of a lesson.
    Quiz { lesson: &'c str, scene: &'c str },
    /// An ending node of a scenario.
    Ending { scenario: &'c str, node: &'c str },
}

impl Column<'_> {
    /// The column's header: a stable id.
    fn id(&self) -> String {
        match self {
            Column::Quiz { lesson, scene } => format!("quiz:{lesson}/{scene}"),
            Column::Ending { scenario, node } => format!("ending:{scenario}/{node}"),
        }
    }

    /// The trainee's cell, from what their export says of the item.
    fn cell(&self, export: &Export) -> String {
        let item = |id: &str| -> Option<&ExportedItem> {
            export.items.iter().find(|item| item.id.as_str() == id)
        };
        match self {
            Column::Quiz { lesson, scene } => item(lesson)
                .and_then(|item| item.quizzes.iter().find(|q| q.scene.as_str() == *scene))
                .map(|quiz| if quiz.correct { "1" } else { "0" })
                .unwrap_or_default()
                .to_owned(),
            Column::Ending { scenario, node } => {
                let Some(item) = item(scenario) else {
                    return String::new();
                };
                let endings: Vec<&str> = item
                    .attempts
                    .iter()
                    .filter_map(|attempt| attempt.ending.as_ref())
                    .map(|ending| ending.node.as_str())
                    .collect();
                if endings.is_empty() {
                    String::new()
                } else {
                    endings.iter().filter(|n| **n == *node).count().to_string()
                }
            }
        }
    }
}

/// Every quiz and every ending of `course`, in course order.
fn columns(course: &Course) -> Vec<Column<'_>> {
    let mut columns = Vec::new();
    for (_, item) in course.items_in_order() {
        match item {
            Item::Lesson(lesson) => {
                columns.extend(lesson.scenes.iter().filter_map(|scene| match scene.body {
                    SceneBody::Quiz(_) => Some(Column::Quiz {
                        lesson: lesson.id.as_str(),
                        scene: scene.id.as_str(),
                    }),
                    _ => None,
                }));
            }
            Item::Scenario(scenario) => {
                columns.extend(scenario.nodes.iter().filter_map(|node| match node.step {
                    Step::Ending(_) => Some(Column::Ending {
                        scenario: scenario.id.as_str(),
                        node: node.id.as_str(),
                    }),
                    _ => None,
                }));
            }
        }
    }
    columns
}

/// The trainee × item sheet of `exports` (all of `course`'s id), trainees in the order
/// given and named as `options` says, in `l10n`'s language (only the trainee column has
/// words).
pub fn trainee_items(
    course: &Course,
    exports: &[Export],
    options: ReportOptions,
    l10n: &Localizer,
) -> Table {
    let columns = columns(course);
    let mut head = vec!["trainee".to_owned()];
    head.extend(columns.iter().map(Column::id));
    let rows = exports
        .iter()
        .zip(trainee_labels(exports, options, l10n))
        .map(|(export, trainee)| {
            let mut row = vec![Cell::text(trainee)];
            row.extend(columns.iter().map(|c| Cell::count(c.cell(export))));
            row
        })
        .collect();
    Table { head, rows }
}
