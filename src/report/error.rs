//! Why a report could not be made.

use crate::check::CheckError;
use crate::located::Located;
use crate::policy::PolicyError;
use crate::problem::{Code, Problem};

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
    /// A page over its time budget or size cap, where Tera gave no place.
    #[error("{template}: {message}")]
    TemplateBudget { template: String, message: String },
    #[error("{path}: cannot read the templates: {reason}")]
    TemplateRead { path: String, reason: String },
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
    #[error("{path} is an input of the report; it is not overwritten")]
    WouldOverwriteInput { path: String },
    /// The check the report is made of could not run.
    #[error(transparent)]
    Check(#[from] CheckError),
    /// The policy pack, read for its hash, that does not load.
    #[error(transparent)]
    Policy(#[from] PolicyError),
}

impl ReportError {
    /// What the user can do about it.
    pub fn hint(&self) -> Option<&str> {
        match self {
            ReportError::Template(located) => located.hint.as_deref(),
            ReportError::TemplateFile { .. } => {
                Some("check the names of included templates against the --templates folder")
            }
            ReportError::TemplateBudget { .. } => {
                Some("bound the template's loops and component calls by the page's data")
            }
            ReportError::TemplateRead { .. } => {
                Some("check that the --templates folder exists and holds UTF-8 text files")
            }
            ReportError::Write { .. } => Some("check that the --out folder is writable"),
            ReportError::WouldOverwriteInput { .. } => {
                Some("write the report to a folder of its own with --out")
            }
            ReportError::Check(error) => error.hint(),
            ReportError::Policy(error) => error.hint(),
        }
    }

    /// The problem, with the file apart from the message.
    pub fn problem(&self) -> Problem {
        let hint = self.hint();
        match self {
            ReportError::Template(located) => {
                let mut problem = located.problem();
                problem.code = Code::TemplateError;
                problem
            }
            ReportError::TemplateFile { template, message }
            | ReportError::TemplateBudget { template, message } => {
                Problem::in_file(Code::TemplateError, template, None, message.clone(), hint)
            }
            ReportError::TemplateRead { path, reason } => {
                let message = format!("cannot read the templates: {reason}");
                Problem::in_file(Code::Unreadable, path, None, message, hint)
            }
            ReportError::Write { .. } | ReportError::WouldOverwriteInput { .. } => {
                Problem::new(Code::Usage, self.to_string(), hint.map(str::to_owned))
            }
            ReportError::Check(error) => error.problem(),
            ReportError::Policy(error) => error.problem(),
        }
    }
}
