//! Profile names. A name becomes part of file names in the data directory, so it is
//! restricted to characters that are safe on every file system and cannot climb out of
//! the directory.

use std::fmt;

/// The longest profile name, in characters.
pub const MAX_PROFILE_NAME_LEN: usize = 64;

/// The profile used when none is given.
pub const DEFAULT_PROFILE: &str = "default";

/// A validated profile name: ASCII letters, ASCII digits, `-` and `_`, 1 to 64 characters.
///
/// Only ASCII letters are accepted, not every Unicode letter: names end up in file names,
/// and non-ASCII names could be normalised differently by different file systems (NFC vs
/// NFD on macOS), so two spellings of the same name could be two profiles.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProfileName(String);

/// Why a profile name is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileNameError {
    /// The name is empty.
    #[error("a profile name cannot be empty")]
    Empty,
    /// The name is longer than [`MAX_PROFILE_NAME_LEN`] characters.
    #[error("profile name is {len} characters long; at most {MAX_PROFILE_NAME_LEN} are allowed")]
    TooLong {
        /// The length of the refused name, in characters.
        len: usize,
    },
    /// The name holds a character other than a letter, digit, `-` or `_`.
    #[error(
        "profile name {name:?} contains {found:?}; use only letters a-z and A-Z, digits, `-` and `_`"
    )]
    InvalidCharacter {
        /// The refused name.
        name: String,
        /// The first character that is not allowed.
        found: char,
    },
}

impl ProfileName {
    /// Validates `name`.
    pub fn new(name: &str) -> Result<Self, ProfileNameError> {
        if name.is_empty() {
            return Err(ProfileNameError::Empty);
        }
        let len = name.chars().count();
        if len > MAX_PROFILE_NAME_LEN {
            return Err(ProfileNameError::TooLong { len });
        }
        if let Some(found) = name
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        {
            return Err(ProfileNameError::InvalidCharacter {
                name: name.to_owned(),
                found,
            });
        }
        Ok(Self(name.to_owned()))
    }

    /// The `default` profile.
    pub fn default_profile() -> Self {
        Self(DEFAULT_PROFILE.to_owned())
    }

    /// The name as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for ProfileName {
    fn default() -> Self {
        Self::default_profile()
    }
}

impl fmt::Display for ProfileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for ProfileName {
    type Err = ProfileNameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_letters_digits_dash_underscore() {
        for ok in ["default", "a", "Anna-2", "team_b", "X".repeat(64).as_str()] {
            assert_eq!(ProfileName::new(ok).unwrap().as_str(), ok);
        }
    }

    #[test]
    fn refuses_unsafe_names() {
        let too_long = "a".repeat(65);
        let cases: [(&str, ProfileNameError); 8] = [
            ("", ProfileNameError::Empty),
            (&too_long, ProfileNameError::TooLong { len: 65 }),
            ("..", invalid("..", '.')),
            ("a/b", invalid("a/b", '/')),
            ("a\\b", invalid("a\\b", '\\')),
            ("with space", invalid("with space", ' ')),
            ("zoë", invalid("zoë", 'ë')),
            ("a.json", invalid("a.json", '.')),
        ];
        for (name, expected) in cases {
            assert_eq!(ProfileName::new(name), Err(expected), "{name:?}");
        }
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // 64 multi-byte characters: too long would be wrong, invalid character is right.
        let name = "é".repeat(64);
        assert!(matches!(
            ProfileName::new(&name),
            Err(ProfileNameError::InvalidCharacter { found: 'é', .. })
        ));
    }

    fn invalid(name: &str, found: char) -> ProfileNameError {
        ProfileNameError::InvalidCharacter {
            name: name.to_owned(),
            found,
        }
    }
}
