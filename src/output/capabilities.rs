//! `srmcheck capabilities`: the capability vocabulary as text or JSON.

use std::fmt::Write as _;

use serde_json::json;

use super::frameworks::ListFormat;
use crate::catalog::Capability;

/// One line per capability (name, what a party needs to have, typical
/// controls), or the vocabulary as JSON.
pub fn list(vocabulary: &[Capability], format: ListFormat) -> String {
    match format {
        ListFormat::Json => {
            let capabilities: Vec<_> = vocabulary
                .iter()
                .map(|c| {
                    json!({
                        "name": c.name,
                        "description": c.description,
                        "typicalControls": plain(c.typical),
                    })
                })
                .collect();
            let document = json!({ "capabilities": capabilities });
            let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
            text.push('\n');
            text
        }
        ListFormat::Text => {
            let width = vocabulary.iter().map(|c| c.name.len()).max().unwrap_or(0);
            let mut out = String::new();
            for c in vocabulary {
                let _ = writeln!(out, "{:width$}  {}", c.name, c.description);
                let _ = writeln!(out, "{:width$}  e.g. {}", "", plain(c.typical));
            }
            out
        }
    }
}

/// Markdown code spans as plain text: "every SP 800-53 -1".
fn plain(markdown: &str) -> String {
    markdown.replace('`', "")
}
