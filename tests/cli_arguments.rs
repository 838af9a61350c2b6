//! Command lines the binary refuses: what clap found wrong, in the language of the run, with
//! what was expected; and options refused where they mean nothing.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod binary_support;

use binary_support::Run;

/// `kruispunt ARGS` in English, with stdin closed.
fn kruispunt(args: &[&str]) -> Command {
    let mut command = binary_support::command(args);
    command.stdin(Stdio::null());
    command
}

/// `kruispunt ARGS` with `LANG=C.UTF-8` and no `KRUISPUNT_LANG`: no language preference, so
/// the course's default locale decides.
fn without_preference(args: &[&str]) -> Command {
    let mut command = kruispunt(args);
    command.env_remove("KRUISPUNT_LANG").env("LANG", "C.UTF-8");
    command
}

/// A course whose default locale is English.
fn english_course() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report/course")
}

// ---------------------------------------------------------------- item 20: what was expected

#[test]
fn a_missing_kind_is_named_with_its_possible_values() {
    let run = Run::of(&mut kruispunt(&["schema"])).exits(2);
    assert_eq!(
        run.stderr,
        "kruispunt: error: a required argument is missing: <KIND>\n\
         \x20 possible values of <KIND>: course, lesson, scenario\n\
         Usage: kruispunt schema <KIND>\n\
         Run “kruispunt schema --help” for more information.\n"
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn missing_arguments_are_named_for_every_command() {
    let report = Run::of(&mut kruispunt(&["report"])).exits(2);
    assert!(
        report
            .stderr
            .starts_with("kruispunt: error: a required argument is missing: <FILE>..."),
        "{}",
        report.stderr
    );
    assert!(
        report
            .stderr
            .ends_with("Run “kruispunt report --help” for more information.\n"),
        "{}",
        report.stderr
    );
    let export = Run::of(&mut kruispunt(&["session", "export"])).exits(2);
    assert!(
        export
            .stderr
            .starts_with("kruispunt: error: a required argument is missing: <ID>\n"),
        "{}",
        export.stderr
    );
    assert!(
        export.stderr.contains("Usage: kruispunt session export "),
        "{}",
        export.stderr
    );
    assert!(
        export
            .stderr
            .ends_with("Run “kruispunt session export --help” for more information.\n"),
        "{}",
        export.stderr
    );
    // A command group without its command lists the commands it has.
    let session = Run::of(&mut kruispunt(&["session"])).exits(2);
    assert!(
        session
            .stderr
            .starts_with("kruispunt: error: “kruispunt session” needs a command\n"),
        "{}",
        session.stderr
    );
    assert!(
        session.stderr.contains("commands: list, export"),
        "{}",
        session.stderr
    );
}

#[test]
fn a_wrong_value_lists_the_possible_ones_and_the_nearest() {
    let run = Run::of(&mut kruispunt(&["schema", "cours"])).exits(2);
    assert_eq!(
        run.stderr,
        "kruispunt: error: invalid value “cours” for <KIND>\n\
         \x20 possible values: course, lesson, scenario\n\
         \x20 a similar value exists: course\n\
         Run “kruispunt schema --help” for more information.\n"
    );
    let format = Run::of(&mut kruispunt(&["validate", "--format", "yaml"])).exits(2);
    assert!(
        format
            .stderr
            .starts_with("kruispunt: error: invalid value “yaml” for --format <FORMAT>\n  possible values: text, json, github, sarif\n"),
        "{}",
        format.stderr
    );
}

#[test]
fn a_mistyped_command_gets_the_similar_one() {
    let run = Run::of(&mut kruispunt(&["sesion", "list"])).exits(2);
    assert!(
        run.stderr.starts_with(
            "kruispunt: error: unknown command “sesion”\n  a similar command exists: session\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("Run “kruispunt --help” for more information.\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn argument_errors_are_worded_in_the_language_of_the_run() {
    let nl = Run::of(&mut kruispunt(&["--lang", "nl", "schema"])).exits(2);
    assert_eq!(
        nl.stderr,
        "kruispunt: fout: er ontbreekt een verplicht argument: <KIND>\n\
         \x20 mogelijke waarden voor <KIND>: course, lesson, scenario\n\
         Gebruik: kruispunt schema <KIND>\n\
         Typ “kruispunt schema --help” voor meer uitleg.\n"
    );
    let fr = Run::of(&mut kruispunt(&["--lang", "fr", "schema", "module"])).exits(2);
    assert_eq!(
        fr.stderr,
        "kruispunt\u{a0}: erreur\u{a0}: valeur non valide «\u{a0}module\u{a0}» pour <KIND>\n\
         \x20 valeurs possibles\u{a0}: course, lesson, scenario\n\
         Tapez «\u{a0}kruispunt schema --help\u{a0}» pour en savoir plus.\n"
    );
    let unknown = Run::of(&mut kruispunt(&["--lang", "nl", "outline", "--bogus"])).exits(2);
    assert!(
        unknown
            .stderr
            .starts_with("kruispunt: fout: onverwacht argument “--bogus”\n"),
        "{}",
        unknown.stderr
    );
    assert!(
        !unknown.stderr.contains("For more information") && !unknown.stderr.contains("tip:"),
        "nothing left in English:\n{}",
        unknown.stderr
    );
}

// ---------------------------------------------------------------- item 21: options where they mean something

#[test]
fn options_of_the_interactive_course_are_refused_after_another_command() {
    let run = Run::of(&mut kruispunt(&[
        "schema",
        "course",
        "--plain",
        "--facilitator",
    ]))
    .exits(2);
    assert!(
        run.stderr
            .starts_with("kruispunt: error: unexpected argument “--plain”\n"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "no schema printed:\n{}", run.stdout);
    let profile = Run::of(&mut kruispunt(&["outline", "--profile", "anna"])).exits(2);
    assert!(
        profile
            .stderr
            .starts_with("kruispunt: error: unexpected argument “--profile”\n"),
        "{}",
        profile.stderr
    );
}

#[test]
fn options_before_a_command_that_has_no_use_for_them_are_refused() {
    let run = Run::of(&mut kruispunt(&[
        "--plain",
        "--profile",
        "anna",
        "schema",
        "course",
    ]))
    .exits(2);
    assert_eq!(
        run.stderr,
        "kruispunt: error: “kruispunt schema” does not take --plain, --profile <NAME>\n\
         Run “kruispunt schema --help” for more information.\n"
    );
    assert!(run.stdout.is_empty(), "no schema printed:\n{}", run.stdout);
    let data = tempfile::tempdir().expect("tempdir");
    let data_dir = data.path().to_str().expect("UTF-8 path");
    let migrate = Run::of(&mut kruispunt(&["--data-dir", data_dir, "outline"])).exits(2);
    assert!(
        migrate
            .stderr
            .starts_with("kruispunt: error: “kruispunt outline” does not take --data-dir <DIR>\n"),
        "{}",
        migrate.stderr
    );
    // Where the command has the option, it may come before the command.
    let forget = Run::of(&mut kruispunt(&[
        "--data-dir",
        data_dir,
        "--profile",
        "nobody",
        "forget",
        "--yes",
    ]))
    .exits(1);
    assert!(forget.stderr.contains("“nobody”"), "{}", forget.stderr);
    // Not twice, though.
    let twice = Run::of(&mut kruispunt(&[
        "--profile",
        "a",
        "forget",
        "--profile",
        "b",
        "--yes",
    ]))
    .exits(2);
    assert!(
        twice
            .stderr
            .starts_with("kruispunt: error: --profile <NAME> can be given only once\n"),
        "{}",
        twice.stderr
    );
}

#[test]
fn facilitator_mode_opens_no_profile() {
    let run = Run::of(&mut kruispunt(&["--facilitator", "--profile", "anna"])).exits(2);
    assert!(
        run.stderr
            .starts_with("kruispunt: error: --facilitator cannot be used with --profile <NAME>\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn help_of_a_command_lists_only_its_own_options() {
    let schema = Run::of(&mut kruispunt(&["schema", "--help"])).exits(0);
    for option in [
        "--plain",
        "--facilitator",
        "--profile",
        "--data-dir",
        "--course",
    ] {
        assert!(
            !schema.stdout.contains(option),
            "{option} in:\n{}",
            schema.stdout
        );
    }
    assert!(schema.stdout.contains("<KIND>"), "{}", schema.stdout);
    assert!(schema.stdout.contains("--lang"), "{}", schema.stdout);
    let forget = Run::of(&mut kruispunt(&["forget", "--help"])).exits(0);
    for option in ["--profile", "--data-dir", "--yes"] {
        assert!(
            forget.stdout.contains(option),
            "{option} in:\n{}",
            forget.stdout
        );
    }
    assert!(!forget.stdout.contains("--plain"), "{}", forget.stdout);
    let top = Run::of(&mut kruispunt(&["--help"])).exits(0);
    for option in [
        "--plain",
        "--facilitator",
        "--profile",
        "--data-dir",
        "--course",
        "--lang",
    ] {
        assert!(top.stdout.contains(option), "{option} in:\n{}", top.stdout);
    }
}

// ---------------------------------------------------------------- item 22: plain facilitator

#[test]
fn facilitator_mode_has_no_plain_version() {
    let run = Run::of(&mut kruispunt(&["--plain", "--facilitator"])).exits(2);
    assert!(
        run.stderr
            .starts_with("kruispunt: error: facilitator mode has no plain version"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("the output goes to a pipe"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------- item 23: one language per run

#[test]
fn without_a_preference_argument_errors_speak_the_course_default() {
    // The built-in course is Dutch first; so is every message of the run.
    let refused = Run::of(&mut without_preference(&["schema"])).exits(2);
    assert!(
        refused
            .stderr
            .starts_with("kruispunt: fout: er ontbreekt een verplicht argument: <KIND>\n"),
        "{}",
        refused.stderr
    );
    // As an error found once the arguments are read.
    let failed = Run::of(&mut without_preference(&[
        "forget",
        "--yes",
        "--profile",
        "a/b",
    ]))
    .exits(2);
    assert!(
        failed
            .stderr
            .starts_with("kruispunt: fout: de profielnaam “a/b” bevat “/”"),
        "{}",
        failed.stderr
    );
    // A course that is English first makes the refusal English, as it makes the rest.
    let english =
        Run::of(without_preference(&["outline", "--bogus", "--course"]).arg(english_course()))
            .exits(2);
    assert!(
        english
            .stderr
            .starts_with("kruispunt: error: unexpected argument “--bogus”\n"),
        "{}",
        english.stderr
    );
    let validate =
        Run::of(without_preference(&["validate", "--format", "yaml"]).arg(english_course()))
            .exits(2);
    assert!(
        validate.stderr.starts_with("kruispunt: error: "),
        "{}",
        validate.stderr
    );
}
