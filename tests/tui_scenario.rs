//! The scenario screen over the fixture scenario `opvang-kamerwissel`: content note,
//! conversation with feedback, thoughts and gauges, endings, rewinding, the branch map,
//! compare, help, the gloss, resuming, and tiny sizes.
//!
//! The fixture's good road (as written, first answer each time): office, simple words, open
//! question, another bed, agree together -> good ending. Writing everything down at the last
//! decision ends mixed. The answers are shown shuffled per attempt, so the tests take them
//! by id ([`take`]), pressing the number shown for each.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tui_support;

use insta::assert_snapshot;
use kruispunt::course::ids::ItemId;
use kruispunt::i18n::UiLocale;
use kruispunt::progress::{EndingOutcome, Progress};
use kruispunt::tui::App;
use kruispunt::tui::screens::{Screen, scenario};
use tui_support::{app, press, screen};

const ID: &str = "opvang-kamerwissel";

/// Opens the fixture scenario as the home screen would.
fn open(app: &mut App) {
    let id = ItemId::from(ID);
    app.screen = Screen::Scenario(scenario::State::open(&mut app.ctx, &id));
}

/// An English app on the scenario, past the content note.
fn started() -> App {
    let mut app = app(UiLocale::En);
    open(&mut app);
    press(&mut app, "⏎");
    app
}

fn state(app: &App) -> &scenario::State {
    match &app.screen {
        Screen::Scenario(s) => s,
        other => panic!("not on the scenario screen: {other:?}"),
    }
}

fn attempts(app: &App) -> &[kruispunt::progress::ScenarioAttempt] {
    app.ctx
        .progress()
        .items
        .get(ID)
        .map_or(&[][..], |i| i.attempts.as_slice())
}

/// The good road, by choice id.
const GOOD: [&str; 5] = [
    "naar-kantoor",
    "eenvoudige-taal",
    "open-vraag",
    "ander-bed",
    "samen-afspreken",
];

/// The number shown for the offered choice `id` at the current decision point: its place
/// in the order shown (the run's display order, less the choices not offered), from 1.
fn number_of(app: &App, id: &str) -> usize {
    let scenario = &app.ctx.course().scenarios[&ItemId::from(ID)];
    let run = state(app).run(&app.ctx).expect("a run");
    let offered: Vec<usize> = run.offered_choices(scenario).map(|c| c.index).collect();
    let Some(kruispunt::course::checked::Step::Choices(choices)) =
        run.current_node(scenario).map(|n| &n.step)
    else {
        panic!("not at a decision point");
    };
    run.display_order(scenario, run.current())
        .into_iter()
        .filter(|i| offered.contains(i))
        .position(|i| choices[i].id.as_str() == id)
        .unwrap_or_else(|| panic!("`{id}` is not offered here"))
        + 1
}

/// Takes the choices `ids` one after the other, each by the number shown for it.
fn take(app: &mut App, ids: &[&str]) {
    for id in ids {
        let number = number_of(app, id);
        press(app, &number.to_string());
    }
}

fn both_sizes(app: &mut App, name: &str) {
    assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    assert_snapshot!(format!("{name}_120x40"), screen(app, 120, 40));
}

#[test]
fn the_content_note_comes_first_with_setting_and_goal() {
    let mut app = app(UiLocale::En);
    open(&mut app);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Content note"), "{shown}");
    assert!(
        shown.contains("harassment in a reception centre"),
        "{shown}"
    );
    assert!(
        shown.contains("Setting") && shown.contains("Your goal"),
        "{shown}"
    );
    both_sizes(&mut app, "content_note");
    // Skipping goes back home without starting an attempt.
    press(&mut app, "s");
    assert!(matches!(app.screen, Screen::Home(_)));
    assert!(attempts(&app).is_empty());
}

#[test]
fn after_two_choices_feedback_thought_and_gauges_show() {
    let mut app = started();
    take(&mut app, &GOOD[..2]);
    let shown = screen(&mut app, 80, 24);
    // The coach on the second answer, the thoughts, and trust moved by +10 twice.
    assert!(shown.contains("Coach"), "{shown}");
    assert!(shown.contains("Inner thought of Yassin"), "{shown}");
    assert!(shown.contains("Trust 60/100 ▲ +10"), "{shown}");
    assert!(shown.contains("Safety 50/100 = 0"), "{shown}");
    assert!(screen(&mut app, 120, 40).contains("» You"), "{shown}");
    both_sizes(&mut app, "two_choices");
    // Every choice is recorded in the open attempt.
    let attempt = attempts(&app).last().expect("an attempt");
    assert_eq!(attempt.choices.len(), 2);
    assert_eq!(attempt.current_node.as_str(), "signaal");
}

#[test]
fn arrows_and_enter_choose_and_choices_not_offered_are_hidden() {
    let mut app = started();
    // Arrow down to the second answer shown and take it.
    let second = {
        let scenario = &app.ctx.course().scenarios[&ItemId::from(ID)];
        let run = state(&app).run(&app.ctx).expect("a run");
        let index = run.display_order(scenario, run.current())[1];
        match &run.current_node(scenario).expect("a node").step {
            kruispunt::course::checked::Step::Choices(c) => c[index].id.to_string(),
            _ => panic!("not at a decision point"),
        }
    };
    press(&mut app, "↓⏎");
    assert_eq!(attempts(&app)[0].choices[0].choice.as_str(), second);
    // Reach the last decision with trust below 60: the support offer needs trust >= 60.
    let mut low = started();
    // Office, ask for the reason first (-10), open question, other bed.
    take(
        &mut low,
        &["naar-kantoor", "eerst-de-reden", "open-vraag", "ander-bed"],
    );
    let shown = screen(&mut low, 120, 40);
    let run = state(&low).run(&low.ctx).expect("a run");
    assert_eq!(run.variables()[0], 55);
    assert!(!shown.contains("3. "), "only two answers offered:\n{shown}");
    let mut high = started();
    take(&mut high, &GOOD[..4]);
    assert!(screen(&mut high, 120, 40).contains("3. "));
}

#[test]
fn end_to_end_good_ending_then_rewind_to_a_different_ending() {
    let mut app = started();
    take(&mut app, &GOOD);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Ending: good"), "{shown}");
    both_sizes(&mut app, "ending_good");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Debrief"), "{shown}");
    assert!(shown.contains("Your path"), "{shown}");
    assert!(shown.contains("Competencies"), "{shown}");
    assert!(shown.contains("✓ shown"), "{shown}");
    assert!(shown.contains("Confidentiality"), "{shown}");
    assert_eq!(
        attempts(&app)[0].ending.as_ref().map(|e| e.outcome),
        Some(EndingOutcome::Good)
    );

    // Back one decision, take the third answer: a mixed ending, in a new attempt.
    press(&mut app, "b");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Your answer"), "{shown}");
    take(&mut app, &["alles-noteren"]);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Ending: mixed"), "{shown}");
    let all = attempts(&app);
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[1].ending.as_ref().map(|e| e.outcome),
        Some(EndingOutcome::Mixed)
    );
    assert_eq!(all[1].choices.len(), 5);
}

#[test]
fn the_rewind_list_goes_back_to_any_decision() {
    let mut app = started();
    take(&mut app, &GOOD[..3]);
    press(&mut app, "w");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Go back to a decision"), "{shown}");
    assert!(
        shown.contains("› 3."),
        "the last decision is selected:\n{shown}"
    );
    both_sizes(&mut app, "rewind_list");
    // Number 1 then Enter: back to the very first decision.
    press(&mut app, "1⏎");
    let run = state(&app).run(&app.ctx).expect("a run");
    assert!(run.decisions().is_empty());
    assert_eq!(attempts(&app).len(), 2, "a new attempt began");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Trust 40/100"), "{shown}");
}

#[test]
fn the_branch_map_shows_what_two_attempts_explored() {
    let mut app = started();
    take(&mut app, &GOOD);
    press(&mut app, "r");
    take(&mut app, &["formulier"]); // a note for the social assistant: Yassin walks off
    take(&mut app, &["briefje"]); // leave it at the note: poor ending
    assert!(screen(&mut app, 80, 24).contains("Ending: poor"));
    press(&mut app, "m");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Branch map"), "{shown}");
    assert!(shown.contains("endings reached: 2 of 4"), "{shown}");
    // Answers tried carry their quality as a symbol, explained in the legend.
    assert!(shown.contains("✓ ++ "), "{shown}");
    assert!(shown.contains("✓ - "), "{shown}");
    assert!(shown.contains("? "), "{shown}");
    assert!(
        shown.contains("++ best · + acceptable · - weak · !! harmful"),
        "{shown}"
    );
    assert!(shown.contains("Ending: good"), "{shown}");
    assert!(shown.contains("Ending: poor"), "{shown}");
    both_sizes(&mut app, "branch_map");
    // Scrolling moves the outline; Esc goes back to the ending.
    let before = screen(&mut app, 80, 24);
    press(&mut app, "jj");
    assert_ne!(before, screen(&mut app, 80, 24));
    press(&mut app, "⎋");
    assert!(screen(&mut app, 80, 24).contains("Ending: poor"));
}

#[test]
fn compare_shows_where_two_attempts_split() {
    let mut app = started();
    take(&mut app, &GOOD);
    press(&mut app, "b");
    take(&mut app, &["alles-noteren"]); // mixed, split at decision 5
    press(&mut app, "c");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Compare two attempts"), "{shown}");
    assert!(shown.contains("same 4 answers"), "{shown}");
    assert!(shown.contains("split at decision 5"), "{shown}");
    assert!(
        shown.contains("Attempt 1") && shown.contains("Attempt 2"),
        "{shown}"
    );
    assert!(
        shown.contains("Ending: good") && shown.contains("Ending: mixed"),
        "{shown}"
    );
    both_sizes(&mut app, "compare");
    // With only one attempt there is nothing to compare, and no panic.
    let mut lone = started();
    press(&mut lone, "1c");
    assert!(screen(&mut lone, 80, 24).contains("at least two attempts"));
}

/// The attempts compared, by position.
fn compared(app: &App) -> (usize, usize) {
    match state(app).view {
        scenario::View::Compare(picked) => (picked.left, picked.right),
        ref other => panic!("not comparing: {other:?}"),
    }
}

#[test]
fn compare_never_puts_an_attempt_beside_itself() {
    let mut app = started();
    take(&mut app, &GOOD);
    press(&mut app, "b");
    take(&mut app, &["alles-noteren"]);
    press(&mut app, "c");
    assert_eq!(compared(&app), (0, 1));
    // Two attempts: the arrows have no other attempt to go to, on either side.
    press(&mut app, "→");
    assert_eq!(compared(&app), (0, 1));
    press(&mut app, "⇥←");
    assert_eq!(compared(&app), (0, 1));
    // Three attempts: each side steps over the attempt on the other side.
    press(&mut app, "⎋b");
    take(&mut app, &["samen-afspreken"]);
    press(&mut app, "c");
    assert_eq!(compared(&app), (1, 2));
    for _ in 0..6 {
        press(&mut app, "→");
        let (left, right) = compared(&app);
        assert_ne!(left, right);
    }
    press(&mut app, "⇥");
    for _ in 0..6 {
        press(&mut app, "←");
        let (left, right) = compared(&app);
        assert_ne!(left, right);
    }
}

/// The two columns before the side panel, found by its `marker` text, on every row of
/// `shown` (the title and key bar rows aside): blank or the panes' border lines.
fn gutter(shown: &str, marker: &str) -> Vec<String> {
    let rows: Vec<Vec<char>> = shown.lines().map(|l| l.chars().collect()).collect();
    let x = rows
        .iter()
        .find_map(|row| {
            let line: String = row.iter().collect();
            line.find(marker).map(|at| line[..at].chars().count())
        })
        .unwrap_or_else(|| panic!("`{marker}` is not shown:\n{shown}"));
    rows[1..rows.len().saturating_sub(1)]
        .iter()
        .map(|row| {
            (x - 2..x)
                .map(|i| row.get(i).copied().unwrap_or(' '))
                .collect()
        })
        .collect()
}

#[test]
fn two_columns_stand_between_the_conversation_and_the_side_panel() {
    let mut app = started();
    take(&mut app, &GOOD[..2]);
    for (width, height) in [(80, 24), (100, 30), (120, 40)] {
        for gloss in [false, true] {
            if gloss {
                press(&mut app, "G");
            }
            let shown = screen(&mut app, width, height);
            for cells in gutter(&shown, "Trust ") {
                assert!(
                    cells.chars().all(|c| c == ' ' || c == '─'),
                    "`{cells}` in the gutter at {width}x{height}:\n{shown}"
                );
            }
            if gloss {
                press(&mut app, "G");
            }
        }
    }
}

#[test]
fn help_lists_the_scenario_keys() {
    let mut app = started();
    press(&mut app, "?");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("back one decision"), "{shown}");
    assert!(shown.contains("branch map"), "{shown}");
    both_sizes(&mut app, "help");
}

#[test]
fn the_gloss_shows_the_second_language_under_course_text() {
    let mut app = started();
    take(&mut app, &["naar-kantoor"]);
    press(&mut app, "G");
    let shown = screen(&mut app, 120, 40);
    // English interface, Dutch gloss: the coach's feedback in both languages.
    assert!(shown.contains("You take the request seriously"), "{shown}");
    assert!(shown.contains("Je neemt de vraag ernstig"), "{shown}");
    both_sizes(&mut app, "gloss");
}

#[test]
fn transcript_tells_character_and_learner_apart_and_scrolls() {
    let mut app = started();
    take(&mut app, &GOOD[..4]);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Yassin (Resident) · "), "{shown}");
    // PageUp scrolls back and says how much is below; PageDown follows the newest again.
    let newest = screen(&mut app, 80, 24);
    app.update(kruispunt::tui::Action::PageUp);
    let back = screen(&mut app, 80, 24);
    assert_ne!(newest, back);
    assert!(back.contains("below (PgDn)"), "{back}");
    app.update(kruispunt::tui::Action::ScrollDown);
    app.update(kruispunt::tui::Action::PageDown);
    app.update(kruispunt::tui::Action::PageDown);
    assert_eq!(newest, screen(&mut app, 80, 24));
}

#[test]
fn a_click_on_an_answer_takes_it() {
    let mut app = started();
    let shown = screen(&mut app, 120, 40);
    let (row, line) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(". “Another room?"))
        .expect("the answer on screen");
    let column = u16::try_from(line.find(". “").unwrap_or(0)).unwrap_or(0) + 2;
    app.update(kruispunt::tui::Action::Click {
        column,
        row: u16::try_from(row).unwrap_or(0),
    });
    assert_eq!(attempts(&app)[0].choices[0].choice.as_str(), "waarom-hier");
}

#[test]
fn a_resumed_scenario_is_where_it_was() {
    let mut app = started();
    take(&mut app, &GOOD[..2]);
    press(&mut app, "2");
    let before = screen(&mut app, 80, 24);
    let before_wide = screen(&mut app, 120, 40);
    let (node, vars) = {
        let a = attempts(&app).last().expect("an attempt");
        (a.current_node.clone(), a.variables.clone())
    };
    let saved: Progress = app.ctx.progress().clone();
    drop(app);

    let mut again = tui_support::app_with(UiLocale::En, saved);
    open(&mut again);
    let run = state(&again).run(&again.ctx).expect("a run");
    let scenario = &again.ctx.course().scenarios[&ItemId::from(ID)];
    let snapshot = run.snapshot(scenario);
    assert_eq!(snapshot.current, node);
    assert_eq!(snapshot.variables, vars);
    assert_eq!(screen(&mut again, 80, 24), before);
    assert_eq!(screen(&mut again, 120, 40), before_wide);
}

#[test]
fn a_missing_scenario_shows_a_message_and_goes_back() {
    let mut app = app(UiLocale::En);
    app.screen = Screen::Scenario(scenario::State::open(
        &mut app.ctx,
        &ItemId::from("no-such-scenario"),
    ));
    assert!(screen(&mut app, 80, 24).contains("not in the course"));
    press(&mut app, "1⏎");
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn every_view_survives_tiny_sizes() {
    let sizes = [
        (0, 0),
        (1, 1),
        (10, 3),
        (39, 12),
        (40, 12),
        (41, 13),
        (50, 14),
        (79, 23),
        (80, 24),
        (200, 60),
    ];
    let mut app = app(UiLocale::En);
    open(&mut app);
    let mut views: Vec<(&str, App)> = Vec::new();
    let note = {
        let mut a = tui_support::app(UiLocale::En);
        open(&mut a);
        a
    };
    views.push(("note", note));
    let mut conversation = started();
    press(&mut conversation, "11G");
    views.push(("conversation", conversation));
    let mut ending = started();
    take(&mut ending, &GOOD);
    views.push(("ending", ending));
    let mut rewind = started();
    press(&mut rewind, "111w");
    views.push(("rewind", rewind));
    let mut map = started();
    take(&mut map, &GOOD);
    press(&mut map, "b");
    take(&mut map, &["alles-noteren"]);
    press(&mut map, "m");
    views.push(("map", map));
    let mut compare = started();
    take(&mut compare, &GOOD);
    press(&mut compare, "b");
    take(&mut compare, &["alles-noteren"]);
    press(&mut compare, "c");
    views.push(("compare", compare));
    for (name, mut app) in views {
        for (w, h) in sizes {
            let _ = screen(&mut app, w, h);
            // Keys and clicks at that size must not panic either.
            press(&mut app, "↓↑⇥");
            app.update(kruispunt::tui::Action::Click { column: 5, row: 5 });
            app.update(kruispunt::tui::Action::ScrollUp);
            let _ = screen(&mut app, w, h);
        }
        let _ = name;
    }
}

#[test]
fn every_message_id_of_the_screen_exists_in_every_language() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("src/tui/screens/scenario");
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the scenario screen sources") {
        let code = std::fs::read_to_string(entry.expect("an entry").path()).expect("source");
        for call in ["t(\"", "tr(\"", "tr(\n"] {
            for (at, _) in code.match_indices(call) {
                let rest = code[at + call.len()..].trim_start().trim_start_matches('"');
                if let Some(end) = rest.find('"') {
                    let id = &rest[..end];
                    if id.contains('-') && !id.contains(' ') {
                        ids.push(id.to_owned());
                    }
                }
            }
        }
    }
    assert!(ids.len() > 40, "found only {ids:?}");
    for locale in ["en", "nl", "fr"] {
        let ftl = std::fs::read_to_string(root.join(format!("locales/{locale}/kruispunt.ftl")))
            .expect("the ftl file");
        for id in &ids {
            assert!(
                ftl.lines().any(|l| l.starts_with(&format!("{id} ="))),
                "`{id}` is missing in {locale}"
            );
        }
    }
}

#[test]
fn cut_feedback_says_so_and_scrolls_into_view() {
    let mut app = started();
    take(&mut app, &["naar-kantoor"]);
    press(&mut app, "G");
    let shown = screen(&mut app, 80, 24);
    // Coach text and gloss fill the panel: the inner thought is cut, and the panel says so.
    assert!(!shown.contains("Inner thought of"), "{shown}");
    assert!(shown.contains("more lines (Tab, PgDn)"), "{shown}");
    assert!(shown.contains("Tab, PgDn scroll the feedback"), "{shown}");
    // Tab goes from the answers to the feedback; a page down brings the thought into view.
    press(&mut app, "⇥");
    assert_eq!(state(&app).focus, scenario::Focus::Feedback);
    let focused = screen(&mut app, 80, 24);
    assert!(focused.contains("▸ Feedback"), "{focused}");
    assert!(focused.contains("scroll the feedback"), "{focused}");
    app.update(kruispunt::tui::Action::PageDown);
    let scrolled = screen(&mut app, 80, 24);
    assert!(scrolled.contains("Inner thought of"), "{scrolled}");
    assert_snapshot!("gloss_feedback_scrolled_80x24", scrolled);
    // Arrows scroll it back up while the feedback has the focus; the answer stays selected.
    press(&mut app, "↑↑↑↑↑↑↑↑↑↑↑↑↑↑↑↑↑↑↑↑↑↑↑↑");
    assert_eq!(state(&app).feedback_scroll, 0);
    assert_eq!(state(&app).selected, 0);
    assert_eq!(screen(&mut app, 80, 24), focused);
    // Tab goes on to the transcript, then back to the answers.
    press(&mut app, "⇥");
    assert_eq!(state(&app).focus, scenario::Focus::Transcript);
    press(&mut app, "⇥");
    assert_eq!(state(&app).focus, scenario::Focus::Choices);
}

#[test]
fn the_feedback_scroll_starts_over_with_each_answer() {
    let mut app = started();
    take(&mut app, &["naar-kantoor"]);
    press(&mut app, "G⇥");
    app.update(kruispunt::tui::Action::PageDown);
    let _ = screen(&mut app, 80, 24);
    assert!(state(&app).feedback_scroll > 0);
    press(&mut app, "1");
    assert_eq!(state(&app).feedback_scroll, 0);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Coach"),
        "the new feedback from its start:\n{shown}"
    );
}

#[test]
fn the_compact_feedback_scrolls_too() {
    let mut app = started();
    take(&mut app, &["naar-kantoor"]);
    press(&mut app, "G");
    let shown = screen(&mut app, 60, 20);
    assert!(shown.contains("(Tab, PgDn)"), "{shown}");
    // The mouse wheel scrolls the feedback once it has the focus (a click on it gives it).
    press(&mut app, "⇥");
    let focused = screen(&mut app, 60, 20);
    assert!(focused.contains("▸ Feedback"), "{focused}");
    let mut seen_thought = false;
    for _ in 0..30 {
        app.update(kruispunt::tui::Action::ScrollDown);
        seen_thought |= screen(&mut app, 60, 20).contains("Inner thought of");
    }
    assert!(seen_thought, "the thought scrolled into view");
    let end = screen(&mut app, 60, 20);
    assert!(end.contains("ons."), "the last line of the thought:\n{end}");
    assert!(end.contains("above (↑, PgUp)"), "{end}");
}

#[test]
fn the_content_note_scrolls_when_it_does_not_fit() {
    let mut app = app(UiLocale::En);
    open(&mut app);
    let top = screen(&mut app, 60, 14);
    assert!(top.contains("Content note"), "{top}");
    assert!(top.contains("more lines (↓, PgDn)"), "{top}");
    assert!(!top.contains("Your goal"), "{top}");
    // The way on stays in view all along.
    assert!(top.contains("Enter: start the conversation"), "{top}");
    assert_snapshot!("content_note_cut_60x14", top);
    app.update(kruispunt::tui::Action::PageDown);
    let next = screen(&mut app, 60, 14);
    assert_ne!(top, next);
    for _ in 0..40 {
        press(&mut app, "↓");
    }
    let end = screen(&mut app, 60, 14);
    assert!(end.contains("Your goal"), "{end}");
    assert!(end.contains("above (↑, PgUp)"), "{end}");
    assert!(end.contains("Enter: start the conversation"), "{end}");
    // Back to the top with the arrows, then Enter starts as before.
    for _ in 0..40 {
        press(&mut app, "↑");
    }
    assert_eq!(screen(&mut app, 60, 14), top);
    press(&mut app, "⏎");
    assert_eq!(state(&app).view, scenario::View::Conversation);
}

/// The order shown at the current decision point (positions as written) and the ids of
/// the choices there, as written.
fn order_here(app: &App) -> (Vec<usize>, Vec<String>) {
    let scenario = &app.ctx.course().scenarios[&ItemId::from(ID)];
    let run = state(app).run(&app.ctx).expect("a run");
    let Some(kruispunt::course::checked::Step::Choices(choices)) =
        run.current_node(scenario).map(|n| &n.step)
    else {
        panic!("not at a decision point");
    };
    (
        run.display_order(scenario, run.current()),
        choices.iter().map(|c| c.id.to_string()).collect(),
    )
}

#[test]
fn a_number_takes_the_answer_shown_there_not_the_one_written_there() {
    let mut app = started();
    // Along the good road, to the first decision point where the answer written first is
    // not shown first (with the first attempt's seed), so the test tells the two apart.
    let mut road = GOOD.iter();
    let (order, ids) = loop {
        let (order, ids) = order_here(&app);
        if order[0] != 0 {
            break (order, ids);
        }
        let next = road
            .next()
            .expect("a shuffled decision point on the good road");
        take(&mut app, &[next]);
    };
    let taken_before = state(&app).run(&app.ctx).map_or(0, |r| r.decisions().len());
    let first_shown = &ids[order[0]];
    let text = {
        let scenario = &app.ctx.course().scenarios[&ItemId::from(ID)];
        let run = state(&app).run(&app.ctx).expect("a run");
        match &run.current_node(scenario).expect("a node").step {
            kruispunt::course::checked::Step::Choices(c) => app.ctx.plain(&c[order[0]].text),
            _ => unreachable!(),
        }
    };
    let first_words: String = text.chars().take(20).collect();
    let shown = screen(&mut app, 120, 40);
    let numbered = shown
        .lines()
        .find(|l| l.contains(&first_words) && l.contains(". "))
        .expect("the first answer shown is on screen");
    assert!(numbered.contains("1. "), "{shown}");
    press(&mut app, "1");
    assert_eq!(
        attempts(&app)[0].choices[taken_before].choice.as_str(),
        first_shown,
        "1 takes the answer shown first"
    );
}

#[test]
fn the_thought_is_its_thinkers() {
    let mut app = started();
    // Give the thought of the first answer to Sofie, the colleague, who did not speak last.
    let sofie = {
        let scenario = app
            .ctx
            .session
            .course_mut()
            .scenarios
            .get_mut(&ItemId::from(ID))
            .expect("the scenario");
        let sofie = scenario
            .characters
            .iter()
            .find(|c| c.id.as_str() != "yassin")
            .expect("a second character")
            .clone();
        for node in &mut scenario.nodes {
            if let kruispunt::course::checked::Step::Choices(choices) = &mut node.step {
                for choice in choices
                    .iter_mut()
                    .filter(|c| c.id.as_str() == "naar-kantoor")
                {
                    choice.thinker = Some(sofie.id.clone());
                }
            }
        }
        sofie
    };
    let name = app.ctx.plain(&sofie.name);
    take(&mut app, &["naar-kantoor"]);
    press(&mut app, "⇥");
    app.update(kruispunt::tui::Action::PageDown);
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains(&format!("Inner thought of {name}")),
        "{shown}"
    );
}

/// The app with the fixture changed so that delaying until tomorrow ("morgen-beslissen")
/// breaches safety, which the first answer ("naar-kantoor") showed.
fn with_a_breach() -> App {
    use kruispunt::course::model::{CompetencyEvidence, Evidence};
    let mut app = started();
    let scenario = app
        .ctx
        .session
        .course_mut()
        .scenarios
        .get_mut(&ItemId::from(ID))
        .expect("the scenario");
    for node in &mut scenario.nodes {
        if let kruispunt::course::checked::Step::Choices(choices) = &mut node.step {
            for choice in choices
                .iter_mut()
                .filter(|c| c.id.as_str() == "morgen-beslissen")
            {
                choice.competencies = CompetencyEvidence(
                    [("safety".into(), Evidence::Breached)]
                        .into_iter()
                        .collect(),
                );
            }
        }
    }
    app
}

#[test]
fn the_ending_scores_competencies_counts_qualities_and_names_turning_points() {
    let mut app = with_a_breach();
    // Office (shows safety), simple words, "are you gay?" (weak: the open question's
    // competencies are not met), then leave it until tomorrow (breaches safety, weak): a
    // poor ending, where another bed would have kept a good one.
    take(
        &mut app,
        &[
            "naar-kantoor",
            "eenvoudige-taal",
            "ben-je-homo",
            "morgen-beslissen",
        ],
    );
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Ending: poor"), "{shown}");
    let lines: Vec<String> = {
        let scenario = &app.ctx.course().scenarios[&ItemId::from(ID)];
        let run = state(&app).run(&app.ctx).expect("a run");
        scenario::ending::debrief_lines(&app.ctx, scenario, run, 120)
            .iter()
            .map(|l| l.to_string())
            .collect()
    };
    let all = lines.join("\n");
    // The breached competency is listed as breached, and never as shown.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("✗ breached") && l.contains("Safety")),
        "{all}"
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("✓ shown") && l.contains("Safety")),
        "{all}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("✓ shown") && l.contains("Confidentiality")),
        "{all}"
    );
    assert!(lines.iter().any(|l| l.contains("· not met")), "{all}");
    // The answers per quality, in symbols and words.
    assert!(all.contains("++ best: 2"), "{all}");
    assert!(all.contains("- weak: 2"), "{all}");
    assert!(all.contains("!! harmful: 0"), "{all}");
    // The turning point: the answer taken, the better one with the coach's feedback on it,
    // and that the good ending was lost.
    assert!(all.contains("Turning points"), "{all}");
    assert!(all.contains("Decision 3: "), "{all}");
    assert!(all.contains("Decision 4: "), "{all}");
    assert!(all.contains("You answered (- weak):"), "{all}");
    assert!(all.contains("A better answer (++ best):"), "{all}");
    assert!(all.contains("The coach on that better answer:"), "{all}");
    assert!(all.contains("closed off the good ending"), "{all}");
    assert!(
        all.contains("a good ending was still within reach"),
        "{all}"
    );
    // In that order: outcome, debrief, gauges, competencies, qualities, turning points, path.
    let at = |needle: &str| {
        all.find(needle)
            .unwrap_or_else(|| panic!("`{needle}` missing:\n{all}"))
    };
    assert!(at("Ending: poor") < at("Debrief"));
    assert!(at("Debrief") < at("Where it ended"));
    assert!(at("Where it ended") < at("Competencies"));
    assert!(at("Competencies") < at("Your answers by quality"));
    assert!(at("Your answers by quality") < at("Turning points"));
    assert!(at("Turning points") < at("Your path"));
    both_sizes(&mut app, "ending_breach_turning_point");
    // Scrolled down at 80x24: the turning point itself.
    for _ in 0..16 {
        press(&mut app, "↓");
    }
    let scrolled = screen(&mut app, 80, 24);
    assert!(scrolled.contains("A better answer"), "{scrolled}");
    assert_snapshot!("ending_turning_point_scrolled_80x24", scrolled);
}

#[test]
fn the_ending_without_turning_points_says_so() {
    let mut app = started();
    take(&mut app, &GOOD);
    let scenario = &app.ctx.course().scenarios[&ItemId::from(ID)];
    let run = state(&app).run(&app.ctx).expect("a run");
    let all: Vec<String> = scenario::ending::debrief_lines(&app.ctx, scenario, run, 120)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let all = all.join("\n");
    assert!(all.contains("one of the best answers offered"), "{all}");
    assert!(all.contains("++ best: 5"), "{all}");
}

#[test]
fn the_selected_answer_is_shown_whole_and_cut_answers_are_announced() {
    let mut app = started();
    // At the documented minimum, the third answer selected is shown to its last word.
    press(&mut app, "↓↓");
    let shown = screen(&mut app, 40, 12);
    assert!(shown.contains("› 3."), "{shown}");
    assert!(shown.contains("roommates?”"), "{shown}");
    // Answers cut above are announced in the heading.
    assert!(shown.contains("Your answer ↑"), "{shown}");
    // With the gloss at 80x24, the answers no longer fit: what is cut is said, not hidden.
    press(&mut app, "↑↑G");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("› 1."), "{shown}");
    assert!(shown.contains("more lines (↓, PgDn)"), "{shown}");
    // Going down to the third answer brings it whole into view.
    press(&mut app, "↓↓");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("› 3."), "{shown}");
    assert!(shown.contains("kamergenoten?”"), "{shown}");
    assert_snapshot!("long_answers_scroll_40x12", {
        press(&mut app, "G");
        screen(&mut app, 40, 12)
    });
}
