//! Conditions as an author types them after `@if`: `trust >= 50`, `visited intake`,
//! `chose intake/ask-name`, `chose-quality harmful`, `not …`; anything else (`all`, `any`)
//! as the JSON of the course format.

use crate::course::model::{CompareOp, Comparison, Condition, Quality};

/// Reads a condition; `None` when it is none of the forms.
pub fn parse(text: &str) -> Option<Condition> {
    let text = text.trim();
    if text.starts_with('{') {
        return serde_json::from_str(text).ok();
    }
    if let Some(rest) = keyword(text, "not") {
        return parse(rest).map(|inner| Condition::Not(Box::new(inner)));
    }
    if let Some(rest) = keyword(text, "visited") {
        return Some(Condition::Visited(rest.into()));
    }
    if let Some(rest) = keyword(text, "chose-quality") {
        let quality = Quality::ALL.into_iter().find(|q| q.key() == rest)?;
        return Some(Condition::ChoseQuality(quality));
    }
    if let Some(rest) = keyword(text, "chose") {
        return Some(Condition::Chose(rest.to_owned()));
    }
    let mut words = text.split_whitespace();
    let (Some(var), Some(op), Some(value), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return None;
    };
    let op = OPS.iter().find(|(written, _)| *written == op)?.1;
    Some(Condition::Compare(Comparison {
        var: var.into(),
        op,
        value: value.parse().ok()?,
    }))
}

/// Writes a condition in the shortest form [`parse`] reads back as the same condition.
pub fn format(condition: &Condition) -> String {
    simple(condition).unwrap_or_else(|| {
        // A condition always serialises; the fallback keeps this total all the same.
        serde_json::to_string(condition).unwrap_or_default()
    })
}

/// The operators as written.
const OPS: [(&str, CompareOp); 6] = [
    ("==", CompareOp::Eq),
    ("!=", CompareOp::Ne),
    ("<=", CompareOp::Le),
    (">=", CompareOp::Ge),
    ("<", CompareOp::Lt),
    (">", CompareOp::Gt),
];

/// The words that start a form, which a variable may not be named in the short form.
const KEYWORDS: [&str; 4] = ["not", "visited", "chose", "chose-quality"];

fn simple(condition: &Condition) -> Option<String> {
    let written = match condition {
        Condition::Not(inner) => format!("not {}", simple(inner)?),
        Condition::Visited(node) => format!("visited {node}"),
        Condition::Chose(choice) => format!("chose {choice}"),
        Condition::ChoseQuality(quality) => format!("chose-quality {}", quality.key()),
        Condition::Compare(Comparison { var, op, value }) => {
            let op = OPS.iter().find(|(_, o)| o == op)?.0;
            let var = var.as_str();
            if var.is_empty()
                || var.contains(char::is_whitespace)
                || var.starts_with('{')
                || KEYWORDS.contains(&var)
            {
                return None;
            }
            format!("{var} {op} {value}")
        }
        Condition::All(_) | Condition::Any(_) => return None,
    };
    // Only what reads back as the same condition.
    (parse(&written).as_ref() == Some(condition)).then_some(written)
}

/// The rest of `text` after `word` and a space.
fn keyword<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    text.strip_prefix(word)?.strip_prefix(' ').map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_read_and_write_back() {
        for text in [
            "trust >= 50",
            "safety < -5",
            "visited intake",
            "not visited intake",
            "chose intake/ask-name",
            "chose-quality harmful",
            "not not trust != 0",
        ] {
            let condition = parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(format(&condition), text);
        }
        assert_eq!(parse("trust is 5"), None);
        assert_eq!(parse("chose-quality great"), None);
    }

    #[test]
    fn what_has_no_short_form_is_json() {
        let json = r#"{"all":[{"visited":"a"},{"compare":{"var":"trust","op":">","value":1}}]}"#;
        let condition = parse(json).unwrap();
        assert_eq!(format(&condition), json);
        let spaced = Condition::Visited(" a ".into());
        assert_eq!(parse(&format(&spaced)), Some(spaced));
    }
}
