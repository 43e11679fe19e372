//! Problems found while resolving one SRM, each at a node of its spec.

use super::node_ref::NodeRef;
use crate::load::LoadError;
use crate::located::Located;
use crate::problem::Code;

/// Collects every problem of an SRM instead of stopping at the first.
pub struct Problems {
    spec: NodeRef,
    errors: Vec<LoadError>,
}

impl Problems {
    pub fn new(spec: NodeRef) -> Self {
        Problems {
            spec,
            errors: Vec::new(),
        }
    }

    /// A node of the SRM's spec.
    pub fn node_ref(&self, pointer: &str) -> NodeRef {
        NodeRef::new(
            &self.spec.file,
            self.spec.document,
            format!("{}{pointer}", self.spec.pointer),
        )
    }

    /// Records a problem at `pointer` below the spec; returns it to add a hint.
    pub fn at(&mut self, pointer: &str, code: Code, message: impl Into<String>) -> &mut Located {
        let span = self.spec.span(pointer);
        let located = Located::new(self.spec.source(), span, message).with_code(code);
        self.errors.push(located.into());
        match self.errors.last_mut() {
            Some(LoadError::Invalid(located)) => located,
            _ => unreachable!("a located problem was just pushed"),
        }
    }

    pub fn push(&mut self, error: LoadError) {
        self.errors.push(error);
    }

    pub fn into_errors(self) -> Vec<LoadError> {
        self.errors
    }
}
