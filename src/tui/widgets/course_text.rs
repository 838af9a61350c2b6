//! Course text as terminal lines: wrapped by columns, emphasis styled, the gloss under it.

use crate::course::model::Text;
use crate::tui::app::Ctx;
use crate::tui::text;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A course text wrapped to `width` columns with `indent` spaces in front, and the
/// second-language gloss under it (dimmed) when it is on.
pub(crate) fn course_lines(
    ctx: &Ctx,
    source: &Text,
    width: u16,
    indent: u16,
    style: Style,
) -> Vec<Line<'static>> {
    let shown = ctx.text(source);
    let mut lines = indented(&shown.main, width, indent, style, ctx.theme.emphasis());
    if let Some(gloss) = shown.gloss {
        lines.extend(indented(
            &gloss,
            width,
            indent,
            ctx.theme.dim(),
            ctx.theme.dim(),
        ));
    }
    lines
}

/// Plain text wrapped with `indent` spaces in front of every line.
pub(crate) fn indented(
    source: &str,
    width: u16,
    indent: u16,
    style: Style,
    emphasis: Style,
) -> Vec<Line<'static>> {
    // Indent only when there is room for text beside it.
    let indent = if width > indent.saturating_mul(2) {
        indent
    } else {
        0
    };
    let pad = " ".repeat(usize::from(indent));
    text::wrap(source, width.saturating_sub(indent), style, emphasis)
        .into_iter()
        .map(|line| {
            let mut spans = vec![Span::raw(pad.clone())];
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}
