//! Session logs on disk: `<data dir>/sessions/ID.json`, one file per session, written
//! atomically and privately (directory 0700, files 0600 on Unix) with the same writer as
//! the progress files.

use super::log::{LOG_VERSION, SessionId, SessionLog, migrate};
use crate::progress::{ProgressError, Timestamp, create_private_dir, write_atomically};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Why a session log could not be saved, listed or read.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// Writing failed (as for progress files).
    #[error(transparent)]
    Write(#[from] ProgressError),
    /// The sessions directory or a log could not be read.
    #[error("could not read `{}`: {source}", path.display())]
    Read {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// There is no session with this id.
    #[error("there is no session `{0}`")]
    NoSuchSession(SessionId),
    /// The file is not a session log this build can read.
    #[error("`{}` is not a session log this version can read: {reason}", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
}

/// A session as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    /// The session.
    pub id: SessionId,
    /// When it started.
    pub started_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
    /// The course id.
    pub course: String,
    /// How many decision points the group voted at.
    pub votes: usize,
}

/// The session logs in one data directory.
#[derive(Debug, Clone)]
pub struct SessionStore {
    dir: PathBuf,
}

impl SessionStore {
    /// The store under `data_dir` (in its `sessions` directory). Nothing is touched until
    /// a log is saved.
    pub fn new(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("sessions"),
        }
    }

    /// The sessions directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of session `id`.
    pub fn path(&self, id: &SessionId) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Saves `log` atomically, creating the directory (private) when needed.
    pub fn save(&self, log: &SessionLog) -> Result<(), ProgressError> {
        if let Some(data_dir) = self.dir.parent() {
            create_private_dir(data_dir)?;
        }
        create_private_dir(&self.dir)?;
        let mut bytes = serde_json::to_vec_pretty(log).map_err(ProgressError::Encode)?;
        bytes.push(b'\n');
        write_atomically(&self.path(&log.id), &bytes)
    }

    /// Reads session `id`.
    pub fn load(&self, id: &SessionId) -> Result<SessionLog, SessionError> {
        let path = self.path(id);
        match fs::read(&path) {
            Ok(bytes) => decode(&path, &bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Err(SessionError::NoSuchSession(id.clone()))
            }
            Err(source) => Err(SessionError::Read { path, source }),
        }
    }

    /// Every readable session, oldest first, and the files that could not be read.
    pub fn list(&self) -> Result<(Vec<SessionSummary>, Vec<SessionError>), SessionError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), Vec::new())),
            Err(source) => {
                return Err(SessionError::Read {
                    path: self.dir.clone(),
                    source,
                });
            }
        };
        let mut sessions = Vec::new();
        let mut problems = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| SessionError::Read {
                path: self.dir.clone(),
                source,
            })?;
            let name = entry.file_name();
            let Some(id) = name
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .and_then(|n| SessionId::parse(n).ok())
            else {
                continue;
            };
            match self.load(&id) {
                Ok(log) => sessions.push(SessionSummary {
                    votes: log.votes().count(),
                    id: log.id,
                    started_at: log.started_at,
                    updated_at: log.updated_at,
                    course: log.course.id.to_string(),
                }),
                // Removed between listing and reading.
                Err(SessionError::NoSuchSession(_)) => {}
                Err(problem) => problems.push(problem),
            }
        }
        sessions.sort_by(|a, b| (a.started_at, &a.id).cmp(&(b.started_at, &b.id)));
        Ok((sessions, problems))
    }
}

fn decode(path: &Path, bytes: &[u8]) -> Result<SessionLog, SessionError> {
    let damaged = |reason: String| SessionError::Damaged {
        path: path.to_owned(),
        reason,
    };
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| damaged(e.to_string()))?;
    let value = match value.get("log_version").and_then(serde_json::Value::as_u64) {
        Some(version) if version == u64::from(LOG_VERSION) => value,
        // An older log is upgraded; a newer one is not read.
        Some(version) if version < u64::from(LOG_VERSION) => {
            let from = u32::try_from(version).unwrap_or(0);
            migrate(value, from).map_err(|e| damaged(e.to_string()))?
        }
        Some(version) => return Err(damaged(format!("log_version {version}"))),
        None => return Err(damaged("no log_version".to_owned())),
    };
    serde_json::from_value(value).map_err(|e| damaged(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::ids::CourseId;
    use crate::facilitator::Entry;
    use crate::progress::CourseStamp;

    fn log(second: u64) -> SessionLog {
        let started = Timestamp(1_764_000_000 + second);
        SessionLog::new(
            SessionId::new(started, 7),
            CourseStamp {
                id: CourseId::from("kruispunt"),
                version: "1".into(),
            },
            started,
        )
    }

    #[test]
    fn logs_are_saved_privately_listed_and_loaded() {
        let temp = tempfile::tempdir().expect("temp dir");
        let store = SessionStore::new(&temp.path().join("data"));
        assert_eq!(store.list().expect("lists").0, Vec::new());
        let mut second = log(60);
        second.push(Entry::Note {
            at: Timestamp(1_764_000_100),
            item: None,
            text: "good question about names".into(),
        });
        store.save(&second).expect("saves");
        store.save(&log(0)).expect("saves");
        store.save(&second).expect("saves again");
        fs::write(store.dir().join("broken.json"), "{").expect("writes");
        fs::write(store.dir().join("notes.txt"), "ignored").expect("writes");

        let (sessions, problems) = store.list().expect("lists");
        let ids: Vec<&SessionId> = sessions.iter().map(|s| &s.id).collect();
        assert_eq!(ids, vec![&log(0).id, &second.id], "oldest first");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(store.load(&second.id).expect("loads"), second);
        assert!(!store.dir().join(format!("{}.json.tmp", second.id)).exists());
        let missing = SessionId::parse("nope").expect("an id");
        assert!(matches!(
            store.load(&missing),
            Err(SessionError::NoSuchSession(_))
        ));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).expect("exists").permissions().mode() & 0o777;
            assert_eq!(mode(store.dir()), 0o700);
            assert_eq!(mode(&store.path(&second.id)), 0o600);
        }
    }

    #[test]
    fn a_newer_log_version_is_refused() {
        let temp = tempfile::tempdir().expect("temp dir");
        let store = SessionStore::new(temp.path());
        let log = log(0);
        store.save(&log).expect("saves");
        let path = store.path(&log.id);
        let text = fs::read_to_string(&path).expect("reads");
        assert!(text.contains("\"log_version\": 3"), "{text}");
        fs::write(
            &path,
            text.replace("\"log_version\": 3", "\"log_version\": 4"),
        )
        .expect("w");
        assert!(matches!(
            store.load(&log.id),
            Err(SessionError::Damaged { .. })
        ));
    }

    #[test]
    fn a_version_1_log_still_loads_with_no_language() {
        let temp = tempfile::tempdir().expect("temp dir");
        let store = SessionStore::new(temp.path());
        let mut log = log(0);
        log.language = Some(crate::course::ids::Locale::from("fr"));
        store.save(&log).expect("saves");
        assert_eq!(store.load(&log.id).expect("loads"), log);
        // As a version 1 Kruispunt wrote it: no language.
        let path = store.path(&log.id);
        let text = fs::read_to_string(&path).expect("reads");
        let old = text
            .replace("\"log_version\": 2", "\"log_version\": 1")
            .replace("  \"language\": \"fr\",\n", "");
        assert!(!old.contains("language"), "{old}");
        fs::write(&path, old).expect("w");
        let loaded = store.load(&log.id).expect("a version 1 log loads");
        assert_eq!(loaded.log_version, LOG_VERSION);
        assert_eq!(loaded.language, None);
        assert_eq!(loaded.id, log.id);
    }
}
