//! The words of Kruispunt's learning records: the verbs (ADL's, as cmi5 uses them), the
//! activity types, the extension IRIs under Kruispunt's own namespace, and how activity
//! IRIs, statement ids and registrations are made. `docs/xapi.md` lists them all.

use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A verb of a Kruispunt statement: ADL's vocabulary, the same IRIs cmi5 uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// The lesson or scenario attempt was opened.
    Launched,
    /// It is ready: the first scene or node is shown.
    Initialized,
    /// A lesson scene was read.
    Experienced,
    /// A quiz was answered.
    Answered,
    /// A choice was taken at a decision point of a scenario.
    Responded,
    /// A lesson was finished, or a scenario reached an ending.
    Completed,
    /// The attempt is over.
    Terminated,
}

impl Verb {
    /// The verb's IRI.
    pub fn iri(self) -> &'static str {
        match self {
            Verb::Launched => "http://adlnet.gov/expapi/verbs/launched",
            Verb::Initialized => "http://adlnet.gov/expapi/verbs/initialized",
            Verb::Experienced => "http://adlnet.gov/expapi/verbs/experienced",
            Verb::Answered => "http://adlnet.gov/expapi/verbs/answered",
            Verb::Responded => "http://adlnet.gov/expapi/verbs/responded",
            Verb::Completed => "http://adlnet.gov/expapi/verbs/completed",
            Verb::Terminated => "http://adlnet.gov/expapi/verbs/terminated",
        }
    }

    /// The verb as ADL displays it (`display` in the statement, en-US).
    pub fn word(self) -> &'static str {
        match self {
            Verb::Launched => "launched",
            Verb::Initialized => "initialized",
            Verb::Experienced => "experienced",
            Verb::Answered => "answered",
            Verb::Responded => "responded",
            Verb::Completed => "completed",
            Verb::Terminated => "terminated",
        }
    }
}

/// Activity types (ADL's vocabulary).
pub mod activity_type {
    /// The course.
    pub const COURSE: &str = "http://adlnet.gov/expapi/activities/course";
    /// A module of the course.
    pub const MODULE: &str = "http://adlnet.gov/expapi/activities/module";
    /// A lesson.
    pub const LESSON: &str = "http://adlnet.gov/expapi/activities/lesson";
    /// A scene of a lesson that is not a quiz.
    pub const SCENE: &str = "http://adlnet.gov/expapi/activities/media";
    /// A scenario (a branching conversation).
    pub const SCENARIO: &str = "http://adlnet.gov/expapi/activities/simulation";
    /// A quiz scene or a decision point: an interaction with `choices`.
    pub const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
}

/// Kruispunt's extension namespace. The IRIs are names, not pages: `.invalid` is a domain
/// that never resolves, so nobody else can ever mean something else by them.
pub const EXTENSION_NAMESPACE: &str = "https://kruispunt.invalid/xapi/extensions/";

/// The extensions Kruispunt writes, each under [`EXTENSION_NAMESPACE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extension {
    /// `result`: the recorded answer was the first try (a boolean; always true: only the
    /// first answer of a quiz is kept).
    FirstTry,
    /// `result`: how many times the quiz was answered.
    Tries,
    /// `result`: the trainee asked to see the quiz's answer.
    Revealed,
    /// `result`: the choice taken at a decision point (its id).
    Choice,
    /// `result`: the quality of the choice (`best`, `acceptable`, `weak`, `harmful`).
    Quality,
    /// `result`: the competencies the choice shows or breaches (`{id: "shown" | "breached"}`).
    Competencies,
    /// `result`: the gauges after the choice (`{variable id: value}`).
    Gauges,
    /// `result`: the ending node reached.
    Ending,
    /// `result`: how the ending went (`good`, `mixed`, `poor`).
    Outcome,
    /// `result`: every competency of the attempt (`{id: "shown" | "breached" | "not_met"}`).
    CompetencyResults,
    /// `context`: the number of the decision in the attempt, from 1.
    Decision,
    /// `context`: the number of the attempt at the scenario, from 1.
    Attempt,
}

impl Extension {
    /// Every extension.
    pub const ALL: [Extension; 12] = [
        Extension::FirstTry,
        Extension::Tries,
        Extension::Revealed,
        Extension::Choice,
        Extension::Quality,
        Extension::Competencies,
        Extension::Gauges,
        Extension::Ending,
        Extension::Outcome,
        Extension::CompetencyResults,
        Extension::Decision,
        Extension::Attempt,
    ];

    /// The last part of the extension's IRI.
    pub fn name(self) -> &'static str {
        match self {
            Extension::FirstTry => "first-try",
            Extension::Tries => "tries",
            Extension::Revealed => "revealed",
            Extension::Choice => "choice",
            Extension::Quality => "quality",
            Extension::Competencies => "competencies",
            Extension::Gauges => "gauges",
            Extension::Ending => "ending",
            Extension::Outcome => "outcome",
            Extension::CompetencyResults => "competency-results",
            Extension::Decision => "decision",
            Extension::Attempt => "attempt",
        }
    }

    /// The extension's IRI.
    pub fn iri(self) -> String {
        format!("{EXTENSION_NAMESPACE}{}", self.name())
    }
}

/// The namespace of Kruispunt's name-based (v5) UUIDs. Fixed forever: changing it would give
/// every statement already sent a new id.
const UUID_NAMESPACE: Uuid = Uuid::from_u128(0x3f6c_1b0e_8d2a_4e7b_9c51_2a4d_7e9b_1c60);

/// A name-based UUID (version 5) of `parts`, joined by a separator no id can hold.
pub fn stable_uuid(parts: &[&str]) -> Uuid {
    Uuid::new_v5(&UUID_NAMESPACE, parts.join("\u{1f}").as_bytes())
}

/// The pseudonym of `profile` with `salt`: the SHA-256 of both, in lowercase hex. The same
/// salt always gives the same pseudonym; without the salt it cannot be traced back.
pub fn pseudonym(salt: &str, profile: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(b"kruispunt-xapi-actor\x1f");
    hash.update(salt.as_bytes());
    hash.update(b"\x1f");
    hash.update(profile.as_bytes());
    hash.finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// `id` as one IRI path segment: unreserved characters stay, everything else is
/// percent-encoded (course ids are plain already; this keeps odd ones valid).
pub fn segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Whether `value` can serve as an absolute http(s) IRI in a statement: a scheme, a host,
/// and no spaces, control characters or characters IRIs forbid.
pub fn is_http_iri(value: &str) -> bool {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !value.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
        })
}

/// An xAPI duration (ISO 8601) of `seconds`: `PT1H2M3S`, `PT0S`.
pub fn duration(seconds: u64) -> String {
    let (hours, minutes, secs) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut out = String::from("PT");
    if hours > 0 {
        out.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        out.push_str(&format!("{minutes}M"));
    }
    if secs > 0 || (hours == 0 && minutes == 0) {
        out.push_str(&format!("{secs}S"));
    }
    out
}
