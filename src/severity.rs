//! How serious a finding is.

use std::fmt;

use clap::ValueEnum;
use serde::{Deserialize, Serialize};

/// Severity of a rule's findings, ordered from least to most serious.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The severity that fails a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn severity(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// A rule's setting for a run (`--severity RULE=LEVEL`, `severity:` in the
/// configuration): a severity, or `off` to leave the rule out of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Error,
    Warning,
    Info,
    Off,
}

impl RuleLevel {
    /// The severity it sets; `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Error => Some(Severity::Error),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Info => Some(Severity::Info),
            RuleLevel::Off => None,
        }
    }

    /// The level as the configuration file writes it.
    pub fn as_str(self) -> &'static str {
        match self.severity() {
            Some(severity) => severity.as_str(),
            None => "off",
        }
    }
}

/// How each consumer of srmcheck's output names a severity: the one table
/// every machine format reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Levels {
    /// SARIF `level`.
    pub sarif: &'static str,
    /// SARIF `properties.security-severity` of a rule, a CVSS-like score:
    /// GitHub shows 7.0-8.9 as high, 4.0-6.9 as medium, 0.1-3.9 as low.
    pub security_severity: &'static str,
    /// GitLab Code Quality `severity`.
    pub gitlab: &'static str,
    /// GitHub Actions workflow command.
    pub github: &'static str,
    /// JUnit `<failure type>`.
    pub junit: &'static str,
}

impl Severity {
    /// The names of this severity in SARIF, GitLab and GitHub.
    pub fn levels(self) -> Levels {
        match self {
            Severity::Error => Levels {
                sarif: "error",
                security_severity: "8.0",
                gitlab: "critical",
                github: "error",
                junit: "error",
            },
            Severity::Warning => Levels {
                sarif: "warning",
                security_severity: "5.0",
                gitlab: "major",
                github: "warning",
                junit: "warning",
            },
            Severity::Info => Levels {
                sarif: "note",
                security_severity: "2.0",
                gitlab: "minor",
                github: "notice",
                junit: "info",
            },
        }
    }
}

/// How a finding about a control with a current exception is named: shown,
/// never failing (SARIF marks it with a suppression instead).
pub const EXCEPTED_LEVELS: Levels = Levels {
    sarif: "note",
    security_severity: "0.0",
    gitlab: "info",
    github: "notice",
    junit: "excepted",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_consumer_names_each_severity() {
        assert_eq!(Severity::Info.levels().sarif, "note");
        assert_eq!(Severity::Error.levels().gitlab, "critical");
        assert_eq!(Severity::Warning.levels().github, "warning");
        let scores: Vec<f64> = [Severity::Info, Severity::Warning, Severity::Error]
            .map(|s| s.levels().security_severity.parse().expect("a number"))
            .to_vec();
        assert!(scores.windows(2).all(|w| w[0] < w[1]), "{scores:?}");
        assert_eq!(RuleLevel::Off.severity(), None);
        assert_eq!(RuleLevel::Warning.severity(), Some(Severity::Warning));
    }
}
