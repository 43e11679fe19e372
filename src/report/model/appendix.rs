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
    /// `srm`, `provider`, `environment`, `policy`, `configuration`,
    /// `catalog` or `template`.
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
    /// The run's settings and the command that reproduces it.
    #[serde(flatten)]
    pub run: Provenance,
}

/// A rule whose severity the run replaced, or that it left out (`off`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeverityOverride {
    pub rule: String,
    /// `error`, `warning`, `info` or `off`.
    pub level: String,
    /// `configuration` or `command line`: where it was set (the command
    /// line's wins).
    pub from: String,
}

/// How the report was asked for, as far as it changes a verdict or a page:
/// what an auditor needs to make the same pages again.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provenance {
    /// The command that makes the same pages, byte for byte, into the
    /// folder `reproduced`.
    pub reproduce: String,
    /// Where to run it: the folder the report was made in, relative to the
    /// project root (`.` for the root itself); none when that folder is not
    /// inside the project root.
    pub folder: Option<String>,
    /// Severity overrides and rules left out, in the order applied.
    pub severities: Vec<SeverityOverride>,
    /// The configuration file in force, by its path relative to the project
    /// root (the folder it is in).
    pub configuration: Option<FileHash>,
    /// The files of own framework catalogs (`--frameworks`, `frameworks:`).
    pub catalogs: Vec<FileHash>,
    /// Own policies (`--policy`, `policies:`), beside the built-in pack.
    pub policies: Vec<FileHash>,
    /// Own templates (`--templates`), over the built-in ones.
    pub templates: Vec<FileHash>,
}
