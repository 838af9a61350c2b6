//! End-to-end tests of the config file, `kruispunt.toml`, through the binary: its settings
//! are used, the command line beats the environment which beats the file, and a missing or
//! wrong file stops the program with exit code 2 and a message in the interface language
//! that names the file, the line and the key. Every run gets its own temporary config
//! directory (`XDG_CONFIG_HOME`) and working directory.

// Test code fails loudly by design: an unwrap or expect that fails is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

mod binary_support;

use binary_support::Run;

/// A temporary home for one test: `xdg/` is the config directory, `work/` the working
/// directory of every run.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        let home = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        fs::create_dir_all(home.work()).unwrap();
        home
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn work(&self) -> PathBuf {
        self.root().join("work")
    }

    /// The default config file, `kruispunt/kruispunt.toml` in `XDG_CONFIG_HOME`.
    fn default_config(&self) -> PathBuf {
        self.root().join("xdg/kruispunt/kruispunt.toml")
    }

    /// Writes `text` to `path`, creating its directory.
    fn write(&self, path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// The binary with `args`, run in `work/` with this home's config directory, in
    /// English, with `env` set.
    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = binary_support::command(args);
        command
            .current_dir(self.work())
            .env("XDG_CONFIG_HOME", self.root().join("xdg"))
            .stdin(Stdio::null());
        for (name, value) in env {
            command.env(name, value);
        }
        Run::from(command.output().expect("the binary starts"))
    }
}

/// Copies the directory `from` into `to`.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A small course (version 0.1.0, unlike the built-in course) copied to `dir`.
fn small_course(dir: &Path) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
    copy_dir(&fixture, dir);
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

#[test]
fn the_course_and_data_dir_of_the_config_file_are_used_relative_to_the_file() {
    let home = Home::new();
    // Relative to the file's directory, not to the working directory.
    small_course(&home.root().join("xdg/kruispunt/courses/mine"));
    home.write(
        &home.default_config(),
        "version = 1\ncourse = \"courses/mine\"\ndata_dir = \"progress\"\n",
    );
    let outline = home.run(&["outline", "--format", "json"], &[]).exits(0);
    assert_eq!(json(&outline)["course"]["version"], "0.1.0");
    let profiles = home.run(&["profiles", "--format", "json"], &[]).exits(0);
    let expected = home.root().join("xdg/kruispunt/progress");
    assert_eq!(json(&profiles)["data_dir"], expected.display().to_string());

    // The same file named with --config, from anywhere.
    let named = home.root().join("elsewhere.toml");
    small_course(&home.root().join("other-course"));
    home.write(&named, "course = \"other-course\"\n");
    let mut command = binary_support::command(["outline", "--format", "json", "--config"]);
    command
        .arg(&named)
        .current_dir(home.work())
        .env("XDG_CONFIG_HOME", home.root().join("xdg"));
    let run = Run::from(command.output().unwrap()).exits(0);
    assert_eq!(json(&run)["course"]["version"], "0.1.0");
}

#[test]
fn the_command_line_beats_the_environment_which_beats_the_config_file() {
    let home = Home::new();
    home.write(
        &home.default_config(),
        "course = \"/nowhere/from-file\"\ndata_dir = \"/nowhere/data-file\"\nlang = \"fr\"\n",
    );
    // (flag given, environment given) -> the name of the winner.
    let table = [
        (false, false, "file"),
        (false, true, "env"),
        (true, false, "flag"),
        (true, true, "flag"),
    ];
    for (flag, env, winner) in table {
        let mut args = vec!["outline"];
        let mut profiles = vec!["profiles", "--format", "json"];
        let mut lang_args = vec!["config", "show", "--format", "json"];
        let mut vars = vec![("KRUISPUNT_LANG", "")];
        if flag {
            args.extend(["--course", "/nowhere/from-flag"]);
            profiles.extend(["--data-dir", "/nowhere/data-flag"]);
            lang_args.extend([
                "--lang",
                "en",
                "--course",
                "/nowhere/from-flag",
                "--data-dir",
                "/nowhere/data-flag",
            ]);
        }
        if env {
            vars = vec![
                ("KRUISPUNT_COURSE", "/nowhere/from-env"),
                ("KRUISPUNT_DATA_DIR", "/nowhere/data-env"),
                ("KRUISPUNT_LANG", "nl"),
            ];
        }
        // The course that is read is the winner's: it does not exist, and the error says so.
        let run = home.run(&args, &vars).exits(2);
        assert!(
            run.stderr.contains(&format!("from-{winner}")),
            "{winner}: {}",
            run.stderr
        );
        let run = home.run(&profiles, &vars).exits(0);
        assert_eq!(
            json(&run)["data_dir"],
            format!("/nowhere/data-{winner}"),
            "{winner}"
        );
        let run = home.run(&lang_args, &vars).exits(0);
        let shown = json(&run);
        let lang = match winner {
            "flag" => "en",
            "env" => "nl",
            _ => "fr",
        };
        assert_eq!(shown["settings"]["lang"]["value"], lang, "{winner}");
        for key in ["course", "lang", "data_dir"] {
            assert_eq!(shown["settings"][key]["source"], winner, "{key}");
        }
    }
}

#[test]
fn the_language_of_the_config_file_is_the_interface_language() {
    let home = Home::new();
    home.write(&home.default_config(), "lang = \"nl\"\n");
    let run = home
        .run(&["outline", "--format", "json"], &[("KRUISPUNT_LANG", "")])
        .exits(0);
    assert_eq!(json(&run)["language"], "nl");
    let run = home
        .run(
            &["outline", "--format", "json"],
            &[("KRUISPUNT_LANG", "fr")],
        )
        .exits(0);
    assert_eq!(json(&run)["language"], "fr");
}

#[test]
fn a_missing_named_config_file_stops_with_exit_code_2_in_the_interface_language() {
    let home = Home::new();
    let run = home
        .run(&["--config", "missing.toml", "outline"], &[])
        .exits(2);
    assert_eq!(
        run.stderr.trim(),
        "kruispunt: error: the config file missing.toml (given with --config) does not exist"
    );
    let run = home
        .run(
            &["outline", "--config", "missing.toml"],
            &[("KRUISPUNT_LANG", "nl")],
        )
        .exits(2);
    assert!(
        run.stderr
            .contains("het configuratiebestand missing.toml (opgegeven met --config) bestaat niet"),
        "{}",
        run.stderr
    );
    let run = home
        .run(&["outline"], &[("KRUISPUNT_CONFIG", "gone.toml")])
        .exits(2);
    assert!(
        run.stderr.contains("gone.toml (named by KRUISPUNT_CONFIG)"),
        "{}",
        run.stderr
    );
    // A directory (or a FIFO) is not read.
    let run = home.run(&["--config", ".", "outline"], &[]).exits(2);
    assert!(
        run.stderr
            .contains("cannot read the config file .: it is not a regular file"),
        "{}",
        run.stderr
    );
    // No file in the platform's config directory is no error.
    home.run(&["outline"], &[]).exits(0);
}

#[test]
fn an_unknown_key_is_named_with_its_file_and_line_in_dutch_and_english() {
    let home = Home::new();
    let file = home.default_config();
    home.write(
        &file,
        "# Mijn instellingen\nlang = \"nl\"\ndata-dir = \"d\"\n",
    );
    let place = format!("{}:3:1", file.display());
    let english = home.run(&["outline"], &[]).exits(2);
    assert_eq!(
        english.stderr.trim(),
        format!(
            "kruispunt: error: {place}: unknown setting “data-dir” (did you mean “data_dir”?); \
             the settings are version, course, lang, data_dir, lrs.endpoint, csv_delimiter"
        )
    );
    let dutch = home.run(&["outline"], &[("KRUISPUNT_LANG", "nl")]).exits(2);
    assert!(
        dutch.stderr.starts_with(&format!(
            "kruispunt: fout: {place}: onbekende instelling “data-dir” (bedoel je “data_dir”?)"
        )),
        "{}",
        dutch.stderr
    );
    assert!(english.stdout.is_empty() && dutch.stdout.is_empty());
    // `config path` still says where the broken file is.
    let path = home.run(&["config", "path"], &[]).exits(0);
    assert_eq!(path.stdout.trim(), file.display().to_string());
}

#[test]
fn wrong_types_bad_values_and_secrets_are_refused_by_key_and_line() {
    let home = Home::new();
    let file = home.default_config();
    for (text, expected) in [
        ("lang = 3\n", ":1:8: “lang” must be text in quotes"),
        (
            "\nlang = \"de\"\n",
            ":2:8: lang “de” is not a language of the interface",
        ),
        (
            "version = 2\n",
            ":1:11: version 2 of the config file is not known",
        ),
        (
            "csv_delimiter = \"ab\"\n",
            ":1:17: csv_delimiter “ab” must be one character",
        ),
        (
            "[lrs]\nendpoint = \"ftp://lrs\"\n",
            ":2:12: lrs.endpoint ftp://lrs is not a URL",
        ),
        (
            "[lrs]\npassword = \"hunter2\"\n",
            ":2:1: “lrs.password” does not belong in the config file",
        ),
        ("lang = \"nl\n", ":1:"),
    ] {
        home.write(&file, text);
        let run = home.run(&["outline"], &[]).exits(2);
        let place = format!("{}{expected}", file.display());
        assert!(run.stderr.contains(&place), "{text:?}: {}", run.stderr);
        assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);
    }
}

#[test]
fn config_show_says_where_every_setting_comes_from_and_never_a_secret() {
    let home = Home::new();
    home.write(
        &home.default_config(),
        "csv_delimiter = \";\"\n[lrs]\nendpoint = \"https://lrs.example/xapi\"\n",
    );
    let run = home
        .run(
            &["config", "show", "--format", "json", "--course", "c"],
            &[
                ("KRUISPUNT_DATA_DIR", "/srv/data"),
                ("KRUISPUNT_LRS_PASSWORD", "hunter2"),
            ],
        )
        .exits(0);
    let shown = json(&run);
    assert_eq!(shown["format_version"], 1);
    assert_eq!(shown["kind"], "kruispunt-config");
    assert_eq!(
        shown["file"],
        home.default_config().display().to_string().as_str()
    );
    assert_eq!(shown["file_found"], true);
    let settings = &shown["settings"];
    let pairs = |key: &str| {
        (
            settings[key]["value"].clone(),
            settings[key]["source"].clone(),
        )
    };
    assert_eq!(pairs("course"), ("c".into(), "flag".into()));
    assert_eq!(pairs("lang"), ("en".into(), "env".into()));
    assert_eq!(pairs("data_dir"), ("/srv/data".into(), "env".into()));
    assert_eq!(
        pairs("lrs.endpoint"),
        ("https://lrs.example/xapi".into(), "file".into())
    );
    assert_eq!(pairs("csv_delimiter"), (";".into(), "file".into()));
    assert!(!run.stdout.contains("hunter2"));

    let text = home.run(&["config", "show"], &[]).exits(0);
    assert!(
        text.stdout
            .contains("lrs.endpoint: https://lrs.example/xapi (config file)"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("course: the built-in course (default)"),
        "{}",
        text.stdout
    );
}

#[test]
fn the_lrs_endpoint_of_the_config_file_reaches_xapi_send_after_lrs_json() {
    let home = Home::new();
    let send = ["xapi", "send", "--attempts", "1"];
    // Without an endpoint anywhere, the endpoint is what is missing.
    let run = home.run(&send, &[]).exits(2);
    assert!(run.stderr.contains("no LRS endpoint"), "{}", run.stderr);
    // With the file's, the next missing setting is the user name.
    home.write(
        &home.default_config(),
        "lrs.endpoint = \"https://lrs.example/xapi\"\n",
    );
    let run = home.run(&send, &[]).exits(2);
    assert!(run.stderr.contains("no LRS user name"), "{}", run.stderr);
    // `config show` says lrs.json (from `xapi configure`) comes before it.
    let lrs_json = home.root().join("lrs.json");
    let mut command = binary_support::command([
        "xapi",
        "configure",
        "--endpoint",
        "https://saved.example/xapi",
    ]);
    command
        .current_dir(home.work())
        .env("XDG_CONFIG_HOME", home.root().join("xdg"))
        .env("KRUISPUNT_LRS_CONFIG", &lrs_json);
    Run::from(command.output().unwrap()).exits(0);
    let run = home
        .run(
            &["config", "show", "--format", "json"],
            &[("KRUISPUNT_LRS_CONFIG", lrs_json.to_str().unwrap())],
        )
        .exits(0);
    let endpoint = &json(&run)["settings"]["lrs.endpoint"];
    assert_eq!(endpoint["value"], "https://saved.example/xapi");
    assert_eq!(endpoint["source"], "lrs-file");
}

#[test]
fn a_refused_command_line_is_told_in_the_language_of_the_config_file() {
    let home = Home::new();
    let named = home.root().join("named.toml");
    home.write(&named, "lang = \"nl\"\n");
    let expected = "kruispunt: fout: onverwacht argument “--bogus”";
    let run = home
        .run(
            &["outline", "--bogus", "--config", named.to_str().unwrap()],
            &[("KRUISPUNT_LANG", "")],
        )
        .exits(2);
    assert!(run.stderr.starts_with(expected), "{}", run.stderr);
    home.write(&home.default_config(), "lang = \"nl\"\n");
    let run = home
        .run(&["outline", "--bogus"], &[("KRUISPUNT_LANG", "")])
        .exits(2);
    assert!(run.stderr.starts_with(expected), "{}", run.stderr);
    // The environment still goes first, and a broken file does not hide the refusal.
    let run = home.run(&["outline", "--bogus"], &[]).exits(2);
    assert!(
        run.stderr
            .starts_with("kruispunt: error: unexpected argument"),
        "{}",
        run.stderr
    );
    home.write(&home.default_config(), "lang = 3\n");
    let run = home
        .run(&["outline", "--bogus"], &[("KRUISPUNT_LANG", "")])
        .exits(2);
    assert!(run.stderr.contains("--bogus"), "{}", run.stderr);
}
