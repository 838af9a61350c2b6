//! `kruispunt xapi send` and `kruispunt xapi configure`: the LRS settings from flags,
//! `KRUISPUNT_LRS_*`, the LRS config file `lrs.json` and, for the endpoint only,
//! `lrs.endpoint` in `kruispunt.toml` (in that order), the outbox filled and delivered,
//! and one summary line. Credentials are never printed.

use super::messages::Ui;
use super::profiles::resolve_dir;
use super::xapi::{Request, statements_of};
use super::{EXIT_REFUSED, Failure, finish_output};
use crate::msg_args;
use crate::xapi::client::{HttpPoster, Retry};
use crate::xapi::live::{self, LiveSender};
use crate::xapi::lrs::{self, Lrs, LrsError, LrsSettings, Password, Setting};
use crate::xapi::outbox::Outbox;
use crate::xapi::send::{Delivery, deliver};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// How long one request may take, connection included.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Which LRS, and how to log in: flags over `KRUISPUNT_LRS_*` over the config file.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LrsArgs {
    /// The LRS's xAPI endpoint, the URL `statements` is appended to (Ralph:
    /// http://HOST:8100/xAPI/). Default: KRUISPUNT_LRS_ENDPOINT, then the LRS config file,
    /// then lrs.endpoint in kruispunt.toml.
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,
    /// The user name (key) for Basic auth. Default: KRUISPUNT_LRS_USERNAME, then the
    /// config file.
    #[arg(long, value_name = "NAME")]
    pub username: Option<String>,
    /// Read the password (secret) from FILE, never from the command line. Default:
    /// KRUISPUNT_LRS_PASSWORD, then the config file.
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// The LRS config file. Default: KRUISPUNT_LRS_CONFIG, then lrs.json in the platform's
    /// config directory.
    #[arg(long, value_name = "FILE")]
    pub lrs_config: Option<PathBuf>,
    /// `lrs.endpoint` in `kruispunt.toml`, the last place an endpoint is taken from (set
    /// from the config file, not an option).
    #[arg(skip)]
    pub configured_endpoint: Option<String>,
}

impl LrsArgs {
    /// The settings given as flags (the password file read).
    fn flags(&self, ui: &Ui) -> Result<LrsSettings, Failure> {
        let password = match &self.password_file {
            Some(path) => Some(lrs::read_password_file(path).map_err(|e| usage(&e, ui))?),
            None => None,
        };
        Ok(LrsSettings {
            endpoint: self.endpoint.clone(),
            username: self.username.clone(),
            password,
        })
    }

    /// The config file's path and what it holds.
    fn file(&self, ui: &Ui) -> Result<(PathBuf, LrsSettings), Failure> {
        let path = lrs::config_path(self.lrs_config.as_deref()).map_err(|e| usage(&e, ui))?;
        let settings = lrs::read_config(&path).map_err(|e| usage(&e, ui))?;
        Ok((path, settings))
    }
}

impl LrsArgs {
    /// The LRS to send to. Each setting comes from a flag, else `KRUISPUNT_LRS_*`, else
    /// the config file: the one place this is decided, for `xapi send` and for `--lrs`
    /// (a further source of settings belongs here, between the environment and the file).
    pub(super) fn lrs(&self) -> Result<Lrs, LrsError> {
        let password = match &self.password_file {
            Some(path) => Some(lrs::read_password_file(path)?),
            None => None,
        };
        let flags = LrsSettings {
            endpoint: self.endpoint.clone(),
            username: self.username.clone(),
            password,
        };
        let saved = lrs::read_config(&lrs::config_path(self.lrs_config.as_deref())?)?;
        let configured = LrsSettings {
            endpoint: self.configured_endpoint.clone(),
            ..LrsSettings::default()
        };
        // The order `kruispunt config show` reports (crate::config::resolve).
        flags
            .or(LrsSettings::from_environment())
            .or(saved)
            .or(configured)
            .complete()
    }
}

/// `--lrs` on the course or on `serve`: the live sender, delivering to the LRS that `xapi
/// send` would use (without flags: `KRUISPUNT_LRS_*`, then the config file), with the
/// outbox in `data_dir`. Refused, saying what is missing, when no LRS is configured.
///
/// `configured_endpoint` is `lrs.endpoint` of `kruispunt.toml`; with `pseudonymise` the
/// trainees are named by a salted hash, the salt read and checked here, before anything
/// starts.
pub(super) fn start_live(
    data_dir: &Path,
    configured_endpoint: Option<&str>,
    pseudonymise: bool,
    ui: &Ui,
) -> Result<LiveSender, Failure> {
    let options = super::xapi::live_options(pseudonymise);
    options.check().map_err(|e| Failure::usage(ui.error(&e)))?;
    let args = LrsArgs {
        configured_endpoint: configured_endpoint.map(str::to_owned),
        ..LrsArgs::default()
    };
    let lrs = args.lrs().map_err(|e| {
        // `--lrs` takes no flags of its own: a missing setting is told without them.
        let reason = match e {
            LrsError::Missing(Setting::Endpoint) => {
                ui.msg("xapi-live-missing-endpoint", &msg_args!())
            }
            LrsError::Missing(Setting::Username) => {
                ui.msg("xapi-live-missing-username", &msg_args!())
            }
            LrsError::Missing(Setting::Password) => {
                ui.msg("xapi-live-missing-password", &msg_args!())
            }
            other => ui.error(&other),
        };
        Failure::usage(ui.msg("xapi-live-no-lrs", &msg_args!("reason" => reason)))
    })?;
    let poster =
        HttpPoster::with_connect_timeout(&lrs, live::REQUEST_TIMEOUT, live::CONNECT_TIMEOUT);
    // Statements as `xapi send` makes them without options (but `--pseudonymise`), so
    // that a later `send` of the same history finds them in the ledger.
    LiveSender::start(data_dir.to_owned(), Box::new(poster), options)
        .map_err(|e| Failure::usage(ui.error(&e)))
}

/// After the course: the live sender gets [`live::EXIT_GRACE`] to deliver what is in
/// flight, and the notice is printed when a failure was not told yet.
pub(super) fn finish_live(sender: LiveSender, ui: &Ui) {
    let link = sender.link().clone();
    sender.finish(live::EXIT_GRACE);
    if link.take_notice() {
        let _ = writeln!(
            io::stderr().lock(),
            "{}",
            ui.msg(live::NOTICE, &msg_args!())
        );
    }
}

fn usage(error: &lrs::LrsError, ui: &Ui) -> Failure {
    Failure::usage(ui.error(error))
}

/// `kruispunt xapi configure`: merges the flags into the config file, written private.
pub(super) fn configure(args: &LrsArgs, ui: &mut Ui) -> Result<ExitCode, Failure> {
    let flags = args.flags(ui)?;
    let (path, saved) = args.file(ui)?;
    let merged = flags.or(saved);
    // Refuse an endpoint that `send` would refuse, before it is saved.
    if let Some(endpoint) = &merged.endpoint {
        LrsSettings {
            endpoint: Some(endpoint.clone()),
            username: Some(String::new()),
            password: Some(Password::new(String::new())),
        }
        .complete()
        .map_err(|e| usage(&e, ui))?;
    }
    lrs::write_config(&path, &merged).map_err(|e| usage(&e, ui))?;
    let done = ui.msg(
        "xapi-configured",
        &msg_args!("file" => path.display().to_string()),
    );
    finish_output(writeln!(io::stdout().lock(), "{done}"), ui)?;
    Ok(ExitCode::SUCCESS)
}

/// `kruispunt xapi send`.
pub(super) fn send(
    request: &Request<'_>,
    args: &LrsArgs,
    batch_size: usize,
    attempts: u32,
    ui: &mut Ui,
) -> Result<ExitCode, Failure> {
    // The settings first: a missing password should not wait for a course to load.
    let lrs = args.lrs().map_err(|e| usage(&e, ui))?;
    let (_, statements) = statements_of(request, ui)?;
    let dir = resolve_dir(request.data_dir, ui)?;
    let mut outbox = Outbox::open(&dir.path).map_err(|e| usage(&e, ui))?;
    outbox.enqueue(statements).map_err(|e| usage(&e, ui))?;
    let mut poster = HttpPoster::new(&lrs, REQUEST_TIMEOUT);
    let retry = Retry {
        attempts,
        ..Retry::default()
    };
    let delivered = deliver(
        &mut outbox,
        &mut poster,
        batch_size,
        &retry,
        &mut std::thread::sleep,
    );
    let (delivery, error) = match delivered {
        Ok(delivery) => (delivery, None),
        Err((delivery, error)) => (delivery, Some(error)),
    };
    let waiting = outbox.pending().len();
    drop(outbox);
    report(&delivery, waiting, ui)?;
    if let Some(error) = error {
        let mut message = ui.error(&error);
        if waiting > 0 {
            message.push('\n');
            message.push_str(&ui.msg("xapi-send-waiting", &msg_args!("count" => waiting)));
        }
        return Err(Failure::refused(message));
    }
    if delivery.refused.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(EXIT_REFUSED))
    }
}

/// Each refused statement on stderr, then the summary line on stdout.
fn report(delivery: &Delivery, waiting: usize, ui: &Ui) -> Result<(), Failure> {
    let mut err = io::stderr().lock();
    for refusal in &delivery.refused {
        let line = ui.msg(
            "xapi-send-refused",
            &msg_args!(
                "id" => refusal.id.as_str(),
                "verb" => refusal.verb.rsplit('/').next().unwrap_or_default(),
                "status" => refusal.status,
                "message" => refusal.message.as_str(),
            ),
        );
        let _ = writeln!(err, "{line}");
    }
    let summary = ui.msg(
        "xapi-send-summary",
        &msg_args!(
            "sent" => delivery.sent,
            "already" => delivery.already,
            "refused" => delivery.refused.len(),
            "waiting" => waiting,
            "posts" => delivery.posts,
        ),
    );
    finish_output(writeln!(io::stdout().lock(), "{summary}"), ui)
}
