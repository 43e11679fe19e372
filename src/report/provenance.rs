//! What a run was asked to do, for the appendix: the settings that change a
//! verdict or a page, the files behind them with their hashes, and the
//! command that makes the same pages again.

use std::path::{Path, PathBuf};

use super::format::ReportFormat;
use super::hash::sha256_hex;
use super::model::{FileHash, PolicyPackHash, Provenance, SeverityOverride};
use super::paths::normal;
use crate::check::CheckOptions;
use crate::discover::{discover, Patterns};
use crate::resolve::work_tree;
use crate::severity::RuleLevel;
use crate::source::display_name;

/// The folder the reproduce command writes to.
const REPRODUCED: &str = "reproduced";

/// What the command line of a report added to its configuration file: the
/// reproduce command repeats these and names the configuration file for the
/// rest.
#[derive(Debug, Clone)]
pub struct Invocation {
    pub format: ReportFormat,
    /// `--templates`.
    pub templates: Option<PathBuf>,
    /// `--frameworks` folders (the configuration's come before them in the
    /// check options).
    pub framework_dirs: Vec<PathBuf>,
    /// `--policy` folders.
    pub policy_dirs: Vec<PathBuf>,
    /// `--severity` settings (the configuration's come before them in the
    /// check options).
    pub severities: Vec<(String, RuleLevel)>,
}

impl Invocation {
    /// A run whose every setting came from the command line.
    pub fn of(options: &CheckOptions, format: ReportFormat) -> Self {
        Invocation {
            format,
            templates: None,
            framework_dirs: options.framework_dirs.clone(),
            policy_dirs: options.policy_dirs.clone(),
            severities: options.severities.clone(),
        }
    }
}

/// The provenance of a run with `options` as asked for by `invocation`,
/// with the own policies of `pack` and the own `templates` files.
pub fn provenance(
    options: &CheckOptions,
    invocation: &Invocation,
    pack: &PolicyPackHash,
    templates: &[PathBuf],
) -> Provenance {
    let root = project_root(options.config_file.as_deref());
    Provenance {
        reproduce: command(options, invocation),
        folder: folder(&root),
        severities: severities(options, invocation),
        configuration: options.config_file.as_deref().map(|file| FileHash {
            role: "configuration".to_owned(),
            path: relative_to(&root, file),
            sha256: file_hash(file),
        }),
        catalogs: catalogs(&options.framework_dirs),
        policies: pack
            .files
            .iter()
            .filter(|f| !f.path.starts_with("builtin:"))
            .cloned()
            .collect(),
        templates: templates.iter().map(|t| hashed("template", t)).collect(),
    }
}

/// Each override with where it was set: the options hold the
/// configuration's first, then the command line's.
fn severities(options: &CheckOptions, invocation: &Invocation) -> Vec<SeverityOverride> {
    let from_config = options
        .severities
        .len()
        .saturating_sub(invocation.severities.len());
    options
        .severities
        .iter()
        .enumerate()
        .map(|(i, (rule, level))| SeverityOverride {
            rule: rule.clone(),
            level: level.as_str().to_owned(),
            from: match i < from_config {
                true => "configuration",
                false => "command line",
            }
            .to_owned(),
        })
        .collect()
}

/// `srmcheck report` with every setting that changes the pages, writing to
/// [`REPRODUCED`]; each word quoted for a POSIX shell where it needs it.
fn command(options: &CheckOptions, invocation: &Invocation) -> String {
    let text = |path: &Path| path.to_string_lossy().into_owned();
    let mut words: Vec<String> = vec!["srmcheck".into(), "report".into()];
    let mut add = |flag: &str, value: String| words.extend([flag.to_owned(), value]);
    add("--as-of", options.as_of.to_string());
    add("--format", invocation.format.ext().to_owned());
    add("--out", REPRODUCED.to_owned());
    if let Some(file) = &options.config_file {
        add("--config", normal(&display_name(file)));
    }
    for dir in &invocation.framework_dirs {
        add("--frameworks", text(dir));
    }
    for dir in &invocation.policy_dirs {
        add("--policy", text(dir));
    }
    for (rule, level) in &invocation.severities {
        add("--severity", format!("{rule}={}", level.as_str()));
    }
    if let Some(dir) = &invocation.templates {
        add("--templates", text(dir));
    }
    if let Some(name) = &options.stdin_name {
        add("--stdin-filename", text(name));
    }
    words.extend(options.paths.iter().map(|p| text(p)));
    let mut line = words.iter().map(|w| quote(w)).collect::<Vec<_>>().join(" ");
    let stdin = options.paths.iter().any(|p| p.as_os_str() == "-");
    if let (true, Some(name)) = (stdin, &options.stdin_name) {
        line.push_str(" < ");
        line.push_str(&quote(&text(name)));
    }
    line
}

/// `word` as a POSIX shell reads it back: as it is when it holds only
/// characters no shell treats specially, else in single quotes.
fn quote(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-+=:,./@%".contains(c);
    match !word.is_empty() && word.chars().all(plain) {
        true => word.to_owned(),
        false => format!("'{}'", word.replace('\'', "'\\''")),
    }
}

/// The project root of a run: the configuration file's folder, else the git
/// work tree of the working directory, else the working directory.
fn project_root(config_file: Option<&Path>) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    let root = match config_file.and_then(Path::parent) {
        Some(folder) => cwd.join(folder),
        None => work_tree(&cwd).unwrap_or_else(|| cwd.clone()),
    };
    std::fs::canonicalize(&root).unwrap_or(root)
}

/// The working directory relative to `root`, when inside it.
fn folder(root: &Path) -> Option<String> {
    let cwd = std::env::current_dir().ok()?;
    let cwd = std::fs::canonicalize(&cwd).unwrap_or(cwd);
    let inside = cwd.strip_prefix(root).ok()?;
    Some(match inside.as_os_str().is_empty() {
        true => ".".to_owned(),
        false => inside.to_string_lossy().replace('\\', "/"),
    })
}

/// `file` relative to `root` when inside it, else as the check names it.
fn relative_to(root: &Path, file: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = cwd.join(file);
    let absolute = std::fs::canonicalize(&absolute).unwrap_or(absolute);
    match absolute.strip_prefix(root) {
        Ok(inside) => inside.to_string_lossy().replace('\\', "/"),
        Err(_) => normal(&display_name(file)),
    }
}

/// The YAML files of the own catalog folders, as the catalog reads them.
fn catalogs(dirs: &[PathBuf]) -> Vec<FileHash> {
    match discover(dirs, &Patterns::default()) {
        Ok(found) => found
            .files
            .iter()
            .map(|file| hashed("catalog", file))
            .collect(),
        // The check reports the folder it cannot walk.
        Err(_) => Vec::new(),
    }
}

fn hashed(role: &str, file: &Path) -> FileHash {
    FileHash {
        role: role.to_owned(),
        path: normal(&display_name(file)),
        sha256: file_hash(file),
    }
}

/// The SHA-256 of a file's bytes; empty when it cannot be read (the run
/// that read it reports why).
fn file_hash(file: &Path) -> String {
    std::fs::read(file).map_or_else(|_| String::new(), |bytes| sha256_hex(&bytes))
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn words_are_quoted_only_when_a_shell_would_split_them() {
        assert_eq!(quote("clients/acme.yaml"), "clients/acme.yaml");
        assert_eq!(quote("my clients"), "'my clients'");
        assert_eq!(quote("it's"), "'it'\\''s'");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("$(rm -rf ~)"), "'$(rm -rf ~)'");
        assert_eq!(quote("uncovered-control=info"), "uncovered-control=info");
    }
}
