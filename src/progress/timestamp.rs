//! [`Timestamp`]: a UTC instant, kept in files as RFC 3339 text and shown to people in their
//! own time zone.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A moment, in whole seconds since the Unix epoch (UTC). Written in files as an RFC 3339
/// instant in UTC (`"2026-12-06T17:30:00Z"`); files written before that hold the plain
/// number, and both are read. A number past what a calendar date can hold (a damaged or
/// hostile file, year 10000 and later) is written back as the number it was.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub u64);

impl Timestamp {
    /// Now, from the system clock. A clock set before 1970 gives 0 rather than failing.
    pub fn now() -> Self {
        Self(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        )
    }

    /// The instant as jiff's, when a calendar can show it (up to the end of year 9999).
    pub fn instant(self) -> Option<jiff::Timestamp> {
        let seconds = i64::try_from(self.0).ok()?;
        jiff::Timestamp::from_second(seconds).ok()
    }

    /// The instant, or the last one a calendar can show.
    fn instant_or_max(self) -> jiff::Timestamp {
        self.instant().unwrap_or(jiff::Timestamp::MAX)
    }

    /// `2026-03-21T10:15:00Z`.
    pub fn rfc3339(self) -> String {
        self.instant_or_max()
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    }

    /// `20260321T101500Z`: like RFC 3339 but without `:` and `-`, so it fits in a file name
    /// on every platform.
    pub fn compact(self) -> String {
        self.instant_or_max().strftime("%Y%m%dT%H%M%SZ").to_string()
    }

    /// The date and time on the wall clock of `zone` (the user's: [`jiff::tz::TimeZone::system`],
    /// which follows `TZ`).
    pub fn in_zone(self, zone: &jiff::tz::TimeZone) -> jiff::civil::DateTime {
        zone.to_datetime(self.instant_or_max())
    }
}

/// A moment passed to a message is its RFC 3339 text, which the message shows with
/// `DATETIME` in the user's time zone and language ([`crate::i18n::datetime`]).
impl From<Timestamp> for crate::i18n::MsgArg<'_> {
    fn from(at: Timestamp) -> Self {
        crate::i18n::MsgArg::Text(at.rfc3339().into())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.instant() {
            Some(_) => serializer.serialize_str(&self.rfc3339()),
            None => serializer.serialize_u64(self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// RFC 3339 text or, from files of earlier versions, a number of seconds.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 instant or a number of seconds since 1970")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Timestamp, E> {
                Ok(Timestamp(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Timestamp, E> {
                u64::try_from(v)
                    .map(Timestamp)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Timestamp, E> {
                // Only instants: a bare number in a string is not what either version wrote.
                let instant: jiff::Timestamp = v
                    .parse()
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))?;
                u64::try_from(instant.as_second())
                    .map(Timestamp)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_format_as_utc() {
        assert_eq!(Timestamp(0).rfc3339(), "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp(951_782_400).rfc3339(), "2000-02-29T00:00:00Z");
        assert_eq!(Timestamp(1_774_088_100).rfc3339(), "2026-03-21T10:15:00Z");
        assert_eq!(Timestamp(1_774_088_100).compact(), "20260321T101500Z");
        assert_eq!(Timestamp(4_102_444_799).rfc3339(), "2099-12-31T23:59:59Z");
    }

    #[test]
    fn files_get_rfc_3339_and_old_numbers_are_still_read() {
        let at = Timestamp(1_796_578_200);
        assert_eq!(
            serde_json::to_string(&at).unwrap(),
            "\"2026-12-06T17:30:00Z\""
        );
        for text in [
            "\"2026-12-06T17:30:00Z\"",
            "1796578200",
            "\"2026-12-06T18:30:00+01:00\"",
        ] {
            assert_eq!(
                serde_json::from_str::<Timestamp>(text).unwrap(),
                at,
                "{text}"
            );
        }
        for bad in ["\"yesterday\"", "-1", "\"1796578200\"", "1.5"] {
            assert!(serde_json::from_str::<Timestamp>(bad).is_err(), "{bad}");
        }
        // Past year 9999 there is no date to write: the number stays as it was.
        let far = Timestamp(u64::MAX);
        let json = serde_json::to_string(&far).unwrap();
        assert_eq!(json, u64::MAX.to_string());
        assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), far);
    }

    #[test]
    fn the_wall_clock_follows_the_time_zone() {
        let at = Timestamp(1_796_578_200);
        let brussels = jiff::tz::TimeZone::get("Europe/Brussels").unwrap();
        assert_eq!(at.in_zone(&brussels).to_string(), "2026-12-06T18:30:00");
        let summer = Timestamp(1_782_984_600); // 2026-07-02T09:30:00Z
        assert_eq!(summer.in_zone(&brussels).to_string(), "2026-07-02T11:30:00");
        assert_eq!(at.in_zone(&jiff::tz::TimeZone::UTC).hour(), 17);
    }
}
