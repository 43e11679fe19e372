//! `srmcheck merge`: shard results joined into one, printed in any format.

use std::path::PathBuf;

use super::check::{parse_severity, Output};
use super::error::Error;
use crate::check;
use crate::config::Config;
use crate::output::{Color, Format};
use crate::severity::{FailOn, RuleLevel};

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The JSON results of `srmcheck check --shard K/N --format json`, one per K.
    #[arg(required = true)]
    pub results: Vec<PathBuf>,
    /// The folders of extra Rego policies the shards ran with.
    #[arg(long = "policy", value_name = "DIR")]
    pub policies: Vec<PathBuf>,
    /// The severity overrides the shards ran with: `RULE=error|warning|info|off`.
    #[arg(long = "severity", value_name = "RULE=LEVEL", value_parser = parse_severity)]
    pub severities: Vec<(String, RuleLevel)>,
    /// Exit 1 when a finding is at or above this severity (default: error).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// How to print the merged report.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Print the findings and problems only.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the findings counted per rule instead (as JSON with `--format json`).
    #[arg(long)]
    pub statistics: bool,
}

/// Runs `merge`; returns the exit code.
pub fn run(args: &MergeArgs, config: &Config, color: Color) -> Result<u8, Error> {
    let policy_dirs: Vec<PathBuf> = config
        .policies
        .iter()
        .chain(&args.policies)
        .cloned()
        .collect();
    let severities: Vec<(String, RuleLevel)> = config
        .severity
        .iter()
        .map(|(rule, level)| (rule.clone(), *level))
        .chain(args.severities.iter().cloned())
        .collect();
    let fail_on = args.fail_on.or(config.fail_on);
    let how = Output::new(args.format, args.statistics, fail_on, args.quiet);
    how.check()?;
    let report = check::merge(&args.results, &policy_dirs, &severities)?;
    how.print(&report, color)?;
    Ok(report.exit_code(how.options.fail_on))
}
