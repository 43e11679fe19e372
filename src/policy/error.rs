//! Errors in policies: syntax, metadata, evaluation.

use crate::load::LoadError;
use crate::located::Located;

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
}
