//! Snapshot and behaviour tests of the frame, the home and settings screens, help and the
//! too-small message.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tui_support;

use insta::assert_snapshot;
use kruispunt::i18n::UiLocale;
use tui_support::{app, draw, press, screen};

#[test]
fn home_in_three_languages() {
    for (locale, name) in [
        (UiLocale::Nl, "home_nl"),
        (UiLocale::En, "home_en"),
        (UiLocale::Fr, "home_fr"),
    ] {
        let mut app = app(locale);
        assert_snapshot!(format!("{name}_80x24"), screen(&mut app, 80, 24));
    }
    let mut app = app(UiLocale::En);
    assert_snapshot!("home_en_120x40", screen(&mut app, 120, 40));
}

#[test]
fn the_selected_entry_has_a_marker_and_a_style() {
    let mut app = app(UiLocale::En);
    press(&mut app, "j");
    let terminal = draw(&mut app, 80, 24);
    let text = screen(&mut app, 80, 24);
    let row = text
        .lines()
        .position(|l| l.starts_with(" ›"))
        .expect("a selected row with a marker");
    let cell = &terminal.backend().buffer()[(3, row as u16)];
    assert_ne!(
        cell.bg,
        ratatui::style::Color::Reset,
        "selection is also styled"
    );
}

#[test]
fn help_overlay_lists_the_keys_and_closes() {
    let mut app = app(UiLocale::En);
    press(&mut app, "?");
    assert_snapshot!("help_home_80x24", screen(&mut app, 80, 24));
    press(&mut app, "?");
    assert!(!screen(&mut app, 80, 24).contains("Everywhere"));
}

#[test]
fn too_small_and_tiny_sizes_never_panic() {
    let mut app = app(UiLocale::En);
    assert_snapshot!("too_small_30x10", screen(&mut app, 30, 10));
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (0, 0),
        (39, 12),
        (40, 11),
        (40, 12),
        (41, 13),
    ] {
        let _ = screen(&mut app, w, h);
    }
    press(&mut app, "?");
    for (w, h) in [(1, 1), (40, 12), (45, 14)] {
        let _ = screen(&mut app, w, h);
    }
}

#[test]
fn settings_switch_language_and_theme_at_once() {
    let mut app = app(UiLocale::En);
    press(&mut app, "s");
    assert_snapshot!("settings_en_80x24", screen(&mut app, 80, 24));
    press(&mut app, "⏎");
    let shown = screen(&mut app, 80, 24);
    // The languages go round nl -> en -> fr.
    assert!(shown.contains("Réglages"), "{shown}");
    assert_eq!(
        app.ctx
            .progress()
            .settings
            .locale
            .as_ref()
            .map(|l| l.as_str()),
        Some("fr")
    );
    press(&mut app, "j⏎");
    assert_eq!(
        app.ctx.progress().settings.theme.as_deref(),
        Some("high-contrast")
    );
    press(&mut app, "⎋");
    assert!(screen(&mut app, 80, 24).contains("Aperçu"));
}

#[test]
fn the_language_key_switches_interface_and_course_text() {
    let mut app = app(UiLocale::En);
    let before = screen(&mut app, 80, 24);
    press(&mut app, "L");
    let after = screen(&mut app, 80, 24);
    assert!(
        before.contains("Overview") && after.contains("Aperçu"),
        "{after}"
    );
    assert_ne!(before, after);
}

#[test]
fn leaving_an_item_keeps_the_cursor_on_it() {
    // Issue 14, item 3: Esc from an item put the cursor back on the top line, so the
    // next Enter opened another item.
    let mut app = app(UiLocale::En);
    press(&mut app, "jj⏎");
    let opened = screen(&mut app, 80, 24);
    assert!(opened.contains("The letters LGBTQIA+"), "{opened}");
    press(&mut app, "⎋");
    let home = screen(&mut app, 80, 24);
    let selected = home
        .lines()
        .find(|l| l.starts_with(" ›"))
        .expect("a selected row");
    assert!(selected.contains("The letters LGBTQIA+"), "{home}");
    press(&mut app, "⏎");
    assert_eq!(
        screen(&mut app, 80, 24),
        opened,
        "Enter opens the same item again"
    );
    // The same for settings.
    press(&mut app, "⎋s⎋");
    let home = screen(&mut app, 80, 24);
    let selected = home.lines().find(|l| l.starts_with(" ›")).unwrap();
    assert!(selected.contains("Settings"), "{home}");
}

/// Everything the help overlay shows at `width` x `height`, scrolled through line by line
/// with ↓, its box rows joined and white space collapsed.
fn help_read_through(app: &mut kruispunt::tui::App, width: u16, height: u16) -> String {
    // The rows inside the box whose top border carries the title "Help".
    fn inner(screen: &str) -> Vec<String> {
        let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
        let top = rows
            .iter()
            .position(|r| r.iter().collect::<String>().contains("┌ Help"))
            .expect("the help box");
        let left = rows[top].iter().position(|c| *c == '┌').unwrap();
        let right = rows[top].iter().position(|c| *c == '┐').unwrap();
        rows[top + 1..]
            .iter()
            .take_while(|r| r.get(left) == Some(&'│'))
            .map(|r| r[left + 1..right.min(r.len())].iter().collect())
            .collect()
    }
    press(app, "?");
    let mut rows = inner(&screen(app, width, height));
    let mut previous = rows.clone();
    for _ in 0..80 {
        press(app, "↓");
        let now = inner(&screen(app, width, height));
        if now == previous {
            break;
        }
        rows.push(now.last().cloned().unwrap_or_default());
        previous = now;
    }
    press(app, "?");
    assert!(!app.help, "? closes the help");
    collapse(&rows.join(" "))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_help_at_the_minimum_size_shows_every_key_whole() {
    // Issue 14, item 6: at 40x12 the two columns ran together, the last line was cut and
    // keys were missing.
    for keys in ["", "jj⏎", "jjj⏎"] {
        let mut app = app(UiLocale::En);
        press(&mut app, keys);
        let shown = help_read_through(&mut app, 40, 12);
        let mut expected = app.screen.keys(&app.ctx);
        expected.extend(kruispunt::tui::keymap::global().help(&app.ctx));
        for key in expected {
            let row = collapse(&format!("{} {}", key.keys, key.action));
            assert!(
                shown.contains(&row),
                "{row:?} missing after {keys:?}: {shown}"
            );
        }
        assert!(
            shown.contains("Press ?, Esc or Enter to close this help."),
            "{shown}"
        );
    }
}

#[test]
fn the_help_at_the_minimum_size_scrolls_in_one_column() {
    let mut app = app(UiLocale::En);
    press(&mut app, "?");
    assert_snapshot!("help_home_40x12", screen(&mut app, 40, 12));
    press(&mut app, "↓↓↓");
    assert_snapshot!("help_home_40x12_scrolled", screen(&mut app, 40, 12));
}

#[test]
fn key_names_in_the_key_bar_speak_the_interface_language() {
    let mut french = app(UiLocale::Fr);
    let text = screen(&mut french, 80, 24);
    assert!(text.contains("Entrée ouvrir"), "{text}");
    assert!(!text.contains("Enter"), "{text}");
    let mut dutch = app(UiLocale::Nl);
    let text = screen(&mut dutch, 80, 24);
    assert!(text.contains("Enter openen"), "{text}");
}

#[test]
fn the_progress_line_is_never_cut_without_a_mark() {
    // Seen at 40 columns in French: "…parties terminé", the end of the word and the gauge
    // silently cut off. The line says it all, or ends in "…", and a gauge is drawn whole
    // or not at all.
    for width in [40, 45, 52, 60] {
        let mut app = app(UiLocale::Fr);
        let shown = screen(&mut app, width, 12);
        let line = shown
            .lines()
            .find(|l| l.contains("Progression"))
            .unwrap_or_else(|| panic!("no progress line at {width}:\n{shown}"));
        let text = line.trim_end();
        let gauge: String = text.chars().filter(|c| matches!(c, '█' | '░')).collect();
        assert!(
            gauge.is_empty() || gauge.chars().count() == 10,
            "a cut gauge at {width}: {text:?}"
        );
        let words = text.trim_end_matches(['█', '░', ' ']);
        assert!(
            words.ends_with("terminées") || words.ends_with('…'),
            "cut without a mark at {width}: {text:?}"
        );
    }
}

#[test]
fn a_refused_step_outside_a_conversation_is_not_called_a_conversation_error() {
    // The status line framed every refused command as "This practice conversation cannot
    // go on", even with no conversation open.
    let mut app = app(UiLocale::En);
    let events = app.ctx.command(kruispunt::session::Command::NextScene);
    assert!(events.is_empty());
    let status = app.ctx.status.clone().expect("the refusal is said");
    assert!(!status.contains("practice conversation"), "{status}");
    assert!(status.contains("cannot be done here"), "{status}");
}

/// Issue 14, item 12: a French trainee on the (Dutch and English) test course is told once,
/// in the header, that texts are shown in English; no text carries a `[en]` tag.
#[test]
fn untranslated_texts_are_named_once_in_the_header_not_tagged_one_by_one() {
    let mut app = app(UiLocale::Fr);
    let wide = screen(&mut app, 80, 24);
    assert!(!wide.contains("[en]"), "{wide}");
    let header = wide.lines().next().unwrap();
    assert!(header.ends_with("FR · en partie en anglais"), "{header}");
    assert_eq!(wide.matches("anglais").count(), 1, "{wide}");
    // Where the title would keep too little room, the languages alone.
    let narrow = screen(&mut app, 40, 12);
    let header = narrow.lines().next().unwrap();
    assert!(header.ends_with("FR (EN)"), "{header}");
    assert!(!narrow.contains("[en]"), "{narrow}");
    // In a language the course is written in, there is nothing to say.
    let mut app = tui_support::app(UiLocale::En);
    let english = screen(&mut app, 80, 24);
    assert!(english.lines().next().unwrap().ends_with("EN"), "{english}");
    assert!(
        !english.contains("anglais") && !english.contains("partly"),
        "{english}"
    );
}

/// Issue 16: a course's core path (about an hour) is offered on the overview, under
/// "continue", and opens its next unfinished item.
#[test]
fn the_overview_offers_the_core_path_and_opens_its_next_item() {
    use kruispunt::course::ids::ItemId;
    use kruispunt::tui::screens::Screen;
    let mut course = tui_support::course();
    course.core_path = vec![
        ItemId::from("de-letters"),
        ItemId::from("welkom-op-het-kruispunt"),
    ];
    let progress = kruispunt::progress::Progress::new(
        kruispunt::progress::CourseStamp::of(&course),
        kruispunt::progress::Timestamp(1_764_000_000),
    );
    let mut app = tui_support::app_over(course, UiLocale::En, progress);
    let home = screen(&mut app, 100, 30);
    let row = home
        .lines()
        .nth(4)
        .unwrap_or_default()
        .trim_end()
        .to_owned();
    assert_eq!(
        row, "   ◆ Core path (about 24 min), 0 of 2 done: The letters LGBTQIA+",
        "{home}"
    );
    press(&mut app, "j⏎");
    match &app.screen {
        Screen::Lesson(state) => assert_eq!(state.lesson.as_str(), "de-letters"),
        other => panic!("not the lesson: {other:?}"),
    }
    // Without a core path there is no such row.
    let mut plain = tui_support::app(UiLocale::En);
    assert!(!screen(&mut plain, 100, 30).contains("Core path"));
}
