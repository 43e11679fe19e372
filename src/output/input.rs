//! `srmcheck input`: the policy input of an SRM, pretty-printed JSON.

/// One SRM's input as it is; several (a file with more than one SRM) as an
/// array in document order. Object keys keep the input's own (sorted) order.
pub fn render(mut inputs: Vec<serde_json::Value>) -> String {
    let value = match inputs.len() {
        1 => inputs.remove(0),
        _ => serde_json::Value::Array(inputs),
    };
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
