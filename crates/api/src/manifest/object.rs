//! The decoded API object: a tree of typed nodes, each with the span of the YAML it came from
//! and whether the apiserver's defaulting put it there.

use super::quantity::Quantity;
use super::types::TypeDef;
use jobscope_diagnostic::Span;
use jobscope_yaml::Value;

/// An `intstr.IntOrString`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntOrString {
    Int(i32),
    Str(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Quantity(Quantity),
    IntOrString(IntOrString),
    Time(String),
    Bytes(String),
    List(Vec<Node>),
    /// A `map[string]…`, in written order.
    Map(Vec<(String, Node)>),
    /// A struct: its type and the fields that are set, in written order.
    Object(&'static TypeDef, Vec<(&'static str, Node)>),
    /// Free-form JSON.
    Any(Value),
}

/// One value of the object.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: NodeValue,
    /// The YAML value's span; for defaulted nodes, the span of the object they were added to.
    pub span: Span,
    /// Where the key naming this node is written (fields and map entries).
    pub key_span: Option<Span>,
    /// Added by apiserver defaulting, not written by the user.
    pub defaulted: bool,
}

impl Node {
    pub(crate) fn new(value: NodeValue, span: Span) -> Self {
        Node {
            value,
            span,
            key_span: None,
            defaulted: false,
        }
    }

    pub fn object(ty: &'static TypeDef, span: Span) -> Self {
        Node::new(NodeValue::Object(ty, Vec::new()), span)
    }

    /// A field of an object, or an entry of a map.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            NodeValue::Object(_, fields) => fields
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, node)| node),
            NodeValue::Map(entries) => entries
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, node)| node),
            _ => None,
        }
    }

    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match &mut self.value {
            NodeValue::Object(_, fields) => fields
                .iter_mut()
                .find(|(name, _)| *name == key)
                .map(|(_, node)| node),
            NodeValue::Map(entries) => entries
                .iter_mut()
                .find(|(name, _)| name == key)
                .map(|(_, node)| node),
            _ => None,
        }
    }

    /// Follows a path of field names.
    pub fn at(&self, path: &[&str]) -> Option<&Node> {
        path.iter().try_fold(self, |node, key| node.get(key))
    }

    pub(crate) fn at_mut(&mut self, path: &[&str]) -> Option<&mut Node> {
        let mut node = self;
        for key in path {
            node = node.get_mut(key)?;
        }
        Some(node)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            NodeValue::Str(text) | NodeValue::Time(text) | NodeValue::Bytes(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self.value {
            NodeValue::Int(v) => Some(v),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            NodeValue::Bool(v) => Some(v),
            _ => None,
        }
    }

    pub fn as_quantity(&self) -> Option<&Quantity> {
        match &self.value {
            NodeValue::Quantity(q) => Some(q),
            _ => None,
        }
    }

    pub fn as_int_or_string(&self) -> Option<&IntOrString> {
        match &self.value {
            NodeValue::IntOrString(v) => Some(v),
            _ => None,
        }
    }

    /// The items of a list (empty for anything else).
    pub fn items(&self) -> &[Node] {
        match &self.value {
            NodeValue::List(items) => items,
            _ => &[],
        }
    }

    /// The entries of a map (empty for anything else).
    pub fn entries(&self) -> &[(String, Node)] {
        match &self.value {
            NodeValue::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The fields of an object (empty for anything else).
    pub(crate) fn fields(&self) -> &[(&'static str, Node)] {
        match &self.value {
            NodeValue::Object(_, fields) => fields,
            _ => &[],
        }
    }

    /// Sets a field of an object (replacing it), or an entry of a map.
    pub(crate) fn set(&mut self, key: &'static str, node: Node) {
        match &mut self.value {
            NodeValue::Object(_, fields) => {
                match fields.iter_mut().find(|(name, _)| *name == key) {
                    Some(slot) => slot.1 = node,
                    None => fields.push((key, node)),
                }
            }
            NodeValue::Map(entries) => match entries.iter_mut().find(|(name, _)| name == key) {
                Some(slot) => slot.1 = node,
                None => entries.push((key.to_owned(), node)),
            },
            _ => {}
        }
    }

    pub(crate) fn remove(&mut self, key: &str) {
        match &mut self.value {
            NodeValue::Object(_, fields) => fields.retain(|(name, _)| *name != key),
            NodeValue::Map(entries) => entries.retain(|(name, _)| name != key),
            _ => {}
        }
    }

    /// Sets a field only when it is absent, marking it as defaulted. Returns the field (none
    /// when this node is not an object or map).
    pub(crate) fn default_field(
        &mut self,
        key: &'static str,
        value: NodeValue,
    ) -> Option<&mut Node> {
        if self.get(key).is_none() {
            let span = Span::new(self.span.start, self.span.start);
            self.set(
                key,
                Node {
                    value,
                    span,
                    key_span: None,
                    defaulted: true,
                },
            );
        }
        self.get_mut(key)
    }
}
