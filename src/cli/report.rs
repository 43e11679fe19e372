//! `srmcheck report`: the evidence report of the SRMs, written to a folder.

use std::path::PathBuf;

use super::check::InputArgs;
use super::error::Error;
use crate::config::Configuration;
use crate::output::{self, Color};
use crate::report::{self, Invocation, ReportFormat};

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The folder to write the report to (created if needed).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The pages' format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// A folder of your own templates, each replacing the built-in one of the same name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Runs `report`; returns the exit code: 0 when every SRM is in the report,
/// 2 when an input could not be checked (the report is written without it).
pub fn run(
    args: &ReportArgs,
    configuration: &Configuration,
    framework_dirs: Vec<PathBuf>,
    color: Color,
) -> Result<u8, Error> {
    // The configuration's folders come first: the rest are the command line's.
    let from_config = configuration
        .config
        .frameworks
        .len()
        .min(framework_dirs.len());
    let invocation = Invocation {
        format: args.format,
        templates: args.templates.clone(),
        framework_dirs: framework_dirs[from_config..].to_vec(),
        policy_dirs: args.input.policies.clone(),
        severities: args.input.severities.clone(),
    };
    let options = args.input.options(configuration, framework_dirs);
    let made = report::make(&options, &invocation)?;
    report::write(&args.out, &made)?;
    for error in &made.check.errors {
        output::print_error(error, color);
    }
    let summary = output::report_summary(&made, &args.out);
    output::print_text(&summary).map_err(super::io_error)?;
    Ok(match made.check.errors.is_empty() {
        true => 0,
        false => 2,
    })
}
