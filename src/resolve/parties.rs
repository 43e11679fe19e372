//! Party references in rows: `mssp`, `client` and `vendor:<id>` of a declared vendor.

use super::problems::Problems;
use crate::model::{MatrixSpec, Responsibility};
use crate::problem::Code;
use crate::suggest::did_you_mean;
use crate::yaml::escape_token;

/// Checks that every `vendor:<id>` an SRM names is declared, and that RACI
/// entries are made of the letters R, A, C and I.
pub fn check(problems: &mut Problems, spec: &MatrixSpec) {
    let vendors: Vec<&str> = spec.parties.vendors.iter().map(|v| v.id.as_str()).collect();
    duplicate_vendors(problems, spec);
    incident_parties(problems, spec, &vendors);
    partnership_parties(problems, spec, &vendors);
    for (r, row) in spec.responsibilities.iter().enumerate() {
        row_parties(problems, row, r, &vendors);
    }
}

/// Records every vendor id declared more than once.
fn duplicate_vendors(problems: &mut Problems, spec: &MatrixSpec) {
    let mut seen = std::collections::HashSet::new();
    for (v, vendor) in spec.parties.vendors.iter().enumerate() {
        if !seen.insert(vendor.id.as_str()) {
            problems.at(
                &format!("/parties/vendors/{v}/id"),
                Code::Duplicate,
                format!("vendor `{}` is declared twice", vendor.id),
            );
        }
    }
}

/// The parties of the incident response: its escalation steps and its
/// decision authority.
fn incident_parties(problems: &mut Problems, spec: &MatrixSpec, vendors: &[&str]) {
    let Some(incident) = &spec.incident_response else {
        return;
    };
    for (e, step) in incident.escalation.iter().enumerate() {
        party_ref(problems, vendors, &step.party, || {
            format!("/incidentResponse/escalation/{e}/party")
        });
    }
    if let Some(party) = &incident.decision_authority {
        party_ref(problems, vendors, party, || {
            "/incidentResponse/decisionAuthority".to_owned()
        });
    }
}

/// The owners of the KPIs and the parties of the exercises.
fn partnership_parties(problems: &mut Problems, spec: &MatrixSpec, vendors: &[&str]) {
    for (k, kpi) in spec.kpis.iter().enumerate() {
        for (o, owner) in kpi.owners.iter().enumerate() {
            party_ref(problems, vendors, owner, || format!("/kpis/{k}/owners/{o}"));
        }
    }
    for (x, exercise) in spec.exercises.iter().enumerate() {
        for (p, party) in exercise.parties.iter().enumerate() {
            party_ref(problems, vendors, party, || {
                format!("/exercises/{x}/parties/{p}")
            });
        }
    }
}

/// The parties row `r` names: its owner, the keys of its `raci`, `duties` and
/// `effort`, the parties of its `shared` list, its RACI letters and its
/// SLAs' parties.
fn row_parties(problems: &mut Problems, row: &Responsibility, r: usize, vendors: &[&str]) {
    let at = || format!("/responsibilities/{r}");
    if let Some(owner) = &row.owner {
        vendor_ref(problems, vendors, owner, || format!("{}/owner", at()));
    }
    let keyed = [
        ("raci", row.raci.keys().collect::<Vec<_>>()),
        ("duties", row.duties.keys().collect()),
        ("effort", row.effort.keys().collect()),
    ];
    for (field, parties) in keyed {
        for party in parties {
            party_ref(problems, vendors, party, || {
                format!("{}/{field}/{}", at(), escape_token(party))
            });
        }
    }
    for (k, party) in row.shared.iter().enumerate() {
        party_ref(problems, vendors, party, || format!("{}/shared/{k}", at()));
    }
    for (party, letters) in &row.raci {
        raci_letters(problems, letters, || {
            format!("{}/raci/{}", at(), escape_token(party))
        });
    }
    for (s, sla) in row.sla.iter().enumerate() {
        if let Some(party) = &sla.party {
            vendor_ref(problems, vendors, party, || {
                format!("{}/sla/{s}/party", at())
            });
        }
    }
}

/// Records a problem when `letters` is not a RACI role: empty, or with a
/// letter other than R, A, C and I, or with one twice.
fn raci_letters(problems: &mut Problems, letters: &str, at: impl Fn() -> String) {
    let bad = letters.chars().find(|c| !"RACI".contains(*c));
    let repeated = letters
        .chars()
        .enumerate()
        .any(|(i, c)| letters[..i].contains(c));
    if letters.is_empty() || bad.is_some() || repeated {
        problems
            .at(
                &at(),
                Code::InvalidValue,
                format!("`{letters}` is not a RACI role"),
            )
            .set_hint("use the letters R, A, C and I, each at most once, such as `RA` or `C`");
    }
}

/// Records a problem when `name` is not `mssp`, `client` or a declared
/// `vendor:<id>`, at the pointer `at` gives (formatted only for a problem).
fn party_ref(problems: &mut Problems, vendors: &[&str], name: &str, at: impl Fn() -> String) {
    if is_party(name) {
        vendor_ref(problems, vendors, name, at);
    } else {
        problems
            .at(
                &at(),
                Code::DanglingReference,
                format!("`{name}` is not a party"),
            )
            .set_hint("parties are `mssp`, `client` and `vendor:<id>`");
    }
}

fn is_party(name: &str) -> bool {
    matches!(name, "mssp" | "client") || name.starts_with("vendor:")
}

/// Records a problem when `name` is `vendor:<id>` of an undeclared vendor.
fn vendor_ref(problems: &mut Problems, vendors: &[&str], name: &str, at: impl Fn() -> String) {
    let Some(id) = name.strip_prefix("vendor:") else {
        return;
    };
    if vendors.contains(&id) {
        return;
    }
    let hint = match did_you_mean(id, vendors.iter().copied()) {
        Some(best) => format!("did you mean `vendor:{best}`?"),
        None => "declare the vendor under `parties.vendors`".to_owned(),
    };
    problems
        .at(
            &at(),
            Code::DanglingReference,
            format!("unknown vendor `{id}`"),
        )
        .set_hint(hint);
}
