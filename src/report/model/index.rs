//! The portfolio index: every client of the run on one page.

use serde::Serialize;

use super::{Counts, MaturityView, PolicyPackHash, Provenance, RuleFindings, Tool};
use crate::problem::Problem;

/// One client's line in the index.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientRow {
    pub name: String,
    pub title: String,
    /// Its page, relative to the index.
    pub link: String,
    pub file: String,
    /// The provider's `metadata.name`.
    pub provider: String,
    /// Framework ids in scope.
    pub frameworks: Vec<String>,
    pub counts: Counts,
    /// Findings that count, by severity.
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub maturity: Option<MaturityView>,
    pub sprs: Option<i64>,
    pub last_reviewed: Option<String>,
    pub review_due: Option<String>,
    pub review_overdue: bool,
    #[serde(serialize_with = "super::hours")]
    pub mssp_effort: f64,
}

/// A client's share of its MSSP's hours.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderClient {
    pub name: String,
    pub link: String,
    #[serde(serialize_with = "super::hours")]
    pub mssp_effort: f64,
}

/// An MSSP's capacity against the hours its clients' rows take.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderLoad {
    pub name: String,
    pub title: String,
    pub file: String,
    #[serde(serialize_with = "super::hours")]
    pub capacity_hours: f64,
    #[serde(serialize_with = "super::hours")]
    pub mssp_effort: f64,
    /// Effort as a whole percentage of capacity.
    pub load_percent: u64,
    pub over_capacity: bool,
    /// Heaviest first.
    pub clients: Vec<ProviderClient>,
}

/// A client that leaves some of a vendor's customer responsibilities unowned.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChainClient {
    pub name: String,
    pub link: String,
    /// `framework control` of each responsibility left unowned.
    pub controls: Vec<String>,
}

/// A vendor and the clients that leave what it publishes for its customers unowned.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VendorChain {
    pub vendor: String,
    pub clients: Vec<ChainClient>,
}

/// The portfolio index page.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndexPage {
    pub version: u32,
    pub tool: Tool,
    pub as_of: String,
    /// Most gaps first, then most controls whose owner lacks capability,
    /// most errors, then by name.
    pub clients: Vec<ClientRow>,
    pub totals: Counts,
    pub providers: Vec<ProviderLoad>,
    /// Findings of the portfolio rules.
    pub portfolio_findings: Vec<RuleFindings>,
    /// Per vendor (by name), the clients leaving its customer responsibilities unowned.
    pub vendor_chain: Vec<VendorChain>,
    /// Inputs that could not be checked: they are not in the report.
    pub problems: Vec<Problem>,
    pub policy_pack: PolicyPackHash,
    /// The run's settings and the command that reproduces the report.
    pub appendix: Provenance,
}
