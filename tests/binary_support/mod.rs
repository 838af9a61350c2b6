//! Running the real `kruispunt` binary in tests: in English, without the machine's locale
//! or data directory settings, and checking every run for panics and isolation marks.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::process::{Command, Output};

/// Environment variables that choose the interface language or the data directory; every
/// run starts without them so the machine's settings cannot change the results.
pub const LOCALE_AND_DATA_ENV: [&str; 6] = [
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "KRUISPUNT_LANG",
    "KRUISPUNT_DATA_DIR",
];

/// Environment variables that name a config file or give a setting of one
/// (`kruispunt.toml`): every run starts without them, and with a config directory that does
/// not exist ([`NO_CONFIG_HOME`]), so no config file of the machine is read.
pub const CONFIG_ENV: [&str; 2] = ["KRUISPUNT_CONFIG", "KRUISPUNT_COURSE"];

/// The name of the config directory every run is given (`XDG_CONFIG_HOME`), under the
/// temporary directory; nothing creates it.
pub const NO_CONFIG_HOME: &str = "kruispunt-tests-without-config";

/// Unicode isolation marks, which Fluent adds around arguments unless told not to.
pub const ISOLATION_MARKS: [char; 2] = ['\u{2068}', '\u{2069}'];

/// The binary with `args`, in English (`KRUISPUNT_LANG=en`), showing times in UTC
/// (`TZ=UTC`, whatever the machine's zone; a test may set `TZ` again), and with no other
/// locale, data directory or config file settings.
pub fn command<I: AsRef<OsStr>>(args: impl IntoIterator<Item = I>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kruispunt"));
    command.args(args);
    for name in LOCALE_AND_DATA_ENV.into_iter().chain(CONFIG_ENV) {
        command.env_remove(name);
    }
    command.env("XDG_CONFIG_HOME", std::env::temp_dir().join(NO_CONFIG_HOME));
    command.env("KRUISPUNT_LANG", "en");
    command.env("TZ", "UTC");
    command
}

/// What one run printed and how it exited.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl From<Output> for Run {
    /// Also checks, for every run, that nothing panicked and that no output has Unicode
    /// isolation marks.
    fn from(output: Output) -> Self {
        let run = Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        };
        assert!(!run.stderr.contains("panicked"), "panic:\n{}", run.stderr);
        assert!(
            !run.stdout.contains(ISOLATION_MARKS) && !run.stderr.contains(ISOLATION_MARKS),
            "isolation marks in the output:\n{}{}",
            run.stdout,
            run.stderr
        );
        run
    }
}

impl Run {
    /// Runs `command` to completion.
    #[track_caller]
    pub fn of(command: &mut Command) -> Self {
        Run::from(command.output().expect("the binary starts"))
    }

    /// Asserts the exit code, showing the output when it differs.
    #[track_caller]
    pub fn exits(self, code: i32) -> Self {
        assert_eq!(
            self.code,
            Some(code),
            "exit code\n--- stdout\n{}--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

/// Copies `from` into `to`, recursively.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("a directory");
    for entry in std::fs::read_dir(from).expect("the fixture") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}
