//! The config file on the command line: `--config FILE`, the settings of `kruispunt.toml`
//! and of `KRUISPUNT_COURSE` handed to the command as if they were its options, and
//! `kruispunt config path | show`.
//!
//! Which value wins is decided in [`crate::config::resolve`] only; this module reads what
//! the command line says, asks it, and writes the answer into the command's options
//! where the command line left them empty.

use super::messages::Ui;
use super::{Cli, Command, CourseOption, DataDirOption, Failure, Format, finish_output, xapi};
use crate::config::{self, ConfigError, ConfigFile, ConfigPath, Given, Settings, Source};
use crate::msg_args;
use clap::Subcommand;
use serde::Serialize;
use std::io::{self, Write};
use std::process::ExitCode;

/// `kruispunt config …`.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the path of the config file that is read (`--config`, KRUISPUNT_CONFIG, or
    /// kruispunt.toml in the platform's config directory), whether or not it exists.
    Path,
    /// Show the settings in effect and where each one comes from: the command line, the
    /// environment, the config file or the default (never a password).
    Show {
        /// How to print it: text, or one JSON document (docs/json.md).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// A course directory, to see it win.
        #[command(flatten)]
        course: CourseOption,
        /// A data directory, to see it win.
        #[command(flatten)]
        data_dir: DataDirOption,
    },
}

/// The config file of this run and the settings in effect.
#[derive(Debug, Default)]
pub(super) struct Settled {
    /// The config file, read. Its `values.csv_delimiter` is the `configured` delimiter of
    /// CSV exports (the command line's and the language's are the report's to add).
    pub(super) file: ConfigFile,
    /// Every setting with where it came from; `None` for `config path`, which reads no
    /// file.
    pub(super) settings: Option<Settings>,
}

/// Reads the config file and gives the command every setting the command line left out
/// that the environment (`KRUISPUNT_COURSE`) or the file gives, as [`config::resolve`]
/// orders them. `kruispunt config path` reads no file: it is how to find a broken one.
pub(super) fn settle(cli: &mut Cli) -> Result<Settled, ConfigError> {
    let location = ConfigPath::find(cli.config.as_deref());
    let show = match &cli.command {
        Some(Command::Config {
            command: ConfigCommand::Path,
        }) => {
            return Ok(Settled {
                file: ConfigFile {
                    location,
                    ..ConfigFile::default()
                },
                settings: None,
            });
        }
        Some(Command::Config {
            command: ConfigCommand::Show { .. },
        }) => true,
        _ => false,
    };
    let file = ConfigFile::read(location)?;
    let flags = flags_of(cli);
    let lrs_file = if show { lrs_json_endpoint() } else { None };
    let settings = config::resolve(
        &flags,
        &Given::from_environment(),
        &file.values,
        lrs_file.as_deref(),
    );
    hand_to_command(cli, &settings, &file.values);
    Ok(Settled {
        file,
        settings: Some(settings),
    })
}

/// The line printed when the config file stops the run (exit code 2), in the language of
/// `--lang`, `KRUISPUNT_LANG` or the system: the file's own `lang` cannot be trusted.
pub(super) fn refused(error: &ConfigError, lang: Option<String>) -> ExitCode {
    let mut ui = Ui::from_environment(lang);
    ui.show_notice();
    let line = ui.fatal(&ui.error(error));
    // A closed stderr leaves nowhere to report that.
    let _ = writeln!(io::stderr().lock(), "{line}");
    ExitCode::from(super::EXIT_FAILURE)
}

/// The language and course directory of a command line clap refused, as far as it could be
/// read (`lang`, `course`), with what `KRUISPUNT_COURSE` and the config file add: the
/// refusal is told in the language the run would have had. A config file that cannot be
/// read adds nothing here: what is wrong with the command line is what is reported.
pub(super) fn for_refused(
    config: Option<&std::path::Path>,
    lang: Option<String>,
    course: Option<std::path::PathBuf>,
) -> (Option<String>, Option<std::path::PathBuf>) {
    let file = ConfigFile::read(ConfigPath::find(config)).unwrap_or_default();
    let flags = Given {
        course,
        lang,
        ..Given::default()
    };
    let settings = config::resolve(&flags, &Given::from_environment(), &file.values, None);
    let lang = match settings.lang.source {
        Source::File => settings.lang.value,
        _ => flags.lang,
    };
    let course = match settings.course.source {
        Source::Env | Source::File => settings.course.value,
        _ => flags.course,
    };
    (lang, course)
}

/// What the command line itself says of each setting.
fn flags_of(cli: &mut Cli) -> Given {
    let lang = cli.lang.clone();
    let Some(command) = cli.command.as_mut() else {
        return Given {
            course: cli.course.course.clone(),
            lang,
            data_dir: cli.data_dir.data_dir.clone(),
            ..Given::default()
        };
    };
    let lrs_endpoint = match command {
        Command::Xapi {
            command: xapi::XapiCommand::Send { lrs, .. } | xapi::XapiCommand::Configure { lrs, .. },
        } => lrs.endpoint.clone(),
        _ => None,
    };
    let positional = match command {
        Command::Validate { dir, .. } => dir.clone(),
        _ => None,
    };
    let slots = command.slots();
    Given {
        course: positional.or_else(|| slots.course.and_then(|o| o.course.clone())),
        lang,
        data_dir: slots.data_dir.and_then(|o| o.data_dir.clone()),
        lrs_endpoint,
        csv_delimiter: None,
    }
}

/// Writes the settings that come from `KRUISPUNT_COURSE` or the file into the command's
/// options. The data directory and the language from the environment are left to the
/// layers that already read their variables (`DataDir::resolve`, `resolve_locale`), so
/// they keep saying where the value came from.
fn hand_to_command(cli: &mut Cli, settings: &Settings, file: &Given) {
    let course = match settings.course.source {
        Source::Env | Source::File => settings.course.value.clone(),
        _ => None,
    };
    let data_dir = match settings.data_dir.source {
        Source::File => settings.data_dir.value.clone(),
        _ => None,
    };
    if settings.lang.source == Source::File {
        cli.lang.clone_from(&settings.lang.value);
    }
    let Some(command) = cli.command.as_mut() else {
        if course.is_some() {
            cli.course.course = course;
        }
        if data_dir.is_some() {
            cli.data_dir.data_dir = data_dir;
        }
        return;
    };
    if let Command::Xapi {
        command: xapi::XapiCommand::Send { lrs, .. },
    } = command
    {
        lrs.configured_endpoint.clone_from(&file.lrs_endpoint);
    }
    let slots = command.slots();
    if let (Some(slot), Some(course)) = (slots.course, course) {
        slot.course = Some(course);
    }
    if let (Some(slot), Some(data_dir)) = (slots.data_dir, data_dir) {
        slot.data_dir = Some(data_dir);
    }
}

/// The endpoint saved in `lrs.json`, for `config show`. A file that cannot be read shows
/// as no endpoint here; `kruispunt xapi send` reports what is wrong with it.
fn lrs_json_endpoint() -> Option<String> {
    let path = crate::xapi::lrs::config_path(None).ok()?;
    crate::xapi::lrs::read_config(&path).ok()?.endpoint
}

/// `kruispunt config path`: the path alone, for `$EDITOR "$(kruispunt config path)"`.
pub(super) fn path(settled: &Settled, ui: &Ui) -> Result<ExitCode, Failure> {
    let Some(location) = &settled.file.location else {
        return Err(no_config_dir(ui));
    };
    let line = location.path.display().to_string();
    finish_output(writeln!(io::stdout().lock(), "{line}"), ui)?;
    Ok(ExitCode::SUCCESS)
}

fn no_config_dir(ui: &Ui) -> Failure {
    Failure::usage(ui.msg(
        "config-no-dir",
        &msg_args!("variable" => config::CONFIG_ENV),
    ))
}

/// One setting as `config show` prints it.
struct Shown {
    /// Its key in the file (`lrs.endpoint`).
    key: &'static str,
    /// Its value as text; `None` for the default.
    value: Option<String>,
    /// Where it came from.
    source: Source,
    /// Its environment variable, if it has one.
    variable: &'static str,
    /// The message id of its default when no value is given.
    default: &'static str,
}

/// The settings of `config show`, in the order of the README's table.
fn shown(settings: &Settings) -> [Shown; 5] {
    let path = |p: &std::path::PathBuf| p.display().to_string();
    let data_dir_default = crate::progress::platform_data_dir();
    [
        Shown {
            key: "course",
            value: settings.course.value.as_ref().map(path),
            source: settings.course.source,
            variable: config::COURSE_ENV,
            default: "config-default-course",
        },
        Shown {
            key: "lang",
            value: settings.lang.value.clone(),
            source: settings.lang.source,
            variable: "KRUISPUNT_LANG",
            default: "config-default-lang",
        },
        Shown {
            key: "data_dir",
            value: settings
                .data_dir
                .value
                .as_ref()
                .or(data_dir_default.as_ref())
                .map(path),
            source: settings.data_dir.source,
            variable: crate::progress::DATA_DIR_ENV,
            default: "config-default-data-dir-none",
        },
        Shown {
            key: "lrs.endpoint",
            value: settings.lrs_endpoint.value.clone(),
            source: settings.lrs_endpoint.source,
            variable: crate::xapi::lrs::ENDPOINT_ENV,
            default: "config-default-lrs-endpoint",
        },
        Shown {
            key: "csv_delimiter",
            value: settings.csv_delimiter.value.map(|d| d.to_string()),
            source: settings.csv_delimiter.source,
            variable: "",
            default: "config-default-csv-delimiter",
        },
    ]
}

/// `kruispunt config show`.
pub(super) fn show(settled: &Settled, format: Format, ui: &Ui) -> Result<ExitCode, Failure> {
    let Some(settings) = &settled.settings else {
        return Ok(ExitCode::SUCCESS);
    };
    let settings = shown(settings);
    if format == Format::Json {
        let document = ConfigDocument::of(&settled.file, &settings);
        super::json::Versioned::new("kruispunt-config", document).print(ui)?;
        return Ok(ExitCode::SUCCESS);
    }
    let file_line = match &settled.file.location {
        None => ui.msg(
            "config-show-no-file",
            &msg_args!("variable" => config::CONFIG_ENV),
        ),
        Some(at) => ui.msg(
            if settled.file.found {
                "config-show-file"
            } else {
                "config-show-file-absent"
            },
            &msg_args!("file" => at.path.display().to_string()),
        ),
    };
    let mut lines = vec![file_line];
    for setting in &settings {
        let value = match (&setting.value, setting.key) {
            (Some(tab), "csv_delimiter") if tab == "\t" => {
                ui.msg("config-delimiter-tab", &msg_args!())
            }
            (Some(value), _) => value.clone(),
            (None, _) => ui.msg(setting.default, &msg_args!()),
        };
        lines.push(ui.msg(
            "config-show-setting",
            &msg_args!(
                "key" => setting.key,
                "value" => value,
                "source" => setting.source.key(),
                "variable" => setting.variable,
            ),
        ));
    }
    let mut out = io::stdout().lock();
    let written = lines
        .iter()
        .try_for_each(|line| writeln!(out, "{line}"))
        .and_then(|()| out.flush());
    finish_output(written, ui)?;
    Ok(ExitCode::SUCCESS)
}

/// `kruispunt config show --format json`.
#[derive(Serialize)]
struct ConfigDocument {
    /// The config file, or `null` without a home directory.
    file: Option<String>,
    /// Whether it exists.
    file_found: bool,
    /// Every setting, by its key in the file.
    settings: std::collections::BTreeMap<&'static str, SettingEntry>,
}

/// One setting of [`ConfigDocument`].
#[derive(Serialize)]
struct SettingEntry {
    /// The value; `null` for a default the program works out when it needs it.
    value: Option<String>,
    /// `flag`, `env`, `file`, `lrs-file` or `default`.
    source: &'static str,
}

impl ConfigDocument {
    fn of(file: &ConfigFile, settings: &[Shown]) -> Self {
        Self {
            file: file
                .location
                .as_ref()
                .map(|at| crate::i18n::display::escape(&at.path.display().to_string()).into()),
            file_found: file.found,
            settings: settings
                .iter()
                .map(|s| {
                    // The delimiter is a checked character (a tab, say), which JSON escapes.
                    let value = s.value.as_deref().map(|v| match s.key {
                        "csv_delimiter" => v.to_owned(),
                        _ => crate::i18n::display::escape(v).into_owned(),
                    });
                    let source = s.source.key();
                    (s.key, SettingEntry { value, source })
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use std::path::Path;

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once(&"kruispunt").chain(args))
            .and_then(Cli::resolve)
            .expect("valid arguments")
    }

    fn file_with(course: &str, data_dir: &str) -> Given {
        Given {
            course: Some(course.into()),
            data_dir: Some(data_dir.into()),
            lang: Some("fr".into()),
            ..Given::default()
        }
    }

    fn hand(cli: &mut Cli, file: &Given) {
        let flags = flags_of(cli);
        let settings = config::resolve(&flags, &Given::default(), file, None);
        hand_to_command(cli, &settings, file);
    }

    #[test]
    fn the_file_fills_only_the_options_the_command_line_left_empty() {
        let file = file_with("from-file", "data-file");
        let mut cli = parse(&["profiles"]);
        hand(&mut cli, &file);
        assert_eq!(cli.course_dir(), Some(Path::new("from-file")));
        assert_eq!(cli.lang.as_deref(), Some("fr"));
        let Some(Command::Profiles { data_dir, .. }) = &cli.command else {
            panic!("{cli:?}");
        };
        assert_eq!(data_dir.dir(), Some(Path::new("data-file")));

        let mut cli = parse(&[
            "--lang",
            "nl",
            "profiles",
            "--course",
            "flag",
            "--data-dir",
            "d",
        ]);
        hand(&mut cli, &file);
        assert_eq!(cli.course_dir(), Some(Path::new("flag")));
        assert_eq!(cli.lang.as_deref(), Some("nl"));
        let Some(Command::Profiles { data_dir, .. }) = &cli.command else {
            panic!("{cli:?}");
        };
        assert_eq!(data_dir.dir(), Some(Path::new("d")));
    }

    #[test]
    fn a_validate_directory_wins_and_commands_without_a_course_get_none() {
        let file = file_with("from-file", "data-file");
        let mut cli = parse(&["validate", "positional"]);
        hand(&mut cli, &file);
        let Some(Command::Validate { dir, course, .. }) = &cli.command else {
            panic!("{cli:?}");
        };
        assert_eq!(dir.as_deref(), Some(Path::new("positional")));
        assert_eq!(course.dir(), None, "no second course directory");

        let mut cli = parse(&["session", "list"]);
        hand(&mut cli, &file);
        assert_eq!(cli.course_dir(), None);

        let mut cli = parse(&[]);
        hand(&mut cli, &file);
        assert_eq!(cli.course.dir(), Some(Path::new("from-file")));
        assert_eq!(cli.data_dir.dir(), Some(Path::new("data-file")));
    }

    #[test]
    fn the_endpoint_of_the_file_reaches_xapi_send() {
        let file = Given {
            lrs_endpoint: Some("https://lrs.example/xapi".into()),
            ..Given::default()
        };
        let mut cli = parse(&["xapi", "send", "--endpoint", "https://flag.example/"]);
        hand(&mut cli, &file);
        let Some(Command::Xapi {
            command: xapi::XapiCommand::Send { lrs, .. },
        }) = &cli.command
        else {
            panic!("{cli:?}");
        };
        assert_eq!(lrs.endpoint.as_deref(), Some("https://flag.example/"));
        assert_eq!(
            lrs.configured_endpoint.as_deref(),
            Some("https://lrs.example/xapi")
        );
    }
}
