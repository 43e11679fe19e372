//! The `VendorResponsibilities` documents an SRM reaches: each vendor's
//! (`parties.vendors[].responsibilities`) and the MSSP's own (the Provider's
//! `responsibilities`), each read with its positions and its control ids
//! checked against its framework.

use std::path::Path;

use super::chain::Counterpart;
use super::node_ref::NodeRef;
use super::problems::Problems;
use super::Resolver;
use crate::model::{Kind, MatrixSpec, ResponsibilitiesSpec, VendorResponsibilities};
use crate::problem::Code;

/// A published responsibilities document, read.
#[derive(Debug, Clone)]
pub struct Published {
    /// Its `spec`.
    pub at: NodeRef,
    /// That spec, read.
    pub spec: ResponsibilitiesSpec,
    /// Per entry of `spec.controls`, the controls of the SRM's selected
    /// frameworks it stands for (see [`super::chain`]).
    pub matches: Vec<Vec<Counterpart>>,
}

impl Resolver<'_> {
    /// The responsibilities of each vendor that references some, by vendor id.
    pub(super) fn vendor_responsibilities(
        &self,
        problems: &mut Problems,
        base: &Path,
        spec: &MatrixSpec,
    ) -> Vec<(String, Published)> {
        let mut found = Vec::new();
        for (v, vendor) in spec.parties.vendors.iter().enumerate() {
            let Some(path) = &vendor.responsibilities else {
                continue;
            };
            let at = format!("/parties/vendors/{v}/responsibilities");
            if let Some(published) = self.published(problems, base, path, &at) {
                found.push((vendor.id.clone(), published));
            }
        }
        found
    }

    /// The MSSP's own responsibilities, named by its Provider document.
    pub(super) fn provider_responsibilities(
        &self,
        problems: &mut Problems,
        provider: &NodeRef,
        path: &str,
    ) -> Option<Published> {
        let base = provider.source().path().parent().unwrap_or(Path::new("."));
        let mut here = Problems::new(provider.clone());
        let published = self.published(&mut here, base, path, "/responsibilities");
        here.into_errors()
            .into_iter()
            .for_each(|e| problems.push(e));
        published
    }

    fn published(
        &self,
        problems: &mut Problems,
        base: &Path,
        path: &str,
        at: &str,
    ) -> Option<Published> {
        let (spec_at, document) = self.referenced::<VendorResponsibilities>(
            problems,
            base,
            path,
            (at, Kind::VendorResponsibilities),
        )?;
        let mut own = Problems::new(spec_at.clone());
        self.check_controls(&mut own, &document.spec);
        let errors = own.into_errors();
        let clean = errors.is_empty();
        errors.into_iter().for_each(|e| problems.push(e));
        clean.then_some(Published {
            at: spec_at,
            spec: document.spec,
            matches: Vec::new(),
        })
    }

    /// Every control id names a control of the document's framework, once.
    fn check_controls(&self, problems: &mut Problems, spec: &ResponsibilitiesSpec) {
        let Some(framework) = self.framework(problems, &spec.framework, "/framework") else {
            return;
        };
        let mut seen = std::collections::HashSet::new();
        for (i, entry) in spec.controls.iter().enumerate() {
            let at = format!("/controls/{i}/control");
            if framework.position(&entry.control).is_none() {
                let hint = match framework.suggest(&entry.control) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!(
                        "see `{}` in the catalog for its control ids",
                        spec.framework
                    ),
                };
                problems
                    .at(
                        &at,
                        Code::UnknownControl,
                        format!(
                            "`{}` is not a control of `{}`",
                            entry.control, spec.framework
                        ),
                    )
                    .set_hint(hint);
            } else if !seen.insert(entry.control.as_str()) {
                problems
                    .at(
                        &at,
                        Code::Duplicate,
                        format!("control `{}` is listed twice", entry.control),
                    )
                    .set_hint("give each control one entry");
            }
        }
    }
}
