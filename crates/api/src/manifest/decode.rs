//! Strict decoding of a document's JSON into the API schema, as the apiserver does it for a
//! Job or CronJob (sigs.k8s.io/json with unknown fields disallowed, case-sensitive): wrong types,
//! unknown fields and unparseable quantities, each with the apiserver's text and a position.
//!
//! The apiserver stops at the first type error; we go on and report every one, since a user
//! fixes them all anyway.

use super::object::{IntOrString, Node, NodeValue};
use super::quantity::Quantity;
use super::types::{FieldDef, Ty, TypeDef};
use jobscope_diagnostic::Span;
use jobscope_yaml::{Value, ValueKind};

/// Why a part of the document does not decode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub kind: DecodeErrorKind,
    /// The apiserver's message for this error alone (without the `Job in version …` prefix).
    pub message: String,
    /// The field path with list indices and map keys (`spec.template.spec.containers[0].image`).
    pub field: String,
    pub span: Span,
    /// A plain YAML scalar read as a `boolean` or `number` where a string was expected.
    pub quote_hint: Option<&'static str>,
    /// For an unknown field: the known field it most likely means.
    pub suggestion: Option<&'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// `json: cannot unmarshal …`, or a custom type's own error (quantities, times).
    WrongType,
    /// `unknown field "…"`.
    UnknownField,
}

struct Decoder {
    errors: Vec<DecodeError>,
    /// Struct field names from the root (no indices, no map keys): encoding/json's FieldStack.
    field_stack: Vec<&'static str>,
    /// The innermost struct being decoded, for `Go struct field <Struct>.<path>`.
    struct_name: &'static str,
}

/// Decodes a document against a root type (`Job`, `CronJob`).
pub(crate) fn decode_object(value: &Value, root: &'static TypeDef) -> (Node, Vec<DecodeError>) {
    let mut decoder = Decoder {
        errors: Vec::new(),
        field_stack: Vec::new(),
        struct_name: "",
    };
    let node = decoder
        .object(value, root, "")
        .unwrap_or_else(|| Node::object(root, value.span));
    (node, decoder.errors)
}

/// `path.key`: every field decoded gets one, so this is one
/// exact allocation rather than `format!`.
fn join_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        return key.to_owned();
    }
    let mut joined = String::with_capacity(path.len() + key.len() + 1);
    joined.push_str(path);
    joined.push('.');
    joined.push_str(key);
    joined
}

fn subscript_path(path: &str, subscript: &str) -> String {
    let mut joined = String::with_capacity(path.len() + subscript.len() + 2);
    joined.push_str(path);
    joined.push('[');
    joined.push_str(subscript);
    joined.push(']');
    joined
}

impl Decoder {
    fn type_error(&mut self, value: &Value, go_type: &str, path: &str, expected_string: bool) {
        let described = match value.kind {
            ValueKind::Int(_) | ValueKind::Uint(_) | ValueKind::Float(_)
                if !expected_string && is_int_type(go_type) =>
            {
                format!("number {}", value.number_text().unwrap_or_default())
            }
            _ => value.json_type().to_owned(),
        };
        let message = if self.field_stack.is_empty() {
            format!("json: cannot unmarshal {described} into Go value of type {go_type}")
        } else {
            format!(
                "json: cannot unmarshal {described} into Go struct field {}.{} of type {go_type}",
                self.struct_name,
                self.field_stack.join(".")
            )
        };
        let quote_hint = match value.kind {
            _ if !expected_string || !value.plain => None,
            ValueKind::Bool(_) => Some("boolean"),
            ValueKind::Int(_) | ValueKind::Uint(_) | ValueKind::Float(_) => Some("number"),
            _ => None,
        };
        self.errors.push(DecodeError {
            kind: DecodeErrorKind::WrongType,
            message,
            field: path.to_owned(),
            span: value.span,
            quote_hint,
            suggestion: None,
        });
    }

    fn custom_error(&mut self, value: &Value, message: String, path: &str) {
        self.errors.push(DecodeError {
            kind: DecodeErrorKind::WrongType,
            message,
            field: path.to_owned(),
            span: value.span,
            quote_hint: None,
            suggestion: None,
        });
    }

    fn object(&mut self, value: &Value, def: &'static TypeDef, path: &str) -> Option<Node> {
        let ValueKind::Map(entries) = &value.kind else {
            if value.kind != ValueKind::Null {
                self.type_error(value, &format!("v1.{}", def.name), path, false);
            }
            return None;
        };
        let outer_struct = self.struct_name;
        let mut fields = Vec::with_capacity(entries.len());
        for entry in entries {
            let field_path = join_path(path, &entry.key);
            let Some(field) = def.field(&entry.key) else {
                self.errors.push(DecodeError {
                    kind: DecodeErrorKind::UnknownField,
                    message: format!(
                        "unknown field {}",
                        jobscope_golang::strings::go_strconv_quote(&field_path)
                    ),
                    field: field_path,
                    span: entry.key_span,
                    quote_hint: None,
                    suggestion: suggest_field(def, &entry.key),
                });
                continue;
            };
            self.field_stack.push(field.json);
            self.struct_name = def.name;
            let decoded = self.field(&entry.value, field, &field_path);
            self.field_stack.pop();
            if let Some(mut node) = decoded {
                node.key_span = Some(entry.key_span);
                fields.push((field.json, node));
            }
        }
        self.struct_name = outer_struct;
        Some(Node::new(NodeValue::Object(def, fields), value.span))
    }

    fn field(&mut self, value: &Value, field: &'static FieldDef, path: &str) -> Option<Node> {
        self.value(value, &field.ty, field.go, path)
    }

    /// Decodes a value of kind `ty`; `go` is its Go type for messages. Null gives nothing.
    fn value(&mut self, value: &Value, ty: &'static Ty, go: &str, path: &str) -> Option<Node> {
        if value.kind == ValueKind::Null {
            return None;
        }
        let node = |v: NodeValue| Some(Node::new(v, value.span));
        match ty {
            Ty::String | Ty::Enum(_) => match &value.kind {
                ValueKind::Str(text) => node(NodeValue::Str(text.clone())),
                _ => {
                    self.type_error(value, go, path, true);
                    None
                }
            },
            Ty::Bool => match value.kind {
                ValueKind::Bool(flag) => node(NodeValue::Bool(flag)),
                _ => {
                    self.type_error(value, go, path, false);
                    None
                }
            },
            Ty::Int32 | Ty::Int64 => {
                let (min, max) = if matches!(ty, Ty::Int32) {
                    (i64::from(i32::MIN), i64::from(i32::MAX))
                } else {
                    (i64::MIN, i64::MAX)
                };
                match integer(value) {
                    Some(v) if (min..=max).contains(&v) => node(NodeValue::Int(v)),
                    _ => {
                        self.type_error(value, go, path, false);
                        None
                    }
                }
            }
            Ty::Float64 => match value.kind {
                ValueKind::Int(v) => node(NodeValue::Float(v as f64)),
                ValueKind::Uint(v) => node(NodeValue::Float(v as f64)),
                ValueKind::Float(v) => node(NodeValue::Float(v)),
                _ => {
                    self.type_error(value, go, path, false);
                    None
                }
            },
            Ty::Bytes => match &value.kind {
                ValueKind::Str(text) => node(NodeValue::Bytes(text.clone())),
                _ => {
                    self.type_error(value, go, path, false);
                    None
                }
            },
            Ty::Quantity => {
                // Quantity.UnmarshalJSON: strings and numbers are parsed; anything else is
                // parsed as its raw JSON text and fails the same way.
                let text = match &value.kind {
                    ValueKind::Str(text) => text.trim().to_owned(),
                    ValueKind::Bool(flag) => flag.to_string(),
                    _ => value.number_text().unwrap_or_else(|| "{".to_owned()),
                };
                match Quantity::parse(&text) {
                    Ok(q) => node(NodeValue::Quantity(q)),
                    Err(message) => {
                        self.custom_error(value, message.to_owned(), path);
                        None
                    }
                }
            }
            Ty::IntOrString => match &value.kind {
                ValueKind::Str(text) => {
                    node(NodeValue::IntOrString(IntOrString::Str(text.clone())))
                }
                _ => match integer(value).and_then(|v| i32::try_from(v).ok()) {
                    Some(v) => node(NodeValue::IntOrString(IntOrString::Int(v))),
                    None => {
                        let described = match value.kind {
                            ValueKind::Int(_) | ValueKind::Uint(_) | ValueKind::Float(_) => {
                                format!("number {}", value.number_text().unwrap_or_default())
                            }
                            _ => value.json_type().to_owned(),
                        };
                        self.custom_error(
                            value,
                            format!(
                                "json: cannot unmarshal {described} into Go value of type int32"
                            ),
                            path,
                        );
                        None
                    }
                },
            },
            Ty::Time => match &value.kind {
                ValueKind::Str(text) => match check_rfc3339(text) {
                    Ok(()) => node(NodeValue::Time(text.clone())),
                    Err(message) => {
                        self.custom_error(value, message, path);
                        None
                    }
                },
                _ => {
                    self.custom_error(
                        value,
                        format!(
                            "json: cannot unmarshal {} into Go value of type string",
                            value.json_type()
                        ),
                        path,
                    );
                    None
                }
            },
            Ty::AnyJson => node(NodeValue::Any(value.clone())),
            Ty::Object(def) => self.object(value, def, path),
            Ty::List(element, element_go) => {
                let ValueKind::Seq(items) = &value.kind else {
                    self.type_error(value, go, path, false);
                    return None;
                };
                let mut nodes = Vec::with_capacity(items.len());
                for (index, item) in items.iter().enumerate() {
                    let item_path = subscript_path(path, &index.to_string());
                    let decoded = match item.kind {
                        // A null element becomes the element type's zero value.
                        ValueKind::Null => Some(zero(element, item.span)),
                        _ => self.value(item, element, element_go, &item_path),
                    };
                    if let Some(decoded) = decoded {
                        nodes.push(decoded);
                    } else {
                        nodes.push(zero(element, item.span));
                    }
                }
                node(NodeValue::List(nodes))
            }
            Ty::Map(element, element_go) => {
                let ValueKind::Map(entries) = &value.kind else {
                    self.type_error(value, go, path, false);
                    return None;
                };
                let mut nodes = Vec::with_capacity(entries.len());
                for entry in entries {
                    let entry_path = subscript_path(path, &entry.key);
                    let decoded = match entry.value.kind {
                        ValueKind::Null => Some(zero(element, entry.value.span)),
                        _ => self.value(&entry.value, element, element_go, &entry_path),
                    };
                    if let Some(mut decoded) = decoded {
                        decoded.key_span = Some(entry.key_span);
                        nodes.push((entry.key.clone(), decoded));
                    }
                }
                node(NodeValue::Map(nodes))
            }
        }
    }
}

/// The field of `def` an unknown key most likely means: same letters in another case, or at
/// most two edits away.
fn suggest_field(def: &'static TypeDef, key: &str) -> Option<&'static str> {
    use jobscope_golang::strings::go_to_lower;
    let lower = go_to_lower(key);
    // Each field name lowered once, for both tests.
    let fields: Vec<(String, &'static str)> = def
        .fields
        .iter()
        .map(|f| (go_to_lower(f.json), f.json))
        .collect();
    if let Some(&(_, json)) = fields.iter().find(|(name, _)| *name == lower) {
        return Some(json);
    }
    fields
        .iter()
        .map(|(name, json)| (edit_distance(&lower, name), *json))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, json)| json)
}

/// Levenshtein distance (small strings only: field names).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// The value as an integer, if JSON would give one (`1e3` is the float 1000, written `1000`).
fn integer(value: &Value) -> Option<i64> {
    match value.kind {
        ValueKind::Int(v) => Some(v),
        ValueKind::Uint(v) => i64::try_from(v).ok(),
        ValueKind::Float(_) => value.number_text().and_then(|text| text.parse().ok()),
        _ => None,
    }
}

fn is_int_type(go: &str) -> bool {
    matches!(go, "int32" | "int64" | "int" | "uint16" | "int16")
}

/// The zero value of a kind, for null list elements and map values.
fn zero(ty: &'static Ty, span: Span) -> Node {
    let value = match ty {
        Ty::String | Ty::Enum(_) => NodeValue::Str(String::new()),
        Ty::Bool => NodeValue::Bool(false),
        Ty::Int32 | Ty::Int64 => NodeValue::Int(0),
        Ty::Float64 => NodeValue::Float(0.0),
        Ty::Bytes => NodeValue::Bytes(String::new()),
        Ty::Quantity => NodeValue::Quantity(Quantity::zero()),
        Ty::IntOrString => NodeValue::IntOrString(IntOrString::Int(0)),
        Ty::Time => NodeValue::Time(String::new()),
        Ty::AnyJson => NodeValue::Any(Value {
            kind: ValueKind::Null,
            span,
            plain: false,
        }),
        Ty::Object(def) => NodeValue::Object(def, Vec::new()),
        Ty::List(..) => NodeValue::List(Vec::new()),
        Ty::Map(..) => NodeValue::Map(Vec::new()),
    };
    Node::new(value, span)
}

/// `metav1.Time.UnmarshalJSON`: Go's `time.Parse(time.RFC3339, s)`, with Go's error text.
fn check_rfc3339(text: &str) -> Result<(), String> {
    jobscope_golang::time::go_parse_rfc3339(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::schema::BATCH_JOB;
    use jobscope_yaml::parse_stream;

    fn decode(text: &str) -> (Node, Vec<DecodeError>) {
        let stream = parse_stream(text);
        decode_object(stream.documents[0].value.as_ref().unwrap(), &BATCH_JOB)
    }

    fn messages(text: &str) -> Vec<(String, String)> {
        decode(text)
            .1
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect()
    }

    #[test]
    fn decodes_a_job() {
        let (job, errors) = decode(
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  parallelism: 2\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl\n        resources: {limits: {cpu: 500m}}\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            job.at(&["spec", "parallelism"]).and_then(Node::as_i64),
            Some(2)
        );
        let container = &job
            .at(&["spec", "template", "spec", "containers"])
            .unwrap()
            .items()[0];
        assert_eq!(container.get("image").and_then(Node::as_str), Some("perl"));
        assert_eq!(
            container
                .at(&["resources", "limits", "cpu"])
                .and_then(Node::as_quantity)
                .map(|q| q.text()),
            Some("500m".into())
        );
    }

    #[test]
    fn wrong_types_read_as_the_apiserver_reports_them() {
        assert_eq!(
            messages("spec:\n  parallelism: \"2\"\n"),
            [("spec.parallelism".into(), "json: cannot unmarshal string into Go struct field JobSpec.spec.parallelism of type int32".into())]
        );
        assert_eq!(
            messages("spec:\n  parallelism: 1.5\n"),
            [("spec.parallelism".into(), "json: cannot unmarshal number 1.5 into Go struct field JobSpec.spec.parallelism of type int32".into())]
        );
        assert_eq!(
            messages("spec:\n  template:\n    spec:\n      containers:\n      - command: [echo, yes]\n"),
            [(
                "spec.template.spec.containers[0].command[1]".into(),
                "json: cannot unmarshal bool into Go struct field Container.spec.template.spec.containers.command of type string".into()
            )]
        );
        assert_eq!(
            messages("metadata:\n  labels:\n    enabled: on\n"),
            [("metadata.labels[enabled]".into(), "json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string".into())]
        );
        assert_eq!(
            messages("spec:\n  template:\n    spec:\n      containers:\n      - env:\n        - name: PORT\n          value: 8080\n"),
            [(
                "spec.template.spec.containers[0].env[0].value".into(),
                "json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string".into()
            )]
        );
        assert_eq!(
            messages("spec: []\n"),
            [(
                "spec".into(),
                "json: cannot unmarshal array into Go struct field Job.spec of type v1.JobSpec"
                    .into()
            )]
        );
        assert_eq!(
            messages("spec:\n  template:\n    spec:\n      restartPolicy: 5\n"),
            [("spec.template.spec.restartPolicy".into(), "json: cannot unmarshal number into Go struct field PodSpec.spec.template.spec.restartPolicy of type v1.RestartPolicy".into())]
        );
        assert_eq!(
            decode(
                "spec:\n  template:\n    spec:\n      containers:\n      - command: [echo, yes]\n"
            )
            .1[0]
                .quote_hint,
            Some("boolean")
        );
    }

    #[test]
    fn yaml_numbers_that_are_json_integers_decode() {
        let (job, errors) = decode("spec:\n  parallelism: 1e3\n  completions: 0755\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            job.at(&["spec", "parallelism"]).and_then(Node::as_i64),
            Some(1000)
        );
        assert_eq!(
            job.at(&["spec", "completions"]).and_then(Node::as_i64),
            Some(493)
        );
    }

    #[test]
    fn unknown_fields_are_strict_errors() {
        assert_eq!(
            messages(
                "spec:\n  retries: 3\n  template:\n    spec:\n      containers:\n      - name: a\n        imagePullPolice: Always\n"
            ),
            [
                (
                    "spec.retries".into(),
                    "unknown field \"spec.retries\"".into()
                ),
                (
                    "spec.template.spec.containers[0].imagePullPolice".into(),
                    "unknown field \"spec.template.spec.containers[0].imagePullPolice\"".into()
                )
            ]
        );
    }

    #[test]
    fn unknown_fields_get_suggestions() {
        let errors = decode("spec:\n  template:\n    spec:\n      containers:\n      - name: a\n        imagePullPolice: Always\n        Image: x\n").1;
        assert_eq!(errors[0].suggestion, Some("imagePullPolicy"));
        assert_eq!(errors[1].suggestion, Some("image"));
    }

    #[test]
    fn quantities_and_int_or_strings() {
        assert_eq!(
            messages(
                "spec:\n  template:\n    spec:\n      containers:\n      - resources: {limits: {memory: 1GB}}\n"
            ),
            [(
                "spec.template.spec.containers[0].resources.limits[memory]".into(),
                crate::manifest::quantity::FORMAT_WRONG.into()
            )]
        );
        assert_eq!(
            messages(
                "spec:\n  template:\n    spec:\n      containers:\n      - resources: {limits: {cpu: true}}\n"
            ),
            [(
                "spec.template.spec.containers[0].resources.limits[cpu]".into(),
                crate::manifest::quantity::FORMAT_WRONG.into()
            )]
        );
        let (job, errors) = decode(
            "spec:\n  template:\n    spec:\n      containers:\n      - resources: {requests: {cpu: 0.5}}\n        livenessProbe: {httpGet: {port: http}}\n",
        );
        assert!(errors.is_empty());
        let container = &job
            .at(&["spec", "template", "spec", "containers"])
            .unwrap()
            .items()[0];
        assert_eq!(
            container
                .at(&["resources", "requests", "cpu"])
                .and_then(Node::as_quantity)
                .map(|q| q.text()),
            Some("500m".into())
        );
        assert_eq!(
            container
                .at(&["livenessProbe", "httpGet", "port"])
                .and_then(Node::as_int_or_string),
            Some(&IntOrString::Str("http".into()))
        );
    }
}
