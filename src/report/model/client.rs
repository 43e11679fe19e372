//! One client's page.

use serde::Serialize;

use super::{
    Appendix, EnvironmentView, ExceptionItem, FrameworkCoverage, IncidentView, KpiView, MatrixRow,
    MaturityView, PartiesView, ReviewView, RuleFindings, SprsView, Summary, Tool,
};

/// Links from a client's page to the rest of the report.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientLinks {
    /// The portfolio index, relative to this page.
    pub index: String,
    /// This page, relative to the report folder.
    pub page: String,
}

/// Everything one client's report shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientPage {
    pub version: u32,
    pub tool: Tool,
    pub as_of: String,
    /// The SRM's `metadata.name`.
    pub name: String,
    /// `metadata.title`, else the client's name.
    pub title: String,
    /// `spec.client`.
    pub client: String,
    /// The SRM file.
    pub file: String,
    pub links: ClientLinks,
    pub summary: Summary,
    pub parties: PartiesView,
    pub environment: EnvironmentView,
    pub matrix: Vec<MatrixRow>,
    pub coverage: Vec<FrameworkCoverage>,
    /// By rule: errors first, then warnings, then infos; by rule id within.
    pub findings: Vec<RuleFindings>,
    pub exceptions: Vec<ExceptionItem>,
    pub review: ReviewView,
    pub incident_response: IncidentView,
    pub kpis: Vec<KpiView>,
    pub maturity: Option<MaturityView>,
    /// Only when CMMC 2.0 Level 2 is in scope.
    pub sprs: Option<SprsView>,
    pub appendix: Appendix,
}
