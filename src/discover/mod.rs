//! Finding the YAML files to check under the paths given on the command line.
//!
//! Folders are walked for the include patterns (default: every `.yaml` and
//! `.yml` file); files named directly are taken whatever their name; files
//! matching an exclude pattern are left out either way (pre-commit passes
//! changed files by name). Patterns are matched against paths relative to
//! the configuration file's folder (without one, the working directory); a
//! file outside that folder is matched by its absolute path, so that only
//! patterns starting with `**/` reach it.
//!
//! Walks skip hidden folders (`.git`) and `target`, follow symbolic links
//! (a link that leads back into a folder being walked is skipped), and leave
//! out what `.ignore` files ignore and, inside a git work tree, what
//! `.gitignore` files and `.git/info/exclude` ignore, as git does (the
//! user's global excludes file is not read, so that every machine finds the
//! same files).

mod error;
mod explain;
mod walk;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

pub use error::DiscoverError;

/// Patterns of the files a folder walk picks up.
pub const DEFAULT_INCLUDE: &[&str] = &["**/*.yaml", "**/*.yml"];

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// Which files folder walks pick up and which are left out.
#[derive(Debug, Clone, Default)]
pub struct Patterns {
    /// Patterns folder walks pick up (empty: [`DEFAULT_INCLUDE`]).
    pub include: Vec<String>,
    /// Patterns left out, even of files named directly.
    pub exclude: Vec<String>,
    /// The configuration file the patterns come from: they are relative to
    /// its folder (none: to the working directory).
    pub file: Option<PathBuf>,
}

/// The files found under the paths given, sorted, each file once however
/// many paths or links lead to it.
#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<PathBuf>,
    /// Whether `-` (standard input) was among the paths.
    pub stdin: bool,
    /// The files named on the command line rather than found by a walk.
    named: BTreeSet<PathBuf>,
    walks: Vec<walk::WalkStats>,
    patterns: Patterns,
}

impl Discovery {
    /// Whether `path` was named on the command line (not found by a walk).
    pub fn is_named(&self, path: &Path) -> bool {
        self.named.contains(path)
    }

    /// Whether any folder was walked.
    pub fn walked(&self) -> bool {
        !self.walks.is_empty()
    }

    /// An error when folders were walked and nothing at all was found to
    /// check, saying which patterns matched nothing or that the folders
    /// hold no YAML.
    pub fn ensure_found(&self) -> Result<(), DiscoverError> {
        match self.walked() && self.files.is_empty() && !self.stdin {
            true => Err(explain::nothing_found(&self.walks, &self.patterns)),
            false => Ok(()),
        }
    }

    /// The error of a run over folders whose files hold no SRM.
    pub fn no_srm(&self) -> DiscoverError {
        explain::no_srm(self.files.len(), &self.walks, &self.patterns)
    }
}

/// Finds the files to check under `paths`; `-` stands for standard input.
pub fn discover(paths: &[PathBuf], patterns: &Patterns) -> Result<Discovery, DiscoverError> {
    let matcher = Matcher::new(patterns)?;
    let mut found = Discovery {
        patterns: patterns.clone(),
        ..Discovery::default()
    };
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() == STDIN {
            found.stdin = true;
        } else if path.is_dir() {
            found.walks.push(walk::walk(path, &matcher, &mut files)?);
        } else if path.exists() {
            // A named file; the loader refuses one that is not a regular file.
            if !matcher.exclude.is_match(matcher.relative(path)) {
                found.named.insert(path.clone());
                files.push(path.clone());
            }
        } else {
            return Err(DiscoverError::Missing {
                path: crate::source::display_name(path),
            });
        }
    }
    found.files = one_path_per_file(files, &mut found.named);
    Ok(found)
}

/// The files sorted, keeping the shortest path of each file reached by more
/// than one (through a link, or named and walked); such a file counts as
/// named when any of its paths was.
fn one_path_per_file(mut files: Vec<PathBuf>, named: &mut BTreeSet<PathBuf>) -> Vec<PathBuf> {
    files.sort_by(|a, b| {
        let depth = |p: &Path| p.components().count();
        depth(a).cmp(&depth(b)).then_with(|| a.cmp(b))
    });
    files.dedup();
    let mut first: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut kept = Vec::new();
    for file in files {
        let key = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
        match first.get(&key) {
            Some(path) => {
                if named.contains(&file) {
                    named.insert(path.clone());
                }
            }
            None => {
                first.insert(key, file.clone());
                kept.push(file);
            }
        }
    }
    kept.sort();
    kept
}

/// The compiled patterns and the folder they are relative to.
pub(crate) struct Matcher {
    include: GlobSet,
    exclude: GlobSet,
    /// The absolute folder the patterns are relative to.
    base: PathBuf,
    cwd: PathBuf,
}

impl Matcher {
    fn new(patterns: &Patterns) -> Result<Self, DiscoverError> {
        let include: Vec<&str> = match patterns.include.is_empty() {
            true => DEFAULT_INCLUDE.to_vec(),
            false => patterns.include.iter().map(String::as_str).collect(),
        };
        let exclude: Vec<&str> = patterns.exclude.iter().map(String::as_str).collect();
        let cwd = std::env::current_dir().unwrap_or_default();
        let base = match patterns.file.as_deref().and_then(Path::parent) {
            Some(folder) => crate::source::normalize(&cwd.join(folder)),
            None => cwd.clone(),
        };
        Ok(Matcher {
            include: globs(&include)?,
            exclude: globs(&exclude)?,
            base,
            cwd,
        })
    }

    /// The path the patterns are matched against: relative to the base
    /// folder when below it, else absolute.
    fn relative(&self, path: &Path) -> PathBuf {
        let absolute = crate::source::normalize(&self.cwd.join(path));
        match absolute.strip_prefix(&self.base) {
            Ok(relative) => relative.to_path_buf(),
            Err(_) => absolute,
        }
    }
}

fn globs(patterns: &[&str]) -> Result<GlobSet, DiscoverError> {
    let invalid = |pattern: &str, e: globset::Error| DiscoverError::Pattern {
        pattern: pattern.to_owned(),
        reason: e.kind().to_string(),
    };
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        builder.add(Glob::new(pattern).map_err(|e| invalid(pattern, e))?);
    }
    builder
        .build()
        .map_err(|e| invalid(&patterns.join(", "), e))
}
