//! `kruispunt` without a command: the interactive course in the terminal.
//!
//! In order: load the course (its problems are printed as `validate` prints them), open the
//! profile (a profile in use or written by a newer Kruispunt stops here, before the screen
//! changes), check that there is a terminal to draw in, build the app and run it. Whatever
//! goes wrong after the interface started is printed once the terminal is restored.

use super::messages::Ui;
use super::profiles::{progress_failure, resolve_dir};
use super::xapi_send::{finish_live, start_live};
use super::{EXIT_COURSE_ERRORS, Failure, course_for_command};
use crate::i18n::LocaleCandidates;
use crate::msg_args;
use crate::progress::{CourseStamp, ProfileName, ProfileSession, ProfileStore, ProgressError};
use crate::session::{ProgressStore, Session};
use crate::tui::{self, RunError, start};
use crate::xapi::live::LiveSender;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// What `kruispunt` was asked to start with.
pub(super) struct StartRequest<'a> {
    /// `--course`.
    pub course: Option<&'a Path>,
    /// `--data-dir`.
    pub data_dir: Option<&'a Path>,
    /// `--profile`.
    pub profile: &'a ProfileName,
    /// `--lang`.
    pub lang: Option<String>,
    /// `--plain`: the course as a line-by-line conversation on stdin and stdout.
    pub plain: bool,
    /// `--lrs`: learning records sent live, in the background.
    pub lrs: bool,
    /// `lrs.endpoint` of `kruispunt.toml`, for `--lrs`.
    pub lrs_endpoint: Option<&'a str>,
    /// `--pseudonymise` with `--lrs`: trainees named by a salted hash.
    pub pseudonymise: bool,
}

/// Starts the interactive course and returns when the learner quits.
pub(super) fn start(request: StartRequest<'_>, ui: &mut Ui) -> Result<ExitCode, Failure> {
    let Some(course) = course_for_command(request.course, ui)? else {
        return Ok(ExitCode::from(EXIT_COURSE_ERRORS));
    };
    let dir = resolve_dir(request.data_dir, ui)?;
    let store = ProfileStore::new(&dir.path);
    // Before the course starts: `--lrs` without an LRS is refused here.
    let live = if request.lrs {
        Some(start_live(
            &dir.path,
            request.lrs_endpoint,
            request.pseudonymise,
            ui,
        )?)
    } else {
        None
    };
    if request.plain {
        let ran = plain(course, &store, &request, live.as_ref(), ui);
        if let Some(live) = live {
            finish_live(live, ui);
        }
        return ran;
    }
    let terminal = io::stdout().is_terminal();
    // Without a terminal nothing is drawn, so a profile that does not exist yet is not
    // created either; an existing one is still opened, to report what would stop the
    // interface (in use, written by a newer version) and to recover a damaged file.
    if !terminal && !store.exists(request.profile) {
        return Err(needs_terminal(ui));
    }
    let opened = store
        .open(request.profile, &CourseStamp::of(&course))
        .map_err(|e| progress_failure(&e, ui))?;
    let options = start::StartOptions {
        candidates: LocaleCandidates::from_environment(request.lang, None),
        no_color: start::no_color_from_env(),
    };
    let mut app = start::app(course, opened.progress, &opened.notices, &options);
    if let Some(live) = &live {
        let course = app.ctx.session.course_arc();
        let records = live.link().records(request.profile.as_str(), course);
        app.ctx.session.subscribe(Box::new(records));
    }
    // Messages printed after the interface speak the language it started in.
    ui.set_locale(app.ctx.i18n().current());
    if !terminal {
        ui.show_notice();
        let mut err = io::stderr().lock();
        for line in &app.ctx.notices {
            let _ = writeln!(err, "{line}");
        }
        return Err(needs_terminal(ui));
    }
    let ran = tui::run(app, Some(&opened.session));
    // After the last save, and with the terminal restored: the notice is printed there.
    if let Some(live) = live {
        finish_live(live, ui);
    }
    match ran {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(RunError::Save(error)) => Err(save_failure(&error, &opened.session, ui)),
        Err(error @ RunError::Terminal(_)) => Err(Failure::usage(ui.error(&error))),
    }
}

/// The last save failed: why, then exactly what is and is not on disk. Saves replace the
/// progress file whole or not at all, so it still holds the progress of the last save that
/// succeeded (or of when the profile was opened).
fn save_failure(error: &ProgressError, session: &ProfileSession, ui: &Ui) -> Failure {
    let mut failure = progress_failure(error, ui);
    let kept = ui.msg(
        "save-failed-not-saved",
        &msg_args!(
            "time" => session.last_saved(),
            "file" => session.paths().progress.display().to_string(),
        ),
    );
    failure.message = format!("{}\n{kept}", failure.message);
    failure
}

/// The interface draws on a terminal only; stdout is a pipe or a file. Plain mode is
/// named, since it works there.
fn needs_terminal(ui: &Ui) -> Failure {
    Failure::usage(format!(
        "{} {}",
        ui.msg("start-needs-terminal", &msg_args!()),
        ui.msg("plain-try-plain", &msg_args!())
    ))
}

/// `kruispunt --plain`: the profile opened as for the TUI, the language chosen as for the
/// TUI, then the conversation on stdin and stdout. The end of input is a normal way out;
/// so is a closed stdout (the reader of a pipe went away).
fn plain(
    course: crate::course::Course,
    store: &ProfileStore,
    request: &StartRequest<'_>,
    live: Option<&LiveSender>,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    let opened = store
        .open(request.profile, &CourseStamp::of(&course))
        .map_err(|e| progress_failure(&e, ui))?;
    let candidates = LocaleCandidates::from_environment(request.lang.clone(), None);
    let (i18n, notices) =
        crate::plain::localizer(&course, &opened.progress, &opened.notices, &candidates);
    ui.set_locale(i18n.current());
    let course = std::sync::Arc::new(course);
    // The course is not freed when the session ends: the process ends right after. The
    // session itself (progress saved, profile unlocked) is dropped as usual.
    super::keep_until_exit(std::sync::Arc::clone(&course));
    let mut session = Session::new(std::sync::Arc::clone(&course), opened.progress, i18n);
    if let Some(live) = live {
        let records = live.link().records(request.profile.as_str(), course);
        session.subscribe(Box::new(records));
    }
    let ran = crate::plain::run_session(
        session,
        &notices,
        Some(&opened.session as &dyn ProgressStore),
        io::stdin().lock(),
        io::stdout().lock(),
    );
    match ran {
        Ok(_) => Ok(ExitCode::SUCCESS),
        Err(crate::plain::PlainError::Save(error)) => {
            Err(save_failure(&error, &opened.session, ui))
        }
        Err(crate::plain::PlainError::Io(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            Ok(ExitCode::SUCCESS)
        }
        Err(error @ crate::plain::PlainError::Io(_)) => Err(Failure::usage(ui.error(&error))),
    }
}
