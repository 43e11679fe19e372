//! Controls taken out of scope or risk-accepted.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;

/// A control of a selected framework that no row covers, on purpose.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Exception {
    pub framework: String,
    pub control: String,
    pub kind: ExceptionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
}

/// Why a control is excepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ExceptionKind {
    OutOfScope,
    RiskAccepted,
}
