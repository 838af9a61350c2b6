//! The config file's errors in the interface language.

use super::error::{BadValue, ConfigError, Place, ValueKind};
use super::load::CONFIG_ENV;
use super::model::{FORMAT_VERSION, KEYS};
use crate::i18n::error::{shown, shown_path};
use crate::i18n::{Localize, Localizer};
use crate::msg_args;

impl Localize for ConfigError {
    fn localize(&self, i18n: &Localizer) -> String {
        let here = |at: &Place| {
            i18n.msg(
                "config-place",
                &msg_args!(
                    "file" => shown_path(&at.path),
                    "line" => at.line.to_string(),
                    "column" => at.column.to_string(),
                ),
            )
        };
        let keys = || {
            KEYS.iter()
                .map(|(key, _)| *key)
                .filter(|key| *key != "lrs")
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            ConfigError::Missing { path, origin } => i18n.msg(
                "config-missing",
                &msg_args!(
                    "file" => shown_path(path),
                    "origin" => origin.key(),
                    "variable" => CONFIG_ENV,
                ),
            ),
            ConfigError::Unreadable { path, reason } => i18n.msg(
                "config-unreadable",
                &msg_args!("file" => shown_path(path), "reason" => reason.localize(i18n)),
            ),
            ConfigError::Syntax { at, detail } => i18n.msg(
                "config-syntax",
                &msg_args!("place" => here(at), "detail" => shown(detail)),
            ),
            ConfigError::UnknownKey {
                at,
                key,
                suggestion: Some(suggestion),
            } => i18n.msg(
                "config-unknown-key-suggestion",
                &msg_args!(
                    "place" => here(at),
                    "key" => shown(key),
                    "suggestion" => *suggestion,
                    "keys" => keys(),
                ),
            ),
            ConfigError::UnknownKey { at, key, .. } => i18n.msg(
                "config-unknown-key",
                &msg_args!("place" => here(at), "key" => shown(key), "keys" => keys()),
            ),
            ConfigError::LrsCredentials { at, key } => i18n.msg(
                "config-lrs-credentials",
                &msg_args!("place" => here(at), "key" => shown(key)),
            ),
            ConfigError::WrongType { at, key, expected } => i18n.msg(
                "config-wrong-type",
                &msg_args!(
                    "place" => here(at),
                    "key" => shown(key),
                    "expected" => match expected {
                        ValueKind::String => "string",
                        ValueKind::Integer => "integer",
                        ValueKind::Table => "table",
                    },
                ),
            ),
            ConfigError::BadValue { at, key, problem } => {
                let place = here(at);
                match problem {
                    BadValue::Version(found) => i18n.msg(
                        "config-bad-version",
                        &msg_args!(
                            "place" => place,
                            "found" => found.to_string(),
                            "supported" => FORMAT_VERSION.to_string(),
                        ),
                    ),
                    BadValue::Language(value) => i18n.msg(
                        "config-bad-lang",
                        &msg_args!("place" => place, "value" => shown(value)),
                    ),
                    BadValue::EmptyPath => i18n.msg(
                        "config-empty-path",
                        &msg_args!("place" => place, "key" => *key),
                    ),
                    BadValue::Endpoint(value) => i18n.msg(
                        "config-bad-endpoint",
                        &msg_args!("place" => place, "value" => shown(value)),
                    ),
                    BadValue::Delimiter(value) => i18n.msg(
                        "config-bad-delimiter",
                        &msg_args!("place" => place, "value" => shown(value)),
                    ),
                }
            }
        }
    }
}
