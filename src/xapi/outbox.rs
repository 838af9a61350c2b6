//! What is waiting for the LRS and what it already has, under `<data>/xapi/`:
//!
//! - `outbox.jsonl`: statements not yet accepted, one per line, in the order they happened;
//! - `sent-ids.txt`: the ids of the statements the LRS accepted (or already had), so a
//!   second `send` sends nothing twice (the LRS would store it once anyway: ids are stable).
//!
//! Both are private and replaced atomically, like progress files; `outbox.lock` keeps two
//! senders (a `send` and a live course) from interleaving their updates.

use super::lrs::LrsError;
use crate::progress::{ProgressError, create_private_dir, write_atomically};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs::{File, OpenOptions};
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

/// The id of a statement, when it has one.
pub fn statement_id(statement: &Value) -> Option<&str> {
    statement.get("id").and_then(Value::as_str)
}

impl Outbox {
    /// Opens (creating when missing) the outbox of `data_dir`, waiting for any other
    /// sender to finish with it.
    pub fn open(data_dir: &Path) -> Result<Self, LrsError> {
        let dir = data_dir.join("xapi");
        create_private_dir(&dir)?;
        let lock_path = dir.join("outbox.lock");
        let lock = private_options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(io("open", &lock_path))?;
        lock.lock().map_err(io("lock", &lock_path))?;
        let pending: Vec<Value> = read_optional(&dir.join("outbox.jsonl"))?
            .lines()
            // Written whole and atomically: a line that does not parse was edited by
            // hand, and could not be sent anyway.
            .filter_map(|line| serde_json::from_str(line).ok())
            .filter(|s: &Value| statement_id(s).is_some())
            .collect();
        let sent = read_optional(&dir.join("sent-ids.txt"))?
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
    /// already; says how many were added. Saved at once.
    pub fn enqueue(&mut self, statements: Vec<Value>) -> Result<usize, LrsError> {
        let mut added = 0;
        for statement in statements {
            let Some(id) = statement_id(&statement).map(str::to_owned) else {
                continue;
            };
            if self.sent.contains(&id) || !self.pending_ids.insert(id) {
                continue;
            }
            self.pending.push(statement);
            added += 1;
        }
        if added > 0 {
            self.save_pending()?;
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
        self.sent.extend(ids.iter().map(|id| (*id).to_owned()));
        let mut ledger = String::with_capacity(self.sent.len() * 37);
        for id in &self.sent {
            ledger.push_str(id);
            ledger.push('\n');
        }
        write_atomically(&self.dir.join("sent-ids.txt"), ledger.as_bytes())?;
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
        write_atomically(&self.dir.join("outbox.jsonl"), lines.as_bytes())?;
        Ok(())
    }
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
}
