//! Errors in policies: syntax, metadata, evaluation.

use crate::load::LoadError;
use crate::located::Located;
use crate::problem::{Code, Problem};

/// A policy that could not be loaded or evaluated.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PolicyError {
    #[error("{0}")]
    Invalid(Box<Located>),
    #[error("{path}: cannot read the policy folder: {reason}")]
    Io { path: String, reason: String },
    #[error(transparent)]
    Read(LoadError),
    #[error("{file}: {message}")]
    Evaluation { file: String, message: String },
}

impl PolicyError {
    pub fn hint(&self) -> Option<&str> {
        match self {
            PolicyError::Invalid(located) => located.hint.as_deref(),
            PolicyError::Io { .. } => Some("check that the policy folder exists and is readable"),
            PolicyError::Read(error) => error.hint(),
            PolicyError::Evaluation { .. } => Some("fix the policy, or run `srmcheck` without it"),
        }
    }

    /// The problem, with the file apart from the message.
    pub fn problem(&self) -> Problem {
        let hint = self.hint();
        match self {
            PolicyError::Invalid(located) => {
                let mut problem = located.problem();
                problem.code = Code::PolicyError;
                problem
            }
            PolicyError::Io { path, reason } => {
                let message = format!("cannot read the policy folder: {reason}");
                Problem::in_file(Code::Unreadable, path, None, message, hint)
            }
            PolicyError::Read(error) => error.problem(),
            PolicyError::Evaluation { file, message } => {
                Problem::in_file(Code::PolicyError, file, None, message.clone(), hint)
            }
        }
    }
}
