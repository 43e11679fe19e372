//! `srmcheck import SPREADSHEET [-o SRM.yaml]`.

use std::path::PathBuf;

use super::error::Error;
use crate::catalog::Catalog;
use crate::import::{self, parse_selection, ColumnMapping, Context, ImportError, ImportOptions};
use crate::load::Loader;
use crate::output::{self, Color};
use crate::yaml::Limits;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The spreadsheet (.xlsx, or .csv), or with `--vendor` an OSCAL JSON document.
    pub spreadsheet: PathBuf,
    /// The SRM file written (default: standard output); nothing is written
    /// when the import fails.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The sheet to read (default: the first whose headers fit a layout).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// A column of a generic matrix: `ROLE=COLUMN`, the column a letter or a
    /// header (`control=A`, `owner=Owner`, `duty:mssp=F`). Repeatable.
    #[arg(long = "map", value_name = "ROLE=COLUMN")]
    pub map: Vec<String>,
    /// A mapping file (YAML: sheet, headerRow, framework, columns, owners).
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// A framework in scope (ID, ID:LEVEL, ID:BASELINE, ID:PART): the first is the control column's.
    #[arg(long = "framework", value_name = "ID[:LEVEL|:BASELINE]")]
    pub frameworks: Vec<String>,
    /// The SRM's `metadata.name`.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// The client's name.
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// The `provider:` path written (relative to the SRM written).
    #[arg(long, value_name = "PATH")]
    pub provider: Option<String>,
    /// The `environment:` path written (relative to the SRM written).
    #[arg(long, value_name = "PATH")]
    pub environment: Option<String>,
    /// Write the vendor's published responsibilities (a `VendorResponsibilities`
    /// document for the vendor so named), from an OSCAL SSP or component
    /// definition (JSON) or a FedRAMP CRM worksheet, instead of an SRM.
    #[arg(long, value_name = "NAME")]
    pub vendor: Option<String>,
}

impl ImportArgs {
    fn mapping(&self) -> Result<Option<ColumnMapping>, ImportError> {
        let mut mapping = match &self.mapping {
            Some(path) => Some(ColumnMapping::read(path)?),
            None => None,
        };
        if !self.map.is_empty() {
            let mapping = mapping.get_or_insert_with(ColumnMapping::default);
            for assignment in &self.map {
                mapping.add(assignment)?;
            }
        }
        if let (Some(mapping), Some(sheet)) = (&mut mapping, &self.sheet) {
            mapping.sheet = Some(sheet.clone());
        }
        Ok(mapping)
    }

    fn context(&self) -> Result<Context, ImportError> {
        Ok(Context {
            name: self.name.clone(),
            client: self.client.clone(),
            provider: self.provider.clone(),
            environment: self.environment.clone(),
            frameworks: self
                .frameworks
                .iter()
                .map(|f| parse_selection(f))
                .collect::<Result<_, _>>()?,
        })
    }
}

pub fn run(args: &ImportArgs, framework_dirs: &[PathBuf], color: Color) -> Result<u8, Error> {
    let limits = Limits::default();
    let catalog = Catalog::with_user_dirs(limits, framework_dirs, &Loader::new(limits))?;
    let imported = options(args, limits.max_file_bytes)
        .map_err(|e| vec![e])
        .and_then(|options| import::import(&args.spreadsheet, &options, &catalog))
        .and_then(|text| match &args.out {
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

fn options(args: &ImportArgs, max_bytes: u64) -> Result<ImportOptions, ImportError> {
    let mapping = args.mapping()?;
    Ok(ImportOptions {
        output: args
            .out
            .clone()
            .unwrap_or_else(|| PathBuf::from("<stdout>")),
        max_bytes,
        sheet: mapping
            .as_ref()
            .and_then(|m| m.sheet.clone())
            .or_else(|| args.sheet.clone()),
        mapping,
        context: args.context()?,
        vendor: args.vendor.clone().map(|vendor| import::VendorOptions {
            vendor,
            framework: args
                .frameworks
                .first()
                .map(|f| f.split(':').next().unwrap_or(f).to_owned()),
            name: args.name.clone(),
        }),
    })
}
