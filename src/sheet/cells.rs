//! A row's maps and lists in one cell, and back.
//!
//! | value | cell |
//! |---|---|
//! | controls | one line per framework: `iso27001-2022: A.5.1, A.5.2` |
//! | RACI | `mssp: R; client: A; vendor:aws: C` |
//! | capabilities | `security-monitoring, log-management` |
//! | SLA | one line each: `time-to-detect: 15m`, `time-to-respond: 4h (for client)` |
//! | evidence | one line each |
//! | control status | one line per framework: `cmmc-2.0: SC.L2-3.13.11=partial` |
//! | addressable decisions | one line each: `164.312(a)(2)(iii): alternative: <reason>` (`addressable.rs`) |

use std::collections::BTreeMap;

use crate::model::Sla;

/// `framework: id, id` lines.
pub fn controls_cell(controls: &BTreeMap<String, Vec<String>>) -> String {
    controls
        .iter()
        .map(|(framework, ids)| format!("{framework}: {}", ids.join(", ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The controls of a cell, per framework in the order written; an error says
/// what a line should look like.
pub fn parse_controls(cell: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut controls: Vec<(String, Vec<String>)> = Vec::new();
    for line in lines(cell) {
        let Some((framework, ids)) = line.split_once(':') else {
            return Err(format!(
                "expected `framework: control, control`, found `{line}`"
            ));
        };
        let ids = parse_words(ids);
        match controls.iter_mut().find(|(f, _)| f == framework.trim()) {
            Some((_, known)) => known.extend(ids),
            None => controls.push((framework.trim().to_owned(), ids)),
        }
    }
    Ok(controls)
}

/// `framework: id=status, id=status` lines.
pub fn control_status_cell<S: serde::Serialize>(
    statuses: &BTreeMap<String, BTreeMap<String, S>>,
) -> String {
    statuses
        .iter()
        .map(|(framework, ids)| {
            let ids: Vec<String> = ids
                .iter()
                .map(|(id, status)| format!("{id}={}", word(status)))
                .collect();
            format!("{framework}: {}", ids.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The per-control statuses of a cell, per framework: `{framework: {id:
/// status}}` as text; an error says what an entry should look like.
pub fn parse_control_status(
    cell: &str,
) -> Result<BTreeMap<String, BTreeMap<String, String>>, String> {
    let mut statuses: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (framework, entries) in parse_controls(cell)? {
        for entry in entries {
            let Some((id, status)) = entry.split_once('=') else {
                return Err(format!(
                    "expected `framework: control=status, ...`, found `{entry}`"
                ));
            };
            statuses
                .entry(framework.clone())
                .or_default()
                .insert(id.trim().to_owned(), status.trim().to_owned());
        }
    }
    Ok(statuses)
}

/// A unit enum's serialised name.
fn word<S: serde::Serialize>(value: &S) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// `key: value; key: value`.
pub fn pairs_cell(pairs: &BTreeMap<String, String>) -> String {
    pairs
        .iter()
        .map(|(key, value)| format!("{key}: {value}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The pairs of a `key: value; key: value` cell (the key may hold `:`, as
/// `vendor:aws` does: the value is after the last one).
pub fn parse_pairs(cell: &str) -> Result<BTreeMap<String, String>, String> {
    let mut pairs = BTreeMap::new();
    for item in cell
        .split([';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let Some((key, value)) = item.rsplit_once(':') else {
            return Err(format!("expected `party: value`, found `{item}`"));
        };
        pairs.insert(key.trim().to_owned(), value.trim().to_owned());
    }
    Ok(pairs)
}

/// `a, b, c`.
pub fn words_cell(words: &[String]) -> String {
    words.join(", ")
}

/// The words of a `a, b, c` cell.
pub fn parse_words(cell: &str) -> Vec<String> {
    cell.split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The lines of a cell that hold something.
pub fn parse_list(cell: &str) -> Vec<String> {
    lines(cell).map(str::to_owned).collect()
}

/// `metric: target` lines, `(for party)` after a target that binds another party.
pub fn sla_cell(sla: &[Sla]) -> String {
    sla.iter()
        .map(|s| match &s.party {
            Some(party) => format!("{}: {} (for {party})", s.metric, s.target),
            None => format!("{}: {}", s.metric, s.target),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The SLAs of a cell.
pub fn parse_sla(cell: &str) -> Result<Vec<Sla>, String> {
    lines(cell)
        .map(|line| {
            let (line, party) = match line.strip_suffix(')').and_then(|l| l.rsplit_once(" (for ")) {
                Some((line, party)) => (line, Some(party.trim().to_owned())),
                None => (line, None),
            };
            let Some((metric, target)) = line.split_once(':') else {
                return Err(format!("expected `metric: target`, found `{line}`"));
            };
            Ok(Sla {
                party,
                metric: metric.trim().to_owned(),
                target: target.trim().to_owned(),
            })
        })
        .collect()
}

fn lines(cell: &str) -> impl Iterator<Item = &str> {
    cell.lines().map(str::trim).filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_back_what_they_write() {
        let controls = BTreeMap::from([
            ("cmmc-2.0".to_owned(), vec!["AC.L2-3.1.1".to_owned()]),
            (
                "iso27001-2022".to_owned(),
                vec!["A.5.1".into(), "A.5.2".into()],
            ),
        ]);
        let read = parse_controls(&controls_cell(&controls)).unwrap();
        assert_eq!(read.into_iter().collect::<BTreeMap<_, _>>(), controls);
        let raci = BTreeMap::from([
            ("mssp".to_owned(), "R".to_owned()),
            ("vendor:aws".to_owned(), "C".to_owned()),
        ]);
        assert_eq!(parse_pairs(&pairs_cell(&raci)).unwrap(), raci);
        let sla = vec![
            Sla {
                party: None,
                metric: "time-to-detect".into(),
                target: "15m".into(),
            },
            Sla {
                party: Some("client".into()),
                metric: "approve".into(),
                target: "4h".into(),
            },
        ];
        let back = parse_sla(&sla_cell(&sla)).unwrap();
        assert_eq!(format!("{back:?}"), format!("{sla:?}"));
        assert!(parse_controls("A.5.1").is_err());
        assert!(parse_pairs("mssp R").is_err());
    }
}
