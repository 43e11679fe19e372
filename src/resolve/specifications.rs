//! Implementation specifications (HIPAA): the one place that decides how a
//! standard and its specifications cover each other. A row citing a standard
//! covers each of its specifications; a standard no row cites is covered when
//! every one of its in-scope specifications is. An exception naming a
//! standard covers its specifications too. The covers are `via` entries
//! (`through: standard` or `specifications`), which every rule, report and
//! export already counts.

use std::collections::HashMap;
use std::sync::Arc;

use super::resolved::{Scope, ScopedControl, Through, ViaCover};
use crate::catalog::FrameworkIndex;

pub fn cover(scopes: &mut [Scope]) {
    for scope in scopes {
        let framework = Arc::clone(&scope.framework);
        let slots: HashMap<usize, usize> = scope
            .controls
            .iter()
            .enumerate()
            .map(|(slot, c)| (c.index, slot))
            .collect();
        let slot_of = |id: &str| framework.position(id).and_then(|p| slots.get(&p).copied());
        from_standards(&framework, &mut scope.controls, &slot_of);
        from_specifications(&framework, &mut scope.controls, &slot_of);
    }
}

/// Each in-scope specification learns the rows and exceptions of its standard.
fn from_standards(
    framework: &FrameworkIndex,
    controls: &mut [ScopedControl],
    slot_of: &impl Fn(&str) -> Option<usize>,
) {
    for slot in 0..controls.len() {
        let control = &framework.controls()[controls[slot].index];
        let Some(standard) = control.standard.as_deref() else {
            continue;
        };
        let Some(of_standard) = slot_of(standard) else {
            continue;
        };
        let (rows, exceptions) = {
            let standard = &controls[of_standard];
            (standard.rows.clone(), standard.exceptions.clone())
        };
        let target = &mut controls[slot];
        for e in exceptions {
            if !target.exceptions.contains(&e) {
                target.exceptions.push(e);
            }
        }
        if !rows.is_empty() {
            target.via.push(ViaCover {
                framework: framework.id().to_owned(),
                control: standard.to_owned(),
                rows,
                through: Through::Standard,
            });
        }
    }
}

/// A standard no row cites is covered by the rows of its in-scope
/// specifications when each of them is covered (by rows of its own or
/// through a crosswalk).
fn from_specifications(
    framework: &FrameworkIndex,
    controls: &mut [ScopedControl],
    slot_of: &impl Fn(&str) -> Option<usize>,
) {
    for slot in 0..controls.len() {
        let control = &framework.controls()[controls[slot].index];
        if control.specifications.is_empty() || !controls[slot].rows.is_empty() {
            continue;
        }
        let covers: Vec<ViaCover> = control
            .specifications
            .iter()
            .filter_map(|spec| slot_of(&spec.id).map(|s| (spec, &controls[s])))
            .map(|(spec, scoped)| {
                let mut rows = scoped.rows.clone();
                let crosswalk = scoped
                    .via
                    .iter()
                    .filter(|v| v.through == Through::Crosswalk);
                rows.extend(crosswalk.flat_map(|v| v.rows.iter().copied()));
                rows.sort_unstable();
                rows.dedup();
                ViaCover {
                    framework: framework.id().to_owned(),
                    control: spec.id.clone(),
                    rows,
                    through: Through::Specifications,
                }
            })
            .collect();
        if !covers.is_empty() && covers.iter().all(|c| !c.rows.is_empty()) {
            controls[slot].via.extend(covers);
        }
    }
}
