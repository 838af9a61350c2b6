//! What is waiting for the LRS and what it already has, under `<data>/xapi/`:
//!
//! - `outbox.jsonl`: statements not yet accepted, one per line, in the order they happened;
//! - `sent-ids.txt`: the ids of the statements the LRS accepted (or already had), so a
//!   second `send` sends nothing twice (the LRS would store it once anyway: ids are stable).
//!
//! Both are private. New statements and accepted ids are appended (one `write`, fsynced),
//! so queueing and accepting cost as much as what is new, not as the files are long; a
//! line cut short by a crash is ignored (a statement that does not parse could not be
//! sent; an id that is not whole matches nothing, and the LRS absorbs the statement sent
//! again). The outbox is replaced atomically when statements leave it. `outbox.lock` keeps
//! two senders (a `send` and a live course) from interleaving their updates.
//!
//! Live sending keeps what it read between deliveries ([`Outbox::keep`],
//! [`Outbox::reopen`]): unlocked, so a `send` can run meanwhile, and read again only when
//! the files are no longer as it left them.

use super::lrs::LrsError;
use crate::progress::{ProgressError, create_private_dir, write_atomically};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The outbox and the sent-ledger of one data directory, locked while this is alive.
#[derive(Debug)]
pub struct Outbox {
    dir: PathBuf,
    pending: Vec<Value>,
    pending_ids: BTreeSet<String>,
    sent: BTreeSet<String>,
    _lock: File,
}

/// What an outbox held when it was unlocked ([`Outbox::keep`]), and how its files were
/// then, to take it up again without reading them ([`Outbox::reopen`]).
#[derive(Debug)]
pub struct KeptOutbox {
    dir: PathBuf,
    pending: Vec<Value>,
    pending_ids: BTreeSet<String>,
    sent: BTreeSet<String>,
    files: Option<FileStamps>,
}

/// The size, the modification time and (on Unix) the inode of the outbox and the ledger:
/// whatever another sender does to them (an append, a replacement) changes one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileStamps([Option<(u64, std::time::SystemTime, u64)>; 2]);

impl FileStamps {
    /// The stamps of the files in `dir`; `None` when they cannot be read (then the files
    /// are read again at the next [`Outbox::reopen`]).
    fn of(dir: &Path) -> Option<Self> {
        let stamp = |name: &str| -> Option<Option<(u64, std::time::SystemTime, u64)>> {
            match std::fs::metadata(dir.join(name)) {
                Ok(meta) => Some(Some((meta.len(), meta.modified().ok()?, inode(&meta)))),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(None),
                Err(_) => None,
            }
        };
        Some(Self([stamp(OUTBOX)?, stamp(LEDGER)?]))
    }
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_meta: &std::fs::Metadata) -> u64 {
    0
}

/// The statements not yet accepted, one per line.
const OUTBOX: &str = "outbox.jsonl";
/// The ids of the statements the LRS has, one per line.
const LEDGER: &str = "sent-ids.txt";

/// The id of a statement, when it has one.
pub fn statement_id(statement: &Value) -> Option<&str> {
    statement.get("id").and_then(Value::as_str)
}

impl Outbox {
    /// Opens (creating when missing) the outbox of `data_dir`, waiting for any other
    /// sender to finish with it.
    pub fn open(data_dir: &Path) -> Result<Self, LrsError> {
        let dir = data_dir.join("xapi");
        let lock = lock_dir(&dir)?;
        Self::read(dir, lock)
    }

    /// Unlocks the outbox, keeping what it holds for [`Self::reopen`].
    pub fn keep(self) -> KeptOutbox {
        // Still locked here: the stamps are those of the files as this outbox left them.
        let files = FileStamps::of(&self.dir);
        KeptOutbox {
            dir: self.dir,
            pending: self.pending,
            pending_ids: self.pending_ids,
            sent: self.sent,
            files,
        }
    }

    /// Locks the outbox `kept` came from again. What it holds is taken up as it is when
    /// the files are as it left them, so this costs the same however long they are; when
    /// another sender changed them meanwhile, they are read again.
    pub fn reopen(kept: KeptOutbox) -> Result<Self, LrsError> {
        let lock = lock_dir(&kept.dir)?;
        if kept.files.is_some() && FileStamps::of(&kept.dir) == kept.files {
            return Ok(Self {
                dir: kept.dir,
                pending: kept.pending,
                pending_ids: kept.pending_ids,
                sent: kept.sent,
                _lock: lock,
            });
        }
        Self::read(kept.dir, lock)
    }

    /// Reads the outbox and the ledger of `dir`, locked with `lock`.
    fn read(dir: PathBuf, lock: File) -> Result<Self, LrsError> {
        let pending: Vec<Value> = read_optional(&dir.join(OUTBOX))?
            .lines()
            // Written whole and atomically: a line that does not parse was edited by
            // hand, and could not be sent anyway.
            .filter_map(|line| serde_json::from_str(line).ok())
            .filter(|s: &Value| statement_id(s).is_some())
            .collect();
        let sent = read_optional(&dir.join(LEDGER))?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        let pending_ids = pending
            .iter()
            .filter_map(statement_id)
            .map(str::to_owned)
            .collect();
        Ok(Self {
            dir,
            pending,
            pending_ids,
            sent,
            _lock: lock,
        })
    }

    /// Adds to the outbox the statements the LRS does not have and that are not waiting
    /// already; says how many were added. Saved at once (appended).
    pub fn enqueue(&mut self, statements: Vec<Value>) -> Result<usize, LrsError> {
        let mut lines = String::new();
        let mut added = 0;
        for statement in statements {
            let Some(id) = statement_id(&statement).map(str::to_owned) else {
                continue;
            };
            if self.sent.contains(&id) || !self.pending_ids.insert(id) {
                continue;
            }
            lines.push_str(&statement.to_string());
            lines.push('\n');
            self.pending.push(statement);
            added += 1;
        }
        if added > 0 {
            append(&self.dir.join(OUTBOX), &lines)?;
        }
        Ok(added)
    }

    /// The statements waiting, oldest first.
    pub fn pending(&self) -> &[Value] {
        &self.pending
    }

    /// Whether the LRS accepted the statement with `id` (in this or an earlier send).
    pub fn was_sent(&self, id: &str) -> bool {
        self.sent.contains(id)
    }

    /// Records that the LRS has the statements `ids`: into the ledger, out of the outbox.
    /// The ledger is written first: a crash in between sends them again, which the LRS
    /// absorbs, rather than losing them.
    pub fn accepted(&mut self, ids: &[&str]) -> Result<(), LrsError> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut ledger = String::with_capacity(ids.len() * 37);
        for id in ids {
            if self.sent.insert((*id).to_owned()) {
                ledger.push_str(id);
                ledger.push('\n');
            }
        }
        if !ledger.is_empty() {
            append(&self.dir.join(LEDGER), &ledger)?;
        }
        self.remove(ids)
    }

    /// Takes the statements `ids`, which the LRS refused, out of the outbox: sending them
    /// again would be refused again. They are not in the ledger, so the next `send` makes
    /// and offers them anew (after a course or LRS fix).
    pub fn refused(&mut self, ids: &[&str]) -> Result<(), LrsError> {
        self.remove(ids)
    }

    fn remove(&mut self, ids: &[&str]) -> Result<(), LrsError> {
        let gone: BTreeSet<&str> = ids.iter().copied().collect();
        let before = self.pending.len();
        self.pending
            .retain(|s| statement_id(s).is_none_or(|id| !gone.contains(id)));
        for id in &gone {
            self.pending_ids.remove(*id);
        }
        if self.pending.len() != before {
            self.save_pending()?;
        }
        Ok(())
    }

    fn save_pending(&self) -> Result<(), LrsError> {
        let mut lines = String::new();
        for statement in &self.pending {
            lines.push_str(&statement.to_string());
            lines.push('\n');
        }
        write_atomically(&self.dir.join(OUTBOX), lines.as_bytes())?;
        Ok(())
    }
}

/// Creates `dir` (private) when missing, and locks its `outbox.lock`, waiting for any
/// other sender to finish with it.
fn lock_dir(dir: &Path) -> Result<File, LrsError> {
    create_private_dir(dir)?;
    let lock_path = dir.join("outbox.lock");
    let lock = private_options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(io("open", &lock_path))?;
    lock.lock().map_err(io("lock", &lock_path))?;
    Ok(lock)
}

/// Appends `lines` (each ending in a newline) to `path`, created private when missing,
/// with one `write`, and fsyncs it. After a line a crash cut short, a newline first, so
/// that line stays alone and is ignored.
fn append(path: &Path, lines: &str) -> Result<(), LrsError> {
    let mut file = private_options()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .map_err(io("open", path))?;
    let torn = match file.metadata().map_err(io("read", path))?.len() {
        0 => false,
        _ => {
            let mut last = [0u8];
            file.seek(SeekFrom::End(-1))
                .and_then(|_| file.read_exact(&mut last))
                .map_err(io("read", path))?;
            last[0] != b'\n'
        }
    };
    let mut bytes = Vec::with_capacity(lines.len() + 1);
    if torn {
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(lines.as_bytes());
    file.write_all(&bytes)
        .and_then(|()| file.sync_data())
        .map_err(io("write", path))
}

fn private_options() -> OpenOptions {
    // Only Unix sets a mode; elsewhere the data directory's own access list keeps it private.
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> LrsError {
    let path = path.to_owned();
    move |source| {
        LrsError::Store(ProgressError::Io {
            action,
            path,
            source,
        })
    }
}

/// The text of `path`; empty when there is no such file.
fn read_optional(path: &Path) -> Result<String, LrsError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(io("read", path)(e)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn what_was_accepted_is_never_queued_again_and_the_rest_survives_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let statements: Vec<Value> = (0..4).map(|n| json!({ "id": format!("id-{n}") })).collect();
        {
            let mut outbox = Outbox::open(dir.path()).unwrap();
            assert_eq!(outbox.enqueue(statements.clone()).unwrap(), 4);
            assert_eq!(outbox.enqueue(statements.clone()).unwrap(), 0);
            outbox.accepted(&["id-0", "id-1"]).unwrap();
            outbox.refused(&["id-3"]).unwrap();
        }
        let mut outbox = Outbox::open(dir.path()).unwrap();
        let waiting: Vec<_> = outbox.pending().iter().filter_map(statement_id).collect();
        assert_eq!(waiting, ["id-2"]);
        assert!(outbox.was_sent("id-1"));
        // A refused statement is offered again by the next send; an accepted one is not.
        assert_eq!(outbox.enqueue(statements).unwrap(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            for file in ["outbox.jsonl", "sent-ids.txt"] {
                let meta = std::fs::metadata(dir.path().join("xapi").join(file)).unwrap();
                assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{file}");
            }
        }
    }

    #[test]
    fn a_kept_outbox_sees_what_another_sender_did_meanwhile_and_a_torn_line_stays_alone() {
        let dir = tempfile::tempdir().unwrap();
        let ids = |outbox: &Outbox| -> Vec<String> {
            outbox
                .pending()
                .iter()
                .filter_map(statement_id)
                .map(str::to_owned)
                .collect()
        };
        let mut live = Outbox::open(dir.path()).unwrap();
        live.enqueue(vec![json!({ "id": "a" }), json!({ "id": "b" })])
            .unwrap();
        live.accepted(&["a"]).unwrap();
        let kept = live.keep();
        // Unlocked: a `send` runs meanwhile, and a crash cut its last line short.
        {
            let mut send = Outbox::open(dir.path()).unwrap();
            send.enqueue(vec![json!({ "id": "c" })]).unwrap();
            send.accepted(&["b"]).unwrap();
        }
        let outbox = dir.path().join("xapi").join(OUTBOX);
        let mut text = std::fs::read_to_string(&outbox).unwrap();
        text.push_str("{\"id\": \"tor");
        std::fs::write(&outbox, text).unwrap();
        let mut live = Outbox::reopen(kept).unwrap();
        assert_eq!(ids(&live), ["c"]);
        assert!(live.was_sent("a") && live.was_sent("b"));
        live.enqueue(vec![json!({ "id": "d" })]).unwrap();
        let kept = live.keep();
        // Appended after the torn line, not onto it.
        assert_eq!(ids(&Outbox::open(dir.path()).unwrap()), ["c", "d"]);
        let mut live = Outbox::reopen(kept).unwrap();
        live.accepted(&["c"]).unwrap();
        // Unchanged since: taken up as kept (and what it holds is what the files hold).
        let live = Outbox::reopen(live.keep()).unwrap();
        assert_eq!(ids(&live), ["d"]);
        drop(live);
        let read = Outbox::open(dir.path()).unwrap();
        assert_eq!(ids(&read), ["d"]);
        for id in ["a", "b", "c"] {
            assert!(read.was_sent(id), "{id}");
        }
        let ledger = std::fs::read_to_string(dir.path().join("xapi").join(LEDGER)).unwrap();
        assert_eq!(ledger, "a\nb\nc\n", "appended, each once");
    }
}
