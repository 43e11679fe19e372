//! `srmcheck import ssp.json`: an OSCAL system security plan's control
//! implementation as the rows of a `ResponsibilityMatrix`, one per
//! implemented requirement, the roles mapped to parties.
//!
//! A party is `mssp`, `client` or `vendor:<id>` by its `short-name` (as
//! srmcheck's export writes them), else by the role it holds: `provider`,
//! `service-provider` or `mssp` is the MSSP; `customer`, `client` or
//! `system-owner` the client. The RACI roles (`responsible`, `accountable`,
//! `consulted`, `informed`) give the row's RACI; the parties that are
//! responsible give its owner (two or more: `shared`). A by-component's
//! description is the duty of its component's party (the `this-system`
//! component's is the client's, a component with srmcheck's `party` prop
//! that party's, any other the MSSP's).

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Value};

use super::draft::DraftRow;
use super::table::At;
use crate::oscal::control_token;

/// The parties of the plan: by party UUID and by component UUID.
struct Parties {
    by_party: HashMap<String, String>,
    by_component: HashMap<String, String>,
}

fn party_key(short_name: &str, roles: &[&str]) -> Option<String> {
    match short_name {
        "mssp" | "client" => return Some(short_name.to_owned()),
        s if s.starts_with("vendor:") => return Some(s.to_owned()),
        _ => {}
    }
    roles.iter().find_map(|role| match *role {
        "provider" | "service-provider" | "mssp" => Some("mssp".to_owned()),
        "customer" | "client" | "system-owner" => Some("client".to_owned()),
        _ => None,
    })
}

fn parties(body: &Value) -> Parties {
    let mut roles_of: HashMap<String, Vec<&str>> = HashMap::new();
    let responsible = body
        .pointer("/metadata/responsible-parties")
        .and_then(Value::as_array);
    for rp in responsible.into_iter().flatten() {
        for uuid in rp["party-uuids"].as_array().into_iter().flatten() {
            if let (Some(uuid), Some(role)) = (uuid.as_str(), rp["role-id"].as_str()) {
                roles_of.entry(uuid.to_owned()).or_default().push(role);
            }
        }
    }
    let mut by_party = HashMap::new();
    let listed = body.pointer("/metadata/parties").and_then(Value::as_array);
    for party in listed.into_iter().flatten() {
        let uuid = party["uuid"].as_str().unwrap_or_default();
        let roles = roles_of.get(uuid).cloned().unwrap_or_default();
        let short = party["short-name"].as_str().unwrap_or_default();
        if let Some(key) = party_key(short, &roles) {
            by_party.insert(uuid.to_owned(), key);
        }
    }
    let mut by_component = HashMap::new();
    let components = body
        .pointer("/system-implementation/components")
        .and_then(Value::as_array);
    for component in components.into_iter().flatten() {
        let uuid = component["uuid"].as_str().unwrap_or_default().to_owned();
        let prop = component["props"]
            .as_array()
            .into_iter()
            .flatten()
            .find_map(|p| {
                (p["name"] == "party").then(|| p["value"].as_str().map(str::to_owned))?
            });
        let key = prop.unwrap_or_else(|| match component["type"].as_str() {
            Some("this-system") => "client".to_owned(),
            _ => "mssp".to_owned(),
        });
        by_component.insert(uuid, key);
    }
    Parties {
        by_party,
        by_component,
    }
}

/// The RACI letter of a role, or `R` for a role that names a party's part.
fn letter(role: &str) -> Option<char> {
    match role {
        "responsible" => Some('R'),
        "accountable" => Some('A'),
        "consulted" => Some('C'),
        "informed" => Some('I'),
        "provider" | "service-provider" | "mssp" | "customer" | "client" | "system-owner" => {
            Some('R')
        }
        _ => None,
    }
}

/// The rows of the plan's implemented requirements, with the framework the
/// control ids are matched in; `None` for a control id the catalog lacks
/// (reported by the caller with its pointer).
pub fn rows(
    file: &str,
    body: &Value,
    model: &str,
    catalog_ids: &HashMap<String, String>,
    framework: &str,
) -> Result<Vec<DraftRow>, Vec<(String, String)>> {
    let parties = parties(body);
    let base = format!("/{model}/control-implementation/implemented-requirements");
    let requirements = body
        .pointer("/control-implementation/implemented-requirements")
        .and_then(Value::as_array);
    let mut rows = Vec::new();
    let mut unknown = Vec::new();
    for (i, requirement) in requirements.into_iter().flatten().enumerate() {
        let token = requirement["control-id"].as_str().unwrap_or_default();
        let pointer = format!("{base}/{i}/control-id");
        let Some(control) = catalog_ids.get(&control_token(token)) else {
            unknown.push((token.to_owned(), pointer));
            continue;
        };
        let at = At {
            file: format!("{file}, {pointer}"),
            position: None,
        };
        rows.push(row(
            at,
            rows.len() + 1,
            requirement,
            &parties,
            (framework, control),
        ));
    }
    match unknown.is_empty() {
        true => Ok(rows),
        false => Err(unknown),
    }
}

fn row(
    at: At,
    n: usize,
    requirement: &Value,
    parties: &Parties,
    (framework, control): (&str, &str),
) -> DraftRow {
    let mut raci: BTreeMap<String, String> = BTreeMap::new();
    for role in requirement["responsible-roles"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let Some(letter) = role["role-id"].as_str().and_then(letter) else {
            continue;
        };
        for uuid in role["party-uuids"].as_array().into_iter().flatten() {
            if let Some(party) = uuid.as_str().and_then(|u| parties.by_party.get(u)) {
                let letters = raci.entry(party.clone()).or_default();
                if !letters.contains(letter) {
                    letters.push(letter);
                }
            }
        }
    }
    let mut duties: BTreeMap<String, String> = BTreeMap::new();
    for by in requirement["by-components"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let component = by["component-uuid"].as_str().unwrap_or_default();
        let Some(party) = parties.by_component.get(component) else {
            continue;
        };
        if let Some(text) = by["description"].as_str().filter(|t| !t.is_empty()) {
            let duty = duties.entry(party.clone()).or_default();
            if !duty.is_empty() {
                duty.push_str("\n\n");
            }
            duty.push_str(text);
        }
    }
    let responsible: Vec<&String> = match raci.iter().any(|(_, l)| l.contains('R')) {
        true => raci
            .iter()
            .filter(|(_, l)| l.contains('R'))
            .map(|(p, _)| p)
            .collect(),
        false => duties.keys().collect(),
    };
    let owner = match responsible.as_slice() {
        [one] => (*one).clone(),
        [] => String::new(),
        _ => "shared".to_owned(),
    };
    let mut draft = DraftRow::new(at);
    draft.set("id", Value::from(format!("R-{n:03}")));
    draft.set("title", Value::from(control));
    draft.set("controls", json!({ framework: [control] }));
    draft.set("owner", Value::from(owner.clone()));
    draft.set("raci", json!(raci));
    if owner == "shared" || duties.len() > 1 {
        draft.set("duties", json!(duties));
    }
    draft
}
