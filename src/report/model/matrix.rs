//! The responsibility matrix, row by row.

use serde::Serialize;

/// A key and its text: a party and its RACI letters, duty or hours; a
/// framework and the controls a row covers in it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pair {
    pub key: String,
    pub value: String,
}

/// A service level of a row.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SlaItem {
    pub party: String,
    pub metric: String,
    pub target: String,
}

/// One responsibility row.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MatrixRow {
    pub id: String,
    pub title: String,
    /// `mssp`, `client`, `shared` (with its parties when split with a vendor:
    /// `shared between client and vendor:aws`), `vendor:<id>`; empty when the row has none.
    pub owner: String,
    /// Party and RACI letters.
    pub raci: Vec<Pair>,
    /// Party and its duty in words.
    pub duties: Vec<Pair>,
    pub capabilities: Vec<String>,
    /// Party and hours a month.
    pub effort: Vec<Pair>,
    pub sla: Vec<SlaItem>,
    pub evidence: Vec<String>,
    /// Framework id and the controls the row names in it (`A.8.15, A.8.16`).
    pub controls: Vec<Pair>,
    /// Findings that point into the row and count.
    pub findings: usize,
}
