//! The FedRAMP CIS/CRM worksheets: "Control ID", the control origination
//! checkboxes and implementation status (CIS), "Can Be Inherited from CSP"
//! Yes/Partial/No and the customer responsibility text (CRM). Control ids
//! are SP 800-53 Rev 5 ids (`AC-02 (01)` is read as `AC-2(1)`).

use serde_json::{json, Value};

use super::draft::DraftRow;
use super::error::ImportError;
use super::table::Sheet;

/// The framework of FedRAMP control ids.
pub const FRAMEWORK: &str = "nist-800-53r5";

/// The header row and the column of each header (lower case) of a FedRAMP sheet.
pub fn header(sheet: &Sheet) -> Option<(usize, Vec<String>)> {
    (0..sheet.rows.len().min(20)).find_map(|r| {
        let headers: Vec<String> = sheet.rows[r]
            .iter()
            .map(|v| v.text().to_lowercase())
            .collect();
        headers
            .iter()
            .any(|h| h == "control id")
            .then_some((r, headers))
    })
}

/// Origination checkboxes and the owner each means.
const ORIGINATION: [(&str, &str); 7] = [
    ("service provider corporate", "mssp"),
    ("service provider system specific", "mssp"),
    ("service provider hybrid", "mssp"),
    ("configured by customer", "client"),
    ("provided by customer", "client"),
    ("shared", "shared"),
    ("inherited", "mssp"),
];

/// The statuses of the CIS worksheet's implementation status checkboxes.
const STATUSES: [&str; 5] = [
    "implemented",
    "partially implemented",
    "planned",
    "alternative implementation",
    "not applicable",
];

/// The columns of a CIS or CRM worksheet, by their headers.
struct Columns {
    headers: Vec<String>,
    control: usize,
    inherited: Option<usize>,
    responsibility: Option<usize>,
}

impl Columns {
    fn find(&self, start: &str) -> Option<usize> {
        self.headers.iter().position(|h| h.starts_with(start))
    }
}

/// The rows of a CIS or CRM worksheet.
pub fn rows(sheet: &Sheet) -> Result<Vec<DraftRow>, Vec<ImportError>> {
    let Some((header, headers)) = header(sheet) else {
        return Ok(Vec::new());
    };
    let mut columns = Columns {
        headers,
        control: 0,
        inherited: None,
        responsibility: None,
    };
    columns.control = columns.find("control id").unwrap_or(0);
    columns.inherited = columns.find("can be inherited");
    columns.responsibility = columns
        .find("specific inheritance")
        .or_else(|| columns.find("customer responsibility"));
    let mut errors = unknown_columns(sheet, header, &columns.headers);
    let mut rows = Vec::new();
    for r in header + 1..sheet.rows.len() {
        let id = normalise(&sheet.cell(r, columns.control).text());
        if id.is_empty() {
            continue;
        }
        match row(sheet, &columns, r, &id, rows.len() + 1) {
            Ok(row) => rows.push(row),
            Err(e) => errors.push(e),
        }
    }
    match errors.is_empty() {
        true => Ok(rows),
        false => Err(errors),
    }
}

/// The headers of a CIS or CRM worksheet besides the checkboxes, by how they start.
const KNOWN: [&str; 7] = [
    "control id",
    "control name",
    "can be inherited",
    "specific inheritance",
    "customer responsibility",
    "implementation status",
    "control origination",
];

/// An error at each header cell that is none of the worksheets' columns: a
/// column read as nothing would drop what it says.
fn unknown_columns(sheet: &Sheet, header: usize, headers: &[String]) -> Vec<ImportError> {
    let known = |h: &str| {
        h.is_empty()
            || KNOWN.iter().any(|k| h.starts_with(k))
            || STATUSES.contains(&h)
            || ORIGINATION.iter().any(|(name, _)| h.starts_with(name))
    };
    headers
        .iter()
        .enumerate()
        .filter(|(_, h)| !known(h.trim()))
        .map(|(c, _)| {
            ImportError::cell(
                sheet.at(header, c),
                format!(
                    "unknown column `{}` in a FedRAMP CIS/CRM worksheet",
                    sheet.cell(header, c).text()
                ),
                Some("its columns are Control ID, the implementation status and control origination checkboxes (CIS), Can Be Inherited from CSP and the customer responsibility (CRM); remove the column or import with a column mapping (--map)".to_owned()),
            )
        })
        .collect()
}

/// Row `r` of the worksheet, the `n`th row of the SRM.
fn row(
    sheet: &Sheet,
    columns: &Columns,
    r: usize,
    id: &str,
    n: usize,
) -> Result<DraftRow, ImportError> {
    let mut row = DraftRow::new(sheet.at(r, columns.control));
    row.set("id", Value::from(format!("R-{n:03}")));
    row.set("title", Value::from(id));
    row.set("controls", json!({FRAMEWORK: [id]}));
    let checked = |name: &str| {
        columns
            .find(name)
            .is_some_and(|c| is_checked(&sheet.cell(r, c).text()))
    };
    let owners = owners(sheet, columns, r)?;
    let owner = match owners.as_slice() {
        [one] => *one,
        [] => "",
        _ => "shared",
    };
    if owners.len() > 1 {
        row.comments.push(format!(
            "The worksheet gives several originations ({}): read as shared; check.",
            owners.join(", ")
        ));
    }
    if checked("inherited") {
        row.comments.push("Inherited from a pre-existing FedRAMP authorization: read as mssp; name the vendor if another provider runs it.".to_owned());
    }
    row.set("owner", Value::from(owner));
    if let Some(text) = columns
        .responsibility
        .map(|c| sheet.cell(r, c).text())
        .filter(|t| !t.is_empty())
    {
        row.set("duties", json!({"client": text}));
    }
    if let Some(status) = STATUSES.iter().find(|s| {
        columns
            .headers
            .iter()
            .position(|h| h == *s)
            .is_some_and(|c| is_checked(&sheet.cell(r, c).text()))
    }) {
        if *status != "implemented" {
            row.comments
                .push(format!("Implementation status in the worksheet: {status}."));
        }
    }
    Ok(row)
}

/// The owners the origination checkboxes and the inheritance column of row `r` name.
fn owners(sheet: &Sheet, columns: &Columns, r: usize) -> Result<Vec<&'static str>, ImportError> {
    let checked = |name: &str| {
        columns
            .find(name)
            .is_some_and(|c| is_checked(&sheet.cell(r, c).text()))
    };
    let mut owners: Vec<&'static str> = ORIGINATION
        .iter()
        .filter(|(name, _)| checked(name))
        .map(|(_, owner)| *owner)
        .collect();
    if let Some(c) = columns.inherited {
        match sheet.cell(r, c).text().to_lowercase().as_str() {
            "yes" => owners.push("mssp"),
            "partial" => owners.push("shared"),
            "no" => owners.push("client"),
            "" => {}
            other => {
                return Err(ImportError::cell(
                    sheet.at(r, c),
                    format!("expected Yes, Partial or No, found `{other}`"),
                    None,
                ))
            }
        }
    }
    owners.sort_unstable();
    owners.dedup();
    Ok(owners)
}

fn is_checked(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "x" | "yes" | "true" | "☒" | "✓" | "✔"
    )
}

/// `AC-02 (01)` -> `AC-2(1)`.
pub fn normalise(id: &str) -> String {
    let compact: String = id.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = String::new();
    let mut digits = String::new();
    for c in compact.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            let trimmed = digits.trim_start_matches('0');
            out.push_str(if trimmed.is_empty() { "0" } else { trimmed });
            digits.clear();
        }
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn fedramp_ids_read_as_catalog_ids() {
        assert_eq!(super::normalise("AC-02 (01)"), "AC-2(1)");
        assert_eq!(super::normalise("SC-7"), "SC-7");
    }
}
