//! Resolution: an SRM, its provider, its environment and the frameworks it
//! selects become one [`Resolved`] document, with every reference checked.

mod addressable;
mod capabilities;
mod chain;
mod claims;
mod components;
mod crosswalks;
mod node_ref;
mod parties;
mod problems;
mod resolved;
mod responsibilities;
mod roots;
mod specifications;
mod statuses;

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

pub use node_ref::NodeRef;
pub use resolved::{Resolved, Scope, ScopedControl};
pub use responsibilities::Published;
pub use roots::{work_tree, Roots};

use crate::catalog::{Catalog, FrameworkIndex};
use crate::load::{LoadError, LoadedFile, Loader};
use serde::de::DeserializeOwned;

use crate::model::{
    Environment, EnvironmentRef, EnvironmentSpec, Kind, MatrixSpec, Provider, ResponsibilityMatrix,
};
use crate::problem::Code;
use crate::suggest::did_you_mean_hint;
use problems::Problems;

/// Resolves SRMs against files (through a shared [`Loader`]) and catalogs.
pub struct Resolver<'a> {
    pub loader: &'a Loader,
    pub catalog: &'a Catalog,
    /// The folders references may name.
    pub roots: &'a Roots,
}

impl Resolver<'_> {
    /// The SRM's environment: the file it references, or the one written
    /// inline, with where it is.
    fn environment(
        &self,
        problems: &mut Problems,
        (file, document): (&Arc<LoadedFile>, usize),
        base: &Path,
        matrix: &ResponsibilityMatrix,
    ) -> Option<(NodeRef, EnvironmentSpec)> {
        match &matrix.spec.environment {
            EnvironmentRef::Path(path) => self
                .referenced::<Environment>(
                    problems,
                    base,
                    path,
                    ("/environment", Kind::Environment),
                )
                .map(|(at, environment)| (at, environment.spec)),
            EnvironmentRef::Inline(spec) => Some((
                NodeRef::new(file, document, "/spec/environment"),
                spec.clone(),
            )),
        }
    }

    /// Resolves the SRM document `document` of `file`, or every problem found.
    pub fn resolve(
        &self,
        file: &Arc<LoadedFile>,
        document: usize,
    ) -> Result<Resolved, Vec<LoadError>> {
        let srm = NodeRef::new(file, document, "");
        let matrix: ResponsibilityMatrix = file.typed_all(&file.documents[document])?;
        let mut problems = Problems::new(NodeRef::new(file, document, "/spec"));
        let base = file.source.path().parent().unwrap_or(Path::new("."));

        let provider = self
            .referenced::<Provider>(
                &mut problems,
                base,
                &matrix.spec.provider,
                ("/provider", Kind::Provider),
            )
            .map(|(at, provider)| (at, Arc::new(provider)));
        let environment = self.environment(&mut problems, (file, document), base, &matrix);
        let mut vendor_responsibilities =
            self.vendor_responsibilities(&mut problems, base, &matrix.spec);
        let mut provider_responsibilities = provider.as_ref().and_then(|(at, provider)| {
            let path = provider.spec.responsibilities.as_deref()?;
            self.provider_responsibilities(&mut problems, at, path)
        });
        let mut scopes = self.scopes(&mut problems, &matrix.spec);
        self.rows(&mut problems, &matrix.spec, &mut scopes);
        self.exceptions(&mut problems, &matrix.spec, &mut scopes);
        parties::check(&mut problems, &matrix.spec);
        let profile = provider.as_ref().map(|(at, p)| (at, &p.spec));
        claims::check(&mut problems, &matrix.spec, profile.map(|p| p.1));
        capabilities::check(&mut problems, &matrix.spec, profile);
        if let Some((_, environment)) = &environment {
            components::check(&mut problems, &matrix.spec, environment);
        }
        crosswalks::link(self.catalog, &mut problems, &matrix.spec, &mut scopes);
        specifications::cover(&mut scopes);
        addressable::check(self.catalog, &mut problems, &matrix.spec);
        let published = vendor_responsibilities.iter_mut().map(|(_, p)| p);
        chain::match_all(
            self.catalog,
            &mut problems,
            &scopes,
            published.chain(provider_responsibilities.as_mut()),
        );
        statuses::control_status(&mut problems, &matrix.spec, &scopes);
        statuses::poam(&mut problems, &matrix.spec, &scopes);

        match (provider, environment, problems.into_errors()) {
            (Some(provider), Some(environment), errors) if errors.is_empty() => Ok(Resolved {
                srm,
                matrix,
                provider: provider.0,
                provider_document: provider.1,
                environment: environment.0,
                environment_spec: environment.1,
                scopes,
                vendor_responsibilities,
                provider_responsibilities,
            }),
            (_, _, errors) => Err(errors),
        }
    }

    /// Loads a file an SRM names and reads its single document of `kind` as
    /// a `T`; `None` (with the problem recorded) when that fails.
    fn referenced<T: DeserializeOwned>(
        &self,
        problems: &mut Problems,
        base: &Path,
        path: &str,
        (at, kind): (&str, Kind),
    ) -> Option<(NodeRef, T)> {
        let target = base.join(path);
        if !self.roots.allows(&target) {
            self.outside(problems, path, (at, kind));
            return None;
        }
        let file = match self.loader.load(&target) {
            Ok(file) => file,
            Err(LoadError::Io { reason, .. }) => {
                problems
                    .at(
                        at,
                        Code::DanglingReference,
                        format!("cannot read {kind} file `{path}`: {reason}"),
                    )
                    .set_hint("the path is relative to this SRM file");
                return None;
            }
            Err(error) => {
                match roots::foreign(&error) {
                    Some(what) => not_ours(problems, path, (at, kind), &what),
                    None => problems.push(error),
                }
                return None;
            }
        };
        let found: Vec<usize> = (0..file.documents.len())
            .filter(|&i| file.documents[i].kind == kind)
            .collect();
        let [index] = found[..] else {
            problems.at(
                at,
                Code::InvalidDocument,
                format!(
                    "`{path}` holds {} {kind} documents, expected exactly one",
                    found.len()
                ),
            );
            return None;
        };
        match file.typed_all::<T>(&file.documents[index]) {
            Ok(typed) => Some((NodeRef::new(&file, index, "/spec"), typed)),
            Err(errors) => {
                errors.into_iter().for_each(|error| problems.push(error));
                None
            }
        }
    }

    /// A reference to a file outside the roots, at the reference.
    fn outside(&self, problems: &mut Problems, path: &str, (at, kind): (&str, Kind)) {
        let message = format!(
            "{kind} file `{path}` is outside the project root `{}`",
            self.roots.root()
        );
        problems
            .at(at, Code::DanglingReference, message)
            .set_hint("keep the file in the project, or list the folder that holds it under `referenceFolders` in srmcheck.yaml");
    }

    fn framework(
        &self,
        problems: &mut Problems,
        id: &str,
        at: &str,
    ) -> Option<Arc<FrameworkIndex>> {
        match self.catalog.get(id) {
            Some(Ok(index)) => Some(index),
            Some(Err(error)) => {
                problems.push(error);
                None
            }
            None => {
                let hint = did_you_mean_hint(id, self.catalog.ids()).unwrap_or_else(|| {
                    format!(
                        "known frameworks: {}",
                        self.catalog.ids().collect::<Vec<_>>().join(", ")
                    )
                });
                problems
                    .at(
                        at,
                        Code::UnknownFramework,
                        format!("unknown framework `{id}`"),
                    )
                    .set_hint(hint);
                None
            }
        }
    }

    fn scopes(&self, problems: &mut Problems, spec: &MatrixSpec) -> Vec<Scope> {
        let mut seen = HashSet::new();
        let mut scopes = Vec::new();
        for (i, selection) in spec.frameworks.iter().enumerate() {
            let at = format!("/frameworks/{i}");
            if !seen.insert(selection.id.as_str()) {
                problems.at(
                    &format!("{at}/id"),
                    Code::Duplicate,
                    format!("framework `{}` is selected twice", selection.id),
                );
                continue;
            }
            let Some(framework) = self.framework(problems, &selection.id, &format!("{at}/id"))
            else {
                continue;
            };
            match framework.select(selection) {
                Ok(positions) => scopes.push(Scope {
                    selected_at: problems.node_ref(&at),
                    controls: positions.into_iter().map(ScopedControl::new).collect(),
                    framework,
                    selection: selection.clone(),
                }),
                Err(message) => {
                    problems.at(&at, Code::InvalidValue, message);
                }
            }
        }
        scopes
    }

    /// Checks every control a row names and records the row on the in-scope ones.
    fn rows(&self, problems: &mut Problems, spec: &MatrixSpec, scopes: &mut [Scope]) {
        let mut ids = HashSet::new();
        for (r, row) in spec.responsibilities.iter().enumerate() {
            if !ids.insert(row.id.as_str()) {
                problems
                    .at(
                        &format!("/responsibilities/{r}/id"),
                        Code::Duplicate,
                        format!("responsibility id `{}` is used twice", row.id),
                    )
                    .set_hint("give every row its own id");
            }
            for (framework_id, controls) in &row.controls {
                let at = || {
                    format!(
                        "/responsibilities/{r}/controls/{}",
                        crate::yaml::escape_token(framework_id)
                    )
                };
                for (c, control) in controls.iter().enumerate() {
                    if let Some(slot) =
                        self.control(problems, scopes, (framework_id, control), at, || {
                            format!("{}/{c}", at())
                        })
                    {
                        slot.rows.push(r);
                    }
                }
            }
        }
    }

    fn exceptions(&self, problems: &mut Problems, spec: &MatrixSpec, scopes: &mut [Scope]) {
        for (e, exception) in spec.exceptions.iter().enumerate() {
            if let Some(slot) = self.control(
                problems,
                scopes,
                (&exception.framework, &exception.control),
                || format!("/exceptions/{e}/framework"),
                || format!("/exceptions/{e}/control"),
            ) {
                slot.exceptions.push(e);
            }
        }
    }

    /// Checks that `control` exists in framework `framework_id`; returns its
    /// in-scope slot when the framework is selected and the control in scope.
    /// The pointers to the framework and the control reference are formatted
    /// only for a problem.
    fn control<'s>(
        &self,
        problems: &mut Problems,
        scopes: &'s mut [Scope],
        (framework_id, control): (&str, &str),
        framework_at: impl Fn() -> String,
        control_at: impl Fn() -> String,
    ) -> Option<&'s mut ScopedControl> {
        let scope = scopes.iter().position(|s| s.framework.id() == framework_id);
        let framework = match scope {
            Some(s) => Arc::clone(&scopes[s].framework),
            None => self.framework(problems, framework_id, &framework_at())?,
        };
        let Some(position) = framework.position(control) else {
            let hint = match framework.suggest(control) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("see `{framework_id}` in the catalog for its control ids"),
            };
            problems
                .at(
                    &control_at(),
                    Code::UnknownControl,
                    format!("`{control}` is not a control of `{framework_id}`"),
                )
                .set_hint(hint);
            return None;
        };
        let scope = &mut scopes[scope?];
        scope.controls.iter_mut().find(|c| c.index == position)
    }
}

/// A referenced file that is not srmcheck YAML, at the reference: `what`
/// went wrong, none of its content.
fn not_ours(problems: &mut Problems, path: &str, (at, kind): (&str, Kind), what: &str) {
    let message = format!("{kind} file `{path}` is not an srmcheck document: {what}");
    problems
        .at(at, Code::InvalidDocument, message)
        .set_hint(format!(
            "name a file that holds one `kind: {kind}` document with `apiVersion: srmcheck/v1`"
        ));
}
