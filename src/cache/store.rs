//! The cache folder: buckets of entries, read, checked against the files on
//! disk, written atomically and pruned.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use super::entry::{CachedFile, Dependency};
use super::{content_hash, FORMAT};
use crate::atomic;

/// The largest entry read: an SRM file is at most 16 MiB, and its entry
/// holds only the lines its findings show.
const MAX_ENTRY_BYTES: u64 = 64 << 20;

/// The buckets kept: the one in use and the most recently changed others
/// (yesterday's `--as-of`, another set of policies).
const KEPT_BUCKETS: usize = 8;

/// The cache directory tag of <https://bford.info/cachedir/>.
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by srmcheck.\n\
# For information about cache directory tags, see https://bford.info/cachedir/\n";

/// The cache of one run: its folder and global key, and what it did.
pub struct Cache {
    dir: PathBuf,
    key: String,
    bucket: PathBuf,
    /// Hashes of the files on disk, each read once per run (`None`: unreadable).
    disk: Mutex<HashMap<PathBuf, Option<String>>>,
    hits: AtomicUsize,
    misses: AtomicUsize,
    written: AtomicUsize,
    prepared: AtomicBool,
}

/// What the cache did in a run, for `--verbose`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheStats {
    pub dir: PathBuf,
    /// SRM files whose results came from the cache.
    pub hits: usize,
    /// SRM files checked (and stored, when they had no problem).
    pub misses: usize,
    pub written: usize,
}

impl Cache {
    /// The cache in `dir` for results of the global key `key`.
    pub fn new(dir: PathBuf, key: blake3::Hash) -> Self {
        let key = key.to_hex().to_string();
        let bucket = dir.join(format!("v{FORMAT}-{}", &key[..32]));
        Cache {
            dir,
            key,
            bucket,
            disk: Mutex::default(),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
            prepared: AtomicBool::new(false),
        }
    }

    fn entry_path(&self, path: &Path) -> PathBuf {
        let name = blake3::hash(path.as_os_str().as_encoded_bytes()).to_hex();
        self.bucket.join(format!("{}.json", &name[..32]))
    }

    /// The entry of the SRM file at `path`, when one was stored for this key
    /// and the file and every dependency still have the hashes it records
    /// and `allowed` lets each dependency be read. Anything else (no entry,
    /// unreadable, corrupt, of another version) is `None`: a miss.
    pub fn lookup(&self, path: &Path, allowed: impl Fn(&Path) -> bool) -> Option<CachedFile> {
        let stored = self.entry_path(path);
        let size = fs::metadata(&stored).ok()?.len();
        if size > MAX_ENTRY_BYTES {
            return None;
        }
        let bytes = fs::read(&stored).ok()?;
        let entry: CachedFile = serde_json::from_slice(&bytes).ok()?;
        let current = entry.format == FORMAT
            && entry.tool == env!("CARGO_PKG_VERSION")
            && entry.key == self.key
            && entry.path == path
            && self.disk_hash(path).as_deref() == Some(entry.hash.as_str())
            && entry.dependencies.iter().all(|dependency| {
                allowed(&dependency.path)
                    && self.disk_hash(&dependency.path).as_deref() == Some(&dependency.hash)
            });
        current.then_some(entry)
    }

    /// The hash of the file at `path` as it is on disk, read once per run.
    /// (A provider shared by many clients, reached through each client's
    /// folder, is one file: known by its canonical path.)
    fn disk_hash(&self, path: &Path) -> Option<String> {
        let canonical = fs::canonicalize(path).ok()?;
        let known = self.lock().get(&canonical).cloned();
        known.unwrap_or_else(|| {
            // Only a regular file of a size the loader reads: a named pipe
            // put in a file's place would never end.
            let readable =
                fs::metadata(&canonical).is_ok_and(|m| m.is_file() && m.len() <= MAX_ENTRY_BYTES);
            let hash = readable
                .then(|| fs::read(&canonical).ok())
                .flatten()
                .map(|bytes| content_hash(&bytes).to_hex().to_string());
            self.lock().insert(canonical, hash.clone());
            hash
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Option<String>>> {
        self.disk.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// An entry for this run's key, its files given with their texts' hashes.
    pub fn entry(
        &self,
        (path, hash): (&Path, blake3::Hash),
        dependencies: Vec<Dependency>,
        srms: Vec<super::CachedSrm>,
    ) -> CachedFile {
        CachedFile {
            format: FORMAT,
            tool: env!("CARGO_PKG_VERSION").to_owned(),
            key: self.key.clone(),
            path: path.to_path_buf(),
            hash: hash.to_hex().to_string(),
            dependencies,
            srms,
        }
    }

    /// Writes `entry`, atomically; a cache that cannot be written is left
    /// alone (the run's results do not depend on it).
    pub fn store(&self, entry: &CachedFile) {
        if !self.prepare() {
            return;
        }
        let Ok(bytes) = serde_json::to_vec(entry) else {
            return;
        };
        if atomic::write(&self.entry_path(&entry.path), &bytes).is_ok() {
            self.written.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Creates the folder, its tag and `.gitignore`, and the bucket, once.
    fn prepare(&self) -> bool {
        if self.prepared.load(Ordering::Relaxed) {
            return true;
        }
        if fs::create_dir_all(&self.bucket).is_err() {
            return false;
        }
        for (name, text) in [("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "*\n")] {
            let path = self.dir.join(name);
            if !path.exists() && atomic::write(&path, text.as_bytes()).is_err() {
                return false;
            }
        }
        self.prepared.store(true, Ordering::Relaxed);
        true
    }

    pub fn hit(&self) {
        self.hits.fetch_add(1, Ordering::Relaxed);
    }

    pub fn miss(&self) {
        self.misses.fetch_add(1, Ordering::Relaxed);
    }

    /// Removes the temporaries of killed runs from the bucket, and buckets
    /// beyond the most recently changed few, once this run wrote entries.
    pub fn prune(&self) {
        if self.written.load(Ordering::Relaxed) == 0 {
            return;
        }
        atomic::remove_stale(&self.bucket);
        let Ok(listed) = fs::read_dir(&self.dir) else {
            return;
        };
        let mut buckets: Vec<(std::time::SystemTime, PathBuf)> = listed
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with('v'))
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .filter(|path| *path != self.bucket)
            .filter_map(|path| Some((fs::metadata(&path).ok()?.modified().ok()?, path)))
            .collect();
        buckets.sort_by(|a, b| b.cmp(a));
        for (_, old) in buckets.into_iter().skip(KEPT_BUCKETS - 1) {
            let _ = fs::remove_dir_all(old);
        }
    }

    pub fn stats(&self) -> CacheStats {
        CacheStats {
            dir: self.dir.clone(),
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            written: self.written.load(Ordering::Relaxed),
        }
    }
}
