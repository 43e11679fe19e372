//! Evidence of a row: a reference in words, or an entry with the date it was
//! produced and where it is kept.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::date::Date;

/// One piece of evidence: `Quarterly access review` or
/// `{name: Quarterly access review, date: 2026-09-30, location: https://...}`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Evidence {
    /// What the evidence is and where the auditor finds it, in words.
    Text(String),
    Entry(EvidenceEntry),
}

/// Evidence with the date it was produced (the review rule judges its age by
/// it) and where it is kept.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EvidenceEntry {
    pub name: String,
    /// The day the evidence was produced (a report's date, a test's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where it is kept: a path, a URL, a ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// What the evidence is, where the maturity assessment judges by it
    /// (a playbook, a root cause analysis, a CMDB export).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EvidenceKind>,
}

/// The kinds of evidence the partnership maturity assessment reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// A documented response procedure (incident playbook, runbook).
    Playbook,
    /// An automated response workflow (a SOAR playbook, a scripted action).
    AutomatedWorkflow,
    /// A root cause analysis written after an incident.
    RootCauseAnalysis,
    /// An export or sync of the asset inventory (CMDB).
    AssetInventory,
    /// A map of detection coverage to a threat framework (MITRE ATT&CK).
    DetectionCoverageMap,
    /// A detection engineering roadmap agreed between the parties.
    DetectionRoadmap,
    /// A periodic service or posture report.
    Report,
}

impl EvidenceKind {
    /// The kind as written in YAML.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Playbook => "playbook",
            EvidenceKind::AutomatedWorkflow => "automated-workflow",
            EvidenceKind::RootCauseAnalysis => "root-cause-analysis",
            EvidenceKind::AssetInventory => "asset-inventory",
            EvidenceKind::DetectionCoverageMap => "detection-coverage-map",
            EvidenceKind::DetectionRoadmap => "detection-roadmap",
            EvidenceKind::Report => "report",
        }
    }
}

/// One line: the name, then `[date: YYYY-MM-DD, location: ..., kind: ...]` for what an
/// entry adds (the spreadsheet form, read back by `sheet::parse_evidence`).
impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entry = match self {
            Evidence::Text(text) => return f.write_str(text),
            Evidence::Entry(entry) => entry,
        };
        f.write_str(&entry.name)?;
        let mut parts = Vec::new();
        if let Some(date) = entry.date {
            parts.push(format!("date: {date}"));
        }
        if let Some(location) = &entry.location {
            parts.push(format!("location: {location}"));
        }
        if let Some(kind) = entry.kind {
            parts.push(format!("kind: {}", kind.as_str()));
        }
        match parts.is_empty() {
            true => f.write_str(" []"),
            false => write!(f, " [{}]", parts.join(", ")),
        }
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EvidenceVisitor;

        impl<'de> Visitor<'de> for EvidenceVisitor {
            type Value = Evidence;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("evidence in words or an entry {name, date, location}")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(Evidence::Text(text.to_owned()))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                EvidenceEntry::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(Evidence::Entry)
            }
        }

        deserializer.deserialize_any(EvidenceVisitor)
    }
}
