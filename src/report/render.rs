//! Every page of a report, rendered into memory.

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use super::error::ReportError;
use super::format::ReportFormat;
use super::model::{ClientPage, IndexPage};
use super::templates::Templates;

/// One file of the report: where it goes below the report folder, and its bytes.
#[derive(Debug)]
pub struct Page {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Renders the index and every client's page, with `templates`, or as JSON
/// without. Nothing is written: a template that fails on the last client leaves no output behind.
pub fn pages(
    templates: Option<&Templates>,
    format: ReportFormat,
    index: &IndexPage,
    clients: Vec<ClientPage>,
) -> Result<Vec<Page>, ReportError> {
    let ext = format.ext();
    let index = Page {
        path: PathBuf::from(format!("index.{ext}")),
        bytes: render(templates, &format!("index.{ext}"), index)?,
    };
    let template = format!("client.{ext}");
    // In parallel, each model dropped once its page is made; the first
    // failure in client order is the one reported, whatever the threads did.
    let rendered: Vec<Result<Page, ReportError>> = clients
        .into_par_iter()
        .map(|client| {
            Ok(Page {
                bytes: render(templates, &template, &client)?,
                path: PathBuf::from(&client.links.page),
            })
        })
        .collect();
    std::iter::once(Ok(index)).chain(rendered).collect()
}

fn render(
    templates: Option<&Templates>,
    template: &str,
    model: &impl Serialize,
) -> Result<Vec<u8>, ReportError> {
    if let Some(templates) = templates {
        return templates.render(template, model);
    }
    let mut bytes = serde_json::to_vec_pretty(model).map_err(|e| ReportError::TemplateFile {
        template: template.to_owned(),
        message: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}
