//! Lines and character columns of byte offsets, counted as the offsets come.

use super::Position;
use super::scan::HIGHS;

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
///
/// On a minified file the cursor counts every byte of the text this way, so it counts
/// eight at a time: each byte of a word sums its continuation bytes for up to 255 words
/// before the sums are added up.
fn characters(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut continuations = 0;
    loop {
        let mut lanes = 0u64;
        let mut taken = 0;
        for word in words.by_ref().take(255) {
            let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
            // 10xxxxxx: bit 7 set and bit 6 (moved up to bit 7) clear.
            lanes += (word & !(word << 1) & HIGHS) >> 7;
            taken += 1;
        }
        // Each byte of `lanes` is at most 255: pairs of them fit 16 bits, four such sums too.
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) + ((lanes >> 8) & 0x00FF_00FF_00FF_00FF);
        continuations += (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize;
        if taken < 255 {
            break;
        }
    }
    let tail = words
        .remainder()
        .iter()
        .filter(|&&byte| byte & 0xC0 == 0x80);
    bytes.len() - continuations - tail.count()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(256))]

        /// Counting characters eight bytes at a time counts what `chars` counts, across
        /// the blocks of 255 words it sums in.
        #[test]
        fn characters_are_counted_as_chars_counts_them(
            text in "[aé🎉\u{a0}\n]{0,40}",
            repeat in 0usize..700,
        ) {
            let text = text.repeat(repeat);
            proptest::prop_assert_eq!(characters(text.as_bytes()), text.chars().count());
        }
    }

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
