//! `srmcheck rules` and `srmcheck explain`: the rules' own documentation.

use std::fmt::Write as _;

use serde_json::json;
use similar::TextDiff;

use super::frameworks::ListFormat;
use crate::rule::Rule;

/// Every rule, by id: id, severity and title; or the full metadata as JSON.
pub fn list(rules: &[&Rule], format: ListFormat) -> String {
    let mut rules = rules.to_vec();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    match format {
        ListFormat::Json => {
            let rules: Vec<_> = rules
                .iter()
                .map(|r| {
                    json!({
                        "id": r.id,
                        "title": r.title,
                        "severity": r.severity,
                        "description": r.description,
                        "remediation": r.remediation,
                        "frameworks": r.frameworks,
                        "package": r.package,
                        "file": r.file.name(),
                    })
                })
                .collect();
            let mut text =
                serde_json::to_string_pretty(&json!({ "rules": rules })).unwrap_or_default();
            text.push('\n');
            text
        }
        ListFormat::Text => {
            let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
            let mut out = String::new();
            for rule in rules {
                let _ = writeln!(
                    out,
                    "{:width$}  {:7}  {}",
                    rule.id,
                    rule.severity.as_str(),
                    rule.title
                );
            }
            out
        }
    }
}

/// One rule's documentation, and how its failing example differs from its
/// passing one when the rule has examples.
pub fn explain(rule: &Rule, example: Option<(&str, &str)>) -> String {
    let mut out = format!(
        "{} ({})\n{}\n\n",
        rule.title,
        rule.id,
        "=".repeat(rule.title.len() + rule.id.len() + 3)
    );
    let _ = writeln!(out, "severity: {}", rule.severity);
    if !rule.frameworks.is_empty() {
        let _ = writeln!(out, "frameworks: {}", rule.frameworks.join(", "));
    }
    let _ = writeln!(
        out,
        "policy: {} (package {})\n",
        rule.file.name(),
        rule.package
    );
    let _ = writeln!(out, "{}\n", rule.description.trim());
    if !rule.remediation.is_empty() {
        let _ = writeln!(out, "How to fix it: {}\n", rule.remediation.trim());
    }
    if let Some((fire, pass)) = example {
        let diff = TextDiff::from_lines(fire, pass);
        let _ = writeln!(
            out,
            "Example: `-` lines make the rule fire, `+` lines keep it silent.\n"
        );
        let _ = write!(
            out,
            "{}",
            diff.unified_diff()
                .context_radius(2)
                .header("fails", "passes")
        );
    }
    out
}
