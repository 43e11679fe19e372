//! Every problem of a document in one run: deserialisation is repeated, each
//! pass leaving out the value the previous one failed at and the values that
//! already deserialised, until the document has no problem left to find.
//!
//! A pass that fails names the sequence element or mapping entry it failed in;
//! the next pass leaves that value out and goes on past it. Errors that only
//! follow from a value left out (a required key whose entry was left out, a
//! mapping all of whose entries were) are not reported. The typed value is
//! never used once a problem is found: the document is refused as a whole.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

use serde::de::Deserialize;

use super::de::{DeError, NodeDeserializer};
use super::error::YamlError;
use super::node::Node;
use crate::source::Span;

/// The most problems listed for one document; past it, one last problem
/// says how many more there are.
pub const MAX_LISTED: usize = 100;

/// The most passes over one document. Each pass costs about the depth of the
/// tree (what already deserialised is left out), so this bounds the time a
/// hostile file can take; past it the count of further problems is a floor.
const MAX_PASSES: usize = 50_000;

/// What a pass leaves out, by the address of each element or entry in the tree.
#[derive(Default)]
pub(super) struct Skips {
    left_out: RefCell<HashSet<usize>>,
    /// Per container: how many of its leading values are left out.
    prefix: RefCell<HashMap<usize, usize>>,
    /// Whether values that deserialise are left out of later passes.
    recovering: Cell<bool>,
}

impl Skips {
    pub(super) fn is_left_out(&self, at: usize) -> bool {
        let left_out = self.left_out.borrow();
        !left_out.is_empty() && left_out.contains(&at)
    }

    /// Leaves a value out of later passes; false when it already was.
    fn leave_out(&self, at: usize) -> bool {
        self.left_out.borrow_mut().insert(at)
    }

    /// A value that deserialised: later passes need not visit it again.
    pub(super) fn passed(&self, at: usize) {
        if self.recovering.get() {
            self.leave_out(at);
        }
    }

    /// The first value of a container a pass has to visit.
    pub(super) fn start(&self, container: usize) -> usize {
        let prefix = self.prefix.borrow();
        match prefix.is_empty() {
            true => 0,
            false => prefix.get(&container).copied().unwrap_or(0),
        }
    }

    /// Value `index` of a container was left out: the left-out prefix grows
    /// when it ends there.
    pub(super) fn advance(&self, container: usize, index: usize) {
        let mut prefix = self.prefix.borrow_mut();
        let start = prefix.entry(container).or_insert(0);
        if *start == index {
            *start += 1;
        }
    }
}

/// Deserialises a `T` from a node, or every problem of the node (up to
/// [`MAX_LISTED`], then one that counts the rest), in document order.
pub fn from_node_all<'de, T: Deserialize<'de>>(node: &'de Node) -> Result<T, Vec<YamlError>> {
    let skips = Skips::default();
    let mut error = match T::deserialize(NodeDeserializer::new(node, &skips)) {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    skips.recovering.set(true);
    let mut found = Found::default();
    for _ in 0..MAX_PASSES {
        let at = error.at;
        found.add(error, node.span);
        // An error outside every element (the document itself) or at a value
        // already left out leaves nothing further to find.
        if !at.is_some_and(|at| skips.leave_out(at)) {
            return Err(found.finish(false));
        }
        match T::deserialize(NodeDeserializer::new(node, &skips)) {
            Ok(_) => return Err(found.finish(false)),
            Err(next) => error = next,
        }
    }
    Err(found.finish(true))
}

/// The problems found so far.
#[derive(Default)]
struct Found {
    listed: Vec<YamlError>,
    more: usize,
    first_unlisted: Option<Span>,
}

impl Found {
    fn add(&mut self, error: DeError, fallback: Span) {
        if error.consequence {
            return;
        }
        let error = error.into_yaml(fallback);
        if self.listed.len() < MAX_LISTED {
            self.listed.push(error);
        } else {
            self.more += 1;
            self.first_unlisted.get_or_insert(error.span);
        }
    }

    /// The problems in document order, and how many more there are.
    fn finish(mut self, out_of_passes: bool) -> Vec<YamlError> {
        self.listed.sort_by_key(|error| error.span.start);
        if let Some(span) = self.first_unlisted {
            let count = match out_of_passes {
                true => format!("at least {}", self.more),
                false => self.more.to_string(),
            };
            let problems = if self.more == 1 {
                "problem"
            } else {
                "problems"
            };
            self.listed.push(
                YamlError::new(span, format!("and {count} more {problems} in this document"))
                    .with_hint(format!(
                        "srmcheck lists the first {MAX_LISTED} problems of a document: fix them and run it again"
                    )),
            );
        }
        self.listed
    }
}
