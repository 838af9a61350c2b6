//! The subcommands of `kruispunt` and where each one's shared options are.

use super::*;

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the course outline: modules, lessons and scenarios with their estimated time.
    Outline {
        /// The course.
        #[command(flatten)]
        course: CourseOption,
    },
    /// Check a course and report every problem as FILE:LINE:COL: error[CODE]: message,
    /// then the translation coverage per locale.
    Validate {
        /// The course directory (default: the built-in course).
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The course, as an option (the same as DIR).
        #[command(flatten)]
        course: CourseOption,
    },
    /// Rewrite a course's files to the current format version, keeping their formatting,
    /// and list every change (inferred choice qualities and thinkers are to be reviewed).
    Migrate {
        /// The course directory.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Only list the changes; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a new lesson or scenario into a course (--course DIR) and add it to a module:
    /// a skeleton with placeholder texts in every course locale that passes `validate
    /// --strict` at once.
    New(new::NewArgs),
    /// Play a scenario from any node with chosen variable values (--at NODE, --set
    /// VAR=VALUE), for authors: in the terminal, or line by line with --plain. No profile is
    /// opened and no progress is saved.
    Play(play::PlayArgs),
    /// Translations: which texts are missing, the same as the default locale, or out of
    /// date (see docs/translating.md).
    L10n {
        /// What to do.
        #[command(subcommand)]
        command: l10n::L10nCommand,
    },
    /// Print the JSON Schema of a kind of course file (the repository ships them in
    /// schemas/).
    Schema {
        /// Which kind of file.
        #[arg(value_enum, value_name = "KIND")]
        kind: SchemaKind,
    },
    /// List the learner profiles in the data directory with their progress.
    Profiles {
        /// The course the progress is counted in.
        #[command(flatten)]
        course: CourseOption,
        /// Where the profiles are.
        #[command(flatten)]
        data_dir: DataDirOption,
    },
    /// Delete every file of a profile (chosen with --profile), after confirmation.
    Forget {
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
        /// The course, for its language.
        #[command(flatten)]
        course: CourseOption,
        /// Where the profile is.
        #[command(flatten)]
        data_dir: DataDirOption,
        /// Which profile.
        #[command(flatten)]
        profile: ProfileOption,
    },
    /// The logs of facilitated sessions (`kruispunt --facilitator`): list, export.
    #[command(arg_required_else_help = false)]
    Session {
        /// What to do with them.
        #[command(subcommand)]
        command: session::SessionCommand,
    },
    /// Write the results of a profile (chosen with --profile) for the facilitator, without
    /// reflections unless --include-reflections.
    Export {
        /// The export format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to FILE instead of the standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Include the reflections the trainee wrote.
        #[arg(long)]
        include_reflections: bool,
        /// The course the results are in.
        #[command(flatten)]
        course: CourseOption,
        /// Where the profile is.
        #[command(flatten)]
        data_dir: DataDirOption,
        /// Which profile.
        #[command(flatten)]
        profile: ProfileOption,
    },
    /// Make a group report from trainees' exports: completion, quizzes, choices and their
    /// quality, endings, competencies shown and breached, the group's turning points. Exit
    /// code 1 when a file was skipped.
    Report {
        /// The export files.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// The report format.
        #[arg(long, value_enum, default_value_t = ReportOutput::Md)]
        format: ReportOutput,
        /// Write to FILE instead of the standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Show profile names instead of numbering the trainees.
        #[arg(long)]
        names: bool,
        /// The course the exports were made in, for titles and texts.
        #[command(flatten)]
        course: CourseOption,
    },
    /// Run a workshop server: every trainee plays the course on their own screen with
    /// `ssh -p PORT NAME@HOST` and the join code; their progress is kept here. Stop with
    /// Ctrl-C (every trainee is saved).
    Serve(serve::ServeArgs),
    /// The records `kruispunt serve` keeps per workshop: forget.
    Workshop {
        /// What to do with them.
        #[command(subcommand)]
        command: workshop::WorkshopCommand,
    },
    /// Learning records: a profile's history as xAPI statements (see docs/xapi.md).
    Xapi {
        /// What to do with them.
        #[command(subcommand)]
        command: xapi::XapiCommand,
    },
}

/// The options of one command: those written before its name are handed to it.
pub(super) struct OptionSlots<'a> {
    /// The command's name, as typed after `kruispunt` (`session export`).
    pub(super) name: &'static str,
    pub(super) course: Option<&'a mut CourseOption>,
    pub(super) data_dir: Option<&'a mut DataDirOption>,
    pub(super) profile: Option<&'a mut ProfileOption>,
}

impl Command {
    /// Where the options of this command are.
    pub(super) fn slots(&mut self) -> OptionSlots<'_> {
        let slots = |name| OptionSlots {
            name,
            course: None,
            data_dir: None,
            profile: None,
        };
        match self {
            Self::Outline { course } => OptionSlots {
                course: Some(course),
                ..slots("outline")
            },
            Self::Validate { course, .. } => OptionSlots {
                course: Some(course),
                ..slots("validate")
            },
            Self::Migrate { .. } => slots("migrate"),
            Self::New(args) => OptionSlots {
                course: Some(&mut args.course),
                ..slots("new")
            },
            Self::Play(args) => OptionSlots {
                course: Some(&mut args.course),
                ..slots("play")
            },
            Self::L10n {
                command: l10n::L10nCommand::Status { course, .. },
            } => OptionSlots {
                course: Some(course),
                ..slots("l10n status")
            },
            Self::Schema { .. } => slots("schema"),
            Self::Profiles { course, data_dir } => OptionSlots {
                course: Some(course),
                data_dir: Some(data_dir),
                ..slots("profiles")
            },
            Self::Forget {
                course,
                data_dir,
                profile,
                ..
            } => OptionSlots {
                course: Some(course),
                data_dir: Some(data_dir),
                profile: Some(profile),
                ..slots("forget")
            },
            Self::Export {
                course,
                data_dir,
                profile,
                ..
            } => OptionSlots {
                course: Some(course),
                data_dir: Some(data_dir),
                profile: Some(profile),
                ..slots("export")
            },
            Self::Report { course, .. } => OptionSlots {
                course: Some(course),
                ..slots("report")
            },
            Self::Serve(args) => OptionSlots {
                course: Some(&mut args.course),
                data_dir: Some(&mut args.data_dir),
                ..slots("serve")
            },
            Self::Workshop {
                command: workshop::WorkshopCommand::Forget { data_dir, .. },
            } => OptionSlots {
                data_dir: Some(data_dir),
                ..slots("workshop forget")
            },
            Self::Xapi {
                command:
                    xapi::XapiCommand::Export {
                        course,
                        data_dir,
                        profile,
                        ..
                    },
            } => OptionSlots {
                course: Some(course),
                data_dir: Some(data_dir),
                profile: Some(profile),
                ..slots("xapi export")
            },
            Self::Session {
                command: session::SessionCommand::List { data_dir },
            } => OptionSlots {
                data_dir: Some(data_dir),
                ..slots("session list")
            },
            Self::Session {
                command:
                    session::SessionCommand::Export {
                        course, data_dir, ..
                    },
            } => OptionSlots {
                course: Some(course),
                data_dir: Some(data_dir),
                ..slots("session export")
            },
        }
    }
}
