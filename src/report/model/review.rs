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
    /// What changed since the version the current sign-offs were given on,
    /// when the SRM is in git and that version is committed.
    pub since_signed: Option<SinceSignedView>,
}

/// One kind of change (`Rows changed`) and its items.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeSection {
    pub title: String,
    pub items: Vec<String>,
}

/// The signed version of the SRM in git, and what changed since.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SinceSignedView {
    /// The commit that recorded the current sign-offs (abbreviated hash).
    pub commit: String,
    /// Its date, YYYY-MM-DD.
    pub date: String,
    /// Empty when the SRM is as signed.
    pub changes: Vec<ChangeSection>,
    /// The parties who must sign again: every party of the sign-off when
    /// anything changed.
    pub sign_again: Vec<String>,
}
