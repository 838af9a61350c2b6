//! An author's preview in plain mode (`kruispunt play --plain`): one scenario opened at a
//! place, played until it ends or the author leaves, with no progress saved anywhere.

use super::{Plain, PlainError, Stop};
use crate::course::ids::ItemId;
use crate::msg_args;
use crate::session::{Command, Place, Session};
use std::io::{BufRead, Write};

/// Plays scenario `item` of the session's course from `place`, on `input` and `output`,
/// without a progress store. Returns the session as it was left.
pub fn run_preview(
    session: Session,
    item: &ItemId,
    place: Place,
    input: impl BufRead,
    output: impl Write,
) -> Result<Session, PlainError> {
    let mut plain = Plain {
        session,
        store: None,
        input,
        out: output,
        save_error: None,
        overview_notice_said: None,
    };
    let course = plain.session.course_arc();
    let ran = match course.scenarios.get(item) {
        Some(scenario) => plain.scenario_opened_by(scenario, Command::OpenAt(item.clone(), place)),
        None => Ok(()),
    };
    let bye = plain.i18n().msg("play-bye", &msg_args!());
    // The output may be what failed; the goodbye is a courtesy.
    let _ = writeln!(plain.out, "{bye}").and_then(|()| plain.out.flush());
    match ran {
        Ok(()) | Err(Stop::Quit | Stop::Home) => Ok(plain.session),
        Err(Stop::Io(error)) => Err(PlainError::Io(error)),
    }
}
