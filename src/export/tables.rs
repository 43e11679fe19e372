//! The sheets of an export as plain tables: a header and rows of cells.

use serde_json::Value;

use crate::model::{Responsibility, ResponsibilityMatrix};
use crate::report::model::{ClientPage, FrameworkCoverage};
use crate::sheet;

/// A cell written: text, or a number (hours, days).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

impl Cell {
    /// The cell as CSV writes it.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
            Cell::Number(n) => n.to_string(),
        }
    }
}

/// One sheet.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Column widths in characters, for printing.
    pub widths: Vec<f64>,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// The parties with a duty or effort in some row: `mssp`, `client`, then the others by name.
fn parties(rows: &[Responsibility], of: impl Fn(&Responsibility) -> Vec<String>) -> Vec<String> {
    let mut parties: Vec<String> = rows.iter().flat_map(of).collect();
    parties.sort_by_key(|p| (p != "mssp", p != "client", p.clone()));
    parties.dedup();
    parties
}

/// The Matrix sheet.
pub fn matrix(srm: &ResponsibilityMatrix) -> Table {
    let rows = &srm.spec.responsibilities;
    let duty_parties = parties(rows, |r| r.duties.keys().cloned().collect());
    let effort_parties = parties(rows, |r| r.effort.keys().cloned().collect());
    let mut header: Vec<String> = [
        sheet::ROW,
        sheet::TITLE,
        sheet::CONTROLS,
        sheet::OWNER,
        sheet::RACI,
    ]
    .map(str::to_owned)
    .to_vec();
    header.extend(duty_parties.iter().map(|p| format!("{}{p}", sheet::DUTY)));
    header.push(sheet::CAPABILITIES.to_owned());
    header.extend(
        effort_parties
            .iter()
            .map(|p| format!("{}{p}", sheet::EFFORT)),
    );
    header.extend(
        [
            sheet::SLA,
            sheet::EVIDENCE,
            sheet::STATUS,
            sheet::CONTROL_STATUS,
            sheet::COMPONENTS,
            sheet::SHARED,
            sheet::CUECS,
            sheet::ADDRESSABLE,
        ]
        .map(str::to_owned),
    );
    let cells = rows
        .iter()
        .map(|row| matrix_row(row, &duty_parties, &effort_parties))
        .collect();
    let widths = header
        .iter()
        .map(|h| match h.as_str() {
            sheet::ROW | sheet::OWNER => 10.0,
            sheet::TITLE | sheet::CONTROLS | sheet::CAPABILITIES => 30.0,
            h if h.starts_with(sheet::DUTY) => 40.0,
            h if h.starts_with(sheet::EFFORT) => 10.0,
            _ => 22.0,
        })
        .collect();
    Table {
        name: sheet::MATRIX.to_owned(),
        header,
        rows: cells,
        widths,
    }
}

/// A row's cells, in the Matrix sheet's columns.
fn matrix_row(
    row: &Responsibility,
    duty_parties: &[String],
    effort_parties: &[String],
) -> Vec<Cell> {
    let mut cells = vec![
        text(&row.id),
        text(&row.title),
        text(sheet::controls_cell(&row.controls)),
        text(row.owner.clone().unwrap_or_default()),
        text(sheet::pairs_cell(&row.raci)),
    ];
    cells.extend(
        duty_parties
            .iter()
            .map(|p| text(row.duties.get(p).cloned().unwrap_or_default())),
    );
    cells.push(text(sheet::words_cell(&row.capabilities)));
    cells.extend(effort_parties.iter().map(|p| match row.effort.get(p) {
        Some(hours) => Cell::Number(hours.get()),
        None => text(""),
    }));
    cells.push(text(sheet::sla_cell(&row.sla)));
    cells.push(text(sheet::evidence_cell(&row.evidence)));
    cells.push(text(row.status.as_ref().map(name_of).unwrap_or_default()));
    cells.push(text(sheet::control_status_cell(&row.control_status)));
    cells.push(text(sheet::words_cell(&row.components)));
    cells.push(text(sheet::words_cell(&row.shared)));
    cells.push(text(sheet::words_cell(&row.cuecs)));
    cells.push(text(sheet::addressable_cell(&row.addressable)));
    cells
}

/// One framework's coverage sheet.
pub fn coverage(framework: &FrameworkCoverage) -> Table {
    let header = [
        "control",
        "title",
        "family",
        "covering rows",
        "via",
        "owners",
        "verdict",
        "status",
        "rules",
    ];
    let rows = framework
        .controls
        .iter()
        .map(|c| {
            let via = c
                .via
                .iter()
                .map(|v| format!("{} {}: {}", v.framework, v.control, v.rows.join(", ")))
                .collect::<Vec<_>>()
                .join("\n");
            vec![
                text(&c.id),
                text(&c.title),
                text(&c.family),
                text(c.rows.join(", ")),
                text(via),
                text(c.owners.join(", ")),
                text(name_of(&c.verdict)),
                text(c.status.as_str()),
                text(c.rules.join(", ")),
            ]
        })
        .collect();
    Table {
        name: sheet::coverage_sheet(&framework.id),
        header: header.map(str::to_owned).to_vec(),
        rows,
        widths: vec![14.0, 40.0, 24.0, 16.0, 24.0, 16.0, 12.0, 12.0, 24.0],
    }
}

/// The Findings sheet.
pub fn findings(page: &ClientPage) -> Table {
    let header = [
        "rule", "severity", "message", "file", "line", "column", "control", "excepted",
    ];
    let rows = page
        .findings
        .iter()
        .flat_map(|rule| {
            rule.findings.iter().map(move |f| {
                vec![
                    text(&rule.id),
                    text(&rule.severity),
                    text(&f.message),
                    text(&f.file),
                    Cell::Number(f.line as f64),
                    Cell::Number(f.column as f64),
                    text(f.control.clone().unwrap_or_default()),
                    text(if f.excepted { "yes" } else { "no" }),
                ]
            })
        })
        .collect();
    Table {
        name: sheet::FINDINGS.to_owned(),
        header: header.map(str::to_owned).to_vec(),
        rows,
        widths: vec![26.0, 10.0, 70.0, 30.0, 8.0, 8.0, 16.0, 10.0],
    }
}

/// The Exceptions sheet.
pub fn exceptions(page: &ClientPage) -> Table {
    let rows = page
        .exceptions
        .iter()
        .map(|e| {
            let opt = |v: &Option<String>| text(v.clone().unwrap_or_default());
            vec![
                text(&e.framework),
                text(&e.control),
                text(&e.kind),
                opt(&e.reason),
                opt(&e.approver),
                opt(&e.approved),
                opt(&e.expires),
                text(name_of(&e.status)),
                e.days_left
                    .map_or_else(|| text(""), |d| Cell::Number(d as f64)),
            ]
        })
        .collect();
    Table {
        name: sheet::EXCEPTIONS.to_owned(),
        header: sheet::EXCEPTION_COLUMNS.map(str::to_owned).to_vec(),
        rows,
        widths: vec![16.0, 14.0, 14.0, 40.0, 20.0, 12.0, 12.0, 14.0, 10.0],
    }
}

/// The Document sheet: the marker, then `metadata` and every spec key
/// but the rows (and the exceptions, when they have a sheet) as JSON.
pub fn document(srm: &ResponsibilityMatrix, with_exceptions: bool) -> Table {
    let mut rows = vec![vec![text(sheet::MARKER), text(sheet::VERSION)]];
    rows.push(vec![text("metadata"), text(json(&srm.metadata))]);
    let spec = plain(serde_json::to_value(&srm.spec).unwrap_or_default());
    for key in sheet::SPEC_KEYS {
        let skip = key == "responsibilities" || (key == "exceptions" && !with_exceptions);
        if let Some(value) = spec.get(key).filter(|_| !skip) {
            rows.push(vec![text(format!("spec.{key}")), text(value.to_string())]);
        }
    }
    Table {
        name: sheet::DOCUMENT.to_owned(),
        header: Vec::new(),
        rows,
        widths: vec![22.0, 100.0],
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    plain(serde_json::to_value(value).unwrap_or_default()).to_string()
}

/// A value as the document would write it: no `null`s, whole hours as integers.
fn plain(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, plain(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(plain).collect()),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => Value::from(f as i64),
            _ => Value::Number(n),
        },
        other => other,
    }
}

/// A unit enum's serialised name.
fn name_of<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(name)) => name,
        _ => String::new(),
    }
}
