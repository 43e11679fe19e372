//! `srmcheck export`: an SRM as the matrix a client or auditor reads, in an
//! .xlsx workbook (the responsibility matrix, coverage per framework,
//! findings, exceptions, and the document around the rows) or as CSV (the
//! matrix, with the document in leading `#` lines). `srmcheck import` reads
//! either back into the same SRM.

mod csv;
mod error;
mod oscal_ar;
mod oscal_common;
mod oscal_component;
mod oscal_ssp;
mod tables;
mod xlsx;

use std::path::Path;

pub use error::ExportError;

use crate::check::CheckOptions;
use crate::source::display_name;

/// The formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Xlsx,
    Csv,
    /// OSCAL system security plan (JSON).
    OscalSsp,
    /// OSCAL component definition of the MSSP's service (JSON).
    OscalComponent,
    /// OSCAL assessment results of the check (JSON).
    OscalAr,
}

/// The export of the one SRM in `options.paths`, as bytes.
pub fn export(options: &CheckOptions, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    let (report, mut pages) = crate::report::client_pages(options)?;
    if !report.errors.is_empty() {
        return Err(ExportError::NotChecked {
            problems: report.errors,
        });
    }
    let file = options
        .paths
        .first()
        .map(|p| display_name(p))
        .unwrap_or_default();
    let (page, srm) = match pages.len() {
        1 => pages.remove(0),
        n => {
            return Err(ExportError::NotOneSrm {
                file,
                message: format!("the file holds {n} SRMs, not one"),
            })
        }
    };
    match format {
        ExportFormat::OscalSsp => return Ok(oscal_common::bytes(&oscal_ssp::ssp(&srm, &page))),
        ExportFormat::OscalComponent => {
            let definition = oscal_component::component_definition(&srm, &page);
            return Ok(oscal_common::bytes(&definition));
        }
        ExportFormat::OscalAr => {
            let results = oscal_ar::assessment_results(&srm, &page);
            return Ok(oscal_common::bytes(&results));
        }
        ExportFormat::Csv | ExportFormat::Xlsx => {}
    }
    let matrix = tables::matrix(&srm);
    match format {
        ExportFormat::Csv => {
            let document = tables::document(&srm, true);
            csv::csv(&matrix, &document).map_err(|e| ExportError::Workbook(e.to_string()))
        }
        ExportFormat::Xlsx => {
            let mut sheets = vec![matrix];
            sheets.extend(page.coverage.iter().map(tables::coverage));
            sheets.push(tables::findings(&page));
            sheets.push(tables::exceptions(&page));
            sheets.push(tables::document(&srm, false));
            xlsx::workbook(&sheets, options.as_of).map_err(|e| ExportError::Workbook(e.to_string()))
        }
        ExportFormat::OscalSsp | ExportFormat::OscalComponent | ExportFormat::OscalAr => {
            unreachable!("OSCAL formats are written above")
        }
    }
}

/// Writes the export to `path`, whole or not at all.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    crate::atomic::write(path, bytes).map_err(|e| ExportError::Write {
        path: display_name(path),
        reason: e.to_string(),
    })
}
