//! `--format sarif`: SARIF 2.1.0, one run, for code scanning. The rules
//! table comes from the rules' metadata (help in text and Markdown, a
//! `security-severity` GitHub ranks alerts by); each result carries a
//! fingerprint that survives lines moving; paths are relative to
//! `%SRCROOT%`, the folder srmcheck ran in. Problems that kept inputs from
//! being checked are the invocation's tool execution notifications.

use std::collections::BTreeMap;

use serde::Serialize;
use termcolor::WriteColor;

use super::shared::{self, region, Problem, EXCEPTED};
use super::RenderOptions;
use crate::check::CheckReport;
use crate::finding::Finding;
use crate::rule::Rule;

/// The base the relative paths of a log are relative to.
const SRCROOT: &str = "%SRCROOT%";
/// The key of srmcheck's fingerprint in `partialFingerprints`.
const FINGERPRINT: &str = "srmcheckFinding/v1";

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: [Invocation; 1],
    original_uri_base_ids: BTreeMap<&'static str, BaseUri>,
    /// Columns count characters, as srmcheck's do everywhere.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Descriptor<'a>>,
}

/// A `originalUriBaseIds` entry: the working directory, left unnamed so that
/// the log is the same wherever the repository is checked out.
#[derive(Serialize)]
struct BaseUri {
    description: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'a> {
    id: &'a str,
    name: String,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Text>,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct Text {
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<String>,
}

impl Text {
    fn plain(text: impl Into<String>) -> Self {
        Text {
            text: text.into(),
            markdown: None,
        }
    }
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    /// `security` and the rule's frameworks: GitHub reads `security-severity`
    /// of rules tagged `security` only.
    tags: Vec<&'a str>,
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    /// The problem's code (`unknown-control`).
    descriptor: NotificationId,
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Hint>,
}

#[derive(Serialize)]
struct NotificationId {
    id: &'static str,
}

#[derive(Serialize)]
struct Hint {
    hint: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
}

#[derive(Serialize)]
struct Suppression {
    /// The exception is written in the SRM itself.
    kind: &'static str,
    justification: &'static str,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    srm: &'a str,
    pointer: &'a str,
}

pub fn write(
    report: &CheckReport,
    _: &RenderOptions,
    out: &mut dyn WriteColor,
) -> std::io::Result<()> {
    let problems = shared::problems(report);
    let rules = shared::rules(report);
    let findings = shared::ordered(report);
    let fingerprints = shared::fingerprints(&findings);
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "srmcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: information_uri(env!("CARGO_PKG_REPOSITORY")),
                    rules: rules.iter().map(|r| descriptor(r)).collect(),
                },
            },
            invocations: [Invocation {
                execution_successful: problems.is_empty(),
                tool_execution_notifications: problems.into_iter().map(notification).collect(),
            }],
            original_uri_base_ids: BTreeMap::from([(
                SRCROOT,
                BaseUri {
                    description: Text::plain("The folder srmcheck ran in."),
                },
            )]),
            column_kind: "unicodeCodePoints",
            results: findings
                .into_iter()
                .zip(fingerprints)
                .map(|(f, fingerprint)| result(&rules, f, fingerprint))
                .collect(),
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn descriptor(rule: &Rule) -> Descriptor<'_> {
    let description = rule.description.trim();
    Descriptor {
        id: &rule.id,
        name: pascal_case(&rule.id),
        short_description: Text::plain(rule.title.trim()),
        full_description: (!description.is_empty()).then(|| Text::plain(description)),
        help: help(rule),
        default_configuration: Configuration {
            level: rule.severity.levels().sarif,
        },
        properties: RuleProperties {
            tags: std::iter::once("security")
                .chain(rule.frameworks.iter().map(String::as_str))
                .collect(),
            security_severity: rule.severity.levels().security_severity,
        },
    }
}

/// The rule's documentation from its METADATA: description and remediation,
/// in text and in Markdown with the title and frameworks.
fn help(rule: &Rule) -> Option<Text> {
    let (description, remediation) = (rule.description.trim(), rule.remediation.trim());
    let text: Vec<&str> = [description, remediation]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if text.is_empty() {
        return None;
    }
    let mut markdown = format!("**{}**\n\n", rule.title.trim());
    if !description.is_empty() {
        markdown.push_str(&format!("{description}\n\n"));
    }
    if !remediation.is_empty() {
        markdown.push_str(&format!("**Remediation:** {remediation}\n\n"));
    }
    if !rule.frameworks.is_empty() {
        let frameworks: Vec<String> = rule.frameworks.iter().map(|f| format!("`{f}`")).collect();
        markdown.push_str(&format!("Frameworks: {}\n\n", frameworks.join(", ")));
    }
    markdown.push_str(&format!(
        "`srmcheck explain {}` shows a failing and a passing example.",
        rule.id
    ));
    Some(Text {
        text: text.join("\n\n"),
        markdown: Some(markdown),
    })
}

/// `tool.driver.informationUri`: the package's repository, when Cargo.toml
/// names one.
fn information_uri(repository: &'static str) -> Option<&'static str> {
    (!repository.trim().is_empty()).then_some(repository)
}

fn result<'a>(rules: &[&Rule], finding: &'a Finding, fingerprint: String) -> SarifResult<'a> {
    let region = region(finding);
    SarifResult {
        rule_id: &finding.rule.id,
        rule_index: rules
            .iter()
            .position(|r| r.id == finding.rule.id)
            .unwrap_or_default(),
        level: finding.severity.levels().sarif,
        message: Text::plain(finding.message.clone()),
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact(finding.file.name()),
                region: Some(Region {
                    start_line: region.line,
                    start_column: region.column,
                    end_line: Some(region.end_line),
                    end_column: Some(region.end_column),
                }),
            },
        }],
        partial_fingerprints: BTreeMap::from([(FINGERPRINT, fingerprint)]),
        suppressions: match finding.excepted {
            true => vec![Suppression {
                kind: "inSource",
                justification: EXCEPTED,
            }],
            false => Vec::new(),
        },
        properties: ResultProperties {
            srm: &finding.srm,
            pointer: &finding.pointer,
        },
    }
}

fn notification(problem: Problem) -> Notification {
    let locations = match &problem.file {
        Some(file) => vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact(file),
                region: problem.position().map(|position| Region {
                    start_line: position.line,
                    start_column: position.column,
                    end_line: None,
                    end_column: None,
                }),
            },
        }],
        None => Vec::new(),
    };
    Notification {
        descriptor: NotificationId {
            id: problem.code.as_str(),
        },
        level: "error",
        message: Text::plain(problem.message),
        locations,
        properties: problem.hint.map(|hint| Hint { hint }),
    }
}

/// A file as shown: relative to `%SRCROOT%`, or an absolute `file:` URI.
fn artifact(name: &str) -> ArtifactLocation {
    match name.starts_with('/') {
        true => ArtifactLocation {
            uri: format!("file://{}", uri(name)),
            uri_base_id: None,
        },
        false => ArtifactLocation {
            uri: uri(name),
            uri_base_id: Some(SRCROOT),
        },
    }
}

/// A kebab-case rule id in PascalCase: `some-rule-id` -> `SomeRuleId`.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A path as a URI reference: forward slashes, and every byte but the
/// unreserved characters and `/` percent-encoded (spaces, `#`, `?`, `:`).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::test_report::{json, moved, report};
    use crate::output::Format;

    #[test]
    fn fingerprints_stay_when_a_line_is_inserted_above() {
        let (before, after) = (
            json(Format::Sarif, &report()),
            json(Format::Sarif, &moved()),
        );
        let results = |log: &serde_json::Value| {
            log["runs"][0]["results"]
                .as_array()
                .expect("results")
                .clone()
        };
        let (before, after) = (results(&before), results(&after));
        assert_eq!(before.len(), 7);
        for (a, b) in before.iter().zip(&after) {
            let line = |r: &serde_json::Value| {
                r["locations"][0]["physicalLocation"]["region"]["startLine"].clone()
            };
            assert_eq!(line(b).as_u64(), line(a).as_u64().map(|l| l + 1));
            assert_eq!(a["partialFingerprints"], b["partialFingerprints"]);
        }
        let prints: std::collections::BTreeSet<String> = before
            .iter()
            .map(|r| {
                r["partialFingerprints"][FINGERPRINT]
                    .as_str()
                    .expect("hex")
                    .to_owned()
            })
            .collect();
        assert_eq!(prints.len(), before.len(), "one fingerprint per finding");
    }

    #[test]
    fn relative_paths_name_a_declared_base() {
        let log = json(Format::Sarif, &report());
        let run = &log["runs"][0];
        assert!(run["originalUriBaseIds"][SRCROOT]["description"]["text"].is_string());
        for result in run["results"].as_array().expect("results") {
            let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(artifact["uriBaseId"], SRCROOT);
            assert!(!artifact["uri"].as_str().expect("uri").starts_with('/'));
        }
        let notification = &run["invocations"][0]["toolExecutionNotifications"][0];
        let artifact = &notification["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(artifact["uri"], "clients/broken.yaml");
        assert_eq!(artifact["uriBaseId"], SRCROOT);
        assert_eq!(
            artifact_of("/abs/a b.yaml"),
            ("file:///abs/a%20b.yaml".to_owned(), None)
        );
    }

    fn artifact_of(name: &str) -> (String, Option<&'static str>) {
        let artifact = artifact(name);
        (artifact.uri, artifact.uri_base_id)
    }

    #[test]
    fn rules_carry_help_and_a_security_severity() {
        let log = json(Format::Sarif, &report());
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules")
            .clone();
        let rule = |id: &str| rules.iter().find(|r| r["id"] == id).expect("rule").clone();
        let uncovered = rule("uncovered-duty");
        assert_eq!(
            uncovered["help"]["text"],
            "What uncovered-duty checks.\n\nFix what uncovered-duty found."
        );
        let markdown = uncovered["help"]["markdown"].as_str().expect("markdown");
        assert!(markdown.starts_with("**The uncovered-duty rule**\n\nWhat uncovered-duty checks."));
        assert!(markdown.contains("**Remediation:** Fix what uncovered-duty found."));
        assert!(markdown.contains("`srmcheck explain uncovered-duty`"));
        assert_eq!(uncovered["properties"]["security-severity"], "8.0");
        assert_eq!(
            uncovered["properties"]["tags"],
            serde_json::json!(["security", "iso27001-2022"])
        );
        assert_eq!(
            rule("review-late")["properties"]["security-severity"],
            "5.0"
        );
        assert_eq!(
            rule("raci-one-accountable")["properties"]["security-severity"],
            "2.0"
        );
        assert_eq!(
            rule("raci-one-accountable")["defaultConfiguration"]["level"],
            "note"
        );
    }

    #[test]
    fn the_information_uri_is_the_repository_when_there_is_one() {
        assert_eq!(information_uri(""), None);
        assert_eq!(
            information_uri("https://example.org/srmcheck"),
            Some("https://example.org/srmcheck")
        );
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("fixtures/a b/srm.yaml"), "fixtures/a%20b/srm.yaml");
        assert_eq!(uri("dir\\c#1:é.yaml"), "dir/c%231%3A%C3%A9.yaml");
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_case("uncovered-duty"), "UncoveredDuty");
        assert_eq!(pascal_case("sla_on-mssp-work"), "SlaOnMsspWork");
    }
}
