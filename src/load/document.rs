//! A loaded file and the srmcheck documents in it.

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use super::error::LoadError;
use super::read::read_source;
use crate::located::Located;
use crate::model::Kind;
use crate::source::SourceFile;
use crate::suggest::did_you_mean_hint;
use crate::yaml::{from_node, from_node_all, parse_documents, Limits, Node, NodeKind};

/// The API version every document declares.
pub const API_VERSION: &str = "srmcheck/v1";

/// One srmcheck document of a file: its tree and its kind.
#[derive(Debug)]
pub struct Document {
    pub node: Node,
    pub kind: Kind,
}

/// A file read and parsed, with the srmcheck documents it holds.
#[derive(Debug)]
pub struct LoadedFile {
    pub source: Arc<SourceFile>,
    pub documents: Vec<Document>,
}

impl LoadedFile {
    /// Reads and parses a file. YAML documents that are not srmcheck documents
    /// (no `apiVersion: srmcheck/...`) are left out.
    pub fn read(path: &Path, limits: &Limits) -> Result<Self, LoadError> {
        let source = Arc::new(read_source(path, limits.max_file_bytes)?);
        Self::parse(source, limits)
    }

    pub fn parse(source: Arc<SourceFile>, limits: &Limits) -> Result<Self, LoadError> {
        let nodes = parse_documents(&source, limits).map_err(|e| Located::from_yaml(&source, e))?;
        if nodes.is_empty() {
            let end = source.text().len();
            let located = Located::new(
                &source,
                crate::source::Span::new(end, end),
                "empty file: no YAML document in it",
            )
            .with_hint("add a document (apiVersion, kind, metadata, spec) or remove the file");
            return Err(LoadError::Empty(Box::new(located)));
        }
        let mut documents = Vec::new();
        for node in nodes {
            if let Some(kind) = classify(&source, &node)? {
                documents.push(Document { node, kind });
            }
        }
        Ok(LoadedFile { source, documents })
    }

    /// The document's typed form, or its first problem (for documents already
    /// checked with [`LoadedFile::typed_all`], and for catalogs).
    pub fn typed<'a, T: Deserialize<'a>>(&self, document: &'a Document) -> Result<T, LoadError> {
        from_node(&document.node).map_err(|e| Located::from_yaml(&self.source, e).into())
    }

    /// The document's typed form, or every problem of it in document order
    /// (at most [`crate::yaml::MAX_LISTED`] and one that counts the rest).
    pub fn typed_all<'a, T: Deserialize<'a>>(
        &self,
        document: &'a Document,
    ) -> Result<T, Vec<LoadError>> {
        from_node_all(&document.node).map_err(|errors| {
            errors
                .into_iter()
                .map(|e| Located::from_yaml(&self.source, e).into())
                .collect()
        })
    }

    /// The documents of one kind.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Document> {
        self.documents.iter().filter(move |d| d.kind == kind)
    }
}

/// The kind of an srmcheck document, `None` for other YAML documents.
fn classify(source: &Arc<SourceFile>, node: &Node) -> Result<Option<Kind>, LoadError> {
    let NodeKind::Map(_) = node.kind else {
        return Ok(None);
    };
    let kind = node.get("kind");
    let api = match node.entry("apiVersion") {
        Some(entry) => match entry.value.as_str() {
            Some(api) if api.starts_with("srmcheck/") => Some((api, entry.value.span)),
            _ => return Ok(None),
        },
        None => None,
    };
    let named_kind = kind.and_then(Node::as_str).and_then(Kind::from_name);
    let Some((api, api_span)) = api else {
        return match (named_kind, kind) {
            (Some(_), Some(kind)) => Err(Located::new(source, kind.span, "missing `apiVersion`")
                .with_hint(format!("add `apiVersion: {API_VERSION}` to the document"))
                .into()),
            _ => Ok(None),
        };
    };
    if api != API_VERSION {
        return Err(
            Located::new(source, api_span, format!("unsupported apiVersion `{api}`"))
                .with_hint(format!("this version of srmcheck reads `{API_VERSION}`"))
                .into(),
        );
    }
    let Some(kind_node) = kind else {
        return Err(Located::new(source, node.span, "missing `kind`")
            .with_hint(format!("add `kind:` with one of: {}", kind_names()))
            .into());
    };
    match named_kind {
        Some(kind) => Ok(Some(kind)),
        None => {
            let found = kind_node.as_str().unwrap_or_default();
            let names = crate::model::Kind::ALL.map(Kind::as_str);
            let hint = did_you_mean_hint(found, names)
                .unwrap_or_else(|| format!("expected one of: {}", kind_names()));
            Err(
                Located::new(source, kind_node.span, format!("unknown kind `{found}`"))
                    .with_hint(hint)
                    .into(),
            )
        }
    }
}

fn kind_names() -> String {
    Kind::ALL.map(Kind::as_str).join(", ")
}
