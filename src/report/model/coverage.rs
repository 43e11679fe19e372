//! Coverage of every in-scope control of a framework.

use serde::Serialize;

/// A control's standing, from its rows, its exceptions and the findings that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ControlStatus {
    /// Covered by a row, and no finding names the control.
    Covered,
    /// A finding of a capacity rule names it: the owner cannot perform it.
    NotCapable,
    /// Another finding names it (conflicting owners, an organisation's rule).
    Finding,
    /// A current exception takes it out of scope or accepts the risk.
    Excepted,
    /// No row covers it and no current exception names it.
    Gap,
}

impl ControlStatus {
    pub const ALL: [ControlStatus; 5] = [
        ControlStatus::Covered,
        ControlStatus::NotCapable,
        ControlStatus::Finding,
        ControlStatus::Excepted,
        ControlStatus::Gap,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ControlStatus::Covered => "covered",
            ControlStatus::NotCapable => "not-capable",
            ControlStatus::Finding => "finding",
            ControlStatus::Excepted => "excepted",
            ControlStatus::Gap => "gap",
        }
    }

    /// The words a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            ControlStatus::Covered => "covered",
            ControlStatus::NotCapable => "owner lacks capability",
            ControlStatus::Finding => "finding",
            ControlStatus::Excepted => "excepted",
            ControlStatus::Gap => "gap",
        }
    }
}

/// Whether the owner can perform the control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// A covering row's owner can perform it (the pack's capacity judgement).
    Capable,
    /// No covering row's owner can (capability, round-the-clock coverage,
    /// maturity, vendor attestation), or an own capacity rule names it.
    NotCapable,
    /// No row covers it.
    NoOwner,
}

/// Rows covering a control's counterpart in another framework (`via`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ViaRows {
    pub framework: String,
    pub control: String,
    pub rows: Vec<String>,
}

/// One in-scope control.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ControlCoverage {
    pub id: String,
    pub title: String,
    pub family: String,
    /// Ids of the rows covering it.
    pub rows: Vec<String>,
    /// Coverage through a crosswalk the SRM opted into.
    pub via: Vec<ViaRows>,
    /// The owners of the covering rows (direct, then via), each once.
    pub owners: Vec<String>,
    pub verdict: Verdict,
    pub status: ControlStatus,
    pub status_label: String,
    /// Ids of the rules whose findings name the control, each once.
    pub rules: Vec<String>,
    /// The covering rows' SLAs (`metric: target`, with `(party)` when not
    /// the MSSP's) and evidence, each once, in row order.
    pub sla: Vec<String>,
    pub evidence: Vec<String>,
    /// Positions from 1 of the exceptions naming the control.
    pub exceptions: Vec<usize>,
    /// The decisions the covering rows record on an addressable HIPAA
    /// implementation specification (`decision` or `decision: reason`),
    /// each once, in row order; absent for every other control.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<String>,
}

/// A selected framework and its in-scope controls, in catalog order.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkCoverage {
    pub id: String,
    pub title: String,
    pub version: String,
    /// `Level 2`, `moderate baseline`, or empty.
    pub selector: String,
    pub controls: Vec<ControlCoverage>,
}
