//! `--format junit`: JUnit XML for CI test reports. One `<testsuite>` per SRM
//! file with one `<testcase>` per rule (`classname` the file, `name` the rule
//! id), failing with the rule's findings; portfolio rules in a suite for each
//! provider file they found something in; problems that kept inputs from
//! being checked as `<error>` cases of a suite named `srmcheck`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use termcolor::WriteColor;

use super::shared::{self, one_line, worst};
use crate::check::CheckReport;
use crate::finding::Finding;
use crate::rule::{Rule, RuleScope};

/// One `<testsuite>`.
struct Suite<'a> {
    name: String,
    cases: Vec<Case<'a>>,
}

/// One `<testcase>`: a rule on a file, or a problem.
struct Case<'a> {
    classname: String,
    name: String,
    outcome: Outcome<'a>,
}

enum Outcome<'a> {
    /// The rule's findings on the file; excepted ones do not fail the case.
    Rule(Vec<&'a Finding>),
    Problem(shared::Problem),
}

impl Case<'_> {
    fn failed(&self) -> bool {
        matches!(&self.outcome, Outcome::Rule(findings) if worst(findings.iter().copied()).is_some())
    }

    fn errored(&self) -> bool {
        matches!(self.outcome, Outcome::Problem(_))
    }
}

pub fn write(report: &CheckReport, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let suites = suites(report);
    let count = |f: fn(&Case) -> bool| -> usize {
        suites
            .iter()
            .map(|s| s.cases.iter().filter(|c| f(c)).count())
            .sum()
    };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<testsuites name=\"srmcheck\" tests=\"{}\" failures=\"{}\" errors=\"{}\">",
        count(|_| true),
        count(|c| c.failed()),
        count(|c| c.errored())
    );
    for suite in &suites {
        write_suite(&mut xml, suite);
    }
    xml.push_str("</testsuites>\n");
    out.write_all(xml.as_bytes())
}

fn suites(report: &CheckReport) -> Vec<Suite<'_>> {
    let rules = |scope: RuleScope| -> Vec<&Rule> {
        shared::rules(report)
            .into_iter()
            .filter(|r| r.scope == scope)
            .collect()
    };
    // SRM findings by the file of their SRM (they may point into its
    // provider or environment file); portfolio findings by provider file.
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for srm in &report.srms {
        by_file
            .entry(srm.file.as_str())
            .or_default()
            .extend(&srm.findings);
    }
    let mut portfolio: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for finding in &report.portfolio {
        portfolio
            .entry(finding.file.name())
            .or_default()
            .push(finding);
    }
    let mut suites = Vec::new();
    for (groups, scope) in [(by_file, RuleScope::Srm), (portfolio, RuleScope::Portfolio)] {
        let rules = rules(scope);
        for (file, mut findings) in groups {
            findings.sort_by(|a, b| a.cmp_place(b));
            let cases = rules
                .iter()
                .map(|rule| Case {
                    classname: file.to_owned(),
                    name: rule.id.clone(),
                    outcome: Outcome::Rule(
                        findings
                            .iter()
                            .copied()
                            .filter(|f| f.rule.id == rule.id)
                            .collect(),
                    ),
                })
                .collect();
            suites.push(Suite {
                name: file.to_owned(),
                cases,
            });
        }
    }
    let problems = shared::problems(report);
    if !problems.is_empty() {
        let cases = problems
            .into_iter()
            .enumerate()
            .map(|(i, problem)| Case {
                classname: "srmcheck".to_owned(),
                name: problem
                    .location()
                    .unwrap_or_else(|| format!("problem {}", i + 1)),
                outcome: Outcome::Problem(problem),
            })
            .collect();
        suites.push(Suite {
            name: "srmcheck".to_owned(),
            cases,
        });
    }
    suites
}

fn write_suite(xml: &mut String, suite: &Suite) {
    let failures = suite.cases.iter().filter(|c| c.failed()).count();
    let errors = suite.cases.iter().filter(|c| c.errored()).count();
    let _ = writeln!(
        xml,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">",
        escape(&suite.name),
        suite.cases.len()
    );
    for case in &suite.cases {
        let _ = write!(
            xml,
            "    <testcase classname=\"{}\" name=\"{}\"",
            escape(&case.classname),
            escape(&case.name)
        );
        match &case.outcome {
            Outcome::Rule(findings) if findings.is_empty() => xml.push_str("/>\n"),
            Outcome::Rule(findings) => {
                xml.push_str(">\n");
                let (counted, excepted): (Vec<&Finding>, Vec<&Finding>) =
                    findings.iter().partition(|f| !f.excepted);
                if let Some(severity) = worst(counted.iter().copied()) {
                    let message = match counted.as_slice() {
                        [one] => one.message.clone(),
                        many => format!("{} findings", many.len()),
                    };
                    let _ = writeln!(
                        xml,
                        "      <failure message=\"{}\" type=\"{severity}\">{}</failure>",
                        escape(&message),
                        escape_text(&lines(&counted))
                    );
                }
                if !excepted.is_empty() {
                    let _ = writeln!(
                        xml,
                        "      <system-out>{}</system-out>",
                        escape_text(&lines(&excepted))
                    );
                }
                xml.push_str("    </testcase>\n");
            }
            Outcome::Problem(problem) => {
                let mut text = problem.located_message();
                if let Some(hint) = &problem.hint {
                    let _ = write!(text, "\nhelp: {hint}");
                }
                let _ = writeln!(
                    xml,
                    ">\n      <error message=\"{}\" type=\"problem\">{}</error>\n    </testcase>",
                    escape(&problem.message),
                    escape_text(&text)
                );
            }
        }
    }
    xml.push_str("  </testsuite>\n");
}

/// The findings, one `path:line:col: severity[rule-id] message` line each.
fn lines(findings: &[&Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{} (srm {})", one_line(f), f.srm))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Element content: as [`escape`], but line breaks and tabs kept as they are.
fn escape_text(text: &str) -> String {
    escape(text).replace("&#10;", "\n").replace("&#9;", "\t")
}

/// Text for an XML attribute value. Line breaks and tabs survive as
/// character references; characters XML 1.0 cannot hold at all (most control
/// characters) become U+FFFD.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'.. => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, escape_text};

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape("a < b & \"c\" > 'd'"),
            "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;"
        );
        assert_eq!(escape("x\ny\tz\r"), "x&#10;y&#9;z&#13;");
        assert_eq!(escape_text("x\ny\tz\r"), "x\ny\tz&#13;");
        assert_eq!(escape("bell\u{7}\u{FFFE}é"), "bell\u{FFFD}\u{FFFD}é");
    }
}
