//! Profile files on disk: locking, loading with recovery, atomic saving, listing and
//! forgetting.

use super::document::{CourseStamp, ItemStatus, Progress, Timestamp};
use super::files::{
    ProfileLock, create_private_dir, io_err, open_err, open_regular, read_regular,
    remove_if_present, sync_dir, write_synced,
};
use super::format::{ReadOutcome, encode, migrated, read_document};
use super::journal::{self, Change, JOURNAL_COMPACT_AT};
use super::migrate::SCHEMA_VERSION;
use super::{ProfileName, ProgressError};
use crate::course::checked::Course;
use crate::course::ids::ItemId;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The progress files of all profiles in one data directory.
#[derive(Debug, Clone)]
pub struct ProfileStore {
    dir: PathBuf,
}

/// The files of one profile (see the [module documentation](super) for their roles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfilePaths {
    /// `NAME.json`.
    pub progress: PathBuf,
    /// `NAME.json.bak`.
    pub backup: PathBuf,
    /// `NAME.lock`.
    pub lock: PathBuf,
    /// `NAME.json.tmp`.
    temp: PathBuf,
    /// `NAME.json.bak.tmp`.
    backup_temp: PathBuf,
}

/// What happened while opening a profile, for the interface to tell the learner plainly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadNotice {
    /// There was no progress yet: a new profile was created.
    Created,
    /// The progress file was damaged. It was moved aside (not deleted) and, when the
    /// backup was intact, the backup was loaded instead.
    CorruptSetAside {
        /// Where the damaged file is now.
        moved_to: PathBuf,
        /// What was wrong with it.
        damage: Damage,
        /// The previous version (the backup) was loaded; otherwise progress starts afresh.
        restored_from_backup: bool,
        /// The backup was damaged too and moved here.
        backup_moved_to: Option<PathBuf>,
    },
    /// The progress file was missing but its backup was there and was loaded (a save was
    /// interrupted, or the file was removed by hand).
    RestoredFromBackup,
    /// The file was written by an older version and was upgraded; it is rewritten in the
    /// new format on the next save (the old one stays as the backup).
    Migrated {
        /// The version found.
        from: u32,
        /// The current version.
        to: u32,
    },
    /// A line of the journal at the end of the progress file (the latest steps) was
    /// damaged. The snapshot and the steps before the damage were kept (and written as a new
    /// progress file); the damaged file was moved aside (not deleted).
    JournalSetAside {
        /// Where the damaged file is now.
        moved_to: PathBuf,
        /// What was wrong with it.
        damage: Damage,
    },
    /// The progress was saved against another course or course version. What no longer
    /// matches is kept but ignored.
    CourseChanged {
        /// The course in the file.
        saved: CourseStamp,
        /// The course now.
        current: CourseStamp,
    },
}

/// What was wrong with a damaged progress file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// The file is empty.
    Empty,
    /// The file could not be read.
    Unreadable(String),
    /// The file is not valid JSON (for example cut off).
    NotJson(String),
    /// The file has no usable `schema_version`.
    NoVersion,
    /// The file is JSON but not a progress document of its version.
    WrongShape(String),
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Damage::Empty => f.write_str("the file is empty"),
            Damage::Unreadable(e) => write!(f, "the file could not be read ({e})"),
            Damage::NotJson(e) => write!(f, "the file is not valid JSON ({e})"),
            Damage::NoVersion => f.write_str("the file has no schema_version"),
            Damage::WrongShape(e) => write!(f, "the file is not a progress file ({e})"),
        }
    }
}

/// A profile that is open: the lock is held until this is dropped.
#[derive(Debug)]
pub struct OpenedProfile {
    /// Saves the profile; holds the lock.
    pub session: ProfileSession,
    /// The progress as loaded (or new).
    pub progress: Progress,
    /// What happened while loading, in order; empty when the file loaded normally.
    pub notices: Vec<LoadNotice>,
}

/// Write access to an open profile. Holding it holds the profile lock.
#[derive(Debug)]
pub struct ProfileSession {
    name: ProfileName,
    dir: PathBuf,
    paths: ProfilePaths,
    /// When the progress file last received everything done so far (the profile was
    /// opened, or a save succeeded).
    last_saved: Cell<Timestamp>,
    /// Whether `NAME.json` holds the progress as it was opened, in the current format and
    /// for the current course. When it does not (it was migrated, or the course changed),
    /// the first save writes it whole: lines in the current format do not go after an
    /// older snapshot, and the course stamp is not something a step changes.
    snapshot_current: Cell<bool>,
    /// The journal at the end of `NAME.json`, while steps are appended to it.
    journal: RefCell<JournalFile>,
    _lock: ProfileLock,
}

/// The journal of an open profile: the lines after the snapshot in `NAME.json`.
#[derive(Debug, Default)]
struct JournalFile {
    /// `NAME.json` open for appending, once a step was appended after the snapshot written
    /// last; `None` before. Reset by every snapshot: the old file is the backup then, and
    /// must not be appended to.
    file: Option<File>,
    /// How many bytes were appended after the snapshot.
    len: u64,
    /// The snapshot's size in bytes (see [`compaction_due`]).
    snapshot_len: u64,
    /// An append failed half-way, or a snapshot was not made durable: the next save
    /// writes the progress whole instead of appending after what may be a torn line.
    broken: bool,
}

/// Whether a journal of `journal_len` bytes after a snapshot of `snapshot_len` bytes is
/// folded into a new snapshot: once it passes [`JOURNAL_COMPACT_AT`] bytes, or the
/// snapshot's size when that is larger. A compaction costs as much as the snapshot, so
/// it is spread over at least as many appended bytes: a step costs the same, on
/// average, however long the history. Opening a profile then folds at most a journal
/// the size of its snapshot.
fn compaction_due(journal_len: u64, snapshot_len: u64) -> bool {
    journal_len > JOURNAL_COMPACT_AT.max(snapshot_len)
}

/// One profile as listed by [`ProfileStore::list`].
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSummary {
    /// The profile.
    pub name: ProfileName,
    /// What its file holds.
    pub state: ProfileState,
}

/// The content of a listed profile.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfileState {
    /// The file loads.
    Readable {
        /// The course it was saved against.
        course: CourseStamp,
        /// When it last changed.
        updated_at: Timestamp,
        /// The status of every item recorded in the file.
        items: BTreeMap<ItemId, ItemStatus>,
    },
    /// Written by a newer version.
    Newer {
        /// Its schema version.
        found: u64,
    },
    /// Damaged; it will be set aside when the profile is opened.
    Damaged(Damage),
    /// Not a regular file (a symbolic link, a directory, a FIFO): opening the profile is
    /// refused until it is removed.
    NotAFile,
}

impl ProfileSummary {
    /// Items completed and items recorded, counting only what the file holds.
    pub fn completed_in_file(&self) -> Option<(usize, usize)> {
        match &self.state {
            ProfileState::Readable { items, .. } => Some((
                items
                    .values()
                    .filter(|s| **s == ItemStatus::Completed)
                    .count(),
                items.len(),
            )),
            _ => None,
        }
    }

    /// Items completed out of the items of `course`; items no longer in the course do not
    /// count.
    pub fn completed_of(&self, course: &Course) -> Option<(usize, usize)> {
        let ProfileState::Readable { items, .. } = &self.state else {
            return None;
        };
        let mut total = 0;
        let mut completed = 0;
        for (_, item) in course.items_in_order() {
            total += 1;
            if items.get(item.id()) == Some(&ItemStatus::Completed) {
                completed += 1;
            }
        }
        Some((completed, total))
    }
}

impl ProfileStore {
    /// The store in `dir`. Nothing is touched until a profile is opened.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The files of profile `name`.
    pub fn paths(&self, name: &ProfileName) -> ProfilePaths {
        let file = |suffix: &str| self.dir.join(format!("{name}{suffix}"));
        ProfilePaths {
            progress: file(".json"),
            backup: file(".json.bak"),
            lock: file(".lock"),
            temp: file(".json.tmp"),
            backup_temp: file(".json.bak.tmp"),
        }
    }

    /// Whether profile `name` has a progress file (or a backup).
    pub fn exists(&self, name: &ProfileName) -> bool {
        let paths = self.paths(name);
        paths.progress.exists() || paths.backup.exists()
    }

    /// Opens profile `name` for `course`: creates the data directory, takes the profile
    /// lock, loads the progress (recovering a damaged file), or creates a new profile.
    ///
    /// Fails with [`ProgressError::ProfileInUse`] when another process has it open and
    /// [`ProgressError::NewerVersion`] when a newer Kruispunt wrote it (the file is left
    /// untouched).
    pub fn open(
        &self,
        name: &ProfileName,
        course: &CourseStamp,
    ) -> Result<OpenedProfile, ProgressError> {
        create_private_dir(&self.dir)?;
        let paths = self.paths(name);
        let lock = ProfileLock::acquire(name, &paths.lock)?;
        // Leftovers of a save that was interrupted; the lock says nobody is writing them.
        remove_if_present(&paths.temp)?;
        remove_if_present(&paths.backup_temp)?;

        let (mut progress, mut notices, journal) = self.load(name, &paths, course)?;
        let mut current = !notices
            .iter()
            .any(|n| matches!(n, LoadNotice::Migrated { .. }));
        if progress.course != *course {
            notices.push(LoadNotice::CourseChanged {
                saved: progress.course.clone(),
                current: course.clone(),
            });
            progress.course = course.clone();
            current = false;
        }
        let paths_progress = paths.progress.clone();
        let session = ProfileSession {
            name: name.clone(),
            dir: self.dir.clone(),
            paths,
            last_saved: Cell::new(Timestamp::now()),
            snapshot_current: Cell::new(current),
            journal: RefCell::new(JournalFile {
                snapshot_len: fs::metadata(&paths_progress).map_or(0, |meta| meta.len()),
                ..JournalFile::default()
            }),
            _lock: lock,
        };
        // Recreate the file right away when it is missing (new profile, or the damaged one
        // was set aside), so what the learner sees matches what is on disk. Lines left after
        // the snapshot (the last session did not end normally) are folded into a new one,
        // so nothing is ever appended after a torn line.
        if journal || fs::symlink_metadata(&session.paths.progress).is_err() {
            session.save(&progress)?;
        }
        Ok(OpenedProfile {
            session,
            progress,
            notices,
        })
    }

    /// The progress in the file (or its backup, or a new one), with the steps journaled
    /// after its snapshot folded in; what happened on the way; and whether the file has
    /// anything after its snapshot (to be compacted).
    fn load(
        &self,
        name: &ProfileName,
        paths: &ProfilePaths,
        course: &CourseStamp,
    ) -> Result<(Progress, Vec<LoadNotice>, bool), ProgressError> {
        let mut notices = Vec::new();
        let fresh = || Progress::new(course.clone(), Timestamp::now());
        let mut journal = false;
        let progress = match read_document(&paths.progress)? {
            ReadOutcome::Loaded {
                progress,
                from,
                journal: folded,
            } => {
                notices.extend(migrated(from));
                journal = folded.extra;
                if let Some(damage) = folded.damage {
                    // The snapshot and the steps before the damage are kept; the file as it
                    // was is kept too, and a new one is written when the profile opens.
                    let moved_to = self.set_aside(&paths.progress, name, "corrupt")?;
                    notices.push(LoadNotice::JournalSetAside { moved_to, damage });
                }
                progress
            }
            ReadOutcome::Missing => match read_document(&paths.backup)? {
                ReadOutcome::Missing => {
                    notices.push(LoadNotice::Created);
                    fresh()
                }
                ReadOutcome::Loaded { progress, from, .. } => {
                    notices.push(LoadNotice::RestoredFromBackup);
                    notices.extend(migrated(from));
                    progress
                }
                ReadOutcome::Damaged(damage) => {
                    let moved_to = self.set_aside(&paths.backup, name, "bak.corrupt")?;
                    notices.push(LoadNotice::CorruptSetAside {
                        moved_to,
                        damage,
                        restored_from_backup: false,
                        backup_moved_to: None,
                    });
                    fresh()
                }
            },
            ReadOutcome::Damaged(damage) => {
                let moved_to = self.set_aside(&paths.progress, name, "corrupt")?;
                let (progress, restored, backup_moved_to, from) =
                    match read_document(&paths.backup)? {
                        ReadOutcome::Loaded { progress, from, .. } => (progress, true, None, from),
                        ReadOutcome::Missing => (fresh(), false, None, SCHEMA_VERSION),
                        ReadOutcome::Damaged(_) => {
                            let moved = self.set_aside(&paths.backup, name, "bak.corrupt")?;
                            (fresh(), false, Some(moved), SCHEMA_VERSION)
                        }
                    };
                notices.push(LoadNotice::CorruptSetAside {
                    moved_to,
                    damage,
                    restored_from_backup: restored,
                    backup_moved_to,
                });
                notices.extend(migrated(from));
                progress
            }
        };
        Ok((progress, notices, journal))
    }

    /// Moves a damaged file to `NAME.KIND-TIMESTAMP` (adding `-2`, `-3`… if taken), so it
    /// is never overwritten.
    fn set_aside(
        &self,
        path: &Path,
        name: &ProfileName,
        kind: &str,
    ) -> Result<PathBuf, ProgressError> {
        let stamp = Timestamp::now().compact();
        let base = format!("{name}.{kind}-{stamp}");
        let mut target = self.dir.join(&base);
        let mut n = 1;
        while fs::symlink_metadata(&target).is_ok() {
            n += 1;
            target = self.dir.join(format!("{base}-{n}"));
        }
        fs::rename(path, &target).map_err(io_err("move aside", path))?;
        sync_dir(&self.dir)?;
        Ok(target)
    }

    /// Every profile in the data directory, by name. Read-only: takes no lock and moves
    /// nothing, so it is safe while profiles are open.
    pub fn list(&self) -> Result<Vec<ProfileSummary>, ProgressError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err("list", &self.dir)(e)),
        };
        let mut profiles = Vec::new();
        for entry in entries {
            let entry = entry.map_err(io_err("list", &self.dir))?;
            let file_name = entry.file_name();
            let Some(stem) = file_name.to_str().and_then(|f| f.strip_suffix(".json")) else {
                continue;
            };
            let Ok(name) = ProfileName::new(stem) else {
                continue;
            };
            let state = match read_document(&entry.path()) {
                Ok(ReadOutcome::Loaded { progress, .. }) => ProfileState::Readable {
                    course: progress.course,
                    updated_at: progress.updated_at,
                    items: progress
                        .items
                        .into_iter()
                        .map(|(id, item)| (id, item.status))
                        .collect(),
                },
                // Removed between listing and reading: not a profile any more.
                Ok(ReadOutcome::Missing) => continue,
                Ok(ReadOutcome::Damaged(damage)) => ProfileState::Damaged(damage),
                Err(ProgressError::NewerVersion { found, .. }) => ProfileState::Newer { found },
                Err(ProgressError::NotAFile { .. }) => ProfileState::NotAFile,
                Err(e) => return Err(e),
            };
            profiles.push(ProfileSummary { name, state });
        }
        profiles.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(profiles)
    }

    /// Deletes every file of profile `name`: progress, backup, damaged copies set aside,
    /// leftovers and the lock. Returns the files removed. Refuses with
    /// [`ProgressError::ProfileInUse`] while another process has the profile open.
    pub fn forget(&self, name: &ProfileName) -> Result<Vec<PathBuf>, ProgressError> {
        let paths = self.paths(name);
        if !self.dir.is_dir() {
            return Err(ProgressError::NoSuchProfile {
                profile: name.clone(),
                dir: self.dir.clone(),
            });
        }
        let lock = ProfileLock::acquire(name, &paths.lock)?;
        let mut files = Vec::new();
        let entries = fs::read_dir(&self.dir).map_err(io_err("list", &self.dir))?;
        for entry in entries {
            let entry = entry.map_err(io_err("list", &self.dir))?;
            if let Some(file_name) = entry.file_name().to_str()
                && belongs_to(file_name, name)
            {
                files.push(entry.path());
            }
        }
        files.sort();
        // The lock file goes last, while still held, so no one opens the profile halfway.
        let found = !files.is_empty();
        for file in &files {
            remove_if_present(file)?;
        }
        remove_if_present(&paths.lock)?;
        drop(lock);
        sync_dir(&self.dir)?;
        if !found {
            return Err(ProgressError::NoSuchProfile {
                profile: name.clone(),
                dir: self.dir.clone(),
            });
        }
        files.push(paths.lock);
        Ok(files)
    }
}

/// Whether `file_name` is one of profile `name`'s files, other than its lock. Names hold no
/// `.`, so `NAME.` cannot be the start of another profile's files.
fn belongs_to(file_name: &str, name: &ProfileName) -> bool {
    let Some(rest) = file_name
        .strip_prefix(name.as_str())
        .and_then(|r| r.strip_prefix('.'))
    else {
        return false;
    };
    matches!(rest, "json" | "json.bak" | "json.tmp" | "json.bak.tmp")
        || rest.starts_with("corrupt-")
        || rest.starts_with("bak.corrupt-")
}

impl ProfileSession {
    /// The profile.
    pub fn name(&self) -> &ProfileName {
        &self.name
    }

    /// The profile's files.
    pub fn paths(&self) -> &ProfilePaths {
        &self.paths
    }

    /// When the progress file last received everything done so far: when the profile was
    /// opened, or the last save that succeeded. After a failed save, what was done after
    /// this is not on disk.
    pub fn last_saved(&self) -> Timestamp {
        self.last_saved.get()
    }

    /// Saves `progress` whole, atomically, as a new snapshot (with no journal after it),
    /// keeping the previous file as `NAME.json.bak`:
    /// 1. write `NAME.json.tmp` and fsync it;
    /// 2. hard-link the current `NAME.json` as `NAME.json.bak.tmp` and rename that over
    ///    `NAME.json.bak` (so the backup is always a complete file);
    /// 3. rename `NAME.json.tmp` over `NAME.json`;
    /// 4. fsync the directory so the renames are durable.
    ///
    /// At every instant `NAME.json` is either the old or the new complete file, so a crash
    /// loses at most this save; the rename that puts the new snapshot in place is also the
    /// one that empties the journal. A save that fails leaves `NAME.json` as it was and
    /// removes the temporary files it made; `NAME.json` must be a regular file (a symbolic
    /// link or a directory in its place is refused, not followed).
    ///
    /// This costs as much as the progress is long: a step is saved with [`Self::record`].
    pub fn save(&self, progress: &Progress) -> Result<(), ProgressError> {
        let bytes = encode(progress)?;
        let paths = &self.paths;
        let current = match fs::symlink_metadata(&paths.progress) {
            Ok(meta) if meta.is_file() => true,
            Ok(_) => {
                return Err(ProgressError::NotAFile {
                    path: paths.progress.clone(),
                });
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => false,
            Err(e) => return Err(io_err("read", &paths.progress)(e)),
        };
        // Windows (and Wine) may refuse to replace a file that is open: the journal's
        // handle is closed first. The next step reopens it, after the new snapshot or,
        // when this save failed, after the old one.
        self.journal.borrow_mut().file = None;
        let replaced = self.replace(&bytes, current);
        if replaced.is_err() {
            // Best effort: the error that stopped the save is the one to report.
            let _ = fs::remove_file(&paths.temp);
            let _ = fs::remove_file(&paths.backup_temp);
        }
        replaced?;
        // The file open for appending is the backup now: the next step starts a journal
        // after the new snapshot.
        self.snapshot_current.set(true);
        let mut journal = self.journal.borrow_mut();
        *journal = JournalFile {
            snapshot_len: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
            ..JournalFile::default()
        };
        if let Err(error) = sync_dir(&self.dir) {
            // Appending to a snapshot whose rename may not be durable could lose the steps
            // in a crash: the next save writes a snapshot again.
            journal.broken = true;
            return Err(error);
        }
        self.last_saved.set(Timestamp::now());
        Ok(())
    }

    /// Saves a step: appends `changes` (what the progress recorder noted since the last
    /// save, which brought the progress to `progress`) to the journal at the end of
    /// `NAME.json`, one line each, in one write, then fsyncs the file. The cost depends on
    /// the changes only, not on the length of the history.
    ///
    /// The progress is written whole instead (see [`Self::save`]) when the snapshot is not
    /// current (migrated, or another course), when `NAME.json` is missing, after an append
    /// failed half-way, and once the journal is due for compaction ([`compaction_due`]). That last
    /// compaction is housekeeping: the step is on disk in the journal by then, so its
    /// failure is not reported here (the next save past the threshold tries again, and so
    /// does the end of the session, which reports it).
    pub fn record(&self, progress: &Progress, changes: &[Change]) -> Result<(), ProgressError> {
        if changes.is_empty() {
            return Ok(());
        }
        let whole = {
            let journal = self.journal.borrow();
            !self.snapshot_current.get()
                || journal.broken
                || (journal.file.is_none()
                    && !fs::symlink_metadata(&self.paths.progress).is_ok_and(|m| m.is_file()))
        };
        if whole {
            return self.save(progress);
        }
        let len = self.append(changes)?;
        if compaction_due(len, self.journal.borrow().snapshot_len) {
            let _ = self.save(progress);
        }
        Ok(())
    }

    /// Appends `changes` to the journal; returns how many bytes were appended after the
    /// snapshot so far.
    fn append(&self, changes: &[Change]) -> Result<u64, ProgressError> {
        let mut bytes = Vec::new();
        for change in changes {
            journal::push_line(&mut bytes, change).map_err(ProgressError::Encode)?;
        }
        let mut journal = self.journal.borrow_mut();
        let path = &self.paths.progress;
        let written = match journal.file.as_mut() {
            Some(file) => Ok(file),
            // The snapshot written last, opened once per snapshot; a symbolic link put in
            // its place meanwhile is refused, not followed.
            None => open_regular(path, OpenOptions::new().append(true))
                .map_err(open_err("write", path))
                .map(|file| journal.file.insert(file)),
        }
        .and_then(|file| {
            file.write_all(&bytes)
                .and_then(|()| file.sync_data())
                .map_err(io_err("write", path))
        });
        match written {
            Ok(()) => {
                journal.len += bytes.len() as u64;
                self.last_saved.set(Timestamp::now());
                Ok(journal.len)
            }
            Err(error) => {
                // What was written may end in a torn line: nothing more is appended after
                // it; the next save writes the file whole.
                *journal = JournalFile {
                    broken: true,
                    ..JournalFile::default()
                };
                Err(error)
            }
        }
    }

    /// Steps 1 to 3 of [`Self::save`]; `current` says whether `NAME.json` exists.
    fn replace(&self, bytes: &[u8], current: bool) -> Result<(), ProgressError> {
        let paths = &self.paths;
        write_synced(&paths.temp, bytes)?;
        if current {
            remove_if_present(&paths.backup_temp)?;
            if fs::hard_link(&paths.progress, &paths.backup_temp).is_err() {
                // File systems without hard links: a copy, fsynced before it replaces the
                // backup.
                let old = read_regular(&paths.progress)?;
                write_synced(&paths.backup_temp, &old)?;
            }
            fs::rename(&paths.backup_temp, &paths.backup)
                .map_err(io_err("replace", &paths.backup))?;
        }
        fs::rename(&paths.temp, &paths.progress).map_err(io_err("replace", &paths.progress))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journal_is_compacted_past_the_threshold_or_the_snapshots_size() {
        let at = JOURNAL_COMPACT_AT;
        // A small snapshot: the fixed threshold.
        assert!(!compaction_due(at, 10_000));
        assert!(compaction_due(at + 1, 10_000));
        // A snapshot larger than the threshold: not before the journal is as large.
        let large = 4 * at;
        assert!(!compaction_due(at + 1, large));
        assert!(!compaction_due(large, large));
        assert!(compaction_due(large + 1, large));
    }

    #[test]
    fn files_of_a_profile_are_recognised_exactly() {
        let anna = ProfileName::new("anna").unwrap();
        for own in [
            "anna.json",
            "anna.json.bak",
            "anna.json.tmp",
            "anna.json.bak.tmp",
            "anna.corrupt-20260321T101500Z",
            "anna.bak.corrupt-20260321T101500Z-2",
        ] {
            assert!(belongs_to(own, &anna), "{own}");
        }
        for other in ["anna2.json", "anna-b.json", "anna.lock", "anna.txt", "anna"] {
            assert!(!belongs_to(other, &anna), "{other}");
        }
    }
}
