//! The report's errors in the interface language.

use super::ExportError;
use super::document::DelimiterError;
use crate::i18n::error::{printable, shown};
use crate::i18n::{Localize, Localizer};
use crate::msg_args;

/// Why a file is not a usable export (the reason after “skipped FILE:”).
impl Localize for ExportError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            ExportError::NotJson(detail) => i18n.msg(
                "report-reason-not-json",
                &msg_args!("detail" => shown(detail)),
            ),
            ExportError::Foreign => i18n.msg("report-reason-foreign", &msg_args!()),
            // As written in the file: as a number, Fluent would round it through a float.
            ExportError::Newer { found, supported } => i18n.msg(
                "report-reason-newer",
                &msg_args!("found" => shown(found), "supported" => *supported),
            ),
            ExportError::WrongShape(detail) => i18n.msg(
                "report-reason-damaged",
                &msg_args!("detail" => shown(detail)),
            ),
            ExportError::Unreadable(detail) => i18n.msg(
                "report-reason-unreadable",
                &msg_args!("detail" => shown(detail)),
            ),
            ExportError::NotAFile => i18n.msg("report-reason-not-a-file", &msg_args!()),
            ExportError::TooLarge { limit } => {
                i18n.msg("report-reason-too-large", &msg_args!("limit" => *limit))
            }
            ExportError::TooMany { what, count, limit } => i18n.msg(
                "report-reason-too-many",
                &msg_args!("what" => *what, "count" => *count, "limit" => *limit),
            ),
        }
    }
}

/// Why `--csv-delimiter` (or the configured delimiter) cannot be used.
impl Localize for DelimiterError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            DelimiterError::NotOneCharacter(given) => i18n.msg(
                "csv-delimiter-not-one-character",
                &msg_args!("given" => shown(given)),
            ),
            DelimiterError::NotAscii(c) => i18n.msg(
                "csv-delimiter-not-ascii",
                &msg_args!("given" => printable(*c)),
            ),
            DelimiterError::Unusable(c) => i18n.msg(
                "csv-delimiter-unusable",
                &msg_args!("given" => printable(*c)),
            ),
        }
    }
}
