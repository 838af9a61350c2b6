//! `kruispunt serve`: loads the course, resolves the data directory, and runs the workshop
//! server ([`crate::serve`]) in the language of this run.

use super::messages::Ui;
use super::profiles::resolve_dir;
use super::xapi_send::{finish_live, start_live};
use super::{CourseOption, DataDirOption, EXIT_COURSE_ERRORS, Failure, course_for_command};
use crate::i18n::Localizer;
use crate::serve::{self, ServeOptions};
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// The dashboard's view in `--dashboard`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DashboardView {
    /// Safe to project: trainees by number, no names, no notes.
    Presenter,
    /// For the facilitator: names, notes, the timer.
    Private,
}

/// The options of `kruispunt serve`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct ServeArgs {
    /// The port to listen on (0: any free port; the start message says which).
    #[arg(long, value_name = "N", default_value_t = serve::DEFAULT_PORT)]
    pub port: u16,
    /// The address to listen on. The default lets only this computer connect; 0.0.0.0
    /// opens the server to the room's network.
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub listen: IpAddr,
    /// The workshop: progress is kept per workshop, and a restart with the same id resumes
    /// it. Letters, digits, - and _. Default: today's date.
    #[arg(long, value_name = "ID")]
    pub workshop: Option<String>,
    /// The join code trainees type. Default: a new word code such as tulp-42.
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// Use this private key (OpenSSH format) as the host key instead of the server's own,
    /// which is made on the first start in the data directory.
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,
    /// Public keys (authorized_keys format) that log in as the facilitator: their SSH
    /// connection opens the dashboard instead of the join screen.
    #[arg(long, value_name = "FILE")]
    pub facilitator_key: Option<PathBuf>,
    /// Run the facilitator's dashboard in this terminal (presenter: safe to project;
    /// private: names, notes, timer). Leaving it (q, Ctrl-C) stops the server.
    #[arg(long, value_enum, value_name = "VIEW", num_args = 0..=1,
          default_missing_value = "private")]
    pub dashboard: Option<DashboardView>,
    /// The most trainees connected at once.
    #[arg(long, value_name = "N", default_value_t = 60,
          value_parser = clap::value_parser!(u16).range(1..))]
    pub max_trainees: u16,
    /// Disconnect a trainee who types nothing for this many minutes (progress saved).
    #[arg(long, value_name = "MINUTES", default_value_t = 120,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub idle_minutes: u32,
    /// Send every trainee's learning records (xAPI statements) to an LRS as they happen,
    /// in the background: the LRS of `kruispunt xapi configure` or KRUISPUNT_LRS_* (see
    /// docs/xapi.md).
    #[arg(long)]
    pub lrs: bool,
    /// With --lrs: name each trainee in the learning records by a salted SHA-256 hash of
    /// their workshop name (the salt comes from KRUISPUNT_XAPI_SALT, at least 16
    /// characters), as `kruispunt xapi send --workshop ID --pseudonymise` does.
    #[arg(long, requires = "lrs")]
    pub pseudonymise: bool,
    /// The course.
    #[command(flatten)]
    pub course: CourseOption,
    /// Where the host key and the trainees' progress are kept.
    #[command(flatten)]
    pub data_dir: DataDirOption,
}

/// Runs the server until Ctrl-C or SIGTERM. `lrs_endpoint` is `lrs.endpoint` of
/// `kruispunt.toml`, for `--lrs`.
pub(super) fn serve(
    args: &ServeArgs,
    lrs_endpoint: Option<&str>,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    let Some(course) = course_for_command(args.course.dir(), ui)? else {
        return Ok(ExitCode::from(EXIT_COURSE_ERRORS));
    };
    let dir = resolve_dir(args.data_dir.dir(), ui)?;
    // Before the server starts: `--lrs` without an LRS is refused here.
    let live = if args.lrs {
        Some(start_live(&dir.path, lrs_endpoint, args.pseudonymise, ui)?)
    } else {
        None
    };
    ui.show_notice();
    let options = ServeOptions {
        listen: args.listen,
        port: args.port,
        workshop: args.workshop.clone(),
        code: args.code.clone(),
        host_key: args.host_key.clone(),
        facilitator_keys: args.facilitator_key.clone(),
        max_trainees: usize::from(args.max_trainees),
        idle_timeout: Duration::from_secs(u64::from(args.idle_minutes) * 60),
        data_dir: dir.path,
        live: live.as_ref().map(|sender| sender.link().clone()),
        dashboard: args.dashboard.map(|view| match view {
            DashboardView::Presenter => serve::dashboard::View::Presenter,
            DashboardView::Private => serve::dashboard::View::Private,
        }),
    };
    let mut i18n = Localizer::new(ui.locale());
    i18n.set_course_default(course.default_locale.clone());
    let served = serve::run(options, course, i18n);
    // Every trainee was saved on the way out: what they did last goes out now.
    if let Some(live) = live {
        finish_live(live, ui);
    }
    served.map_err(|error| Failure::usage(ui.error(&error)))?;
    Ok(ExitCode::SUCCESS)
}
