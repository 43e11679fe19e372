//! Review and sign-off of an SRM.

use serde::Serialize;

/// A party's sign-off, or its absence.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignOffItem {
    pub party: String,
    pub by: Option<String>,
    pub date: Option<String>,
    /// Signed on or after the last change (true when no change date is given).
    pub current: bool,
}

/// When the SRM was reviewed and when the next review is due.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewView {
    pub cadence: String,
    pub last_reviewed: Option<String>,
    pub last_changed: Option<String>,
    /// The last review plus the cadence.
    pub next_due: Option<String>,
    /// Never reviewed, or the next review was due before the as-of date.
    pub overdue: bool,
    /// The MSSP's and the client's, then any other party's.
    pub sign_off: Vec<SignOffItem>,
}
