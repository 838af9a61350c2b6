//! Facilitator mode, the parts without a screen: the discussion [`Timer`], the group
//! [`Vote`] at a decision point, the [`SessionLog`] of a group session, where session logs
//! are kept ([`SessionStore`]), and the handout made from a log ([`export`]).
//!
//! A session log holds what the group saw and decided, never a trainee's progress or
//! reflections: facilitator mode does not open a profile at all.

pub mod export;
mod log;
mod messages;
mod store;
mod timer;
mod vote;
mod writer;

pub use log::{
    ChoiceVotes, Entry, ItemTime, LOG_VERSION, SessionId, SessionIdError, SessionLog, tied,
};
pub use store::{SessionError, SessionStore, SessionSummary};
pub use timer::{DEFAULT_MINUTES, MAX_MINUTES, Timer};
pub use vote::{Tally, Vote};
pub use writer::LogWriter;
