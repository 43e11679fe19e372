//! An SRM's exceptions, with their standing on the as-of date.

use serde::{Deserialize, Serialize};

/// Where an exception stands on the as-of date (as `lib_exceptions.rego`
/// works it out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExceptionStatus {
    Current,
    /// Current, but expires within 90 days: before the next quarterly review.
    ExpiringSoon,
    Expired,
    /// No expiry date: not a current exception.
    NoExpiry,
}

/// A control taken out of scope or risk-accepted.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExceptionItem {
    pub framework: String,
    pub control: String,
    /// `not-applicable` or `risk-accepted`.
    pub kind: String,
    pub reason: Option<String>,
    pub approver: Option<String>,
    pub approved: Option<String>,
    pub expires: Option<String>,
    pub status: ExceptionStatus,
    /// Days from the as-of date to the expiry (negative once expired).
    pub days_left: Option<i64>,
}
