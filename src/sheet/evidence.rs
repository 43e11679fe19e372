//! A row's evidence in one cell, one item a line: the name, then
//! `[date: YYYY-MM-DD, location: ..., kind: ...]` for an entry's date, location
//! and kind.

use serde_json::{json, Map, Value};

use crate::model::Evidence;

/// One line per piece of evidence.
pub fn evidence_cell(evidence: &[Evidence]) -> String {
    evidence
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The evidence of a cell: a line ending in `[...]` with `date:`,
/// `location:` or `kind:` parts is an entry, any other line evidence in words.
pub fn parse_evidence(cell: &str) -> Value {
    let items = cell
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| entry(line).unwrap_or_else(|| Value::from(line)))
        .collect::<Vec<_>>();
    Value::from(items)
}

/// `name [date: D, location: L]` as `{name, date, location}`.
fn entry(line: &str) -> Option<Value> {
    let (name, rest) = line.strip_suffix(']')?.rsplit_once(" [")?;
    let mut fields = Map::new();
    fields.insert("name".to_owned(), json!(name.trim()));
    for part in rest.split(", ").filter(|p| !p.trim().is_empty()) {
        let (key, value) = part.split_once(": ")?;
        let key = key.trim();
        if !matches!(key, "date" | "location" | "kind") || fields.contains_key(key) {
            return None;
        }
        fields.insert(key.to_owned(), json!(value.trim()));
    }
    Some(Value::Object(fields))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_and_words_come_back_as_written() {
        let cell = "Access review [date: 2026-09-30, location: https://grc/ar-q3]\nSIEM dashboard\nPolicy [v2]\nIR playbook [kind: playbook]";
        assert_eq!(
            parse_evidence(cell),
            json!([
                {"name": "Access review", "date": "2026-09-30", "location": "https://grc/ar-q3"},
                "SIEM dashboard",
                "Policy [v2]",
                {"name": "IR playbook", "kind": "playbook"}
            ])
        );
        let written: Vec<Evidence> = serde_json::from_value(parse_evidence(cell)).unwrap();
        assert_eq!(evidence_cell(&written), cell);
    }
}
