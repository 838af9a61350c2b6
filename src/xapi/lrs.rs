//! Where the Learning Record Store is and how to log in to it: the endpoint, the user name
//! and the password, from flags, from `KRUISPUNT_LRS_*` variables or from a private config
//! file (`lrs.json` in the platform's config directory), in that order of precedence.
//!
//! The password never leaves this module in a printable form: [`Password`]'s `Debug` is
//! redacted, and no error of the LRS layer carries it (nor the user name).

use crate::progress::{ProgressError, create_private_dir, write_atomically};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// The environment variable with the LRS endpoint.
pub const ENDPOINT_ENV: &str = "KRUISPUNT_LRS_ENDPOINT";
/// The environment variable with the LRS user name (the Basic auth key).
pub const USERNAME_ENV: &str = "KRUISPUNT_LRS_USERNAME";
/// The environment variable with the LRS password (the Basic auth secret).
pub const PASSWORD_ENV: &str = "KRUISPUNT_LRS_PASSWORD";
/// The environment variable naming the LRS config file, instead of the platform's.
pub const CONFIG_ENV: &str = "KRUISPUNT_LRS_CONFIG";

/// A secret that is never shown: its `Debug` prints `***`, and it has no `Display`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Password(String);

impl Password {
    /// Wraps a secret.
    pub fn new(secret: String) -> Self {
        Self(secret)
    }

    /// The secret itself, for the Authorization header only.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// Some or all of the LRS settings, as one source gives them (flags, environment, file).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LrsSettings {
    /// The xAPI endpoint: the URL that `statements` is appended to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// The Basic auth user name (the LRS's "key").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The Basic auth password (the LRS's "secret").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Password>,
}

impl LrsSettings {
    /// The settings in the `KRUISPUNT_LRS_*` environment variables (empty ones do not count).
    pub fn from_environment() -> Self {
        let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
        Self {
            endpoint: var(ENDPOINT_ENV),
            username: var(USERNAME_ENV),
            password: var(PASSWORD_ENV).map(Password::new),
        }
    }

    /// These settings where they are given, `other`'s where not.
    pub fn or(self, other: Self) -> Self {
        Self {
            endpoint: self.endpoint.or(other.endpoint),
            username: self.username.or(other.username),
            password: self.password.or(other.password),
        }
    }

    /// The complete, checked connection settings, or which one is missing or wrong.
    pub fn complete(self) -> Result<Lrs, LrsError> {
        let endpoint = self.endpoint.ok_or(LrsError::Missing(Setting::Endpoint))?;
        let endpoint = check_endpoint(&endpoint)?;
        Ok(Lrs {
            endpoint,
            username: self.username.ok_or(LrsError::Missing(Setting::Username))?,
            password: self.password.ok_or(LrsError::Missing(Setting::Password))?,
        })
    }
}

/// Which LRS setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// The endpoint.
    Endpoint,
    /// The user name.
    Username,
    /// The password.
    Password,
}

/// The complete settings to reach an LRS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lrs {
    /// The xAPI endpoint, ending in `/`.
    pub endpoint: String,
    /// The Basic auth user name.
    pub username: String,
    /// The Basic auth password.
    pub password: Password,
}

impl Lrs {
    /// The statements resource of the endpoint.
    pub fn statements_url(&self) -> String {
        format!("{}statements", self.endpoint)
    }
}

/// What goes wrong with the LRS settings or with talking to the LRS. No variant holds the
/// user name or the password.
#[derive(Debug, thiserror::Error)]
pub enum LrsError {
    /// A setting is given nowhere.
    #[error("no LRS {0:?}: give it as a flag, in KRUISPUNT_LRS_*, or in the config file")]
    Missing(Setting),
    /// The endpoint is not an http(s) URL, or carries credentials.
    #[error("the LRS endpoint `{0}` is not an http(s) URL without user or password in it")]
    BadEndpoint(String),
    /// The config file or the password file cannot be read.
    #[error("cannot read `{}`: {reason}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why, from the OS.
        reason: std::io::Error,
    },
    /// The config file is not the JSON object it should be.
    #[error("`{}` is not an LRS config file: {reason}", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What the JSON parser said (never the values).
        reason: String,
    },
    /// No config directory could be found and none was named.
    #[error("cannot find a config directory; set {CONFIG_ENV}")]
    NoConfigDir,
    /// A private file (config, outbox, ledger) could not be written.
    #[error(transparent)]
    Store(#[from] ProgressError),
    /// The LRS refused the user name and password (401) or the access (403).
    #[error("the LRS at {endpoint} refused the credentials (HTTP {status})")]
    Unauthorized {
        /// The endpoint.
        endpoint: String,
        /// 401 or 403.
        status: u16,
    },
    /// The TLS handshake failed (not TLS, untrusted or wrong certificate).
    #[error("no secure connection to {endpoint}: {detail}")]
    Tls {
        /// The endpoint.
        endpoint: String,
        /// What rustls said.
        detail: String,
    },
    /// The LRS kept answering 429 or 5xx (or kept failing to connect) through every try.
    #[error("the LRS at {endpoint} is not accepting statements after {attempts} tries: {last}")]
    GaveUp {
        /// The endpoint.
        endpoint: String,
        /// How many tries.
        attempts: u32,
        /// The last answer or failure.
        last: String,
    },
    /// The LRS answered something that is not HTTP or not the xAPI answer.
    #[error("the LRS at {endpoint} gave an answer that makes no sense: {detail}")]
    Malformed {
        /// The endpoint.
        endpoint: String,
        /// What was wrong with it.
        detail: String,
    },
}

/// Checks an endpoint (an http(s) URL without credentials, `?` or `#`) and ends it with
/// `/`, so `statements` can be appended.
pub fn check_endpoint(endpoint: &str) -> Result<String, LrsError> {
    let rest = endpoint
        .strip_prefix("https://")
        .or_else(|| endpoint.strip_prefix("http://"));
    let authority = rest.and_then(|r| r.split('/').next()).unwrap_or("");
    // Credentials in the URL would be printed with every error that names the endpoint.
    if authority.is_empty() || authority.contains('@') || endpoint.contains(['?', '#', ' ']) {
        let shown = match endpoint.split_once('@') {
            Some((_, host)) => format!("…@{host}"),
            None => endpoint.to_owned(),
        };
        return Err(LrsError::BadEndpoint(shown));
    }
    Ok(format!("{}/", endpoint.trim_end_matches('/')))
}

/// The LRS config file: `--lrs-config`, else `KRUISPUNT_LRS_CONFIG`, else `lrs.json` in
/// the platform's config directory (`~/.config/kruispunt` on Linux).
pub fn config_path(flag: Option<&Path>) -> Result<PathBuf, LrsError> {
    if let Some(flag) = flag.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(flag.to_owned());
    }
    if let Some(env) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(env));
    }
    directories::ProjectDirs::from("", "", "kruispunt")
        .map(|dirs| dirs.config_dir().join("lrs.json"))
        .ok_or(LrsError::NoConfigDir)
}

/// The settings in the config file at `path`; empty when there is no such file.
pub fn read_config(path: &Path) -> Result<LrsSettings, LrsError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(LrsSettings::default()),
        Err(reason) => {
            return Err(LrsError::Unreadable {
                path: path.to_owned(),
                reason,
            });
        }
    };
    serde_json::from_str(&text).map_err(|e| LrsError::Damaged {
        path: path.to_owned(),
        // Line and column only: serde's message could quote a value (the password).
        reason: format!("line {}, column {}", e.line(), e.column()),
    })
}

/// Writes `settings` to the config file at `path`: private (0600) and atomic, its
/// directory created private when missing.
pub fn write_config(path: &Path, settings: &LrsSettings) -> Result<(), LrsError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let mut json = serde_json::to_string_pretty(settings).unwrap_or_default();
    json.push('\n');
    write_atomically(path, json.as_bytes())?;
    Ok(())
}

/// The password in the file at `path`, without the line ending after it.
pub fn read_password_file(path: &Path) -> Result<Password, LrsError> {
    let text = std::fs::read_to_string(path).map_err(|reason| LrsError::Unreadable {
        path: path.to_owned(),
        reason,
    })?;
    Ok(Password::new(
        text.trim_end_matches(['\n', '\r']).to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn some(endpoint: &str, username: &str, password: &str) -> LrsSettings {
        LrsSettings {
            endpoint: Some(endpoint.into()),
            username: Some(username.into()),
            password: Some(Password::new(password.into())),
        }
    }

    #[test]
    fn a_flag_beats_the_environment_which_beats_the_file() {
        let flags = LrsSettings {
            username: Some("from-flag".into()),
            ..LrsSettings::default()
        };
        let env = LrsSettings {
            username: Some("from-env".into()),
            password: Some(Password::new("env-secret".into())),
            ..LrsSettings::default()
        };
        let file = some("https://lrs.example/xapi", "from-file", "file-secret");
        let lrs = flags.or(env).or(file).complete().unwrap();
        assert_eq!(lrs.username, "from-flag");
        assert_eq!(lrs.password.expose(), "env-secret");
        assert_eq!(lrs.statements_url(), "https://lrs.example/xapi/statements");
    }

    #[test]
    fn the_password_never_shows_in_debug() {
        let lrs = some("http://x.example/", "key", "hunter2-secret")
            .complete()
            .unwrap();
        let shown = format!("{lrs:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("***"), "{shown}");
    }

    #[test]
    fn a_missing_setting_is_named() {
        let err = LrsSettings {
            endpoint: Some("http://x.example".into()),
            ..LrsSettings::default()
        }
        .complete()
        .unwrap_err();
        assert!(matches!(err, LrsError::Missing(Setting::Username)), "{err}");
    }

    #[test]
    fn endpoints_with_credentials_or_without_http_are_refused_without_echoing_them() {
        for bad in [
            "ftp://x",
            "x.example",
            "https://user:pw@x.example/",
            "https:///",
        ] {
            let err = some(bad, "u", "p").complete().unwrap_err();
            assert!(matches!(err, LrsError::BadEndpoint(_)), "{bad}: {err}");
            assert!(!err.to_string().contains("user:pw"), "{err}");
        }
    }

    #[test]
    fn the_config_file_is_private_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("conf/lrs.json");
        let settings = some("http://127.0.0.1:1/xAPI/", "u", "s3cret");
        write_config(&path, &settings).unwrap();
        assert_eq!(read_config(&path).unwrap(), settings);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, "{\"password\": s3cret}").unwrap();
        let err = read_config(&path).unwrap_err();
        assert!(!err.to_string().contains("s3cret"), "{err}");
    }
}
