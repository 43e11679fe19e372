//! `Mapping`: a crosswalk between two frameworks.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::framework::SourceInfo;

/// Pairs of controls of two frameworks and how they relate.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MappingSpec {
    pub from: String,
    pub to: String,
    /// Derived through a common framework rather than published as such.
    #[serde(default)]
    pub derived: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceInfo>,
    pub pairs: Vec<Pair>,
}

/// One control of `from` related to one control of `to`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pair {
    pub from: String,
    pub to: String,
    pub relationship: Relationship,
}

/// Set-theory relationship of the two controls of a pair (as in NIST OLIR).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Relationship {
    Equivalent,
    SubsetOf,
    SupersetOf,
    Intersects,
    Related,
}
