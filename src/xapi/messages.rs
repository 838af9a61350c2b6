//! The learning records layer's errors in the interface language.

use super::{MIN_SALT_LEN, SALT_ENV, XapiError};
use crate::i18n::error::shown;
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
