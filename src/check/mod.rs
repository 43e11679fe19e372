//! A check run: discover, load, resolve and evaluate every SRM, in parallel.

mod cached;
mod error;
mod input;
mod merge;
mod portfolio;
mod report;
pub mod result_document;
mod shard;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

pub use error::CheckError;
pub use input::policy_inputs;
pub use merge::merge;
pub use portfolio::{MissingClient, ProviderFacts};
pub use report::{CheckReport, SrmReport};
pub use shard::{Shard, ShardClient, ShardPart};

use crate::cache::{Cache, CacheStats};
use crate::catalog::Catalog;
use crate::discover::{discover, Discovery, Patterns};
use crate::finding::Finding;
use crate::load::{read_stdin, LoadError, LoadedFile, Loader};
use crate::model::{Date, Kind};
use crate::policy::{
    locate, Evaluation, Place, PolicyEngine, PolicyPack, PortfolioClient, RuleOutcome, Violation,
};
use crate::problem::Problem;
use crate::resolve::{work_tree, NodeRef, Resolved, Resolver, Roots};
use crate::rule::Rule;
use crate::severity::RuleLevel;
use crate::suggest::did_you_mean_hint;
use crate::yaml::Limits;

/// What to check and how.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    /// Patterns folder walks pick up (default: every `.yaml` and `.yml`).
    pub include: Vec<String>,
    /// Patterns left out, even of files named directly.
    pub exclude: Vec<String>,
    /// The configuration file `include` and `exclude` come from: they are
    /// relative to its folder (none: to the working directory).
    pub config_file: Option<PathBuf>,
    /// The name of the SRM read from standard input (path `-`), for
    /// messages and for resolving its relative references (none: `<stdin>`
    /// in the working directory).
    pub stdin_name: Option<PathBuf>,
    pub policy_dirs: Vec<PathBuf>,
    /// Folders of the user's own `Framework` and `Mapping` documents.
    pub framework_dirs: Vec<PathBuf>,
    pub as_of: Date,
    /// Severities that replace the rules' own, by rule id; `off` leaves a
    /// rule out of the run.
    pub severities: Vec<(String, RuleLevel)>,
    /// Check only this part of the walked files, and leave the portfolio
    /// rules to `srmcheck merge`.
    pub shard: Option<Shard>,
    /// Folders outside the project root that `provider:` and `environment:`
    /// references may name (the configuration's `referenceFolders`).
    pub reference_folders: Vec<PathBuf>,
    /// The result cache's folder (`None`: no cache; see `src/cache/`).
    pub cache: Option<PathBuf>,
}

/// Checks every SRM under `options.paths`. Problems with inputs are reported
/// in [`CheckReport::errors`]; an `Err` means nothing could be checked (a bad
/// policy, a missing path).
pub fn run(options: &CheckOptions) -> Result<CheckReport, CheckError> {
    run_observed(options, &()).map(|(report, _)| report)
}

/// Sees each SRM once it is checked, on the thread that checked it, and
/// keeps what it needs of it (the `report` command keeps a client's page).
pub trait Observer: Sync {
    type Output: Send;
    fn observe(&self, resolved: &Resolved, report: &SrmReport) -> Self::Output;

    /// Sees an SRM whose results came from the cache, without its resolved
    /// model; `None` when it needs that model (the SRM is then checked).
    fn observe_cached(&self, _report: &SrmReport) -> Option<Self::Output> {
        None
    }
}

impl Observer for () {
    type Output = ();
    fn observe(&self, _: &Resolved, _: &SrmReport) {}
    fn observe_cached(&self, _: &SrmReport) -> Option<()> {
        Some(())
    }
}

/// Two observers, each keeping its own.
impl<A: Observer, B: Observer> Observer for (A, B) {
    type Output = (A::Output, B::Output);
    fn observe(&self, resolved: &Resolved, report: &SrmReport) -> Self::Output {
        (
            self.0.observe(resolved, report),
            self.1.observe(resolved, report),
        )
    }
    fn observe_cached(&self, report: &SrmReport) -> Option<Self::Output> {
        Some((
            self.0.observe_cached(report)?,
            self.1.observe_cached(report)?,
        ))
    }
}

/// [`run`], with what `observer` kept of each SRM, in the report's SRM order.
pub fn run_observed<O: Observer>(
    options: &CheckOptions,
    observer: &O,
) -> Result<(CheckReport, Vec<O::Output>), CheckError> {
    let engine = engine(&options.policy_dirs, &options.severities)?;
    let found = files_to_check(options)?;
    let loader = Loader::new(Limits::default());
    let catalog = Catalog::with_user_dirs(Limits::default(), &options.framework_dirs, &loader)?;
    let roots = Roots::new(options.config_file.as_deref(), &reference_folders(options));
    let resolver = Resolver {
        loader: &loader,
        catalog: &catalog,
        roots: &roots,
    };
    let (outcomes, cache) = check_files(options, &resolver, &engine, &found, observer);
    let mut report = CheckReport {
        cache,
        rules: engine.pack().rules().cloned().collect(),
        files: found.files.len() + usize::from(found.stdin),
        as_of: Some(options.as_of),
        ..CheckReport::default()
    };
    let (outcome, observed) = FileOutcome::join(outcomes);
    let FileOutcome {
        reports: _,
        errors,
        missing,
        clients,
    } = outcome;
    report.srms = observed.0;
    let observed = observed.1;
    let portfolio_errors = match options.shard {
        Some(shard) => {
            report.shard = Some(ShardPart {
                shard,
                clients: shard_clients(clients),
                missing,
            });
            Vec::new()
        }
        None => {
            let portfolio = portfolio::check(&engine, clients, &missing);
            report.portfolio = portfolio.findings;
            report.providers = portfolio.providers;
            portfolio.problems
        }
    };
    nothing_checked(&found, &report, &errors, options)?;
    report.add_problems(errors.into_iter().chain(portfolio_errors));
    Ok((report, observed))
}

/// The files of `options.paths`, or of its part when sharded; an error when
/// folders were walked and nothing was found.
fn files_to_check(options: &CheckOptions) -> Result<Discovery, CheckError> {
    let patterns = Patterns {
        include: options.include.clone(),
        exclude: options.exclude.clone(),
        file: options.config_file.clone(),
    };
    let mut found = discover(&options.paths, &patterns)?;
    found.ensure_found()?;
    if let Some(shard) = options.shard {
        found.files = std::mem::take(&mut found.files)
            .into_iter()
            .enumerate()
            .filter(|(position, _)| shard.takes(*position))
            .map(|(_, file)| file)
            .collect();
    }
    Ok(found)
}

/// Checks the files found, through the result cache when the run uses one;
/// their outcomes, and what the cache did.
fn check_files<O: Observer>(
    options: &CheckOptions,
    resolver: &Resolver<'_>,
    engine: &PolicyEngine,
    found: &Discovery,
    observer: &O,
) -> (Vec<FileOutcome<O::Output>>, Option<CacheStats>) {
    let cache = cached::open(options, engine.pack());
    let hits = cache.as_ref().map(|cache| cached::Hits {
        cache,
        loader: resolver.loader,
        roots: resolver.roots,
        rules: engine.pack().rules().map(|r| (r.id.as_str(), r)).collect(),
    });
    let run = Run {
        options,
        resolver,
        engine,
        hits: hits.as_ref(),
    };
    let outcomes = run.check_all(found, observer);
    if let Some(cache) = &cache {
        cache.prune();
    }
    (outcomes, cache.as_ref().map(Cache::stats))
}

/// What checking the files of a run needs.
struct Run<'a> {
    options: &'a CheckOptions,
    resolver: &'a Resolver<'a>,
    engine: &'a PolicyEngine,
    /// The result cache, when the run uses one.
    hits: Option<&'a cached::Hits<'a>>,
}

impl Run<'_> {
    /// Checks every file found, in parallel, then standard input.
    fn check_all<O: Observer>(
        &self,
        found: &Discovery,
        observer: &O,
    ) -> Vec<FileOutcome<O::Output>> {
        let mut outcomes: Vec<FileOutcome<O::Output>> = found
            .files
            .par_iter()
            .map(|path| self.check_path(path, found.is_named(path), observer))
            .collect();
        if found.stdin {
            let limits = self.resolver.loader.limits();
            let file = stdin_file(self.options, limits);
            outcomes.push(self.check_loaded(file, true, observer));
        }
        outcomes
    }

    /// The outcome of the file at `path`: from the cache when its entry is
    /// current, else checked (and stored).
    fn check_path<O: Observer>(
        &self,
        path: &Path,
        named: bool,
        observer: &O,
    ) -> FileOutcome<O::Output> {
        let Some(hits) = self.hits else {
            return self.check_loaded(self.resolver.loader.load(path), named, observer);
        };
        if let Some(outcome) = hits.outcome(path, observer) {
            return outcome;
        }
        hits.cache.miss();
        let ((file, outcome), loaded) = crate::load::recording(|| {
            let file = self.resolver.loader.load(path);
            let outcome = self.check_loaded(file.clone(), named, observer);
            (file, outcome)
        });
        let entry = file
            .ok()
            .and_then(|file| cached::entry(hits.cache, (path, &file), &loaded, &outcome));
        if let Some(entry) = entry {
            hits.cache.store(&entry);
        }
        outcome
    }

    fn check_loaded<O: Observer>(
        &self,
        file: Result<Arc<LoadedFile>, LoadError>,
        named: bool,
        observer: &O,
    ) -> FileOutcome<O::Output> {
        match file {
            Ok(file) => check_file(
                &file,
                self.resolver,
                self.engine,
                self.options.as_of,
                observer,
            ),
            // An empty YAML file found by a walk is ignored like other non-srmcheck YAML.
            Err(LoadError::Empty(_)) if !named => FileOutcome::default(),
            Err(error) => FileOutcome {
                errors: vec![error.problem()],
                ..FileOutcome::default()
            },
        }
    }
}

/// The SRM on standard input, named as `options` says.
fn stdin_file(options: &CheckOptions, limits: &Limits) -> Result<Arc<LoadedFile>, LoadError> {
    let name = options
        .stdin_name
        .clone()
        .unwrap_or_else(|| PathBuf::from("<stdin>"));
    let source = read_stdin(&name, limits.max_file_bytes)?;
    LoadedFile::parse(Arc::new(source), limits).map(Arc::new)
}

/// A run over folders that found files but no SRM in them, and no problem
/// either, must not pass. A shard may hold no SRM: the merge sees them all.
fn nothing_checked<T>(
    found: &Discovery,
    report: &CheckReport,
    errors: &[T],
    options: &CheckOptions,
) -> Result<(), CheckError> {
    match found.walked() && report.srms.is_empty() && errors.is_empty() && options.shard.is_none() {
        true => Err(found.no_srm().into()),
        false => Ok(()),
    }
}

/// The policy pack of `dirs` with the severity overrides, compiled.
fn engine(
    dirs: &[PathBuf],
    severities: &[(String, RuleLevel)],
) -> Result<PolicyEngine, CheckError> {
    let mut pack = PolicyPack::load(dirs)?;
    if let Some(id) = pack.override_severities(severities).first() {
        let hint = did_you_mean_hint(id, pack.rules().map(|r| r.id.as_str()))
            .unwrap_or_else(|| "see `srmcheck rules` for the rule ids".to_owned());
        return Err(CheckError::usage(
            format!("no rule `{id}` to set the severity of"),
            hint,
        ));
    }
    Ok(PolicyEngine::new(pack)?)
}

/// The clients a part keeps for the portfolio rules of the merge.
fn shard_clients(clients: Vec<(NodeRef, PortfolioClient)>) -> Vec<ShardClient> {
    clients
        .into_iter()
        .map(|(provider, client)| ShardClient {
            provider: provider.source().name().to_owned(),
            document: provider.document,
            client,
        })
        .collect()
}

/// What checking one file gave.
struct FileOutcome<T> {
    reports: Vec<(SrmReport, T)>,
    errors: Vec<Problem>,
    /// SRMs that could not be checked, with the provider file they name.
    missing: Vec<MissingClient>,
    /// Each SRM's provider and the MSSP hours it takes, for the portfolio rules.
    clients: Vec<(NodeRef, PortfolioClient)>,
}

impl<T> FileOutcome<T> {
    /// The outcomes of every file as one, in order: the reports apart, each
    /// beside what the observer kept of it.
    #[allow(clippy::type_complexity)]
    fn join(outcomes: Vec<FileOutcome<T>>) -> (FileOutcome<T>, (Vec<SrmReport>, Vec<T>)) {
        let mut joined = FileOutcome::default();
        let mut reports = (Vec::new(), Vec::new());
        for outcome in outcomes {
            for (srm, kept) in outcome.reports {
                reports.0.push(srm);
                reports.1.push(kept);
            }
            joined.clients.extend(outcome.clients);
            joined.missing.extend(outcome.missing);
            joined.errors.extend(outcome.errors);
        }
        (joined, reports)
    }
}

impl<T> Default for FileOutcome<T> {
    fn default() -> Self {
        FileOutcome {
            reports: Vec::new(),
            errors: Vec::new(),
            missing: Vec::new(),
            clients: Vec::new(),
        }
    }
}

/// Checks the SRM documents of one file.
fn check_file<O: Observer>(
    file: &Arc<LoadedFile>,
    resolver: &Resolver<'_>,
    engine: &PolicyEngine,
    as_of: Date,
    observer: &O,
) -> FileOutcome<O::Output> {
    let mut outcome = FileOutcome::default();
    for (index, document) in file.documents.iter().enumerate() {
        if document.kind != Kind::ResponsibilityMatrix {
            continue;
        }
        match evaluate_srm(file, index, resolver, engine, as_of) {
            Ok((resolved, evaluation)) => {
                outcome.add_checked(file, &resolved, evaluation, observer);
            }
            Err(problems) => outcome.add_unchecked(file, index, problems),
        }
    }
    outcome
}

/// The SRM document `index` of `file`, resolved and evaluated; else the
/// problems that stopped it.
fn evaluate_srm(
    file: &Arc<LoadedFile>,
    index: usize,
    resolver: &Resolver<'_>,
    engine: &PolicyEngine,
    as_of: Date,
) -> Result<(Resolved, Evaluation), Vec<Problem>> {
    let resolved = resolver
        .resolve(file, index)
        .map_err(|problems| problems.iter().map(LoadError::problem).collect::<Vec<_>>())?;
    let evaluation = engine
        .evaluate(&resolved, as_of)
        .map_err(|error| vec![error.problem()])?;
    Ok((resolved, evaluation))
}

impl<T> FileOutcome<T> {
    /// Records an SRM that was checked: its report (with what the observer
    /// kept of it) and its portfolio client.
    fn add_checked<O: Observer<Output = T>>(
        &mut self,
        file: &LoadedFile,
        resolved: &Resolved,
        evaluation: Evaluation,
        observer: &O,
    ) {
        let excepted = Excepted::of(&evaluation.facts);
        let findings = findings(resolved, evaluation.outcomes, &excepted);
        let client = PortfolioClient {
            name: resolved.name().to_owned(),
            mssp_effort: mssp_effort(&evaluation.facts),
        };
        self.clients.push((resolved.provider.clone(), client));
        let report = SrmReport {
            name: resolved.name().to_owned(),
            file: file.source.name().to_owned(),
            findings,
            assessments: evaluation.assessments,
            facts: evaluation.facts,
        };
        let kept = observer.observe(resolved, &report);
        self.reports.push((report, kept));
    }

    /// Records an SRM that could not be checked: the problems that stopped
    /// it, and the provider it names.
    fn add_unchecked(&mut self, file: &LoadedFile, index: usize, problems: Vec<Problem>) {
        self.errors.extend(problems);
        self.missing.extend(MissingClient::of(file, index));
    }
}

/// The in-scope controls a current exception names, as the pack judges them
/// (`lib.exceptions` facts: `excepted`, `[framework, control]` pairs).
struct Excepted(HashSet<(String, String)>);

impl Excepted {
    fn of(facts: &BTreeMap<String, serde_json::Value>) -> Self {
        let pairs = facts
            .get("lib.exceptions")
            .and_then(|standing| standing["excepted"].as_array())
            .into_iter()
            .flatten()
            .filter_map(|pair| Some((pair[0].as_str()?.to_owned(), pair[1].as_str()?.to_owned())));
        Excepted(pairs.collect())
    }

    fn contains(&self, (framework, control): &(String, String)) -> bool {
        self.0.contains(&(framework.clone(), control.clone()))
    }
}

/// The findings of an SRM's rule outcomes, in the order of their places.
fn findings(resolved: &Resolved, outcomes: Vec<RuleOutcome>, excepted: &Excepted) -> Vec<Finding> {
    let mut findings: Vec<Finding> = outcomes
        .into_iter()
        .flat_map(|outcome| {
            let rule = outcome.rule;
            outcome
                .violations
                .into_iter()
                .map(move |violation| finding(resolved, &rule, violation, excepted))
        })
        .collect();
    findings.sort_by(Finding::cmp_place);
    findings
}

/// One violation of `rule` as a finding, placed in the SRM's files.
fn finding(
    resolved: &Resolved,
    rule: &Arc<Rule>,
    violation: Violation,
    excepted: &Excepted,
) -> Finding {
    let place = Place::parse(&violation.pointer);
    let (source, span) = locate(resolved, &place);
    // The lines of the finding, not the whole file: findings outlive the
    // files, which the loader lets go.
    let source = Arc::new(source.excerpt(span));
    let excepted = violation
        .control
        .as_ref()
        .is_some_and(|control| excepted.contains(control));
    Finding {
        control: violation.control,
        severity: rule.severity,
        rule: Arc::clone(rule),
        message: violation.message,
        pointer: violation.pointer,
        place,
        srm: resolved.name().to_owned(),
        file: source,
        span,
        excepted,
    }
}

/// The MSSP's hours as the pack sums them (`lib.effort`).
fn mssp_effort(facts: &BTreeMap<String, serde_json::Value>) -> f64 {
    facts
        .get("lib.effort")
        .and_then(|hours| hours["mssp"].as_f64())
        .unwrap_or_default()
}

/// The folders references may reach besides the project root: the
/// configuration's `referenceFolders`, and the folders named on the command
/// line (a folder, or the one a named file is in), which the user pointed at.
fn reference_folders(options: &CheckOptions) -> Vec<PathBuf> {
    let named = options.paths.iter().filter_map(|path| {
        let path = match path.as_os_str() == "-" {
            true => options.stdin_name.as_deref()?,
            false => path.as_path(),
        };
        match path.is_dir() {
            true => Some(path.to_path_buf()),
            false => path.parent().map(|p| match p.as_os_str().is_empty() {
                true => PathBuf::from("."),
                false => p.to_path_buf(),
            }),
        }
    });
    // A named file's folder, and the git work tree it is in: an SRM of a
    // repository checked from outside it still reaches the repository's
    // provider.
    let named: Vec<PathBuf> = named.collect();
    let trees: Vec<PathBuf> = named.iter().filter_map(|dir| work_tree(dir)).collect();
    options
        .reference_folders
        .iter()
        .cloned()
        .chain(named)
        .chain(trees)
        .collect()
}
