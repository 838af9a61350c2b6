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
        // Its keys and strings were found fit when it was parsed: at most its locales are
        // left to check, and the strings (spread over the heap) are not read again.
        let characters_known = text.is_known_fit();
        if characters_known
            && text
                .known_locales()
                .is_some_and(|set| Some(set) == self.facts.locale_set)
        {
            return; // exactly the declared locales
        }
        // One walk over the text's locales and the declared ones, both sorted: a declared
        // locale skipped over is missing, a text locale not matched is undeclared.
        let facts = self.facts;
        let declared = facts.locales.as_slice();
        let check_locales = !declared.is_empty();
        let mut next_declared = 0;
        for (locale, string) in text.iter() {
            let locale = locale.as_str();
            if !characters_known {
                self.id(locale, &at.key(locale));
            }
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
            if characters_known {
                continue;
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
        // Nearly every id is printable ASCII, which holds none of them.
        if is_plain_id(id) {
            return;
        }
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

/// Whether an id, key or tag is in printable ASCII, which holds no character
/// [`Ctx::id`] reports.
pub(crate) fn is_plain_id(id: &str) -> bool {
    id.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// Whether a text's string passes [`Ctx::text`]'s checks on it: not blank, and no control
/// character.
pub(crate) fn is_fit_text(string: &str) -> bool {
    !string.trim().is_empty() && first_control_character(string).is_none()
}

/// The first character that could drive the terminal: a C0 control other than newline and
/// tab, DEL, or a C1 control.
pub(super) fn first_control_character(text: &str) -> Option<u32> {
    // Sixteen bytes at a time, in a form the compiler turns into vector instructions, and
    // byte by byte only in a chunk that has one: most texts have none.
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(window) = bytes.get(start..start + LANES + 1) {
        if let Some(code) = control_in(bytes, window, start) {
            return Some(code);
        }
        start += LANES;
    }
    if start >= bytes.len() {
        return None;
    }
    match bytes.len().checked_sub(LANES + 1) {
        // The last whole window, overlapping bytes already read (and found clean); then the
        // last byte, which has none after it.
        Some(last) => control_in(bytes, bytes.get(last..)?, last)
            .or_else(|| control_at(bytes, bytes.len() - 1)),
        // A short text: padded with spaces (which start nothing).
        None => {
            let mut padded = [b' '; LANES + 1];
            padded
                .iter_mut()
                .zip(bytes)
                .for_each(|(slot, &byte)| *slot = byte);
            control_in(bytes, &padded, 0)
        }
    }
}

/// The control character starting in `window` (the [`LANES`] + 1 bytes of `bytes` from
/// `start`, or a short text padded), if any.
#[inline(always)]
fn control_in(bytes: &[u8], window: &[u8], start: usize) -> Option<u32> {
    match <&[u8; LANES + 1]>::try_from(window) {
        Ok(window) if starts_a_control(window) => {
            (start..start + LANES).find_map(|i| control_at(bytes, i))
        }
        _ => None,
    }
}

/// The control character starting at byte `i`, if any.
fn control_at(bytes: &[u8], i: usize) -> Option<u32> {
    match (bytes.get(i), bytes.get(i + 1)) {
        (Some(&b), _) if (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f => Some(u32::from(b)),
        (Some(0xc2), Some(&next @ 0x80..=0x9f)) => Some(u32::from(next)),
        _ => None,
    }
}

/// The bytes [`starts_a_control`] reads at once.
pub(super) const LANES: usize = 16;

/// Whether one of the first [`LANES`] bytes of `chunk` starts a character
/// [`first_control_character`] looks for: a C0 control other than newline and tab, DEL,
/// or 0xC2 before 0x80..=0x9F (a C1 control; before other bytes 0xC2 starts common
/// letters such as the no-break space of French texts). The last byte is only the one
/// after the last of those. Written without branches, so it compiles to vector
/// instructions.
pub(super) fn starts_a_control(chunk: &[u8; LANES + 1]) -> bool {
    let mut any = false;
    for i in 0..LANES {
        let (byte, next) = (chunk[i], chunk[i + 1]);
        let c0 = (byte < 0x20) & (byte != b'\n') & (byte != b'\t');
        // 0x80..=0x9F is 0b100x_xxxx.
        let c1 = (byte == 0xc2) & (next & 0xe0 == 0x80);
        any |= c0 | (byte == 0x7f) | c1;
    }
    any
}
