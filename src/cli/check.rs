//! `srmcheck check`: the SRMs against the policy pack.

use std::path::PathBuf;

use super::error::Error;
use crate::check::{self, CheckOptions, CheckReport, Shard};
use crate::config::Configuration;
use crate::model::Date;
use crate::output::progress::Progress;
use crate::output::{self, Color, Format, RenderOptions};
use crate::severity::{FailOn, RuleLevel};

/// What to check: shared by every command that runs the checks.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// SRM files, or folders to search for them (default: the current
    /// folder); `-` reads an SRM from standard input.
    pub paths: Vec<PathBuf>,
    /// The name of the SRM read from standard input (`-`), used in messages
    /// and to resolve its relative references (default: `<stdin>` in the
    /// current folder).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// A folder of extra Rego policies, evaluated beside the built-in pack.
    #[arg(long = "policy", value_name = "DIR")]
    pub policies: Vec<PathBuf>,
    /// The date date-dependent rules judge by, YYYY-MM-DD (default: today, in UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Set a rule's severity, or turn it off: `RULE=error|warning|info|off` (repeatable).
    #[arg(long = "severity", value_name = "RULE=LEVEL", value_parser = parse_severity)]
    pub severities: Vec<(String, RuleLevel)>,
}

impl InputArgs {
    /// The check options: these arguments over the configuration file's.
    pub fn options(
        &self,
        configuration: &Configuration,
        framework_dirs: Vec<PathBuf>,
    ) -> CheckOptions {
        let config = &configuration.config;
        CheckOptions {
            paths: match self.paths.is_empty() {
                true => vec![PathBuf::from(".")],
                false => self.paths.clone(),
            },
            include: config.include.clone(),
            exclude: config.exclude.clone(),
            config_file: configuration.file.clone(),
            stdin_name: self.stdin_filename.clone(),
            policy_dirs: config
                .policies
                .iter()
                .chain(&self.policies)
                .cloned()
                .collect(),
            framework_dirs,
            as_of: self.as_of.or(config.as_of).unwrap_or_else(Date::today),
            severities: config
                .severity
                .iter()
                .map(|(rule, level)| (rule.clone(), *level))
                .chain(self.severities.iter().cloned())
                .collect(),
            shard: None,
            reference_folders: config.reference_folders.clone(),
            cache: None,
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
    /// Print the findings counted per rule instead (as JSON with `--format json`).
    #[arg(long)]
    pub statistics: bool,
    /// The result cache's folder (default: `.srmcheck_cache` in the
    /// configuration file's folder, else in the current folder).
    #[arg(long, value_name = "DIR", env = "SRMCHECK_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Neither read nor write the result cache.
    #[arg(long, env = "SRMCHECK_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,
    /// Also print what the result cache did, on standard error.
    #[arg(long, short)]
    pub verbose: bool,
}

/// The folder the result cache is kept in, or `None` for no cache:
/// `--no-cache` or `cache: false` turn it off; `--cache-dir`, else the
/// configuration's `cacheDir`, else `.srmcheck_cache` in the configuration
/// file's folder, else in the working directory.
fn cache_dir(args: &CheckArgs, configuration: &Configuration) -> Option<PathBuf> {
    if args.no_cache || configuration.config.cache == Some(false) {
        return None;
    }
    let beside = || {
        let folder = configuration.file.as_deref().and_then(|f| f.parent());
        folder
            .unwrap_or(std::path::Path::new(""))
            .join(".srmcheck_cache")
    };
    Some(
        args.cache_dir
            .clone()
            .or_else(|| configuration.config.cache_dir.clone())
            .unwrap_or_else(beside),
    )
}

/// Runs `check`; returns the exit code.
pub fn run(
    args: &CheckArgs,
    configuration: &Configuration,
    framework_dirs: Vec<PathBuf>,
    color: Color,
) -> Result<u8, Error> {
    let fail_on = args.fail_on.or(configuration.config.fail_on);
    let how = Output::new(args.format, args.statistics, fail_on, args.quiet);
    how.check()?;
    let mut options = args.input.options(configuration, framework_dirs);
    options.shard = args.shard;
    options.cache = cache_dir(args, configuration);
    if args.shard.is_some() && args.format != Format::Json {
        return Err(Error::usage(
            "a shard's result is for `srmcheck merge`, which reads JSON",
            "add `--format json` and write each shard's output to a file",
        ));
    }
    let progress = Progress::new(args.quiet);
    let (report, _) = check::run_observed(&options, &progress)?;
    progress.finish();
    how.print(&report, color)?;
    if let (true, Some(stats)) = (args.verbose, &report.cache) {
        output::print_cache_stats(stats);
    }
    Ok(report.exit_code(how.options.fail_on))
}

/// How `check` and `merge` print a report.
pub(super) struct Output {
    pub format: Format,
    pub statistics: bool,
    pub options: RenderOptions,
}

/// Names the file GitHub Actions gathers a job's Markdown summary in.
const STEP_SUMMARY: &str = "GITHUB_STEP_SUMMARY";

impl Output {
    /// How to print: the format, whether as statistics, the severity that
    /// fails the run (default `error`) and whether quietly.
    pub fn new(format: Format, statistics: bool, fail_on: Option<FailOn>, quiet: bool) -> Self {
        Output {
            format,
            statistics,
            options: RenderOptions {
                fail_on: fail_on.unwrap_or(FailOn::Error).severity(),
                quiet,
            },
        }
    }

    /// Refuses `--statistics` with a format it has no form in.
    pub fn check(&self) -> Result<(), Error> {
        match self.statistics {
            true if !matches!(self.format, Format::Human | Format::Concise | Format::Json) => {
                Err(Error::usage(
                    "`--statistics` prints text or JSON",
                    "use `--format human` or `--format json` with `--statistics`",
                ))
            }
            _ => Ok(()),
        }
    }

    /// Prints the report; with `--format github`, also appends its summary to
    /// the file `GITHUB_STEP_SUMMARY` names, when it is set.
    pub fn print(&self, report: &CheckReport, color: Color) -> Result<(), Error> {
        if self.statistics {
            return output::print_statistics(report, self.format).map_err(super::io_error);
        }
        output::print_check(report, self.format, color, &self.options).map_err(super::io_error)?;
        let summary = std::env::var_os(STEP_SUMMARY).filter(|path| !path.is_empty());
        if let (Format::Github, Some(path)) = (self.format, summary) {
            let path = PathBuf::from(path);
            output::append_step_summary(report, &path).map_err(|e| {
                Error::usage(
                    format!("cannot write the step summary to {}: {e}", path.display()),
                    format!("check the file that {STEP_SUMMARY} names"),
                )
            })?;
        }
        Ok(())
    }
}

pub(super) fn parse_severity(text: &str) -> Result<(String, RuleLevel), String> {
    let (rule, level) = text
        .split_once('=')
        .ok_or("expected RULE=LEVEL, a rule id and error, warning, info or off")?;
    let level = <RuleLevel as clap::ValueEnum>::from_str(level, true)
        .map_err(|_| format!("`{level}` is not error, warning, info or off"))?;
    Ok((rule.to_owned(), level))
}

pub(super) fn parse_date(text: &str) -> Result<Date, String> {
    text.parse()
}
