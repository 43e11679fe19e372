//! Errors found while reading YAML.

use crate::problem::Code;
use crate::source::Span;

/// A problem in a YAML file, at a span of it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    pub span: Span,
    pub message: String,
    pub hint: Option<String>,
    /// [`Code::YamlSyntax`] unless the YAML parsed and its content is wrong.
    pub code: Code,
}

impl YamlError {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        YamlError {
            span,
            message: message.into(),
            hint: None,
            code: Code::YamlSyntax,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}
