//! A row of the responsibility matrix.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::evidence::Evidence;
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
    /// The parties a `shared` row's duty is split between, when not the MSSP
    /// and the client: `[client, vendor:aws]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<String>,
    /// Ids of the environment components the row applies to (default: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<String>,
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
    /// References to evidence (documents, tickets, dashboards), in words or
    /// as entries with a date and a location.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// The complementary user entity controls of a vendor's or the MSSP's
    /// report the row owns: `vendor:aws/CUEC-3`, `mssp/CUEC-1`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cuecs: Vec<String>,
    /// How far the row's duty is implemented (default `implemented`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ImplementationStatus>,
    /// The status of single controls of the row, per framework id, where it
    /// differs from the row's `status`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub control_status: BTreeMap<String, BTreeMap<String, ImplementationStatus>>,
}

/// An implementation status, in OSCAL's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ImplementationStatus {
    /// In place and operating.
    Implemented,
    /// Partly in place (for CMMC, partial credit where the methodology gives it).
    Partial,
    /// Planned, not yet in place.
    Planned,
    /// Met by an alternative (compensating) implementation.
    Alternative,
    /// Does not apply to the row's part of the system.
    NotApplicable,
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
