//! `srmcheck test`: one line per test, coverage per policy file, a summary.

use std::fmt::Write as _;

use crate::policy::{TestReport, TestResult};

pub fn render(report: &TestReport, threshold: Option<f64>) -> String {
    let mut out = String::new();
    for test in &report.outcomes {
        let (status, detail) = match &test.result {
            TestResult::Pass => ("PASS", String::new()),
            TestResult::Fail => ("FAIL", String::new()),
            TestResult::Error(message) => ("ERROR", format!("\n    {message}")),
        };
        let _ = writeln!(
            out,
            "{status:5} {}:{}: {}.{}{detail}",
            test.file.name(),
            test.line,
            test.package,
            test.name
        );
    }
    if !report.coverage.is_empty() {
        let width = report
            .coverage
            .iter()
            .map(|c| c.file.len())
            .max()
            .unwrap_or(0);
        let _ = writeln!(out, "\ncoverage:");
        for file in &report.coverage {
            let missing = match file.not_covered.is_empty() {
                true => String::new(),
                false => format!("  not covered: {}", lines(&file.not_covered)),
            };
            let _ = writeln!(
                out,
                "  {:width$}  {:5.1}%  ({}/{}){missing}",
                file.file,
                file.percent(),
                file.covered,
                file.lines
            );
        }
        let _ = write!(out, "  total {:.1}%", report.total_percent());
        match threshold {
            Some(t) => {
                let _ = writeln!(out, " (threshold {t:.1}%)");
            }
            None => out.push('\n'),
        }
    }
    let count =
        |r: fn(&TestResult) -> bool| report.outcomes.iter().filter(|t| r(&t.result)).count();
    let errors = count(|r| matches!(r, TestResult::Error(_)));
    if errors > 0 {
        let _ = writeln!(out, "\n{errors} tests could not be evaluated");
    }
    let _ = writeln!(
        out,
        "\n{} passed, {} failed",
        count(|r| *r == TestResult::Pass),
        count(|r| *r == TestResult::Fail)
    );
    out
}

/// `3, 7-9, 12`.
fn lines(numbers: &[u32]) -> String {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for &n in numbers {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == n => *end = n,
            _ => ranges.push((n, n)),
        }
    }
    ranges
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
