//! The parts of an OSCAL catalog srmcheck reads, whatever the file format.

use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Catalog,
    Group,
    Control,
}

/// A catalog, group or control: its id, title, props and children.
#[derive(Debug)]
pub struct Item {
    pub kind: ItemKind,
    pub id: String,
    pub title: String,
    /// `version` of the catalog's metadata.
    pub version: Option<String>,
    pub props: Vec<(String, String)>,
    pub children: Vec<Item>,
    pub span: Span,
}

impl Item {
    pub fn prop(&self, name: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Collapses runs of whitespace (titles wrap across lines in XML).
pub fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
