//! The progress layer's errors in the interface language.

use super::{Damage, MigrationError, ProfileNameError, ProgressError};
use crate::i18n::error::{printable, shown, shown_path};
use crate::i18n::{Localize, Localizer};
use crate::msg_args;

impl Localize for ProfileNameError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            ProfileNameError::Empty => i18n.msg("error-profile-name-empty", &msg_args!()),
            ProfileNameError::TooLong { len } => i18n.msg(
                "error-profile-name-too-long",
                &msg_args!("len" => *len, "max" => crate::progress::MAX_PROFILE_NAME_LEN),
            ),
            ProfileNameError::InvalidCharacter { name, found } => i18n.msg(
                "error-profile-name-character",
                &msg_args!("name" => shown(name), "found" => printable(*found)),
            ),
        }
    }
}

impl Localize for ProgressError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            ProgressError::NoDataDir => i18n.msg("error-no-data-dir", &msg_args!()),
            ProgressError::InvalidName(e) => e.localize(i18n),
            ProgressError::ProfileInUse {
                profile,
                pid: Some(pid),
            } => i18n.msg(
                "error-profile-in-use",
                &msg_args!("name" => profile.as_str(), "pid" => *pid),
            ),
            ProgressError::ProfileInUse { profile, pid: None } => i18n.msg(
                "error-profile-in-use-no-pid",
                &msg_args!("name" => profile.as_str()),
            ),
            ProgressError::NewerVersion {
                path,
                found,
                supported,
            } => i18n.msg(
                "error-newer-progress",
                &msg_args!(
                    "path" => shown_path(path),
                    "found" => *found,
                    "supported" => *supported,
                ),
            ),
            ProgressError::NoSuchProfile { profile, dir } => i18n.msg(
                "error-no-such-profile",
                &msg_args!("name" => profile.as_str(), "dir" => shown_path(dir)),
            ),
            ProgressError::Io {
                action,
                path,
                source,
            } => i18n.msg(
                "error-progress-io",
                &msg_args!(
                    // Fluent variant keys have no spaces: `move aside` selects `[move-aside]`.
                    "action" => action.replace(' ', "-"),
                    "path" => shown_path(path),
                    "reason" => source.localize(i18n),
                ),
            ),
            ProgressError::NotAFile { path } => i18n.msg(
                "error-not-a-regular-file",
                &msg_args!("path" => shown_path(path)),
            ),
            ProgressError::Encode(e) => i18n.msg(
                "error-progress-encode",
                &msg_args!("reason" => shown(&e.to_string())),
            ),
        }
    }
}

/// What is wrong with a damaged progress file.
impl Localize for Damage {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            Damage::Empty => i18n.msg("damage-empty", &msg_args!()),
            Damage::Unreadable(reason) => {
                i18n.msg("damage-unreadable", &msg_args!("reason" => shown(reason)))
            }
            Damage::NotJson(reason) => {
                i18n.msg("damage-not-json", &msg_args!("reason" => shown(reason)))
            }
            Damage::NoVersion => i18n.msg("damage-no-version", &msg_args!()),
            Damage::WrongShape(reason) => {
                i18n.msg("damage-wrong-shape", &msg_args!("reason" => shown(reason)))
            }
        }
    }
}

impl Localize for MigrationError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            MigrationError::NotAnObject => {
                i18n.msg("error-progress-migration-not-an-object", &msg_args!())
            }
            MigrationError::Malformed { field, version } => i18n.msg(
                "error-progress-migration-malformed",
                &msg_args!("field" => *field, "version" => *version),
            ),
            MigrationError::TooOld(version) => i18n.msg(
                "error-progress-migration-too-old",
                &msg_args!("version" => *version),
            ),
        }
    }
}
