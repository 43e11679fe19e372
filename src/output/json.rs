//! `--format json`: the report as one JSON document, schema version 1
//! (documented in README.md, "Machine-readable output"). Fields are only
//! ever added within a version; a change that removes or changes a field
//! bumps `version`.

use serde::Serialize;
use termcolor::WriteColor;

use super::shared::{self, region, Problem};
use crate::check::CheckReport;
use crate::finding::Finding;
use crate::rule::Rule;
use crate::severity::Severity;

/// The schema version of the document.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Document<'a> {
    version: u32,
    as_of: Option<String>,
    summary: Summary,
    findings: Vec<FindingOut<'a>>,
    problems: Vec<ProblemOut>,
    rules: Vec<RuleOut<'a>>,
}

#[derive(Serialize)]
struct Summary {
    srms: usize,
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    excepted: usize,
    problems: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FindingOut<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    srm: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    pointer: &'a str,
    excepted: bool,
}

#[derive(Serialize)]
struct ProblemOut {
    message: String,
    hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

#[derive(Serialize)]
struct RuleOut<'a> {
    id: &'a str,
    title: &'a str,
    severity: Severity,
    description: &'a str,
    remediation: &'a str,
    frameworks: &'a [String],
}

pub fn write(report: &CheckReport, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let document = Document {
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
        problems: shared::problems(report).into_iter().map(problem).collect(),
        rules: shared::rules(report).into_iter().map(rule).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn finding(finding: &Finding) -> FindingOut<'_> {
    let region = region(finding);
    FindingOut {
        rule: &finding.rule.id,
        severity: finding.severity,
        message: &finding.message,
        srm: &finding.srm,
        file: finding.file.name(),
        line: region.line,
        column: region.column,
        end_line: region.end_line,
        end_column: region.end_column,
        pointer: &finding.pointer,
        excepted: finding.excepted,
    }
}

fn problem(problem: Problem) -> ProblemOut {
    ProblemOut {
        message: problem.message,
        hint: problem.hint,
        file: problem.file,
        line: problem.line,
        column: problem.column,
    }
}

fn rule(rule: &Rule) -> RuleOut<'_> {
    RuleOut {
        id: &rule.id,
        title: &rule.title,
        severity: rule.severity,
        description: rule.description.trim(),
        remediation: rule.remediation.trim(),
        frameworks: &rule.frameworks,
    }
}
