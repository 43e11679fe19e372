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
    /// The documented decision on each addressable implementation
    /// specification (HIPAA, 45 CFR 164.306(d)(3)) the row covers, by
    /// specification id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub addressable: BTreeMap<String, AddressableDecision>,
}

impl Responsibility {
    /// The parties doing a row's work: its owner, or for a `shared` row the
    /// parties of its split (`shared`), the MSSP and the client by default.
    pub fn parties(&self) -> Vec<String> {
        match self.owner.as_deref() {
            Some("shared") if !self.shared.is_empty() => self.shared.clone(),
            Some("shared") => vec!["mssp".to_owned(), "client".to_owned()],
            Some(owner) => vec![owner.to_owned()],
            None => Vec::new(),
        }
    }

    /// The owner as a reader is shown it: a shared row split with a vendor
    /// names its parties, `shared between client and vendor:aws`, as the
    /// pack's findings do (`owner_label` in `lib_parties.rego`).
    pub fn owner_label(&self) -> String {
        match self.owner.as_deref() {
            Some("shared") if !self.shared.is_empty() => {
                format!("shared between {}", self.shared.join(" and "))
            }
            owner => owner.unwrap_or_default().to_owned(),
        }
    }
}

/// What was decided for an addressable implementation specification.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddressableDecision {
    pub decision: Decision,
    /// Why: required for `alternative` (the equivalent measure and why it is
    /// reasonable) and `not-reasonable` (why the specification is not
    /// reasonable and appropriate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl AddressableDecision {
    /// The decision as the evidence report shows it: its name, then its
    /// reason when there is one (`not-reasonable: the landlord ...`).
    pub fn describe(&self) -> String {
        let name = self.decision.name();
        match self.reason.as_deref().map(str::trim) {
            Some(reason) if !reason.is_empty() => format!("{name}: {reason}"),
            _ => name.to_owned(),
        }
    }
}

/// The decisions 164.306(d)(3) allows on an addressable specification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// The specification is implemented as written.
    Implemented,
    /// An equivalent alternative measure is implemented instead.
    Alternative,
    /// Neither the specification nor an alternative is reasonable and
    /// appropriate.
    NotReasonable,
}

impl Decision {
    /// Every decision, in the order the regulation gives them.
    pub const ALL: [Decision; 3] = [
        Decision::Implemented,
        Decision::Alternative,
        Decision::NotReasonable,
    ];

    /// The decision as an SRM writes it.
    pub fn name(self) -> &'static str {
        match self {
            Decision::Implemented => "implemented",
            Decision::Alternative => "alternative",
            Decision::NotReasonable => "not-reasonable",
        }
    }

    /// Whether the decision must say why.
    pub fn needs_reason(self) -> bool {
        !matches!(self, Decision::Implemented)
    }
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
