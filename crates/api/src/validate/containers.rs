//! Containers, init containers and ephemeral containers (`validateContainers`,
//! `validateInitContainers`, `validateEphemeralContainers` and `validateContainerCommon` with
//! everything they call: ports, env, envFrom, volume mounts and devices, probes, lifecycle,
//! security context, restart policy), pkg/apis/core/validation v1.34.
//!
//! The apiserver drops the fields of disabled feature gates before it validates (the strategy's
//! `PrepareForCreate` calls `dropDisabledFields`). With v1.34's default gates that removes a
//! container's `restartPolicy` (an init container keeps `Always`), `restartPolicyRules`,
//! `lifecycle.stopSignal` (and a lifecycle left empty by that) and env `valueFrom.fileKeyRef`;
//! the rules below read those fields as absent, as the apiserver's validation sees them.

use std::collections::HashSet;

use super::context::{
    Loc, Out, each_invalid, int_of, internal_json, items_of, nonnegative, required_str, str_of,
    to_json,
};
use super::field::BadValue;
use super::fieldpath::{
    validate_container_resource_field_selector, validate_object_field_selector,
};
use super::names::{
    is_config_map_key, is_dns1123_label, is_http_header_name, is_relaxed_env_var_name, is_valid_id,
    is_valid_port_name, is_valid_port_num, name_is_dns_subdomain, regex_error,
};
use super::options::PodOptions;
use super::paths::{has_backsteps, validate_local_descending_path, validate_path_no_backsteps};
use super::resources::validate_container_resource_requirements;
use super::securitycontext::{
    validate_app_armor_profile_field, validate_seccomp_profile_field,
    validate_windows_security_context_options,
};
use super::volumes::Volumes;
use crate::manifest::object::{IntOrString, Node};
use crate::manifest::schema::{CONTAINER_RESIZE_POLICY, ENUM_SIGNAL, SECURITY_CONTEXT};
use jobscope_golang::strings::go_trim_space;

/// `capabilities.Get().AllowPrivileged`, kube-apiserver's `--allow-privileged`. The flag's own
/// default is false, but kubeadm, kind and the managed distributions all start the apiserver
/// with it set, so a privileged container is accepted by the clusters jobs are written for.
const ALLOW_PRIVILEGED: bool = true;

/// The ContainerStopSignals feature gate (alpha, off in every supported version): while it is
/// off a create drops `lifecycle.stopSignal` before validating (`dropContainerStopSignals`, in
/// `manifest::defaults`, which reports the drop); validation called on its own reads the signal
/// as absent too, so it gives the same answer.
const CONTAINER_STOP_SIGNALS: bool = false;

const MAX_CONTAINER_RESTART_RULES: usize = 20;
const MAX_CONTAINER_RESTART_RULE_EXIT_CODES: usize = 255;

/// `validEnvDownwardAPIFieldPathExpressions`, sorted as `sets.List` gives them.
const ENV_FIELD_PATH_EXPRESSIONS: &[&str] = &[
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.serviceAccountName",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];

/// Which list a container is in: the rules and the dropped fields differ.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Regular,
    Init,
    Ephemeral,
}

/// What every container rule needs to know about the pod.
struct Ctx<'a> {
    vols: &'a Volumes<'a>,
    pod_claim_names: &'a [String],
    opts: &'a PodOptions,
    /// `spec.restartPolicy` (defaulted to Always).
    pod_restart_policy: &'a str,
    host_users: bool,
    grace_period: Option<i64>,
    /// `spec.os`.
    os: Option<&'a Node>,
}

impl<'a> Ctx<'a> {
    fn new(
        spec: Option<&'a Node>,
        vols: &'a Volumes<'a>,
        pod_claim_names: &'a [String],
        grace_period: Option<i64>,
        opts: &'a PodOptions,
        host_users: bool,
    ) -> Self {
        Ctx {
            vols,
            pod_claim_names,
            opts,
            pod_restart_policy: str_of(spec.and_then(|s| s.get("restartPolicy"))),
            host_users,
            grace_period,
            os: spec.and_then(|s| s.get("os")),
        }
    }
}

/// `validateContainers(spec.Containers, …)`; `spec_loc` is the pod spec's location.
#[allow(clippy::too_many_arguments)] // reason: mirrors the Go function's parameters
pub(crate) fn validate_containers(
    spec: Option<&Node>,
    vols: &Volumes<'_>,
    pod_claim_names: &[String],
    grace_period: Option<i64>,
    spec_loc: &Loc,
    opts: &PodOptions,
    host_users: bool,
    out: &mut Out,
) {
    let ctx = Ctx::new(spec, vols, pod_claim_names, grace_period, opts, host_users);
    let (list, loc) = spec_loc.field(spec, "containers");
    let containers = items_of(list);
    if containers.is_empty() {
        out.required(&loc, "");
        return;
    }
    let mut names: HashSet<&str> = HashSet::new();
    for (i, ctr) in containers.iter().enumerate() {
        let path = loc.index(i, ctr);
        validate_container_common(ctr, &path, &ctx, out);

        // Unique among regular containers; clashes with init and ephemeral containers are
        // reported by their own lists.
        let (name_node, name_loc) = path.field(Some(ctr), "name");
        let name = str_of(name_node);
        if !names.insert(name) {
            out.duplicate(&name_loc, BadValue::Str(name.to_owned()));
        }

        if let Some(lifecycle) = lifecycle_of(ctr) {
            validate_lifecycle(
                lifecycle,
                &path.child("lifecycle", Some(lifecycle)),
                &ctx,
                out,
            );
        }
        validate_probes(ctr, &path, &ctx, out);

        let policy = restart_policy_of(ctr, Kind::Regular, opts);
        if opts.allow_container_restart_policy_rules {
            validate_container_restart_policy(
                policy,
                restart_rules_of(ctr, opts),
                &path,
                opts,
                out,
            );
        } else if let Some(policy) = policy {
            out.forbidden(
                &path.child("restartPolicy", Some(policy)),
                "may not be set for non-init containers",
            );
        }
    }
    // Host ports may not collide across the regular containers, which run together.
    let indexed: Vec<(usize, &Node)> = containers.iter().enumerate().collect();
    check_host_port_conflicts(&indexed, &loc, out);
}

/// `validateInitContainers(spec.InitContainers, …)`.
#[allow(clippy::too_many_arguments)] // reason: mirrors the Go function's parameters
pub(crate) fn validate_init_containers(
    spec: Option<&Node>,
    vols: &Volumes<'_>,
    pod_claim_names: &[String],
    grace_period: Option<i64>,
    spec_loc: &Loc,
    opts: &PodOptions,
    host_users: bool,
    out: &mut Out,
) {
    let ctx = Ctx::new(spec, vols, pod_claim_names, grace_period, opts, host_users);
    let (list, loc) = spec_loc.field(spec, "initContainers");
    let mut names: HashSet<&str> = items_of(spec.and_then(|s| s.get("containers")))
        .iter()
        .map(|c| str_of(c.get("name")))
        .collect();
    for (i, ctr) in items_of(list).iter().enumerate() {
        let path = loc.index(i, ctr);
        validate_container_common(ctr, &path, &ctx, out);

        let mut restart_always = false;
        if let Some(policy) = restart_policy_of(ctr, Kind::Init, opts) {
            validate_init_container_restart_policy(
                policy,
                restart_rules_of(ctr, opts),
                &path,
                opts,
                out,
            );
            restart_always = str_of(Some(policy)) == "Always";
        } else if opts.init_restart_rules_need_policy
            && !items_of(restart_rules_of(ctr, opts)).is_empty()
        {
            out.required(
                &path.child("restartPolicy", None),
                "must specify restartPolicy when restart rules are used",
            );
        }

        // Unique among regular and init containers (ephemeral ones check themselves).
        let (name_node, name_loc) = path.field(Some(ctr), "name");
        let name = str_of(name_node);
        if names.contains(name) {
            out.duplicate(&name_loc, BadValue::Str(name.to_owned()));
        } else if !name.is_empty() {
            names.insert(name);
        }

        // Init containers run one by one, so each is checked alone; Go passes the single
        // container as a list of one, which names it `initContainers[0]` whatever its index.
        check_host_port_conflicts(&[(0, ctr)], &loc, out);

        if restart_always {
            if let Some(lifecycle) = lifecycle_of(ctr) {
                validate_lifecycle(
                    lifecycle,
                    &path.child("lifecycle", Some(lifecycle)),
                    &ctx,
                    out,
                );
            }
            validate_probes(ctr, &path, &ctx, out);
        } else {
            const NOT_SIDECAR: &str =
                "may not be set for init containers without restartPolicy=Always";
            if let Some(lifecycle) = lifecycle_of(ctr) {
                out.forbidden(&path.child("lifecycle", Some(lifecycle)), NOT_SIDECAR);
            }
            for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
                if let Some(node) = ctr.get(probe) {
                    out.forbidden(&path.child(probe, Some(node)), NOT_SIDECAR);
                }
            }
        }

        let resize = ctr.get("resizePolicy");
        if !opts.allow_sidecar_resize_policy && !items_of(resize).is_empty() {
            let items: Vec<String> = items_of(resize)
                .iter()
                .map(|p| internal_json(Some(p), &CONTAINER_RESIZE_POLICY))
                .collect();
            let value = format!("[{}]", items.join(","));
            out.invalid(
                &path.child("resizePolicy", resize),
                BadValue::Json(value),
                "must not be set for init containers",
            );
        }
    }
}

/// `validateEphemeralContainers(spec.EphemeralContainers, …)`.
pub(crate) fn validate_ephemeral_containers(
    spec: Option<&Node>,
    vols: &Volumes<'_>,
    pod_claim_names: &[String],
    spec_loc: &Loc,
    opts: &PodOptions,
    host_users: bool,
    out: &mut Out,
) {
    // Ephemeral containers have no lifecycle or probes, so no grace period is needed.
    let ctx = Ctx::new(spec, vols, pod_claim_names, None, opts, host_users);
    let (list, loc) = spec_loc.field(spec, "ephemeralContainers");
    let containers = items_of(list);
    if containers.is_empty() {
        return;
    }
    let other_names: HashSet<&str> = ["containers", "initContainers"]
        .iter()
        .flat_map(|key| items_of(spec.and_then(|s| s.get(key))))
        .map(|c| str_of(c.get("name")))
        .collect();
    let mut all_names = other_names.clone();

    for (i, ec) in containers.iter().enumerate() {
        let path = loc.index(i, ec);
        validate_container_common(ec, &path, &ctx, out);
        validate_container_only_for_pod(ec, &path, out);

        // Unique across all container types.
        let (name_node, name_loc) = path.field(Some(ec), "name");
        let name = str_of(name_node);
        if !all_names.insert(name) {
            out.duplicate(&name_loc, BadValue::Str(name.to_owned()));
        }

        // The target must exist and not be ephemeral itself.
        let (target_node, target_loc) = path.field(Some(ec), "targetContainerName");
        let target = str_of(target_node);
        if !target.is_empty() && !other_names.contains(target) {
            out.not_found(&target_loc, BadValue::Str(target.to_owned()));
        }

        validate_ephemeral_field_allow_list(ec, &path, opts, out);

        // Subpath bind mounts outlive the container until the pod exits.
        let (mounts, mounts_loc) = path.field(Some(ec), "volumeMounts");
        for (j, mount) in items_of(mounts).iter().enumerate() {
            let mount_loc = mounts_loc.index(j, mount);
            for key in ["subPath", "subPathExpr"] {
                let (node, node_loc) = mount_loc.field(Some(mount), key);
                if !str_of(node).is_empty() {
                    out.forbidden(&node_loc, "cannot be set for an Ephemeral Container");
                }
            }
        }
    }
}

/// `validateFieldAllowList(ec.EphemeralContainerCommon, allowedEphemeralContainerFields, …)`:
/// the fields an ephemeral container may not set, in the struct's order, each when it differs
/// from its zero value.
fn validate_ephemeral_field_allow_list(ec: &Node, path: &Loc, opts: &PodOptions, out: &mut Out) {
    for key in [
        "ports",
        "resources",
        "resizePolicy",
        "restartPolicy",
        "restartPolicyRules",
        "livenessProbe",
        "readinessProbe",
        "startupProbe",
        "lifecycle",
    ] {
        let set = match key {
            // A struct: zero only when none of its fields is set.
            "resources" => ec.get(key).filter(|r| !r.fields().is_empty()),
            "restartPolicy" => restart_policy_of(ec, Kind::Ephemeral, opts),
            "restartPolicyRules" => restart_rules_of(ec, opts),
            "lifecycle" => lifecycle_of(ec),
            // Pointers and slices: set when present (an empty list is a non-nil slice).
            _ => ec.get(key),
        };
        if let Some(node) = set {
            out.forbidden(
                &path.child(key, Some(node)),
                "cannot be set for an Ephemeral Container",
            );
        }
    }
}

/// `validateContainerOnlyForPod`.
fn validate_container_only_for_pod(ctr: &Node, path: &Loc, out: &mut Out) {
    let (image_node, image_loc) = path.field(Some(ctr), "image");
    let image = str_of(image_node);
    if image.len() != go_trim_space(image).len() {
        out.invalid(
            &image_loc,
            BadValue::Str(image.to_owned()),
            "must not have leading or trailing whitespace",
        );
    }
}

/// The container's `restartPolicy` after `dropContainerRestartRules`: with the gate off only an
/// init container's `Always` survives.
fn restart_policy_of<'n>(ctr: &'n Node, kind: Kind, opts: &PodOptions) -> Option<&'n Node> {
    let policy = ctr.get("restartPolicy")?;
    if opts.allow_container_restart_policy_rules
        || !opts.container_restart_rules_gate_exists
        || (kind == Kind::Init && str_of(Some(policy)) == "Always")
    {
        Some(policy)
    } else {
        None
    }
}

/// `restartPolicyRules` after `dropContainerRestartRules`.
fn restart_rules_of<'n>(ctr: &'n Node, opts: &PodOptions) -> Option<&'n Node> {
    ctr.get("restartPolicyRules")
        .filter(|_| opts.allow_container_restart_policy_rules)
}

/// `lifecycle` after `dropContainerStopSignals`: a lifecycle that only held a stop signal is gone.
fn lifecycle_of(ctr: &Node) -> Option<&Node> {
    let lifecycle = ctr.get("lifecycle")?;
    let only_stop_signal = lifecycle.get("stopSignal").is_some()
        && lifecycle.get("postStart").is_none()
        && lifecycle.get("preStop").is_none();
    if !CONTAINER_STOP_SIGNALS && only_stop_signal {
        None
    } else {
        Some(lifecycle)
    }
}

/// `validateContainerCommon`: the rules every kind of container shares.
fn validate_container_common(ctr: &Node, path: &Loc, ctx: &Ctx<'_>, out: &mut Out) {
    let (name_node, name_loc) = path.field(Some(ctr), "name");
    let name = str_of(name_node);
    if name.is_empty() {
        out.required(&name_loc, "");
    } else {
        each_invalid(is_dns1123_label(name), &name_loc, name, out);
    }

    // Whitespace is kept: " " is a special image token in some pod templates.
    let (image, image_loc) = path.field(Some(ctr), "image");
    if str_of(image).is_empty() {
        out.required(&image_loc, "");
    }

    let (policy, policy_loc) = path.field(Some(ctr), "terminationMessagePolicy");
    match str_of(policy) {
        "File" | "FallbackToLogsOnError" => {}
        "" => out.required(&policy_loc, ""),
        other => out.not_supported(
            &policy_loc,
            BadValue::json_string(other),
            &["File", "FallbackToLogsOnError"],
        ),
    }

    let mounts = items_of(ctr.get("volumeMounts"));
    let devices = items_of(ctr.get("volumeDevices"));
    let mount_map = name_path_map(mounts, "mountPath");
    let device_map = name_path_map(devices, "devicePath");

    let (ports, ports_loc) = path.field(Some(ctr), "ports");
    validate_container_ports(items_of(ports), &ports_loc, out);
    let (env, env_loc) = path.field(Some(ctr), "env");
    validate_env(items_of(env), &env_loc, ctx.opts, out);
    let (env_from, env_from_loc) = path.field(Some(ctr), "envFrom");
    validate_env_from(items_of(env_from), &env_from_loc, ctx.opts, out);
    let mounts_loc = path.child("volumeMounts", ctr.get("volumeMounts"));
    validate_volume_mounts(mounts, &device_map, ctx.vols, ctr, &mounts_loc, out);
    let devices_loc = path.child("volumeDevices", ctr.get("volumeDevices"));
    validate_volume_devices(devices, &mount_map, ctx.vols, &devices_loc, out);
    let (pull, pull_loc) = path.field(Some(ctr), "imagePullPolicy");
    validate_pull_policy(str_of(pull), &pull_loc, out);
    let (resources, resources_loc) = path.field(Some(ctr), "resources");
    validate_container_resource_requirements(
        resources,
        ctx.pod_claim_names,
        &resources_loc,
        ctx.opts,
        out,
    );
    let (resize, resize_loc) = path.field(Some(ctr), "resizePolicy");
    validate_resize_policy(items_of(resize), &resize_loc, ctx.pod_restart_policy, out);
    let (sc, sc_loc) = path.field(Some(ctr), "securityContext");
    validate_security_context(sc, &sc_loc, ctx.host_users, out);
}

/// `GetVolumeMountMap` / `GetVolumeDeviceMap`: name to path, a later entry replacing an
/// earlier one of the same name (a Go map).
fn name_path_map<'n>(items: &'n [Node], path_key: &str) -> Vec<(&'n str, &'n str)> {
    let mut map: Vec<(&str, &str)> = Vec::new();
    for item in items {
        let name = str_of(item.get("name"));
        let path = str_of(item.get(path_key));
        match map.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = path,
            None => map.push((name, path)),
        }
    }
    map
}

/// `validateContainerPorts`.
fn validate_container_ports(ports: &[Node], loc: &Loc, out: &mut Out) {
    let mut names: HashSet<&str> = HashSet::new();
    for (i, port) in ports.iter().enumerate() {
        let idx = loc.index(i, port);
        let (name_node, name_loc) = idx.field(Some(port), "name");
        let name = str_of(name_node);
        if !name.is_empty() {
            let problems = is_valid_port_name(name);
            if !problems.is_empty() {
                each_invalid(problems, &name_loc, name, out);
            } else if !names.insert(name) {
                out.duplicate(&name_loc, BadValue::Str(name.to_owned()));
            }
        }
        let (container_port, container_port_loc) = idx.field(Some(port), "containerPort");
        let container_port = int_of(container_port).unwrap_or(0);
        if container_port == 0 {
            out.required(&container_port_loc, "");
        } else {
            for message in is_valid_port_num(container_port) {
                out.invalid(&container_port_loc, BadValue::Int(container_port), message);
            }
        }
        let (host_port, host_port_loc) = idx.field(Some(port), "hostPort");
        let host_port = int_of(host_port).unwrap_or(0);
        if host_port != 0 {
            for message in is_valid_port_num(host_port) {
                out.invalid(&host_port_loc, BadValue::Int(host_port), message);
            }
        }
        let (protocol, protocol_loc) = idx.field(Some(port), "protocol");
        match str_of(protocol) {
            "" => out.required(&protocol_loc, ""),
            "TCP" | "UDP" | "SCTP" => {}
            other => out.not_supported(
                &protocol_loc,
                BadValue::json_string(other),
                &["SCTP", "TCP", "UDP"],
            ),
        }
    }
}

/// `checkHostPortConflicts` (`AccumulateUniqueHostPorts` with a fresh set): each container with
/// the index its path is written with.
fn check_host_port_conflicts(containers: &[(usize, &Node)], loc: &Loc, out: &mut Out) {
    let mut seen: HashSet<String> = HashSet::new();
    for (ci, ctr) in containers {
        let ports_loc = loc.index(*ci, ctr).child("ports", ctr.get("ports"));
        for (pi, port) in items_of(ctr.get("ports")).iter().enumerate() {
            let host_port = int_of(port.get("hostPort")).unwrap_or(0);
            if host_port == 0 {
                continue;
            }
            let key = format!(
                "{}/{}/{host_port}",
                str_of(port.get("protocol")),
                str_of(port.get("hostIP"))
            );
            if seen.contains(&key) {
                let (_, host_port_loc) = ports_loc.index(pi, port).field(Some(port), "hostPort");
                out.duplicate(&host_port_loc, BadValue::Str(key));
            } else {
                seen.insert(key);
            }
        }
    }
}

/// `ValidateEnv`.
fn validate_env(vars: &[Node], loc: &Loc, opts: &PodOptions, out: &mut Out) {
    for (i, var) in vars.iter().enumerate() {
        let idx = loc.index(i, var);
        let (name_node, name_loc) = idx.field(Some(var), "name");
        let name = str_of(name_node);
        if name.is_empty() {
            out.required(&name_loc, "");
        } else if opts.allow_relaxed_environment_variable_validation {
            each_invalid(is_relaxed_env_var_name(name), &name_loc, name, out);
        } else {
            each_invalid(is_env_var_name(name), &name_loc, name, out);
        }
        let (value_from, value_from_loc) = idx.field(Some(var), "valueFrom");
        validate_env_var_value_from(var, value_from, &value_from_loc, opts, out);
    }
}

/// `IsEnvVarName`: the strict rule, used when relaxed names are not allowed.
fn is_env_var_name(value: &str) -> Vec<String> {
    const FORMAT: &str = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    const MESSAGE: &str = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
    let bytes = value.as_bytes();
    let ok = bytes.first().is_some_and(|b| !b.is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'));
    let mut errors = Vec::new();
    if !ok {
        errors.push(regex_error(
            MESSAGE,
            FORMAT,
            &["my.env-name", "MY_ENV.NAME", "MyEnvName1"],
        ));
    }
    // hasChDirPrefix
    match value {
        "." => errors.push("must not be '.'".to_owned()),
        ".." => errors.push("must not be '..'".to_owned()),
        _ if value.starts_with("..") => errors.push("must not start with '..'".to_owned()),
        _ => {}
    }
    errors
}

/// `validateEnvVarValueFrom`.
fn validate_env_var_value_from(
    var: &Node,
    value_from: Option<&Node>,
    loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let Some(value_from) = value_from else { return };
    let mut sources = 0;
    let (field_ref, field_ref_loc) = loc.field(Some(value_from), "fieldRef");
    if let Some(field_ref) = field_ref {
        sources += 1;
        validate_object_field_selector(field_ref, ENV_FIELD_PATH_EXPRESSIONS, &field_ref_loc, out);
    }
    let (resource_ref, resource_ref_loc) = loc.field(Some(value_from), "resourceFieldRef");
    if let Some(resource_ref) = resource_ref {
        sources += 1;
        validate_container_resource_field_selector(resource_ref, &resource_ref_loc, false, out);
    }
    let (config_map_ref, config_map_ref_loc) = loc.field(Some(value_from), "configMapKeyRef");
    if let Some(selector) = config_map_ref {
        sources += 1;
        validate_key_selector(selector, &config_map_ref_loc, out);
    }
    let (secret_ref, secret_ref_loc) = loc.field(Some(value_from), "secretKeyRef");
    if let Some(selector) = secret_ref {
        sources += 1;
        validate_key_selector(selector, &secret_ref_loc, out);
    }
    // Without the EnvFiles gate the apiserver has already dropped fileKeyRef.
    let (file_ref, file_ref_loc) = loc.field(Some(value_from), "fileKeyRef");
    if let Some(selector) = file_ref.filter(|_| opts.allow_env_files_validation) {
        sources += 1;
        validate_file_key_selector(selector, &file_ref_loc, out);
    }

    let empty = BadValue::Str(String::new());
    if sources == 0 {
        if opts.allow_env_files_validation {
            out.invalid(loc, empty, "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`");
        } else {
            out.invalid(loc, empty, "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
        }
    } else if !str_of(var.get("value")).is_empty() {
        out.invalid(loc, empty, "may not be specified when `value` is not empty");
    } else if sources > 1 {
        out.invalid(
            loc,
            empty,
            "may not have more than one field specified at a time",
        );
    }
}

/// `validateConfigMapKeySelector` and `validateSecretKeySelector` (the same rules; both check
/// the name as a secret name, without the generate-name allowance).
fn validate_key_selector(selector: &Node, loc: &Loc, out: &mut Out) {
    let (name_node, name_loc) = loc.field(Some(selector), "name");
    let name = str_of(name_node);
    each_invalid(name_is_dns_subdomain(name, false), &name_loc, name, out);
    if let Some((key, key_loc)) = required_str(selector, "key", loc, out) {
        each_invalid(is_config_map_key(key), &key_loc, key, out);
    }
}

/// `validateFileKeySelector` (only reached with the EnvFiles gate on).
fn validate_file_key_selector(selector: &Node, loc: &Loc, out: &mut Out) {
    if let Some((key, key_loc)) = required_str(selector, "key", loc, out) {
        each_invalid(is_relaxed_env_var_name(key), &key_loc, key, out);
    }
    if let Some((volume, volume_loc)) = required_str(selector, "volumeName", loc, out) {
        each_invalid(is_dns1123_label(volume), &volume_loc, volume, out);
    }
    if let Some((path, path_loc)) = required_str(selector, "path", loc, out) {
        validate_path_no_backsteps(path, &path_loc, out);
    }
}

/// `ValidateEnvFrom`.
fn validate_env_from(sources: &[Node], loc: &Loc, opts: &PodOptions, out: &mut Out) {
    for (i, source) in sources.iter().enumerate() {
        let idx = loc.index(i, source);
        let (prefix_node, prefix_loc) = idx.field(Some(source), "prefix");
        let prefix = str_of(prefix_node);
        if !prefix.is_empty() {
            if opts.allow_relaxed_environment_variable_validation {
                each_invalid(is_relaxed_env_var_name(prefix), &prefix_loc, prefix, out);
            } else {
                each_invalid(is_env_var_name(prefix), &prefix_loc, prefix, out);
            }
        }
        let mut count = 0;
        for key in ["configMapRef", "secretRef"] {
            let (reference, reference_loc) = idx.field(Some(source), key);
            if let Some(reference) = reference {
                count += 1;
                // validateConfigMapEnvSource / validateSecretEnvSource: the name may be a
                // generate-name prefix here.
                let (name_node, name_loc) = reference_loc.field(Some(reference), "name");
                let name = str_of(name_node);
                if name.is_empty() {
                    out.required(&name_loc, "");
                } else {
                    each_invalid(name_is_dns_subdomain(name, true), &name_loc, name, out);
                }
            }
        }
        // Go reports these at the list's path.
        let list_loc = loc.at(source.span);
        if count == 0 {
            out.invalid(
                &list_loc,
                BadValue::Str(String::new()),
                "must specify one of: `configMapRef` or `secretRef`",
            );
        } else if count > 1 {
            out.invalid(
                &list_loc,
                BadValue::Str(String::new()),
                "may not have more than one field specified at a time",
            );
        }
    }
}

/// `ValidateVolumeMounts`.
fn validate_volume_mounts(
    mounts: &[Node],
    devices: &[(&str, &str)],
    vols: &Volumes<'_>,
    ctr: &Node,
    loc: &Loc,
    out: &mut Out,
) {
    let mut mount_points: HashSet<&str> = HashSet::new();
    for (i, mount) in mounts.iter().enumerate() {
        let idx = loc.index(i, mount);
        let (name_node, name_loc) = idx.field(Some(mount), "name");
        let name = str_of(name_node);
        if name.is_empty() {
            out.required(&name_loc, "");
        }
        if vols.get(name).is_none() {
            out.not_found(&name_loc, BadValue::Str(name.to_owned()));
        }
        let (path_node, path_loc) = idx.field(Some(mount), "mountPath");
        let mount_path = str_of(path_node);
        if mount_path.is_empty() {
            out.required(&path_loc, "");
        }
        if !mount_points.insert(mount_path) {
            out.invalid(
                &path_loc,
                BadValue::Str(mount_path.to_owned()),
                "must be unique",
            );
        }

        // No overlap with the volume devices.
        if devices.iter().any(|(n, _)| *n == name) {
            out.invalid(
                &name_loc,
                BadValue::Str(name.to_owned()),
                "must not already exist in volumeDevices",
            );
        }
        if devices.iter().any(|(_, p)| *p == mount_path) {
            out.invalid(
                &path_loc,
                BadValue::Str(mount_path.to_owned()),
                "must not already exist as a path in volumeDevices",
            );
        }

        // Go names these after the list, without the index.
        let sub_path_node = mount.get("subPath");
        let sub_path = str_of(sub_path_node);
        if !sub_path.is_empty() {
            validate_local_descending_path(sub_path, &loc.child("subPath", sub_path_node), out);
        }
        let (expr_node, expr_loc) = idx.field(Some(mount), "subPathExpr");
        let expr = str_of(expr_node);
        if !expr.is_empty() {
            if !sub_path.is_empty() {
                out.invalid(
                    &expr_loc,
                    BadValue::Str(expr.to_owned()),
                    "subPathExpr and subPath are mutually exclusive",
                );
            }
            validate_local_descending_path(expr, &loc.child("subPathExpr", expr_node), out);
        }

        let propagation = mount.get("mountPropagation");
        if let Some(propagation) = propagation {
            validate_mount_propagation(
                str_of(Some(propagation)),
                ctr,
                &loc.child("mountPropagation", Some(propagation)),
                out,
            );
        }
        validate_mount_recursive_read_only(
            mount,
            &loc.child("recursiveReadOnly", mount.get("recursiveReadOnly")),
            out,
        );
    }
}

/// `validateMountPropagation` (the container is always known here).
fn validate_mount_propagation(propagation: &str, ctr: &Node, loc: &Loc, out: &mut Out) {
    if !matches!(propagation, "Bidirectional" | "HostToContainer" | "None") {
        out.not_supported(
            loc,
            BadValue::json_string(propagation),
            &["Bidirectional", "HostToContainer", "None"],
        );
    }
    let privileged = ctr
        .at(&["securityContext", "privileged"])
        .and_then(Node::as_bool)
        == Some(true);
    if propagation == "Bidirectional" && !privileged {
        out.forbidden(
            loc,
            "Bidirectional mount propagation is available only to privileged containers",
        );
    }
}

/// `validateMountRecursiveReadOnly`.
fn validate_mount_recursive_read_only(mount: &Node, loc: &Loc, out: &mut Out) {
    let Some(mode) = mount.get("recursiveReadOnly") else {
        return;
    };
    match str_of(Some(mode)) {
        "Disabled" => {}
        "Enabled" | "IfPossible" => {
            if mount.get("readOnly").and_then(Node::as_bool) != Some(true) {
                out.forbidden(loc, "may only be specified when readOnly is true");
            }
            if mount
                .get("mountPropagation")
                .is_some_and(|p| str_of(Some(p)) != "None")
            {
                out.forbidden(
                    loc,
                    "may only be specified when mountPropagation is None or not specified",
                );
            }
        }
        other => out.not_supported(
            loc,
            BadValue::json_string(other),
            &["Disabled", "Enabled", "IfPossible"],
        ),
    }
}

/// `ValidateVolumeDevices`.
fn validate_volume_devices(
    devices: &[Node],
    mounts: &[(&str, &str)],
    vols: &Volumes<'_>,
    loc: &Loc,
    out: &mut Out,
) {
    let mut device_paths: HashSet<&str> = HashSet::new();
    let mut device_names: HashSet<&str> = HashSet::new();
    for (i, device) in devices.iter().enumerate() {
        let idx = loc.index(i, device);
        let (name_node, name_loc) = idx.field(Some(device), "name");
        let name = str_of(name_node);
        let (path_node, path_loc) = idx.field(Some(device), "devicePath");
        let path = str_of(path_node);
        // isMatchedDevice: block devices come from a claim (or a generic ephemeral volume).
        let volume = vols.get(name);
        let is_pvc = volume.is_some_and(|v| {
            v.get("persistentVolumeClaim").is_some() || v.get("ephemeral").is_some()
        });
        let value = |text: &str| BadValue::Str(text.to_owned());
        if name.is_empty() {
            out.required(&name_loc, "");
        }
        if device_names.contains(name) {
            out.invalid(&name_loc, value(name), "must be unique");
        }
        if volume.is_some() && !is_pvc {
            out.invalid(&name_loc, value(name), "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode");
        }
        if volume.is_none() {
            out.not_found(&name_loc, value(name));
        }
        if path.is_empty() {
            out.required(&path_loc, "");
        }
        if device_paths.contains(path) {
            out.invalid(&path_loc, value(path), "must be unique");
        }
        if !path.is_empty() && has_backsteps(path) {
            out.invalid(&path_loc, value(path), "can not contain backsteps ('..')");
        } else {
            device_paths.insert(path);
        }
        // No overlap with the volume mounts.
        if mounts.iter().any(|(n, _)| *n == name) {
            out.invalid(
                &name_loc,
                value(name),
                "must not already exist in volumeMounts",
            );
        }
        if mounts.iter().any(|(_, p)| *p == path) {
            out.invalid(
                &path_loc,
                value(path),
                "must not already exist as a path in volumeMounts",
            );
        }
        if !name.is_empty() {
            device_names.insert(name);
        }
    }
}

/// `validatePullPolicy`.
fn validate_pull_policy(policy: &str, loc: &Loc, out: &mut Out) {
    match policy {
        "Always" | "IfNotPresent" | "Never" => {}
        "" => out.required(loc, ""),
        other => out.not_supported(
            loc,
            BadValue::json_string(other),
            &["Always", "IfNotPresent", "Never"],
        ),
    }
}

/// `validateResizePolicy`.
fn validate_resize_policy(policies: &[Node], loc: &Loc, pod_restart_policy: &str, out: &mut Out) {
    let mut resources: HashSet<&str> = HashSet::new();
    for (i, policy) in policies.iter().enumerate() {
        let resource_node = policy.get("resourceName");
        let resource = str_of(resource_node);
        if !resources.insert(resource) {
            out.duplicate(&loc.index(i, policy), BadValue::json_string(resource));
        }
        // Go reports the rest at the list's path.
        let resource_loc = loc.at(resource_node.map_or(policy.span, |n| n.span));
        match resource {
            "cpu" | "memory" => {}
            "" => out.required(&resource_loc, ""),
            other => out.not_supported(
                &resource_loc,
                BadValue::json_string(other),
                &["cpu", "memory"],
            ),
        }
        let restart_node = policy.get("restartPolicy");
        let restart = str_of(restart_node);
        let restart_loc = loc.at(restart_node.map_or(policy.span, |n| n.span));
        match restart {
            "NotRequired" | "RestartContainer" => {}
            "" => out.required(&restart_loc, ""),
            other => out.not_supported(
                &restart_loc,
                BadValue::json_string(other),
                &["NotRequired", "RestartContainer"],
            ),
        }
        if pod_restart_policy == "Never" && restart != "NotRequired" {
            out.invalid(
                &restart_loc,
                BadValue::json_string(restart),
                "must be 'NotRequired' when `restartPolicy` is 'Never'",
            );
        }
    }
}

/// `validateInitContainerRestartPolicy`.
fn validate_init_container_restart_policy(
    policy: &Node,
    rules: Option<&Node>,
    path: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let value = str_of(Some(policy));
    if opts.allow_container_restart_policy_rules {
        if value == "Always" && !opts.allow_restart_all_containers {
            // Sidecars restart anyway: rules on one only make sense with the action that
            // restarts the whole pod.
            if !items_of(rules).is_empty() {
                out.forbidden(&path.child("restartPolicyRules", rules), "restartPolicyRules are not allowed for init containers with restart policy Always");
            }
        } else {
            validate_container_restart_policy(Some(policy), rules, path, opts, out);
        }
    } else if value != "Always" {
        out.not_supported(
            &path.child("restartPolicy", Some(policy)),
            BadValue::json_string(value),
            &["Always"],
        );
    }
}

/// `validateContainerRestartPolicy` (regular and non-sidecar init containers, with the
/// ContainerRestartRules gate on; sidecars too with RestartAllContainersOnContainerExits on,
/// where every container may use either action: the v1.36 source, read from upstream's master
/// at the v1.36 cut, with kubernetes/kubernetes#137369's list of the actions allowed).
fn validate_container_restart_policy(
    policy: Option<&Node>,
    rules_node: Option<&Node>,
    path: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let actions: &[&str] = if opts.allow_restart_all_containers {
        &["Restart", "RestartAllContainers"]
    } else {
        &["Restart"]
    };
    let too_many = |loc: &Loc, actual: usize, max: usize, out: &mut Out| {
        if opts.restart_rule_limits_count_items {
            out.too_many(loc, actual as i64, max as i64);
        } else {
            out.too_long(loc, max as i64);
        }
    };
    let rules = items_of(rules_node);
    let policy_loc = path.child("restartPolicy", policy);
    match policy {
        None if rules.is_empty() => return,
        None => out.required(
            &policy_loc,
            "must specify restartPolicy when restart rules are used",
        ),
        Some(policy) => {
            let value = str_of(Some(policy));
            if !matches!(value, "Always" | "Never" | "OnFailure") {
                out.not_supported(
                    &policy_loc,
                    BadValue::json_string(value),
                    &["Always", "Never", "OnFailure"],
                );
            }
        }
    }
    let rules_loc = path.child("restartPolicyRules", rules_node);
    if rules.len() > MAX_CONTAINER_RESTART_RULES {
        too_many(&rules_loc, rules.len(), MAX_CONTAINER_RESTART_RULES, out);
    }
    for (i, rule) in rules.iter().enumerate() {
        let rule_loc = rules_loc.index(i, rule);
        let (action, action_loc) = rule_loc.field(Some(rule), "action");
        if !actions.contains(&str_of(action)) {
            out.not_supported(&action_loc, BadValue::json_string(str_of(action)), actions);
        }
        let (exit_codes, exit_codes_loc) = rule_loc.field(Some(rule), "exitCodes");
        match exit_codes {
            Some(exit_codes) => {
                let (operator, operator_loc) = exit_codes_loc.field(Some(exit_codes), "operator");
                if !matches!(str_of(operator), "In" | "NotIn") {
                    out.not_supported(
                        &operator_loc,
                        BadValue::json_string(str_of(operator)),
                        &["In", "NotIn"],
                    );
                }
                let (values, values_loc) = exit_codes_loc.field(Some(exit_codes), "values");
                let count = items_of(values).len();
                if count > MAX_CONTAINER_RESTART_RULE_EXIT_CODES {
                    too_many(
                        &values_loc,
                        count,
                        MAX_CONTAINER_RESTART_RULE_EXIT_CODES,
                        out,
                    );
                }
            }
            None => out.required(&exit_codes_loc, "must be specified"),
        }
    }
}

/// The liveness, readiness and startup probes of a regular or sidecar container.
fn validate_probes(ctr: &Node, path: &Loc, ctx: &Ctx<'_>, out: &mut Out) {
    let (liveness, liveness_loc) = path.field(Some(ctr), "livenessProbe");
    if let Some(probe) = liveness {
        // validateLivenessProbe
        validate_probe(probe, &liveness_loc, ctx, out);
        must_be_one(probe, &liveness_loc, out);
    }
    let (readiness, readiness_loc) = path.field(Some(ctr), "readinessProbe");
    if let Some(probe) = readiness {
        // validateReadinessProbe
        validate_probe(probe, &readiness_loc, ctx, out);
        let (grace, grace_loc) = readiness_loc.field(Some(probe), "terminationGracePeriodSeconds");
        if let Some(grace) = grace {
            out.invalid(
                &grace_loc,
                int_value(grace),
                "must not be set for readinessProbes",
            );
        }
    }
    let (startup, startup_loc) = path.field(Some(ctr), "startupProbe");
    if let Some(probe) = startup {
        // validateStartupProbe
        validate_probe(probe, &startup_loc, ctx, out);
        must_be_one(probe, &startup_loc, out);
    }
}

/// Liveness and startup probes: `successThreshold` must be 1.
fn must_be_one(probe: &Node, loc: &Loc, out: &mut Out) {
    let (threshold, threshold_loc) = loc.field(Some(probe), "successThreshold");
    let threshold = int_of(threshold).unwrap_or(0);
    if threshold != 1 {
        out.invalid(&threshold_loc, BadValue::Int(threshold), "must be 1");
    }
}

fn int_value(node: &Node) -> BadValue {
    node.as_i64()
        .map_or_else(|| BadValue::Json(to_json(node)), BadValue::Int)
}

/// `validateProbe`.
fn validate_probe(probe: &Node, loc: &Loc, ctx: &Ctx<'_>, out: &mut Out) {
    validate_handler(
        probe,
        &["exec", "httpGet", "tcpSocket", "grpc"],
        loc,
        ctx,
        out,
    );
    for key in [
        "initialDelaySeconds",
        "timeoutSeconds",
        "periodSeconds",
        "successThreshold",
        "failureThreshold",
    ] {
        let (node, node_loc) = loc.field(Some(probe), key);
        nonnegative(int_of(node).unwrap_or(0), &node_loc, out);
    }
    let (grace, grace_loc) = loc.field(Some(probe), "terminationGracePeriodSeconds");
    if let Some(grace) = int_of(grace).filter(|g| *g <= 0) {
        out.invalid(&grace_loc, BadValue::Int(grace), "must be greater than 0");
    }
}

/// `validateHandler`: exactly one of the handler kinds (`handlerFromProbe` offers exec,
/// httpGet, tcpSocket and grpc; `handlerFromLifecycle` exec, httpGet, tcpSocket and sleep).
fn validate_handler(handler: &Node, kinds: &[&str], loc: &Loc, ctx: &Ctx<'_>, out: &mut Out) {
    let mut count = 0;
    for kind in kinds {
        let (action, action_loc) = loc.field(Some(handler), kind);
        let Some(action) = action else { continue };
        if count > 0 {
            out.forbidden(&action_loc, "may not specify more than 1 handler type");
            continue;
        }
        count += 1;
        match *kind {
            "exec" => {
                // validateExecAction
                let (command, command_loc) = action_loc.field(Some(action), "command");
                if items_of(command).is_empty() {
                    out.required(&command_loc, "");
                }
            }
            "httpGet" => validate_http_get_action(action, &action_loc, out),
            "tcpSocket" => {
                let (port, port_loc) = action_loc.field(Some(action), "port");
                validate_port_num_or_name(port, &port_loc, out);
            }
            "grpc" => {
                let (port, port_loc) = action_loc.field(Some(action), "port");
                validate_port_num_or_name(port, &port_loc, out);
            }
            _ => validate_sleep_action(action, &action_loc, ctx, out),
        }
    }
    if count == 0 {
        out.required(loc, "must specify a handler type");
    }
}

/// `validateHTTPGetAction`.
fn validate_http_get_action(action: &Node, loc: &Loc, out: &mut Out) {
    let (path, path_loc) = loc.field(Some(action), "path");
    if str_of(path).is_empty() {
        out.required(&path_loc, "");
    }
    let (port, port_loc) = loc.field(Some(action), "port");
    validate_port_num_or_name(port, &port_loc, out);
    let (scheme, scheme_loc) = loc.field(Some(action), "scheme");
    let scheme = str_of(scheme);
    if !matches!(scheme, "HTTP" | "HTTPS") {
        out.not_supported(
            &scheme_loc,
            BadValue::json_string(scheme),
            &["HTTP", "HTTPS"],
        );
    }
    let (headers, headers_loc) = loc.field(Some(action), "httpHeaders");
    for header in items_of(headers) {
        let name_node = header.get("name");
        let name = str_of(name_node);
        // Go names the list, not the header.
        let header_loc = headers_loc.at(name_node.map_or(header.span, |n| n.span));
        each_invalid(is_http_header_name(name), &header_loc, name, out);
    }
}

/// `ValidatePortNumOrName`.
fn validate_port_num_or_name(port: Option<&Node>, loc: &Loc, out: &mut Out) {
    match port.and_then(Node::as_int_or_string) {
        Some(IntOrString::Str(name)) => each_invalid(is_valid_port_name(name), loc, name, out),
        Some(IntOrString::Int(number)) => port_num(i64::from(*number), loc, out),
        // A plain int32 (grpc) or the zero value.
        None => port_num(int_of(port).unwrap_or(0), loc, out),
    }
}

fn port_num(number: i64, loc: &Loc, out: &mut Out) {
    for message in is_valid_port_num(number) {
        out.invalid(loc, BadValue::Int(number), message);
    }
}

/// `validateSleepAction`. A missing grace period is reported elsewhere, so it is not here.
fn validate_sleep_action(sleep: &Node, loc: &Loc, ctx: &Ctx<'_>, out: &mut Out) {
    let Some(grace) = ctx.grace_period else {
        return;
    };
    let seconds_node = sleep.get("seconds");
    let seconds = int_of(seconds_node).unwrap_or(0);
    let value_loc = loc.at(seconds_node.map_or(sleep.span, |n| n.span));
    if ctx.opts.allow_pod_lifecycle_sleep_action_zero_value {
        if seconds < 0 || seconds > grace {
            out.invalid(
                &value_loc,
                BadValue::Int(seconds),
                format!(
                    "must be non-negative and less than terminationGracePeriodSeconds ({grace})"
                ),
            );
        }
    } else if seconds <= 0 || seconds > grace {
        out.invalid(
            &value_loc,
            BadValue::Int(seconds),
            format!("must be greater than 0 and less than terminationGracePeriodSeconds ({grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep."),
        );
    }
}

/// `validateLifecycle`.
fn validate_lifecycle(lifecycle: &Node, loc: &Loc, ctx: &Ctx<'_>, out: &mut Out) {
    for key in ["postStart", "preStop"] {
        let (handler, handler_loc) = loc.field(Some(lifecycle), key);
        if let Some(handler) = handler {
            validate_handler(
                handler,
                &["exec", "httpGet", "tcpSocket", "sleep"],
                &handler_loc,
                ctx,
                out,
            );
        }
    }
    let (signal, signal_loc) = loc.field(Some(lifecycle), "stopSignal");
    if let Some(signal) = signal.filter(|_| CONTAINER_STOP_SIGNALS) {
        validate_stop_signal(str_of(Some(signal)), &signal_loc, ctx.os, out);
    }
}

/// `validateStopSignal`.
fn validate_stop_signal(signal: &str, loc: &Loc, os: Option<&Node>, out: &mut Out) {
    let Some(os) = os else {
        out.forbidden(
            loc,
            "may not be set for containers with empty `spec.os.name`",
        );
        return;
    };
    match str_of(os.get("name")) {
        "windows" if !matches!(signal, "SIGKILL" | "SIGTERM") => {
            out.not_supported(loc, BadValue::json_string(signal), &["SIGKILL", "SIGTERM"]);
        }
        "linux" if !ENUM_SIGNAL.values.contains(&signal) => {
            let mut supported: Vec<&str> = ENUM_SIGNAL.values.to_vec();
            jobscope_sort::sort(&mut supported);
            out.not_supported(loc, BadValue::json_string(signal), &supported);
        }
        _ => {}
    }
}

/// `ValidateSecurityContext` (a container's).
fn validate_security_context(sc: Option<&Node>, loc: &Loc, host_users: bool, out: &mut Out) {
    let Some(sc) = sc else { return };
    let (privileged, privileged_loc) = loc.field(Some(sc), "privileged");
    let privileged = privileged.and_then(Node::as_bool);
    if privileged == Some(true) && !ALLOW_PRIVILEGED {
        out.forbidden(&privileged_loc, "disallowed by cluster policy");
    }
    for key in ["runAsUser", "runAsGroup"] {
        let (id, id_loc) = loc.field(Some(sc), key);
        if let Some(id) = int_of(id) {
            for message in is_valid_id(id) {
                out.invalid(&id_loc, BadValue::Int(id), message);
            }
        }
    }
    let (proc_mount, proc_mount_loc) = loc.field(Some(sc), "procMount");
    if let Some(proc_mount) = proc_mount {
        // ValidateProcMountType
        let value = str_of(Some(proc_mount));
        if !matches!(value, "Default" | "Unmasked") {
            out.not_supported(
                &proc_mount_loc,
                BadValue::json_string(value),
                &["Default", "Unmasked"],
            );
        }
        if host_users && value == "Unmasked" {
            out.invalid(
                &proc_mount_loc,
                BadValue::json_string(value),
                "`hostUsers` must be false to use `Unmasked`",
            );
        }
    }
    let (seccomp, seccomp_loc) = loc.field(Some(sc), "seccompProfile");
    validate_seccomp_profile_field(seccomp, &seccomp_loc, out);
    if sc.get("allowPrivilegeEscalation").and_then(Node::as_bool) == Some(false) {
        let whole = || BadValue::Json(internal_json(Some(sc), &SECURITY_CONTEXT));
        if privileged == Some(true) {
            out.invalid(
                loc,
                whole(),
                "cannot set `allowPrivilegeEscalation` to false and `privileged` to true",
            );
        }
        for capability in items_of(sc.at(&["capabilities", "add"])) {
            if str_of(Some(capability)) == "CAP_SYS_ADMIN" {
                out.invalid(loc, whole(), "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");
            }
        }
    }
    let (windows, windows_loc) = loc.field(Some(sc), "windowsOptions");
    validate_windows_security_context_options(windows, &windows_loc, out);
    let (app_armor, app_armor_loc) = loc.field(Some(sc), "appArmorProfile");
    validate_app_armor_profile_field(app_armor, &app_armor_loc, out);
}

#[cfg(test)]
mod tests {
    use super::super::context::Finding;
    use super::super::testing::{messages, pod_spec};
    use super::*;
    use crate::manifest::object::NodeValue;

    fn text(value: &str) -> NodeValue {
        NodeValue::Str(value.to_owned())
    }

    /// What apiserver defaulting adds to the fields these rules read.
    fn apply_defaults(spec: &mut Node) {
        spec.default_field("restartPolicy", text("Always"));
        spec.default_field("terminationGracePeriodSeconds", NodeValue::Int(30));
        for list in ["containers", "initContainers", "ephemeralContainers"] {
            let Some(NodeValue::List(items)) = spec.get_mut(list).map(|n| &mut n.value) else {
                continue;
            };
            for ctr in items {
                ctr.default_field("imagePullPolicy", text("IfNotPresent"));
                ctr.default_field("terminationMessagePolicy", text("File"));
                if let Some(NodeValue::List(ports)) = ctr.get_mut("ports").map(|n| &mut n.value) {
                    for port in ports {
                        port.default_field("protocol", text("TCP"));
                    }
                }
                for key in ["livenessProbe", "readinessProbe", "startupProbe"] {
                    if let Some(probe) = ctr.get_mut(key) {
                        probe.default_field("timeoutSeconds", NodeValue::Int(1));
                        probe.default_field("periodSeconds", NodeValue::Int(10));
                        probe.default_field("successThreshold", NodeValue::Int(1));
                        probe.default_field("failureThreshold", NodeValue::Int(3));
                        default_http_get(probe);
                    }
                }
                for key in ["postStart", "preStop"] {
                    if let Some(handler) = ctr.get_mut("lifecycle").and_then(|l| l.get_mut(key)) {
                        default_http_get(handler);
                    }
                }
            }
        }
    }

    fn default_http_get(handler: &mut Node) {
        if let Some(get) = handler.get_mut("httpGet") {
            get.default_field("path", text("/"));
            get.default_field("scheme", text("HTTP"));
        }
    }

    fn check(spec: &Node, opts: &PodOptions) -> Out {
        let vols = Volumes {
            by_name: items_of(spec.get("volumes"))
                .iter()
                .map(|v| (str_of(v.get("name")).to_owned(), v))
                .collect(),
        };
        let loc = Loc::new("spec.template.spec", spec.span);
        let grace = int_of(spec.get("terminationGracePeriodSeconds"));
        let host_users = spec
            .get("hostUsers")
            .and_then(Node::as_bool)
            .unwrap_or(true);
        let mut out = Out::default();
        validate_containers(
            Some(spec),
            &vols,
            &[],
            grace,
            &loc,
            opts,
            host_users,
            &mut out,
        );
        validate_init_containers(
            Some(spec),
            &vols,
            &[],
            grace,
            &loc,
            opts,
            host_users,
            &mut out,
        );
        validate_ephemeral_containers(Some(spec), &vols, &[], &loc, opts, host_users, &mut out);
        out
    }

    fn run_with(yaml: &str, opts: &PodOptions) -> Vec<String> {
        let mut spec = pod_spec(yaml);
        apply_defaults(&mut spec);
        messages(&check(&spec, opts))
    }

    fn run(yaml: &str) -> Vec<String> {
        run_with(yaml, &PodOptions::default())
    }

    const DNS_LABEL: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    const DNS_SUBDOMAIN: &str = r"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    #[test]
    fn a_pod_needs_a_container() {
        assert_eq!(
            run("containers: []\n"),
            ["spec.template.spec.containers: Required value"]
        );
    }

    #[test]
    fn a_valid_pod_has_no_errors() {
        let yaml = "
volumes:
- name: data
  emptyDir: {}
containers:
- name: main
  image: busybox
  ports: [{name: http, containerPort: 80, hostPort: 8080}]
  env:
  - {name: A, value: b}
  - name: POD
    valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.name}}
  envFrom: [{configMapRef: {name: settings}}]
  volumeMounts: [{name: data, mountPath: /data, readOnly: true, recursiveReadOnly: IfPossible}]
  livenessProbe: {httpGet: {port: http}}
  lifecycle: {preStop: {sleep: {seconds: 5}}}
  securityContext: {runAsUser: 1000, allowPrivilegeEscalation: false, seccompProfile: {type: RuntimeDefault}}
initContainers:
- name: sidecar
  image: busybox
  restartPolicy: Always
  startupProbe: {tcpSocket: {port: 80}}
";
        assert_eq!(run(yaml), Vec::<String>::new());
    }

    #[test]
    fn names_images_and_policies() {
        let yaml = "
containers:
- name: Bad_Name
- name: ok
  image: busybox
  terminationMessagePolicy: Sometimes
  imagePullPolicy: Maybe
- name: ok
  image: busybox
";
        assert_eq!(
            run(yaml),
            [
                format!(r#"spec.template.spec.containers[0].name: Invalid value: "Bad_Name": {DNS_LABEL}"#),
                "spec.template.spec.containers[0].image: Required value".to_owned(),
                r#"spec.template.spec.containers[1].terminationMessagePolicy: Unsupported value: "Sometimes": supported values: "File", "FallbackToLogsOnError""#.to_owned(),
                r#"spec.template.spec.containers[1].imagePullPolicy: Unsupported value: "Maybe": supported values: "Always", "IfNotPresent", "Never""#.to_owned(),
                r#"spec.template.spec.containers[2].name: Duplicate value: "ok""#.to_owned(),
            ]
        );
    }

    #[test]
    fn undefaulted_policies_are_required() {
        let spec = pod_spec("containers: [{name: a, image: i}]\n");
        assert_eq!(
            messages(&check(&spec, &PodOptions::default())),
            [
                "spec.template.spec.containers[0].terminationMessagePolicy: Required value",
                "spec.template.spec.containers[0].imagePullPolicy: Required value"
            ]
        );
    }

    #[test]
    fn container_ports() {
        let yaml = "
containers:
- name: a
  image: i
  ports:
  - name: Http
    containerPort: 0
  - name: web
    containerPort: 70000
    hostPort: 70000
    protocol: ICMP
  - name: web
    containerPort: 80
    hostPort: 8080
  - containerPort: 81
    hostPort: 8080
";
        assert_eq!(
            run(yaml),
            [
                r#"spec.template.spec.containers[0].ports[0].name: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"#,
                "spec.template.spec.containers[0].ports[0].containerPort: Required value",
                "spec.template.spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "spec.template.spec.containers[0].ports[1].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
                r#"spec.template.spec.containers[0].ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP""#,
                r#"spec.template.spec.containers[0].ports[2].name: Duplicate value: "web""#,
                r#"spec.template.spec.containers[0].ports[3].hostPort: Duplicate value: "TCP//8080""#,
            ]
        );
    }

    #[test]
    fn host_ports_conflict_across_containers_but_not_init_containers() {
        let yaml = "
containers:
- {name: a, image: i, ports: [{containerPort: 80, hostPort: 80}]}
- {name: b, image: i, ports: [{containerPort: 80, hostPort: 80, hostIP: 10.0.0.1}, {containerPort: 81, hostPort: 80}]}
initContainers:
- {name: c, image: i, ports: [{containerPort: 80, hostPort: 80}]}
- {name: d, image: i, ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: 80}]}
";
        let mut spec = pod_spec(yaml);
        apply_defaults(&mut spec);
        let out = check(&spec, &PodOptions::default());
        assert_eq!(
            messages(&out),
            [
                r#"spec.template.spec.containers[1].ports[1].hostPort: Duplicate value: "TCP//80""#,
                // Go checks each init container as a list of one, so the index is always 0.
                r#"spec.template.spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//80""#,
            ]
        );
        // The error is located at the second init container's port.
        let Some(Finding::Error { span, .. }) = out.findings.last() else {
            panic!("an error")
        };
        let port = spec
            .at(&["initContainers"])
            .map(|l| &l.items()[1])
            .and_then(|c| c.get("ports"))
            .map(|p| &p.items()[1])
            .and_then(|p| p.get("hostPort"));
        assert_eq!(Some(*span), port.map(|p| p.span));
    }

    #[test]
    fn env_var_names_and_sources() {
        let yaml = "
containers:
- name: a
  image: i
  env:
  - name: ''
    value: x
  - name: A=B
  - name: EMPTY_FROM
    valueFrom: {}
  - name: BOTH
    value: x
    valueFrom: {configMapKeyRef: {name: cm, key: k}}
  - name: TWO
    valueFrom:
      configMapKeyRef: {name: cm, key: k}
      secretKeyRef: {name: s, key: k}
  - name: FILE
    valueFrom:
      fileKeyRef: {volumeName: v, path: p, key: k}
";
        let none = "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`";
        assert_eq!(
            run(yaml),
            [
                "spec.template.spec.containers[0].env[0].name: Required value".to_owned(),
                r#"spec.template.spec.containers[0].env[1].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='"#.to_owned(),
                format!(r#"spec.template.spec.containers[0].env[2].valueFrom: Invalid value: "": {none}"#),
                r#"spec.template.spec.containers[0].env[3].valueFrom: Invalid value: "": may not be specified when `value` is not empty"#.to_owned(),
                r#"spec.template.spec.containers[0].env[4].valueFrom: Invalid value: "": may not have more than one field specified at a time"#.to_owned(),
                // Without the EnvFiles gate fileKeyRef is dropped before validation.
                format!(r#"spec.template.spec.containers[0].env[5].valueFrom: Invalid value: "": {none}"#),
            ]
        );
    }

    #[test]
    fn file_key_refs_with_the_env_files_gate() {
        let yaml = "
containers:
- name: a
  image: i
  env:
  - name: FILE
    valueFrom: {fileKeyRef: {volumeName: Bad, path: ../x}}
  - name: NONE
    valueFrom: {}
";
        let opts = PodOptions {
            allow_env_files_validation: true,
            ..PodOptions::default()
        };
        assert_eq!(
            run_with(yaml, &opts),
            [
                "spec.template.spec.containers[0].env[0].valueFrom.fileKeyRef.key: Required value".to_owned(),
                format!(r#"spec.template.spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName: Invalid value: "Bad": {DNS_LABEL}"#),
                r#"spec.template.spec.containers[0].env[0].valueFrom.fileKeyRef.path: Invalid value: "../x": must not contain '..'"#.to_owned(),
                r#"spec.template.spec.containers[0].env[1].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`"#.to_owned(),
            ]
        );
    }

    #[test]
    fn strict_env_var_names() {
        let yaml = "
containers:
- name: a
  image: i
  env: [{name: 1ABC}, {name: ..}]
  envFrom: [{prefix: 'A B', secretRef: {name: s}}]
";
        let opts = PodOptions {
            allow_relaxed_environment_variable_validation: false,
            ..PodOptions::default()
        };
        let format = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
        assert_eq!(
            run_with(yaml, &opts),
            [
                format!(r#"spec.template.spec.containers[0].env[0].name: Invalid value: "1ABC": {format}"#),
                r#"spec.template.spec.containers[0].env[1].name: Invalid value: "..": must not be '..'"#.to_owned(),
                format!(r#"spec.template.spec.containers[0].envFrom[0].prefix: Invalid value: "A B": {format}"#),
            ]
        );
    }

    #[test]
    fn field_refs() {
        let yaml = "
containers:
- name: a
  image: i
  env:
  - name: A
    valueFrom: {fieldRef: {apiVersion: v1, fieldPath: status.phase}}
  - name: B
    valueFrom: {fieldRef: {apiVersion: v2, fieldPath: metadata.name}}
  - name: C
    valueFrom: {fieldRef: {apiVersion: v1, fieldPath: \"metadata.labels['Bad Key']\"}}
  - name: D
    valueFrom: {fieldRef: {apiVersion: v1, fieldPath: \"spec.containers['x']\"}}
  - name: E
    valueFrom: {fieldRef: {apiVersion: v1, fieldPath: spec.host}}
  # No apiVersion: defaulting writes v1 (Go's Required guard is never reached through v1).
  - name: F
    valueFrom: {fieldRef: {fieldPath: metadata.name}}
  - name: G
    valueFrom: {fieldRef: {apiVersion: v1, fieldPath: \"metadata.annotations['Example.COM/Key']\"}}
  - name: H
    valueFrom: {fieldRef: {apiVersion: v1}}
";
        assert_eq!(
            run(yaml),
            [
                r#"spec.template.spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs""#,
                r#"spec.template.spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.name": error converting fieldPath: unsupported pod version: v2"#,
                r#"spec.template.spec.containers[0].env[2].valueFrom.fieldRef: Invalid value: "Bad Key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"#,
                r#"spec.template.spec.containers[0].env[3].valueFrom.fieldRef.fieldPath: Invalid value: "spec.containers['x']": error converting fieldPath: field label does not support subscript: spec.containers['x']"#,
                "spec.template.spec.containers[0].env[7].valueFrom.fieldRef.fieldPath: Required value",
            ]
        );
    }

    #[test]
    fn resource_field_refs() {
        let yaml = "
containers:
- name: a
  image: i
  env:
  - name: R1
    valueFrom: {resourceFieldRef: {resource: limits.gpu}}
  - name: R2
    valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1Mi}}
  - name: R3
    valueFrom: {resourceFieldRef: {resource: requests.hugepages-2Mi, divisor: '3'}}
  - name: R4
    valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}
  - name: R5
    valueFrom: {resourceFieldRef: {}}
  - name: R6
    valueFrom: {resourceFieldRef: {resource: requests.ephemeral-storage, divisor: 1m}}
";
        assert_eq!(
            run(yaml),
            [
                r#"spec.template.spec.containers[0].env[0].valueFrom.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory""#,
                r#"spec.template.spec.containers[0].env[1].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.cpu": only divisor's values 1m and 1 are supported with the cpu resource"#,
                r#"spec.template.spec.containers[0].env[2].valueFrom.resourceFieldRef.divisor: Invalid value: "requests.hugepages-2Mi": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource"#,
                "spec.template.spec.containers[0].env[4].valueFrom.resourceFieldRef.resource: Required value",
                r#"spec.template.spec.containers[0].env[5].valueFrom.resourceFieldRef.divisor: Invalid value: "requests.ephemeral-storage": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource"#,
            ]
        );
    }

    #[test]
    fn key_selectors() {
        let yaml = "
containers:
- name: a
  image: i
  env:
  - name: K
    valueFrom: {configMapKeyRef: {name: Bad, key: a/b}}
  - name: L
    valueFrom: {secretKeyRef: {name: ok}}
";
        assert_eq!(
            run(yaml),
            [
                format!(r#"spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.name: Invalid value: "Bad": {DNS_SUBDOMAIN}"#),
                r#"spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.key: Invalid value: "a/b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"#.to_owned(),
                "spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef.key: Required value".to_owned(),
            ]
        );
    }

    #[test]
    fn env_from_sources() {
        let yaml = "
containers:
- name: a
  image: i
  envFrom:
  - prefix: A=B
    configMapRef: {name: cm}
  - {}
  - configMapRef: {name: cm}
    secretRef: {name: s}
  - secretRef: {name: Bad-}
  - configMapRef: {name: ''}
";
        assert_eq!(
            run(yaml),
            [
                r#"spec.template.spec.containers[0].envFrom[0].prefix: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='"#.to_owned(),
                r#"spec.template.spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`"#.to_owned(),
                r#"spec.template.spec.containers[0].envFrom: Invalid value: "": may not have more than one field specified at a time"#.to_owned(),
                format!(r#"spec.template.spec.containers[0].envFrom[3].secretRef.name: Invalid value: "Bad-": {DNS_SUBDOMAIN}"#),
                "spec.template.spec.containers[0].envFrom[4].configMapRef.name: Required value".to_owned(),
            ]
        );
    }

    #[test]
    fn volume_mounts() {
        let yaml = "
volumes:
- {name: data, emptyDir: {}}
- {name: claim, persistentVolumeClaim: {claimName: c}}
containers:
- name: a
  image: i
  volumeMounts:
  - {name: data, mountPath: /data}
  - {name: missing, mountPath: /data}
  - {name: '', mountPath: ''}
  - {name: data, mountPath: /x, subPath: /abs/../y, subPathExpr: $(POD)}
  - {name: data, mountPath: /y, mountPropagation: Bidirectional}
  - {name: data, mountPath: /z, mountPropagation: Sideways, recursiveReadOnly: Enabled}
  - {name: data, mountPath: /w, recursiveReadOnly: Sometimes}
  - {name: claim, mountPath: /dev/blk}
  volumeDevices:
  - {name: claim, devicePath: /dev/blk}
";
        assert_eq!(
            run(yaml),
            [
                r#"spec.template.spec.containers[0].volumeMounts[1].name: Not found: "missing""#,
                r#"spec.template.spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique"#,
                "spec.template.spec.containers[0].volumeMounts[2].name: Required value",
                r#"spec.template.spec.containers[0].volumeMounts[2].name: Not found: """#,
                "spec.template.spec.containers[0].volumeMounts[2].mountPath: Required value",
                r#"spec.template.spec.containers[0].volumeMounts.subPath: Invalid value: "/abs/../y": must be a relative path"#,
                r#"spec.template.spec.containers[0].volumeMounts.subPath: Invalid value: "/abs/../y": must not contain '..'"#,
                r#"spec.template.spec.containers[0].volumeMounts[3].subPathExpr: Invalid value: "$(POD)": subPathExpr and subPath are mutually exclusive"#,
                "spec.template.spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers",
                r#"spec.template.spec.containers[0].volumeMounts.mountPropagation: Unsupported value: "Sideways": supported values: "Bidirectional", "HostToContainer", "None""#,
                "spec.template.spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when readOnly is true",
                "spec.template.spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when mountPropagation is None or not specified",
                r#"spec.template.spec.containers[0].volumeMounts.recursiveReadOnly: Unsupported value: "Sometimes": supported values: "Disabled", "Enabled", "IfPossible""#,
                r#"spec.template.spec.containers[0].volumeMounts[7].name: Invalid value: "claim": must not already exist in volumeDevices"#,
                r#"spec.template.spec.containers[0].volumeMounts[7].mountPath: Invalid value: "/dev/blk": must not already exist as a path in volumeDevices"#,
                r#"spec.template.spec.containers[0].volumeDevices[0].name: Invalid value: "claim": must not already exist in volumeMounts"#,
                r#"spec.template.spec.containers[0].volumeDevices[0].devicePath: Invalid value: "/dev/blk": must not already exist as a path in volumeMounts"#,
            ]
        );
    }

    #[test]
    fn privileged_containers_may_propagate_both_ways() {
        let yaml = "
volumes: [{name: data, emptyDir: {}}]
containers:
- name: a
  image: i
  securityContext: {privileged: true}
  volumeMounts: [{name: data, mountPath: /data, mountPropagation: Bidirectional}]
";
        assert_eq!(run(yaml), Vec::<String>::new());
    }

    #[test]
    fn volume_devices() {
        let yaml = "
volumes:
- {name: data, emptyDir: {}}
- {name: claim, persistentVolumeClaim: {claimName: c}}
- {name: eph, ephemeral: {}}
containers:
- name: a
  image: i
  volumeDevices:
  - {name: data, devicePath: /dev/a}
  - {name: nope, devicePath: /dev/a}
  - {name: claim, devicePath: /dev/../b}
  - {name: claim, devicePath: ''}
  - {name: eph, devicePath: /dev/e}
";
        assert_eq!(
            run(yaml),
            [
                r#"spec.template.spec.containers[0].volumeDevices[0].name: Invalid value: "data": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"#,
                r#"spec.template.spec.containers[0].volumeDevices[1].name: Not found: "nope""#,
                r#"spec.template.spec.containers[0].volumeDevices[1].devicePath: Invalid value: "/dev/a": must be unique"#,
                r#"spec.template.spec.containers[0].volumeDevices[2].devicePath: Invalid value: "/dev/../b": can not contain backsteps ('..')"#,
                r#"spec.template.spec.containers[0].volumeDevices[3].name: Invalid value: "claim": must be unique"#,
                "spec.template.spec.containers[0].volumeDevices[3].devicePath: Required value",
            ]
        );
    }

    #[test]
    fn probes() {
        let yaml = "
containers:
- name: a
  image: i
  livenessProbe:
    successThreshold: 2
    initialDelaySeconds: -1
  readinessProbe:
    exec: {command: []}
    httpGet: {port: 0}
    terminationGracePeriodSeconds: 0
  startupProbe:
    httpGet:
      port: Web
      scheme: FTP
      httpHeaders: [{name: Bad Header, value: x}]
    tcpSocket: {port: 80}
- name: b
  image: i
  livenessProbe: {grpc: {port: 0}}
  readinessProbe: {tcpSocket: {port: 70000}}
  startupProbe: {exec: {command: [x]}, periodSeconds: -2, successThreshold: 0}
";
        assert_eq!(
            run(yaml),
            [
                "spec.template.spec.containers[0].livenessProbe: Required value: must specify a handler type",
                "spec.template.spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0",
                "spec.template.spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
                "spec.template.spec.containers[0].readinessProbe.exec.command: Required value",
                "spec.template.spec.containers[0].readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type",
                "spec.template.spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0",
                "spec.template.spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 0: must not be set for readinessProbes",
                r#"spec.template.spec.containers[0].startupProbe.httpGet.port: Invalid value: "Web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"#,
                r#"spec.template.spec.containers[0].startupProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS""#,
                r#"spec.template.spec.containers[0].startupProbe.httpGet.httpHeaders: Invalid value: "Bad Header": a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"#,
                "spec.template.spec.containers[0].startupProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
                "spec.template.spec.containers[1].livenessProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.template.spec.containers[1].readinessProbe.tcpSocket.port: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "spec.template.spec.containers[1].startupProbe.periodSeconds: Invalid value: -2: must be greater than or equal to 0",
                "spec.template.spec.containers[1].startupProbe.successThreshold: Invalid value: 0: must be 1",
            ]
        );
    }

    #[test]
    fn lifecycle_handlers() {
        let yaml = "
terminationGracePeriodSeconds: 10
containers:
- name: a
  image: i
  lifecycle:
    postStart: {sleep: {seconds: 11}}
    preStop: {}
    stopSignal: SIGBOGUS
- name: b
  image: i
  lifecycle:
    postStart: {sleep: {seconds: 0}}
    preStop: {httpGet: {port: 8080, path: ''}, exec: {command: [x]}}
";
        assert_eq!(
            run(yaml),
            [
                "spec.template.spec.containers[0].lifecycle.postStart.sleep: Invalid value: 11: must be non-negative and less than terminationGracePeriodSeconds (10)",
                "spec.template.spec.containers[0].lifecycle.preStop: Required value: must specify a handler type",
                "spec.template.spec.containers[1].lifecycle.preStop.httpGet: Forbidden: may not specify more than 1 handler type",
            ]
        );
        let opts = PodOptions {
            allow_pod_lifecycle_sleep_action_zero_value: false,
            ..PodOptions::default()
        };
        assert_eq!(
            run_with(yaml, &opts)[2],
            "spec.template.spec.containers[1].lifecycle.postStart.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (10). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep."
        );
    }

    #[test]
    fn sleep_errors_point_at_the_seconds() {
        let mut spec = pod_spec(
            "terminationGracePeriodSeconds: 5\ncontainers:\n- {name: a, image: i, lifecycle: {preStop: {sleep: {seconds: 9}}}}\n",
        );
        apply_defaults(&mut spec);
        let out = check(&spec, &PodOptions::default());
        let seconds = spec
            .at(&["containers"])
            .map(|l| &l.items()[0])
            .and_then(|c| c.at(&["lifecycle", "preStop", "sleep", "seconds"]));
        assert!(
            matches!(out.findings.as_slice(), [Finding::Error { span, .. }] if Some(*span) == seconds.map(|s| s.span))
        );
    }

    #[test]
    fn init_containers() {
        let yaml = "
containers:
- {name: main, image: i}
initContainers:
- name: main
  image: i
  lifecycle: {stopSignal: SIGTERM}
- name: setup
  image: i
  restartPolicy: OnFailure
  lifecycle: {preStop: {exec: {command: [x]}}}
  livenessProbe: {exec: {command: [x]}}
  readinessProbe: {exec: {command: [x]}}
  startupProbe: {exec: {command: [x]}}
- name: sidecar
  image: i
  restartPolicy: Always
  readinessProbe: {}
  resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]
- {name: setup, image: i}
";
        let forbidden = "may not be set for init containers without restartPolicy=Always";
        assert_eq!(
            run(yaml),
            [
                r#"spec.template.spec.initContainers[0].name: Duplicate value: "main""#.to_owned(),
                format!("spec.template.spec.initContainers[1].lifecycle: Forbidden: {forbidden}"),
                format!("spec.template.spec.initContainers[1].livenessProbe: Forbidden: {forbidden}"),
                format!("spec.template.spec.initContainers[1].readinessProbe: Forbidden: {forbidden}"),
                format!("spec.template.spec.initContainers[1].startupProbe: Forbidden: {forbidden}"),
                "spec.template.spec.initContainers[2].readinessProbe: Required value: must specify a handler type".to_owned(),
                r#"spec.template.spec.initContainers[3].name: Duplicate value: "setup""#.to_owned(),
            ]
        );
        let opts = PodOptions {
            allow_sidecar_resize_policy: false,
            ..PodOptions::default()
        };
        assert_eq!(
            run_with(yaml, &opts)[6],
            r#"spec.template.spec.initContainers[2].resizePolicy: Invalid value: [{"ResourceName":"cpu","RestartPolicy":"NotRequired"}]: must not be set for init containers"#
        );
    }

    #[test]
    fn container_restart_policies_are_dropped_without_the_gate() {
        let yaml = "
containers:
- {name: a, image: i, restartPolicy: Never, restartPolicyRules: [{action: Explode}]}
initContainers:
- {name: b, image: i, restartPolicy: Never}
";
        assert_eq!(run(yaml), Vec::<String>::new());
    }

    #[test]
    fn container_restart_rules_with_the_gate() {
        let yaml = "
containers:
- name: a
  image: i
  restartPolicy: Sometimes
  restartPolicyRules:
  - action: Explode
    exitCodes: {operator: Maybe, values: [1]}
  - action: Restart
- name: b
  image: i
  restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]
initContainers:
- name: c
  image: i
  restartPolicy: Always
  restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [1]}}]
- name: d
  image: i
  restartPolicy: Later
";
        let opts = PodOptions {
            allow_container_restart_policy_rules: true,
            ..PodOptions::default()
        };
        assert_eq!(
            run_with(yaml, &opts),
            [
                r#"spec.template.spec.containers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure""#,
                r#"spec.template.spec.containers[0].restartPolicyRules[0].action: Unsupported value: "Explode": supported values: "Restart""#,
                r#"spec.template.spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: "Maybe": supported values: "In", "NotIn""#,
                "spec.template.spec.containers[0].restartPolicyRules[1].exitCodes: Required value: must be specified",
                "spec.template.spec.containers[1].restartPolicy: Required value: must specify restartPolicy when restart rules are used",
                "spec.template.spec.initContainers[0].restartPolicyRules: Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always",
                r#"spec.template.spec.initContainers[1].restartPolicy: Unsupported value: "Later": supported values: "Always", "Never", "OnFailure""#,
            ]
        );
    }

    #[test]
    fn resize_policies() {
        let yaml = "
restartPolicy: Never
containers:
- name: a
  image: i
  resizePolicy:
  - {resourceName: cpu, restartPolicy: RestartContainer}
  - {resourceName: cpu, restartPolicy: NotRequired}
  - {resourceName: gpu, restartPolicy: Later}
  - {}
";
        let never = "must be 'NotRequired' when `restartPolicy` is 'Never'";
        assert_eq!(
            run(yaml),
            [
                format!(r#"spec.template.spec.containers[0].resizePolicy: Invalid value: "RestartContainer": {never}"#),
                r#"spec.template.spec.containers[0].resizePolicy[1]: Duplicate value: "cpu""#.to_owned(),
                r#"spec.template.spec.containers[0].resizePolicy: Unsupported value: "gpu": supported values: "cpu", "memory""#.to_owned(),
                r#"spec.template.spec.containers[0].resizePolicy: Unsupported value: "Later": supported values: "NotRequired", "RestartContainer""#.to_owned(),
                format!(r#"spec.template.spec.containers[0].resizePolicy: Invalid value: "Later": {never}"#),
                "spec.template.spec.containers[0].resizePolicy: Required value".to_owned(),
                "spec.template.spec.containers[0].resizePolicy: Required value".to_owned(),
                format!(r#"spec.template.spec.containers[0].resizePolicy: Invalid value: "": {never}"#),
            ]
        );
    }

    #[test]
    fn security_contexts() {
        let yaml = "
containers:
- name: a
  image: i
  securityContext:
    runAsUser: -1
    runAsGroup: 2147483648
    procMount: Unmasked
    allowPrivilegeEscalation: false
    privileged: true
    capabilities: {add: [CAP_SYS_ADMIN]}
- name: b
  image: i
  securityContext:
    procMount: Weird
    seccompProfile: {type: RuntimeDefault, localhostProfile: x}
- name: c
  image: i
  securityContext:
    seccompProfile: {type: Localhost, localhostProfile: /abs/../p}
    appArmorProfile: {type: Localhost, localhostProfile: ' padded '}
- name: d
  image: i
  securityContext:
    seccompProfile: {localhostProfile: x}
    appArmorProfile: {type: RuntimeDefault, localhostProfile: x}
- name: e
  image: i
  securityContext:
    seccompProfile: {type: Custom}
    appArmorProfile: {type: Localhost}
- name: f
  image: i
  securityContext: {appArmorProfile: {type: Other}}
- name: g
  image: i
  securityContext: {appArmorProfile: {}}
";
        let sc = r#"{"Capabilities":{"Add":["CAP_SYS_ADMIN"],"Drop":null},"Privileged":true,"SELinuxOptions":null,"WindowsOptions":null,"RunAsUser":-1,"RunAsGroup":2147483648,"RunAsNonRoot":null,"ReadOnlyRootFilesystem":null,"AllowPrivilegeEscalation":false,"ProcMount":"Unmasked","SeccompProfile":null,"AppArmorProfile":null}"#;
        let types = r#"supported values: "Localhost", "RuntimeDefault", "Unconfined""#;
        assert_eq!(
            run(yaml),
            [
                "spec.template.spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive".to_owned(),
                "spec.template.spec.containers[0].securityContext.runAsGroup: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive".to_owned(),
                r#"spec.template.spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`"#.to_owned(),
                format!("spec.template.spec.containers[0].securityContext: Invalid value: {sc}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true"),
                format!("spec.template.spec.containers[0].securityContext: Invalid value: {sc}: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"),
                r#"spec.template.spec.containers[1].securityContext.procMount: Unsupported value: "Weird": supported values: "Default", "Unmasked""#.to_owned(),
                r#"spec.template.spec.containers[1].securityContext.seccompProfile.localhostProfile: Invalid value: {"Type":"RuntimeDefault","LocalhostProfile":"x"}: can only be set when seccomp type is Localhost"#.to_owned(),
                r#"spec.template.spec.containers[2].securityContext.seccompProfile.localhostProfile: Invalid value: "/abs/../p": must be a relative path"#.to_owned(),
                r#"spec.template.spec.containers[2].securityContext.seccompProfile.localhostProfile: Invalid value: "/abs/../p": must not contain '..'"#.to_owned(),
                r#"spec.template.spec.containers[2].securityContext.appArmorProfile.localhostProfile: Invalid value: " padded ": must not be padded with whitespace"#.to_owned(),
                "spec.template.spec.containers[3].securityContext.seccompProfile.type: Required value: type is required when seccompProfile is set".to_owned(),
                r#"spec.template.spec.containers[3].securityContext.seccompProfile.localhostProfile: Invalid value: {"Type":"","LocalhostProfile":"x"}: can only be set when seccomp type is Localhost"#.to_owned(),
                r#"spec.template.spec.containers[3].securityContext.appArmorProfile.localhostProfile: Invalid value: "x": can only be set when AppArmor type is Localhost"#.to_owned(),
                format!(r#"spec.template.spec.containers[4].securityContext.seccompProfile.type: Unsupported value: "Custom": {types}"#),
                "spec.template.spec.containers[4].securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost".to_owned(),
                format!(r#"spec.template.spec.containers[5].securityContext.appArmorProfile.type: Unsupported value: "Other": {types}"#),
                "spec.template.spec.containers[6].securityContext.appArmorProfile.type: Required value: type is required when appArmorProfile is set".to_owned(),
            ]
        );
    }

    #[test]
    fn unmasked_proc_mounts_need_a_user_namespace() {
        let yaml = "hostUsers: false\ncontainers:\n- {name: a, image: i, securityContext: {procMount: Unmasked}}\n";
        assert_eq!(run(yaml), Vec::<String>::new());
    }

    #[test]
    fn windows_options() {
        let yaml = r#"
containers:
- name: a
  image: i
  securityContext:
    windowsOptions:
      gmsaCredentialSpecName: Bad_Name
      gmsaCredentialSpec: ""
      runAsUserName: "dom\\us\\er"
- {name: b, image: i, securityContext: {windowsOptions: {runAsUserName: "bad:domain\\..."}}}
- {name: c, image: i, securityContext: {windowsOptions: {runAsUserName: "a\\"}}}
- {name: d, image: i, securityContext: {windowsOptions: {runAsUserName: "my.domain.com\\user@x"}}}
- {name: e, image: i, securityContext: {windowsOptions: {runAsUserName: ""}}}
- {name: f, image: i, securityContext: {windowsOptions: {runAsUserName: "tab\tuser"}}}
- {name: g, image: i, securityContext: {windowsOptions: {runAsUserName: "NT AUTHORITY\\NETWORK SERVICE"}}}
"#;
        let base = "spec.template.spec.containers";
        assert_eq!(
            run(yaml),
            [
                format!(
                    r#"{base}[0].securityContext.windowsOptions.gmsaCredentialSpecName: Invalid value: "Bad_Name": {DNS_SUBDOMAIN}"#
                ),
                format!(
                    r#"{base}[0].securityContext.windowsOptions.gmsaCredentialSpec: Invalid value: "": gmsaCredentialSpec cannot be an empty string"#
                ),
                format!(
                    r#"{base}[0].securityContext.windowsOptions.runAsUserName: Invalid value: "dom\\us\\er": runAsUserName cannot contain more than one backslash"#
                ),
                format!(
                    r#"{base}[1].securityContext.windowsOptions.runAsUserName: Invalid value: "bad:domain\\...": runAsUserName's Domain doesn't match the NetBios nor the DNS format"#
                ),
                format!(
                    r#"{base}[1].securityContext.windowsOptions.runAsUserName: Invalid value: "bad:domain\\...": runAsUserName's User cannot contain only periods or spaces"#
                ),
                format!(
                    r#"{base}[2].securityContext.windowsOptions.runAsUserName: Invalid value: "a\\": runAsUserName's User cannot be empty"#
                ),
                format!(
                    r#"{base}[3].securityContext.windowsOptions.runAsUserName: Invalid value: "my.domain.com\\user@x": runAsUserName's User cannot contain the following characters: "/\:;|=,+*?<>@[]"#
                ),
                format!(
                    r#"{base}[4].securityContext.windowsOptions.runAsUserName: Invalid value: "": runAsUserName cannot be an empty string"#
                ),
                format!(
                    r#"{base}[5].securityContext.windowsOptions.runAsUserName: Invalid value: "tab\tuser": runAsUserName cannot contain control characters"#
                ),
            ]
        );
    }

    #[test]
    fn ephemeral_containers() {
        let yaml = "
volumes: [{name: data, emptyDir: {}}]
containers:
- {name: main, image: i}
initContainers:
- {name: init, image: i}
ephemeralContainers:
- name: main
  image: ' debug'
  targetContainerName: ghost
  ports: []
  resources: {limits: {cpu: '1'}}
  livenessProbe: {exec: {command: [x]}}
  lifecycle: {stopSignal: SIGTERM}
  restartPolicy: Always
  volumeMounts: [{name: data, mountPath: /d, subPath: s, subPathExpr: e}]
- name: dbg
  image: i
  targetContainerName: init
  resources: {}
  lifecycle: {preStop: {exec: {command: [x]}}}
- {name: dbg, image: i}
";
        let forbidden = "cannot be set for an Ephemeral Container";
        assert_eq!(
            run(yaml),
            [
                r#"spec.template.spec.ephemeralContainers[0].volumeMounts[0].subPathExpr: Invalid value: "e": subPathExpr and subPath are mutually exclusive"#.to_owned(),
                r#"spec.template.spec.ephemeralContainers[0].image: Invalid value: " debug": must not have leading or trailing whitespace"#.to_owned(),
                r#"spec.template.spec.ephemeralContainers[0].name: Duplicate value: "main""#.to_owned(),
                r#"spec.template.spec.ephemeralContainers[0].targetContainerName: Not found: "ghost""#.to_owned(),
                format!("spec.template.spec.ephemeralContainers[0].ports: Forbidden: {forbidden}"),
                format!("spec.template.spec.ephemeralContainers[0].resources: Forbidden: {forbidden}"),
                format!("spec.template.spec.ephemeralContainers[0].livenessProbe: Forbidden: {forbidden}"),
                format!("spec.template.spec.ephemeralContainers[0].volumeMounts[0].subPath: Forbidden: {forbidden}"),
                format!("spec.template.spec.ephemeralContainers[0].volumeMounts[0].subPathExpr: Forbidden: {forbidden}"),
                format!("spec.template.spec.ephemeralContainers[1].lifecycle: Forbidden: {forbidden}"),
                r#"spec.template.spec.ephemeralContainers[2].name: Duplicate value: "dbg""#.to_owned(),
            ]
        );
    }

    #[test]
    fn stop_signals_by_os() {
        let os = |name: &str| pod_spec(&format!("os: {{name: {name}}}\n"));
        let loc = Loc::new("c.lifecycle.stopSignal", Default::default());
        let mut out = Out::default();
        validate_stop_signal("SIGTERM", &loc, None, &mut out);
        let windows = os("windows");
        validate_stop_signal("SIGHUP", &loc, windows.get("os"), &mut out);
        validate_stop_signal("SIGKILL", &loc, windows.get("os"), &mut out);
        let linux = os("linux");
        validate_stop_signal("SIGRTMAX-3", &loc, linux.get("os"), &mut out);
        assert_eq!(
            messages(&out),
            [
                "c.lifecycle.stopSignal: Forbidden: may not be set for containers with empty `spec.os.name`",
                r#"c.lifecycle.stopSignal: Unsupported value: "SIGHUP": supported values: "SIGKILL", "SIGTERM""#,
            ]
        );
    }
}
