//! Review and sign-off of an SRM.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;

/// When the SRM was last reviewed and changed, and who signed it off.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Review {
    #[serde(default)]
    pub cadence: Cadence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_changed: Option<Date>,
    /// Sign-off per party (`mssp`, `client`).
    #[serde(default)]
    pub sign_off: BTreeMap<String, SignOff>,
}

/// How often the SRM is reviewed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Cadence {
    Monthly,
    #[default]
    Quarterly,
    SemiAnnual,
    Annual,
}

/// A party's sign-off.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignOff {
    pub by: String,
    pub date: Date,
}
