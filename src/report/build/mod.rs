//! Builders of the page models from what a check run saw.

mod assessments;
mod chain;
mod client;
mod coverage;
mod findings;
mod governance;
mod index;
mod matrix;
mod parties;

pub use client::client_page;
pub use index::index_page;

use serde::Serialize;

/// A unit enum's serialised name (`hybrid`, `not-applicable`, `24x7`).
fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// Hours as people write them: `40`, `2.5`.
fn hours_text(hours: f64) -> String {
    match hours.fract() == 0.0 {
        true => format!("{hours:.0}"),
        false => format!("{hours}"),
    }
}
