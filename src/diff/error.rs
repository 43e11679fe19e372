//! Why two versions of an SRM could not be compared.

use crate::load::LoadError;
use crate::problem::{Code, Problem};

#[derive(Debug, Clone, thiserror::Error)]
pub enum DiffError {
    /// `REV:path` that git cannot show.
    #[error("{side}: {message}")]
    Git { side: String, message: String },
    /// A side that does not load as an SRM.
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{side}: {message}")]
    NotOneSrm { side: String, message: String },
}

impl DiffError {
    pub fn problem(&self) -> Problem {
        match self {
            DiffError::Git { side, message } => Problem::in_file(
                Code::Unreadable,
                side,
                None,
                message,
                Some("give a file, or REV:path of a file in the git repository of the working directory"),
            ),
            DiffError::Load(e) => e.problem(),
            DiffError::NotOneSrm { side, message } => Problem::in_file(
                Code::InvalidDocument,
                side,
                None,
                message,
                Some("each side of a diff is a file that holds one ResponsibilityMatrix"),
            ),
        }
    }
}
