//! The document kinds srmcheck reads.

use std::fmt;

use clap::ValueEnum;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `kind` of a document.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema, ValueEnum,
)]
pub enum Kind {
    #[value(name = "Framework")]
    Framework,
    #[value(name = "Mapping")]
    Mapping,
    #[value(name = "Provider")]
    Provider,
    #[value(name = "Environment")]
    Environment,
    #[value(name = "ResponsibilityMatrix")]
    ResponsibilityMatrix,
    #[value(name = "VendorResponsibilities")]
    VendorResponsibilities,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Framework,
        Kind::Mapping,
        Kind::Provider,
        Kind::Environment,
        Kind::ResponsibilityMatrix,
        Kind::VendorResponsibilities,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Framework => "Framework",
            Kind::Mapping => "Mapping",
            Kind::Provider => "Provider",
            Kind::Environment => "Environment",
            Kind::ResponsibilityMatrix => "ResponsibilityMatrix",
            Kind::VendorResponsibilities => "VendorResponsibilities",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
