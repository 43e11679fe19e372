//! What rows claim of the attestations: the complementary user entity
//! controls (CUECs) they own (`cuecs: [vendor:aws/CUEC-3, mssp/CUEC-1]`),
//! and the parties a shared row is split between (`shared: [client,
//! vendor:aws]`). Attestations belong to vendors and the MSSP's `Provider`,
//! never to the client's profile.

use super::problems::Problems;
use crate::model::{Attestation, MatrixSpec, PartyProfile, Responsibility};
use crate::problem::Code;
use crate::suggest::did_you_mean;

/// Checks the client's profile, every row's `shared` list (its parties are
/// checked with the row's other party references) and `cuecs` claims.
pub fn check(problems: &mut Problems, spec: &MatrixSpec, provider: Option<&PartyProfile>) {
    if !spec.parties.client.attestations.is_empty() {
        problems
            .at(
                "/parties/client/attestations",
                Code::InvalidValue,
                "the client's profile holds no attestations",
            )
            .set_hint("record a vendor's under `parties.vendors` and the MSSP's in its Provider");
    }
    for (r, row) in spec.responsibilities.iter().enumerate() {
        shared(problems, row, r);
        for (c, claim) in row.cuecs.iter().enumerate() {
            cuec_claim(problems, spec, provider, claim, || {
                format!("/responsibilities/{r}/cuecs/{c}")
            });
        }
    }
}

/// A `shared` list: only on a `shared` row, with two different parties.
fn shared(problems: &mut Problems, row: &Responsibility, r: usize) {
    if row.shared.is_empty() {
        return;
    }
    let at = format!("/responsibilities/{r}/shared");
    if row.owner.as_deref() != Some("shared") {
        problems
            .at(
                &at,
                Code::InvalidValue,
                "`shared` lists the parties of a shared row",
            )
            .set_hint("set `owner: shared`, or remove `shared`");
        return;
    }
    let mut distinct: Vec<&str> = row.shared.iter().map(String::as_str).collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() != row.shared.len() || distinct.len() < 2 {
        problems
            .at(
                &at,
                Code::InvalidValue,
                "a shared row is split between two or more different parties",
            )
            .set_hint("such as `shared: [client, vendor:aws]`");
    }
}

/// A claim `<party>/<CUEC id>`: the party `mssp` or a declared `vendor:<id>`
/// whose attestations list the CUEC.
fn cuec_claim(
    problems: &mut Problems,
    spec: &MatrixSpec,
    provider: Option<&PartyProfile>,
    claim: &str,
    at: impl Fn() -> String,
) {
    let Some((party, id)) = claim.split_once('/') else {
        problems
            .at(
                &at(),
                Code::InvalidValue,
                format!("`{claim}` does not name a CUEC"),
            )
            .set_hint(
                "write `vendor:<id>/<CUEC id>`, or `mssp/<CUEC id>` for the MSSP's own report",
            );
        return;
    };
    let attestations: &[Attestation] = match party.strip_prefix("vendor:") {
        Some(vendor) => match spec.parties.vendors.iter().find(|v| v.id == vendor) {
            Some(v) => &v.attestations,
            None => return unknown(problems, at(), format!("unknown vendor `{vendor}`")),
        },
        None if party == "mssp" => match provider {
            Some(profile) => &profile.attestations,
            None => return,
        },
        None => {
            let message =
                format!("`{party}` has no attestations: CUECs are a vendor's or the MSSP's");
            return unknown(problems, at(), message);
        }
    };
    let ids: Vec<&str> = attestations
        .iter()
        .flat_map(|a| a.cuecs.iter().map(|c| c.id.as_str()))
        .collect();
    if ids.contains(&id) {
        return;
    }
    let hint = match did_you_mean(id, ids.iter().copied()) {
        Some(best) => format!("did you mean `{party}/{best}`?"),
        None if ids.is_empty() => {
            format!("list the CUEC under the `cuecs` of an attestation of `{party}`")
        }
        None => format!("the CUECs of `{party}` are: {}", ids.join(", ")),
    };
    problems
        .at(
            &at(),
            Code::DanglingReference,
            format!("`{party}` lists no CUEC `{id}`"),
        )
        .set_hint(hint);
}

fn unknown(problems: &mut Problems, at: String, message: String) {
    problems
        .at(&at, Code::DanglingReference, message)
        .set_hint("a CUEC is claimed as `vendor:<id>/<CUEC id>` or `mssp/<CUEC id>`");
}
