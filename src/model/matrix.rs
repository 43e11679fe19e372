//! `ResponsibilityMatrix`: one client's SRM.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::environment::EnvironmentRef;
use super::exception::{Exception, Poam};
use super::exercise::Exercise;
use super::framework::Baseline;
use super::incident::IncidentResponse;
use super::kpi::Kpi;
use super::party::{PartyProfile, Vendor};
use super::responsibility::Responsibility;
use super::review::Review;

/// Who owns each security duty between an MSSP and one client.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MatrixSpec {
    /// The client's name.
    pub client: String,
    /// Path to the MSSP's `Provider` document, relative to this file.
    pub provider: String,
    pub environment: EnvironmentRef,
    /// Frameworks in scope.
    pub frameworks: Vec<FrameworkSelection>,
    pub parties: Parties,
    pub responsibilities: Vec<Responsibility>,
    #[serde(default)]
    pub exceptions: Vec<Exception>,
    /// Plans of action and milestones for controls not yet met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub poam: Vec<Poam>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident_response: Option<IncidentResponse>,
    /// Key performance indicators both parties are measured on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<Kpi>,
    /// Tabletops and tests of incident response and recovery held together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exercises: Vec<Exercise>,
}

/// A framework in scope, with the selector that picks its controls.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FrameworkSelection {
    /// Framework id (`iso27001-2022`, `cmmc-2.0`, ...).
    pub id: String,
    /// CMMC level: selects the controls of that level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// SP 800-53 baseline: selects the controls of that baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// Part of the framework (ISO/IEC 27001: `clauses` or `annex-a`): selects
    /// the controls of that part; all parts when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Other selected frameworks whose rows also cover this one's controls,
    /// through the crosswalk between them (`via: [cmmc-2.0]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
}

/// The client's own profile and the vendors involved; the MSSP's profile is its `Provider`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Parties {
    pub client: PartyProfile,
    #[serde(default)]
    pub vendors: Vec<Vendor>,
}
