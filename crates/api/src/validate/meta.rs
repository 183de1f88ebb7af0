//! `ObjectMeta` validation (apimachinery's `ValidateObjectMeta` and core's finalizer check),
//! labels, annotations and label selectors.

use super::context::{Loc, Out, each_invalid, entries_of, int_of, items_of, nonnegative, str_of};
use super::field::BadValue;
use super::names::{is_qualified_name, is_valid_label_value};
use crate::manifest::object::Node;

/// Annotations may hold at most 256 KiB in total.
pub(crate) const TOTAL_ANNOTATION_SIZE_LIMIT: i64 = 256 * 1024;

/// `ValidateObjectMeta(meta, requiresNamespace, nameFn, fldPath)`. `extra_annotation_bytes`
/// are annotations the object carries besides the written ones (kubectl's last-applied
/// configuration), which count towards the size limit.
pub(crate) fn validate_object_meta(
    meta: Option<&Node>,
    loc: &Loc,
    name_fn: fn(&str, bool) -> Vec<String>,
    extra_annotation_bytes: usize,
    out: &mut Out,
) {
    let (generate_name, generate_loc) = loc.field(meta, "generateName");
    if !str_of(generate_name).is_empty() {
        each_invalid(
            name_fn(str_of(generate_name), true),
            &generate_loc,
            str_of(generate_name),
            out,
        );
    }
    let (name, name_loc) = loc.field(meta, "name");
    if str_of(name).is_empty() {
        // With a generateName the apiserver makes the name up before validation.
        if str_of(generate_name).is_empty() {
            out.required(&name_loc, "name or generateName is required");
        }
    } else {
        each_invalid(name_fn(str_of(name), false), &name_loc, str_of(name), out);
    }
    // kubectl fills an absent or empty namespace from its context (and the request's namespace
    // fills the object's), so only a written one is checked.
    let (namespace, namespace_loc) = loc.field(meta, "namespace");
    if let Some(value) = namespace.and_then(Node::as_str)
        && !value.is_empty()
    {
        each_invalid(
            super::names::name_is_dns_label(value, false),
            &namespace_loc,
            value,
            out,
        );
    }
    let (generation, generation_loc) = loc.field(meta, "generation");
    if let Some(value) = int_of(generation) {
        nonnegative(value, &generation_loc, out);
    }
    let (labels, labels_loc) = loc.field(meta, "labels");
    validate_labels(labels, &labels_loc, out);
    let (annotations, annotations_loc) = loc.field(meta, "annotations");
    validate_annotations_with(annotations, &annotations_loc, extra_annotation_bytes, out);
    let (owners, owners_loc) = loc.field(meta, "ownerReferences");
    validate_owner_references(owners, &owners_loc, out);
    let (finalizers, finalizers_loc) = loc.field(meta, "finalizers");
    validate_finalizers(finalizers, &finalizers_loc, out);
}

/// `ValidateLabels`: keys are qualified names, values label values; both errors name the map.
pub(crate) fn validate_labels(labels: Option<&Node>, loc: &Loc, out: &mut Out) {
    for (key, value) in entries_of(labels) {
        let key_loc = loc.at(value.key_span.unwrap_or(value.span));
        each_invalid(is_qualified_name(key), &key_loc, key, out);
        let text = str_of(Some(value));
        each_invalid(is_valid_label_value(text), &loc.at(value.span), text, out);
    }
}

/// `ValidateAnnotations`: keys (lower-cased) are qualified names; 256 KiB in total.
pub(crate) fn validate_annotations(annotations: Option<&Node>, loc: &Loc, out: &mut Out) {
    validate_annotations_with(annotations, loc, 0, out);
}

/// `ValidateAnnotations` of a map that holds `extra_bytes` more than the written entries.
fn validate_annotations_with(
    annotations: Option<&Node>,
    loc: &Loc,
    extra_bytes: usize,
    out: &mut Out,
) {
    let mut total = i64::try_from(extra_bytes).unwrap_or(i64::MAX);
    for (key, value) in entries_of(annotations) {
        let key_loc = loc.at(value.key_span.unwrap_or(value.span));
        for message in is_qualified_name(&jobscope_golang::strings::go_to_lower(key)) {
            out.invalid(&key_loc, BadValue::Str(key.clone()), message);
        }
        total = total.saturating_add(key.len() as i64 + str_of(Some(value)).len() as i64);
    }
    if total > TOTAL_ANNOTATION_SIZE_LIMIT {
        out.too_long(loc, TOTAL_ANNOTATION_SIZE_LIMIT);
    }
}

/// `schema.ParseGroupVersion`: `(group, version)`, or `None` for more than one '/'.
fn parse_group_version(api_version: &str) -> Option<(&str, &str)> {
    if api_version.is_empty() || api_version == "/" {
        return Some(("", ""));
    }
    match api_version.matches('/').count() {
        0 => Some(("", api_version)),
        1 => api_version.split_once('/'),
        _ => None,
    }
}

/// A `metav1.OwnerReference` as `json.Marshal` prints it: the four strings always, the two
/// bool pointers when set.
fn owner_reference_json(owner: &Node) -> String {
    let mut parts: Vec<String> = ["apiVersion", "kind", "name", "uid"]
        .iter()
        .map(|key| {
            format!(
                "{}:{}",
                jobscope_golang::strings::go_json_string(key),
                jobscope_golang::strings::go_json_string(str_of(owner.get(key)))
            )
        })
        .collect();
    for key in ["controller", "blockOwnerDeletion"] {
        if let Some(flag) = owner.get(key).and_then(Node::as_bool) {
            parts.push(format!(
                "{}:{flag}",
                jobscope_golang::strings::go_json_string(key)
            ));
        }
    }
    format!("{{{}}}", parts.join(","))
}

/// `ValidateOwnerReferences` (on the list the create handler deduplicated).
fn validate_owner_references(owners: Option<&Node>, loc: &Loc, out: &mut Out) {
    let mut first_controller = String::new();
    for owner in items_of(owners) {
        let api_version = str_of(owner.get("apiVersion"));
        let kind = str_of(owner.get("kind"));
        // schema.FromAPIVersionAndKind: an apiVersion that does not parse has no version.
        let (group, version) = parse_group_version(api_version).unwrap_or(("", ""));
        if version.is_empty() {
            out.invalid(
                &loc.child("apiVersion", owner.get("apiVersion")),
                BadValue::Str(api_version.to_owned()),
                "version must not be empty",
            );
        }
        if kind.is_empty() {
            out.invalid(
                &loc.child("kind", owner.get("kind")),
                BadValue::Str(kind.to_owned()),
                "must not be empty",
            );
        }
        for field in ["name", "uid"] {
            let value = str_of(owner.get(field));
            if value.is_empty() {
                // `uid` is a types.UID, a named string: printed as JSON ("" either way).
                out.invalid(
                    &loc.child(field, owner.get(field)),
                    BadValue::Str(String::new()),
                    "must not be empty",
                );
            }
        }
        // BannedOwners: the core v1 Event, however its apiVersion is spelled ("v1", "/v1").
        if group.is_empty() && version == "v1" && kind == "Event" {
            out.invalid(
                &loc.at(owner.span),
                BadValue::Json(owner_reference_json(owner)),
                "/v1, Kind=Event is disallowed from being an owner",
            );
        }
        if owner.get("controller").and_then(Node::as_bool) == Some(true) {
            let current = format!("{kind}/{}", str_of(owner.get("name")));
            if first_controller.is_empty() {
                first_controller = current;
            } else if let Some(list) = owners {
                let shown = items_of(Some(list))
                    .iter()
                    .map(owner_reference_json)
                    .collect::<Vec<_>>()
                    .join(",");
                out.invalid(
                    loc,
                    BadValue::Json(format!("[{shown}]")),
                    format!("Only one reference can have Controller set to true. Found \"true\" in references for {first_controller} and {current}"),
                );
            }
        }
    }
}

/// `ValidateFinalizers` and core's `validateKubeFinalizerName`.
fn validate_finalizers(finalizers: Option<&Node>, loc: &Loc, out: &mut Out) {
    let names: Vec<&str> = items_of(finalizers)
        .iter()
        .map(|f| str_of(Some(f)))
        .collect();
    for finalizer in items_of(finalizers) {
        let name = str_of(Some(finalizer));
        each_invalid(is_qualified_name(name), &loc.at(finalizer.span), name, out);
    }
    if names.contains(&"orphan") && names.contains(&"foregroundDeletion") {
        let list = items_of(finalizers)
            .iter()
            .map(|f| jobscope_golang::strings::go_json_string(str_of(Some(f))))
            .collect::<Vec<_>>()
            .join(",");
        out.invalid(
            loc,
            BadValue::Json(format!("[{list}]")),
            "finalizer orphan and foregroundDeletion cannot be both set",
        );
    }
    for (index, finalizer) in items_of(finalizers).iter().enumerate() {
        let name = str_of(Some(finalizer));
        // Kubernetes-owned finalizers must be standard ones; others need a '/'.
        if !name.contains('/') && !is_standard_finalizer(name) {
            out.invalid(
                &loc.index(index, finalizer),
                BadValue::Str(name.to_owned()),
                "name is neither a standard finalizer name nor is it fully qualified",
            );
        }
    }
}

fn is_standard_finalizer(name: &str) -> bool {
    matches!(name, "kubernetes" | "orphan" | "foregroundDeletion")
}

/// `ValidateLabelSelector` (metav1 validation).
pub(crate) fn validate_label_selector(
    selector: Option<&Node>,
    loc: &Loc,
    allow_invalid_label_value: bool,
    out: &mut Out,
) {
    let Some(selector) = selector else { return };
    let (match_labels, match_labels_loc) = loc.field(Some(selector), "matchLabels");
    validate_labels(match_labels, &match_labels_loc, out);
    let (expressions, expressions_loc) = loc.field(Some(selector), "matchExpressions");
    for (index, expression) in items_of(expressions).iter().enumerate() {
        let expression_loc = expressions_loc.index(index, expression);
        validate_label_selector_requirement(
            expression,
            &expression_loc,
            allow_invalid_label_value,
            out,
        );
    }
}

/// `ValidateLabelSelectorRequirement`.
pub(crate) fn validate_label_selector_requirement(
    requirement: &Node,
    loc: &Loc,
    allow_invalid_label_value: bool,
    out: &mut Out,
) {
    let (values, values_loc) = loc.field(Some(requirement), "values");
    let operator = str_of(requirement.get("operator"));
    match operator {
        "In" | "NotIn" => {
            if items_of(values).is_empty() {
                out.required(
                    &values_loc,
                    "must be specified when `operator` is 'In' or 'NotIn'",
                );
            }
        }
        "Exists" | "DoesNotExist" => {
            if !items_of(values).is_empty() {
                out.forbidden(
                    &values_loc,
                    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                );
            }
        }
        // LabelSelectorOperator is a named string type, so field.Invalid prints it as JSON.
        _ => out.invalid(
            &loc.child("operator", requirement.get("operator")),
            BadValue::json_string(operator),
            "not a valid selector operator",
        ),
    }
    let (key, key_loc) = loc.field(Some(requirement), "key");
    each_invalid(is_qualified_name(str_of(key)), &key_loc, str_of(key), out);
    if !allow_invalid_label_value {
        validate_label_values(values, &values_loc, out);
    }
}

/// Each item of a requirement's `values` is a valid label value.
pub(crate) fn validate_label_values(values: Option<&Node>, loc: &Loc, out: &mut Out) {
    for (index, value) in items_of(values).iter().enumerate() {
        let text = str_of(Some(value));
        each_invalid(
            is_valid_label_value(text),
            &loc.index(index, value),
            text,
            out,
        );
    }
}

/// Whether a label selector (matchLabels and matchExpressions) matches a set of labels, as
/// `metav1.LabelSelectorAsSelector(...).Matches(labels)`; `None` when the selector does not
/// convert (then the apiserver skips the check).
pub(crate) fn selector_matches(
    selector: Option<&Node>,
    labels: &[(String, String)],
) -> Option<bool> {
    let Some(selector) = selector else {
        // A nil selector converts to labels.Nothing(), which matches nothing.
        return Some(false);
    };
    let match_labels = entries_of(selector.get("matchLabels"));
    let expressions = items_of(selector.get("matchExpressions"));
    if match_labels.is_empty() && expressions.is_empty() {
        // An empty selector matches everything.
        return Some(true);
    }
    let lookup = |key: &str| {
        labels
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    for (key, value) in match_labels {
        // Conversion fails on invalid keys or values.
        if !is_qualified_name(key).is_empty()
            || !is_valid_label_value(str_of(Some(value))).is_empty()
        {
            return None;
        }
        if lookup(key) != Some(str_of(Some(value))) {
            return Some(false);
        }
    }
    for expression in expressions {
        let key = str_of(expression.get("key"));
        let values: Vec<&str> = items_of(expression.get("values"))
            .iter()
            .map(|v| str_of(Some(v)))
            .collect();
        if !is_qualified_name(key).is_empty() {
            return None;
        }
        let matched = match str_of(expression.get("operator")) {
            "In" if !values.is_empty() => lookup(key).is_some_and(|v| values.contains(&v)),
            "NotIn" if !values.is_empty() => lookup(key).is_none_or(|v| !values.contains(&v)),
            "Exists" if values.is_empty() => lookup(key).is_some(),
            "DoesNotExist" if values.is_empty() => lookup(key).is_none(),
            _ => return None,
        };
        if !matched {
            return Some(false);
        }
    }
    Some(true)
}

/// A `map[string]string` node as owned pairs.
pub(crate) fn string_pairs(map: Option<&Node>) -> Vec<(String, String)> {
    entries_of(map)
        .iter()
        .map(|(k, v)| (k.clone(), str_of(Some(v)).to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::object::NodeValue;
    use jobscope_diagnostic::Span;

    fn map(pairs: &[(&str, &str)]) -> Node {
        Node::new(
            NodeValue::Map(
                pairs
                    .iter()
                    .map(|(k, v)| {
                        (
                            (*k).to_owned(),
                            Node::new(NodeValue::Str((*v).to_owned()), Span::default()),
                        )
                    })
                    .collect(),
            ),
            Span::default(),
        )
    }

    #[test]
    fn label_errors_name_the_map() {
        let mut out = Out::default();
        validate_labels(
            Some(&map(&[("app", "x y")])),
            &Loc::new("metadata.labels", Span::default()),
            &mut out,
        );
        let super::super::context::Finding::Error { error, .. } = &out.findings[0] else {
            panic!()
        };
        assert!(
            error
                .message()
                .starts_with("metadata.labels: Invalid value: \"x y\": a valid label must be")
        );
    }

    #[test]
    fn selectors_match_labels() {
        let labels = vec![("app".to_owned(), "x".to_owned())];
        let selector = Node::new(
            NodeValue::Map(vec![("matchLabels".to_owned(), map(&[("app", "x")]))]),
            Span::default(),
        );
        assert_eq!(selector_matches(Some(&selector), &labels), Some(true));
        let other = Node::new(
            NodeValue::Map(vec![("matchLabels".to_owned(), map(&[("app", "y")]))]),
            Span::default(),
        );
        assert_eq!(selector_matches(Some(&other), &labels), Some(false));
    }
}
