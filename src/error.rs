//! The errors that stop srmcheck from doing its job (exit code 2).

use crate::discover::DiscoverError;
use crate::load::LoadError;
use crate::located::Located;
use crate::policy::PolicyError;
use crate::report::ReportError;

/// Anything that keeps a run from producing a trustworthy result.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// The paths given hold nothing to check, or cannot be walked.
    #[error(transparent)]
    Discover(#[from] DiscoverError),
    /// A report template that does not parse or render, or a report that cannot be written.
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },
    /// A problem read back from a shard's result by `srmcheck merge`.
    #[error("{0}")]
    Recorded(Box<Recorded>),
}

/// A problem as a JSON result records it: message, hint and place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub message: String,
    pub hint: Option<String>,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl std::fmt::Display for Recorded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.file, self.line, self.column) {
            (Some(file), Some(line), Some(column)) => write!(f, "{file}:{line}:{column}: ")?,
            (Some(file), Some(line), None) => write!(f, "{file}:{line}: ")?,
            (Some(file), None, _) => write!(f, "{file}: ")?,
            (None, _, _) => {}
        }
        f.write_str(&self.message)
    }
}

impl Error {
    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// The source location, when the error has one.
    pub fn located(&self) -> Option<&Located> {
        match self {
            Error::Load(LoadError::Invalid(located) | LoadError::Empty(located))
            | Error::Policy(PolicyError::Invalid(located))
            | Error::Report(ReportError::Template(located)) => Some(located),
            _ => None,
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> Option<&str> {
        match self {
            Error::Load(e) => e.hint(),
            Error::Policy(e) => e.hint(),
            Error::Discover(e) => Some(e.hint()),
            Error::Report(e) => e.hint(),
            Error::Usage { hint, .. } => hint.as_deref(),
            Error::Recorded(recorded) => recorded.hint.as_deref(),
        }
    }
}
