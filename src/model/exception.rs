//! Controls found not applicable or risk-accepted, and plans of action.

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
    /// The control does not apply; the `reason` says why (for CMMC, a
    /// not-applicable practice is met). `out-of-scope` is the older name.
    #[serde(alias = "out-of-scope")]
    NotApplicable,
    /// The control applies and is knowingly not met (for CMMC, not met).
    RiskAccepted,
}

/// A plan of action and milestones: a control's gap and the date it is to
/// be closed by.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Poam {
    /// The framework id (default `cmmc-2.0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    pub control: String,
    /// What is missing.
    pub gap: String,
    /// The target date of closing it.
    pub due: Date,
}
