//! What the one-line and machine-readable formats share: findings in reading
//! order, their places, and the problems that kept inputs from being checked.

pub use crate::problem::Problem;

use crate::check::CheckReport;
use crate::finding::Finding;
use crate::rule::Rule;
use crate::severity::Severity;

/// Appended to the message of a finding about a control with a current exception.
pub const EXCEPTED: &str = "excepted: the control has a current exception";

/// Every finding in the order of the human format: by file, place, rule,
/// then message (portfolio findings among the others, by their file).
pub fn ordered(report: &CheckReport) -> Vec<&Finding> {
    let mut findings: Vec<&Finding> = report.findings().collect();
    findings.sort_by(|a, b| a.cmp_place(b));
    findings
}

/// The rules of the run by id, as `srmcheck rules` lists them.
pub fn rules(report: &CheckReport) -> Vec<&Rule> {
    let mut rules: Vec<&Rule> = report.rules.iter().map(|r| &**r).collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    rules
}

/// Where a finding is: 1-based lines and columns (columns count characters);
/// the end is the character just after the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

pub fn region(finding: &Finding) -> Region {
    let start = finding.file.position(finding.span.start);
    let end = finding
        .file
        .position(finding.span.end.max(finding.span.start));
    Region {
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
    }
}

/// The finding's message, marked when its control has a current exception.
pub fn message(finding: &Finding) -> String {
    match finding.excepted {
        true => format!("{} ({EXCEPTED})", finding.message),
        false => finding.message.clone(),
    }
}

/// `error`, `warning` or `info`; `note` for an excepted finding, as in the
/// human format.
pub fn label(finding: &Finding) -> &'static str {
    match (finding.excepted, finding.severity) {
        (true, _) => "note",
        (false, severity) => severity.as_str(),
    }
}

/// `path:line:col: severity[rule-id] message`.
pub fn one_line(finding: &Finding) -> String {
    let region = region(finding);
    format!(
        "{}:{}:{}: {}[{}] {}",
        finding.file.name(),
        region.line,
        region.column,
        label(finding),
        finding.rule.id,
        message(finding)
    )
}

/// The highest severity among findings that count (not excepted).
pub fn worst<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Option<Severity> {
    findings
        .into_iter()
        .filter(|f| !f.excepted)
        .map(|f| f.severity)
        .max()
}

/// The problems of the run, in reading order.
pub fn problems(report: &CheckReport) -> Vec<Problem> {
    report.errors.clone()
}
