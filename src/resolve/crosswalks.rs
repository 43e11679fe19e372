//! Links the selected frameworks of an SRM through the crosswalks between them:
//! each in-scope control learns its counterparts in the other selected
//! frameworks, and, where the SRM opts in with `via`, the rows that cover it
//! through those counterparts.

use std::collections::HashMap;

use super::problems::Problems;
use super::resolved::{Scope, ViaCover};
use crate::catalog::Catalog;
use crate::model::MatrixSpec;
use crate::problem::Code;

pub fn link(catalog: &Catalog, problems: &mut Problems, spec: &MatrixSpec, scopes: &mut [Scope]) {
    if scopes.len() < 2 && spec.frameworks.iter().all(|f| f.via.is_empty()) {
        return;
    }
    // Catalog position -> slot in its scope's controls, per scope.
    let slots: Vec<HashMap<usize, usize>> = scopes
        .iter()
        .map(|s| {
            s.controls
                .iter()
                .enumerate()
                .map(|(slot, c)| (c.index, slot))
                .collect()
        })
        .collect();
    for from in 0..scopes.len() {
        for to in 0..scopes.len() {
            if from == to {
                continue;
            }
            let (from_id, to_id) = (
                scopes[from].framework.id().to_owned(),
                scopes[to].framework.id().to_owned(),
            );
            let view = match catalog.crosswalk(&from_id, &to_id) {
                Ok(Some(view)) => view,
                Ok(None) => continue,
                Err(error) => {
                    problems.push(error);
                    return;
                }
            };
            let uses_via = scopes[to].selection.via.contains(&from_id);
            for pair in &view.pairs {
                let (Some(a), Some(b)) = (
                    scopes[from].framework.position(&pair.from),
                    scopes[to].framework.position(&pair.to),
                ) else {
                    continue;
                };
                let (Some(&a_slot), Some(&b_slot)) = (slots[from].get(&a), slots[to].get(&b))
                else {
                    continue;
                };
                let rows = scopes[from].controls[a_slot].rows.clone();
                let target = &mut scopes[to].controls[b_slot];
                target
                    .related
                    .entry(from_id.clone())
                    .or_default()
                    .push(pair.from.clone());
                if uses_via && !rows.is_empty() {
                    target.via.push(ViaCover {
                        framework: from_id.clone(),
                        control: pair.from.clone(),
                        rows,
                    });
                }
            }
        }
    }
    for (f, selection) in spec.frameworks.iter().enumerate() {
        for (v, via) in selection.via.iter().enumerate() {
            let at = format!("/frameworks/{f}/via/{v}");
            if !scopes.iter().any(|s| s.framework.id() == via) {
                problems
                    .at(
                        &at,
                        Code::DanglingReference,
                        format!("`{via}` is not selected in this SRM"),
                    )
                    .set_hint(
                        "`via` names another framework of `frameworks`, whose rows then count here",
                    );
            } else if via == &selection.id {
                problems.at(
                    &at,
                    Code::InvalidValue,
                    "a framework cannot be covered via itself",
                );
            } else if matches!(catalog.crosswalk(via, &selection.id), Ok(None)) {
                problems
                    .at(
                        &at,
                        Code::DanglingReference,
                        format!("no crosswalk joins `{via}` and `{}`", selection.id),
                    )
                    .set_hint(
                        "see `srmcheck frameworks map`; add a Mapping with `--frameworks DIR`",
                    );
            }
        }
    }
}
