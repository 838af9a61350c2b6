//! Authoring tools: ways for trainers and content specialists to write and check scenarios
//! without hand-writing course JSON.
//!
//! - [`graph`]: a scenario as a graph, in Mermaid, DOT or SVG.
//! - [`twee`]: Twine stories in Twee 3 notation, imported as scenarios and exported back.

pub mod graph;
pub mod twee;
