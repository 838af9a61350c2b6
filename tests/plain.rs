//! Plain mode (`kruispunt --plain`) driven like a script would: the real binary over the
//! frozen fixture course (`tests/fixtures/tui-course`), answers piped to standard input,
//! assertions on standard output. Also: garbage and end of input at every prompt, and
//! resuming across plain mode and the TUI in both directions.
//!
//! The fixture in plain mode's numbering: 1 the welcome lesson (testimony with a content
//! note, a reflection, a checklist), 2 the letters lesson (glossary, a single-answer quiz
//! whose first written option is right, a multiple-answer quiz whose first two written
//! options are right; quiz options are shown shuffled per try, see [`quiz_number`]), 3 the
//! scenario (trust starts at 40; the first written answer five times is the good road, its
//! numbers shown shuffled per attempt, see [`good_road`]).

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tui_support;

mod binary_support;

use kruispunt::course::ids::ItemId;
use kruispunt::engine::LessonRun;
use kruispunt::i18n::{LocaleCandidates, UiLocale};
use kruispunt::progress::{CourseStamp, DEFAULT_PROFILE, ProfileName, ProfileStore, Progress};
use kruispunt::tui::screens::{Screen, scenario};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SCENARIO: &str = "opvang-kamerwissel";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course")
}

/// Runs `kruispunt --plain` over the fixture with `input` on standard input, in English,
/// with none of the caller's language or Kruispunt settings.
fn plain(data_dir: &Path, input: &[u8]) -> Output {
    plain_over(&fixture(), data_dir, input)
}

/// As [`plain`], over the course in `course`.
fn plain_over(course: &Path, data_dir: &Path, input: &[u8]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kruispunt"));
    for (key, _) in std::env::vars_os() {
        let key_text = key.to_string_lossy();
        if key_text == "LANG"
            || key_text == "LANGUAGE"
            || key_text.starts_with("LC_")
            || key_text.starts_with("KRUISPUNT_")
        {
            command.env_remove(&key);
        }
    }
    let mut child = command
        .env("KRUISPUNT_LANG", "en")
        .arg("--plain")
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--course")
        .arg(course)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kruispunt starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // The program may stop reading early (quit); a closed pipe is then expected.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("kruispunt runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn assert_clean_exit(output: &Output) {
    let out = stdout(output);
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "status {:?}\nstdout:\n{out}\nstderr:\n{err}",
        output.status
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        !output.stdout.contains(&0x1b),
        "an escape byte in the output:\n{out}"
    );
}

fn progress_path(data_dir: &Path) -> PathBuf {
    data_dir.join(format!("{DEFAULT_PROFILE}.json"))
}

fn saved_progress(data_dir: &Path) -> Progress {
    let text = std::fs::read_to_string(progress_path(data_dir)).expect("the progress file");
    serde_json::from_str(&text).expect("the progress file parses")
}

const LETTERS_ID: &str = "de-letters";

/// The number plain mode shows for option `id` of quiz `scene` in the letters lesson at
/// try `tries` (from 0): the engine shuffles the options per try, and plain mode numbers
/// them in the order shown.
fn quiz_number(scene: &str, id: &str, tries: u32) -> usize {
    let course = tui_support::course();
    let lesson = &course.lessons[&ItemId::from(LETTERS_ID)];
    let mut run = LessonRun::new(lesson);
    run.go_to(lesson, scene).expect("the quiz scene");
    for _ in 0..tries {
        run.answer_quiz(lesson, [id]).expect("an answer");
    }
    let order = run.quiz_order(lesson);
    let Some(kruispunt::course::checked::SceneBody::Quiz(quiz)) =
        run.current(lesson).map(|s| &s.body)
    else {
        panic!("{scene} is not a quiz");
    };
    order
        .iter()
        .position(|&i| quiz.options[i].id.as_str() == id)
        .expect("the option")
        + 1
}

/// The letters lesson: through the glossary, the single quiz wrong then right, the
/// multiple quiz right, to the end and back to the overview.
fn letters() -> String {
    let wrong = quiz_number("quiz-trans", "transseksueel", 0);
    let right = quiz_number("quiz-trans", "trans-vrouw", 1);
    let body = quiz_number("quiz-intersekse", "lichaam", 0);
    let identity = quiz_number("quiz-intersekse", "man-of-vrouw", 0);
    format!("2\n\n\n{wrong}\nr\n{right}\n\n{body} {identity}\n\n\n\n\n")
}
/// The welcome lesson: the testimony's content note accepted, a two-line reflection, two
/// checklist entries ticked, to the end.
const WELCOME: &str =
    "1\n\n\n1\n\nI decide too fast what someone is.\nI will ask first.\n\n\n1 3\n\n\n\n";
/// The numbers plain mode shows for the first written offered choice at each of the
/// scenario's first `decisions` decision points (the good road): choices are shown in an
/// order shuffled per attempt, and this is the first attempt.
fn good_road(decisions: usize) -> Vec<usize> {
    use kruispunt::engine::ScenarioRun;
    let course = tui_support::course();
    let scenario = &course.scenarios[&ItemId::from(SCENARIO)];
    let mut run = ScenarioRun::new(scenario).expect("a run");
    let mut numbers = Vec::new();
    for _ in 0..decisions {
        let first = run.offered_choices(scenario).next().expect("offered").index;
        let shown = run
            .offered_in_order(scenario)
            .into_iter()
            .position(|i| i == first)
            .expect("shown");
        numbers.push(shown + 1);
        run.choose(scenario, first).expect("offered");
    }
    numbers
}

/// The scenario on its good road to the good ending, then the overview.
fn scenario_good() -> String {
    let road: String = good_road(5).iter().map(|n| format!("{n}\n")).collect();
    format!("3\n\n{road}3\n")
}

#[test]
fn a_lesson_and_a_scenario_run_through_a_pipe_to_the_end() {
    let dir = tempfile::tempdir().expect("temp dir");
    let script = format!("{}{WELCOME}{}q\n", letters(), scenario_good());
    let output = plain(dir.path(), script.as_bytes());
    assert_clean_exit(&output);
    let out = stdout(&output);

    // The overview, in reading order, with numbered items and their status.
    assert!(out.contains("Progress: 0 of 3 parts done."), "{out}");
    assert!(
        out.contains("2. The letters LGBTQIA+. Lesson, not started."),
        "{out}"
    );
    // The quizzes: numbered options, the instruction for several answers, the feedback on
    // a wrong first answer, a second try, per-option results with feedback, the
    // explanation.
    assert!(
        out.contains("Scene 3 of 6: A sentence in a report"),
        "{out}"
    );
    assert!(out.contains("Type the number of your answer."), "{out}");
    assert!(out.contains("a: show the right answer"), "{out}");
    assert!(out.contains("Not correct yet."), "{out}");
    assert!(out.contains("You chose this. It is correct."), "{out}");
    assert!(
        out.contains("You did not choose this. It is not correct."),
        "{out}"
    );
    assert!(out.contains("Explanation:"), "{out}");
    assert!(out.contains("Only your first answer counts"), "{out}");
    assert!(out.contains("Correct."), "{out}");
    assert!(
        out.contains("type the numbers of your answers, separated by spaces"),
        "{out}"
    );
    assert!(out.contains("Term 1 of"), "{out}");
    assert!(out.contains("Definition:"), "{out}");
    // Emphasis markers are gone.
    assert!(!out.contains('*'), "{out}");
    // The welcome lesson: content note first, the testimony introduced, the reflection.
    assert!(out.contains("Content note:"), "{out}");
    assert!(out.contains("Testimony (fictional composite): "), "{out}");
    assert!(
        out.contains("What you write stays on this computer"),
        "{out}"
    );
    assert!(out.contains("Your reflection is kept."), "{out}");
    assert!(out.contains("1. "), "{out}");
    assert!(out.contains(". Ticked: "), "{out}");
    // The scenario: lines with role, feedback, thoughts, values as words and numbers, the
    // ending and its debrief.
    assert!(out.contains("Yassin (Resident"), "{out}");
    assert!(out.contains("Coach: "), "{out}");
    assert!(out.contains("Trust: 50 of 100, up 10"), "{out}");
    assert!(out.contains("Trust: 60 of 100, up 10"), "{out}");
    assert!(out.contains(" thinks: "), "{out}");
    assert!(out.contains("Ending: good."), "{out}");
    assert!(out.contains("Debrief:"), "{out}");
    assert!(out.contains("Competencies:"), "{out}");
    assert!(out.contains("1 or r: play again from the start"), "{out}");
    assert!(out.contains("Progress: 3 of 3 parts done."), "{out}");
    assert!(out.contains("Your progress is saved. Goodbye."), "{out}");

    let progress = saved_progress(dir.path());
    let welcome = &progress.items[&ItemId::from("welkom-op-het-kruispunt")];
    let reflection = welcome.reflections.values().next().expect("a reflection");
    assert_eq!(
        reflection.text,
        "I decide too fast what someone is.\nI will ask first."
    );
    let attempts = &progress.items[&ItemId::from(SCENARIO)].attempts;
    assert_eq!(attempts.len(), 1);
    assert!(attempts[0].ending.is_some());
}

#[test]
fn garbage_repeats_the_question_and_never_crashes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut script: Vec<u8> = Vec::new();
    let garbage: [&[u8]; 9] = [
        b"hello there\n",
        b"99999999999999999999999999999\n",
        b"-1\n",
        b"0\n",
        b"\n",
        b"\x00\x01\xff\xfe\x1b[2J\n",
        b"1 1 1\n",
        b"lang xx\n",
        b"   \t  \n",
    ];
    // At the overview (an empty line continues there, so it is left out), in a quiz, at
    // a scenario's decision point and at its ending.
    for g in &garbage[..4] {
        script.extend_from_slice(g);
    }
    script.extend_from_slice(b"2\n\n\n");
    for g in &garbage {
        script.extend_from_slice(g);
    }
    let right = quiz_number("quiz-trans", "trans-vrouw", 0);
    script.extend_from_slice(format!("{right}\nhome\n3\n\n").as_bytes());
    for g in &garbage {
        script.extend_from_slice(g);
    }
    script.extend_from_slice(b"1\n");
    script.extend(std::iter::repeat_n(b'x', 200_000));
    script.extend_from_slice(b"\nq\n");
    let output = plain(dir.path(), &script);
    assert_clean_exit(&output);
    let out = stdout(&output);
    assert!(out.contains("was not understood. You can answer:"), "{out}");
    assert!(out.contains("Type lang followed by a language"), "{out}");
    // The quiz was answered once the garbage was past, and the first choice taken.
    assert!(out.contains("Correct."), "{out}");
    assert!(out.contains("Trust: 50 of 100, up 10"), "{out}");
    // The question comes again with its options after every garbage line.
    let repeats = out.matches("What do you say? Type a number.").count();
    assert!(repeats >= 8, "{repeats} times:\n{out}");
}

#[test]
fn the_end_of_input_at_every_prompt_exits_cleanly_with_the_progress_saved() {
    let script = format!("{}{WELCOME}{}", letters(), scenario_good());
    let lines: Vec<&str> = script.split_inclusive('\n').collect();
    for cut in 0..=lines.len() {
        let dir = tempfile::tempdir().expect("temp dir");
        let input: String = lines[..cut].concat();
        let output = plain(dir.path(), input.as_bytes());
        assert_clean_exit(&output);
        assert!(
            progress_path(dir.path()).exists(),
            "no progress file after {cut} lines"
        );
        let out = stdout(&output);
        assert!(out.contains("Your progress is saved."), "{cut}: {out}");
    }
    // A last line without its line ending still counts.
    let dir = tempfile::tempdir().expect("temp dir");
    let output = plain(dir.path(), format!("3\n\n{}", good_road(1)[0]).as_bytes());
    assert_clean_exit(&output);
    assert!(stdout(&output).contains("Trust: 50 of 100, up 10"));
}

#[test]
fn help_and_language_switch_work_at_any_prompt_and_the_language_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = good_road(1)[0];
    let output = plain(
        dir.path(),
        format!("?\n3\n\nhelp\nlang fr\n{first}\nq\n").as_bytes(),
    );
    assert_clean_exit(&output);
    let out = stdout(&output);
    assert!(
        out.contains("Help: these commands work at every prompt."),
        "{out}"
    );
    assert!(
        out.contains("Que dites-vous\u{202f}? Tapez un numéro."),
        "{out}"
    );
    // The course has no French: the text falls back, marked; the values speak French.
    assert!(out.contains(" sur 100, en hausse de 10"), "{out}");
    let progress = saved_progress(dir.path());
    assert_eq!(
        progress.settings.locale.as_ref().map(|l| l.as_str()),
        Some("fr")
    );
}

/// The fixture scenario's choice texts at node `node`, in English.
fn choice_texts(node: &str) -> Vec<String> {
    let text = std::fs::read_to_string(fixture().join("scenarios/opvang-kamerwissel.json"))
        .expect("the fixture scenario");
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    let nodes = json["nodes"].as_array().expect("nodes");
    let found = nodes
        .iter()
        .find(|n| n["id"] == node)
        .expect("the node exists");
    found["choices"]
        .as_array()
        .expect("choices")
        .iter()
        .map(|c| c["text"]["en"].as_str().expect("English").to_owned())
        .collect()
}

fn english() -> LocaleCandidates {
    LocaleCandidates {
        flag: Some("en".into()),
        env: None,
        saved: None,
        system: None,
        course_default: None,
    }
}

#[test]
fn a_scenario_started_in_plain_mode_resumes_in_the_tui_at_the_same_node() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Two answers: to the office, then simple words (which passes on to the signal).
    let road = good_road(2);
    let output = plain(
        dir.path(),
        format!("3\n\n{}\n{}\n", road[0], road[1]).as_bytes(),
    );
    assert_clean_exit(&output);

    let (mut app, _session) = tui_support::app_from_data_dir(dir.path(), english());
    let id = ItemId::from(SCENARIO);
    app.screen = Screen::Scenario(scenario::State::open(&mut app.ctx, &id));
    let Screen::Scenario(state) = &app.screen else {
        panic!("not on the scenario screen");
    };
    let run = state.run(&app.ctx).expect("the run resumed");
    assert_eq!(run.decisions().len(), 2);
    let found = &app.ctx.course().scenarios[&id];
    assert_eq!(found.node(run.current()).id.as_str(), "signaal");
    let shown = tui_support::screen(&mut app, 120, 40);
    let first: String = choice_texts("signaal")[0].chars().take(25).collect();
    assert!(shown.contains(&first), "{first:?} not on\n{shown}");
}

#[test]
fn a_scenario_started_in_the_tui_resumes_in_plain_mode_at_the_same_node() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let (mut app, session) = tui_support::app_from_data_dir(dir.path(), english());
        let id = ItemId::from(SCENARIO);
        app.screen = Screen::Scenario(scenario::State::open(&mut app.ctx, &id));
        // Past the content note, then the first answer: to the office.
        tui_support::press(&mut app, "⏎1");
        session.save(app.ctx.progress()).expect("saved");
        assert_eq!(
            app.ctx.progress().items[&id].attempts[0]
                .current_node
                .as_str(),
            "kantoor"
        );
    }
    // "c" continues with the last position: the scenario.
    let output = plain(dir.path(), b"c\n");
    assert_clean_exit(&output);
    let out = stdout(&output);
    assert!(
        out.contains("You continue where you were, after 1 answer."),
        "{out}"
    );
    for text in choice_texts("kantoor") {
        assert!(out.contains(&text), "{text:?} not offered:\n{out}");
    }
    // Nothing was lost: the attempt is still open at the office.
    let progress = saved_progress(dir.path());
    let attempts = &progress.items[&ItemId::from(SCENARIO)].attempts;
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].current_node.as_str(), "kantoor");
}

#[test]
fn progress_recorded_through_runs_resumes_in_plain_mode_in_process() {
    let course = tui_support::course();
    let dir = tempfile::tempdir().expect("temp dir");
    let name = ProfileName::new(DEFAULT_PROFILE).expect("name");
    let store = ProfileStore::new(dir.path());
    let scenario = &course.scenarios[&ItemId::from(SCENARIO)];
    {
        let opened = store.open(&name, &CourseStamp::of(&course)).expect("opens");
        let mut progress = opened.progress;
        let (mut run, _) =
            kruispunt::progress::runs::resume_scenario(&progress, scenario).expect("run");
        run.choose(scenario, 0usize).expect("office");
        kruispunt::progress::runs::record_scenario(
            &mut progress,
            scenario,
            &run,
            kruispunt::progress::Timestamp(2),
        );
        opened.session.save(&progress).expect("saved");
    }
    let opened = store.open(&name, &CourseStamp::of(&course)).expect("opens");
    let (i18n, notices) =
        kruispunt::plain::localizer(&course, &opened.progress, &opened.notices, &english());
    assert_eq!(i18n.current(), UiLocale::En);
    let mut out = Vec::new();
    let left = kruispunt::plain::run(
        std::sync::Arc::new(course),
        i18n,
        opened.progress,
        &notices,
        Some(&opened.session),
        &b"c\n1\n"[..],
        &mut out,
    )
    .expect("runs");
    let out = String::from_utf8(out).expect("UTF-8");
    assert!(out.contains("after 1 answer"), "{out}");
    // The second answer (simple words) was recorded on the same attempt.
    let attempts = &left.items[&ItemId::from(SCENARIO)].attempts;
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].choices.len(), 2);
    assert_eq!(attempts[0].current_node.as_str(), "signaal");
    assert_eq!(saved_progress(dir.path()), left);
}

#[test]
fn without_a_terminal_and_without_plain_the_refusal_names_plain_mode() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_kruispunt"))
        .env("KRUISPUNT_LANG", "en")
        .arg("--data-dir")
        .arg(dir.path())
        .arg("--course")
        .arg(fixture())
        .stdin(Stdio::null())
        .output()
        .expect("kruispunt runs");
    assert!(!output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("`kruispunt --plain`"), "{err}");
    assert!(output.stdout.is_empty());
}

/// The part of `out` from the first `from` to the next `to` after it.
fn between<'o>(out: &'o str, from: &str, to: &str) -> &'o str {
    let start = out
        .find(from)
        .unwrap_or_else(|| panic!("no {from:?} in\n{out}"));
    let rest = &out[start..];
    let end = rest[from.len()..]
        .find(to)
        .map_or(rest.len(), |e| e + from.len());
    &rest[..end]
}

#[test]
fn a_wrong_first_answer_shows_only_its_feedback_and_a_retry_tests_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wrong = quiz_number("quiz-trans", "transseksueel", 0);
    let other = quiz_number("quiz-trans", "zo-laten", 1);
    let script = format!("2\n\n\n{wrong}\nr\n{other}\nq\n");
    let output = plain(dir.path(), script.as_bytes());
    assert_clean_exit(&output);
    let out = stdout(&output);

    // The options numbered in the order shown.
    assert!(
        out.contains(&format!("{wrong}. ‘Client is transsexual.’")),
        "{out}"
    );
    // After the first wrong answer: the feedback of the option chosen, nothing else.
    let first = between(&out, "Not correct yet.", "Question:");
    assert!(first.contains("You chose this."), "{first}");
    assert!(first.contains("This word is dated"), "{first}");
    assert!(!first.contains("It is correct"), "{first}");
    assert!(!first.contains("It is not correct"), "{first}");
    assert!(!first.contains("Explanation:"), "{first}");
    assert!(!first.contains("Right. ‘Trans’ describes"), "{first}");
    assert!(first.contains("r: try again"), "{first}");
    assert!(first.contains("a: show the right answer"), "{first}");
    // After the second wrong answer: everything.
    let second = between(&out, "Not quite.", "Your progress is saved");
    assert!(
        second.contains("You did not choose this. It is correct."),
        "{second}"
    );
    assert!(second.contains("Right. ‘Trans’ describes"), "{second}");
    assert!(second.contains("Explanation:"), "{second}");
    assert!(second.contains("Only your first answer counts"), "{second}");

    let progress = saved_progress(dir.path());
    let quiz = progress.items[&ItemId::from(LETTERS_ID)].lesson.scenes["quiz-trans"]
        .quiz
        .clone()
        .expect("recorded");
    assert!(!quiz.first_correct);
    assert_eq!(quiz.attempts, 2);
    assert_eq!(quiz.first_answer[0].as_str(), "transseksueel");
}

#[test]
fn the_answer_is_shown_on_request_and_then_never_counts_as_right() {
    // Before answering: `a` shows the answer; a right answer afterwards is not a first try.
    let dir = tempfile::tempdir().expect("temp dir");
    let right = quiz_number("quiz-trans", "trans-vrouw", 0);
    let output = plain(dir.path(), format!("2\n\n\na\nr\n{right}\nq\n").as_bytes());
    assert_clean_exit(&output);
    let out = stdout(&output);
    let shown = between(&out, "Here is the right answer, as you asked.", "Question:");
    assert!(
        shown.contains("You did not choose this. It is correct."),
        "{shown}"
    );
    assert!(shown.contains("Explanation:"), "{shown}");
    assert!(!shown.contains("a: show the right answer"), "{shown}");
    assert!(out.contains("Correct."), "{out}");
    let progress = saved_progress(dir.path());
    let quiz = progress.items[&ItemId::from(LETTERS_ID)].lesson.scenes["quiz-trans"]
        .quiz
        .clone()
        .expect("recorded");
    assert!(!quiz.first_correct);
    assert!(quiz.first_answer.is_empty());

    // After a wrong answer: `a` reveals without another try.
    let dir = tempfile::tempdir().expect("temp dir");
    let wrong = quiz_number("quiz-trans", "transseksueel", 0);
    let output = plain(dir.path(), format!("2\n\n\n{wrong}\na\nq\n").as_bytes());
    assert_clean_exit(&output);
    let out = stdout(&output);
    let shown = between(&out, "Not quite.", "Your progress is saved");
    assert!(
        shown.contains("You chose this. It is not correct."),
        "{shown}"
    );
    assert!(shown.contains("Explanation:"), "{shown}");
    let progress = saved_progress(dir.path());
    let quiz = progress.items[&ItemId::from(LETTERS_ID)].lesson.scenes["quiz-trans"]
        .quiz
        .clone()
        .expect("recorded");
    assert_eq!((quiz.first_correct, quiz.attempts), (false, 1));
}

#[test]
fn the_end_of_a_lesson_counts_every_quiz_and_the_ones_not_answered() {
    // Issue 14, item 4: quizzes gone past without an answer were left out of the score.
    let dir = tempfile::tempdir().expect("temp dir");
    let output = plain(dir.path(), b"2\n\n\nn\nn\n\n\n\nq\n");
    assert_clean_exit(&output);
    let out = stdout(&output);
    assert!(out.contains("End of the lesson"), "{out}");
    assert!(
        out.contains("Quizzes: 0 of 2 right at the first answer."),
        "{out}"
    );
    assert!(out.contains("2 quizzes were not answered."), "{out}");
}

#[test]
fn a_checklist_toggle_reads_back_only_what_changed() {
    // The welcome lesson up to its checklist, two entries ticked, one unticked again.
    let dir = tempfile::tempdir().expect("temp dir");
    let script = "1\n\n\n1\n\nI will ask first.\n\n\n1 3\n1\nq\n";
    let output = plain(dir.path(), script.as_bytes());
    assert_clean_exit(&output);
    let out = stdout(&output);
    // No double punctuation after an entry that ends with a full stop.
    assert!(!out.contains(".:"), "{out}");
    assert!(
        out.contains("1. Not ticked: Posters or leaflets of support organisations"),
        "{out}"
    );
    // Every entry and hint is read once, when the checklist is first read.
    assert_eq!(
        out.matches("A code of conduct is on display").count(),
        1,
        "{out}"
    );
    assert_eq!(
        out.matches("A code of conduct only works").count(),
        1,
        "{out}"
    );
    assert_eq!(
        out.matches("This shows people that the subject").count(),
        1,
        "{out}"
    );
    // After a toggle: only the entries that changed, in their new state.
    let toggled = &out[out
        .find("Type the numbers of entries")
        .expect("the how line")..];
    assert!(
        toggled.contains("1. Ticked: Posters or leaflets"),
        "{toggled}"
    );
    assert!(toggled.contains("3. Ticked: "), "{toggled}");
    assert!(
        toggled.contains("1. Not ticked: Posters or leaflets"),
        "{toggled}"
    );
    assert!(!toggled.contains("2. "), "{toggled}");
}

/// Issue 14, item 12: a screen reader hears once per item (and once for the overview) that
/// untranslated texts are in English, instead of a `[en]` tag before every text.
#[test]
fn untranslated_texts_are_announced_once_per_item_not_tagged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = plain(dir.path(), b"lang fr\n1\nback\n1\nback\nq\n");
    assert_clean_exit(&output);
    let out = stdout(&output);
    assert!(!out.contains("[en]"), "{out}");
    let notice =
        "Cette partie n’est pas encore entièrement traduite\u{a0}: ce qui manque est en anglais.";
    // The overview once after the language changed, then the lesson each time it opens.
    assert_eq!(out.matches(notice).count(), 3, "{out}");
    let lesson = out.find("Leçon\u{a0}: Welcome").expect("the lesson opened");
    assert!(out[lesson..].lines().nth(1) == Some(notice), "{out}");
}

/// Issue 16: plain mode offers the course's core path as `p`, with its next item.
#[test]
fn the_core_path_is_offered_and_opens_its_next_item() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = dir.path().join("course");
    binary_support::copy_dir(&fixture(), &course);
    let manifest_path = course.join("course.json");
    let mut manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest_path).expect("manifest"))
            .expect("json");
    manifest["core_path"] = serde_json::json!(["de-letters", "welkom-op-het-kruispunt"]);
    std::fs::write(&manifest_path, manifest.to_string()).expect("write");
    let output = plain_over(&course, &dir.path().join("data"), b"p\nq\n");
    assert_clean_exit(&output);
    let out = stdout(&output);
    assert!(
        out.contains(
            "p: the core path (about 24 minutes, 0 of 2 done), next: The letters LGBTQIA+"
        ),
        "{out}"
    );
    assert!(out.contains("Lesson: The letters LGBTQIA+"), "{out}");
}
