//! A pointer to a node of a loaded document.

use std::sync::Arc;

use crate::load::LoadedFile;
use crate::source::{SourceFile, Span};
use crate::yaml::{Node, PointerTarget};

/// A node of a loaded document: file, document index and JSON pointer.
#[derive(Debug, Clone)]
pub struct NodeRef {
    pub file: Arc<LoadedFile>,
    pub document: usize,
    pub pointer: String,
}

impl NodeRef {
    pub fn new(file: &Arc<LoadedFile>, document: usize, pointer: impl Into<String>) -> Self {
        NodeRef {
            file: Arc::clone(file),
            document,
            pointer: pointer.into(),
        }
    }

    pub fn source(&self) -> &Arc<SourceFile> {
        &self.file.source
    }

    pub fn node(&self) -> &Node {
        self.target("").node
    }

    /// Follows `rest` (a JSON pointer) below this node as far as it goes.
    pub fn target(&self, rest: &str) -> PointerTarget<'_> {
        let root = &self.file.documents[self.document].node;
        root.pointer(&format!("{}{rest}", self.pointer))
    }

    pub fn span(&self, rest: &str) -> Span {
        self.target(rest).span
    }
}
