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
fn key_names_in_the_key_bar_speak_the_interface_language() {
    let mut french = app(UiLocale::Fr);
    let text = screen(&mut french, 80, 24);
    assert!(text.contains("Entrée ouvrir"), "{text}");
    assert!(!text.contains("Enter"), "{text}");
    let mut dutch = app(UiLocale::Nl);
    let text = screen(&mut dutch, 80, 24);
    assert!(text.contains("Enter openen"), "{text}");
}
