//! Decisions on addressable implementation specifications (HIPAA,
//! 45 CFR 164.306(d)(3)): each `addressable` entry of a row must name an
//! addressable specification of a framework the row lists, that the row
//! covers (citing it or its standard), and give a reason unless it is
//! `implemented`.

use std::sync::Arc;

use super::problems::Problems;
use crate::catalog::{Catalog, FrameworkIndex};
use crate::model::{AddressableDecision, Control, MatrixSpec, Responsibility, SpecificationStatus};
use crate::problem::Code;
use crate::suggest::did_you_mean;
use crate::yaml::escape_token;

pub fn check(catalog: &Catalog, problems: &mut Problems, spec: &MatrixSpec) {
    for (r, row) in spec.responsibilities.iter().enumerate() {
        if row.addressable.is_empty() {
            continue;
        }
        let frameworks: Vec<Arc<FrameworkIndex>> = row
            .controls
            .keys()
            .filter_map(|id| catalog.get(id).and_then(Result::ok))
            .collect();
        for (id, decision) in &row.addressable {
            let at = format!("/responsibilities/{r}/addressable/{}", escape_token(id));
            check_one(problems, (row, &frameworks), (id, decision), &at);
        }
    }
}

fn check_one(
    problems: &mut Problems,
    (row, frameworks): (&Responsibility, &[Arc<FrameworkIndex>]),
    (id, decision): (&str, &AddressableDecision),
    at: &str,
) {
    let found = frameworks
        .iter()
        .find_map(|f| Some((f, &f.controls()[f.position(id)?])));
    let Some((framework, control)) = found else {
        let addressable = frameworks.iter().flat_map(|f| {
            f.controls()
                .iter()
                .filter(|c| c.status == Some(SpecificationStatus::Addressable))
                .map(|c| c.id.as_str())
        });
        let hint = match did_you_mean(id, addressable) {
            Some(best) => format!("did you mean `{best}`?"),
            None => "name an addressable implementation specification of a framework the row lists under `controls`".to_owned(),
        };
        problems
            .at(at, Code::UnknownControl, format!("`{id}` is not an implementation specification of a framework responsibility {} lists", row.id))
            .set_hint(hint);
        return;
    };
    if control.status != Some(SpecificationStatus::Addressable) {
        let what = match control.status {
            Some(_) => "a required implementation specification",
            None => "not an implementation specification",
        };
        problems
            .at(at, Code::InvalidValue, format!("`{id}` is {what}; only an addressable specification takes a decision"))
            .set_hint("record decisions for addressable specifications only (`srmcheck frameworks show hipaa-security` gives each one's status)");
        return;
    }
    if !covers(row, framework, control) {
        let standard = control.standard.as_deref().unwrap_or_default();
        problems
            .at(at, Code::DanglingReference, format!("responsibility {} covers neither `{id}` nor its standard `{standard}`", row.id))
            .set_hint("record the decision on the row that covers the specification, or add it to this row's `controls`");
        return;
    }
    let reason = decision
        .reason
        .as_deref()
        .map(str::trim)
        .unwrap_or_default();
    if decision.decision.needs_reason() && reason.is_empty() {
        let name = serde_json::to_value(decision.decision).unwrap_or_default();
        problems
            .at(&format!("{at}/decision"), Code::InvalidValue, format!("the decision `{}` on `{id}` needs a reason", name.as_str().unwrap_or_default()))
            .set_hint("say under `reason` which equivalent measure is in place, or why the specification is not reasonable and appropriate");
    }
}

/// Whether the row lists the specification or its standard (by id or alias).
fn covers(row: &Responsibility, framework: &FrameworkIndex, control: &Control) -> bool {
    let Some(ids) = row.controls.get(framework.id()) else {
        return false;
    };
    let targets = [Some(control.id.as_str()), control.standard.as_deref()];
    let positions: Vec<usize> = targets
        .iter()
        .flatten()
        .filter_map(|t| framework.position(t))
        .collect();
    ids.iter()
        .filter_map(|listed| framework.position(listed))
        .any(|p| positions.contains(&p))
}
