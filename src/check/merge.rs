//! `srmcheck merge`: the JSON results of `check --shard K/N` for every K,
//! joined into the result one run over all the files gives. The portfolio
//! rules, which need every client of an MSSP, run here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::result_document::{FindingOut, ResultDocument, SrmOut, VERSION};
use super::{engine, portfolio, CheckError, CheckReport, MissingClient, SrmReport};
use crate::finding::Finding;
use crate::load::{read_source, LoadError, Loader};
use crate::located::Located;
use crate::model::Date;
use crate::policy::{Place, PolicyEngine, PortfolioClient};
use crate::problem::{Problem, ProblemSpan};
use crate::resolve::NodeRef;
use crate::rule::Rule;
use crate::severity::RuleLevel;
use crate::source::{SourceFile, Span};
use crate::yaml::Limits;

/// Joins the shard results at `paths`, judged by the policies of
/// `policy_dirs` with `severities` (those the shards ran with). Input files
/// are read again, from the working directory the shards ran in, to place
/// each finding.
pub fn merge(
    paths: &[PathBuf],
    policy_dirs: &[PathBuf],
    severities: &[(String, RuleLevel)],
) -> Result<CheckReport, CheckError> {
    let documents = paths
        .iter()
        .map(|path| read(path))
        .collect::<Result<Vec<_>, _>>()?;
    let as_of = check_parts(&documents)?;
    let engine = engine(policy_dirs, severities)?;
    let rules: BTreeMap<&str, &Arc<Rule>> =
        engine.pack().rules().map(|r| (r.id.as_str(), r)).collect();
    let loader = Loader::new(Limits::default());
    let mut report = CheckReport {
        rules: engine.pack().rules().cloned().collect(),
        as_of: Some(as_of),
        ..CheckReport::default()
    };
    let mut clients = Vec::new();
    let mut missing = Vec::new();
    for (path, document) in &documents {
        report.files += document.summary.files;
        let (srms, portfolio) = shard_srms(path, document, &rules, &loader)?;
        report.srms.extend(srms);
        report.portfolio.extend(portfolio);
        let problems = document.problems.iter();
        report.add_problems(problems.map(|p| placed(p, loader.limits())));
        clients.extend(shard_clients(document, &loader)?);
        missing.extend(missing_clients(document));
    }
    report
        .srms
        .sort_by(|a, b| (&a.file, &a.name).cmp(&(&b.file, &b.name)));
    portfolio_rules(&engine, clients, &missing, &mut report);
    Ok(report)
}

/// One shard's SRMs, each with its findings back in their files, and its
/// findings about no SRM (the portfolio's).
fn shard_srms(
    path: &Path,
    document: &ResultDocument,
    rules: &BTreeMap<&str, &Arc<Rule>>,
    loader: &Loader,
) -> Result<(Vec<SrmReport>, Vec<Finding>), CheckError> {
    let mut srms: Vec<SrmReport> = document.srms.iter().map(srm_report).collect();
    let mut portfolio = Vec::new();
    for out in &document.findings {
        let finding = finding(out, rule(path, out, rules)?, loader)?;
        match srm_of(&mut srms, out) {
            Some(srm) => srm.findings.push(finding),
            None => portfolio.push(finding),
        }
    }
    for srm in &mut srms {
        srm.findings.sort_by(Finding::cmp_place);
    }
    Ok((srms, portfolio))
}

/// An SRM of a shard's result, its findings still to be added.
fn srm_report(srm: &SrmOut) -> SrmReport {
    SrmReport {
        name: srm.name.clone(),
        file: srm.file.clone(),
        findings: Vec::new(),
        assessments: srm.assessments.clone(),
        // A merged result is printed, never made into a report.
        facts: Default::default(),
    }
}

/// The rule of a finding in the shard result at `path`, from the policy pack.
fn rule<'a>(
    path: &Path,
    out: &FindingOut,
    rules: &BTreeMap<&str, &'a Arc<Rule>>,
) -> Result<&'a Arc<Rule>, CheckError> {
    rules.get(out.rule.as_str()).copied().ok_or_else(|| {
        CheckError::usage(
            format!(
                "{}: no rule `{}` in the policy pack",
                path.display(),
                out.rule
            ),
            "merge with the policies (`--policy`) the shards ran with",
        )
    })
}

/// A shard's clients, each with the provider it names, for the portfolio
/// rules.
fn shard_clients(
    document: &ResultDocument,
    loader: &Loader,
) -> Result<Vec<(NodeRef, PortfolioClient)>, CheckError> {
    let shard = document.shard.as_ref().expect("checked to be a shard");
    let mut clients = Vec::with_capacity(shard.clients.len());
    for client in &shard.clients {
        let file = loader.load(Path::new(&client.provider))?;
        let client_of = PortfolioClient {
            name: client.name.clone(),
            mssp_effort: client.mssp_effort,
        };
        clients.push((NodeRef::new(&file, client.document, "/spec"), client_of));
    }
    Ok(clients)
}

/// The SRMs a shard could not check, each with the provider it names.
fn missing_clients(document: &ResultDocument) -> impl Iterator<Item = MissingClient> + '_ {
    let shard = document.shard.as_ref().expect("checked to be a shard");
    shard.missing.iter().map(|m| MissingClient {
        provider: PathBuf::from(&m.provider),
        client: m.client.clone(),
    })
}

fn portfolio_rules(
    engine: &PolicyEngine,
    clients: Vec<(NodeRef, PortfolioClient)>,
    missing: &[MissingClient],
    report: &mut CheckReport,
) {
    let portfolio = portfolio::check(engine, clients, missing);
    report.portfolio.extend(portfolio.findings);
    report.portfolio.sort_by(Finding::cmp_place);
    report.providers = portfolio.providers;
    report.add_problems(portfolio.problems);
}

/// The SRM a finding is about: the one of its name in its file; else (a
/// finding in a file the SRM references) the first of its name; else none
/// (a portfolio finding, named for its provider).
fn srm_of<'a>(srms: &'a mut [SrmReport], out: &FindingOut) -> Option<&'a mut SrmReport> {
    let position = srms
        .iter()
        .position(|s| s.name == out.srm && s.file == out.file)
        .or_else(|| srms.iter().position(|s| s.name == out.srm))?;
    srms.get_mut(position)
}

/// The largest shard result read (a 10,000-client result is some megabytes).
const MAX_RESULT_BYTES: u64 = 1 << 30;

/// One shard's result, or where it is not one.
fn read(path: &Path) -> Result<(PathBuf, ResultDocument), CheckError> {
    let source = Arc::new(read_source(path, MAX_RESULT_BYTES)?);
    let hint = "pass the output of `srmcheck check --shard K/N --format json`";
    let document: ResultDocument = serde_json::from_str(source.text()).map_err(|e| {
        let start = source.offset(e.line(), e.column().saturating_sub(1));
        let span = Span::new(start, (start + 1).min(source.text().len()));
        let message = format!("not a srmcheck result: {e}");
        CheckError::Load(LoadError::Invalid(Box::new(
            Located::new(&source, span, message).with_hint(hint),
        )))
    })?;
    if document.version != VERSION {
        return Err(CheckError::usage(
            format!(
                "{}: result version {} (this srmcheck reads {VERSION})",
                source.name(),
                document.version
            ),
            "merge with the srmcheck version the shards ran with",
        ));
    }
    if document.shard.is_none() {
        return Err(CheckError::usage(
            format!(
                "{}: the result of a whole run, not of a shard",
                source.name()
            ),
            hint,
        ));
    }
    Ok((path.to_owned(), document))
}

/// Every part of one split, each once, all judged on the same date: the date.
fn check_parts(documents: &[(PathBuf, ResultDocument)]) -> Result<Date, CheckError> {
    let Some((_, first)) = documents.first() else {
        return Err(CheckError::usage(
            "no results to merge",
            "name the shards' JSON results",
        ));
    };
    let count = first.shard.as_ref().map_or(0, |s| s.count);
    let mut seen = vec![None; count];
    for (path, document) in documents {
        let shard = document.shard.as_ref().expect("checked to be a shard");
        let name = path.display();
        if shard.count != count {
            return Err(CheckError::usage(
                format!("{name} is part of a split in {}, not {count}", shard.count),
                "merge the results of one split",
            ));
        }
        if document.as_of != first.as_of {
            return Err(CheckError::usage(
                format!("{name} was judged as of another date than the other shards"),
                "run every shard with the same `--as-of`",
            ));
        }
        match seen.get_mut(shard.index.wrapping_sub(1)) {
            Some(Some(other)) => {
                return Err(CheckError::usage(
                    format!("{name} and {other} are both shard {}/{count}", shard.index),
                    "merge each shard once",
                ))
            }
            Some(slot) => *slot = Some(name.to_string()),
            None => {
                return Err(CheckError::usage(
                    format!("{name}: shard {}/{count} does not exist", shard.index),
                    "merge the results of one split",
                ))
            }
        }
    }
    if let Some(missing) = seen.iter().position(Option::is_none) {
        return Err(CheckError::usage(
            format!("shard {}/{count} is missing", missing + 1),
            "merge the results of every shard of the split",
        ));
    }
    let as_of = first.as_of.as_deref().unwrap_or_default();
    as_of.parse().map_err(|e| {
        CheckError::usage(
            format!("bad `asOf` in the results: {e}"),
            "rerun the shards",
        )
    })
}

/// A finding back in its file.
fn finding(out: &FindingOut, rule: &Arc<Rule>, loader: &Loader) -> Result<Finding, CheckError> {
    let file = loader.load(Path::new(&out.file))?;
    let source: &Arc<SourceFile> = &file.source;
    let start = source.offset(out.line, out.column.saturating_sub(1));
    let end = source.offset(out.end_line, out.end_column.saturating_sub(1));
    Ok(Finding {
        rule: Arc::clone(rule),
        severity: out.severity,
        message: out.message.clone(),
        pointer: out.pointer.clone(),
        place: Place::parse(&out.pointer),
        srm: out.srm.clone(),
        file: Arc::clone(source),
        span: Span::new(start, end.max(start)),
        excepted: out.excepted,
        control: out
            .control
            .as_ref()
            .map(|c| (c.framework.clone(), c.id.clone())),
    })
}

/// A problem back in its file (read as text: it may not parse) when it has
/// a place there, to show its lines; else as recorded.
fn placed(problem: &Problem, limits: &Limits) -> Problem {
    let mut problem = problem.clone();
    let (Some(file), Some(span)) = (&problem.file, &mut problem.span) else {
        return problem;
    };
    if let Ok(source) = read_source(Path::new(file), limits.max_file_bytes) {
        let source = Arc::new(source);
        let position = span.position;
        let start = source.offset(position.line, position.column.saturating_sub(1));
        let end = (start + 1).min(source.text().len()).max(start);
        *span = ProblemSpan {
            position,
            source: Some((source, Span::new(start, end))),
        };
    }
    problem
}
