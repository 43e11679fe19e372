//! `Framework`: a control catalog.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A framework's catalog: where it comes from and its controls, in official order.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FrameworkSpec {
    pub title: String,
    pub version: String,
    pub source: SourceInfo,
    pub controls: Vec<Control>,
}

/// Attribution of a catalog's or crosswalk's data.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SourceInfo {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub licence: String,
}

/// One control (requirement, practice, subcategory, standard) of a catalog.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Control {
    pub id: String,
    /// Short title only: never copyrighted control text.
    pub title: String,
    pub family: String,
    /// The function a control belongs to (NIST CSF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// The level that selects the control (CMMC): `level: 2` in an SRM selects it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// DoD Assessment Methodology weight (CMMC Level 2, SP 800-171r2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u8>,
    /// Baselines that select the control (SP 800-53).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baselines: Vec<Baseline>,
    /// Other ids the control is known by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Implementation specifications (HIPAA).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub specifications: Vec<Specification>,
}

/// An SP 800-53 baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Baseline {
    Low,
    Moderate,
    High,
    Privacy,
}

/// A HIPAA implementation specification.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Specification {
    pub id: String,
    pub title: String,
    pub status: SpecificationStatus,
}

/// Whether a HIPAA implementation specification is required or addressable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SpecificationStatus {
    Required,
    Addressable,
}
