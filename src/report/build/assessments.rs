//! The `maturity` and `sprs` assessments as the report shows them.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::report::model::{MaturityLensView, MaturityLevelView, MaturityView, SprsCost, SprsView};

/// The maturity assessment's result, with its scale's names from its facts
/// (`{scale: [name, ...]}`, lowest level first).
pub fn maturity(assessments: &BTreeMap<String, Value>, facts: &Value) -> Option<MaturityView> {
    let result = assessments.get("maturity")?;
    let level = u8::try_from(result.get("level")?.as_u64()?).ok()?;
    let name = result.get("name")?.as_str()?.to_owned();
    let next = strings(result.get("next"));
    let scale: Vec<&str> = facts["scale"]
        .as_array()
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    Some(MaturityView {
        level,
        name,
        next_name: scale.get(usize::from(level)).map(|n| (*n).to_owned()),
        next,
        scale: (1..)
            .zip(&scale)
            .map(|(n, name)| MaturityLevelView {
                level: n,
                name: (*name).to_owned(),
                reached: n <= level,
            })
            .collect(),
        lenses: lenses(result, facts),
    })
}

/// The strings of an array (none when it is not one).
fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Each lens of the result, in the order and with the titles of the facts
/// (`{lenses: [{id, title}]}`).
fn lenses(result: &Value, facts: &Value) -> Vec<MaturityLensView> {
    let order = facts["lenses"].as_array().into_iter().flatten();
    order
        .filter_map(|lens| {
            let id = lens.get("id")?.as_str()?;
            let found = result.get("lenses")?.get(id)?;
            Some(MaturityLensView {
                id: id.to_owned(),
                title: lens.get("title")?.as_str()?.to_owned(),
                level: u8::try_from(found.get("level")?.as_u64()?).ok()?,
                name: found.get("name")?.as_str()?.to_owned(),
                next: strings(found.get("next")),
            })
        })
        .collect()
}

/// The SPRS assessment's result, with the best score from its facts (`{max}`).
pub fn sprs(assessments: &BTreeMap<String, Value>, facts: &Value) -> Option<SprsView> {
    let result = assessments.get("sprs")?;
    let text = |key: &str| result[key].as_str().unwrap_or_default().to_owned();
    let costs = result
        .get("costs")
        .and_then(Value::as_array)
        .map(|costs| {
            costs
                .iter()
                .filter_map(|cost| {
                    Some(SprsCost {
                        control: cost.get("control")?.as_str()?.to_owned(),
                        weight: cost.get("weight")?.as_i64()?,
                        reason: cost.get("reason")?.as_str()?.to_owned(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Some(SprsView {
        score: result["score"].as_i64(),
        max: facts["max"].as_i64()?,
        basis: text("basis"),
        costs,
        status: text("status"),
        blockers: result["blockers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|b| Some(b.as_str()?.to_owned()))
            .collect(),
        close_out_by: text("closeOutBy"),
    })
}
