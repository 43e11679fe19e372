//! How incidents are escalated and who decides.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::party::Coverage;

/// The escalation path of an incident and the party with decision authority.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IncidentResponse {
    /// Who is told, in order, and how soon.
    #[serde(default)]
    pub escalation: Vec<EscalationStep>,
    /// The party that decides on business-impacting containment (`client`, `mssp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_authority: Option<String>,
}

/// One step of an escalation path.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EscalationStep {
    pub party: String,
    /// A role or named contact.
    pub contact: String,
    /// How soon, such as `15m` or `1h`.
    pub within: String,
    /// When the contact can be reached (`24x7`, `business-hours`); the
    /// party's own coverage when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Coverage>,
}
