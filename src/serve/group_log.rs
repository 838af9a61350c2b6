//! The server's session log of group steps: a session of the room's own (throwaway
//! progress, the server's language) that takes every group step the room went through, at
//! its decision point with the room's tally, and keeps it as a facilitator session log in
//! the data directory's `sessions`. So the session handout of a served workshop is made as
//! for facilitator mode: `kruispunt session export ID --format html`.

use super::room::GroupRecord;
use crate::course::Course;
use crate::facilitator::{LogWriter, SessionId, SessionLog, SessionStore};
use crate::i18n::{Localizer, UiLocale};
use crate::progress::{CourseStamp, Progress, ProgressError, Timestamp};
use crate::session::{Clock, Command, Place, Session};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

/// The group steps of one run of the server, written as they happen.
#[derive(Debug)]
pub struct GroupLog {
    id: SessionId,
    session: Mutex<Session>,
}

impl GroupLog {
    /// A new log for `data_dir`'s session store; its file is written at the first group
    /// step, so a server without group steps leaves no session log behind.
    pub fn start(course: Arc<Course>, language: UiLocale, data_dir: &Path, salt: u32) -> Self {
        let now = Timestamp::now();
        let stamp = CourseStamp::of(&course);
        let log =
            SessionLog::new(SessionId::new(now, salt), stamp.clone(), now).in_language(language);
        let id = log.id.clone();
        let store = SessionStore::new(data_dir);
        let mut session = Session::new(course, Progress::new(stamp, now), Localizer::new(language));
        session.subscribe(Box::new(LogWriter::new(log, Some(store))));
        Self {
            id,
            session: Mutex::new(session),
        }
    }

    /// The session log's id.
    pub fn id(&self) -> &SessionId {
        &self.id
    }

    /// Adds a group step: its decision point shown, then the room's choice with its tally;
    /// the log is written at once.
    pub fn record(&self, course: &Course, record: &GroupRecord) -> Result<(), ProgressError> {
        let Some(node) = course
            .scenarios
            .get(&record.scenario)
            .and_then(|s| s.node_idx(record.node.as_str()))
        else {
            return Ok(());
        };
        // One step at a time; a panic elsewhere leaves the session whole.
        let mut session = self.session.lock().unwrap_or_else(PoisonError::into_inner);
        session.set_clock(Clock::now());
        let opened = session.apply(Command::OpenAt(record.scenario.clone(), Place::Node(node)));
        if opened.is_ok() {
            let _ = session.apply(Command::Choose {
                choice: record.chosen.clone(),
                tally: Some(record.tally.clone()),
            });
        }
        session.save(None)
    }
}
