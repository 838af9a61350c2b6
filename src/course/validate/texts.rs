//! Checks on learner-visible texts: present, complete in the declared locales, and free of
//! characters that would drive the terminal; and on ids, keys, tags and the version, which
//! may hold no control character at all.

use super::{At, Ctx};
use crate::course::diagnostic::Problem;
use crate::course::model::{FacilitatorNotes, Minutes, Text};
use crate::i18n::display;

impl Ctx<'_> {
    /// Checks an estimate given per locale: each must be a declared locale.
    pub(super) fn minutes(&mut self, minutes: Option<&Minutes>, at: &At<'_>) {
        let Some(Minutes::PerLocale(per)) = minutes else {
            return;
        };
        let declared = self.facts.locales.as_slice();
        for locale in per.keys() {
            if !declared.is_empty() && !declared.contains(&locale.as_str()) {
                self.report(
                    &at.key(locale.as_str()),
                    Problem::UndeclaredLocale {
                        locale: locale.to_string(),
                    },
                );
            }
        }
    }

    /// Checks one text at `at`.
    pub(super) fn text(&mut self, text: &Text, at: &At<'_>) {
        if text.is_empty() {
            self.report(
                at,
                Problem::Empty {
                    what: "the text".to_owned(),
                },
            );
            return;
        }
        // One walk over the text's locales and the declared ones, both sorted: a declared
        // locale skipped over is missing, a text locale not matched is undeclared.
        let facts = self.facts;
        let declared = facts.locales.as_slice();
        let check_locales = !declared.is_empty();
        let mut next_declared = 0;
        for (locale, string) in text.iter() {
            let locale = locale.as_str();
            self.id(locale, &at.key(locale));
            while let Some(&missing) = declared.get(next_declared)
                && missing < locale
            {
                self.missing_locale(at, missing);
                next_declared += 1;
            }
            if declared.get(next_declared) == Some(&locale) {
                next_declared += 1;
            } else if check_locales {
                self.report(
                    &at.key(locale),
                    Problem::UndeclaredLocale {
                        locale: locale.to_owned(),
                    },
                );
            }
            if string.trim().is_empty() {
                self.report(
                    at,
                    Problem::Empty {
                        what: format!("the `{locale}` text"),
                    },
                );
            }
            if let Some(code) = first_control_character(string) {
                self.report(
                    &at.key(locale),
                    Problem::ControlCharacter {
                        locale: locale.to_owned(),
                        code,
                    },
                );
            }
        }
        for missing in declared.iter().skip(next_declared) {
            self.missing_locale(at, missing);
        }
    }

    /// Checks an id, a reference to one, a key, a tag, a locale or the version at `at`: it
    /// is printed in diagnostics, outlines and reports, so it may hold no character that
    /// could drive the terminal or reorder the text around it (not even a tab or newline).
    pub(super) fn id(&mut self, id: &str, at: &At<'_>) {
        if let Some(c) = id.chars().find(|&c| display::is_control(c)) {
            self.report(at, Problem::IdControlCharacter { code: u32::from(c) });
        }
    }

    fn missing_locale(&mut self, at: &At<'_>, locale: &str) {
        self.report(
            at,
            Problem::MissingLocale {
                locale: locale.to_owned(),
            },
        );
    }

    /// Checks an optional text at `parent.key`.
    pub(super) fn optional_text(&mut self, text: Option<&Text>, parent: &At<'_>, key: &str) {
        if let Some(text) = text {
            self.text(text, &parent.key(key));
        }
    }

    /// Checks each text of a list at `parent.key[i]`; reports the list when it is empty and
    /// `required` is set.
    pub(super) fn texts(&mut self, texts: &[Text], parent: &At<'_>, key: &str, required: bool) {
        let at = parent.key(key);
        if required {
            self.non_empty(texts, &at, &format!("`{key}`"));
        }
        for (i, text) in texts.iter().enumerate() {
            self.text(text, &at.index(i));
        }
    }

    /// Checks optional facilitator notes at `parent.facilitator_notes`.
    pub(super) fn facilitator_notes(&mut self, notes: Option<&FacilitatorNotes>, parent: &At<'_>) {
        let Some(notes) = notes else { return };
        let at = parent.key("facilitator_notes");
        self.text(&notes.text, &at.key("text"));
        self.texts(
            &notes.discussion_questions,
            &at,
            "discussion_questions",
            false,
        );
    }
}

/// The first character that could drive the terminal: a C0 control other than newline and
/// tab, DEL, or a C1 control.
pub(super) fn first_control_character(text: &str) -> Option<u32> {
    // Fast path over bytes, eight at a time as one word: every such character starts with
    // one of the bytes [`suspicious_bytes`] looks for, and most texts contain none. A word
    // that has one is read byte by byte: 0xC2 also starts common letters (the no-break
    // space of French texts, `«`, `é` does not), so it counts only before 0x80..=0x9F.
    let bytes = text.as_bytes();
    let control_at = |i: usize| match bytes.get(i) {
        Some(&b) if (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f => Some(u32::from(b)),
        Some(0xc2) => match bytes.get(i + 1) {
            Some(&next @ 0x80..=0x9f) => Some(u32::from(next)),
            _ => None,
        },
        _ => None,
    };
    let mut words = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if suspicious_bytes(u64::from_le_bytes(word))
            && let Some(code) = (base..base + 8).find_map(control_at)
        {
            return Some(code);
        }
        base += 8;
    }
    (base..bytes.len()).find_map(control_at)
}

/// Whether one of the eight bytes of `word` is a C0 control other than newline and tab,
/// DEL, or 0xC2 (which starts every C1 control). Exact: no addition carries into the next
/// byte.
pub(super) fn suspicious_bytes(word: u64) -> bool {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let equal = |byte: u8| {
        let y = word ^ (u64::from(byte) * ONES);
        !(((y & LOW7) + LOW7) | y | LOW7)
    };
    // The high bit of every byte under 0x20: its high bit is clear, and adding 0x60 to its
    // low seven bits stays under 0x80.
    let below_space = !(((word & LOW7) + 0x60 * ONES) | word | LOW7);
    ((below_space & !equal(b'\n') & !equal(b'\t')) | equal(0x7f) | equal(0xc2)) != 0
}
