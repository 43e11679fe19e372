//! `Framework`: a control catalog.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::party::MaturityLevel;

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
    /// The part of the framework the control belongs to (ISO/IEC 27001:
    /// `clauses` or `annex-a`): `part: annex-a` in an SRM selects that part only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
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
    /// Implementation specifications (HIPAA). Each is also a control of
    /// the resolved catalog, right after its standard.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub specifications: Vec<Specification>,
    /// The standard an implementation specification belongs to (set when
    /// the catalog is read; not written in a catalog file).
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    #[schemars(skip)]
    pub standard: Option<String>,
    /// Whether an implementation specification is required or addressable
    /// (set with `standard`).
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    #[schemars(skip)]
    pub status: Option<SpecificationStatus>,
    /// srmcheck's knowledge of the control: built-in catalogs take it from
    /// `frameworks/knowledge/<id>.yaml`, a user's catalog may give it inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<Layer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_the_clock: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_maturity: Option<MaturityLevel>,
}

impl Control {
    /// The control an implementation specification of this standard is in the
    /// resolved catalog: its id, title and status, its standard's family.
    pub fn specification(&self, spec: &Specification) -> Control {
        Control {
            id: spec.id.clone(),
            title: spec.title.clone(),
            family: self.family.clone(),
            function: None,
            part: self.part.clone(),
            level: self.level,
            weight: None,
            baselines: self.baselines.clone(),
            aliases: Vec::new(),
            specifications: Vec::new(),
            standard: Some(self.id.clone()),
            status: Some(spec.status),
            layer: None,
            capabilities: Vec::new(),
            round_the_clock: None,
            min_maturity: None,
        }
    }

    /// Takes srmcheck's knowledge of the control.
    pub fn learn(&mut self, knowledge: Knowledge) {
        self.layer = Some(knowledge.layer);
        self.capabilities = knowledge.capabilities;
        self.round_the_clock = Some(knowledge.round_the_clock);
        self.min_maturity = Some(knowledge.min_maturity);
    }

    /// Whether the control carries every piece of knowledge (tested for every
    /// built-in control).
    #[cfg(test)]
    pub fn is_tagged(&self) -> bool {
        self.layer.is_some()
            && !self.capabilities.is_empty()
            && self.round_the_clock.is_some()
            && self.min_maturity.is_some()
    }
}

/// What it takes to perform a control: where it sits, the capabilities its
/// owner needs, whether it needs round-the-clock coverage, and the minimum
/// maturity of its owner. One entry of a knowledge file.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Knowledge {
    pub layer: Layer,
    pub capabilities: Vec<String>,
    pub round_the_clock: bool,
    pub min_maturity: MaturityLevel,
}

/// The layer of the stack a control sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Layer {
    Governance,
    People,
    Identity,
    Data,
    Application,
    Host,
    Network,
    Physical,
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
