//! The names a pod template refers to other objects by, and the finding for one that none of the
//! documents analysed together defines (the four `*-not-defined` rules share it).
//!
//! Read off the places the kubelet and the admission plugins look: `serviceAccountName`
//! (`serviceAccount` when it is empty, as the API's conversion aliases it), `priorityClassName`,
//! each container's `env[].valueFrom.secretKeyRef`/`configMapKeyRef` and `envFrom[]`, and the
//! `secret`, `configMap` and `projected` volumes. A reference marked `optional: true` is left
//! out: the kubelet skips a missing optional object. `imagePullSecrets` are left out too: a
//! missing one is only logged, and the pull goes on without it.

use super::context::{Context, written};
use super::objects::RefKind;
use super::registry::Finding;
use jobscope_api::manifest::object::Node;

/// ServiceAccounts every namespace has (the ServiceAccount controller creates it).
const ALWAYS_SERVICE_ACCOUNTS: [&str; 1] = ["default"];
/// PriorityClasses every cluster has (the apiserver creates them).
const ALWAYS_PRIORITY_CLASSES: [&str; 2] = ["system-cluster-critical", "system-node-critical"];

/// One reference by name.
pub(crate) struct Reference<'a> {
    pub(crate) name: &'a str,
    /// The node holding the name.
    pub(crate) node: &'a Node,
    /// Its field path.
    pub(crate) field: String,
    /// Who refers: `named by the pods`, `read by container `main``, `mounted as volume `certs``.
    pub(crate) who: String,
    /// What a missing object does to the Job.
    pub(crate) consequence: &'static str,
}

/// A missing ServiceAccount or PriorityClass: the admission plugins refuse the pods.
const POD_REFUSED: &str = "the apiserver refuses to create the pods, so the Job retries without ever counting a failure and stays active until `activeDeadlineSeconds` (forever without one)";
/// A missing Secret or ConfigMap read into the environment.
const CONTAINER_NOT_STARTED: &str = "the kubelet cannot start the container (`CreateContainerConfigError`), so the pod stays Pending without failing and the Job waits until `activeDeadlineSeconds` (forever without one)";
/// A missing Secret or ConfigMap mounted as a volume.
const VOLUME_NOT_MOUNTED: &str = "the kubelet cannot mount the volume (`FailedMount`), so the pod stays Pending without failing and the Job waits until `activeDeadlineSeconds` (forever without one)";

/// Every non-optional reference of the pod template to an object of `kind`.
pub(crate) fn references<'a>(ctx: &Context<'a>, kind: RefKind) -> Vec<Reference<'a>> {
    let mut out = Vec::new();
    let Some(pod) = ctx.pod_spec() else {
        return out;
    };
    let pod_path = ctx.pod_spec_path();
    let mut push =
        |name_node: Option<&'a Node>, field: String, who: String, consequence: &'static str| {
            if let Some(node) = name_node
                && let Some(name) = node.as_str()
                && !name.is_empty()
            {
                out.push(Reference {
                    name,
                    node,
                    field,
                    who,
                    consequence,
                });
            }
        };
    match kind {
        RefKind::ServiceAccount | RefKind::PriorityClass => {
            // `serviceAccount` is the API's alias for an empty `serviceAccountName`.
            let (keys, always): (&[&str], &[&str]) = match kind {
                RefKind::ServiceAccount => (
                    &["serviceAccountName", "serviceAccount"],
                    &ALWAYS_SERVICE_ACCOUNTS,
                ),
                _ => (&["priorityClassName"], &ALWAYS_PRIORITY_CLASSES),
            };
            let named = keys.iter().find_map(|key| {
                let node = written(pod.get(key))?;
                node.as_str()
                    .is_some_and(|name| !name.is_empty())
                    .then_some((key, node))
            });
            if let Some((key, node)) = named
                && node.as_str().is_some_and(|name| !always.contains(&name))
            {
                push(
                    Some(node),
                    format!("{pod_path}.{key}"),
                    "named by the pods".to_owned(),
                    POD_REFUSED,
                );
            }
        }
        RefKind::Secret | RefKind::ConfigMap => {
            let (key_ref, env_from_ref, volume_key, volume_name_key) = match kind {
                RefKind::Secret => ("secretKeyRef", "secretRef", "secret", "secretName"),
                _ => ("configMapKeyRef", "configMapRef", "configMap", "name"),
            };
            // `env[].valueFrom.<key ref>` and `envFrom[].<ref>`.
            let env_sources: [(&str, &[&str]); 2] = [
                ("env", &["valueFrom", key_ref]),
                ("envFrom", &[env_from_ref]),
            ];
            for container in ctx.containers() {
                for (list, path) in env_sources {
                    for (i, entry) in items(container.node.get(list)).iter().enumerate() {
                        if let Some(source) = entry.at(path)
                            && !optional(source)
                        {
                            push(
                                source.get("name"),
                                container.field(&format!("{list}[{i}].{}.name", path.join("."))),
                                format!("read by {}", container.label()),
                                CONTAINER_NOT_STARTED,
                            );
                        }
                    }
                }
            }
            for (i, volume) in items(pod.get("volumes")).iter().enumerate() {
                let volume_name = volume.get("name").and_then(Node::as_str).unwrap_or("");
                let who = format!("mounted as volume `{volume_name}`");
                if let Some(source) = volume.get(volume_key)
                    && !optional(source)
                {
                    push(
                        source.get(volume_name_key),
                        format!("{pod_path}.volumes[{i}].{volume_key}.{volume_name_key}"),
                        who.clone(),
                        VOLUME_NOT_MOUNTED,
                    );
                }
                for (j, projected) in items(volume.at(&["projected", "sources"]))
                    .iter()
                    .enumerate()
                {
                    if let Some(source) = projected.get(volume_key)
                        && !optional(source)
                    {
                        push(
                            source.get("name"),
                            format!(
                                "{pod_path}.volumes[{i}].projected.sources[{j}].{volume_key}.name"
                            ),
                            who.clone(),
                            VOLUME_NOT_MOUNTED,
                        );
                    }
                }
            }
        }
    }
    out
}

fn items(node: Option<&Node>) -> &[Node] {
    node.map(Node::items).unwrap_or_default()
}

/// `optional: true`: the kubelet goes on without the object.
fn optional(source: &Node) -> bool {
    source.get("optional").and_then(Node::as_bool) == Some(true)
}

/// The findings for the references to `kind` objects that none of the documents defines, when
/// they define any object of that kind (none defined: the documents leave the kind to the
/// cluster).
pub(crate) fn undefined(ctx: &Context<'_>, kind: RefKind) -> Vec<Finding> {
    let objects = ctx.objects;
    if !objects.defines_any(kind) {
        return Vec::new();
    }
    let namespace = ctx.namespace();
    let mut out: Vec<Finding> = Vec::new();
    for reference in references(ctx, kind) {
        if objects.contains(kind, namespace, reference.name) {
            continue;
        }
        let place = if kind.namespaced() {
            format!(" in namespace `{namespace}`")
        } else {
            String::new()
        };
        // The names that are there, so a typo shows.
        let names: Vec<String> = objects
            .names(kind, namespace)
            .take(4)
            .map(|name| format!("`{name}`"))
            .collect();
        let defined = match names.len() {
            0 => format!("they define {}s only in other namespaces", kind.name()),
            1..=3 => format!("they define {}", names.join(", ")),
            _ => format!("they define {}, …", names[..3].join(", ")),
        };
        out.push(Finding::new(
            reference.node.span,
            reference.field,
            format!(
                "{} `{}` ({}) is defined by none of the documents given together{place} ({defined}): {}",
                kind.name(),
                reference.name,
                reference.who,
                reference.consequence
            ),
        ));
    }
    out
}
