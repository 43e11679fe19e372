//! `export --format oscal-component`: the MSSP's service, as delivered under
//! an SRM, as an OSCAL component definition: the controls the MSSP performs
//! or shares, what it does for each (the `provider` role) and what it leaves
//! to its client (the `customer` role, its remarks the client's duty). A
//! client's tooling reads it back with `srmcheck import` as the vendor
//! responsibilities of its MSSP.

use serde_json::{json, Value};

use super::oscal_common::{self as common, control_token, object, prop, Uuids};
use super::oscal_ssp::{covering_rows, page_date, row_parties};
use crate::model::ResponsibilityMatrix;
use crate::report::model::{ClientPage, ControlCoverage, FrameworkCoverage};

/// The roles of a component definition: who provides, who is left a duty.
pub(crate) const ROLES: [(&str, &str); 2] = [("provider", "Provider"), ("customer", "Customer")];

/// The component definition of the MSSP's service under an SRM.
pub(crate) fn component_definition(srm: &ResponsibilityMatrix, page: &ClientPage) -> Value {
    let provider = &page.parties.provider;
    let uuids = Uuids::new(&format!("{provider}/component"));
    let parties = vec![
        ("mssp".to_owned(), page.parties.mssp.name.clone()),
        ("client".to_owned(), srm.spec.client.clone()),
    ];
    let implementations: Vec<Value> = page
        .coverage
        .iter()
        .map(|f| control_implementation(&uuids, srm, f))
        .filter(|i| i.get("implemented-requirements").is_some())
        .collect();
    let component = object(vec![
        ("uuid", Value::from(uuids.of("component/mssp"))),
        ("type", Value::from("service")),
        ("title", Value::from(page.parties.mssp.name.clone())),
        (
            "description",
            Value::from(format!(
                "The managed security service of {} as {} receives it.",
                page.parties.mssp.name, srm.spec.client
            )),
        ),
        ("props", json!([prop("provider", provider)])),
        (
            "responsible-roles",
            json!([{"role-id": "provider", "party-uuids": [uuids.of("party/mssp")]}]),
        ),
        ("control-implementations", Value::from(implementations)),
    ]);
    let body = json!({
        "metadata": common::metadata(&uuids, &format!("Component definition: {}", page.parties.mssp.name), page_date(page), &ROLES, &parties),
        "components": [component],
        "back-matter": {"resources": page.coverage.iter().map(|f| json!({
            "uuid": uuids.of(&format!("framework/{}", f.id)),
            "title": format!("{} {}", f.title, f.version),
            "props": [prop("framework", &f.id)],
        })).collect::<Vec<_>>()},
    });
    let mut definition = json!({"uuid": uuids.document(&body)});
    definition
        .as_object_mut()
        .expect("an object")
        .extend(body.as_object().expect("an object").clone());
    json!({ "component-definition": definition })
}

fn control_implementation(
    uuids: &Uuids,
    srm: &ResponsibilityMatrix,
    framework: &FrameworkCoverage,
) -> Value {
    let requirements: Vec<Value> = framework
        .controls
        .iter()
        .filter_map(|c| requirement(uuids, srm, framework, c))
        .collect();
    object(vec![
        (
            "uuid",
            Value::from(uuids.of(&format!("implementation/{}", framework.id))),
        ),
        (
            "source",
            Value::from(format!(
                "#{}",
                uuids.of(&format!("framework/{}", framework.id))
            )),
        ),
        (
            "description",
            Value::from(format!("{} {}", framework.title, framework.version)),
        ),
        ("props", json!([prop("framework", &framework.id)])),
        ("implemented-requirements", Value::from(requirements)),
    ])
}

/// A control the MSSP performs or shares; none when it has no part in it.
fn requirement(
    uuids: &Uuids,
    srm: &ResponsibilityMatrix,
    framework: &FrameworkCoverage,
    control: &ControlCoverage,
) -> Option<Value> {
    let rows: Vec<_> = covering_rows(srm, control)
        .into_iter()
        .filter(|r| row_parties(r).iter().any(|p| p == "mssp"))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let mut provides: Vec<String> = rows
        .iter()
        .map(|r| {
            r.duties
                .get("mssp")
                .cloned()
                .unwrap_or_else(|| r.title.clone())
        })
        .collect();
    provides.dedup();
    let mut leaves: Vec<String> = rows
        .iter()
        .filter_map(|r| r.duties.get("client").cloned())
        .collect();
    leaves.dedup();
    let mut roles = vec![json!({"role-id": "provider", "party-uuids": [uuids.of("party/mssp")]})];
    if !leaves.is_empty() {
        roles.push(json!({
            "role-id": "customer",
            "party-uuids": [uuids.of("party/client")],
            "remarks": leaves.join("\n\n"),
        }));
    }
    let row_ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    Some(json!({
        "uuid": uuids.of(&format!("requirement/{}/{}", framework.id, control.id)),
        "control-id": control_token(&control.id),
        "description": provides.join("\n\n"),
        "props": [prop("control", &control.id), prop("rows", &row_ids.join(" "))],
        "responsible-roles": roles,
    }))
}
