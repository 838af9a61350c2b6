//! The course outline printed by `kruispunt` without a command, until the interactive
//! interface exists.

use super::messages::{self, ItemKind};
use crate::course::Course;
use crate::course::checked::Item;
use crate::course::ids::Locale;
use crate::course::model::Text;
use std::io::{self, Write};

/// Lines are wrapped to this many characters, which fits an 80-column terminal.
const WIDTH: usize = 78;

/// Writes the outline of `course` in its default locale.
pub(crate) fn write_outline(out: &mut impl Write, course: &Course) -> io::Result<()> {
    let locale = &course.default_locale;
    writeln!(out, "{}", localized(&course.title, locale))?;
    writeln!(out, "{}", messages::outline_version(&course.version))?;
    writeln!(out)?;
    write_wrapped(out, localized(&course.description, locale), "")?;

    let kind_width = [ItemKind::Lesson, ItemKind::Scenario]
        .iter()
        .map(|kind| messages::item_kind(*kind).chars().count())
        .max()
        .unwrap_or(0);
    let (mut lessons, mut scenarios, mut total_minutes) = (0, 0, 0u32);

    for (number, module) in (1..).zip(&course.modules) {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            messages::outline_module(number, localized(&module.title, locale))
        )?;
        if let Some(description) = &module.description {
            write_wrapped(out, localized(description, locale), "  ")?;
        }
        // Validation guarantees every id resolves; an id that does not is skipped, not fatal.
        for item in module
            .items
            .iter()
            .filter_map(|id| course.item(id.as_str()))
        {
            let (kind, minutes) = match item {
                Item::Lesson(lesson) => {
                    lessons += 1;
                    (ItemKind::Lesson, lesson.estimated_minutes)
                }
                Item::Scenario(scenario) => {
                    scenarios += 1;
                    (ItemKind::Scenario, scenario.estimated_minutes)
                }
            };
            total_minutes = total_minutes.saturating_add(minutes.unwrap_or(0));
            let title = localized(item.title(), locale);
            let kind = messages::item_kind(kind);
            match minutes {
                Some(m) => writeln!(
                    out,
                    "  - {kind:<kind_width$}  {title} ({})",
                    messages::minutes(m)
                )?,
                None => writeln!(out, "  - {kind:<kind_width$}  {title}")?,
            }
        }
    }

    writeln!(out)?;
    writeln!(
        out,
        "{}",
        messages::outline_totals(lessons, scenarios, total_minutes)
    )?;
    write_wrapped(out, messages::interface_coming(), "")?;
    Ok(())
}

/// The text in `locale`, else in any locale the text has, else empty.
fn localized<'a>(text: &'a Text, locale: &Locale) -> &'a str {
    text.get(locale.as_str())
        .or_else(|| text.0.values().next().map(String::as_str))
        .unwrap_or("")
}

/// Writes `text` wrapped to [`WIDTH`], each line after `indent`; blank lines in the text
/// separate paragraphs and stay blank.
fn write_wrapped(out: &mut impl Write, text: &str, indent: &str) -> io::Result<()> {
    for (i, paragraph) in paragraphs(text).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        for line in wrap(paragraph, WIDTH.saturating_sub(indent.chars().count())) {
            writeln!(out, "{indent}{line}")?;
        }
    }
    Ok(())
}

/// The paragraphs of a text: runs of non-blank lines.
fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
}

/// Greedy word wrap; a word longer than `width` gets a line of its own.
fn wrap(paragraph: String, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_len = 0;
    for word in paragraph.split(' ') {
        let word_len = word.chars().count();
        if line_len > 0 && line_len + 1 + word_len > width {
            lines.push(std::mem::take(&mut line));
            line_len = 0;
        }
        if line_len > 0 {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += word_len;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words_and_keeps_long_words() {
        assert_eq!(wrap("aa bb cc".into(), 5), ["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh ij".into(), 4), ["abcdefgh", "ij"]);
        assert_eq!(wrap("één twee".into(), 8), ["één twee"]);
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let ps: Vec<_> = paragraphs("one\ntwo\n\n\nthree ").collect();
        assert_eq!(ps, ["one two", "three"]);
    }
}
