//! Pod-level security, networking and host fields: pod-specific annotations, seccomp and
//! AppArmor (annotations and fields), the pod security context (sysctls, SELinux, …), host
//! network dependencies, DNS policy and config, host aliases, hostname, host users, Windows
//! host-process pods and the OS field (pkg/apis/core/validation, v1.34).
//!
//! The internal `PodSecurityContext` Go validates always exists (conversion from v1 creates
//! it to hold `hostNetwork`, `hostPID`, `hostIPC`, `shareProcessNamespace` and `hostUsers`),
//! so its checks run even when the v1 `securityContext` is absent. Typed strings and pointers
//! that Go hands to `field.Invalid`/`NotSupported` print as JSON (`BadValue::json_string`).

use super::context::{
    Loc, Out, bool_of, each_invalid, entries_of, int_of, items_of, optional_one_of, str_of, to_json,
};
use super::field::BadValue;
use super::names::{is_dns1123_subdomain, is_valid_id, max_len_error, regex_error};
use super::options::PodOptions;
use super::paths::validate_local_descending_path;
use super::scheduling::{Toleration, validate_toleration_list};
use super::securitycontext::{
    validate_app_armor_profile_field, validate_seccomp_profile_field,
    validate_windows_security_context_options,
};
use crate::manifest::object::Node;
use jobscope_golang::strings::go_strconv_quote;

const MIRROR_POD_ANNOTATION: &str = "kubernetes.io/config.mirror";
const TOLERATIONS_ANNOTATION: &str = "scheduler.alpha.kubernetes.io/tolerations";
const POD_DELETION_COST_ANNOTATION: &str = "controller.kubernetes.io/pod-deletion-cost";
const SECCOMP_POD_ANNOTATION: &str = "seccomp.security.alpha.kubernetes.io/pod";
const SECCOMP_CONTAINER_ANNOTATION_PREFIX: &str = "container.seccomp.security.alpha.kubernetes.io/";
const APPARMOR_CONTAINER_ANNOTATION_PREFIX: &str =
    "container.apparmor.security.beta.kubernetes.io/";

/// `capabilities.Get().AllowPrivileged`: kube-apiserver's `--allow-privileged` flag defaults to
/// false, but every common installer (kubeadm, kind, managed clusters) sets it to true.
const ALLOW_PRIVILEGED: bool = true;

/// `ValidatePodSpecificAnnotations(annotations, spec, fldPath, opts)`; `loc` is the annotations'.
pub(crate) fn validate_pod_specific_annotations(
    annotations: Option<&Node>,
    spec: Option<&Node>,
    loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let entries = entries_of(annotations);
    let lookup = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    let key_loc = |key: &str, node: &Node| loc.key(key, node.key_span.unwrap_or(node.span));

    if let Some(value) = lookup(MIRROR_POD_ANNOTATION)
        && str_of(spec.and_then(|s| s.get("nodeName"))).is_empty()
    {
        out.invalid(
            &key_loc(MIRROR_POD_ANNOTATION, value),
            BadValue::Str(str_of(Some(value)).to_owned()),
            "must set spec.nodeName if mirror pod annotation is set",
        );
    }

    if let Some(value) = lookup(TOLERATIONS_ANNOTATION)
        && !str_of(Some(value)).is_empty()
    {
        // ValidateTolerationsInPodAnnotations.
        match decode_tolerations(str_of(Some(value))) {
            Err(message) => out.invalid(
                &loc.at(value.span),
                BadValue::Str(TOLERATIONS_ANNOTATION.to_owned()),
                message,
            ),
            Ok(decoded) => {
                let list: Vec<Toleration> = decoded
                    .into_iter()
                    .map(|t| Toleration {
                        key: t.key,
                        operator: t.operator,
                        value: t.value,
                        effect: t.effect,
                        has_seconds: t.seconds.is_some(),
                        span: value.span,
                        key_span: value.span,
                        operator_span: value.span,
                        value_span: value.span,
                        effect_span: value.span,
                    })
                    .collect();
                validate_toleration_list(
                    &list,
                    &loc.child(TOLERATIONS_ANNOTATION, Some(value)),
                    out,
                );
            }
        }
    }

    if !opts.allow_invalid_pod_deletion_cost
        && let Some(value) = lookup(POD_DELETION_COST_ANNOTATION)
        && !is_valid_deletion_cost(str_of(Some(value)))
    {
        out.invalid(
            &loc.key(POD_DELETION_COST_ANNOTATION, value.span),
            BadValue::Str(str_of(Some(value)).to_owned()),
            "must be a 32bit integer",
        );
    }

    // ValidateSeccompPodAnnotations: the pod annotation, then each container annotation.
    if let Some(value) = lookup(SECCOMP_POD_ANNOTATION) {
        validate_seccomp_profile_annotation(
            str_of(Some(value)),
            &loc.child(SECCOMP_POD_ANNOTATION, Some(value)),
            out,
        );
    }
    for (key, value) in entries {
        if key.starts_with(SECCOMP_CONTAINER_ANNOTATION_PREFIX) {
            validate_seccomp_profile_annotation(
                str_of(Some(value)),
                &loc.child(key, Some(value)),
                out,
            );
        }
    }

    // ValidateAppArmorPodAnnotations.
    for (key, value) in entries {
        let Some(container_name) = key.strip_prefix(APPARMOR_CONTAINER_ANNOTATION_PREFIX) else {
            continue;
        };
        if !pod_spec_has_container(spec, container_name) {
            out.invalid(
                &key_loc(key, value),
                BadValue::Str(container_name.to_owned()),
                "container not found",
            );
        }
        let profile = str_of(Some(value));
        // ValidateAppArmorProfileFormat.
        if !(profile.is_empty()
            || profile == "runtime/default"
            || profile == "unconfined"
            || profile.starts_with("localhost/"))
        {
            out.invalid(
                &loc.key(key, value.span),
                BadValue::Str(profile.to_owned()),
                format!(
                    "invalid AppArmor profile name: {}",
                    go_strconv_quote(profile)
                ),
            );
        }
    }
}

/// `helper.GetDeletionCostFromPodAnnotations` succeeds: no `+`, no leading zeros, an int32.
fn is_valid_deletion_cost(value: &str) -> bool {
    let bytes = value.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    if !(first == b'-' || value == "0" || (b'1'..=b'9').contains(&first)) {
        return false;
    }
    // strconv.ParseInt(value, 10, 32).
    let digits = value.strip_prefix('-').unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut magnitude: i64 = 0;
    for b in digits.bytes() {
        magnitude = magnitude * 10 + i64::from(b - b'0');
        if magnitude > 1 << 31 {
            return false;
        }
    }
    let signed = if value.starts_with('-') {
        -magnitude
    } else {
        magnitude
    };
    (i64::from(i32::MIN)..=i64::from(i32::MAX)).contains(&signed)
}

/// `ValidateSeccompProfile(p, fldPath)` for an annotation value.
fn validate_seccomp_profile_annotation(profile: &str, loc: &Loc, out: &mut Out) {
    if matches!(profile, "runtime/default" | "docker/default" | "unconfined") {
        return;
    }
    if let Some(path) = profile.strip_prefix("localhost/") {
        validate_local_descending_path(path, loc, out);
        return;
    }
    out.invalid(
        loc,
        BadValue::Str(profile.to_owned()),
        "must be a valid seccomp profile",
    );
}

/// `podSpecHasContainer`: init, regular or ephemeral.
fn pod_spec_has_container(spec: Option<&Node>, name: &str) -> bool {
    ["initContainers", "containers", "ephemeralContainers"]
        .iter()
        .any(|list| {
            items_of(spec.and_then(|s| s.get(list)))
                .iter()
                .any(|c| str_of(c.get("name")) == name)
        })
}

/// `podshelper.VisitContainersWithPath`: init, regular, then ephemeral containers.
fn visit_containers<'a>(spec: Option<&'a Node>, spec_loc: &Loc) -> Vec<(&'a Node, Loc)> {
    let mut visited = Vec::new();
    for list in ["initContainers", "containers", "ephemeralContainers"] {
        let (items, list_loc) = spec_loc.field(spec, list);
        for (index, container) in items_of(items).iter().enumerate() {
            visited.push((container, list_loc.index(index, container)));
        }
    }
    visited
}

/// The annotations map of an `ObjectMeta`.
fn annotation<'a>(meta: Option<&'a Node>, key: &str) -> Option<&'a Node> {
    meta.and_then(|m| m.get("annotations"))
        .and_then(|a| a.get(key))
}

/// A v1 host-namespace flag (`hostNetwork`, `hostPID`, `hostIPC`), false when absent.
fn host_flag(spec: Option<&Node>, name: &str) -> bool {
    bool_of(spec.and_then(|s| s.get(name))) == Some(true)
}

/// The pod security context and its location (`securityContext`).
fn security_context<'a>(spec: Option<&'a Node>, spec_loc: &Loc) -> (Option<&'a Node>, Loc) {
    spec_loc.field(spec, "securityContext")
}

/// `validateSeccompAnnotationsAndFields(meta, spec, specPath)`.
pub(crate) fn validate_seccomp_annotations_and_fields(
    meta: Option<&Node>,
    spec: Option<&Node>,
    spec_loc: &Loc,
    out: &mut Out,
) {
    let (sc, sc_loc) = security_context(spec, spec_loc);
    let (profile, profile_loc) = sc_loc.field(sc, "seccompProfile");
    if let Some(profile) = profile
        && let Some(value) = annotation(meta, SECCOMP_POD_ANNOTATION)
    {
        validate_seccomp_annotations_and_fields_match(
            str_of(Some(value)),
            profile,
            &profile_loc,
            out,
        );
    }
    for (container, container_loc) in visit_containers(spec, spec_loc) {
        let (container_sc, container_sc_loc) =
            container_loc.field(Some(container), "securityContext");
        let (profile, profile_loc) = container_sc_loc.field(container_sc, "seccompProfile");
        let Some(profile) = profile else { continue };
        let key = format!(
            "{SECCOMP_CONTAINER_ANNOTATION_PREFIX}{}",
            str_of(container.get("name"))
        );
        if let Some(value) = annotation(meta, &key) {
            validate_seccomp_annotations_and_fields_match(
                str_of(Some(value)),
                profile,
                &profile_loc,
                out,
            );
        }
    }
}

/// `validateSeccompAnnotationsAndFieldsMatch`.
fn validate_seccomp_annotations_and_fields_match(
    annotation: &str,
    profile: &Node,
    loc: &Loc,
    out: &mut Out,
) {
    let (kind, kind_loc) = loc.field(Some(profile), "type");
    let type_mismatch = "seccomp type in annotation and field must match";
    match str_of(kind) {
        "Unconfined" if annotation != "unconfined" => {
            out.forbidden(&kind_loc, type_mismatch);
        }
        "RuntimeDefault" if annotation != "runtime/default" && annotation != "docker/default" => {
            out.forbidden(&kind_loc, type_mismatch);
        }
        "Localhost" => {
            let (localhost, localhost_loc) = loc.field(Some(profile), "localhostProfile");
            match annotation.strip_prefix("localhost/") {
                None => out.forbidden(&kind_loc, type_mismatch),
                Some(path) => {
                    if localhost.and_then(Node::as_str) != Some(path) {
                        out.forbidden(
                            &localhost_loc,
                            "seccomp profile in annotation and field must match",
                        );
                    }
                }
            }
        }
        _ => {}
    }
}

/// `validateAppArmorAnnotationsAndFieldsMatchOnCreate(meta, spec, specPath)`.
pub(crate) fn validate_app_armor_annotations_and_fields_match_on_create(
    meta: Option<&Node>,
    spec: Option<&Node>,
    spec_loc: &Loc,
    out: &mut Out,
) {
    if str_of(spec.and_then(|s| s.at(&["os", "name"]))) == "windows" {
        return;
    }
    let pod_profile = spec.and_then(|s| s.at(&["securityContext", "appArmorProfile"]));
    for (container, container_loc) in visit_containers(spec, spec_loc) {
        let Some(profile) = container
            .at(&["securityContext", "appArmorProfile"])
            .or(pod_profile)
        else {
            continue;
        };
        let key = format!(
            "{APPARMOR_CONTAINER_ANNOTATION_PREFIX}{}",
            str_of(container.get("name"))
        );
        let Some(value) = annotation(meta, &key) else {
            continue;
        };
        let annotation = str_of(Some(value));
        // The path is the container's even when the profile is the pod's.
        let (container_sc, container_sc_loc) =
            container_loc.field(Some(container), "securityContext");
        let (_, apparmor_loc) = container_sc_loc.field(container_sc, "appArmorProfile");
        let type_loc = apparmor_loc.child("type", profile.get("type"));
        let type_mismatch = "apparmor type in annotation and field must match";
        match str_of(profile.get("type")) {
            "Unconfined" if annotation != "unconfined" => {
                out.forbidden(&type_loc, type_mismatch);
            }
            "RuntimeDefault" if annotation != "runtime/default" => {
                out.forbidden(&type_loc, type_mismatch);
            }
            "Localhost" => match annotation.strip_prefix("localhost/") {
                None => out.forbidden(&type_loc, type_mismatch),
                Some(path) => {
                    let localhost = profile.get("localhostProfile");
                    if localhost.and_then(Node::as_str) != Some(path) {
                        out.forbidden(
                            &apparmor_loc.child("localhostProfile", localhost),
                            "apparmor profile in annotation and field must match",
                        );
                    }
                }
            },
            _ => {}
        }
    }
}

/// `validatePodHostNetworkDeps(spec, fldPath, opts)`.
pub(crate) fn validate_pod_host_network_deps(
    spec: Option<&Node>,
    spec_loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    if !host_flag(spec, "hostNetwork") {
        return;
    }
    let (containers, containers_loc) = spec_loc.field(spec, "containers");
    for (index, container) in items_of(containers).iter().enumerate() {
        let (ports, ports_loc) = containers_loc
            .index(index, container)
            .field(Some(container), "ports");
        for (port_index, port) in items_of(ports).iter().enumerate() {
            let (host_port, host_port_loc) = ports_loc
                .index(port_index, port)
                .field(Some(port), "hostPort");
            let host = int_of(host_port).unwrap_or(0);
            let container_port = int_of(port.get("containerPort")).unwrap_or(0);
            // A template may leave hostPort 0: pod defaulting sets it to containerPort.
            if (opts.resource_is_pod || host != 0) && host != container_port {
                out.invalid(
                    &host_port_loc,
                    BadValue::Int(host),
                    "must match `containerPort` when `hostNetwork` is true",
                );
            }
        }
    }
}

/// `validateDNSPolicy(&spec.DNSPolicy, fldPath.Child("dnsPolicy"))`.
pub(crate) fn validate_dns_policy(spec: Option<&Node>, spec_loc: &Loc, out: &mut Out) {
    let (policy, loc) = spec_loc.field(spec, "dnsPolicy");
    match str_of(policy) {
        "ClusterFirstWithHostNet" | "ClusterFirst" | "Default" | "None" => {}
        "" => out.required(&loc, ""),
        other => out.not_supported(
            &loc,
            BadValue::json_string(other),
            &["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"],
        ),
    }
}

/// `validatePodSpecSecurityContext(spec.SecurityContext, spec, fldPath, fldPath.Child("securityContext"), opts)`.
pub(crate) fn validate_pod_spec_security_context(
    spec: Option<&Node>,
    spec_loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let (sc, sc_loc) = security_context(spec, spec_loc);
    for name in ["fsGroup", "runAsUser", "runAsGroup"] {
        // IsValidGroupID and IsValidUserID have the same range.
        let (id, id_loc) = sc_loc.field(sc, name);
        if let Some(value) = int_of(id) {
            for message in is_valid_id(value) {
                out.invalid(&id_loc, BadValue::Int(value), message);
            }
        }
    }
    let (groups, groups_loc) = sc_loc.field(sc, "supplementalGroups");
    for (index, gid) in items_of(groups).iter().enumerate() {
        let value = int_of(Some(gid)).unwrap_or(0);
        for message in is_valid_id(value) {
            out.invalid(&groups_loc.index(index, gid), BadValue::Int(value), message);
        }
    }
    let share = spec.and_then(|s| s.get("shareProcessNamespace"));
    if bool_of(share) == Some(true) && host_flag(spec, "hostPID") {
        out.invalid(
            &sc_loc.child("shareProcessNamespace", share),
            BadValue::Bool(true),
            "ShareProcessNamespace and HostPID cannot both be enabled",
        );
    }
    let (sysctls, sysctls_loc) = sc_loc.field(sc, "sysctls");
    if !items_of(sysctls).is_empty() {
        validate_sysctls(sysctls, spec, &sysctls_loc, opts, out);
    }
    let (fs_policy, fs_policy_loc) = sc_loc.field(sc, "fsGroupChangePolicy");
    optional_one_of(
        fs_policy,
        &fs_policy_loc,
        &["Always", "OnRootMismatch"],
        out,
    );
    let (seccomp, seccomp_loc) = sc_loc.field(sc, "seccompProfile");
    validate_seccomp_profile_field(seccomp, &seccomp_loc, out);
    let (windows, windows_loc) = sc_loc.field(sc, "windowsOptions");
    validate_windows_security_context_options(windows, &windows_loc, out);
    let (apparmor, apparmor_loc) = sc_loc.field(sc, "appArmorProfile");
    validate_app_armor_profile_field(apparmor, &apparmor_loc, out);
    let (groups_policy, groups_policy_loc) = sc_loc.field(sc, "supplementalGroupsPolicy");
    optional_one_of(groups_policy, &groups_policy_loc, &["Merge", "Strict"], out);
    // validateSELinuxChangePolicy.
    let (selinux_policy, selinux_policy_loc) = sc_loc.field(sc, "seLinuxChangePolicy");
    let selinux_policies: &[&str] = if opts.allow_only_recursive_selinux_change_policy {
        &["Recursive"]
    } else {
        &["MountOption", "Recursive"]
    };
    optional_one_of(selinux_policy, &selinux_policy_loc, selinux_policies, out);
}

/// `SysctlContainSlashFmt` as the regexp prints itself in messages.
const SYSCTL_REGEX: &str =
    r"^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";
const SYSCTL_MAX_LENGTH: usize = 253;

/// `IsValidSysctlName`: segments of `[a-z0-9]([-_a-z0-9]*[a-z0-9])?` joined by `.` or `/`.
fn is_valid_sysctl_name(name: &str) -> bool {
    let segment_ok = |segment: &str| {
        let bytes = segment.as_bytes();
        let edge = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
        match (bytes.first(), bytes.last()) {
            (Some(&first), Some(&last)) => {
                edge(first)
                    && edge(last)
                    && bytes.iter().all(|&b| edge(b) || b == b'-' || b == b'_')
            }
            _ => false,
        }
    };
    name.len() <= SYSCTL_MAX_LENGTH && name.split(['.', '/']).all(segment_ok)
}

/// `validateSysctls(securityContext, fldPath, opts)`.
fn validate_sysctls(
    sysctls: Option<&Node>,
    spec: Option<&Node>,
    loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let mut names: Vec<&str> = Vec::new();
    for (index, sysctl) in items_of(sysctls).iter().enumerate() {
        let (name, name_loc) = loc.index(index, sysctl).field(Some(sysctl), "name");
        let name = str_of(name);
        if name.is_empty() {
            out.required(&name_loc, "");
        } else if !is_valid_sysctl_name(name) {
            out.invalid(&name_loc, BadValue::Str(name.to_owned()), format!("must have at most {SYSCTL_MAX_LENGTH} characters and match regex {SYSCTL_REGEX}"));
        } else if names.contains(&name) {
            out.duplicate(&name_loc, BadValue::Str(name.to_owned()));
        }
        if !opts.allow_namespaced_sysctls_for_host_net_and_host_ipc {
            validate_host_sysctl(name, spec, &name_loc, out);
        }
        names.push(name);
    }
}

/// `ValidateHostSysctl`: no network sysctls with the host network, no IPC ones with host IPC.
fn validate_host_sysctl(sysctl: &str, spec: Option<&Node>, loc: &Loc, out: &mut Out) {
    let namespace = sysctl_namespace(sysctl);
    if host_flag(spec, "hostNetwork") && namespace == "Net" {
        out.invalid(
            loc,
            BadValue::Str(sysctl.to_owned()),
            "may not be specified when 'hostNetwork' is true",
        );
    } else if host_flag(spec, "hostIPC") && namespace == "IPC" {
        out.invalid(
            loc,
            BadValue::Str(sysctl.to_owned()),
            "may not be specified when 'hostIPC' is true",
        );
    }
}

/// `utilsysctl.GetNamespace(sysctl)`'s namespace: "Net", "IPC" or "".
fn sysctl_namespace(sysctl: &str) -> &'static str {
    // NormalizeName: a name whose first separator is '/' has '.' and '/' swapped.
    let normalized: String = match sysctl.find(['.', '/']) {
        Some(index) if sysctl.as_bytes().get(index) == Some(&b'/') => sysctl
            .chars()
            .map(|c| {
                if c == '.' {
                    '/'
                } else if c == '/' {
                    '.'
                } else {
                    c
                }
            })
            .collect(),
        _ => sysctl.to_owned(),
    };
    let prefix = normalized.split('*').next().unwrap_or("");
    const IPC_NAMES: &[&str] = &[
        "kernel.sem",
        "kernel.shmall",
        "kernel.shmmax",
        "kernel.shmmni",
        "kernel.shm_rmid_forced",
        "kernel.shm",
        "kernel.msgmax",
        "kernel.msgmnb",
        "kernel.msgmni",
        "kernel.msg",
    ];
    if IPC_NAMES.contains(&prefix) {
        "IPC"
    } else if prefix.starts_with("net.") {
        "Net"
    } else if prefix.starts_with("fs.mqueue.") {
        "IPC"
    } else {
        ""
    }
}

/// `validatePodDNSConfig(spec.DNSConfig, &spec.DNSPolicy, fldPath.Child("dnsConfig"), opts)`.
pub(crate) fn validate_pod_dns_config(
    spec: Option<&Node>,
    spec_loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    const MAX_NAMESERVERS: usize = 3;
    const MAX_SEARCH_PATHS: usize = 32;
    const MAX_SEARCH_LIST_CHARS: usize = 2048;
    let (config, loc) = spec_loc.field(spec, "dnsConfig");
    let (nameservers, nameservers_loc) = loc.field(config, "nameservers");
    if str_of(spec.and_then(|s| s.get("dnsPolicy"))) == "None" {
        if config.is_none() {
            out.required(&loc, "must provide `dnsConfig` when `dnsPolicy` is None");
            return;
        }
        if items_of(nameservers).is_empty() {
            out.required(
                &nameservers_loc,
                "must provide at least one DNS nameserver when `dnsPolicy` is None",
            );
            return;
        }
    }
    if config.is_none() {
        return;
    }
    if let Some(list) = nameservers
        && items_of(Some(list)).len() > MAX_NAMESERVERS
    {
        out.invalid(
            &nameservers_loc,
            BadValue::Json(to_json(list)),
            format!("must not have more than {MAX_NAMESERVERS} nameservers"),
        );
    }
    for (index, nameserver) in items_of(nameservers).iter().enumerate() {
        validate_legacy_ip(
            str_of(Some(nameserver)),
            &nameservers_loc.index(index, nameserver),
            out,
        );
    }
    let (searches, searches_loc) = loc.field(config, "searches");
    let search_items = items_of(searches);
    if let Some(list) = searches {
        if search_items.len() > MAX_SEARCH_PATHS {
            out.invalid(
                &searches_loc,
                BadValue::Json(to_json(list)),
                format!("must not have more than {MAX_SEARCH_PATHS} search paths"),
            );
        }
        // strings.Join(searches, " "): the spaces count.
        let joined: usize = search_items
            .iter()
            .map(|s| str_of(Some(s)).len())
            .sum::<usize>()
            + search_items.len().saturating_sub(1);
        if joined > MAX_SEARCH_LIST_CHARS {
            out.invalid(
                &searches_loc,
                BadValue::Json(to_json(list)),
                format!("must not have more than {MAX_SEARCH_LIST_CHARS} characters (including spaces) in the search list"),
            );
        }
    }
    for (index, search) in search_items.iter().enumerate() {
        let text = str_of(Some(search));
        let search_loc = searches_loc.index(index, search);
        if opts.allow_relaxed_dns_search_validation {
            if text != "." {
                let trimmed = text.strip_suffix('.').unwrap_or(text);
                each_invalid(
                    is_dns1123_subdomain_with_underscore(trimmed),
                    &search_loc,
                    trimmed,
                    out,
                );
            }
        } else {
            let trimmed = text.strip_suffix('.').unwrap_or(text);
            each_invalid(is_dns1123_subdomain(trimmed), &search_loc, trimmed, out);
        }
    }
    let (options, options_loc) = loc.field(config, "options");
    for (index, option) in items_of(options).iter().enumerate() {
        if str_of(option.get("name")).is_empty() {
            out.required(&options_loc.index(index, option), "must not be empty");
        }
    }
}

/// `IsDNS1123SubdomainWithUnderscore`.
fn is_dns1123_subdomain_with_underscore(value: &str) -> Vec<String> {
    const FORMAT: &str = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*";
    const MESSAGE: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character";
    let label_ok = |label: &str| {
        let label = label.strip_prefix('_').unwrap_or(label);
        let bytes = label.as_bytes();
        let edge = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
        match (bytes.first(), bytes.last()) {
            (Some(&first), Some(&last)) => {
                edge(first)
                    && edge(last)
                    && bytes.iter().all(|&b| edge(b) || b == b'-' || b == b'_')
            }
            _ => false,
        }
    };
    let mut errors = Vec::new();
    if value.len() > 253 {
        errors.push(max_len_error(253));
    }
    if !value.split('.').all(label_ok) {
        errors.push(regex_error(MESSAGE, FORMAT, &["example.com"]));
    }
    errors
}

/// `IsValidIPForLegacyField(fldPath, value, nil)` with StrictIPCIDRValidation off.
fn validate_legacy_ip(value: &str, loc: &Loc, out: &mut Out) {
    if !parse_ip_sloppy(value) {
        out.invalid(
            loc,
            BadValue::Str(value.to_owned()),
            "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
        );
    }
}

/// `netutils.ParseIPSloppy(value) != nil`: `net.ParseIP`, retried with leading zeros of a
/// trailing dotted quad stripped.
fn parse_ip_sloppy(value: &str) -> bool {
    if go_parse_ip(value) {
        return true;
    }
    // matchZeros: `(^|:)0*(0|[1-9][0-9]*)\.…\.0*(0|[1-9][0-9]*)((/)0*(0|[1-9][0-9]*))?$`; only
    // the text after the last ':' can match. A '/' never parses as an IP, so it is left out.
    let (prefix, quad) = match value.rfind(':') {
        Some(index) => value.split_at(index + 1),
        None => ("", value),
    };
    let octets: Vec<&str> = quad.split('.').collect();
    if octets.len() != 4
        || !octets
            .iter()
            .all(|o| !o.is_empty() && o.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    let stripped: Vec<&str> = octets
        .iter()
        .map(|o| {
            let trimmed = o.trim_start_matches('0');
            if trimmed.is_empty() { "0" } else { trimmed }
        })
        .collect();
    go_parse_ip(&format!("{prefix}{}", stripped.join(".")))
}

/// `net.ParseIP(s) != nil` (Go 1.24: `netip.ParseAddr` without a zone).
fn go_parse_ip(s: &str) -> bool {
    for b in s.bytes() {
        match b {
            b'.' => return parse_ipv4_fields(s.as_bytes()),
            b':' => return parse_ipv6(s.as_bytes()),
            b'%' => return false,
            _ => {}
        }
    }
    false
}

/// netip's `parseIPv4Fields`: four decimal octets, no leading zeros, each at most 255.
fn parse_ipv4_fields(s: &[u8]) -> bool {
    let mut value: u32 = 0;
    let mut position = 0;
    let mut digits = 0;
    for (index, &c) in s.iter().enumerate() {
        if c.is_ascii_digit() {
            if digits == 1 && value == 0 {
                return false;
            }
            value = value * 10 + u32::from(c - b'0');
            digits += 1;
            if value > 255 {
                return false;
            }
        } else if c == b'.' {
            if index == 0 || index == s.len() - 1 || s[index - 1] == b'.' || position == 3 {
                return false;
            }
            position += 1;
            value = 0;
            digits = 0;
        } else {
            return false;
        }
    }
    position == 3
}

/// netip's `parseIPv6` (a zone makes `net.ParseIP` fail, so any '%' does).
fn parse_ipv6(input: &[u8]) -> bool {
    if input.contains(&b'%') {
        return false;
    }
    let mut s = input;
    let mut ellipsis: Option<usize> = None;
    if s.len() >= 2 && s[0] == b':' && s[1] == b':' {
        ellipsis = Some(0);
        s = &s[2..];
        if s.is_empty() {
            return true;
        }
    }
    let mut filled = 0;
    while filled < 16 {
        let mut offset = 0;
        let mut accumulator: u32 = 0;
        while let Some(&c) = s.get(offset) {
            let Some(digit) = char::from(c).to_digit(16) else {
                break;
            };
            accumulator = (accumulator << 4) + digit;
            if offset > 3 || accumulator > 0xFFFF {
                return false;
            }
            offset += 1;
        }
        if offset == 0 {
            return false;
        }
        if s.get(offset) == Some(&b'.') {
            // An embedded IPv4 address takes the last four bytes.
            if (ellipsis.is_none() && filled != 12) || filled + 4 > 16 || !parse_ipv4_fields(s) {
                return false;
            }
            s = &[];
            filled += 4;
            break;
        }
        filled += 2;
        s = &s[offset..];
        if s.is_empty() {
            break;
        }
        if s[0] != b':' || s.len() == 1 {
            return false;
        }
        s = &s[1..];
        if s[0] == b':' {
            if ellipsis.is_some() {
                return false;
            }
            ellipsis = Some(filled);
            s = &s[1..];
            if s.is_empty() {
                break;
            }
        }
    }
    if !s.is_empty() {
        return false;
    }
    // Too few groups need a "::"; a full address must not have one.
    if filled < 16 {
        ellipsis.is_some()
    } else {
        ellipsis.is_none()
    }
}

/// `validateWindowsHostProcessPod(spec, fldPath)`.
pub(crate) fn validate_windows_host_process_pod(
    spec: Option<&Node>,
    spec_loc: &Loc,
    out: &mut Out,
) {
    let pod_host_process =
        bool_of(spec.and_then(|s| s.at(&["securityContext", "windowsOptions", "hostProcess"])));
    let mut containers = 0;
    let mut host_process_containers = 0;
    for (container, container_loc) in visit_containers(spec, spec_loc) {
        containers += 1;
        let node = container.at(&["securityContext", "windowsOptions", "hostProcess"]);
        let container_host_process = bool_of(node);
        if let (Some(pod), Some(own)) = (pod_host_process, container_host_process)
            && pod != own
        {
            let loc = container_loc
                .child("securityContext", None)
                .child("windowsOptions", None)
                .child("hostProcess", node);
            out.invalid(
                &loc,
                BadValue::Bool(own),
                format!("pod hostProcess value must be identical if both are specified, was {pod}"),
            );
        }
        // Set on the container, or inherited from the pod.
        if matches!(
            (container_host_process, pod_host_process),
            (Some(true), _) | (None, Some(true))
        ) {
            host_process_containers += 1;
        }
    }
    if host_process_containers == 0 {
        return;
    }
    // All containers must be host-process ones, and the pod must use the host network.
    if host_process_containers != containers {
        out.invalid(spec_loc, BadValue::Str(String::new()), "If pod contains any hostProcess containers then all containers must be HostProcess containers");
    }
    let host_network = host_flag(spec, "hostNetwork");
    if !host_network {
        let (_, loc) = spec_loc.field(spec, "hostNetwork");
        out.invalid(
            &loc,
            BadValue::Bool(false),
            "hostNetwork must be true if pod contains any hostProcess containers",
        );
    }
    if !ALLOW_PRIVILEGED {
        out.forbidden(
            spec_loc,
            "hostProcess containers are disallowed by cluster policy",
        );
    }
}

/// `validateHostUsers(spec, fldPath, opts)`: with `hostUsers: false`, no host namespaces and
/// (by default) no volume devices.
pub(crate) fn validate_host_users(
    spec: Option<&Node>,
    spec_loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    if bool_of(spec.and_then(|s| s.get("hostUsers"))) != Some(false) {
        return;
    }
    // Go spells the last two paths with capitals.
    for (flag, path) in [
        ("hostNetwork", "hostNetwork"),
        ("hostPID", "HostPID"),
        ("hostIPC", "HostIPC"),
    ] {
        if host_flag(spec, flag) {
            out.forbidden(
                &spec_loc.child(path, spec.and_then(|s| s.get(flag))),
                "when `hostUsers` is false",
            );
        }
    }
    if !opts.allow_user_namespaces_with_volume_devices {
        for (container, container_loc) in visit_containers(spec, spec_loc) {
            let (devices, devices_loc) = container_loc.field(Some(container), "volumeDevices");
            if !items_of(devices).is_empty() {
                out.forbidden(&devices_loc, "when `hostUsers` is false");
            }
        }
    }
}

/// `validatePodHostName(spec, fldPath)` (`hostnameOverride`; dropped before validation while
/// the HostnameOverride gate is off, as it is by default).
pub(crate) fn validate_pod_host_name(spec: Option<&Node>, spec_loc: &Loc, out: &mut Out) {
    let (name, loc) = spec_loc.field(spec, "hostnameOverride");
    let Some(name) = name else { return };
    if bool_of(spec.and_then(|s| s.get("setHostnameAsFQDN"))) == Some(true) {
        out.forbidden(&loc, "may not be specified when setHostnameAsFQDN is true");
    }
    if host_flag(spec, "hostNetwork") {
        out.forbidden(&loc, "may not be specified when hostNetwork is true");
    }
    let text = str_of(Some(name));
    if text.len() > 64 {
        out.too_long(&loc, 64);
    }
    each_invalid(is_dns1123_subdomain(text), &loc, text, out);
}

/// `ValidateHostAliases(spec.HostAliases, …)` when host aliases are set.
pub(crate) fn validate_host_aliases(spec: Option<&Node>, spec_loc: &Loc, out: &mut Out) {
    let (aliases, aliases_loc) = spec_loc.field(spec, "hostAliases");
    for (index, alias) in items_of(aliases).iter().enumerate() {
        let alias_loc = aliases_loc.index(index, alias);
        let (ip, ip_loc) = alias_loc.field(Some(alias), "ip");
        validate_legacy_ip(str_of(ip), &ip_loc, out);
        let (hostnames, hostnames_loc) = alias_loc.field(Some(alias), "hostnames");
        for (host_index, hostname) in items_of(hostnames).iter().enumerate() {
            let text = str_of(Some(hostname));
            each_invalid(
                is_dns1123_subdomain(text),
                &hostnames_loc.index(host_index, hostname),
                text,
                out,
            );
        }
    }
}

/// `validateOS` and then `validateLinux` or `validateWindows`, when `spec.os` is set.
pub(crate) fn validate_os(spec: Option<&Node>, spec_loc: &Loc, opts: &PodOptions, out: &mut Out) {
    let _ = opts;
    let (os, os_loc) = spec_loc.field(spec, "os");
    let Some(os) = os else { return };
    let (name, name_loc) = os_loc.field(Some(os), "name");
    match str_of(name) {
        "" => out.required(&name_loc, ""),
        "linux" => validate_linux(spec, spec_loc, out),
        "windows" => validate_windows(spec, spec_loc, out),
        other => out.not_supported(&os_loc, BadValue::json_string(other), &["linux", "windows"]),
    }
}

/// `validateLinux`: no Windows options anywhere.
fn validate_linux(spec: Option<&Node>, spec_loc: &Loc, out: &mut Out) {
    let message = "windows options cannot be set for a linux pod";
    let (sc, sc_loc) = security_context(spec, spec_loc);
    let (windows, windows_loc) = sc_loc.field(sc, "windowsOptions");
    if windows.is_some() {
        out.forbidden(&windows_loc, message);
    }
    for (container, container_loc) in visit_containers(spec, spec_loc) {
        let (container_sc, container_sc_loc) =
            container_loc.field(Some(container), "securityContext");
        let (windows, windows_loc) = container_sc_loc.field(container_sc, "windowsOptions");
        if windows.is_some() {
            out.forbidden(&windows_loc, message);
        }
    }
}

/// `validateWindows`: no Linux-only pod or container security settings.
fn validate_windows(spec: Option<&Node>, spec_loc: &Loc, out: &mut Out) {
    let message = "cannot be set for a windows pod";
    let (sc, sc_loc) = security_context(spec, spec_loc);
    let forbid_sc = |name: &str, out: &mut Out| {
        let (node, loc) = sc_loc.field(sc, name);
        if node.is_some() {
            out.forbidden(&loc, message);
        }
    };
    forbid_sc("appArmorProfile", out);
    forbid_sc("seLinuxOptions", out);
    // The host fields live in the internal security context but are named from the spec.
    let host_users = spec.and_then(|s| s.get("hostUsers"));
    if host_users.is_some() {
        out.forbidden(&spec_loc.child("hostUsers", host_users), message);
    }
    for flag in ["hostPID", "hostIPC"] {
        if host_flag(spec, flag) {
            out.forbidden(
                &spec_loc.child(flag, spec.and_then(|s| s.get(flag))),
                message,
            );
        }
    }
    forbid_sc("seccompProfile", out);
    forbid_sc("fsGroup", out);
    forbid_sc("fsGroupChangePolicy", out);
    let (sysctls, sysctls_loc) = sc_loc.field(sc, "sysctls");
    if !items_of(sysctls).is_empty() {
        out.forbidden(&sysctls_loc, message);
    }
    let share = spec.and_then(|s| s.get("shareProcessNamespace"));
    if share.is_some() {
        out.forbidden(&spec_loc.child("shareProcessNamespace", share), message);
    }
    forbid_sc("runAsUser", out);
    forbid_sc("runAsGroup", out);
    // A nil slice check: an empty written list counts.
    forbid_sc("supplementalGroups", out);
    forbid_sc("supplementalGroupsPolicy", out);
    forbid_sc("seLinuxChangePolicy", out);
    for (container, container_loc) in visit_containers(spec, spec_loc) {
        let (container_sc, container_sc_loc) =
            container_loc.field(Some(container), "securityContext");
        if container_sc.is_none() {
            continue;
        }
        for name in [
            "appArmorProfile",
            "seLinuxOptions",
            "seccompProfile",
            "capabilities",
            "readOnlyRootFilesystem",
            "privileged",
            "allowPrivilegeEscalation",
            "procMount",
            "runAsUser",
            "runAsGroup",
        ] {
            let (node, loc) = container_sc_loc.field(container_sc, name);
            if node.is_some() {
                out.forbidden(&loc, message);
            }
        }
    }
}

/// A `core.Toleration` decoded from the tolerations annotation.
#[derive(Clone, Debug, Default, PartialEq)]
struct AnnotationToleration {
    key: String,
    operator: String,
    value: String,
    effect: String,
    seconds: Option<i64>,
}

/// `json.Unmarshal([]byte(text), &[]core.Toleration)`: the tolerations, or Go's error text.
/// The internal type has no JSON tags, so fields match the Go names, case-insensitively.
fn decode_tolerations(text: &str) -> Result<Vec<AnnotationToleration>, String> {
    check_valid_json(text.as_bytes())?;
    let mut reader = JsonReader {
        text,
        pos: 0,
        error: None,
    };
    let mut list = Vec::new();
    reader.space();
    match reader.peek() {
        Some(b'n') => reader.skip_value(),
        Some(b'[') => {
            reader.pos += 1;
            loop {
                reader.space();
                match reader.peek() {
                    None => break,
                    Some(b']') => {
                        reader.pos += 1;
                        break;
                    }
                    Some(b',') => reader.pos += 1,
                    Some(_) => {
                        let before = reader.pos;
                        list.push(reader.toleration());
                        if reader.pos == before {
                            break;
                        }
                    }
                }
            }
        }
        Some(c) => {
            reader.save_error(json_kind(c), None, "[]core.Toleration");
            reader.skip_value();
        }
        None => {}
    }
    match reader.error {
        Some(message) => Err(message),
        None => Ok(list),
    }
}

/// The Go field names of `core.Toleration`, in order.
const TOLERATION_FIELDS: [&str; 5] = ["Key", "Operator", "Value", "Effect", "TolerationSeconds"];

/// The field a JSON key sets: exact name first, then encoding/json's case folding
/// (`unicode.ToUpper(unicode.ToLower(r))`, which also maps ſ, K, İ and ı to ASCII).
fn toleration_field(key: &str) -> Option<usize> {
    if let Some(index) = TOLERATION_FIELDS.iter().position(|name| *name == key) {
        return Some(index);
    }
    let folded: String = key
        .chars()
        .map(|c| match c {
            '\u{17f}' => 'S',
            '\u{212a}' => 'K',
            '\u{130}' | '\u{131}' => 'I',
            c => c.to_ascii_uppercase(),
        })
        .collect();
    TOLERATION_FIELDS
        .iter()
        .position(|name| name.to_ascii_uppercase() == folded)
}

/// How encoding/json names a JSON value's kind in an `UnmarshalTypeError`.
fn json_kind(first: u8) -> &'static str {
    match first {
        b'"' => "string",
        b'{' => "object",
        b'[' => "array",
        b't' | b'f' => "bool",
        _ => "number",
    }
}

/// A cursor over JSON text already checked by `check_valid_json`.
struct JsonReader<'a> {
    text: &'a str,
    pos: usize,
    /// The first `UnmarshalTypeError` (decoding goes on after one, as Go's does).
    error: Option<String>,
}

impl JsonReader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos += 1;
        }
    }

    fn save_error(&mut self, kind: &str, field: Option<&str>, ty: &str) {
        if self.error.is_none() {
            self.error = Some(match field {
                Some(field) => format!(
                    "json: cannot unmarshal {kind} into Go struct field Toleration.{field} of type {ty}"
                ),
                None => format!("json: cannot unmarshal {kind} into Go value of type {ty}"),
            });
        }
    }

    /// Skips a string literal (at its opening quote).
    fn skip_string(&mut self) {
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += if c == b'\\' { 2 } else { 1 };
            if c == b'"' {
                break;
            }
        }
    }

    /// Skips a number or literal.
    fn skip_scalar(&mut self) {
        while let Some(c) = self.peek() {
            if matches!(c, b',' | b']' | b'}' | b':' | b' ' | b'\t' | b'\r' | b'\n') {
                break;
            }
            self.pos += 1;
        }
    }

    /// Skips one value, nested ones by counting brackets (no recursion).
    fn skip_value(&mut self) {
        self.space();
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                while let Some(c) = self.peek() {
                    match c {
                        b'{' | b'[' => {
                            depth += 1;
                            self.pos += 1;
                        }
                        b'}' | b']' => {
                            depth = depth.saturating_sub(1);
                            self.pos += 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        b'"' => self.skip_string(),
                        b',' | b':' | b' ' | b'\t' | b'\r' | b'\n' => self.pos += 1,
                        _ => self.skip_scalar(),
                    }
                }
            }
            Some(_) => self.skip_scalar(),
            None => {}
        }
    }

    /// The text of a number or literal.
    fn scalar(&mut self) -> &str {
        let start = self.pos;
        self.skip_scalar();
        self.text.get(start..self.pos).unwrap_or("")
    }

    /// A string literal, unquoted as encoding/json does (bad surrogates become U+FFFD).
    fn string(&mut self) -> String {
        let mut value = String::new();
        self.pos += 1;
        while let Some(rest) = self.text.get(self.pos..) {
            let Some(c) = rest.chars().next() else { break };
            match c {
                '"' => {
                    self.pos += 1;
                    break;
                }
                '\\' => {
                    let escape = rest.as_bytes().get(1).copied().unwrap_or(b'"');
                    self.pos += 2;
                    match escape {
                        b'b' => value.push('\u{8}'),
                        b'f' => value.push('\u{c}'),
                        b'n' => value.push('\n'),
                        b'r' => value.push('\r'),
                        b't' => value.push('\t'),
                        b'u' => {
                            let first = hex4(rest.get(2..6));
                            self.pos += 4;
                            let decoded = match first {
                                Some(high @ 0xD800..=0xDBFF) => {
                                    let next = self
                                        .text
                                        .get(self.pos..)
                                        .and_then(|r| r.strip_prefix("\\u"))
                                        .and_then(|r| hex4(r.get(0..4)));
                                    match next {
                                        Some(low @ 0xDC00..=0xDFFF) => {
                                            self.pos += 6;
                                            char::from_u32(
                                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00),
                                            )
                                        }
                                        _ => None,
                                    }
                                }
                                Some(code) => char::from_u32(code),
                                None => None,
                            };
                            value.push(decoded.unwrap_or('\u{fffd}'));
                        }
                        other => value.push(char::from(other)),
                    }
                }
                c => {
                    value.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
        value
    }

    /// One element of the list: an object (or null) decoded into a `core.Toleration`.
    fn toleration(&mut self) -> AnnotationToleration {
        let mut toleration = AnnotationToleration::default();
        self.space();
        match self.peek() {
            Some(b'{') => {}
            Some(b'n') => {
                // null leaves a struct element at its zero value.
                self.skip_value();
                return toleration;
            }
            Some(c) => {
                self.save_error(json_kind(c), None, "core.Toleration");
                self.skip_value();
                return toleration;
            }
            None => return toleration,
        }
        self.pos += 1;
        loop {
            self.space();
            match self.peek() {
                None => break,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                Some(b',') => self.pos += 1,
                Some(b'"') => {
                    let key = self.string();
                    self.space();
                    if self.peek() == Some(b':') {
                        self.pos += 1;
                    }
                    self.space();
                    match toleration_field(&key) {
                        Some(4) => self.seconds(&mut toleration.seconds),
                        Some(index) => {
                            let (slot, ty) = match index {
                                0 => (&mut toleration.key, "string"),
                                1 => (&mut toleration.operator, "core.TolerationOperator"),
                                2 => (&mut toleration.value, "string"),
                                _ => (&mut toleration.effect, "core.TaintEffect"),
                            };
                            match self.peek() {
                                Some(b'"') => *slot = self.string(),
                                // null leaves a string unchanged.
                                Some(b'n') => self.skip_value(),
                                Some(c) => {
                                    self.save_error(
                                        json_kind(c),
                                        Some(TOLERATION_FIELDS[index]),
                                        ty,
                                    );
                                    self.skip_value();
                                }
                                None => {}
                            }
                        }
                        None => self.skip_value(),
                    }
                }
                Some(_) => {
                    let before = self.pos;
                    self.skip_value();
                    if self.pos == before {
                        self.pos += 1;
                    }
                }
            }
        }
        toleration
    }

    /// `TolerationSeconds *int64`.
    fn seconds(&mut self, slot: &mut Option<i64>) {
        match self.peek() {
            Some(b'n') => {
                self.skip_value();
                *slot = None;
            }
            Some(b'-' | b'0'..=b'9') => {
                let literal = self.scalar().to_owned();
                // strconv.ParseInt(literal, 10, 64): integers only.
                match literal.parse::<i64>() {
                    Ok(value) => *slot = Some(value),
                    Err(_) => self.save_error(
                        &format!("number {literal}"),
                        Some("TolerationSeconds"),
                        "int64",
                    ),
                }
            }
            Some(c) => {
                self.save_error(json_kind(c), Some("TolerationSeconds"), "int64");
                self.skip_value();
            }
            None => {}
        }
    }
}

/// Four hex digits of a `\u` escape.
fn hex4(digits: Option<&str>) -> Option<u32> {
    let digits = digits?;
    if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        u32::from_str_radix(digits, 16).ok()
    } else {
        None
    }
}

/// The states of encoding/json's scanner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ScanState {
    BeginValue,
    BeginValueOrEmpty,
    BeginStringOrEmpty,
    BeginString,
    EndValue,
    EndTop,
    InString,
    InStringEsc,
    /// Inside `\u`, with this many hex digits read.
    InStringEscU(u8),
    Neg,
    One,
    Zero,
    Dot,
    Dot0,
    E,
    ESign,
    E0,
    /// Inside `true`, `false` or `null`, expecting the byte at this index.
    Literal(&'static str, usize),
    Error,
}

const PARSE_OBJECT_KEY: u8 = 0;
const PARSE_OBJECT_VALUE: u8 = 1;
const PARSE_ARRAY_VALUE: u8 = 2;
const MAX_NESTING_DEPTH: usize = 10000;

/// encoding/json's `checkValid`: the syntax error Go reports first, with its message.
fn check_valid_json(data: &[u8]) -> Result<(), String> {
    let mut scanner = JsonScanner {
        state: ScanState::BeginValue,
        parse_state: Vec::new(),
        end_top: false,
        error: None,
    };
    for &c in data {
        if scanner.step(c) {
            return Err(scanner.error.unwrap_or_default());
        }
    }
    // eof()
    if let Some(error) = scanner.error {
        return Err(error);
    }
    if scanner.end_top {
        return Ok(());
    }
    scanner.step(b' ');
    if scanner.end_top {
        return Ok(());
    }
    Err(scanner
        .error
        .unwrap_or_else(|| "unexpected end of JSON input".to_owned()))
}

struct JsonScanner {
    state: ScanState,
    parse_state: Vec<u8>,
    end_top: bool,
    error: Option<String>,
}

impl JsonScanner {
    /// One byte; true for `scanError`.
    fn step(&mut self, c: u8) -> bool {
        use ScanState::*;
        match self.state {
            BeginValueOrEmpty => {
                if is_json_space(c) {
                    return false;
                }
                if c == b']' {
                    return self.end_value(c);
                }
                self.begin_value(c)
            }
            BeginValue => self.begin_value(c),
            BeginStringOrEmpty => {
                if is_json_space(c) {
                    return false;
                }
                if c == b'}' {
                    if let Some(last) = self.parse_state.last_mut() {
                        *last = PARSE_OBJECT_VALUE;
                    }
                    return self.end_value(c);
                }
                self.begin_string(c)
            }
            BeginString => self.begin_string(c),
            EndValue => self.end_value(c),
            EndTop => self.end_top(c),
            InString => {
                match c {
                    b'"' => self.state = EndValue,
                    b'\\' => self.state = InStringEsc,
                    c if c < 0x20 => return self.error(c, "in string literal"),
                    _ => {}
                }
                false
            }
            InStringEsc => match c {
                b'b' | b'f' | b'n' | b'r' | b't' | b'\\' | b'/' | b'"' => {
                    self.state = InString;
                    false
                }
                b'u' => {
                    self.state = InStringEscU(0);
                    false
                }
                _ => self.error(c, "in string escape code"),
            },
            InStringEscU(read) => {
                if c.is_ascii_hexdigit() {
                    self.state = if read == 3 {
                        InString
                    } else {
                        InStringEscU(read + 1)
                    };
                    false
                } else {
                    self.error(c, "in \\u hexadecimal character escape")
                }
            }
            Neg => match c {
                b'0' => {
                    self.state = Zero;
                    false
                }
                b'1'..=b'9' => {
                    self.state = One;
                    false
                }
                _ => self.error(c, "in numeric literal"),
            },
            One => {
                if c.is_ascii_digit() {
                    return false;
                }
                self.zero(c)
            }
            Zero => self.zero(c),
            Dot => {
                if c.is_ascii_digit() {
                    self.state = Dot0;
                    false
                } else {
                    self.error(c, "after decimal point in numeric literal")
                }
            }
            Dot0 => {
                if c.is_ascii_digit() {
                    false
                } else if c == b'e' || c == b'E' {
                    self.state = E;
                    false
                } else {
                    self.end_value(c)
                }
            }
            E => {
                if c == b'+' || c == b'-' {
                    self.state = ESign;
                    return false;
                }
                self.e_sign(c)
            }
            ESign => self.e_sign(c),
            E0 => {
                if c.is_ascii_digit() {
                    false
                } else {
                    self.end_value(c)
                }
            }
            Literal(word, index) => {
                let expected = word.as_bytes().get(index).copied().unwrap_or(0);
                if c == expected {
                    self.state = if index + 1 == word.len() {
                        EndValue
                    } else {
                        Literal(word, index + 1)
                    };
                    false
                } else {
                    self.error(
                        c,
                        &format!("in literal {word} (expecting '{}')", char::from(expected)),
                    )
                }
            }
            Error => true,
        }
    }

    fn begin_value(&mut self, c: u8) -> bool {
        use ScanState::*;
        if is_json_space(c) {
            return false;
        }
        match c {
            b'{' => {
                self.state = BeginStringOrEmpty;
                self.push(c, PARSE_OBJECT_KEY)
            }
            b'[' => {
                self.state = BeginValueOrEmpty;
                self.push(c, PARSE_ARRAY_VALUE)
            }
            b'"' => {
                self.state = InString;
                false
            }
            b'-' => {
                self.state = Neg;
                false
            }
            b'0' => {
                self.state = Zero;
                false
            }
            b't' => {
                self.state = Literal("true", 1);
                false
            }
            b'f' => {
                self.state = Literal("false", 1);
                false
            }
            b'n' => {
                self.state = Literal("null", 1);
                false
            }
            b'1'..=b'9' => {
                self.state = One;
                false
            }
            _ => self.error(c, "looking for beginning of value"),
        }
    }

    fn begin_string(&mut self, c: u8) -> bool {
        if is_json_space(c) {
            return false;
        }
        if c == b'"' {
            self.state = ScanState::InString;
            return false;
        }
        self.error(c, "looking for beginning of object key string")
    }

    fn zero(&mut self, c: u8) -> bool {
        match c {
            b'.' => {
                self.state = ScanState::Dot;
                false
            }
            b'e' | b'E' => {
                self.state = ScanState::E;
                false
            }
            _ => self.end_value(c),
        }
    }

    fn e_sign(&mut self, c: u8) -> bool {
        if c.is_ascii_digit() {
            self.state = ScanState::E0;
            false
        } else {
            self.error(c, "in exponent of numeric literal")
        }
    }

    fn end_value(&mut self, c: u8) -> bool {
        let Some(&top) = self.parse_state.last() else {
            self.state = ScanState::EndTop;
            self.end_top = true;
            return self.end_top(c);
        };
        if is_json_space(c) {
            self.state = ScanState::EndValue;
            return false;
        }
        match top {
            PARSE_OBJECT_KEY => {
                if c == b':' {
                    if let Some(last) = self.parse_state.last_mut() {
                        *last = PARSE_OBJECT_VALUE;
                    }
                    self.state = ScanState::BeginValue;
                    return false;
                }
                self.error(c, "after object key")
            }
            PARSE_OBJECT_VALUE => {
                if c == b',' {
                    if let Some(last) = self.parse_state.last_mut() {
                        *last = PARSE_OBJECT_KEY;
                    }
                    self.state = ScanState::BeginString;
                    return false;
                }
                if c == b'}' {
                    self.pop();
                    return false;
                }
                self.error(c, "after object key:value pair")
            }
            _ => {
                if c == b',' {
                    self.state = ScanState::BeginValue;
                    return false;
                }
                if c == b']' {
                    self.pop();
                    return false;
                }
                self.error(c, "after array element")
            }
        }
    }

    /// `stateEndTop`: a non-space byte is an error, reported on the next call (`scanEnd` now).
    fn end_top(&mut self, c: u8) -> bool {
        if !is_json_space(c) {
            self.error(c, "after top-level value");
        }
        false
    }

    fn push(&mut self, c: u8, state: u8) -> bool {
        self.parse_state.push(state);
        if self.parse_state.len() <= MAX_NESTING_DEPTH {
            return false;
        }
        self.error(c, "exceeded max depth")
    }

    fn pop(&mut self) {
        self.parse_state.pop();
        if self.parse_state.is_empty() {
            self.state = ScanState::EndTop;
            self.end_top = true;
        } else {
            self.state = ScanState::EndValue;
        }
    }

    fn error(&mut self, c: u8, context: &str) -> bool {
        self.state = ScanState::Error;
        self.error = Some(format!(
            "invalid character {} {context}",
            quote_json_char(c)
        ));
        true
    }
}

fn is_json_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// encoding/json's `quoteChar`: the byte as a rune, `strconv.Quote`d between single quotes.
fn quote_json_char(c: u8) -> String {
    match c {
        b'\'' => "'\\''".to_owned(),
        b'"' => "'\"'".to_owned(),
        _ => {
            let quoted = go_strconv_quote(&char::from(c).to_string());
            let inner = quoted.get(1..quoted.len().saturating_sub(1)).unwrap_or("");
            format!("'{inner}'")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, node, pod_spec};
    use super::*;
    use crate::manifest::schema::META_OBJECT_META;
    use jobscope_diagnostic::Span;
    use jobscope_golang::strings::go_json_string;

    const ROOT: &str = "spec.template.spec";
    const SUBDOMAIN: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    const RANGE: &str = "must be between 0 and 2147483647, inclusive";
    const NOT_IP: &str = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

    fn loc() -> Loc {
        Loc::new(ROOT, Span::default())
    }

    fn run(yaml: &str, rule: impl Fn(Option<&Node>, &Loc, &mut Out)) -> Vec<String> {
        let spec = pod_spec(yaml);
        let mut out = Out::default();
        rule(Some(&spec), &loc(), &mut out);
        messages(&out)
    }

    fn with_opts(
        yaml: &str,
        opts: PodOptions,
        rule: fn(Option<&Node>, &Loc, &PodOptions, &mut Out),
    ) -> Vec<String> {
        run(yaml, |spec, loc, out| rule(spec, loc, &opts, out))
    }

    fn meta(yaml: &str) -> Node {
        node(yaml, &META_OBJECT_META)
    }

    /// Runs ValidatePodSpecificAnnotations on `annotations:` YAML.
    fn annotations(meta_yaml: &str, spec_yaml: &str) -> Vec<String> {
        let meta = meta(meta_yaml);
        let spec = pod_spec(spec_yaml);
        let mut out = Out::default();
        let annotations = meta.get("annotations");
        let loc = Loc::new("spec.template.annotations", Span::default());
        validate_pod_specific_annotations(
            annotations,
            Some(&spec),
            &loc,
            &PodOptions::default(),
            &mut out,
        );
        messages(&out)
    }

    fn tolerations_annotation(json: &str) -> Vec<String> {
        let yaml = format!(
            "annotations: {{scheduler.alpha.kubernetes.io/tolerations: {}}}",
            go_json_string(json)
        );
        annotations(&yaml, "containers: [{name: c}]")
    }

    #[test]
    fn mirror_pods_need_a_node_name() {
        assert_eq!(
            annotations(
                "annotations: {kubernetes.io/config.mirror: abc}",
                "containers: [{name: c}]"
            ),
            [
                "spec.template.annotations[kubernetes.io/config.mirror]: Invalid value: \"abc\": must set spec.nodeName if mirror pod annotation is set"
            ]
        );
        assert!(
            annotations(
                "annotations: {kubernetes.io/config.mirror: abc}",
                "nodeName: n1"
            )
            .is_empty()
        );
    }

    #[test]
    fn pod_deletion_cost_is_an_int32() {
        for bad in [
            "+10",
            "007",
            "2147483648",
            "-2147483649",
            "abc",
            "",
            "-",
            "1_000",
        ] {
            let yaml = format!(
                "annotations: {{controller.kubernetes.io/pod-deletion-cost: {}}}",
                go_json_string(bad)
            );
            assert_eq!(
                annotations(&yaml, "{}"),
                [format!(
                    "spec.template.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: {}: must be a 32bit integer",
                    go_strconv_quote(bad)
                )],
                "{bad}"
            );
        }
        for good in ["0", "10", "-2147483648", "2147483647", "-0", "-007"] {
            let yaml =
                format!("annotations: {{controller.kubernetes.io/pod-deletion-cost: \"{good}\"}}");
            assert!(annotations(&yaml, "{}").is_empty(), "{good}");
        }
    }

    #[test]
    fn seccomp_annotations() {
        let found = annotations(
            r#"
annotations:
  seccomp.security.alpha.kubernetes.io/pod: foo
  container.seccomp.security.alpha.kubernetes.io/a: localhost//abs/../x.json
  container.seccomp.security.alpha.kubernetes.io/b: docker/default
  container.seccomp.security.alpha.kubernetes.io/c: localhost/profiles/x.json
"#,
            "{}",
        );
        assert_eq!(
            found,
            [
                "spec.template.annotations.seccomp.security.alpha.kubernetes.io/pod: Invalid value: \"foo\": must be a valid seccomp profile",
                "spec.template.annotations.container.seccomp.security.alpha.kubernetes.io/a: Invalid value: \"/abs/../x.json\": must be a relative path",
                "spec.template.annotations.container.seccomp.security.alpha.kubernetes.io/a: Invalid value: \"/abs/../x.json\": must not contain '..'",
            ]
        );
    }

    #[test]
    fn app_armor_annotations() {
        let found = annotations(
            r#"
annotations:
  container.apparmor.security.beta.kubernetes.io/missing: bogus
  container.apparmor.security.beta.kubernetes.io/init: localhost/profile
  container.apparmor.security.beta.kubernetes.io/main: unconfined
"#,
            "{initContainers: [{name: init}], containers: [{name: main}]}",
        );
        assert_eq!(
            found,
            [
                "spec.template.annotations[container.apparmor.security.beta.kubernetes.io/missing]: Invalid value: \"missing\": container not found",
                "spec.template.annotations[container.apparmor.security.beta.kubernetes.io/missing]: Invalid value: \"bogus\": invalid AppArmor profile name: \"bogus\"",
            ]
        );
    }

    #[test]
    fn tolerations_annotation_is_validated() {
        let at = "spec.template.annotations.scheduler.alpha.kubernetes.io/tolerations";
        assert_eq!(
            tolerations_annotation(
                r#"[{"key":"k","operator":"Exists","value":"v"}, {"OPERATOR":"Sometimes"}, null]"#
            ),
            [
                format!(
                    "{at}[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'"
                ),
                format!(
                    "{at}[1].operator: Invalid value: \"Sometimes\": operator must be Exists when `key` is empty, which means \"match all values and all keys\""
                ),
                format!(
                    "{at}[1].operator: Unsupported value: \"Sometimes\": supported values: \"Equal\", \"Exists\""
                ),
                format!(
                    "{at}[2].operator: Invalid value: \"\": operator must be Exists when `key` is empty, which means \"match all values and all keys\""
                ),
            ]
        );
        // Keys match the Go field names case-insensitively (the Kelvin sign folds to K);
        // unknown keys are ignored.
        assert!(
            tolerations_annotation(
                "[{\"\u{212a}ey\":\"k\",\"extra\":[1,{\"a\":null}],\"tolerationSeconds\":null}]"
            )
            .is_empty()
        );
        assert!(tolerations_annotation("null").is_empty());
        assert!(tolerations_annotation("[]").is_empty());
        assert_eq!(
            tolerations_annotation(r#"[{"key":"k","effect":"NoSchedule","tolerationSeconds":10}]"#),
            [format!(
                "{at}[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"
            )]
        );
    }

    #[test]
    fn tolerations_annotation_json_errors() {
        let cases = [
            ("[", "unexpected end of JSON input"),
            ("  ", "unexpected end of JSON input"),
            ("[}", "invalid character '}' looking for beginning of value"),
            (
                r#"[{"key" "a"}]"#,
                "invalid character '\"' after object key",
            ),
            (
                r#"[{"key":"a",}]"#,
                "invalid character '}' looking for beginning of object key string",
            ),
            (
                r#"[{"key":"a" ]"#,
                "invalid character ']' after object key:value pair",
            ),
            ("[1 2]", "invalid character '2' after array element"),
            ("[] x", "invalid character 'x' after top-level value"),
            ("[]x", "invalid character 'x' after top-level value"),
            (
                "[tru]",
                "invalid character ']' in literal true (expecting 'e')",
            ),
            (
                "[nul]",
                "invalid character ']' in literal null (expecting 'l')",
            ),
            ("[-]", "invalid character ']' in numeric literal"),
            (
                "[1.]",
                "invalid character ']' after decimal point in numeric literal",
            ),
            (
                "[1e]",
                "invalid character ']' in exponent of numeric literal",
            ),
            ("[01]", "invalid character '1' after array element"),
            (
                "['a']",
                "invalid character '\\'' looking for beginning of value",
            ),
            ("[\"\\x\"]", "invalid character 'x' in string escape code"),
            (
                "[\"\\u12g4\"]",
                "invalid character 'g' in \\u hexadecimal character escape",
            ),
            ("[\"a\tb\"]", "invalid character '\\t' in string literal"),
            (
                "[\u{e9}]",
                "invalid character '\u{c3}' looking for beginning of value",
            ),
            (
                "{\"key\":\"a\"}",
                "json: cannot unmarshal object into Go value of type []core.Toleration",
            ),
            (
                "\"x\"",
                "json: cannot unmarshal string into Go value of type []core.Toleration",
            ),
            (
                "5",
                "json: cannot unmarshal number into Go value of type []core.Toleration",
            ),
            (
                "[true]",
                "json: cannot unmarshal bool into Go value of type core.Toleration",
            ),
            (
                "[[1]]",
                "json: cannot unmarshal array into Go value of type core.Toleration",
            ),
            (
                r#"[{"key":1}]"#,
                "json: cannot unmarshal number into Go struct field Toleration.Key of type string",
            ),
            (
                r#"[{"operator":{}}]"#,
                "json: cannot unmarshal object into Go struct field Toleration.Operator of type core.TolerationOperator",
            ),
            (
                r#"[{"effect":true}]"#,
                "json: cannot unmarshal bool into Go struct field Toleration.Effect of type core.TaintEffect",
            ),
            (
                r#"[{"tolerationSeconds":1.5}]"#,
                "json: cannot unmarshal number 1.5 into Go struct field Toleration.TolerationSeconds of type int64",
            ),
            (
                r#"[{"tolerationSeconds":"5"}]"#,
                "json: cannot unmarshal string into Go struct field Toleration.TolerationSeconds of type int64",
            ),
            // The first type error wins; decoding goes on past it.
            (
                r#"[{"key":1,"value":[]}, 3]"#,
                "json: cannot unmarshal number into Go struct field Toleration.Key of type string",
            ),
            (
                r#"[{"key":"a"}, 3]"#,
                "json: cannot unmarshal number into Go value of type core.Toleration",
            ),
        ];
        for (json, message) in cases {
            assert_eq!(
                tolerations_annotation(json),
                [format!(
                    "spec.template.annotations: Invalid value: \"scheduler.alpha.kubernetes.io/tolerations\": {message}"
                )],
                "{json}"
            );
        }
        let deep = format!("{}{}", "[".repeat(10001), "]".repeat(10001));
        assert_eq!(
            decode_tolerations(&deep),
            Err("invalid character '[' exceeded max depth".to_owned())
        );
    }

    #[test]
    fn tolerations_annotation_strings_unquote_like_go() {
        let decoded =
            decode_tolerations(r#"[{"key":"a\u00e9\ud83d\ude00\ud800x\/\n","value":"\""}]"#);
        let expected = AnnotationToleration {
            key: "a\u{e9}\u{1f600}\u{fffd}x/\n".to_owned(),
            value: "\"".to_owned(),
            ..AnnotationToleration::default()
        };
        assert_eq!(decoded, Ok(vec![expected]));
    }

    #[test]
    fn seccomp_fields_match_annotations() {
        let meta = meta(
            r#"
annotations:
  seccomp.security.alpha.kubernetes.io/pod: unconfined
  container.seccomp.security.alpha.kubernetes.io/a: localhost/b.json
  container.seccomp.security.alpha.kubernetes.io/b: docker/default
  container.seccomp.security.alpha.kubernetes.io/c: runtime/default
"#,
        );
        let spec = pod_spec(
            r#"
securityContext: {seccompProfile: {type: RuntimeDefault}}
containers:
- {name: a, securityContext: {seccompProfile: {type: Localhost, localhostProfile: a.json}}}
- {name: b, securityContext: {seccompProfile: {type: RuntimeDefault}}}
- {name: c, securityContext: {seccompProfile: {type: Localhost, localhostProfile: c.json}}}
- {name: d}
"#,
        );
        let mut out = Out::default();
        validate_seccomp_annotations_and_fields(Some(&meta), Some(&spec), &loc(), &mut out);
        assert_eq!(
            messages(&out),
            [
                format!(
                    "{ROOT}.securityContext.seccompProfile.type: Forbidden: seccomp type in annotation and field must match"
                ),
                format!(
                    "{ROOT}.containers[0].securityContext.seccompProfile.localhostProfile: Forbidden: seccomp profile in annotation and field must match"
                ),
                format!(
                    "{ROOT}.containers[2].securityContext.seccompProfile.type: Forbidden: seccomp type in annotation and field must match"
                ),
            ]
        );
    }

    #[test]
    fn app_armor_fields_match_annotations() {
        let meta = meta(
            r#"
annotations:
  container.apparmor.security.beta.kubernetes.io/a: runtime/default
  container.apparmor.security.beta.kubernetes.io/b: localhost/other
  container.apparmor.security.beta.kubernetes.io/c: unconfined
"#,
        );
        let spec_yaml = r#"
securityContext: {appArmorProfile: {type: Unconfined}}
initContainers:
- {name: a}
containers:
- {name: b, securityContext: {appArmorProfile: {type: Localhost, localhostProfile: mine}}}
- {name: c}
"#;
        let run_on = |yaml: &str| {
            let spec = pod_spec(yaml);
            let mut out = Out::default();
            validate_app_armor_annotations_and_fields_match_on_create(
                Some(&meta),
                Some(&spec),
                &loc(),
                &mut out,
            );
            messages(&out)
        };
        assert_eq!(
            run_on(spec_yaml),
            [
                format!(
                    "{ROOT}.initContainers[0].securityContext.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match"
                ),
                format!(
                    "{ROOT}.containers[0].securityContext.appArmorProfile.localhostProfile: Forbidden: apparmor profile in annotation and field must match"
                ),
            ]
        );
        // Windows pods skip the check.
        assert!(run_on(&format!("os: {{name: windows}}\n{spec_yaml}")).is_empty());
    }

    #[test]
    fn host_network_ports() {
        let yaml = "hostNetwork: true\ncontainers: [{name: c, ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 81}, {containerPort: 82, hostPort: 82}]}]";
        let message = "must match `containerPort` when `hostNetwork` is true";
        assert_eq!(
            with_opts(yaml, PodOptions::default(), validate_pod_host_network_deps),
            [format!(
                "{ROOT}.containers[0].ports[0].hostPort: Invalid value: 8080: {message}"
            )]
        );
        let pod = PodOptions {
            resource_is_pod: true,
            ..PodOptions::default()
        };
        assert_eq!(
            with_opts(yaml, pod, validate_pod_host_network_deps),
            [
                format!("{ROOT}.containers[0].ports[0].hostPort: Invalid value: 8080: {message}"),
                format!("{ROOT}.containers[0].ports[1].hostPort: Invalid value: 0: {message}"),
            ]
        );
        assert!(
            with_opts(
                "containers: [{name: c, ports: [{containerPort: 80, hostPort: 8080}]}]",
                pod,
                validate_pod_host_network_deps
            )
            .is_empty()
        );
    }

    #[test]
    fn dns_policy() {
        assert!(run("dnsPolicy: ClusterFirstWithHostNet", validate_dns_policy).is_empty());
        assert_eq!(
            run("{}", validate_dns_policy),
            [format!("{ROOT}.dnsPolicy: Required value")]
        );
        assert_eq!(
            run("dnsPolicy: Sometimes", validate_dns_policy),
            [format!(
                "{ROOT}.dnsPolicy: Unsupported value: \"Sometimes\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""
            )]
        );
    }

    #[test]
    fn pod_security_context() {
        let found = with_opts(
            r#"
hostPID: true
hostNetwork: true
hostIPC: true
shareProcessNamespace: true
securityContext:
  fsGroup: 2147483648
  runAsUser: -1
  runAsGroup: -2
  supplementalGroups: [1, -1]
  sysctls:
  - {name: ""}
  - {name: Kernel.x}
  - {name: net.core.somaxconn}
  - {name: net.core.somaxconn}
  - {name: kernel/shm_rmid_forced}
  - {name: kernel.msgmax, value: "1"}
  - {name: fs.mqueue.msg_max}
  fsGroupChangePolicy: Sometimes
  seccompProfile: {type: RuntimeDefault, localhostProfile: x}
  appArmorProfile: {type: Localhost, localhostProfile: " x"}
  supplementalGroupsPolicy: Loose
  seLinuxChangePolicy: MountOption
"#,
            PodOptions::default(),
            validate_pod_spec_security_context,
        );
        let at = format!("{ROOT}.securityContext");
        assert_eq!(
            found,
            [
                format!("{at}.fsGroup: Invalid value: 2147483648: {RANGE}"),
                format!("{at}.runAsUser: Invalid value: -1: {RANGE}"),
                format!("{at}.runAsGroup: Invalid value: -2: {RANGE}"),
                format!("{at}.supplementalGroups[1]: Invalid value: -1: {RANGE}"),
                format!(
                    "{at}.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled"
                ),
                format!("{at}.sysctls[0].name: Required value"),
                format!(
                    "{at}.sysctls[1].name: Invalid value: \"Kernel.x\": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$"
                ),
                format!(
                    "{at}.sysctls[2].name: Invalid value: \"net.core.somaxconn\": may not be specified when 'hostNetwork' is true"
                ),
                format!("{at}.sysctls[3].name: Duplicate value: \"net.core.somaxconn\""),
                format!(
                    "{at}.sysctls[3].name: Invalid value: \"net.core.somaxconn\": may not be specified when 'hostNetwork' is true"
                ),
                format!(
                    "{at}.sysctls[4].name: Invalid value: \"kernel/shm_rmid_forced\": may not be specified when 'hostIPC' is true"
                ),
                format!(
                    "{at}.sysctls[5].name: Invalid value: \"kernel.msgmax\": may not be specified when 'hostIPC' is true"
                ),
                format!(
                    "{at}.sysctls[6].name: Invalid value: \"fs.mqueue.msg_max\": may not be specified when 'hostIPC' is true"
                ),
                format!(
                    "{at}.fsGroupChangePolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnRootMismatch\""
                ),
                format!(
                    "{at}.seccompProfile.localhostProfile: Invalid value: {{\"Type\":\"RuntimeDefault\",\"LocalhostProfile\":\"x\"}}: can only be set when seccomp type is Localhost"
                ),
                format!(
                    "{at}.appArmorProfile.localhostProfile: Invalid value: \" x\": must not be padded with whitespace"
                ),
                format!(
                    "{at}.supplementalGroupsPolicy: Unsupported value: \"Loose\": supported values: \"Merge\", \"Strict\""
                ),
                format!(
                    "{at}.seLinuxChangePolicy: Unsupported value: \"MountOption\": supported values: \"Recursive\""
                ),
            ]
        );
        // Without the host namespaces, the same sysctls are fine; the lenient option skips them.
        let lenient = PodOptions {
            allow_namespaced_sysctls_for_host_net_and_host_ipc: true,
            allow_only_recursive_selinux_change_policy: false,
            ..PodOptions::default()
        };
        let found = with_opts(
            "hostNetwork: true\nsecurityContext: {sysctls: [{name: net.ipv4.ip_forward}], seLinuxChangePolicy: Never}",
            lenient,
            validate_pod_spec_security_context,
        );
        assert_eq!(
            found,
            [format!(
                "{at}.seLinuxChangePolicy: Unsupported value: \"Never\": supported values: \"MountOption\", \"Recursive\""
            )]
        );
        assert!(
            with_opts(
                "hostPID: true\nshareProcessNamespace: false",
                PodOptions::default(),
                validate_pod_spec_security_context
            )
            .is_empty()
        );
    }

    #[test]
    fn sysctl_names_and_namespaces() {
        assert!(is_valid_sysctl_name("net.ipv4.conf.eno2/100.rp_filter"));
        assert!(is_valid_sysctl_name("kernel.shm_rmid_forced"));
        assert!(!is_valid_sysctl_name("net..x"));
        assert!(!is_valid_sysctl_name("net.-x"));
        assert!(!is_valid_sysctl_name(&"a".repeat(254)));
        assert_eq!(sysctl_namespace("net/ipv4/conf/eno2.100/rp_filter"), "Net");
        assert_eq!(sysctl_namespace("net.*"), "Net");
        assert_eq!(sysctl_namespace("kernel.shm*"), "IPC");
        assert_eq!(sysctl_namespace("kernel.shmall"), "IPC");
        assert_eq!(sysctl_namespace("kernel.shmfoo"), "");
        assert_eq!(sysctl_namespace("network.x"), "");
    }

    #[test]
    fn seccomp_and_app_armor_profile_fields() {
        let rule = |yaml: &str| {
            with_opts(
                yaml,
                PodOptions::default(),
                validate_pod_spec_security_context,
            )
        };
        let at = format!("{ROOT}.securityContext");
        assert_eq!(
            rule("securityContext: {seccompProfile: {}}"),
            [format!(
                "{at}.seccompProfile.type: Required value: type is required when seccompProfile is set"
            )]
        );
        assert_eq!(
            rule("securityContext: {seccompProfile: {type: Localhost}}"),
            [format!(
                "{at}.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost"
            )]
        );
        assert_eq!(
            rule(
                "securityContext: {seccompProfile: {type: Localhost, localhostProfile: /abs/../x}}"
            ),
            [
                format!(
                    "{at}.seccompProfile.localhostProfile: Invalid value: \"/abs/../x\": must be a relative path"
                ),
                format!(
                    "{at}.seccompProfile.localhostProfile: Invalid value: \"/abs/../x\": must not contain '..'"
                ),
            ]
        );
        assert_eq!(
            rule("securityContext: {seccompProfile: {type: Other}}"),
            [format!(
                "{at}.seccompProfile.type: Unsupported value: \"Other\": supported values: \"Localhost\", \"RuntimeDefault\", \"Unconfined\""
            )]
        );
        assert_eq!(
            rule("securityContext: {appArmorProfile: {}}"),
            [format!(
                "{at}.appArmorProfile.type: Required value: type is required when appArmorProfile is set"
            )]
        );
        assert_eq!(
            rule("securityContext: {appArmorProfile: {type: Localhost}}"),
            [format!(
                "{at}.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost"
            )]
        );
        assert_eq!(
            rule("securityContext: {appArmorProfile: {type: Localhost, localhostProfile: \"\"}}"),
            [format!(
                "{at}.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost"
            )]
        );
        assert_eq!(
            rule(&format!(
                "securityContext: {{appArmorProfile: {{type: Localhost, localhostProfile: {}}}}}",
                "p".repeat(4096)
            )),
            [format!(
                "{at}.appArmorProfile.localhostProfile: Too long: may not be more than 4095 bytes"
            )]
        );
        assert_eq!(
            rule(
                "securityContext: {appArmorProfile: {type: RuntimeDefault, localhostProfile: a<b}}"
            ),
            [format!(
                "{at}.appArmorProfile.localhostProfile: Invalid value: \"a\\u003cb\": can only be set when AppArmor type is Localhost"
            )]
        );
        assert_eq!(
            rule("securityContext: {appArmorProfile: {type: Other}}"),
            [format!(
                "{at}.appArmorProfile.type: Unsupported value: \"Other\": supported values: \"Localhost\", \"RuntimeDefault\", \"Unconfined\""
            )]
        );
    }

    #[test]
    fn windows_security_context_options() {
        let user = |name: &str| {
            let yaml = format!(
                "securityContext: {{windowsOptions: {{runAsUserName: {}}}}}",
                go_json_string(name)
            );
            with_opts(
                &yaml,
                PodOptions::default(),
                validate_pod_spec_security_context,
            )
        };
        let at = format!("{ROOT}.securityContext.windowsOptions");
        let invalid = |name: &str, message: &str| {
            format!(
                "{at}.runAsUserName: Invalid value: {}: {message}",
                go_json_string(name)
            )
        };
        assert!(user("DOMAIN\\user").is_empty());
        assert!(user("example.com\\user").is_empty());
        assert_eq!(
            user(""),
            [invalid("", "runAsUserName cannot be an empty string")]
        );
        assert_eq!(
            user("a\u{7}b"),
            [invalid(
                "a\u{7}b",
                "runAsUserName cannot contain control characters"
            )]
        );
        assert_eq!(
            user("a\\b\\c"),
            [invalid(
                "a\\b\\c",
                "runAsUserName cannot contain more than one backslash"
            )]
        );
        assert_eq!(
            user(".bad\\..."),
            [
                invalid(
                    ".bad\\...",
                    "runAsUserName's Domain doesn't match the NetBios nor the DNS format"
                ),
                invalid(
                    ".bad\\...",
                    "runAsUserName's User cannot contain only periods or spaces"
                ),
            ]
        );
        assert_eq!(
            user("dom\\"),
            [invalid("dom\\", "runAsUserName's User cannot be empty")]
        );
        assert_eq!(
            user("us/er"),
            [invalid(
                "us/er",
                "runAsUserName's User cannot contain the following characters: \"/\\:;|=,+*?<>@[]"
            )]
        );
        let long_user = "u".repeat(105);
        assert_eq!(
            user(&long_user),
            [invalid(
                &long_user,
                "runAsUserName's User length must not be longer than 104 characters"
            )]
        );
        let long_domain = format!("{}\\u", "d".repeat(256));
        assert_eq!(
            user(&long_domain),
            [
                invalid(
                    &long_domain,
                    "runAsUserName's Domain length must be under 256 characters"
                ),
                invalid(
                    &long_domain,
                    "runAsUserName's Domain doesn't match the NetBios nor the DNS format"
                ),
            ]
        );
        let found = with_opts(
            "securityContext: {windowsOptions: {gmsaCredentialSpecName: Bad_Name, gmsaCredentialSpec: \"\"}}",
            PodOptions::default(),
            validate_pod_spec_security_context,
        );
        assert_eq!(
            found,
            [
                format!("{at}.gmsaCredentialSpecName: Invalid value: \"Bad_Name\": {SUBDOMAIN}"),
                format!(
                    "{at}.gmsaCredentialSpec: Invalid value: \"\": gmsaCredentialSpec cannot be an empty string"
                ),
            ]
        );
        let big = format!(
            "securityContext: {{windowsOptions: {{gmsaCredentialSpec: {}}}}}",
            "x".repeat(64 * 1024 + 1)
        );
        let found = with_opts(
            &big,
            PodOptions::default(),
            validate_pod_spec_security_context,
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].ends_with("\": gmsaCredentialSpec size must be under 64 KiB"));
    }

    #[test]
    fn dns_config() {
        let dns = |yaml: &str| with_opts(yaml, PodOptions::default(), validate_pod_dns_config);
        assert_eq!(
            dns("dnsPolicy: None"),
            [format!(
                "{ROOT}.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None"
            )]
        );
        assert_eq!(
            dns("dnsPolicy: None\ndnsConfig: {searches: [Bad]}"),
            [format!(
                "{ROOT}.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None"
            )]
        );
        assert!(dns("dnsPolicy: ClusterFirst").is_empty());
        let found = dns(r#"
dnsPolicy: None
dnsConfig:
  nameservers: [1.1.1.1, "2001:db8::1", 3.3.3.3, 010.1.1.1, "fe80::1%eth0", bad]
  searches: [Example.com, _srv._tcp.example.com., ".", "a..b", "ok.example.com"]
  options: [{name: ""}, {name: ndots, value: "2"}]
"#);
        let at = format!("{ROOT}.dnsConfig");
        let underscore = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')";
        assert_eq!(
            found,
            [
                format!(
                    "{at}.nameservers: Invalid value: [\"1.1.1.1\",\"2001:db8::1\",\"3.3.3.3\",\"010.1.1.1\",\"fe80::1%eth0\",\"bad\"]: must not have more than 3 nameservers"
                ),
                format!("{at}.nameservers[4]: Invalid value: \"fe80::1%eth0\": {NOT_IP}"),
                format!("{at}.nameservers[5]: Invalid value: \"bad\": {NOT_IP}"),
                format!("{at}.searches[0]: Invalid value: \"Example.com\": {underscore}"),
                format!("{at}.searches[3]: Invalid value: \"a..b\": {underscore}"),
                format!("{at}.options[0]: Required value: must not be empty"),
            ]
        );
        let many: Vec<String> = (0..33).map(|i| format!("s{i}.example.com")).collect();
        let found = dns(&format!("dnsConfig: {{searches: [{}]}}", many.join(", ")));
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with(&format!(
            "{at}.searches: Invalid value: [\"s0.example.com\","
        )));
        assert!(found[0].ends_with("]: must not have more than 32 search paths"));
        // Nine 250-byte names: 2258 bytes with the spaces.
        let long: Vec<String> = (0..9)
            .map(|i| {
                format!(
                    "{}.{}.{}.{}{i}.example.com",
                    "b".repeat(60),
                    "c".repeat(60),
                    "d".repeat(60),
                    "a".repeat(55)
                )
            })
            .collect();
        let found = dns(&format!("dnsConfig: {{searches: [{}]}}", long.join(", ")));
        assert_eq!(found.len(), 1);
        assert!(found[0].ends_with(
            "]: must not have more than 2048 characters (including spaces) in the search list"
        ));
        let strict = PodOptions {
            allow_relaxed_dns_search_validation: false,
            ..PodOptions::default()
        };
        let found = with_opts(
            "dnsConfig: {searches: [_srv.example.com., \".\"]}",
            strict,
            validate_pod_dns_config,
        );
        assert_eq!(
            found,
            [
                format!("{at}.searches[0]: Invalid value: \"_srv.example.com\": {SUBDOMAIN}"),
                format!("{at}.searches[1]: Invalid value: \"\": {SUBDOMAIN}"),
            ]
        );
    }

    #[test]
    fn ip_addresses_parse_like_go() {
        for good in [
            "1.2.3.4",
            "0.0.0.0",
            "::",
            "::1",
            "1::",
            "::ffff:1.2.3.4",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "1:2:3:4:5:6:1.2.3.4",
            "FE80::ABCD",
        ] {
            assert!(go_parse_ip(good), "{good}");
        }
        for bad in [
            "",
            "1.2.3",
            "1.2.3.4.5",
            "256.1.1.1",
            "01.2.3.4",
            "1..2.3",
            "1.2.3.4%eth0",
            "fe80::1%eth0",
            "1::2::3",
            "12345::",
            "::1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:1.2.3.4",
            ":1",
            "1:",
            "::g",
            "1.2.3.4:",
        ] {
            assert!(!go_parse_ip(bad), "{bad}");
        }
        for sloppy in [
            "010.001.002.003",
            "0001.2.3.4",
            "::ffff:010.1.1.1",
            "1.2.3.000",
        ] {
            assert!(parse_ip_sloppy(sloppy), "{sloppy}");
        }
        for bad in ["1.2.3.0256", "010.1.1", "a.1.1.1", "1.2.3.4/24"] {
            assert!(!parse_ip_sloppy(bad), "{bad}");
        }
    }

    #[test]
    fn windows_host_process_pods() {
        let found = run(
            r#"
securityContext: {windowsOptions: {hostProcess: true}}
containers:
- {name: a, securityContext: {windowsOptions: {hostProcess: false}}}
- {name: b}
"#,
            validate_windows_host_process_pod,
        );
        assert_eq!(
            found,
            [
                format!(
                    "{ROOT}.containers[0].securityContext.windowsOptions.hostProcess: Invalid value: false: pod hostProcess value must be identical if both are specified, was true"
                ),
                format!(
                    "{ROOT}: Invalid value: \"\": If pod contains any hostProcess containers then all containers must be HostProcess containers"
                ),
                format!(
                    "{ROOT}.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers"
                ),
            ]
        );
        assert!(run("hostNetwork: true\ncontainers: [{name: a, securityContext: {windowsOptions: {hostProcess: true}}}]", validate_windows_host_process_pod).is_empty());
        assert!(
            run(
                "containers: [{name: a, securityContext: {windowsOptions: {hostProcess: false}}}]",
                validate_windows_host_process_pod
            )
            .is_empty()
        );
    }

    #[test]
    fn host_users() {
        let yaml = r#"
hostUsers: false
hostNetwork: true
hostPID: true
hostIPC: true
initContainers: [{name: i, volumeDevices: [{name: d, devicePath: /dev/x}]}]
containers: [{name: c}]
"#;
        let message = "Forbidden: when `hostUsers` is false";
        assert_eq!(
            with_opts(yaml, PodOptions::default(), validate_host_users),
            [
                format!("{ROOT}.hostNetwork: {message}"),
                format!("{ROOT}.HostPID: {message}"),
                format!("{ROOT}.HostIPC: {message}"),
                format!("{ROOT}.initContainers[0].volumeDevices: {message}"),
            ]
        );
        let devices_ok = PodOptions {
            allow_user_namespaces_with_volume_devices: true,
            ..PodOptions::default()
        };
        assert_eq!(with_opts(yaml, devices_ok, validate_host_users).len(), 3);
        assert!(
            with_opts(
                "hostNetwork: true",
                PodOptions::default(),
                validate_host_users
            )
            .is_empty()
        );
        assert!(
            with_opts(
                "hostUsers: true\nhostPID: true",
                PodOptions::default(),
                validate_host_users
            )
            .is_empty()
        );
    }

    #[test]
    fn hostname_override() {
        assert!(run("hostname: x", validate_pod_host_name).is_empty());
        assert_eq!(
            run(
                "hostnameOverride: Bad_Host\nsetHostnameAsFQDN: true\nhostNetwork: true",
                validate_pod_host_name
            ),
            [
                format!(
                    "{ROOT}.hostnameOverride: Forbidden: may not be specified when setHostnameAsFQDN is true"
                ),
                format!(
                    "{ROOT}.hostnameOverride: Forbidden: may not be specified when hostNetwork is true"
                ),
                format!("{ROOT}.hostnameOverride: Invalid value: \"Bad_Host\": {SUBDOMAIN}"),
            ]
        );
        assert_eq!(
            run(
                &format!("hostnameOverride: {}", "a".repeat(65)),
                validate_pod_host_name
            ),
            [format!(
                "{ROOT}.hostnameOverride: Too long: may not be more than 64 bytes"
            )]
        );
    }

    #[test]
    fn host_aliases() {
        let found = run(
            r#"
hostAliases:
- {ip: 1.2.3, hostnames: [Bad_Host, ok.example.com]}
- {ip: "::ffff:1.2.3.4", hostnames: [a]}
- {ip: 1.2.3.04}
- {}
"#,
            validate_host_aliases,
        );
        assert_eq!(
            found,
            [
                format!("{ROOT}.hostAliases[0].ip: Invalid value: \"1.2.3\": {NOT_IP}"),
                format!(
                    "{ROOT}.hostAliases[0].hostnames[0]: Invalid value: \"Bad_Host\": {SUBDOMAIN}"
                ),
                format!("{ROOT}.hostAliases[3].ip: Invalid value: \"\": {NOT_IP}"),
            ]
        );
    }

    #[test]
    fn os_name() {
        let os = |yaml: &str| with_opts(yaml, PodOptions::default(), validate_os);
        assert!(os("{}").is_empty());
        assert_eq!(os("os: {}"), [format!("{ROOT}.os.name: Required value")]);
        assert_eq!(
            os("os: {name: plan9}"),
            [format!(
                "{ROOT}.os: Unsupported value: \"plan9\": supported values: \"linux\", \"windows\""
            )]
        );
        // A bad name skips the per-OS checks.
        assert_eq!(
            os("os: {name: plan9}\nsecurityContext: {windowsOptions: {}}").len(),
            1
        );
    }

    #[test]
    fn linux_pods_have_no_windows_options() {
        let found = with_opts(
            r#"
os: {name: linux}
securityContext: {windowsOptions: {runAsUserName: x}}
containers: [{name: a}, {name: b, securityContext: {windowsOptions: {}}}]
ephemeralContainers: [{name: e, securityContext: {windowsOptions: {}}}]
"#,
            PodOptions::default(),
            validate_os,
        );
        let message = "Forbidden: windows options cannot be set for a linux pod";
        assert_eq!(
            found,
            [
                format!("{ROOT}.securityContext.windowsOptions: {message}"),
                format!("{ROOT}.containers[1].securityContext.windowsOptions: {message}"),
                format!("{ROOT}.ephemeralContainers[0].securityContext.windowsOptions: {message}"),
            ]
        );
    }

    #[test]
    fn windows_pods_have_no_linux_settings() {
        let found = with_opts(
            r#"
os: {name: windows}
hostUsers: true
hostPID: true
hostIPC: false
shareProcessNamespace: false
securityContext:
  appArmorProfile: {type: RuntimeDefault}
  seLinuxOptions: {level: s0}
  seccompProfile: {type: RuntimeDefault}
  fsGroup: 1
  fsGroupChangePolicy: Always
  sysctls: [{name: a, value: b}]
  runAsUser: 1
  runAsGroup: 1
  supplementalGroups: []
  supplementalGroupsPolicy: Merge
  seLinuxChangePolicy: Recursive
  windowsOptions: {runAsUserName: x}
initContainers:
- name: i
  securityContext:
    appArmorProfile: {type: RuntimeDefault}
    seLinuxOptions: {}
    seccompProfile: {type: RuntimeDefault}
    capabilities: {}
    readOnlyRootFilesystem: false
    privileged: false
    allowPrivilegeEscalation: false
    procMount: Default
    runAsUser: 1
    runAsGroup: 1
    runAsNonRoot: true
    windowsOptions: {}
containers: [{name: c}]
"#,
            PodOptions::default(),
            validate_os,
        );
        let m = "Forbidden: cannot be set for a windows pod";
        let sc = format!("{ROOT}.securityContext");
        let ic = format!("{ROOT}.initContainers[0].securityContext");
        assert_eq!(
            found,
            [
                format!("{sc}.appArmorProfile: {m}"),
                format!("{sc}.seLinuxOptions: {m}"),
                format!("{ROOT}.hostUsers: {m}"),
                format!("{ROOT}.hostPID: {m}"),
                format!("{sc}.seccompProfile: {m}"),
                format!("{sc}.fsGroup: {m}"),
                format!("{sc}.fsGroupChangePolicy: {m}"),
                format!("{sc}.sysctls: {m}"),
                format!("{ROOT}.shareProcessNamespace: {m}"),
                format!("{sc}.runAsUser: {m}"),
                format!("{sc}.runAsGroup: {m}"),
                format!("{sc}.supplementalGroups: {m}"),
                format!("{sc}.supplementalGroupsPolicy: {m}"),
                format!("{sc}.seLinuxChangePolicy: {m}"),
                format!("{ic}.appArmorProfile: {m}"),
                format!("{ic}.seLinuxOptions: {m}"),
                format!("{ic}.seccompProfile: {m}"),
                format!("{ic}.capabilities: {m}"),
                format!("{ic}.readOnlyRootFilesystem: {m}"),
                format!("{ic}.privileged: {m}"),
                format!("{ic}.allowPrivilegeEscalation: {m}"),
                format!("{ic}.procMount: {m}"),
                format!("{ic}.runAsUser: {m}"),
                format!("{ic}.runAsGroup: {m}"),
            ]
        );
    }

    #[test]
    fn errors_point_at_their_nodes() {
        let text = "hostPID: true\nshareProcessNamespace: true";
        let spec = pod_spec(text);
        let mut out = Out::default();
        validate_pod_spec_security_context(Some(&spec), &loc(), &PodOptions::default(), &mut out);
        let super::super::context::Finding::Error { span, .. } = &out.findings[0] else {
            panic!("an error")
        };
        assert_eq!(&text[span.start..span.end], "true");
        assert_eq!(span.start, text.rfind("true").unwrap_or(0));
    }
}
