//! `--format sarif`: SARIF 2.1.0, one run. The rules table comes from the
//! rules' metadata; problems that kept inputs from being checked are the
//! invocation's tool execution notifications.

use serde::Serialize;
use termcolor::WriteColor;

use super::shared::{self, region, Problem, EXCEPTED};
use crate::check::CheckReport;
use crate::finding::Finding;
use crate::rule::Rule;
use crate::severity::Severity;

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
    /// Columns count characters, as srmcheck's do everywhere.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    rules: Vec<Descriptor<'a>>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Tags<'a>>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Tags<'a> {
    tags: &'a [String],
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
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Hint>,
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
struct ArtifactLocation {
    uri: String,
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

pub fn write(report: &CheckReport, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let problems = shared::problems(report);
    let rules = shared::rules(report);
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "srmcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: rules.iter().map(|r| descriptor(r)).collect(),
                },
            },
            invocations: [Invocation {
                execution_successful: problems.is_empty(),
                tool_execution_notifications: problems.into_iter().map(notification).collect(),
            }],
            column_kind: "unicodeCodePoints",
            results: shared::ordered(report)
                .into_iter()
                .map(|f| result(&rules, f))
                .collect(),
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn descriptor(rule: &Rule) -> Descriptor<'_> {
    let text = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| Text { text: s.to_owned() })
    };
    Descriptor {
        id: &rule.id,
        name: pascal_case(&rule.id),
        short_description: Text {
            text: rule.title.trim().to_owned(),
        },
        full_description: text(&rule.description),
        help: text(&rule.remediation),
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: (!rule.frameworks.is_empty()).then_some(Tags {
            tags: &rule.frameworks,
        }),
    }
}

fn result<'a>(rules: &[&Rule], finding: &'a Finding) -> SarifResult<'a> {
    let region = region(finding);
    SarifResult {
        rule_id: &finding.rule.id,
        rule_index: rules
            .iter()
            .position(|r| r.id == finding.rule.id)
            .unwrap_or_default(),
        level: level(finding.severity),
        message: Text {
            text: finding.message.clone(),
        },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri(finding.file.name()),
                },
                region: Some(Region {
                    start_line: region.line,
                    start_column: region.column,
                    end_line: Some(region.end_line),
                    end_column: Some(region.end_column),
                }),
            },
        }],
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
                artifact_location: ArtifactLocation { uri: uri(file) },
                region: problem.line.map(|line| Region {
                    start_line: line,
                    start_column: problem.column.unwrap_or(1),
                    end_line: None,
                    end_column: None,
                }),
            },
        }],
        None => Vec::new(),
    };
    Notification {
        level: "error",
        message: Text {
            text: problem.message,
        },
        locations,
        properties: problem.hint.map(|hint| Hint { hint }),
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
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

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("fixtures/a b/srm.yaml"), "fixtures/a%20b/srm.yaml");
        assert_eq!(uri("dir\\c#1:é.yaml"), "dir/c%231%3A%C3%A9.yaml");
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_case("uncovered-control"), "UncoveredControl");
        assert_eq!(pascal_case("sla_on-mssp-work"), "SlaOnMsspWork");
    }
}
