//! A terminal at the other end of an SSH channel: the bytes a trainee's `ssh` sends,
//! parsed into key events, and a writer that ratatui's crossterm backend draws into and
//! that hands each frame to the channel without ever waiting for a slow client.
//!
//! Nothing here touches the server's own terminal: no raw mode, no `stdout`.

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Size};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::sync::mpsc;

/// The widest terminal a connection gets: a larger pty request is clamped to it.
pub const MAX_COLUMNS: u16 = 500;
/// The tallest terminal a connection gets.
pub const MAX_ROWS: u16 = 200;
/// The size used when the client gives none (a zero width or height).
const DEFAULT_SIZE: (u16, u16) = (80, 24);

/// The most bytes of one incomplete key sequence (an escape sequence or a UTF-8
/// character cut between two packets) kept for the next packet; more is thrown away.
const MAX_PENDING: usize = 16;
/// The most bytes of input handled from one packet; a paste larger than this is cut.
pub const MAX_INPUT_CHUNK: usize = 4096;

/// The terminal size for a pty request or a window change: at most
/// [`MAX_COLUMNS`] x [`MAX_ROWS`], and 80x24 when the client says 0.
pub fn clamp_size(columns: u32, rows: u32) -> (u16, u16) {
    if columns == 0 || rows == 0 {
        return DEFAULT_SIZE;
    }
    let clamp = |value: u32, max: u16| u16::try_from(value).unwrap_or(max).min(max);
    (clamp(columns, MAX_COLUMNS), clamp(rows, MAX_ROWS))
}

/// Turns the bytes of a terminal into key events: arrows, Enter, Esc, Tab, Shift-Tab,
/// Backspace, Page Up and Down, Home, End, Delete, Ctrl and a letter, Alt and a key, and
/// printable UTF-8. Unknown escape sequences are skipped whole.
///
/// An escape byte alone at the end of a packet is the Esc key: a terminal sends a whole
/// escape sequence in one write, so a sequence is not waited for across packets.
#[derive(Debug, Default)]
pub struct InputParser {
    /// A UTF-8 character whose first bytes came in the last packet.
    pending: Vec<u8>,
}

impl InputParser {
    /// A parser with nothing pending.
    pub fn new() -> Self {
        Self::default()
    }

    /// The key events in `bytes` (at most [`MAX_INPUT_CHUNK`] of them are read).
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<KeyEvent> {
        let bytes = &bytes[..bytes.len().min(MAX_INPUT_CHUNK)];
        let mut input = std::mem::take(&mut self.pending);
        input.extend_from_slice(bytes);
        let mut keys = Vec::new();
        let mut at = 0;
        while at < input.len() {
            match parse_one(&input[at..]) {
                Parsed::Key(key, used) => {
                    keys.extend(key);
                    at += used;
                }
                Parsed::Incomplete => {
                    let rest = &input[at..];
                    if rest.len() <= MAX_PENDING {
                        self.pending = rest.to_vec();
                    }
                    break;
                }
            }
        }
        keys
    }
}

/// What the start of the input holds.
enum Parsed {
    /// A key (or nothing, for a byte or sequence that means no key), and the bytes it used.
    Key(Option<KeyEvent>, usize),
    /// The start of a UTF-8 character whose other bytes have not come yet.
    Incomplete,
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Option<KeyEvent> {
    Some(KeyEvent::new(code, modifiers))
}

fn plain(code: KeyCode) -> Option<KeyEvent> {
    key(code, KeyModifiers::NONE)
}

fn parse_one(input: &[u8]) -> Parsed {
    let Some(&first) = input.first() else {
        return Parsed::Key(None, 0);
    };
    match first {
        0x1b => parse_escape(input),
        // Enter is CR; a CR LF pair is one Enter.
        b'\r' if input.get(1) == Some(&b'\n') => Parsed::Key(plain(KeyCode::Enter), 2),
        b'\r' | b'\n' => Parsed::Key(plain(KeyCode::Enter), 1),
        b'\t' => Parsed::Key(plain(KeyCode::Tab), 1),
        0x7f | 0x08 => Parsed::Key(plain(KeyCode::Backspace), 1),
        0x00 => Parsed::Key(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        0x01..=0x1a => {
            let letter = char::from(b'a' + first - 1);
            Parsed::Key(key(KeyCode::Char(letter), KeyModifiers::CONTROL), 1)
        }
        0x1c..=0x1f => Parsed::Key(None, 1),
        _ => parse_char(input),
    }
}

/// A printable character (UTF-8); control characters from C1 and invalid bytes are no key.
fn parse_char(input: &[u8]) -> Parsed {
    let width = match input[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Parsed::Key(None, 1),
    };
    let Some(bytes) = input.get(..width) else {
        // The continuation bytes that did come must be continuation bytes.
        if input[1..].iter().all(|b| b & 0xc0 == 0x80) {
            return Parsed::Incomplete;
        }
        return Parsed::Key(None, 1);
    };
    match std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) if !c.is_control() => {
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Parsed::Key(key(KeyCode::Char(c), modifiers), width)
        }
        Some(_) => Parsed::Key(None, width),
        None => Parsed::Key(None, 1),
    }
}

/// ESC alone, ESC and a key (Alt), or a CSI / SS3 sequence.
fn parse_escape(input: &[u8]) -> Parsed {
    match input.get(1) {
        None => Parsed::Key(plain(KeyCode::Esc), 1),
        Some(b'[') => parse_csi(input),
        Some(b'O') => match input.get(2) {
            Some(&last) => Parsed::Key(final_key(last, KeyModifiers::NONE), 3),
            None => Parsed::Key(key(KeyCode::Char('O'), KeyModifiers::ALT), 2),
        },
        Some(0x1b) => Parsed::Key(plain(KeyCode::Esc), 1),
        Some(_) => match parse_one(&input[1..]) {
            Parsed::Key(Some(mut inner), used) => {
                inner.modifiers |= KeyModifiers::ALT;
                Parsed::Key(Some(inner), used + 1)
            }
            Parsed::Key(None, used) => Parsed::Key(None, used + 1),
            Parsed::Incomplete => Parsed::Incomplete,
        },
    }
}

/// `ESC [ params final`: arrows (with modifiers), Home, End, Shift-Tab, `n ~` keys.
fn parse_csi(input: &[u8]) -> Parsed {
    // Parameter and intermediate bytes run from 0x20 to 0x3f; the final byte ends it.
    let Some(end) = input[2..]
        .iter()
        .position(|b| !(0x20..=0x3f).contains(b))
        .map(|i| i + 2)
    else {
        // Cut off or unterminated: dropped whole.
        return Parsed::Key(None, input.len());
    };
    let params = std::str::from_utf8(&input[2..end]).unwrap_or("");
    let mut numbers = params.split(';').map(|p| p.parse::<u16>().ok());
    let first = numbers.next().flatten();
    let modifiers = numbers
        .next()
        .flatten()
        .map_or(KeyModifiers::NONE, modifier);
    let used = end + 1;
    let event = match input[end] {
        b'~' => match first {
            Some(1 | 7) => key(KeyCode::Home, modifiers),
            Some(4 | 8) => key(KeyCode::End, modifiers),
            Some(3) => key(KeyCode::Delete, modifiers),
            Some(5) => key(KeyCode::PageUp, modifiers),
            Some(6) => key(KeyCode::PageDown, modifiers),
            _ => None,
        },
        b'Z' => key(KeyCode::BackTab, KeyModifiers::SHIFT),
        last => final_key(last, modifiers),
    };
    Parsed::Key(event, used)
}

/// The key of the final byte of `ESC [ A` or `ESC O A`.
fn final_key(last: u8, modifiers: KeyModifiers) -> Option<KeyEvent> {
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        _ => return None,
    };
    key(code, modifiers)
}

/// The xterm modifier parameter: 1 + (Shift 1, Alt 2, Ctrl 4).
fn modifier(value: u16) -> KeyModifiers {
    let bits = value.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    if bits & 1 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    modifiers
}

/// Where ratatui's crossterm backend writes: the bytes of a frame are collected, and
/// `flush` hands them to the connection's sender as one message. When that sender still
/// has [`FRAMES_QUEUED`] frames waiting (the client reads slowly, or not at all), the
/// frame is dropped and [`ChannelWriter::take_dropped`] says so, so that the next frame
/// is drawn whole: a slow client misses frames, it never holds up the server.
#[derive(Debug)]
pub struct ChannelWriter {
    buffer: Vec<u8>,
    frames: mpsc::Sender<Vec<u8>>,
    dropped: Arc<AtomicBool>,
}

/// How many frames may wait for one client before frames are dropped.
pub const FRAMES_QUEUED: usize = 4;

impl ChannelWriter {
    /// A writer and the receiving end its frames go to.
    pub fn new() -> (Self, mpsc::Receiver<Vec<u8>>) {
        let (frames, receiver) = mpsc::channel(FRAMES_QUEUED);
        let writer = Self {
            buffer: Vec::new(),
            frames,
            dropped: Arc::new(AtomicBool::new(false)),
        };
        (writer, receiver)
    }

    /// Says whether frames were dropped, once the writer is inside the terminal.
    pub fn dropped(&self) -> Dropped {
        Dropped(Arc::clone(&self.dropped))
    }
}

/// Whether a [`ChannelWriter`] dropped a frame.
#[derive(Debug, Clone)]
pub struct Dropped(Arc<AtomicBool>);

impl Dropped {
    /// Whether a frame was dropped since the last call (the screen must be drawn whole).
    pub fn take(&self) -> bool {
        self.0.swap(false, Ordering::Relaxed)
    }
}

impl io::Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let frame = std::mem::take(&mut self.buffer);
        match self.frames.try_send(frame) {
            Ok(()) => Ok(()),
            Err(mpsc::error::TrySendError::Full(_)) => {
                self.dropped.store(true, Ordering::Relaxed);
                Ok(())
            }
            Err(mpsc::error::TrySendError::Closed(_)) => Err(io::ErrorKind::BrokenPipe.into()),
        }
    }
}

/// ratatui's crossterm backend writing into a [`ChannelWriter`], with the size and cursor
/// of the connection's terminal. The crossterm backend alone would ask the server's own
/// terminal for them (its `size` and cursor position read the process's tty).
#[derive(Debug)]
pub struct ChannelBackend {
    inner: CrosstermBackend<ChannelWriter>,
    size: Size,
    cursor: Position,
}

impl ChannelBackend {
    /// A backend drawing into `writer` on a terminal of `width` x `height`.
    pub fn new(writer: ChannelWriter, (width, height): (u16, u16)) -> Self {
        Self {
            inner: CrosstermBackend::new(writer),
            size: Size::new(width, height),
            cursor: Position::ORIGIN,
        }
    }

    /// The terminal has a new size: the next draw is made for it, whole.
    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = Size::new(width, height);
    }

    /// Writes bytes as they are (terminal modes at the start and the end).
    pub fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        io::Write::write_all(&mut self.inner, bytes)?;
        io::Write::flush(&mut self.inner)
    }
}

impl Backend for ChannelBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        self.cursor = position;
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::new(0, 0),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn keys(bytes: &[u8]) -> Vec<KeyEvent> {
        InputParser::new().feed(bytes)
    }

    fn codes(bytes: &[u8]) -> Vec<KeyCode> {
        keys(bytes).into_iter().map(|k| k.code).collect()
    }

    #[test]
    fn arrows_pages_and_editing_keys() {
        assert_eq!(
            codes(b"\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1b[5~\x1b[6~\x1b[H\x1b[F\x1b[3~"),
            [
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::Right,
                KeyCode::Left,
                KeyCode::Up,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::Delete,
            ]
        );
        assert_eq!(
            codes(b"\r\n\r\t\x7f\x08"),
            [
                KeyCode::Enter,
                KeyCode::Enter,
                KeyCode::Tab,
                KeyCode::Backspace,
                KeyCode::Backspace
            ]
        );
        assert_eq!(
            keys(b"\x1b[Z"),
            [KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)]
        );
        assert_eq!(
            keys(b"\x1b[1;5C"),
            [KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL)]
        );
    }

    #[test]
    fn escape_alone_ctrl_and_alt() {
        assert_eq!(
            keys(b"\x1b"),
            [KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)]
        );
        assert_eq!(
            keys(b"\x03"),
            [KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
        assert_eq!(
            keys(b"\x1b2"),
            [KeyEvent::new(KeyCode::Char('2'), KeyModifiers::ALT)]
        );
        assert_eq!(codes(b"\x1b\x1b"), [KeyCode::Esc, KeyCode::Esc]);
    }

    #[test]
    fn printable_utf8_also_across_packets() {
        assert_eq!(
            codes("aZë€😀".as_bytes()),
            ['a', 'Z', 'ë', '€', '😀'].map(KeyCode::Char)
        );
        assert_eq!(
            keys(b"Z"),
            [KeyEvent::new(KeyCode::Char('Z'), KeyModifiers::SHIFT)]
        );
        let mut parser = InputParser::new();
        let bytes = "é".as_bytes();
        assert!(parser.feed(&bytes[..1]).is_empty());
        assert_eq!(
            parser.feed(&bytes[1..]),
            [KeyEvent::new(KeyCode::Char('é'), KeyModifiers::NONE)]
        );
    }

    #[test]
    fn garbage_is_skipped_not_fatal() {
        assert_eq!(
            codes(b"\xff\xfea\x1b[99;99;99xb"),
            ['a', 'b'].map(KeyCode::Char)
        );
        assert_eq!(codes(b"\x1b[12"), []);
        assert_eq!(codes("\u{85}x".as_bytes()), [KeyCode::Char('x')]);
        // A huge paste is cut, and nothing is kept beyond the cap.
        let mut parser = InputParser::new();
        let paste = vec![b'a'; MAX_INPUT_CHUNK * 4];
        assert_eq!(parser.feed(&paste).len(), MAX_INPUT_CHUNK);
        assert!(parser.pending.is_empty());
    }

    #[test]
    fn sizes_are_clamped() {
        assert_eq!(clamp_size(100, 30), (100, 30));
        assert_eq!(clamp_size(10_000, 9_000), (MAX_COLUMNS, MAX_ROWS));
        assert_eq!(clamp_size(u32::MAX, 40), (MAX_COLUMNS, 40));
        assert_eq!(clamp_size(0, 0), (80, 24));
        assert_eq!(clamp_size(120, 0), (80, 24));
    }

    #[test]
    fn the_backend_draws_into_the_channel_at_the_connections_size() {
        let (writer, mut frames) = ChannelWriter::new();
        let mut terminal = ratatui::Terminal::new(ChannelBackend::new(writer, (30, 5))).unwrap();
        terminal
            .draw(|frame| {
                assert_eq!(frame.area(), ratatui::layout::Rect::new(0, 0, 30, 5));
                frame.render_widget("hallo", frame.area());
            })
            .unwrap();
        let frame = String::from_utf8(frames.try_recv().unwrap()).unwrap();
        assert!(frame.contains("hallo"), "{frame:?}");
        terminal.backend_mut().set_size(500, 200);
        terminal
            .draw(|frame| assert_eq!(frame.area().width, 500))
            .unwrap();
    }

    #[test]
    fn a_full_queue_drops_frames_instead_of_waiting() {
        let (mut writer, mut frames) = ChannelWriter::new();
        let dropped = writer.dropped();
        for n in 0..FRAMES_QUEUED + 2 {
            write!(writer, "frame {n}").unwrap();
            writer.flush().unwrap();
        }
        assert!(dropped.take());
        assert!(!dropped.take());
        assert_eq!(frames.try_recv().unwrap(), b"frame 0");
        drop(frames);
        write!(writer, "late").unwrap();
        assert_eq!(
            writer.flush().unwrap_err().kind(),
            io::ErrorKind::BrokenPipe
        );
    }
}
