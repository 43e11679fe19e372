//! A rule of the policy pack, as described by its Rego file's METADATA.

use std::sync::Arc;

use crate::severity::Severity;
use crate::source::SourceFile;

/// One rule: its identity and documentation, read from its policy file.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable id, kebab-case (`custom.id` of the METADATA).
    pub id: String,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub remediation: String,
    /// Frameworks whose requirements the rule speaks for.
    pub frameworks: Vec<String>,
    /// `custom.category` of the METADATA: `capacity` for a rule whose
    /// findings say the owner of a control cannot perform it.
    pub category: Option<String>,
    /// The Rego package (`srmcheck.rules.uncovered_control`).
    pub package: String,
    pub file: Arc<SourceFile>,
    pub scope: RuleScope,
}

/// What a rule judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleScope {
    /// One SRM at a time (`srmcheck.rules.*`).
    Srm,
    /// An MSSP's whole portfolio in the run (`srmcheck.portfolio.*`): input
    /// `{provider, clients: [{name, msspEffort}]}`.
    Portfolio,
}
