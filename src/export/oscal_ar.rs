//! `export --format oscal-ar`: a check of an SRM as OSCAL assessment results.
//!
//! One result for the run. Each srmcheck finding is an observation, with
//! srmcheck as the tool it comes from and its YAML position as the relevant
//! evidence, and a finding whose target is the control it names (its
//! statement), else the rule (as the objective), `not-satisfied`.

use serde_json::{json, Value};

use super::oscal_common::{self as common, control_token, object, prop, timestamp, Uuids};
use super::oscal_ssp::page_date;
use crate::model::ResponsibilityMatrix;
use crate::report::model::{ClientPage, FindingItem, RuleFindings};

/// The assessment results of a check of an SRM.
pub(crate) fn assessment_results(srm: &ResponsibilityMatrix, page: &ClientPage) -> Value {
    let uuids = Uuids::new(&format!("{}/ar", srm.metadata.name));
    let as_of = page_date(page);
    let parties = common::parties(srm, page);
    let title = format!("Assessment results: {}", page.title);
    let body = json!({
        "metadata": common::metadata(&uuids, &title, as_of, &common::raci_roles(), &parties),
        "import-ap": {"href": format!("#{}", uuids.of("assessment-plan"))},
        "results": [result(&uuids, srm, page)],
        "back-matter": {"resources": [{
            "uuid": uuids.of("assessment-plan"),
            "title": "srmcheck's policy pack",
            "description": format!("The rules of srmcheck {}, each an objective of the assessment.", page.tool.version),
        }]},
    });
    let mut results = json!({"uuid": uuids.document(&body)});
    results
        .as_object_mut()
        .expect("an object")
        .extend(body.as_object().expect("an object").clone());
    json!({ "assessment-results": results })
}

/// The one result of the run: its controls, observations and findings.
fn result(uuids: &Uuids, srm: &ResponsibilityMatrix, page: &ClientPage) -> Value {
    let as_of = page_date(page);
    let tool = uuids.of("component/srmcheck");
    let mut observations = Vec::new();
    let mut findings = Vec::new();
    for rule in &page.findings {
        for (n, item) in rule.findings.iter().enumerate() {
            let at = format!(
                "finding/{}/{}:{}:{}/{n}",
                rule.id, item.file, item.line, item.column
            );
            let observation = uuids.of(&format!("{at}/observation"));
            observations.push(observation_of(&tool, &observation, rule, item, as_of));
            findings.push(finding_of(uuids, &at, &observation, rule, item));
        }
    }
    let selections = control_selections(page);
    let description = format!(
        "The policy pack of srmcheck {} run on the SRM of {} as of {}.",
        page.tool.version, srm.spec.client, page.as_of
    );
    object(vec![
        ("uuid", Value::from(uuids.of("result"))),
        (
            "title",
            Value::from(format!("srmcheck check of {}", page.file)),
        ),
        ("description", Value::from(description)),
        ("start", Value::from(timestamp(as_of))),
        ("end", Value::from(timestamp(as_of))),
        ("local-definitions", tool_component(&tool, page)),
        (
            "reviewed-controls",
            json!({"control-selections": match selections.is_empty() {
                true => json!([{"include-all": {}}]),
                false => Value::from(selections),
            }}),
        ),
        ("observations", Value::from(observations)),
        ("findings", Value::from(findings)),
    ])
}

/// The in-scope controls, per framework.
fn control_selections(page: &ClientPage) -> Vec<Value> {
    page.coverage
        .iter()
        .filter(|f| !f.controls.is_empty())
        .map(|f| {
            json!({
                "description": format!("{} {}", f.title, f.version),
                "props": [prop("framework", &f.id)],
                "include-controls": f.controls.iter()
                    .map(|c| json!({"control-id": control_token(&c.id)}))
                    .collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// srmcheck itself, the tool the observations come from.
fn tool_component(tool: &str, page: &ClientPage) -> Value {
    json!({"components": [{
        "uuid": tool,
        "type": "software",
        "title": format!("srmcheck {}", page.tool.version),
        "description": "The policy-as-code checker of shared responsibility models.",
        "status": {"state": "operational"},
    }]})
}

fn observation_of(
    tool: &str,
    observation: &str,
    rule: &RuleFindings,
    item: &FindingItem,
    as_of: crate::model::Date,
) -> Value {
    json!({
        "uuid": observation,
        "title": format!("{}: {}", rule.id, rule.title),
        "description": item.message,
        "props": [prop("rule", &rule.id), prop("severity", &rule.severity)],
        "methods": ["TEST"],
        "types": ["finding"],
        "origins": [{"actors": [{"type": "tool", "actor-uuid": tool}]}],
        "relevant-evidence": [{
            "href": item.file,
            "description": format!("{}:{}:{}", item.file, item.line, item.column),
        }],
        "collected": timestamp(as_of),
    })
}

fn finding_of(
    uuids: &Uuids,
    at: &str,
    observation: &str,
    rule: &RuleFindings,
    item: &FindingItem,
) -> Value {
    let control = item
        .control
        .as_deref()
        .and_then(|c| c.split_once(' '))
        .filter(|(_, id)| !id.is_empty());
    let (kind, target) = match control {
        Some((_, id)) => ("statement-id", format!("{}_smt", control_token(id))),
        None => ("objective-id", control_token(&rule.id)),
    };
    let mut props = vec![prop("rule", &rule.id), prop("severity", &rule.severity)];
    if let Some((framework, id)) = control {
        props.push(prop("framework", framework));
        props.push(prop("control", id));
    }
    let reason = match item.excepted {
        true => "excepted",
        false => "fail",
    };
    object(vec![
        ("uuid", Value::from(uuids.of(at))),
        ("title", Value::from(rule.title.clone())),
        ("description", Value::from(item.message.clone())),
        ("props", Value::from(props)),
        (
            "target",
            json!({
                "type": kind,
                "target-id": target,
                "status": {"state": "not-satisfied", "reason": reason},
            }),
        ),
        (
            "related-observations",
            json!([{"observation-uuid": observation}]),
        ),
        (
            "remarks",
            match item.excepted {
                true => {
                    Value::from("A current exception accepts this finding: shown, not counted.")
                }
                false => Value::from(rule.remediation.clone())
                    .as_str()
                    .filter(|r| !r.is_empty())
                    .map(Value::from)
                    .unwrap_or(Value::Null),
            },
        ),
    ])
}
