//! What the apiserver does to a new Job or CronJob before validating it: v1 defaulting
//! (`SetObjectDefaults_Job` / `SetObjectDefaults_CronJob`, pkg/apis/batch/v1 and core/v1), then
//! the registry strategy's `PrepareForCreate` (status cleared, the Job selector and its pod
//! labels generated, fields of the feature gates off in the chosen Kubernetes version dropped). Every node added is marked
//! `defaulted`, which the effective manifest shows.

use super::image::parse_image;
use super::object::{Node, NodeValue};
use super::schema;
use super::types::TypeDef;
use crate::version::{Gate, KubernetesVersion, Stage};
use jobscope_diagnostic::Span;

/// A UID stands in for the one the apiserver assigns (a valid label value, like the real one).
pub const PLACEHOLDER_UID: &str = "00000000-0000-4000-8000-000000000000";

/// A field the apiserver dropped because its feature gate is off by default in the version the
/// object was prepared for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DroppedField {
    pub path: String,
    pub span: Span,
    pub gate: &'static str,
    /// Why a field that belongs to no gate goes too (a mount of a dropped volume).
    pub detail: Option<String>,
    /// The field is not in this version's API at all (its gate arrived later): the strict
    /// decoder refuses it as an unknown field rather than a gate dropping it.
    pub unknown: bool,
    /// The field stays, with this value instead of the one written (ProcMountType).
    pub replaced_with: Option<&'static str>,
}

fn str_value(text: &str) -> NodeValue {
    NodeValue::Str(text.to_owned())
}

/// Ensures a struct field exists (Go's non-pointer structs always do) and returns it.
fn ensure<'a>(node: &'a mut Node, key: &'static str, ty: &'static TypeDef) -> Option<&'a mut Node> {
    if node.get(key).is_none() {
        let span = Span::new(node.span.start, node.span.start);
        node.set(
            key,
            Node {
                value: NodeValue::Object(ty, Vec::new()),
                span,
                key_span: None,
                defaulted: true,
            },
        );
    }
    node.get_mut(key)
}

fn set_default(node: &mut Node, key: &'static str, value: NodeValue) {
    let _ = node.default_field(key, value);
}

fn is_absent_or_empty_str(node: &Node, key: &str) -> bool {
    node.get(key)
        .and_then(Node::as_str)
        .is_none_or(str::is_empty)
}

fn set_default_str(node: &mut Node, key: &'static str, value: &str) {
    // Go's string defaults apply when the field is "" (absent or written empty).
    if is_absent_or_empty_str(node, key) {
        let span = Span::new(node.span.start, node.span.start);
        let existing_span = node.get(key).map(|n| n.span);
        node.set(
            key,
            Node {
                value: str_value(value),
                span: existing_span.unwrap_or(span),
                key_span: None,
                defaulted: true,
            },
        );
    }
}

/// The 5 characters jobscope appends to a `generateName` in place of the apiserver's random
/// suffix (`names.SimpleNameGenerator`).
pub const GENERATED_NAME_SUFFIX: &str = "xxxxx";

/// `names.SimpleNameGenerator`'s cut: the base keeps at most 58 bytes (63 minus the suffix).
const MAX_GENERATED_NAME_BASE: usize = 58;

/// What `Store.create` does before `BeforeCreate`: with a generateName and no name, the
/// apiserver makes the name up (`generateName[:58]` and 5 random characters). Returns the name.
fn generate_name(object: &mut Node) -> Option<String> {
    let meta = object.get_mut("metadata")?;
    let name = meta.get("name").and_then(Node::as_str).unwrap_or("");
    let base_node = meta.get("generateName")?;
    let base = base_node.as_str().unwrap_or("");
    if !name.is_empty() || base.is_empty() {
        return None;
    }
    // Go cuts bytes; a cut inside a character keeps the character out rather than split it.
    let mut cut = base.len().min(MAX_GENERATED_NAME_BASE);
    while !base.is_char_boundary(cut) {
        cut -= 1;
    }
    let generated = format!("{}{GENERATED_NAME_SUFFIX}", &base[..cut]);
    let span = base_node.span;
    meta.set(
        "name",
        Node {
            value: str_value(&generated),
            span,
            key_span: None,
            defaulted: true,
        },
    );
    Some(generated)
}

/// `PrepareForCreate`'s `Generation = 1` (whatever was written).
fn set_generation(object: &mut Node) {
    let Some(meta) = ensure(object, "metadata", &schema::META_OBJECT_META) else {
        return;
    };
    let span = meta
        .get("generation")
        .map_or(Span::new(meta.span.start, meta.span.start), |g| g.span);
    meta.set(
        "generation",
        Node {
            value: NodeValue::Int(1),
            span,
            key_span: None,
            defaulted: true,
        },
    );
}

/// Defaulting and `PrepareForCreate` for a Job. Returns the fields dropped for disabled gates.
pub(crate) fn default_job(job: &mut Node, version: KubernetesVersion) -> Vec<DroppedField> {
    let Some(spec) = ensure(job, "spec", &schema::BATCH_JOB_SPEC) else {
        return Vec::new();
    };
    set_defaults_job_spec(spec);
    default_job_spec_template(spec);
    // SetDefaults_Job: a Job without labels takes the template's label map itself (when it is
    // not nil), so the labels PrepareForCreate adds to the template land on the Job too.
    let template_labels_set = spec
        .at(&["template", "metadata", "labels"])
        .is_some_and(|l| matches!(l.value, NodeValue::Map(_)));
    let job_labels_empty = job
        .at(&["metadata", "labels"])
        .is_none_or(|l| l.entries().is_empty());
    let shares_labels = template_labels_set && job_labels_empty;
    // Store.create names the object before PrepareForCreate generates the selector labels.
    generate_name(job);
    let name = job
        .at(&["metadata", "name"])
        .and_then(Node::as_str)
        .unwrap_or("")
        .to_owned();
    // PrepareForCreate: selector generated, status cleared, generation 1.
    job.remove("status");
    set_generation(job);
    let mut dropped = Vec::new();
    if let Some(spec) = job.get_mut("spec") {
        generate_selector(spec, &name);
        if let Some(template) = spec.get_mut("template") {
            dropped = drop_disabled_template_fields(template, "spec.template", version);
        }
    }
    if shares_labels
        && let Some(labels) = job.at(&["spec", "template", "metadata", "labels"]).cloned()
        && let Some(meta) = ensure(job, "metadata", &schema::META_OBJECT_META)
    {
        let mut shared = labels;
        mark_defaulted(&mut shared);
        meta.set("labels", shared);
    }
    dropped
}

/// Defaulting and `PrepareForCreate` for a CronJob.
pub(crate) fn default_cron_job(
    cron_job: &mut Node,
    version: KubernetesVersion,
) -> Vec<DroppedField> {
    let Some(spec) = ensure(cron_job, "spec", &schema::BATCH_CRON_JOB_SPEC) else {
        return Vec::new();
    };
    set_default_str(spec, "concurrencyPolicy", "Allow");
    set_default(spec, "suspend", NodeValue::Bool(false));
    set_default(spec, "successfulJobsHistoryLimit", NodeValue::Int(3));
    set_default(spec, "failedJobsHistoryLimit", NodeValue::Int(1));
    let mut dropped = Vec::new();
    if let Some(template) = ensure(spec, "jobTemplate", &schema::BATCH_JOB_TEMPLATE_SPEC)
        && let Some(job_spec) = ensure(template, "spec", &schema::BATCH_JOB_SPEC)
    {
        // Only the pod template is defaulted inside a CronJob; the Job spec itself is
        // defaulted when the controller creates each Job.
        default_job_spec_template(job_spec);
        if let Some(pod_template) = job_spec.get_mut("template") {
            dropped = drop_disabled_template_fields(
                pod_template,
                "spec.jobTemplate.spec.template",
                version,
            );
        }
    }
    generate_name(cron_job);
    cron_job.remove("status");
    set_generation(cron_job);
    dropped
}

/// The handler's `dedupOwnerReferences` (before admission and validation): an owner reference
/// equal in every field to an earlier one with the same UID is removed. Returns the UIDs of the
/// removed ones, each with the span of its entry.
pub(crate) fn dedup_owner_references(object: &mut Node) -> Vec<(String, Span)> {
    let Some(NodeValue::List(refs)) = object
        .at_mut(&["metadata", "ownerReferences"])
        .map(|r| &mut r.value)
    else {
        return Vec::new();
    };
    // metav1.OwnerReference as apiequality.Semantic compares it: strings (absent is ""),
    // pointers to bools (absent is nil).
    let identity = |r: &Node| {
        let text = |key: &str| r.get(key).and_then(Node::as_str).unwrap_or("").to_owned();
        let flag = |key: &str| r.get(key).and_then(Node::as_bool);
        (
            text("apiVersion"),
            text("kind"),
            text("name"),
            text("uid"),
            flag("controller"),
            flag("blockOwnerDeletion"),
        )
    };
    let mut kept: Vec<Node> = Vec::with_capacity(refs.len());
    let mut seen_uids: Vec<String> = Vec::new();
    let mut duplicates = Vec::new();
    for owner in refs.drain(..) {
        let id = identity(&owner);
        let seen = seen_uids.contains(&id.3);
        if !seen || !kept.iter().any(|k| identity(k) == id) {
            if !seen {
                seen_uids.push(id.3.clone());
            }
            kept.push(owner);
        } else {
            duplicates.push((id.3, owner.span));
        }
    }
    *refs = kept;
    duplicates
}

/// `SetDefaults_Job`'s spec part.
pub fn set_defaults_job_spec(spec: &mut Node) {
    if spec.get("completions").is_none() && spec.get("parallelism").is_none() {
        set_default(spec, "completions", NodeValue::Int(1));
    }
    set_default(spec, "parallelism", NodeValue::Int(1));
    let backoff = if spec.get("backoffLimitPerIndex").is_some() {
        i64::from(i32::MAX)
    } else {
        6
    };
    set_default(spec, "backoffLimit", NodeValue::Int(backoff));
    set_default(spec, "completionMode", str_value("NonIndexed"));
    set_default(spec, "suspend", NodeValue::Bool(false));
    let replacement = if spec.get("podFailurePolicy").is_some() {
        "Failed"
    } else {
        "TerminatingOrFailed"
    };
    set_default(spec, "podReplacementPolicy", str_value(replacement));
    set_default(spec, "manualSelector", NodeValue::Bool(false));
}

/// The pod-template part of `SetObjectDefaults_Job` (also used for a CronJob's job template).
fn default_job_spec_template(spec: &mut Node) {
    if let Some(policy) = spec.get_mut("podFailurePolicy") {
        for rule in list_mut(policy, "rules") {
            for pattern in list_mut(rule, "onPodConditions") {
                set_default_str(pattern, "status", "True");
            }
        }
    }
    let Some(template) = ensure(spec, "template", &schema::POD_TEMPLATE_SPEC) else {
        return;
    };
    let Some(pod_spec) = ensure(template, "spec", &schema::POD_SPEC) else {
        return;
    };
    default_pod_spec(pod_spec);
}

fn list_mut<'a>(node: &'a mut Node, key: &str) -> &'a mut [Node] {
    match node.get_mut(key).map(|n| &mut n.value) {
        Some(NodeValue::List(items)) => items,
        _ => &mut [],
    }
}

/// `SetDefaults_PodSpec` and the generated defaults of everything inside a pod spec.
pub(crate) fn default_pod_spec(spec: &mut Node) {
    set_default_str(spec, "dnsPolicy", "ClusterFirst");
    set_default_str(spec, "restartPolicy", "Always");
    set_default(
        spec,
        "securityContext",
        NodeValue::Object(&schema::POD_SECURITY_CONTEXT, Vec::new()),
    );
    set_default(spec, "terminationGracePeriodSeconds", NodeValue::Int(30));
    set_default_str(spec, "schedulerName", "default-scheduler");
    for volume in list_mut(spec, "volumes") {
        default_volume(volume);
    }
    for list in ["initContainers", "containers", "ephemeralContainers"] {
        for container in list_mut(spec, list) {
            default_container(container);
        }
    }
    if let Some(overhead) = spec.get_mut("overhead") {
        round_resource_list(overhead);
    }
    if let Some(resources) = spec.get_mut("resources") {
        for list in ["limits", "requests"] {
            if let Some(values) = resources.get_mut(list) {
                round_resource_list(values);
            }
        }
    }
}

fn default_volume(volume: &mut Node) {
    const SOURCES: [&str; 30] = [
        "hostPath",
        "emptyDir",
        "gcePersistentDisk",
        "awsElasticBlockStore",
        "gitRepo",
        "secret",
        "nfs",
        "iscsi",
        "glusterfs",
        "persistentVolumeClaim",
        "rbd",
        "flexVolume",
        "cinder",
        "cephfs",
        "flocker",
        "downwardAPI",
        "fc",
        "azureFile",
        "configMap",
        "vsphereVolume",
        "quobyte",
        "azureDisk",
        "photonPersistentDisk",
        "projected",
        "portworxVolume",
        "scaleIO",
        "storageos",
        "csi",
        "ephemeral",
        "image",
    ];
    if !SOURCES.iter().any(|source| volume.get(source).is_some()) {
        set_default(
            volume,
            "emptyDir",
            NodeValue::Object(&schema::EMPTY_DIR_VOLUME_SOURCE, Vec::new()),
        );
    }
    if let Some(source) = volume.get_mut("hostPath") {
        set_default(source, "type", str_value(""));
    }
    for source in ["secret", "configMap", "downwardAPI", "projected"] {
        if let Some(node) = volume.get_mut(source) {
            set_default(node, "defaultMode", NodeValue::Int(0o644));
        }
    }
    if let Some(node) = volume.get_mut("downwardAPI") {
        for item in list_mut(node, "items") {
            if let Some(field_ref) = item.get_mut("fieldRef") {
                set_default_str(field_ref, "apiVersion", "v1");
            }
        }
    }
    if let Some(node) = volume.get_mut("iscsi") {
        set_default_str(node, "iscsiInterface", "default");
    }
    if let Some(node) = volume.get_mut("rbd") {
        set_default_str(node, "pool", "rbd");
        set_default_str(node, "user", "admin");
        set_default_str(node, "keyring", "/etc/ceph/keyring");
    }
    if let Some(node) = volume.get_mut("azureDisk") {
        set_default(node, "cachingMode", str_value("ReadWrite"));
        set_default(node, "fsType", str_value("ext4"));
        set_default(node, "readOnly", NodeValue::Bool(false));
        set_default(node, "kind", str_value("Shared"));
    }
    if let Some(node) = volume.get_mut("projected") {
        for source in list_mut(node, "sources") {
            if let Some(downward) = source.get_mut("downwardAPI") {
                for item in list_mut(downward, "items") {
                    if let Some(field_ref) = item.get_mut("fieldRef") {
                        set_default_str(field_ref, "apiVersion", "v1");
                    }
                }
            }
            if let Some(token) = source.get_mut("serviceAccountToken") {
                set_default(token, "expirationSeconds", NodeValue::Int(3600));
            }
        }
    }
    // `SetDefaults_ImageVolumeSource`: the container image rule (Always for `latest` or no
    // tag); seen only where the ImageVolume gate keeps the volume (v1.35 on).
    if let Some(node) = volume.get_mut("image")
        && is_absent_or_empty_str(node, "pullPolicy")
    {
        let reference = node.get("reference").and_then(Node::as_str).unwrap_or("");
        let latest = parse_image(reference).is_some_and(|r| r.effective_tag() == Some("latest"));
        set_default_str(
            node,
            "pullPolicy",
            if latest { "Always" } else { "IfNotPresent" },
        );
    }
    if let Some(node) = volume.get_mut("scaleIO") {
        set_default_str(node, "storageMode", "ThinProvisioned");
        set_default_str(node, "fsType", "xfs");
    }
    if let Some(claim_spec) = volume.at_mut(&["ephemeral", "volumeClaimTemplate", "spec"]) {
        set_default(claim_spec, "volumeMode", str_value("Filesystem"));
        if let Some(resources) = claim_spec.get_mut("resources") {
            for list in ["limits", "requests"] {
                if let Some(values) = resources.get_mut(list) {
                    round_resource_list(values);
                }
            }
        }
    }
}

/// `SetDefaults_Container` and the generated defaults of ports, env, resources, probes, hooks.
fn default_container(container: &mut Node) {
    if is_absent_or_empty_str(container, "imagePullPolicy") {
        let image = container.get("image").and_then(Node::as_str).unwrap_or("");
        let latest = parse_image(image).is_some_and(|r| r.effective_tag() == Some("latest"));
        set_default_str(
            container,
            "imagePullPolicy",
            if latest { "Always" } else { "IfNotPresent" },
        );
    }
    set_default_str(container, "terminationMessagePath", "/dev/termination-log");
    set_default_str(container, "terminationMessagePolicy", "File");
    for port in list_mut(container, "ports") {
        set_default_str(port, "protocol", "TCP");
    }
    for env in list_mut(container, "env") {
        if let Some(field_ref) = env.at_mut(&["valueFrom", "fieldRef"]) {
            set_default_str(field_ref, "apiVersion", "v1");
        }
        if let Some(file_ref) = env.at_mut(&["valueFrom", "fileKeyRef"]) {
            set_default(file_ref, "optional", NodeValue::Bool(false));
        }
    }
    if let Some(resources) = container.get_mut("resources") {
        for list in ["limits", "requests"] {
            if let Some(values) = resources.get_mut(list) {
                round_resource_list(values);
            }
        }
    }
    for probe_name in ["livenessProbe", "readinessProbe", "startupProbe"] {
        if let Some(probe) = container.get_mut(probe_name) {
            for (key, value) in [
                ("timeoutSeconds", 1),
                ("periodSeconds", 10),
                ("successThreshold", 1),
                ("failureThreshold", 3),
            ] {
                if probe.get(key).and_then(Node::as_i64).unwrap_or(0) == 0 {
                    let existing = probe.get(key).map(|n| n.span);
                    let span = existing.unwrap_or(Span::new(probe.span.start, probe.span.start));
                    probe.set(
                        key,
                        Node {
                            value: NodeValue::Int(value),
                            span,
                            key_span: None,
                            defaulted: true,
                        },
                    );
                }
            }
            if let Some(http) = probe.get_mut("httpGet") {
                default_http_get(http);
            }
            if let Some(grpc) = probe.get_mut("grpc") {
                set_default(grpc, "service", str_value(""));
            }
        }
    }
    for hook in ["postStart", "preStop"] {
        if let Some(http) = container.at_mut(&["lifecycle", hook, "httpGet"]) {
            default_http_get(http);
        }
    }
}

fn default_http_get(http: &mut Node) {
    set_default_str(http, "path", "/");
    set_default_str(http, "scheme", "HTTP");
}

/// `SetDefaults_ResourceList`: every quantity rounded up to milli units.
fn round_resource_list(list: &mut Node) {
    if let NodeValue::Map(entries) = &mut list.value {
        for (_, value) in entries.iter_mut() {
            if let NodeValue::Quantity(q) = &mut value.value {
                // Quantity.RoundUp(-3): values finer than a milli-unit go up to the next one.
                q.round_up(-3);
            }
        }
    }
}

/// Marks a subtree as added by the apiserver.
fn mark_defaulted(node: &mut Node) {
    node.defaulted = true;
    match &mut node.value {
        NodeValue::List(items) => items.iter_mut().for_each(mark_defaulted),
        NodeValue::Map(entries) => entries.iter_mut().for_each(|(_, n)| mark_defaulted(n)),
        NodeValue::Object(_, fields) => fields.iter_mut().for_each(|(_, n)| mark_defaulted(n)),
        _ => {}
    }
}

/// `generateSelectorIfNeeded`: the job-name and controller-uid labels on the pod template and
/// the controller-uid selector, unless `manualSelector` is true.
fn generate_selector(spec: &mut Node, name: &str) {
    if spec.get("manualSelector").and_then(Node::as_bool) == Some(true) {
        return;
    }
    let Some(template) = ensure(spec, "template", &schema::POD_TEMPLATE_SPEC) else {
        return;
    };
    let Some(meta) = ensure(template, "metadata", &schema::META_OBJECT_META) else {
        return;
    };
    if meta.get("labels").is_none() {
        let span = Span::new(meta.span.start, meta.span.start);
        meta.set(
            "labels",
            Node {
                value: NodeValue::Map(Vec::new()),
                span,
                key_span: None,
                defaulted: true,
            },
        );
    }
    if let Some(labels) = meta.get_mut("labels") {
        for (key, value) in [
            ("job-name", name),
            ("batch.kubernetes.io/job-name", name),
            ("controller-uid", PLACEHOLDER_UID),
            ("batch.kubernetes.io/controller-uid", PLACEHOLDER_UID),
        ] {
            if labels.get(key).is_none() {
                let span = Span::new(labels.span.start, labels.span.start);
                labels.set(
                    key,
                    Node {
                        value: str_value(value),
                        span,
                        key_span: None,
                        defaulted: true,
                    },
                );
            }
        }
    }
    if spec.get("selector").is_none() {
        set_default(
            spec,
            "selector",
            NodeValue::Object(&schema::META_LABEL_SELECTOR, Vec::new()),
        );
    }
    if let Some(selector) = spec.get_mut("selector") {
        if selector.get("matchLabels").is_none() {
            let span = Span::new(selector.span.start, selector.span.start);
            selector.set(
                "matchLabels",
                Node {
                    value: NodeValue::Map(Vec::new()),
                    span,
                    key_span: None,
                    defaulted: true,
                },
            );
        }
        if let Some(match_labels) = selector.get_mut("matchLabels")
            && match_labels
                .get("batch.kubernetes.io/controller-uid")
                .is_none()
        {
            let span = Span::new(match_labels.span.start, match_labels.span.start);
            match_labels.set(
                "batch.kubernetes.io/controller-uid",
                Node {
                    value: str_value(PLACEHOLDER_UID),
                    span,
                    key_span: None,
                    defaulted: true,
                },
            );
        }
    }
}

/// `dropDisabledFields` on the pod template of a new object, for the gates that are off by
/// default in `version` (the table in [`crate::version`]): a create has no old object, so no
/// field is kept for being "in use".
fn drop_disabled_template_fields(
    template: &mut Node,
    path: &str,
    version: KubernetesVersion,
) -> Vec<DroppedField> {
    let mut dropped = Vec::new();
    let Some(spec) = template.get_mut("spec") else {
        return dropped;
    };
    let off = |gate: Gate| !gate.enabled(version);
    let absent = |gate: Gate| gate.stage(version) == Stage::Absent;
    // Fields kept with another value (beside `drop`, which holds `dropped`).
    let mut replaced = Vec::new();
    let mut drop = |node: &mut Node, key: &str, at: String, gate: Gate| {
        if let Some(field) = node.get(key) {
            dropped.push(DroppedField {
                path: at,
                span: field.key_span.unwrap_or(field.span),
                gate: gate.name(),
                detail: None,
                unknown: absent(gate),
                replaced_with: None,
            });
            node.remove(key);
        }
    };
    // The internal PodSecurityContext holds hostUsers; in batch/v1 it is `spec.hostUsers`.
    if off(Gate::UserNamespacesSupport) {
        drop(
            spec,
            "hostUsers",
            format!("{path}.spec.hostUsers"),
            Gate::UserNamespacesSupport,
        );
    }
    if let Some(security) = spec.get_mut("securityContext") {
        for (key, gate) in [
            ("supplementalGroupsPolicy", Gate::SupplementalGroupsPolicy),
            ("seLinuxChangePolicy", Gate::SELinuxChangePolicy),
        ] {
            if off(gate) {
                drop(
                    security,
                    key,
                    format!("{path}.spec.securityContext.{key}"),
                    gate,
                );
            }
        }
    }
    if off(Gate::PodLevelResources) {
        drop(
            spec,
            "resources",
            format!("{path}.spec.resources"),
            Gate::PodLevelResources,
        );
    }
    if off(Gate::DynamicResourceAllocation) {
        drop(
            spec,
            "resourceClaims",
            format!("{path}.spec.resourceClaims"),
            Gate::DynamicResourceAllocation,
        );
    }
    if off(Gate::HostnameOverride) {
        drop(
            spec,
            "hostnameOverride",
            format!("{path}.spec.hostnameOverride"),
            Gate::HostnameOverride,
        );
    }
    if let NodeValue::List(volumes) = spec
        .get_mut("volumes")
        .map(|v| &mut v.value)
        .unwrap_or(&mut NodeValue::Bool(false))
    {
        for (index, volume) in volumes.iter_mut().enumerate() {
            if let Some(NodeValue::List(sources)) = volume
                .get_mut("projected")
                .and_then(|p| p.get_mut("sources"))
                .map(|s| &mut s.value)
            {
                for (source_index, source) in sources.iter_mut().enumerate() {
                    let at =
                        format!("{path}.spec.volumes[{index}].projected.sources[{source_index}]");
                    for (key, gate) in [
                        ("clusterTrustBundle", Gate::ClusterTrustBundleProjection),
                        ("podCertificate", Gate::PodCertificateRequest),
                    ] {
                        if off(gate) {
                            drop(source, key, format!("{at}.{key}"), gate);
                        }
                    }
                }
            }
        }
    }
    let image_volumes = if off(Gate::ImageVolume) {
        drop_image_volumes(spec, path)
    } else {
        Vec::new()
    };
    // Validation refuses ephemeral containers in a template, but the drops that visit every
    // container (`VisitContainers(…, AllContainers, …)`, or ephemeral containers by name) come
    // first, and before a gate existed its field fails the decoding instead.
    for list in ["containers", "initContainers", "ephemeralContainers"] {
        let ephemeral = list == "ephemeralContainers";
        if let Some(NodeValue::List(containers)) = spec.get_mut(list).map(|c| &mut c.value) {
            for (index, container) in containers.iter_mut().enumerate() {
                let at = format!("{path}.spec.{list}[{index}]");
                if off(Gate::ContainerRestartRules) && !ephemeral {
                    // Regular containers lose restartPolicy and its rules; init containers
                    // keep restartPolicy only as sidecars (`Always`). Before the gate
                    // existed (v1.33 and older) nothing drops restartPolicy, a field since
                    // v1.28: validation forbids it on a regular container.
                    let sidecar =
                        container.get("restartPolicy").and_then(Node::as_str) == Some("Always");
                    if (list == "containers" || !sidecar) && !absent(Gate::ContainerRestartRules) {
                        drop(
                            container,
                            "restartPolicy",
                            format!("{at}.restartPolicy"),
                            Gate::ContainerRestartRules,
                        );
                    }
                    drop(
                        container,
                        "restartPolicyRules",
                        format!("{at}.restartPolicyRules"),
                        Gate::ContainerRestartRules,
                    );
                }
                // `dropDisabledProcMountField`: while ProcMountType is off the field stays,
                // set to Default.
                if off(Gate::ProcMountType)
                    && !ephemeral
                    && let Some(field) = container.at_mut(&["securityContext", "procMount"])
                    && field.as_str().is_some_and(|value| value != "Default")
                {
                    replaced.push(DroppedField {
                        path: format!("{at}.securityContext.procMount"),
                        span: field.span,
                        gate: Gate::ProcMountType.name(),
                        detail: None,
                        unknown: false,
                        replaced_with: Some("Default"),
                    });
                    field.value = str_value("Default");
                }
                // `dropContainerStopSignals`: the signal goes, and the lifecycle with it when
                // nothing else was in it.
                if off(Gate::ContainerStopSignals)
                    && let Some(lifecycle) = container.get_mut("lifecycle")
                    && lifecycle.get("stopSignal").is_some()
                {
                    drop(
                        lifecycle,
                        "stopSignal",
                        format!("{at}.lifecycle.stopSignal"),
                        Gate::ContainerStopSignals,
                    );
                    if matches!(&lifecycle.value, NodeValue::Object(_, fields) if fields.is_empty())
                    {
                        container.remove("lifecycle");
                    }
                }
                if off(Gate::InPlacePodVerticalScaling) {
                    drop(
                        container,
                        "resizePolicy",
                        format!("{at}.resizePolicy"),
                        Gate::InPlacePodVerticalScaling,
                    );
                }
                if off(Gate::DynamicResourceAllocation)
                    && !ephemeral
                    && let Some(resources) = container.get_mut("resources")
                {
                    drop(
                        resources,
                        "claims",
                        format!("{at}.resources.claims"),
                        Gate::DynamicResourceAllocation,
                    );
                }
                if off(Gate::EnvFiles)
                    && let Some(NodeValue::List(env)) =
                        container.get_mut("env").map(|e| &mut e.value)
                {
                    for (env_index, item) in env.iter_mut().enumerate() {
                        if let Some(value_from) = item.get_mut("valueFrom") {
                            drop(
                                value_from,
                                "fileKeyRef",
                                format!("{at}.env[{env_index}].valueFrom.fileKeyRef"),
                                Gate::EnvFiles,
                            );
                        }
                    }
                }
            }
        }
    }
    dropped.extend(image_volumes);
    dropped.extend(replaced);
    dropped
}

/// `dropImageVolumes` (while ImageVolume is off): every volume with an `image`
/// source goes, and with it every mount naming one of them, in all three container lists.
fn drop_image_volumes(spec: &mut Node, path: &str) -> Vec<DroppedField> {
    let mut dropped = Vec::new();
    let mut names: Vec<String> = Vec::new();
    if let Some(NodeValue::List(volumes)) = spec.get_mut("volumes").map(|v| &mut v.value) {
        let mut index = 0;
        volumes.retain(|volume| {
            let is_image = volume.get("image").is_some();
            if is_image {
                names.push(
                    volume
                        .get("name")
                        .and_then(Node::as_str)
                        .unwrap_or("")
                        .to_owned(),
                );
                dropped.push(DroppedField {
                    path: format!("{path}.spec.volumes[{index}]"),
                    span: volume.span,
                    gate: Gate::ImageVolume.name(),
                    detail: Some("an image volume".to_owned()),
                    unknown: false,
                    replaced_with: None,
                });
            }
            index += 1;
            !is_image
        });
    }
    if names.is_empty() {
        return dropped;
    }
    for list in ["containers", "initContainers", "ephemeralContainers"] {
        let Some(NodeValue::List(containers)) = spec.get_mut(list).map(|c| &mut c.value) else {
            continue;
        };
        for (container_index, container) in containers.iter_mut().enumerate() {
            let Some(NodeValue::List(mounts)) =
                container.get_mut("volumeMounts").map(|m| &mut m.value)
            else {
                continue;
            };
            let mut index = 0;
            mounts.retain(|mount| {
                let name = mount.get("name").and_then(Node::as_str).unwrap_or("");
                let goes = names.iter().any(|n| n == name);
                if goes {
                    dropped.push(DroppedField {
                        path: format!(
                            "{path}.spec.{list}[{container_index}].volumeMounts[{index}]"
                        ),
                        span: mount.span,
                        gate: Gate::ImageVolume.name(),
                        detail: Some(format!(
                            "it mounts the image volume {}",
                            jobscope_golang::strings::go_strconv_quote(name)
                        )),
                        unknown: false,
                        replaced_with: None,
                    });
                }
                index += 1;
                !goes
            });
        }
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::decode::decode_object;
    use jobscope_yaml::parse_stream;

    fn job(text: &str) -> Node {
        let stream = parse_stream(text);
        let (mut node, errors) = decode_object(
            stream.documents[0].value.as_ref().unwrap(),
            &schema::BATCH_JOB,
        );
        assert!(errors.is_empty());
        default_job(&mut node, KubernetesVersion::V1_34);
        node
    }

    #[test]
    fn job_defaults() {
        let j = job(
            "metadata: {name: pi}\nspec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl\n        livenessProbe: {httpGet: {port: 80}}\n",
        );
        let spec = j.get("spec").unwrap();
        assert_eq!(spec.get("completions").and_then(Node::as_i64), Some(1));
        assert_eq!(spec.get("parallelism").and_then(Node::as_i64), Some(1));
        assert_eq!(spec.get("backoffLimit").and_then(Node::as_i64), Some(6));
        assert_eq!(
            spec.get("podReplacementPolicy").and_then(Node::as_str),
            Some("TerminatingOrFailed")
        );
        let pod = spec.at(&["template", "spec"]).unwrap();
        assert_eq!(
            pod.get("restartPolicy").and_then(Node::as_str),
            Some("Always")
        );
        assert!(pod.get("restartPolicy").unwrap().defaulted);
        let container = &pod.get("containers").unwrap().items()[0];
        assert_eq!(
            container.get("imagePullPolicy").and_then(Node::as_str),
            Some("Always")
        );
        assert_eq!(
            container
                .at(&["livenessProbe", "periodSeconds"])
                .and_then(Node::as_i64),
            Some(10)
        );
        assert_eq!(
            container
                .at(&["livenessProbe", "httpGet", "path"])
                .and_then(Node::as_str),
            Some("/")
        );
        let labels = spec.at(&["template", "metadata", "labels"]).unwrap();
        assert_eq!(
            labels
                .get("batch.kubernetes.io/job-name")
                .and_then(Node::as_str),
            Some("pi")
        );
        assert_eq!(
            spec.at(&[
                "selector",
                "matchLabels",
                "batch.kubernetes.io/controller-uid"
            ])
            .and_then(Node::as_str),
            Some(PLACEHOLDER_UID)
        );
        // The template's labels were nil when SetDefaults_Job ran: the Job shares nothing.
        assert!(j.at(&["metadata", "labels"]).is_none());
        let j =
            job("metadata: {name: pi}\nspec:\n  template:\n    metadata: {labels: {app: pi}}\n");
        assert_eq!(
            j.at(&["metadata", "labels", "app"]).and_then(Node::as_str),
            Some("pi"),
            "the template labels are copied"
        );
        // The Job shares the template's map, so the generated labels are on it too.
        assert_eq!(
            j.at(&["metadata", "labels", "job-name"])
                .and_then(Node::as_str),
            Some("pi")
        );
        assert_eq!(
            j.at(&["metadata", "generation"]).and_then(Node::as_i64),
            Some(1)
        );
    }

    #[test]
    fn backoff_limit_per_index_raises_the_backoff_limit() {
        let j =
            job("spec:\n  backoffLimitPerIndex: 1\n  completionMode: Indexed\n  completions: 3\n");
        assert_eq!(
            j.at(&["spec", "backoffLimit"]).and_then(Node::as_i64),
            Some(i64::from(i32::MAX))
        );
    }

    /// Each row of the gate table that drops a field: a template using it, the path reported,
    /// and a version where the gate is off (the field goes) and one where it is on (it stays).
    #[test]
    fn each_gate_drops_its_field_only_while_off() {
        use KubernetesVersion::*;
        let rows: &[(Gate, &str, &str, KubernetesVersion, KubernetesVersion)] = &[
            (
                Gate::ContainerRestartRules,
                "containers: [{name: a, restartPolicy: Never}]",
                "spec.template.spec.containers[0].restartPolicy",
                V1_34,
                V1_35,
            ),
            (
                Gate::ContainerRestartRules,
                "containers: [{name: a, restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]}]",
                "spec.template.spec.containers[0].restartPolicyRules",
                V1_34,
                V1_35,
            ),
            (
                Gate::ImageVolume,
                "volumes: [{name: i, image: {reference: x}}]",
                "spec.template.spec.volumes[0]",
                V1_34,
                V1_35,
            ),
            (
                Gate::EnvFiles,
                "containers: [{name: a, env: [{name: E, valueFrom: {fileKeyRef: {volumeName: v, path: p, key: k}}}]}]",
                "spec.template.spec.containers[0].env[0].valueFrom.fileKeyRef",
                V1_34,
                V1_35,
            ),
            (
                Gate::HostnameOverride,
                "hostnameOverride: h",
                "spec.template.spec.hostnameOverride",
                V1_34,
                V1_35,
            ),
            (
                Gate::PodLevelResources,
                "resources: {limits: {cpu: '1'}}",
                "spec.template.spec.resources",
                V1_33,
                V1_34,
            ),
            (
                Gate::InPlacePodVerticalScaling,
                "containers: [{name: a, resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]}]",
                "spec.template.spec.containers[0].resizePolicy",
                V1_32,
                V1_33,
            ),
            (
                Gate::DynamicResourceAllocation,
                "resourceClaims: [{name: gpu, resourceClaimName: c}]",
                "spec.template.spec.resourceClaims",
                V1_33,
                V1_34,
            ),
            (
                Gate::DynamicResourceAllocation,
                "containers: [{name: a, resources: {claims: [{name: gpu}]}}]",
                "spec.template.spec.containers[0].resources.claims",
                V1_33,
                V1_34,
            ),
            (
                Gate::UserNamespacesSupport,
                "hostUsers: false",
                "spec.template.spec.hostUsers",
                V1_32,
                V1_33,
            ),
            (
                Gate::SupplementalGroupsPolicy,
                "securityContext: {supplementalGroupsPolicy: Strict}",
                "spec.template.spec.securityContext.supplementalGroupsPolicy",
                V1_32,
                V1_33,
            ),
            (
                Gate::SELinuxChangePolicy,
                "securityContext: {seLinuxChangePolicy: Recursive}",
                "spec.template.spec.securityContext.seLinuxChangePolicy",
                V1_32,
                V1_33,
            ),
        ];
        for (gate, pod_spec, path, off, on) in rows {
            // The editor's table of gated fields has this drop's gate and key (a container's
            // `restartPolicy` is left out of it on purpose: see `GATED_FIELDS`).
            let gated = crate::version::GATED_FIELDS
                .iter()
                .any(|g| g.gate == *gate && pod_spec.contains(&format!("{}:", g.field)));
            let restart_policy = path.ends_with(".restartPolicy");
            assert!(gated || restart_policy, "{path} is not in GATED_FIELDS");
            let text = format!("spec:\n  template:\n    spec: {{{}}}\n", &pod_spec);
            let stream = parse_stream(&text);
            let value = stream.documents[0].value.as_ref().unwrap();
            let (decoded, errors) = decode_object(value, &schema::BATCH_JOB);
            assert!(errors.is_empty(), "{pod_spec}: {errors:?}");
            let mut dropped_off = decoded.clone();
            let paths =
                |d: Vec<DroppedField>| d.into_iter().map(|f| (f.path, f.gate)).collect::<Vec<_>>();
            assert_eq!(
                paths(default_job(&mut dropped_off, *off)),
                [((*path).to_owned(), gate.name())],
                "{} in {off}",
                gate.name()
            );
            let mut kept_on = decoded;
            assert_eq!(
                paths(default_job(&mut kept_on, *on)),
                [],
                "{} in {on}",
                gate.name()
            );
        }
    }

    /// ContainerStopSignals is off in every supported version: the signal is dropped (unknown
    /// before the gate existed), and a lifecycle that held nothing else goes with it; an empty
    /// lifecycle written as such stays.
    #[test]
    fn stop_signals_are_dropped_with_an_emptied_lifecycle() {
        let text = "spec:\n  template:\n    spec:\n      containers:\n      - name: a\n        lifecycle: {stopSignal: SIGUSR1}\n      - name: b\n        lifecycle: {stopSignal: SIGUSR1, preStop: {exec: {command: [x]}}}\n      - name: c\n        lifecycle: {}\n      ephemeralContainers:\n      - name: d\n        lifecycle: {stopSignal: SIGUSR1}\n";
        let stream = parse_stream(text);
        let (decoded, errors) = decode_object(
            stream.documents[0].value.as_ref().unwrap(),
            &schema::BATCH_JOB,
        );
        assert!(errors.is_empty(), "{errors:?}");
        for version in KubernetesVersion::ALL {
            let mut j = decoded.clone();
            let dropped = default_job(&mut j, version);
            let paths: Vec<_> = dropped
                .iter()
                .map(|f| (f.path.as_str(), f.unknown))
                .collect();
            let unknown = Gate::ContainerStopSignals.stage(version) == Stage::Absent;
            assert_eq!(
                paths,
                [
                    (
                        "spec.template.spec.containers[0].lifecycle.stopSignal",
                        unknown
                    ),
                    (
                        "spec.template.spec.containers[1].lifecycle.stopSignal",
                        unknown
                    ),
                    (
                        "spec.template.spec.ephemeralContainers[0].lifecycle.stopSignal",
                        unknown
                    ),
                ],
                "{version}"
            );
            let Some(NodeValue::List(containers)) = j
                .at(&["spec", "template", "spec", "containers"])
                .map(|c| &c.value)
            else {
                panic!("containers");
            };
            assert!(containers[0].get("lifecycle").is_none(), "{version}");
            let kept = containers[1].get("lifecycle").expect("preStop keeps it");
            assert!(kept.get("preStop").is_some() && kept.get("stopSignal").is_none());
            // Only a lifecycle the signal was dropped from goes.
            assert!(containers[2].get("lifecycle").is_some(), "{version}");
        }
    }

    #[test]
    fn image_volumes_go_with_their_mounts() {
        let j = job(
            "spec:\n  template:\n    spec:\n      containers:\n      - name: a\n        volumeMounts: [{name: img, mountPath: /i}, {name: data, mountPath: /d}]\n      volumes:\n      - {name: img, image: {reference: x}}\n      - {name: data, emptyDir: {}}\n",
        );
        let pod = j.at(&["spec", "template", "spec"]).unwrap();
        let volumes = pod.get("volumes").unwrap().items();
        assert_eq!(volumes.len(), 1);
        assert_eq!(volumes[0].get("name").and_then(Node::as_str), Some("data"));
        let mounts = pod.get("containers").unwrap().items()[0]
            .get("volumeMounts")
            .unwrap()
            .items();
        assert_eq!(mounts.len(), 1);
        assert_eq!(mounts[0].get("name").and_then(Node::as_str), Some("data"));
    }

    #[test]
    fn generate_name_makes_the_name_before_the_labels() {
        let base = "a".repeat(70);
        let j = job(&format!("metadata: {{generateName: {base}}}\n"));
        let expected = format!("{}{GENERATED_NAME_SUFFIX}", "a".repeat(58));
        let name = j.at(&["metadata", "name"]).unwrap();
        assert_eq!(name.as_str(), Some(expected.as_str()));
        assert!(name.defaulted);
        assert_eq!(
            j.at(&["spec", "template", "metadata", "labels", "job-name"])
                .and_then(Node::as_str),
            Some(expected.as_str())
        );
    }

    #[test]
    fn owner_references_equal_in_every_field_are_deduplicated() {
        let stream = parse_stream(
            "metadata:\n  ownerReferences:\n  - {uid: '1', name: a}\n  - {uid: '1', name: a}\n  - {uid: '1', name: a, controller: false}\n  - {uid: '2', name: b}\n",
        );
        let (mut node, _) = decode_object(
            stream.documents[0].value.as_ref().unwrap(),
            &schema::BATCH_JOB,
        );
        let duplicates = dedup_owner_references(&mut node);
        assert_eq!(
            duplicates
                .iter()
                .map(|(uid, _)| uid.as_str())
                .collect::<Vec<_>>(),
            ["1"]
        );
        assert_eq!(
            node.at(&["metadata", "ownerReferences"])
                .unwrap()
                .items()
                .len(),
            3
        );
    }
}
