//! An SRM being built from a spreadsheet: its parts as JSON values, each row
//! with the cell it came from and what the YAML should say about it.

use serde_json::{Map, Value};

use super::table::At;

/// The document so far.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// `metadata`.
    pub metadata: Map<String, Value>,
    /// Spec keys other than `responsibilities` and `exceptions`, as read.
    pub spec: Map<String, Value>,
    pub rows: Vec<DraftRow>,
    pub exceptions: Vec<Value>,
    /// Comments on a spec key (`provider`: "TODO: ...").
    pub notes: Vec<(String, String)>,
}

/// One responsibility row.
#[derive(Debug, Clone)]
pub struct DraftRow {
    pub fields: Map<String, Value>,
    /// The cell of its controls, for messages about them.
    pub controls_at: At,
    /// Lines written above the row: where the source was ambiguous.
    pub comments: Vec<String>,
}

impl DraftRow {
    pub fn new(controls_at: At) -> Self {
        DraftRow {
            fields: Map::new(),
            controls_at,
            comments: Vec::new(),
        }
    }

    /// Sets `key` unless the value is empty (an empty text, list or map).
    pub fn set(&mut self, key: &str, value: Value) {
        let empty = match &value {
            Value::Null => true,
            Value::String(s) => s.is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            _ => false,
        };
        if !empty {
            self.fields.insert(key.to_owned(), value);
        }
    }

    /// The controls, per framework.
    pub fn controls(&self) -> Vec<(String, Vec<String>)> {
        let Some(Value::Object(controls)) = self.fields.get("controls") else {
            return Vec::new();
        };
        controls
            .iter()
            .map(|(framework, ids)| {
                let ids = ids
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|id| id.as_str().map(str::to_owned))
                    .collect();
                (framework.clone(), ids)
            })
            .collect()
    }
}

/// Hours as JSON: whole numbers as integers, as a person writes them.
pub fn hours(hours: f64) -> Value {
    match hours.fract() == 0.0 && hours.abs() < 1e15 {
        true => Value::from(hours as i64),
        false => Value::from(hours),
    }
}
