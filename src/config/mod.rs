//! The config file, `kruispunt.toml`, for what people would otherwise give every run: the
//! course directory, the interface language, the data directory, the LRS endpoint and the
//! CSV delimiter; and which value of each setting wins.
//!
//! - [`ConfigPath::find`]: `--config FILE`, else `KRUISPUNT_CONFIG`, else `kruispunt.toml`
//!   in the platform's config directory (`~/.config/kruispunt/` on Linux, `%APPDATA%\
//!   kruispunt\config\` on Windows, `~/Library/Application Support/kruispunt/` on macOS).
//! - [`ConfigFile::read`]: a missing platform file is no error; a named file that is
//!   missing is, and so is anything wrong inside, with the file, line, column and key
//!   ([`ConfigError`]).
//! - [`resolve`]: for each setting, the command line beats the environment, which beats
//!   the file, which beats the default.
//!
//! The file never holds a secret: the LRS user name and password are refused in it (they
//! stay in the private `lrs.json` of `kruispunt xapi configure`).

mod error;
mod load;
mod messages;
mod model;
mod resolve;

pub use error::{BadValue, ConfigError, Place, ValueKind};
pub use load::{CONFIG_ENV, ConfigFile, ConfigPath, FILE_NAME, MAX_CONFIG_BYTES, Origin, parse};
pub use model::{FORMAT_VERSION, KEYS, delimiter};
pub use resolve::{COURSE_ENV, Given, Resolved, Settings, Source, resolve};
