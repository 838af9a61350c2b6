//! Snapshot and behaviour tests of the lesson screen: every scene kind, content notes,
//! quizzes with feedback and retries, the reflection editor, checklists, the gloss, help,
//! saving and resuming, and tiny sizes.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tui_support;

use insta::assert_snapshot;
use kruispunt::course::checked::SceneBody;
use kruispunt::course::ids::{ItemId, SceneId};
use kruispunt::i18n::UiLocale;
use kruispunt::progress::{ContentNoteChoice, ItemStatus, Progress};
use kruispunt::tui::screens::{Screen, lesson};
use kruispunt::tui::{Action, App};
use tui_support::{app, press, screen};

const WELCOME: &str = "welkom-op-het-kruispunt";
const LETTERS: &str = "de-letters";

/// An app (English interface) with `lesson` open, at its first scene.
fn open(lesson: &str) -> App {
    let mut app = app(UiLocale::En);
    open_in(&mut app, lesson);
    app
}

fn open_in(app: &mut App, lesson: &str) {
    let state = lesson::State::open(&mut app.ctx, &ItemId::from(lesson));
    app.screen = Screen::Lesson(state);
}

/// The scene position shown, from 1 (panics when not on the lesson screen).
fn scene_number(app: &App) -> usize {
    match &app.screen {
        Screen::Lesson(state) => state
            .run(&app.ctx)
            .expect("the lesson exists")
            .position()
            .number(),
        other => panic!("not on the lesson screen: {other:?}"),
    }
}

/// Presses → until scene `number` is shown.
fn to_scene(app: &mut App, number: usize) {
    for _ in 0..40 {
        if scene_number(app) == number {
            return;
        }
        press(app, "→");
    }
    panic!("scene {number} not reached");
}

/// The number key that picks option `id` of the quiz shown: the options are shown in an
/// order the engine shuffles per try, and number keys pick by the position shown.
fn key_of(app: &App, id: &str) -> String {
    let Screen::Lesson(state) = &app.screen else {
        panic!("not on the lesson screen");
    };
    let lesson = &app.ctx.course().lessons[&state.lesson];
    let run = state.run(&app.ctx).expect("the lesson exists");
    let Some(SceneBody::Quiz(quiz)) = run.current(lesson).map(|s| &s.body) else {
        panic!("not on a quiz");
    };
    let position = run
        .quiz_order(lesson)
        .iter()
        .position(|&i| quiz.options[i].id.as_str() == id)
        .unwrap_or_else(|| panic!("no option {id}"));
    (position + 1).to_string()
}

/// The first answer recorded for quiz `scene` of the letters lesson.
fn quiz_record(app: &App, scene: &str) -> kruispunt::progress::QuizRecord {
    progress_of(app, LETTERS).lesson.scenes[&SceneId::from(scene)]
        .quiz
        .clone()
        .expect("the quiz is recorded")
}

/// Both sizes of every snapshot: the full layout at 80x24 and a roomy one.
fn snapshots(app: &mut App, name: &str) {
    assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    assert_snapshot!(format!("{name}_120x40"), screen(app, 120, 40));
}

fn progress_of<'p>(app: &'p App, lesson: &str) -> &'p kruispunt::progress::ItemProgress {
    app.ctx
        .progress()
        .items
        .get(&ItemId::from(lesson))
        .expect("the lesson is in the progress")
}

#[test]
fn a_text_scene() {
    let mut app = open(WELCOME);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Scene 1 of 6 · Text"), "{shown}");
    snapshots(&mut app, "text");
}

#[test]
fn a_content_note_comes_first_and_the_testimony_is_marked_fictional() {
    let mut app = open(WELCOME);
    press(&mut app, "→→");
    assert_eq!(scene_number(&app), 3);
    snapshots(&mut app, "content_note");
    press(&mut app, "⏎");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Fictional composite"), "{shown}");
    snapshots(&mut app, "testimony");
    let scene = &progress_of(&app, WELCOME).lesson.scenes[&SceneId::from("getuigenis-dalia")];
    assert_eq!(scene.content_note, Some(ContentNoteChoice::Accepted));
    assert!(scene.visited);
}

#[test]
fn skipping_a_content_note_moves_on_and_is_recorded() {
    let mut app = open(WELCOME);
    press(&mut app, "→→s");
    assert_eq!(scene_number(&app), 4);
    let scene = &progress_of(&app, WELCOME).lesson.scenes[&SceneId::from("getuigenis-dalia")];
    assert_eq!(scene.content_note, Some(ContentNoteChoice::Skipped));
    assert!(!scene.visited);
}

#[test]
fn glossary_cards_turn_over_and_move() {
    let mut app = open(LETTERS);
    press(&mut app, "→");
    let front = screen(&mut app, 80, 24);
    assert!(front.contains("Card 1 of"), "{front}");
    snapshots(&mut app, "glossary_front");
    press(&mut app, " ");
    let back = screen(&mut app, 80, 24);
    assert!(back.contains("A woman who is attracted to women"), "{back}");
    snapshots(&mut app, "glossary_back");
    press(&mut app, "n");
    assert!(screen(&mut app, 80, 24).contains("Card 2 of"));
    press(&mut app, "⏎n");
    assert!(screen(&mut app, 80, 24).contains("Card 3 of"));
    press(&mut app, "pp");
    assert!(screen(&mut app, 80, 24).contains("Card 1 of"));
    // p on the first card stays there.
    press(&mut app, "p");
    assert!(screen(&mut app, 80, 24).contains("Card 1 of"));
    assert_eq!(scene_number(&app), 2);
}

#[test]
fn the_arrows_leave_a_glossary_from_any_card() {
    let mut app = open(LETTERS);
    press(&mut app, "→");
    assert_eq!(scene_number(&app), 2);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Card 1 of 12"), "{shown}");
    // The key bar says the card keys, and the arrows go to another scene.
    assert!(shown.contains("n p other card"), "{shown}");
    press(&mut app, "→");
    assert_eq!(scene_number(&app), 3, "→ on the first of twelve cards");
    press(&mut app, "←nn←");
    assert_eq!(scene_number(&app), 1, "← on the third card");
    press(&mut app, "?");
    press(&mut app, "⎋→?");
    let help = screen(&mut app, 120, 40);
    let row = |keys: &str, what: &str| help.lines().any(|l| l.contains(keys) && l.contains(what));
    assert!(row("← h", "previous scene"), "{help}");
    assert!(row("→ l", "next scene"), "{help}");
    assert!(row("n p", "other card"), "{help}");
}

/// Feedback texts of the fixture's single-answer quiz (`quiz-trans`), in English.
const WRONG_PICKED_FEEDBACK: &str = "This word is dated";
const RIGHT_FEEDBACK: &str = "Right. ‘Trans’ describes";
const OTHER_WRONG_FEEDBACK: &str = "This sentence denies";

#[test]
fn a_quiz_before_and_after_answering() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 3);
    snapshots(&mut app, "quiz_before");
    let wrong = key_of(&app, "transseksueel");
    press(&mut app, &format!("{wrong}⏎"));
    snapshots(&mut app, "quiz_after");
    // On request, the right answer and the explanation.
    press(&mut app, "a");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("✗ not correct · you chose this"), "{shown}");
    assert!(shown.contains("✓ correct answer"), "{shown}");
    assert!(shown.contains("Explanation"), "{shown}");
    snapshots(&mut app, "quiz_revealed");
}

#[test]
fn a_first_wrong_answer_shows_no_correct_mark_and_no_explanation() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 3);
    let wrong = key_of(&app, "transseksueel");
    press(&mut app, &format!("{wrong}⏎"));
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = screen(&mut app, w, h);
        assert!(shown.contains("✗ Not correct yet"), "{shown}");
        assert!(shown.contains("you chose this"), "{shown}");
        assert!(shown.contains(WRONG_PICKED_FEEDBACK), "{shown}");
        assert!(
            !shown.contains("correct answer"),
            "a correct mark:\n{shown}"
        );
        assert!(!shown.contains("not correct ·"), "{shown}");
        assert!(!shown.contains("Explanation"), "the explanation:\n{shown}");
        assert!(
            !shown.contains(RIGHT_FEEDBACK),
            "the right option's feedback:\n{shown}"
        );
        assert!(!shown.contains(OTHER_WRONG_FEEDBACK), "{shown}");
    }
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("Press r to try again, or a to see the right answer"),
        "{shown}"
    );
    // The keys say how to go on; the help overlay lists "show the answer".
    press(&mut app, "?");
    let help = screen(&mut app, 120, 40);
    assert!(help.contains("show the answer"), "{help}");
    assert!(help.contains("try again"), "{help}");
    press(&mut app, "?");
    assert!(!app.help);
    let quiz = quiz_record(&app, "quiz-trans");
    assert!(!quiz.first_correct);
    assert_eq!(quiz.attempts, 1);
}

#[test]
fn a_second_wrong_answer_reveals_the_answer() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 3);
    let wrong = key_of(&app, "transseksueel");
    press(&mut app, &format!("{wrong}⏎r"));
    let other = key_of(&app, "zo-laten");
    press(&mut app, &format!("{other}⏎"));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("✓ correct answer"), "{shown}");
    assert!(shown.contains("Explanation"), "{shown}");
    assert!(shown.contains(RIGHT_FEEDBACK), "{shown}");
    assert!(
        shown.contains("your first answer is the one that counts, and it was not quite"),
        "{shown}"
    );
    let quiz = quiz_record(&app, "quiz-trans");
    assert_eq!(quiz.attempts, 2);
    assert_eq!(quiz.first_answer[0].as_str(), "transseksueel");
}

#[test]
fn the_answer_shown_on_request_before_answering_never_counts_as_right() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 3);
    press(&mut app, "a");
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("Here is the right answer, as you asked"),
        "{shown}"
    );
    assert!(shown.contains("✓ correct answer"), "{shown}");
    assert!(shown.contains("Explanation"), "{shown}");
    assert!(!shown.contains("you chose this"), "{shown}");
    // Answering right afterwards does not make the first try right.
    press(&mut app, "r");
    let right = key_of(&app, "trans-vrouw");
    press(&mut app, &format!("{right}⏎"));
    assert!(screen(&mut app, 120, 40).contains("Your answer is right"));
    let quiz = quiz_record(&app, "quiz-trans");
    assert!(!quiz.first_correct);
    assert!(quiz.first_answer.is_empty());
    press(&mut app, "→→→→");
    let done = screen(&mut app, 120, 40);
    assert!(
        done.contains("Quizzes right at the first try: 0 of 2"),
        "every quiz of the lesson counts: {done}"
    );
    assert!(
        done.contains("One quiz was not answered."),
        "the quiz not answered is said: {done}"
    );
}

#[test]
fn the_end_of_the_lesson_counts_every_quiz_and_says_which_were_not_answered() {
    // Issue 14, item 4: quizzes passed by were left out of the count.
    let mut app = open(LETTERS);
    to_scene(&mut app, 6);
    press(&mut app, "→");
    let done = screen(&mut app, 120, 40);
    assert!(done.contains("Lesson done"), "{done}");
    assert!(
        done.contains("Quizzes right at the first try: 0 of 2"),
        "{done}"
    );
    assert!(done.contains("2 quizzes were not answered."), "{done}");
}

#[test]
fn the_options_are_shuffled_and_number_keys_pick_by_the_position_shown() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 3);
    let keys: Vec<String> = [
        "trans-vrouw",
        "transseksueel",
        "man-die-zich-vrouw-voelt",
        "zo-laten",
    ]
    .iter()
    .map(|id| key_of(&app, id))
    .collect();
    assert_ne!(
        keys,
        ["1", "2", "3", "4"],
        "the fixture quiz is shown shuffled"
    );
    // The text shown at the position of the key is the option's text.
    let shown = screen(&mut app, 120, 40);
    let line = shown
        .lines()
        .find(|l| l.contains(&format!("( ) {}. ", keys[1])))
        .expect("the option line");
    assert!(line.contains("transsexual"), "{line}");
    // A retry shows the options in another order, and the key still picks by position.
    press(&mut app, &format!("{}⏎r", keys[1]));
    let again: Vec<String> = [
        "trans-vrouw",
        "transseksueel",
        "man-die-zich-vrouw-voelt",
        "zo-laten",
    ]
    .iter()
    .map(|id| key_of(&app, id))
    .collect();
    assert_ne!(again, keys, "a retry reshuffles");
    press(&mut app, &format!("{}⏎", again[0]));
    assert!(screen(&mut app, 120, 40).contains("Your answer is right"));
}

#[test]
fn the_first_quiz_answer_counts_after_a_retry() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 3);
    // Wrong first, then right.
    let wrong = key_of(&app, "transseksueel");
    press(&mut app, &format!("{wrong}⏎r"));
    let right = key_of(&app, "trans-vrouw");
    press(&mut app, &format!("{right}⏎"));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Your answer is right"), "{shown}");
    assert!(
        shown.contains("your first answer is the one that counts, and it was not quite"),
        "{shown}"
    );
    let quiz = quiz_record(&app, "quiz-trans");
    assert!(!quiz.first_correct);
    assert_eq!(quiz.attempts, 2);
    assert_eq!(quiz.first_answer.len(), 1);
    assert_eq!(quiz.first_answer[0].as_str(), "transseksueel");
}

#[test]
fn submitting_nothing_shows_a_message_instead_of_failing() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 3);
    press(&mut app, "⏎");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Choose an answer first"), "{shown}");
    assert_eq!(scene_number(&app), 3);
    assert!(
        progress_of(&app, LETTERS).lesson.scenes[&SceneId::from("quiz-trans")]
            .quiz
            .is_none()
    );
    // A multiple-answer quiz says "at least one".
    press(&mut app, "1⏎→⏎");
    assert_eq!(scene_number(&app), 4);
    assert!(screen(&mut app, 120, 40).contains("Choose at least one answer first"));
}

#[test]
fn a_multiple_answer_quiz_toggles_options() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 4);
    let (a, b) = (key_of(&app, "lichaam"), key_of(&app, "man-of-vrouw"));
    // Pressed twice, an option is unselected again.
    press(&mut app, &format!("{a}{b}{b}{b}⏎"));
    let quiz = quiz_record(&app, "quiz-intersekse");
    let ids: Vec<&str> = quiz.first_answer.iter().map(|o| o.as_str()).collect();
    assert_eq!(ids, ["lichaam", "man-of-vrouw"], "in the order written");
    assert!(quiz.first_correct);
}

#[test]
fn a_quiz_option_is_selected_with_a_click() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 3);
    let shown = screen(&mut app, 80, 24);
    let row = shown
        .lines()
        .position(|l| l.contains("( ) 3."))
        .expect("option 3 is shown");
    let column = shown.lines().nth(row).unwrap().find("( ) 3.").unwrap() as u16;
    let third = shown.lines().nth(row).unwrap().to_owned();
    app.update(Action::Click {
        column,
        row: row as u16,
    });
    assert!(screen(&mut app, 80, 24).contains("(•) 3."));
    // The click picked the option shown third, whatever its place in the file.
    press(&mut app, "⏎");
    let picked = quiz_record(&app, "quiz-trans").first_answer[0].clone();
    let texts = [
        ("trans-vrouw", "trans woman"),
        ("transseksueel", "transsexual"),
        ("man-die-zich-vrouw-voelt", "feels like"),
        ("zo-laten", "Leave it"),
    ];
    let (_, text) = texts
        .iter()
        .find(|(id, _)| *id == picked.as_str())
        .expect("a known option");
    assert!(third.contains(text), "{picked} picked, {third:?} clicked");
}

#[test]
fn the_reflection_editor_takes_every_key_and_keeps_the_text() {
    let mut app = open(WELCOME);
    press(&mut app, "→→s");
    assert_eq!(scene_number(&app), 4);
    press(&mut app, "⏎");
    assert!(app.editing());
    // q and ? are text here, not quit and help.
    press(&mut app, "Who is missing? quite a lot");
    assert!(!app.should_quit() && !app.help);
    press(&mut app, "⏎second line");
    snapshots(&mut app, "reflection_editing");
    let text = "Who is missing? quite a lot\nsecond line";
    let reflections = &progress_of(&app, WELCOME).reflections;
    assert_eq!(reflections[&SceneId::from("eigen-beeld")].text, text);
    press(&mut app, "⎋");
    assert!(!app.editing());
    // Esc again leaves the lesson; the text stays in the progress.
    press(&mut app, "⎋");
    assert!(matches!(app.screen, Screen::Home(_)));
    let reflections = &progress_of(&app, WELCOME).reflections;
    assert_eq!(reflections[&SceneId::from("eigen-beeld")].text, text);
}

#[test]
fn the_reflection_editor_shows_the_terminal_cursor_at_the_insertion_point() {
    // Issue 14, item 8: screen magnifiers follow the terminal's cursor, not a reverse cell.
    let mut app = open(WELCOME);
    press(&mut app, "→→s");
    let terminal = tui_support::draw(&mut app, 80, 24);
    assert!(
        !terminal.backend().cursor_visible(),
        "no cursor before the editor has the focus"
    );
    press(&mut app, "⏎Who is");
    let terminal = tui_support::draw(&mut app, 80, 24);
    let text = screen(&mut app, 80, 24);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Who is"))
        .expect("the text typed is shown");
    let column = line[..line.find("Who is").unwrap()].chars().count() + "Who is".len();
    assert!(terminal.backend().cursor_visible(), "the cursor is shown");
    assert_eq!(
        terminal.backend().cursor_position(),
        ratatui::layout::Position::new(column as u16, row as u16)
    );
    // Leaving the editor hides it again.
    press(&mut app, "⎋");
    let terminal = tui_support::draw(&mut app, 80, 24);
    assert!(!terminal.backend().cursor_visible());
}

#[test]
fn quitting_while_writing_keeps_the_text() {
    let mut app = open(WELCOME);
    press(&mut app, "→→s⏎");
    press(&mut app, "unsaved");
    app.update(Action::Interrupt);
    assert!(app.should_quit());
    let reflections = &progress_of(&app, WELCOME).reflections;
    assert_eq!(reflections[&SceneId::from("eigen-beeld")].text, "unsaved");
}

#[test]
fn a_checklist_with_one_tick() {
    let mut app = open(WELCOME);
    press(&mut app, "→→s→");
    assert_eq!(scene_number(&app), 5);
    press(&mut app, "j ");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("1 of"), "{shown}");
    snapshots(&mut app, "checklist");
    let scene = &progress_of(&app, WELCOME).lesson.scenes[&SceneId::from("signalen-organisatie")];
    assert_eq!(scene.checked.len(), 1);
    assert_eq!(
        scene.checked.iter().next().map(|c| c.as_str()),
        Some("gedragscode")
    );
    // A number key ticks too, and again unticks.
    press(&mut app, "11");
    let scene = &progress_of(&app, WELCOME).lesson.scenes[&SceneId::from("signalen-organisatie")];
    assert_eq!(scene.checked.len(), 1);
}

#[test]
fn key_points_and_the_end_of_the_lesson() {
    let mut app = open(WELCOME);
    press(&mut app, "→→s→→");
    assert_eq!(scene_number(&app), 6);
    snapshots(&mut app, "key_points");
    assert_eq!(progress_of(&app, WELCOME).status, ItemStatus::Completed);
    press(&mut app, "→");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Lesson done"), "{shown}");
    assert!(shown.contains("You skipped 1 scene"), "{shown}");
    // Issue 14, item 4: the skipped scene is not also counted as gone through.
    assert!(shown.contains("You went through 5 of 6 scenes."), "{shown}");
    press(&mut app, "⏎");
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn the_gloss_shows_the_second_language_under_course_text() {
    let mut app = open(WELCOME);
    press(&mut app, "G");
    assert!(app.ctx.gloss().is_some());
    snapshots(&mut app, "gloss");
}

#[test]
fn help_on_the_lesson_screen() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 3);
    press(&mut app, "?");
    assert!(app.help);
    assert_snapshot!("help_lesson_80x24", screen(&mut app, 80, 24));
    assert_snapshot!("help_lesson_120x40", screen(&mut app, 120, 40));
}

#[test]
fn long_scenes_scroll() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 3);
    press(&mut app, "3⏎a");
    let top = screen(&mut app, 60, 14);
    assert!(top.contains("more below"), "{top}");
    for _ in 0..40 {
        app.update(Action::PageDown);
    }
    let bottom = screen(&mut app, 60, 14);
    assert_ne!(top, bottom);
    assert!(bottom.contains("Press r to try again"), "{bottom}");
    app.update(Action::ScrollUp);
    assert!(screen(&mut app, 60, 14).contains("more"));
}

#[test]
fn quitting_mid_lesson_and_reopening_resumes_scene_and_answers() {
    let mut app = open(LETTERS);
    to_scene(&mut app, 3);
    let wrong = key_of(&app, "transseksueel");
    press(&mut app, &format!("{wrong}⏎"));
    let answered = screen(&mut app, 120, 40);
    press(&mut app, "→");
    assert_eq!(scene_number(&app), 4);
    press(&mut app, "q");
    assert!(app.should_quit());
    let saved = serde_json::to_string(&app.ctx.progress()).expect("progress serialises");

    let mut again = tui_support::app_with(
        UiLocale::En,
        serde_json::from_str::<Progress>(&saved).expect("progress parses"),
    );
    // Home offers to continue where the learner left off.
    press(&mut again, "c");
    assert_eq!(scene_number(&again), 4);
    press(&mut again, "←");
    let shown = screen(&mut again, 120, 40);
    // The same scene as before (below the header and its gauge): the answer in the same
    // order, still not revealed.
    let body = |screen: &str| screen.lines().skip(2).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&shown), body(&answered));
    assert!(shown.contains("you chose this"), "{shown}");
    assert!(!shown.contains("Explanation"), "{shown}");
    // A retry in the resumed run shows the order of the second try.
    press(&mut again, "r");
    let right = key_of(&again, "trans-vrouw");
    press(&mut again, &format!("{right}⏎"));
    let quiz = again.ctx.progress().items[&ItemId::from(LETTERS)]
        .lesson
        .scenes[&SceneId::from("quiz-trans")]
        .quiz
        .clone()
        .expect("recorded");
    assert_eq!((quiz.first_correct, quiz.attempts), (false, 2));
}

#[test]
fn a_missing_lesson_says_so_and_any_key_goes_home() {
    let mut app = app(UiLocale::En);
    open_in(&mut app, "no-such-lesson");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("not in the course"), "{shown}");
    press(&mut app, "x");
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn compact_layout_and_tiny_sizes_never_panic_on_any_scene() {
    let sizes = [
        (0, 0),
        (1, 1),
        (10, 3),
        (39, 12),
        (40, 12),
        (45, 13),
        (60, 16),
        (79, 23),
        (80, 24),
    ];
    for lesson in [WELCOME, LETTERS] {
        let mut app = open(lesson);
        for _ in 0..8 {
            for (w, h) in sizes {
                let _ = screen(&mut app, w, h);
                // Input at every size, so scrolling and clicks use that layout.
                app.update(Action::PageDown);
                app.update(Action::ScrollDown);
                app.update(Action::Click { column: 3, row: 5 });
            }
            // Answer, turn, write, tick where the scene asks for it, then move on.
            press(&mut app, "⏎ 1⏎xy⎋");
            for (w, h) in sizes {
                let _ = screen(&mut app, w, h);
            }
            press(&mut app, "→");
        }
    }
    let mut app = open(WELCOME);
    assert_snapshot!("text_compact_60x16", screen(&mut app, 60, 16));
}

#[test]
fn lesson_text_is_at_most_about_eighty_columns_wide_on_wide_terminals() {
    // Issue 14, item 11: long lines read badly.
    let mut app = open(WELCOME);
    let shown = screen(&mut app, 200, 40);
    let lines: Vec<&str> = shown.lines().collect();
    // The header, the scene line and the footer span the width; the text is between.
    let body = &lines[2..lines.len() - 2];
    let widest = body
        .iter()
        .map(|l| unicode_width::UnicodeWidthStr::width(l.trim()))
        .max()
        .unwrap_or(0);
    assert!(widest > 60, "the scene fills its column: {shown}");
    assert!(widest <= 80, "{widest} columns wide: {shown}");
}

/// Issue 14, item 12: in French, the first press of G must add something to read, even
/// where the course shows French trainees its Dutch text (its own fallback order) and
/// Dutch comes first in its locales.
#[test]
fn the_first_gloss_key_in_french_adds_a_second_language() {
    let mut course = tui_support::course();
    course.fallback.insert(
        kruispunt::course::ids::Locale::from("fr"),
        vec![kruispunt::course::ids::Locale::from("nl")],
    );
    let progress = Progress::new(
        kruispunt::progress::CourseStamp::of(&course),
        kruispunt::progress::Timestamp(1_764_000_000),
    );
    let mut app = tui_support::app_over(course, UiLocale::Fr, progress);
    open_in(&mut app, WELCOME);
    let before = screen(&mut app, 100, 30);
    assert!(before.contains("FR · en partie en néerlandais"), "{before}");
    press(&mut app, "G");
    let after = screen(&mut app, 100, 30);
    assert_eq!(app.ctx.gloss().map(|l| l.as_str()), Some("en"));
    assert_ne!(before, after);
}
