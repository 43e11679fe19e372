//! `srmcheck merge`: the JSON results of `check --shard K/N` for every K,
//! joined into the result one run over all the files gives. The portfolio
//! rules, which need every client of an MSSP, run here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::result_document::{FindingOut, ProblemOut, ResultDocument, VERSION};
use super::{engine, portfolio, CheckReport, SrmReport};
use crate::error::{Error, Recorded};
use crate::finding::Finding;
use crate::load::{read_source, LoadError, Loader};
use crate::located::Located;
use crate::model::Date;
use crate::policy::{PolicyEngine, PortfolioClient};
use crate::resolve::NodeRef;
use crate::rule::Rule;
use crate::severity::Severity;
use crate::source::{SourceFile, Span};
use crate::yaml::Limits;

/// Joins the shard results at `paths`, judged by the policies of
/// `policy_dirs` with `severities` (those the shards ran with). Input files
/// are read again, from the working directory the shards ran in, to place
/// each finding.
pub fn merge(
    paths: &[PathBuf],
    policy_dirs: &[PathBuf],
    severities: &[(String, Severity)],
) -> Result<CheckReport, Error> {
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
    for (path, document) in &documents {
        report.files += document.summary.files;
        let mut srms: Vec<SrmReport> = document
            .srms
            .iter()
            .map(|srm| SrmReport {
                name: srm.name.clone(),
                file: srm.file.clone(),
                findings: Vec::new(),
                assessments: srm.assessments.clone(),
                // A merged result is printed, never made into a report.
                facts: Default::default(),
            })
            .collect();
        for out in &document.findings {
            let Some(rule) = rules.get(out.rule.as_str()) else {
                return Err(Error::usage(
                    format!(
                        "{}: no rule `{}` in the policy pack",
                        path.display(),
                        out.rule
                    ),
                    "merge with the policies (`--policy`) the shards ran with",
                ));
            };
            let finding = finding(out, rule, &loader)?;
            match srms.iter_mut().find(|s| s.name == out.srm) {
                Some(srm) => srm.findings.push(finding),
                None => report.portfolio.push(finding),
            }
        }
        for srm in &mut srms {
            srm.findings.sort_by(Finding::cmp_place);
        }
        report.srms.extend(srms);
        for problem in &document.problems {
            let error = recorded(problem, loader.limits());
            if !report
                .errors
                .iter()
                .any(|e| e.to_string() == error.to_string())
            {
                report.errors.push(error);
            }
        }
        let shard = document.shard.as_ref().expect("checked to be a shard");
        for client in &shard.clients {
            let file = loader.load(Path::new(&client.provider))?;
            let client_of = PortfolioClient {
                name: client.name.clone(),
                mssp_effort: client.mssp_effort,
            };
            clients.push((NodeRef::new(&file, client.document, "/spec"), client_of));
        }
    }
    report
        .srms
        .sort_by(|a, b| (&a.file, &a.name).cmp(&(&b.file, &b.name)));
    portfolio_rules(&engine, clients, &mut report);
    report.sort_errors();
    Ok(report)
}

fn portfolio_rules(
    engine: &PolicyEngine,
    clients: Vec<(NodeRef, PortfolioClient)>,
    report: &mut CheckReport,
) {
    let (findings, errors) = portfolio::check(engine, clients);
    report.portfolio.extend(findings);
    report.portfolio.sort_by(Finding::cmp_place);
    for error in errors {
        if !report
            .errors
            .iter()
            .any(|e| e.to_string() == error.to_string())
        {
            report.errors.push(error);
        }
    }
}

/// The largest shard result read (a 10,000-client result is some megabytes).
const MAX_RESULT_BYTES: u64 = 1 << 30;

/// One shard's result, or where it is not one.
fn read(path: &Path) -> Result<(PathBuf, ResultDocument), Error> {
    let source = Arc::new(read_source(path, MAX_RESULT_BYTES)?);
    let hint = "pass the output of `srmcheck check --shard K/N --format json`";
    let document: ResultDocument = serde_json::from_str(source.text()).map_err(|e| {
        let start = source.offset(e.line(), e.column().saturating_sub(1));
        let span = Span::new(start, (start + 1).min(source.text().len()));
        let message = format!("not a srmcheck result: {e}");
        Error::Load(LoadError::Invalid(Box::new(
            Located::new(&source, span, message).with_hint(hint),
        )))
    })?;
    if document.version != VERSION {
        return Err(Error::usage(
            format!(
                "{}: result version {} (this srmcheck reads {VERSION})",
                source.name(),
                document.version
            ),
            "merge with the srmcheck version the shards ran with",
        ));
    }
    if document.shard.is_none() {
        return Err(Error::usage(
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
fn check_parts(documents: &[(PathBuf, ResultDocument)]) -> Result<Date, Error> {
    let Some((_, first)) = documents.first() else {
        return Err(Error::usage(
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
            return Err(Error::usage(
                format!("{name} is part of a split in {}, not {count}", shard.count),
                "merge the results of one split",
            ));
        }
        if document.as_of != first.as_of {
            return Err(Error::usage(
                format!("{name} was judged as of another date than the other shards"),
                "run every shard with the same `--as-of`",
            ));
        }
        match seen.get_mut(shard.index.wrapping_sub(1)) {
            Some(Some(other)) => {
                return Err(Error::usage(
                    format!("{name} and {other} are both shard {}/{count}", shard.index),
                    "merge each shard once",
                ))
            }
            Some(slot) => *slot = Some(name.to_string()),
            None => {
                return Err(Error::usage(
                    format!("{name}: shard {}/{count} does not exist", shard.index),
                    "merge the results of one split",
                ))
            }
        }
    }
    if let Some(missing) = seen.iter().position(Option::is_none) {
        return Err(Error::usage(
            format!("shard {}/{count} is missing", missing + 1),
            "merge the results of every shard of the split",
        ));
    }
    let as_of = first.as_of.as_deref().unwrap_or_default();
    as_of.parse().map_err(|e| {
        Error::usage(
            format!("bad `asOf` in the results: {e}"),
            "rerun the shards",
        )
    })
}

/// A finding back in its file.
fn finding(out: &FindingOut, rule: &Arc<Rule>, loader: &Loader) -> Result<Finding, Error> {
    let file = loader.load(Path::new(&out.file))?;
    let source: &Arc<SourceFile> = &file.source;
    let start = source.offset(out.line, out.column.saturating_sub(1));
    let end = source.offset(out.end_line, out.end_column.saturating_sub(1));
    Ok(Finding {
        rule: Arc::clone(rule),
        severity: out.severity,
        message: out.message.clone(),
        pointer: out.pointer.clone(),
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

/// A problem back in its file (read as text: it may not parse), when it has
/// a place there; else as recorded.
fn recorded(problem: &ProblemOut, limits: &Limits) -> Error {
    if let (Some(file), Some(line), Some(column)) = (&problem.file, problem.line, problem.column) {
        if let Ok(source) = read_source(Path::new(file), limits.max_file_bytes) {
            let source = &Arc::new(source);
            let start = source.offset(line, column.saturating_sub(1));
            let span = Span::new(start, (start + 1).min(source.text().len()).max(start));
            let mut located = Located::new(source, span, problem.message.clone());
            if let Some(hint) = &problem.hint {
                located = located.with_hint(hint.clone());
            }
            return Error::Load(LoadError::Invalid(Box::new(located)));
        }
    }
    Error::Recorded(Box::new(Recorded {
        message: problem.message.clone(),
        hint: problem.hint.clone(),
        file: problem.file.clone(),
        line: problem.line,
        column: problem.column,
    }))
}
