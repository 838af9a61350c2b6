//! A [`Table`] as CSV (RFC 4180): CRLF line ends and a UTF-8 byte order mark, so
//! spreadsheets read accented letters right.

use super::Table;
use crate::i18n::display;

/// One CSV field, quoted when it holds a comma, a semicolon (the list separator of Belgian,
/// Dutch and French spreadsheets), a quote or a line break (RFC 4180). Course text and
/// trainee names are not trusted: a formula start (`=`, `+`, `-`, `@`, a tab) at the start
/// of the field, or after anything a spreadsheet may split on (`,`, `;`, a quote, a line
/// break), gets a `'` before it, so the spreadsheet shows it instead of running it, whatever
/// separator it reads the file with. Other control characters are written out. The one CSV
/// escaper: every field of a CSV file goes through here.
pub fn field(field: &str) -> String {
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

fn row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    let line: Vec<String> = fields.into_iter().map(field).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The table as CSV: the column headings, then a record per row; a cell's context follows
/// its text in parentheses, as in Markdown.
pub fn csv(table: &Table) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, table.head.iter().map(String::as_str));
    for cells in &table.rows {
        let texts: Vec<String> = cells.iter().map(|c| c.with_context_inline()).collect();
        row(&mut out, texts.iter().map(String::as_str));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("a; b"), "\"a; b\"");
        assert_eq!(field("cr\r"), "cr\\u{d}");
    }

    #[test]
    fn formulas_after_any_separator_are_guarded_too() {
        assert_eq!(field("x;=1+1"), "\"x;'=1+1\"");
        assert_eq!(field("x,+1"), "\"x,'+1\"");
        assert_eq!(field("x\"@a"), "\"x\"\"'@a\"");
        assert_eq!(field("a\n-1"), "\"a\n'-1\"");
        assert_eq!(field("a-b=c"), "a-b=c");
        assert_eq!(field("\u{1b}]52;c;x\u{7}"), "\"\\u{1b}]52;c;x\\u{7}\"");
    }

    #[test]
    fn csv_fields_that_look_like_formulas_are_shown_not_run() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+32"), "'+32");
        assert_eq!(field("@home"), "'@home");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("12"), "12");
    }
}
