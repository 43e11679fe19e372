//! The independent assessments of a first SRM: a row of their own, performed
//! by an assessor the parties still have to engage. An assessor that operates
//! other rows is not independent (the `assessor-not-independent` rule, whose
//! control list this mirrors), so these controls never join a layer's row.

use serde_json::{json, Value};

use crate::import::{At, DraftRow};
use crate::model::Control;

/// The controls that ask for an assessor independent of the operators, by
/// framework (as the `assessor-not-independent` rule lists them).
const INDEPENDENT: [(&str, &str); 5] = [
    ("iso27001-2022", "A.5.35"),
    ("nist-800-53r5", "CA-2(1)"),
    ("nist-800-53r5", "CA-7(1)"),
    ("nist-800-53r5", "CA-8(1)"),
    ("nist-800-53r5", "SA-11(3)"),
];

/// The placeholder vendor that performs the assessments.
const ASSESSOR: &str = "independent-assessor";

/// In-scope controls, each with its framework id.
type Placed = Vec<(String, Control)>;

/// Splits the in-scope controls into the independent assessments and the rest.
pub(super) fn set_apart(placed: Placed) -> (Placed, Placed) {
    placed.into_iter().partition(|(framework, control)| {
        INDEPENDENT
            .iter()
            .any(|(f, id)| f == framework && *id == control.id)
    })
}

/// The row of the independent assessments, if any is in scope: the client
/// accountable, the assessor responsible.
pub(super) fn row(id: &str, assessed: &[(String, Control)]) -> Option<DraftRow> {
    if assessed.is_empty() {
        return None;
    }
    let mut controls = serde_json::Map::new();
    for (framework, control) in assessed {
        let ids = controls
            .entry(framework.clone())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(ids) = ids {
            ids.push(Value::from(control.id.clone()));
        }
    }
    let assessor = format!("vendor:{ASSESSOR}");
    let mut row = DraftRow::new(At {
        file: String::new(),
        position: None,
    });
    row.set("id", Value::from(id));
    row.set("title", Value::from("Independent assessments"));
    row.set("controls", Value::Object(controls));
    row.set("owner", Value::from("client"));
    row.set("raci", json!({"client": "RA", assessor.clone(): "R"}));
    row.set(
        "duties",
        json!({
            "client": "TODO: how the client engages the assessor and acts on its reports",
            assessor: "TODO: what the assessor reviews, tests and reports, and how often",
        }),
    );
    row.set(
        "evidence",
        json!(["TODO: where the auditor finds the assessment reports"]),
    );
    row.comments.push(
        "Suggested owner: client, with an assessor that operates no other row (an audit firm or an internal audit function).".into(),
    );
    Some(row)
}

/// The placeholder assessor, declared among the vendors.
pub(super) fn vendor() -> Value {
    json!({"id": ASSESSOR, "name": "TODO: the independent assessor (an audit firm, or an internal audit function that operates no row)"})
}
