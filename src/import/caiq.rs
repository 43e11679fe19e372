//! CAIQ v4's SSRM columns: "SSRM Control Ownership" (CSP-owned, CSC-owned,
//! Third-party outsourced, Shared CSP and CSC, Shared CSP and 3rd-party),
//! "CSP Implementation Description", "CSC Responsibilities". Questions
//! (`A&A-01.1`) are grouped into one row per CCM control (`A&A-01`).

use serde_json::{json, Value};

use super::draft::DraftRow;
use super::error::ImportError;
use super::table::Sheet;

/// The header row and its headers (lower case) of a CAIQ sheet.
pub fn header(sheet: &Sheet) -> Option<(usize, Vec<String>)> {
    (0..sheet.rows.len().min(20)).find_map(|r| {
        let headers: Vec<String> = sheet.rows[r]
            .iter()
            .map(|v| v.text().to_lowercase())
            .collect();
        headers
            .iter()
            .any(|h| h.starts_with("ssrm control ownership"))
            .then_some((r, headers))
    })
}

/// The rows of a CAIQ sheet, for controls of `framework`.
pub fn rows(sheet: &Sheet, framework: &str) -> Result<Vec<DraftRow>, Vec<ImportError>> {
    let Some((header, headers)) = header(sheet) else {
        return Ok(Vec::new());
    };
    let find = |start: &str| headers.iter().position(|h| h.starts_with(start));
    let question = find("question id")
        .or_else(|| find("control id"))
        .unwrap_or(0);
    let ownership = find("ssrm control ownership").unwrap_or(0);
    let (csp, csc) = (
        find("csp implementation description"),
        find("csc responsibilities"),
    );
    let mut rows: Vec<DraftRow> = Vec::new();
    let mut errors = Vec::new();
    for r in header + 1..sheet.rows.len() {
        let question_id = sheet.cell(r, question).text();
        let value = sheet.cell(r, ownership).text();
        if question_id.is_empty() || value.is_empty() {
            continue;
        }
        let control = question_id.split('.').next().unwrap_or_default().to_owned();
        let (owner, note) = match owner(&value) {
            Some(found) => found,
            None => {
                errors.push(ImportError::cell(sheet.at(r, ownership), format!("unknown SSRM control ownership `{value}`"),
                    Some("expected CSP-owned, CSC-owned, Third-party outsourced, Shared CSP and CSC, or Shared CSP and 3rd-party".into())));
                continue;
            }
        };
        if let Some(row) = rows.iter_mut().find(|row| row.fields["title"] == control) {
            if row.fields["owner"] != owner {
                row.comments.push(format!(
                    "Question {question_id} gives another ownership ({value}): check."
                ));
            }
            continue;
        }
        let mut row = DraftRow::new(sheet.at(r, question));
        row.set("id", Value::from(format!("R-{:03}", rows.len() + 1)));
        row.set("title", Value::from(control.clone()));
        row.set("controls", json!({framework: [control]}));
        row.set("owner", Value::from(owner));
        let text = |c: Option<usize>| c.map(|c| sheet.cell(r, c).text()).unwrap_or_default();
        let mut duties = serde_json::Map::new();
        for (party, c) in [("mssp", csp), ("client", csc)] {
            if !text(c).is_empty() {
                duties.insert(party.into(), Value::from(text(c)));
            }
        }
        row.set("duties", Value::Object(duties));
        if let Some(note) = note {
            row.comments.push(note.to_owned());
        }
        rows.push(row);
    }
    match errors.is_empty() {
        true => Ok(rows),
        false => Err(errors),
    }
}

/// The owner of an SSRM ownership value, with a comment where it is not exact.
fn owner(value: &str) -> Option<(&'static str, Option<&'static str>)> {
    let v = value.to_lowercase().replace(['-', '_'], " ");
    let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match v.as_str() {
        "csp owned" => ("mssp", None),
        "csc owned" => ("client", None),
        "shared csp and csc" => ("shared", None),
        "third party outsourced" | "3rd party outsourced" => ("mssp", Some("Third-party outsourced in the CAIQ: name the vendor (owner: vendor:<id>) and declare it in parties.vendors.")),
        "shared csp and 3rd party" | "shared csp and third party" => ("mssp", Some("Shared between the provider and a third party in the CAIQ: the vendor's part is not in this row.")),
        _ => return None,
    })
}
