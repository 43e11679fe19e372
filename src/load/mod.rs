//! Loading files into spanned documents, each file read and parsed once per run.

mod document;
mod error;
mod read;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

pub use document::{Document, LoadedFile, API_VERSION};
pub use error::LoadError;
pub use read::read_source;

use crate::source::display_name;
use crate::yaml::Limits;

type Slot = Arc<OnceLock<Result<Arc<LoadedFile>, LoadError>>>;

/// Loads files on demand and shares them: a provider file used by a thousand
/// SRMs is read and parsed once. Safe to use from many threads.
#[derive(Default)]
pub struct Loader {
    limits: Limits,
    cache: Mutex<HashMap<PathBuf, Slot>>,
}

impl Loader {
    pub fn new(limits: Limits) -> Self {
        Loader {
            limits,
            cache: Mutex::default(),
        }
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The file at `path`, loaded once.
    pub fn load(&self, path: &Path) -> Result<Arc<LoadedFile>, LoadError> {
        let key = std::fs::canonicalize(path).map_err(|e| LoadError::Io {
            path: display_name(path),
            reason: e.to_string(),
        })?;
        let slot = {
            let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(cache.entry(key).or_default())
        };
        slot.get_or_init(|| LoadedFile::read(path, &self.limits).map(Arc::new))
            .clone()
    }
}
