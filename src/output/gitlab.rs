//! `--format gitlab`: a GitLab Code Quality report (the `codequality`
//! artifact of a job), shown in the merge request: a JSON array of issues
//! `{description, check_name, fingerprint, severity, location: {path,
//! lines: {begin}}}`. The fingerprint is the one SARIF gives, so an issue
//! stays the same issue when lines move. Problems that kept inputs from
//! being checked are `blocker` issues named `srmcheck`.

use serde::Serialize;
use termcolor::WriteColor;

use super::shared::{self, levels, message, region, Problem};
use super::RenderOptions;
use crate::check::CheckReport;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    /// `info`, `minor`, `major`, `critical` or `blocker`.
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

pub fn write(
    report: &CheckReport,
    _: &RenderOptions,
    out: &mut dyn WriteColor,
) -> std::io::Result<()> {
    let findings = shared::ordered(report);
    let fingerprints = shared::fingerprints(&findings);
    let mut issues: Vec<Issue> = findings
        .into_iter()
        .zip(fingerprints)
        .map(|(finding, fingerprint)| Issue {
            description: message(finding),
            check_name: &finding.rule.id,
            fingerprint,
            severity: levels(finding).gitlab,
            location: Location {
                path: finding.file.name().to_owned(),
                lines: Lines {
                    begin: region(finding).line,
                },
            },
        })
        .collect();
    issues.extend(shared::problems(report).into_iter().map(problem));
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

/// A problem as an issue on its file (`.` when it has none), fingerprinted
/// by its place and message.
fn problem<'a>(problem: Problem) -> Issue<'a> {
    let mut description = problem.message.clone();
    if let Some(hint) = &problem.hint {
        description.push_str(&format!(" (help: {hint})"));
    }
    let begin = problem.position().map_or(1, |p| p.line);
    Issue {
        fingerprint: shared::digest(&problem.located_message()),
        description,
        check_name: "srmcheck",
        severity: "blocker",
        location: Location {
            path: problem.file.unwrap_or_else(|| ".".to_owned()),
            lines: Lines { begin },
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::output::test_report::{json, moved, report};
    use crate::output::Format;

    #[test]
    fn issues_have_the_code_quality_shape() {
        let issues = json(Format::Gitlab, &report());
        let issues = issues.as_array().expect("an array");
        assert_eq!(issues.len(), 8);
        for issue in issues {
            let keys: Vec<&str> = issue
                .as_object()
                .expect("object")
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(
                keys,
                [
                    "description",
                    "check_name",
                    "fingerprint",
                    "severity",
                    "location"
                ]
            );
            assert!(issue["location"]["path"].is_string());
            assert!(issue["location"]["lines"]["begin"]
                .as_u64()
                .is_some_and(|l| l >= 1));
            assert!(["info", "minor", "major", "critical", "blocker"]
                .contains(&issue["severity"].as_str().expect("severity")));
        }
        let severities: Vec<&str> = issues
            .iter()
            .map(|i| i["severity"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(
            severities,
            ["critical", "info", "major", "critical", "info", "critical", "major", "blocker"]
        );
        assert_eq!(
            issues[1]["description"],
            "control A.5.8 is not covered (excepted: the control has a current exception)"
        );
        assert_eq!(issues[7]["check_name"], "srmcheck");
        assert_eq!(issues[7]["location"]["path"], "clients/broken.yaml");
        assert_eq!(issues[7]["location"]["lines"]["begin"], 6);
    }

    #[test]
    fn fingerprints_stay_when_a_line_is_inserted_above() {
        let (before, after) = (
            json(Format::Gitlab, &report()),
            json(Format::Gitlab, &moved()),
        );
        let findings = |issues: &serde_json::Value| -> Vec<(String, u64)> {
            issues.as_array().expect("array")[..7]
                .iter()
                .map(|i| {
                    (
                        i["fingerprint"].as_str().expect("hex").to_owned(),
                        i["location"]["lines"]["begin"].as_u64().expect("line"),
                    )
                })
                .collect()
        };
        let (before, after) = (findings(&before), findings(&after));
        for ((print, line), (moved_print, moved_line)) in before.iter().zip(&after) {
            assert_eq!(print, moved_print);
            assert_eq!(line + 1, *moved_line);
        }
        let sarif = json(Format::Sarif, &report());
        assert_eq!(
            sarif["runs"][0]["results"][0]["partialFingerprints"]["srmcheckFinding/v1"].as_str(),
            Some(before[0].0.as_str()),
            "the fingerprint SARIF gives"
        );
    }
}
