//! Dates and times shown to people: in their own time zone, in the words of the interface
//! language.
//!
//! Files keep UTC instants (RFC 3339); only what is shown is local. Messages show a moment
//! through Fluent's `DATETIME` function, which fluent-bundle leaves to the application:
//! `{ DATETIME($at, dateStyle: "long", timeStyle: "short") }`, with `$at` an RFC 3339
//! instant (or a number of seconds since 1970). Like `Intl.DateTimeFormat`, `dateStyle:
//! "long"` asks for the date and `timeStyle: "short"` for the time of day; a call with
//! neither shows both. What the words are, and in which order, the translators decide in
//! each language's messages (`datetime-month-1` to `datetime-month-12`,
//! `datetime-date-long`, `datetime-time-short`, `datetime-date-and-time`).
//!
//! The time zone is the system's (which follows `TZ`); a zone the system cannot name gives
//! UTC rather than an error.

use super::{Localizer, UiLocale};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use jiff::tz::TimeZone;
use std::sync::{Arc, RwLock};

/// The messages with the month names, January to December: literals, like every message id,
/// so the tests find them.
const MONTH_IDS: [&str; 12] = [
    "datetime-month-1",
    "datetime-month-2",
    "datetime-month-3",
    "datetime-month-4",
    "datetime-month-5",
    "datetime-month-6",
    "datetime-month-7",
    "datetime-month-8",
    "datetime-month-9",
    "datetime-month-10",
    "datetime-month-11",
    "datetime-month-12",
];

/// What to show of a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTimeStyle {
    /// The date, written out (`6 December 2026`).
    pub date: bool,
    /// The time of day, hours and minutes (`14:05`).
    pub time: bool,
}

impl DateTimeStyle {
    /// The date only.
    pub const DATE: Self = Self {
        date: true,
        time: false,
    };
    /// The date and the time of day.
    pub const DATE_TIME: Self = Self {
        date: true,
        time: true,
    };
    /// The time of day only.
    pub const TIME: Self = Self {
        date: false,
        time: true,
    };

    /// The style a `DATETIME` call asks for with its options; neither option means both.
    fn of_options(options: &FluentArgs<'_>) -> Self {
        let asked = |name: &str| {
            options
                .get(name)
                .is_some_and(|value| !matches!(value, FluentValue::String(s) if s == "none"))
        };
        match (asked("dateStyle"), asked("timeStyle")) {
            (false, false) => Self::DATE_TIME,
            (date, time) => Self { date, time },
        }
    }
}

/// A language's words for dates and times, from its messages: the month names and the
/// patterns, each with `{day}`, `{month}`, `{year}`, `{hour}`, `{minute}`, `{date}` and
/// `{time}` where the parts go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarWords {
    /// January to December.
    pub months: [String; 12],
    /// The date written out, e.g. `{day} {month} {year}`.
    pub date: String,
    /// The time of day, e.g. `{hour}:{minute}`.
    pub time: String,
    /// Both together, e.g. `{date} at {time}`.
    pub date_and_time: String,
}

impl Default for CalendarWords {
    /// English words in the international order; only used where a language has no
    /// messages for dates (a hand-built bundle).
    fn default() -> Self {
        Self {
            months: [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ]
            .map(str::to_owned),
            date: "{day} {month} {year}".to_owned(),
            time: "{hour}:{minute}".to_owned(),
            date_and_time: "{date}, {time}".to_owned(),
        }
    }
}

impl CalendarWords {
    /// The words in `bundle`'s messages; a message it lacks keeps the default.
    pub(super) fn of(bundle: &FluentBundle<FluentResource>) -> Self {
        let mut words = Self::default();
        let read = |id: &str, slots: &[&'static str]| -> Option<String> {
            let pattern = bundle.get_message(id)?.value()?;
            let mut args = FluentArgs::new();
            for slot in slots {
                // The slot's own name in braces stands in for the value, filled in later.
                args.set(*slot, FluentValue::from(format!("{{{slot}}}")));
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            errors.is_empty().then(|| text.into_owned())
        };
        for (id, month) in MONTH_IDS.iter().zip(words.months.iter_mut()) {
            if let Some(name) = read(id, &[]) {
                *month = name;
            }
        }
        if let Some(date) = read("datetime-date-long", &["day", "month", "year"]) {
            words.date = date;
        }
        if let Some(time) = read("datetime-time-short", &["hour", "minute"]) {
            words.time = time;
        }
        if let Some(both) = read("datetime-date-and-time", &["date", "time"]) {
            words.date_and_time = both;
        }
        words
    }
}

/// The user's time zone: the system's (`TZ` first), or UTC when it cannot be found.
pub fn local_time_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

/// `at` on the wall clock of `zone`, as `style` asks, in `words`.
pub fn format_date_time(
    at: jiff::Timestamp,
    zone: &TimeZone,
    words: &CalendarWords,
    style: DateTimeStyle,
) -> String {
    let local = zone.to_datetime(at);
    let month = usize::try_from(local.month())
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|m| words.months.get(m))
        .map_or("", String::as_str);
    let date = words
        .date
        .replace("{day}", &local.day().to_string())
        .replace("{month}", month)
        .replace("{year}", &local.year().to_string());
    let time = words
        .time
        .replace("{hour}", &format!("{:02}", local.hour()))
        .replace("{minute}", &format!("{:02}", local.minute()));
    match (style.date, style.time) {
        (true, true) => words
            .date_and_time
            .replace("{date}", &date)
            .replace("{time}", &time),
        (false, true) => time,
        _ => date,
    }
}

/// The instant a `DATETIME` argument stands for: RFC 3339 text, or seconds since 1970.
fn instant_of(value: &FluentValue<'_>) -> Option<jiff::Timestamp> {
    match value {
        FluentValue::String(text) => text.parse().ok(),
        FluentValue::Number(number) => {
            // Whole seconds well inside what f64 holds exactly.
            #[allow(clippy::cast_possible_truncation)]
            let seconds = number.value as i64;
            jiff::Timestamp::from_second(seconds).ok()
        }
        _ => None,
    }
}

/// The time zone every `DATETIME` of one [`super::Localizer`] shows, changeable after the
/// functions are registered.
pub(super) type SharedZone = Arc<RwLock<TimeZone>>;

/// Registers `DATETIME` on `bundle`, with the words of its own messages.
pub(super) fn register(bundle: &mut FluentBundle<FluentResource>, zone: &SharedZone) {
    let words = CalendarWords::of(bundle);
    let zone = Arc::clone(zone);
    // Registered once per bundle, right after its messages: an error would mean a second
    // registration, which keeps the first.
    let _ = bundle.add_function("DATETIME", move |positional, named| {
        let Some(value) = positional.first() else {
            return FluentValue::Error;
        };
        let Some(at) = instant_of(value) else {
            // Not a moment: shown as given rather than hidden.
            return match value {
                FluentValue::String(text) => FluentValue::from(text.to_string()),
                _ => FluentValue::Error,
            };
        };
        let zone = zone
            .read()
            .map_or_else(|_| TimeZone::UTC, |zone| zone.clone());
        let style = DateTimeStyle::of_options(named);
        FluentValue::from(format_date_time(at, &zone, &words, style))
    });
}

impl Localizer {
    /// Gives every bundle its `DATETIME` function, with the words of its messages: called
    /// once, after the messages are in.
    pub(super) fn register_date_time(&mut self) {
        let zone = SharedZone::clone(&self.zone);
        self.calendar = self
            .bundles
            .iter_mut()
            .map(|(locale, bundle)| {
                register(bundle, &zone);
                (*locale, CalendarWords::of(bundle))
            })
            .collect();
    }

    /// The words for dates of `locale` (the defaults when it has none).
    pub fn calendar_words(&self, locale: UiLocale) -> CalendarWords {
        self.calendar
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, words)| words.clone())
            .unwrap_or_default()
    }

    /// Shows moments in `zone` from now on (by default the user's: [`local_time_zone`]).
    pub fn set_time_zone(&mut self, zone: jiff::tz::TimeZone) {
        if let Ok(mut shown) = self.zone.write() {
            *shown = zone;
        }
    }

    /// `rfc3339` (an instant) as the current language writes it in the user's time zone,
    /// as `style` asks: what `DATETIME` gives in a message. Text that is no instant is
    /// returned as it is.
    pub fn date_time(&self, rfc3339: &str, style: DateTimeStyle) -> String {
        let Ok(at) = rfc3339.parse::<jiff::Timestamp>() else {
            return rfc3339.to_owned();
        };
        let zone = self
            .zone
            .read()
            .map_or_else(|_| jiff::tz::TimeZone::UTC, |zone| zone.clone());
        format_date_time(at, &zone, &self.calendar_words(self.current), style)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Localizer, UiLocale};
    use crate::msg_args;

    /// 2026-12-06T13:05:00Z: winter, 14:05 in Brussels.
    const WINTER: &str = "2026-12-06T13:05:00Z";
    /// 2026-07-02T07:30:00Z: summer, 09:30 in Brussels.
    const SUMMER: &str = "2026-07-02T07:30:00Z";

    fn zone(name: &str) -> TimeZone {
        TimeZone::get(name).expect("the system knows the zone")
    }

    fn words(locale: UiLocale) -> CalendarWords {
        let l10n = Localizer::new(locale);
        l10n.calendar_words(locale)
    }

    fn shown(at: &str, zone_name: &str, locale: UiLocale, style: DateTimeStyle) -> String {
        format_date_time(
            at.parse().expect("an instant"),
            &zone(zone_name),
            &words(locale),
            style,
        )
    }

    #[test]
    fn each_language_writes_the_date_and_time_its_own_way() {
        let brussels = "Europe/Brussels";
        let both = DateTimeStyle::DATE_TIME;
        assert_eq!(
            shown(WINTER, brussels, UiLocale::Nl, both),
            "6 december 2026 om 14:05"
        );
        assert_eq!(
            shown(WINTER, brussels, UiLocale::En, both),
            "6 December 2026 at 14:05"
        );
        assert_eq!(
            shown(WINTER, brussels, UiLocale::Fr, both),
            "6 décembre 2026 à 14:05"
        );
        assert_eq!(
            shown(SUMMER, brussels, UiLocale::Fr, DateTimeStyle::DATE),
            "2 juillet 2026"
        );
        assert_eq!(
            shown(SUMMER, brussels, UiLocale::Nl, DateTimeStyle::TIME),
            "09:30"
        );
    }

    #[test]
    fn summer_and_winter_time_and_other_zones_move_the_wall_clock() {
        let en = UiLocale::En;
        let both = DateTimeStyle::DATE_TIME;
        // Brussels is UTC+1 in winter and UTC+2 in summer; New York UTC−5 and UTC−4.
        assert_eq!(
            shown(WINTER, "Europe/Brussels", en, both),
            "6 December 2026 at 14:05"
        );
        assert_eq!(
            shown(SUMMER, "Europe/Brussels", en, both),
            "2 July 2026 at 09:30"
        );
        assert_eq!(
            shown(WINTER, "America/New_York", en, both),
            "6 December 2026 at 08:05"
        );
        assert_eq!(
            shown(SUMMER, "America/New_York", en, both),
            "2 July 2026 at 03:30"
        );
        // Past midnight in one zone, the day before in another.
        let late = "2026-12-31T23:30:00Z";
        assert_eq!(
            shown(late, "Europe/Brussels", en, DateTimeStyle::DATE),
            "1 January 2027"
        );
        assert_eq!(
            shown(late, "America/New_York", en, DateTimeStyle::DATE),
            "31 December 2026"
        );
    }

    #[test]
    fn the_fluent_datetime_function_follows_its_options_and_the_zone() {
        let mut l10n = Localizer::new(UiLocale::En);
        l10n.set_time_zone(zone("Europe/Brussels"));
        let updated = l10n.msg(
            "profiles-line-no-course",
            &msg_args!("name" => "anna", "updated" => WINTER),
        );
        assert_eq!(updated, "anna: last updated on 6 December 2026 at 14:05");
        l10n.set_time_zone(zone("America/New_York"));
        let updated = l10n.msg(
            "profiles-line-no-course",
            &msg_args!("name" => "anna", "updated" => WINTER),
        );
        assert_eq!(updated, "anna: last updated on 6 December 2026 at 08:05");
        // Seconds since 1970 are a moment too; text that is no moment is shown as given.
        let number = l10n.msg(
            "profiles-line-no-course",
            &msg_args!("name" => "anna", "updated" => 0i64),
        );
        assert_eq!(number, "anna: last updated on 31 December 1969 at 19:00");
        let odd = l10n.msg(
            "profiles-line-no-course",
            &msg_args!("name" => "anna", "updated" => "yesterday"),
        );
        assert_eq!(odd, "anna: last updated on yesterday");
        assert_eq!(l10n.date_time(SUMMER, DateTimeStyle::DATE), "2 July 2026");
    }

    #[test]
    fn options_choose_the_parts() {
        let args = |pairs: &[(&'static str, &'static str)]| {
            let mut args = FluentArgs::new();
            for (name, value) in pairs {
                args.set(*name, FluentValue::from(*value));
            }
            args
        };
        assert_eq!(
            DateTimeStyle::of_options(&args(&[])),
            DateTimeStyle::DATE_TIME
        );
        assert_eq!(
            DateTimeStyle::of_options(&args(&[("dateStyle", "long")])),
            DateTimeStyle::DATE
        );
        assert_eq!(
            DateTimeStyle::of_options(&args(&[("timeStyle", "short")])),
            DateTimeStyle::TIME
        );
        assert_eq!(
            DateTimeStyle::of_options(&args(&[("dateStyle", "long"), ("timeStyle", "short")])),
            DateTimeStyle::DATE_TIME
        );
        assert_eq!(
            DateTimeStyle::of_options(&args(&[("dateStyle", "long"), ("timeStyle", "none")])),
            DateTimeStyle::DATE
        );
    }
}
