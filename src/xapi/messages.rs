//! The learning records layer's errors in the interface language.

use super::lrs::{CONFIG_ENV, LrsError, Setting};
use super::{MIN_SALT_LEN, SALT_ENV, XapiError};
use crate::i18n::error::{shown, shown_path};
use crate::i18n::{Localize, Localizer};
use crate::msg_args;

impl Localize for XapiError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            XapiError::BadBaseIri(value) => {
                i18n.msg("xapi-bad-base-iri", &msg_args!("value" => shown(value)))
            }
            XapiError::BadHomePage(value) => {
                i18n.msg("xapi-bad-home-page", &msg_args!("value" => shown(value)))
            }
            XapiError::NoSalt => i18n.msg("xapi-no-salt", &msg_args!("variable" => SALT_ENV)),
            XapiError::ShortSalt(length) => i18n.msg(
                "xapi-short-salt",
                &msg_args!("length" => *length, "minimum" => MIN_SALT_LEN),
            ),
        }
    }
}

impl Localize for LrsError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            LrsError::Missing(setting) => i18n.msg(
                match setting {
                    Setting::Endpoint => "xapi-lrs-missing-endpoint",
                    Setting::Username => "xapi-lrs-missing-username",
                    Setting::Password => "xapi-lrs-missing-password",
                },
                &msg_args!(),
            ),
            LrsError::BadEndpoint(value) => {
                i18n.msg("xapi-lrs-bad-endpoint", &msg_args!("value" => shown(value)))
            }
            LrsError::Unreadable { path, reason } => i18n.msg(
                "xapi-lrs-unreadable",
                &msg_args!("file" => shown_path(path), "reason" => reason.to_string()),
            ),
            LrsError::Damaged { path, reason } => i18n.msg(
                "xapi-lrs-damaged",
                &msg_args!("file" => shown_path(path), "where" => reason.as_str()),
            ),
            LrsError::NoConfigDir => i18n.msg(
                "xapi-lrs-no-config-dir",
                &msg_args!("variable" => CONFIG_ENV),
            ),
            LrsError::Store(error) => error.localize(i18n),
            LrsError::Unauthorized { endpoint, status } => i18n.msg(
                "xapi-lrs-unauthorized",
                &msg_args!("endpoint" => endpoint.as_str(), "status" => *status),
            ),
            LrsError::Tls { endpoint, detail } => i18n.msg(
                "xapi-lrs-tls",
                &msg_args!("endpoint" => endpoint.as_str(), "detail" => detail.as_str()),
            ),
            LrsError::GaveUp {
                endpoint,
                attempts,
                last,
            } => i18n.msg(
                "xapi-lrs-gave-up",
                &msg_args!("endpoint" => endpoint.as_str(), "attempts" => *attempts, "last" => last.as_str()),
            ),
            LrsError::Malformed { endpoint, detail } => i18n.msg(
                "xapi-lrs-malformed",
                &msg_args!("endpoint" => endpoint.as_str(), "detail" => detail.as_str()),
            ),
        }
    }
}
