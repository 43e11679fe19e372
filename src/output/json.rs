//! `--format json`: the report as one [`ResultDocument`], schema version 1.

use termcolor::WriteColor;

use super::shared::{self, region};
use super::RenderOptions;
use crate::check::result_document::{
    ClientOut, ControlOut, FindingOut, MissingOut, ResultDocument, RuleOut, ShardOut, SrmOut,
    Summary, VERSION,
};
use crate::check::CheckReport;
use crate::finding::Finding;
use crate::rule::Rule;
use crate::severity::Severity;

pub fn write(
    report: &CheckReport,
    _: &RenderOptions,
    out: &mut dyn WriteColor,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(report))?;
    writeln!(out)
}

/// The document of a report.
pub fn document(report: &CheckReport) -> ResultDocument {
    let mut srms: Vec<SrmOut> = report
        .srms
        .iter()
        .map(|srm| SrmOut {
            name: srm.name.clone(),
            file: srm.file.clone(),
            assessments: srm.assessments.clone(),
        })
        .collect();
    srms.sort_by(|a, b| (&a.file, &a.name).cmp(&(&b.file, &b.name)));
    ResultDocument {
        version: VERSION,
        as_of: report.as_of.map(|d| d.to_string()),
        summary: Summary {
            srms: report.srms.len(),
            files: report.files,
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
            excepted: report.excepted(),
            problems: report.errors.len(),
        },
        findings: shared::ordered(report).into_iter().map(finding).collect(),
        problems: shared::problems(report),
        rules: shared::rules(report).into_iter().map(rule).collect(),
        srms,
        shard: report.shard.as_ref().map(|part| ShardOut {
            index: part.shard.index,
            count: part.shard.count,
            missing: part
                .missing
                .iter()
                .map(|m| MissingOut {
                    client: m.client.clone(),
                    provider: m.provider.display().to_string(),
                })
                .collect(),
            clients: part
                .clients
                .iter()
                .map(|c| ClientOut {
                    name: c.client.name.clone(),
                    provider: c.provider.clone(),
                    document: c.document,
                    mssp_effort: c.client.mssp_effort,
                })
                .collect(),
        }),
    }
}

fn finding(finding: &Finding) -> FindingOut {
    let region = region(finding);
    FindingOut {
        rule: finding.rule.id.clone(),
        severity: finding.severity,
        message: finding.message.clone(),
        srm: finding.srm.clone(),
        file: finding.file.name().to_owned(),
        line: region.line,
        column: region.column,
        end_line: region.end_line,
        end_column: region.end_column,
        pointer: finding.pointer.clone(),
        excepted: finding.excepted,
        control: finding.control.as_ref().map(|(framework, id)| ControlOut {
            framework: framework.clone(),
            id: id.clone(),
        }),
    }
}

fn rule(rule: &Rule) -> RuleOut {
    RuleOut {
        id: rule.id.clone(),
        title: rule.title.clone(),
        severity: rule.severity,
        description: rule.description.trim().to_owned(),
        remediation: rule.remediation.trim().to_owned(),
        frameworks: rule.frameworks.clone(),
    }
}
