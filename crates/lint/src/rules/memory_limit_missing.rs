//! `lint.memory-limit-missing`: a container without a memory limit (Polaris
//! `memoryLimitsMissing`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.memory-limit-missing",
    severity: Severity::Warning,
    summary: "A container without a memory limit",
    help: "set `resources.limits.memory`; a container that exceeds it is OOM-killed (exit code 137), a failure the Job counts and `podFailurePolicy` can match",
    docs: RuleDocs {
        what_it_does: "Reports each container (init containers and sidecars included) with no `memory` limit, unless the pod sets a pod-level memory limit.",
        why_it_matters: "Batch inputs grow. Without a limit, a leak or an unexpectedly large input takes memory from everything else on the node until the kernel's OOM killer or the kubelet's eviction picks victims, often other workloads. With a limit the Job's own container is killed, visibly, and retried or failed by its own rules. (A LimitRange in the namespace may fill in a default limit; the manifest alone does not show it.)",
        example: "resources:\n  requests: {cpu: 500m, memory: 512Mi}",
        use_instead: "resources:\n  requests: {cpu: 500m, memory: 512Mi}\n  limits: {memory: 1Gi}",
        references: "kube-linter `unset-memory-requirements` (a limit, despite its name); Polaris `memoryLimitsMissing` (init containers exempt); kube-score `container-resources`; Datree `CONTAINERS_MISSING_MEMORY_LIMIT_KEY`.",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let pod_limit = ctx
        .pod_field("resources")
        .and_then(|r| r.at(&["limits", "memory"]))
        .is_some();
    if pod_limit {
        return;
    }
    for container in ctx.containers() {
        if container.at(&["resources", "limits", "memory"]).is_some() {
            continue;
        }
        out.push(Finding::new(
            container.anchor(&["resources", "limits"]),
            container.field("resources.limits.memory"),
            format!(
                "{} has no memory limit, so a leak or an oversized input can take the node's memory and get other pods evicted",
                container.label()
            ),
        ));
    }
}
