//! Typed deserialisation from a spanned [`Node`]: every error knows its span.
//!
//! The deserializer can also leave out values that failed in an earlier pass
//! (see [`super::recover`]): every failing sequence element or mapping entry is
//! named in its error, so a later pass can skip it and go on to the next problem.

use std::cell::Cell;
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};

use super::error::YamlError;
use super::node::{Entry, Node, NodeKind};
use super::recover::Skips;
use crate::problem::Code;
use crate::source::Span;
use crate::suggest::{did_you_mean, did_you_mean_hint};

/// Deserialises a `T` from a node, reporting the span of the first offending
/// value ([`super::from_node_all`] reports every one).
pub fn from_node<'de, T: de::Deserialize<'de>>(node: &'de Node) -> Result<T, YamlError> {
    let skips = Skips::default();
    T::deserialize(NodeDeserializer::new(node, &skips)).map_err(|e| e.into_yaml(node.span))
}

/// The serde error: a message, and the span once it is known.
#[derive(Debug)]
pub struct DeError {
    message: String,
    hint: Option<String>,
    span: Option<Span>,
    code: Code,
    /// The required key a `missing_field` error names.
    missing: Option<&'static str>,
    /// The sequence element or mapping entry the error was found in (its address).
    pub(super) at: Option<usize>,
    /// Whether the error only follows from values left out by an earlier pass.
    pub(super) consequence: bool,
}

impl DeError {
    fn new(message: String, hint: Option<String>) -> Self {
        DeError {
            message,
            hint,
            span: None,
            code: Code::InvalidValue,
            missing: None,
            at: None,
            consequence: false,
        }
    }

    fn or_at(mut self, span: Span) -> Self {
        self.span.get_or_insert(span);
        self
    }

    /// Names the element or entry the error was found in, unless a deeper one is named.
    fn within(mut self, address: usize) -> Self {
        self.at.get_or_insert(address);
        self
    }

    pub(super) fn into_yaml(self, fallback: Span) -> YamlError {
        YamlError {
            span: self.span.unwrap_or(fallback),
            message: self.message,
            hint: self.hint,
            code: self.code,
        }
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::new(msg.to_string(), None)
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        let expected = friendly(&exp.to_string());
        let hint = match unexp {
            Unexpected::Signed(_)
            | Unexpected::Unsigned(_)
            | Unexpected::Float(_)
            | Unexpected::Bool(_)
                if expected.contains("string") =>
            {
                Some("put the value in quotes to make it a string".to_owned())
            }
            _ => None,
        };
        DeError::new(
            format!("expected {expected}, found {}", describe(&unexp)),
            hint,
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let mut error = unknown(format!("unknown key `{field}`"), field, expected);
        error.code = Code::UnknownKey;
        error
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        unknown(format!("unknown value `{variant}`"), variant, expected)
    }

    fn missing_field(field: &'static str) -> Self {
        DeError {
            missing: Some(field),
            ..DeError::new(
                format!("missing required key `{field}`"),
                Some(format!("add `{field}:` to this mapping")),
            )
        }
    }
}

/// An unknown name, with the closest expected one as a hint.
fn unknown(message: String, found: &str, expected: &[&str]) -> DeError {
    let hint = did_you_mean_hint(found, expected.iter().copied())
        .unwrap_or_else(|| format!("expected one of: {}", expected.join(", ")));
    DeError::new(message, Some(hint))
}

/// Rust type names as a YAML author knows them.
fn friendly(expected: &str) -> String {
    match expected {
        "f32" | "f64" => "a number".to_owned(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number of 0 or more".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_owned(),
        "a boolean" | "bool" => "true or false".to_owned(),
        other => other.to_owned(),
    }
}

fn describe(unexp: &Unexpected<'_>) -> String {
    match unexp {
        Unexpected::Unit => "null".to_owned(),
        Unexpected::Seq => "a list".to_owned(),
        Unexpected::Map => "a mapping".to_owned(),
        other => other.to_string(),
    }
}

/// A [`Deserializer`] over one node, leaving out what `skips` names.
#[derive(Clone, Copy)]
pub(super) struct NodeDeserializer<'de, 'a> {
    node: &'de Node,
    skips: &'a Skips,
}

impl<'de, 'a> NodeDeserializer<'de, 'a> {
    pub(super) fn new(node: &'de Node, skips: &'a Skips) -> Self {
        NodeDeserializer { node, skips }
    }
}

/// The address that names an element or entry across passes over one tree.
fn address<T>(item: &T) -> usize {
    std::ptr::from_ref(item) as usize
}

impl<'de> Deserializer<'de> for NodeDeserializer<'de, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let node = self.node;
        let start = self.skips.start(address(node));
        let omitted = Cell::new(start > 0);
        let result = match &node.kind {
            NodeKind::Null => visitor.visit_unit(),
            NodeKind::Bool(b) => visitor.visit_bool(*b),
            NodeKind::Int(i) => visitor.visit_i64(*i),
            NodeKind::Float(f) => visitor.visit_f64(*f),
            NodeKind::Str(s) => visitor.visit_borrowed_str(s),
            NodeKind::Seq(items) => visitor.visit_seq(Items {
                next: start,
                items,
                container: address(node),
                skips: self.skips,
                omitted: &omitted,
            }),
            NodeKind::Map(entries) => visitor.visit_map(Entries {
                next: start,
                entries,
                container: address(node),
                value: None,
                skips: self.skips,
                omitted: &omitted,
            }),
        };
        result.map_err(|e| self.judge(e, omitted.get()).or_at(node.span))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.kind {
            NodeKind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let node = self.node;
        let result = match &node.kind {
            NodeKind::Str(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            NodeKind::Map(entries) if entries.len() == 1 => visitor.visit_enum(Variant {
                entry: &entries[0],
                skips: self.skips,
            }),
            _ => Err(de::Error::invalid_type(unexpected(node), &"a name")),
        };
        result.map_err(|e| e.or_at(node.span))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

impl NodeDeserializer<'_, '_> {
    /// Marks an error of this node itself as a consequence when the node had
    /// values left out: a required key is missing because its entry (or one
    /// whose key is a likely typo of it) was left out, or a container-wide check
    /// saw fewer values than the file has.
    fn judge(&self, mut error: DeError, omitted: bool) -> DeError {
        if error.at.is_some() || !omitted {
            return error;
        }
        error.consequence = match (error.missing, &self.node.kind) {
            (Some(field), NodeKind::Map(entries)) => entries.iter().any(|entry| {
                self.skips.is_left_out(address(entry))
                    && (entry.key == field || did_you_mean(&entry.key, [field]).is_some())
            }),
            _ => true,
        };
        error
    }
}

fn unexpected(node: &Node) -> Unexpected<'_> {
    match &node.kind {
        NodeKind::Null => Unexpected::Unit,
        NodeKind::Bool(b) => Unexpected::Bool(*b),
        NodeKind::Int(i) => Unexpected::Signed(*i),
        NodeKind::Float(f) => Unexpected::Float(*f),
        NodeKind::Str(s) => Unexpected::Str(s),
        NodeKind::Seq(_) => Unexpected::Seq,
        NodeKind::Map(_) => Unexpected::Map,
    }
}

/// The next element or entry of a container that this pass visits, with its
/// address: those an earlier pass left out are passed over (and counted as
/// omitted, so that errors they cause are not reported).
fn next_visited<'de, T>(
    values: &'de [T],
    next: &mut usize,
    container: usize,
    skips: &Skips,
    omitted: &Cell<bool>,
) -> Option<(&'de T, usize)> {
    while let Some(value) = values.get(*next) {
        let (index, at) = (*next, address(value));
        *next += 1;
        if !skips.is_left_out(at) {
            return Some((value, at));
        }
        omitted.set(true);
        skips.advance(container, index);
    }
    None
}

struct Items<'de, 'a> {
    items: &'de [Node],
    next: usize,
    container: usize,
    skips: &'a Skips,
    omitted: &'a Cell<bool>,
}

impl<'de> SeqAccess<'de> for Items<'de, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some((node, at)) = next_visited(
            self.items,
            &mut self.next,
            self.container,
            self.skips,
            self.omitted,
        ) else {
            return Ok(None);
        };
        match seed.deserialize(NodeDeserializer::new(node, self.skips)) {
            Ok(value) => {
                self.skips.passed(at);
                Ok(Some(value))
            }
            Err(e) => Err(e.or_at(node.span).within(at)),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len().saturating_sub(self.next))
    }
}

struct Entries<'de, 'a> {
    entries: &'de [Entry],
    next: usize,
    container: usize,
    value: Option<&'de Entry>,
    skips: &'a Skips,
    omitted: &'a Cell<bool>,
}

impl<'de> MapAccess<'de> for Entries<'de, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((entry, at)) = next_visited(
            self.entries,
            &mut self.next,
            self.container,
            self.skips,
            self.omitted,
        ) else {
            return Ok(None);
        };
        self.value = Some(entry);
        let key: de::value::BorrowedStrDeserializer<'de, DeError> =
            de::value::BorrowedStrDeserializer::new(&entry.key);
        seed.deserialize(key)
            .map(Some)
            .map_err(|e| e.or_at(entry.key_span).within(at))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let entry = self
            .value
            .take()
            .expect("serde asks for a value after its key");
        let at = address(entry);
        match seed.deserialize(NodeDeserializer::new(&entry.value, self.skips)) {
            Ok(value) => {
                self.skips.passed(at);
                Ok(value)
            }
            Err(e) => Err(e.or_at(entry.value.span).within(at)),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len().saturating_sub(self.next))
    }
}

struct Variant<'de, 'a> {
    entry: &'de Entry,
    skips: &'a Skips,
}

impl<'de, 'a> EnumAccess<'de> for Variant<'de, 'a> {
    type Error = DeError;
    type Variant = NodeDeserializer<'de, 'a>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), DeError> {
        let key: de::value::BorrowedStrDeserializer<'de, DeError> =
            de::value::BorrowedStrDeserializer::new(&self.entry.key);
        let value = seed
            .deserialize(key)
            .map_err(|e| e.or_at(self.entry.key_span))?;
        Ok((value, NodeDeserializer::new(&self.entry.value, self.skips)))
    }
}

impl<'de> VariantAccess<'de> for NodeDeserializer<'de, '_> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }
}
