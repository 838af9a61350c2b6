//! `kruispunt certificate` and `kruispunt print` through the real binary, their HTML read
//! with a real HTML parser: the parts each must have, course texts escaped (the fixture
//! course's title holds a script, a checklist point an image tag), reflections only on
//! request, the language of the page, and every lesson and scenario of the built-in course
//! in the printed course. Then both pages in headless Chromium (`chromium`, which `.ci/run`
//! installs): a screenshot that is not blank, no horizontal overflow at 1024 pixels (the
//! fixture course has a 200-character word), and a printed PDF with pages.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary_support;

use binary_support::Run;
use kruispunt::course::checked::{SceneBody, Step};
use kruispunt::course::ids::{ItemId, Locale, OptionId, SceneId};
use kruispunt::course::{self, Course};
use kruispunt::engine::ScenarioRun;
use kruispunt::progress::{ItemStatus, ProfileName, ProfileStore, ReflectionText, Timestamp, runs};
use scraper::{ElementRef, Html, Selector};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A reflection no certificate may carry unless asked.
const SECRET_REFLECTION: &str = "Mijn eigen gedachte <b>over</b> het kruispunt 9Z";

/// When the first conversation attempt starts.
const T0: u64 = 1_780_000_000;

fn course_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/certificate/course")
}

fn fixture_course() -> Course {
    course::load_dir(&course_dir()).expect("the fixture course loads")
}

fn builtin_course() -> Course {
    course::load_course(None, course::ValidateOptions::default())
        .expect("the built-in course loads")
        .course
}

/// A profile `anna` in `data`, in the language `locale`: the lesson read in 10 minutes and
/// completed with one of three checklist points ticked and a reflection; the scenario twice, first to the poor
/// ending (10 minutes, breaching confidentiality and making assumptions), then to the good
/// one (5 minutes, showing open questions and confidentiality).
fn make_profile(data: &Path, locale: &str) {
    let course = fixture_course();
    let store = ProfileStore::new(data);
    let name = ProfileName::new("anna").expect("a valid name");
    let mut opened = store
        .open(&name, &kruispunt::progress::CourseStamp::of(&course))
        .expect("the profile opens");
    let progress = &mut opened.progress;
    progress.settings.locale = Some(Locale(locale.into()));
    let lesson = progress.item_mut(&ItemId::from("woorden"));
    lesson.status = ItemStatus::Completed;
    lesson.lesson.started_at = Some(Timestamp(T0 - 900));
    lesson.lesson.completed_at = Some(Timestamp(T0 - 300));
    let list = lesson
        .lesson
        .scenes
        .entry(SceneId::from("lijst"))
        .or_default();
    list.visited = true;
    list.checked.insert(OptionId::from("naam"));
    lesson.reflections.insert(
        SceneId::from("r"),
        ReflectionText {
            text: SECRET_REFLECTION.to_owned(),
            updated_at: Timestamp(T0),
        },
    );

    let scenario = &course.scenarios["intake"];
    let mut play = ScenarioRun::new(scenario).expect("a run");
    play.choose(scenario, "hier").expect("hier");
    runs::record_scenario(progress, scenario, &play, Timestamp(T0));
    play.choose(scenario, "label").expect("label");
    runs::record_scenario(progress, scenario, &play, Timestamp(T0 + 600));
    play.restart(scenario).expect("restart");
    runs::begin_attempt(progress, scenario, &play, Timestamp(T0 + 1000));
    play.choose(scenario, "kantoor").expect("kantoor");
    play.choose(scenario, "open").expect("open");
    runs::record_scenario(progress, scenario, &play, Timestamp(T0 + 1300));
    opened.session.save(&opened.progress).expect("saved");
}

/// `kruispunt certificate` on the fixture course for `anna`, written to `out`, plus `extra`.
fn certificate(data: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut args: Vec<std::ffi::OsString> = vec![
        "certificate".into(),
        "--course".into(),
        course_dir().into(),
        "--data-dir".into(),
        data.into(),
        "--profile".into(),
        "anna".into(),
        "-o".into(),
        out.into(),
    ];
    args.extend(extra.iter().map(Into::into));
    binary_support::command(args)
}

fn sel(selector: &str) -> Selector {
    Selector::parse(selector).expect("a valid selector")
}

fn text_of(element: ElementRef<'_>) -> String {
    element.text().collect()
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    html.select(&sel(selector)).map(text_of).collect()
}

/// The page is self-contained, and no course text became markup: no script, image, frame,
/// link or external reference, no event handler attribute; and it has a print style.
#[track_caller]
fn assert_self_contained_and_inert(html: &Html, source: &str) {
    for tag in [
        "script",
        "img",
        "iframe",
        "object",
        "embed",
        "link",
        "svg image",
    ] {
        assert_eq!(html.select(&sel(tag)).count(), 0, "a <{tag}> in the page");
    }
    for element in html.select(&sel("*")) {
        for (name, _) in element.value().attrs() {
            assert!(
                !name.starts_with("on") && name != "src" && name != "href",
                "attribute {name} on <{}>",
                element.value().name()
            );
        }
    }
    let style = texts(html, "head style").concat();
    assert!(style.contains("@page"), "print style: {style}");
    assert!(style.contains("break-before:page"), "page breaks: {style}");
    assert!(!source.contains("url("), "no external asset in the style");
}

#[test]
fn the_certificate_has_every_part_and_no_reflections_unless_asked() {
    let dir = tempfile::tempdir().expect("a temp dir");
    make_profile(dir.path(), "en");
    let out = dir.path().join("anna.html");
    let run = Run::of(&mut certificate(dir.path(), &out, &[])).exits(0);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains("without the reflections"),
        "{}",
        run.stderr
    );
    let source = std::fs::read_to_string(&out).expect("the certificate is written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "private like an export: {mode:o}");
    }
    assert!(!source.contains("9Z"), "a reflection without the flag");
    let html = Html::parse_document(&source);
    assert_self_contained_and_inert(&html, &source);
    let root = html.root_element();
    assert_eq!(root.value().attr("lang"), Some("en"));
    assert_eq!(texts(&html, "h1"), ["Certificate of participation"]);
    // The course title, with its script as words.
    let awarded = texts(&html, "main > p strong").concat();
    assert!(
        awarded.contains("anna took part in the course “Certificate test <script>alert(1)</script> & \"names\"” (version 3.1)"),
        "{awarded}"
    );
    for part in ["modules", "endings", "competencies", "action-plan"] {
        assert_eq!(
            html.select(&sel(&format!("section#{part} h2"))).count(),
            1,
            "{part}"
        );
    }
    assert_eq!(html.select(&sel("section#reflections")).count(), 0);

    // Both modules completed: the lessons' module when its lesson was, after the 10
    // minutes it took; the practice module when its last conversation ended, after 10 + 5
    // minutes of conversation. Dates are written out, in the trainee's time zone (UTC in
    // these runs, 2026-05-28T20:48:20Z).
    let modules: Vec<Vec<String>> = html
        .select(&sel("section#modules tbody tr"))
        .map(|row| row.select(&sel("td")).map(text_of).collect())
        .collect();
    let last = "28 May 2026".to_owned();
    assert_eq!(
        modules,
        [
            ["Words", "28 May 2026", "10 min", "5 min"].map(String::from),
            ["Practice".into(), last.clone(), "15 min".into(), "—".into()],
        ]
    );
    let endings: Vec<Vec<String>> = html
        .select(&sel("section#endings tbody tr"))
        .map(|row| row.select(&sel("td")).map(text_of).collect())
        .collect();
    assert_eq!(endings.len(), 2, "{endings:?}");
    assert_eq!(endings[0][1], "Closed up");
    assert_eq!(endings[0][2], "poor ending");
    assert_eq!(endings[1][1], "A good start");
    assert_eq!(endings[1][3], last);

    // A breach in one attempt is not undone by showing the competency in another.
    let competencies: Vec<(String, String)> = html
        .select(&sel("section#competencies tbody tr"))
        .map(|row| {
            let cells: Vec<String> = row.select(&sel("td")).map(text_of).collect();
            (cells[0].clone(), cells[1].clone())
        })
        .collect();
    assert_eq!(
        competencies,
        [
            ("Asking open questions", "shown"),
            ("Confidentiality", "breached"),
            ("Making no assumptions", "breached"),
            ("Referral", "not practised yet"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );

    // The action plan: the two points not ticked, the image tag as words, on its own page.
    assert_eq!(
        html.select(&sel("section#action-plan.page")).count(),
        1,
        "the plan starts a page"
    );
    assert_eq!(
        texts(&html, "section#action-plan h3"),
        ["Words & names › My checklist"]
    );
    let plan = texts(&html, "section#action-plan li");
    assert_eq!(plan.len(), 2, "{plan:?}");
    assert!(
        plan[0]
            .starts_with("☐ I work with a professional interpreter <img src=x onerror=alert(1)>."),
        "{plan:?}"
    );
    assert!(
        plan[1].starts_with("☐ I only write down what is needed."),
        "{plan:?}"
    );
}

#[test]
fn reflections_are_in_the_certificate_only_with_the_flag() {
    let dir = tempfile::tempdir().expect("a temp dir");
    make_profile(dir.path(), "en");
    let out = dir.path().join("anna.html");
    let run = Run::of(&mut certificate(
        dir.path(),
        &out,
        &["--include-reflections"],
    ))
    .exits(0);
    assert!(
        run.stderr.contains("with the reflections"),
        "{}",
        run.stderr
    );
    let source = std::fs::read_to_string(&out).expect("written");
    let html = Html::parse_document(&source);
    assert_self_contained_and_inert(&html, &source);
    assert_eq!(
        texts(&html, "section#reflections.page p strong"),
        ["What do you take with you?"]
    );
    assert_eq!(
        texts(&html, "section#reflections p.reflection"),
        [SECRET_REFLECTION]
    );
    assert!(!source.contains("<b>over</b>"), "the reflection is escaped");
}

#[test]
fn the_certificate_is_in_the_trainees_language_unless_another_is_asked() {
    let dir = tempfile::tempdir().expect("a temp dir");
    make_profile(dir.path(), "nl");
    let out = dir.path().join("anna.html");
    // No --lang and no KRUISPUNT_LANG: the language saved in the profile.
    let mut saved = certificate(dir.path(), &out, &[]);
    saved.env_remove("KRUISPUNT_LANG");
    Run::of(&mut saved).exits(0);
    let html = Html::parse_document(&std::fs::read_to_string(&out).expect("written"));
    assert_eq!(html.root_element().value().attr("lang"), Some("nl"));
    assert_eq!(texts(&html, "h1"), ["Getuigschrift van deelname"]);
    assert_eq!(texts(&html, "section#competencies h2"), ["Competenties"]);
    assert!(
        texts(&html, "main > p strong")
            .concat()
            .contains("Certificaattest")
    );

    let run = Run::of(&mut certificate(dir.path(), &out, &["--lang", "fr"])).exits(0);
    assert!(
        run.stderr.contains("Attestation du profil"),
        "{}",
        run.stderr
    );
    let html = Html::parse_document(&std::fs::read_to_string(&out).expect("written"));
    assert_eq!(html.root_element().value().attr("lang"), Some("fr"));
    assert_eq!(texts(&html, "h1"), ["Attestation de participation"]);
}

#[test]
fn a_certificate_of_a_profile_that_does_not_exist_is_refused() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("nobody.html");
    let run = Run::of(&mut certificate(dir.path(), &out, &[])).exits(1);
    assert!(!out.exists(), "nothing written: {}", run.stderr);
}

/// `kruispunt print` with `args`, its standard output parsed.
fn print(args: &[&str]) -> (String, Html) {
    let mut all = vec!["print"];
    all.extend(args);
    let run = Run::of(&mut binary_support::command(all)).exits(0);
    let html = Html::parse_document(&run.stdout);
    (run.stdout, html)
}

#[test]
fn the_printed_course_has_every_lesson_and_scenario_in_every_language() {
    let course = builtin_course();
    let right_answers: usize = course
        .lessons
        .values()
        .flat_map(|l| &l.scenes)
        .map(|scene| match &scene.body {
            SceneBody::Quiz(quiz) => quiz.options.iter().filter(|o| o.correct).count(),
            _ => 0,
        })
        .sum();
    assert!(right_answers > 0, "the built-in course has quizzes");
    for (lang, right) in [("en", "✓ right"), ("nl", "✓ juist"), ("fr", "✓ correcte")] {
        let (source, html) = print(&["--format", "html", "--lang", lang]);
        assert_self_contained_and_inert(&html, &source);
        assert_eq!(html.root_element().value().attr("lang"), Some(lang));
        assert_eq!(
            html.select(&sel("section.page")).count(),
            course.modules.len(),
            "{lang}: a page per module"
        );
        for lesson in course.lessons.values() {
            let section = format!("section#lesson-{}", lesson.id);
            assert_eq!(
                html.select(&sel(&format!("{section} > h3"))).count(),
                1,
                "{section}"
            );
            assert_eq!(
                html.select(&sel(&format!("{section} > h4"))).count(),
                lesson.scenes.len(),
                "{lang}: every scene of {section}"
            );
        }
        for scenario in course.scenarios.values() {
            let section = format!("section#scenario-{}", scenario.id);
            let tables: Vec<ElementRef<'_>> =
                html.select(&sel(&format!("{section} > table"))).collect();
            let (nodes, endings) = (tables[tables.len() - 2], tables[tables.len() - 1]);
            let rows = |table: ElementRef<'_>| table.select(&sel("tbody tr")).count();
            let expected_rows: usize = scenario
                .nodes
                .iter()
                .map(|node| match &node.step {
                    Step::Choices(choices) => choices.len(),
                    Step::Route(arms) => arms.len(),
                    Step::Auto(_) | Step::Ending(_) => 1,
                })
                .sum();
            assert_eq!(
                rows(nodes),
                expected_rows,
                "{lang}: {section}, a row per answer"
            );
            let ending_count = scenario
                .nodes
                .iter()
                .filter(|n| matches!(n.step, Step::Ending(_)))
                .count();
            assert_eq!(
                rows(endings),
                ending_count,
                "{lang}: {section}, a row per ending"
            );
        }
        let marked = html
            .select(&sel("td.count"))
            .filter(|td| text_of(*td) == right)
            .count();
        assert_eq!(
            marked, right_answers,
            "{lang}: every right quiz answer is marked"
        );
    }
}

#[test]
fn the_printed_course_escapes_course_text_and_shows_answers_and_feedback() {
    let course = course_dir();
    let (source, html) = print(&["--course", course.to_str().expect("UTF-8 path")]);
    assert_self_contained_and_inert(&html, &source);
    assert_eq!(
        texts(&html, "h1"),
        ["Certificate test <script>alert(1)</script> & \"names\""]
    );
    let quiz: Vec<Vec<String>> = html
        .select(&sel("section#lesson-woorden table tbody tr"))
        .map(|row| row.select(&sel("td")).map(text_of).collect())
        .filter(|cells: &Vec<String>| {
            cells.len() == 3 && cells[1].contains('✓') || cells.len() == 3 && cells[1].contains('✗')
        })
        .collect();
    assert_eq!(
        quiz,
        [
            ["The word the person uses.", "✓ right", "Right."].map(String::from),
            ["The correct <label>.", "✗ wrong", "No."].map(String::from),
        ]
    );
    // A decision point: the answer, its quality, the feedback with the competency it
    // breaches, its effect and where it leads.
    let rows: Vec<Vec<String>> = html
        .select(&sel("section#scenario-intake table tbody tr"))
        .map(|row| row.select(&sel("td")).map(text_of).collect())
        .collect();
    assert!(
        rows.iter().any(|r| r.len() == 7
            && r[2] == "“Just tell me here, quickly.”"
            && r[3] == "- weak"
            && r[4] == "Everyone hears it.breaches: Confidentiality"
            && r[5] == "Trust -20"
            && r[6] == "vraag"),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.len() == 4 && r[1] == "Closed up" && r[2] == "poor ending"),
        "{rows:?}"
    );
}

/// The headless Chromium of `.ci/run`, or `None` (a failure in CI) when it is missing.
fn chromium() -> Option<&'static str> {
    let found = Command::new("chromium")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is required in CI"
        );
        println!("skipped: chromium is not installed");
        return None;
    }
    Some("chromium")
}

/// Headless Chromium on `page` with `args`, in a profile directory of its own.
fn headless(browser: &str, profile: &Path, page: &Path, args: &[String]) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1024,1400",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium starts")
}

/// The share of pixels of the PNG at `path` that are not the page's white.
fn inked_share(path: &Path) -> f64 {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("the screenshot"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buffer).expect("a frame");
    let channels = info.color_type.samples();
    let pixels = &buffer[..info.buffer_size()];
    let inked = pixels
        .chunks(channels)
        .filter(|px| px.iter().take(3).any(|&c| c < 200))
        .count();
    inked as f64 / (pixels.len() / channels) as f64
}

/// Screenshots `page` and checks it: ink on at least 2% of the screen, no horizontal
/// overflow (measured by a script added to a copy of the page), and a PDF of its print
/// with at least `min_pages` pages.
fn check_in_chromium(browser: &str, dir: &Path, page: &Path, min_pages: usize) {
    let name = page.file_stem().and_then(|s| s.to_str()).expect("a name");
    let screenshot = dir.join(format!("{name}.png"));
    let out = headless(
        browser,
        &dir.join("profile"),
        page,
        &[format!("--screenshot={}", screenshot.display())],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let share = inked_share(&screenshot);
    assert!(share > 0.02, "{name}: the screenshot is blank ({share:.4})");

    // The measure: the page's width against the window's, written into the DOM.
    let source = std::fs::read_to_string(page).expect("the page");
    let measured = dir.join(format!("{name}-measured.html"));
    let script = "<script>window.addEventListener('load',()=>{const e=document.documentElement;\
                  document.body.setAttribute('data-overflow',String(e.scrollWidth-e.clientWidth));});</script>";
    std::fs::write(
        &measured,
        source.replace("</body>", &format!("{script}</body>")),
    )
    .expect("write the copy");
    let out = headless(
        browser,
        &dir.join("profile"),
        &measured,
        &["--dump-dom".to_owned()],
    );
    let dom = Html::parse_document(&String::from_utf8_lossy(&out.stdout));
    let overflow = dom
        .select(&sel("body"))
        .next()
        .and_then(|b| b.value().attr("data-overflow"))
        .map(str::to_owned);
    assert_eq!(
        overflow.as_deref(),
        Some("0"),
        "{name}: horizontal overflow in pixels"
    );

    let pdf = dir.join(format!("{name}.pdf"));
    let out = headless(
        browser,
        &dir.join("profile"),
        page,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_owned(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).expect("the PDF");
    // The page tree's root counts every page: the largest `/Count` in the file.
    let text = String::from_utf8_lossy(&bytes);
    let pages = text
        .split("/Count ")
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<usize>().ok()
        })
        .max()
        .unwrap_or(0);
    assert!(pages >= min_pages, "{name}: {pages} pages printed");
}

#[test]
fn both_pages_render_in_chromium_with_content_without_overflow_and_print() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temp dir");
    make_profile(dir.path(), "en");
    let cert = dir.path().join("certificate.html");
    Run::of(&mut certificate(
        dir.path(),
        &cert,
        &["--include-reflections"],
    ))
    .exits(0);
    // The certificate's action plan and reflections each start a page.
    check_in_chromium(browser, dir.path(), &cert, 3);

    let course = dir.path().join("course.html");
    let (source, _) = print(&["--course", course_dir().to_str().expect("UTF-8 path")]);
    std::fs::write(&course, source).expect("write");
    check_in_chromium(browser, dir.path(), &course, 2);

    let builtin = dir.path().join("builtin.html");
    let (source, _) = print(&["--lang", "fr"]);
    std::fs::write(&builtin, source).expect("write");
    check_in_chromium(
        browser,
        dir.path(),
        &builtin,
        builtin_course().modules.len(),
    );
}
