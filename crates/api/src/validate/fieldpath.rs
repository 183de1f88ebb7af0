//! Downward API selectors of env vars and downwardAPI volumes: `fieldRef`
//! (`fieldpath.SplitMaybeSubscriptedPath`, `ConvertDownwardAPIFieldLabel`,
//! `validateObjectFieldSelector`) and `resourceFieldRef`
//! (`validateContainerResourceFieldSelector`, `validateContainerResourceDivisor`).

use super::context::{Loc, Out, each_invalid, str_of};
use super::field::BadValue;
use super::names::is_qualified_name;
use crate::manifest::object::Node;

/// `fieldpath.SplitMaybeSubscriptedPath`: `metadata.labels['key']` to (`metadata.labels`, `key`).
fn split_maybe_subscripted_path(field_path: &str) -> Option<(&str, &str)> {
    let inner = field_path.strip_suffix("']")?;
    let (path, subscript) = inner.split_once("['")?;
    if path.is_empty() {
        None
    } else {
        Some((path, subscript))
    }
}

/// `podshelper.ConvertDownwardAPIFieldLabel(version, label, "")`: the internal field path.
fn convert_downward_api_field_label(version: &str, label: &str) -> Result<String, String> {
    if version != "v1" {
        return Err(format!("unsupported pod version: {version}"));
    }
    if let Some((path, _)) = split_maybe_subscripted_path(label) {
        return match path {
            "metadata.annotations" | "metadata.labels" => Ok(label.to_owned()),
            _ => Err(format!("field label does not support subscript: {label}")),
        };
    }
    match label {
        "metadata.annotations"
        | "metadata.labels"
        | "metadata.name"
        | "metadata.namespace"
        | "metadata.uid"
        | "spec.nodeName"
        | "spec.restartPolicy"
        | "spec.serviceAccountName"
        | "spec.schedulerName"
        | "status.phase"
        | "status.hostIP"
        | "status.hostIPs"
        | "status.podIP"
        | "status.podIPs" => Ok(label.to_owned()),
        // Old v1 clients send spec.host.
        "spec.host" => Ok("spec.nodeName".to_owned()),
        _ => Err(format!("field label not supported: {label}")),
    }
}

/// `validateObjectFieldSelector`.
pub(crate) fn validate_object_field_selector(
    selector: &Node,
    expressions: &[&str],
    loc: &Loc,
    out: &mut Out,
) {
    let (api_version, api_version_loc) = loc.field(Some(selector), "apiVersion");
    // Defaulting sets an absent or empty apiVersion to "v1" (env vars and downwardAPI volumes
    // alike), so Go's Required guard is only reached by an object that skipped defaulting.
    let api_version = match str_of(api_version) {
        "" => "v1",
        written => written,
    };
    if api_version.is_empty() {
        out.required(&api_version_loc, "");
        return;
    }
    let (field_path, field_path_loc) = loc.field(Some(selector), "fieldPath");
    let field_path = str_of(field_path);
    if field_path.is_empty() {
        out.required(&field_path_loc, "");
        return;
    }
    let internal = match convert_downward_api_field_label(api_version, field_path) {
        Ok(internal) => internal,
        Err(error) => {
            out.invalid(
                &field_path_loc,
                BadValue::Str(field_path.to_owned()),
                format!("error converting fieldPath: {error}"),
            );
            return;
        }
    };
    if let Some((path, subscript)) = split_maybe_subscripted_path(&internal) {
        // Go names the selector; the subscript is in fieldPath.
        let subscript_loc = loc.at(field_path_loc.span);
        match path {
            "metadata.annotations" => {
                // strings.ToLower, rune by rune.
                let lower = jobscope_golang::strings::go_to_lower(subscript);
                each_invalid(is_qualified_name(&lower), &subscript_loc, &lower, out);
            }
            "metadata.labels" => {
                each_invalid(is_qualified_name(subscript), &subscript_loc, subscript, out)
            }
            _ => out.invalid(
                &subscript_loc,
                BadValue::Str(path.to_owned()),
                "does not support subscript",
            ),
        }
    } else if !expressions.contains(&internal.as_str()) {
        out.not_supported(
            &field_path_loc,
            BadValue::Str(internal.clone()),
            expressions,
        );
    }
}

/// `validContainerResourceFieldPathExpressions`, sorted.
const CONTAINER_RESOURCE_FIELD_PATH_EXPRESSIONS: &[&str] = &[
    "limits.cpu",
    "limits.ephemeral-storage",
    "limits.memory",
    "requests.cpu",
    "requests.ephemeral-storage",
    "requests.memory",
];

/// `validContainerResourceFieldPathPrefixesWithDownwardAPIHugePages`.
const HUGEPAGES_PREFIXES: &[&str] = &["limits.hugepages-", "requests.hugepages-"];

/// `validContainerResourceDivisorForMemory` (the same set serves hugepages and ephemeral storage).
const DIVISORS_FOR_BYTES: &[&str] = &[
    "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei",
];

/// `validateContainerResourceFieldSelector` with the hugepages prefixes (env vars and
/// downwardAPI volumes alike; a volume's selector must name its container).
pub(crate) fn validate_container_resource_field_selector(
    selector: &Node,
    loc: &Loc,
    volume: bool,
    out: &mut Out,
) {
    let expressions = CONTAINER_RESOURCE_FIELD_PATH_EXPRESSIONS;
    let (container_name, container_name_loc) = loc.field(Some(selector), "containerName");
    let (resource_node, resource_loc) = loc.field(Some(selector), "resource");
    let resource = str_of(resource_node);
    if volume && str_of(container_name).is_empty() {
        out.required(&container_name_loc, "");
    } else if resource.is_empty() {
        out.required(&resource_loc, "");
    } else if !expressions.contains(&resource)
        && !HUGEPAGES_PREFIXES
            .iter()
            .any(|prefix| resource.starts_with(prefix))
    {
        out.not_supported(
            &resource_loc,
            BadValue::Str(resource.to_owned()),
            expressions,
        );
    }
    validate_container_resource_divisor(resource, selector.get("divisor"), loc, out);
}

/// `validateContainerResourceDivisor`.
fn validate_container_resource_divisor(
    resource: &str,
    divisor: Option<&Node>,
    loc: &Loc,
    out: &mut Out,
) {
    let Some(quantity) = divisor.and_then(Node::as_quantity).filter(|q| !q.is_zero()) else {
        return;
    };
    let text = quantity.text();
    let divisor_loc = loc.child("divisor", divisor);
    let value = || BadValue::Str(resource.to_owned());
    match resource {
        "limits.cpu" | "requests.cpu" if !["1m", "1"].contains(&text.as_str()) => {
            out.invalid(
                &divisor_loc,
                value(),
                "only divisor's values 1m and 1 are supported with the cpu resource",
            );
        }
        "limits.memory" | "requests.memory" if !DIVISORS_FOR_BYTES.contains(&text.as_str()) => {
            out.invalid(&divisor_loc, value(), "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource");
        }
        "limits.ephemeral-storage" | "requests.ephemeral-storage"
            if !DIVISORS_FOR_BYTES.contains(&text.as_str()) =>
        {
            out.invalid(
                &divisor_loc,
                value(),
                "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource",
            );
        }
        _ => {}
    }
    let hugepages = HUGEPAGES_PREFIXES.iter().any(|p| resource.starts_with(p));
    if hugepages && !DIVISORS_FOR_BYTES.contains(&text.as_str()) {
        out.invalid(&divisor_loc, value(), "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downward_api_labels_convert() {
        assert_eq!(
            convert_downward_api_field_label("v1", "spec.host"),
            Ok("spec.nodeName".to_owned())
        );
        assert_eq!(
            convert_downward_api_field_label("v1", "metadata.labels['a']"),
            Ok("metadata.labels['a']".to_owned())
        );
        assert_eq!(
            convert_downward_api_field_label("v1", "status.bogus"),
            Err("field label not supported: status.bogus".to_owned())
        );
        assert_eq!(
            split_maybe_subscripted_path("metadata.annotations['a[b]c']"),
            Some(("metadata.annotations", "a[b]c"))
        );
        assert_eq!(split_maybe_subscripted_path("['x']"), None);
        assert_eq!(
            split_maybe_subscripted_path("metadata.labels['']"),
            Some(("metadata.labels", ""))
        );
    }
}
