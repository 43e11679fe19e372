//! Framework catalogs: the built-in ones, parsed on first use and shared.

mod framework_index;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

pub use framework_index::FrameworkIndex;

use crate::embedded::FRAMEWORKS;
use crate::load::{LoadError, LoadedFile};
use crate::source::SourceFile;
use crate::yaml::Limits;

/// The catalogs a run can resolve against, by framework id.
pub struct Catalog {
    limits: Limits,
    entries: BTreeMap<String, Entry>,
}

struct Entry {
    path: &'static str,
    text: &'static str,
    index: OnceLock<Result<Arc<FrameworkIndex>, LoadError>>,
}

impl Catalog {
    /// The catalogs built into the binary; each file is named after its framework id.
    pub fn builtin(limits: Limits) -> Self {
        let entries = FRAMEWORKS
            .iter()
            .map(|&(path, text)| {
                let id = path
                    .rsplit('/')
                    .next()
                    .and_then(|f| f.strip_suffix(".yaml"))
                    .unwrap_or(path);
                let entry = Entry {
                    path,
                    text,
                    index: OnceLock::new(),
                };
                (id.to_owned(), entry)
            })
            .collect();
        Catalog { limits, entries }
    }

    /// Framework ids, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The framework with this id, parsed on first use; `None` when unknown.
    pub fn get(&self, id: &str) -> Option<Result<Arc<FrameworkIndex>, LoadError>> {
        let entry = self.entries.get(id)?;
        let index = entry.index.get_or_init(|| {
            let source = Arc::new(SourceFile::embedded(entry.path, entry.text));
            let file = Arc::new(LoadedFile::parse(source, &self.limits)?);
            FrameworkIndex::new(file, id).map(Arc::new)
        });
        Some(index.clone())
    }
}
