//! What kubectl (`apply -f` or `create -f`, for an object not yet in the cluster) does to a
//! document before sending it, as far as the apiserver's answer depends on it.
//!
//! kubectl reads each document into an `unstructured.Unstructured` and fills an empty namespace
//! from its context (`SetNamespace` visitor). `kubectl apply` then stores the object's JSON in
//! the `kubectl.kubernetes.io/last-applied-configuration` annotation
//! (`util.CreateApplyAnnotation`), removes null map values (`pruneNullsFromMap`, after the
//! annotation is computed) and POSTs it; `kubectl create` updates that annotation only when
//! the manifest already carries it (`util.CreateOrUpdateAnnotation` without `--save-config`).
//! Both create through `resource.Helper.Create(ns, modify=true, obj)`, which clears
//! `metadata.resourceVersion`. The consequences:
//!
//! - a namespace that is not a non-empty string is replaced by the context's (`GetNamespace`
//!   reads it as "");
//! - when the annotation is written and the top-level `metadata.annotations` is not a map of
//!   strings (nulls count as ""), `GetAnnotations` reads nothing and `SetAnnotations` replaces
//!   the whole map: every annotation written is dropped, only the last-applied one is sent;
//! - the last-applied annotation counts towards the apiserver's 256 KiB annotation limit; its
//!   value is `json.NewEncoder(w).Encode(object)` (sorted keys, HTML-safe escaping, a trailing
//!   newline) of the object without that annotation;
//! - `labels: {a: null}` loses `a` under apply (other paths decode it as `a: ""`);
//! - a `resourceVersion` string never reaches the apiserver (so never its "should not be set on
//!   objects to be created"); the accessor reads a non-string as "" and leaves it, for the
//!   apiserver's type error.

use super::client::ClientPath;
use jobscope_diagnostic::Span;
use jobscope_golang::strings::{go_json_string, go_json_string_len};
use jobscope_yaml::scalar::go_json_float;
use jobscope_yaml::{Entry, Value, ValueKind};

/// The annotation `kubectl apply` keeps the applied configuration in.
pub(crate) const LAST_APPLIED_ANNOTATION: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// The namespace kubectl fills in when the document has none (the context's, usually this).
const CONTEXT_NAMESPACE: &str = "default";

/// A value kubectl cannot read as an annotation, so every annotation is dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadableAnnotation {
    /// The annotation's key, or `None` when `metadata.annotations` itself is not a map.
    pub key: Option<String>,
    /// The value as JSON text (what kubectl's error would show).
    pub shown: String,
    /// Its JSON type (`number`, `bool`, `object`, …).
    pub json_type: &'static str,
    pub span: Span,
}

/// A document as kubectl sends it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Applied {
    /// The object the apiserver decodes, minus the last-applied annotation (which exists only
    /// for the size check, not in the model).
    pub(crate) value: Value,
    /// The bytes (key and value) the last-applied annotation adds to `metadata.annotations`;
    /// 0 when kubectl cannot set it (`metadata` is not a map).
    pub(crate) last_applied_bytes: usize,
    pub(crate) unreadable_annotations: Vec<UnreadableAnnotation>,
    /// A written namespace kubectl ignores (not a string), with its JSON type.
    pub(crate) ignored_namespace: Option<(Span, &'static str)>,
    /// A `metadata.resourceVersion` kubectl removes before creating.
    pub(crate) cleared_resource_version: Option<Span>,
}

/// Applies the client's changes to a document's value (a JSON object; anything else is
/// returned unchanged, the apiserver refuses it later). A direct API request changes nothing.
pub(crate) fn prepare(value: &Value, client: ClientPath) -> Applied {
    let mut applied = Applied {
        value: value.clone(),
        last_applied_bytes: 0,
        unreadable_annotations: Vec::new(),
        ignored_namespace: None,
        cleared_resource_version: None,
    };
    let ValueKind::Map(top) = &value.kind else {
        return applied;
    };
    if !client.is_kubectl() {
        return applied;
    }
    // `sent` is the object kubectl encodes into the annotation; `applied.value` is what the
    // apiserver decodes, minus that annotation.
    let mut sent_top = top.clone();
    let at_start = Span::new(value.span.start, value.span.start);
    let metadata = top.iter().find(|e| e.key == "metadata");
    let sent_metadata = match metadata.map(|e| &e.value.kind) {
        // No metadata: kubectl's SetNestedField creates it.
        None => Some(Vec::new()),
        Some(ValueKind::Map(fields)) => Some(fields.clone()),
        // null or a scalar: SetNestedField fails silently, nothing is added.
        Some(_) => None,
    };
    let Some(mut sent_fields) = sent_metadata else {
        finish(&mut applied, client);
        return applied;
    };
    let mut decoded_fields = sent_fields.clone();

    // The namespace: GetNamespace reads a non-string as "", and "" is filled from the context.
    let namespace = sent_fields.iter().find(|e| e.key == "namespace");
    let keeps_namespace = matches!(
        namespace.map(|e| &e.value.kind),
        Some(ValueKind::Str(text)) if !text.is_empty()
    );
    if !keeps_namespace {
        if let Some(entry) = namespace
            && !matches!(entry.value.kind, ValueKind::Null | ValueKind::Str(_))
        {
            applied.ignored_namespace = Some((entry.value.span, entry.value.json_type()));
        }
        set_field(
            &mut sent_fields,
            "namespace",
            string_value(CONTEXT_NAMESPACE, at_start),
        );
        // Treated as absent: the apiserver gets a valid namespace either way.
        decoded_fields.retain(|e| e.key != "namespace");
    }

    // The annotations: read as map[string]string (nulls as ""), or not at all.
    let annotations = sent_fields.iter().find(|e| e.key == "annotations");
    let readable: Option<Vec<Entry>> = match annotations.map(|e| &e.value) {
        None => None,
        Some(value) => match &value.kind {
            ValueKind::Null => None,
            ValueKind::Map(entries) => {
                let bad: Vec<&Entry> = entries
                    .iter()
                    .filter(|e| !matches!(e.value.kind, ValueKind::Str(_) | ValueKind::Null))
                    .collect();
                for entry in &bad {
                    applied.unreadable_annotations.push(UnreadableAnnotation {
                        key: Some(entry.key.clone()),
                        shown: json_text(&entry.value),
                        json_type: entry.value.json_type(),
                        span: entry.value.span,
                    });
                }
                bad.is_empty().then(|| entries.clone())
            }
            _ => {
                applied.unreadable_annotations.push(UnreadableAnnotation {
                    key: None,
                    shown: json_text(value),
                    json_type: value.json_type(),
                    span: value.span,
                });
                None
            }
        },
    };
    let mut readable_for_send = readable.clone();
    if let Some(entries) = &mut readable_for_send {
        entries.retain(|e| e.key != LAST_APPLIED_ANNOTATION);
        for entry in entries.iter_mut() {
            if entry.value.kind == ValueKind::Null {
                entry.value.kind = ValueKind::Str(String::new());
            }
        }
    }
    // `kubectl create` rewrites them only to update a last-applied annotation already there.
    let writes_annotation = match client {
        ClientPath::KubectlApply => true,
        ClientPath::KubectlCreate => readable.as_ref().is_some_and(|entries| {
            entries.iter().any(|e| {
                e.key == LAST_APPLIED_ANNOTATION
                    && matches!(&e.value.kind, ValueKind::Str(text) if !text.is_empty())
            })
        }),
        ClientPath::Api => false,
    };
    if !writes_annotation {
        applied.unreadable_annotations.clear();
        applied.value = with_metadata(&applied.value, metadata, decoded_fields);
        finish(&mut applied, client);
        return applied;
    }
    let annotations_span = annotations.map_or(at_start, |e| e.value.span);
    let sent_annotations = Value {
        kind: ValueKind::Map(readable_for_send.clone().unwrap_or_default()),
        span: annotations_span,
        plain: false,
    };
    set_field(&mut sent_fields, "annotations", sent_annotations.clone());
    if !applied.unreadable_annotations.is_empty() || readable_for_send.is_some() {
        // What the apiserver receives besides the last-applied annotation.
        set_field(&mut decoded_fields, "annotations", sent_annotations);
    }

    set_field(
        &mut sent_top,
        "metadata",
        Value {
            kind: ValueKind::Map(sent_fields),
            span: at_start,
            plain: false,
        },
    );
    let sent = Value {
        kind: ValueKind::Map(sent_top),
        span: value.span,
        plain: false,
    };
    // json.Encoder.Encode ends the text with a newline.
    applied.last_applied_bytes = LAST_APPLIED_ANNOTATION.len() + go_json_len(&sent) + 1;
    applied.value = with_metadata(&applied.value, metadata, decoded_fields);
    finish(&mut applied, client);
    applied
}

/// What kubectl does after the annotation: apply prunes null map values; both send the object
/// through the unstructured round trip and `Helper.Create`.
fn finish(applied: &mut Applied, client: ClientPath) {
    round_trip(&mut applied.value, client == ClientPath::KubectlApply);
    clear_resource_version(applied);
}

/// The object with `metadata` replaced by `fields` (when it has a `metadata` map to replace).
fn with_metadata(value: &Value, metadata: Option<&Entry>, fields: Vec<Entry>) -> Value {
    let mut value = value.clone();
    if let (ValueKind::Map(top), Some(metadata)) = (&mut value.kind, metadata) {
        set_field(
            top,
            "metadata",
            Value {
                kind: ValueKind::Map(fields),
                span: metadata.value.span,
                plain: false,
            },
        );
    }
    value
}

/// `resource.Helper.Create` with `modify`: a non-empty string `metadata.resourceVersion` is
/// removed (the accessor reads anything else as "" and leaves it).
fn clear_resource_version(applied: &mut Applied) {
    let ValueKind::Map(top) = &mut applied.value.kind else {
        return;
    };
    let Some(ValueKind::Map(fields)) = top
        .iter_mut()
        .find(|e| e.key == "metadata")
        .map(|e| &mut e.value.kind)
    else {
        return;
    };
    if let Some(at) = fields.iter().position(|e| {
        e.key == "resourceVersion" && matches!(&e.value.kind, ValueKind::Str(t) if !t.is_empty())
    }) {
        applied.cleared_resource_version = Some(fields.remove(at).value.span);
    }
}

/// The object as kubectl sends it, one walk for two things: its unstructured round trip
/// (`UnmarshalCaseSensitivePreserveInts`) turns an integer beyond int64 into a float64, so the
/// apiserver's errors print it as Go prints that float (`18446744073709552000`); and with
/// `prune_nulls`, `kubectl apply`'s `pruneNullsFromMap` removes map entries whose value is null,
/// in maps at any depth (through lists, whose null items stay).
fn round_trip(value: &mut Value, prune_nulls: bool) {
    match &mut value.kind {
        ValueKind::Uint(v) if i64::try_from(*v).is_err() => {
            // Precision lost on purpose: Go reads it as a float64 too.
            value.kind = ValueKind::Float(*v as f64);
        }
        ValueKind::Map(entries) => {
            if prune_nulls {
                entries.retain(|e| e.value.kind != ValueKind::Null);
            }
            for entry in entries {
                round_trip(&mut entry.value, prune_nulls);
            }
        }
        ValueKind::Seq(items) => {
            for item in items {
                round_trip(item, prune_nulls);
            }
        }
        _ => {}
    }
}

fn string_value(text: &str, span: Span) -> Value {
    Value {
        kind: ValueKind::Str(text.to_owned()),
        span,
        plain: false,
    }
}

/// Sets a key of a JSON object, in place when it exists.
fn set_field(entries: &mut Vec<Entry>, key: &str, value: Value) {
    match entries.iter_mut().find(|e| e.key == key) {
        Some(entry) => entry.value = value,
        None => entries.push(Entry {
            key: key.to_owned(),
            key_span: value.span,
            value,
        }),
    }
}

/// A number as kubectl re-encodes it: `utiljson.Unmarshal` keeps integers that fit an int64
/// (no '.' in the text) and reads the rest as float64; `json.Marshal` prints each back.
fn number_text(value: &Value) -> Option<String> {
    match value.kind {
        ValueKind::Int(v) => Some(v.to_string()),
        ValueKind::Uint(v) => Some(match i64::try_from(v) {
            Ok(v) => v.to_string(),
            // Precision lost on purpose: Go reads it as a float64 too.
            Err(_) => go_json_float(v as f64).unwrap_or_default(),
        }),
        ValueKind::Float(v) => {
            let text = go_json_float(v)?;
            if !text.contains('.')
                && let Ok(int) = text.parse::<i64>()
            {
                return Some(int.to_string());
            }
            Some(text)
        }
        _ => None,
    }
}

/// The JSON text of a value, as `json.Marshal` writes it.
pub(crate) fn json_text(value: &Value) -> String {
    let mut out = String::new();
    write_json(value, &mut out);
    out
}

fn write_json(value: &Value, out: &mut String) {
    match &value.kind {
        ValueKind::Null => out.push_str("null"),
        ValueKind::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        ValueKind::Int(_) | ValueKind::Uint(_) | ValueKind::Float(_) => {
            out.push_str(&number_text(value).unwrap_or_else(|| "null".to_owned()));
        }
        ValueKind::Str(text) => out.push_str(&go_json_string(text)),
        ValueKind::Seq(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        ValueKind::Map(entries) => {
            let mut sorted: Vec<&Entry> = entries.iter().collect();
            jobscope_sort::sort_by(&mut sorted, |a, b| a.key.cmp(&b.key));
            out.push('{');
            for (index, entry) in sorted.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                out.push_str(&go_json_string(&entry.key));
                out.push(':');
                write_json(&entry.value, out);
            }
            out.push('}');
        }
    }
}

/// The length of `json.Marshal(value)`, without building the text of the whole object.
fn go_json_len(value: &Value) -> usize {
    match &value.kind {
        ValueKind::Null | ValueKind::Bool(true) => 4,
        ValueKind::Bool(false) => 5,
        ValueKind::Int(_) | ValueKind::Uint(_) | ValueKind::Float(_) => {
            number_text(value).map_or(4, |text| text.len())
        }
        ValueKind::Str(text) => go_json_string_len(text),
        ValueKind::Seq(items) => {
            2 + items.iter().map(go_json_len).sum::<usize>() + items.len().saturating_sub(1)
        }
        ValueKind::Map(entries) => {
            2 + entries
                .iter()
                .map(|e| go_json_string_len(&e.key) + 1 + go_json_len(&e.value))
                .sum::<usize>()
                + entries.len().saturating_sub(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobscope_yaml::parse_stream;

    fn applied(text: &str) -> Applied {
        sent(text, ClientPath::KubectlApply)
    }

    fn sent(text: &str, client: ClientPath) -> Applied {
        let stream = parse_stream(text);
        prepare(stream.documents[0].value.as_ref().unwrap(), client)
    }

    #[test]
    fn the_last_applied_annotation_is_the_sent_object() {
        let a = applied("kind: Job\nmetadata:\n  name: a\n");
        let sent =
            r#"{"kind":"Job","metadata":{"annotations":{},"name":"a","namespace":"default"}}"#;
        assert_eq!(
            a.last_applied_bytes,
            LAST_APPLIED_ANNOTATION.len() + sent.len() + 1
        );
        // The model keeps what was written.
        assert_eq!(
            json_text(&a.value),
            r#"{"kind":"Job","metadata":{"name":"a"}}"#
        );
    }

    #[test]
    fn numbers_and_escapes_are_encoded_as_go_does() {
        let a = applied("a: 1e3\nb: 1.5\nc: \"x<&>\"\nd: 18446744073709551615\n");
        assert_eq!(
            json_text(&a.value),
            r#"{"a":1000,"b":1.5,"c":"x\u003c\u0026\u003e","d":18446744073709552000}"#
        );
        let sent = r#"{"a":1000,"b":1.5,"c":"x\u003c\u0026\u003e","d":18446744073709552000,"metadata":{"annotations":{},"namespace":"default"}}"#;
        assert_eq!(
            a.last_applied_bytes,
            LAST_APPLIED_ANNOTATION.len() + sent.len() + 1
        );
    }

    #[test]
    fn a_non_string_annotation_drops_them_all() {
        let a = applied("metadata:\n  annotations:\n    team: 1\n    owner: me\n");
        assert_eq!(a.unreadable_annotations.len(), 1);
        assert_eq!(a.unreadable_annotations[0].key.as_deref(), Some("team"));
        assert_eq!(a.unreadable_annotations[0].shown, "1");
        assert_eq!(json_text(&a.value), r#"{"metadata":{"annotations":{}}}"#);
        let a = applied("metadata:\n  annotations: [a]\n");
        assert_eq!(a.unreadable_annotations[0].key, None);
        assert_eq!(a.unreadable_annotations[0].json_type, "array");
    }

    #[test]
    fn null_annotations_become_empty_and_the_old_last_applied_goes() {
        let a = applied(
            "metadata:\n  annotations:\n    a: null\n    kubectl.kubernetes.io/last-applied-configuration: x\n",
        );
        assert!(a.unreadable_annotations.is_empty());
        assert_eq!(
            json_text(&a.value),
            r#"{"metadata":{"annotations":{"a":""}}}"#
        );
    }

    #[test]
    fn a_namespace_kubectl_cannot_read_is_replaced() {
        let a = applied("metadata:\n  namespace: 5\n");
        assert_eq!(a.ignored_namespace.map(|(_, t)| t), Some("number"));
        assert_eq!(json_text(&a.value), r#"{"metadata":{}}"#);
        let a = applied("metadata:\n  namespace: \"\"\n");
        assert_eq!(a.ignored_namespace, None);
        assert_eq!(json_text(&a.value), r#"{"metadata":{}}"#);
        let a = applied("metadata: null\n");
        assert_eq!(a.last_applied_bytes, 0);
    }

    #[test]
    fn create_keeps_the_annotations_unless_it_updates_last_applied() {
        let text = "metadata:\n  annotations:\n    team: 1\n";
        let a = sent(text, ClientPath::KubectlCreate);
        assert!(a.unreadable_annotations.is_empty());
        assert_eq!(a.last_applied_bytes, 0);
        assert_eq!(
            json_text(&a.value),
            r#"{"metadata":{"annotations":{"team":1}}}"#
        );
        let text =
            format!("metadata:\n  annotations:\n    {LAST_APPLIED_ANNOTATION}: x\n    a: null\n");
        let a = sent(&text, ClientPath::KubectlCreate);
        assert_eq!(
            a.last_applied_bytes,
            applied(&text).last_applied_bytes,
            "regenerated as apply does"
        );
        assert_eq!(
            json_text(&a.value),
            r#"{"metadata":{"annotations":{"a":""}}}"#
        );
    }

    #[test]
    fn apply_prunes_null_map_values_after_writing_last_applied() {
        let text = "metadata:\n  labels: {a: null, b: x}\nspec:\n  list: [null, {c: null}]\n";
        let a = applied(text);
        assert_eq!(
            json_text(&a.value),
            r#"{"metadata":{"labels":{"b":"x"}},"spec":{"list":[null,{}]}}"#
        );
        let sent_object = r#"{"metadata":{"annotations":{},"labels":{"a":null,"b":"x"},"namespace":"default"},"spec":{"list":[null,{"c":null}]}}"#;
        assert_eq!(
            a.last_applied_bytes,
            LAST_APPLIED_ANNOTATION.len() + sent_object.len() + 1
        );
        let created = sent(text, ClientPath::KubectlCreate);
        assert_eq!(
            json_text(&created.value),
            r#"{"metadata":{"labels":{"a":null,"b":"x"}},"spec":{"list":[null,{"c":null}]}}"#
        );
    }

    #[test]
    fn kubectl_clears_a_resource_version_string() {
        for client in [ClientPath::KubectlApply, ClientPath::KubectlCreate] {
            let a = sent("metadata:\n  name: a\n  resourceVersion: \"12\"\n", client);
            assert!(a.cleared_resource_version.is_some());
            assert_eq!(json_text(&a.value), r#"{"metadata":{"name":"a"}}"#);
            let a = sent("metadata:\n  resourceVersion: 12\n", client);
            assert_eq!(a.cleared_resource_version, None);
        }
        let a = sent(
            "metadata:\n  namespace: 5\n  resourceVersion: \"12\"\n",
            ClientPath::Api,
        );
        assert_eq!(a.cleared_resource_version, None);
        assert_eq!(a.ignored_namespace, None);
        assert_eq!(
            json_text(&a.value),
            r#"{"metadata":{"namespace":5,"resourceVersion":"12"}}"#
        );
    }
}
