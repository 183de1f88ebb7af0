//! The warnings the apiserver returns with a successful create: the Job and CronJob strategies'
//! `WarningsOnCreate`, `WarningsForJobSpec` (pkg/api/job) and the pod template warnings of
//! pkg/api/pod/warnings.go (v1.34).
//!
//! Not ported yet: the overlapping projected/configMap/secret path warnings and the non-canonical
//! IP address warnings (`GetWarningsForIP`).

use super::context::{Loc, Out, entries_of, int_of, items_of, str_of};
use super::names::{is_dns1123_label, is_valid_label_value};
use crate::manifest::object::Node;
use jobscope_golang::strings::go_strconv_quote;

/// `(key, message)` of deprecated node labels (`GetNodeLabelDeprecatedMessage`).
const DEPRECATED_NODE_LABELS: [(&str, &str); 8] = [
    (
        "beta.kubernetes.io/arch",
        "deprecated since v1.14; use \"kubernetes.io/arch\" instead",
    ),
    (
        "beta.kubernetes.io/os",
        "deprecated since v1.14; use \"kubernetes.io/os\" instead",
    ),
    (
        "failure-domain.beta.kubernetes.io/region",
        "deprecated since v1.17; use \"topology.kubernetes.io/region\" instead",
    ),
    (
        "failure-domain.beta.kubernetes.io/zone",
        "deprecated since v1.17; use \"topology.kubernetes.io/zone\" instead",
    ),
    (
        "beta.kubernetes.io/instance-type",
        "deprecated since v1.17; use \"node.kubernetes.io/instance-type\" instead",
    ),
    ("app.kubernetes.io/created-by", "deprecated since v1.9"),
    (
        "scheduler.alpha.kubernetes.io/preferAvoidPods",
        "deprecated since v1.22; use Taints and Tolerations instead",
    ),
    (
        "node-role.kubernetes.io/master",
        "use \"node-role.kubernetes.io/control-plane\" instead",
    ),
];

fn deprecated_node_label(key: &str) -> Option<&'static str> {
    DEPRECATED_NODE_LABELS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, m)| *m)
}

const DEPRECATED_ANNOTATIONS: [(&str, &str); 3] = [
    (
        "scheduler.alpha.kubernetes.io/critical-pod",
        "non-functional in v1.16+; use the \"priorityClassName\" field instead",
    ),
    (
        "security.alpha.kubernetes.io/sysctls",
        "non-functional in v1.11+; use the \"sysctls\" field instead",
    ),
    (
        "security.alpha.kubernetes.io/unsafe-sysctls",
        "non-functional in v1.11+; use the \"sysctls\" field instead",
    ),
];

/// The `metadata.name` DNS-label warning both strategies give.
pub fn name_warning(object: &Node, out: &mut Out) {
    let name = object.at(&["metadata", "name"]);
    let messages = is_dns1123_label(str_of(name));
    if !str_of(name).is_empty() && !messages.is_empty() {
        out.warning(
            format!(
                "metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [{}]",
                messages.join(" ")
            ),
            name.map_or(object.span, |n| n.span),
        );
    }
}

/// `WarningsForJobSpec(ctx, path, spec, nil)`.
pub fn job_spec_warnings(spec: Option<&Node>, loc: &Loc, out: &mut Out) {
    if str_of(spec.and_then(|s| s.get("completionMode"))) == "Indexed" {
        let completions = int_of(spec.and_then(|s| s.get("completions"))).unwrap_or(0);
        let parallelism = int_of(spec.and_then(|s| s.get("parallelism"))).unwrap_or(0);
        if completions > 100_000 && parallelism > 10_000 {
            out.warning(
                format!(
                    "{}: In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail",
                    loc.path()
                ),
                loc.span,
            );
        }
    }
    let (template, template_loc) = loc.field(spec, "template");
    pod_template_warnings(template, &template_loc, out);
}

/// `GetWarningsForPodTemplate` → `warningsForPodSpecAndMeta`.
fn pod_template_warnings(template: Option<&Node>, loc: &Loc, out: &mut Out) {
    let Some(template) = template else { return };
    let spec = template.get("spec");
    let meta = template.get("metadata");
    let annotations = meta.and_then(|m| m.get("annotations"));
    let path = |rest: &str| format!("{}.{rest}", loc.path());
    let span_of = |node: Option<&Node>| node.map_or(loc.span, |n| n.span);

    for (key, value) in entries_of(spec.and_then(|s| s.get("nodeSelector"))) {
        if let Some(message) = deprecated_node_label(key) {
            out.warning(
                format!("{}[{key}]: {message}", path("spec.nodeSelector")),
                value.key_span.unwrap_or(value.span),
            );
        }
    }
    if let Some(node_affinity) = spec.and_then(|s| s.at(&["affinity", "nodeAffinity"])) {
        let terms = node_affinity.at(&[
            "requiredDuringSchedulingIgnoredDuringExecution",
            "nodeSelectorTerms",
        ]);
        for (index, term) in items_of(terms).iter().enumerate() {
            let term_path = format!(
                "{}[{index}]",
                path(
                    "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms"
                )
            );
            node_selector_term_warnings(term, false, &term_path, out);
        }
        for (index, preferred) in
            items_of(node_affinity.get("preferredDuringSchedulingIgnoredDuringExecution"))
                .iter()
                .enumerate()
        {
            if let Some(preference) = preferred.get("preference") {
                let term_path = format!(
                    "{}[{index}].preference",
                    path(
                        "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution"
                    )
                );
                node_selector_term_warnings(preference, true, &term_path, out);
            }
        }
    }
    for (index, constraint) in items_of(spec.and_then(|s| s.get("topologySpreadConstraints")))
        .iter()
        .enumerate()
    {
        let key = str_of(constraint.get("topologyKey"));
        if let Some(message) = deprecated_node_label(key) {
            out.warning(
                format!(
                    "{}[{index}].topologyKey: {key} is {message}",
                    path("spec.topologySpreadConstraints")
                ),
                span_of(constraint.get("topologyKey")),
            );
        }
        if constraint.get("labelSelector").is_none() {
            out.warning(
                format!(
                    "{}[{index}].labelSelector: a null labelSelector results in matching no pod",
                    path("spec.topologySpreadConstraints")
                ),
                constraint.span,
            );
        }
    }
    for (key, message) in DEPRECATED_ANNOTATIONS {
        if let Some(value) = annotations.and_then(|a| a.get(key)) {
            out.warning(
                format!("{}[{key}]: {message}", path("metadata.annotations")),
                value.key_span.unwrap_or(value.span),
            );
        }
    }
    let deprecated_volumes = [
        (
            "photonPersistentDisk",
            "deprecated in v1.11, non-functional in v1.16+",
        ),
        (
            "gitRepo",
            "deprecated in v1.11, and disabled by default in v1.33+",
        ),
        ("scaleIO", "deprecated in v1.16, non-functional in v1.22+"),
        ("flocker", "deprecated in v1.22, non-functional in v1.25+"),
        ("storageos", "deprecated in v1.22, non-functional in v1.25+"),
        ("quobyte", "deprecated in v1.22, non-functional in v1.25+"),
        ("glusterfs", "deprecated in v1.25, non-functional in v1.26+"),
        ("cephfs", "deprecated in v1.28, non-functional in v1.31+"),
        ("rbd", "deprecated in v1.28, non-functional in v1.31+"),
    ];
    for (index, volume) in items_of(spec.and_then(|s| s.get("volumes")))
        .iter()
        .enumerate()
    {
        for (source, message) in deprecated_volumes {
            if let Some(node) = volume.get(source) {
                // The internal field of storageos is StorageOS, printed as written in Go.
                let shown = if source == "storageos" {
                    "storageOS"
                } else {
                    source
                };
                out.warning(
                    format!("{}[{index}].{shown}: {message}", path("spec.volumes")),
                    node.key_span.unwrap_or(node.span),
                );
            }
        }
    }
    let aliases = items_of(spec.and_then(|s| s.get("hostAliases")));
    if aliases.len() > 1 {
        let mut seen: Vec<&str> = Vec::new();
        for (index, alias) in aliases.iter().enumerate() {
            let ip = str_of(alias.get("ip"));
            if seen.contains(&ip) {
                out.warning(
                    format!(
                        "{}[{index}].ip: duplicate ip {}",
                        path("spec.hostAliases"),
                        go_strconv_quote(ip)
                    ),
                    span_of(alias.get("ip")),
                );
            } else {
                seen.push(ip);
            }
        }
    }
    let secrets = items_of(spec.and_then(|s| s.get("imagePullSecrets")));
    if secrets.len() > 1 {
        let mut seen: Vec<&str> = Vec::new();
        for (index, secret) in secrets.iter().enumerate() {
            let name = str_of(secret.get("name"));
            if seen.contains(&name) {
                out.warning(
                    format!(
                        "{}[{index}].name: duplicate name {}",
                        path("spec.imagePullSecrets"),
                        go_strconv_quote(name)
                    ),
                    span_of(secret.get("name")),
                );
            } else {
                seen.push(name);
            }
        }
    }
    for (index, secret) in secrets.iter().enumerate() {
        let name = str_of(secret.get("name"));
        if name.is_empty() {
            out.warning(
                format!(
                    "{}[{index}].name: invalid empty name {}",
                    path("spec.imagePullSecrets"),
                    go_strconv_quote(name)
                ),
                secret.span,
            );
        }
    }
    for resource in ["memory", "ephemeral-storage"] {
        if let Some(value) = spec.and_then(|s| s.at(&["overhead", resource])) {
            fractional_byte_warning(
                value,
                &format!("{}[{resource}]", path("spec.overhead")),
                out,
            );
        }
    }
    let has_pod_seccomp_field = spec
        .and_then(|s| s.at(&["securityContext", "seccompProfile"]))
        .is_some();
    if !has_pod_seccomp_field
        && let Some(value) =
            annotations.and_then(|a| a.get("seccomp.security.alpha.kubernetes.io/pod"))
    {
        out.warning(
            format!("{}[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the \"seccompProfile\" field instead", path("metadata.annotations")),
            value.key_span.unwrap_or(value.span),
        );
    }
    let pod_app_armor = spec.and_then(|s| s.at(&["securityContext", "appArmorProfile"]));

    // VisitContainersWithPath: init containers, then containers, then ephemeral containers.
    let containers: Vec<(String, &Node)> = ["initContainers", "containers", "ephemeralContainers"]
        .iter()
        .flat_map(|list| {
            items_of(spec.and_then(|s| s.get(list)))
                .iter()
                .enumerate()
                .map(move |(index, c)| (format!("{}.{list}[{index}]", path("spec")), c))
        })
        .collect();
    for (container_path, container) in &containers {
        let name = str_of(container.get("name"));
        let has_seccomp_field = container
            .at(&["securityContext", "seccompProfile"])
            .is_some();
        let seccomp_key = format!("container.seccomp.security.alpha.kubernetes.io/{name}");
        if !has_seccomp_field && let Some(value) = annotations.and_then(|a| a.get(&seccomp_key)) {
            out.warning(
                format!("{}[{seccomp_key}]: non-functional in v1.27+; use the \"seccompProfile\" field instead", path("metadata.annotations")),
                value.key_span.unwrap_or(value.span),
            );
        }
        let has_app_armor_field = container
            .at(&["securityContext", "appArmorProfile"])
            .is_some();
        let app_armor_key = format!("container.apparmor.security.beta.kubernetes.io/{name}");
        if !has_app_armor_field && let Some(value) = annotations.and_then(|a| a.get(&app_armor_key))
        {
            let matches_pod_field = pod_app_armor
                .is_some_and(|field| app_armor_field_matches(field, str_of(Some(value))));
            if !matches_pod_field {
                out.warning(
                    format!("{}[{app_armor_key}]: deprecated since v1.30; use the \"appArmorProfile\" field instead", path("metadata.annotations")),
                    value.key_span.unwrap_or(value.span),
                );
            }
        }
        for (list, resource) in [
            ("limits", "memory"),
            ("requests", "memory"),
            ("limits", "ephemeral-storage"),
            ("requests", "ephemeral-storage"),
        ] {
            if let Some(value) = container.at(&["resources", list, resource]) {
                fractional_byte_warning(
                    value,
                    &format!("{container_path}.resources.{list}[{resource}]"),
                    out,
                );
            }
        }
        let env = items_of(container.get("env"));
        if env.len() > 1 {
            let mut seen: Vec<&str> = Vec::new();
            for (index, item) in env.iter().enumerate() {
                let env_name = str_of(item.get("name"));
                if seen.contains(&env_name) {
                    let reference = format!("$({env_name})");
                    let value = str_of(item.get("value"));
                    let bad = item.get("valueFrom").is_some()
                        || value == reference
                        || !value.contains(&reference);
                    if bad {
                        out.warning(
                            format!("{container_path}.env[{index}]: hides previous definition of {}, which may be dropped when using apply", go_strconv_quote(env_name)),
                            item.span,
                        );
                    }
                } else {
                    seen.push(env_name);
                }
            }
        }
    }

    // Ports: hostIP without hostPort, duplicates and overlaps.
    let mut all_ports: Vec<(String, String, &Node)> = Vec::new();
    for (container_path, container) in &containers {
        for (index, port) in items_of(container.get("ports")).iter().enumerate() {
            let port_path = format!("{container_path}.ports[{index}]");
            let host_ip = str_of(port.get("hostIP"));
            let host_port = int_of(port.get("hostPort")).unwrap_or(0);
            if !host_ip.is_empty() && host_port == 0 {
                out.warning(
                    format!(
                        "{port_path}: hostIP set without hostPort: {}",
                        go_port_struct(port)
                    ),
                    port.span,
                );
            }
            let key = format!(
                "{}/{}",
                int_of(port.get("containerPort")).unwrap_or(0),
                str_of(port.get("protocol"))
            );
            for (other_key, other_path, other) in &all_ports {
                if *other_key != key {
                    continue;
                }
                let other_ip = str_of(other.get("hostIP"));
                let other_port = int_of(other.get("hostPort")).unwrap_or(0);
                let message = if host_ip == other_ip && host_port == other_port {
                    Some("duplicate port definition with")
                } else if host_port == 0 || other_port == 0 {
                    Some("overlapping port definition with")
                } else if host_port == other_port && (host_ip.is_empty() != other_ip.is_empty()) {
                    Some("dangerously ambiguous port definition with")
                } else {
                    None
                };
                if let Some(message) = message {
                    out.warning(format!("{port_path}: {message} {other_path}"), port.span);
                }
            }
            all_ports.push((key, port_path, port));
        }
    }
    let mut port_names: Vec<(String, String)> = Vec::new();
    for (container_path, container) in &containers {
        for (index, port) in items_of(container.get("ports")).iter().enumerate() {
            let name = str_of(port.get("name"));
            if name.is_empty() {
                continue;
            }
            let port_path = format!("{container_path}.ports[{index}]");
            match port_names.iter().find(|(n, _)| n == name) {
                Some((_, other)) => out.warning(
                    format!(
                        "{port_path}: duplicate port name {} with {other}, services and probes that select ports by name will use {other}",
                        go_strconv_quote(name)
                    ),
                    port.span,
                ),
                None => port_names.push((name.to_owned(), port_path)),
            }
        }
    }
    if let Some(grace) = spec.and_then(|s| s.get("terminationGracePeriodSeconds"))
        && grace.as_i64().is_some_and(|g| g < 0)
    {
        out.warning(
            format!(
                "{}: must be >= 0; negative values are invalid and will be treated as 1",
                path("spec.terminationGracePeriodSeconds")
            ),
            grace.span,
        );
    }
    for kind in ["podAffinity", "podAntiAffinity"] {
        let Some(affinity) = spec.and_then(|s| s.at(&["affinity", kind])) else {
            continue;
        };
        for (index, term) in
            items_of(affinity.get("requiredDuringSchedulingIgnoredDuringExecution"))
                .iter()
                .enumerate()
        {
            if term.get("labelSelector").is_none() {
                out.warning(
                    format!("{}[{index}].labelSelector: a null labelSelector results in matching no pod", path(&format!("spec.affinity.{kind}.requiredDuringSchedulingIgnoredDuringExecution"))),
                    term.span,
                );
            }
        }
        for (index, term) in
            items_of(affinity.get("preferredDuringSchedulingIgnoredDuringExecution"))
                .iter()
                .enumerate()
        {
            if term.at(&["podAffinityTerm", "labelSelector"]).is_none() {
                out.warning(
                    format!(
                        "{}[{index}].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod",
                        path(&format!("spec.affinity.{kind}.preferredDuringSchedulingIgnoredDuringExecution"))
                    ),
                    term.span,
                );
            }
        }
    }
}

/// `GetWarningsForNodeSelectorTerm`.
fn node_selector_term_warnings(
    term: &Node,
    check_label_value: bool,
    term_path: &str,
    out: &mut Out,
) {
    for (index, expression) in items_of(term.get("matchExpressions")).iter().enumerate() {
        let key = str_of(expression.get("key"));
        if let Some(message) = deprecated_node_label(key) {
            out.warning(
                format!("{term_path}.matchExpressions[{index}].key: {key} is {message}"),
                expression.span,
            );
        }
        if check_label_value {
            for (value_index, value) in items_of(expression.get("values")).iter().enumerate() {
                let text = str_of(Some(value));
                for message in is_valid_label_value(text) {
                    out.warning(format!("{term_path}.matchExpressions[{index}].values[{value_index}]: {text} is invalid, {message}"), value.span);
                }
            }
        }
    }
}

fn fractional_byte_warning(value: &Node, path: &str, out: &mut Out) {
    if let Some(quantity) = value.as_quantity()
        && quantity.milli_value() % 1000 != 0
    {
        out.warning(
            format!(
                "{path}: fractional byte value {} is invalid, must be an integer",
                go_strconv_quote(&quantity.text())
            ),
            value.span,
        );
    }
}

/// Go's `%+v` of an internal `ContainerPort`.
fn go_port_struct(port: &Node) -> String {
    format!(
        "{{Name:{} HostPort:{} ContainerPort:{} Protocol:{} HostIP:{}}}",
        str_of(port.get("name")),
        int_of(port.get("hostPort")).unwrap_or(0),
        int_of(port.get("containerPort")).unwrap_or(0),
        str_of(port.get("protocol")),
        str_of(port.get("hostIP"))
    )
}

/// Whether a pod-level `appArmorProfile` equals what the deprecated annotation value means
/// (`ApparmorFieldForAnnotation`).
fn app_armor_field_matches(field: &Node, annotation: &str) -> bool {
    let kind = str_of(field.get("type"));
    let localhost = str_of(field.get("localhostProfile"));
    match annotation {
        "runtime/default" => kind == "RuntimeDefault",
        "unconfined" => kind == "Unconfined",
        _ => annotation
            .strip_prefix("localhost/")
            .is_some_and(|profile| kind == "Localhost" && localhost == profile),
    }
}
