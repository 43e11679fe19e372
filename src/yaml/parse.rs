//! Builds spanned [`Node`] trees from the YAML event stream, under [`Limits`].

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YamlSpan};

use super::columns::Columns;
use super::error::YamlError;
use super::limits::Limits;
use super::node::{Entry, Node, NodeKind};
use super::scalar::resolve_plain;
use crate::source::{SourceFile, Span};

/// Parses every document of a file.
pub fn parse_documents(file: &SourceFile, limits: &Limits) -> Result<Vec<Node>, YamlError> {
    Builder::new(file, limits).run()
}

enum Frame {
    Seq {
        start: usize,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        anchor: usize,
        entries: Vec<Entry>,
        key: Option<(String, Span)>,
        /// The entries' keys once there are enough of them for a scan per key
        /// to cost more than hashing: duplicate keys are found in linear time.
        index: Option<HashMap<String, usize>>,
    },
}

/// Mappings up to this size are searched for a duplicate key by a scan.
const SCANNED_KEYS: usize = 16;

struct Builder<'a> {
    file: &'a SourceFile,
    limits: &'a Limits,
    columns: Columns<'a>,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize)>,
    nodes: usize,
    documents: Vec<Node>,
}

impl<'a> Builder<'a> {
    fn new(file: &'a SourceFile, limits: &'a Limits) -> Self {
        Builder {
            file,
            limits,
            columns: Columns::new(file),
            stack: Vec::new(),
            anchors: HashMap::new(),
            nodes: 0,
            documents: Vec::new(),
        }
    }

    fn run(mut self) -> Result<Vec<Node>, YamlError> {
        for event in Parser::new_from_str(self.file.text()) {
            let (event, span) = event.map_err(|e| {
                let at = self.byte(e.marker().index(), e.marker().line(), e.marker().col());
                // The scanner's own bound on nesting, met before ours can be.
                if e.info().contains("recursion limit") {
                    return too_deep(Span::new(at, at), self.limits.max_depth);
                }
                YamlError::new(Span::new(at, at), format!("invalid YAML: {}", e.info()))
                    .with_hint("check the indentation and quoting at or just before this point")
            })?;
            let span = self.span(span);
            match event {
                Event::DocumentStart(_) => self.anchors.clear(),
                Event::Scalar(text, style, anchor, tag) => {
                    let tag = tag.map(|t| format!("{}{}", t.handle, t.suffix));
                    let kind = scalar_kind(&text, style, tag.as_deref(), span)?;
                    self.push(Node::new(span, kind), anchor, 1, false)?;
                }
                Event::SequenceStart(anchor, tag) => {
                    self.reject_tag(tag.map(|t| format!("{}{}", t.handle, t.suffix)), span)?;
                    self.open(span)?;
                    self.stack.push(Frame::Seq {
                        start: span.start,
                        anchor,
                        items: Vec::new(),
                    });
                }
                Event::MappingStart(anchor, tag) => {
                    self.reject_tag(tag.map(|t| format!("{}{}", t.handle, t.suffix)), span)?;
                    self.open(span)?;
                    self.stack.push(Frame::Map {
                        start: span.start,
                        anchor,
                        entries: Vec::new(),
                        key: None,
                        index: None,
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => self.close(span)?,
                Event::Alias(id) => {
                    let (node, size) = self
                        .anchors
                        .get(&id)
                        .cloned()
                        .ok_or_else(|| YamlError::new(span, "alias to an unknown anchor"))?;
                    self.push(Node::new(span, node.kind), 0, size, true)?;
                }
                Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
            }
        }
        Ok(self.documents)
    }

    fn open(&mut self, span: Span) -> Result<(), YamlError> {
        if self.stack.len() >= self.limits.max_depth {
            return Err(too_deep(span, self.limits.max_depth));
        }
        if matches!(self.stack.last(), Some(Frame::Map { key: None, .. })) {
            return Err(YamlError::new(span, "mapping keys must be strings"));
        }
        Ok(())
    }

    fn close(&mut self, end: Span) -> Result<(), YamlError> {
        let frame = self
            .stack
            .pop()
            .expect("the parser balances start and end events");
        let (start, anchor, kind) = match frame {
            Frame::Seq {
                start,
                anchor,
                items,
            } => (start, anchor, NodeKind::Seq(items)),
            Frame::Map {
                start,
                anchor,
                entries,
                ..
            } => (start, anchor, NodeKind::Map(entries)),
        };
        // Block collections end where their last value ends; flow ones at `]` or `}`.
        let last = match &kind {
            NodeKind::Seq(items) => items.last().map(|n| n.span.end),
            NodeKind::Map(entries) => entries.last().map(|e| e.value.span.end),
            _ => None,
        };
        let end = match (end.start == end.end, last) {
            (true, Some(last)) => last,
            _ => end.end,
        };
        self.push(
            Node::new(Span::new(start, end.max(start)), kind),
            anchor,
            1,
            false,
        )
    }

    /// Adds a finished node to its parent (or as a document), counting
    /// `count` new values: 1 for a node built from events (its children were
    /// counted as they arrived), the whole size of the copy for an `alias`.
    fn push(
        &mut self,
        node: Node,
        anchor: usize,
        count: usize,
        alias: bool,
    ) -> Result<(), YamlError> {
        self.nodes += count;
        if self.nodes > self.limits.max_nodes {
            let max = self.limits.max_nodes;
            let error = match alias {
                false => YamlError::new(node.span, format!("more than {max} values in one file"))
                    .with_hint("split the file into smaller ones"),
                true => YamlError::new(
                    node.span,
                    format!("more than {max} values in one file: this alias copies {count} more (an alias counts every value it copies)"),
                )
                .with_hint("split the file, or replace aliases of large values with plain values"),
            };
            return Err(error);
        }
        if anchor != 0 {
            self.anchors
                .insert(anchor, (node.clone(), node_size(&node)));
        }
        match self.stack.last_mut() {
            None => self.documents.push(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                key,
                index,
                ..
            }) => match key.take() {
                None => {
                    let NodeKind::Str(name) = node.kind else {
                        return Err(YamlError::new(
                            node.span,
                            format!("mapping keys must be strings, found {}", node.type_name()),
                        ));
                    };
                    if let Some(first) = find_key(entries, index, &name) {
                        let line = self.file.position(entries[first].key_span.start).line;
                        return Err(YamlError::new(
                            node.span,
                            format!("duplicate key `{name}` (first defined on line {line})"),
                        )
                        .with_hint("remove one of the two entries"));
                    }
                    *key = Some((name, node.span));
                }
                Some((key, key_span)) => {
                    if let Some(index) = index {
                        index.insert(key.clone(), entries.len());
                    }
                    entries.push(Entry {
                        key,
                        key_span,
                        value: node,
                    });
                }
            },
        }
        Ok(())
    }

    fn reject_tag(&self, tag: Option<String>, span: Span) -> Result<(), YamlError> {
        match tag {
            None => Ok(()),
            Some(tag) => Err(
                YamlError::new(span, format!("unsupported YAML tag `{tag}`"))
                    .with_hint("remove the tag; srmcheck reads plain YAML"),
            ),
        }
    }

    fn span(&self, span: YamlSpan) -> Span {
        let start = self.byte(span.start.index(), span.start.line(), span.start.col());
        let end = self.byte(span.end.index(), span.end.line(), span.end.col());
        Span::new(start, end.max(start))
    }

    fn byte(&self, index: usize, line: usize, col: usize) -> usize {
        self.columns.byte(index, line, col)
    }
}

/// The index of the entry named `name`: a scan of a small mapping, a lookup
/// in a large one (whose index is built when it outgrows the scan).
fn find_key(
    entries: &[Entry],
    index: &mut Option<HashMap<String, usize>>,
    name: &str,
) -> Option<usize> {
    if index.is_none() && entries.len() >= SCANNED_KEYS {
        let keys = entries.iter().enumerate().map(|(i, e)| (e.key.clone(), i));
        *index = Some(keys.collect());
    }
    match index {
        Some(index) => index.get(name).copied(),
        None => {
            #[cfg(test)]
            tests::COMPARED.with(|c| c.set(c.get() + entries.len()));
            entries.iter().position(|e| e.key == name)
        }
    }
}

fn count_children(kind: &NodeKind) -> usize {
    match kind {
        NodeKind::Seq(items) => items.iter().map(node_size).sum(),
        NodeKind::Map(entries) => entries.iter().map(|e| node_size(&e.value)).sum(),
        _ => 0,
    }
}

fn node_size(node: &Node) -> usize {
    1 + count_children(&node.kind)
}

fn scalar_kind(
    text: &str,
    style: ScalarStyle,
    tag: Option<&str>,
    span: Span,
) -> Result<NodeKind, YamlError> {
    match tag {
        None if style == ScalarStyle::Plain => Ok(resolve_plain(text)),
        None => Ok(NodeKind::Str(text.to_owned())),
        Some("!!str" | "tag:yaml.org,2002:str") => Ok(NodeKind::Str(text.to_owned())),
        Some(tag) => Err(
            YamlError::new(span, format!("unsupported YAML tag `{tag}`"))
                .with_hint("remove the tag; srmcheck reads plain YAML"),
        ),
    }
}

/// Nesting past `max` levels, at `span`.
fn too_deep(span: Span, max: usize) -> YamlError {
    YamlError::new(span, format!("nesting deeper than {max} levels"))
        .with_hint("srmcheck documents are a few levels deep; flatten the structure")
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Keys compared by scans in this thread.
        pub(super) static COMPARED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    #[test]
    fn duplicate_keys_of_a_large_mapping_are_found_in_linear_time() {
        let keys = 100_000;
        let mut text: String = (0..keys).map(|i| format!("k{i}: {i}\n")).collect();
        COMPARED.with(|c| c.set(0));
        let nodes = parse(&text).expect("distinct keys");
        assert!(matches!(&nodes[0].kind, NodeKind::Map(e) if e.len() == keys));
        // A scan per key only while the mapping is small.
        assert!(COMPARED.with(|c| c.get()) <= SCANNED_KEYS * SCANNED_KEYS);
        text.push_str("k99998: again\n");
        let error = parse(&text).expect_err("duplicate");
        assert!(error
            .message
            .contains("duplicate key `k99998` (first defined on line 99999)"));
    }

    fn parse(text: &str) -> Result<Vec<Node>, YamlError> {
        parse_documents(
            &SourceFile::new("t.yaml", text.to_owned()),
            &Limits::default(),
        )
    }

    fn at<'a>(text: &'a str, node: &Node) -> &'a str {
        &text[node.span.range()]
    }

    #[test]
    fn spans_point_at_values() {
        let text = "a:\n  b: [1, two]\n  c: {d: x}\nlist:\n  - k: v\n  - w\n";
        let docs = parse(text).expect("valid");
        let root = &docs[0];
        assert_eq!(at(text, root.pointer("/a/b/1").node), "two");
        assert_eq!(at(text, root.pointer("/a/b").node), "[1, two]");
        assert_eq!(at(text, root.pointer("/a/c/d").node), "x");
        assert_eq!(at(text, root.pointer("/list/0").node), "k: v");
        assert_eq!(at(text, root.pointer("/list").node), "- k: v\n  - w");
    }

    #[test]
    fn missing_pointer_lands_on_nearest_value() {
        let text = "a:\n  b: 1\n";
        let docs = parse(text).expect("valid");
        let target = docs[0].pointer("/a/zz/0");
        assert!(!target.exact);
        assert_eq!(at(text, target.node), "b: 1");
    }

    #[test]
    fn multi_byte_text_keeps_byte_spans() {
        let text = "name: Café Ünïcode\nnext: é\n";
        let docs = parse(text).expect("valid");
        assert_eq!(at(text, docs[0].pointer("/next").node), "é");
    }

    #[test]
    fn several_documents() {
        assert_eq!(parse("a: 1\n---\nb: 2\n").expect("valid").len(), 2);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let error = parse("a: 1\nb: 2\na: 3\n").expect_err("duplicate");
        assert!(error.message.contains("duplicate key `a`"));
        assert_eq!(error.span.start, 10);
    }

    #[test]
    fn aliases_expand_and_count() {
        let docs = parse("x: &x {k: v}\ny: *x\n").expect("valid");
        assert_eq!(docs[0].pointer("/y/k").node.as_str(), Some("v"));
        let limits = Limits {
            max_nodes: 10,
            ..Limits::default()
        };
        let file = SourceFile::new("t.yaml", "x: &x [1, 2, 3, 4]\ny: [*x, *x]\n".to_owned());
        assert!(parse_documents(&file, &limits).is_err());
    }

    #[test]
    fn non_string_keys_are_errors() {
        assert!(parse("? [a]\n: 1\n").is_err());
        assert!(parse("1: one\n").is_err());
    }
}
