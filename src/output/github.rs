//! `--format github`: GitHub Actions workflow commands, which annotate the
//! lines of a pull request: `::error file=PATH,line=L,col=C,endLine=..,
//! endColumn=..,title=RULE::MESSAGE` (`warning`, `notice` for the other
//! severities and for excepted findings), each SRM's inside a
//! `::group::NAME` ... `::endgroup::` fold; then the problems and the summary
//! line. GitHub shows only ten errors and ten warnings of a step, so the run
//! also has a Markdown summary for the job's page ([`step_summary`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use termcolor::WriteColor;

use super::shared::{self, levels, message, region, summary_line};
use super::RenderOptions;
use crate::check::CheckReport;
use crate::finding::Finding;
use crate::severity::Severity;

pub fn write(
    report: &CheckReport,
    _: &RenderOptions,
    out: &mut dyn WriteColor,
) -> std::io::Result<()> {
    for (name, findings) in groups(report) {
        writeln!(out, "::group::{}", escape_data(&name))?;
        for finding in findings {
            annotate(finding, out)?;
        }
        writeln!(out, "::endgroup::")?;
    }
    for problem in shared::problems(report) {
        let mut properties = Vec::new();
        if let Some(file) = &problem.file {
            properties.push(("file", file.clone()));
        }
        if let Some(position) = problem.position() {
            properties.push(("line", position.line.to_string()));
            properties.push(("col", position.column.to_string()));
        }
        properties.push(("title", "srmcheck".to_owned()));
        let mut text = problem.message.clone();
        if let Some(hint) = &problem.hint {
            text.push_str(&format!("\nhelp: {hint}"));
        }
        writeln!(out, "::error {}::{}", join(&properties), escape_data(&text))?;
    }
    writeln!(out, "{}.", summary_line(report))
}

/// The findings of each SRM, SRMs by file then name, then the portfolio
/// findings of each provider (`NAME (portfolio)`); each in reading order.
fn groups(report: &CheckReport) -> Vec<(String, Vec<&Finding>)> {
    let mut srms: Vec<_> = report.srms.iter().collect();
    srms.sort_by(|a, b| (&a.file, &a.name).cmp(&(&b.file, &b.name)));
    let mut groups: Vec<(String, Vec<&Finding>)> = srms
        .into_iter()
        .map(|srm| (srm.name.clone(), srm.findings.iter().collect()))
        .collect();
    let mut providers: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for finding in &report.portfolio {
        providers.entry(&finding.srm).or_default().push(finding);
    }
    for (provider, findings) in providers {
        groups.push((format!("{provider} (portfolio)"), findings));
    }
    groups.retain(|(_, findings)| !findings.is_empty());
    for (_, findings) in &mut groups {
        shared::sort(findings);
    }
    groups
}

fn annotate(finding: &Finding, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let region = region(finding);
    let properties = [
        ("file", finding.file.name().to_owned()),
        ("line", region.line.to_string()),
        ("col", region.column.to_string()),
        ("endLine", region.end_line.to_string()),
        ("endColumn", region.end_column.to_string()),
        ("title", finding.rule.id.clone()),
    ];
    writeln!(
        out,
        "::{} {}::{}",
        levels(finding).github,
        join(&properties),
        escape_data(&message(finding))
    )
}

/// The Markdown summary of a run for `$GITHUB_STEP_SUMMARY`: the summary
/// line, then the findings counted per rule and per SRM, worst first.
pub fn step_summary(report: &CheckReport) -> String {
    let mut out = format!("## srmcheck\n\n{}.\n", summary_line(report));
    let mut rules = super::statistics::counts(report);
    rules.sort_by(|a, b| (b.severity, b.count, a.rule).cmp(&(a.severity, a.count, b.rule)));
    if !rules.is_empty() {
        out.push_str("\n| rule | severity | findings | excepted |\n|---|---|--:|--:|\n");
        for rule in &rules {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                rule.rule, rule.severity, rule.count, rule.excepted
            );
        }
    }
    let srms = per_srm(report);
    if !srms.is_empty() {
        out.push_str("\n| SRM | errors | warnings | infos | excepted |\n|---|--:|--:|--:|--:|\n");
        for (name, [errors, warnings, infos, excepted]) in srms {
            let _ = writeln!(
                out,
                "| {} | {errors} | {warnings} | {infos} | {excepted} |",
                escape_cell(&name)
            );
        }
    }
    out
}

/// Each group's counts of errors, warnings, infos and excepted findings,
/// most errors first, then most warnings, most infos, then by name.
fn per_srm(report: &CheckReport) -> Vec<(String, [usize; 4])> {
    let mut rows: Vec<(String, [usize; 4])> = groups(report)
        .into_iter()
        .map(|(name, findings)| {
            let count = |severity| {
                let of = |f: &&&Finding| !f.excepted && f.severity == severity;
                findings.iter().filter(of).count()
            };
            let excepted = findings.iter().filter(|f| f.excepted).count();
            let counts = [
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Info),
                excepted,
            ];
            (name, counts)
        })
        .collect();
    rows.sort_by(|(a, x), (b, y)| y[..3].cmp(&x[..3]).then_with(|| a.cmp(b)));
    rows
}

/// A Markdown table cell: `|` escaped, line breaks as spaces.
fn escape_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn join(properties: &[(&str, String)]) -> String {
    properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect::<Vec<_>>()
        .join(",")
}

/// The message of a workflow command: `%`, CR and LF are escaped.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value of a workflow command: as data, and `:` and `,` too.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::test_report::{render, report};
    use crate::output::Format;

    #[test]
    fn annotations_are_grouped_by_srm() {
        let text = render(Format::Github, &report(), &RenderOptions::default());
        let lines: Vec<&str> = text
            .lines()
            .map(|l| l.split(" file=").next().unwrap_or(l))
            .collect();
        assert_eq!(
            lines,
            [
                "::group::alpha",
                "::error",
                "::notice",
                "::warning",
                "::endgroup::",
                "::group::beta",
                "::error",
                "::notice",
                "::error",
                "::endgroup::",
                "::group::acme-mssp (portfolio)",
                "::warning",
                "::endgroup::",
                "::error",
                "Checked 2 SRMs in 4 files: 3 errors, 2 warnings, 2 excepted; 1 problem kept inputs from being checked.",
            ]
        );
    }

    #[test]
    fn the_step_summary_counts_per_rule_and_per_srm_worst_first() {
        insta::assert_snapshot!(step_summary(&report()), @r"
        ## srmcheck

        Checked 2 SRMs in 4 files: 3 errors, 2 warnings, 2 excepted; 1 problem kept inputs from being checked.

        | rule | severity | findings | excepted |
        |---|---|--:|--:|
        | `uncovered-duty` | error | 2 | 1 |
        | `unknown-party` | error | 1 | 0 |
        | `portfolio-overload` | warning | 1 | 0 |
        | `review-late` | warning | 1 | 0 |
        | `raci-one-accountable` | info | 0 | 1 |

        | SRM | errors | warnings | infos | excepted |
        |---|--:|--:|--:|--:|
        | beta | 2 | 0 | 0 | 1 |
        | alpha | 1 | 1 | 0 | 1 |
        | acme-mssp (portfolio) | 0 | 1 | 0 | 0 |
        ");
    }

    #[test]
    fn escapes_as_the_actions_toolkit_does() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
        assert_eq!(
            escape_property("dir,x/a:b%.yaml\n"),
            "dir%2Cx/a%3Ab%25.yaml%0A"
        );
    }
}
