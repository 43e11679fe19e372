//! `srmcheck import FILE --vendor NAME`: a vendor's published
//! responsibilities as a `VendorResponsibilities` document, from an OSCAL
//! system security plan (each by-component's `export.provided` and
//! `export.responsibilities`), an OSCAL component definition (each
//! implemented requirement's description and its `customer` role's remarks)
//! or a FedRAMP CRM worksheet ("Can Be Inherited from CSP" and the customer
//! responsibility text). Problems name the JSON pointer (or the cell).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde_json::Value;

use super::draft::DraftRow;
use super::error::ImportError;
use super::table::At;
use crate::catalog::{Catalog, FrameworkIndex};
use crate::model::{
    ApiVersion, ControlResponsibility, Inheritance, Kind, Metadata, ResponsibilitiesSpec,
    VendorResponsibilities,
};
use crate::oscal::control_token;
use crate::problem::Code;

/// What the command line says of the document written.
#[derive(Debug, Clone)]
pub struct VendorOptions {
    pub vendor: String,
    /// The framework of the control ids (else the document's own prop, else SP 800-53 Rev 5).
    pub framework: Option<String>,
    /// `metadata.name` (default: from the vendor's name).
    pub name: Option<String>,
}

/// One control as read: what is provided and what is left, with where it was read.
#[derive(Default)]
struct Entry {
    provided: Vec<String>,
    customer: Vec<String>,
}

fn at(file: &str, pointer: &str) -> At {
    At {
        file: format!("{file}, {pointer}"),
        position: None,
    }
}

/// Whether `text` is an OSCAL JSON document (an object at the top).
pub fn is_oscal_json(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

/// The responsibilities of an OSCAL SSP or component definition.
pub fn from_oscal(
    file: &str,
    text: &str,
    options: &VendorOptions,
    catalog: &Catalog,
) -> Result<VendorResponsibilities, Vec<ImportError>> {
    let (model, body) = open(file, text)?;
    let (model, body) = (model.as_str(), &body);
    let (framework_prop, entries) = match model {
        "system-security-plan" => ssp_entries(body, model),
        "component-definition" => component_entries(body, model),
        other => {
            return Err(vec![wrong_model(
                file,
                &format!("/{other}"),
                &format!("an OSCAL `{other}` holds no responsibilities"),
            )])
        }
    };
    let framework = options
        .framework
        .clone()
        .or(framework_prop)
        .unwrap_or_else(|| super::fedramp::FRAMEWORK.to_owned());
    let controls = resolve_controls(file, &framework, entries, catalog)?;
    let title = body
        .pointer("/metadata/title")
        .and_then(Value::as_str)
        .unwrap_or(model);
    Ok(document_of(
        options,
        &framework,
        format!("{title} ({file})"),
        controls,
    ))
}

/// The model and body of an OSCAL 1.x document.
pub(super) fn open(file: &str, text: &str) -> Result<(String, Value), Vec<ImportError>> {
    let document = parse(file, text)?;
    let (model, body) = match document.as_object().map(|o| o.iter().next()) {
        Some(Some((model, body))) if document.as_object().is_some_and(|o| o.len() == 1) => {
            (model.clone(), body.clone())
        }
        _ => {
            return Err(vec![wrong_model(
                file,
                "/",
                "no single OSCAL model at the top",
            )])
        }
    };
    let version = body
        .pointer("/metadata/oscal-version")
        .and_then(Value::as_str)
        .unwrap_or("");
    if !version.starts_with("1.") {
        let pointer = format!("/{model}/metadata/oscal-version");

        return Err(vec![ImportError::cell(
            at(file, &pointer),
            format!("OSCAL version `{version}` is not read: srmcheck reads OSCAL 1.x"),
            Some("give an OSCAL 1.0 or 1.1 document".to_owned()),
        )]);
    }
    Ok((model, body))
}

/// The JSON of `text`, or where it stops being JSON.
fn parse(file: &str, text: &str) -> Result<Value, Vec<ImportError>> {
    serde_json::from_str(text).map_err(|e| {
        vec![ImportError::cell(
            At {
                file: file.to_owned(),
                position: Some(crate::source::Position {
                    line: e.line(),
                    column: e.column(),
                }),
            },
            format!("not JSON: {e}"),
            Some("give an OSCAL JSON document".to_owned()),
        )]
    })
}

fn wrong_model(file: &str, pointer: &str, message: &str) -> ImportError {
    ImportError::Cell {
        at: at(file, pointer),
        code: Code::InvalidDocument,
        message: message.to_owned(),
        hint: Some("give an OSCAL system-security-plan or component-definition (JSON)".to_owned()),
    }
}

type Entries = Vec<(String, String, Entry)>;

/// The srmcheck `framework` prop of an OSCAL object, if it has one.
pub(super) fn framework_prop(value: &Value) -> Option<String> {
    value["props"].as_array()?.iter().find_map(|p| {
        (p["name"] == "framework")
            .then(|| p["value"].as_str().map(str::to_owned))
            .flatten()
    })
}

fn ssp_entries(body: &Value, model: &str) -> (Option<String>, Entries) {
    let base = format!("/{model}/control-implementation/implemented-requirements");
    let mut entries = Vec::new();
    let mut framework = None;
    let requirements = body
        .pointer("/control-implementation/implemented-requirements")
        .and_then(Value::as_array);
    for (i, requirement) in requirements.into_iter().flatten().enumerate() {
        framework = framework.or_else(|| framework_prop(requirement));
        let mut entry = Entry::default();
        for by in requirement["by-components"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let texts = |key: &str| -> Vec<String> {
                by["export"][key]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p["description"].as_str().map(str::to_owned))
                    .collect()
            };
            entry.provided.extend(texts("provided"));
            entry.customer.extend(texts("responsibilities"));
        }
        if entry.provided.is_empty() && entry.customer.is_empty() {
            continue;
        }
        let id = requirement["control-id"].as_str().unwrap_or("").to_owned();
        entries.push((id, format!("{base}/{i}/control-id"), entry));
    }
    (framework, entries)
}

fn component_entries(body: &Value, model: &str) -> (Option<String>, Entries) {
    let mut entries = Vec::new();
    let mut framework = None;
    for (c, component) in body["components"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let implementations = component["control-implementations"].as_array();
        for (m, implementation) in implementations.into_iter().flatten().enumerate() {
            framework = framework.or_else(|| framework_prop(implementation));
            let requirements = implementation["implemented-requirements"].as_array();
            for (i, requirement) in requirements.into_iter().flatten().enumerate() {
                let mut entry = Entry::default();
                if let Some(text) = requirement["description"].as_str() {
                    entry.provided.push(text.to_owned());
                }
                for role in requirement["responsible-roles"]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    if role["role-id"] == "customer" {
                        let text = role["remarks"].as_str().unwrap_or("the customer's part");
                        entry.customer.push(text.to_owned());
                    }
                }
                let id = requirement["control-id"].as_str().unwrap_or("").to_owned();
                let pointer = format!(
                    "/{model}/components/{c}/control-implementations/{m}/implemented-requirements/{i}/control-id"
                );
                entries.push((id, pointer, entry));
            }
        }
    }
    (framework, entries)
}

/// The catalog `framework` names, or the problem of its absence.
fn framework_index(
    framework: &str,
    catalog: &Catalog,
) -> Result<Arc<FrameworkIndex>, Vec<ImportError>> {
    match catalog.get(framework) {
        Some(Ok(index)) => Ok(index),
        Some(Err(e)) => Err(vec![e.into()]),
        None => Err(vec![ImportError::usage(
            format!("unknown framework `{framework}`"),
            format!(
                "known frameworks: {}",
                catalog.ids().collect::<Vec<_>>().join(", ")
            ),
        )]),
    }
}

/// Each control of `index` by its OSCAL token and by its own id.
fn tokens_of(index: &FrameworkIndex) -> HashMap<String, String> {
    index
        .controls()
        .iter()
        .flat_map(|c| {
            [
                (control_token(&c.id), c.id.clone()),
                (c.id.clone(), c.id.clone()),
            ]
        })
        .collect()
}

/// The catalog ids of the entries' OSCAL control ids; every unknown one is a problem.
pub(super) fn catalog_tokens(
    framework: &str,
    catalog: &Catalog,
) -> Result<HashMap<String, String>, Vec<ImportError>> {
    let index = framework_index(framework, catalog)?;
    Ok(tokens_of(&index))
}

fn resolve_controls(
    file: &str,
    framework: &str,
    entries: Entries,
    catalog: &Catalog,
) -> Result<Vec<ControlResponsibility>, Vec<ImportError>> {
    let index = framework_index(framework, catalog)?;
    let by_token = tokens_of(&index);
    let mut merged: BTreeMap<usize, (String, Entry)> = BTreeMap::new();
    let mut errors = Vec::new();
    for (id, pointer, entry) in entries {
        let Some(control) = by_token
            .get(&id)
            .or_else(|| by_token.get(&id.to_lowercase()))
        else {
            errors.push(ImportError::Cell {
                at: at(file, &pointer),
                code: Code::UnknownControl,
                message: format!("`{id}` is not a control of `{framework}`"),
                hint: Some(
                    "give `--framework ID` naming the catalog of the document's control ids"
                        .to_owned(),
                ),
            });
            continue;
        };
        let position = index.position(control).unwrap_or(usize::MAX);
        let slot = merged
            .entry(position)
            .or_insert_with(|| (control.clone(), Entry::default()));
        slot.1.provided.extend(entry.provided);
        slot.1.customer.extend(entry.customer);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(merged
        .into_values()
        .map(|(control, entry)| responsibility(control, entry))
        .collect())
}

fn responsibility(control: String, mut entry: Entry) -> ControlResponsibility {
    entry.provided.dedup();
    entry.customer.dedup();
    let inheritance = match (entry.provided.is_empty(), entry.customer.is_empty()) {
        (false, true) => Inheritance::Full,
        (false, false) => Inheritance::Partial,
        (true, _) => Inheritance::None,
    };
    let text = |texts: Vec<String>| (!texts.is_empty()).then(|| texts.join("\n\n"));
    ControlResponsibility {
        control,
        inheritance,
        provided: text(entry.provided),
        customer: text(entry.customer),
    }
}

/// The responsibilities of a FedRAMP CRM worksheet's rows (read as an SRM
/// draft: `mssp` is inherited whole, `shared` in part, `client` not at all).
pub fn from_crm(
    rows: &[DraftRow],
    source: String,
    options: &VendorOptions,
) -> VendorResponsibilities {
    let controls = rows
        .iter()
        .flat_map(|row| {
            let owner = row
                .fields
                .get("owner")
                .and_then(Value::as_str)
                .unwrap_or("");
            let customer = row
                .fields
                .get("duties")
                .and_then(|d| d.get("client"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            let inheritance = match owner {
                "mssp" => Inheritance::Full,
                "shared" => Inheritance::Partial,
                _ => Inheritance::None,
            };
            row.controls()
                .into_iter()
                .flat_map(|(_, ids)| ids)
                .map(move |control| ControlResponsibility {
                    control,
                    inheritance,
                    provided: None,
                    customer: customer.clone(),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let framework = options
        .framework
        .clone()
        .or_else(|| {
            rows.iter()
                .flat_map(DraftRow::controls)
                .map(|(f, _)| f)
                .next()
        })
        .unwrap_or_else(|| super::fedramp::FRAMEWORK.to_owned());
    document_of(options, &framework, source, controls)
}

fn document_of(
    options: &VendorOptions,
    framework: &str,
    source: String,
    controls: Vec<ControlResponsibility>,
) -> VendorResponsibilities {
    let name = options.name.clone().unwrap_or_else(|| {
        let slug: String = options
            .vendor
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        format!("{}-responsibilities", slug.trim_matches('-'))
    });
    VendorResponsibilities {
        api_version: ApiVersion::V1,
        kind: Kind::VendorResponsibilities,
        metadata: Metadata {
            name,
            title: None,
            labels: BTreeMap::new(),
        },
        spec: ResponsibilitiesSpec {
            vendor: options.vendor.clone(),
            source,
            framework: framework.to_owned(),
            controls,
        },
    }
}

/// The document as YAML, after a comment naming its source.
pub fn yaml(document: &VendorResponsibilities, file: &str) -> Result<String, ImportError> {
    let body = serde_yaml::to_string(document).map_err(|e| {
        ImportError::usage(format!("cannot write the document: {e}"), "report this")
    })?;
    Ok(format!("# Imported by srmcheck from {file}.\n{body}"))
}
