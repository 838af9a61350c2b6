//! Course text on screen: `*emphasis*`, `((stage directions))`, paragraphs, and wrapping measured in terminal
//! columns (wide and combining characters count as they display).

use crate::course::markup::{self, Mark};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use textwrap::core::Fragment;
use unicode_width::UnicodeWidthStr;

/// A word with its mark and the space after it, as textwrap wants it.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    mark: Mark,
    width: usize,
    space: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Splits a paragraph into words, each cut where its mark changes (emphasis can start or
/// end inside a word; see [`crate::course::markup`]). A word wider than `width` is cut into
/// pieces that fit.
fn words(paragraph: &str, width: usize) -> Vec<Word> {
    // Every character with its mark, markers gone (tabs read as spaces), then split into
    // words by textwrap, at spaces only: a no-break space (U+00A0, U+202F) keeps its words
    // together, as French typography needs around « » and before : ; ? !.
    let marked: Vec<(char, Mark)> = markup::pieces(paragraph)
        .into_iter()
        .flat_map(|(mark, text)| {
            text.chars()
                .map(move |c| (if c == '\t' { ' ' } else { c }, mark))
                .collect::<Vec<_>>()
        })
        .collect();
    let plain: String = marked.iter().map(|(c, _)| *c).collect();
    let mut out = Vec::new();
    let mut at = 0;
    for found in textwrap::WordSeparator::AsciiSpace.find_words(&plain) {
        let start = at;
        let end = start + found.word.chars().count();
        at = end + found.whitespace.chars().count();
        let raw = &marked[start..end];
        if raw.is_empty() {
            continue;
        }
        let mut pieces: Vec<(String, Mark)> = Vec::new();
        for &(c, mark) in raw {
            match pieces.last_mut() {
                Some((text, last)) if *last == mark => text.push(c),
                _ => pieces.push((c.to_string(), mark)),
            }
        }
        let count = pieces.len();
        for (i, (text, mark)) in pieces.into_iter().enumerate() {
            let space = usize::from(i + 1 == count);
            for chunk in cut_to_width(&text, width.max(1)) {
                out.push(Word {
                    width: chunk.width(),
                    text: chunk,
                    mark,
                    space: 0,
                });
            }
            if let Some(last) = out.last_mut() {
                last.space = space;
            }
        }
    }
    out
}

/// Cuts `text` into pieces no wider than `width` columns (a single wider character stays
/// whole: nothing narrower can hold it).
fn cut_to_width(text: &str, width: usize) -> Vec<String> {
    if text.width() <= width {
        return vec![text.to_owned()];
    }
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut current_width = 0;
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if current_width + w > width && !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
            current_width = 0;
        }
        current.push(ch);
        current_width += w;
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// Wraps `text` to `width` columns: paragraphs (separated by blank lines) become blocks of
/// lines with an empty line between them; `*emphasis*` gets the `emphasis` style and
/// `((stage directions))` show in parentheses, in italics.
pub fn wrap(text: &str, width: u16, style: Style, emphasis: Style) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    for (n, paragraph) in text.split("\n\n").enumerate() {
        if n > 0 {
            lines.push(Line::default());
        }
        for source_line in paragraph.split('\n') {
            let words = words(source_line, width);
            if words.is_empty() {
                lines.push(Line::default());
                continue;
            }
            let wrapped = textwrap::wrap_algorithms::wrap_first_fit(&words, &[width as f64]);
            for line_words in wrapped {
                let mut spans: Vec<Span<'static>> = Vec::new();
                for (i, word) in line_words.iter().enumerate() {
                    let style = match word.mark {
                        Mark::Plain => style,
                        Mark::Emphasis => emphasis,
                        // The parentheses say it is an action; italics only help.
                        Mark::Action => style.add_modifier(Modifier::ITALIC),
                    };
                    let last = i + 1 == line_words.len();
                    let mut content = word.text.clone();
                    if !last && word.space > 0 {
                        content.push(' ');
                    }
                    spans.push(Span::styled(content, style));
                }
                lines.push(Line::from(spans));
            }
        }
    }
    lines
}

/// `lines` without the blank line that ends the last of its blocks, if there is one.
pub fn drop_trailing_blank(mut lines: Vec<Line<'static>>) -> Vec<Line<'static>> {
    if lines.last().is_some_and(|l| l.width() == 0) {
        lines.pop();
    }
    lines
}

/// `text` cut to at most `width` columns, with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wraps_by_columns_and_keeps_paragraphs() {
        let lines = wrap(
            "een twee drie vier\n\nvijf",
            9,
            Style::default(),
            Style::default(),
        );
        assert_eq!(plain(&lines), ["een twee", "drie vier", "", "vijf"]);
    }

    #[test]
    fn wide_characters_count_double_and_combining_characters_not_at_all() {
        // Each of these CJK characters takes two columns: four fit in 8 columns.
        let lines = wrap("漢字漢字漢字", 8, Style::default(), Style::default());
        assert_eq!(plain(&lines), ["漢字漢字", "漢字"]);
        // "e" + combining acute is one column.
        let lines = wrap(
            "cafe\u{301} cafe\u{301}",
            5,
            Style::default(),
            Style::default(),
        );
        assert_eq!(plain(&lines), ["cafe\u{301}", "cafe\u{301}"]);
        for line in &lines {
            assert!(line.width() <= 5);
        }
    }

    #[test]
    fn stage_directions_show_as_actions_in_parentheses() {
        let lines = wrap(
            "((Kijkt op.)) Dat klopt.",
            40,
            Style::default(),
            Style::default(),
        );
        assert_eq!(plain(&lines), ["(Kijkt op.) Dat klopt."]);
        let action = &lines[0].spans[0];
        assert_eq!(action.content, "(Kijkt ");
        assert!(action.style.add_modifier.contains(Modifier::ITALIC));
        let said = lines[0].spans.last().unwrap();
        assert!(!said.style.add_modifier.contains(Modifier::ITALIC));
    }

    #[test]
    fn emphasis_is_styled_and_its_markers_disappear() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let lines = wrap("Vraag *open* en luister", 40, Style::default(), bold);
        assert_eq!(plain(&lines), ["Vraag open en luister"]);
        let open = lines[0]
            .spans
            .iter()
            .find(|s| s.content.trim() == "open")
            .unwrap();
        assert_eq!(open.style, bold);
        let vraag = &lines[0].spans[0];
        assert_eq!(vraag.style, Style::default());
    }

    #[test]
    fn no_break_spaces_hold_their_words_together() {
        // Issue 14, item 26: French typography puts a no-break space inside « » and before
        // : ; ? !, which must never become a line break.
        let lines = wrap(
            "un «\u{a0}mot\u{a0}» ici",
            9,
            Style::default(),
            Style::default(),
        );
        assert_eq!(plain(&lines), ["un", "«\u{a0}mot\u{a0}»", "ici"]);
        let lines = wrap(
            "Une question\u{202f}? Oui.",
            10,
            Style::default(),
            Style::default(),
        );
        assert_eq!(plain(&lines), ["Une", "question\u{202f}?", "Oui."]);
    }

    #[test]
    fn never_panics_on_tiny_widths() {
        for width in 0..4 {
            let lines = wrap(
                "supercalifragilistisch 漢 *x*",
                width,
                Style::default(),
                Style::default(),
            );
            assert!(!lines.is_empty());
        }
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(truncate("abc", 0), "");
    }
}
