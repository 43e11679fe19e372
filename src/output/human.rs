//! The terminal format: findings grouped by file, each with its source line,
//! then inputs that could not be checked, then a summary line.

use std::collections::BTreeMap;

use codespan_reporting::diagnostic::Severity as Level;
use termcolor::{ColorSpec, WriteColor};

use super::errors::write_error;
use super::snippet::Snippet;
use crate::check::CheckReport;
use crate::finding::Finding;
use crate::rule::RuleScope;
use crate::severity::Severity;

pub fn write_human(report: &CheckReport, out: &mut dyn WriteColor) -> std::io::Result<()> {
    write_findings(report, out)?;
    assessments(report, out)?;
    summary(report, out)
}

/// `--quiet`: the findings and the problems, nothing else.
pub fn write_findings(report: &CheckReport, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for finding in report.findings() {
        by_file
            .entry(finding.file.name())
            .or_default()
            .push(finding);
    }
    for (name, findings) in &by_file {
        out.set_color(ColorSpec::new().set_bold(true).set_underline(true))?;
        write!(out, "{name}")?;
        out.reset()?;
        writeln!(out, " ({})", plural(findings.len(), "finding"))?;
        let mut findings = findings.clone();
        findings.sort_by(|a, b| a.cmp_place(b));
        for finding in findings {
            let about = match finding.rule.scope {
                RuleScope::Srm => "srm",
                RuleScope::Portfolio => "provider",
            };
            let mut notes = vec![format!("{about}: {}", finding.srm)];
            if !finding.rule.remediation.is_empty() {
                notes.push(format!("help: {}", finding.rule.remediation.trim()));
            }
            let message = match finding.excepted {
                true => format!(
                    "{} (excepted: the control has a current exception)",
                    finding.message
                ),
                false => finding.message.clone(),
            };
            Snippet {
                level: match finding.excepted {
                    true => Level::Note,
                    false => level(finding.severity),
                },
                code: Some(&finding.rule.id),
                message: &message,
                file: &finding.file,
                span: finding.span,
                notes,
            }
            .write(out)?;
        }
    }
    for error in &report.errors {
        write_error(out, error)?;
    }
    Ok(())
}

/// One line per SRM with its partnership maturity and, on CMMC Level 2, its
/// SPRS score; then the steps to the next maturity level.
fn assessments(report: &CheckReport, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let mut srms: Vec<_> = report
        .srms
        .iter()
        .filter(|s| !s.assessments.is_empty())
        .collect();
    srms.sort_by(|a, b| (&a.file, &a.name).cmp(&(&b.file, &b.name)));
    let width = srms.iter().map(|s| s.name.len()).max().unwrap_or(0);
    for srm in srms {
        let mut line = format!("{:width$}", srm.name);
        let maturity = srm.assessments.get("maturity");
        if let Some(maturity) = maturity {
            line.push_str(&format!(
                "  maturity {} ({})",
                maturity["level"],
                maturity["name"].as_str().unwrap_or("")
            ));
        }
        if let Some(sprs) = srm.assessments.get("sprs") {
            let lost = sprs["costs"].as_array().map_or(0, Vec::len);
            line.push_str(&format!(
                "  SPRS {} ({} without a capable owner)",
                sprs["score"],
                plural(lost, "practice")
            ));
        }
        writeln!(out, "{line}")?;
        let steps = maturity
            .and_then(|m| m["next"].as_array())
            .into_iter()
            .flatten();
        for step in steps.filter_map(|s| s.as_str()) {
            writeln!(out, "{:width$}    next: {step}", "")?;
        }
    }
    if !report.srms.iter().all(|s| s.assessments.is_empty()) {
        writeln!(out)?;
    }
    Ok(())
}

fn summary(report: &CheckReport, out: &mut dyn WriteColor) -> std::io::Result<()> {
    out.set_color(ColorSpec::new().set_bold(true))?;
    write!(out, "{}", summary_line(report))?;
    out.reset()?;
    writeln!(out, ".")
}

/// `Checked 3 SRMs in 5 files: 2 errors, 1 warning; 1 problem kept inputs
/// from being checked` (without the full stop).
pub(super) fn summary_line(report: &CheckReport) -> String {
    let mut counts = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .map(|s| (s, report.count(s)))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| plural(n, s.as_str()))
        .collect::<Vec<_>>();
    if report.excepted() > 0 {
        counts.push(format!("{} excepted", report.excepted()));
    }
    let findings = match counts.is_empty() {
        true => "no findings".to_owned(),
        false => counts.join(", "),
    };
    let mut line = format!(
        "Checked {} in {}: {findings}",
        plural(report.srms.len(), "SRM"),
        plural(report.files, "file")
    );
    if !report.errors.is_empty() {
        line.push_str(&format!(
            "; {} kept inputs from being checked",
            plural(report.errors.len(), "problem")
        ));
    }
    line
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Note,
    }
}

fn plural(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{n} {noun}s"),
    }
}
