//! The JSON result of a run, schema version 1 (README.md, "Machine-readable
//! output"): written by `--format json`, read back by `srmcheck merge`.
//! Fields are only ever added within a version; a change that removes or
//! changes a field bumps `version`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::problem::Problem;
use crate::severity::Severity;

/// The schema version of the document.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultDocument {
    pub version: u32,
    pub as_of: Option<String>,
    pub summary: Summary,
    pub findings: Vec<FindingOut>,
    pub problems: Vec<Problem>,
    pub rules: Vec<RuleOut>,
    /// Every SRM checked, with its assessments.
    #[serde(default)]
    pub srms: Vec<SrmOut>,
    /// Present in the result of `check --shard`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<ShardOut>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Summary {
    pub srms: usize,
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub excepted: usize,
    pub problems: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FindingOut {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub srm: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub pointer: String,
    pub excepted: bool,
    /// The framework and control the finding is about, when it is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control: Option<ControlOut>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ControlOut {
    pub framework: String,
    pub id: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct RuleOut {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    pub description: String,
    pub remediation: String,
    pub frameworks: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct SrmOut {
    pub name: String,
    pub file: String,
    /// The assessments' results (`maturity`, `sprs`), by name.
    pub assessments: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShardOut {
    /// From 1.
    pub index: usize,
    pub count: usize,
    /// Each SRM's provider and MSSP hours, for the portfolio rules.
    pub clients: Vec<ClientOut>,
    /// The SRMs that could not be checked, each with the provider it names:
    /// the portfolio rules run without them, and say so.
    #[serde(default)]
    pub missing: Vec<MissingOut>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MissingOut {
    /// The SRM's name and file, or its file.
    pub client: String,
    /// The provider's file, as the SRM names it (from the folder the shard ran in).
    pub provider: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientOut {
    pub name: String,
    /// The provider's file and the document in it.
    pub provider: String,
    pub document: usize,
    pub mssp_effort: f64,
}
