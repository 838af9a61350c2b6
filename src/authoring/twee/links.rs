//! Twine's link markup: `[[Target]]`, `[[text->Target]]`, `[[Target<-text]]` and
//! `[[text|Target]]`, read as Twine 2 reads them (the rightmost `->`, the leftmost `<-`),
//! with SugarCube's setter component (`[[text|Target][$x to 1]]`) noticed and left out.

/// One link in a line of passage text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// What the reader clicks.
    pub text: String,
    /// The passage it leads to.
    pub target: String,
    /// Whether it carried a SugarCube setter (`][$x to 1]`), which is not imported.
    pub setter: bool,
    /// Where the link markup starts and ends in the line, in bytes.
    pub span: (usize, usize),
}

/// Every link in `line`, left to right. The scan is linear whatever the brackets: an
/// unclosed `[[` ends the search.
pub fn links(line: &str) -> Vec<Link> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = line.get(from..).and_then(|rest| rest.find("[[")) {
        let start = from + open;
        let inner_start = start + 2;
        let Some(close) = line.get(inner_start..).and_then(|rest| rest.find("]]")) else {
            break;
        };
        let inner_end = inner_start + close;
        let end = inner_end + 2;
        if let Some(inner) = line.get(inner_start..inner_end)
            && let Some(link) = parse_inner(inner, (start, end))
        {
            found.push(link);
        }
        from = end;
    }
    found
}

/// The text and target of a link's inside.
fn parse_inner(inner: &str, span: (usize, usize)) -> Option<Link> {
    let (inner, setter) = match inner.split_once("][") {
        Some((link, _)) => (link, true),
        None => (inner, false),
    };
    let (text, target) = if let Some((text, target)) = inner.rsplit_once("->") {
        (text, target)
    } else if let Some((target, text)) = inner.split_once("<-") {
        (text, target)
    } else if let Some((text, target)) = inner.split_once('|') {
        (text, target)
    } else {
        (inner, inner)
    };
    if target.trim().is_empty() {
        return None;
    }
    Some(Link {
        text: text.to_owned(),
        target: target.to_owned(),
        setter,
        span,
    })
}

/// The markup of a link from `text` to `target` in the form this convention writes:
/// `[[Target]]` when both are the same, else `[[text->Target]]`; `None` when the pair
/// cannot be written as a link that reads back the same (the caller then writes the text
/// with `@text`).
pub fn markup(text: &str, target: &str) -> Option<String> {
    let target_ok = !["]]", "[[", "->", "<-", "|", "]["]
        .iter()
        .any(|bad| target.contains(bad))
        && !target.ends_with(']')
        && !target.starts_with('[')
        && !target.trim().is_empty();
    if !target_ok {
        return None;
    }
    if text == target {
        return Some(format!("[[{target}]]"));
    }
    let text_ok = !["]]", "[[", "->", "<-", "|", "]["]
        .iter()
        .any(|bad| text.contains(bad))
        && !text.ends_with(['-', ']'])
        && !text.starts_with('[')
        && !text.is_empty();
    text_ok.then(|| format!("[[{text}->{target}]]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(line: &str) -> Vec<(String, String)> {
        links(line)
            .into_iter()
            .map(|l| (l.text, l.target))
            .collect()
    }

    #[test]
    fn every_link_form_of_twine_is_read() {
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(pairs("[[Back Room]]"), [pair("Back Room", "Back Room")]);
        assert_eq!(
            pairs("[[Unlock the door->Exit]]"),
            [pair("Unlock the door", "Exit")]
        );
        assert_eq!(pairs("[[Exit<-Unlock]]"), [pair("Unlock", "Exit")]);
        assert_eq!(
            pairs("[[Explore Space|Explore Space 1]] "),
            [pair("Explore Space", "Explore Space 1")]
        );
        // Twine takes the rightmost arrow.
        assert_eq!(pairs("[[a->b->c]]"), [pair("a->b", "c")]);
        assert_eq!(
            pairs("go [[north->N]] or [[S]]."),
            [pair("north", "N"), pair("S", "S")]
        );
        let setter = links("[[Go|Room][$key to true]]");
        assert_eq!(setter[0].target, "Room");
        assert!(setter[0].setter);
        assert_eq!(links("$seperator[[Exit]]")[0].span, (10, 18));
    }

    #[test]
    fn broken_and_nested_brackets_end_calmly() {
        assert!(links("[[never closed").is_empty());
        assert!(links("[[]]").is_empty());
        let deep = format!("{}x{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(links(&deep).len(), 1);
    }

    #[test]
    fn markup_reads_back_or_is_refused() {
        for (text, target) in [("Hello", "n1"), ("n1", "n1"), ("a - b", "x y")] {
            let written = markup(text, target).unwrap();
            let read = &links(&written)[0];
            assert_eq!((read.text.as_str(), read.target.as_str()), (text, target));
        }
        assert_eq!(markup("a->b", "c"), None);
        assert_eq!(markup("a", "b|c"), None);
    }
}
