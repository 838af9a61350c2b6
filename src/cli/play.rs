//! `kruispunt play SCENARIO [--at NODE] [--set VAR=VALUE]...`: an author's preview of a
//! scenario from any node with chosen variable values, in the TUI or in plain mode. No
//! profile is opened and nothing is written: not the data directory, not a progress file.

use super::*;
use crate::engine::preview_start;
use crate::i18n::LocaleCandidates;
use crate::progress::{CourseStamp, Progress, Timestamp};
use crate::session::Place;
use crate::tui;
use std::io::IsTerminal;
use std::sync::Arc;

/// The arguments of `kruispunt play`.
#[derive(Debug, clap::Args)]
pub struct PlayArgs {
    /// The scenario's id.
    #[arg(value_name = "SCENARIO")]
    pub scenario: String,
    /// Start at this node instead of the scenario's start.
    #[arg(long, value_name = "NODE")]
    pub at: Option<String>,
    /// Give a variable a value at the start, e.g. --set trust=40 (once per variable).
    #[arg(long = "set", value_name = "VAR=VALUE")]
    pub set: Vec<String>,
    /// Line by line on standard input and output, as `kruispunt --plain`.
    #[arg(long)]
    pub plain: bool,
    /// The course the scenario is in.
    #[command(flatten)]
    pub course: CourseOption,
}

/// `kruispunt play`.
pub(super) fn play(
    args: &PlayArgs,
    lang: Option<String>,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    let Some(course) = course_for_command(args.course.dir(), ui)? else {
        return Ok(ExitCode::from(EXIT_COURSE_ERRORS));
    };
    let Some(scenario) = course.scenarios.get(args.scenario.as_str()) else {
        let mut ids: Vec<&str> = course.scenarios.keys().map(|id| id.as_str()).collect();
        ids.sort_unstable();
        return Err(Failure::usage(ui.msg(
            "play-no-such-scenario",
            &msg_args!(
                "id" => i18n::display::escape(&args.scenario).into_owned(),
                "scenarios" => ids.join(", "),
            ),
        )));
    };
    let start = preview_start(scenario, args.at.as_deref(), &args.set)
        .map_err(|error| Failure::usage(ui.error(&error)))?;
    let item = scenario.id.clone();
    let place = Place::Preview(start.node, start.values);
    // Progress that lives in memory only: the preview never opens a profile.
    let progress = Progress::new(CourseStamp::of(&course), Timestamp::now());
    let candidates = LocaleCandidates::from_environment(lang, None);
    if args.plain {
        let (i18n, _) = crate::plain::localizer(&course, &progress, &[], &candidates);
        ui.set_locale(i18n.current());
        let session = crate::session::Session::new(Arc::new(course), progress, i18n);
        let ran = crate::plain::run_preview(
            session,
            &item,
            place,
            io::stdin().lock(),
            io::stdout().lock(),
        );
        return match ran {
            Ok(_) => Ok(ExitCode::SUCCESS),
            Err(crate::plain::PlainError::Io(error))
                if error.kind() == io::ErrorKind::BrokenPipe =>
            {
                Ok(ExitCode::SUCCESS)
            }
            Err(error) => Err(Failure::usage(ui.error(&error))),
        };
    }
    if !io::stdout().is_terminal() {
        return Err(Failure::usage(format!(
            "{} {}",
            ui.msg("start-needs-terminal", &msg_args!()),
            ui.msg("plain-try-plain", &msg_args!())
        )));
    }
    let options = tui::start::StartOptions {
        candidates,
        no_color: tui::start::no_color_from_env(),
    };
    let app = tui::start::preview_app(course, progress, &item, place, &options)
        .map_err(|error| Failure::usage(ui.error(&error)))?;
    ui.set_locale(app.ctx.i18n().current());
    match tui::run(app, None) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(error) => Err(Failure::usage(ui.error(&error))),
    }
}
