//! Story-format code in passage text that a scenario cannot carry: Harlowe macros and
//! hooks, SugarCube macros, Chapbook modifiers, inserts and vars sections, Snowman
//! templates, story variables and HTML. The importer keeps such text as it is and reports
//! every construct with its passage and line, so nothing is dropped unseen.

/// The story format a construct belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryFormat {
    /// Harlowe (Twine's default format).
    Harlowe,
    /// SugarCube.
    SugarCube,
    /// Chapbook.
    Chapbook,
    /// Snowman.
    Snowman,
    /// HTML markup, shared by every format.
    Html,
    /// A `$variable` or `_temporary`, Harlowe's or SugarCube's.
    Variable,
}

impl StoryFormat {
    /// The format's name, as its authors write it.
    pub fn name(self) -> &'static str {
        match self {
            StoryFormat::Harlowe => "Harlowe",
            StoryFormat::SugarCube => "SugarCube",
            StoryFormat::Chapbook => "Chapbook",
            StoryFormat::Snowman => "Snowman",
            StoryFormat::Html => "HTML",
            StoryFormat::Variable => "Harlowe/SugarCube",
        }
    }
}

/// One construct found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Construct {
    /// Its format.
    pub format: StoryFormat,
    /// The construct as it starts in the text, shortened: `(set:`, `<<link`, `[if`.
    pub token: String,
}

/// The longest token quoted in a report.
const MAX_TOKEN_CHARS: usize = 40;

/// Every construct that starts in `line`, each kind once per line, in the order found.
pub fn constructs(line: &str) -> Vec<Construct> {
    let mut found: Vec<Construct> = Vec::new();
    let mut push = |format, token: &str| {
        let token: String = token.chars().take(MAX_TOKEN_CHARS).collect();
        if !found.iter().any(|c| c.format == format && c.token == token) {
            found.push(Construct { format, token });
        }
    };
    let trimmed = line.trim();
    // Chapbook modifiers take a whole line: `[if key == true]`, `[else]`, `[continued]`.
    if trimmed.starts_with('[')
        && trimmed
            .get(1..)
            .is_some_and(|r| r.starts_with(char::is_alphabetic))
        && !trimmed.starts_with("[[")
        && trimmed.ends_with(']')
        && !trimmed.ends_with("]]")
    {
        push(StoryFormat::Chapbook, trimmed);
    }
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = line.get(i..).unwrap_or_default();
        let mut advance = rest.chars().next().map_or(1, char::len_utf8);
        if let Some(after) = rest.strip_prefix("<<") {
            let name = word(after.strip_prefix('/').unwrap_or(after));
            if !name.is_empty() {
                let closing = if after.starts_with('/') { "<</" } else { "<<" };
                push(StoryFormat::SugarCube, &format!("{closing}{name}>>"));
                advance = 2;
            }
        } else if rest.starts_with("<%") {
            push(StoryFormat::Snowman, "<% %>");
            advance = 2;
        } else if let Some(after) = rest.strip_prefix('(') {
            let name = word(after);
            if !name.is_empty() && after.get(name.len()..).is_some_and(|r| r.starts_with(':')) {
                push(StoryFormat::Harlowe, &format!("({name}:)"));
            }
        } else if let Some(after) = rest.strip_prefix('|') {
            let name = word(after);
            if !name.is_empty() && after.get(name.len()..).is_some_and(|r| r.starts_with(">[")) {
                push(StoryFormat::Harlowe, &format!("|{name}>["));
            }
        } else if let Some(after) = rest.strip_prefix("]<") {
            let name = word(after);
            if !name.is_empty() && after.get(name.len()..).is_some_and(|r| r.starts_with('|')) {
                push(StoryFormat::Harlowe, &format!("]<{name}|"));
            }
        } else if let Some(after) = rest.strip_prefix('?') {
            let name = word(after);
            if !name.is_empty() && name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                push(StoryFormat::Harlowe, &format!("?{name}"));
            }
        } else if let Some(after) = rest.strip_prefix('{') {
            // Chapbook inserts: `{reveal link: 'Pick up key', passage: 'Key'}`, `{month}`.
            let inner = after.split('}').next().unwrap_or_default();
            let name = inner.split(':').next().unwrap_or_default().trim();
            if after.contains('}')
                && !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == ' ' || c == '_')
                && name.starts_with(|c: char| c.is_alphabetic())
            {
                push(StoryFormat::Chapbook, &format!("{{{name}}}"));
            }
        } else if let Some(after) = rest.strip_prefix('$') {
            let name = word(after);
            if !name.is_empty() && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                push(StoryFormat::Variable, &format!("${name}"));
            }
        } else if let Some(after) = rest.strip_prefix('<') {
            let name = word(after.strip_prefix('/').unwrap_or(after));
            if !name.is_empty() && name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                push(StoryFormat::Html, &format!("<{name}>"));
            }
        }
        i += advance.max(1);
    }
    found
}

/// The Chapbook vars section at the top of a passage: lines of `name: value` up to a line
/// `--`. Returns the line index of the `--`.
pub fn chapbook_vars_section(lines: &[String]) -> Option<usize> {
    let end = lines.iter().position(|l| l.trim() == "--")?;
    let all_vars = lines.get(..end)?.iter().all(|l| {
        l.trim().is_empty()
            || l.split_once(':')
                .is_some_and(|(name, _)| !name.trim().is_empty() && !name.contains(' '))
    });
    (end > 0 && all_vars).then_some(end)
}

/// The identifier at the start of `text`: letters, digits, `_` and `-`.
fn word(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(line: &str) -> Vec<String> {
        constructs(line).into_iter().map(|c| c.token).collect()
    }

    #[test]
    fn each_format_is_recognised() {
        assert_eq!(tokens("(set: $animal to \"horse\")"), ["(set:)", "$animal"]);
        assert_eq!(
            tokens("|map>[(display: \"Map\")]"),
            ["|map>[", "(display:)"]
        );
        assert_eq!(
            tokens("<<link \"Hyperjump\">><</link>>"),
            ["<<link>>", "<</link>>"]
        );
        assert_eq!(tokens("<% s.x = 5 %>"), ["<% %>"]);
        assert_eq!(tokens("[if key == true]"), ["[if key == true]"]);
        assert_eq!(tokens("The month is {month}."), ["{month}"]);
        assert_eq!(tokens("<div id=\"HUD\">"), ["<div>"]);
        assert!(tokens("Plain words (and an aside: fine?) cost $5.").is_empty());
        assert!(tokens("A plain line, with [[a link]].").is_empty());
    }

    #[test]
    fn a_vars_section_is_found_only_at_the_top() {
        let lines = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            chapbook_vars_section(&lines(&["key: false", "--", "", "x"])),
            Some(1)
        );
        assert_eq!(chapbook_vars_section(&lines(&["Just text", "--"])), None);
        assert_eq!(chapbook_vars_section(&lines(&["x"])), None);
    }
}
