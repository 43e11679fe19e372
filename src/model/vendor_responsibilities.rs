//! `VendorResponsibilities`: what a vendor (a cloud provider, or the MSSP
//! itself) publishes per control: what it provides and what its customers
//! must do. `srmcheck import` makes it from an OSCAL SSP's export, an OSCAL
//! component definition or a FedRAMP CRM worksheet; a vendor of an SRM, or
//! the Provider, references it with `responsibilities: PATH`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A vendor's published responsibilities.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResponsibilitiesSpec {
    /// The vendor's name.
    pub vendor: String,
    /// Where the responsibilities come from (the file imported, its title).
    pub source: String,
    /// The framework of the control ids.
    pub framework: String,
    pub controls: Vec<ControlResponsibility>,
}

/// One control: what the vendor provides and what it leaves to its customers.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ControlResponsibility {
    pub control: String,
    /// Whether a customer can inherit the control from the vendor.
    pub inheritance: Inheritance,
    /// What the vendor provides, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provided: Option<String>,
    /// What the vendor's customer must do, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
}

/// Whether a control can be inherited from the vendor (FedRAMP's "Can Be
/// Inherited from CSP": Yes, Partial, No).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Inheritance {
    /// The vendor provides it whole.
    Full,
    /// The vendor provides part; the customer does the rest.
    Partial,
    /// The customer does it.
    None,
}
