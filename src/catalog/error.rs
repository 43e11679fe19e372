//! Why the catalog of a run could not be built.

use crate::discover::DiscoverError;
use crate::load::LoadError;
use crate::problem::Problem;

/// A `--frameworks` folder that cannot be walked, or a file in it that does
/// not load or clashes with another catalog.
#[derive(Debug, Clone, thiserror::Error)]
pub enum CatalogError {
    #[error(transparent)]
    Discover(#[from] DiscoverError),
    #[error(transparent)]
    Load(#[from] LoadError),
}

impl CatalogError {
    pub fn hint(&self) -> Option<&str> {
        match self {
            CatalogError::Discover(error) => Some(error.hint()),
            CatalogError::Load(error) => error.hint(),
        }
    }

    pub fn problem(&self) -> Problem {
        match self {
            CatalogError::Discover(error) => error.problem(),
            CatalogError::Load(error) => error.problem(),
        }
    }
}
