//! Where progress files live: `--data-dir DIR`, else `KRUISPUNT_DATA_DIR`, else the
//! platform's data directory.

use super::ProgressError;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "KRUISPUNT_DATA_DIR";

/// Where the data directory came from, so messages can say why that directory is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataDirSource {
    /// The `--data-dir` flag.
    Flag,
    /// The `KRUISPUNT_DATA_DIR` environment variable.
    Environment,
    /// The platform's data directory.
    Platform,
}

/// The resolved data directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    /// The directory.
    pub path: PathBuf,
    /// Why this directory.
    pub source: DataDirSource,
}

impl DataDir {
    /// Resolves the data directory from the flag, the real environment and the platform.
    pub fn resolve(flag: Option<&Path>) -> Result<Self, ProgressError> {
        resolve_data_dir(flag, std::env::var_os(DATA_DIR_ENV), platform_data_dir())
    }
}

/// The platform's data directory for Kruispunt (`~/.local/share/kruispunt` on Linux),
/// or `None` when no home directory can be found.
pub fn platform_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kruispunt").map(|dirs| dirs.data_dir().to_owned())
}

/// Picks the data directory: the flag wins over the environment variable, which wins over
/// the platform directory. An empty flag or variable counts as not given, since an empty
/// path would silently mean the current directory.
pub fn resolve_data_dir(
    flag: Option<&Path>,
    env: Option<OsString>,
    platform: Option<PathBuf>,
) -> Result<DataDir, ProgressError> {
    if let Some(flag) = flag.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(DataDir {
            path: flag.to_owned(),
            source: DataDirSource::Flag,
        });
    }
    if let Some(env) = env.filter(|v| !v.is_empty()) {
        return Ok(DataDir {
            path: PathBuf::from(env),
            source: DataDirSource::Environment,
        });
    }
    platform
        .map(|path| DataDir {
            path,
            source: DataDirSource::Platform,
        })
        .ok_or(ProgressError::NoDataDir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_environment_beats_platform() {
        let flag = Path::new("from-flag");
        let env = || Some(OsString::from("from-env"));
        let platform = || Some(PathBuf::from("from-platform"));

        let d = resolve_data_dir(Some(flag), env(), platform()).unwrap();
        assert_eq!((d.path.as_path(), d.source), (flag, DataDirSource::Flag));

        let d = resolve_data_dir(None, env(), platform()).unwrap();
        assert_eq!(
            (d.path.as_path(), d.source),
            (Path::new("from-env"), DataDirSource::Environment)
        );

        let d = resolve_data_dir(None, None, platform()).unwrap();
        assert_eq!(
            (d.path.as_path(), d.source),
            (Path::new("from-platform"), DataDirSource::Platform)
        );
    }

    #[test]
    fn empty_values_count_as_absent() {
        let d = resolve_data_dir(Some(Path::new("")), Some(OsString::new()), Some("p".into()));
        assert_eq!(d.unwrap().source, DataDirSource::Platform);
    }

    #[test]
    fn no_home_is_a_clear_error() {
        let err = resolve_data_dir(None, None, None).unwrap_err();
        assert!(matches!(err, ProgressError::NoDataDir));
        assert!(err.to_string().contains("--data-dir"), "{err}");
        assert!(err.to_string().contains(DATA_DIR_ENV), "{err}");
    }
}
