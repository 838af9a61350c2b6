//! Input to actions: what a key, a click or the clock means, before any screen sees it.
//!
//! Only key presses count (terminals that report releases, as on Windows, would otherwise
//! act twice). While a text editor has the focus, keys go to it untouched, except Esc.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use std::time::Instant;

/// Something the learner (or the clock) did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Arrow up or `k`.
    Up,
    /// Arrow down or `j`.
    Down,
    /// Arrow left or `h`: previous scene, card or page.
    Left,
    /// Arrow right or `l`: next scene, card or page.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Enter: open, submit, continue.
    Confirm,
    /// Esc: back, close, leave the editor.
    Back,
    /// A number key, 1 to 9: pick that choice or option.
    Number(u8),
    /// Alt and a number key, 1 to 9 (facilitator mode: remove a vote for that choice).
    AltNumber(u8),
    /// `+`, `-` or `0` (facilitator mode: the discussion timer's minutes and reset).
    Symbol(char),
    /// Tab: the next pane.
    NextPane,
    /// Shift-Tab: the previous pane.
    PrevPane,
    /// Space: tick, select, turn over.
    Toggle,
    /// `?`: the help overlay.
    Help,
    /// `q`: quit (progress is saved).
    Quit,
    /// Ctrl-C, or a termination signal: save and quit at once.
    Interrupt,
    /// A letter a screen may use (`r` rewind, `m` map...); lower case as typed.
    Letter(char),
    /// A key for the text editor, while it has the focus.
    Edit(KeyEvent),
    /// A left click at this cell.
    Click {
        /// Column, from 0.
        column: u16,
        /// Row, from 0.
        row: u16,
    },
    /// The mouse wheel up.
    ScrollUp,
    /// The mouse wheel down.
    ScrollDown,
    /// The terminal has a new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// Time passes: debounced saves and timers look at the clock.
    Tick(Instant),
}

/// The action for a terminal event; `editing` is true while a text editor has the focus.
pub fn from_event(event: &Event, editing: bool) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => from_key(*key, editing),
        Event::Key(_) => None,
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// The action for a key press.
pub fn from_key(key: KeyEvent, editing: bool) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c')) {
        return Some(Action::Interrupt);
    }
    if editing {
        return Some(match key.code {
            KeyCode::Esc => Action::Back,
            _ => Action::Edit(key),
        });
    }
    if ctrl {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::ALT)
        && let KeyCode::Char(c @ '1'..='9') = key.code
    {
        return Some(Action::AltNumber(c as u8 - b'0'));
    }
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Left | KeyCode::Char('h') => Action::Left,
        KeyCode::Right | KeyCode::Char('l') => Action::Right,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Enter => Action::Confirm,
        KeyCode::Esc | KeyCode::Backspace => Action::Back,
        KeyCode::Tab => Action::NextPane,
        KeyCode::BackTab => Action::PrevPane,
        KeyCode::Char(' ') => Action::Toggle,
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char(c @ '1'..='9') => Action::Number(c as u8 - b'0'),
        KeyCode::Char(c @ ('+' | '-' | '0')) => Action::Symbol(c),
        KeyCode::Char(c) if c.is_alphabetic() => Action::Letter(c),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: KeyCode, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn only_presses_act() {
        let press = key(KeyCode::Char('j'), KeyEventKind::Press);
        let release = key(KeyCode::Char('j'), KeyEventKind::Release);
        let repeat = key(KeyCode::Char('j'), KeyEventKind::Repeat);
        assert_eq!(from_event(&press, false), Some(Action::Down));
        assert_eq!(from_event(&release, false), None);
        assert_eq!(from_event(&repeat, false), None);
    }

    #[test]
    fn keys_map_to_actions() {
        let press = |code| from_event(&key(code, KeyEventKind::Press), false);
        assert_eq!(press(KeyCode::Up), Some(Action::Up));
        assert_eq!(press(KeyCode::Char('k')), Some(Action::Up));
        assert_eq!(press(KeyCode::Char('3')), Some(Action::Number(3)));
        assert_eq!(press(KeyCode::Char('0')), Some(Action::Symbol('0')));
        assert_eq!(press(KeyCode::Char('-')), Some(Action::Symbol('-')));
        assert_eq!(press(KeyCode::Char('=')), None);
        let alt = |code| from_key(KeyEvent::new(code, KeyModifiers::ALT), false);
        assert_eq!(alt(KeyCode::Char('2')), Some(Action::AltNumber(2)));
        assert_eq!(alt(KeyCode::Char('x')), Some(Action::Letter('x')));
        assert_eq!(press(KeyCode::Char('?')), Some(Action::Help));
        assert_eq!(press(KeyCode::Char('q')), Some(Action::Quit));
        assert_eq!(press(KeyCode::Char('r')), Some(Action::Letter('r')));
        assert_eq!(press(KeyCode::Tab), Some(Action::NextPane));
        assert_eq!(press(KeyCode::Esc), Some(Action::Back));
        assert_eq!(press(KeyCode::Enter), Some(Action::Confirm));
    }

    #[test]
    fn the_editor_gets_every_key_but_escape_and_ctrl_c() {
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(from_key(q, true), Some(Action::Edit(q)));
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(from_key(esc, true), Some(Action::Back));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(from_key(ctrl_c, true), Some(Action::Interrupt));
        assert_eq!(from_key(ctrl_c, false), Some(Action::Interrupt));
    }
}
