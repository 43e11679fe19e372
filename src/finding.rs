//! A violation found by a rule, located in the source.

use std::sync::Arc;

use crate::rule::Rule;
use crate::severity::Severity;
use crate::source::{Position, SourceFile, Span};

/// One finding: the rule, what is wrong, and where.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: Arc<Rule>,
    pub severity: Severity,
    pub message: String,
    /// JSON pointer into the policy input.
    pub pointer: String,
    /// The SRM the finding is about (`metadata.name`).
    pub srm: String,
    pub file: Arc<SourceFile>,
    pub span: Span,
}

impl Finding {
    pub fn position(&self) -> Position {
        self.file.position(self.span.start)
    }
}
