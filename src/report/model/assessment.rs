//! The policy pack's assessments of an SRM: partnership maturity and SPRS.

use serde::Serialize;

/// One level of the five-level partnership scale.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MaturityLevelView {
    pub level: u8,
    pub name: String,
    /// At or below the SRM's level.
    pub reached: bool,
}

/// Where the partnership stands and the steps to the next level.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MaturityView {
    pub level: u8,
    pub name: String,
    /// The next level's name; `null` at level 5.
    pub next_name: Option<String>,
    /// What the SRM lacks for the next level, as the `maturity` assessment words it.
    pub next: Vec<String>,
    /// The whole scale, 1 to 5.
    pub scale: Vec<MaturityLevelView>,
    /// Each lens (security operations, infrastructure) with its own level;
    /// the partnership is at the lower.
    pub lenses: Vec<MaturityLensView>,
}

/// One lens of the maturity assessment.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MaturityLensView {
    /// `soc`, `infrastructure`.
    pub id: String,
    pub title: String,
    pub level: u8,
    pub name: String,
    /// What the SRM lacks for the lens's next level.
    pub next: Vec<String>,
}

/// A CMMC practice that costs SPRS points.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SprsCost {
    pub control: String,
    pub weight: i64,
    pub reason: String,
}

/// The DoD Assessment Methodology score, for CMMC 2.0 Level 2.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SprsView {
    /// `null` without a system security plan (CA.L2-3.12.4).
    pub score: Option<i64>,
    pub max: i64,
    /// What the score is computed from.
    pub basis: String,
    /// Heaviest first.
    pub costs: Vec<SprsCost>,
    /// The Level 2 status the score supports: `final`, `conditional` or `none`.
    pub status: String,
    /// Why it is not conditional (32 CFR 170.21).
    pub blockers: Vec<String>,
    /// The date by which a POA&M opened on the as-of date is closed out.
    pub close_out_by: String,
}
