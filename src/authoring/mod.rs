//! Authoring tools: ways for trainers and content specialists to write and check scenarios
//! without hand-writing course JSON.
//!
//! - [`twee`]: Twine stories in Twee 3 notation, imported as scenarios and exported back.

pub mod twee;
