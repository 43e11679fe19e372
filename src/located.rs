//! An error message at a place in a source file.

use std::fmt;
use std::sync::Arc;

use crate::problem::{Code, Problem};
use crate::source::{Position, SourceFile, Span};
use crate::yaml::YamlError;

/// A message about a span of a file, with an optional hint on what to do.
#[derive(Debug, Clone)]
pub struct Located {
    pub file: Arc<SourceFile>,
    pub span: Span,
    pub message: String,
    pub hint: Option<String>,
    /// The kind of problem; [`Code::InvalidDocument`] unless set.
    pub code: Code,
}

impl Located {
    pub fn new(file: &Arc<SourceFile>, span: Span, message: impl Into<String>) -> Self {
        Located {
            file: Arc::clone(file),
            span,
            message: message.into(),
            hint: None,
            code: Code::InvalidDocument,
        }
    }

    pub fn from_yaml(file: &Arc<SourceFile>, error: YamlError) -> Self {
        Located {
            file: Arc::clone(file),
            span: error.span,
            message: error.message,
            hint: error.hint,
            code: error.code,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_code(mut self, code: Code) -> Self {
        self.code = code;
        self
    }

    /// The problem, with its place and the file's text for a snippet.
    pub fn problem(&self) -> Problem {
        Problem::at(self.code, &self.file, self.span, self.message.clone())
            .with_hint(self.hint.clone())
    }

    pub fn set_hint(&mut self, hint: impl Into<String>) -> &mut Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn position(&self) -> Position {
        self.file.position(self.span.start)
    }
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}",
            self.file.name(),
            self.position(),
            self.message
        )
    }
}
