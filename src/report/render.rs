//! Every page of a report, rendered into memory.

use std::path::PathBuf;

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
/// without; the client models are dropped as their pages are made. Nothing
/// is written: a template that fails on the last client leaves no output behind.
pub fn pages(
    templates: Option<&Templates>,
    format: ReportFormat,
    index: &IndexPage,
    clients: Vec<ClientPage>,
) -> Result<Vec<Page>, ReportError> {
    let ext = format.ext();
    let mut pages = Vec::with_capacity(clients.len() + 1);
    pages.push(Page {
        path: PathBuf::from(format!("index.{ext}")),
        bytes: render(templates, &format!("index.{ext}"), index)?,
    });
    for client in clients {
        pages.push(Page {
            bytes: render(templates, &format!("client.{ext}"), &client)?,
            path: PathBuf::from(&client.links.page),
        });
    }
    Ok(pages)
}

fn render(
    templates: Option<&Templates>,
    template: &str,
    model: &impl Serialize,
) -> Result<Vec<u8>, ReportError> {
    if let Some(templates) = templates {
        return Ok(templates.render(template, model)?.into_bytes());
    }
    let mut bytes = serde_json::to_vec_pretty(model).map_err(|e| ReportError::TemplateFile {
        template: template.to_owned(),
        message: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}
