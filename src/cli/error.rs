//! The errors that stop a command from doing its job (exit code 2): each
//! area's own error, or a command line that cannot be used.

use crate::catalog::CatalogError;
use crate::check::CheckError;
use crate::load::LoadError;
use crate::policy::PolicyError;
use crate::problem::{Code, Problem};
use crate::report::ReportError;

/// Anything that keeps a command from producing a trustworthy result.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Policy(#[from] PolicyError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Check(#[from] CheckError),
    /// A report template that does not parse or render, or a report that cannot be written.
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },
}

impl Error {
    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// The problem, as the output layer prints it.
    pub fn problem(&self) -> Problem {
        match self {
            Error::Load(e) => e.problem(),
            Error::Policy(e) => e.problem(),
            Error::Catalog(e) => e.problem(),
            Error::Check(e) => e.problem(),
            Error::Report(e) => e.problem(),
            Error::Usage { message, hint } => Problem::new(Code::Usage, message, hint.clone()),
        }
    }
}
