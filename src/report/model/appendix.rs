//! The audit-integrity appendix: what produced the report, from what.

use serde::Serialize;

/// The tool that made the report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tool {
    pub name: String,
    pub version: String,
}

impl Tool {
    /// This build of srmcheck.
    pub fn current() -> Self {
        Tool {
            name: env!("CARGO_PKG_NAME").to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

/// A file and the SHA-256 of its bytes, in lowercase hex.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileHash {
    /// `srm`, `provider`, `environment` or `policy`.
    pub role: String,
    /// As the check names it: relative to the working directory, or `builtin:...`.
    pub path: String,
    pub sha256: String,
}

/// The policy pack evaluated: one hash over its Rego sources in load order,
/// and each file's own.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyPackHash {
    pub sha256: String,
    pub files: Vec<FileHash>,
}

/// What an auditor needs to trust a client's page: the tool, the policy pack,
/// the inputs and the date judged by.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Appendix {
    pub tool: Tool,
    pub as_of: String,
    pub policy_pack: String,
    /// The SRM, provider and environment files, in that order.
    pub inputs: Vec<FileHash>,
}
