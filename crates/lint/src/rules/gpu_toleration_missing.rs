//! `lint.gpu-toleration-missing`: a GPU limit without a toleration for the taint GPU nodes
//! usually carry.

use crate::context::{Context, label_span};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.gpu-toleration-missing",
    severity: Severity::Warning,
    summary: "A GPU limit without a toleration for the GPU nodes' taint",
    help: "add a toleration for the resource's taint, e.g. `{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}`, unless your cluster's GPU nodes are not tainted or the ExtendedResourceToleration admission plugin adds it",
    docs: RuleDocs {
        what_it_does: "Reports a container limit on a GPU resource (`nvidia.com/gpu`, `amd.com/gpu`, `gpu.intel.com/*`, or any `*/gpu`) when the pod template has no toleration whose key is that resource name (or an `Exists` toleration without a key), for the `NoSchedule` effect.",
        why_it_matters: "GPU nodes are commonly tainted with the GPU resource's name (`nvidia.com/gpu:NoSchedule`, which GKE and the NVIDIA GPU operator set up) so that ordinary pods stay off them. A pod that needs a GPU but does not tolerate the taint fits no node and stays `Pending`; the Job neither runs nor fails until `activeDeadlineSeconds`, if any. The ExtendedResourceToleration admission plugin adds the toleration automatically, but it is off unless the cluster enables it.",
        example: "containers:\n- name: train\n  resources:\n    limits: {nvidia.com/gpu: 1}",
        use_instead: "tolerations:\n- {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}\ncontainers:\n- name: train\n  resources:\n    limits: {nvidia.com/gpu: 1}",
        references: "Kubernetes: plugin/pkg/admission/extendedresourcetoleration (adds `{key: <resource>, operator: Exists}` for extended resources when enabled); the scheduler's TaintToleration plugin.",
    },
    check,
};

fn is_gpu(resource: &str) -> bool {
    resource.ends_with("/gpu")
        || resource.starts_with("nvidia.com/")
        || resource.starts_with("amd.com/")
        || resource.starts_with("gpu.intel.com/")
}

/// Whether a toleration lets pods onto nodes tainted `<resource>:NoSchedule`.
fn tolerates(toleration: &Node, resource: &str) -> bool {
    let key = toleration.get("key").and_then(Node::as_str).unwrap_or("");
    let operator = toleration
        .get("operator")
        .and_then(Node::as_str)
        .unwrap_or("Equal");
    let effect = toleration
        .get("effect")
        .and_then(Node::as_str)
        .unwrap_or("");
    let effect_ok = effect.is_empty() || effect == "NoSchedule";
    let key_ok = (key.is_empty() && operator == "Exists") || key == resource;
    // `Equal` with the key also matches the usual taints, whose value is empty or `present`;
    // the value is not checked because operators set different ones.
    effect_ok && key_ok
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let tolerations = ctx
        .pod_field("tolerations")
        .map(Node::items)
        .unwrap_or_default();
    let mut reported: Vec<String> = Vec::new();
    for container in ctx.containers() {
        for (resource, quantity) in container
            .at(&["resources", "limits"])
            .map(Node::entries)
            .unwrap_or_default()
        {
            let wanted = quantity.as_quantity().is_some_and(|q| q.sign() > 0);
            if !wanted || !is_gpu(resource) || reported.contains(resource) {
                continue;
            }
            if tolerations.iter().any(|t| tolerates(t, resource)) {
                continue;
            }
            reported.push(resource.clone());
            let amount = quantity.as_quantity().map(|q| q.text()).unwrap_or_default();
            out.push(Finding::new(
                label_span(quantity),
                container.field(&format!("resources.limits[{resource}]")),
                format!(
                    "{} asks for `{resource}: {amount}` but the pod has no toleration for the `{resource}` taint GPU nodes usually carry: on such a cluster the pods stay Pending",
                    container.label()
                ),
            ));
        }
    }
}
