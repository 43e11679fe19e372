//! Key performance indicators the parties are measured on.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;

/// A key performance indicator: its target, the parties accountable for it
/// and, once measured, its latest value.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Kpi {
    /// `mean-time-to-detect`, `phishing-click-rate`, ...
    pub name: String,
    pub target: String,
    /// The parties accountable for it together.
    pub owners: Vec<String>,
    /// The outcome the indicator measures, when it measures one (the
    /// maturity assessment judges outcome-based measurement by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// The latest measured value, in the target's unit (`12m`, `97%`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured: Option<String>,
    /// The day of the latest measurement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_on: Option<Date>,
}

/// Outcomes a KPI can measure: security operations' (detect, respond),
/// infrastructure's (restore, change failure) and the business's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Mean time to detect (MTTD).
    TimeToDetect,
    /// Mean time to respond (MTTR).
    TimeToRespond,
    /// Mean time to restore a disrupted service.
    TimeToRestore,
    /// The share of changes that cause a disruption.
    ChangeFailureRate,
    /// The trend of measured risk.
    RiskReduction,
    /// Resilience of the business (service continuity, impact avoided).
    BusinessResilience,
}
