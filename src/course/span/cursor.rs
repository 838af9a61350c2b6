//! Lines and character columns of byte offsets, counted as the offsets come.

use super::Position;

/// Turns byte offsets, taken in increasing order, into lines and character columns,
/// counting only the text between one offset and the next.
pub(crate) struct LineCursor<'a> {
    bytes: &'a [u8],
    /// The byte offset reached.
    offset: usize,
    /// The line of `offset`, from 1.
    line: usize,
    /// Characters between the start of the line and `offset`.
    column: usize,
}

impl<'a> LineCursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        LineCursor {
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
            column: 0,
        }
    }

    /// The position of `offset`, which is at a character boundary and not before the last
    /// one asked for.
    pub(crate) fn advance_to(&mut self, offset: usize) -> Position {
        let end = offset.min(self.bytes.len()).max(self.offset);
        let passed = self.bytes.get(self.offset..end).unwrap_or(&[]);
        // Counted a slice at a time, not byte by byte: the newlines passed (found with
        // memchr), and the characters since the last one.
        match memchr::memrchr(b'\n', passed) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', passed).count();
                self.column = characters(passed.get(last + 1..).unwrap_or(&[]));
            }
            None => self.column += characters(passed),
        }
        self.offset = end;
        Position {
            line: self.line,
            column: self.column + 1,
        }
    }
}

/// The characters `bytes` starts, in UTF-8: every byte but a continuation byte starts one.
fn characters(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| byte & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_counts_characters_and_lines_as_it_goes() {
        let text = "a\u{a0}é\n🎉x\r\ny";
        let mut cursor = LineCursor::new(text);
        assert_eq!(cursor.advance_to(0), Position { line: 1, column: 1 });
        assert_eq!(cursor.advance_to(5), Position { line: 1, column: 4 });
        assert_eq!(cursor.advance_to(10), Position { line: 2, column: 2 });
        assert_eq!(cursor.advance_to(13), Position { line: 3, column: 1 });
        // Past the end, the end.
        assert_eq!(cursor.advance_to(99), Position { line: 3, column: 2 });
        // Several lines in one move, from the middle of a line.
        let mut jump = LineCursor::new(text);
        assert_eq!(jump.advance_to(13), Position { line: 3, column: 1 });
        let mut lines = LineCursor::new("ab\ncd\n\néf");
        assert_eq!(lines.advance_to(1), Position { line: 1, column: 2 });
        assert_eq!(lines.advance_to(10), Position { line: 4, column: 3 });
    }
}
