//! Source files and positions: what every diagnostic points into.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One input file, held in memory with a line index so that byte offsets
/// turn into `line:column` cheaply.
#[derive(Debug)]
pub struct SourceFile {
    path: PathBuf,
    name: String,
    text: String,
    line_starts: Vec<usize>,
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
        }
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

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// The 1-based position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The byte offset of a 1-based line and 0-based character column.
    pub fn offset(&self, line: usize, char_col: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        rest.char_indices()
            .nth(char_col)
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
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
fn normalize(path: &Path) -> PathBuf {
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
    fn a_shared_file_has_one_name_however_it_is_reached() {
        assert_eq!(
            display_name(Path::new("clients/acme/../../provider.yaml")),
            "provider.yaml"
        );
        assert_eq!(display_name(Path::new("./a/./b.yaml")), "a/b.yaml");
        assert_eq!(display_name(Path::new("../x/../y.yaml")), "../y.yaml");
    }
}
