//! The parties, the environment, incident response and KPIs of an SRM.

use serde::Serialize;

/// The MSSP or the client: what it can do.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartyView {
    pub name: String,
    pub capabilities: Vec<String>,
    /// `24x7` or `business-hours`.
    pub coverage: String,
    #[serde(serialize_with = "super::hours")]
    pub capacity_hours: f64,
    /// Hours a month this SRM's rows take of the party.
    #[serde(serialize_with = "super::hours")]
    pub effort_hours: f64,
    pub soc_maturity: u8,
    pub infrastructure_maturity: u8,
}

/// A vendor attestation and whether it is current on the as-of date.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttestationView {
    pub kind: String,
    pub valid_until: String,
    pub current: bool,
}

/// A third-party vendor.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VendorView {
    pub id: String,
    pub name: String,
    pub attestations: Vec<AttestationView>,
    /// Its published responsibilities, as the SRM names them.
    pub responsibilities: Option<String>,
}

/// The parties of an SRM.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartiesView {
    /// The provider's `metadata.name`.
    pub provider: String,
    /// The provider's file.
    pub provider_file: String,
    pub mssp: PartyView,
    pub client: PartyView,
    pub vendors: Vec<VendorView>,
}

/// One component of the environment.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComponentView {
    pub id: String,
    pub name: String,
    pub model: String,
    pub vendor: Option<String>,
}

/// Where the client runs.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvironmentView {
    pub model: String,
    pub components: Vec<ComponentView>,
    pub data_classes: Vec<String>,
}

/// A step of the escalation path.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EscalationView {
    pub party: String,
    pub contact: String,
    pub within: String,
    /// When the contact can be reached (`24x7`, `business-hours`): as the
    /// step states, else its party's coverage; empty for another party.
    pub hours: String,
}

/// How incidents are escalated and who decides.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IncidentView {
    pub escalation: Vec<EscalationView>,
    pub decision_authority: Option<String>,
}

/// A KPI both parties are measured on.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KpiView {
    pub name: String,
    pub target: String,
    pub owners: Vec<String>,
}
