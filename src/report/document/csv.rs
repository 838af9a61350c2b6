//! A [`Table`] as CSV (RFC 4180), written by the `csv` crate with the delimiter the
//! reader's spreadsheet expects ([`CsvDelimiter`]): CRLF line ends, a field quoted when it
//! holds the delimiter, a quote or a line break, and a UTF-8 byte order mark first, because
//! Excel reads a CSV file without one in the system's legacy code page and garbles every
//! accented letter (LibreOffice and Python's `utf-8-sig` read it either way).

use super::Table;
use super::csv_delimiter::CsvDelimiter;
use crate::i18n::display;
use std::io;

/// The UTF-8 byte order mark every CSV file starts with.
pub const BYTE_ORDER_MARK: &str = "\u{feff}";

/// One CSV field's text, made safe to open in a spreadsheet; the one CSV escaper: every
/// field of a CSV file goes through here before the writer quotes it.
///
/// Course text and trainee names are not trusted: a formula start (`=`, `+`, `-`, `@`, a
/// tab) at the start of the field, or after anything a spreadsheet may split on (`,`, `;`,
/// a quote, a line break, a tab, or the file's own `delimiter`), gets a `'` before it, so the
/// spreadsheet shows it instead of running it, whatever separator it reads the file with.
/// Other control characters are written out.
pub fn guard(field: &str, delimiter: CsvDelimiter) -> String {
    let field = display::escape_lines(field);
    let mut guarded = String::with_capacity(field.len() + 2);
    let mut at_start = true;
    for c in field.chars() {
        if at_start && matches!(c, '=' | '+' | '-' | '@' | '\t') {
            guarded.push('\'');
        }
        guarded.push(c);
        at_start = matches!(c, ',' | ';' | '"' | '\n' | '\t') || c == delimiter.as_char();
    }
    guarded
}

/// A CSV writer into memory with `delimiter`. Flexible (records may differ in length), so
/// writing cannot fail but for I/O, and memory has none.
fn writer(delimiter: CsvDelimiter) -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .delimiter(delimiter.byte())
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .flexible(true)
        .from_writer(BYTE_ORDER_MARK.as_bytes().to_vec())
}

/// The table as CSV with `delimiter`: the column headings, then a record per row; a
/// cell's context follows its text in parentheses, as in Markdown. The error is only ever
/// an I/O error of the writer, which writes into memory.
pub fn csv(table: &Table, delimiter: CsvDelimiter) -> io::Result<String> {
    let mut out = writer(delimiter);
    out.write_record(table.head.iter().map(|h| guard(h, delimiter)))?;
    for cells in &table.rows {
        out.write_record(
            cells
                .iter()
                .map(|c| guard(&c.with_context_inline(), delimiter)),
        )?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    // Only whole `str`s and one ASCII delimiter went in.
    String::from_utf8(bytes).map_err(io::Error::other)
}

/// One field as a CSV file with `delimiter` has it (guarded, quoted when needed), without
/// the byte order mark and the line end.
#[cfg(test)]
pub(super) fn field(text: &str, delimiter: CsvDelimiter) -> String {
    let table = Table {
        head: vec![text.to_owned()],
        rows: Vec::new(),
    };
    let written = csv(&table, delimiter).unwrap_or_default();
    written
        .trim_start_matches(BYTE_ORDER_MARK)
        .trim_end_matches("\r\n")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMA: CsvDelimiter = CsvDelimiter::COMMA;
    const SEMICOLON: CsvDelimiter = CsvDelimiter::SEMICOLON;

    #[test]
    fn csv_fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(field("plain", COMMA), "plain");
        assert_eq!(field("a, b", COMMA), "\"a, b\"");
        assert_eq!(field("say \"hi\"", COMMA), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines", COMMA), "\"two\nlines\"");
        assert_eq!(field("a; b", SEMICOLON), "\"a; b\"");
        // The other separator needs no quotes: the guard keeps it safe.
        assert_eq!(field("a; b", COMMA), "a; b");
        assert_eq!(field("a, b", SEMICOLON), "a, b");
        assert_eq!(field("cr\r", COMMA), "cr\\u{d}");
        let tab = CsvDelimiter::TAB;
        assert_eq!(field("a\tb", tab), "\"a\tb\"");
    }

    #[test]
    fn formulas_after_any_separator_are_guarded_too() {
        for delimiter in [COMMA, SEMICOLON] {
            assert_eq!(guard("x;=1+1", delimiter), "x;'=1+1");
            assert_eq!(guard("x,+1", delimiter), "x,'+1");
            assert_eq!(guard("x\"@a", delimiter), "x\"'@a");
            assert_eq!(guard("a\n-1", delimiter), "a\n'-1");
            assert_eq!(guard("a-b=c", delimiter), "a-b=c");
            assert_eq!(
                guard("\u{1b}]52;c;x\u{7}", delimiter),
                "\\u{1b}]52;c;x\\u{7}"
            );
        }
        assert_eq!(field("x;=1+1", COMMA), "x;'=1+1");
        assert_eq!(field("x;=1+1", SEMICOLON), "\"x;'=1+1\"");
        assert_eq!(field("x,+1", COMMA), "\"x,'+1\"");
        assert_eq!(field("x\"@a", COMMA), "\"x\"\"'@a\"");
        assert_eq!(field("a\n-1", SEMICOLON), "\"a\n'-1\"");
        // After the file's own delimiter too, whatever it is.
        let pipe = CsvDelimiter::parse("|").unwrap();
        assert_eq!(field("a|=1", pipe), "\"a|'=1\"");
        assert_eq!(guard("a|=1", COMMA), "a|=1");
        // After a tab whatever the delimiter: spreadsheets' import dialogs split on tabs
        // by default.
        assert_eq!(guard("a\t=1", CsvDelimiter::TAB), "a\t'=1");
        assert_eq!(guard("a\t=1", COMMA), "a\t'=1");
    }

    #[test]
    fn csv_fields_that_look_like_formulas_are_shown_not_run() {
        for delimiter in [COMMA, SEMICOLON] {
            assert_eq!(
                field("=HYPERLINK(\"x\")", delimiter),
                "\"'=HYPERLINK(\"\"x\"\")\""
            );
            assert_eq!(field("+32", delimiter), "'+32");
            assert_eq!(field("@home", delimiter), "'@home");
            assert_eq!(field("-1", delimiter), "'-1");
            assert_eq!(field("\tx", delimiter), "'\tx");
            assert_eq!(field("12", delimiter), "12");
        }
    }

    #[test]
    fn what_is_written_reads_back_as_the_guarded_text_with_every_delimiter() {
        use super::super::Cell;
        let texts = [
            "plain",
            "a, b; c\td",
            "say \"hi\", twice",
            "two\nlines",
            "=HYPERLINK(\"x\";\"y\")",
            "x;=1\n-2,@3\t+4|=5",
            "",
            "Deelnemer 1 (geëxporteerd uit cursusversie 1.0)",
        ];
        let table = Table {
            head: vec!["text".to_owned(), "n".to_owned()],
            rows: texts
                .iter()
                .map(|t| vec![Cell::text(*t), Cell::count("3")])
                .collect(),
        };
        let pipe = CsvDelimiter::parse("|").unwrap();
        for delimiter in [COMMA, SEMICOLON, CsvDelimiter::TAB, pipe] {
            let written = csv(&table, delimiter).unwrap();
            let body = written.strip_prefix(BYTE_ORDER_MARK).unwrap();
            let mut reader = ::csv::ReaderBuilder::new()
                .delimiter(delimiter.byte())
                .from_reader(body.as_bytes());
            let read: Vec<Vec<String>> = reader
                .records()
                .map(|r| r.unwrap().iter().map(str::to_owned).collect())
                .collect();
            let expected: Vec<Vec<String>> = texts
                .iter()
                .map(|t| vec![guard(t, delimiter), "3".to_owned()])
                .collect();
            assert_eq!(read, expected, "{delimiter}");
        }
    }

    #[test]
    fn a_file_starts_with_a_byte_order_mark_and_ends_records_with_crlf() {
        let table = Table {
            head: vec!["a".to_owned(), "b".to_owned()],
            rows: vec![vec![
                super::super::Cell::text("1"),
                super::super::Cell::text("é"),
            ]],
        };
        assert_eq!(csv(&table, SEMICOLON).unwrap(), "\u{feff}a;b\r\n1;é\r\n");
        assert_eq!(csv(&table, COMMA).unwrap(), "\u{feff}a,b\r\n1,é\r\n");
    }
}
