//! The responsibility chain across frameworks: each control a published
//! responsibilities document names (a vendor's, or the MSSP's own) stands for
//! controls of the SRM's selected frameworks: itself, when its framework is
//! selected, and its crosswalk counterparts in the others, through a
//! published (not derived) pair whose source, the document's control, is at
//! least as broad as the target (`equivalent`, or `superset-of`): the rule
//! that lets a row cover a control `via` another framework. The policies
//! read these matches (`vendorMatches`, `providerMatches`) and never walk the
//! crosswalks themselves.

use super::crosswalks::covers;
use super::problems::Problems;
use super::resolved::Scope;
use super::Published;
use crate::catalog::Catalog;
use crate::model::ResponsibilitiesSpec;

/// A control of a selected framework that a published control stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counterpart {
    pub framework: String,
    /// The control id as the catalog writes it (aliases resolved).
    pub control: String,
}

/// Fills in the matches of every published document an SRM reaches.
pub(super) fn match_all<'a>(
    catalog: &Catalog,
    problems: &mut Problems,
    scopes: &[Scope],
    published: impl IntoIterator<Item = &'a mut Published>,
) {
    for document in published {
        match matches(catalog, scopes, &document.spec) {
            Ok(found) => document.matches = found,
            Err(error) => problems.push(error),
        }
    }
}

/// For each entry of `spec.controls`, in order, the controls of the selected
/// frameworks it stands for, in the SRM's order of frameworks.
fn matches(
    catalog: &Catalog,
    scopes: &[Scope],
    spec: &ResponsibilitiesSpec,
) -> Result<Vec<Vec<Counterpart>>, crate::load::LoadError> {
    let own = match catalog.get(&spec.framework) {
        Some(index) => Some(index?),
        None => None,
    };
    // The entries' ids as their catalog writes them; an unknown one was
    // reported when the document was read and matches nothing.
    let ids = spec
        .controls
        .iter()
        .map(|entry| {
            let position = own
                .as_ref()
                .and_then(|index| index.position(&entry.control));
            position.and_then(|p| own.as_ref().map(|index| index.controls()[p].id.clone()))
        })
        .collect::<Vec<_>>();
    let mut found = vec![Vec::new(); ids.len()];
    for scope in scopes {
        let to = scope.framework.id();
        if to == spec.framework {
            for (slot, id) in found.iter_mut().zip(&ids) {
                if let Some(id) = id {
                    slot.push(counterpart(to, id));
                }
            }
            continue;
        }
        let Some(view) = catalog.crosswalk(&spec.framework, to)? else {
            continue;
        };
        if view.derived {
            continue;
        }
        for pair in view.pairs.iter().filter(|p| covers(p.relationship)) {
            for (slot, id) in found.iter_mut().zip(&ids) {
                let found = counterpart(to, &pair.to);
                if id.as_deref() == Some(pair.from.as_str()) && !slot.contains(&found) {
                    slot.push(found);
                }
            }
        }
    }
    Ok(found)
}

fn counterpart(framework: &str, control: &str) -> Counterpart {
    Counterpart {
        framework: framework.to_owned(),
        control: control.to_owned(),
    }
}
