//! A generic matrix read through a column mapping: which column holds the
//! control, the owner, RACI, each party's duty, SLA, evidence. The mapping
//! comes from the command line (`--map owner=C`) or a small YAML file:
//!
//! ```yaml
//! sheet: Controls          # default: the first sheet
//! headerRow: 1             # the row of the headers (1-based)
//! framework: iso27001-2022 # the framework of the control ids
//! columns: {control: A, title: "Control name", owner: C, raci: D, "duty:mssp": E, "duty:client": F, sla: G, evidence: H}
//! owners: {MSP: mssp, Customer: client, Both: shared}   # owner cells as written -> owners
//! ```
//! A column is a letter (`C`) or the text of its header (`Owner`).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{json, Value};

use super::draft::DraftRow;
use super::error::ImportError;
use super::table::{column_index, Sheet};
use crate::sheet;

/// How the columns of a generic matrix are read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ColumnMapping {
    #[serde(default)]
    pub sheet: Option<String>,
    #[serde(default)]
    pub header_row: Option<usize>,
    #[serde(default)]
    pub framework: Option<String>,
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    #[serde(default)]
    pub owners: BTreeMap<String, String>,
}

const ROLES: [&str; 8] = [
    "row",
    "title",
    "control",
    "owner",
    "raci",
    "sla",
    "evidence",
    "capabilities",
];

impl ColumnMapping {
    /// Adds `role=column` from the command line.
    pub fn add(&mut self, assignment: &str) -> Result<(), ImportError> {
        let Some((role, column)) = assignment.split_once('=') else {
            return Err(ImportError::usage(
                format!("`--map {assignment}` is not ROLE=COLUMN"),
                "write `--map owner=C` or `--map \"duty:mssp=MSSP duty\"`",
            ));
        };
        self.columns
            .insert(role.trim().to_owned(), column.trim().to_owned());
        Ok(())
    }

    /// Checks every role is known.
    pub fn check(&self) -> Result<(), ImportError> {
        for role in self.columns.keys() {
            let party = role
                .strip_prefix("duty:")
                .or_else(|| role.strip_prefix("effort:"));
            if !ROLES.contains(&role.as_str()) && party.is_none_or(str::is_empty) {
                let hint = crate::suggest::did_you_mean_hint(role, ROLES).unwrap_or_else(|| {
                    format!("roles: {}, duty:<party>, effort:<party>", ROLES.join(", "))
                });
                return Err(ImportError::usage(
                    format!("unknown column role `{role}`"),
                    hint,
                ));
            }
        }
        match self.columns.contains_key("control") {
            true => Ok(()),
            false => Err(ImportError::usage(
                "the mapping names no `control` column",
                "add `--map control=COLUMN`",
            )),
        }
    }
}

/// The column each role reads, 0-based, from letters or header texts.
fn columns(
    mapping: &ColumnMapping,
    sheet: &Sheet,
    header: usize,
) -> Result<Vec<(String, usize)>, ImportError> {
    let headers: Vec<String> = sheet
        .rows
        .get(header)
        .into_iter()
        .flatten()
        .map(|v| v.text())
        .collect();
    mapping
        .columns
        .iter()
        .map(|(role, column)| {
            let by_header = headers.iter().position(|h| h.eq_ignore_ascii_case(column));
            match by_header.or_else(|| column_index(column)) {
                Some(index) => Ok((role.clone(), index)),
                None => Err(ImportError::cell(
                    sheet.at(header, 0),
                    format!("no column `{column}` (for `{role}`): not a column letter, nor a header of row {}", header + 1),
                    crate::suggest::did_you_mean_hint(column, headers.iter().map(String::as_str)),
                )),
            }
        })
        .collect()
}

/// The rows of `sheet` below its header, one per line with a control.
pub fn rows(
    mapping: &ColumnMapping,
    sheet: &Sheet,
    framework: &str,
) -> Result<Vec<DraftRow>, Vec<ImportError>> {
    let header = mapping.header_row.unwrap_or(1).saturating_sub(1);
    let columns = columns(mapping, sheet, header).map_err(|e| vec![e])?;
    let column = |role: &str| columns.iter().find(|(r, _)| r == role).map(|(_, c)| *c);
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    for r in header + 1..sheet.rows.len() {
        let Some(control_column) = column("control") else {
            break;
        };
        if sheet.cell(r, control_column).is_empty() {
            continue;
        }
        let mut row = DraftRow::new(sheet.at(r, control_column));
        let id = column("row")
            .map(|c| sheet.cell(r, c).text())
            .filter(|s| !s.is_empty());
        row.set(
            "id",
            Value::from(id.unwrap_or_else(|| format!("R-{:03}", rows.len() + 1))),
        );
        for (role, c) in &columns {
            if let Err(e) = field(&mut row, mapping, sheet, (r, *c), role, framework) {
                errors.push(e);
            }
        }
        if !row.fields.contains_key("title") {
            let ids = row
                .controls()
                .into_iter()
                .flat_map(|(_, ids)| ids)
                .collect::<Vec<_>>();
            row.set("title", Value::from(ids.join(", ")));
        }
        rows.push(row);
    }
    match errors.is_empty() {
        true => Ok(rows),
        false => Err(errors),
    }
}

fn field(
    row: &mut DraftRow,
    mapping: &ColumnMapping,
    sheet: &Sheet,
    (r, c): (usize, usize),
    role: &str,
    framework: &str,
) -> Result<(), ImportError> {
    let cell = sheet.cell(r, c);
    let bad =
        |message: String, hint: Option<String>| ImportError::cell(sheet.at(r, c), message, hint);
    if let super::table::Value::Error(e) = cell {
        return Err(bad(
            format!("the formula gives {e}: expected a value"),
            None,
        ));
    }
    let text = cell.text();
    match role {
        "title" => row.set("title", Value::from(text)),
        "control" => row.set("controls", json!({framework: sheet::parse_words(&text)})),
        "owner" => row.set(
            "owner",
            Value::from(owner(mapping, &text).map_err(|m| bad(m.0, Some(m.1)))?),
        ),
        "raci" => row.set(
            "raci",
            serde_json::to_value(sheet::parse_pairs(&text).map_err(|m| bad(m, None))?)
                .unwrap_or_default(),
        ),
        "sla" => row.set(
            "sla",
            serde_json::to_value(sheet::parse_sla(&text).map_err(|m| bad(m, None))?)
                .unwrap_or_default(),
        ),
        "evidence" => row.set("evidence", Value::from(sheet::parse_list(&text))),
        "capabilities" => row.set("capabilities", Value::from(sheet::parse_words(&text))),
        _ => {
            if let Some(party) = role.strip_prefix("duty:").filter(|_| !text.is_empty()) {
                let duties = row.fields.entry("duties").or_insert_with(|| json!({}));
                duties[party] = Value::from(text);
            }
        }
    }
    Ok(())
}

/// The owner of an owner cell: through the mapping's `owners`, else as written.
fn owner(mapping: &ColumnMapping, text: &str) -> Result<String, (String, String)> {
    if let Some((_, owner)) = mapping
        .owners
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(text))
    {
        return Ok(owner.clone());
    }
    let lower = text.to_lowercase();
    match lower.as_str() {
        "mssp" | "client" | "shared" | "" => Ok(lower),
        _ if lower.starts_with("vendor:") => Ok(lower),
        _ => Err((
            format!("owner `{text}` is not mssp, client, shared or vendor:<id>"),
            format!("map it: `owners: {{\"{text}\": mssp}}` in the mapping file"),
        )),
    }
}

impl ColumnMapping {
    /// The mapping file at `path`, each problem at its line and column.
    pub fn read(path: &std::path::Path) -> Result<Self, ImportError> {
        use crate::located::Located;
        let source = std::sync::Arc::new(crate::load::read_source(path, 1024 * 1024)?);
        let documents = crate::yaml::parse_documents(&source, &crate::yaml::Limits::default())
            .map_err(|e| crate::load::LoadError::from(Located::from_yaml(&source, e)))?;
        match documents.first() {
            Some(node) => crate::yaml::from_node(node)
                .map_err(|e| crate::load::LoadError::from(Located::from_yaml(&source, e)).into()),
            None => Err(ImportError::usage(
                format!("{}: empty mapping file", source.name()),
                "give it `columns: {control: A, owner: C}`",
            )),
        }
    }
}
