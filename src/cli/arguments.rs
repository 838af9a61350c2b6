//! A command line clap refused (or refused by [`Cli::resolve`]), told in the language of the
//! run: what is wrong, what was expected (the missing arguments, the possible values, a
//! similar command or value), how the command is used, and which `--help` to read.
//!
//! clap's own message is English; its error carries the same facts as context
//! ([`ContextKind`]), and they are put in words here, with the Fluent messages
//! `argument-*`. clap's `--help` text stays English.

use super::messages::Ui;
use super::{Cli, EXIT_FAILURE, finish_output, ui_for_run};
use crate::msg_args;
use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Prints what is wrong with `args` (the whole command line, program name first) and
/// returns the exit code; `--help` and `--version`, which clap reports as errors too, are
/// printed by clap.
pub(super) fn refused(error: &clap::Error, args: &[OsString]) -> ExitCode {
    let seen = Seen::of(args);
    let (lang, course) = super::settings::for_refused(
        seen.config.as_deref(),
        seen.lang.clone(),
        seen.course.clone(),
    );
    let mut ui = ui_for_run(lang, course.as_deref());
    let code = u8::try_from(error.exit_code()).unwrap_or(EXIT_FAILURE);
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        // A closed pipe (`kruispunt --help | head -1`) is the reader's choice; any other
        // failure to write the help (a full disk) is an error, or a script would take an
        // empty file for the help.
        let printed = error.print().and_then(|()| io::stdout().lock().flush());
        return match finish_output(printed, &ui) {
            Ok(()) => ExitCode::from(code),
            Err(failure) => {
                let _ = writeln!(io::stderr().lock(), "{}", ui.fatal(&failure.message));
                ExitCode::from(failure.code)
            }
        };
    }
    ui.show_notice();
    let mut err = io::stderr().lock();
    // A closed stderr leaves nowhere to report that; the exit code still says it.
    for line in explain(error, &seen.path, &ui) {
        let _ = writeln!(err, "{line}");
    }
    ExitCode::from(code)
}

/// What a refused command line tells about the run, as far as it can be read.
#[derive(Debug, Default, PartialEq, Eq)]
struct Seen {
    /// `--lang`.
    lang: Option<String>,
    /// The course directory (`--course`, or the directory of `validate`), for its default
    /// locale.
    course: Option<PathBuf>,
    /// The commands named, e.g. `["session", "export"]`.
    path: Vec<String>,
    /// `--config`.
    config: Option<PathBuf>,
}

impl Seen {
    /// Reads `args` as far as clap gets when it ignores errors, and finds `--lang`,
    /// `--course` and `--config` wherever they are.
    fn of(args: &[OsString]) -> Self {
        let mut seen = Self {
            lang: option_in_args(args.iter().skip(1).cloned(), "--lang"),
            course: option_in_args(args.iter().skip(1).cloned(), "--course").map(PathBuf::from),
            path: Vec::new(),
            config: option_in_args(args.iter().skip(1).cloned(), "--config").map(PathBuf::from),
        };
        let Ok(matches) = Cli::command()
            .ignore_errors(true)
            .try_get_matches_from(args)
        else {
            return seen;
        };
        let mut current = &matches;
        while let Some((name, sub)) = current.subcommand() {
            seen.path.push(name.to_owned());
            current = sub;
        }
        // clap stops reading at the first error, so the DIR of `validate` is looked for in
        // the arguments themselves.
        if seen.path == ["validate"]
            && let Some(dir) = first_positional_after("validate", args)
        {
            seen.course = Some(PathBuf::from(dir));
        }
        seen
    }
}

/// The first positional argument after the command `name` in `args`, skipping the values
/// of its options (`validate --format json DIR` gives `DIR`).
fn first_positional_after(name: &str, args: &[OsString]) -> Option<OsString> {
    let command = command_at(&[name.to_owned()]);
    let takes_value = |long: &str| {
        command
            .get_arguments()
            .any(|arg| arg.get_long() == Some(long) && arg.get_action().takes_values())
    };
    let start = args.iter().skip(1).position(|arg| arg == name)? + 2;
    let mut rest = args.iter().skip(start);
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            return rest.next().cloned();
        } else if let Some(long) = text.strip_prefix("--") {
            if !long.contains('=') && takes_value(long) {
                rest.next();
            }
        } else if !text.starts_with('-') || text == "-" {
            return Some(arg.clone());
        }
    }
    None
}

/// The value of the option `name` (`--lang fr` or `--lang=fr`) in `args`, the last one
/// given; nothing after `--` counts.
fn option_in_args(args: impl IntoIterator<Item = OsString>, name: &str) -> Option<String> {
    let mut args = args.into_iter();
    let with_equals = format!("{name}=");
    let mut found = None;
    while let Some(arg) = args.next() {
        let arg = arg.to_string_lossy().into_owned();
        if arg == "--" {
            break;
        } else if arg == name {
            found = args.next().map(|v| v.to_string_lossy().into_owned());
        } else if let Some(value) = arg.strip_prefix(&with_equals) {
            found = Some(value.to_owned());
        }
    }
    found
}

/// The lines that explain `error`: the error itself (`kruispunt: error: …`), what was
/// expected (indented), how the command is used, and where to read more. `path` names the
/// command the line was for (`["schema"]`), whose `--help` is meant.
fn explain(error: &clap::Error, path: &[String], ui: &Ui) -> Vec<String> {
    let command = command_at(path);
    let (detail, mut notes) = match describe(error, &command, ui) {
        Some(described) => described,
        // Every error clap gives this command line is described; an error without its
        // context still says what clap says, in a frame in the language of the run.
        None => (
            ui.msg(
                "error-bad-argument",
                &msg_args!("detail" => clap_first_line(error)),
            ),
            Vec::new(),
        ),
    };
    notes.extend(suggestions(error, &command, ui));
    let mut lines = vec![ui.fatal(&detail)];
    lines.extend(notes.into_iter().map(|note| format!("  {note}")));
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        lines.push(ui.msg("argument-usage", &msg_args!("usage" => usage)));
    }
    let name = std::iter::once("kruispunt")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    lines.push(ui.msg("error-usage-hint", &msg_args!("command" => name)));
    lines
}

/// The (sub)command that `path` names, as far as it exists, built (so that its arguments
/// show as clap shows them).
fn command_at(path: &[String]) -> clap::Command {
    let mut command = Cli::command();
    command.build();
    for name in path {
        match command.find_subcommand(name) {
            Some(sub) => command = sub.clone(),
            None => break,
        }
    }
    command
}

/// clap's own first line, without its `error: `.
fn clap_first_line(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first.trim_start_matches("error: ").to_owned()
}

/// A string from the context.
fn text(error: &clap::Error, kind: ContextKind) -> Option<&str> {
    match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value),
        _ => None,
    }
}

/// A list from the context.
fn list(error: &clap::Error, kind: ContextKind) -> Option<&[String]> {
    match error.get(kind) {
        Some(ContextValue::Strings(values)) => Some(values),
        _ => None,
    }
}

/// The error in words, and what was expected; `None` when its context is missing.
fn describe(
    error: &clap::Error,
    command: &clap::Command,
    ui: &Ui,
) -> Option<(String, Vec<String>)> {
    let arg = text(error, ContextKind::InvalidArg);
    let value = text(error, ContextKind::InvalidValue);
    let described = match error.kind() {
        ErrorKind::MissingRequiredArgument => {
            let missing = list(error, ContextKind::InvalidArg)?;
            let detail = ui.msg(
                "argument-missing",
                &msg_args!("args" => missing.join(", "), "count" => missing.len()),
            );
            // clap names them; what they may be is in the command's definition.
            let notes = missing
                .iter()
                .filter_map(|shown| {
                    let values = possible_values(command, shown);
                    (!values.is_empty()).then(|| {
                        ui.msg(
                            "argument-possible-values-of",
                            &msg_args!("arg" => shown.as_str(), "values" => values.join(", ")),
                        )
                    })
                })
                .collect();
            (detail, notes)
        }
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            let detail = if value.is_empty() {
                ui.msg("argument-needs-value", &msg_args!("arg" => arg))
            } else {
                ui.msg(
                    "argument-invalid-value",
                    &msg_args!("arg" => arg, "value" => value),
                )
            };
            let notes = list(error, ContextKind::ValidValue)
                .filter(|values| !values.is_empty())
                .map(|values| {
                    ui.msg(
                        "argument-possible-values",
                        &msg_args!("values" => values.join(", ")),
                    )
                });
            (detail, notes.into_iter().collect())
        }
        ErrorKind::ValueValidation => (
            ui.msg(
                "argument-invalid-value",
                &msg_args!("arg" => arg?, "value" => value?),
            ),
            Vec::new(),
        ),
        ErrorKind::UnknownArgument => (
            ui.msg("argument-unexpected", &msg_args!("arg" => arg?)),
            Vec::new(),
        ),
        ErrorKind::InvalidSubcommand => {
            let name = text(error, ContextKind::InvalidSubcommand)?;
            (
                ui.msg("argument-unknown-command", &msg_args!("name" => name)),
                Vec::new(),
            )
        }
        ErrorKind::MissingSubcommand => {
            let parent = text(error, ContextKind::InvalidSubcommand)?;
            let notes = list(error, ContextKind::ValidSubcommand)
                .filter(|names| !names.is_empty())
                .map(|names| ui.msg("argument-commands", &msg_args!("names" => names.join(", "))));
            (
                ui.msg("argument-needs-command", &msg_args!("command" => parent)),
                notes.into_iter().collect(),
            )
        }
        ErrorKind::ArgumentConflict => (conflict(error, ui)?, Vec::new()),
        ErrorKind::TooManyValues => (
            ui.msg(
                "argument-unexpected-value",
                &msg_args!("arg" => arg?, "value" => value?),
            ),
            Vec::new(),
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => (
            ui.msg("argument-value-count", &msg_args!("arg" => arg?)),
            Vec::new(),
        ),
        ErrorKind::NoEquals => (
            ui.msg("argument-needs-equals", &msg_args!("arg" => arg?)),
            Vec::new(),
        ),
        ErrorKind::InvalidUtf8 => (ui.msg("argument-not-utf8", &msg_args!()), Vec::new()),
        _ => return None,
    };
    Some(described)
}

/// An [`ErrorKind::ArgumentConflict`]: two options that do not go together, one given
/// twice, or options a command has no use for (see [`Cli::resolve`]).
fn conflict(error: &clap::Error, ui: &Ui) -> Option<String> {
    let prior = error.get(ContextKind::PriorArg);
    if let Some(command) = text(error, ContextKind::InvalidSubcommand) {
        let options = match prior? {
            ContextValue::Strings(options) => options.join(", "),
            ContextValue::String(option) => option.clone(),
            _ => return None,
        };
        let command = format!("kruispunt {command}");
        return Some(ui.msg(
            "argument-not-for-command",
            &msg_args!("command" => command, "options" => options),
        ));
    }
    let arg = text(error, ContextKind::InvalidArg)?;
    match prior? {
        ContextValue::String(other) if other == arg => {
            Some(ui.msg("argument-repeated", &msg_args!("arg" => arg)))
        }
        ContextValue::String(other) => Some(ui.msg(
            "argument-conflict",
            &msg_args!("arg" => arg, "other" => other.as_str()),
        )),
        ContextValue::Strings(others) => Some(ui.msg(
            "argument-conflict",
            &msg_args!("arg" => arg, "other" => others.join(", ")),
        )),
        _ => None,
    }
}

/// The values the argument that clap shows as `shown` (`<KIND>`) may take.
fn possible_values(command: &clap::Command, shown: &str) -> Vec<String> {
    command
        .get_arguments()
        .find(|arg| arg.to_string() == shown)
        .map(|arg| {
            arg.get_possible_values()
                .iter()
                .filter(|value| !value.is_hide_set())
                .map(|value| value.get_name().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// clap's suggestions: a similar command, option or value, and its tips.
fn suggestions(error: &clap::Error, command: &clap::Command, ui: &Ui) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(names) = list(error, ContextKind::SuggestedSubcommand)
        && !names.is_empty()
    {
        notes.push(ui.msg(
            "argument-similar-command",
            &msg_args!("names" => names.join(", "), "count" => names.len()),
        ));
    }
    if let Some(arg) = text(error, ContextKind::SuggestedArg) {
        notes.push(ui.msg("argument-similar-option", &msg_args!("arg" => arg)));
    }
    if let Some(value) = text(error, ContextKind::SuggestedValue) {
        notes.push(ui.msg("argument-similar-value", &msg_args!("value" => value)));
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        for tip in tips {
            if let Some(note) = tip_in_words(&tip.to_string(), command, ui) {
                notes.push(note);
            }
        }
    }
    notes
}

/// One of clap's tips, which it only has as English text, in words. Two kinds exist:
/// "to pass '--x' as a value, use '-- --x'" and "'validate --strict' exists". A tip of
/// another kind (a later clap) is kept as clap wrote it rather than lost.
fn tip_in_words(tip: &str, command: &clap::Command, ui: &Ui) -> Option<String> {
    if let Some(rest) = tip.strip_prefix("to pass '")
        && let Some((arg, fixed)) = rest.split_once("' as a value, use '")
    {
        // Only where a value may look like that: not where every positional argument is
        // one of a few words (`schema <KIND>`).
        let free = command
            .get_positionals()
            .any(|positional| positional.get_possible_values().is_empty());
        return free.then(|| {
            ui.msg(
                "argument-as-value",
                &msg_args!("arg" => arg, "fixed" => fixed.trim_end_matches('\'')),
            )
        });
    }
    if let Some(usage) = tip
        .strip_prefix('\'')
        .and_then(|rest| rest.strip_suffix("' exists"))
    {
        return Some(ui.msg(
            "argument-other-command",
            &msg_args!("command" => format!("kruispunt {usage}")),
        ));
    }
    Some(tip.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::LocaleCandidates;
    use clap::Parser;

    fn english() -> Ui {
        Ui::new(LocaleCandidates {
            flag: Some("en".into()),
            ..LocaleCandidates::default()
        })
    }

    fn args(a: &[&str]) -> Vec<OsString> {
        std::iter::once("kruispunt")
            .chain(a.iter().copied())
            .map(OsString::from)
            .collect()
    }

    /// What `kruispunt ARGS` prints when refused, in English.
    fn explained(a: &[&str]) -> Vec<String> {
        let args = args(a);
        let error = Cli::try_parse_from(&args)
            .and_then(Cli::resolve)
            .expect_err("refused");
        explain(&error, &Seen::of(&args).path, &english())
    }

    #[test]
    fn lang_and_course_are_found_in_refused_arguments() {
        let seen = Seen::of(&args(&["--lang", "fr", "--bogus"]));
        assert_eq!(seen.lang.as_deref(), Some("fr"));
        let seen = Seen::of(&args(&[
            "validate",
            "--lang=nl",
            "--course",
            "c",
            "--bogus",
        ]));
        assert_eq!(seen.lang.as_deref(), Some("nl"));
        assert_eq!(seen.course, Some(PathBuf::from("c")));
        assert_eq!(seen.path, ["validate"]);
        let seen = Seen::of(&args(&["--", "--lang", "fr"]));
        assert_eq!(seen.lang, None);
        let seen = Seen::of(&args(&["session", "export"]));
        assert_eq!(seen.path, ["session", "export"]);
        let seen = Seen::of(&args(&[
            "validate", "--format", "yaml", "--lang", "en", "d",
        ]));
        assert_eq!(seen.course, Some(PathBuf::from("d")));
        let seen = Seen::of(&args(&["validate", "--strict", "--", "-d"]));
        assert_eq!(seen.course, Some(PathBuf::from("-d")));
    }

    #[test]
    fn both_kinds_of_clap_tips_are_put_in_words() {
        // Pins the English wording of the clap version in Cargo.lock.
        let lines = explained(&["validate", "--xyzzy"]);
        assert!(
            lines.contains(&"  to pass “--xyzzy” as a value, write “-- --xyzzy”".to_owned()),
            "{lines:#?}"
        );
        let ui = english();
        let command = Cli::command();
        assert_eq!(
            tip_in_words("'validate --strict' exists", &command, &ui).as_deref(),
            Some("did you mean “kruispunt validate --strict”?")
        );
        assert_eq!(
            tip_in_words("something new", &command, &ui).as_deref(),
            Some("something new")
        );
    }

    #[test]
    fn no_tip_to_pass_a_word_as_a_value_where_only_a_few_words_fit() {
        let lines = explained(&["schema", "course", "--plain"]);
        assert_eq!(
            lines,
            [
                "kruispunt: error: unexpected argument “--plain”",
                "Usage: kruispunt schema <KIND>",
                "Run “kruispunt schema --help” for more information.",
            ]
        );
    }

    #[test]
    fn options_a_command_has_are_handed_to_it() {
        let cli = Cli::try_parse_from(args(&["--data-dir", "d", "--profile", "a", "forget"]))
            .and_then(Cli::resolve)
            .expect("valid");
        let Some(super::super::Command::Forget {
            data_dir, profile, ..
        }) = &cli.command
        else {
            panic!("forget: {cli:?}");
        };
        assert_eq!(data_dir.dir(), Some(std::path::Path::new("d")));
        assert_eq!(profile.profile.as_deref(), Some("a"));
    }
}
