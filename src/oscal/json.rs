//! OSCAL catalogs in JSON, read with the YAML loader so that every error has a place.

use std::sync::Arc;

use super::item::{clean, Item, ItemKind};
use crate::load::LoadError;
use crate::located::Located;
use crate::source::SourceFile;
use crate::yaml::{parse_documents, Limits, Node, NodeKind};

pub fn read(source: &Arc<SourceFile>) -> Result<Item, LoadError> {
    let limits = Limits {
        max_file_bytes: u64::MAX,
        max_depth: 128,
        max_nodes: 5_000_000,
    };
    // The YAML loader reads the JSON: its syntax errors are JSON's here.
    let documents = parse_documents(source, &limits).map_err(|mut e| {
        if let Some(rest) = e.message.strip_prefix("invalid YAML: ") {
            e.message = format!("invalid JSON: {rest}");
            e.hint = Some(
                "check the brackets, commas and quotes at or just before this point".to_owned(),
            );
        }
        Located::from_yaml(source, e)
    })?;
    let Some(root) = documents.first() else {
        return Err(Located::new(source, crate::source::Span::new(0, 0), "empty file").into());
    };
    let Some(catalog) = root.get("catalog") else {
        let found = match &root.kind {
            NodeKind::Map(entries) => entries
                .first()
                .map_or("nothing".to_owned(), |e| format!("`{}`", e.key)),
            _ => root.type_name().to_owned(),
        };
        return Err(Located::new(
            source,
            root.span,
            format!("not an OSCAL catalog: the document holds {found}"),
        )
        .with_hint("import-oscal reads catalogs; resolve a profile into a catalog first")
        .into());
    };
    let metadata = catalog.get("metadata");
    let mut item = item(catalog, ItemKind::Catalog);
    item.title = metadata
        .and_then(|m| m.get("title"))
        .and_then(Node::as_str)
        .map(clean)
        .unwrap_or_default();
    item.version = metadata
        .and_then(|m| m.get("version"))
        .and_then(Node::as_str)
        .map(str::to_owned);
    Ok(item)
}

fn item(node: &Node, kind: ItemKind) -> Item {
    let list = |key: &str| match node.get(key).map(|n| &n.kind) {
        Some(NodeKind::Seq(items)) => items.as_slice(),
        _ => &[],
    };
    let text = |n: &Node, key: &str| {
        n.get(key)
            .and_then(Node::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let mut children: Vec<Item> = list("groups")
        .iter()
        .map(|g| item(g, ItemKind::Group))
        .collect();
    children.extend(list("controls").iter().map(|c| item(c, ItemKind::Control)));
    Item {
        kind,
        id: text(node, "id"),
        title: clean(&text(node, "title")),
        version: None,
        props: list("props")
            .iter()
            .filter(|p| p.get("ns").is_none())
            .map(|p| (text(p, "name"), text(p, "value")))
            .collect(),
        children,
        span: node.get("id").map_or(node.span, |id| id.span),
    }
}
