//! `srmcheck frameworks ...`: catalogs and crosswalks as text or JSON.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::json;

use crate::catalog::{CrosswalkView, FrameworkIndex};
use crate::model::{Control, Framework};

/// Text or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// One line per framework: id, control count, title and version.
pub fn list(frameworks: &[&FrameworkIndex], format: ListFormat) -> String {
    match format {
        ListFormat::Json => to_json(&json!({
            "frameworks": frameworks.iter().map(|f| json!({
                "id": f.id(),
                "title": f.framework.spec.title,
                "version": f.framework.spec.version,
                "controls": f.controls().len(),
                "source": f.framework.spec.source,
            })).collect::<Vec<_>>()
        })),
        ListFormat::Text => {
            let width = frameworks.iter().map(|f| f.id().len()).max().unwrap_or(0);
            let mut out = String::new();
            for f in frameworks {
                let spec = &f.framework.spec;
                let _ = writeln!(
                    out,
                    "{:width$}  {:>5} controls  {} ({})",
                    f.id(),
                    f.controls().len(),
                    spec.title,
                    spec.version
                );
            }
            out
        }
    }
}

/// A framework with all its controls, or one control.
pub fn show(framework: &FrameworkIndex, control: Option<&Control>, format: ListFormat) -> String {
    let spec = &framework.framework.spec;
    match (format, control) {
        (ListFormat::Json, Some(control)) => to_json(control),
        (ListFormat::Json, None) => to_json(&json!({
            "id": framework.id(),
            "title": spec.title,
            "version": spec.version,
            "source": spec.source,
            "controls": spec.controls,
        })),
        (ListFormat::Text, Some(control)) => control_text(control),
        (ListFormat::Text, None) => {
            let mut out = format!(
                "{} ({}), {} controls\nsource: {}\nlicence: {}\n\n",
                spec.title,
                spec.version,
                spec.controls.len(),
                spec.source.name,
                spec.source.licence
            );
            let width = spec.controls.iter().map(|c| c.id.len()).max().unwrap_or(0);
            let mut family = "";
            for control in &spec.controls {
                if control.family != family {
                    family = &control.family;
                    let _ = writeln!(out, "{family}");
                }
                let _ = writeln!(out, "  {:width$}  {}", control.id, control.title);
            }
            out
        }
    }
}

fn control_text(control: &Control) -> String {
    let mut out = format!(
        "{}  {}\nfamily: {}\n",
        control.id, control.title, control.family
    );
    let mut field = |name: &str, value: String| {
        let _ = writeln!(out, "{name}: {value}");
    };
    if let Some(part) = &control.part {
        field("part", part.clone());
    }
    if let Some(level) = control.level {
        field("level", level.to_string());
    }
    if let Some(weight) = control.weight {
        field("weight", weight.to_string());
    }
    if !control.baselines.is_empty() {
        field("baselines", names(&control.baselines));
    }
    if !control.aliases.is_empty() {
        field("aliases", control.aliases.join(", "));
    }
    if let Some(layer) = control.layer {
        field("layer", names(&[layer]));
    }
    if !control.capabilities.is_empty() {
        field("capabilities", control.capabilities.join(", "));
    }
    if let Some(round_the_clock) = control.round_the_clock {
        field("round-the-clock", round_the_clock.to_string());
    }
    if let Some(maturity) = control.min_maturity {
        field("minimum maturity", u8::from(maturity).to_string());
    }
    for spec in &control.specifications {
        field(
            "specification",
            format!("{} {} ({})", spec.id, spec.title, names(&[spec.status])),
        );
    }
    out
}

/// The pairs of a crosswalk, one per line.
pub fn map(view: &CrosswalkView, format: ListFormat) -> String {
    match format {
        ListFormat::Json => to_json(view),
        ListFormat::Text => {
            let kind = if view.derived { "derived" } else { "published" };
            let mut out = format!(
                "{} -> {}: {} pairs, {kind}, through {}\n",
                view.from,
                view.to,
                view.pairs.len(),
                view.through.join(" then ")
            );
            let width = view.pairs.iter().map(|p| p.from.len()).max().unwrap_or(0);
            for pair in &view.pairs {
                let _ = writeln!(
                    out,
                    "{:width$}  ->  {}  ({})",
                    pair.from,
                    pair.to,
                    names(&[pair.relationship])
                );
            }
            out
        }
    }
}

/// A `Framework` document as YAML, ready to save beside the SRMs.
pub fn document(framework: &Framework) -> String {
    let yaml = serde_yaml::to_string(framework).unwrap_or_default();
    format!("# yaml-language-server: $schema=framework.json\n# Imported from an OSCAL catalog by `srmcheck frameworks import-oscal`.\n{yaml}")
}

/// Serde names of enum values, comma-separated.
fn names<T: Serialize>(values: &[T]) -> String {
    values
        .iter()
        .filter_map(|v| serde_json::to_value(v).ok())
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect::<Vec<_>>()
        .join(", ")
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
