//! Kruispunt: a terminal training course on supporting LGBTQIA+ people with a migration
//! background.
//!
//! Layers (data flows one way, top to bottom):
//! - [`course`]: the course model, loading with precise errors, validation;
//! - [`engine`]: pure state machines for lessons and scenarios;
//! - [`cli`]: the command line.

#![forbid(unsafe_code)]

pub mod cli;
pub mod course;
pub mod engine;
pub mod facilitator;
pub mod i18n;
pub mod plain;
pub mod progress;
pub mod report;
pub mod tui;
