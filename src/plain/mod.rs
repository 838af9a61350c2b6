//! Plain mode (`kruispunt --plain`): the whole course as a line-by-line conversation on
//! standard output and standard input, for screen readers and slow remote connections.
//!
//! Text comes in reading order, every option has a number or a letter, and every answer is
//! one line. Nothing moves the cursor, clears the screen, draws boxes or uses colour, so a
//! screen reader reads each new line once and a script can drive the course through a pipe.
//!
//! Plain mode is a view of the session core ([`crate::session`]): every answer that does
//! something becomes a [`session::Command`], and what is shown is read from the session's
//! state. The session records the progress (and keeps the language and the gloss in the
//! profile's settings) as it does for the TUI, so a learner can switch between the two
//! interfaces and continue where they were.
//!
//! - [`run`]: the conversation, over any [`BufRead`] and [`Write`];
//! - [`run_session`]: the same over a session made by the caller (with its own
//!   subscribers), handed back at the end;
//! - [`localizer`]: the interface language and start-up notices, as every front end
//!   chooses them.

mod home;
mod input;
mod lesson;
mod preview;
mod scenario;

pub use preview::run_preview;

use crate::course::Course;
use crate::course::checked::Item;
use crate::course::ids::ItemId;
use crate::course::model::Text;
use crate::i18n::{LocaleCandidates, Localize, Localizer, UiLocale, start_localizer};
use crate::msg_args;
use crate::progress::{LoadNotice, ProfileSession, Progress, ProgressError};
use crate::session::{self, Clock, Event, ProgressStore, Session, SessionError};
use std::io::{self, BufRead, Write};
use std::sync::Arc;

/// The longest input line kept, in bytes; the rest of a longer line is read and dropped,
/// so a stray binary file on standard input cannot exhaust memory.
const MAX_LINE: usize = 64 * 1024;

/// Why plain mode stopped other than by the learner quitting or the input ending.
#[derive(Debug, thiserror::Error)]
pub enum PlainError {
    /// Standard output (or input) failed, e.g. the reading end of the pipe was closed.
    #[error("input or output: {0}")]
    Io(#[from] io::Error),
    /// The last save of the progress failed.
    #[error(transparent)]
    Save(ProgressError),
}

impl Localize for PlainError {
    fn localize(&self, i18n: &Localizer) -> String {
        match self {
            PlainError::Io(error) => i18n.msg(
                "plain-io-failed",
                &msg_args!("reason" => error.localize(i18n)),
            ),
            PlainError::Save(error) => error.localize(i18n),
        }
    }
}

/// The interface language and the start-up notices (language notice, how the profile was
/// opened) as sentences, chosen as for every front end by [`start_localizer`]: `--lang`,
/// then `KRUISPUNT_LANG`, then the language saved in the profile, then the system, then
/// the course default.
pub fn localizer(
    course: &Course,
    progress: &Progress,
    notices: &[LoadNotice],
    candidates: &LocaleCandidates,
) -> (Localizer, Vec<String>) {
    start_localizer(
        candidates,
        progress.settings.locale.as_ref(),
        &course.default_locale,
        notices,
    )
}

/// Runs the course as a conversation until the learner quits or the input ends, saving
/// the progress to `profile` after every step and once more at the end. Returns the
/// progress as it was left.
///
/// The end of the input is a normal way out (a script that stops, Ctrl-D): the progress is
/// saved and `Ok` returned. A save that fails on the way is reported in the output and
/// retried at the next step; only a failing last save is an error.
pub fn run(
    course: Arc<Course>,
    i18n: Localizer,
    progress: Progress,
    notices: &[String],
    profile: Option<&ProfileSession>,
    input: impl BufRead,
    output: impl Write,
) -> Result<Progress, PlainError> {
    let session = Session::new(course, progress, i18n);
    let store = profile.map(|p| p as &dyn ProgressStore);
    run_session(session, notices, store, input, output).map(Session::into_progress)
}

/// [`run`] over a session the caller made: its course, progress, language and subscribers.
/// Every step is applied to it as a [`session::Command`] and saved to `store` (nowhere
/// when `None`; the subscribers still flush). Returns the session as it was left, with
/// nothing open.
pub fn run_session(
    session: Session,
    notices: &[String],
    store: Option<&dyn ProgressStore>,
    input: impl BufRead,
    output: impl Write,
) -> Result<Session, PlainError> {
    let mut plain = Plain {
        session,
        store,
        input,
        out: output,
        save_error: None,
        overview_notice_said: None,
    };
    let ended = plain.main(notices);
    // The whole progress, once: for a profile, a snapshot that folds in the journal of the
    // steps saved on the way.
    plain.write_now(true);
    // Never "saved" after a save that failed: the error follows on stderr.
    let bye = if plain.save_error.is_some() {
        plain.i18n().msg("plain-bye-not-saved", &msg_args!())
    } else {
        plain.i18n().msg("plain-bye", &msg_args!())
    };
    // The output may be what failed; the goodbye is a courtesy.
    let _ = writeln!(plain.out, "{bye}").and_then(|()| plain.out.flush());
    if let Some(error) = plain.save_error.take() {
        return Err(PlainError::Save(error));
    }
    match ended {
        Ok(()) | Err(Stop::Quit | Stop::Home) => Ok(plain.session),
        Err(Stop::Io(error)) => Err(PlainError::Io(error)),
    }
}

/// Why a screen stopped: back to the overview, quit (or end of input), or broken output.
#[derive(Debug)]
enum Stop {
    /// `home` or `back`: to the overview. Also where a screen goes whose item the session
    /// no longer has open.
    Home,
    /// `quit`, `q`, or the end of the input.
    Quit,
    /// Reading or writing failed.
    Io(io::Error),
}

impl From<io::Error> for Stop {
    fn from(error: io::Error) -> Self {
        Stop::Io(error)
    }
}

/// A screen's result: its value, or where the conversation goes instead.
type Step<T> = Result<T, Stop>;

/// What the learner answered at a prompt, after the global commands were handled.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Said {
    /// A line for the screen to interpret (trimmed).
    Line(String),
    /// The language changed: show the screen again in the new language.
    Redraw,
}

/// A global command typed at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    Help,
    Home,
    Quit,
    /// `lang xx`: `None` when no known language was named.
    Lang(Option<UiLocale>),
}

/// The global command in `line`, if it is one.
fn command(line: &str) -> Option<Command> {
    let lower = line.trim().to_lowercase();
    let mut words = lower.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    match (first, rest.as_slice()) {
        ("?" | "help", []) => Some(Command::Help),
        ("home" | "back", []) => Some(Command::Home),
        ("quit" | "q" | "exit", []) => Some(Command::Quit),
        ("lang" | "language", []) => Some(Command::Lang(None)),
        ("lang" | "language", [code]) => Some(Command::Lang(UiLocale::parse(code))),
        _ => None,
    }
}

/// Removes what must not reach a screen reader or a terminal: control characters (an
/// escape sequence in a file or in typed text is shown as nothing); a tab is a space. The
/// markup of course texts is read by [`crate::course::markup::plain`] before this.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// The numbers in `line` (1-based, as typed), each between 1 and `count`, without
/// repeats; `None` when anything else is there or nothing is.
fn numbers(line: &str, count: usize) -> Option<Vec<usize>> {
    let mut picked = Vec::new();
    for word in line.split(|c: char| c.is_whitespace() || c == ',') {
        if word.is_empty() {
            continue;
        }
        let n: usize = word.trim_end_matches('.').parse().ok()?;
        if n == 0 || n > count || picked.contains(&(n - 1)) {
            return None;
        }
        picked.push(n - 1);
    }
    (!picked.is_empty()).then_some(picked)
}

/// One number between 1 and `count`, as a 0-based index.
fn one_number(line: &str, count: usize) -> Option<usize> {
    match numbers(line, count)?.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// An empty line (`Some(None)`: nothing picked) or one number between 1 and `count`.
fn one_number_or_none(line: &str, count: usize) -> Option<Option<usize>> {
    if line.is_empty() {
        Some(None)
    } else {
        one_number(line, count).map(Some)
    }
}

/// The conversation's state: the session (course, language, progress, the item open), where
/// it is saved to, and the streams.
struct Plain<'s, R, W> {
    session: Session,
    store: Option<&'s dyn ProgressStore>,
    input: R,
    out: W,
    /// The last save failed with this; cleared by the next successful save.
    save_error: Option<ProgressError>,
    /// The interface language the overview's untranslated-texts notice was last said in:
    /// it is said once, and again after the language changes.
    overview_notice_said: Option<UiLocale>,
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// The overview, again and again, until the learner quits.
    fn main(&mut self, notices: &[String]) -> Step<()> {
        self.line(&self.i18n().msg("plain-welcome", &msg_args!()))?;
        for notice in notices {
            self.line(&clean(notice))?;
        }
        loop {
            match self.home() {
                Ok(()) | Err(Stop::Home) => {}
                Err(stop) => return Err(stop),
            }
        }
    }

    // ----- output -----

    /// One line of output.
    fn line(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{text}")
    }

    /// An empty line between blocks, so a reader hears where a new part starts.
    fn gap(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    /// Interface messages in the current language.
    fn i18n(&self) -> &Localizer {
        self.session.i18n()
    }

    /// A course text in the current language, with the fallback marker, as words.
    fn text(&self, text: &Text) -> String {
        clean(&crate::course::markup::plain(&self.session.text(text)))
    }

    /// A course text as its own line(s), followed by the second-language gloss when it is
    /// on, introduced by the language's code.
    fn say(&mut self, text: &Text) -> io::Result<()> {
        let main = self.text(text);
        self.line(&main)?;
        self.gloss_of(text)
    }

    /// A labelled course text, e.g. "Goal: ...", with the gloss after it.
    fn say_labelled(&mut self, label: &str, text: &Text) -> io::Result<()> {
        let main = self.text(text);
        self.line(&format!("{label} {main}"))?;
        self.gloss_of(text)
    }

    fn gloss_of(&mut self, text: &Text) -> io::Result<()> {
        let gloss = self
            .session
            .gloss_of(text)
            .zip(self.session.gloss())
            .map(|(g, second)| (second.to_string(), clean(&crate::course::markup::plain(g))));
        match gloss {
            Some((locale, gloss)) => self.line(&format!("({locale}) {gloss}")),
            None => Ok(()),
        }
    }

    // ----- the session -----

    /// Applies `command` at the current time. A refused command changes nothing.
    fn apply(&mut self, command: session::Command) -> Result<Vec<Event>, SessionError> {
        self.session.set_clock(Clock::now());
        self.session.apply(command)
    }

    /// Applies `command` and saves at once what it changed: a step.
    fn step(&mut self, command: session::Command) -> Result<Vec<Event>, SessionError> {
        let events = self.apply(command);
        self.save_if_due();
        events
    }

    /// Saves when the session says a save is due (after a step).
    fn save_if_due(&mut self) {
        if self.session.save_due() {
            self.save_now();
        }
    }

    /// Saves the progress now; a failure is said once in the output and remembered.
    fn save_now(&mut self) {
        self.write_now(false);
    }

    /// Saves what changed (`whole` false) or checkpoints the whole progress (`whole`
    /// true) now; a failure is said once in the output and remembered.
    fn write_now(&mut self, whole: bool) {
        let written = if whole {
            self.session.checkpoint(self.store)
        } else {
            self.session.save(self.store)
        };
        match written {
            Ok(()) => self.save_error = None,
            Err(error) => {
                let text = self.i18n().msg(
                    "plain-save-failed",
                    &msg_args!("reason" => error.localize(self.i18n())),
                );
                // When the output fails too, the error is still returned at the end.
                let _ = self.line(&text);
                self.save_error = Some(error);
            }
        }
    }

    /// Switches the interface and course language and keeps it in the profile, as the
    /// TUI does.
    fn set_locale(&mut self, locale: UiLocale) {
        // Changing the language is never refused.
        let _ = self.step(session::Command::SetLocale(locale));
    }

    /// Says once, for what was just opened (or the overview), which languages its
    /// untranslated texts are shown in; nothing when everything is translated.
    pub(super) fn say_fallbacks(&mut self) -> io::Result<()> {
        match self.i18n().fallback_sentence(self.session.fallbacks()) {
            Some(sentence) => self.line(&sentence),
            None => Ok(()),
        }
    }

    /// Opens a lesson or a scenario, and closes it when the learner leaves it (for the
    /// overview, or to quit).
    fn open(&mut self, item: &ItemId) -> Step<()> {
        let course = self.session.course_arc();
        let shown = match course.item(item.as_str()) {
            Some(Item::Lesson(lesson)) => self.lesson(lesson),
            Some(Item::Scenario(scenario)) => self.scenario(scenario),
            None => return Ok(()),
        };
        // Closing is never refused; it is saved with the next step or at the end.
        let _ = self.apply(session::Command::Close);
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_recognised_in_any_case_and_nothing_else_is() {
        assert_eq!(command("?"), Some(Command::Help));
        assert_eq!(command(" HELP "), Some(Command::Help));
        assert_eq!(command("q"), Some(Command::Quit));
        assert_eq!(command("back"), Some(Command::Home));
        assert_eq!(command("lang fr"), Some(Command::Lang(Some(UiLocale::Fr))));
        assert_eq!(command("lang de"), Some(Command::Lang(None)));
        assert_eq!(command("1"), None);
        assert_eq!(command("quit now"), None);
        assert_eq!(command(""), None);
    }

    #[test]
    fn numbers_are_one_based_in_range_and_without_repeats() {
        assert_eq!(numbers("1 3", 4), Some(vec![0, 2]));
        assert_eq!(numbers("2, 1", 4), Some(vec![1, 0]));
        assert_eq!(numbers("0", 4), None);
        assert_eq!(numbers("5", 4), None);
        assert_eq!(numbers("1 1", 4), None);
        assert_eq!(numbers("99999999999999999999999", 4), None);
        assert_eq!(numbers("", 4), None);
        assert_eq!(numbers("one", 4), None);
        assert_eq!(one_number("1 2", 4), None);
        assert_eq!(one_number("2.", 4), Some(1));
        assert_eq!(one_number_or_none("", 4), Some(None));
        assert_eq!(one_number_or_none("2", 4), Some(Some(1)));
        assert_eq!(one_number_or_none("5", 4), None);
    }

    #[test]
    fn clean_drops_control_characters_and_keeps_what_was_typed() {
        assert_eq!(clean("a *word*\u{1b}[2J\tend"), "a *word*[2J end");
        assert_eq!(clean("two\nlines"), "two\nlines");
    }

    #[test]
    fn course_text_loses_its_markup_and_control_characters() {
        let text = crate::course::markup::plain("a *word*\u{1b}[2J ((nods))\tend");
        assert_eq!(clean(&text), "a word[2J (nods) end");
    }
}
