//! The configuration file, `srmcheck.yaml` or `.srmcheck.yaml`, found by
//! walking up from the working directory. Command-line options win over it.
//!
//! ```yaml
//! include: ["clients/**/*.yaml"]   # what folder walks pick up (default: every .yaml and .yml)
//! exclude: ["**/drafts/**"]        # left out, even when named on the command line
//! policies: [org-policies]         # Rego folders beside the built-in pack
//! frameworks: [catalogs]           # own Framework and Mapping documents
//! severity: {<rule id>: error}   # a rule's severity, as `--severity` (`off`: left out)
//! failOn: warning
//! asOf: 2026-12-31
//! referenceFolders: [../shared]    # where references may reach besides this folder
//! cache: false                     # no result cache (default: true)
//! cacheDir: .cache/srmcheck        # the result cache's folder (default: .srmcheck_cache)
//! ```
//! Folders and `include`/`exclude` patterns are relative to the configuration
//! file's folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::load::{read_source, LoadError};
use crate::located::Located;
use crate::model::Date;
use crate::severity::{FailOn, RuleLevel};
use crate::source::SourceFile;
use crate::source::Span;
use crate::yaml::{from_node, parse_documents, Limits, Node};

/// The names the configuration file may have, in order of preference.
pub const FILE_NAMES: [&str; 2] = ["srmcheck.yaml", ".srmcheck.yaml"];

/// The settings of a configuration file.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Config {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<PathBuf>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<PathBuf>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<String, RuleLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<FailOn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// Folders outside the project root (this file's folder) that SRMs'
    /// `provider:` and `environment:` references may name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_folders: Vec<PathBuf>,
    /// Whether `check` keeps its results in the result cache (default: yes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache: Option<bool>,
    /// The result cache's folder (default: `.srmcheck_cache` beside this file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_dir: Option<PathBuf>,
}

/// A configuration and the file it came from (none: the defaults).
#[derive(Debug, Clone, Default)]
pub struct Configuration {
    pub file: Option<PathBuf>,
    pub config: Config,
}

impl Configuration {
    /// The configuration file in `start` or the nearest folder above it.
    pub fn discover(start: &Path) -> Result<Self, LoadError> {
        for dir in start.ancestors() {
            for name in FILE_NAMES {
                let path = dir.join(name);
                if path.is_file() {
                    return Self::read(&path);
                }
            }
        }
        Ok(Configuration::default())
    }

    /// Reads one configuration file; its folders become relative to where it is.
    pub fn read(path: &Path) -> Result<Self, LoadError> {
        let source = Arc::new(read_source(path, 1024 * 1024)?);
        let documents = parse_documents(&source, &Limits::default())
            .map_err(|e| Located::from_yaml(&source, e))?;
        let mut config: Config = match documents.first() {
            Some(node) => from_node(node).map_err(|e| Located::from_yaml(&source, e))?,
            None => {
                let located = Located::new(&source, Span::new(0, 0), "empty configuration file")
                    .with_hint("remove the file, or give it settings such as `failOn: warning`");
                return Err(located.into());
            }
        };
        if let Some(node) = documents.first() {
            check_patterns(&source, node, &config)?;
        }
        let base = path.parent().unwrap_or(Path::new("."));
        for dir in config
            .policies
            .iter_mut()
            .chain(config.frameworks.iter_mut())
            .chain(config.reference_folders.iter_mut())
        {
            *dir = base.join(&*dir);
        }
        if let Some(dir) = &mut config.cache_dir {
            *dir = base.join(&*dir);
        }
        Ok(Configuration {
            file: Some(path.to_path_buf()),
            config,
        })
    }
}

/// Refuses an `include` or `exclude` pattern that is not a glob, at its place
/// in the file.
fn check_patterns(source: &Arc<SourceFile>, node: &Node, config: &Config) -> Result<(), LoadError> {
    for (key, patterns) in [("include", &config.include), ("exclude", &config.exclude)] {
        for (i, pattern) in patterns.iter().enumerate() {
            if let Err(e) = globset::Glob::new(pattern) {
                let span = node.pointer(&format!("/{key}/{i}")).span;
                let message = format!("invalid {key} pattern `{pattern}`: {}", e.kind());
                let located = Located::new(source, span, message)
                    .with_hint("use globset syntax such as `**/*.yaml`");
                return Err(located.into());
            }
        }
    }
    Ok(())
}
