//! `srmcheck init --framework ID[:LEVEL|:BASELINE]... --provider FILE [--environment FILE]`.

use std::path::PathBuf;

use super::error::Error;
use crate::catalog::Catalog;
use crate::init::{self, InitOptions};
use crate::load::Loader;
use crate::model::Date;
use crate::output::{self, Color};
use crate::yaml::Limits;

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// A framework in scope: `iso27001-2022`, `cmmc-2.0:2` (a level),
    /// `nist-800-53r5:moderate` (a baseline), `iso27001-2022:annex-a` (a part). Repeatable.
    #[arg(
        long = "framework",
        value_name = "ID[:LEVEL|:BASELINE]",
        required = true
    )]
    pub frameworks: Vec<String>,
    /// The MSSP's `Provider` document: what it can do decides the owners suggested.
    #[arg(long, value_name = "FILE")]
    pub provider: PathBuf,
    /// The client's `Environment` document (default: an inline on-prem one to complete).
    #[arg(long, value_name = "FILE")]
    pub environment: Option<PathBuf>,
    /// The client's name.
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// The SRM file written (default: standard output, references relative to here).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The date of the review block, YYYY-MM-DD (default: today, in UTC).
    #[arg(long, value_name = "DATE", value_parser = super::check::parse_date)]
    pub as_of: Option<Date>,
}

pub fn run(args: &InitArgs, framework_dirs: &[PathBuf], color: Color) -> Result<u8, Error> {
    let limits = Limits::default();
    let loader = Loader::new(limits);
    let catalog = Catalog::with_user_dirs(limits, framework_dirs, &loader)?;
    let options = InitOptions {
        frameworks: args.frameworks.clone(),
        provider: args.provider.clone(),
        environment: args.environment.clone(),
        client: args.client.clone(),
        output: args
            .out
            .clone()
            .unwrap_or_else(|| PathBuf::from("srm.yaml")),
        today: args.as_of.unwrap_or_else(Date::today),
    };
    let made = init::init(&options, &catalog, &loader).and_then(|text| match &args.out {
        Some(path) => init::write(path, &text),
        None => output::print_text(&text).map_err(|e| init::InitError::Write {
            path: "<stdout>".into(),
            reason: e.to_string(),
        }),
    });
    match made {
        Ok(()) => Ok(0),
        Err(error) => {
            output::print_error(&error.problem(), color);
            Ok(2)
        }
    }
}
