//! The spreadsheet form of an SRM, shared by `srmcheck export` (which writes
//! it) and `srmcheck import` (which reads it back): the sheets, their
//! headers, and how a row's maps and lists are written in one cell.
//!
//! ```text
//! Matrix      row | title | controls | owner | raci | duty: <party>... | capabilities
//!             | effort: <party>... | sla | evidence | status | control status | components
//!             | shared | cuecs | addressable
//! Document    key | value          (the first row: `srmcheck export` | version;
//!                                   then `metadata`, `spec.<key>`: the value as JSON)
//! Exceptions  framework | control | kind | reason | approver | approved | expires | status | days left
//! ```
//! A CSV export is the Matrix sheet, after `# key: value` lines that hold the
//! Document sheet (exceptions as `spec.exceptions`).

mod addressable;
mod cells;
mod evidence;

pub use addressable::{addressable_cell, parse_addressable};
pub use cells::{
    control_status_cell, controls_cell, pairs_cell, parse_control_status, parse_controls,
    parse_list, parse_pairs, parse_sla, parse_words, sla_cell, words_cell,
};
pub use evidence::{evidence_cell, parse_evidence};

/// The marker in the first cell of the Document sheet (and the first CSV line).
pub const MARKER: &str = "srmcheck export";
/// The version of the layout, beside the marker.
pub const VERSION: &str = "1";

/// Sheet names.
pub const MATRIX: &str = "Matrix";
pub const DOCUMENT: &str = "Document";
pub const EXCEPTIONS: &str = "Exceptions";
pub const FINDINGS: &str = "Findings";

/// The Matrix sheet's fixed columns, before and after the per-party ones.
pub const ROW: &str = "row";
pub const TITLE: &str = "title";
pub const CONTROLS: &str = "controls";
pub const OWNER: &str = "owner";
pub const RACI: &str = "raci";
pub const CAPABILITIES: &str = "capabilities";
pub const SLA: &str = "sla";
pub const EVIDENCE: &str = "evidence";
/// The row's implementation status, and its single controls' where they differ.
pub const STATUS: &str = "status";
pub const CONTROL_STATUS: &str = "control status";
/// The environment components a row applies to (empty: all).
pub const COMPONENTS: &str = "components";
/// The parties a shared row is split between (empty: the MSSP and the client).
pub const SHARED: &str = "shared";
/// The complementary user entity controls a row owns.
pub const CUECS: &str = "cuecs";
/// The row's decisions on addressable implementation specifications (HIPAA).
pub const ADDRESSABLE: &str = "addressable";
/// Prefixes of the per-party columns: `duty: mssp`, `effort: client`.
pub const DUTY: &str = "duty: ";
pub const EFFORT: &str = "effort: ";

/// The Exceptions sheet's columns (`status` and `days left` are computed on
/// export and not read back).
pub const EXCEPTION_COLUMNS: [&str; 9] = [
    "framework",
    "control",
    "kind",
    "reason",
    "approver",
    "approved",
    "expires",
    "status",
    "days left",
];

/// The spec keys the Document sheet holds, in the order a document has them
/// (`responsibilities` and `exceptions` are sheets of their own).
pub const SPEC_KEYS: [&str; 12] = [
    "client",
    "provider",
    "environment",
    "frameworks",
    "parties",
    "responsibilities",
    "exceptions",
    "poam",
    "review",
    "incidentResponse",
    "kpis",
    "exercises",
];

/// A sheet name for a framework's coverage (at most 31 characters, as Excel wants).
pub fn coverage_sheet(framework: &str) -> String {
    format!("Coverage {framework}").chars().take(31).collect()
}
