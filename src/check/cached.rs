//! A check run's use of the result cache (`src/cache/`): its global key,
//! an SRM file's outcome from its entry, and the entry of a file checked.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::{CheckOptions, FileOutcome, Observer, SrmReport};
use crate::cache::{
    content_hash, Cache, CachedFile, CachedFinding, CachedSrm, Dependency, KeyBuilder,
};
use crate::discover::{discover, Patterns};
use crate::embedded;
use crate::load::{LoadedFile, Loader};
use crate::policy::{PolicyPack, PortfolioClient};
use crate::resolve::{NodeRef, Roots};
use crate::rule::Rule;

/// The cache of a run of `options` with `pack`, or `None` when the run
/// does not use one.
pub(super) fn open(options: &CheckOptions, pack: &PolicyPack) -> Option<Cache> {
    let dir = options.cache.clone()?;
    Some(Cache::new(dir, global_key(options, pack)))
}

/// Everything besides an SRM's own files that decides its results (see
/// `src/cache/mod.rs`, "Its key").
fn global_key(options: &CheckOptions, pack: &PolicyPack) -> blake3::Hash {
    let mut key = KeyBuilder::default();
    let builtin = [
        embedded::POLICIES,
        embedded::FRAMEWORKS,
        embedded::MAPPINGS,
        embedded::KNOWLEDGE,
    ];
    for (path, text) in builtin.into_iter().flatten() {
        key.part(path, text.as_bytes());
    }
    for file in pack.files.iter().filter(|f| !f.is_test) {
        key.part(file.source.name(), file.source.text().as_bytes());
    }
    let catalogs = discover(&options.framework_dirs, &Patterns::default());
    for path in catalogs.map(|found| found.files).unwrap_or_default() {
        let bytes = std::fs::read(&path).unwrap_or_default();
        key.part(&path.to_string_lossy(), content_hash(&bytes).as_bytes());
    }
    for (rule, level) in &options.severities {
        key.part("severity", format!("{rule}={level:?}").as_bytes());
    }
    key.part("as-of", options.as_of.to_string().as_bytes());
    let cwd = std::env::current_dir().unwrap_or_default();
    key.part("cwd", cwd.as_os_str().as_encoded_bytes());
    key.finish()
}

/// What the run needs to turn an entry back into an outcome.
pub(super) struct Hits<'a> {
    pub cache: &'a Cache,
    pub loader: &'a Loader,
    pub roots: &'a Roots,
    pub rules: HashMap<&'a str, &'a Arc<Rule>>,
}

impl Hits<'_> {
    /// The outcome of the SRM file at `path` from its entry, when the entry
    /// is current and every SRM of it comes back whole; else `None`.
    pub fn outcome<O: Observer>(
        &self,
        path: &Path,
        observer: &O,
    ) -> Option<FileOutcome<O::Output>> {
        let entry = self
            .cache
            .lookup(path, |dependency| self.roots.allows(dependency))?;
        let mut outcome = FileOutcome::default();
        for srm in entry.srms {
            let provider = self.loader.load(&srm.provider).ok()?;
            let findings = srm.findings.into_iter().map(|f| f.finding(&self.rules));
            let report = SrmReport {
                name: srm.name.clone(),
                file: srm.file,
                findings: findings.collect::<Option<Vec<_>>>()?,
                assessments: srm.assessments,
                facts: srm.facts,
            };
            let kept = observer.observe_cached(&report)?;
            let client = PortfolioClient {
                name: srm.name,
                mssp_effort: srm.mssp_effort,
            };
            let at = NodeRef::new(&provider, srm.provider_document, "/spec");
            outcome.clients.push((at, client));
            outcome.reports.push((report, kept));
        }
        self.cache.hit();
        Some(outcome)
    }
}

/// The entry of the SRM file at `path`, `file` as loaded, checked with
/// `outcome` and loading `loaded` on the way; `None` when the outcome is not
/// one to keep (a problem).
pub(super) fn entry<T>(
    cache: &Cache,
    (path, file): (&Path, &Arc<LoadedFile>),
    loaded: &[Arc<LoadedFile>],
    outcome: &FileOutcome<T>,
) -> Option<CachedFile> {
    if !outcome.errors.is_empty() || !outcome.missing.is_empty() {
        return None;
    }
    let mut dependencies: Vec<Dependency> = Vec::new();
    for other in loaded.iter().filter(|other| !Arc::ptr_eq(other, file)) {
        let at = other.source.path();
        if !dependencies.iter().any(|d| d.path == at) {
            dependencies.push(Dependency {
                path: at.to_path_buf(),
                hash: content_hash(other.source.text().as_bytes())
                    .to_hex()
                    .to_string(),
            });
        }
    }
    let srms = outcome
        .reports
        .iter()
        .zip(&outcome.clients)
        .map(|((report, _), (provider, client))| CachedSrm {
            name: report.name.clone(),
            file: report.file.clone(),
            findings: report.findings.iter().map(CachedFinding::of).collect(),
            assessments: report.assessments.clone(),
            facts: report.facts.clone(),
            provider: provider.source().path().to_path_buf(),
            provider_document: provider.document,
            mssp_effort: client.mssp_effort,
        })
        .collect();
    let hash = content_hash(file.source.text().as_bytes());
    Some(cache.entry((path, hash), dependencies, srms))
}
