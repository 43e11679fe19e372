//! The command line: argument parsing and dispatch to the library.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::catalog::Catalog;
use crate::check::{self, CheckOptions};
use crate::config::Configuration;
use crate::embedded::EXAMPLES;
use crate::error::Error;
use crate::load::Loader;
use crate::model::{Date, Kind};
use crate::oscal::ImportOptions;
use crate::output::frameworks::ListFormat;
use crate::output::{self, Color, Format};
use crate::policy::{run_tests, PolicyPack, TestResult};
use crate::rule::Rule;
use crate::severity::{FailOn, Severity};
use crate::suggest::did_you_mean;
use crate::yaml::Limits;

/// Policy-as-code checks for MSSP Shared Responsibility Models.
#[derive(Debug, Parser)]
#[command(name = "srmcheck", version, about)]
pub struct Cli {
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// A folder of your own Framework and Mapping documents, beside the built-in catalogs.
    #[arg(long = "frameworks", global = true, value_name = "DIR")]
    pub framework_dirs: Vec<PathBuf>,
    /// The configuration file (default: srmcheck.yaml or .srmcheck.yaml here or above).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check SRMs against the policy pack.
    Check(CheckArgs),
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
        /// Rule id (`uncovered-control`).
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

#[derive(Debug, Subcommand)]
pub enum FrameworksCommand {
    /// Every catalog with its control count.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// One catalog's controls, or one control.
    Show {
        /// Framework id (`iso27001-2022`, `cmmc-2.0`, ...).
        id: String,
        /// Show this control only.
        #[arg(long)]
        control: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Turn an OSCAL catalog (JSON or XML) into a Framework document, printed as YAML.
    ImportOscal {
        /// The OSCAL catalog file.
        file: PathBuf,
        /// Framework id of the result (default: the file name, lower-cased).
        #[arg(long)]
        id: Option<String>,
        /// The licence under which you hold the catalog, recorded in the document.
        #[arg(
            long,
            default_value = "As licensed to the user; see the source catalog."
        )]
        licence: String,
        /// Leave out controls nested in other controls (SP 800-171r3's restated requirements).
        #[arg(long)]
        top_level_only: bool,
    },
    /// The crosswalk from one framework to another (derived when no mapping joins them directly).
    Map {
        from: String,
        to: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
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
    /// Exit 1 when a finding is at or above this severity (default: error).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Set a rule's severity: `RULE=error|warning|info` (repeatable).
    #[arg(long = "severity", value_name = "RULE=LEVEL", value_parser = parse_severity)]
    pub severities: Vec<(String, Severity)>,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
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

/// Renders a `frameworks` subcommand.
fn frameworks(command: &FrameworksCommand, dirs: &[PathBuf]) -> Result<String, Error> {
    let loader = Loader::new(Limits::default());
    let catalog = Catalog::with_user_dirs(Limits::default(), dirs, &loader)?;
    let framework = |id: &str| match catalog.get(id) {
        Some(framework) => Ok(framework?),
        None => Err(unknown("framework", id, catalog.ids())),
    };
    Ok(match command {
        FrameworksCommand::List { format } => {
            let all = catalog
                .ids()
                .map(framework)
                .collect::<Result<Vec<_>, _>>()?;
            output::frameworks::list(&all.iter().map(|f| &**f).collect::<Vec<_>>(), *format)
        }
        FrameworksCommand::Show {
            id,
            control,
            format,
        } => {
            let framework = framework(id)?;
            let control = match control {
                Some(c) => match framework.position(c) {
                    Some(position) => Some(&framework.controls()[position]),
                    None => {
                        return Err(unknown(
                            "control",
                            c,
                            framework.controls().iter().map(|c| c.id.as_str()),
                        ))
                    }
                },
                None => None,
            };
            output::frameworks::show(&framework, control, *format)
        }
        FrameworksCommand::ImportOscal {
            file,
            id,
            licence,
            top_level_only,
        } => {
            let stem = file.file_stem().map(|s| s.to_string_lossy().to_lowercase());
            let options = ImportOptions {
                id: id.clone().or(stem).unwrap_or_else(|| "imported".to_owned()),
                licence: licence.clone(),
                top_level_only: *top_level_only,
            };
            let framework = crate::oscal::import(file, &options)?;
            output::frameworks::document(&framework)
        }
        FrameworksCommand::Map { from, to, format } => {
            framework(from)?;
            framework(to)?;
            match catalog.crosswalk(from, to)? {
                Some(view) => output::frameworks::map(&view, *format),
                None => {
                    return Err(Error::usage(
                        format!("no crosswalk joins `{from}` and `{to}`"),
                        "see `srmcheck frameworks list`; shipped crosswalks join SP 800-53r5, SP 800-171r2, CMMC 2.0, CSF 2.0 and ISO 27001:2022",
                    ))
                }
            }
        }
    })
}

/// A usage error for an unknown name, with the closest known one as a hint.
fn unknown<'a>(what: &str, name: &str, known: impl Iterator<Item = &'a str>) -> Error {
    let known: Vec<&str> = known.collect();
    let hint = match did_you_mean(name, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("known: {}", known.join(", ")),
    };
    Error::usage(format!("unknown {what} `{name}`"), hint)
}

fn parse_severity(text: &str) -> Result<(String, Severity), String> {
    let (rule, level) = text
        .split_once('=')
        .ok_or("expected RULE=LEVEL, such as review-overdue=error")?;
    let level = Severity::from_str(level, true)
        .map_err(|_| format!("`{level}` is not error, warning or info"))?;
    Ok((rule.to_owned(), level))
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
        Command::Check(args) => {
            let options = CheckOptions {
                paths: match args.paths.is_empty() {
                    true => vec![PathBuf::from(".")],
                    false => args.paths.clone(),
                },
                include: config.include.clone(),
                exclude: config.exclude.clone(),
                policy_dirs: config
                    .policies
                    .iter()
                    .chain(&args.policies)
                    .cloned()
                    .collect(),
                framework_dirs,
                as_of: args
                    .as_of
                    .or(config.as_of)
                    .unwrap_or_else(|| Date(chrono::Local::now().date_naive())),
                severities: config
                    .severity
                    .iter()
                    .map(|(rule, level)| (rule.clone(), *level))
                    .chain(args.severities.iter().cloned())
                    .collect(),
            };
            let report = check::run(&options)?;
            output::print_check(&report, args.format, color).map_err(io)?;
            let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
            Ok(report.exit_code(fail_on.severity()))
        }
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
            output::print_text(&frameworks(command, &framework_dirs)?).map_err(io)?;
            Ok(0)
        }
    }
}
