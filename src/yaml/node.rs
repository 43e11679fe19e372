//! The spanned YAML tree the loader builds: every value knows where it came from.

use crate::source::Span;

/// A YAML value with the byte span it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

/// The value of a [`Node`], typed by the YAML 1.2 core schema.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// One `key: value` pair of a mapping; keys are strings.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

/// Where a JSON pointer lands in a tree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointerTarget<'a> {
    pub node: &'a Node,
    /// The span to show: the node itself, or the key of the deepest mapping
    /// entry when the pointer names a key that is absent below it.
    pub span: Span,
    /// Whether every token of the pointer was found.
    pub exact: bool,
}

impl Node {
    pub fn new(span: Span, kind: NodeKind) -> Self {
        Node { span, kind }
    }

    /// The value of `key` when this node is a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.kind {
            NodeKind::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A short name of the node's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Int(_) => "an integer",
            NodeKind::Float(_) => "a number",
            NodeKind::Str(_) => "a string",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }

    /// Follows an RFC 6901 JSON pointer as far as the tree allows.
    pub fn pointer(&self, pointer: &str) -> PointerTarget<'_> {
        let mut node = self;
        let mut span = self.span;
        let tokens = pointer.split('/').skip(1).map(unescape_token);
        for token in tokens {
            let next = match &node.kind {
                NodeKind::Map(entries) => entries.iter().find(|e| e.key == token).map(|e| {
                    span = e.value.span;
                    &e.value
                }),
                NodeKind::Seq(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            };
            match next {
                Some(child) => {
                    span = child.span;
                    node = child;
                }
                None => {
                    return PointerTarget {
                        node,
                        span,
                        exact: false,
                    }
                }
            }
        }
        PointerTarget {
            node,
            span,
            exact: true,
        }
    }
}

/// Decodes `~1` and `~0` in one JSON pointer token.
pub fn unescape_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Encodes one JSON pointer token.
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
