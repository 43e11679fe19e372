//! `check --statistics`: the findings counted per rule, as ruff's
//! `--statistics` does: most findings first, then by rule id.

use std::fmt::Write as _;

use serde::Serialize;

use super::shared::{self, Problem};
use crate::check::CheckReport;
use crate::severity::Severity;

/// One rule's findings in the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount<'a> {
    pub rule: &'a str,
    pub severity: Severity,
    /// Findings that count (not excepted).
    pub count: usize,
    /// Findings about controls with a current exception.
    pub excepted: usize,
}

/// Every rule with a finding, by count (most first), then id.
pub fn counts(report: &CheckReport) -> Vec<RuleCount<'_>> {
    let mut counts: Vec<RuleCount> = shared::rules(report)
        .into_iter()
        .map(|rule| {
            let findings = report.findings().filter(|f| f.rule.id == rule.id);
            let (excepted, counted): (Vec<_>, Vec<_>) = findings.partition(|f| f.excepted);
            RuleCount {
                rule: &rule.id,
                severity: rule.severity,
                count: counted.len(),
                excepted: excepted.len(),
            }
        })
        .filter(|c| c.count + c.excepted > 0)
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(b.rule)));
    counts
}

/// `  12  uncovered-duty  error` per rule, then the problems, one line each.
pub fn text(report: &CheckReport) -> String {
    let counts = counts(report);
    let width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    let id_width = counts.iter().map(|c| c.rule.len()).max().unwrap_or(0);
    let mut out = String::new();
    for count in &counts {
        let _ = write!(
            out,
            "{:>width$}  {:id_width$}  {}",
            count.count, count.rule, count.severity
        );
        match count.excepted {
            0 => out.push('\n'),
            n => {
                let _ = writeln!(out, " ({n} excepted)");
            }
        }
    }
    if counts.is_empty() {
        out.push_str("no findings\n");
    }
    for problem in shared::problems(report) {
        let _ = write!(out, "error: {}", problem.located_message());
        match &problem.hint {
            Some(hint) => {
                let _ = writeln!(out, " (help: {hint})");
            }
            None => out.push('\n'),
        }
    }
    out
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    statistics: Vec<RuleCount<'a>>,
    problems: Vec<Problem>,
}

/// `{"version": 1, "statistics": [{rule, severity, count, excepted}], "problems": [...]}`.
pub fn json(report: &CheckReport) -> String {
    let problems = shared::problems(report);
    let document = Document {
        version: 1,
        statistics: counts(report),
        problems,
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::test_report::report;

    #[test]
    fn counts_by_count_then_id_with_the_excepted_apart() {
        let report = report();
        let text = text(&report);
        insta::assert_snapshot!(text, @r"
        2  uncovered-duty        error (1 excepted)
        1  portfolio-overload    warning
        1  review-late           warning
        1  unknown-party         error
        0  raci-one-accountable  info (1 excepted)
        error: clients/broken.yaml:6:3: unknown key `clientt` (help: did you mean `client`?)
        ");
        let value: serde_json::Value = serde_json::from_str(&json(&report)).expect("JSON");
        assert_eq!(value["statistics"][0]["rule"], "uncovered-duty");
        assert_eq!(value["statistics"][0]["count"], 2);
        assert_eq!(value["statistics"][0]["excepted"], 1);
        assert_eq!(value["statistics"][1]["severity"], "warning");
        assert_eq!(value["problems"][0]["line"], 6);
    }
}
