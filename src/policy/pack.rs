//! The policy files of a run: the built-in pack plus an organisation's own.

use std::path::Path;
use std::sync::Arc;

use super::error::PolicyError;
use super::metadata;
use crate::embedded::POLICIES;
use crate::load::read_source;
use crate::located::Located;
use crate::rule::{Rule, RuleScope};
use crate::severity::RuleLevel;
use crate::source::{SourceFile, Span};

/// Packages below this prefix are rules on one SRM.
pub const RULES_PREFIX: &str = "srmcheck.rules.";
/// Packages below this prefix are rules on a whole portfolio. Packages below
/// neither prefix are helper libraries or assessments.
pub const PORTFOLIO_PREFIX: &str = "srmcheck.portfolio.";

/// Largest policy file read.
const MAX_POLICY_BYTES: u64 = 4 * 1024 * 1024;

/// One Rego file and, for a rule, its metadata.
#[derive(Debug, Clone)]
pub struct PolicyFile {
    pub source: Arc<SourceFile>,
    pub package: String,
    pub rule: Option<Arc<Rule>>,
    /// A `_test.rego` file: its `test_*` rules are unit tests.
    pub is_test: bool,
}

/// Whether a file holds Rego unit tests.
fn is_test(path: &str) -> bool {
    path.ends_with("_test.rego")
}

/// Every policy file of a run, in a fixed order: built-in first, then each
/// `--policy` folder's files sorted by path.
#[derive(Debug, Clone, Default)]
pub struct PolicyPack {
    pub files: Vec<PolicyFile>,
}

impl PolicyPack {
    /// The built-in pack plus the `.rego` files (not `_test.rego`) of `dirs`.
    pub fn load(dirs: &[impl AsRef<Path>]) -> Result<Self, PolicyError> {
        Self::read(dirs, false)
    }

    /// The built-in pack and the `.rego` files of `dirs`, with their
    /// `_test.rego` unit tests: the built-in tests when `dirs` is empty, else
    /// the tests of `dirs`.
    pub fn load_with_tests(dirs: &[impl AsRef<Path>]) -> Result<Self, PolicyError> {
        Self::read(dirs, true)
    }

    fn read(dirs: &[impl AsRef<Path>], tests: bool) -> Result<Self, PolicyError> {
        let builtin_tests = tests && dirs.is_empty();
        let mut sources: Vec<Arc<SourceFile>> = POLICIES
            .iter()
            .filter(|(path, _)| builtin_tests || !is_test(path))
            .map(|&(path, text)| Arc::new(SourceFile::embedded(path, text)))
            .collect();
        for dir in dirs {
            sources.extend(user_policies(dir.as_ref(), tests)?);
        }
        let mut pack = PolicyPack::default();
        for source in sources {
            pack.add(source)?;
        }
        super::analysis::check(&pack)?;
        Ok(pack)
    }

    fn add(&mut self, source: Arc<SourceFile>) -> Result<(), PolicyError> {
        let Some((package, at)) = metadata::package(&source) else {
            let located =
                Located::new(&source, Span::new(0, 0), "the policy has no `package` line")
                    .with_hint("start the file with `package srmcheck.rules.<name>`");
            return Err(PolicyError::Invalid(Box::new(located)));
        };
        let is_test = is_test(source.name());
        let scope = match (
            package.starts_with(RULES_PREFIX),
            package.starts_with(PORTFOLIO_PREFIX),
        ) {
            _ if is_test => None,
            (true, _) => Some(RuleScope::Srm),
            (_, true) => Some(RuleScope::Portfolio),
            _ => None,
        };
        let rule = match scope {
            Some(scope) => Some(Arc::new(metadata::rule(&source, &package, at, scope)?)),
            None => None,
        };
        if let Some(rule) = &rule {
            if let Some(twin) = self
                .rules()
                .find(|r| r.id == rule.id || r.package == rule.package)
            {
                let located = Located::new(
                    &source,
                    Span::new(at, at + "package".len()),
                    format!(
                        "rule `{}` ({}) is already defined in {}",
                        rule.id,
                        rule.package,
                        twin.file.name()
                    ),
                )
                .with_hint("give every rule its own id and package");
                return Err(PolicyError::Invalid(Box::new(located)));
            }
        }
        self.files.push(PolicyFile {
            source,
            package,
            rule,
            is_test,
        });
        Ok(())
    }

    /// Sets the severity of rules by id (from the configuration, then the
    /// command line: the last setting of a rule wins); `off` leaves the rule
    /// out of the pack, so that it is neither evaluated nor listed. Returns
    /// the ids that name no rule.
    pub fn override_severities(&mut self, overrides: &[(String, RuleLevel)]) -> Vec<String> {
        let mut unknown = Vec::new();
        let mut last: Vec<(&str, RuleLevel)> = Vec::new();
        for (id, level) in overrides {
            if !self.rules().any(|r| &r.id == id) {
                unknown.push(id.clone());
            }
            last.retain(|(seen, _)| seen != id);
            last.push((id, *level));
        }
        for (id, level) in last {
            let names = |f: &PolicyFile| f.rule.as_ref().is_some_and(|r| r.id == id);
            match level.severity() {
                None => self.files.retain(|f| !names(f)),
                Some(severity) => {
                    let rules = self.files.iter_mut().filter_map(|f| f.rule.as_mut());
                    for rule in rules.filter(|r| r.id == id) {
                        Arc::make_mut(rule).severity = severity;
                    }
                }
            }
        }
        unknown
    }

    /// The rules of the pack, in load order.
    pub fn rules(&self) -> impl Iterator<Item = &Arc<Rule>> {
        self.files.iter().filter_map(|f| f.rule.as_ref())
    }
}

/// The `.rego` files below `dir`, sorted, with or without tests.
fn user_policies(dir: &Path, tests: bool) -> Result<Vec<Arc<SourceFile>>, PolicyError> {
    let io = |path: &Path, e: &dyn std::fmt::Display| PolicyError::Io {
        path: crate::source::display_name(path),
        reason: e.to_string(),
    };
    if !dir.is_dir() {
        return Err(io(dir, &"not a folder"));
    }
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| io(dir, &e))?;
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file() && name.ends_with(".rego") && (tests || !is_test(&name)) {
            paths.push(entry.into_path());
        }
    }
    paths
        .iter()
        .map(|path| {
            read_source(path, MAX_POLICY_BYTES)
                .map(Arc::new)
                .map_err(PolicyError::Read)
        })
        .collect()
}
