//! References of the implementation record: the controls a row's
//! `controlStatus` names must be controls the row lists, and each `poam`
//! entry must name an in-scope control of a selected framework.

use super::problems::Problems;
use super::resolved::Scope;
use crate::model::MatrixSpec;
use crate::problem::Code;
use crate::suggest::did_you_mean;
use crate::yaml::escape_token;

/// The framework a `poam` entry names when it names none.
const POAM_FRAMEWORK: &str = "cmmc-2.0";

/// Records every `controlStatus` entry naming a framework or a control the
/// row does not list, with the closest of the row's controls as a hint.
pub fn control_status(problems: &mut Problems, spec: &MatrixSpec, scopes: &[Scope]) {
    for (r, row) in spec.responsibilities.iter().enumerate() {
        for (framework_id, statuses) in &row.control_status {
            let at = format!(
                "/responsibilities/{r}/controlStatus/{}",
                escape_token(framework_id)
            );
            let Some(listed) = row.controls.get(framework_id) else {
                problems
                    .at(
                        &at,
                        Code::DanglingReference,
                        format!(
                            "responsibility {} lists no control of `{framework_id}`",
                            row.id
                        ),
                    )
                    .set_hint(
                        "`controlStatus` sets the status of controls the row lists in `controls`",
                    );
                continue;
            };
            let same = |a: &str, b: &str| same_control(scopes, framework_id, a, b);
            for control in statuses.keys() {
                if listed.iter().any(|l| same(l, control)) {
                    continue;
                }
                let hint = match did_you_mean(control, listed.iter().map(String::as_str)) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("the row lists: {}", listed.join(", ")),
                };
                problems
                    .at(
                        &format!("{at}/{}", escape_token(control)),
                        Code::DanglingReference,
                        format!(
                            "`{control}` is not a control responsibility {} lists under `{framework_id}`",
                            row.id
                        ),
                    )
                    .set_hint(hint);
            }
        }
    }
}

/// Whether two ids name the same control of a framework: the same id, or
/// the same catalog position (an id and its alias).
fn same_control(scopes: &[Scope], framework_id: &str, a: &str, b: &str) -> bool {
    a == b
        || scopes
            .iter()
            .find(|s| s.framework.id() == framework_id)
            .and_then(|s| Some(s.framework.position(a)? == s.framework.position(b)?))
            .unwrap_or(false)
}

/// Records every `poam` entry whose framework is not selected or whose
/// control is not in its scope, with the closest in-scope control as a hint.
pub fn poam(problems: &mut Problems, spec: &MatrixSpec, scopes: &[Scope]) {
    for (p, entry) in spec.poam.iter().enumerate() {
        let framework_id = entry.framework.as_deref().unwrap_or(POAM_FRAMEWORK);
        let Some(scope) = scopes.iter().find(|s| s.framework.id() == framework_id) else {
            let field = if entry.framework.is_some() {
                "framework"
            } else {
                "control"
            };
            problems
                .at(
                    &format!("/poam/{p}/{field}"),
                    Code::DanglingReference,
                    format!("framework `{framework_id}` of this plan of action is not selected in this SRM"),
                )
                .set_hint("a plan of action names a control of a framework under `frameworks` (`framework` defaults to `cmmc-2.0`)");
            continue;
        };
        let in_scope = scope
            .framework
            .position(&entry.control)
            .is_some_and(|position| scope.controls.iter().any(|c| c.index == position));
        if in_scope {
            continue;
        }
        let ids = scope
            .controls
            .iter()
            .map(|c| scope.framework.controls()[c.index].id.as_str());
        let hint = match did_you_mean(&entry.control, ids) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("see the in-scope controls of `{framework_id}` (`srmcheck frameworks show {framework_id}`)"),
        };
        problems
            .at(
                &format!("/poam/{p}/control"),
                Code::UnknownControl,
                format!(
                    "`{}` is not an in-scope control of `{framework_id}`",
                    entry.control
                ),
            )
            .set_hint(hint);
    }
}
