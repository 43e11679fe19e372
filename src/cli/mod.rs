//! The command line: argument parsing and dispatch to the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

mod check;
mod diff;
mod error;
mod export;
mod frameworks;
mod generate;
mod import;
mod init;
mod input;
mod merge;
mod pack;
mod report;

pub use check::CheckArgs;
pub use diff::DiffArgs;
pub use export::ExportArgs;
pub use frameworks::FrameworksCommand;
pub use import::ImportArgs;
pub use init::InitArgs;
pub use input::InputCommandArgs;
pub use merge::MergeArgs;
pub use report::ReportArgs;

use crate::config::Configuration;
use crate::model::Kind;
use crate::output::frameworks::ListFormat;
use crate::output::{self, Color};
use crate::suggest::did_you_mean_hint;
pub use error::Error;

/// Policy-as-code checks for MSSP Shared Responsibility Models.
#[derive(Debug, Parser)]
#[command(name = "srmcheck", version, about)]
pub struct Cli {
    /// When to colour output: `auto` colours a terminal, or any output when
    /// `FORCE_COLOR` or `CLICOLOR_FORCE` is set (not `0`), never when
    /// `NO_COLOR` is set.
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
    /// Write an SRM as a spreadsheet (.xlsx or .csv) a client or auditor reads.
    Export(ExportArgs),
    /// Read a responsibility matrix from a spreadsheet (.xlsx or .csv) as an SRM.
    Import(ImportArgs),
    /// Write a first SRM for a new client: every in-scope control placed, TODOs to decide.
    Init(InitArgs),
    /// What changed between two versions of an SRM (files, or REV:path in git).
    Diff(DiffArgs),
    /// Print the configuration in force and the file it comes from.
    Config,
    /// Print the policy `input` of an SRM as JSON: what your own policies see.
    Input(InputCommandArgs),
    /// Print the JSON Schema (draft 7) of a document kind, or write every kind's.
    Schema {
        #[arg(value_enum, required_unless_present = "all")]
        kind: Option<Kind>,
        /// Every kind's schema, one file each (`--out schemas/` regenerates the shipped ones).
        #[arg(long, requires = "out", conflicts_with = "kind")]
        all: bool,
        /// The folder `--all` writes to.
        #[arg(long, value_name = "DIR", requires = "all")]
        out: Option<PathBuf>,
    },
    /// List, show and map the framework catalogs.
    #[command(subcommand)]
    Frameworks(FrameworksCommand),
    /// The capability vocabulary: what a control can need and a party can bring.
    Capabilities {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
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
    /// Print the shell completion script of SHELL.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff: `srmcheck man | man -l -`).
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// `auto` colours a terminal, or any output when `FORCE_COLOR` or
    /// `CLICOLOR_FORCE` is set to anything but `0`; `NO_COLOR` (set, not
    /// empty) wins over both. `always` and `never` win over every variable.
    pub fn resolve(self) -> Color {
        match self {
            ColorChoice::Always => Color::Always,
            ColorChoice::Never => Color::Never,
            ColorChoice::Auto => {
                let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
                let forced = ["FORCE_COLOR", "CLICOLOR_FORCE"]
                    .into_iter()
                    .any(|name| set(name) && std::env::var_os(name).is_some_and(|v| v != "0"));
                match !set("NO_COLOR") && (forced || std::io::stdout().is_terminal()) {
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
    let hint = did_you_mean_hint(name, known.iter().copied())
        .unwrap_or_else(|| format!("known: {}", known.join(", ")));
    Error::usage(format!("unknown {what} `{name}`"), hint)
}

/// Runs a command; returns the exit code, or the error that stopped it.
pub fn run(cli: &Cli) -> Result<u8, Error> {
    let color = cli.color();
    // Generated from the command line alone: no configuration needed.
    match &cli.command {
        Command::Completions { shell } => return print(&generate::completions(*shell)),
        Command::Capabilities { format } => {
            return print(&output::capabilities::list(
                &crate::catalog::VOCABULARY,
                *format,
            ))
        }
        Command::Man => return print(&generate::man()?),
        _ => {}
    }
    let configuration = configuration(cli)?;
    let config = &configuration.config;
    let framework_dirs: Vec<PathBuf> = config
        .frameworks
        .iter()
        .chain(&cli.framework_dirs)
        .cloned()
        .collect();
    match &cli.command {
        Command::Check(args) => check::run(args, &configuration, framework_dirs, color),
        Command::Merge(args) => merge::run(args, config, color),
        Command::Report(args) => report::run(args, &configuration, framework_dirs, color),
        Command::Input(args) => input::run(args, &configuration.config, &framework_dirs, color),
        Command::Export(args) => export::run(args, &configuration, framework_dirs, color),
        Command::Import(args) => import::run(args, &framework_dirs, color),
        Command::Init(args) => init::run(args, &framework_dirs, color),
        Command::Diff(args) => diff::run(args, color),
        Command::Config => print(&output::config::render(&configuration)),
        Command::Schema { kind, out, .. } => print(&schemas(*kind, out.as_deref())?),
        Command::Rules { policies, format } => print(&pack::rules(policies, *format)?),
        Command::Explain { id, policies } => print(&pack::explain(id, policies)?),
        Command::Test {
            dirs,
            coverage,
            threshold,
        } => pack::test(dirs, *coverage, *threshold),
        Command::Frameworks(command) => print(&frameworks::render(command, &framework_dirs)?),
        Command::Completions { .. } | Command::Man | Command::Capabilities { .. } => Ok(0),
    }
}

/// Prints a command's output; exit code 0.
fn print(text: &str) -> Result<u8, Error> {
    output::print_text(text).map_err(io_error)?;
    Ok(0)
}

/// The configuration of `--config`, else the one found from the working
/// directory up.
fn configuration(cli: &Cli) -> Result<Configuration, Error> {
    Ok(match &cli.config {
        Some(file) => Configuration::read(file)?,
        None => Configuration::discover(&std::env::current_dir().unwrap_or_default())?,
    })
}

/// `srmcheck schema`: the JSON Schema of `kind`, or with `--all --out DIR`
/// every kind's written to `dir` and the list of the files written.
fn schemas(kind: Option<Kind>, out: Option<&Path>) -> Result<String, Error> {
    match (kind, out) {
        (Some(kind), _) => Ok(crate::schema::schema(kind)),
        (None, Some(dir)) => {
            let written = crate::schema::write_all(dir).map_err(|e| {
                Error::usage(
                    format!("cannot write the schemas to {}: {e}", dir.display()),
                    "check that the folder can be written",
                )
            })?;
            Ok(written
                .iter()
                .map(|p| format!("wrote {}\n", p.display()))
                .collect())
        }
        (None, None) => Err(Error::usage(
            "no kind given",
            "give a kind, or `--all --out DIR`",
        )),
    }
}
