//! srmcheck's own export, read back without loss: the Document sheet (or the
//! CSV's `#` lines) holds the document around the rows, the Matrix sheet the
//! rows, the Exceptions sheet the exceptions.

use serde_json::{Map, Value};

use super::draft::{hours, Draft, DraftRow};
use super::error::ImportError;
use super::table::{At, Sheet};
use crate::sheet;

/// One `key | value` entry of the Document sheet, with the place of its value.
pub struct Entry {
    pub at: At,
    pub key: String,
    pub value: String,
}

/// Whether a Document sheet's first row is the marker.
pub fn is_own(first: &str) -> bool {
    first.trim() == sheet::MARKER
}

/// The Document entries of a workbook's Document sheet (the marker row first).
pub fn workbook_entries(document: &Sheet) -> Vec<Entry> {
    (1..document.rows.len())
        .filter(|&row| !document.cell(row, 0).is_empty())
        .map(|row| Entry {
            at: document.at(row, 1),
            key: document.cell(row, 0).text(),
            value: document.cell(row, 1).text(),
        })
        .collect()
}

/// The Document entries of a CSV export's `# key: value` lines.
pub fn csv_entries(file: &str, preamble: &[(usize, String)]) -> Result<Vec<Entry>, ImportError> {
    let mut entries = Vec::new();
    for (line, text) in preamble.iter().skip(1) {
        let Some((key, value)) = text.split_once(": ") else {
            let at = At {
                file: file.to_owned(),
                position: Some(crate::source::Position {
                    line: *line,
                    column: 1,
                }),
            };
            return Err(ImportError::cell(
                at,
                format!("expected `# key: value` before the table, found `# {text}`"),
                None,
            ));
        };
        let at = At {
            file: file.to_owned(),
            position: Some(crate::source::Position {
                line: *line,
                column: key.chars().count() + 5,
            }),
        };
        entries.push(Entry {
            at,
            key: key.trim().to_owned(),
            value: value.to_owned(),
        });
    }
    Ok(entries)
}

/// The draft of the entries and the Matrix sheet (and the Exceptions sheet of a workbook).
pub fn draft(
    entries: &[Entry],
    matrix: &Sheet,
    exceptions: Option<&Sheet>,
) -> Result<Draft, Vec<ImportError>> {
    let mut draft = Draft::default();
    let mut errors = Vec::new();
    for entry in entries {
        let value: Value = match serde_json::from_str(&entry.value) {
            Ok(value) => value,
            Err(e) => {
                errors.push(ImportError::cell(
                    entry.at.clone(),
                    format!("the value of `{}` is not JSON: {e}", entry.key),
                    Some("keep the value as the export wrote it".to_owned()),
                ));
                continue;
            }
        };
        match entry.key.as_str() {
            "metadata" => match value {
                Value::Object(map) => draft.metadata = map,
                _ => errors.push(ImportError::cell(
                    entry.at.clone(),
                    "`metadata` must be an object",
                    None,
                )),
            },
            "spec.exceptions" => draft.exceptions = value.as_array().cloned().unwrap_or_default(),
            key => match key.strip_prefix("spec.") {
                Some(key) => {
                    draft.spec.insert(key.to_owned(), value);
                }
                None => errors.push(ImportError::cell(
                    entry.at.clone(),
                    format!("unknown key `{key}`"),
                    Some("keys are `metadata` and `spec.<key>`".to_owned()),
                )),
            },
        }
    }
    match rows(matrix) {
        Ok(rows) => draft.rows = rows,
        Err(e) => errors.extend(e),
    }
    if let Some(sheet) = exceptions {
        match exception_rows(sheet) {
            Ok(list) => draft.exceptions = list,
            Err(e) => errors.extend(e),
        }
    }
    match errors.is_empty() {
        true => Ok(draft),
        false => Err(errors),
    }
}

/// The Matrix sheet's header: the column of each name.
fn header(sheet: &Sheet) -> Vec<(usize, String)> {
    sheet
        .rows
        .first()
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(i, v)| (i, v.text()))
        .filter(|(_, name)| !name.is_empty())
        .collect()
}

fn rows(sheet: &Sheet) -> Result<Vec<DraftRow>, Vec<ImportError>> {
    let columns = header(sheet);
    let find = |name: &str| columns.iter().find(|(_, n)| n == name).map(|(i, _)| *i);
    let Some(id_column) = find(sheet::ROW) else {
        return Err(vec![ImportError::cell(
            sheet.at(0, 0),
            format!("the Matrix sheet has no `{}` column", sheet::ROW),
            Some("the first row names the columns, as the export wrote them".to_owned()),
        )]);
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for r in 1..sheet.rows.len() {
        if sheet.rows[r].iter().all(|v| v.is_empty()) {
            continue;
        }
        let controls_at = sheet.at(r, find(sheet::CONTROLS).unwrap_or(id_column));
        let mut row = DraftRow::new(controls_at);
        row.set("id", Value::from(sheet.cell(r, id_column).text()));
        for (column, name) in &columns {
            if let Err(e) = field(&mut row, sheet, r, *column, name) {
                errors.push(e);
            }
        }
        rows.push(row);
    }
    match errors.is_empty() {
        true => Ok(rows),
        false => Err(errors),
    }
}

/// Reads the cell at `r`, `column` (headed `name`) into the row.
fn field(
    row: &mut DraftRow,
    sheet: &Sheet,
    r: usize,
    column: usize,
    name: &str,
) -> Result<(), ImportError> {
    let cell = sheet.cell(r, column);
    let text = cell.text();
    let bad = |message: String| ImportError::cell(sheet.at(r, column), message, None);
    if let super::table::Value::Error(e) = cell {
        return Err(bad(format!("the formula gives {e}: expected a value")));
    }
    match name {
        sheet::TITLE => row.set("title", Value::from(text)),
        sheet::CONTROLS => {
            let controls = sheet::parse_controls(&text).map_err(bad)?;
            let map: Map<String, Value> = controls
                .into_iter()
                .map(|(f, ids)| (f, Value::from(ids)))
                .collect();
            row.set("controls", Value::Object(map));
        }
        sheet::OWNER => row.set("owner", Value::from(text)),
        sheet::RACI => {
            let pairs = sheet::parse_pairs(&text).map_err(bad)?;
            row.set("raci", serde_json::to_value(pairs).unwrap_or_default());
        }
        sheet::CAPABILITIES => row.set("capabilities", Value::from(sheet::parse_words(&text))),
        sheet::SLA => {
            let sla = sheet::parse_sla(&text).map_err(bad)?;
            row.set("sla", serde_json::to_value(sla).unwrap_or_default());
        }
        sheet::EVIDENCE => row.set("evidence", sheet::parse_evidence(&text)),
        sheet::STATUS => row.set("status", Value::from(text.trim())),
        sheet::COMPONENTS => row.set("components", Value::from(sheet::parse_words(&text))),
        sheet::SHARED => row.set("shared", Value::from(sheet::parse_words(&text))),
        sheet::CUECS => row.set("cuecs", Value::from(sheet::parse_words(&text))),
        sheet::ADDRESSABLE => row.set("addressable", sheet::parse_addressable(&text).map_err(bad)?),
        sheet::CONTROL_STATUS => {
            let statuses = sheet::parse_control_status(&text).map_err(bad)?;
            row.set(
                "controlStatus",
                serde_json::to_value(statuses).unwrap_or_default(),
            );
        }
        _ => per_party(row, name, &text).map_err(bad)?,
    }
    Ok(())
}

/// A `duty: <party>` or `effort: <party>` cell.
fn per_party(row: &mut DraftRow, name: &str, text: &str) -> Result<(), String> {
    let (key, party, value) = if let Some(party) = name.strip_prefix(sheet::DUTY) {
        ("duties", party, Value::from(text))
    } else if let Some(party) = name.strip_prefix(sheet::EFFORT) {
        let hours = match text.is_empty() {
            true => return Ok(()),
            false => text
                .parse::<f64>()
                .ok()
                .filter(|h| h.is_finite() && *h >= 0.0)
                .ok_or_else(|| {
                    format!("expected hours a month (a number, 0 or more), found `{text}`")
                })?,
        };
        ("effort", party, super::draft::hours(hours))
    } else {
        return Ok(());
    };
    if text.is_empty() {
        return Ok(());
    }
    let entry = row
        .fields
        .entry(key.to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(map) = entry {
        map.insert(party.to_owned(), value);
    }
    Ok(())
}

fn exception_rows(sheet: &Sheet) -> Result<Vec<Value>, Vec<ImportError>> {
    let mut list = Vec::new();
    let mut errors = Vec::new();
    for r in 1..sheet.rows.len() {
        if sheet.rows[r].iter().all(|v| v.is_empty()) {
            continue;
        }
        let mut item = Map::new();
        for (column, key) in sheet::EXCEPTION_COLUMNS.iter().take(7).enumerate() {
            let cell = sheet.cell(r, column);
            if let super::table::Value::Error(e) = cell {
                errors.push(ImportError::cell(
                    sheet.at(r, column),
                    format!("the formula gives {e}: expected a value"),
                    None,
                ));
            }
            let text = cell.text();
            if !text.is_empty() {
                item.insert((*key).to_owned(), Value::from(text));
            }
        }
        list.push(Value::Object(item));
    }
    let _ = hours;
    match errors.is_empty() {
        true => Ok(list),
        false => Err(errors),
    }
}
