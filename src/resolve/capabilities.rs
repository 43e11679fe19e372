//! Capabilities an SRM and its provider name: each must be one of the
//! vocabulary, or the capacity rules would judge an owner by a name no
//! control needs (a typo would read as `owner-lacks-capability`).

use super::node_ref::NodeRef;
use super::problems::Problems;
use crate::catalog::{is_capability, unknown_capability};
use crate::located::Located;
use crate::model::{MatrixSpec, PartyProfile};
use crate::problem::Code;

/// Records every unknown capability of the rows, of the client party and of
/// the Provider (`provider`: its spec and where it is), each at its item.
pub fn check(
    problems: &mut Problems,
    spec: &MatrixSpec,
    provider: Option<(&NodeRef, &PartyProfile)>,
) {
    for (r, row) in spec.responsibilities.iter().enumerate() {
        in_srm(problems, &row.capabilities, |i| {
            format!("/responsibilities/{r}/capabilities/{i}")
        });
    }
    in_srm(problems, &spec.parties.client.capabilities, |i| {
        format!("/parties/client/capabilities/{i}")
    });
    let Some((at, profile)) = provider else {
        return;
    };
    for (i, name) in unknown(&profile.capabilities) {
        let (message, hint) = unknown_capability(name);
        let span = at.span(&format!("/capabilities/{i}"));
        let located = Located::new(at.source(), span, message)
            .with_code(Code::UnknownCapability)
            .with_hint(hint);
        problems.push(located.into());
    }
}

/// The unknown capabilities of a list of the SRM, at the pointer `at` gives
/// for the item's index.
fn in_srm(problems: &mut Problems, names: &[String], at: impl Fn(usize) -> String) {
    for (i, name) in unknown(names) {
        let (message, hint) = unknown_capability(name);
        problems
            .at(&at(i), Code::UnknownCapability, message)
            .set_hint(hint);
    }
}

/// The names of `names` that are not capabilities, with their index.
fn unknown(names: &[String]) -> impl Iterator<Item = (usize, &str)> {
    names
        .iter()
        .enumerate()
        .filter(|(_, name)| !is_capability(name))
        .map(|(i, name)| (i, name.as_str()))
}
