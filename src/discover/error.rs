//! Why the files to check could not be found.

use crate::problem::{Code, Problem};

/// A path, pattern or folder walk that keeps discovery from finding the
/// files to check; each says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscoverError {
    #[error("{path}: no such file or folder")]
    Missing { path: String },
    #[error("invalid pattern `{pattern}`: {reason}")]
    Pattern { pattern: String, reason: String },
    #[error("{path}: {reason}")]
    Walk { path: String, reason: String },
    /// The paths given hold nothing to check: a run that checks nothing
    /// must not pass.
    #[error("{message}")]
    NothingFound { message: String, hint: String },
}

impl DiscoverError {
    /// What the user can do about it.
    pub fn hint(&self) -> &str {
        match self {
            DiscoverError::Missing { .. } => "pass SRM files or folders that hold them",
            DiscoverError::Pattern { .. } => "use globset syntax such as `**/*.yaml`",
            DiscoverError::Walk { .. } => "check the folder's permissions",
            DiscoverError::NothingFound { hint, .. } => hint,
        }
    }

    /// The problem, as the output layer prints it.
    pub fn problem(&self) -> Problem {
        let code = match self {
            DiscoverError::Missing { .. } | DiscoverError::Pattern { .. } => Code::Usage,
            DiscoverError::Walk { .. } => Code::Unreadable,
            DiscoverError::NothingFound { .. } => Code::NothingToCheck,
        };
        Problem::new(code, self.to_string(), Some(self.hint().to_owned()))
    }
}
