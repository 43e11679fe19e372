//! Why a check run (or the merge of shards) could not run at all.

use crate::catalog::CatalogError;
use crate::discover::DiscoverError;
use crate::load::LoadError;
use crate::policy::PolicyError;
use crate::problem::{Code, Problem};

/// Nothing could be checked: a bad path, catalog or policy, or shard results
/// that do not make one run.
#[derive(Debug, Clone, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Discover(#[from] DiscoverError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Policy(#[from] PolicyError),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{message}")]
    Usage { message: String, hint: String },
}

impl CheckError {
    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        CheckError::Usage {
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn hint(&self) -> Option<&str> {
        match self {
            CheckError::Discover(error) => Some(error.hint()),
            CheckError::Catalog(error) => error.hint(),
            CheckError::Policy(error) => error.hint(),
            CheckError::Load(error) => error.hint(),
            CheckError::Usage { hint, .. } => Some(hint),
        }
    }

    pub fn problem(&self) -> Problem {
        match self {
            CheckError::Discover(error) => error.problem(),
            CheckError::Catalog(error) => error.problem(),
            CheckError::Policy(error) => error.problem(),
            CheckError::Load(error) => error.problem(),
            CheckError::Usage { message, hint } => {
                Problem::new(Code::Usage, message.clone(), Some(hint.clone()))
            }
        }
    }
}
