//! [`Table`]s as one Excel workbook (`.xlsx`), a sheet per table, through `rust_xlsxwriter`:
//! the headings in bold on a frozen first row, counts as numbers, every other cell as text.
//!
//! A text cell of a workbook is never run as a formula, whatever it starts with, so the CSV
//! formula guard is not needed here; control characters are written out as everywhere else.

use super::{CellKind, Table};
use crate::i18n::display;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::io;

/// The longest sheet name Excel accepts.
const MAX_SHEET_NAME: usize = 31;

/// The characters Excel refuses in a sheet name.
const NOT_IN_SHEET_NAMES: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];

/// A sheet name Excel accepts: refused characters left out, at most 31 characters, and not
/// starting or ending with an apostrophe.
fn sheet_name(name: &str) -> String {
    let kept: String = name
        .chars()
        .filter(|c| !NOT_IN_SHEET_NAMES.contains(c) && !c.is_control())
        .take(MAX_SHEET_NAME)
        .collect();
    kept.trim_matches('\'').to_owned()
}

/// One sheet named `name` holding `table`.
fn sheet(name: &str, table: &Table) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(sheet_name(name))?;
    let bold = Format::new().set_bold();
    for (col, head) in (0u16..).zip(&table.head) {
        sheet.write_string_with_format(0, col, display::escape_lines(head), &bold)?;
    }
    for (row, cells) in (1u32..).zip(&table.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            let text = cell.with_context_inline();
            match (cell.kind, text.parse::<u32>()) {
                (CellKind::Count, Ok(number)) => {
                    sheet.write_number(row, col, f64::from(number))?;
                }
                // An empty cell stays empty (a quiz not answered).
                _ if text.is_empty() => {}
                _ => {
                    sheet.write_string(row, col, display::escape_lines(&text))?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    Ok(sheet)
}

/// The workbook of `sheets` (name and table each), in order. The error is only ever the
/// writer's, which writes into memory.
pub fn xlsx(sheets: &[(&str, &Table)]) -> io::Result<Vec<u8>> {
    let write = || -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        for (name, table) in sheets {
            workbook.push_worksheet(sheet(name, table)?);
        }
        workbook.save_to_buffer()
    };
    write().map_err(|e| io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_ones_excel_accepts() {
        assert_eq!(sheet_name("Deelnemers × items"), "Deelnemers × items");
        assert_eq!(sheet_name("a[b]:c*d?e/f\\g"), "abcdefg");
        assert_eq!(sheet_name("'quoted'"), "quoted");
        assert_eq!(sheet_name(&"x".repeat(40)).chars().count(), 31);
    }

    #[test]
    fn a_workbook_is_a_zip_file() {
        let table = Table {
            head: vec!["a".to_owned()],
            rows: vec![vec![super::super::Cell::count("3")]],
        };
        let bytes = xlsx(&[("Report", &table), ("Trainees", &table)]).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"), "a zip file");
    }
}
