//! Loading files into spanned documents, each file read and parsed once per run.

mod document;
mod error;
mod read;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

pub use document::{Document, LoadedFile, API_VERSION};
pub use error::LoadError;
pub use read::{read_source, read_stdin};

use crate::source::display_name;
use crate::yaml::Limits;

type Slot = Arc<OnceLock<Result<Arc<LoadedFile>, LoadError>>>;

/// How many files the loader keeps parsed: enough for the files many SRMs
/// share (providers, common environments) and for a file walked just before
/// the SRM that references it, while memory stays flat in the portfolio size.
pub const CACHE_CAPACITY: usize = 64;

/// Loads files on demand and shares them: a provider file used by a thousand
/// SRMs is read and parsed once. The least recently used files are dropped
/// past [`CACHE_CAPACITY`] (those in use live on with their users). Safe to
/// use from many threads.
#[derive(Default)]
pub struct Loader {
    limits: Limits,
    cache: Mutex<Cache>,
}

#[derive(Default)]
struct Cache {
    slots: HashMap<PathBuf, (Slot, u64)>,
    clock: u64,
}

impl Cache {
    /// The slot for `key`, marked as just used.
    fn slot(&mut self, key: PathBuf) -> Slot {
        self.clock += 1;
        let clock = self.clock;
        if self.slots.len() >= CACHE_CAPACITY && !self.slots.contains_key(&key) {
            self.evict();
        }
        let (slot, used) = self.slots.entry(key).or_default();
        *used = clock;
        Arc::clone(slot)
    }

    /// Drops the least recently used half of the cache.
    fn evict(&mut self) {
        let mut uses: Vec<u64> = self.slots.values().map(|(_, used)| *used).collect();
        uses.sort_unstable();
        let cutoff = uses[uses.len() / 2];
        self.slots.retain(|_, (_, used)| *used > cutoff);
    }
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
            cache.slot(key)
        };
        let loaded = slot
            .get_or_init(|| LoadedFile::read(path, &self.limits).map(Arc::new))
            .clone();
        if let Ok(file) = &loaded {
            note_load(file);
        }
        loaded
    }
}

thread_local! {
    /// The files loaded by each [`recording`] under way on this thread,
    /// innermost last.
    static RECORDINGS: RefCell<Vec<Vec<Arc<LoadedFile>>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `work` and returns, beside its result, every file it loaded
/// (through any [`Loader`], on this thread) without error, in loading
/// order: the files a result depends on, as a compiler's depfile lists them.
pub fn recording<R>(work: impl FnOnce() -> R) -> (R, Vec<Arc<LoadedFile>>) {
    RECORDINGS.with(|r| r.borrow_mut().push(Vec::new()));
    let result = work();
    let loaded = RECORDINGS.with(|r| r.borrow_mut().pop().unwrap_or_default());
    (result, loaded)
}

/// Adds a loaded file to the innermost recording, if one is under way.
fn note_load(file: &Arc<LoadedFile>) {
    RECORDINGS.with(|r| {
        if let Some(current) = r.borrow_mut().last_mut() {
            current.push(Arc::clone(file));
        }
    });
}
