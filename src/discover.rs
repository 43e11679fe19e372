//! Finding the YAML files to check under the paths given on the command line.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::problem::{Code, Problem};

/// A path or pattern that cannot be walked.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct DiscoverError {
    pub message: String,
    pub hint: String,
}

impl DiscoverError {
    fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        DiscoverError {
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn problem(&self) -> Problem {
        Problem::new(Code::Usage, self.message.clone(), Some(self.hint.clone()))
    }
}

/// Patterns of the files a folder walk picks up.
pub const DEFAULT_INCLUDE: &[&str] = &["**/*.yaml", "**/*.yml"];

/// Walks folders for files matching the include patterns; files named
/// directly are taken whatever their name. Files matching an exclude pattern
/// are left out either way (pre-commit passes changed files by name). Hidden
/// folders (`.git`) and `target` are skipped. The result is sorted and free
/// of duplicates.
pub fn discover(
    paths: &[PathBuf],
    include: &[&str],
    exclude: &[&str],
) -> Result<Vec<PathBuf>, DiscoverError> {
    let include = globs(include)?;
    let exclude = globs(exclude)?;
    let mut files = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
        } else if path.is_dir() {
            walk(path, &include, &mut files)?;
        } else {
            return Err(DiscoverError::new(
                format!("{}: no such file or folder", path.display()),
                "pass SRM files or folders that hold them",
            ));
        }
    }
    files.retain(|file| !exclude.is_match(file.strip_prefix("./").unwrap_or(file)));
    files.sort();
    files.dedup();
    Ok(files)
}

fn walk(root: &Path, include: &GlobSet, files: &mut Vec<PathBuf>) -> Result<(), DiscoverError> {
    let entries = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped(e));
    for entry in entries {
        let entry = entry.map_err(|e| {
            DiscoverError::new(
                format!("{}: {e}", root.display()),
                "check the folder's permissions",
            )
        })?;
        if entry.file_type().is_file() {
            let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
            if include.is_match(relative) {
                files.push(entry.into_path());
            }
        }
    }
    Ok(())
}

fn is_skipped(entry: &walkdir::DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    entry.file_type().is_dir() && (name.starts_with('.') || name == "target")
}

fn globs(patterns: &[&str]) -> Result<GlobSet, DiscoverError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|e| {
            DiscoverError::new(
                format!("invalid pattern `{pattern}`: {e}"),
                "use globset syntax such as `**/*.yaml`",
            )
        })?;
        builder.add(glob);
    }
    builder
        .build()
        .map_err(|e| DiscoverError::new(format!("invalid patterns: {e}"), "use globset syntax"))
}
