//! Downward API field paths (`fieldRef.fieldPath` of env vars and downwardAPI volumes):
//! `fieldpath.SplitMaybeSubscriptedPath`, `ConvertDownwardAPIFieldLabel` and
//! `validateObjectFieldSelector`.

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
