//! What the one-line and machine-readable formats share: findings in reading
//! order, their places, and the problems that kept inputs from being checked.

pub use crate::problem::Problem;
use sha2::{Digest, Sha256};

use crate::check::CheckReport;
use crate::finding::Finding;
use crate::rule::Rule;
use crate::severity::{Levels, Severity, EXCEPTED_LEVELS};

/// Appended to the message of a finding about a control with a current exception.
pub const EXCEPTED: &str = "excepted: the control has a current exception";

/// Every finding in the order of the human format: by file, place, rule,
/// then message (portfolio findings among the others, by their file).
pub fn ordered(report: &CheckReport) -> Vec<&Finding> {
    let mut findings: Vec<&Finding> = report.findings().collect();
    sort(&mut findings);
    findings
}

/// Puts findings in the order of the human format: the one order every
/// format prints findings in.
pub fn sort(findings: &mut [&Finding]) {
    findings.sort_by(|a, b| a.cmp_place(b));
}

/// The rules of the run by id, as `srmcheck rules` lists them.
pub fn rules(report: &CheckReport) -> Vec<&Rule> {
    let mut rules: Vec<&Rule> = report.rules.iter().map(|r| &**r).collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    rules
}

/// How the machine formats name the finding's severity; excepted findings
/// are named as notes, whatever the rule's severity.
pub fn levels(finding: &Finding) -> Levels {
    match finding.excepted {
        true => EXCEPTED_LEVELS,
        false => finding.severity.levels(),
    }
}

/// Whether the finding fails the run at `fail_on` (never when excepted).
pub fn fails(finding: &Finding, fail_on: Option<Severity>) -> bool {
    !finding.excepted && fail_on.is_some_and(|level| finding.severity >= level)
}

/// A fingerprint per finding that stays when lines move: a SHA-256 of the
/// rule, the SRM and the control the finding is about (or, without one, its
/// JSON pointer), never its line. Findings that share all three are told
/// apart by their rank among them, in reading order.
pub fn fingerprints(findings: &[&Finding]) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    findings
        .iter()
        .map(|finding| {
            let about = match &finding.control {
                Some((framework, control)) => format!("control\0{framework}\0{control}"),
                None => format!("pointer\0{}", finding.pointer),
            };
            let key = format!("{}\0{}\0{about}", finding.rule.id, finding.srm);
            let rank = seen.entry(key.clone()).or_default();
            *rank += 1;
            let text = match *rank {
                1 => key,
                n => format!("{key}\0{n}"),
            };
            digest(&text)
        })
        .collect()
}

/// The SHA-256 of `text`, in lower-case hex.
pub fn digest(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
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

/// `Checked 3 SRMs in 5 files: 2 errors, 1 warning; 1 problem kept inputs
/// from being checked` (without the full stop).
pub fn summary_line(report: &CheckReport) -> String {
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

/// `1 finding`, `2 findings`.
pub fn plural(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{n} {noun}s"),
    }
}

/// The problems of the run, in reading order.
pub fn problems(report: &CheckReport) -> Vec<Problem> {
    report.errors.clone()
}
