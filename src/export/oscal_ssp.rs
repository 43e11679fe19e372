//! `export --format oscal-ssp`: an SRM as an OSCAL system security plan.
//!
//! One implemented requirement per in-scope control, with a by-component per
//! party that does part of it: the client's on `this-system`, the MSSP's on
//! its service (with `export.provided` for what it provides and
//! `export.responsibilities` for what it leaves to the client, which the
//! client's by-component `satisfied`), a vendor's on the vendor's service
//! (`inherited`). The RACI gives the responsible roles, the row's status the
//! implementation status, the owner FedRAMP's control-origination props.

use serde_json::{json, Value};

use super::oscal_common::{
    self as common, control_token, object, prop, responsible_roles, Uuids, FEDRAMP_NS,
};
use crate::model::{Responsibility, ResponsibilityMatrix};
use crate::report::model::{ClientPage, ControlCoverage, FrameworkCoverage};

/// The system security plan of an SRM.
pub(crate) fn ssp(srm: &ResponsibilityMatrix, page: &ClientPage) -> Value {
    let uuids = Uuids::new(&format!("{}/ssp", srm.metadata.name));
    let parties = common::parties(srm, page);
    let ids = &uuids;
    let body = json!({
        "metadata": common::metadata(&uuids, &format!("System security plan: {}", page.title), page_date(page), &common::raci_roles(), &parties),
        "import-profile": {"href": format!("#{}", uuids.of("frameworks"))},
        "system-characteristics": characteristics(&uuids, srm, page),
        "system-implementation": implementation(&uuids, srm, page),
        "control-implementation": {
            "description": format!("The responsibilities of {} and {}, per in-scope control.", page.parties.mssp.name, srm.spec.client),
            "implemented-requirements": page.coverage.iter()
                .flat_map(|f| f.controls.iter().map(move |c| requirement(ids, srm, f, c)))
                .collect::<Vec<_>>(),
        },
        "back-matter": {"resources": [frameworks_resource(&uuids, &page.coverage)]},
    });
    let mut plan = json!({"uuid": uuids.document(&body)});
    plan.as_object_mut()
        .expect("an object")
        .extend(body.as_object().expect("an object").clone());
    json!({ "system-security-plan": plan })
}

pub(crate) fn page_date(page: &ClientPage) -> crate::model::Date {
    page.as_of
        .parse()
        .unwrap_or_else(|_| crate::model::Date::today())
}

fn characteristics(uuids: &Uuids, srm: &ResponsibilityMatrix, page: &ClientPage) -> Value {
    let mut types: Vec<Value> = page
        .environment
        .data_classes
        .iter()
        .map(|class| {
            json!({
                "uuid": uuids.of(&format!("information-type/{class}")),
                "title": class,
                "description": format!("{} data the system handles.", class),
            })
        })
        .collect();
    if types.is_empty() {
        types.push(json!({
            "uuid": uuids.of("information-type/client"),
            "title": "Client information",
            "description": format!("The information of {}.", srm.spec.client),
        }));
    }
    let components: Vec<String> = page
        .environment
        .components
        .iter()
        .map(|c| format!("{} ({})", c.name, c.model))
        .collect();
    json!({
        "system-ids": [{"identifier-type": "http://ietf.org/rfc/rfc4122", "id": uuids.of("system")}],
        "system-name": page.title,
        "description": format!("The systems of {}, secured with {} under their shared responsibility model.", srm.spec.client, page.parties.mssp.name),
        "props": [prop("service-model", &page.environment.model)],
        "system-information": {"information-types": types},
        "status": {"state": "operational"},
        "authorization-boundary": {"description": match components.is_empty() {
            true => format!("The {} environment of {}.", page.environment.model, srm.spec.client),
            false => components.join("; "),
        }},
    })
}

/// The component a party's part of a row is written on.
pub(crate) fn component_key(party: &str) -> String {
    match party {
        "client" => "this-system".to_owned(),
        other => other.to_owned(),
    }
}

fn implementation(uuids: &Uuids, srm: &ResponsibilityMatrix, page: &ClientPage) -> Value {
    let mut components = vec![json!({
        "uuid": uuids.of("component/this-system"),
        "type": "this-system",
        "title": page.title,
        "description": format!("The systems of {}.", srm.spec.client),
        "status": {"state": "operational"},
    })];
    let mut services = vec![("mssp".to_owned(), page.parties.mssp.name.clone())];
    services.extend(
        srm.spec
            .parties
            .vendors
            .iter()
            .map(|v| (format!("vendor:{}", v.id), v.name.clone())),
    );
    for (key, name) in &services {
        components.push(json!({
            "uuid": uuids.of(&format!("component/{key}")),
            "type": "service",
            "title": name,
            "description": format!("The service of {name}."),
            "props": [prop("party", key)],
            "status": {"state": "operational"},
        }));
    }
    let users: Vec<Value> = [
        ("mssp", &page.parties.mssp.name),
        ("client", &srm.spec.client),
    ]
    .into_iter()
    .map(|(key, name)| {
        json!({
            "uuid": uuids.of(&format!("user/{key}")),
            "title": format!("Staff of {name}"),
            "props": [prop("party", key)],
        })
    })
    .collect();
    json!({"users": users, "components": components})
}

/// The rows that cover a control, directly or through a crosswalk.
pub(crate) fn covering_rows<'a>(
    srm: &'a ResponsibilityMatrix,
    control: &ControlCoverage,
) -> Vec<&'a Responsibility> {
    let ids: Vec<&String> = control
        .rows
        .iter()
        .chain(control.via.iter().flat_map(|v| v.rows.iter()))
        .collect();
    let mut rows: Vec<&Responsibility> = srm
        .spec
        .responsibilities
        .iter()
        .filter(|r| ids.contains(&&r.id))
        .collect();
    rows.dedup_by_key(|r| r.id.clone());
    rows
}

fn requirement(
    uuids: &Uuids,
    srm: &ResponsibilityMatrix,
    framework: &FrameworkCoverage,
    control: &ControlCoverage,
) -> Value {
    let at = format!("requirement/{}/{}", framework.id, control.id);
    let rows = covering_rows(srm, control);
    let mut origins: Vec<&str> = rows.iter().flat_map(|r| origination(r)).collect();
    origins.sort();
    origins.dedup();
    let mut props = vec![
        prop("framework", &framework.id),
        prop("control", &control.id),
    ];
    props.extend(
        origins
            .iter()
            .map(|o| json!({"name": "control-origination", "ns": FEDRAMP_NS, "value": o})),
    );
    let mut raci = std::collections::BTreeMap::new();
    for row in &rows {
        for (party, letters) in &row.raci {
            raci.entry(party.clone())
                .or_insert_with(String::new)
                .push_str(letters);
        }
    }
    let by_components: Vec<Value> = rows
        .iter()
        .flat_map(|row| by_components(uuids, &at, framework, control, row))
        .collect();
    let remarks = match rows.is_empty() {
        true => Value::from(format!(
            "No responsibility covers the control ({}).",
            control.status_label
        )),
        false => Value::Null,
    };
    object(vec![
        ("uuid", Value::from(uuids.of(&at))),
        ("control-id", Value::from(control_token(&control.id))),
        ("props", Value::from(props)),
        (
            "responsible-roles",
            Value::from(responsible_roles(uuids, &raci)),
        ),
        ("by-components", Value::from(by_components)),
        ("remarks", remarks),
    ])
}

/// FedRAMP's control origination of each party doing a row's work (no
/// "shared": a shared row is each of its parties'): the MSSP's part is the
/// service provider's, the client's the customer's, a vendor's inherited.
fn origination(row: &Responsibility) -> Vec<&'static str> {
    let mut origins: Vec<&'static str> = row
        .parties()
        .iter()
        .filter_map(|party| match party.as_str() {
            "mssp" => Some("sp-system"),
            "client" => Some("customer-provided"),
            p if p.starts_with("vendor:") => Some("inherited"),
            _ => None,
        })
        .collect();
    origins.sort_by_key(|o| {
        ["sp-system", "customer-provided", "inherited"]
            .iter()
            .position(|k| k == o)
    });
    origins.dedup();
    origins
}

/// The parties that do part of a row: its owner, or the parties of a shared
/// row's split, the MSSP first, then the client, then vendors by id.
pub(crate) fn row_parties(row: &Responsibility) -> Vec<String> {
    let mut parties = row.parties();
    parties.sort_by_key(|p| (p != "mssp", p != "client", p.clone()));
    parties
}

fn by_components(
    uuids: &Uuids,
    at: &str,
    framework: &FrameworkCoverage,
    control: &ControlCoverage,
    row: &Responsibility,
) -> Vec<Value> {
    let status = row
        .control_status
        .get(&framework.id)
        .and_then(|s| s.get(&control.id))
        .copied()
        .or(row.status);
    let parties = row_parties(row);
    let client_duty = row.duties.get("client").cloned();
    parties
        .iter()
        .map(|party| {
            let key = component_key(party);
            let here = format!("{at}/{}/{key}", row.id);
            let duty = row
                .duties
                .get(party)
                .cloned()
                .unwrap_or_else(|| format!("{} ({}).", row.title, row.id));
            let mut pairs = vec![
                ("component-uuid", Value::from(uuids.of(&format!("component/{key}")))),
                ("uuid", Value::from(uuids.of(&here))),
                ("description", Value::from(duty.clone())),
                ("props", json!([prop("row", &row.id)])),
                ("implementation-status", common::status(status)),
            ];
            let provided = uuids.of(&format!("{at}/{}/provided", row.id));
            let responsibility = uuids.of(&format!("{at}/{}/responsibility", row.id));
            match party.as_str() {
                "mssp" => {
                    let leaves = client_duty.as_ref().map(|d| {
                        json!([{"uuid": responsibility, "provided-uuid": provided, "description": d}])
                    });
                    pairs.push(("export", object(vec![
                        ("provided", json!([{"uuid": provided, "description": duty}])),
                        ("responsibilities", leaves.unwrap_or(Value::Null)),
                    ])));
                }
                "client" if parties.iter().any(|p| p == "mssp") => pairs.push((
                    "satisfied",
                    json!([{"uuid": uuids.of(&format!("{here}/satisfied")), "responsibility-uuid": responsibility, "description": duty}]),
                )),
                vendor if vendor.starts_with("vendor:") => pairs.push((
                    "inherited",
                    json!([{"uuid": uuids.of(&format!("{here}/inherited")), "description": duty}]),
                )),
                _ => {}
            }
            object(pairs)
        })
        .collect()
}

fn frameworks_resource(uuids: &Uuids, coverage: &[FrameworkCoverage]) -> Value {
    let names: Vec<String> = coverage
        .iter()
        .map(|f| match f.selector.is_empty() {
            true => format!("{} {}", f.title, f.version),
            false => format!("{} {} ({})", f.title, f.version, f.selector),
        })
        .collect();
    json!({
        "uuid": uuids.of("frameworks"),
        "title": "Frameworks in scope",
        "description": names.join("; "),
        "props": coverage.iter().map(|f| prop("framework", &f.id)).collect::<Vec<_>>(),
    })
}
