//! The result of a check run.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::portfolio::ProviderFacts;
use super::shard::ShardPart;
use crate::cache::CacheStats;
use crate::finding::Finding;
use crate::model::Date;
use crate::problem::{self, Problem};
use crate::rule::Rule;
use crate::severity::Severity;

/// One SRM checked: its findings, sorted by place.
#[derive(Debug)]
pub struct SrmReport {
    pub name: String,
    /// The SRM's file, as shown (its text lives on only in the findings).
    pub file: String,
    pub findings: Vec<Finding>,
    /// The assessment packages' results (`maturity`, `sprs`), by name.
    pub assessments: BTreeMap<String, serde_json::Value>,
    /// The `facts` of the pack's libraries and assessments (`lib.review`,
    /// `assess.sprs`), by package: what the evidence report shows of them.
    pub facts: BTreeMap<String, serde_json::Value>,
}

/// Everything a check run found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// The date the date-dependent rules judged by (`--as-of`).
    pub as_of: Option<Date>,
    /// The rules evaluated, in pack order.
    pub rules: Vec<Arc<Rule>>,
    /// Files read (SRMs and the files they reference are counted once each).
    pub files: usize,
    pub srms: Vec<SrmReport>,
    /// Findings of the portfolio rules, on the providers' files.
    pub portfolio: Vec<Finding>,
    /// What the portfolio libraries worked out per provider, in provider
    /// file order.
    pub providers: Vec<ProviderFacts>,
    /// Inputs the tool could not check, in reading order, each once; any
    /// makes the run exit 2.
    pub errors: Vec<Problem>,
    /// The part of a sharded run, with the clients its portfolio rules need.
    pub shard: Option<ShardPart>,
    /// What the result cache did, when the run used one.
    pub cache: Option<CacheStats>,
}

impl CheckReport {
    /// Adds problems, leaving out those already there, in reading order.
    pub fn add_problems(&mut self, problems: impl IntoIterator<Item = Problem>) {
        problem::merge_sorted(&mut self.errors, problems);
    }

    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.srms
            .iter()
            .flat_map(|s| &s.findings)
            .chain(&self.portfolio)
    }

    /// Findings of this severity, excepted ones left out.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings()
            .filter(|f| f.severity == severity && !f.excepted)
            .count()
    }

    /// Findings about controls with a current exception.
    pub fn excepted(&self) -> usize {
        self.findings().filter(|f| f.excepted).count()
    }

    /// The exit code: 2 when an input could not be checked, 1 when a finding
    /// is at or above `fail_on`, else 0.
    pub fn exit_code(&self, fail_on: Option<Severity>) -> u8 {
        if !self.errors.is_empty() {
            2
        } else if fail_on
            .is_some_and(|level| self.findings().any(|f| f.severity >= level && !f.excepted))
        {
            1
        } else {
            0
        }
    }
}
