//! The light markup of course texts: `*emphasis*` and `((stage directions))`.
//!
//! A stage direction is what a character does, not what they say: `((looks at the clock))`.
//! Every view shows it as an action in parentheses, "(looks at the clock)", so that a screen
//! reader in plain mode reads a parenthetical rather than a character saying "looks at the
//! clock", and no report shows raw markers. This module is the one place that reads the
//! markup; the screens, plain mode and the exports ask it.

/// What a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Ordinary text.
    Plain,
    /// `*emphasis*`.
    Emphasis,
    /// `((a stage direction))`, given here with its parentheses.
    Action,
}

/// The text split into marked pieces, markers removed; an action keeps one pair of
/// parentheses around it. An unclosed marker runs to the end of the text.
pub fn pieces(text: &str) -> Vec<(Mark, String)> {
    let mut out: Vec<(Mark, String)> = Vec::new();
    let mut push = |mark: Mark, s: &str| {
        if s.is_empty() {
            return;
        }
        match out.last_mut() {
            Some((last, text)) if *last == mark => text.push_str(s),
            _ => out.push((mark, s.to_owned())),
        }
    };
    let mut emphasis = false;
    let mut action = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if !action && rest.starts_with("((") {
            action = true;
            push(Mark::Action, "(");
            rest = &rest[2..];
        } else if action && rest.starts_with("))") {
            action = false;
            push(Mark::Action, ")");
            rest = &rest[2..];
        } else if c == '*' {
            emphasis = !emphasis;
            rest = &rest[1..];
        } else {
            let mark = if action {
                Mark::Action
            } else if emphasis {
                Mark::Emphasis
            } else {
                Mark::Plain
            };
            let mut buf = [0u8; 4];
            push(mark, c.encode_utf8(&mut buf));
            rest = &rest[c.len_utf8()..];
        }
    }
    if action {
        push(Mark::Action, ")");
    }
    out
}

/// The text as words for a screen reader, a report or a file: emphasis markers dropped,
/// stage directions in parentheses.
pub fn plain(text: &str) -> String {
    pieces(text).into_iter().map(|(_, s)| s).collect()
}

/// Whether the text is only stage directions (and white space): nothing is said.
pub fn is_action_only(text: &str) -> bool {
    let pieces = pieces(text);
    pieces.iter().any(|(mark, _)| *mark == Mark::Action)
        && pieces
            .iter()
            .all(|(mark, s)| *mark == Mark::Action || s.trim().is_empty())
}

/// Version 1 wrote stage directions as emphasis; in a scenario's lines and choices every
/// `*…*` span was one. The text with those spans written as `((…))`, if any changed.
pub fn emphasis_to_actions(text: &str) -> Option<String> {
    if !text.contains('*') {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut open = false;
    for c in text.chars() {
        if c == '*' {
            out.push_str(if open { "))" } else { "((" });
            open = !open;
        } else {
            out.push(c);
        }
    }
    if open {
        // An unpaired star: leave the text as it was.
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_get_parentheses_and_emphasis_loses_its_stars() {
        assert_eq!(
            pieces("((Kijkt op.)) Dat is *echt* zo."),
            vec![
                (Mark::Action, "(Kijkt op.)".to_owned()),
                (Mark::Plain, " Dat is ".to_owned()),
                (Mark::Emphasis, "echt".to_owned()),
                (Mark::Plain, " zo.".to_owned()),
            ]
        );
        assert_eq!(
            plain("((Kijkt op.)) Dat is *echt* zo."),
            "(Kijkt op.) Dat is echt zo."
        );
    }

    #[test]
    fn an_unclosed_action_runs_to_the_end() {
        assert_eq!(plain("Ja. ((knikt"), "Ja. (knikt)");
    }

    #[test]
    fn a_line_of_only_actions_says_nothing() {
        assert!(is_action_only("((Zwijgt en kijkt naar de grond.))"));
        assert!(is_action_only(" ((Zucht.)) ((Kijkt weg.)) "));
        assert!(!is_action_only("((Zucht.)) Goed."));
        assert!(!is_action_only("*Zucht.*"));
        assert!(!is_action_only(""));
    }

    #[test]
    fn version_1_stage_directions_become_actions() {
        assert_eq!(
            emphasis_to_actions("*Zucht.* Dat woord vertaal ik niet.").as_deref(),
            Some("((Zucht.)) Dat woord vertaal ik niet.")
        );
        assert_eq!(emphasis_to_actions("Geen sterren."), None);
        assert_eq!(emphasis_to_actions("Een *ongepaarde ster."), None);
    }
}
