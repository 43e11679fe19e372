//! `srmcheck export SRM --format xlsx|csv|oscal-ssp|oscal-component|oscal-ar -o FILE`.

use std::path::PathBuf;

use super::check::InputArgs;
use super::error::Error;
use crate::config::Configuration;
use crate::export::{self, ExportFormat};
use crate::output::{self, Color};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The SRM file (with `--policy`, `--as-of` and `--severity` as for `check`).
    #[command(flatten)]
    pub input: InputArgs,
    /// `xlsx`: the matrix, coverage per framework, findings, exceptions;
    /// `csv`: the matrix (with the document in leading `#` lines);
    /// `oscal-ssp`, `oscal-component`, `oscal-ar`: OSCAL 1.1.2 JSON (a system
    /// security plan, the MSSP's service as a component definition, the
    /// check's assessment results).
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// The file written (whole, or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: PathBuf,
}

pub fn run(
    args: &ExportArgs,
    configuration: &Configuration,
    framework_dirs: Vec<PathBuf>,
    color: Color,
) -> Result<u8, Error> {
    if args.input.paths.len() != 1 {
        return Err(Error::usage(
            "export takes one SRM file",
            "give the file of the SRM to export: `srmcheck export srm.yaml --format xlsx -o srm.xlsx`",
        ));
    }
    let options = args.input.options(configuration, framework_dirs);
    let written =
        export::export(&options, args.format).and_then(|bytes| export::write(&args.out, &bytes));
    match written {
        Ok(()) => Ok(0),
        Err(error) => {
            for problem in error.problems() {
                output::print_error(&problem, color);
            }
            Ok(2)
        }
    }
}
