//! `kruispunt export` and `kruispunt report` through the real binary: golden reports in
//! Markdown, CSV and HTML from fixed exports (one of an older course version, two in export
//! format version 1), the HTML's SVG charts read with a real HTML parser, the sections on
//! how trainees practised (qualities, turning points, breached competencies), skipped
//! files, anonymity, and exports made from a real profile with and without reflections.
//!
//! Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test --test report`, then read
//! every changed file before committing it.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;
mod report_support;

use binary_support::Run;
use kruispunt::course::{self, Course};
use kruispunt::engine::{LessonRun, ScenarioRun};
use kruispunt::progress::{CourseStamp, ProfileName, ProfileStore, Timestamp, runs};
use kruispunt::report::Export;
use report_support::{course_dir, fixtures, good_exports};
use scraper::{ElementRef, Html, Selector};
use std::path::{Path, PathBuf};

/// A reflection no export may carry unless asked.
const SECRET_REFLECTION: &str = "Mijn privégedachte over het kruispunt 7Q";

/// Runs the binary in English with no locale or data directory from the machine.
fn kruispunt<I: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = I>) -> Run {
    Run::of(&mut binary_support::command(args))
}

/// `kruispunt report --course FIXTURE FILES... --format FORMAT` plus `extra`.
fn report(files: &[PathBuf], format: &str, extra: &[&str]) -> Run {
    let mut args: Vec<std::ffi::OsString> = vec![
        "report".into(),
        "--course".into(),
        course_dir().into(),
        "--format".into(),
        format.into(),
    ];
    args.extend(extra.iter().map(Into::into));
    args.extend(files.iter().map(|f| f.clone().into_os_string()));
    kruispunt(args)
}

/// Compares `actual` with the golden file, or rewrites it with `UPDATE_GOLDEN=1`.
#[track_caller]
fn assert_golden(name: &str, actual: &str) {
    let path = fixtures().join("expected").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create expected/");
        std::fs::write(&path, actual).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        expected == actual,
        "{name} differs from the golden file; run with UPDATE_GOLDEN=1 and read the diff.\n--- actual ---\n{actual}"
    );
}

#[test]
fn golden_markdown_report() {
    let run = report(&good_exports(), "md", &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_golden("report.md", &run.stdout);
}

#[test]
fn golden_csv_report() {
    let run = report(&good_exports(), "csv", &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_golden("report.csv", &run.stdout);
    // One table: every record has the header's number of fields (no field here holds a
    // line break, so records are lines).
    let body = run.stdout.trim_start_matches('\u{feff}');
    let fields = |line: &str| {
        let mut count = 1;
        let mut quoted = false;
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => count += 1,
                _ => {}
            }
        }
        count
    };
    let lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines.len() > 20);
    for line in &lines {
        assert_eq!(fields(line), 9, "{line}");
    }
    assert!(body.contains("\"What is \"\"A & B\"\", <bold> | or not?\""));
}

#[test]
fn golden_html_report() {
    let run = report(&good_exports(), "html", &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_golden("report.html", &run.stdout);
}

#[test]
fn course_text_markup_never_reaches_a_report() {
    // The fixture's line at `balie` has a stage direction and emphasis; choice labels too
    // go through the same course-text path.
    for format in ["md", "html", "csv"] {
        let run = report(&good_exports(), format, &[]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        // CSV has no room for the line before a decision point; md and html quote it.
        if format != "csv" {
            assert!(
                run.stdout
                    .contains("(Looks around.) I want to talk, but not here."),
                "{format}: {}",
                run.stdout
            );
        }
        assert!(!run.stdout.contains("(("), "{format}: {}", run.stdout);
        assert!(!run.stdout.contains("*not"), "{format}: {}", run.stdout);
    }
}

fn select<'a>(root: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a valid selector");
    root.select(&selector).collect()
}

fn attr(element: &ElementRef<'_>, name: &str) -> f64 {
    element
        .value()
        .attr(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .parse()
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The bars of the chart with this id: (count, total, width, title text).
fn bars(document: &Html, chart: &str) -> Vec<(u32, u32, f64, String)> {
    let figure = select(
        document.root_element(),
        &format!("figure[data-chart=\"{chart}\"]"),
    );
    assert_eq!(figure.len(), 1, "chart {chart}");
    let svgs = select(figure[0], "svg");
    assert_eq!(svgs.len(), 1, "one svg in {chart}");
    select(svgs[0], "g.bar")
        .into_iter()
        .map(|group| {
            let rects = select(group, "rect");
            assert_eq!(rects.len(), 1, "one rect per bar");
            let rect = rects[0];
            let title: String = select(group, "title")
                .first()
                .expect("a title per bar")
                .text()
                .collect();
            (
                attr(&rect, "data-count") as u32,
                attr(&rect, "data-total") as u32,
                attr(&rect, "width"),
                title,
            )
        })
        .collect()
}

#[test]
fn html_is_self_contained_and_its_svg_bars_encode_the_counts() {
    let run = report(&good_exports(), "html", &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let document = Html::parse_document(&run.stdout);
    assert!(document.errors.is_empty(), "{:?}", document.errors);
    let root = document.root_element();
    assert_eq!(root.value().attr("lang"), Some("en"));
    assert!(select(root, "script").is_empty(), "no scripts");
    assert!(select(root, "link, img, iframe, object, embed").is_empty());
    for element in select(root, "*") {
        for (name, value) in element.value().attrs() {
            assert!(
                !value.contains("://") && !name.starts_with("on"),
                "{name}={value}"
            );
        }
    }
    assert!(!run.stdout.contains("http"), "no external URLs");
    assert_eq!(select(root, "style").len(), 1, "inline CSS");

    // The first decision point: one bar per choice, in course order; 2 of 3 trainees went
    // to the office first, 1 stayed at the desk.
    let balie = bars(&document, "intake/balie");
    assert_eq!(balie.len(), 2);
    assert_eq!((balie[0].0, balie[0].1), (2, 3));
    assert_eq!((balie[1].0, balie[1].1), (1, 3));
    assert!(balie[0].3.contains("let's go to the office") && balie[0].3.ends_with("2 of 3"));
    // Widths proportional to the counts.
    assert!((balie[0].2 - 2.0 * balie[1].2).abs() < 0.11, "{balie:?}");
    // The second: three choices; the older export's removed choice is not counted.
    let vraag = bars(&document, "intake/vraag");
    assert_eq!(
        vraag.iter().map(|b| (b.0, b.1)).collect::<Vec<_>>(),
        [(0, 2), (1, 2), (1, 2)]
    );
    assert_eq!(vraag[0].2, 0.0);
    assert!((vraag[1].2 - vraag[2].2).abs() < 0.01 && vraag[1].2 > 0.0);
    // Course text is escaped, not markup.
    assert!(
        vraag[2].3.contains("<here> & \"at home\""),
        "{}",
        vraag[2].3
    );
    assert!(
        run.stdout
            .contains("&lt;here&gt; &amp; &quot;at home&quot;")
    );

    // Every bar of every chart: width = count / total of the full width, the number in its
    // title and as a text label.
    let mut seen = 0;
    for group in select(root, "svg g.bar") {
        let rect = select(group, "rect")[0];
        let (count, total, width) = (
            attr(&rect, "data-count"),
            attr(&rect, "data-total"),
            attr(&rect, "width"),
        );
        let expected = if total == 0.0 {
            0.0
        } else {
            count / total * 360.0
        };
        assert!((width - expected).abs() < 0.051, "{count}/{total}: {width}");
        let label = format!("{count} of {total}");
        let texts: Vec<String> = select(group, "text")
            .iter()
            .map(|t| t.text().collect())
            .collect();
        assert!(texts.contains(&label), "{texts:?} lacks {label}");
        seen += 1;
    }
    assert!(seen >= 15, "{seen} bars");

    // Quizzes ranked: the one answered right least often comes first.
    let quizzes = bars(&document, "quizzes");
    assert_eq!(
        quizzes.iter().map(|b| (b.0, b.1)).collect::<Vec<_>>(),
        [(1, 2), (2, 3)]
    );
    // What no longer exists is listed.
    let unmatched: String = select(root, "section#unmatched")[0].text().collect();
    for id in [
        "oude-les",
        "woorden/q-old",
        "intake/vraag/doorvragen",
        "intake/einde-oud",
        "luisteren",
    ] {
        assert!(unmatched.contains(id), "{id} not listed: {unmatched}");
    }
}

#[test]
fn trainees_are_numbered_unless_names_are_asked_for() {
    for format in ["md", "csv", "html"] {
        let anonymous = report(&good_exports(), format, &[]);
        assert_eq!(anonymous.code, Some(0));
        for name in ["anna", "bram", "chris"] {
            assert!(!anonymous.stdout.contains(name), "{format}: {name}");
        }
        assert!(anonymous.stdout.contains("Trainee 3"));
        let named = report(&good_exports(), format, &["--names"]);
        assert_eq!(named.code, Some(0));
        for name in ["anna", "bram", "chris"] {
            assert!(named.stdout.contains(name), "{format}: {name}");
        }
        assert!(!named.stdout.contains("Trainee 3"));
    }
}

#[test]
fn the_report_speaks_the_interface_language() {
    let mut args: Vec<std::ffi::OsString> = vec![
        "report".into(),
        "--lang".into(),
        "nl".into(),
        "--course".into(),
        course_dir().into(),
    ];
    args.extend(good_exports().into_iter().map(PathBuf::into_os_string));
    let run = kruispunt(args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.starts_with("# Groepsrapport: Rapporttest"));
    assert!(run.stdout.contains("Deelnemer 2"));
    assert!(
        run.stdout
            .contains("“Kom, we gaan naar het kantoor.” (++ best) | █████████████ 2 van 3 |")
    );
    assert!(
        run.stdout
            .contains("## Geschonden competenties per deelnemer")
    );
    assert!(
        run.stdout
            .contains("| !! schadelijk | ██████████ 1 van 2 |")
    );
    assert!(run.stdout.contains("| Deelnemer 2 (geen) | 0 van 3 |"));
}

#[test]
fn unusable_files_are_named_and_skipped_and_the_report_is_still_made() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let corrupt = dir.path().join("corrupt-export.json");
    let good = std::fs::read_to_string(&good_exports()[0]).expect("fixture");
    std::fs::write(&corrupt, &good[..good.len() / 2]).expect("write");
    let foreign = dir.path().join("package.json");
    std::fs::write(&foreign, r#"{"name": "not-an-export", "version": "1.0.0"}"#).expect("write");
    let missing = dir.path().join("missing-export.json");
    let exports = good_exports();
    let files = [
        exports[0].clone(),
        corrupt,
        exports[1].clone(),
        foreign,
        missing,
        exports[2].clone(),
    ];
    let out = dir.path().join("report.md");
    let run = report(&files, "md", &["-o", out.to_str().expect("UTF-8 path")]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    for name in ["corrupt-export.json", "package.json", "missing-export.json"] {
        let lines: Vec<&str> = run.stderr.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "{name} in {}", run.stderr);
        assert!(lines[0].starts_with("skipped "), "{}", lines[0]);
    }
    assert!(run.stderr.contains("it is not a Kruispunt export"));
    assert!(
        run.stderr
            .contains("3 files were skipped; the report uses 3 exports.")
    );
    // The report of the three good ones is exactly the golden report.
    let written = std::fs::read_to_string(&out).expect("the report was written");
    assert_eq!(
        written,
        std::fs::read_to_string(fixtures().join("expected/report.md")).expect("golden")
    );
}

#[test]
fn the_same_export_given_twice_is_counted_once_with_a_warning() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let exports = good_exports();
    let read = |path: &Path| std::fs::read_to_string(path).expect("fixture");
    // Bram's export saved again by an editor: other whitespace, same profile and time.
    let resaved = dir.path().join("bram-again.json");
    let bram: serde_json::Value = serde_json::from_str(&read(&exports[1])).expect("JSON");
    std::fs::write(&resaved, serde_json::to_string(&bram).expect("JSON")).expect("write");
    // Anna's export with the profile renamed by hand: the same content otherwise.
    let renamed = dir.path().join("renamed.json");
    std::fs::write(
        &renamed,
        read(&exports[0]).replace("\"profile\": \"anna\"", "\"profile\": \"a\""),
    )
    .expect("write");
    assert_ne!(read(&renamed), read(&exports[0]), "the profile was renamed");
    let files = [
        exports[0].clone(),
        exports[1].clone(),
        exports[0].clone(),
        resaved,
        renamed,
        exports[2].clone(),
    ];
    let run = report(&files, "md", &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // Exactly the report of the three exports.
    assert_eq!(
        run.stdout,
        std::fs::read_to_string(fixtures().join("expected/report.md")).expect("golden")
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    for (line, (file, first)) in lines.iter().zip([
        ("anna.json", "anna.json"),
        ("bram-again.json", "bram.json"),
        ("renamed.json", "anna.json"),
    ]) {
        assert!(line.starts_with("counted once: "), "{line}");
        let (duplicate, earlier) = line
            .split_once(" is the same export as ")
            .unwrap_or_else(|| panic!("{line}"));
        assert!(duplicate.ends_with(file), "{line}");
        assert!(earlier.ends_with(first), "{line}");
    }

    // In the interface language.
    let mut args: Vec<std::ffi::OsString> = vec![
        "report".into(),
        "--lang".into(),
        "nl".into(),
        "--course".into(),
        course_dir().into(),
    ];
    args.extend([&exports[0], &exports[0]].map(|f| f.clone().into_os_string()));
    let run = kruispunt(args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("1 deelnemer"), "{}", run.stdout);
    assert!(
        run.stderr.starts_with("één keer geteld: "),
        "{}",
        run.stderr
    );

    // The same profile name at another time is another trainee (or another export of
    // the same one): both are counted.
    let later = dir.path().join("anna-later.json");
    std::fs::write(
        &later,
        read(&exports[0]).replace("\"exported_at\": ", "\"exported_at\": 1"),
    )
    .expect("write");
    assert_ne!(read(&later), read(&exports[0]));
    let run = report(&[exports[0].clone(), later], "md", &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert!(run.stdout.contains("2 trainees"), "{}", run.stdout);
}

#[test]
fn without_a_usable_export_there_is_no_report_and_exit_code_2() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let foreign = dir.path().join("other.json");
    std::fs::write(&foreign, "[1, 2, 3]").expect("write");
    let run = report(&[foreign], "html", &[]);
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("other.json"), "{}", run.stderr);
    assert!(run.stderr.contains("no report was made"), "{}", run.stderr);
    let no_files = kruispunt(["report"]);
    assert_eq!(no_files.code, Some(2));
}

fn load_fixture_course() -> Course {
    course::load_dir(&course_dir()).expect("the fixture course loads")
}

/// A profile `anna` in `data`: the lesson with both quizzes (the second first wrong) and a
/// reflection, and two attempts at the scenario.
fn make_profile(data: &Path) {
    let course = load_fixture_course();
    let store = ProfileStore::new(data);
    let name = ProfileName::new("anna").expect("a valid name");
    let mut opened = store
        .open(&name, &CourseStamp::of(&course))
        .expect("the profile opens");
    let lesson = &course.lessons["woorden"];
    let mut run = LessonRun::new(lesson);
    run.next(lesson);
    run.answer_quiz(lesson, ["eigen"]).expect("q1");
    run.next(lesson);
    run.answer_quiz(lesson, ["a"]).expect("q2 first");
    run.answer_quiz(lesson, ["a", "b"]).expect("q2 again");
    run.next(lesson);
    run.set_reflection(lesson, "r", SECRET_REFLECTION.into())
        .expect("reflection");
    run.next(lesson);
    runs::record_lesson(&mut opened.progress, lesson, &run, Timestamp(10));

    let scenario = &course.scenarios["intake"];
    let mut play = ScenarioRun::new(scenario).expect("a run");
    play.choose(scenario, "hier").expect("hier");
    play.choose(scenario, "label").expect("label");
    runs::record_scenario(&mut opened.progress, scenario, &play, Timestamp(11));
    play.restart(scenario).expect("restart");
    runs::begin_attempt(&mut opened.progress, scenario, &play, Timestamp(12));
    play.choose(scenario, "kantoor").expect("kantoor");
    play.choose(scenario, "open").expect("open");
    runs::record_scenario(&mut opened.progress, scenario, &play, Timestamp(13));
    opened.session.save(&opened.progress).expect("saved");
}

fn export_args(data: &Path, extra: &[&str]) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = vec![
        "export".into(),
        "--course".into(),
        course_dir().into(),
        "--data-dir".into(),
        data.into(),
        "--profile".into(),
        "anna".into(),
        "--format".into(),
        "json".into(),
    ];
    args.extend(extra.iter().map(Into::into));
    args
}

#[test]
fn export_leaves_reflections_out_and_computes_competencies_with_the_engine() {
    let dir = tempfile::tempdir().expect("a temp dir");
    make_profile(dir.path());
    let run = kruispunt(export_args(dir.path(), &[]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stdout.contains(SECRET_REFLECTION));
    assert!(!run.stdout.contains("privégedachte"));
    assert!(!run.stdout.contains("reflections\": ["));
    let export = Export::parse(&run.stdout).expect("a valid export");
    assert!(!export.includes_reflections);
    assert_eq!(export.profile, "anna");
    assert_eq!(export.course.version, "2.0");
    let ids: Vec<&str> = export.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["woorden", "intake"]);
    let quizzes = &export.items[0].quizzes;
    assert_eq!(
        quizzes
            .iter()
            .map(|q| (q.scene.as_str(), q.correct, q.tries))
            .collect::<Vec<_>>(),
        [("q1", true, 1), ("q2", false, 2)]
    );
    // The attempts match the fixed export written by hand for the golden report.
    let fixture = Export::parse(&std::fs::read_to_string(&good_exports()[0]).expect("fixture"))
        .expect("the fixture parses");
    // Version 3: when each attempt started and ended, from the progress file; the fixture,
    // a version 2 export, has no times.
    // Version 4: when each choice was taken, and when the lesson was read and its quizzes
    // answered (one record here, at 10 s).
    let mut untimed = export.items[1].attempts.clone();
    for attempt in &mut untimed {
        for choice in &mut attempt.choices {
            let at = choice.at.take().expect("every choice has its time");
            assert!(attempt.started_at.is_some_and(|start| at >= start));
        }
        let started = attempt
            .started_at
            .take()
            .expect("every attempt has a start");
        if let Some(finished) = attempt.finished_at.take() {
            assert_eq!(
                attempt.duration_seconds.take(),
                Some(finished.0 - started.0)
            );
        } else {
            assert_eq!(attempt.duration_seconds, None);
        }
    }
    assert_eq!(untimed, fixture.items[1].attempts);
    let lesson = &export.items[0];
    assert_eq!(lesson.started_at, Some(Timestamp(10)));
    assert_eq!(lesson.completed_at, Some(Timestamp(10)));
    assert_eq!(lesson.duration_seconds, Some(0));
    let mut quizzes = lesson.quizzes.clone();
    for quiz in &mut quizzes {
        assert_eq!(quiz.answered_at.take(), Some(Timestamp(10)));
    }
    assert_eq!(quizzes, fixture.items[0].quizzes);

    // Version 2: breaches, qualities and turning points per attempt, from the engine.
    assert_eq!(export.export_version, 4);
    assert_eq!(export.format_version, Some(4));
    let [first, second] = &export.items[1].attempts[..] else {
        panic!("two attempts");
    };
    let ids = |list: &[kruispunt::course::ids::Competency]| {
        list.iter()
            .map(|c| c.as_str().to_owned())
            .collect::<Vec<_>>()
    };
    let competencies = first.competencies.as_ref().expect("finished");
    assert_eq!(
        ids(&competencies.breached),
        ["confidentiality", "no-assumptions"]
    );
    assert!(
        competencies.shown.is_empty(),
        "a breached competency is never shown"
    );
    let qualities = first.qualities.expect("replayed");
    assert_eq!(
        (
            qualities.best,
            qualities.acceptable,
            qualities.weak,
            qualities.harmful
        ),
        (0, 0, 1, 1)
    );
    let points: Vec<(&str, &str, &str)> = first
        .turning_points
        .as_ref()
        .expect("replayed")
        .iter()
        .map(|p| (p.node.as_str(), p.taken.as_str(), p.better.as_str()))
        .collect();
    assert_eq!(
        points,
        [("balie", "hier", "kantoor"), ("vraag", "label", "open")]
    );
    let competencies = second.competencies.as_ref().expect("finished");
    assert_eq!(
        ids(&competencies.shown),
        ["confidentiality", "open-questions"]
    );
    assert!(competencies.breached.is_empty());
    assert_eq!(second.qualities.expect("replayed").best, 2);
    assert_eq!(second.turning_points.as_deref(), Some(&[][..]));
    assert!(run.stdout.contains("\"export_version\": 4"));
    // Times are RFC 3339 instants in UTC, never bare numbers.
    assert!(
        run.stdout
            .contains("\"started_at\": \"1970-01-01T00:00:12Z\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\"duration_seconds\": 1"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\"turning_points\""));

    // The export makes a report.
    let file = dir.path().join("anna-export.json");
    std::fs::write(&file, &run.stdout).expect("write");
    let made = report(&[file], "md", &[]);
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    assert!(made.stdout.contains("1 trainee"));
}

#[test]
fn export_includes_reflections_only_when_asked() {
    let dir = tempfile::tempdir().expect("a temp dir");
    make_profile(dir.path());
    let file = dir.path().join("with-reflections.json");
    let run = kruispunt(export_args(
        dir.path(),
        &["--include-reflections", "-o", file.to_str().expect("UTF-8")],
    ));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("with the reflections"),
        "{}",
        run.stderr
    );
    let text = std::fs::read_to_string(&file).expect("written");
    let export = Export::parse(&text).expect("valid");
    assert!(export.includes_reflections);
    let reflections = &export.items[0].reflections;
    assert_eq!(reflections.len(), 1);
    assert_eq!(reflections[0].text, SECRET_REFLECTION);
}

#[test]
fn export_of_a_profile_that_does_not_exist_is_refused() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let run = kruispunt(export_args(dir.path(), &[]));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("anna"), "{}", run.stderr);
}

/// The CSV rows of one section, as fields (no field of these rows holds a line break or a
/// quoted comma, except where the test says).
fn csv_rows<'a>(csv: &'a str, section: &str) -> Vec<&'a str> {
    csv.trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|line| line.starts_with(&format!("{section},")))
        .collect()
}

#[test]
fn the_practice_sections_come_out_in_markdown() {
    let run = report(&good_exports(), "md", &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let md = &run.stdout;
    let section = |heading: &str| -> String {
        let start = md
            .find(&format!("\n## {heading}\n"))
            .unwrap_or_else(|| panic!("no section {heading}:\n{md}"));
        let rest = &md[start + 4..];
        let end = rest.find("\n## ").unwrap_or(rest.len());
        rest[..end].to_owned()
    };

    // Quality per decision point: words and symbols, counted on the first answer of each
    // trainee who reached the point (Bram's and Chris's version 1 exports included).
    let qualities = section("Quality of the answers");
    assert!(
        qualities.contains("| ++ best | █████████████ 2 of 3 |"),
        "{qualities}"
    );
    assert!(
        qualities.contains("| - weak | ███████ 1 of 3 |"),
        "{qualities}"
    );
    assert!(
        qualities.contains("| !! harmful | ██████████ 1 of 2 |"),
        "{qualities}"
    );
    assert!(
        qualities.contains("| + acceptable | ██████████ 1 of 2 |"),
        "{qualities}"
    );
    // The decision charts say each answer's quality too.
    assert!(md.contains("| “So you are gay, right?” (!! harmful) | ██████████ 1 of 2 |"));

    // Turning points: per decision point the answer most often taken instead of the better
    // one. At the second, Anna's harmful answer and Bram's acceptable one (worked out from
    // his version 1 export) were taken once each: the harmful one is named.
    let turning = section("Turning points of the group");
    assert!(
        turning.contains(
            "| “Just tell me here, quickly.” (decision point 1 · this answer: - weak · a better answer, ++ best: “Come, let's go to the office.”) | ███████ 1 of 3 |"
        ),
        "{turning}"
    );
    assert!(
        turning.contains(
            "| “So you are gay, right?” (decision point 2 · this answer: !! harmful · a better answer, ++ best: “What would help you most right now?”) | ██████████ 1 of 2 |"
        ),
        "{turning}"
    );
    assert!(!turning.contains("Which name"), "{turning}");

    // Breaches across the group and per trainee.
    let breaches = section("Competencies breached");
    assert!(
        breaches.contains("| Confidentiality | ███████ 1 of 3 |"),
        "{breaches}"
    );
    assert!(
        breaches.contains("| Asking open questions | 0 of 3 |"),
        "{breaches}"
    );
    let per_trainee = section("Competencies breached per trainee");
    assert!(
        per_trainee.contains(
            "| Trainee 1 (Confidentiality, Making no assumptions) | █████████████ 2 of 3 |"
        ),
        "{per_trainee}"
    );
    assert!(
        per_trainee.contains("| Trainee 2 (none) | 0 of 3 |"),
        "{per_trainee}"
    );

    // Anna showed confidentiality in her second attempt but breached it in her first: she
    // is not counted as showing it (Bram and Chris are).
    let competencies = section("Competencies of the group");
    assert!(
        competencies.contains("| Confidentiality (missed by 0) | █████████████ 2 of 3 |"),
        "{competencies}"
    );
}

#[test]
fn the_practice_sections_come_out_in_csv() {
    let run = report(&good_exports(), "csv", &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let csv = &run.stdout;
    let qualities = csv_rows(csv, "qualities");
    assert_eq!(qualities.len(), 8, "four qualities at two decision points");
    assert!(qualities.contains(
        &"qualities,qualities/intake/balie,An intake · decision point 1,best,'++ best,,2,3,67"
    ));
    assert!(qualities.contains(
        &"qualities,qualities/intake/vraag,An intake · decision point 2,harmful,!! harmful,,1,2,50"
    ));
    let turning = csv_rows(csv, "turning-points");
    assert_eq!(turning.len(), 2, "{turning:?}");
    assert!(
        turning[0].starts_with("turning-points,turning-points/intake,An intake,balie/hier,"),
        "{}",
        turning[0]
    );
    assert!(turning[0].ends_with(",1,3,33"), "{}", turning[0]);
    assert!(
        turning[1].starts_with("turning-points,turning-points/intake,An intake,vraag/label,"),
        "{}",
        turning[1]
    );
    assert_eq!(
        csv_rows(csv, "breaches"),
        [
            "breaches,breaches,Competencies breached,open-questions,Asking open questions,,0,3,0",
            "breaches,breaches,Competencies breached,confidentiality,Confidentiality,,1,3,33",
            "breaches,breaches,Competencies breached,no-assumptions,Making no assumptions,,1,3,33",
        ]
    );
    let per_trainee = csv_rows(csv, "breaches-per-trainee");
    assert_eq!(per_trainee.len(), 3);
    assert_eq!(
        per_trainee[0],
        "breaches-per-trainee,breaches-per-trainee,Competencies breached per trainee,Trainee 1,Trainee 1,\"Confidentiality, Making no assumptions\",2,3,67"
    );
    assert!(per_trainee[1].ends_with(",Trainee 2,Trainee 2,none,0,3,0"));
}

#[test]
fn the_practice_sections_come_out_in_html_as_charts_with_words() {
    let run = report(&good_exports(), "html", &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let document = Html::parse_document(&run.stdout);
    assert!(document.errors.is_empty(), "{:?}", document.errors);
    let root = document.root_element();
    for id in [
        "qualities",
        "turning-points",
        "breaches",
        "breaches-per-trainee",
    ] {
        assert_eq!(select(root, &format!("section#{id}")).len(), 1, "{id}");
    }

    let balie = bars(&document, "qualities/intake/balie");
    assert_eq!(
        balie.iter().map(|b| (b.0, b.1)).collect::<Vec<_>>(),
        [(2, 3), (0, 3), (1, 3), (0, 3)]
    );
    // Never colour alone: every bar names its quality in words and symbol.
    for (bar, label) in balie
        .iter()
        .zip(["++ best", "+ acceptable", "- weak", "!! harmful"])
    {
        assert!(bar.3.starts_with(label), "{}", bar.3);
    }
    let texts: Vec<String> = select(
        select(root, "figure[data-chart=\"qualities/intake/balie\"] table")[0],
        "td",
    )
    .iter()
    .map(|td| td.text().collect())
    .collect();
    assert!(texts.contains(&"!! harmful".to_owned()), "{texts:?}");

    let turning = bars(&document, "turning-points/intake");
    assert_eq!(
        turning.iter().map(|b| (b.0, b.1)).collect::<Vec<_>>(),
        [(1, 3), (1, 2)]
    );
    assert!(turning[1].3.contains("So you are gay"), "{}", turning[1].3);
    assert!(turning[1].3.contains("!! harmful"), "{}", turning[1].3);
    assert!(
        turning[1].3.contains("What would help you most"),
        "{}",
        turning[1].3
    );

    let breaches = bars(&document, "breaches");
    assert_eq!(
        breaches.iter().map(|b| (b.0, b.1)).collect::<Vec<_>>(),
        [(0, 3), (1, 3), (1, 3)]
    );
    let per_trainee = bars(&document, "breaches-per-trainee");
    assert_eq!(
        per_trainee.iter().map(|b| (b.0, b.1)).collect::<Vec<_>>(),
        [(2, 3), (0, 3), (0, 3)]
    );
    assert!(
        per_trainee[0]
            .3
            .starts_with("Trainee 1 (Confidentiality, Making no assumptions)"),
        "{}",
        per_trainee[0].3
    );
    // Anna breached confidentiality: she does not count among those who showed it.
    let competencies = bars(&document, "competencies");
    assert_eq!(
        competencies.iter().map(|b| (b.0, b.1)).collect::<Vec<_>>(),
        [(1, 3), (2, 3), (1, 3)]
    );
}

/// An export as `kruispunt export` wrote it before version 2: no breaches, qualities or
/// turning points. Its recorded `shown` still lists confidentiality, which the course now
/// says the first answer breaches.
const VERSION_1_EXPORT: &str = r#"{
  "kind": "kruispunt-export",
  "export_version": 1,
  "course": { "id": "report-test", "version": "1.5" },
  "profile": "dana",
  "exported_at": 1774000000,
  "items": [
    {
      "id": "intake",
      "status": "completed",
      "attempts": [
        {
          "choices": [
            { "node": "balie", "choice": "hier" },
            { "node": "vraag", "choice": "naam" }
          ],
          "ending": { "node": "einde-gemengd", "outcome": "mixed" },
          "variables": { "trust": 30 },
          "competencies": {
            "shown": ["confidentiality", "no-assumptions"],
            "missed": ["open-questions"]
          }
        }
      ]
    }
  ],
  "includes_reflections": false
}"#;

#[test]
fn a_version_1_export_still_loads_and_reports_what_the_course_can_tell() {
    let export = Export::parse(VERSION_1_EXPORT).expect("a version 1 export loads");
    assert_eq!(export.export_version, 1);
    let attempt = &export.items[0].attempts[0];
    assert!(
        attempt
            .competencies
            .as_ref()
            .expect("recorded")
            .breached
            .is_empty()
    );
    assert_eq!(attempt.qualities, None);
    assert_eq!(attempt.turning_points, None);

    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("dana.json");
    std::fs::write(&file, VERSION_1_EXPORT).expect("write");
    let md = report(std::slice::from_ref(&file), "md", &[]);
    assert_eq!(md.code, Some(0), "{}", md.stderr);
    assert_eq!(md.stderr, "");
    let out = &md.stdout;
    // Qualities, breaches and turning points come from the course by replaying her choices.
    assert!(
        out.contains("| - weak | ████████████████████ 1 of 1 |"),
        "{out}"
    );
    assert!(
        out.contains("| + acceptable | ████████████████████ 1 of 1 |"),
        "{out}"
    );
    assert!(
        out.contains("| Confidentiality | ████████████████████ 1 of 1 |"),
        "{out}"
    );
    assert!(out.contains("| Trainee 1 (Confidentiality) | "), "{out}");
    assert!(out.contains("“Which name do you use, \\<here\\> & \"at home\"?” (decision point 2 · this answer: + acceptable"), "{out}");
    // Recorded as shown, but breached in the same attempt: never counted as shown.
    assert!(
        out.contains("| Confidentiality (missed by 0) | 0 of 1 |"),
        "{out}"
    );
    assert!(
        out.contains("| Making no assumptions (missed by 0) | ████████████████████ 1 of 1 |"),
        "{out}"
    );

    let csv = report(&[file], "csv", &[]);
    assert_eq!(csv.code, Some(0), "{}", csv.stderr);
    assert!(csv_rows(&csv.stdout, "breaches").contains(
        &"breaches,breaches,Competencies breached,confidentiality,Confidentiality,,1,1,100"
    ));
}

#[test]
fn an_export_of_a_newer_format_is_skipped_with_a_clear_reason() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("future.json");
    std::fs::write(
        &file,
        VERSION_1_EXPORT.replace("\"export_version\": 1", "\"export_version\": 5"),
    )
    .expect("write");
    let run = report(&[file], "md", &[]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("export format 5"), "{}", run.stderr);
    assert!(run.stderr.contains("reads up to 4"), "{}", run.stderr);
}

#[test]
fn a_workshop_report_is_made_from_the_servers_records_without_export_files() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let trainees = dir.path().join("workshops/w1/trainees");
    make_profile(&trainees);
    let before: Vec<_> = std::fs::read_dir(&trainees)
        .expect("the trainees")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    let mut args: Vec<std::ffi::OsString> = vec![
        "report".into(),
        "--workshop".into(),
        "w1".into(),
        "--data-dir".into(),
        dir.path().into(),
        "--course".into(),
        course_dir().into(),
        "--format".into(),
    ];
    args.push("md".into());
    let run = kruispunt(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("1 trainees") || run.stdout.contains("1 trainee"));
    assert!(
        run.stdout
            .contains("| Trainee 1 | ████████████████████ 2 of 2 |")
    );
    assert!(!run.stdout.contains("anna"), "numbered, not named");
    assert!(!run.stdout.contains(SECRET_REFLECTION));
    let after: Vec<_> = std::fs::read_dir(&trainees)
        .expect("the trainees")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(before.len(), after.len(), "no export file was written");
    args.pop();
    args.push("csv".into());
    assert_eq!(kruispunt(&args).code, Some(0));
    // The trainee × item sheet too: Anna's first answers (q1 right, q2 wrong) and her two
    // attempts, one ending badly, one well.
    args.extend(["--layout".into(), "wide".into()]);
    let wide = kruispunt(&args);
    assert_eq!(wide.code, Some(0), "{}", wide.stderr);
    assert_eq!(
        wide.stdout,
        "\u{feff}trainee,quiz:woorden/q1,quiz:woorden/q2,ending:intake/einde-goed,\
         ending:intake/einde-gemengd,ending:intake/einde-slecht\r\n\
         Trainee 1,1,0,1,0,1\r\n"
    );

    // A workshop that is not there is refused, with exit code 2.
    let missing = kruispunt([
        "report".into(),
        "--workshop".into(),
        "w2".into(),
        "--data-dir".into(),
        std::ffi::OsString::from(dir.path()),
        "--course".into(),
        course_dir().into(),
    ]);
    assert_eq!(missing.code, Some(2), "{}", missing.stderr);
    assert!(missing.stderr.contains("no workshop"), "{}", missing.stderr);
}
