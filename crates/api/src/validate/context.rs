//! The plumbing every validation rule uses: a location (the apiserver's field path plus the
//! span to underline) and the collector of errors and warnings.

use super::field::{BadValue, FieldError};
use crate::manifest::object::{IntOrString, Node, NodeValue};
use crate::manifest::types::{FieldDef, Ty, TypeDef};
use jobscope_diagnostic::Span;
use jobscope_golang::strings::go_json_string;

/// A field path as the apiserver writes it, and the text it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loc {
    path: String,
    pub(crate) span: Span,
}

impl Loc {
    pub fn new(path: impl Into<String>, span: Span) -> Self {
        Loc {
            path: path.into(),
            span,
        }
    }

    /// The path as the apiserver prints it (`spec.template.spec.containers[0].image`).
    pub(crate) fn path(&self) -> String {
        self.path.clone()
    }

    /// This path with `parts` appended. Rules build a path for every field they look at and
    /// report on few, so this is one exact allocation rather than `format!`.
    fn extended(&self, parts: &[&str], span: Span) -> Loc {
        let mut path =
            String::with_capacity(self.path.len() + parts.iter().map(|p| p.len()).sum::<usize>());
        path.push_str(&self.path);
        for part in parts {
            path.push_str(part);
        }
        Loc { path, span }
    }

    /// `fldPath.Child(name)`, located at `node` when it exists, else at this location.
    pub(crate) fn child(&self, name: &str, node: Option<&Node>) -> Loc {
        let span = node.map_or(self.span, |n| n.span);
        if self.path.is_empty() {
            Loc::new(name, span)
        } else {
            self.extended(&[".", name], span)
        }
    }

    /// `fldPath.Child(name)` of a field of `parent`.
    pub(crate) fn field<'n>(
        &self,
        parent: Option<&'n Node>,
        name: &str,
    ) -> (Option<&'n Node>, Loc) {
        let node = parent.and_then(|p| p.get(name));
        (node, self.child(name, node))
    }

    /// `fldPath.Index(i)`.
    pub(crate) fn index(&self, index: usize, node: &Node) -> Loc {
        let mut digits = [0u8; 20];
        self.extended(
            &[
                "[",
                jobscope_golang::strings::format_decimal(index as u64, &mut digits),
                "]",
            ],
            node.span,
        )
    }

    /// `fldPath.Key(key)`, at `span`.
    pub(crate) fn key(&self, key: &str, span: Span) -> Loc {
        self.extended(&["[", key, "]"], span)
    }

    /// The same path, underlining something else.
    pub(crate) fn at(&self, span: Span) -> Loc {
        Loc {
            path: self.path.clone(),
            span,
        }
    }
}

/// A validation finding.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    Error {
        error: FieldError,
        span: Span,
    },
    /// An apiserver warning (returned with a successful create).
    Warning {
        message: String,
        span: Span,
    },
}

/// Collects findings.
#[derive(Clone, Debug, Default)]
pub struct Out {
    pub findings: Vec<Finding>,
}

impl Out {
    pub(crate) fn error(&mut self, error: FieldError, span: Span) {
        self.findings.push(Finding::Error { error, span });
    }

    pub(crate) fn invalid(&mut self, loc: &Loc, value: BadValue, detail: impl Into<String>) {
        self.error(FieldError::invalid(loc.path(), value, detail), loc.span);
    }

    pub(crate) fn required(&mut self, loc: &Loc, detail: impl Into<String>) {
        self.error(FieldError::required(loc.path(), detail), loc.span);
    }

    pub(crate) fn forbidden(&mut self, loc: &Loc, detail: impl Into<String>) {
        self.error(FieldError::forbidden(loc.path(), detail), loc.span);
    }

    pub(crate) fn not_supported(&mut self, loc: &Loc, value: BadValue, valid: &[&str]) {
        self.error(
            FieldError::not_supported(loc.path(), value, valid),
            loc.span,
        );
    }

    pub(crate) fn duplicate(&mut self, loc: &Loc, value: BadValue) {
        self.error(FieldError::duplicate(loc.path(), value), loc.span);
    }

    pub(crate) fn not_found(&mut self, loc: &Loc, value: BadValue) {
        self.error(FieldError::not_found(loc.path(), value), loc.span);
    }

    pub(crate) fn too_long(&mut self, loc: &Loc, max: i64) {
        self.error(FieldError::too_long(loc.path(), max), loc.span);
    }

    pub(crate) fn too_many(&mut self, loc: &Loc, actual: i64, max: i64) {
        self.error(FieldError::too_many(loc.path(), actual, max), loc.span);
    }

    pub(crate) fn internal(&mut self, loc: &Loc, detail: impl Into<String>) {
        self.error(FieldError::internal(loc.path(), detail), loc.span);
    }

    pub(crate) fn warning(&mut self, message: impl Into<String>, span: Span) {
        self.findings.push(Finding::Warning {
            message: message.into(),
            span,
        });
    }

    pub(crate) fn extend(&mut self, other: Out) {
        self.findings.extend(other.findings);
    }

    /// Errors found so far (for rules that depend on earlier ones).
    pub fn error_count(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| matches!(f, Finding::Error { .. }))
            .count()
    }
}

/// `ValidateNonnegativeField`.
pub(crate) fn nonnegative(value: i64, loc: &Loc, out: &mut Out) {
    if value < 0 {
        out.invalid(
            loc,
            BadValue::Int(value),
            "must be greater than or equal to 0",
        );
    }
}

/// `ValidatePositiveField`.
pub(crate) fn positive(value: i64, loc: &Loc, out: &mut Out) {
    if value <= 0 {
        out.invalid(loc, BadValue::Int(value), "must be greater than zero");
    }
}

/// Applies a `[]string` check (`IsDNS1123Label`, …) as `field.Invalid` errors.
pub(crate) fn each_invalid(messages: Vec<String>, loc: &Loc, value: &str, out: &mut Out) {
    for message in messages {
        out.invalid(loc, BadValue::Str(value.to_owned()), message);
    }
}

// Typed reads of optional nodes, the way Go code reads struct fields.

/// A string field that must not be empty: `Required value` when it is, else its value and
/// location for the checks that follow (Go's `if len(x) == 0 { Required } else { ... }`).
pub(crate) fn required_str<'n>(
    parent: &'n Node,
    key: &str,
    loc: &Loc,
    out: &mut Out,
) -> Option<(&'n str, Loc)> {
    let (node, key_loc) = loc.field(Some(parent), key);
    match str_of(node) {
        "" => {
            out.required(&key_loc, "");
            None
        }
        value => Some((value, key_loc)),
    }
}

/// An optional enum field (a `*T` in Go): when it is set, its value must be one of `allowed`
/// (listed as Go lists a `sets.Set`: sorted).
pub(crate) fn optional_one_of(value: Option<&Node>, loc: &Loc, allowed: &[&str], out: &mut Out) {
    if let Some(value) = value {
        let text = str_of(Some(value));
        if !allowed.contains(&text) {
            out.not_supported(loc, BadValue::json_string(text), allowed);
        }
    }
}

/// A required enum field: empty is `Required value: valid values: ["A" "B"]` (Go's `%q` of the
/// list), anything outside `allowed` is `Unsupported value`.
pub(crate) fn required_one_of(value: Option<&Node>, loc: &Loc, allowed: &[&str], out: &mut Out) {
    match str_of(value) {
        "" => out.required(loc, format!("valid values: {}", quoted_list(allowed))),
        text if !allowed.contains(&text) => {
            out.not_supported(loc, BadValue::json_string(text), allowed)
        }
        _ => {}
    }
}

/// `%q` of a `[]string`: `["A" "B"]`.
pub(crate) fn quoted_list(values: &[&str]) -> String {
    format!(
        "[{}]",
        values
            .iter()
            .map(|v| jobscope_golang::strings::go_strconv_quote(v))
            .collect::<Vec<_>>()
            .join(" ")
    )
}

pub(crate) fn str_of(node: Option<&Node>) -> &str {
    node.and_then(Node::as_str).unwrap_or("")
}

pub(crate) fn int_of(node: Option<&Node>) -> Option<i64> {
    node.and_then(Node::as_i64)
}

pub(crate) fn bool_of(node: Option<&Node>) -> Option<bool> {
    node.and_then(Node::as_bool)
}

pub(crate) fn items_of(node: Option<&Node>) -> &[Node] {
    node.map_or(&[], Node::items)
}

pub(crate) fn entries_of(node: Option<&Node>) -> &[(String, Node)] {
    node.map_or(&[], Node::entries)
}

/// The value as the apiserver prints it in an `Invalid value` error: strings quoted, numbers
/// and bools bare, anything else as JSON.
pub(crate) fn bad_value(node: &Node) -> BadValue {
    match &node.value {
        NodeValue::Str(text) | NodeValue::Time(text) | NodeValue::Bytes(text) => {
            BadValue::Str(text.clone())
        }
        NodeValue::Int(v) => BadValue::Int(*v),
        NodeValue::Bool(v) => BadValue::Bool(*v),
        NodeValue::Quantity(q) => BadValue::Str(q.text()),
        _ => BadValue::Json(to_json(node)),
    }
}

/// `json.Marshal` of a node: object fields in the API's order, map keys sorted (as Go does).
pub(crate) fn to_json(node: &Node) -> String {
    match &node.value {
        NodeValue::Bool(v) => v.to_string(),
        NodeValue::Int(v) => v.to_string(),
        NodeValue::Float(v) => {
            jobscope_yaml::scalar::go_json_float(*v).unwrap_or_else(|| "null".to_owned())
        }
        NodeValue::Str(text) | NodeValue::Time(text) | NodeValue::Bytes(text) => {
            go_json_string(text)
        }
        NodeValue::Quantity(q) => go_json_string(&q.text()),
        NodeValue::IntOrString(IntOrString::Int(v)) => v.to_string(),
        NodeValue::IntOrString(IntOrString::Str(text)) => go_json_string(text),
        NodeValue::List(items) => format!(
            "[{}]",
            items.iter().map(to_json).collect::<Vec<_>>().join(",")
        ),
        NodeValue::Map(entries) => {
            let mut sorted: Vec<&(String, Node)> = entries.iter().collect();
            jobscope_sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
            let parts: Vec<String> = sorted
                .iter()
                .map(|(k, v)| format!("{}:{}", go_json_string(k), to_json(v)))
                .collect();
            format!("{{{}}}", parts.join(","))
        }
        NodeValue::Object(def, fields) => {
            let mut parts = Vec::new();
            for field in def.fields {
                if let Some((_, value)) = fields.iter().find(|(name, _)| *name == field.json) {
                    parts.push(format!("{}:{}", go_json_string(field.json), to_json(value)));
                }
            }
            format!("{{{}}}", parts.join(","))
        }
        NodeValue::Any(_) => "{}".to_owned(),
    }
}

/// A string map as Go's `json.Marshal(map[string]string)` prints it.
pub(crate) fn string_map_json(entries: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = entries.iter().collect();
    jobscope_sort::sort(&mut sorted);
    let parts: Vec<String> = sorted
        .iter()
        .map(|(k, v)| format!("{}:{}", go_json_string(k), go_json_string(v)))
        .collect();
    format!("{{{}}}", parts.join(","))
}

/// `json.Marshal` of an internal (`pkg/apis/core`) struct, as `field.Invalid` prints one: the
/// internal types have no json tags, so the keys are Go's field names and every field is
/// written, unset pointers and slices as `null`.
pub(crate) fn internal_json(node: Option<&Node>, def: &TypeDef) -> String {
    let parts: Vec<String> = def
        .fields
        .iter()
        .map(|field| {
            let text = match node.and_then(|n| n.get(field.json)) {
                Some(value) => internal_value_json(value, &field.ty),
                None => internal_zero_json(field),
            };
            format!("{}:{text}", go_json_string(&go_field_name(field.json)))
        })
        .collect();
    format!("{{{}}}", parts.join(","))
}

fn internal_value_json(node: &Node, ty: &Ty) -> String {
    match ty {
        Ty::Object(def) => internal_json(Some(node), def),
        Ty::List(item, _) => {
            let items: Vec<String> = node
                .items()
                .iter()
                .map(|n| internal_value_json(n, item))
                .collect();
            format!("[{}]", items.join(","))
        }
        _ => to_json(node),
    }
}

/// The JSON of an unset field: its Go zero value.
fn internal_zero_json(field: &FieldDef) -> String {
    if field.pointer {
        return "null".to_owned();
    }
    match &field.ty {
        Ty::String | Ty::Enum(_) => "\"\"".to_owned(),
        Ty::Bool => "false".to_owned(),
        Ty::Int32 | Ty::Int64 | Ty::Float64 | Ty::IntOrString => "0".to_owned(),
        Ty::Quantity => "\"0\"".to_owned(),
        Ty::Time => "\"0001-01-01T00:00:00Z\"".to_owned(),
        Ty::Object(def) => internal_json(None, def),
        Ty::Bytes | Ty::AnyJson | Ty::List(..) | Ty::Map(..) => "null".to_owned(),
    }
}

/// The Go field name of a v1 JSON field name.
fn go_field_name(json: &str) -> String {
    match json {
        "seLinuxOptions" => "SELinuxOptions".to_owned(),
        "gmsaCredentialSpecName" => "GMSACredentialSpecName".to_owned(),
        "gmsaCredentialSpec" => "GMSACredentialSpec".to_owned(),
        _ => {
            let mut chars = json.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_build_apiserver_paths() {
        let root = Loc::new("spec", Span::new(0, 10));
        let child = root.child("template", None);
        assert_eq!(child.path(), "spec.template");
        assert_eq!(child.span, Span::new(0, 10));
        assert_eq!(
            child.key("app", Span::new(3, 4)).path(),
            "spec.template[app]"
        );
        assert_eq!(
            Loc::new("", Span::default()).child("metadata", None).path,
            "metadata"
        );
    }

    #[test]
    fn json_of_string_maps_is_sorted() {
        assert_eq!(
            string_map_json(&[("b".into(), "2".into()), ("a".into(), "1".into())]),
            "{\"a\":\"1\",\"b\":\"2\"}"
        );
    }
}
