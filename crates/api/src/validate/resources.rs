//! Resource requirements: `ValidateContainerResourceRequirements` (with hugepages, extended
//! resources, claims), `validatePodResources`, `validateOverhead` and
//! `validatePodResourceClaims` (pkg/apis/core/validation, v1.34).
//!
//! Quantities are read as the apiserver holds them after defaulting (rounded up to milli
//! scale); messages print them with Go's `Quantity.String()` (`Quantity::text`). Go ranges over
//! resource maps in random order; we go in written order.

use std::cmp::Ordering;

use super::context::{Loc, Out, each_invalid, entries_of, items_of, str_of};
use super::field::{BadValue, FieldError};
use super::names::{is_dns1123_label, is_qualified_name, name_is_dns_subdomain};
use super::options::PodOptions;
use crate::manifest::object::Node;
use crate::manifest::quantity::Quantity;
use jobscope_golang::strings::go_json_string;

/// `core.ResourceHugePagesPrefix`.
const HUGE_PAGES_PREFIX: &str = "hugepages-";
/// `core.ResourceRequestsHugePagesPrefix`.
const REQUESTS_HUGE_PAGES_PREFIX: &str = "requests.hugepages-";
/// `core.DefaultResourceRequestsPrefix`.
const DEFAULT_REQUESTS_PREFIX: &str = "requests.";
/// `core.ResourceDefaultNamespacePrefix`.
const DEFAULT_NAMESPACE_PREFIX: &str = "kubernetes.io/";
/// `core.MirrorPodAnnotationKey`.
const MIRROR_POD_ANNOTATION: &str = "kubernetes.io/config.mirror";

/// `helper.standardResources`.
const STANDARD_RESOURCES: &[&str] = &[
    "cpu",
    "memory",
    "ephemeral-storage",
    "requests.cpu",
    "requests.memory",
    "requests.ephemeral-storage",
    "limits.cpu",
    "limits.memory",
    "limits.ephemeral-storage",
    "pods",
    "resourcequotas",
    "services",
    "replicationcontrollers",
    "secrets",
    "configmaps",
    "persistentvolumeclaims",
    "storage",
    "requests.storage",
    "services.nodeports",
    "services.loadbalancers",
];

/// `helper.integerResources`.
const INTEGER_RESOURCES: &[&str] = &[
    "pods",
    "resourcequotas",
    "services",
    "replicationcontrollers",
    "secrets",
    "configmaps",
    "persistentvolumeclaims",
    "services.nodeports",
    "services.loadbalancers",
];

/// `sets.List(resourcehelper.SupportedPodLevelResources())`, sorted.
const SUPPORTED_POD_LEVEL_RESOURCES: &[&str] = &["cpu", "hugepages-", "memory"];

/// `ValidateContainerResourceRequirements(requirements, podClaimNames, fldPath, opts)`.
pub(crate) fn validate_container_resource_requirements(
    requirements: Option<&Node>,
    pod_claim_names: &[String],
    loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let field = |name: &str| requirements.and_then(|r| r.get(name));
    let lists = Requirements {
        limits: field("limits"),
        requests: field("requests"),
        claims: field("claims"),
    };
    validate_resource_requirements(
        &lists,
        validate_container_resource_name,
        pod_claim_names,
        loc,
        opts,
        out,
    );
}

/// `validatePodResources(spec, podClaimNames, fldPath, opts)`; `spec_loc` is the pod spec's.
pub(crate) fn validate_pod_resources(
    spec: Option<&Node>,
    pod_claim_names: &[String],
    spec_loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let (resources, resources_loc) = spec_loc.field(spec, "resources");
    let Some(resources) = resources else {
        return;
    };
    if str_of(spec.and_then(|s| s.at(&["os", "name"]))) == "windows" {
        // No detail on the value when the field may not be set at all on this OS.
        out.forbidden(&resources_loc, "may not be set for a windows pod");
        return;
    }
    let (claims, claims_loc) = resources_loc.field(Some(resources), "claims");
    if claims.is_some() {
        out.forbidden(
            &claims_loc,
            "claims may not be set for Resources at pod-level",
        );
    }
    let lists = Requirements {
        limits: resources.get("limits"),
        requests: resources.get("requests"),
        claims,
    };
    validate_resource_requirements(
        &lists,
        validate_pod_resource_name,
        pod_claim_names,
        &resources_loc,
        opts,
        out,
    );
    validate_pod_resource_consistency(spec, resources, &resources_loc, out);
}

/// `validateOverhead(spec.Overhead, fldPath.Child("overhead"), opts)` when overhead is set.
pub(crate) fn validate_overhead(
    spec: Option<&Node>,
    spec_loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let (overhead, overhead_loc) = spec_loc.field(spec, "overhead");
    if overhead.is_none() {
        return;
    }
    // Go reuses the container check on `ResourceRequirements{Limits: overhead}`, so the paths
    // read `overhead.limits[...]`.
    let lists = Requirements {
        limits: overhead,
        requests: None,
        claims: None,
    };
    validate_resource_requirements(
        &lists,
        validate_container_resource_name,
        &[],
        &overhead_loc,
        opts,
        out,
    );
}

/// `validatePodResourceClaims(podMeta, claims, fldPath)`.
pub(crate) fn validate_pod_resource_claims(
    pod_meta: Option<&Node>,
    claims: Option<&Node>,
    loc: &Loc,
    out: &mut Out,
) {
    let mirror = pod_meta
        .and_then(|m| m.get("annotations"))
        .is_some_and(|a| a.get(MIRROR_POD_ANNOTATION).is_some());
    let mut names: Vec<&str> = Vec::new();
    for (index, claim) in items_of(claims).iter().enumerate() {
        validate_pod_resource_claim(mirror, claim, &mut names, &loc.index(index, claim), out);
    }
}

/// `validatePodResourceClaim(podMeta, claim, podClaimNames, fldPath)`.
fn validate_pod_resource_claim<'n>(
    mirror: bool,
    claim: &'n Node,
    names: &mut Vec<&'n str>,
    loc: &Loc,
    out: &mut Out,
) {
    if mirror {
        // Static pods: Go reports this at `field.NewPath("")`, which prints as `[]` (an unnamed
        // element is written as a subscript).
        out.forbidden(
            &Loc::new("[]", claim.span),
            "static pods do not support resource claims",
        );
        return;
    }
    let (name_node, name_loc) = loc.field(Some(claim), "name");
    let name = str_of(name_node);
    if name.is_empty() {
        out.required(&name_loc, "");
    } else if names.contains(&name) {
        out.duplicate(&name_loc, BadValue::Str(name.to_owned()));
    } else {
        each_invalid(is_dns1123_label(name), &name_loc, name, out);
        names.push(name);
    }
    let (claim_name, claim_name_loc) = loc.field(Some(claim), "resourceClaimName");
    let (template_name, template_name_loc) = loc.field(Some(claim), "resourceClaimTemplateName");
    if claim_name.is_some() && template_name.is_some() {
        out.invalid(
            loc,
            BadValue::Json(pod_resource_claim_json(claim)),
            "at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified",
        );
    }
    if claim_name.is_none() && template_name.is_none() {
        out.invalid(
            loc,
            BadValue::Json(pod_resource_claim_json(claim)),
            "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`",
        );
    }
    for (node, node_loc) in [
        (claim_name, claim_name_loc),
        (template_name, template_name_loc),
    ] {
        if let Some(node) = node {
            let value = str_of(Some(node));
            each_invalid(name_is_dns_subdomain(value, false), &node_loc, value, out);
        }
    }
}

/// `json.Marshal` of the internal `core.PodResourceClaim`: it has no JSON tags, so the keys are
/// the Go field names and unset pointers print as null.
fn pod_resource_claim_json(claim: &Node) -> String {
    let pointer = |name: &str| {
        claim
            .get(name)
            .map_or_else(|| "null".to_owned(), |n| go_json_string(str_of(Some(n))))
    };
    format!(
        "{{\"Name\":{},\"ResourceClaimName\":{},\"ResourceClaimTemplateName\":{}}}",
        go_json_string(str_of(claim.get("name"))),
        pointer("resourceClaimName"),
        pointer("resourceClaimTemplateName")
    )
}

/// The parts of a `core.ResourceRequirements` the checks read.
struct Requirements<'n> {
    limits: Option<&'n Node>,
    requests: Option<&'n Node>,
    claims: Option<&'n Node>,
}

/// One entry of `limits` or `requests`: its name (checked by `resource_name_fn`, underlining the
/// key) and its quantity (`ValidateResourceQuantityValue`); returns the quantity and where it is.
fn name_and_quantity(
    name: &str,
    node: &Node,
    list_loc: &Loc,
    resource_name_fn: fn(&str, &Loc, &mut Out),
    out: &mut Out,
) -> (Quantity, Loc) {
    let quantity = quantity_of(node);
    resource_name_fn(
        name,
        &list_loc.key(name, node.key_span.unwrap_or(node.span)),
        out,
    );
    let value_loc = list_loc.key(name, node.span);
    validate_resource_quantity_value(name, &quantity, &value_loc, out);
    (quantity, value_loc)
}

/// `validateResourceRequirements(requirements, resourceNameFn, podClaimNames, fldPath, opts)`.
fn validate_resource_requirements(
    requirements: &Requirements<'_>,
    resource_name_fn: fn(&str, &Loc, &mut Out),
    pod_claim_names: &[String],
    loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let limits_loc = loc.child("limits", requirements.limits);
    let requests_loc = loc.child("requests", requirements.requests);
    let mut limits_cpu_or_memory = false;
    let mut requests_cpu_or_memory = false;
    let mut limits_huge_pages = false;
    let mut requests_huge_pages = false;

    for (name, node) in entries_of(requirements.limits) {
        let (quantity, value_loc) =
            name_and_quantity(name, node, &limits_loc, resource_name_fn, out);
        if is_huge_page_resource_name(name) {
            limits_huge_pages = true;
            validate_huge_page_value(name, &quantity, &value_loc, opts, out);
        }
        if name == "cpu" || name == "memory" {
            limits_cpu_or_memory = true;
        }
    }

    for (name, node) in entries_of(requirements.requests) {
        let (quantity, value_loc) =
            name_and_quantity(name, node, &requests_loc, resource_name_fn, out);

        // Requests may not exceed limits; non-overcommitable resources must equal them.
        match requirements.limits.and_then(|l| l.get(name)) {
            Some(limit_node) => {
                let limit = quantity_of(limit_node);
                let at = requests_loc.at(node.span);
                let ordering = quantity.cmp_value(&limit);
                if ordering != Ordering::Equal && !is_overcommit_allowed(name) {
                    out.invalid(
                        &at,
                        BadValue::Str(quantity.text()),
                        format!("must be equal to {name} limit of {}", limit.text()),
                    );
                } else if ordering == Ordering::Greater {
                    out.invalid(
                        &at,
                        BadValue::Str(quantity.text()),
                        format!(
                            "must be less than or equal to {name} limit of {}",
                            limit.text()
                        ),
                    );
                }
            }
            None if !is_overcommit_allowed(name) => {
                out.required(
                    &limits_loc,
                    "Limit must be set for non overcommitable resources",
                );
            }
            None => {}
        }
        if is_huge_page_resource_name(name) {
            requests_huge_pages = true;
            validate_huge_page_value(name, &quantity, &value_loc, opts, out);
        }
        if name == "cpu" || name == "memory" {
            requests_cpu_or_memory = true;
        }
    }

    if !limits_cpu_or_memory
        && !requests_cpu_or_memory
        && (requests_huge_pages || limits_huge_pages)
    {
        out.forbidden(loc, "HugePages require cpu or memory");
    }

    validate_resource_claim_names(
        requirements.claims,
        pod_claim_names,
        &loc.child("claims", requirements.claims),
        out,
    );
}

/// A map value as a quantity (a value that failed to decode never reaches validation).
fn quantity_of(node: &Node) -> Quantity {
    node.as_quantity().cloned().unwrap_or_else(Quantity::zero)
}

/// `validateResourceName`: whether it found nothing.
fn validate_resource_name(value: &str, loc: &Loc, out: &mut Out) -> bool {
    let messages = is_qualified_name(value);
    if !messages.is_empty() {
        for message in messages {
            out.invalid(loc, BadValue::json_string(value), message);
        }
        return false;
    }
    if !value.contains('/') && !is_standard_resource_name(value) {
        out.invalid(
            loc,
            BadValue::json_string(value),
            "must be a standard resource type or fully qualified",
        );
        return false;
    }
    true
}

/// `validateContainerResourceName`: its checks run even after `validateResourceName` failed.
fn validate_container_resource_name(value: &str, loc: &Loc, out: &mut Out) {
    validate_resource_name(value, loc, out);
    if !value.contains('/') {
        if !is_standard_container_resource_name(value) {
            out.invalid(
                loc,
                BadValue::json_string(value),
                "must be a standard resource for containers",
            );
        }
    } else if !is_native_resource(value) && !is_extended_resource_name(value) {
        out.invalid(
            loc,
            BadValue::json_string(value),
            "doesn't follow extended resource name standard",
        );
    }
}

/// `validatePodResourceName`.
fn validate_pod_resource_name(value: &str, loc: &Loc, out: &mut Out) {
    if !validate_resource_name(value, loc, out) {
        return;
    }
    if !is_supported_pod_level_resource(value) {
        out.not_supported(
            loc,
            BadValue::json_string(value),
            SUPPORTED_POD_LEVEL_RESOURCES,
        );
    }
}

/// `ValidateResourceQuantityValue(resource, value, fldPath)`.
fn validate_resource_quantity_value(resource: &str, value: &Quantity, loc: &Loc, out: &mut Out) {
    if value.sign() < 0 {
        out.invalid(
            loc,
            BadValue::Str(value.text()),
            "must be greater than or equal to 0",
        );
    }
    if is_integer_resource_name(resource) && value.milli_value() % 1000 != 0 {
        // Go passes the Quantity itself, which prints as its JSON string.
        out.invalid(
            loc,
            BadValue::json_string(&value.text()),
            "must be an integer",
        );
    }
}

/// `validateResourceQuantityHugePageValue`, reported as Go's caller does.
fn validate_huge_page_value(
    name: &str,
    quantity: &Quantity,
    loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    if opts.allow_indivisible_huge_pages_values {
        return;
    }
    match huge_page_value_divisible(name, quantity) {
        Some(true) => {}
        Some(false) => {
            out.invalid(
                loc,
                BadValue::Str(quantity.text()),
                format!(
                    "{} is not positive integer multiple of {name}",
                    quantity.text()
                ),
            );
        }
        // A page size whose Value() overflows to 0 makes Go divide by zero; the apiserver
        // recovers the panic and fails the request.
        None => out.internal(loc, "runtime error: integer divide by zero"),
    }
}

/// `helper.IsHugePageResourceValueDivisible`; none where Go would divide by zero.
fn huge_page_value_divisible(name: &str, quantity: &Quantity) -> Option<bool> {
    let Some(page_size) = name
        .strip_prefix(HUGE_PAGES_PREFIX)
        .and_then(|size| Quantity::parse(size).ok())
    else {
        return Some(false);
    };
    if page_size.sign() <= 0 || page_size.milli_value() % 1000 != 0 {
        return Some(false);
    }
    let page = page_size.value();
    if page == 0 {
        return None;
    }
    Some(quantity.value().wrapping_rem(page) == 0)
}

/// `validateResourceClaimNames(claims, podClaimNames, fldPath)`.
fn validate_resource_claim_names(
    claims: Option<&Node>,
    pod_claim_names: &[String],
    loc: &Loc,
    out: &mut Out,
) {
    // Go's podClaimNames is a set of the non-empty names; messages list it sorted.
    let mut pod_names: Vec<&str> = pod_claim_names
        .iter()
        .map(String::as_str)
        .filter(|n| !n.is_empty())
        .collect();
    jobscope_sort::sort(&mut pod_names);
    pod_names.dedup();
    let mut names: Vec<String> = Vec::new();
    for (index, claim) in items_of(claims).iter().enumerate() {
        let claim_loc = loc.index(index, claim);
        let name = str_of(claim.get("name"));
        if name.is_empty() {
            out.required(&claim_loc, "");
            continue;
        }
        if names.iter().any(|n| n == name) {
            // All requests of that claim already referenced.
            out.duplicate(&claim_loc, BadValue::Str(name.to_owned()));
        } else {
            let (request_node, request_loc) = claim_loc.field(Some(claim), "request");
            let request = str_of(request_node);
            let mut key = name.to_owned();
            if !request.is_empty() {
                each_invalid(is_dns1123_label(request), &request_loc, request, out);
                key = format!("{name}/{request}");
            }
            if names.contains(&key) {
                // The exact same entry was already referenced.
                out.duplicate(&claim_loc, BadValue::Str(key.clone()));
            } else if request.is_empty() {
                // The whole claim overlaps each request of it referenced before (one error each).
                for earlier in &names {
                    if earlier
                        .split_once('/')
                        .is_some_and(|(claim_name, _)| claim_name == name)
                    {
                        out.duplicate(&claim_loc, BadValue::Str(name.to_owned()));
                    }
                }
            }
            if !names.contains(&key) {
                names.push(key);
            }
        }
        if !pod_names.contains(&name) {
            // field.NotFound takes no explanation; Go sets one on the error afterwards.
            let mut error = FieldError::not_found(claim_loc.path(), BadValue::Str(name.to_owned()));
            error.detail = "must be one of the names in pod.spec.resourceClaims".to_owned();
            if pod_names.is_empty() {
                error.detail.push_str(" which is empty");
            } else {
                error.detail.push_str(": ");
                error.detail.push_str(&pod_names.join(", "));
            }
            out.error(error, claim_loc.span);
        }
    }
}

/// A `v1.ResourceList` as Go accumulates it: written order, quantities with their text.
type ResourceList = Vec<(String, Quantity)>;

fn resource_list(node: Option<&Node>) -> ResourceList {
    entries_of(node)
        .iter()
        .map(|(name, value)| (name.clone(), quantity_of(value)))
        .collect()
}

/// `addResourceList`: a new entry is copied (keeping its text), an existing one summed.
fn add_resource_list(list: &mut ResourceList, new: &ResourceList) {
    for (name, quantity) in new {
        match list.iter_mut().find(|(n, _)| n == name) {
            Some((_, value)) => value.add(quantity),
            None => list.push((name.clone(), quantity.clone())),
        }
    }
}

/// `maxResourceList`.
fn max_resource_list(list: &mut ResourceList, new: &ResourceList) {
    for (name, quantity) in new {
        match list.iter_mut().find(|(n, _)| n == name) {
            Some((_, value)) => {
                if quantity.cmp_value(value) == Ordering::Greater {
                    *value = quantity.clone();
                }
            }
            None => list.push((name.clone(), quantity.clone())),
        }
    }
}

/// `resourcehelper.AggregateContainerRequests` / `AggregateContainerLimits` with default
/// options: regular and sidecar containers add up, other init containers take the maximum.
fn aggregate_container_resources(spec: Option<&Node>, kind: &str) -> ResourceList {
    let resources = |container: &Node| resource_list(container.at(&["resources", kind]));
    let mut total = ResourceList::new();
    for container in items_of(spec.and_then(|s| s.get("containers"))) {
        add_resource_list(&mut total, &resources(container));
    }
    let mut sidecars = ResourceList::new();
    let mut init = ResourceList::new();
    for container in items_of(spec.and_then(|s| s.get("initContainers"))) {
        let own = resources(container);
        let in_use = if str_of(container.get("restartPolicy")) == "Always" {
            add_resource_list(&mut total, &own);
            add_resource_list(&mut sidecars, &own);
            sidecars.clone()
        } else {
            let mut in_use = ResourceList::new();
            add_resource_list(&mut in_use, &own);
            add_resource_list(&mut in_use, &sidecars);
            in_use
        };
        max_resource_list(&mut init, &in_use);
    }
    max_resource_list(&mut total, &init);
    total
}

/// `validatePodResourceConsistency(spec, fldPath)`: pod-level requests cover the containers'
/// aggregate, pod-level hugepage limits their aggregate limits, and each container's limits
/// stay within the pod's.
fn validate_pod_resource_consistency(
    spec: Option<&Node>,
    resources: &Node,
    loc: &Loc,
    out: &mut Out,
) {
    let pod_limits = resources.get("limits");
    // Requests all count; of the limits only hugepages, which are not overcommitable, so the
    // pod's limit must hold every container's.
    for (kind, only_huge_pages) in [("requests", false), ("limits", true)] {
        let pod_list = resources.get(kind);
        let list_loc = loc.child(kind, pod_list);
        for (name, aggregate) in aggregate_container_resources(spec, kind) {
            if only_huge_pages && !is_huge_page_resource_name(&name) {
                continue;
            }
            let Some(node) = pod_list.and_then(|list| list.get(&name)) else {
                continue;
            };
            let pod_value = quantity_of(node);
            if aggregate.cmp_value(&pod_value) == Ordering::Greater {
                out.invalid(
                    &list_loc.key(&name, node.span),
                    BadValue::Str(pod_value.text()),
                    format!(
                        "must be greater than or equal to aggregate container {kind} of {}",
                        aggregate.text()
                    ),
                );
            }
        }
    }

    for (index, container) in items_of(spec.and_then(|s| s.get("containers")))
        .iter()
        .enumerate()
    {
        for (name, node) in entries_of(container.at(&["resources", "limits"])) {
            let Some(pod_node) = pod_limits.and_then(|l| l.get(name)) else {
                continue;
            };
            let container_limit = quantity_of(node);
            let pod_limit = quantity_of(pod_node);
            if container_limit.cmp_value(&pod_limit) == Ordering::Greater {
                // Go builds this path as fldPath.Child("containers").Index(i).Key(name).Child("limits").
                let at = Loc::new(
                    format!("{}.containers[{index}][{name}].limits", loc.path()),
                    node.span,
                );
                out.invalid(
                    &at,
                    BadValue::Str(container_limit.text()),
                    format!(
                        "must be less than or equal to pod limits of {}",
                        pod_limit.text()
                    ),
                );
            }
        }
    }
}

/// `helper.IsHugePageResourceName`.
fn is_huge_page_resource_name(name: &str) -> bool {
    name.starts_with(HUGE_PAGES_PREFIX)
}

/// `helper.IsQuotaHugePageResourceName`.
fn is_quota_huge_page_resource_name(name: &str) -> bool {
    name.starts_with(HUGE_PAGES_PREFIX) || name.starts_with(REQUESTS_HUGE_PAGES_PREFIX)
}

/// `helper.IsStandardResourceName`.
fn is_standard_resource_name(name: &str) -> bool {
    STANDARD_RESOURCES.contains(&name) || is_quota_huge_page_resource_name(name)
}

/// `helper.IsStandardContainerResourceName`.
fn is_standard_container_resource_name(name: &str) -> bool {
    matches!(name, "cpu" | "memory" | "ephemeral-storage") || is_huge_page_resource_name(name)
}

/// `helper.IsNativeResource`: unprefixed, or in the kubernetes.io/ namespace.
fn is_native_resource(name: &str) -> bool {
    !name.contains('/') || name.contains(DEFAULT_NAMESPACE_PREFIX)
}

/// `helper.IsExtendedResourceName`.
fn is_extended_resource_name(name: &str) -> bool {
    if is_native_resource(name) || name.starts_with(DEFAULT_REQUESTS_PREFIX) {
        return false;
    }
    // It must still be a qualified name once quota prefixes it with "requests.".
    is_qualified_name(&format!("{DEFAULT_REQUESTS_PREFIX}{name}")).is_empty()
}

/// `helper.IsOvercommitAllowed`.
fn is_overcommit_allowed(name: &str) -> bool {
    is_native_resource(name) && !is_huge_page_resource_name(name)
}

/// `helper.IsIntegerResourceName`.
fn is_integer_resource_name(name: &str) -> bool {
    INTEGER_RESOURCES.contains(&name) || is_extended_resource_name(name)
}

/// `resourcehelper.IsSupportedPodLevelResource`.
fn is_supported_pod_level_resource(name: &str) -> bool {
    name == "cpu" || name == "memory" || name.starts_with(HUGE_PAGES_PREFIX)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, pod_spec};
    use super::*;
    use jobscope_diagnostic::Span;

    fn spec_loc() -> Loc {
        Loc::new("spec", Span::default())
    }

    /// Errors of the first container's resources.
    fn container(yaml: &str, claims: &[&str]) -> Vec<String> {
        let spec = pod_spec(yaml);
        let container = spec
            .get("containers")
            .and_then(|c| c.items().first())
            .expect("a container");
        let names: Vec<String> = claims.iter().map(|c| c.to_string()).collect();
        let mut out = Out::default();
        let loc = Loc::new("spec.containers[0].resources", Span::default());
        validate_container_resource_requirements(
            container.get("resources"),
            &names,
            &loc,
            &PodOptions::default(),
            &mut out,
        );
        messages(&out)
    }

    fn resources(requirements: &str) -> Vec<String> {
        container(
            &format!("containers:\n- name: c\n  image: i\n  resources:\n{requirements}"),
            &[],
        )
    }

    fn pod_level(yaml: &str) -> Vec<String> {
        let spec = pod_spec(yaml);
        let mut out = Out::default();
        validate_pod_resources(
            Some(&spec),
            &[],
            &spec_loc(),
            &PodOptions::default(),
            &mut out,
        );
        messages(&out)
    }

    fn claims(yaml: &str, annotations: bool) -> Vec<String> {
        let spec = pod_spec(yaml);
        let meta = super::super::testing::node(
            if annotations {
                "annotations:\n  kubernetes.io/config.mirror: x\n"
            } else {
                "labels: {}\n"
            },
            &crate::manifest::schema::META_OBJECT_META,
        );
        let mut out = Out::default();
        let claims = spec.get("resourceClaims");
        validate_pod_resource_claims(
            Some(&meta),
            claims,
            &spec_loc().child("resourceClaims", claims),
            &mut out,
        );
        messages(&out)
    }

    #[test]
    fn valid_requirements_pass() {
        assert!(resources("    limits: {cpu: '1', memory: 1Gi, example.com/gpu: '2', ephemeral-storage: 1Gi}\n    requests: {cpu: 500m, memory: 512Mi, example.com/gpu: '2'}\n").is_empty());
        assert!(
            resources(
                "    limits: {cpu: '1', hugepages-2Mi: 4Mi}\n    requests: {hugepages-2Mi: 4Mi}\n"
            )
            .is_empty()
        );
        assert!(resources("    requests: {kubernetes.io/foo: 1500m}\n").is_empty());
    }

    #[test]
    fn requests_above_limits() {
        assert_eq!(
            resources("    limits: {cpu: '1'}\n    requests: {cpu: '2'}\n"),
            [
                "spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1"
            ]
        );
        assert_eq!(
            resources("    limits: {memory: 1Gi}\n    requests: {memory: 1.5Gi}\n"),
            [
                "spec.containers[0].resources.requests: Invalid value: \"1536Mi\": must be less than or equal to memory limit of 1Gi"
            ]
        );
    }

    #[test]
    fn non_overcommitable_resources_need_equal_limits() {
        assert_eq!(
            resources("    limits: {example.com/gpu: '2'}\n    requests: {example.com/gpu: '1'}\n"),
            [
                "spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2"
            ]
        );
        assert_eq!(
            resources("    requests: {example.com/gpu: '1'}\n"),
            [
                "spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources"
            ]
        );
        assert_eq!(
            resources(
                "    limits: {cpu: '1', hugepages-2Mi: 2Mi}\n    requests: {hugepages-2Mi: 4Mi}\n"
            ),
            [
                "spec.containers[0].resources.requests: Invalid value: \"4Mi\": must be equal to hugepages-2Mi limit of 2Mi"
            ]
        );
    }

    #[test]
    fn resource_names() {
        assert_eq!(
            resources("    limits: {foo: '1'}\n"),
            [
                "spec.containers[0].resources.limits[foo]: Invalid value: \"foo\": must be a standard resource type or fully qualified",
                "spec.containers[0].resources.limits[foo]: Invalid value: \"foo\": must be a standard resource for containers",
            ]
        );
        assert_eq!(
            resources("    requests: {pods: '1'}\n"),
            [
                "spec.containers[0].resources.requests[pods]: Invalid value: \"pods\": must be a standard resource for containers"
            ]
        );
        assert_eq!(
            resources("    limits: {requests.example.com/foo: '1'}\n"),
            [
                "spec.containers[0].resources.limits[requests.example.com/foo]: Invalid value: \"requests.example.com/foo\": doesn't follow extended resource name standard"
            ]
        );
        assert_eq!(
            resources("    limits: {'-bad': '1'}\n"),
            [
                "spec.containers[0].resources.limits[-bad]: Invalid value: \"-bad\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
                "spec.containers[0].resources.limits[-bad]: Invalid value: \"-bad\": must be a standard resource for containers",
            ]
        );
    }

    #[test]
    fn quantity_values() {
        assert_eq!(
            resources("    limits: {cpu: '-1'}\n"),
            [
                "spec.containers[0].resources.limits[cpu]: Invalid value: \"-1\": must be greater than or equal to 0"
            ]
        );
        assert_eq!(
            resources(
                "    limits: {example.com/gpu: 500m}\n    requests: {example.com/gpu: 500m}\n"
            ),
            [
                "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: \"500m\": must be an integer",
                "spec.containers[0].resources.requests[example.com/gpu]: Invalid value: \"500m\": must be an integer",
            ]
        );
        // A value Go's MilliValue overflows to 0 passes the integer check.
        assert!(
            resources(
                "    limits: {example.com/gpu: '1e19'}\n    requests: {example.com/gpu: '1e19'}\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn huge_pages() {
        assert_eq!(
            resources("    limits: {hugepages-2Mi: 3Mi}\n    requests: {hugepages-2Mi: 3Mi}\n"),
            [
                "spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: \"3Mi\": 3Mi is not positive integer multiple of hugepages-2Mi",
                "spec.containers[0].resources.requests[hugepages-2Mi]: Invalid value: \"3Mi\": 3Mi is not positive integer multiple of hugepages-2Mi",
                "spec.containers[0].resources: Forbidden: HugePages require cpu or memory",
            ]
        );
        assert_eq!(
            resources("    limits: {hugepages-foo: 2Mi, memory: 1Gi}\n"),
            [
                "spec.containers[0].resources.limits[hugepages-foo]: Invalid value: \"2Mi\": 2Mi is not positive integer multiple of hugepages-foo"
            ]
        );
        assert!(resources("    limits: {hugepages-1Gi: 2Gi, memory: 1Gi}\n").is_empty());
        let options = PodOptions {
            allow_indivisible_huge_pages_values: true,
            ..PodOptions::default()
        };
        let spec = pod_spec(
            "containers:\n- name: c\n  resources:\n    limits: {hugepages-2Mi: 3Mi, cpu: '1'}\n",
        );
        let container = &spec.get("containers").unwrap().items()[0];
        let mut out = Out::default();
        validate_container_resource_requirements(
            container.get("resources"),
            &[],
            &Loc::new("r", Span::default()),
            &options,
            &mut out,
        );
        assert!(messages(&out).is_empty());
    }

    #[test]
    fn container_claims() {
        let yaml = "containers:\n- name: c\n  resources:\n    claims:\n    - name: a\n    - name: ''\n    - name: a\n    - name: b\n      request: x\n    - name: b\n      request: x\n    - name: b\n    - name: c\n      request: Bad_\n";
        assert_eq!(
            container(yaml, &["b", "a", "", "a"]),
            [
                "spec.containers[0].resources.claims[1]: Required value",
                "spec.containers[0].resources.claims[2]: Duplicate value: \"a\"",
                "spec.containers[0].resources.claims[4]: Duplicate value: \"b/x\"",
                "spec.containers[0].resources.claims[5]: Duplicate value: \"b\"",
                "spec.containers[0].resources.claims[6].request: Invalid value: \"Bad_\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "spec.containers[0].resources.claims[6]: Not found: \"c\": must be one of the names in pod.spec.resourceClaims: a, b",
            ]
        );
        assert_eq!(
            container(
                "containers:\n- name: c\n  resources:\n    claims:\n    - name: a\n",
                &[]
            ),
            [
                "spec.containers[0].resources.claims[0]: Not found: \"a\": must be one of the names in pod.spec.resourceClaims which is empty"
            ]
        );
    }

    #[test]
    fn overhead_reuses_container_checks() {
        let spec = pod_spec("containers: []\noverhead: {cpu: 250m, foo: '-1'}\n");
        let mut out = Out::default();
        validate_overhead(Some(&spec), &spec_loc(), &PodOptions::default(), &mut out);
        assert_eq!(
            messages(&out),
            [
                "spec.overhead.limits[foo]: Invalid value: \"foo\": must be a standard resource type or fully qualified",
                "spec.overhead.limits[foo]: Invalid value: \"foo\": must be a standard resource for containers",
                "spec.overhead.limits[foo]: Invalid value: \"-1\": must be greater than or equal to 0",
            ]
        );
        let mut out = Out::default();
        validate_overhead(
            Some(&pod_spec("containers: []\n")),
            &spec_loc(),
            &PodOptions::default(),
            &mut out,
        );
        assert!(messages(&out).is_empty());
    }

    #[test]
    fn pod_level_names_and_claims() {
        assert!(pod_level("containers: []\n").is_empty());
        assert_eq!(
            pod_level(
                "containers: []\nresources:\n  limits: {ephemeral-storage: 1Gi, cpu: '1'}\n  requests: {cpu: '2'}\n  claims: [{name: x}]\n"
            ),
            [
                "spec.resources.claims: Forbidden: claims may not be set for Resources at pod-level",
                "spec.resources.limits[ephemeral-storage]: Unsupported value: \"ephemeral-storage\": supported values: \"cpu\", \"hugepages-\", \"memory\"",
                "spec.resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1",
                "spec.resources.claims[0]: Not found: \"x\": must be one of the names in pod.spec.resourceClaims which is empty",
            ]
        );
        assert_eq!(
            pod_level("containers: []\nos: {name: windows}\nresources:\n  limits: {foo: '1'}\n"),
            ["spec.resources: Forbidden: may not be set for a windows pod"]
        );
    }

    #[test]
    fn pod_level_consistency() {
        let yaml = "containers:
- name: a
  resources:
    requests: {cpu: 300m, memory: 1Gi}
    limits: {cpu: '2', hugepages-2Mi: 4Mi}
- name: b
  resources:
    requests: {cpu: 300m}
    limits: {hugepages-2Mi: 4Mi}
initContainers:
- name: side
  restartPolicy: Always
  resources:
    requests: {memory: 1Gi}
- name: init
  resources:
    requests: {memory: 3Gi}
resources:
  requests: {cpu: 500m, memory: 2Gi}
  limits: {cpu: '1', memory: 4Gi, hugepages-2Mi: 6Mi}
";
        assert_eq!(
            pod_level(yaml),
            [
                "spec.resources.requests[cpu]: Invalid value: \"500m\": must be greater than or equal to aggregate container requests of 600m",
                "spec.resources.requests[memory]: Invalid value: \"2Gi\": must be greater than or equal to aggregate container requests of 4Gi",
                "spec.resources.limits[hugepages-2Mi]: Invalid value: \"6Mi\": must be greater than or equal to aggregate container limits of 8Mi",
                "spec.resources.containers[0][cpu].limits: Invalid value: \"2\": must be less than or equal to pod limits of 1",
            ]
        );
        // One container's own quantity keeps its written text.
        assert_eq!(
            pod_level(
                "containers:\n- name: a\n  resources:\n    requests: {cpu: '2'}\nresources:\n  requests: {cpu: '1'}\n"
            ),
            [
                "spec.resources.requests[cpu]: Invalid value: \"1\": must be greater than or equal to aggregate container requests of 2"
            ]
        );
    }

    #[test]
    fn pod_resource_claims() {
        let yaml = "containers: []
resourceClaims:
- name: a
  resourceClaimName: x
- name: a
  resourceClaimTemplateName: 'y'
- name: ''
- name: B
  resourceClaimName: Bad
  resourceClaimTemplateName: t
";
        assert_eq!(
            claims(yaml, false),
            [
                "spec.resourceClaims[1].name: Duplicate value: \"a\"",
                "spec.resourceClaims[2].name: Required value",
                "spec.resourceClaims[2]: Invalid value: {\"Name\":\"\",\"ResourceClaimName\":null,\"ResourceClaimTemplateName\":null}: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`",
                "spec.resourceClaims[3].name: Invalid value: \"B\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "spec.resourceClaims[3]: Invalid value: {\"Name\":\"B\",\"ResourceClaimName\":\"Bad\",\"ResourceClaimTemplateName\":\"t\"}: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified",
                "spec.resourceClaims[3].resourceClaimName: Invalid value: \"Bad\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ]
        );
        assert_eq!(
            claims(
                "containers: []\nresourceClaims:\n- name: a\n- name: b\n",
                true
            ),
            [
                "[]: Forbidden: static pods do not support resource claims",
                "[]: Forbidden: static pods do not support resource claims"
            ]
        );
    }
}
