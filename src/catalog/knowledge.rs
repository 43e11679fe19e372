//! srmcheck's own knowledge of a catalog's controls, kept beside it in
//! `frameworks/knowledge/<framework id>.yaml`:
//!
//! ```yaml
//! framework: iso27001-2022
//! controls:
//!   "A.8.16": {layer: host, capabilities: [security-monitoring], roundTheClock: true, minMaturity: 2}
//! ```

use std::collections::HashMap;
use std::sync::Arc;

use crate::load::LoadError;
use crate::located::Located;
use crate::model::{Framework, Knowledge};
use crate::source::{SourceFile, Span};
use crate::suggest::did_you_mean_hint;
use crate::yaml::{from_node, parse_documents, Limits, NodeKind};

/// Tags the controls of `framework` with the knowledge file's entries.
/// An entry for a control the catalog does not have is an error.
pub fn apply(
    framework: &mut Framework,
    file: &Arc<SourceFile>,
    limits: &Limits,
) -> Result<(), LoadError> {
    let documents = parse_documents(file, limits).map_err(|e| Located::from_yaml(file, e))?;
    let Some(root) = documents.first() else {
        return Err(Located::new(file, Span::new(0, 0), "empty knowledge file").into());
    };
    let id = &framework.metadata.name;
    match root.get("framework").and_then(|n| n.as_str()) {
        Some(named) if named == id => {}
        _ => {
            return Err(
                Located::new(file, root.span, format!("expected `framework: {id}`"))
                    .with_hint("a knowledge file names the framework it describes")
                    .into(),
            )
        }
    }
    let Some(NodeKind::Map(entries)) = root.get("controls").map(|n| &n.kind) else {
        return Err(Located::new(file, root.span, "expected a `controls` mapping").into());
    };
    let controls = &mut framework.spec.controls;
    let positions: HashMap<String, usize> = controls
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    for entry in entries {
        let Some(&position) = positions.get(&entry.key) else {
            let ids = controls.iter().map(|c| c.id.as_str());
            let hint = did_you_mean_hint(&entry.key, ids)
                .unwrap_or_else(|| format!("list only controls of `{id}`"));
            return Err(Located::new(
                file,
                entry.key_span,
                format!("`{}` is not a control of `{id}`", entry.key),
            )
            .with_hint(hint)
            .into());
        };
        let knowledge: Knowledge =
            from_node(&entry.value).map_err(|e| Located::from_yaml(file, e))?;
        controls[position].learn(knowledge);
    }
    Ok(())
}
