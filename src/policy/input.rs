//! The policy `input`: the resolved SRM as one regorus value.
//!
//! ```text
//! asOf         "YYYY-MM-DD"
//! metadata     the SRM's metadata (name, title, labels)
//! srm          the SRM's spec, as written
//! provider     the MSSP's Provider spec
//! environment  the Environment spec (from its file or inline)
//! frameworks   { <id>: { title, version, level?, baseline?, part?,
//!                        controls: { <control id>: { title, family, part?, level?, weight?,
//!                                                    standard?, status?, specifications?,
//!                                                    layer?, capabilities?, roundTheClock?,
//!                                                    minMaturity?, rows: [i], exceptions: [j],
//!                                                    related?: { <framework id>: [control id] },
//!                                                    via?: [{ framework, control, rows: [i],
//!                                                             through? }] } } } }
//! vendorResponsibilities  { <vendor id>: the spec of its VendorResponsibilities document }
//! providerResponsibilities the spec of the MSSP's own, when its Provider names one
//! vendorMatches, providerMatches  what their controls stand for here (`input_chain`)
//! ```
//! `rows` and `exceptions` index `srm.responsibilities` and `srm.exceptions`.

use std::collections::BTreeMap;

use regorus::Value;

use super::controls::{ControlCache, StaticFields};
use super::error::PolicyError;
use crate::model::Date;
use crate::resolve::{NodeRef, Resolved, Scope, ScopedControl};
use crate::yaml::{Node, NodeKind};

/// The `input` the engine evaluates for one SRM, as JSON (`srmcheck input`).
pub fn input_json(resolved: &Resolved, as_of: Date) -> Result<serde_json::Value, PolicyError> {
    let input = build_input(resolved, as_of, &ControlCache::default());
    serde_json::to_value(&input).map_err(|e| PolicyError::Evaluation {
        file: resolved.srm.source().name().to_owned(),
        message: format!("the policy input is not plain data: {e}"),
    })
}

pub fn build_input(resolved: &Resolved, as_of: Date, cache: &ControlCache) -> Value {
    let srm = &resolved.srm;
    let frameworks = resolved
        .scopes
        .iter()
        .map(|scope| (key(scope.framework.id()), framework(scope, cache)))
        .collect::<BTreeMap<_, _>>();
    let vendors = resolved
        .vendor_responsibilities
        .iter()
        .map(|(vendor, published)| (key(vendor), node_value(published.at.node())))
        .collect::<BTreeMap<_, _>>();
    let mut fields = vec![
        ("asOf", Value::from(as_of.to_string())),
        ("metadata", node_value(srm.target("/metadata").node)),
        ("srm", node_value(srm.target("/spec").node)),
        ("provider", node_value(resolved.provider.node())),
        ("environment", node_value(resolved.environment.node())),
        ("frameworks", Value::from(frameworks)),
        ("vendorResponsibilities", Value::from(vendors)),
    ];
    if let Some(published) = &resolved.provider_responsibilities {
        fields.push(("providerResponsibilities", node_value(published.at.node())));
    }
    fields.extend(super::input_chain::chain_fields(resolved));
    object(fields)
}

/// One client of an MSSP in a run, for the portfolio rules.
#[derive(Debug, Clone)]
pub struct PortfolioClient {
    /// The SRM's `metadata.name`.
    pub name: String,
    /// Hours per month the MSSP's rows of the SRM take.
    pub mssp_effort: f64,
}

/// `{provider: <spec>, clients: [{name, msspEffort}]}`.
pub fn portfolio_input(provider: &NodeRef, clients: &[PortfolioClient]) -> Value {
    let clients = clients
        .iter()
        .map(|c| {
            object([
                ("name", Value::from(c.name.as_str())),
                ("msspEffort", Value::from(c.mssp_effort)),
            ])
        })
        .collect::<Vec<_>>();
    object([
        ("provider", node_value(provider.node())),
        ("clients", Value::from(clients)),
    ])
}

fn framework(scope: &Scope, cache: &ControlCache) -> Value {
    let catalog = &scope.framework.framework;
    let fixed = cache.of(&scope.framework);
    let controls = scope
        .controls
        .iter()
        .map(|scoped| {
            let control = &scope.framework.controls()[scoped.index];
            (
                key(&control.id),
                control_value(&fixed[scoped.index], scoped),
            )
        })
        .collect::<BTreeMap<_, _>>();
    let mut fields = vec![
        ("title", Value::from(catalog.spec.title.as_str())),
        ("version", Value::from(catalog.spec.version.as_str())),
        ("controls", Value::from(controls)),
    ];
    if let Some(level) = scope.selection.level {
        fields.push(("level", Value::from(u64::from(level))));
    }
    if let Some(baseline) = scope.selection.baseline {
        let name = serde_json::to_value(baseline).unwrap_or_default();
        fields.push(("baseline", Value::from(name)));
    }
    if let Some(part) = &scope.selection.part {
        fields.push(("part", Value::from(part.as_str())));
    }
    object(fields)
}

/// A control's static fields with the SRM's rows, exceptions, counterparts
/// and `via` covers added.
fn control_value(fixed: &StaticFields, scoped: &ScopedControl) -> Value {
    let indices = |list: &[usize]| {
        Value::from(
            list.iter()
                .map(|&i| Value::from(i as u64))
                .collect::<Vec<_>>(),
        )
    };
    let mut fields = fixed.clone();
    let mut add = |name: &str, value: Value| {
        fields.insert(key(name), value);
    };
    add("rows", indices(&scoped.rows));
    add("exceptions", indices(&scoped.exceptions));
    if !scoped.related.is_empty() {
        let related = scoped.related.iter().map(|(framework, ids)| {
            let ids = ids
                .iter()
                .map(|id| Value::from(id.as_str()))
                .collect::<Vec<_>>();
            (key(framework), Value::from(ids))
        });
        add("related", Value::from(related.collect::<BTreeMap<_, _>>()));
    }
    if !scoped.via.is_empty() {
        let via = scoped.via.iter().map(|cover| {
            let mut fields = vec![
                ("framework", Value::from(cover.framework.as_str())),
                ("control", Value::from(cover.control.as_str())),
                ("rows", indices(&cover.rows)),
            ];
            if let Some(through) = cover.through.name() {
                fields.push(("through", Value::from(through)));
            }
            object(fields)
        });
        add("via", Value::from(via.collect::<Vec<_>>()));
    }
    Value::from(fields)
}

fn key(name: &str) -> Value {
    Value::from(name)
}

fn object<'a>(fields: impl IntoIterator<Item = (&'a str, Value)>) -> Value {
    Value::from(
        fields
            .into_iter()
            .map(|(k, v)| (key(k), v))
            .collect::<BTreeMap<_, _>>(),
    )
}

/// A YAML node as a regorus value.
fn node_value(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Null => Value::Null,
        NodeKind::Bool(b) => Value::from(*b),
        NodeKind::Int(i) => Value::from(*i),
        NodeKind::Float(f) => Value::from(*f),
        NodeKind::Str(s) => Value::from(s.as_str()),
        NodeKind::Seq(items) => Value::from(items.iter().map(node_value).collect::<Vec<_>>()),
        NodeKind::Map(entries) => Value::from(
            entries
                .iter()
                .map(|e| (key(&e.key), node_value(&e.value)))
                .collect::<BTreeMap<_, _>>(),
        ),
    }
}
