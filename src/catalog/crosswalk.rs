//! Crosswalks between frameworks: the shipped `Mapping` documents, read in
//! either direction, and crosswalks derived through a common framework.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use serde::Serialize;

use super::Catalog;
use crate::load::{LoadError, LoadedFile};
use crate::located::Located;
use crate::model::{Kind, Mapping, Relationship};
use crate::problem::Code;

/// A `Mapping` document whose pairs name real controls of both frameworks.
#[derive(Debug)]
pub struct Crosswalk {
    /// The file read, kept for the test that checks the shipped pairs again.
    #[cfg(test)]
    pub file: Arc<LoadedFile>,
    pub mapping: Mapping,
}

/// Pairs from one framework to another, however they were found.
#[derive(Debug, Clone, Serialize)]
pub struct CrosswalkView {
    pub from: String,
    pub to: String,
    /// Composed through other frameworks rather than published as such.
    pub derived: bool,
    /// The mappings followed, in order.
    pub through: Vec<String>,
    pub pairs: Vec<ViewPair>,
}

/// One pair of a [`CrosswalkView`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ViewPair {
    pub from: String,
    pub to: String,
    pub relationship: Relationship,
}

impl Crosswalk {
    /// Reads the single `Mapping` document of a file and, given a catalog,
    /// checks that every pair names controls of its two frameworks.
    pub fn read(file: Arc<LoadedFile>, catalog: Option<&Catalog>) -> Result<Self, LoadError> {
        let Some(document) = file.of_kind(Kind::Mapping).next() else {
            let span = crate::source::Span::new(0, 0);
            return Err(Located::new(&file.source, span, "no Mapping document in the file").into());
        };
        let mapping: Mapping = file.typed(document)?;
        let Some(catalog) = catalog else {
            return Ok(Crosswalk {
                #[cfg(test)]
                file,
                mapping,
            });
        };
        let spec = &mapping.spec;
        for (side, id, at) in [
            ("from", &spec.from, "/spec/from"),
            ("to", &spec.to, "/spec/to"),
        ] {
            let framework = match catalog.get(id) {
                Some(framework) => framework?,
                None => {
                    let span = document.node.pointer(at).span;
                    let located =
                        Located::new(&file.source, span, format!("unknown framework `{id}`"))
                            .with_code(Code::UnknownFramework);
                    return Err(located.into());
                }
            };
            for (i, pair) in spec.pairs.iter().enumerate() {
                let control = if side == "from" { &pair.from } else { &pair.to };
                if framework.position(control).is_none() {
                    let span = document
                        .node
                        .pointer(&format!("/spec/pairs/{i}/{side}"))
                        .span;
                    let message = format!("`{control}` is not a control of `{id}`");
                    return Err(Located::new(&file.source, span, message)
                        .with_code(Code::UnknownControl)
                        .with_hint("every pair must name controls of the two frameworks")
                        .into());
                }
            }
        }
        Ok(Crosswalk {
            #[cfg(test)]
            file,
            mapping,
        })
    }

    pub fn name(&self) -> &str {
        &self.mapping.metadata.name
    }

    /// The crosswalk read from `from` to `to`, when it joins those two.
    fn view(&self, from: &str, to: &str) -> Option<CrosswalkView> {
        let spec = &self.mapping.spec;
        let reversed = match (
            spec.from == from && spec.to == to,
            spec.from == to && spec.to == from,
        ) {
            (true, _) => false,
            (_, true) => true,
            _ => return None,
        };
        let pairs = spec
            .pairs
            .iter()
            .map(|p| match reversed {
                false => ViewPair {
                    from: p.from.clone(),
                    to: p.to.clone(),
                    relationship: p.relationship,
                },
                true => ViewPair {
                    from: p.to.clone(),
                    to: p.from.clone(),
                    relationship: inverse(p.relationship),
                },
            })
            .collect();
        Some(CrosswalkView {
            from: from.to_owned(),
            to: to.to_owned(),
            derived: spec.derived,
            through: vec![self.name().to_owned()],
            pairs,
        })
    }
}

/// The crosswalk from `from` to `to`: a shipped mapping (either way round),
/// else the composition along the shortest chain of mappings, marked derived.
pub fn between(crosswalks: &[Arc<Crosswalk>], from: &str, to: &str) -> Option<CrosswalkView> {
    let mut previous: HashMap<&str, &str> = HashMap::new();
    let mut queue = VecDeque::from([from]);
    while let Some(at) = queue.pop_front() {
        if at == to {
            break;
        }
        for crosswalk in crosswalks {
            let spec = &crosswalk.mapping.spec;
            let next = match (spec.from == at, spec.to == at) {
                (true, _) => spec.to.as_str(),
                (_, true) => spec.from.as_str(),
                _ => continue,
            };
            if next != from && !previous.contains_key(next) {
                previous.insert(next, at);
                queue.push_back(next);
            }
        }
    }
    let mut chain = vec![to];
    while let Some(&before) = previous.get(chain.last()?) {
        chain.push(before);
        if before == from {
            break;
        }
    }
    chain.reverse();
    if chain.first() != Some(&from) || chain.len() < 2 {
        return None;
    }
    let mut steps = chain
        .windows(2)
        .map(|w| crosswalks.iter().find_map(|c| c.view(w[0], w[1])));
    let first = steps.next()??;
    steps.try_fold(first, |acc, step| Some(compose(acc, step?)))
}

/// `a -> b` then `b -> c` gives `a -> c`, in the order of `a -> b`:
/// equivalent only when both steps are, else related.
fn compose(first: CrosswalkView, second: CrosswalkView) -> CrosswalkView {
    let mut onward: HashMap<&str, Vec<&ViewPair>> = HashMap::new();
    for pair in &second.pairs {
        onward.entry(pair.from.as_str()).or_default().push(pair);
    }
    let mut seen = HashSet::new();
    let mut pairs = Vec::new();
    for pair in &first.pairs {
        for next in onward.get(pair.to.as_str()).into_iter().flatten() {
            let relationship = match (pair.relationship, next.relationship) {
                (Relationship::Equivalent, Relationship::Equivalent) => Relationship::Equivalent,
                _ => Relationship::Related,
            };
            if seen.insert((pair.from.as_str(), next.to.as_str())) {
                pairs.push(ViewPair {
                    from: pair.from.clone(),
                    to: next.to.clone(),
                    relationship,
                });
            }
        }
    }
    let mut through = first.through;
    through.extend(second.through);
    CrosswalkView {
        from: first.from,
        to: second.to,
        derived: true,
        through,
        pairs,
    }
}

fn inverse(relationship: Relationship) -> Relationship {
    match relationship {
        Relationship::SubsetOf => Relationship::SupersetOf,
        Relationship::SupersetOf => Relationship::SubsetOf,
        other => other,
    }
}
