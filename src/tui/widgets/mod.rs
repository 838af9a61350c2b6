//! Widgets more than one screen draws with: course text as lines, scroll windows that say
//! what they cut, gauges, and notices in place of what could not be drawn. Screens use these; these use no
//! screen.

mod course_text;
mod gauge;
mod notice;
mod scroll;

pub(crate) use course_text::{course_lines, indented};
pub use gauge::gauge;
pub use notice::render_notice;
pub(crate) use scroll::{Window, render_scrolled, scroll_document, scroll_window, scrolled_lines};
