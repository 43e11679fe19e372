//! The command line: argument parsing and dispatch to the library.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

mod check;
mod frameworks;
mod merge;
mod report;

pub use check::{CheckArgs, InputArgs};
pub use frameworks::FrameworksCommand;
pub use merge::MergeArgs;
pub use report::ReportArgs;

use crate::config::Configuration;
use crate::embedded::EXAMPLES;
use crate::error::Error;
use crate::model::Kind;
use crate::output::frameworks::ListFormat;
use crate::output::{self, Color};
use crate::policy::{run_tests, PolicyPack, TestResult};
use crate::rule::Rule;
use crate::suggest::did_you_mean;

/// Policy-as-code checks for MSSP Shared Responsibility Models.
#[derive(Debug, Parser)]
#[command(name = "srmcheck", version, about)]
pub struct Cli {
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Never colour output (as `--color never`; `NO_COLOR` does the same).
    #[arg(long, global = true)]
    pub no_color: bool,
    /// A folder of your own Framework and Mapping documents, beside the built-in catalogs.
    #[arg(long = "frameworks", global = true, value_name = "DIR")]
    pub framework_dirs: Vec<PathBuf>,
    /// The configuration file (default: srmcheck.yaml or .srmcheck.yaml here or above).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Whether to colour output, from `--color`, `--no-color` and `NO_COLOR`.
    pub fn color(&self) -> Color {
        match self.no_color {
            true => Color::Never,
            false => self.color.resolve(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check SRMs against the policy pack.
    Check(CheckArgs),
    /// Join the JSON results of `check --shard K/N` into the result of one run.
    Merge(MergeArgs),
    /// Write the evidence report of the SRMs: a page per client and a portfolio index.
    Report(ReportArgs),
    /// Print the configuration in force and the file it comes from.
    Config,
    /// Print the JSON Schema of a document kind.
    Schema {
        #[arg(value_enum)]
        kind: Kind,
    },
    /// List, show and map the framework catalogs.
    #[command(subcommand)]
    Frameworks(FrameworksCommand),
    /// Every rule of the policy pack with its metadata.
    Rules {
        /// Folders of extra Rego policies.
        #[arg(long = "policy", value_name = "DIR")]
        policies: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// One rule's documentation with a failing and a passing example.
    Explain {
        /// Rule id, as `srmcheck rules` lists them.
        id: String,
        /// Folders of extra Rego policies.
        #[arg(long = "policy", value_name = "DIR")]
        policies: Vec<PathBuf>,
    },
    /// Run Rego unit tests (`test_*` rules in `*_test.rego`), like `opa test`.
    Test {
        /// Folders of policies and their tests (default: the built-in pack).
        dirs: Vec<PathBuf>,
        /// Report line coverage of the policies under test.
        #[arg(long)]
        coverage: bool,
        /// Fail (exit 1) when total line coverage is below this percentage.
        #[arg(long, value_name = "PCT")]
        threshold: Option<f64>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// `auto` colours only a terminal, and never when `NO_COLOR` is set.
    pub fn resolve(self) -> Color {
        match self {
            ColorChoice::Always => Color::Always,
            ColorChoice::Never => Color::Never,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                match !no_color && std::io::stdout().is_terminal() {
                    true => Color::Always,
                    false => Color::Never,
                }
            }
        }
    }
}

/// An error writing output.
fn io_error(e: std::io::Error) -> Error {
    Error::usage(
        format!("cannot write output: {e}"),
        "check where output goes",
    )
}

/// A usage error for an unknown name, with the closest known one as a hint.
pub(crate) fn unknown<'a>(what: &str, name: &str, known: impl Iterator<Item = &'a str>) -> Error {
    let known: Vec<&str> = known.collect();
    let hint = match did_you_mean(name, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("known: {}", known.join(", ")),
    };
    Error::usage(format!("unknown {what} `{name}`"), hint)
}

/// Runs a command; returns the exit code, or the error that stopped it.
pub fn run(cli: &Cli) -> Result<u8, Error> {
    let color = cli.color();
    let io = io_error;
    let configuration = match &cli.config {
        Some(file) => Configuration::read(file)?,
        None => Configuration::discover(&std::env::current_dir().unwrap_or_default())?,
    };
    let config = &configuration.config;
    let framework_dirs: Vec<PathBuf> = config
        .frameworks
        .iter()
        .chain(&cli.framework_dirs)
        .cloned()
        .collect();
    match &cli.command {
        Command::Check(args) => check::run(args, config, framework_dirs, color),
        Command::Merge(args) => merge::run(args, config, color),
        Command::Report(args) => report::run(args, config, framework_dirs, color),
        Command::Config => {
            output::print_text(&output::config::render(&configuration)).map_err(io)?;
            Ok(0)
        }
        Command::Schema { kind } => {
            output::print_text(&crate::schema::schema(*kind)).map_err(io)?;
            Ok(0)
        }
        Command::Rules { policies, format } => {
            let pack = PolicyPack::load(policies)?;
            let rules: Vec<&Rule> = pack.rules().map(|r| &**r).collect();
            output::print_text(&output::rules::list(&rules, *format)).map_err(io)?;
            Ok(0)
        }
        Command::Explain { id, policies } => {
            let pack = PolicyPack::load(policies)?;
            let Some(rule) = pack.rules().find(|r| r.id == *id) else {
                return Err(unknown("rule", id, pack.rules().map(|r| r.id.as_str())));
            };
            let example = EXAMPLES
                .iter()
                .find(|(rule, _, _)| rule == id)
                .map(|&(_, fire, pass)| (fire, pass));
            output::print_text(&output::rules::explain(rule, example)).map_err(io)?;
            Ok(0)
        }
        Command::Test {
            dirs,
            coverage,
            threshold,
        } => {
            let pack = PolicyPack::load_with_tests(dirs)?;
            let report = run_tests(&pack, *coverage || threshold.is_some())?;
            output::print_text(&output::tests::render(&report, *threshold)).map_err(io)?;
            let errors = report
                .outcomes
                .iter()
                .any(|t| matches!(t.result, TestResult::Error(_)));
            let failed = report.outcomes.iter().any(|t| t.result == TestResult::Fail);
            let below = threshold.is_some_and(|t| report.total_percent() < t);
            Ok(match (errors, failed || below) {
                (true, _) => 2,
                (false, true) => 1,
                (false, false) => 0,
            })
        }
        Command::Frameworks(command) => {
            output::print_text(&frameworks::render(command, &framework_dirs)?).map_err(io)?;
            Ok(0)
        }
    }
}
