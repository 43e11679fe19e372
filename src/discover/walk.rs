//! One folder walk, with what it saw: what a run that found nothing explains.

use std::path::{Path, PathBuf};

use ignore::{DirEntry, WalkBuilder};

use super::{DiscoverError, Matcher};

/// What one walk saw of the files below its folder.
#[derive(Debug, Clone)]
pub(crate) struct WalkStats {
    pub root: PathBuf,
    /// Files named `*.yaml` or `*.yml`.
    pub yaml: usize,
    /// The first of them, as the patterns see it.
    pub example: Option<PathBuf>,
    /// Files each include pattern matched.
    pub include_hits: Vec<usize>,
    /// Files any include pattern matched.
    pub included: usize,
    /// Included files each exclude pattern left out.
    pub exclude_hits: Vec<usize>,
    /// Files kept.
    pub kept: usize,
}

/// Walks `root`, adding the files the patterns pick up to `files`.
pub(crate) fn walk(
    root: &Path,
    matcher: &Matcher,
    files: &mut Vec<PathBuf>,
) -> Result<WalkStats, DiscoverError> {
    let mut stats = WalkStats {
        root: root.to_path_buf(),
        yaml: 0,
        example: None,
        include_hits: vec![0; matcher.include.len()],
        included: 0,
        exclude_hits: vec![0; matcher.exclude.len()],
        kept: 0,
    };
    for entry in walker(root) {
        let path = match entry {
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => entry.into_path(),
            Ok(_) => continue,
            Err(error) => match unreadable_link(&error) {
                Walked::Skip => continue,
                // A dangling link is kept: loading it says what is wrong.
                Walked::Dangling(path) => path,
                Walked::Fail(reason) => {
                    return Err(DiscoverError::Walk {
                        path: crate::source::display_name(root),
                        reason,
                    })
                }
            },
        };
        if stats.see(&path, matcher) {
            files.push(path);
        }
    }
    Ok(stats)
}

impl WalkStats {
    /// Counts a file; whether the patterns keep it.
    fn see(&mut self, path: &Path, matcher: &Matcher) -> bool {
        let relative = matcher.relative(path);
        if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            self.yaml += 1;
            self.example.get_or_insert_with(|| relative.clone());
        }
        let included = matcher.include.matches(&relative);
        if included.is_empty() {
            return false;
        }
        self.included += 1;
        for index in included {
            self.include_hits[index] += 1;
        }
        let excluded = matcher.exclude.matches(&relative);
        for &index in &excluded {
            self.exclude_hits[index] += 1;
        }
        self.kept += usize::from(excluded.is_empty());
        excluded.is_empty()
    }
}

/// The walk: sorted, following links, honouring `.ignore` files and, inside
/// a git work tree, `.gitignore` files; hidden folders and `target` skipped.
fn walker(root: &Path) -> ignore::Walk {
    WalkBuilder::new(root)
        .standard_filters(false)
        .ignore(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(true)
        .parents(true)
        .follow_links(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(|entry| entry.depth() == 0 || !is_skipped(entry))
        .build()
}

fn is_skipped(entry: &DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    entry.file_type().is_some_and(|t| t.is_dir()) && (name.starts_with('.') || name == "target")
}

/// What to do about an entry the walk could not read.
enum Walked {
    Skip,
    Dangling(PathBuf),
    Fail(String),
}

fn unreadable_link(error: &ignore::Error) -> Walked {
    match error {
        // A link back into a folder being walked: its files are walked already.
        ignore::Error::Loop { .. } => Walked::Skip,
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            unreadable_link(err)
        }
        ignore::Error::WithPath { path, err } => match unreadable_link(err) {
            Walked::Fail(_) if is_dangling(path) => Walked::Dangling(path.clone()),
            Walked::Fail(reason) => Walked::Fail(format!("{}: {reason}", path.display())),
            other => other,
        },
        other => Walked::Fail(other.to_string()),
    }
}

fn is_dangling(path: &Path) -> bool {
    path.symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
        && !path.exists()
}
