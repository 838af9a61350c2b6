//! Start-up of the interactive course: what opening the profile did shows on the home
//! screen, the profile's saved settings are applied, and the real binary refuses plainly
//! (no escape sequences, no screen) when there is no terminal or the profile is in use.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod tui_support;

use kruispunt::course::ids::Locale;
use kruispunt::i18n::{LocaleCandidates, UiLocale};
use kruispunt::progress::{CourseStamp, DEFAULT_PROFILE, ProfileName, ProfileStore};
use kruispunt::tui::theme::ThemeName;
use std::path::Path;
use std::process::{Command, Output};
use tui_support::{app_from_data_dir, course, screen};

/// No language given on the command line, in the environment or by the system.
fn no_language() -> LocaleCandidates {
    LocaleCandidates::default()
}

fn default_profile() -> ProfileName {
    ProfileName::new(DEFAULT_PROFILE).expect("valid name")
}

/// Saves settings into profile `default` in `dir`, as a previous session would have.
fn save_settings(dir: &Path, locale: &str, theme: &str, gloss: Option<&str>) {
    let course = course();
    let opened = ProfileStore::new(dir)
        .open(&default_profile(), &CourseStamp::of(&course))
        .expect("opens");
    let mut progress = opened.progress;
    progress.settings.locale = Some(Locale::from(locale));
    progress.settings.theme = Some(theme.to_owned());
    progress.settings.gloss_locale = gloss.map(Locale::from);
    opened.session.save(&progress).expect("saves");
}

#[test]
fn a_damaged_progress_file_is_reported_on_the_home_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("default.json"), "{ this is not json").expect("write");
    let candidates = LocaleCandidates {
        flag: Some("en".into()),
        ..no_language()
    };
    let (mut app, _session) = app_from_data_dir(dir.path(), candidates);
    let text = screen(&mut app, 120, 30);
    assert!(
        text.contains("Your progress file was damaged and there was no usable copy"),
        "{text}"
    );
    let kept = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with("default.corrupt-"))
        .expect("the damaged file was set aside");
    assert!(text.contains(&kept), "the file is named:\n{text}");
    // The list of modules is still there under the notices.
    assert!(text.contains("Module 1"), "{text}");

    // Opened again, the file is fine: no notice any more.
    drop(_session);
    let (mut again, _session) = app_from_data_dir(
        dir.path(),
        LocaleCandidates {
            flag: Some("en".into()),
            ..no_language()
        },
    );
    assert!(again.ctx.notices.is_empty(), "{:?}", again.ctx.notices);
    assert!(!screen(&mut again, 120, 30).contains("damaged"));
}

#[test]
fn the_saved_language_theme_and_gloss_are_applied() {
    let dir = tempfile::tempdir().expect("tempdir");
    save_settings(dir.path(), "fr", "high-contrast", Some("en"));

    // The system says English, the course default is Dutch: the saved French wins both.
    let system_english = LocaleCandidates {
        system: Some("en_GB.UTF-8".into()),
        ..no_language()
    };
    let (mut app, session) = app_from_data_dir(dir.path(), system_english);
    assert_eq!(app.ctx.i18n().current(), UiLocale::Fr);
    assert_eq!(app.ctx.theme.name, ThemeName::HighContrast);
    assert_eq!(app.ctx.gloss(), Some(&Locale::from("en")));
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("Aperçu"), "{text}");
    drop(session);

    // --lang (or KRUISPUNT_LANG) given for this run beats the saved language.
    let flag = LocaleCandidates {
        flag: Some("nl".into()),
        ..no_language()
    };
    let (mut app, _session) = app_from_data_dir(dir.path(), flag);
    assert_eq!(app.ctx.i18n().current(), UiLocale::Nl);
    assert!(screen(&mut app, 100, 30).contains("Overzicht"));
    // The theme is still the saved one.
    assert_eq!(app.ctx.theme.name, ThemeName::HighContrast);
}

#[test]
fn unknown_saved_settings_fall_back_to_the_defaults() {
    let dir = tempfile::tempdir().expect("tempdir");
    save_settings(dir.path(), "de", "neon", Some("sw"));
    let (app, _session) = app_from_data_dir(dir.path(), no_language());
    // The course default (Dutch), the default theme, no gloss in a language the course lacks.
    assert_eq!(app.ctx.i18n().current(), UiLocale::Nl);
    assert_eq!(app.ctx.theme.name, ThemeName::Default);
    assert_eq!(app.ctx.gloss(), None);
}

/// The real program, in English unless `--lang` says otherwise, with no other locale,
/// colour or data directory settings from the test environment.
fn kruispunt(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kruispunt"));
    command.args(args);
    for name in [
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "KRUISPUNT_LANG",
        "KRUISPUNT_DATA_DIR",
        "NO_COLOR",
    ] {
        command.env_remove(name);
    }
    command.env("KRUISPUNT_LANG", "en");
    command
}

/// Runs with stdout and stderr piped (so not a terminal) and stdin empty.
fn run(mut command: Command) -> Output {
    command
        .stdin(std::process::Stdio::null())
        .output()
        .expect("kruispunt runs")
}

fn has_escape_sequences(bytes: &[u8]) -> bool {
    bytes.contains(&0x1b)
}

#[test]
fn without_a_terminal_it_says_so_and_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data_dir = dir.path().join("data");
    let mut command = kruispunt(&[]);
    command.arg("--data-dir").arg(&data_dir);
    let output = run(command);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty(), "nothing drawn into the pipe");
    assert!(!has_escape_sequences(&output.stderr), "{stderr:?}");
    assert!(
        stderr.starts_with("kruispunt: error: the interactive course needs a terminal"),
        "{stderr}"
    );
    assert!(stderr.contains("kruispunt outline"), "{stderr}");
    // Nothing was drawn, so no profile was created either.
    assert!(!data_dir.join("default.json").exists());

    // In the learner's language.
    let mut dutch = kruispunt(&["--lang", "nl"]);
    dutch.arg("--data-dir").arg(&data_dir);
    let output = run(dutch);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("de interactieve cursus heeft een terminal nodig"),
        "{stderr}"
    );
}

#[test]
fn without_a_terminal_an_existing_damaged_profile_is_recovered_and_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("default.json"), "").expect("write");
    let mut command = kruispunt(&["--course"]);
    command
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course"))
        .arg("--data-dir")
        .arg(dir.path());
    let output = run(command);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        lines
            .first()
            .is_some_and(|l| l.starts_with("Your progress file was damaged")),
        "{stderr}"
    );
    assert!(
        lines.last().is_some_and(|l| l.contains("needs a terminal")),
        "{stderr}"
    );
}

#[test]
fn a_profile_in_use_is_refused_before_any_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let held = ProfileStore::new(dir.path())
        .open(&default_profile(), &CourseStamp::of(&course()))
        .expect("the test holds the profile");
    let mut command = kruispunt(&[]);
    command.arg("--data-dir").arg(dir.path());
    let output = run(command);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(!has_escape_sequences(&output.stderr), "{stderr:?}");
    assert!(
        stderr.starts_with(
            "kruispunt: error: profile “default” is in use by another running Kruispunt"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("process {}", std::process::id())),
        "{stderr}"
    );
    drop(held);
}

#[test]
fn a_progress_file_from_a_newer_version_is_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("default.json");
    let newer = r#"{ "schema_version": 999, "anything": true }"#;
    std::fs::write(&file, newer).expect("write");
    let mut command = kruispunt(&[]);
    command.arg("--data-dir").arg(dir.path());
    let output = run(command);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("newer version of Kruispunt"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), newer);
}

#[test]
fn a_course_with_errors_is_reported_as_validate_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let course = dir.path().join("course");
    std::fs::create_dir(&course).expect("mkdir");
    std::fs::write(course.join("course.json"), "{").expect("write");
    let mut command = kruispunt(&["--course"]);
    command
        .arg(&course)
        .arg("--data-dir")
        .arg(dir.path().join("data"));
    let output = run(command);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let mut validate = kruispunt(&["validate"]);
    validate.arg(&course);
    let report = run(validate);
    // The same lines, without the coverage section that only a loaded course has.
    assert_eq!(stderr, String::from_utf8_lossy(&report.stdout));
    assert!(stderr.contains("course.json:"), "{stderr}");
}
