//! Kruispunt: a terminal training course on supporting LGBTQIA+ people with a migration
//! background.
//!
//! Modules, in the order data flows through them: each uses only modules above it in this
//! list, never one below (the one exception: [`course`] escapes untrusted text with
//! [`i18n::display`]).
//! - [`course`]: the course model, loading with precise errors, validation into checked types;
//! - [`i18n`]: interface strings in nl/en/fr, the interface language, course texts per locale;
//! - [`engine`]: pure state machines for lessons and scenarios over a checked course;
//! - [`progress`]: learner progress per profile, saved atomically, locked, recovered, migrated;
//! - [`session`]: the session core every front end drives: commands in, events out; it
//!   owns the course, the progress (recorded by a subscriber), the language and the saves;
//! - [`report`]: a trainee's export and the group report made from exports;
//! - [`authoring`]: tools for course authors: a scenario as a graph (Mermaid, DOT, SVG);
//! - [`xapi`]: learning records, xAPI statements made from a trainee's recorded history;
//! - [`config`]: the config file `kruispunt.toml`, and which of the command line, the
//!   environment, the file or the default gives each setting;
//! - [`facilitator`]: facilitator mode without a screen: timer, votes, session logs (a
//!   session subscriber), handouts;
//! - [`tui`]: the terminal interface, for learners and for facilitator mode;
//! - [`plain`]: plain mode, the course as a line-by-line conversation for screen readers;
//! - [`serve`]: the workshop server: every trainee plays the interface over SSH;
//! - [`cli`]: the command line, the edge: arguments, language, loading, exit codes.

#![forbid(unsafe_code)]

pub mod authoring;
pub mod cli;
pub mod config;
pub mod course;
pub mod engine;
pub mod facilitator;
pub mod i18n;
pub mod plain;
pub mod progress;
pub mod report;
pub mod serve;
pub mod session;
pub mod tui;
pub mod xapi;
