//! `ValidatePodTemplateSpec` and `ValidatePodSpec` (pkg/apis/core/validation, v1.34): the order
//! of checks is the apiserver's; each part lives in the file named for its area.
//!
//! The apiserver validates the internal type, converted from v1: `hostNetwork`, `hostPID`,
//! `hostIPC`, `shareProcessNamespace` and `hostUsers` move into the pod security context there,
//! and a deprecated `serviceAccount` fills an empty `serviceAccountName`. The rules below read
//! the v1 fields and write the paths the apiserver writes.

use super::containers;
use super::context::{Loc, Out, each_invalid, int_of, items_of, str_of};
use super::field::BadValue;
use super::meta::{validate_annotations, validate_labels};
use super::names::{is_dns1123_label, name_is_dns_subdomain};
use super::options::PodOptions;
use super::podsecurity;
use super::resources;
use super::scheduling;
use super::volumes;
use crate::manifest::object::Node;

/// `ValidatePodTemplateSpec(spec, fldPath, opts)`.
pub(crate) fn validate_pod_template_spec(
    template: Option<&Node>,
    loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    // ValidatePodTemplateSpec names these without "metadata" (fldPath.Child("labels")).
    let meta = template.and_then(|t| t.get("metadata"));
    let labels = meta.and_then(|m| m.get("labels"));
    validate_labels(labels, &loc.child("labels", labels), out);
    let annotations = meta.and_then(|m| m.get("annotations"));
    validate_annotations(annotations, &loc.child("annotations", annotations), out);
    let (spec, spec_loc) = loc.field(template, "spec");
    podsecurity::validate_pod_specific_annotations(
        annotations,
        spec,
        &loc.child("annotations", annotations),
        opts,
        out,
    );
    // Go passes a nil podMeta here: template metadata never reaches the volume or claim checks.
    validate_pod_spec(spec, None, &spec_loc, opts, out);
    podsecurity::validate_seccomp_annotations_and_fields(meta, spec, &spec_loc, out);
    podsecurity::validate_app_armor_annotations_and_fields_match_on_create(
        meta, spec, &spec_loc, out,
    );
    let (ephemeral, ephemeral_loc) = spec_loc.field(spec, "ephemeralContainers");
    if !items_of(ephemeral).is_empty() {
        out.forbidden(
            &ephemeral_loc,
            "ephemeral containers not allowed in pod template",
        );
    }
}

/// `ValidatePodSpec(spec, podMeta, fldPath, opts)`.
pub(crate) fn validate_pod_spec(
    spec: Option<&Node>,
    pod_meta: Option<&Node>,
    loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let (grace, grace_loc) = loc.field(spec, "terminationGracePeriodSeconds");
    if grace.is_none() {
        out.required(&grace_loc, "");
    }
    let grace_period = int_of(grace);
    // hostUsers defaults to true.
    let host_users = spec
        .and_then(|s| s.get("hostUsers"))
        .and_then(Node::as_bool)
        .unwrap_or(true);

    let vols = volumes::validate_volumes(
        spec.and_then(|s| s.get("volumes")),
        pod_meta,
        &loc.child("volumes", spec.and_then(|s| s.get("volumes"))),
        opts,
        out,
    );
    let pod_claim_names: Vec<String> = items_of(spec.and_then(|s| s.get("resourceClaims")))
        .iter()
        .map(|claim| str_of(claim.get("name")).to_owned())
        .collect();
    resources::validate_pod_resource_claims(
        pod_meta,
        spec.and_then(|s| s.get("resourceClaims")),
        &loc.child("resourceClaims", spec.and_then(|s| s.get("resourceClaims"))),
        out,
    );
    containers::validate_containers(
        spec,
        &vols,
        &pod_claim_names,
        grace_period,
        loc,
        opts,
        host_users,
        out,
    );
    containers::validate_init_containers(
        spec,
        &vols,
        &pod_claim_names,
        grace_period,
        loc,
        opts,
        host_users,
        out,
    );
    containers::validate_ephemeral_containers(
        spec,
        &vols,
        &pod_claim_names,
        loc,
        opts,
        host_users,
        out,
    );
    if opts.pod_level_resources_enabled {
        resources::validate_pod_resources(spec, &pod_claim_names, loc, opts, out);
    }

    podsecurity::validate_pod_host_network_deps(spec, loc, opts, out);
    let (restart_policy, restart_loc) = loc.field(spec, "restartPolicy");
    validate_restart_policy(restart_policy, &restart_loc, out);
    podsecurity::validate_dns_policy(spec, loc, out);
    let (node_selector, node_selector_loc) = loc.field(spec, "nodeSelector");
    validate_labels(node_selector, &node_selector_loc, out);
    podsecurity::validate_pod_spec_security_context(spec, loc, opts, out);
    scheduling::validate_image_pull_secrets(spec, loc, out);
    scheduling::validate_affinity(spec, loc, opts, out);
    podsecurity::validate_pod_dns_config(spec, loc, opts, out);
    scheduling::validate_readiness_gates(spec, loc, out);
    scheduling::validate_scheduling_gates(spec, loc, out);
    scheduling::validate_topology_spread_constraints(spec, loc, opts, out);
    podsecurity::validate_windows_host_process_pod(spec, loc, out);
    podsecurity::validate_host_users(spec, loc, opts, out);
    podsecurity::validate_pod_host_name(spec, loc, out);

    // The deprecated `serviceAccount` fills an empty `serviceAccountName` in conversion.
    let (account, account_loc) = match spec
        .and_then(|s| s.get("serviceAccountName"))
        .filter(|n| !str_of(Some(n)).is_empty())
    {
        Some(node) => (Some(node), loc.child("serviceAccountName", Some(node))),
        None => {
            let deprecated = spec.and_then(|s| s.get("serviceAccount"));
            (deprecated, loc.child("serviceAccountName", deprecated))
        }
    };
    subdomain_if_set(account, &account_loc, out);
    let (node_name, node_name_loc) = loc.field(spec, "nodeName");
    subdomain_if_set(node_name, &node_name_loc, out);
    let (deadline, deadline_loc) = loc.field(spec, "activeDeadlineSeconds");
    if let Some(value) = int_of(deadline)
        && !(1..=i64::from(i32::MAX)).contains(&value)
    {
        out.invalid(
            &deadline_loc,
            BadValue::Int(value),
            super::names::inclusive_range_error(1, i64::from(i32::MAX)),
        );
    }
    for name in ["hostname", "subdomain"] {
        let (node, node_loc) = loc.field(spec, name);
        let value = str_of(node);
        if !value.is_empty() {
            each_invalid(is_dns1123_label(value), &node_loc, value, out);
        }
    }
    scheduling::validate_tolerations(spec, loc, out);
    podsecurity::validate_host_aliases(spec, loc, out);
    let (priority_class, priority_loc) = loc.field(spec, "priorityClassName");
    subdomain_if_set(priority_class, &priority_loc, out);
    let (runtime_class, runtime_loc) = loc.field(spec, "runtimeClassName");
    if let Some(name) = runtime_class.and_then(Node::as_str) {
        each_invalid(name_is_dns_subdomain(name, false), &runtime_loc, name, out);
    }
    scheduling::validate_preemption_policy(spec, loc, out);
    resources::validate_overhead(spec, loc, opts, out);
    podsecurity::validate_os(spec, loc, opts, out);
    volumes::validate_file_key_ref_volumes(spec, loc, out);
}

/// A name field checked with `ValidateNameFunc(ValidateDNS1123Subdomain)` when it is not empty.
fn subdomain_if_set(name: Option<&Node>, loc: &Loc, out: &mut Out) {
    let name = str_of(name);
    if !name.is_empty() {
        each_invalid(name_is_dns_subdomain(name, false), loc, name, out);
    }
}

/// `validateRestartPolicy`.
pub(crate) fn validate_restart_policy(policy: Option<&Node>, loc: &Loc, out: &mut Out) {
    match str_of(policy) {
        "Always" | "OnFailure" | "Never" => {}
        "" => out.required(loc, ""),
        // RestartPolicy is a named string type: printed as JSON.
        other => out.not_supported(
            loc,
            BadValue::json_string(other),
            &["Always", "OnFailure", "Never"],
        ),
    }
}
