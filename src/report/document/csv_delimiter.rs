//! The character between the fields of a CSV file, and which one a file gets.
//!
//! A spreadsheet opens a CSV file with the list separator of its regional settings: `;` in
//! Belgium, the Netherlands, France and Germany (where `,` is the decimal comma), `,` in
//! English-speaking countries. So the default follows the interface language
//! ([`CsvDelimiter::for_locale`]), and `--csv-delimiter` (or the configuration) says
//! otherwise ([`resolve_delimiter`]).

use crate::i18n::UiLocale;
use std::fmt;
use std::str::FromStr;

/// The character between the fields of a CSV record: one printable ASCII character that is
/// not a letter, a digit, a quote or an apostrophe, or a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct CsvDelimiter(u8);

impl CsvDelimiter {
    /// `,`: English-speaking spreadsheets.
    pub const COMMA: Self = Self(b',');
    /// `;`: Belgian, Dutch, French and German spreadsheets.
    pub const SEMICOLON: Self = Self(b';');
    /// A tab.
    pub const TAB: Self = Self(b'\t');

    /// The delimiter `text` names: one character, or `tab` (or `\t`, as typed in a shell)
    /// for a tab.
    pub fn parse(text: &str) -> Result<Self, DelimiterError> {
        if text == "tab" || text == "\\t" {
            return Ok(Self::TAB);
        }
        let mut chars = text.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return Err(DelimiterError::NotOneCharacter(text.to_owned()));
        };
        if c == '\t' {
            return Ok(Self::TAB);
        }
        // `u8::try_from` would take Latin-1 too (`é` is 0xE9): ASCII only.
        let (true, Ok(byte)) = (c.is_ascii(), u8::try_from(c)) else {
            return Err(DelimiterError::NotAscii(c));
        };
        // A quote would end fields; an apostrophe is the formula guard's; a letter or a
        // digit would split words and numbers; other control characters are invisible.
        if c.is_ascii_alphanumeric() || c.is_ascii_control() || matches!(c, '"' | '\'') {
            return Err(DelimiterError::Unusable(c));
        }
        Ok(Self(byte))
    }

    /// The spreadsheet convention of `locale`'s countries: `,` in English, `;` in Dutch
    /// and French (and German, should it come).
    pub fn for_locale(locale: UiLocale) -> Self {
        match locale {
            UiLocale::En => Self::COMMA,
            UiLocale::Nl | UiLocale::Fr => Self::SEMICOLON,
        }
    }

    /// The delimiter as the byte the CSV writer takes.
    pub fn byte(self) -> u8 {
        self.0
    }

    /// The delimiter as a character.
    pub fn as_char(self) -> char {
        char::from(self.0)
    }
}

impl fmt::Display for CsvDelimiter {
    /// `tab` for a tab, else the character: as `--csv-delimiter` takes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == Self::TAB {
            f.write_str("tab")
        } else {
            write!(f, "{}", self.as_char())
        }
    }
}

impl FromStr for CsvDelimiter {
    type Err = DelimiterError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl TryFrom<String> for CsvDelimiter {
    type Error = DelimiterError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

/// The delimiter of a CSV file: the one asked for on the command line, else the configured
/// one, else the convention of the interface language.
pub fn resolve_delimiter(
    flag: Option<CsvDelimiter>,
    configured: Option<CsvDelimiter>,
    locale: UiLocale,
) -> CsvDelimiter {
    flag.or(configured)
        .unwrap_or_else(|| CsvDelimiter::for_locale(locale))
}

/// Why a text is not a CSV delimiter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DelimiterError {
    /// Empty, or more than one character (and not `tab`).
    #[error("a CSV delimiter is one character, not {0:?}")]
    NotOneCharacter(String),
    /// One character, but not ASCII: spreadsheets split on ASCII separators only.
    #[error("a CSV delimiter is an ASCII character, not {0:?}")]
    NotAscii(char),
    /// A letter, a digit, a quote, an apostrophe or a control character other than tab.
    #[error("{0:?} cannot separate CSV fields")]
    Unusable(char),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_follows_the_spreadsheets_of_the_interface_language() {
        assert_eq!(CsvDelimiter::for_locale(UiLocale::Nl).as_char(), ';');
        assert_eq!(CsvDelimiter::for_locale(UiLocale::Fr).as_char(), ';');
        assert_eq!(CsvDelimiter::for_locale(UiLocale::En).as_char(), ',');
    }

    #[test]
    fn the_flag_goes_before_the_configuration_which_goes_before_the_language() {
        let pipe = CsvDelimiter::parse("|").unwrap();
        let tab = CsvDelimiter::TAB;
        // (flag, configured, locale) → delimiter.
        let table = [
            (None, None, UiLocale::Nl, CsvDelimiter::SEMICOLON),
            (None, None, UiLocale::Fr, CsvDelimiter::SEMICOLON),
            (None, None, UiLocale::En, CsvDelimiter::COMMA),
            (None, Some(tab), UiLocale::En, tab),
            (
                None,
                Some(CsvDelimiter::COMMA),
                UiLocale::Nl,
                CsvDelimiter::COMMA,
            ),
            (Some(pipe), Some(tab), UiLocale::Nl, pipe),
            (
                Some(CsvDelimiter::SEMICOLON),
                None,
                UiLocale::En,
                CsvDelimiter::SEMICOLON,
            ),
        ];
        for (flag, configured, locale, expected) in table {
            assert_eq!(
                resolve_delimiter(flag, configured, locale),
                expected,
                "{flag:?} {configured:?} {locale}"
            );
        }
    }

    #[test]
    fn one_ascii_separator_or_tab_is_accepted_and_nothing_else() {
        for (text, byte) in [(";", b';'), (",", b','), ("|", b'|'), (" ", b' ')] {
            assert_eq!(CsvDelimiter::parse(text), Ok(CsvDelimiter(byte)), "{text}");
        }
        for text in ["tab", "\\t", "\t"] {
            assert_eq!(CsvDelimiter::parse(text), Ok(CsvDelimiter::TAB), "{text:?}");
        }
        assert_eq!(CsvDelimiter::TAB.to_string(), "tab");
        assert_eq!(CsvDelimiter::SEMICOLON.to_string(), ";");
        assert_eq!(
            CsvDelimiter::parse(""),
            Err(DelimiterError::NotOneCharacter(String::new()))
        );
        assert_eq!(
            CsvDelimiter::parse(";;"),
            Err(DelimiterError::NotOneCharacter(";;".to_owned()))
        );
        for c in ['§', 'é', '\u{a0}', '；', '\u{85}'] {
            assert_eq!(
                CsvDelimiter::parse(&c.to_string()),
                Err(DelimiterError::NotAscii(c)),
                "{c:?}"
            );
        }
        for c in ['a', 'Z', '7', '"', '\'', '\n', '\r', '\u{0}'] {
            assert_eq!(
                CsvDelimiter::parse(&c.to_string()),
                Err(DelimiterError::Unusable(c)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn a_configuration_file_gives_it_as_a_string() {
        let parsed: CsvDelimiter = serde_json::from_str("\"tab\"").unwrap();
        assert_eq!(parsed, CsvDelimiter::TAB);
        assert!(serde_json::from_str::<CsvDelimiter>("\"ab\"").is_err());
    }
}
