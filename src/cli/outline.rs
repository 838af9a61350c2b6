//! The course outline printed by `kruispunt outline`, for planning a session or reading
//! the course without the interactive interface.

use super::messages::Ui;
use super::validate::{Findings, write_text_report};
use super::{
    EXIT_COURSE_ERRORS, Failure, Format, finish_output, json, keep_until_exit, load_course,
};
use crate::course::checked::Item;
use crate::course::model::Text;
use crate::course::{Course, ValidateOptions};
use crate::i18n::display;
use crate::msg_args;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

/// Lines are wrapped to this many terminal columns, which fits an 80-column terminal.
const WIDTH: usize = 78;

/// Writes the outline of `course` in the interface language; course texts missing in it
/// are shown in another locale with a marker such as `[nl]`.
pub(crate) fn write_outline(out: &mut impl Write, course: &Course, ui: &Ui) -> io::Result<()> {
    writeln!(out, "{}", localized(&course.title, ui))?;
    writeln!(
        out,
        "{}",
        ui.msg(
            "outline-version",
            &msg_args!("version" => display::escape(&course.version).into_owned())
        )
    )?;
    writeln!(out)?;
    write_wrapped(out, &localized(&course.description, ui), "")?;

    let lesson_label = ui.msg("outline-kind-lesson", &msg_args!());
    let scenario_label = ui.msg("outline-kind-scenario", &msg_args!());
    let kind_width = lesson_label
        .chars()
        .count()
        .max(scenario_label.chars().count());
    let (mut lessons, mut scenarios, mut total_minutes) = (0usize, 0usize, 0u32);

    for (number, module) in (1usize..).zip(&course.modules) {
        writeln!(out)?;
        let title = localized(&module.title, ui);
        writeln!(
            out,
            "{}",
            ui.msg(
                "outline-module",
                &msg_args!("number" => number, "title" => title)
            )
        )?;
        if let Some(description) = &module.description {
            write_wrapped(out, &localized(description, ui), "  ")?;
        }
        // Validation guarantees every id resolves; an id that does not is skipped, not fatal.
        for item in module
            .items
            .iter()
            .filter_map(|id| course.item(id.as_str()))
        {
            let kind = match item {
                Item::Lesson(_) => {
                    lessons += 1;
                    &lesson_label
                }
                Item::Scenario(_) => {
                    scenarios += 1;
                    &scenario_label
                }
            };
            let minutes = item.estimated_minutes(ui.l10n().current().tag());
            total_minutes = total_minutes.saturating_add(minutes.unwrap_or(0));
            let title = localized(item.title(), ui);
            match minutes {
                Some(m) => writeln!(
                    out,
                    "  - {kind:<kind_width$}  {title} ({})",
                    ui.msg("outline-minutes", &msg_args!("minutes" => m))
                )?,
                None => writeln!(out, "  - {kind:<kind_width$}  {title}")?,
            }
        }
    }

    writeln!(out)?;
    writeln!(
        out,
        "{}",
        ui.msg(
            "outline-totals",
            &msg_args!(
                "lessons" => lessons,
                "scenarios" => scenarios,
                "minutes" => total_minutes,
            )
        )
    )?;
    write_wrapped(out, &ui.msg("outline-start-hint", &msg_args!()), "")?;
    Ok(())
}

/// The text in the interface language; else in the course default or any locale it has,
/// followed by the locale marker (`[nl]`). Control characters (which validation refuses
/// anyway) are written out, never sent to the terminal.
fn localized(text: &Text, ui: &Ui) -> String {
    let picked = ui.l10n().pick(text);
    // Course markup (`*emphasis*`, `((stage directions))`) is read, not printed.
    let plain = crate::course::markup::plain(picked.text);
    let shown = match ui.l10n().fallback_marker(&picked) {
        Some(marker) => format!("{plain} {marker}"),
        None => plain,
    };
    display::escape_lines(&shown).into_owned()
}

/// Writes `text` wrapped to [`WIDTH`], each line after `indent`; blank lines in the text
/// separate paragraphs and stay blank.
fn write_wrapped(out: &mut impl Write, text: &str, indent: &str) -> io::Result<()> {
    for (i, paragraph) in paragraphs(text).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        for line in wrap(
            paragraph,
            WIDTH.saturating_sub(unicode_width::UnicodeWidthStr::width(indent)),
        ) {
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

/// Word wrap by terminal columns (wide characters take two); a word longer than `width`
/// gets a line of its own rather than being broken.
fn wrap(paragraph: String, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1)).break_words(false);
    textwrap::wrap(&paragraph, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// `kruispunt outline`: the outline, or the course's problems when it has errors.
pub(super) fn show_outline(
    dir: Option<&Path>,
    format: Format,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    let loaded = load_course(dir, ValidateOptions::default(), ui);
    ui.show_notice();
    let findings = Findings::of(&loaded, ui)?;
    if !findings.diagnostics.is_empty() {
        // Problems go to stderr so that stdout holds only the outline.
        let problems = write_text_report(&mut io::stderr().lock(), &findings, false, ui);
        finish_output(problems, ui)?;
    }
    let Some(course) = findings.course else {
        return Ok(ExitCode::from(EXIT_COURSE_ERRORS));
    };
    match format {
        Format::Text => finish_output(write_outline(&mut io::stdout().lock(), course, ui), ui)?,
        Format::Json => {
            json::Versioned::new("kruispunt-outline", json::OutlineDocument::of(course, ui))
                .print(ui)?;
        }
    }
    keep_until_exit(loaded);
    Ok(ExitCode::SUCCESS)
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
    fn wrap_counts_terminal_columns_not_characters() {
        // Each of these words takes six columns: two words do not fit in eight.
        assert_eq!(wrap("日本語 日本語".into(), 8), ["日本語", "日本語"]);
    }

    #[test]
    fn course_markup_is_read_not_printed() {
        let text: Text = [(
            crate::course::ids::Locale::from("en"),
            "A *careful* answer ((she nods))".to_owned(),
        )]
        .into_iter()
        .collect();
        let ui = Ui::from_environment(Some("en".into()));
        assert!(!localized(&text, &ui).contains('*'));
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let ps: Vec<_> = paragraphs("one\ntwo\n\n\nthree ").collect();
        assert_eq!(ps, ["one two", "three"]);
    }
}
