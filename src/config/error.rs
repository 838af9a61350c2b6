//! What can be wrong with the config file. Every variant after [`ConfigError::Unreadable`]
//! says where in the file: its path, line and column, and the key.

use super::load::Origin;
use std::path::PathBuf;

/// A place in the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file.
    pub path: PathBuf,
    /// The line, from 1.
    pub line: usize,
    /// The column, in characters, from 1.
    pub column: usize,
}

/// What a key's value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Text in quotes.
    String,
    /// A whole number.
    Integer,
    /// A table (`[lrs]`).
    Table,
}

/// A value of the right type that is still wrong. None holds more than the key's own
/// value, and no key's value is a secret (the file never holds a password).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadValue {
    /// `version` is not one this Kruispunt reads.
    Version(i64),
    /// `lang` names no language of the interface.
    Language(String),
    /// `course` or `data_dir` is empty.
    EmptyPath,
    /// `lrs.endpoint` is not an http(s) URL without credentials.
    Endpoint(String),
    /// `csv_delimiter` is not one character that can separate CSV fields.
    Delimiter(String),
}

/// Why the config file cannot be used. The program stops on each: a typo silently ignored
/// would leave people wondering why their setting does nothing.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A config file named with `--config` or `KRUISPUNT_CONFIG` does not exist.
    #[error("the config file {} ({origin:?}) does not exist", path.display())]
    Missing {
        /// The file.
        path: PathBuf,
        /// Who named it.
        origin: Origin,
    },
    /// The file exists but cannot be read: not a regular file, larger than
    /// [`MAX_CONFIG_BYTES`](super::MAX_CONFIG_BYTES), not UTF-8, or the OS refused.
    #[error("cannot read the config file {}: {reason}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: crate::course::ReadError,
    },
    /// The file is not TOML.
    #[error("{}:{}:{}: not TOML: {detail}", at.path.display(), at.line, at.column)]
    Syntax {
        /// Where.
        at: Place,
        /// What the TOML parser said.
        detail: String,
    },
    /// A key Kruispunt does not know (a typo such as `data-dir` for `data_dir`).
    #[error("{}:{}:{}: unknown key `{key}`", at.path.display(), at.line, at.column)]
    UnknownKey {
        /// Where.
        at: Place,
        /// The key, dotted (`lrs.user`).
        key: String,
        /// The known key it is probably a typo of.
        suggestion: Option<&'static str>,
    },
    /// `lrs.username` or `lrs.password`: they belong in the private `lrs.json`.
    #[error("{}:{}:{}: `{key}` does not belong in the config file", at.path.display(), at.line, at.column)]
    LrsCredentials {
        /// Where.
        at: Place,
        /// The key.
        key: String,
    },
    /// A known key with a value of the wrong type.
    #[error("{}:{}:{}: `{key}` must be a {expected:?}", at.path.display(), at.line, at.column)]
    WrongType {
        /// Where (the value).
        at: Place,
        /// The key, dotted.
        key: String,
        /// What it must be.
        expected: ValueKind,
    },
    /// A known key with a value of the right type that cannot be used.
    #[error("{}:{}:{}: bad value of `{key}`: {problem:?}", at.path.display(), at.line, at.column)]
    BadValue {
        /// Where (the value).
        at: Place,
        /// The key, dotted.
        key: &'static str,
        /// What is wrong with it.
        problem: BadValue,
    },
}
