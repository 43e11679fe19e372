//! `srmcheck frameworks import-oscal`: an OSCAL catalog (JSON or XML) as a
//! `Framework` document, so that a catalog a user holds a licence for (SOC 2,
//! PCI DSS, ...) can be checked against like the built-in ones.
//!
//! Groups become families, controls (with their nested controls, such as
//! SP 800-53 enhancements, unless `top_level_only`) become controls. A
//! control's id is its `label` prop when that is one word (`AC-2(1)`, not
//! `Account Management (03.01.01)`), else its `sort-id` prop, else its `id`
//! (props of other namespaces than OSCAL's own are ignored). Controls whose
//! `status` prop is `withdrawn` are left out; catalogs that mark withdrawn
//! items some other way (CSF 2.0 keeps CSF 1.1 items without a status) keep them.

mod item;
mod json;
mod token;
mod xml;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::load::{read_source, LoadError};
use crate::located::Located;
use crate::model::{ApiVersion, Control, Framework, FrameworkSpec, Kind, Metadata, SourceInfo};
use item::{Item, ItemKind};
pub use token::control_token;

/// How to turn a catalog into a framework.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The framework id (`metadata.name`).
    pub id: String,
    /// The licence under which the user holds the catalog.
    pub licence: String,
    /// Leave out controls nested in other controls.
    pub top_level_only: bool,
}

/// Largest catalog read.
const MAX_CATALOG_BYTES: u64 = 64 * 1024 * 1024;

/// Reads an OSCAL catalog file (`.xml`, else JSON) as a `Framework`.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Framework, LoadError> {
    let source = Arc::new(read_source(path, MAX_CATALOG_BYTES)?);
    let is_xml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
        || source.text().trim_start().starts_with('<');
    let catalog = match is_xml {
        true => xml::read(&source)?,
        false => json::read(&source)?,
    };
    let mut controls = Vec::new();
    collect(&catalog, None, options, &mut controls);
    let mut seen: HashMap<&str, &Item> = HashMap::new();
    for (control, item) in &controls {
        if let Some(first) = seen.insert(control.id.as_str(), item) {
            let line = source.position(first.span.start).line;
            return Err(Located::new(
                &source,
                item.span,
                format!(
                    "control id `{}` appears twice (first on line {line})",
                    control.id
                ),
            )
            .with_hint("a catalog's control ids must be unique")
            .into());
        }
    }
    if controls.is_empty() {
        return Err(Located::new(&source, catalog.span, "the catalog has no controls").into());
    }
    Ok(Framework {
        api_version: ApiVersion::V1,
        kind: Kind::Framework,
        metadata: Metadata {
            name: options.id.clone(),
            title: None,
            labels: Default::default(),
        },
        spec: FrameworkSpec {
            title: catalog.title.clone(),
            version: catalog
                .version
                .clone()
                .unwrap_or_else(|| "unversioned".to_owned()),
            source: SourceInfo {
                name: catalog.title.clone(),
                url: Some(crate::source::display_name(path)),
                licence: options.licence.clone(),
            },
            controls: controls.into_iter().map(|(c, _)| c).collect(),
        },
    })
}

/// Walks groups and controls in document order.
fn collect<'a>(
    item: &'a Item,
    family: Option<&str>,
    options: &ImportOptions,
    out: &mut Vec<(Control, &'a Item)>,
) {
    for child in &item.children {
        match child.kind {
            ItemKind::Group => {
                let label = word_label(child).or(child.prop("sort-id"));
                let family = match label {
                    Some(label) if !child.title.contains(label) => {
                        format!("{label} {}", child.title)
                    }
                    _ => child.title.clone(),
                };
                collect(child, Some(&family), options, out);
            }
            ItemKind::Control => {
                if child.prop("status") != Some("withdrawn") {
                    out.push((control(child, family), child));
                }
                if !options.top_level_only {
                    collect(child, family, options, out);
                }
            }
            ItemKind::Catalog => {}
        }
    }
}

/// The `label` prop when it is a single word, as ids are.
fn word_label(item: &Item) -> Option<&str> {
    item.prop("label")
        .filter(|l| !l.contains(char::is_whitespace))
}

fn control(item: &Item, family: Option<&str>) -> Control {
    let id = word_label(item)
        .or(item.prop("sort-id"))
        .unwrap_or(&item.id);
    Control {
        id: id.to_owned(),
        title: item.title.clone(),
        family: family.unwrap_or("").to_owned(),
        function: None,
        part: None,
        level: None,
        weight: None,
        baselines: Vec::new(),
        aliases: Vec::new(),
        specifications: Vec::new(),
        standard: None,
        status: None,
        layer: None,
        capabilities: Vec::new(),
        round_the_clock: None,
        min_maturity: None,
    }
}
