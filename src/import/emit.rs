//! The YAML of a draft: serde_yaml writes the values, this module the
//! document around them and the comments where the source was ambiguous.

use serde_json::Value;

use super::draft::Draft;
use crate::sheet::SPEC_KEYS;

/// The `ResponsibilityMatrix` document of `draft`, with `header` comment lines first.
pub fn yaml(draft: &Draft, header: &[String]) -> String {
    let mut out = String::new();
    for line in header {
        out.push_str(&comment(line, ""));
    }
    out.push_str("apiVersion: srmcheck/v1\nkind: ResponsibilityMatrix\n");
    out.push_str(&block(
        "metadata",
        &Value::Object(draft.metadata.clone()),
        "",
    ));
    out.push_str("spec:\n");
    let mut keys: Vec<&str> = SPEC_KEYS.to_vec();
    keys.extend(
        draft
            .spec
            .keys()
            .map(String::as_str)
            .filter(|k| !SPEC_KEYS.contains(k)),
    );
    for key in keys {
        for (_, note) in draft.notes.iter().filter(|(k, _)| k == key) {
            out.push_str(&comment(note, "  "));
        }
        match key {
            "responsibilities" => out.push_str(&rows(draft)),
            "exceptions" if !draft.exceptions.is_empty() => {
                out.push_str(&block(key, &Value::from(draft.exceptions.clone()), "  "));
            }
            _ => {
                if let Some(value) = draft.spec.get(key) {
                    out.push_str(&block(key, value, "  "));
                }
            }
        }
    }
    out
}

fn rows(draft: &Draft) -> String {
    if draft.rows.is_empty() {
        return "  responsibilities: []\n".to_owned();
    }
    let mut out = String::from("  responsibilities:\n");
    for row in &draft.rows {
        for line in &row.comments {
            out.push_str(&comment(line, "    "));
        }
        let item = Value::from(vec![Value::Object(row.fields.clone())]);
        out.push_str(&indent(&to_yaml(&item), "    "));
    }
    out
}

/// `key: value` at `indent`, the value on the lines below unless it is a scalar.
fn block(key: &str, value: &Value, indent_by: &str) -> String {
    let text = to_yaml(value);
    let key = to_yaml(&Value::from(key));
    let key = key.trim_end();
    match value {
        Value::Object(map) if !map.is_empty() => {
            format!(
                "{indent_by}{key}:\n{}",
                indent(&text, &format!("{indent_by}  "))
            )
        }
        Value::Array(items) if !items.is_empty() => {
            format!(
                "{indent_by}{key}:\n{}",
                indent(&text, &format!("{indent_by}  "))
            )
        }
        _ if text.trim_end().contains('\n') => {
            format!(
                "{indent_by}{key}: {}",
                indent(&text, &format!("{indent_by}  ")).trim_start()
            )
        }
        _ => format!("{indent_by}{key}: {}\n", text.trim_end()),
    }
}

fn to_yaml(value: &Value) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|line| match line.is_empty() {
            true => "\n".to_owned(),
            false => format!("{by}{line}\n"),
        })
        .collect()
}

/// `# text` lines (a comment of several lines keeps its line breaks).
fn comment(text: &str, indent_by: &str) -> String {
    text.lines()
        .map(|line| format!("{indent_by}# {line}\n").replace("# \n", "#\n"))
        .collect()
}
