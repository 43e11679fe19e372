//! Findings, grouped by the rule that found them.

use serde::Serialize;

/// One finding, with its place in the source.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FindingItem {
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// About a control with a current exception: shown, not counted.
    pub excepted: bool,
    /// `framework control`, when the finding names one.
    pub control: Option<String>,
}

/// A rule and its findings, with what to do about them.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleFindings {
    pub id: String,
    pub title: String,
    pub severity: String,
    pub description: String,
    pub remediation: String,
    /// Findings that count (not excepted).
    pub count: usize,
    pub findings: Vec<FindingItem>,
}
