//! Progress as a bar of blocks: `███░░░░░░░`, readable without colour.

/// A text gauge: `████░░░░░░ 4/10`, readable without colour.
pub fn gauge(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width + total / 2).checked_div(total).unwrap_or(0);
    format!(
        "{}{}",
        "█".repeat(filled.min(width)),
        "░".repeat(width.saturating_sub(filled))
    )
}
