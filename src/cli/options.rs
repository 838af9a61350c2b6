//! The options several commands share (`--course`, `--data-dir`, `--profile`, the output
//! formats), and how options written before a command's name are handed to it.

use super::messages::Ui;
use super::{
    Cli, Command, Failure, certificate, l10n, new, play, print, serve, session, settings, twee,
    xapi,
};
use crate::progress::{DEFAULT_PROFILE, ProfileName};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, ValueEnum};
use std::path::{Path, PathBuf};

/// `--course DIR`, for the commands that read a course.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct CourseOption {
    /// Use the course in DIR instead of the built-in course. Default: KRUISPUNT_COURSE, then
    /// `course` in the config file, then the built-in course.
    #[arg(long = "course", value_name = "DIR")]
    pub course: Option<PathBuf>,
}

impl CourseOption {
    /// The course directory given, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.course.as_deref()
    }
}

/// `--data-dir DIR`, for the commands that read or write progress or session logs.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct DataDirOption {
    /// Keep progress and session logs in DIR. Default: KRUISPUNT_DATA_DIR, then `data_dir`
    /// in the config file, then the platform's data directory.
    #[arg(long = "data-dir", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

impl DataDirOption {
    /// The data directory given, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }
}

/// `--profile NAME`, for the commands that open a learner's progress.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct ProfileOption {
    /// The learner profile: letters, digits, - and _, at most 64 characters. Default:
    /// "default".
    #[arg(long = "profile", value_name = "NAME")]
    pub profile: Option<String>,
}

impl ProfileOption {
    /// The profile name, checked; [`DEFAULT_PROFILE`] when none was given.
    pub(super) fn name(&self, ui: &Ui) -> Result<ProfileName, Failure> {
        let name = self.profile.as_deref().unwrap_or(DEFAULT_PROFILE);
        ProfileName::new(name).map_err(|e| Failure::usage(ui.error(&e)))
    }
}

impl Cli {
    /// Hands the options written before a command's name to that command (`kruispunt
    /// --data-dir D profiles` is `kruispunt profiles --data-dir D`). An option the command
    /// has no use for is refused, as clap refuses it after the name; so is an option given
    /// on both sides.
    pub(super) fn resolve(mut self) -> Result<Self, clap::Error> {
        let Some(command) = self.command.as_mut() else {
            return Ok(self);
        };
        let mut unused = Vec::new();
        if self.lrs {
            match command {
                Command::Serve(args) => args.lrs = true,
                _ => unused.push("lrs"),
            }
        }
        if self.pseudonymise {
            match command {
                Command::Serve(args) => args.pseudonymise = true,
                _ => unused.push("pseudonymise"),
            }
        }
        let slots = command.slots();
        if self.plain {
            unused.push("plain");
        }
        if self.facilitator {
            unused.push("facilitator");
        }
        let course = slots.course.map(|o| &mut o.course);
        hand_over(self.course.course.take(), course, "course", &mut unused)?;
        let data_dir = slots.data_dir.map(|o| &mut o.data_dir);
        hand_over(
            self.data_dir.data_dir.take(),
            data_dir,
            "data_dir",
            &mut unused,
        )?;
        let profile = slots.profile.map(|o| &mut o.profile);
        hand_over(self.profile.profile.take(), profile, "profile", &mut unused)?;
        if unused.is_empty() {
            return Ok(self);
        }
        let mut error = clap::Error::new(ErrorKind::ArgumentConflict).with_cmd(&Cli::command());
        error.insert(
            ContextKind::InvalidSubcommand,
            ContextValue::String(slots.name.to_owned()),
        );
        let unused = unused.into_iter().map(shown_option).collect();
        error.insert(ContextKind::PriorArg, ContextValue::Strings(unused));
        Err(error)
    }

    /// The course directory of this command line, for its default locale.
    pub(super) fn course_dir(&self) -> Option<&Path> {
        match &self.command {
            None => self.course.dir(),
            Some(Command::Validate { dir: Some(dir), .. }) => Some(dir),
            Some(
                Command::Export {
                    what: Some(twee::ExportCommand::Twee { course, .. }),
                    ..
                }
                | Command::Import {
                    command: twee::ImportCommand::Twee { course, .. },
                },
            ) => course.dir(),
            Some(
                Command::Outline { course, .. }
                | Command::Graph { course, .. }
                | Command::Validate { course, .. }
                | Command::Profiles { course, .. }
                | Command::Forget { course, .. }
                | Command::Export { course, .. }
                | Command::Report { course, .. }
                | Command::Serve(serve::ServeArgs { course, .. })
                | Command::Certificate(certificate::CertificateArgs { course, .. })
                | Command::Print(print::PrintArgs { course, .. })
                | Command::New(new::NewArgs { course, .. })
                | Command::Play(play::PlayArgs { course, .. })
                | Command::L10n {
                    command: l10n::L10nCommand::Status { course, .. },
                }
                | Command::Config {
                    command: settings::ConfigCommand::Show { course, .. },
                }
                | Command::Session {
                    command: session::SessionCommand::Export { course, .. },
                }
                | Command::Xapi {
                    command:
                        xapi::XapiCommand::Export { course, .. }
                        | xapi::XapiCommand::Send { course, .. },
                },
            ) => course.dir(),
            Some(
                Command::Migrate { .. }
                | Command::Workshop { .. }
                | Command::Schema { .. }
                | Command::Completions { .. }
                | Command::Man { .. }
                | Command::Config {
                    command: settings::ConfigCommand::Path,
                }
                | Command::Session {
                    command: session::SessionCommand::List { .. },
                }
                | Command::Xapi {
                    command: xapi::XapiCommand::Configure { .. },
                },
            ) => None,
        }
    }
}

/// Gives `before`, an option written before the command's name, to the command's `slot`;
/// the option's id goes to `unused` when the command has no such option.
fn hand_over<T>(
    before: Option<T>,
    slot: Option<&mut Option<T>>,
    id: &'static str,
    unused: &mut Vec<&'static str>,
) -> Result<(), clap::Error> {
    let Some(value) = before else {
        return Ok(());
    };
    match slot {
        None => unused.push(id),
        Some(Some(_)) => {
            // As clap says of an option given twice.
            let shown = shown_option(id);
            let mut error = clap::Error::new(ErrorKind::ArgumentConflict).with_cmd(&Cli::command());
            error.insert(ContextKind::InvalidArg, ContextValue::String(shown.clone()));
            error.insert(ContextKind::PriorArg, ContextValue::String(shown));
            return Err(error);
        }
        Some(slot) => *slot = Some(value),
    }
    Ok(())
}

/// How clap writes the top-level option `id` in its messages: `--profile <NAME>`.
fn shown_option(id: &str) -> String {
    // An argument is shown from its built definition.
    let mut command = Cli::command();
    command.build();
    command
        .get_arguments()
        .find(|arg| arg.get_id() == id)
        .map_or_else(|| format!("--{id}"), ToString::to_string)
}

/// Output format of `outline`, `profiles` and `session list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for people.
    Text,
    /// One JSON document (docs/json.md).
    Json,
}

/// Output format of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    /// One line per problem, then a summary.
    Text,
    /// One JSON document.
    Json,
    /// GitHub Actions workflow annotations (`::error file=…,line=…::message`), then the
    /// summary.
    Github,
    /// A SARIF 2.1.0 log, for code-scanning views.
    Sarif,
}

/// A kind of course file with a JSON Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// `course.json`, the manifest.
    Course,
    /// A file in `lessons/`.
    Lesson,
    /// A file in `scenarios/`.
    Scenario,
}
