//! Why a report could not be made.

use crate::located::Located;

/// A template that does not parse or render, or a report that cannot be written.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ReportError {
    /// A syntax error, an unknown variable or a failing filter, at its place
    /// in the template.
    #[error("{0}")]
    Template(Box<Located>),
    /// A template problem with no place in its text (a missing include).
    #[error("{template}: {message}")]
    TemplateFile { template: String, message: String },
    #[error("{path}: cannot read the templates: {reason}")]
    TemplateRead { path: String, reason: String },
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
    #[error("{path} is an input of the report; it is not overwritten")]
    WouldOverwriteInput { path: String },
}

impl ReportError {
    /// What the user can do about it.
    pub fn hint(&self) -> Option<&str> {
        match self {
            ReportError::Template(located) => located.hint.as_deref(),
            ReportError::TemplateFile { .. } => {
                Some("check the names of included templates against the --templates folder")
            }
            ReportError::TemplateRead { .. } => {
                Some("check that the --templates folder exists and holds UTF-8 text files")
            }
            ReportError::Write { .. } => Some("check that the --out folder is writable"),
            ReportError::WouldOverwriteInput { .. } => {
                Some("write the report to a folder of its own with --out")
            }
        }
    }
}
