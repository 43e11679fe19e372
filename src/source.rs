//! Source files and positions: what every diagnostic points into.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One input file, held in memory with a line index so that byte offsets
/// turn into `line:column` cheaply; or an [excerpt](SourceFile::excerpt) of
/// one: a few of its lines, still addressed by the whole file's byte offsets
/// and line numbers.
#[derive(Debug)]
pub struct SourceFile {
    path: PathBuf,
    name: String,
    text: String,
    /// Byte offsets of the lines of `text`.
    line_starts: Vec<usize>,
    /// Where `text` starts in the whole file, in bytes and in lines: 0 unless
    /// an excerpt.
    base: usize,
    lines_before: usize,
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A byte range in a [`SourceFile`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let path = path.into();
        let name = display_name(&path);
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path,
            name,
            text,
            line_starts,
            base: 0,
            lines_before: 0,
        }
    }

    /// The lines a span touches, alone: what a finding keeps of its file, so
    /// that a run over thousands of files does not hold every file's text
    /// until the end. Positions in the excerpt are those in the whole file.
    pub fn excerpt(&self, span: Span) -> SourceFile {
        let line_of = |offset: usize| {
            let offset = self.local(offset);
            self.line_starts.partition_point(|&s| s <= offset) - 1
        };
        let (first, last) = (line_of(span.start), line_of(span.end.max(span.start)));
        let start = self.line_starts[first];
        let end = self
            .line_starts
            .get(last + 1)
            .copied()
            .unwrap_or(self.text.len());
        let text = self.text[start..end].to_owned();
        let line_starts = self.line_starts[first..=last]
            .iter()
            .map(|s| s - start)
            .collect();
        SourceFile {
            path: self.path.clone(),
            name: self.name.clone(),
            text,
            line_starts,
            base: self.base + start,
            lines_before: self.lines_before + first,
        }
    }

    /// An excerpt as [`excerpt`](Self::excerpt) made it, from its parts
    /// (read back from the result cache): `text` holds the lines of the whole
    /// file that start at byte `base`, after `lines_before` lines.
    pub fn from_excerpt(
        path: PathBuf,
        name: String,
        text: String,
        base: usize,
        lines_before: usize,
    ) -> Self {
        let mut file = SourceFile::new(path, text);
        file.name = name;
        file.base = base;
        file.lines_before = lines_before;
        file
    }

    /// Where [`text`](Self::text) starts in the whole file, in bytes: 0
    /// unless an excerpt.
    pub fn base(&self) -> usize {
        self.base
    }

    /// A byte offset of the whole file as an offset into [`text`](Self::text).
    pub fn local(&self, offset: usize) -> usize {
        offset.saturating_sub(self.base).min(self.text.len())
    }

    /// The lines of the whole file before [`text`](Self::text): 0 unless an
    /// excerpt.
    pub fn lines_before(&self) -> usize {
        self.lines_before
    }

    /// A file built into the binary, named `builtin:<relative path>`.
    pub fn embedded(relative: &str, text: &str) -> Self {
        let mut file = SourceFile::new(relative, text.to_owned());
        file.name = format!("builtin:{relative}");
        file
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as shown to users: relative to the working directory when possible.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text held: the whole file, or the lines of an excerpt.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where each line of [`text`](Self::text) starts in it.
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// The 1-based position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.local(offset);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        Position {
            line: self.lines_before + line + 1,
            column,
        }
    }

    /// The byte offset of a 1-based line and 0-based character column.
    pub fn offset(&self, line: usize, char_col: usize) -> usize {
        let index = line.saturating_sub(1).saturating_sub(self.lines_before);
        let Some(&start) = self.line_starts.get(index) else {
            return self.base + self.text.len();
        };
        let rest = &self.text[start..];
        self.base
            + rest
                .char_indices()
                .nth(char_col)
                .map_or(self.text.len(), |(i, _)| start + i)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(index) = line.checked_sub(1 + self.lines_before) else {
            return "";
        };
        let Some(&start) = self.line_starts.get(index) else {
            return "";
        };
        let end = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// A path relative to the working directory when it lies below it, for
/// stable, short file names in output.
pub fn display_name(path: &Path) -> String {
    let path = normalize(path);
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or(path);
    shown.to_string_lossy().replace('\\', "/")
}

/// `a/./b/../c` as `a/c`: one name for a file however it was reached (a
/// provider shared by many clients is reached through each client's folder).
pub(crate) fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut clean = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match clean.components().next_back() {
                Some(Component::Normal(_)) => {
                    clean.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => clean.push(".."),
            },
            other => clean.push(other),
        }
    }
    match clean.as_os_str().is_empty() {
        true => PathBuf::from("."),
        false => clean,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_keeps_the_positions_of_the_whole_file() {
        let text = "a: 1\nrows:\n  - id: R-1\n    owner: mssp\nz: é\n";
        let file = SourceFile::new("x.yaml", text.to_owned());
        let start = text.find("id").unwrap();
        let end = text.find("mssp").unwrap() + 4;
        let excerpt = file.excerpt(Span::new(start, end));
        assert_eq!(excerpt.text(), "  - id: R-1\n    owner: mssp\n");
        for offset in [start, start + 3, end - 1, end] {
            assert_eq!(excerpt.position(offset), file.position(offset));
        }
        assert_eq!(excerpt.line_text(4), "    owner: mssp");
        assert_eq!(excerpt.line_text(2), "");
        assert_eq!(excerpt.offset(4, 4), file.offset(4, 4));
        let last = text.find('é').unwrap();
        let tail = file.excerpt(Span::new(last, text.len()));
        assert_eq!(tail.position(text.len()), file.position(text.len()));
    }

    #[test]
    fn a_shared_file_has_one_name_however_it_is_reached() {
        assert_eq!(
            display_name(Path::new("clients/acme/../../provider.yaml")),
            "provider.yaml"
        );
        assert_eq!(display_name(Path::new("./a/./b.yaml")), "a/b.yaml");
        assert_eq!(display_name(Path::new("../x/../y.yaml")), "../y.yaml");
    }
}
