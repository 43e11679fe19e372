//! Byte offsets of the parser's `(line, character column)` markers.
//!
//! The YAML parser counts columns in characters; spans are bytes. For an
//! ASCII file the two agree. Otherwise each marker is found by walking its
//! line, and walking every line from its start for each marker would be
//! quadratic on a long line (one 630 KB line with a single non-ASCII
//! character took half a minute). Markers arrive in file order, so a cursor
//! remembers the last one and walks on from there: each line is walked
//! about once.

use std::cell::Cell;

use crate::source::SourceFile;

pub(super) struct Columns<'a> {
    file: &'a SourceFile,
    ascii: bool,
    /// The last marker found: line, character column, byte offset.
    cursor: Cell<Option<(usize, usize, usize)>>,
    /// Characters stepped over, for the tests that keep this linear.
    #[cfg(test)]
    pub(super) walked: Cell<usize>,
}

impl<'a> Columns<'a> {
    pub(super) fn new(file: &'a SourceFile) -> Self {
        Columns {
            file,
            ascii: file.text().is_ascii(),
            cursor: Cell::new(None),
            #[cfg(test)]
            walked: Cell::new(0),
        }
    }

    /// The byte offset of a marker: `index` counts characters from the start
    /// of the file, `line` is 1-based and `column` 0-based, in characters.
    pub(super) fn byte(&self, index: usize, line: usize, column: usize) -> usize {
        if self.ascii {
            return index.min(self.file.text().len());
        }
        let offset = match self.cursor.get() {
            Some((at_line, at_column, at_byte)) if at_line == line && column >= at_column => {
                self.walk(at_byte, column - at_column)
            }
            _ => {
                let start = self.file.offset(line, 0);
                self.walk(start, column)
            }
        };
        self.cursor.set(Some((line, column, offset)));
        offset
    }

    /// The offset `chars` characters on from the byte offset `from`.
    fn walk(&self, from: usize, chars: usize) -> usize {
        #[cfg(test)]
        self.walked.set(self.walked.get() + chars);
        let text = self.file.text();
        let local = self.file.local(from);
        let rest = &text[local..];
        from + rest
            .char_indices()
            .nth(chars)
            .map_or(rest.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_bytes_of_multi_byte_characters() {
        let file = SourceFile::new("t.yaml", "é: 1\nab: ü\n".to_owned());
        let columns = Columns::new(&file);
        assert_eq!(columns.byte(0, 1, 0), 0);
        assert_eq!(columns.byte(1, 1, 1), 2);
        assert_eq!(columns.byte(5, 2, 0), 6);
        assert_eq!(columns.byte(9, 2, 4), 10);
        // Back on an earlier line: found from that line's start.
        assert_eq!(columns.byte(3, 1, 3), 4);
    }

    #[test]
    fn a_long_line_is_walked_once() {
        let line: String = std::iter::once('é')
            .chain(std::iter::repeat_n('a', 100_000))
            .collect();
        let file = SourceFile::new("t.yaml", line);
        let columns = Columns::new(&file);
        for column in (0..100_000).step_by(7) {
            assert_eq!(
                columns.byte(column, 1, column),
                column + usize::from(column > 0)
            );
        }
        assert!(columns.walked.get() <= 100_001, "{}", columns.walked.get());
    }
}
