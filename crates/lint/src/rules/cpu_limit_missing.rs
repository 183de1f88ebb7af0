//! `lint.cpu-limit-missing`: a container without a CPU limit (Polaris `cpuLimitsMissing`),
//! reported as information: for batch work a CPU limit is a trade-off, not a must.

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.cpu-limit-missing",
    severity: Severity::Info,
    summary: "A container without a CPU limit",
    help: "set `resources.limits.cpu` if the Job must not take idle CPU from its neighbours, or disable this rule if using spare CPU is the point",
    docs: RuleDocs {
        what_it_does: "Reports each container (init containers and sidecars included) with no `cpu` limit, unless the pod sets a pod-level CPU limit.",
        why_it_matters: "Without a limit a container may use every idle core of its node, so its run time depends on its neighbours and it can slow latency-sensitive workloads on the same node. A limit makes run times predictable at the price of throttling when spare CPU exists, which is why this is information rather than a warning. (A LimitRange in the namespace may fill in a default limit; the manifest alone does not show it.)",
        example: "resources:\n  requests: {cpu: 500m, memory: 512Mi}\n  limits: {memory: 512Mi}",
        use_instead: "resources:\n  requests: {cpu: 500m, memory: 512Mi}\n  limits: {cpu: \"1\", memory: 512Mi}",
        references: "Polaris `cpuLimitsMissing` (init containers exempt); kube-score `container-resources` (unless `--ignore-container-cpu-limit`); Datree `CONTAINERS_MISSING_CPU_LIMIT_KEY`. kube-linter's `unset-cpu-requirements` asks for a request, not a limit.",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let pod_limit = ctx
        .pod_field("resources")
        .and_then(|r| r.at(&["limits", "cpu"]))
        .is_some();
    if pod_limit {
        return;
    }
    for container in ctx.containers() {
        if container.at(&["resources", "limits", "cpu"]).is_some() {
            continue;
        }
        out.push(Finding::new(
            container.anchor(&["resources", "limits"]),
            container.field("resources.limits.cpu"),
            format!(
                "{} has no CPU limit, so it may use every idle core of its node and its run time depends on its neighbours",
                container.label()
            ),
        ));
    }
}
