//! Widgets more than one screen draws with: course text as lines, scroll windows that say
//! what they cut, and gauges. Screens use these; these use no screen.

mod course_text;
mod gauge;
mod scroll;

pub(crate) use course_text::{course_lines, indented};
pub use gauge::gauge;
pub(crate) use scroll::{Window, render_scrolled, scroll_document, scroll_window, scrolled_lines};
