//! One framework's controls, indexed by id and alias.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::capabilities::unknown_in;
use crate::load::{Document, LoadError, LoadedFile};
use crate::located::Located;
use crate::model::{Control, Framework, FrameworkSelection, Kind};
use crate::problem::Code;
use crate::source::{SourceFile, Span};
use crate::suggest::did_you_mean;
use crate::yaml::Limits;

/// A parsed `Framework` document with an index of its control ids and aliases.
#[derive(Debug)]
pub struct FrameworkIndex {
    pub framework: Framework,
    by_id: HashMap<String, usize>,
}

impl FrameworkIndex {
    /// Reads the single `Framework` document of a file, which must be named
    /// `id`, and tags its controls with a knowledge file when there is one.
    pub fn new(
        file: &LoadedFile,
        id: &str,
        knowledge: Option<&Arc<SourceFile>>,
        limits: &Limits,
    ) -> Result<Self, LoadError> {
        let (mut framework, by_id) = read(file, id)?;
        if let Some(knowledge) = knowledge {
            super::knowledge::apply(&mut framework, knowledge, limits)?;
        }
        Ok(FrameworkIndex { framework, by_id })
    }

    pub fn id(&self) -> &str {
        &self.framework.metadata.name
    }

    pub fn controls(&self) -> &[Control] {
        &self.framework.spec.controls
    }

    /// The position of a control in the catalog, by id or alias.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The closest control id, for "did you mean" hints.
    pub fn suggest(&self, id: &str) -> Option<&str> {
        did_you_mean(id, self.controls().iter().map(|c| c.id.as_str()))
    }

    /// Positions of the controls a selection puts in scope, in catalog order.
    pub fn select(&self, selection: &FrameworkSelection) -> Result<Vec<usize>, String> {
        let controls = self.controls();
        if let Some(level) = selection.level {
            let levels: BTreeSet<u8> = controls.iter().filter_map(|c| c.level).collect();
            if !levels.contains(&level) {
                let known = levels.iter().map(u8::to_string).collect::<Vec<_>>();
                return Err(match known.is_empty() {
                    true => format!("framework `{}` has no levels", self.id()),
                    false => format!(
                        "framework `{}` has no level {level}; its levels are {}",
                        self.id(),
                        known.join(", ")
                    ),
                });
            }
        }
        if let Some(baseline) = selection.baseline {
            if !controls.iter().any(|c| c.baselines.contains(&baseline)) {
                return Err(format!("framework `{}` has no such baseline", self.id()));
            }
        }
        if let Some(part) = &selection.part {
            self.check_part(part)?;
        }
        let part = selection.part.as_deref();
        Ok(controls
            .iter()
            .enumerate()
            .filter(|(_, c)| selection.level.is_none_or(|l| c.level == Some(l)))
            .filter(|(_, c)| selection.baseline.is_none_or(|b| c.baselines.contains(&b)))
            .filter(|(_, c)| part.is_none_or(|p| c.part.as_deref() == Some(p)))
            .map(|(i, _)| i)
            .collect())
    }

    /// The parts of the framework (`clauses`, `annex-a`), in catalog order.
    pub fn parts(&self) -> Vec<&str> {
        let mut parts: Vec<&str> = Vec::new();
        for part in self.controls().iter().filter_map(|c| c.part.as_deref()) {
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
        parts
    }

    /// An error naming the framework's parts when it has no part `part`.
    fn check_part(&self, part: &str) -> Result<(), String> {
        let parts = self.parts();
        if parts.contains(&part) {
            return Ok(());
        }
        Err(match parts.is_empty() {
            true => format!("framework `{}` has no parts", self.id()),
            false => format!(
                "framework `{}` has no part `{part}`; its parts are {}",
                self.id(),
                parts.join(", ")
            ),
        })
    }
}

/// The typed framework of a catalog file and its id index.
fn read(file: &LoadedFile, id: &str) -> Result<(Framework, HashMap<String, usize>), LoadError> {
    let found: Vec<&Document> = file.of_kind(Kind::Framework).collect();
    let [document] = found[..] else {
        return Err(Located::new(
            &file.source,
            Span::new(0, file.source.text().len().min(1)),
            "a catalog file must hold exactly one Framework document",
        )
        .into());
    };
    let mut framework: Framework = file.typed(document)?;
    if framework.metadata.name != id {
        let span = document.node.pointer("/metadata/name").span;
        return Err(Located::new(
            &file.source,
            span,
            format!(
                "framework `{}` is in a file named for `{id}`",
                framework.metadata.name
            ),
        )
        .with_hint("name the file after the framework id")
        .into());
    }
    for (index, control) in framework.spec.controls.iter().enumerate() {
        if !control.capabilities.is_empty() {
            let node = document
                .node
                .pointer(&format!("/spec/controls/{index}/capabilities"));
            if let Some(unknown) = unknown_in(&file.source, Some(node.node)).into_iter().next() {
                return Err(unknown.into());
            }
        }
    }
    let pointers = with_specifications(&mut framework);
    let mut by_id = HashMap::with_capacity(framework.spec.controls.len());
    for (index, control) in framework.spec.controls.iter().enumerate() {
        for name in std::iter::once(&control.id).chain(&control.aliases) {
            if by_id.insert(name.clone(), index).is_some() {
                let span = document.node.pointer(&pointers[index]).span;
                return Err(Located::new(
                    &file.source,
                    span,
                    format!("control id `{name}` appears twice in the catalog"),
                )
                .with_code(Code::Duplicate)
                .with_hint("every control id and alias must be unique")
                .into());
            }
        }
    }
    Ok((framework, by_id))
}

/// Makes every implementation specification a control of the catalog, right
/// after its standard (which keeps listing them); returns the pointer of each
/// control's entry in the catalog file, in the new order.
fn with_specifications(framework: &mut Framework) -> Vec<String> {
    let controls = std::mem::take(&mut framework.spec.controls);
    let mut pointers = Vec::with_capacity(controls.len());
    for (index, control) in controls.into_iter().enumerate() {
        let specifications: Vec<Control> = control
            .specifications
            .iter()
            .map(|spec| control.specification(spec))
            .collect();
        pointers.push(format!("/spec/controls/{index}"));
        framework.spec.controls.push(control);
        for s in 0..specifications.len() {
            pointers.push(format!("/spec/controls/{index}/specifications/{s}"));
        }
        framework.spec.controls.extend(specifications);
    }
    pointers
}
