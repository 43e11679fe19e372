//! Source snippets with carets: codespan-reporting over our [`SourceFile`].

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as Level};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, Config};
use termcolor::WriteColor;

use crate::source::{SourceFile, Span};

/// Longest source line shown in a snippet, in bytes.
const MAX_SHOWN_LINE: usize = 240;

/// One file seen by codespan-reporting.
struct One<'a>(&'a SourceFile);

impl<'a> Files<'a> for One<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, _: ()) -> Result<&'a str, FilesError> {
        Ok(self.0.name())
    }

    fn source(&'a self, _: ()) -> Result<&'a str, FilesError> {
        Ok(self.0.text())
    }

    fn line_index(&'a self, _: (), byte_index: usize) -> Result<usize, FilesError> {
        Ok(self
            .0
            .line_starts()
            .partition_point(|&s| s <= byte_index)
            .saturating_sub(1))
    }

    fn line_number(&'a self, _: (), line_index: usize) -> Result<usize, FilesError> {
        Ok(self.0.lines_before() + line_index + 1)
    }

    fn line_range(&'a self, _: (), line_index: usize) -> Result<Range<usize>, FilesError> {
        let starts = self.0.line_starts();
        let start = *starts.get(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: starts.len() - 1,
        })?;
        let end = starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.0.text().len());
        Ok(start..end)
    }
}

/// A diagnostic about one span of one file.
pub struct Snippet<'a> {
    pub level: Level,
    pub code: Option<&'a str>,
    pub message: &'a str,
    pub file: &'a SourceFile,
    pub span: Span,
    pub notes: Vec<String>,
}

impl Snippet<'_> {
    pub fn write(&self, out: &mut dyn WriteColor) -> std::io::Result<()> {
        // Offsets into the text held (an excerpt holds a few lines).
        let end = self.file.local(self.span.end.max(self.span.start));
        let start = self.file.local(self.span.start).min(end);
        // A value over several lines (a whole row) is shown by its first line.
        let line_end = self.file.text()[start..]
            .find('\n')
            .map_or(end, |i| start + i);
        let end = end.min(line_end).max(start);
        let mut notes = self.notes.clone();
        let position = self.file.position(self.span.start);
        let line = self.file.line_text(position.line);
        // Minified or generated lines would flood the terminal: name the place instead.
        let labels = match line.len() > MAX_SHOWN_LINE {
            true => {
                notes.insert(0, format!("at {}:{position}", self.file.name()));
                Vec::new()
            }
            false => vec![Label::primary((), start..end)],
        };
        let mut diagnostic = Diagnostic::new(self.level)
            .with_message(self.message)
            .with_labels(labels)
            .with_notes(notes);
        if let Some(code) = self.code {
            diagnostic = diagnostic.with_code(code);
        }
        term::emit_to_write_style(out, &Config::default(), &One(self.file), &diagnostic)
            .map_err(std::io::Error::other)
    }
}

/// An error at a place in a file.
pub fn write_at(
    out: &mut dyn WriteColor,
    file: &SourceFile,
    span: Span,
    message: &str,
    hint: Option<&str>,
) -> std::io::Result<()> {
    Snippet {
        level: Level::Error,
        code: None,
        message,
        file,
        span,
        notes: hint.iter().map(|h| format!("help: {h}")).collect(),
    }
    .write(out)
}
