//! Links the selected frameworks of an SRM through the crosswalks between them:
//! each in-scope control learns its counterparts in the other selected
//! frameworks, and, where the SRM opts in with `via`, the rows that cover it
//! through those counterparts: only through a published pair whose covering
//! control is at least as broad (`equivalent`, or a `superset-of` the
//! target). `intersects`, `related` and derived chains inform, never cover.

use std::collections::HashMap;

use super::problems::Problems;
use super::resolved::{Scope, Through, ViaCover};
use crate::catalog::{Catalog, ViewPair};
use crate::model::{MatrixSpec, Relationship};
use crate::problem::Code;

pub fn link(catalog: &Catalog, problems: &mut Problems, spec: &MatrixSpec, scopes: &mut [Scope]) {
    if scopes.len() < 2 && spec.frameworks.iter().all(|f| f.via.is_empty()) {
        return;
    }
    let slots = slots(scopes);
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
            for pair in &view.pairs {
                let covers = !view.derived && covers(pair.relationship);
                link_pair(scopes, &slots, (from, to), (&from_id, covers), pair);
            }
        }
    }
    check_via(catalog, problems, spec, scopes);
}

/// Whether a pair's source control is at least as broad as its target, so
/// that a row covering the source covers the target too.
pub(super) fn covers(relationship: Relationship) -> bool {
    matches!(
        relationship,
        Relationship::Equivalent | Relationship::SupersetOf
    )
}

/// Catalog position -> slot in its scope's controls, per scope.
fn slots(scopes: &[Scope]) -> Vec<HashMap<usize, usize>> {
    scopes
        .iter()
        .map(|s| {
            s.controls
                .iter()
                .enumerate()
                .map(|(slot, c)| (c.index, slot))
                .collect()
        })
        .collect()
}

/// Records one crosswalk pair from scope `from` to scope `to` when both of its
/// controls are in scope: the target learns its counterpart and, when its
/// selection covers it `via` the source framework and the pair `covers`, the
/// rows of that counterpart.
fn link_pair(
    scopes: &mut [Scope],
    slots: &[HashMap<usize, usize>],
    (from, to): (usize, usize),
    (from_id, covers): (&str, bool),
    pair: &ViewPair,
) {
    let (Some(a), Some(b)) = (
        scopes[from].framework.position(&pair.from),
        scopes[to].framework.position(&pair.to),
    ) else {
        return;
    };
    let (Some(&a_slot), Some(&b_slot)) = (slots[from].get(&a), slots[to].get(&b)) else {
        return;
    };
    let uses_via = scopes[to].selection.via.iter().any(|v| v == from_id);
    let rows = scopes[from].controls[a_slot].rows.clone();
    let target = &mut scopes[to].controls[b_slot];
    target
        .related
        .entry(from_id.to_owned())
        .or_default()
        .push(pair.from.clone());
    if uses_via && covers && !rows.is_empty() {
        target.via.push(ViaCover {
            framework: from_id.to_owned(),
            control: pair.from.clone(),
            rows,
            through: Through::Crosswalk,
        });
    }
}

/// Records every `via` of the SRM's framework selections that names a
/// framework not selected, the framework itself, or one no crosswalk joins.
fn check_via(catalog: &Catalog, problems: &mut Problems, spec: &MatrixSpec, scopes: &[Scope]) {
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
