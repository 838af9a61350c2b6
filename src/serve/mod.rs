//! `kruispunt serve`: the workshop server. Every trainee plays the whole course on their
//! own screen with nothing but `ssh`; their progress is kept on the server.
//!
//! - [`ssh`]: the russh handler: the join code, what a connection may ask for;
//! - [`screen`]: one task per connection, drawing into the SSH channel at that
//!   connection's size; [`trainee`]: the join screen, then the interface ([`App`]),
//!   following the room's group steps, lock and message; [`dashboard`]: the facilitator's
//!   dashboard (presenter and private views);
//! - [`channel_terminal`]: the writer ratatui draws into and the parser of typed bytes;
//! - [`workshop`]: what the connections share: names, limits, the back-off for wrong join
//!   codes, the end of the workshop;
//! - [`room`]: the room as the facilitator sees it, fed by the trainees' session events.
//!
//! Nothing here changes the server's own terminal: no raw mode, no alternate screen, no
//! signal handler per connection. The server process handles Ctrl-C and SIGTERM once: every
//! trainee is saved and told the workshop ended, and the process exits 0.
//!
//! Files in the data directory:
//! - `serve/host-key-ed25519`: the server's host key (OpenSSH format, 0600), made on the
//!   first start and kept for every workshop, so trainees check one fingerprint;
//! - `workshops/ID/trainees/NAME.json` (and the profile store's other files): each
//!   trainee's progress, one profile per display name.
//!
//! [`App`]: crate::tui::App

pub mod channel_terminal;
pub mod dashboard;
mod dashboard_view;
mod follow;
pub mod group_log;
mod local;
pub mod room;
pub mod screen;
pub mod ssh;
pub mod trainee;
pub mod workshop;

use crate::course::Course;
use crate::i18n::{Localize, Localizer, MsgArgs};
use crate::msg_args;
use crate::progress::{ProfileName, ProfileNameError, ProfileStore, Timestamp};
use crate::xapi::live::LiveLink;
use russh::keys::ssh_key::authorized_keys::AuthorizedKeys;
use russh::keys::ssh_key::{LineEnding, PrivateKey, PublicKey, private::Ed25519Keypair};
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;
use workshop::{JoinCode, Workshop, WorkshopSettings};

/// Where a workshop keeps its files in the data directory: `workshops/ID`.
pub fn workshop_dir(data_dir: &Path, id: &ProfileName) -> PathBuf {
    data_dir.join("workshops").join(id.as_str())
}

/// Where a workshop's trainees' progress is: one profile store, `workshops/ID/trainees`,
/// read by the server, `report --workshop`, `xapi --workshop` and `workshop forget`.
pub fn trainees_dir(data_dir: &Path, id: &ProfileName) -> PathBuf {
    workshop_dir(data_dir, id).join("trainees")
}

/// The port when none is given.
pub const DEFAULT_PORT: u16 = 2222;
/// The most trainees at once when `--max-trainees` is not given.
pub const DEFAULT_MAX_TRAINEES: usize = 60;
/// A trainee who types nothing for this long is disconnected, their progress saved.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(2 * 60 * 60);
/// How long the server waits at shutdown for every trainee to be saved and told.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// What `kruispunt serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The address to listen on (`127.0.0.1` unless `--listen`).
    pub listen: IpAddr,
    /// The port (`0` picks a free one; the start message says which).
    pub port: u16,
    /// `--workshop`; today's date in the local time zone (`2026-03-14`) when not given.
    pub workshop: Option<String>,
    /// `--code`; a new word code when not given.
    pub code: Option<String>,
    /// `--host-key`: an existing private key instead of the server's own.
    pub host_key: Option<PathBuf>,
    /// `--facilitator-key`: the public keys (authorized_keys format) that open the dashboard.
    pub facilitator_keys: Option<PathBuf>,
    /// `--max-trainees`.
    pub max_trainees: usize,
    /// The idle timeout.
    pub idle_timeout: Duration,
    /// The data directory (already resolved).
    pub data_dir: PathBuf,
    /// `--dashboard`: the facilitator's dashboard in this terminal, in this view.
    pub dashboard: Option<dashboard::View>,
    /// `--lrs`: every trainee's history goes to this live sender at each save.
    pub live: Option<LiveLink>,
}

impl ServeOptions {
    /// The defaults, keeping progress in `data_dir`.
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            listen: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: DEFAULT_PORT,
            workshop: None,
            code: None,
            host_key: None,
            facilitator_keys: None,
            max_trainees: DEFAULT_MAX_TRAINEES,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
            data_dir,
            dashboard: None,
            live: None,
        }
    }
}

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The workshop id is not usable as a directory name.
    #[error("workshop id: {0}")]
    WorkshopId(#[source] ProfileNameError),
    /// `--code` is empty.
    #[error("the join code is empty")]
    EmptyCode,
    /// The host key could not be read or is not a private key.
    #[error("could not read the host key `{}`: {reason}", path.display())]
    ReadHostKey {
        /// The key file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The new host key could not be saved.
    #[error("could not save the host key `{}`: {reason}", path.display())]
    WriteHostKey {
        /// The key file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The facilitator keys could not be read, or hold no public key.
    #[error("could not read the facilitator keys `{}`: {reason}", path.display())]
    FacilitatorKeys {
        /// The authorized_keys file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The operating system gave no random bytes.
    #[error("no random numbers from the operating system: {0}")]
    Random(String),
    /// The address could not be listened on.
    #[error("could not listen on {address}: {source}")]
    Bind {
        /// The address.
        address: SocketAddr,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The server failed while running.
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

impl Localize for ServeError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            ServeError::WorkshopId(error) => i18n.msg(
                "serve-error-workshop-id",
                &msg_args!("reason" => error.localize(i18n)),
            ),
            ServeError::EmptyCode => i18n.msg("serve-error-empty-code", &msg_args!()),
            ServeError::ReadHostKey { path, reason } => i18n.msg(
                "serve-error-read-host-key",
                &msg_args!("file" => shown(path), "reason" => reason.as_str()),
            ),
            ServeError::WriteHostKey { path, reason } => i18n.msg(
                "serve-error-write-host-key",
                &msg_args!("file" => shown(path), "reason" => reason.as_str()),
            ),
            ServeError::FacilitatorKeys { path, reason } => i18n.msg(
                "serve-error-facilitator-keys",
                &msg_args!("file" => shown(path), "reason" => reason.as_str()),
            ),
            ServeError::Random(reason) => i18n.msg(
                "serve-error-random",
                &msg_args!("reason" => reason.as_str()),
            ),
            ServeError::Bind { address, source } => i18n.msg(
                "serve-error-bind",
                &msg_args!("address" => address.to_string(), "reason" => source.localize(i18n)),
            ),
            ServeError::Io(error) => i18n.msg(
                "serve-error-io",
                &msg_args!("reason" => error.localize(i18n)),
            ),
        }
    }
}

fn shown(path: &Path) -> String {
    crate::i18n::display::escape(&path.display().to_string()).into_owned()
}

/// What every connection shares.
pub struct Shared {
    /// The workshop: names, limits, its end.
    pub workshop: Arc<Workshop>,
    /// The course every trainee plays.
    pub course: Arc<Course>,
    /// Where the trainees' progress is kept.
    pub store: ProfileStore,
    /// The server's language: the join screen, logs, goodbyes.
    pub i18n: Localizer,
    /// The public keys that log in as the facilitator.
    pub facilitator_keys: Vec<PublicKey>,
    /// The session log of the group steps (none in tests).
    pub group_log: Option<group_log::GroupLog>,
    /// `--lrs`: the live sender every trainee's session feeds.
    pub live: Option<LiveLink>,
    /// While the dashboard runs in the server's own terminal, log lines are not printed.
    log_muted: AtomicBool,
    /// Trainee tasks running now (the shutdown waits for them).
    active: AtomicUsize,
    /// SSH connections open now (capped in [`ssh::accept`]).
    connections: AtomicUsize,
}

impl Shared {
    /// Whether `key` is one of the facilitator's (compared by key, not by comment).
    pub fn is_facilitator_key(&self, key: &PublicKey) -> bool {
        self.facilitator_keys
            .iter()
            .any(|k| k.key_data() == key.key_data())
    }

    /// Writes one line to the server's stderr, in the server's language.
    pub fn log(&self, id: &str, args: &MsgArgs<'_>) {
        if self.log_muted.load(Ordering::SeqCst) {
            return;
        }
        let _ = writeln!(std::io::stderr().lock(), "{}", self.i18n.msg(id, args));
    }
}

/// Counts a trainee task as running until dropped.
pub(crate) struct Active(Arc<Shared>);

impl Active {
    pub(crate) fn new(shared: &Arc<Shared>) -> Self {
        shared.active.fetch_add(1, Ordering::SeqCst);
        Self(Arc::clone(shared))
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        self.0.active.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The workshop id given, or today's date where the server is (a workshop that starts
/// after midnight in Brussels is that day's, not the day before in UTC).
fn workshop_id(given: Option<&str>) -> Result<ProfileName, ServeError> {
    let id = match given {
        Some(id) => id.to_owned(),
        None => Timestamp::now()
            .in_zone(&crate::i18n::local_time_zone())
            .date()
            .to_string(),
    };
    ProfileName::new(&id).map_err(ServeError::WorkshopId)
}

/// The server's host key: `--host-key FILE`, or the one in the data directory, made
/// (Ed25519, 0600) on the first start. Also says whether it was just made.
fn host_key(
    given: Option<&Path>,
    data_dir: &Path,
) -> Result<(PrivateKey, PathBuf, bool), ServeError> {
    let path = match given {
        Some(path) => path.to_owned(),
        None => data_dir.join("serve").join("host-key-ed25519"),
    };
    let read_error = |reason: String| ServeError::ReadHostKey {
        path: path.clone(),
        reason,
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let key =
                PrivateKey::from_openssh(text.as_bytes()).map_err(|e| read_error(e.to_string()))?;
            Ok((key, path, false))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && given.is_none() => {
            let key = new_host_key()?;
            save_host_key(&key, &path)?;
            Ok((key, path, true))
        }
        Err(error) => Err(read_error(error.to_string())),
    }
}

/// The public keys in an authorized_keys file (options and comments are ignored); a file
/// that cannot be read, a line that is not a key, or no key at all is an error.
fn facilitator_keys(path: &Path) -> Result<Vec<PublicKey>, ServeError> {
    let error = |reason: String| ServeError::FacilitatorKeys {
        path: path.to_owned(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
    let keys = AuthorizedKeys::new(&text)
        .map(|entry| entry.map(|e| e.public_key().clone()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| error(e.to_string()))?;
    if keys.is_empty() {
        return Err(error("no public key".to_owned()));
    }
    Ok(keys)
}

/// A new Ed25519 key from the operating system's random bytes.
fn new_host_key() -> Result<PrivateKey, ServeError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| ServeError::Random(e.to_string()))?;
    let key = PrivateKey::from(Ed25519Keypair::from_seed(&seed));
    seed.fill(0);
    Ok(key)
}

/// Writes a new key file that only its owner can read, in a directory only its owner can
/// enter; an existing file is never overwritten.
fn save_host_key(key: &PrivateKey, path: &Path) -> Result<(), ServeError> {
    let write_error = |reason: String| ServeError::WriteHostKey {
        path: path.to_owned(),
        reason,
    };
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| write_error(e.to_string()))?;
    if let Some(dir) = path.parent() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(dir)
            .map_err(|e| write_error(e.to_string()))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| write_error(e.to_string()))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| write_error(e.to_string()))
}

/// Runs the workshop server until Ctrl-C or SIGTERM. `i18n` is the server's language.
pub fn run(options: ServeOptions, course: Course, i18n: Localizer) -> Result<(), ServeError> {
    let id = workshop_id(options.workshop.as_deref())?;
    let code = match options.code.as_deref().map(str::trim) {
        Some("") => return Err(ServeError::EmptyCode),
        Some(code) => JoinCode::new(code),
        None => JoinCode::generate().map_err(|e| ServeError::Random(e.to_string()))?,
    };
    let (key, key_path, created) = host_key(options.host_key.as_deref(), &options.data_dir)?;
    let facilitator_keys = match &options.facilitator_keys {
        Some(path) => facilitator_keys(path)?,
        None => Vec::new(),
    };
    let title = i18n.pick(&course.title).text.to_owned();
    let workshop = Workshop::new(WorkshopSettings {
        id: id.as_str().to_owned(),
        title,
        code,
        max_trainees: options.max_trainees,
        idle_timeout: options.idle_timeout,
    });
    let store = ProfileStore::new(trainees_dir(&options.data_dir, &id));
    let course = Arc::new(course);
    // Two servers started in the same second get different session ids.
    let salt = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos())
        ^ std::process::id().rotate_left(16);
    let group_log =
        group_log::GroupLog::start(Arc::clone(&course), i18n.current(), &options.data_dir, salt);
    let shared = Arc::new(Shared {
        workshop,
        course,
        store,
        i18n,
        facilitator_keys,
        group_log: Some(group_log),
        live: options.live.clone(),
        log_muted: AtomicBool::new(false),
        active: AtomicUsize::new(0),
        connections: AtomicUsize::new(0),
    });
    if let Some(log) = &shared.group_log {
        shared.log("serve-log-group-log", &msg_args!("id" => log.id().as_str()));
    }
    if created {
        shared.log(
            "serve-host-key-created",
            &msg_args!("file" => shown(&key_path)),
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let served = runtime.block_on(serve(&shared, key, &options));
    runtime.shutdown_timeout(Duration::from_secs(1));
    served
}

async fn serve(
    shared: &Arc<Shared>,
    key: PrivateKey,
    options: &ServeOptions,
) -> Result<(), ServeError> {
    let address = SocketAddr::new(options.listen, options.port);
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|source| ServeError::Bind { address, source })?;
    let bound = listener.local_addr()?;
    let fingerprint = ssh::fingerprint(&key);
    print_start(shared, bound, &fingerprint);
    let mut methods = vec![
        russh::MethodKind::Password,
        russh::MethodKind::KeyboardInteractive,
    ];
    if !shared.facilitator_keys.is_empty() {
        methods.push(russh::MethodKind::PublicKey);
    }
    let config = russh::server::Config {
        methods: russh::MethodSet::from(&methods[..]),
        keys: vec![key],
        auth_rejection_time: Duration::from_secs(1),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 6,
        inactivity_timeout: Some(options.idle_timeout + Duration::from_secs(60)),
        keepalive_interval: Some(Duration::from_secs(60)),
        nodelay: true,
        ..Default::default()
    };
    let (closing, closed) = tokio::sync::watch::channel(false);
    let accepting = tokio::spawn(ssh::accept(
        Arc::clone(shared),
        Arc::new(config),
        listener,
        closed,
    ));
    // The dashboard in this terminal takes Ctrl-C as a key: leaving it stops the server.
    let mut local = options
        .dashboard
        .map(|view| tokio::spawn(local::run(Arc::clone(shared), view)));
    // A finished task is not awaited again (that would panic).
    let mut finished = false;
    if let Some(dashboard) = &mut local {
        tokio::select! {
            () = stop_signal() => {}
            _ = dashboard => finished = true,
        }
    } else {
        stop_signal().await;
    }
    shared.workshop.end();
    // A signal came while the dashboard runs: it sees the end and gives the terminal back.
    if let Some(dashboard) = local
        && !finished
    {
        let _ = tokio::time::timeout(Duration::from_secs(2), dashboard).await;
    }
    shared.log("serve-log-stopping", &msg_args!());
    let deadline = tokio::time::Instant::now() + SHUTDOWN_GRACE;
    while shared.active.load(Ordering::SeqCst) > 0 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Each connection sends its disconnect after the goodbye it has queued.
    closing.send_replace(true);
    let _ = accepting.await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    shared.log("serve-log-stopped", &msg_args!());
    Ok(())
}

/// Ctrl-C, or SIGTERM on Unix.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// The start message on stdout: where, which workshop, the join code, the fingerprint,
/// and how to open the server to the room.
fn print_start(shared: &Shared, bound: SocketAddr, fingerprint: &str) {
    let settings = &shared.workshop.settings;
    let i18n = &shared.i18n;
    let mut lines = vec![i18n.msg(
        "serve-started",
        &msg_args!(
            "title" => settings.title.as_str(),
            "address" => bound.to_string(),
            "workshop" => settings.id.as_str(),
            "code" => settings.code.as_str(),
            "fingerprint" => fingerprint,
            "port" => bound.port(),
        ),
    )];
    lines.push(if bound.ip().is_loopback() {
        i18n.msg(
            "serve-only-this-computer",
            &msg_args!("port" => bound.port()),
        )
    } else {
        i18n.msg("serve-open-to-network", &msg_args!("port" => bound.port()))
    });
    let mut out = std::io::stdout().lock();
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = out.flush();
}

#[cfg(test)]
mod tests {
    use super::*;
    use russh::keys::ssh_key;

    #[test]
    fn the_host_key_is_made_once_private_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (first, path, created) = host_key(None, dir.path()).unwrap();
        assert!(created);
        assert_eq!(first.algorithm(), ssh_key::Algorithm::Ed25519);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let (again, _, created) = host_key(None, dir.path()).unwrap();
        assert!(!created);
        assert_eq!(ssh::fingerprint(&first), ssh::fingerprint(&again));
        assert!(ssh::fingerprint(&first).starts_with("SHA256:"));
        // The same key given with --host-key; a missing one is an error, not made.
        let (given, _, _) = host_key(Some(&path), Path::new("/nonexistent")).unwrap();
        assert_eq!(ssh::fingerprint(&given), ssh::fingerprint(&first));
        let missing = dir.path().join("nope");
        assert!(matches!(
            host_key(Some(&missing), dir.path()),
            Err(ServeError::ReadHostKey { .. })
        ));
        std::fs::write(&missing, "not a key").unwrap();
        assert!(matches!(
            host_key(Some(&missing), dir.path()),
            Err(ServeError::ReadHostKey { .. })
        ));
    }

    #[test]
    fn workshop_ids_default_to_the_date_and_are_checked() {
        let today = workshop_id(None).unwrap();
        assert_eq!(today.as_str().len(), 10, "{today}");
        assert_eq!(workshop_id(Some("oct-b")).unwrap().as_str(), "oct-b");
        assert!(workshop_id(Some("../x")).is_err());
    }
}
