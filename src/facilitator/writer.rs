//! The session log as a subscriber of the session core: each event the group's session
//! says becomes a log [`Entry`], a change of interface language is kept as the session's
//! language, and the log is written when the session saves. Nothing here looks at a screen.

use super::log::{ChoiceVotes, Entry, SessionLog};
use super::store::SessionStore;
use crate::progress::ProgressError;
use crate::session::{Event, EventKind, Open, Subscriber, World};

/// Keeps a facilitated session's log from the session's events, and writes it.
#[derive(Debug)]
pub struct LogWriter {
    log: SessionLog,
    store: Option<SessionStore>,
    dirty: bool,
}

impl LogWriter {
    /// A writer that appends to `log` and writes it through `store` (none in tests).
    pub fn new(log: SessionLog, store: Option<SessionStore>) -> Self {
        Self {
            log,
            store,
            dirty: false,
        }
    }

    /// The log as kept so far.
    pub fn log(&self) -> &SessionLog {
        &self.log
    }

    /// The log entry an event stands for, if any.
    fn entry(event: &Event, world: &World<'_>) -> Option<Entry> {
        let at = event.at;
        let item = event.item.clone();
        Some(match &event.kind {
            EventKind::Opened { .. } => Entry::Opened { at, item: item? },
            EventKind::SceneShown { scene, .. } => Entry::Shown {
                at,
                item: item?,
                scene: Some(scene.clone()),
                node: None,
            },
            EventKind::NodeShown { node } => Entry::Shown {
                at,
                item: item?,
                scene: None,
                node: Some(node.clone()),
            },
            EventKind::Chose {
                node,
                choice,
                tally: Some(tally),
                ..
            } => Entry::Vote {
                at,
                item: item?,
                node: node.clone(),
                counts: tally
                    .iter()
                    .map(|t| ChoiceVotes {
                        choice: t.choice.clone(),
                        votes: t.votes,
                    })
                    .collect(),
                chosen: choice.clone(),
            },
            EventKind::Rewound { to, .. } => Entry::Rewound {
                at,
                item: item?,
                to: to.clone(),
            },
            // Played again: back to where the conversation now stands.
            EventKind::Restarted => {
                let item = item?;
                let scenario = world.course.scenarios.get(&item)?;
                let Some(Open::Scenario(open)) = world.open else {
                    return None;
                };
                Entry::Rewound {
                    at,
                    to: scenario.node(open.run.current()).id.clone(),
                    item,
                }
            }
            EventKind::NoteWritten { text } => Entry::Note {
                at,
                item,
                text: text.clone(),
            },
            EventKind::Closed => Entry::Closed { at, item: item? },
            _ => return None,
        })
    }
}

impl Subscriber for LogWriter {
    fn on_event(&mut self, event: &Event, world: &World<'_>) {
        // The language switched during the session: the handout follows it.
        if matches!(event.kind, EventKind::SettingsChanged)
            && world.settings.locale.is_some()
            && world.settings.locale != self.log.language
        {
            self.log.language = world.settings.locale.clone();
            self.dirty = true;
        }
        if let Some(entry) = Self::entry(event, world) {
            self.log.push(entry);
            self.dirty = true;
        }
    }

    fn flush(&mut self) -> Result<(), ProgressError> {
        match &self.store {
            Some(store) if self.dirty => {
                store.save(&self.log)?;
                self.dirty = false;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
