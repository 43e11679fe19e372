//! The policy `input`: the resolved SRM as one regorus value.
//!
//! ```text
//! asOf         "YYYY-MM-DD"
//! metadata     the SRM's metadata (name, title, labels)
//! srm          the SRM's spec, as written
//! provider     the MSSP's Provider spec
//! environment  the Environment spec (from its file or inline)
//! frameworks   { <id>: { title, version, level?, baseline?,
//!                        controls: { <control id>: { title, family, level?, weight?,
//!                                                    layer?, capabilities?, roundTheClock?,
//!                                                    minMaturity?, rows: [i], exceptions: [j],
//!                                                    related?: { <framework id>: [control id] },
//!                                                    via?: [{ framework, control, rows: [i] }] } } } }
//! ```
//! `rows` and `exceptions` index `srm.responsibilities` and `srm.exceptions`.

use std::collections::BTreeMap;

use regorus::Value;

use crate::model::{Control, Date};
use crate::resolve::{NodeRef, Resolved, Scope, ScopedControl};
use crate::yaml::{Node, NodeKind};

pub fn build_input(resolved: &Resolved, as_of: Date) -> Value {
    let srm = &resolved.srm;
    let frameworks = resolved
        .scopes
        .iter()
        .map(|scope| (key(scope.framework.id()), framework(scope)))
        .collect::<BTreeMap<_, _>>();
    object([
        ("asOf", Value::from(as_of.to_string())),
        ("metadata", node_value(srm.target("/metadata").node)),
        ("srm", node_value(srm.target("/spec").node)),
        ("provider", node_value(resolved.provider.node())),
        ("environment", node_value(resolved.environment.node())),
        ("frameworks", Value::from(frameworks)),
    ])
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

fn framework(scope: &Scope) -> Value {
    let catalog = &scope.framework.framework;
    let controls = scope
        .controls
        .iter()
        .map(|scoped| {
            let control = &scope.framework.controls()[scoped.index];
            (key(&control.id), control_value(control, scoped))
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
    object(fields)
}

fn control_value(control: &Control, scoped: &ScopedControl) -> Value {
    let indices = |list: &[usize]| {
        Value::from(
            list.iter()
                .map(|&i| Value::from(i as u64))
                .collect::<Vec<_>>(),
        )
    };
    let mut fields = vec![
        ("title", Value::from(control.title.as_str())),
        ("family", Value::from(control.family.as_str())),
        ("rows", indices(&scoped.rows)),
        ("exceptions", indices(&scoped.exceptions)),
    ];
    if let Some(level) = control.level {
        fields.push(("level", Value::from(u64::from(level))));
    }
    if let Some(weight) = control.weight {
        fields.push(("weight", Value::from(u64::from(weight))));
    }
    if let Some(layer) = control.layer {
        fields.push((
            "layer",
            Value::from(serde_json::to_value(layer).unwrap_or_default()),
        ));
    }
    if !control.capabilities.is_empty() {
        let capabilities = control.capabilities.iter().map(|c| Value::from(c.as_str()));
        fields.push((
            "capabilities",
            Value::from(capabilities.collect::<Vec<_>>()),
        ));
    }
    if let Some(round_the_clock) = control.round_the_clock {
        fields.push(("roundTheClock", Value::from(round_the_clock)));
    }
    if let Some(maturity) = control.min_maturity {
        fields.push(("minMaturity", Value::from(u64::from(u8::from(maturity)))));
    }
    if !scoped.related.is_empty() {
        let related = scoped.related.iter().map(|(framework, ids)| {
            let ids = ids
                .iter()
                .map(|id| Value::from(id.as_str()))
                .collect::<Vec<_>>();
            (key(framework), Value::from(ids))
        });
        fields.push(("related", Value::from(related.collect::<BTreeMap<_, _>>())));
    }
    if !scoped.via.is_empty() {
        let via = scoped.via.iter().map(|cover| {
            object([
                ("framework", Value::from(cover.framework.as_str())),
                ("control", Value::from(cover.control.as_str())),
                ("rows", indices(&cover.rows)),
            ])
        });
        fields.push(("via", Value::from(via.collect::<Vec<_>>())));
    }
    object(fields)
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
