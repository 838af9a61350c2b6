//! End-to-end tests of `kruispunt profiles` and `kruispunt forget` through the binary, with
//! a temporary data directory; profiles are created with the library.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kruispunt::course::{self, Course};
use kruispunt::progress::{CourseStamp, ItemStatus, ProfileName, ProfileStore};
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

mod binary_support;

use binary_support::{Run, command as kruispunt};

/// `kruispunt --data-dir DIR ARGS…`, with stdin closed.
#[track_caller]
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let mut command = kruispunt(["--data-dir"]);
    command.arg(dir).args(args).stdin(Stdio::null());
    Run::from(command.output().expect("the binary starts"))
}

/// Like [`run_in`], with `input` piped to stdin.
#[track_caller]
fn run_with_input(dir: &Path, args: &[&str], input: &str) -> Run {
    let mut command = kruispunt(["--data-dir"]);
    command
        .arg(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary starts");
    let mut stdin = child.stdin.take().expect("piped stdin");
    // A child that exits without reading closes the pipe; its exit code tells the story.
    if let Err(error) = stdin.write_all(input.as_bytes()) {
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
    }
    drop(stdin);
    Run::from(child.wait_with_output().expect("wait"))
}

fn builtin() -> Course {
    course::load_builtin().expect("the built-in course loads")
}

/// Creates profile `name` in `dir` with the first `completed` items of the built-in course
/// completed, as the course would, then closes it.
fn create_profile(dir: &Path, name: &str, completed: usize) {
    let course = builtin();
    let store = ProfileStore::new(dir);
    let name = ProfileName::new(name).expect("a valid name");
    let mut opened = store
        .open(&name, &CourseStamp::of(&course))
        .expect("the profile opens");
    for (_, item) in course.items_in_order().take(completed) {
        opened.progress.item_mut(item.id()).status = ItemStatus::Completed;
    }
    opened.session.save(&opened.progress).expect("saved");
}

fn item_count() -> usize {
    builtin().items_in_order().count()
}

/// The files in `dir`, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the data dir exists")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn profiles_lists_each_profile_with_its_progress() {
    let dir = tempfile::tempdir().expect("tempdir");
    create_profile(dir.path(), "anna", 2);
    create_profile(dir.path(), "default", 0);
    let total = item_count();
    assert!(total >= 2, "the built-in course has items");

    let run = run_in(dir.path(), &["profiles"]).exits(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!("Profiles in {}:", dir.path().display()),
        "{}",
        run.stdout
    );
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(
        lines[1].starts_with(&format!(
            "  anna: 2 of {total} items completed, last updated "
        )),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with(&format!("  default: 0 of {total} items completed")),
        "{}",
        lines[2]
    );

    let dutch = run_in(dir.path(), &["--lang", "nl", "profiles"]).exits(0);
    assert!(
        dutch
            .stdout
            .contains(&format!("anna: 2 van {total} onderdelen afgewerkt")),
        "{}",
        dutch.stdout
    );
}

/// Profile `name` in `dir`, last saved at `updated_at` (an RFC 3339 instant).
fn profile_saved_at(dir: &Path, name: &str, updated_at: &str) {
    let course = builtin();
    let store = ProfileStore::new(dir);
    let name = ProfileName::new(name).expect("a valid name");
    let mut opened = store
        .open(&name, &CourseStamp::of(&course))
        .expect("the profile opens");
    opened.progress.updated_at =
        serde_json::from_value(serde_json::json!(updated_at)).expect("an instant");
    opened.session.save(&opened.progress).expect("saved");
}

/// `kruispunt profiles` with `TZ=zone` and the interface in `lang`: the lines after the
/// heading.
fn profile_lines(dir: &Path, zone: &str, lang: &str) -> Vec<String> {
    let mut command = kruispunt(["--data-dir"]);
    command
        .arg(dir)
        .args(["--lang", lang, "profiles"])
        .env("TZ", zone)
        .stdin(Stdio::null());
    let run = Run::from(command.output().expect("the binary starts")).exits(0);
    run.stdout.lines().skip(1).map(str::to_owned).collect()
}

#[test]
fn times_are_shown_in_the_users_time_zone_and_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The same instants for everyone; files keep them in UTC.
    profile_saved_at(dir.path(), "anna", "2026-12-06T13:05:00Z");
    profile_saved_at(dir.path(), "bo", "2026-07-02T07:30:00Z");
    let stored = std::fs::read_to_string(dir.path().join("anna.json")).expect("the file");
    assert!(
        stored.contains("\"updated_at\": \"2026-12-06T13:05:00Z\""),
        "{stored}"
    );
    let total = item_count();
    let line = |name: &str, when: &str| {
        format!("  {name}: 0 of {total} items completed, last updated on {when}")
    };
    // Brussels: UTC+1 in winter, UTC+2 in summer.
    assert_eq!(
        profile_lines(dir.path(), "Europe/Brussels", "en"),
        [
            line("anna", "6 December 2026 at 14:05"),
            line("bo", "2 July 2026 at 09:30")
        ]
    );
    // New York: UTC−5 in winter, UTC−4 in summer, the same instants.
    assert_eq!(
        profile_lines(dir.path(), "America/New_York", "en"),
        [
            line("anna", "6 December 2026 at 08:05"),
            line("bo", "2 July 2026 at 03:30")
        ]
    );
    // Each language writes the moment its own way.
    let dutch = profile_lines(dir.path(), "Europe/Brussels", "nl");
    assert!(
        dutch[0].ends_with("laatst bijgewerkt op 6 december 2026 om 14:05"),
        "{dutch:?}"
    );
    let french = profile_lines(dir.path(), "Europe/Brussels", "fr");
    assert!(
        french[1].ends_with("dernière mise à jour le 2 juillet 2026 à 09:30"),
        "{french:?}"
    );
    // A zone the system does not know is UTC, never a failure.
    assert_eq!(
        profile_lines(dir.path(), "Nowhere/Atlantis", "en"),
        [
            line("anna", "6 December 2026 at 13:05"),
            line("bo", "2 July 2026 at 07:30")
        ]
    );
}

#[test]
fn damaged_and_newer_files_are_reported_as_such() {
    let dir = tempfile::tempdir().expect("tempdir");
    create_profile(dir.path(), "fine", 1);
    std::fs::write(dir.path().join("broken.json"), "{ not json").expect("write");
    std::fs::write(
        dir.path().join("future.json"),
        r#"{"schema_version": 999, "whatever": true}"#,
    )
    .expect("write");
    let run = run_in(dir.path(), &["profiles"]).exits(0);
    let line = |name: &str| {
        run.stdout
            .lines()
            .find(|l| l.starts_with(&format!("  {name}: ")))
            .unwrap_or_else(|| panic!("a line for {name}:\n{}", run.stdout))
            .to_owned()
    };
    assert!(
        line("broken").contains("the progress file is damaged (not valid JSON"),
        "{}",
        line("broken")
    );
    assert!(
        line("future").contains("newer version of Kruispunt (progress format 999)"),
        "{}",
        line("future")
    );
    assert!(line("fine").contains("1 of "), "{}", line("fine"));
    // Listing touched nothing.
    assert!(dir.path().join("broken.json").exists());
}

#[test]
fn an_empty_or_missing_data_dir_lists_nothing_in_a_friendly_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = run_in(dir.path(), &["profiles"]).exits(0);
    assert_eq!(
        run.stdout,
        format!(
            "No profiles in {} yet; one is made when you start the course.\n",
            dir.path().display()
        )
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);

    let missing = dir.path().join("not-yet");
    let run = run_in(&missing, &["profiles"]).exits(0);
    assert!(run.stdout.starts_with("No profiles in "), "{}", run.stdout);
    assert!(!missing.exists(), "listing creates no directory");
}

#[test]
fn kruispunt_data_dir_is_honoured() {
    let dir = tempfile::tempdir().expect("tempdir");
    create_profile(dir.path(), "from-env", 0);
    let output = kruispunt(["profiles"])
        .env("KRUISPUNT_DATA_DIR", dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("the binary starts");
    let run = Run::from(output).exits(0);
    assert!(run.stdout.contains("  from-env: 0 of "), "{}", run.stdout);

    // The option wins over the variable.
    let other = tempfile::tempdir().expect("tempdir");
    let mut command = kruispunt(["profiles", "--data-dir"]);
    command
        .arg(other.path())
        .env("KRUISPUNT_DATA_DIR", dir.path())
        .stdin(Stdio::null());
    let run = Run::from(command.output().expect("starts")).exits(0);
    assert!(run.stdout.starts_with("No profiles in "), "{}", run.stdout);
}

#[test]
fn forget_yes_deletes_every_file_of_the_profile_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    create_profile(dir.path(), "anna", 1);
    create_profile(dir.path(), "anna", 2); // a second save leaves a backup
    create_profile(dir.path(), "bob", 0);
    assert!(files(dir.path()).contains(&"anna.json.bak".to_owned()));

    let run = run_in(dir.path(), &["forget", "--profile", "anna", "--yes"]).exits(0);
    assert_eq!(run.stdout, "Profile “anna” forgotten: 2 files deleted.\n");
    let left = files(dir.path());
    assert!(
        left.iter().all(|f| !f.starts_with("anna.")),
        "anna's files are gone: {left:?}"
    );
    assert!(left.contains(&"bob.json".to_owned()), "{left:?}");

    let run = run_in(dir.path(), &["profiles"]).exits(0);
    assert!(!run.stdout.contains("anna"), "{}", run.stdout);
}

#[test]
fn forget_without_yes_asks_and_only_a_confirmation_deletes() {
    let dir = tempfile::tempdir().expect("tempdir");
    create_profile(dir.path(), "default", 1);
    let progress = dir.path().join("default.json");

    for answer in ["no\n", "\n", "y\n", "nee\n"] {
        let run = run_with_input(dir.path(), &["forget"], answer).exits(1);
        assert!(progress.exists(), "{answer:?} keeps the profile");
        assert_eq!(run.stdout, "Cancelled; profile “default” is kept.\n");
        assert!(
            run.stderr.contains("Type “yes” to delete"),
            "the question is asked: {}",
            run.stderr
        );
    }

    let run = run_with_input(dir.path(), &["forget"], "yes\n").exits(0);
    assert!(!progress.exists(), "yes deletes");
    assert!(
        run.stdout.starts_with("Profile “default” forgotten"),
        "{}",
        run.stdout
    );

    // The confirmation word of the chosen language.
    create_profile(dir.path(), "default", 0);
    let run = run_with_input(dir.path(), &["--lang", "fr", "forget"], "oui\n").exits(0);
    assert!(
        run.stderr.contains("Tapez «\u{a0}oui\u{a0}»"),
        "{}",
        run.stderr
    );
    assert!(!progress.exists(), "oui deletes");
}

#[test]
fn forget_without_yes_and_without_an_answer_refuses_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    create_profile(dir.path(), "default", 1);
    // stdin is /dev/null: no terminal and no answer.
    let run = run_in(dir.path(), &["forget"]).exits(2);
    assert!(dir.path().join("default.json").exists(), "nothing deleted");
    assert!(
        run.stderr
            .contains("kruispunt: error: not forgetting profile “default” without confirmation"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
}

#[test]
fn invalid_profile_names_are_refused_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let too_long = "a".repeat(65);
    for (name, expected) in [
        ("..", "the profile name “..” contains “.”"),
        ("a/b", "the profile name “a/b” contains “/”"),
        (
            too_long.as_str(),
            "the profile name is 65 characters long; at most 64",
        ),
        ("", "a profile name cannot be empty"),
    ] {
        let run = run_in(dir.path(), &["forget", "--yes", "--profile", name]).exits(2);
        assert!(
            run.stderr
                .starts_with(&format!("kruispunt: error: {expected}")),
            "{name:?}: {}",
            run.stderr
        );
    }
    let run = run_in(dir.path(), &["--lang", "nl", "export", "--profile", "a/b"]).exits(2);
    assert!(
        run.stderr
            .starts_with("kruispunt: fout: de profielnaam “a/b” bevat “/”"),
        "{}",
        run.stderr
    );
    assert!(files(dir.path()).is_empty(), "nothing created");
}

#[test]
fn forgetting_a_profile_that_does_not_exist_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = run_in(dir.path(), &["forget", "--profile", "nobody", "--yes"]).exits(1);
    assert_eq!(
        run.stderr,
        format!(
            "kruispunt: error: there is no profile “nobody” in {}\n",
            dir.path().display()
        )
    );
}

#[test]
fn a_profile_in_use_is_not_forgotten_and_the_holder_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    create_profile(dir.path(), "busy", 1);
    let course = builtin();
    let store = ProfileStore::new(dir.path());
    let name = ProfileName::new("busy").expect("valid");
    // This test process holds the profile while the binary tries to forget it.
    let held = store
        .open(&name, &CourseStamp::of(&course))
        .expect("the profile opens");
    let run = run_in(dir.path(), &["forget", "--profile", "busy", "--yes"]).exits(1);
    assert!(
        run.stderr.starts_with(&format!(
            "kruispunt: error: profile “busy” is in use by another running Kruispunt (process {})",
            std::process::id()
        )),
        "{}",
        run.stderr
    );
    assert!(dir.path().join("busy.json").exists(), "nothing deleted");
    drop(held);
    run_in(dir.path(), &["forget", "--profile", "busy", "--yes"]).exits(0);
    assert!(!dir.path().join("busy.json").exists());
}
