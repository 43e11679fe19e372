//! `srmcheck import`: a responsibility matrix from a spreadsheet (.xlsx or
//! .csv) as a `ResponsibilityMatrix` document.
//!
//! The spreadsheet is read into sheets of cells (`xlsx`, `csv`), a layout
//! turns them into a draft of the document (`own`: srmcheck's export), the
//! draft is checked against the catalogs (`validate`) and written as YAML
//! (`emit`), which must load with srmcheck's own loader before it is written.

mod caiq;
mod context;
mod csv;
mod draft;
mod emit;
mod error;
mod fedramp;
mod mapping;
mod oscal_ssp;
mod own;
mod table;
mod validate;
mod vendor;
mod xlsx;

use std::path::{Path, PathBuf};

pub use context::{parse_selection, Context};
pub use draft::{Draft, DraftRow};
pub use emit::yaml as emit_yaml;
pub use error::ImportError;
pub use mapping::ColumnMapping;
pub use table::At;
pub use vendor::VendorOptions;

use crate::catalog::Catalog;
use crate::sheet;
use crate::source::{display_name, SourceFile};
use table::MAX_ROWS;

/// What to import and where it goes.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The file the SRM will be written to: its name in messages.
    pub output: PathBuf,
    /// The largest spreadsheet read, in bytes.
    pub max_bytes: u64,
    /// The sheet of a layout other than srmcheck's own (default: found by its headers, else the first).
    pub sheet: Option<String>,
    /// A generic matrix's columns (`--map`, `--mapping FILE`).
    pub mapping: Option<ColumnMapping>,
    /// The document around the rows of a layout other than srmcheck's own.
    pub context: Context,
    /// Write the vendor's published responsibilities (`--vendor`), not an SRM.
    pub vendor: Option<VendorOptions>,
}

/// The YAML of the SRM in the spreadsheet at `path`, checked; every problem
/// found when it cannot be made.
pub fn import(
    path: &Path,
    options: &ImportOptions,
    catalog: &Catalog,
) -> Result<String, Vec<ImportError>> {
    let file = display_name(path);
    let bytes = read(path, &file, options.max_bytes).map_err(|e| vec![e])?;
    let oscal = is_text(&bytes) && vendor::is_oscal_json(&String::from_utf8_lossy(&bytes));
    if let Some(vendor) = &options.vendor {
        return import_vendor(path, &file, bytes, (options, vendor), catalog);
    }
    let draft = match (oscal, is_text(&bytes)) {
        (true, _) => from_ssp(&file, &bytes, options, catalog)?,
        (false, true) => from_csv(path, bytes, options)?,
        (false, false) => from_workbook(&file, bytes, options)?,
    };
    let errors = validate::controls(&draft, catalog);
    if !errors.is_empty() {
        return Err(errors);
    }
    let header = vec![format!("Imported by srmcheck from {file}.")];
    let text = emit::yaml(&draft, &header);
    validate::loads(&options.output, &text)?;
    Ok(text)
}

/// The draft SRM of an OSCAL system security plan's control implementation.
fn from_ssp(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    catalog: &Catalog,
) -> Result<Draft, Vec<ImportError>> {
    let (model, body) = vendor::open(file, &String::from_utf8_lossy(bytes))?;
    if model != "system-security-plan" {
        return Err(vec![ImportError::Cell {
            at: At {
                file: format!("{file}, /{model}"),
                position: None,
            },
            code: crate::problem::Code::InvalidDocument,
            message: format!("an OSCAL `{model}` is imported only as a vendor's responsibilities"),
            hint: Some("add `--vendor NAME`, or give a system-security-plan".to_owned()),
        }]);
    }
    let requirements = body.pointer("/control-implementation/implemented-requirements");
    let framework = options
        .context
        .first_framework()
        .or_else(|| {
            requirements
                .and_then(|r| r.as_array())
                .and_then(|r| r.iter().find_map(vendor::framework_prop))
        })
        .unwrap_or_else(|| fedramp::FRAMEWORK.to_owned());
    let tokens = vendor::catalog_tokens(&framework, catalog)?;
    let rows = oscal_ssp::rows(file, &body, &model, &tokens, &framework).map_err(|unknown| {
        unknown
            .into_iter()
            .map(|(id, pointer)| ImportError::Cell {
                at: At {
                    file: format!("{file}, {pointer}"),
                    position: None,
                },
                code: crate::problem::Code::UnknownControl,
                message: format!("`{id}` is not a control of `{framework}`"),
                hint: Some(
                    "give `--framework ID` naming the catalog of the plan's control ids".to_owned(),
                ),
            })
            .collect::<Vec<_>>()
    })?;
    Ok(options.context.draft(rows, Some(&framework)))
}

/// The `VendorResponsibilities` YAML of an OSCAL document or a matrix (a
/// FedRAMP CRM worksheet, or any layout `import` reads).
fn import_vendor(
    path: &Path,
    file: &str,
    bytes: Vec<u8>,
    (options, vendor): (&ImportOptions, &VendorOptions),
    catalog: &Catalog,
) -> Result<String, Vec<ImportError>> {
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let document = match is_text(&bytes) && vendor::is_oscal_json(&text) {
        true => vendor::from_oscal(file, &text, vendor, catalog)?,
        false => {
            let draft = match is_text(&bytes) {
                true => from_csv(path, bytes, options)?,
                false => from_workbook(file, bytes, options)?,
            };
            let errors = validate::controls(&draft, catalog);
            if !errors.is_empty() {
                return Err(errors);
            }
            vendor::from_crm(&draft.rows, file.to_owned(), vendor)
        }
    };
    vendor::yaml(&document, file).map_err(|e| vec![e])
}

/// Writes `text` to `path` through a temporary file renamed over it: a failed
/// write leaves what was there.
pub fn write(path: &Path, text: &str) -> Result<(), ImportError> {
    crate::atomic::write(path, text.as_bytes()).map_err(|e| ImportError::Write {
        path: display_name(path),
        reason: e.to_string(),
    })
}

fn read(path: &Path, file: &str, max_bytes: u64) -> Result<Vec<u8>, ImportError> {
    let unreadable = |reason: String| ImportError::NotASpreadsheet {
        file: file.to_owned(),
        message: format!("cannot read the file: {reason}"),
        hint: "check that the path exists and is a readable file".to_owned(),
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(unreadable("not a regular file".to_owned()));
    }
    if meta.len() > max_bytes {
        return Err(ImportError::TooLarge {
            file: file.to_owned(),
            message: format!(
                "the file is {} bytes, over the limit of {max_bytes} bytes",
                meta.len()
            ),
        });
    }
    std::fs::read(path).map_err(|e| unreadable(e.to_string()))
}

/// Text (a CSV file) rather than a binary workbook, PDF or archive.
fn is_text(bytes: &[u8]) -> bool {
    !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok()
}

fn from_csv(
    path: &Path,
    bytes: Vec<u8>,
    options: &ImportOptions,
) -> Result<Draft, Vec<ImportError>> {
    let text = String::from_utf8(bytes).unwrap_or_default();
    let source = SourceFile::new(path, text);
    let file = csv::read(&source, sheet::MARKER).map_err(|e| vec![e])?;
    let name = source.name().to_owned();
    if file.sheet.rows.is_empty() {
        return Err(vec![empty(&name)]);
    }
    match file.preamble.first() {
        Some((_, first)) if first.starts_with(sheet::MARKER) => {
            let entries = own::csv_entries(&name, &file.preamble).map_err(|e| vec![e])?;
            own::draft(&entries, &file.sheet, None)
        }
        _ => layouts(&file.sheet, options)
            .and_then(|rows| rows.ok_or_else(|| vec![unknown_layout(&name)])),
    }
}

fn from_workbook(
    file: &str,
    bytes: Vec<u8>,
    options: &ImportOptions,
) -> Result<Draft, Vec<ImportError>> {
    let mut book = xlsx::Workbook::open(file, bytes).map_err(|e| vec![e])?;
    let names = book.sheet_names();
    let has = |name: &str| names.iter().any(|n| n == name);
    if has(sheet::DOCUMENT) && has(sheet::MATRIX) {
        let document = book.sheet(sheet::DOCUMENT, 0).map_err(|e| vec![e])?;
        if own::is_own(&document.cell(0, 0).text()) {
            let matrix = book.sheet(sheet::MATRIX, 0).map_err(|e| vec![e])?;
            if matrix.rows.is_empty() {
                return Err(vec![empty(&matrix.name())]);
            }
            let exceptions = match has(sheet::EXCEPTIONS) {
                true => Some(book.sheet(sheet::EXCEPTIONS, 0).map_err(|e| vec![e])?),
                false => None,
            };
            let entries = own::workbook_entries(&document);
            return own::draft(&entries, &matrix, exceptions.as_ref());
        }
    }
    let chosen = match &options.sheet {
        Some(name) if has(name) => vec![name.clone()],
        Some(name) => {
            return Err(vec![ImportError::usage(
                format!("{file} has no sheet `{name}`"),
                crate::suggest::did_you_mean_hint(name, names.iter().map(String::as_str))
                    .unwrap_or_else(|| format!("its sheets: {}", names.join(", "))),
            )])
        }
        None => names.clone(),
    };
    for name in chosen {
        let sheet = book.sheet(&name, 0).map_err(|e| vec![e])?;
        if let Some(draft) = layouts(&sheet, options)? {
            return Ok(draft);
        }
        if options.sheet.is_some() || options.mapping.is_some() {
            return Err(vec![
                match sheet.rows.is_empty() || options.mapping.is_some() {
                    true => empty(&sheet.name()),
                    false => unknown_layout(&sheet.name()),
                },
            ]);
        }
    }
    Err(vec![unknown_layout(file)])
}

/// The draft of a generic, FedRAMP or CAIQ sheet; `None` when the sheet is
/// none of them (or, with a mapping, is empty).
fn layouts(
    sheet: &table::Sheet,
    options: &ImportOptions,
) -> Result<Option<Draft>, Vec<ImportError>> {
    let context = &options.context;
    let rows = if let Some(mapping) = &options.mapping {
        mapping.check().map_err(|e| vec![e])?;
        let framework = mapping
            .framework
            .clone()
            .or_else(|| context.first_framework());
        let Some(framework) = framework else {
            return Err(vec![ImportError::usage(
                "the control column's framework is not known",
                "add `--framework ID` (or `framework:` in the mapping file)",
            )]);
        };
        mapping::rows(mapping, sheet, &framework)?
    } else if fedramp::header(sheet).is_some() {
        fedramp::rows(sheet)?
    } else if caiq::header(sheet).is_some() {
        let Some(framework) = context.first_framework() else {
            return Err(vec![ImportError::usage(
                "CAIQ control ids need their framework",
                "add `--framework ID` naming your CCM catalog (and `--frameworks DIR` holding it)",
            )]);
        };
        caiq::rows(sheet, &framework)?
    } else {
        return Ok(None);
    };
    if rows.is_empty() {
        return Ok(None);
    }
    let default_framework = match fedramp::header(sheet).is_some() && options.mapping.is_none() {
        true => Some(fedramp::FRAMEWORK),
        false => None,
    };
    Ok(Some(context.draft(rows, default_framework)))
}

fn empty(name: &str) -> ImportError {
    ImportError::NotASpreadsheet {
        file: name.to_owned(),
        message: "the sheet is empty: no header row and no rows".to_owned(),
        hint: format!("give the sheet that holds the matrix (at most {MAX_ROWS} rows)"),
    }
}

fn unknown_layout(name: &str) -> ImportError {
    ImportError::NotASpreadsheet {
        file: name.to_owned(),
        message: "the layout of the spreadsheet is not recognised".to_owned(),
        hint: "give srmcheck's own export, a FedRAMP CIS/CRM or CAIQ v4 sheet, or a column mapping with --map or --mapping".to_owned(),
    }
}
