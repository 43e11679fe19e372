//! `Environment`: where a client runs.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// The client's environment: its overall service model, components and data.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnvironmentSpec {
    pub model: ServiceModel,
    pub components: Vec<Component>,
    /// Classes of data handled somewhere in the environment, which bring
    /// frameworks into scope; a component that names none of its own holds these.
    #[serde(default)]
    pub data_classes: Vec<DataClass>,
}

/// Cloud service model (or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceModel {
    Iaas,
    Paas,
    Saas,
    Hybrid,
    OnPrem,
}

/// One part of an environment: a cloud account, a SaaS product, a plant network.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Component {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub model: ServiceModel,
    /// The vendor that runs a cloud component (an id of the SRM's vendors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// The vendor's service the component is (`Amazon EKS`), as the scope
    /// of the vendor's attestations names services (default: the id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The vendor's region the component runs in (`eu-west-1`), as the scope
    /// of the vendor's attestations names regions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The classes of data the component holds (`[]`: none). Unset, it holds
    /// the environment's `dataClasses`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_classes: Option<Vec<DataClass>>,
}

/// A class of regulated data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DataClass {
    /// Controlled unclassified information (brings CMMC or SP 800-171 into scope).
    Cui,
    /// Protected health information (brings the HIPAA Security Rule into scope).
    Phi,
    /// Personally identifiable information.
    Pii,
    /// Payment card data (PCI DSS); `pci` is another name for it.
    #[serde(alias = "pci")]
    CardholderData,
}

/// An SRM's environment: a path to an `Environment` file, or the spec inline.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum EnvironmentRef {
    /// Path to a file holding an `Environment` document, relative to the SRM file.
    Path(String),
    Inline(EnvironmentSpec),
}

impl<'de> Deserialize<'de> for EnvironmentRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RefVisitor;

        impl<'de> Visitor<'de> for RefVisitor {
            type Value = EnvironmentRef;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a path to an Environment file or an inline environment")
            }

            fn visit_str<E: de::Error>(self, path: &str) -> Result<Self::Value, E> {
                Ok(EnvironmentRef::Path(path.to_owned()))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                EnvironmentSpec::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(EnvironmentRef::Inline)
            }
        }

        deserializer.deserialize_any(RefVisitor)
    }
}
