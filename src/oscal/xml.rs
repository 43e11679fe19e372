//! OSCAL catalogs in XML.

use std::sync::Arc;

use roxmltree::{Document, Node};

use super::item::{clean, Item, ItemKind};
use crate::load::LoadError;
use crate::located::Located;
use crate::source::{SourceFile, Span};

pub fn read(source: &Arc<SourceFile>) -> Result<Item, LoadError> {
    let document = Document::parse(source.text()).map_err(|e| {
        let position = e.pos();
        let at = source.offset(
            position.row as usize,
            position.col.saturating_sub(1) as usize,
        );
        Located::new(source, Span::new(at, at), format!("invalid XML: {e}"))
    })?;
    let root = document.root_element();
    if root.tag_name().name() != "catalog" {
        let span = span(&root);
        return Err(Located::new(
            source,
            span,
            format!(
                "not an OSCAL catalog: the root element is <{}>",
                root.tag_name().name()
            ),
        )
        .with_hint("import-oscal reads catalogs; resolve a profile into a catalog first")
        .into());
    }
    let metadata = root.children().find(|n| n.has_tag_name("metadata"));
    let mut catalog = item(&root, ItemKind::Catalog);
    catalog.title = metadata.map(|m| title(&m)).unwrap_or_default();
    catalog.version = metadata
        .and_then(|m| m.children().find(|n| n.has_tag_name("version")))
        .map(|v| clean(&text(&v)));
    Ok(catalog)
}

fn item(node: &Node<'_, '_>, kind: ItemKind) -> Item {
    let children = node
        .children()
        .filter_map(|child| match child.tag_name().name() {
            "group" => Some(item(&child, ItemKind::Group)),
            "control" => Some(item(&child, ItemKind::Control)),
            _ => None,
        })
        .collect();
    let props = node
        .children()
        .filter(|n| n.has_tag_name("prop") && n.attribute("ns").is_none())
        .filter_map(|p| {
            Some((
                p.attribute("name")?.to_owned(),
                p.attribute("value")?.to_owned(),
            ))
        })
        .collect();
    Item {
        kind,
        id: node.attribute("id").unwrap_or_default().to_owned(),
        title: title(node),
        version: None,
        props,
        children,
        span: span(node),
    }
}

fn title(node: &Node<'_, '_>) -> String {
    node.children()
        .find(|n| n.has_tag_name("title"))
        .map(|t| clean(&text(&t)))
        .unwrap_or_default()
}

/// All text below a node, markup removed.
fn text(node: &Node<'_, '_>) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// The span of an element's start tag.
fn span(node: &Node<'_, '_>) -> Span {
    let range = node.range();
    let tag = node.document().input_text()[range.clone()]
        .find('>')
        .map_or(range.end, |i| range.start + i + 1);
    Span::new(range.start, tag)
}
