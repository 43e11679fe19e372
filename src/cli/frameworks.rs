//! `srmcheck frameworks`: list, show, import and map the catalogs.

use std::path::PathBuf;
use std::sync::Arc;

use clap::Subcommand;

use super::error::Error;
use super::unknown;
use crate::catalog::{Catalog, FrameworkIndex};
use crate::load::Loader;
use crate::oscal::ImportOptions;
use crate::output;
use crate::output::frameworks::ListFormat;
use crate::yaml::Limits;

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

/// Renders a `frameworks` subcommand.
pub fn render(command: &FrameworksCommand, dirs: &[PathBuf]) -> Result<String, Error> {
    let loader = Loader::new(Limits::default());
    let catalog = Catalog::with_user_dirs(Limits::default(), dirs, &loader)?;
    match command {
        FrameworksCommand::List { format } => list(&catalog, *format),
        FrameworksCommand::Show {
            id,
            control,
            format,
        } => show(&catalog, id, control.as_deref(), *format),
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
            Ok(output::frameworks::document(&framework))
        }
        FrameworksCommand::Map { from, to, format } => map(&catalog, from, to, *format),
    }
}

/// The framework `id` of the catalog, read.
fn framework(catalog: &Catalog, id: &str) -> Result<Arc<FrameworkIndex>, Error> {
    match catalog.get(id) {
        Some(framework) => Ok(framework?),
        None => Err(unknown("framework", id, catalog.ids())),
    }
}

/// `frameworks list`: every catalog with its control count.
fn list(catalog: &Catalog, format: ListFormat) -> Result<String, Error> {
    let all = catalog
        .ids()
        .map(|id| framework(catalog, id))
        .collect::<Result<Vec<_>, _>>()?;
    let all: Vec<&FrameworkIndex> = all.iter().map(|f| &**f).collect();
    Ok(output::frameworks::list(&all, format))
}

/// `frameworks show`: the controls of framework `id`, or its `control`.
fn show(
    catalog: &Catalog,
    id: &str,
    control: Option<&str>,
    format: ListFormat,
) -> Result<String, Error> {
    let framework = framework(catalog, id)?;
    let control = match control {
        Some(c) => match framework.position(c) {
            Some(position) => Some(&framework.controls()[position]),
            None => {
                let known = framework.controls().iter().map(|c| c.id.as_str());
                return Err(unknown("control", c, known));
            }
        },
        None => None,
    };
    Ok(output::frameworks::show(&framework, control, format))
}

/// `frameworks map`: the crosswalk from framework `from` to `to`.
fn map(catalog: &Catalog, from: &str, to: &str, format: ListFormat) -> Result<String, Error> {
    framework(catalog, from)?;
    framework(catalog, to)?;
    match catalog.crosswalk(from, to)? {
        Some(view) => Ok(output::frameworks::map(&view, format)),
        None => Err(Error::usage(
            format!("no crosswalk joins `{from}` and `{to}`"),
            "see `srmcheck frameworks list`; shipped crosswalks join SP 800-53r5, SP 800-171r2, CMMC 2.0, CSF 2.0 and ISO 27001:2022",
        )),
    }
}
