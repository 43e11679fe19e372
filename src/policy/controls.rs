//! The part of each control's input value that is the same for every SRM
//! (title, family, level, weight, standard, status, specifications, layer,
//! capabilities, roundTheClock, minMaturity), built once per framework per
//! thread rather than once per SRM.
//! Each SRM's value of a control is a copy of it with the SRM's rows,
//! exceptions, counterparts and `via` covers added.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use regorus::Value;

use crate::catalog::FrameworkIndex;
use crate::model::Control;

/// A control's fields that depend on the catalog only.
pub type StaticFields = BTreeMap<Value, Value>;

/// Static control fields, by framework. A framework is found by identity:
/// holding its `Arc` keeps it alive, so an address is never reused for
/// another one while the cache holds it.
#[derive(Default)]
pub struct ControlCache {
    frameworks: RefCell<Vec<Entry>>,
}

/// A framework and the static fields of its controls.
type Entry = (Arc<FrameworkIndex>, Arc<[StaticFields]>);

impl ControlCache {
    /// The static fields of every control of `framework`, in catalog order.
    pub fn of(&self, framework: &Arc<FrameworkIndex>) -> Arc<[StaticFields]> {
        let known = self
            .frameworks
            .borrow()
            .iter()
            .find(|(known, _)| Arc::ptr_eq(known, framework))
            .map(|(_, fields)| Arc::clone(fields));
        if let Some(fields) = known {
            return fields;
        }
        let built: Arc<[StaticFields]> = framework.controls().iter().map(fields).collect();
        self.frameworks
            .borrow_mut()
            .push((Arc::clone(framework), Arc::clone(&built)));
        built
    }
}

fn fields(control: &Control) -> StaticFields {
    let mut fields = StaticFields::new();
    let mut add = |name: &str, value: Value| {
        fields.insert(Value::from(name), value);
    };
    add("title", Value::from(control.title.as_str()));
    add("family", Value::from(control.family.as_str()));
    if let Some(part) = &control.part {
        add("part", Value::from(part.as_str()));
    }
    if let Some(level) = control.level {
        add("level", Value::from(u64::from(level)));
    }
    if let Some(weight) = control.weight {
        add("weight", Value::from(u64::from(weight)));
    }
    if let Some(standard) = &control.standard {
        add("standard", Value::from(standard.as_str()));
    }
    if let Some(status) = control.status {
        let name = serde_json::to_value(status).unwrap_or_default();
        add("status", Value::from(name));
    }
    if !control.specifications.is_empty() {
        let ids = control
            .specifications
            .iter()
            .map(|s| Value::from(s.id.as_str()));
        add("specifications", Value::from(ids.collect::<Vec<_>>()));
    }
    if let Some(layer) = control.layer {
        let name = serde_json::to_value(layer).unwrap_or_default();
        add("layer", Value::from(name));
    }
    if !control.capabilities.is_empty() {
        let capabilities = control.capabilities.iter().map(|c| Value::from(c.as_str()));
        add(
            "capabilities",
            Value::from(capabilities.collect::<Vec<_>>()),
        );
    }
    if let Some(round_the_clock) = control.round_the_clock {
        add("roundTheClock", Value::from(round_the_clock));
    }
    if let Some(maturity) = control.min_maturity {
        add("minMaturity", Value::from(u64::from(u8::from(maturity))));
    }
    fields
}
