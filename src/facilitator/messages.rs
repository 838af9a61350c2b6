//! Facilitator mode's errors in the interface language.

use super::{SessionError, SessionIdError};
use crate::i18n::error::{shown, shown_path};
use crate::i18n::{Localize, Localizer};
use crate::msg_args;

impl Localize for SessionError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            SessionError::Write(e) => e.localize(i18n),
            SessionError::Read { path, source } => i18n.msg(
                "error-cannot-read-path",
                &msg_args!("path" => shown_path(path), "reason" => source.localize(i18n)),
            ),
            SessionError::NoSuchSession(id) => {
                i18n.msg("error-no-such-session", &msg_args!("id" => id.as_str()))
            }
            SessionError::Damaged { path, reason } => i18n.msg(
                "error-session-damaged",
                &msg_args!("path" => shown_path(path), "reason" => shown(reason)),
            ),
        }
    }
}

impl Localize for SessionIdError {
    fn localize(&self, i18n: &Localizer) -> String {
        i18n.msg("session-bad-id", &msg_args!("id" => shown(&self.0)))
    }
}
