//! The folders an SRM's `provider:` and `environment:` references may name:
//! the project root (the configuration file's folder, else the git work tree
//! the working directory is in, else the working directory) and the
//! configuration's `referenceFolders`. An SRM from a client repository must
//! not make srmcheck read `/etc` or another client's files.

use std::path::{Path, PathBuf};

use crate::load::LoadError;
use crate::source::{display_name, normalize};

/// The folders references may reach, canonical.
#[derive(Debug, Clone)]
pub struct Roots {
    /// The project root first, then the allowed folders.
    folders: Vec<PathBuf>,
}

impl Roots {
    /// The project root of a run with configuration file `config_file`,
    /// and the `extra` folders the configuration allows.
    pub fn new(config_file: Option<&Path>, extra: &[PathBuf]) -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        let root = match config_file.and_then(Path::parent) {
            Some(folder) => cwd.join(folder),
            None => work_tree(&cwd).unwrap_or_else(|| cwd.clone()),
        };
        let folders = std::iter::once(root)
            .chain(extra.iter().map(|dir| cwd.join(dir)))
            .map(|dir| canonical(&dir))
            .collect();
        Roots { folders }
    }

    /// Whether `path` (through any links) is inside one of the folders.
    pub fn allows(&self, path: &Path) -> bool {
        let path = canonical(path);
        self.folders.iter().any(|folder| path.starts_with(folder))
    }

    /// The project root, as shown.
    pub fn root(&self) -> String {
        match self.folders.first().map(|f| display_name(f)) {
            Some(shown) if !shown.is_empty() => shown,
            _ => ".".to_owned(),
        }
    }
}

/// The git work tree `dir` is in (the nearest folder holding `.git`).
pub fn work_tree(dir: &Path) -> Option<PathBuf> {
    let dir = canonical(dir);
    dir.ancestors()
        .find(|folder| folder.join(".git").exists())
        .map(Path::to_path_buf)
}

/// `path` with its links resolved, or, when it does not exist, made
/// absolute and without `.` and `..`.
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        let cwd = std::env::current_dir().unwrap_or_default();
        normalize(&cwd.join(path))
    })
}

/// For a referenced file that is not srmcheck YAML, what went wrong and
/// where, without a word of its content (it may be any file, secrets
/// included); `None` for a file that is srmcheck's and whose problem can be
/// shown with its source line.
pub fn foreign(error: &LoadError) -> Option<String> {
    match error {
        LoadError::Invalid(located) | LoadError::Empty(located)
            if !located.file.text().contains("srmcheck/v1") =>
        {
            let problem = located.problem();
            let place = problem.location().unwrap_or_default();
            Some(match problem.message.starts_with("invalid YAML") {
                true => format!("{} at {place}", problem.message),
                false => format!("it does not read as srmcheck YAML (at {place})"),
            })
        }
        LoadError::NotUtf8 { .. } | LoadError::Binary { .. } => Some(error.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::Roots;

    #[test]
    fn references_stay_inside_the_root_and_the_allowed_folders() {
        let dir = tempfile::tempdir().expect("a scratch folder");
        let project = dir.path().join("project");
        let allowed = dir.path().join("allowed");
        std::fs::create_dir_all(project.join("clients")).expect("folders");
        std::fs::create_dir_all(&allowed).expect("folders");
        let config = project.join("srmcheck.yaml");
        let roots = Roots::new(Some(&config), &[]);
        assert!(roots.allows(&project.join("clients/../provider.yaml")));
        // A `..` that leaves the project (into the scratch folder's `allowed`).
        assert!(!roots.allows(&project.join("clients/../../allowed/provider.yaml")));
        assert!(!roots.allows(std::path::Path::new("/etc/passwd")));
        let roots = Roots::new(Some(&config), std::slice::from_ref(&allowed));
        assert!(roots.allows(&allowed.join("provider.yaml")));
    }
}
