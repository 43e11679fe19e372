//! What each thread evaluating SRMs keeps to itself: its own copy of the
//! compiled program and its own static control fields.
//!
//! regorus values are reference-counted with atomic counts. Two threads that
//! clone the same value (a literal of a shared program, a control's title)
//! contend for the cache line of its count on every clone and drop; on two
//! cores that cost about a sixth of the evaluation time. Values a thread
//! built itself are only ever counted by that thread.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use regorus::rvm::program::Program;
use regorus::Value;

use super::controls::ControlCache;

/// One thread's program and control fields.
pub struct Worker {
    /// The template's program with literals of its own.
    pub program: Option<Arc<Program>>,
    pub controls: ControlCache,
}

impl Worker {
    pub fn new(template: Option<&Program>) -> Self {
        let program = template.map(|template| {
            let mut program = template.clone();
            program.literals = program.literals.iter().map(deep_copy).collect();
            Arc::new(program)
        });
        Worker {
            program,
            controls: ControlCache::default(),
        }
    }
}

/// `value` rebuilt from fresh allocations: it shares no count with `value`
/// (numbers aside: only big ones are counted, and literals are small).
pub fn deep_copy(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::from(&**s),
        Value::Array(items) => Value::from(items.iter().map(deep_copy).collect::<Vec<_>>()),
        Value::Set(items) => Value::from(items.iter().map(deep_copy).collect::<BTreeSet<_>>()),
        Value::Object(fields) => Value::from(
            fields
                .iter()
                .map(|(k, v)| (deep_copy(k), deep_copy(v)))
                .collect::<BTreeMap<_, _>>(),
        ),
        other => other.clone(),
    }
}
