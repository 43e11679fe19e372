//! `srmcheck input FILE`: the policy `input` of an SRM as JSON.

use std::path::PathBuf;

use super::error::Error;
use crate::check::policy_inputs;
use crate::config::Config;
use crate::model::Date;
use crate::output::{self, Color};

#[derive(Debug, clap::Args)]
pub struct InputCommandArgs {
    /// The SRM file.
    pub file: PathBuf,
    /// The date in the input's `asOf`, YYYY-MM-DD (default: today, in UTC).
    #[arg(long, value_name = "DATE", value_parser = super::check::parse_date)]
    pub as_of: Option<Date>,
}

/// Prints the input of the file's SRM (an array of them when it holds
/// several); exit 2 with every problem when the file does not load.
pub fn run(
    args: &InputCommandArgs,
    config: &Config,
    framework_dirs: &[PathBuf],
    color: Color,
) -> Result<u8, Error> {
    let as_of = args.as_of.or(config.as_of).unwrap_or_else(Date::today);
    // The project root of `input` is the git work tree or the working directory.
    let roots = crate::resolve::Roots::new(None, &config.reference_folders);
    match policy_inputs(&args.file, framework_dirs, as_of, &roots) {
        Ok(inputs) => {
            output::print_text(&output::input::render(inputs)).map_err(super::io_error)?;
            Ok(0)
        }
        Err(errors) => {
            errors
                .iter()
                .for_each(|error| output::print_error(error, color));
            Ok(2)
        }
    }
}
