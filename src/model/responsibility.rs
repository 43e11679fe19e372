//! A row of the responsibility matrix.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::hours::Hours;

/// One duty: the controls it covers, who owns it and how it is done.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Responsibility {
    pub id: String,
    pub title: String,
    /// Control ids covered, per framework id.
    #[serde(default)]
    pub controls: BTreeMap<String, Vec<String>>,
    /// `mssp`, `client`, `shared` or `vendor:<id>`.
    #[serde(default)]
    pub owner: Option<String>,
    /// RACI letters per party (`mssp: R`, `client: A`, `vendor:aws: C`).
    #[serde(default)]
    pub raci: BTreeMap<String, String>,
    /// Each party's duty in words (required for shared rows).
    #[serde(default)]
    pub duties: BTreeMap<String, String>,
    /// Capabilities the owner needs to perform the duty.
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// Hours per month each party spends on the duty.
    #[serde(default)]
    pub effort: BTreeMap<String, Hours>,
    /// Service levels of the duty.
    #[serde(default)]
    pub sla: Vec<Sla>,
    /// References to evidence (documents, tickets, dashboards).
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// A service level: a metric and its target.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sla {
    /// The party the SLA binds (default `mssp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// `time-to-detect`, `time-to-respond`, `review-frequency`, ...
    pub metric: String,
    /// `15m`, `4h`, `monthly`, `99.9%`, ...
    pub target: String,
}
