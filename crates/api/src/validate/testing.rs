//! Test helpers for validation rules: build nodes from YAML, run a rule, read the messages.

use super::context::{Finding, Out};
use crate::manifest::decode::decode_object;
use crate::manifest::object::Node;
use crate::manifest::types::TypeDef;
use jobscope_yaml::parse_stream;

/// Decodes YAML text as the given API type (panics on bad test input; tests only).
pub(crate) fn node(text: &str, ty: &'static TypeDef) -> Node {
    let stream = parse_stream(text);
    let value = stream.documents[0]
        .value
        .as_ref()
        .expect("test YAML parses");
    let (node, errors) = decode_object(value, ty);
    assert!(errors.is_empty(), "test YAML decodes: {errors:?}");
    node
}

/// A pod spec from YAML (`containers: [...]` at the top level).
pub(crate) fn pod_spec(text: &str) -> Node {
    node(text, &crate::manifest::schema::POD_SPEC)
}

/// The error messages (`field: Type: value: detail`) of a run, in order.
pub(crate) fn messages(out: &Out) -> Vec<String> {
    out.findings
        .iter()
        .filter_map(|f| match f {
            Finding::Error { error, .. } => Some(error.message()),
            Finding::Warning { .. } => None,
        })
        .collect()
}
