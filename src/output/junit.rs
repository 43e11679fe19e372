//! `--format junit`: JUnit XML for CI test reports. One `<testsuite>` per SRM
//! file with one `<testcase>` per rule (`classname` the file, `name` the rule
//! id), failing with the rule's findings at or above `--fail-on` (the others,
//! and excepted ones, are the case's `<system-out>`); portfolio rules in a
//! suite for each provider file they found something in; problems that kept
//! inputs from being checked as `<error>` cases of a suite named `srmcheck`.
//! Suites are stamped with midnight UTC of `--as-of` and take no time, so
//! that the same inputs give the same report.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use termcolor::WriteColor;

use super::shared::{self, fails, one_line};
use super::RenderOptions;
use crate::check::CheckReport;
use crate::finding::Finding;
use crate::rule::{Rule, RuleScope};
use crate::severity::Severity;

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
    /// The rule's findings on the file: those that fail the run, and the
    /// others (below `--fail-on`, or excepted).
    Rule {
        failing: Vec<&'a Finding>,
        passing: Vec<&'a Finding>,
    },
    Problem(shared::Problem),
}

impl Case<'_> {
    fn failed(&self) -> bool {
        matches!(&self.outcome, Outcome::Rule { failing, .. } if !failing.is_empty())
    }

    fn errored(&self) -> bool {
        matches!(self.outcome, Outcome::Problem(_))
    }
}

pub fn write(
    report: &CheckReport,
    options: &RenderOptions,
    out: &mut dyn WriteColor,
) -> std::io::Result<()> {
    let suites = suites(report, options.fail_on);
    // Midnight UTC of the date the run judged by, in the form Ant writes.
    let timestamp = report
        .as_of
        .map(|date| format!(" timestamp=\"{date}T00:00:00\""))
        .unwrap_or_default();
    let count = |f: fn(&Case) -> bool| -> usize {
        suites
            .iter()
            .map(|s| s.cases.iter().filter(|c| f(c)).count())
            .sum()
    };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<testsuites name=\"srmcheck\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"0\">",
        count(|_| true),
        count(|c| c.failed()),
        count(|c| c.errored())
    );
    for suite in &suites {
        write_suite(&mut xml, suite, &timestamp);
    }
    xml.push_str("</testsuites>\n");
    out.write_all(xml.as_bytes())
}

fn suites(report: &CheckReport, fail_on: Option<Severity>) -> Vec<Suite<'_>> {
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
            shared::sort(&mut findings);
            let cases = rules
                .iter()
                .map(|rule| {
                    let (failing, passing) = findings
                        .iter()
                        .copied()
                        .filter(|f| f.rule.id == rule.id)
                        .partition(|f| fails(f, fail_on));
                    Case {
                        classname: file.to_owned(),
                        name: rule.id.clone(),
                        outcome: Outcome::Rule { failing, passing },
                    }
                })
                .collect();
            suites.push(Suite {
                name: file.to_owned(),
                cases,
            });
        }
    }
    suites.extend(problem_suite(report));
    suites
}

/// The problems as the error cases of a suite named `srmcheck`, if any.
fn problem_suite(report: &CheckReport) -> Option<Suite<'static>> {
    let problems = shared::problems(report);
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
        .collect::<Vec<_>>();
    (!cases.is_empty()).then(|| Suite {
        name: "srmcheck".to_owned(),
        cases,
    })
}

fn write_suite(xml: &mut String, suite: &Suite, timestamp: &str) {
    let failures = suite.cases.iter().filter(|c| c.failed()).count();
    let errors = suite.cases.iter().filter(|c| c.errored()).count();
    let _ = writeln!(
        xml,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\" time=\"0\"{timestamp}>",
        escape(&suite.name),
        suite.cases.len()
    );
    for case in &suite.cases {
        let _ = write!(
            xml,
            "    <testcase classname=\"{}\" name=\"{}\" time=\"0\"",
            escape(&case.classname),
            escape(&case.name)
        );
        match &case.outcome {
            Outcome::Rule { failing, passing } if failing.is_empty() && passing.is_empty() => {
                xml.push_str("/>\n")
            }
            Outcome::Rule { failing, passing } => {
                xml.push_str(">\n");
                if let Some(worst) = failing.iter().map(|f| f.severity).max() {
                    let message = match failing.as_slice() {
                        [one] => one.message.clone(),
                        many => format!("{} findings", many.len()),
                    };
                    let _ = writeln!(
                        xml,
                        "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                        escape(&message),
                        worst.levels().junit,
                        escape_text(&lines(failing))
                    );
                }
                if !passing.is_empty() {
                    let _ = writeln!(
                        xml,
                        "      <system-out>{}</system-out>",
                        escape_text(&lines(passing))
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
    use crate::output::test_report::{render, report};
    use crate::output::{Format, RenderOptions};
    use crate::severity::Severity;

    /// The `(rule, outcome)` of each case with findings, outcome being
    /// `failure` or `system-out`.
    fn outcomes(fail_on: Option<Severity>) -> Vec<(String, String)> {
        let options = RenderOptions {
            fail_on,
            quiet: false,
        };
        let text = render(Format::Junit, &report(), &options);
        let xml = roxmltree::Document::parse(&text).expect("XML");
        xml.descendants()
            .filter(|n| n.has_tag_name("failure") || n.has_tag_name("system-out"))
            .map(|n| {
                let case = n.parent().and_then(|c| c.attribute("name")).unwrap_or("");
                (case.to_owned(), n.tag_name().name().to_owned())
            })
            .collect()
    }

    #[test]
    fn findings_fail_at_or_above_fail_on_only() {
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            outcomes(Some(Severity::Error)),
            pairs(&[
                ("review-late", "system-out"),
                ("uncovered-duty", "failure"),
                ("uncovered-duty", "system-out"),
                ("raci-one-accountable", "system-out"),
                ("uncovered-duty", "failure"),
                ("unknown-party", "failure"),
                ("portfolio-overload", "system-out"),
            ])
        );
        let at_warning = outcomes(Some(Severity::Warning));
        assert!(at_warning.contains(&("review-late".into(), "failure".into())));
        assert!(at_warning.contains(&("portfolio-overload".into(), "failure".into())));
        assert!(at_warning.contains(&("raci-one-accountable".into(), "system-out".into())));
        assert!(outcomes(None)
            .iter()
            .all(|(_, outcome)| outcome == "system-out"));
    }

    #[test]
    fn suites_are_stamped_with_the_as_of_date_and_no_time() {
        let text = render(Format::Junit, &report(), &RenderOptions::default());
        let xml = roxmltree::Document::parse(&text).expect("XML");
        let suites: Vec<_> = xml
            .descendants()
            .filter(|n| n.has_tag_name("testsuite"))
            .collect();
        assert_eq!(suites.len(), 4);
        for suite in suites {
            assert_eq!(suite.attribute("time"), Some("0"));
            if suite.attribute("name") != Some("srmcheck") {
                assert_eq!(suite.attribute("timestamp"), Some("2026-11-22T00:00:00"));
            }
        }
        let failures = |fail_on| {
            let text = render(
                Format::Junit,
                &report(),
                &RenderOptions {
                    fail_on,
                    quiet: false,
                },
            );
            let xml = roxmltree::Document::parse(&text)
                .expect("XML")
                .root_element()
                .attribute("failures")
                .map(str::to_owned);
            xml
        };
        assert_eq!(failures(Some(Severity::Error)).as_deref(), Some("3"));
        assert_eq!(failures(Some(Severity::Warning)).as_deref(), Some("5"));
    }

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
