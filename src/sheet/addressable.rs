//! A row's decisions on addressable implementation specifications in one
//! cell, one a line: `164.312(a)(2)(iii): alternative: the terminals lock
//! after five idle minutes`. A reason may run over several lines: a line that
//! does not start a decision continues the reason above it.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::model::{AddressableDecision, Decision};

/// One decision a line: `<specification>: <decision>[: <reason>]`.
pub fn addressable_cell(decisions: &BTreeMap<String, AddressableDecision>) -> String {
    decisions
        .iter()
        .map(|(id, decision)| format!("{id}: {}", decision.describe()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The decisions of a cell as the row's `addressable` map; an error says what
/// a line should look like.
pub fn parse_addressable(cell: &str) -> Result<Value, String> {
    let mut decisions: Vec<(String, String, Option<String>)> = Vec::new();
    for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match start(line)? {
            Some(entry) => decisions.push(entry),
            None => match decisions.last_mut() {
                Some((_, _, reason)) => {
                    let reason = reason.get_or_insert_with(String::new);
                    if !reason.is_empty() {
                        reason.push('\n');
                    }
                    reason.push_str(line);
                }
                None => return Err(expected(line)),
            },
        }
    }
    let mut map = Map::new();
    for (id, decision, reason) in decisions {
        if map.contains_key(&id) {
            return Err(format!("`{id}` has two decisions: keep one"));
        }
        let mut entry = json!({"decision": decision});
        if let Some(reason) = reason {
            entry["reason"] = Value::from(reason);
        }
        map.insert(id, entry);
    }
    Ok(Value::Object(map))
}

/// The decision a line starts, `None` for a line that continues a reason. A
/// line that names a specification (a first word with a digit, then `: `)
/// must go on with a known decision.
fn start(line: &str) -> Result<Option<(String, String, Option<String>)>, String> {
    let Some((id, rest)) = line.split_once(": ") else {
        return Ok(None);
    };
    if id.contains(char::is_whitespace) || !id.contains(|c: char| c.is_ascii_digit()) {
        return Ok(None);
    }
    let (decision, reason) = match rest.split_once(": ") {
        Some((decision, reason)) => (decision.trim(), Some(reason.trim().to_owned())),
        None => (rest.trim(), None),
    };
    if !Decision::ALL.iter().any(|d| d.name() == decision) {
        return Err(format!(
            "`{decision}` is not a decision for `{id}`: write {}",
            Decision::ALL.map(|d| format!("`{}`", d.name())).join(", ")
        ));
    }
    Ok(Some((
        id.to_owned(),
        decision.to_owned(),
        reason.filter(|r| !r.is_empty()),
    )))
}

fn expected(line: &str) -> String {
    format!("expected `<specification>: implemented`, `alternative: <reason>` or `not-reasonable: <reason>`, found `{line}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_reads_back_what_it_was_written_from() {
        let cell = "164.308(a)(5)(ii)(A): implemented\n164.312(a)(2)(iii): alternative: The terminals lock after five idle minutes.\nThe practice software cannot log off.";
        let value = parse_addressable(cell).unwrap();
        let decisions: BTreeMap<String, AddressableDecision> =
            serde_json::from_value(value).unwrap();
        assert_eq!(decisions["164.312(a)(2)(iii)"].reason.as_deref(), Some("The terminals lock after five idle minutes.\nThe practice software cannot log off."));
        assert_eq!(addressable_cell(&decisions), cell);
    }

    #[test]
    fn an_unknown_decision_or_a_stray_line_is_an_error() {
        let err = parse_addressable("164.310(d)(2)(iv): implmented").unwrap_err();
        assert!(err.contains("`implmented` is not a decision"), "{err}");
        assert!(parse_addressable("decided later")
            .unwrap_err()
            .contains("expected"));
        assert!(parse_addressable(
            "164.310(d)(2)(iv): implemented\n164.310(d)(2)(iv): implemented"
        )
        .is_err());
    }
}
