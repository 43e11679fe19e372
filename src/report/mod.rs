//! `srmcheck report`: evidence reports for auditors and client reviews.
//!
//! The checks run as for `check`; each SRM's page model is built as it is
//! checked (`observer`), the index across clients once all are
//! (`build`), and every page is rendered into memory with the templates
//! (`templates`) before any file is written, each atomically (`crate::atomic`).

mod budget;
mod build;
mod css;
mod error;
mod format;
mod hash;
mod markdown;
pub mod model;
mod observer;
mod paths;
mod provenance;
mod render;
mod templates;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub use error::ReportError;
pub use format::ReportFormat;
pub use provenance::Invocation;
pub use render::Page;

use crate::check::{run_observed, CheckOptions, CheckReport};
use crate::policy::PolicyPack;
use hash::FileHasher;
use observer::{PageObserver, SourcedPageObserver};
use templates::Templates;

/// A report made in memory, ready to write.
#[derive(Debug)]
pub struct Report {
    /// The check run behind it: its problems are the report's too.
    pub check: CheckReport,
    pub pages: Vec<Page>,
    /// The files the report was made from (SRMs, providers, environments,
    /// templates): never overwritten.
    pub inputs: BTreeSet<PathBuf>,
}

/// Checks the SRMs of `options` and renders their report as `invocation`
/// asks (its format, its templates over the built-in ones).
pub fn make(options: &CheckOptions, invocation: &Invocation) -> Result<Report, ReportError> {
    let format = invocation.format;
    let templates = match format {
        ReportFormat::Json => None,
        _ => Some(Templates::load(invocation.templates.as_deref(), format)?),
    };
    let pack = hash::policy_pack(&PolicyPack::load(&options.policy_dirs)?);
    let own_templates = templates.as_ref().map_or(&[][..], Templates::files);
    let run = provenance::provenance(options, invocation, &pack, own_templates);
    let observer = PageObserver {
        as_of: options.as_of,
        policy_pack: pack.sha256.clone(),
        hasher: FileHasher::default(),
        run: run.clone(),
    };
    let (check, observed) = run_observed(options, &observer)?;
    let mut clients = observed;
    let index = build::index_page(&check, &mut clients, pack, run, format.ext());
    let mut inputs: BTreeSet<PathBuf> = clients
        .iter()
        .flat_map(|c| &c.appendix.inputs)
        .map(|file| PathBuf::from(&file.path))
        .collect();
    if let Some(templates) = &templates {
        inputs.extend(templates.files().iter().cloned());
    }
    let pages = render::pages(templates.as_ref(), format, &index, clients)?;
    Ok(Report {
        check,
        pages,
        inputs,
    })
}

/// Checks the SRMs of `options` and keeps each one's client page with the
/// document it was made from (`srmcheck export` writes both).
pub fn client_pages(
    options: &CheckOptions,
) -> Result<
    (
        CheckReport,
        Vec<(model::ClientPage, crate::model::ResponsibilityMatrix)>,
    ),
    ReportError,
> {
    let pack = hash::policy_pack(&PolicyPack::load(&options.policy_dirs)?);
    let invocation = Invocation::of(options, ReportFormat::Json);
    let run = provenance::provenance(options, &invocation, &pack, &[]);
    let observer = SourcedPageObserver(PageObserver {
        as_of: options.as_of,
        policy_pack: pack.sha256,
        hasher: FileHasher::default(),
        run,
    });
    Ok(run_observed(options, &observer)?)
}

/// Writes the pages below `out`, creating folders as needed. Refuses, before
/// writing anything, a page that would replace one of the report's inputs.
pub fn write(out: &Path, report: &Report) -> Result<(), ReportError> {
    let failed = |path: &Path, e: std::io::Error| ReportError::Write {
        path: crate::source::display_name(path),
        reason: e.to_string(),
    };
    let inputs: BTreeSet<PathBuf> = report
        .inputs
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    for page in &report.pages {
        let target = out.join(&page.path);
        if std::fs::canonicalize(&target).is_ok_and(|t| inputs.contains(&t)) {
            return Err(ReportError::WouldOverwriteInput {
                path: crate::source::display_name(&target),
            });
        }
    }
    let mut cleaned = BTreeSet::new();
    for page in &report.pages {
        let target = out.join(&page.path);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder).map_err(|e| failed(folder, e))?;
            // What a run killed mid-write left in the folder goes first.
            if cleaned.insert(folder.to_path_buf()) {
                crate::atomic::remove_stale(folder);
            }
        }
        crate::atomic::write(&target, &page.bytes).map_err(|e| failed(&target, e))?;
    }
    Ok(())
}
