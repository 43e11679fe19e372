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

use super::capabilities::unknown_in;
use crate::load::LoadError;
use crate::located::Located;
use crate::model::{Framework, Knowledge};
use crate::source::{SourceFile, Span};
use crate::suggest::did_you_mean_hint;
use crate::yaml::{from_node, parse_documents, Limits, NodeKind};

/// Tags the controls of `framework` with the knowledge file's entries.
/// An entry for a control the catalog does not have, or naming a capability
/// outside the vocabulary, is an error.
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
        if let Some(unknown) = unknown_in(file, entry.value.get("capabilities"))
            .into_iter()
            .next()
        {
            return Err(unknown.into());
        }
        controls[position].learn(knowledge);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::problem::Code;

    #[test]
    fn a_capability_outside_the_vocabulary_is_refused_at_its_place() {
        let catalog = Catalog::builtin(Limits::default());
        let index = catalog
            .get("hipaa-security")
            .expect("known")
            .expect("loads");
        let mut framework = index.framework.clone();
        let text = "framework: hipaa-security\ncontrols:\n  \"164.308(a)(1)\": {layer: governance, capabilities: [risk-management, risk-managment], roundTheClock: false, minMaturity: 2}\n";
        let file = Arc::new(SourceFile::embedded("knowledge.yaml", text));
        let Err(LoadError::Invalid(located)) = apply(&mut framework, &file, &Limits::default())
        else {
            panic!("an unknown capability is refused");
        };
        assert_eq!(located.code, Code::UnknownCapability);
        assert_eq!(located.message, "`risk-managment` is not a capability");
        let position = located.position();
        assert_eq!((position.line, position.column), (3, 72));
        let hint = located.hint.as_deref().unwrap_or_default();
        assert!(
            hint.starts_with("did you mean `risk-management`?"),
            "{hint}"
        );
    }
}
