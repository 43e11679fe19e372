//! The responsibility matrix as the report shows it.

use std::collections::BTreeMap;

use crate::check::SrmReport;
use crate::model::MatrixSpec;
use crate::report::model::{MatrixRow, Pair, SlaItem};

/// Every row, in the SRM's order, with the findings that point into it.
pub fn rows(spec: &MatrixSpec, report: &SrmReport) -> Vec<MatrixRow> {
    let mut findings: BTreeMap<usize, usize> = BTreeMap::new();
    for finding in report.findings.iter().filter(|f| !f.excepted) {
        if let Some(row) = finding.place.row() {
            *findings.entry(row).or_default() += 1;
        }
    }
    spec.responsibilities
        .iter()
        .enumerate()
        .map(|(i, row)| MatrixRow {
            id: row.id.clone(),
            title: row.title.clone(),
            owner: row.owner_label(),
            raci: pairs(&row.raci, String::clone),
            duties: pairs(&row.duties, String::clone),
            capabilities: row.capabilities.clone(),
            effort: pairs(&row.effort, |hours| super::hours_text(hours.get())),
            sla: row
                .sla
                .iter()
                .map(|sla| SlaItem {
                    party: sla.party.clone().unwrap_or_else(|| "mssp".to_owned()),
                    metric: sla.metric.clone(),
                    target: sla.target.clone(),
                })
                .collect(),
            evidence: row.evidence.iter().map(ToString::to_string).collect(),
            controls: pairs(&row.controls, |ids| ids.join(", ")),
            findings: findings.get(&i).copied().unwrap_or(0),
        })
        .collect()
}

fn pairs<T>(map: &BTreeMap<String, T>, text: impl Fn(&T) -> String) -> Vec<Pair> {
    map.iter()
        .map(|(key, value)| Pair {
            key: key.clone(),
            value: text(value),
        })
        .collect()
}
