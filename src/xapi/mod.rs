//! Learning records: xAPI 1.0.3 statements made from a trainee's recorded history (the
//! progress document), for a Learning Record Store or an offline hand-in
//! (`kruispunt xapi export`). See `docs/xapi.md` for the verbs, activities, extensions and
//! what is and is not in them.
//!
//! - [`statements`] turns a [`Progress`] into statements, in course order;
//! - [`vocabulary`] holds the verbs, activity types, extension IRIs and the stable ids;
//! - [`lrs`] says where the Learning Record Store is and how to log in (never printed);
//! - [`client`] posts to it, [`outbox`] keeps what it does not have yet, and [`send`]
//!   delivers the outbox in bounded batches;
//! - [`live`] makes and sends statements in the background while a course runs (`--lrs`).
//!
//! The same history always gives the same statements with the same ids (name-based UUIDs
//! from the actor, the item, the attempt and the event), so an LRS that gets them twice
//! stores them once. Reflections are never in them.

pub mod client;
pub mod live;
pub mod lrs;
mod messages;
pub mod outbox;
pub mod send;
mod statements;
#[cfg(test)]
mod tests;
pub mod vocabulary;

use crate::course::checked::Course;
use crate::progress::Progress;

pub use statements::statements;

/// The `homePage` of the actor's account when none is configured: a name that never
/// resolves, so nothing points at a real site by accident.
pub const DEFAULT_HOME_PAGE: &str = "https://kruispunt.invalid";

/// The environment variable with the salt of `--pseudonymise`.
pub const SALT_ENV: &str = "KRUISPUNT_XAPI_SALT";

/// The fewest characters a pseudonymisation salt must have: a short salt is guessed.
pub const MIN_SALT_LEN: usize = 16;

/// What the learning records layer refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XapiError {
    /// The course base IRI is not an absolute http(s) IRI without a query or fragment.
    #[error("the course base IRI `{0}` is not an absolute http(s) IRI without ? or #")]
    BadBaseIri(String),
    /// The account home page is not an absolute http(s) IRI.
    #[error("the account home page `{0}` is not an absolute http(s) IRI")]
    BadHomePage(String),
    /// Pseudonymisation was asked for without a salt.
    #[error("pseudonymisation needs a salt in {SALT_ENV}")]
    NoSalt,
    /// The salt is too short to keep the pseudonyms from being guessed.
    #[error("the pseudonymisation salt has {0} characters, fewer than {MIN_SALT_LEN}")]
    ShortSalt(usize),
}

/// How statements are made: where the activities and the actor live, and whether the actor
/// is pseudonymised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XapiOptions {
    /// The IRI every activity id starts with; `None`: `https://kruispunt.invalid/course/ID`.
    pub base_iri: Option<String>,
    /// The `homePage` of the actor's account.
    pub home_page: String,
    /// The salt of the pseudonym; `None`: the actor is named by the profile name.
    pub salt: Option<String>,
}

impl Default for XapiOptions {
    fn default() -> Self {
        Self {
            base_iri: None,
            home_page: DEFAULT_HOME_PAGE.to_owned(),
            salt: None,
        }
    }
}

impl XapiOptions {
    /// Checks the options: IRIs that a statement can carry, a salt long enough.
    pub fn check(&self) -> Result<(), XapiError> {
        // Activity ids are appended to the base: a query or a fragment would swallow them.
        if let Some(base) = &self.base_iri
            && (!vocabulary::is_http_iri(base) || base.contains(['?', '#']))
        {
            return Err(XapiError::BadBaseIri(base.clone()));
        }
        if !vocabulary::is_http_iri(&self.home_page) {
            return Err(XapiError::BadHomePage(self.home_page.clone()));
        }
        match &self.salt {
            Some(salt) if salt.is_empty() => Err(XapiError::NoSalt),
            Some(salt) if salt.chars().count() < MIN_SALT_LEN => {
                Err(XapiError::ShortSalt(salt.chars().count()))
            }
            _ => Ok(()),
        }
    }

    /// The base IRI of `course`'s activities, without a trailing `/`.
    pub fn base_for(&self, course: &Course) -> String {
        match &self.base_iri {
            Some(base) => base.trim_end_matches('/').to_owned(),
            None => format!(
                "https://kruispunt.invalid/course/{}",
                vocabulary::segment(course.id.as_str())
            ),
        }
    }
}

/// The statements of `progress` as JSON Lines: one statement per line, each line ending in
/// a newline.
pub fn to_json_lines(
    course: &Course,
    progress: &Progress,
    profile: &str,
    options: &XapiOptions,
) -> Result<String, XapiError> {
    let mut out = String::new();
    for statement in statements(course, progress, profile, options)? {
        out.push_str(&statement.to_string());
        out.push('\n');
    }
    Ok(out)
}
