//! `srmcheck diff OLD NEW [--format human|json|md]`.

use super::error::Error;
use crate::diff::{self, DiffFormat};
use crate::model::Date;
use crate::output::{self, Color};

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The old version: a file, or `REV:path` in git (`HEAD~1:clients/acme/srm.yaml`).
    pub old: String,
    /// The new version: a file, or `REV:path`.
    pub new: String,
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// The date exceptions are judged expired by (default: today, in UTC).
    #[arg(long, value_name = "DATE", value_parser = super::check::parse_date)]
    pub as_of: Option<Date>,
}

/// Exit 0 when the versions agree, 1 when they differ, 2 when one cannot be read.
pub fn run(args: &DiffArgs, color: Color) -> Result<u8, Error> {
    match diff::diff(&args.old, &args.new, args.as_of.unwrap_or_else(Date::today)) {
        Ok(changes) => {
            let text = diff::render(&changes, &args.old, &args.new, args.format);
            output::print_text(&text).map_err(super::io_error)?;
            Ok(u8::from(!changes.is_empty()))
        }
        Err(errors) => {
            for error in &errors {
                output::print_error(&error.problem(), color);
            }
            Ok(2)
        }
    }
}
