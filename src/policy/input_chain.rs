//! The chain's matches in the policy `input`: for each entry of a published
//! responsibilities document, the controls of the selected frameworks it
//! stands for, resolved once in Rust (`crate::resolve::Counterpart`).
//!
//! ```text
//! vendorMatches    { <vendor id>: [ [ { framework, control } ] per entry of its controls ] }
//! providerMatches  [ [ { framework, control } ] per entry of the MSSP's own controls ]
//! ```

use std::collections::BTreeMap;

use regorus::Value;

use crate::resolve::{Published, Resolved};

/// The `vendorMatches` and `providerMatches` fields, each when there is a
/// document to match.
pub fn chain_fields(resolved: &Resolved) -> Vec<(&'static str, Value)> {
    let mut fields = Vec::new();
    if !resolved.vendor_responsibilities.is_empty() {
        let vendors = resolved
            .vendor_responsibilities
            .iter()
            .map(|(vendor, published)| (Value::from(vendor.as_str()), matches(published)))
            .collect::<BTreeMap<_, _>>();
        fields.push(("vendorMatches", Value::from(vendors)));
    }
    if let Some(published) = &resolved.provider_responsibilities {
        fields.push(("providerMatches", matches(published)));
    }
    fields
}

fn matches(published: &Published) -> Value {
    let entries = published.matches.iter().map(|found| {
        let found = found.iter().map(|m| {
            let fields = [
                (Value::from("framework"), Value::from(m.framework.as_str())),
                (Value::from("control"), Value::from(m.control.as_str())),
            ];
            Value::from(BTreeMap::from(fields))
        });
        Value::from(found.collect::<Vec<_>>())
    });
    Value::from(entries.collect::<Vec<_>>())
}
