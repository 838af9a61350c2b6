//! Facilitator mode: the jump menu, the notes panel shown and hidden, counting a group
//! vote, the revealed chart, the timer with a fixed clock, notes typed into the session
//! log, rewinding, and the log saved through the event loop's persistence.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tui_support;

use insta::assert_snapshot;
use kruispunt::facilitator::{Entry, SessionStore};
use kruispunt::i18n::UiLocale;
use kruispunt::tui::screens::Screen;
use kruispunt::tui::{Action, App};
use std::time::{Duration, Instant};
use tui_support::{facilitator_app, facilitator_app_saving_to, press, press_alt_number, screen};

fn both_sizes(app: &mut App, name: &str) {
    assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    assert_snapshot!(format!("{name}_120x40"), screen(app, 120, 40));
}

fn entries(app: &App) -> Vec<Entry> {
    kruispunt::tui::screens::facilitator::log(&app.ctx)
        .expect("facilitator mode")
        .entries
        .clone()
}

/// The scenario unfolded in the jump menu, and its decision point `signaal` (which has
/// facilitator notes with 5 minutes) opened.
fn at_signaal(base: Instant) -> App {
    at_signaal_saving_to(base, None)
}

fn at_signaal_saving_to(base: Instant, store: Option<SessionStore>) -> App {
    let mut app = facilitator_app_saving_to(UiLocale::En, base, store);
    // Third item (the scenario), unfolded, then down to `signaal` past five nodes.
    press(&mut app, "jj→jjjjjj");
    press(&mut app, "⏎");
    assert!(matches!(app.screen, Screen::Stage(_)));
    app
}

#[test]
fn the_jump_menu_lists_everything_and_unfolds_an_item() {
    let mut app = facilitator_app(UiLocale::En, Instant::now());
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Jump to any module"), "{shown}");
    assert!(shown.contains("Session 20251124T160000Z-002a"), "{shown}");
    both_sizes(&mut app, "jump_menu");
    press(&mut app, "jj→");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("start: "), "{shown}");
    assert!(
        shown.contains("ending (good)") || shown.contains("ending ("),
        "{shown}"
    );
    both_sizes(&mut app, "jump_menu_unfolded");
}

#[test]
fn the_notes_panel_shows_the_node_notes_and_can_be_hidden() {
    let mut app = at_signaal(Instant::now());
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Facilitator notes"), "{shown}");
    assert!(shown.contains("Suggested time: 5 min"), "{shown}");
    assert!(
        shown.contains("05:00"),
        "the timer takes the notes' minutes:\n{shown}"
    );
    both_sizes(&mut app, "notes_shown");
    press(&mut app, "N");
    let shown = screen(&mut app, 120, 40);
    assert!(!shown.contains("Facilitator notes"), "{shown}");
    both_sizes(&mut app, "notes_hidden");
    // The trainee screen is inside; nothing from a profile: there is none.
    assert!(!shown.contains("Reflection"), "{shown}");
}

/// The choices at the decision point on the stage, in the order the room sees them: id and
#[test]
fn the_room_sees_every_answer_whole_or_is_told_what_is_cut() {
    let mut app = at_signaal(Instant::now());
    // Presenter layout at 80x24 with the notes open: the answers do not all fit.
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("more lines (↓, PgDn)"), "{shown}");
    // The third answer selected is shown to its last word, with the speaker still there.
    press(&mut app, "↓↓");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("› 3. “Shall we sit down"), "{shown}");
    assert!(shown.contains("solves a lot.”"), "{shown}");
    assert!(shown.contains("Yassin (Resident)"), "{shown}");
}

/// quality symbol.
fn shown_choices(app: &App) -> Vec<(String, &'static str)> {
    let Screen::Stage(stage) = &app.screen else {
        panic!("not on the stage");
    };
    let Screen::Scenario(inner) = &*stage.inner else {
        panic!("not a scenario");
    };
    let scenario = &app.ctx.course().scenarios[&inner.scenario];
    let run = inner.run(&app.ctx).expect("a run");
    let Some(kruispunt::course::checked::Step::Choices(choices)) =
        run.current_node(scenario).map(|n| &n.step)
    else {
        panic!("not at a decision point");
    };
    run.offered_in_order(scenario)
        .into_iter()
        .map(|i| (choices[i].id.to_string(), choices[i].quality.symbol()))
        .collect()
}

#[test]
fn votes_are_counted_revealed_and_the_group_goes_with_the_most() {
    let mut app = at_signaal(Instant::now());
    press(&mut app, "N");
    press(&mut app, "1222");
    // Alt+2 and x then 2 remove one each; a removal below zero does nothing.
    press_alt_number(&mut app, '2');
    press(&mut app, "x3");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("3 votes counted"), "{shown}");
    assert!(!shown.contains("Most votes"), "hidden until v:\n{shown}");
    press(&mut app, "x");
    assert!(screen(&mut app, 80, 24).contains("Remove a vote"));
    press(&mut app, "x");
    // The qualities stay hidden while the room votes.
    let shown = screen(&mut app, 120, 40);
    assert!(!shown.contains("++ best"), "{shown}");
    both_sizes(&mut app, "vote_counting");
    let order = shown_choices(&app);
    press(&mut app, "v");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("1 vote"), "{shown}");
    assert!(shown.contains("2 votes"), "{shown}");
    assert!(shown.contains("Most votes: answer 2"), "{shown}");
    assert!(shown.contains('█'), "bars:\n{shown}");
    // Revealed: each bar with the quality of the answer shown at that number.
    let wide = screen(&mut app, 120, 40);
    for (number, (_, symbol)) in order.iter().enumerate() {
        let row = wide
            .lines()
            .find(|l| l.contains(&format!("│ {}  ", number + 1)))
            .unwrap_or_else(|| panic!("bar {}:\n{wide}", number + 1));
        assert!(row.contains(&format!("  {symbol} ")), "{row}");
    }
    assert!(wide.contains("++ best"), "{wide}");
    both_sizes(&mut app, "vote_revealed");
    press(&mut app, "⏎");
    let vote = entries(&app)
        .into_iter()
        .find_map(|e| match e {
            Entry::Vote {
                node,
                counts,
                chosen,
                ..
            } => Some((node, counts, chosen)),
            _ => None,
        })
        .expect("the vote is logged");
    assert_eq!(vote.0.as_str(), "signaal");
    let votes: Vec<u32> = vote.1.iter().map(|c| c.votes).collect();
    assert_eq!(votes[..2], [1, 2]);
    assert_eq!(vote.2, vote.1[1].choice, "the answer with the most votes");
    assert_eq!(
        vote.2.as_str(),
        order[1].0,
        "number 2 is the answer shown second"
    );
    // The scenario went on: the next decision point starts with a fresh count.
    assert!(screen(&mut app, 80, 24).contains("0 votes counted"));
}

#[test]
fn a_tie_goes_with_the_selected_answer() {
    let mut app = at_signaal(Instant::now());
    press(&mut app, "12↓⏎");
    let chosen = entries(&app).into_iter().find_map(|e| match e {
        Entry::Vote { counts, chosen, .. } => Some((counts, chosen)),
        _ => None,
    });
    let (counts, chosen) = chosen.expect("a vote");
    assert_eq!(chosen, counts[1].choice);
}

#[test]
fn on_a_tie_only_a_tied_answer_can_be_chosen_and_the_handout_says_so() {
    let mut app = at_signaal(Instant::now());
    // 1 1 2 3 1 2, then one vote off answer 1: 2-2-1.
    press(&mut app, "112312x1v");
    let order = shown_choices(&app);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("A tie between answers 1, 2"), "{shown}");
    // Answer 3 has the fewest votes: Enter on it does not go on, and says why.
    press(&mut app, "↓↓⏎");
    assert!(
        !entries(&app)
            .iter()
            .any(|e| matches!(e, Entry::Vote { .. })),
        "the group did not go with answer 3"
    );
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Answer 3 did not get the most votes"),
        "{shown}"
    );
    // Answer 2 is one of the tied ones: the group goes with it.
    press(&mut app, "↑⏎");
    let (counts, chosen) = entries(&app)
        .into_iter()
        .find_map(|e| match e {
            Entry::Vote { counts, chosen, .. } => Some((counts, chosen)),
            _ => None,
        })
        .expect("the vote is logged");
    assert_eq!(chosen.as_str(), order[1].0);
    let tied: Vec<&str> = kruispunt::facilitator::tied(&counts)
        .into_iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(tied, [order[0].0.as_str(), order[1].0.as_str()]);
    // The handout records the tie and the facilitator's pick.
    let log = kruispunt::tui::screens::facilitator::log(&app.ctx).expect("facilitator mode");
    let handout =
        kruispunt::facilitator::export::markdown(log, Some(app.ctx.course()), app.ctx.i18n());
    assert!(handout.contains("A tie between"), "{handout}");
}

#[test]
fn the_timer_counts_down_with_the_clock_and_never_blocks() {
    let base = Instant::now();
    let mut app = at_signaal(base);
    press(&mut app, "t");
    app.update(Action::Tick(base + Duration::from_secs(90)));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("03:30 · running"), "{shown}");
    both_sizes(&mut app, "timer_running");
    press(&mut app, "t");
    app.update(Action::Tick(base + Duration::from_secs(600)));
    assert!(screen(&mut app, 80, 24).contains("03:30 · paused"));
    press(&mut app, "+");
    assert!(screen(&mut app, 80, 24).contains("04:30"));
    press(&mut app, "0");
    assert!(screen(&mut app, 80, 24).contains("06:00 · ready"));
    press(&mut app, "t");
    app.update(Action::Tick(base + Duration::from_secs(600 + 360)));
    assert!(screen(&mut app, 80, 24).contains("time is up"));
}

#[test]
fn notes_rewinds_and_leaving_are_logged_and_saved() {
    let temp = tempfile::tempdir().expect("temp dir");
    let store = SessionStore::new(temp.path());
    let mut app = at_signaal_saving_to(Instant::now(), Some(store.clone()));
    press(&mut app, "e");
    assert!(app.editing());
    press(&mut app, "ask about names");
    press(&mut app, "⎋");
    assert!(!app.editing());
    press(&mut app, "1⏎");
    press(&mut app, "b");
    press(&mut app, "g");
    assert!(matches!(app.screen, Screen::Jump(_)));
    let log = entries(&app);
    assert!(
        log.iter()
            .any(|e| matches!(e, Entry::Note { text, .. } if text == "ask about names"))
    );
    assert!(
        log.iter()
            .any(|e| matches!(e, Entry::Rewound { to, .. } if to.as_str() == "signaal"))
    );
    assert!(matches!(log.last(), Some(Entry::Closed { .. })));
    assert!(
        log.iter()
            .any(|e| matches!(e, Entry::Shown { node: Some(n), .. } if n.as_str() == "signaal"))
    );

    assert!(app.save_pending());
    app.ctx.session.save(None).expect("saves");
    let saved = kruispunt::tui::screens::facilitator::log(&app.ctx)
        .expect("facilitator mode")
        .clone();
    assert_eq!(store.load(&saved.id).expect("loads"), saved);
}

#[test]
fn a_lesson_opens_at_a_scene_and_small_sizes_do_not_panic() {
    let mut app = facilitator_app(UiLocale::En, Instant::now());
    press(&mut app, "→jj⏎");
    assert!(matches!(app.screen, Screen::Stage(_)));
    let logged = entries(&app);
    assert!(
        logged
            .iter()
            .any(|e| matches!(e, Entry::Shown { scene: Some(_), .. })),
        "{logged:?}"
    );
    for (w, h) in [(40, 12), (60, 20), (79, 23), (1, 1)] {
        let _ = screen(&mut app, w, h);
    }
}

#[test]
fn the_note_editor_says_its_keys_and_a_note_can_be_cancelled() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = at_signaal(Instant::now());
    press(&mut app, "e");
    let shown = screen(&mut app, 80, 24);
    // The key bar names each key once, with what it does; the hint above the editor
    // says the same.
    assert!(shown.contains("Esc save and close"), "{shown}");
    assert!(shown.contains("Ctrl-X discard"), "{shown}");
    assert!(!shown.contains("Esc Type your note"), "{shown}");
    assert!(shown.contains("Ctrl-X discards it"), "{shown}");
    // Ctrl-X throws the note away.
    press(&mut app, "never mind");
    let ctrl_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
    let action = kruispunt::tui::action::from_key(ctrl_x, app.editing()).expect("a key");
    app.update(action);
    assert!(!app.editing(), "the editor is closed");
    assert!(
        !entries(&app)
            .iter()
            .any(|e| matches!(e, Entry::Note { .. })),
        "nothing is saved"
    );
    assert!(screen(&mut app, 80, 24).contains("Note not saved."));
}

#[test]
fn a_reflection_is_shown_to_the_group_as_a_prompt_without_an_editor() {
    let mut app = facilitator_app(UiLocale::En, Instant::now());
    // The first lesson unfolded; its fourth scene is the reflection.
    press(&mut app, "→jjjj⏎");
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Scene 4 of 6"), "{shown}");
    assert!(!shown.contains("stays on this computer"), "{shown}");
    assert!(!shown.contains("write"), "no key to write: {shown}");
    // Enter does not open an editor (`e` is the facilitator's own note editor here).
    press(&mut app, "⏎");
    assert!(!app.editing(), "no editor for a group");
}

#[test]
fn on_a_glossary_n_and_p_move_the_cards_and_shift_n_the_notes() {
    let mut app = facilitator_app(UiLocale::En, Instant::now());
    // The second lesson unfolded; its second scene is the glossary.
    press(&mut app, "j→jj⏎");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Card 1 of 12"), "{shown}");
    assert!(shown.contains("Facilitator notes"), "{shown}");
    press(&mut app, "nn");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Card 3 of 12"), "{shown}");
    assert!(
        shown.contains("Facilitator notes"),
        "n is the card's:\n{shown}"
    );
    press(&mut app, "p");
    assert!(screen(&mut app, 120, 40).contains("Card 2 of 12"));
    press(&mut app, "N");
    let shown = screen(&mut app, 120, 40);
    assert!(!shown.contains("Facilitator notes"), "{shown}");
    assert!(shown.contains("Card 2 of 12"), "{shown}");
    press(&mut app, "?");
    let help = screen(&mut app, 120, 40);
    assert!(help.contains("N"), "{help}");
    assert!(help.contains("show or hide the notes panel"), "{help}");
}

#[test]
fn the_session_log_records_the_language_the_session_runs_in() {
    for locale in UiLocale::ALL {
        let app = facilitator_app(locale, Instant::now());
        let log = kruispunt::tui::screens::facilitator::log(&app.ctx).expect("facilitator mode");
        assert_eq!(
            log.language.as_ref().map(|l| l.as_str()),
            Some(locale.tag())
        );
        assert_eq!(log.ui_language(), Some(locale));
    }
}

#[test]
fn the_session_log_follows_a_change_of_language_during_the_session() {
    let mut app = facilitator_app(UiLocale::Nl, Instant::now());
    app.ctx.set_locale(UiLocale::Fr);
    let log = kruispunt::tui::screens::facilitator::log(&app.ctx).expect("facilitator mode");
    assert_eq!(log.ui_language(), Some(UiLocale::Fr));
}
