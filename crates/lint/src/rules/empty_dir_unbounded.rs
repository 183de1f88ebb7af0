//! `lint.empty-dir-unbounded`: an `emptyDir` on the node's disk with no `sizeLimit`, in a pod
//! whose containers neither request nor limit `ephemeral-storage`: nothing bounds the scratch
//! space a run may write (kube-score `container-ephemeral-storage-request-and-limit` asks every
//! container for ephemeral-storage; for batch work the scratch volume is the case that fills
//! disks).

use crate::context::{Context, label_span};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.empty-dir-unbounded",
    severity: Severity::Warning,
    summary: "An `emptyDir` without `sizeLimit`, and no container asks for `ephemeral-storage`",
    help: "set `emptyDir.sizeLimit` to the most scratch space a run needs (the kubelet evicts the pod, and only it, when the volume outgrows it; the Job counts that as a failed pod), and request `ephemeral-storage` so the scheduler picks a node with room",
    docs: RuleDocs {
        what_it_does: "Reports each `emptyDir` volume on the node's disk (no `medium`) without a `sizeLimit`, in a pod template where no container (init containers included) requests or limits `ephemeral-storage`. Memory-backed volumes (`medium: Memory`) count against the memory limit instead and are left alone.",
        why_it_matters: "Batch runs write scratch data in proportion to their input, and an unbounded `emptyDir` lets one run fill the node's disk. The kubelet then evicts pods under disk pressure, first those using more than they requested, which without a request is this one, and possibly its neighbours; new pods are refused while the node is under pressure. The eviction fails the pod: without a `podFailurePolicy` it counts against `backoffLimit`, and the retry starts the same fill again; with an `Ignore` rule on `DisruptionTarget` (which node-pressure evictions carry) it is retried without ever counting. With a `sizeLimit` the kubelet evicts only this pod, as soon as its volume outgrows the limit (1 second of grace, no `DisruptionTarget`), and the Job sees a failure it counts.",
        example: "volumes:\n- name: scratch\n  emptyDir: {}",
        use_instead: "volumes:\n- name: scratch\n  emptyDir:\n    sizeLimit: 10Gi\ncontainers:\n- name: worker\n  resources:\n    requests: {ephemeral-storage: 10Gi}",
        references: "kube-score `container-ephemeral-storage-request-and-limit` (every container; on by default). Kubernetes: pkg/kubelet/eviction/eviction_manager.go (`emptyDirLimitEviction` needs a positive `sizeLimit`; local-storage evictions use a 1-second grace period and no `DisruptionTarget`; node-pressure evictions rank pods by usage above their `ephemeral-storage` request and add `DisruptionTarget`, reason `TerminationByKubelet`); pkg/kubelet/eviction/helpers.go (`rankDiskPressureFunc`).",
    },
    check,
};

/// Whether any container of the pod template asks for `ephemeral-storage` (a limit is copied
/// into a missing request by defaulting, so either counts).
fn requests_storage(ctx: &Context<'_>) -> bool {
    ctx.containers().iter().any(|container| {
        ["requests", "limits"].iter().any(|list| {
            container
                .at(&["resources", list, "ephemeral-storage"])
                .is_some()
        })
    })
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let volumes = ctx
        .pod_field("volumes")
        .map(Node::items)
        .unwrap_or_default();
    let unbounded: Vec<(usize, &Node, &str)> = volumes
        .iter()
        .enumerate()
        .filter_map(|(index, volume)| {
            let empty_dir = volume.get("emptyDir")?;
            let on_disk = empty_dir
                .get("medium")
                .and_then(Node::as_str)
                .is_none_or(str::is_empty);
            let limited = empty_dir
                .get("sizeLimit")
                .and_then(Node::as_quantity)
                .is_some_and(|q| q.sign() > 0);
            (on_disk && !limited).then(|| {
                let name = volume.get("name").and_then(Node::as_str).unwrap_or("");
                (index, empty_dir, name)
            })
        })
        .collect();
    if unbounded.is_empty() || requests_storage(ctx) {
        return;
    }
    for (index, empty_dir, name) in unbounded {
        out.push(Finding::new(
            label_span(empty_dir),
            format!("{}.volumes[{index}].emptyDir.sizeLimit", ctx.pod_spec_path()),
            format!(
                "`emptyDir` volume `{name}` has no `sizeLimit` and no container requests `ephemeral-storage`, so a run can fill the node's disk; the kubelet then evicts pods under disk pressure, and the eviction fails the pod"
            ),
        ));
    }
}
