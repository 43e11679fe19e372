//! `srmcheck import SPREADSHEET [-o SRM.yaml]`.

use std::path::PathBuf;

use super::error::Error;
use crate::catalog::Catalog;
use crate::import::{self, ImportError, ImportOptions};
use crate::load::Loader;
use crate::output::{self, Color};
use crate::yaml::Limits;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The spreadsheet: .xlsx, or .csv.
    pub spreadsheet: PathBuf,
    /// The SRM file written (default: standard output); nothing is written
    /// when the import fails.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &ImportArgs, framework_dirs: &[PathBuf], color: Color) -> Result<u8, Error> {
    let limits = Limits::default();
    let catalog =
        Catalog::with_user_dirs(limits.clone(), framework_dirs, &Loader::new(limits.clone()))?;
    let options = ImportOptions {
        output: args
            .out
            .clone()
            .unwrap_or_else(|| PathBuf::from("<stdout>")),
        max_bytes: limits.max_file_bytes,
    };
    let imported =
        import::import(&args.spreadsheet, &options, &catalog).and_then(|text| match &args.out {
            Some(path) => import::write(path, &text).map_err(|e| vec![e]),
            None => output::print_text(&text).map_err(|e| {
                vec![ImportError::usage(
                    format!("cannot write output: {e}"),
                    "check where output goes",
                )]
            }),
        });
    match imported {
        Ok(()) => Ok(0),
        Err(errors) => {
            for error in &errors {
                output::print_error(&error.problem(), color);
            }
            Ok(2)
        }
    }
}
