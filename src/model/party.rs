//! Parties of an SRM: the MSSP, the client and third-party vendors.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::attestation::Attestation;
use super::hours::Hours;

/// What a party can do: the MSSP's `Provider` spec, and the client's profile in an SRM.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PartyProfile {
    /// Capabilities the party has staff and tooling for (`security-monitoring`, ...).
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// Hours the party works security duties.
    pub coverage: Coverage,
    /// Staff hours per month available for security duties.
    pub capacity_hours: Hours,
    pub maturity: Maturity,
    /// The MSSP's own attestations, in its `Provider` (a SOC 2 report, an
    /// ISO/IEC 27001 certificate, CMMC Level 2 as an external service
    /// provider, a business associate agreement): judged like a vendor's
    /// when the client's data classes require them. A client's profile has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attestations: Vec<Attestation>,
    /// The MSSP's own published responsibilities (a `VendorResponsibilities`
    /// document, made from its component definition), relative to this file:
    /// what it leaves to every client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibilities: Option<String>,
}

/// Hours of coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Coverage {
    #[serde(rename = "24x7")]
    RoundTheClock,
    #[serde(rename = "business-hours")]
    BusinessHours,
}

/// Maturity on the partnership scale, 1 (Reactive) to 5 (Proactive).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Maturity {
    pub soc: MaturityLevel,
    pub infrastructure: MaturityLevel,
}

/// A maturity level from 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct MaturityLevel(u8);

impl JsonSchema for MaturityLevel {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MaturityLevel".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "integer", "minimum": 1, "maximum": 5})
    }
}

impl TryFrom<u8> for MaturityLevel {
    type Error = String;

    fn try_from(level: u8) -> Result<Self, Self::Error> {
        if (1..=5).contains(&level) {
            Ok(MaturityLevel(level))
        } else {
            Err(format!("maturity level {level} is outside 1 to 5"))
        }
    }
}

impl From<MaturityLevel> for u8 {
    fn from(level: MaturityLevel) -> u8 {
        level.0
    }
}

/// A third-party vendor (cloud provider, SaaS vendor) that owns or runs part of the work.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Vendor {
    /// Referenced as `vendor:<id>` in owners and RACI.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub attestations: Vec<Attestation>,
    /// Path to the vendor's `VendorResponsibilities` document (relative to this file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibilities: Option<String>,
}
