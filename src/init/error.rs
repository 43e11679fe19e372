//! Why a first SRM could not be made.

use crate::load::LoadError;
use crate::problem::{Code, Problem};

#[derive(Debug, Clone, thiserror::Error)]
pub enum InitError {
    /// A `--framework` that names no catalog, or a level, baseline or part it lacks.
    #[error("{message}")]
    Framework { message: String, hint: String },
    /// A provider or environment file that does not load, or is of another kind.
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{path}: {message}")]
    Document { path: String, message: String },
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
}

impl InitError {
    pub fn problem(&self) -> Problem {
        match self {
            InitError::Framework { message, hint } => {
                Problem::new(Code::UnknownFramework, message, Some(hint.clone()))
            }
            InitError::Load(e) => e.problem(),
            InitError::Document { path, message } => Problem::in_file(
                Code::InvalidDocument,
                path,
                None,
                message,
                Some("give a file that holds one document of that kind"),
            ),
            InitError::Write { path, reason } => Problem::in_file(
                Code::Usage,
                path,
                None,
                format!("cannot write the file: {reason}"),
                Some("check that the folder exists and can be written"),
            ),
        }
    }
}
