//! A client's page, built from its resolved SRM and its check report.

use serde_json::Value;

use crate::check::SrmReport;
use crate::model::{Date, EnvironmentRef, Provider};
use crate::report::hash::FileHasher;
use crate::report::model::{
    Appendix, ClientLinks, ClientPage, Counts, FrameworkCoverage, FrameworkSummary, Provenance,
    Segment, Summary, Tool, VERSION,
};
use crate::report::paths::normal;
use crate::resolve::Resolved;
use crate::severity::Severity;

use super::{assessments, coverage, findings, governance, matrix, parties};

/// The page of one SRM.
pub fn client_page(
    resolved: &Resolved,
    report: &SrmReport,
    as_of: Date,
    policy_pack: &str,
    hasher: &FileHasher,
    run: &Provenance,
) -> ClientPage {
    let provider_file = &resolved.provider.file;
    let provider: &Provider = &resolved.provider_document;
    let environment = &resolved.environment_spec;
    let spec = &resolved.matrix.spec;
    let fact = |name: &str| report.facts.get(name).unwrap_or(&Value::Null);
    let coverage = coverage::frameworks(resolved, report);
    let summary = summary(&coverage, report);
    let mut inputs = vec![
        hasher.file("srm", &resolved.srm.file.source),
        hasher.file("provider", &provider_file.source),
    ];
    if let EnvironmentRef::Path(_) = spec.environment {
        inputs.push(hasher.file("environment", &resolved.environment.file.source));
    }
    ClientPage {
        version: VERSION,
        tool: Tool::current(),
        as_of: as_of.to_string(),
        name: resolved.name().to_owned(),
        title: resolved
            .matrix
            .metadata
            .title
            .clone()
            .unwrap_or_else(|| spec.client.clone()),
        client: spec.client.clone(),
        file: normal(&report.file),
        links: ClientLinks::default(),
        summary,
        parties: parties::parties(
            spec,
            provider,
            &normal(provider_file.source.name()),
            fact("lib.effort"),
            fact("lib.vendors"),
        ),
        environment: parties::environment(environment),
        matrix: matrix::rows(spec, report),
        coverage,
        findings: findings::by_rule(&report.findings),
        exceptions: governance::exceptions(spec, fact("lib.exceptions")),
        review: governance::review(
            spec,
            fact("lib.review"),
            crate::diff::since_signed(resolved.srm.file.source.path(), as_of),
        ),
        incident_response: parties::incident(spec, provider),
        kpis: parties::kpis(spec),
        maturity: assessments::maturity(&report.assessments, fact("assess.maturity")),
        sprs: assessments::sprs(&report.assessments, fact("assess.sprs")),
        appendix: Appendix {
            tool: Tool::current(),
            as_of: as_of.to_string(),
            policy_pack: policy_pack.to_owned(),
            inputs,
            run: run.clone(),
        },
    }
}

/// Controls by status, per framework and in total, and findings by severity.
fn summary(coverage: &[FrameworkCoverage], report: &SrmReport) -> Summary {
    let mut totals = Counts::default();
    let frameworks = coverage
        .iter()
        .map(|framework| {
            let mut counts = Counts::default();
            for control in &framework.controls {
                counts.count(control.status);
            }
            totals.add(&counts);
            FrameworkSummary {
                id: framework.id.clone(),
                title: framework.title.clone(),
                selector: framework.selector.clone(),
                chart: Segment::bar(&counts),
                counts,
            }
        })
        .collect();
    let active = |severity: Severity| {
        report
            .findings
            .iter()
            .filter(|f| f.severity == severity && !f.excepted)
            .count()
    };
    Summary {
        totals,
        frameworks,
        errors: active(Severity::Error),
        warnings: active(Severity::Warning),
        infos: active(Severity::Info),
        excepted_findings: report.findings.iter().filter(|f| f.excepted).count(),
    }
}
