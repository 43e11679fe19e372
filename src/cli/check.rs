//! `srmcheck check`: the SRMs against the policy pack.

use std::path::PathBuf;

use crate::check::{self, CheckOptions, Shard};
use crate::config::Config;
use crate::error::Error;
use crate::model::Date;
use crate::output::progress::Progress;
use crate::output::{self, Color, Format};
use crate::severity::{FailOn, Severity};

/// What to check: shared by every command that runs the checks.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// SRM files, or folders to search for them (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// A folder of extra Rego policies, evaluated beside the built-in pack.
    #[arg(long = "policy", value_name = "DIR")]
    pub policies: Vec<PathBuf>,
    /// The date date-dependent rules judge by, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Set a rule's severity: `RULE=error|warning|info` (repeatable).
    #[arg(long = "severity", value_name = "RULE=LEVEL", value_parser = parse_severity)]
    pub severities: Vec<(String, Severity)>,
}

impl InputArgs {
    /// The check options: these arguments over the configuration file's.
    pub fn options(&self, config: &Config, framework_dirs: Vec<PathBuf>) -> CheckOptions {
        CheckOptions {
            paths: match self.paths.is_empty() {
                true => vec![PathBuf::from(".")],
                false => self.paths.clone(),
            },
            include: config.include.clone(),
            exclude: config.exclude.clone(),
            policy_dirs: config
                .policies
                .iter()
                .chain(&self.policies)
                .cloned()
                .collect(),
            framework_dirs,
            as_of: self
                .as_of
                .or(config.as_of)
                .unwrap_or_else(|| Date(chrono::Local::now().date_naive())),
            severities: config
                .severity
                .iter()
                .map(|(rule, level)| (rule.clone(), *level))
                .chain(self.severities.iter().cloned())
                .collect(),
            shard: None,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Exit 1 when a finding is at or above this severity (default: error).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Check part K of N of the walked files (with `--format json`), for
    /// `srmcheck merge` to join; the portfolio rules run at the merge.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    /// Print the findings and problems only: no progress, assessments or summary.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Runs `check`; returns the exit code.
pub fn run(
    args: &CheckArgs,
    config: &Config,
    framework_dirs: Vec<PathBuf>,
    color: Color,
) -> Result<u8, Error> {
    let mut options = args.input.options(config, framework_dirs);
    options.shard = args.shard;
    if args.shard.is_some() && args.format != Format::Json {
        return Err(Error::usage(
            "a shard's result is for `srmcheck merge`, which reads JSON",
            "add `--format json` and write each shard's output to a file",
        ));
    }
    let progress = Progress::new(args.quiet);
    let (report, _) = check::run_observed(&options, &progress)?;
    progress.finish();
    output::print_check(&report, args.format, color, args.quiet).map_err(super::io_error)?;
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
    Ok(report.exit_code(fail_on.severity()))
}

pub(super) fn parse_severity(text: &str) -> Result<(String, Severity), String> {
    let (rule, level) = text
        .split_once('=')
        .ok_or("expected RULE=LEVEL, a rule id and error, warning or info")?;
    let level = <Severity as clap::ValueEnum>::from_str(level, true)
        .map_err(|_| format!("`{level}` is not error, warning or info"))?;
    Ok((rule.to_owned(), level))
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse()
}
