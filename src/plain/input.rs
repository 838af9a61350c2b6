//! Plain mode's input: one line read safely, the prompt with the global commands (help,
//! language, home, quit), and asking until an answer is understood. Notices from the
//! session's background work (learning records that could not be sent) are said before a
//! prompt, so they never cut through a text.

use super::{Command, MAX_LINE, Plain, Said, Step, Stop, clean, command};
use crate::msg_args;
use std::io::{self, BufRead, Write};

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// One line of input without its line ending, or `None` at the end of the input.
    /// Invalid UTF-8 is replaced, control characters dropped, and a line longer than
    /// [`MAX_LINE`] cut there.
    pub(super) fn read_line(&mut self) -> io::Result<Option<String>> {
        let mut bytes = Vec::new();
        let mut read_any = false;
        loop {
            let available = match self.input.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                break;
            }
            read_any = true;
            let (chunk, used, done) = match available.iter().position(|&b| b == b'\n') {
                Some(end) => (&available[..end], end + 1, true),
                None => (available, available.len(), false),
            };
            let room = MAX_LINE.saturating_sub(bytes.len());
            bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
            self.input.consume(used);
            if done {
                break;
            }
        }
        if !read_any {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&bytes);
        Ok(Some(
            text.chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect(),
        ))
    }

    /// Shows the prompt and reads one answer. Global commands are handled here: help is
    /// shown (and `None` returned, so the caller shows its options again), `lang` switches
    /// the language, `home`/`back` and `quit` stop the screen, the end of input quits.
    /// A notice from the session's background work comes first, on a line of its own.
    pub(super) fn ask(&mut self) -> Step<Option<Said>> {
        for notice in self.session.take_notices() {
            self.line(&clean(&notice))?;
        }
        write!(self.out, "> ")?;
        self.out.flush()?;
        let Some(line) = self.read_line()? else {
            // The prompt has no line ending yet; end it so the output ends cleanly.
            self.gap()?;
            return Err(Stop::Quit);
        };
        match command(&line) {
            Some(Command::Help) => {
                self.help()?;
                Ok(None)
            }
            Some(Command::Home) => Err(Stop::Home),
            Some(Command::Quit) => Err(Stop::Quit),
            Some(Command::Lang(Some(locale))) => {
                self.set_locale(locale);
                Ok(Some(Said::Redraw))
            }
            Some(Command::Lang(None)) => {
                let usage = self.i18n().msg("plain-lang-usage", &msg_args!());
                self.line(&usage)?;
                Ok(None)
            }
            None => Ok(Some(Said::Line(line.trim().to_owned()))),
        }
    }

    /// Asks until `parse` accepts an answer: the options (`options`) are shown first, and
    /// again after help or an answer that was not understood. `None` means the language
    /// changed and the caller should show its screen again.
    pub(super) fn choose<T>(
        &mut self,
        options: impl Fn(&mut Self) -> io::Result<()>,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Step<Option<T>> {
        options(self)?;
        loop {
            match self.ask()? {
                None => options(self)?,
                Some(Said::Redraw) => return Ok(None),
                Some(Said::Line(line)) => match parse(&line) {
                    Some(value) => return Ok(Some(value)),
                    None => {
                        let shown = clean(&line);
                        let shown: String = shown.chars().take(40).collect();
                        let text = self
                            .i18n()
                            .msg("plain-not-understood", &msg_args!("answer" => shown));
                        self.line(&text)?;
                        options(self)?;
                    }
                },
            }
        }
    }

    /// The help: the commands that work at every prompt.
    pub(super) fn help(&mut self) -> io::Result<()> {
        self.gap()?;
        for id in [
            self.i18n().msg("plain-help-title", &msg_args!()),
            self.i18n().msg("plain-help-numbers", &msg_args!()),
            self.i18n().msg("plain-help-help", &msg_args!()),
            self.i18n().msg("plain-help-lang", &msg_args!()),
            self.i18n().msg("plain-help-home", &msg_args!()),
            self.i18n().msg("plain-help-letters", &msg_args!()),
            self.i18n().msg("plain-help-quit", &msg_args!()),
            self.i18n().msg("plain-help-saved", &msg_args!()),
        ] {
            self.line(&id)?;
        }
        self.gap()
    }
}
