//! The terminal format: findings grouped by file, each with its source line,
//! then inputs that could not be checked, then a summary line.

use codespan_reporting::diagnostic::Severity as Level;
use termcolor::{ColorSpec, WriteColor};

use super::errors::write_error;
use super::shared::{self, plural, summary_line};
use super::snippet::Snippet;
use super::RenderOptions;
use crate::check::CheckReport;
use crate::rule::RuleScope;
use crate::severity::Severity;

/// The findings and problems; unless `quiet`, the assessments and the
/// summary line too.
pub fn write_human(
    report: &CheckReport,
    options: &RenderOptions,
    out: &mut dyn WriteColor,
) -> std::io::Result<()> {
    write_findings(report, out)?;
    if options.quiet {
        return Ok(());
    }
    assessments(report, out)?;
    summary(report, out)
}

/// The findings by file, and the problems.
fn write_findings(report: &CheckReport, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let ordered = shared::ordered(report);
    for findings in ordered.chunk_by(|a, b| a.file.name() == b.file.name()) {
        out.set_color(ColorSpec::new().set_bold(true).set_underline(true))?;
        write!(out, "{}", findings[0].file.name())?;
        out.reset()?;
        writeln!(out, " ({})", plural(findings.len(), "finding"))?;
        for &finding in findings {
            let about = match finding.rule.scope {
                RuleScope::Srm => "srm",
                RuleScope::Portfolio => "provider",
            };
            let mut notes = vec![format!("{about}: {}", finding.srm)];
            if !finding.rule.remediation.is_empty() {
                notes.push(format!("help: {}", finding.rule.remediation.trim()));
            }
            let message = shared::message(finding);
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
                "  maturity {} ({}{})",
                maturity["level"],
                maturity["name"].as_str().unwrap_or(""),
                lens_levels(maturity)
            ));
        }
        if let Some(sprs) = srm.assessments.get("sprs") {
            line.push_str(&sprs_summary(sprs));
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

/// Each lens's level, by name order: `; infrastructure 2, soc 3`.
fn lens_levels(maturity: &serde_json::Value) -> String {
    let Some(lenses) = maturity["lenses"].as_object() else {
        return String::new();
    };
    let levels: Vec<String> = lenses
        .iter()
        .map(|(lens, result)| format!("{lens} {}", result["level"]))
        .collect();
    format!("; {}", levels.join(", "))
}

fn summary(report: &CheckReport, out: &mut dyn WriteColor) -> std::io::Result<()> {
    out.set_color(ColorSpec::new().set_bold(true))?;
    write!(out, "{}", summary_line(report))?;
    out.reset()?;
    writeln!(out, ".")
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Note,
    }
}

/// `  SPRS 107 (1 practice not met; Level 2 conditional)`, or no score
/// without a system security plan.
fn sprs_summary(sprs: &serde_json::Value) -> String {
    let lost = sprs["costs"].as_array().map_or(0, Vec::len);
    let status = sprs["status"].as_str().unwrap_or("none");
    match sprs["score"].as_i64() {
        Some(score) => format!(
            "  SPRS {score} ({} not met; Level 2 {status})",
            plural(lost, "practice")
        ),
        None => "  SPRS no score (no system security plan, CA.L2-3.12.4)".to_owned(),
    }
}
