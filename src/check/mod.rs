//! A check run: discover, load, resolve and evaluate every SRM, in parallel.

mod merge;
mod portfolio;
mod report;
pub mod result_document;
mod shard;

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

pub use merge::merge;
pub use report::{CheckReport, SrmReport};
pub use shard::{Shard, ShardClient};

use crate::catalog::Catalog;
use crate::discover::{discover, DEFAULT_INCLUDE};
use crate::error::Error;
use crate::finding::Finding;
use crate::load::{LoadedFile, Loader};
use crate::model::{Date, Kind};
use crate::policy::{PolicyEngine, PolicyPack, PortfolioClient};
use crate::resolve::{NodeRef, Resolved, Resolver};
use crate::severity::Severity;
use crate::suggest::did_you_mean;
use crate::yaml::Limits;

/// What to check and how.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    /// Patterns folder walks pick up (default: every `.yaml` and `.yml`).
    pub include: Vec<String>,
    /// Patterns left out, even of files named directly.
    pub exclude: Vec<String>,
    pub policy_dirs: Vec<PathBuf>,
    /// Folders of the user's own `Framework` and `Mapping` documents.
    pub framework_dirs: Vec<PathBuf>,
    pub as_of: Date,
    /// Severities that replace the rules' own, by rule id.
    pub severities: Vec<(String, Severity)>,
    /// Check only this part of the walked files, and leave the portfolio
    /// rules to `srmcheck merge`.
    pub shard: Option<Shard>,
}

/// Checks every SRM under `options.paths`. Problems with inputs are reported
/// in [`CheckReport::errors`]; an `Err` means nothing could be checked (a bad
/// policy, a missing path).
pub fn run(options: &CheckOptions) -> Result<CheckReport, Error> {
    run_observed(options, &()).map(|(report, _)| report)
}

/// Sees each SRM once it is checked, on the thread that checked it, and
/// keeps what it needs of it (the `report` command keeps a client's page).
pub trait Observer: Sync {
    type Output: Send;
    fn observe(&self, resolved: &Resolved, report: &SrmReport) -> Self::Output;
}

impl Observer for () {
    type Output = ();
    fn observe(&self, _: &Resolved, _: &SrmReport) {}
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
}

/// [`run`], with what `observer` kept of each SRM, in the report's SRM order.
pub fn run_observed<O: Observer>(
    options: &CheckOptions,
    observer: &O,
) -> Result<(CheckReport, Vec<O::Output>), Error> {
    let engine = engine(&options.policy_dirs, &options.severities)?;
    let include: Vec<&str> = match options.include.is_empty() {
        true => DEFAULT_INCLUDE.to_vec(),
        false => options.include.iter().map(String::as_str).collect(),
    };
    let exclude: Vec<&str> = options.exclude.iter().map(String::as_str).collect();
    let mut files = discover(&options.paths, &include, &exclude)?;
    if let Some(shard) = options.shard {
        files = files
            .into_iter()
            .enumerate()
            .filter(|(position, _)| shard.takes(*position))
            .map(|(_, file)| file)
            .collect();
    }
    let loader = Loader::new(Limits::default());
    let catalog = Catalog::with_user_dirs(Limits::default(), &options.framework_dirs, &loader)?;
    let resolver = Resolver {
        loader: &loader,
        catalog: &catalog,
    };
    let outcomes: Vec<FileOutcome<O::Output>> = files
        .par_iter()
        .map(|path| match loader.load(path) {
            Ok(file) => check_file(&file, &resolver, &engine, options.as_of, observer),
            Err(error) => FileOutcome {
                errors: vec![error.into()],
                ..FileOutcome::default()
            },
        })
        .collect();
    let mut report = CheckReport {
        rules: engine.pack().rules().cloned().collect(),
        files: files.len(),
        as_of: Some(options.as_of),
        ..CheckReport::default()
    };
    let mut clients = Vec::new();
    let mut errors = Vec::new();
    let mut observed = Vec::new();
    for outcome in outcomes {
        for (srm, kept) in outcome.reports {
            report.srms.push(srm);
            observed.push(kept);
        }
        clients.extend(outcome.clients);
        errors.extend(outcome.errors);
    }
    let portfolio_errors = match options.shard {
        Some(shard) => {
            report.shard = Some((shard, shard_clients(clients)));
            Vec::new()
        }
        None => {
            let (portfolio, errors) = portfolio::check(&engine, clients);
            report.portfolio = portfolio;
            errors
        }
    };
    for error in errors.into_iter().chain(portfolio_errors) {
        let text = error.to_string();
        if !report.errors.iter().any(|e| e.to_string() == text) {
            report.errors.push(error);
        }
    }
    report.sort_errors();
    Ok((report, observed))
}

/// The policy pack of `dirs` with the severity overrides, compiled.
fn engine(dirs: &[PathBuf], severities: &[(String, Severity)]) -> Result<PolicyEngine, Error> {
    let mut pack = PolicyPack::load(dirs)?;
    if let Some(id) = pack.override_severities(severities).first() {
        let hint = match did_you_mean(id, pack.rules().map(|r| r.id.as_str())) {
            Some(best) => format!("did you mean `{best}`?"),
            None => "see `srmcheck rules` for the rule ids".to_owned(),
        };
        return Err(Error::usage(
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
    errors: Vec<Error>,
    /// Each SRM's provider and the MSSP hours it takes, for the portfolio rules.
    clients: Vec<(NodeRef, PortfolioClient)>,
}

impl<T> Default for FileOutcome<T> {
    fn default() -> Self {
        FileOutcome {
            reports: Vec::new(),
            errors: Vec::new(),
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
    let (reports, errors) = (&mut outcome.reports, &mut outcome.errors);
    for (index, document) in file.documents.iter().enumerate() {
        if document.kind != Kind::ResponsibilityMatrix {
            continue;
        }
        let resolved = match resolver.resolve(file, index) {
            Ok(resolved) => resolved,
            Err(problems) => {
                errors.extend(problems.into_iter().map(Error::from));
                continue;
            }
        };
        let evaluation = match engine.evaluate(&resolved, as_of) {
            Ok(evaluation) => evaluation,
            Err(error) => {
                errors.push(error.into());
                continue;
            }
        };
        let mut findings: Vec<Finding> = evaluation
            .outcomes
            .into_iter()
            .flat_map(|outcome| {
                let rule = outcome.rule;
                let resolved = &resolved;
                outcome.violations.into_iter().map(move |violation| {
                    let (source, span) = resolved.locate(&violation.pointer);
                    // The lines of the finding, not the whole file: findings
                    // outlive the files, which the loader lets go.
                    let source = Arc::new(source.excerpt(span));
                    let excepted =
                        violation
                            .control
                            .as_ref()
                            .is_some_and(|(framework, control)| {
                                resolved.is_excepted(framework, control, as_of)
                            });
                    Finding {
                        control: violation.control,
                        severity: rule.severity,
                        rule: Arc::clone(&rule),
                        message: violation.message,
                        pointer: violation.pointer,
                        srm: resolved.name().to_owned(),
                        file: source,
                        span,
                        excepted,
                    }
                })
            })
            .collect();
        findings.sort_by(Finding::cmp_place);
        // The MSSP's hours as the pack sums them (`lib.effort`).
        let mssp_effort = evaluation
            .facts
            .get("lib.effort")
            .and_then(|hours| hours["mssp"].as_f64())
            .unwrap_or_default();
        let client = PortfolioClient {
            name: resolved.name().to_owned(),
            mssp_effort,
        };
        outcome.clients.push((resolved.provider.clone(), client));
        let report = SrmReport {
            name: resolved.name().to_owned(),
            file: file.source.name().to_owned(),
            findings,
            assessments: evaluation.assessments,
            facts: evaluation.facts,
        };
        let kept = observer.observe(&resolved, &report);
        reports.push((report, kept));
    }
    outcome
}
