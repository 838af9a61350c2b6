//! The subcommands of `kruispunt` and where each one's shared options are.

use super::*;

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the course outline: modules, lessons and scenarios with their estimated time.
    Outline {
        /// How to print it: text, or one JSON document (docs/json.md).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
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
        #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
        format: ValidateFormat,
        /// Keep watching the course directory: check it again, on a cleared screen, each
        /// time a file in it is saved (Ctrl-C stops).
        #[arg(long)]
        watch: bool,
        /// The course, as an option (the same as DIR).
        #[command(flatten)]
        course: CourseOption,
    },
    /// Draw a scenario as a graph (for authors): decision points, routes and endings,
    /// choices with their quality and effects, conditions dashed, unreachable nodes and
    /// dead ends marked.
    Graph {
        /// The scenario's id (an unknown id lists the course's scenarios).
        #[arg(value_name = "SCENARIO")]
        scenario: String,
        /// The output format: mermaid (for GitHub and GitLab), dot (Graphviz) or svg.
        #[arg(long, value_enum, default_value_t = graph::GraphFormat::Mermaid)]
        format: graph::GraphFormat,
        /// Write to FILE instead of the standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The course.
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
        /// How to print it: text, or one JSON document (docs/json.md).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
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
    /// Convert a story from another tool into a scenario: `import twee STORY.twee`.
    Import {
        /// What to import.
        #[command(subcommand)]
        command: twee::ImportCommand,
    },
    /// The logs of facilitated sessions (`kruispunt --facilitator`): list, export.
    #[command(arg_required_else_help = false)]
    Session {
        /// What to do with them.
        #[command(subcommand)]
        command: session::SessionCommand,
    },
    /// Write the results of a profile (chosen with --profile) for the facilitator, without
    /// reflections unless --include-reflections; `export twee` writes a scenario as a
    /// Twine story.
    #[command(args_conflicts_with_subcommands = true)]
    Export {
        /// `twee`: a scenario as a Twine story instead of a profile's results.
        #[command(subcommand)]
        what: Option<twee::ExportCommand>,
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
    /// Write a trainee's certificate (chosen with --profile) as one HTML page to print:
    /// modules completed, endings reached, competencies and a personal action plan, in
    /// the trainee's language; reflections only with --include-reflections.
    Certificate(certificate::CertificateArgs),
    /// Print the whole course as one document for review or printing: lessons in full,
    /// quizzes with their answers, scenarios as tables of decision points and endings.
    Print(print::PrintArgs),
    /// Make a group report from trainees' exports: completion, quizzes, choices and their
    /// quality, endings, competencies shown and breached, the group's turning points. Exit
    /// code 1 when a file was skipped.
    Report {
        /// The export files.
        #[arg(value_name = "FILE", required_unless_present = "workshop")]
        files: Vec<PathBuf>,
        /// Also every trainee of this `kruispunt serve` workshop, read straight from the
        /// server's records (stop the server first), without export files.
        #[arg(long, value_name = "ID")]
        workshop: Option<String>,
        /// Where the server kept the workshop (with --workshop).
        #[command(flatten)]
        data_dir: DataDirOption,
        /// The report format.
        #[arg(long, value_enum, default_value_t = ReportOutput::Md)]
        format: ReportOutput,
        /// With --format csv: the character between fields, one ASCII character or `tab`
        /// (default: `;` when the interface is in Dutch or French, `,` in English).
        #[arg(long, value_name = "CHAR", allow_hyphen_values = true)]
        csv_delimiter: Option<String>,
        /// With --format csv: `long`, a row per count (the default), or `wide`, a row per
        /// trainee and a column per quiz and per scenario ending.
        #[arg(long, value_enum)]
        layout: Option<CsvLayout>,
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
    /// The config file, kruispunt.toml: where it is, and the settings in effect with where
    /// each one comes from.
    Config {
        /// What to do.
        #[command(subcommand)]
        command: settings::ConfigCommand,
    },
    /// Print a shell completion script: add `source <(kruispunt completions bash)` to
    /// ~/.bashrc, or see the README for zsh, fish and PowerShell.
    Completions {
        /// The shell.
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) on the standard output, or write one page per command
    /// in DIR with -o.
    Man {
        /// Write kruispunt.1, kruispunt-outline.1… in DIR instead.
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
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
            Self::Outline { course, .. } => OptionSlots {
                course: Some(course),
                ..slots("outline")
            },
            Self::Validate { course, .. } => OptionSlots {
                course: Some(course),
                ..slots("validate")
            },
            Self::Graph { course, .. } => OptionSlots {
                course: Some(course),
                ..slots("graph")
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
            Self::Completions { .. } => slots("completions"),
            Self::Config {
                command: settings::ConfigCommand::Path,
            } => slots("config path"),
            Self::Config {
                command:
                    settings::ConfigCommand::Show {
                        course, data_dir, ..
                    },
            } => OptionSlots {
                course: Some(course),
                data_dir: Some(data_dir),
                ..slots("config show")
            },
            Self::Man { .. } => slots("man"),
            Self::Profiles {
                course, data_dir, ..
            } => OptionSlots {
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
                what: Some(twee::ExportCommand::Twee { course, .. }),
                ..
            } => OptionSlots {
                course: Some(course),
                ..slots("export twee")
            },
            Self::Import {
                command: twee::ImportCommand::Twee { course, .. },
            } => OptionSlots {
                course: Some(course),
                ..slots("import twee")
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
            Self::Certificate(args) => OptionSlots {
                course: Some(&mut args.course),
                data_dir: Some(&mut args.data_dir),
                profile: Some(&mut args.profile),
                ..slots("certificate")
            },
            Self::Print(args) => OptionSlots {
                course: Some(&mut args.course),
                ..slots("print")
            },
            Self::Report {
                course, data_dir, ..
            } => OptionSlots {
                course: Some(course),
                data_dir: Some(data_dir),
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
            Self::Xapi {
                command:
                    xapi::XapiCommand::Send {
                        course,
                        data_dir,
                        profile,
                        ..
                    },
            } => OptionSlots {
                course: Some(course),
                data_dir: Some(data_dir),
                profile: Some(profile),
                ..slots("xapi send")
            },
            Self::Xapi {
                command: xapi::XapiCommand::Configure { .. },
            } => slots("xapi configure"),
            Self::Session {
                command: session::SessionCommand::List { data_dir, .. },
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
