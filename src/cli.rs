//! The command line: argument parsing and dispatch to the library.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::check::{self, CheckOptions};
use crate::error::Error;
use crate::model::{Date, Kind};
use crate::output::{self, Color};
use crate::severity::Severity;

/// Policy-as-code checks for MSSP Shared Responsibility Models.
#[derive(Debug, Parser)]
#[command(name = "srmcheck", version, about)]
pub struct Cli {
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check SRMs against the policy pack.
    Check(CheckArgs),
    /// Print the JSON Schema of a document kind.
    Schema {
        #[arg(value_enum)]
        kind: Kind,
    },
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// SRM files, or folders to search for them (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// A folder of extra Rego policies, evaluated beside the built-in pack.
    #[arg(long = "policy", value_name = "DIR")]
    pub policies: Vec<PathBuf>,
    /// The date date-dependent rules judge by, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
}

/// The severity that fails a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
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

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse()
}

/// Runs a command; returns the exit code, or the error that stopped it.
pub fn run(cli: &Cli) -> Result<u8, Error> {
    let color = cli.color.resolve();
    let io = |e: std::io::Error| {
        Error::usage(
            format!("cannot write output: {e}"),
            "check where output goes",
        )
    };
    match &cli.command {
        Command::Check(args) => {
            let options = CheckOptions {
                paths: match args.paths.is_empty() {
                    true => vec![PathBuf::from(".")],
                    false => args.paths.clone(),
                },
                policy_dirs: args.policies.clone(),
                as_of: args
                    .as_of
                    .unwrap_or_else(|| Date(chrono::Local::now().date_naive())),
            };
            let report = check::run(&options)?;
            output::print_check(&report, color).map_err(io)?;
            Ok(report.exit_code(args.fail_on.severity()))
        }
        Command::Schema { kind } => {
            output::print_text(&crate::schema::schema(*kind)).map_err(io)?;
            Ok(0)
        }
    }
}
