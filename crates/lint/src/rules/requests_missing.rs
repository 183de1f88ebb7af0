//! `lint.requests-missing`: a container without CPU or memory requests (kube-linter
//! `unset-cpu-requirements`, Polaris `cpuRequestsMissing`/`memoryRequestsMissing`, kube-score
//! `container-resources`). Init containers are held to it as the limit rules hold them.

use crate::context::{ContainerRef, Context};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.requests-missing",
    severity: Severity::Warning,
    summary: "A container without CPU or memory requests",
    help: "set `resources.requests.cpu` and `resources.requests.memory` to what one run needs: the scheduler reserves them, and under memory pressure the kubelet evicts pods that use more than they requested first",
    docs: RuleDocs {
        what_it_does: "Reports each container (init containers and sidecars included, as the limit rules do) with no `cpu` or no `memory` request. A limit counts as a request (a pod's missing requests default to its limits) and so do pod-level `resources`.",
        why_it_matters: "Without requests the scheduler treats the pod as needing nothing and may pack it onto a full node, where it is starved of CPU and is among the first evicted under memory pressure (BestEffort or Burstable QoS). A Job then fails or retries for reasons that have nothing to do with its code, and `parallelism` pods can all land on one node. An init container counts too: the scheduler reserves the larger of the biggest init container's request and the sum of the others', so an init container that unpacks or downloads more than the main containers need runs on memory and CPU nobody reserved. (A LimitRange in the namespace may fill in defaults; the manifest alone does not show them.)",
        example: "containers:\n- name: worker\n  image: worker:1.4",
        use_instead: "containers:\n- name: worker\n  image: worker:1.4\n  resources:\n    requests: {cpu: 500m, memory: 512Mi}\n    limits: {memory: 512Mi}",
        references: "kube-linter `unset-cpu-requirements` (its `unset-memory-requirements` is about the limit); Polaris `cpuRequestsMissing`, `memoryRequestsMissing` (init containers exempt); kube-score `container-resources` (init containers included); Datree `CONTAINERS_MISSING_CPU_REQUEST_KEY`, `CONTAINERS_MISSING_MEMORY_REQUEST_KEY`. Kubernetes: k8s.io/component-helpers/resource (`PodRequests`: the larger of the init containers' and the others' requests); pkg/apis/core/v1/defaults.go (`SetDefaults_Pod` copies limits into missing requests).",
    },
    check,
};

/// Whether the container, or the pod as a whole, sets `resource` as a request or a limit.
pub(crate) fn has_request(ctx: &Context<'_>, container: &ContainerRef<'_>, resource: &str) -> bool {
    ["requests", "limits"].iter().any(|list| {
        container.at(&["resources", list, resource]).is_some()
            || ctx
                .pod_field("resources")
                .and_then(|r| r.at(&[list, resource]))
                .is_some()
    })
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for container in ctx.containers() {
        let missing: Vec<&str> = ["cpu", "memory"]
            .into_iter()
            .filter(|resource| !has_request(ctx, container, resource))
            .collect();
        let what = match missing.as_slice() {
            [] => continue,
            [one] => format!("has no `{one}` request"),
            _ => "requests neither `cpu` nor `memory`".to_owned(),
        };
        out.push(Finding::new(
            container.anchor(&["resources", "requests"]),
            container.field("resources.requests"),
            format!(
                "{} {what}, so the scheduler places it as if it needed none",
                container.label()
            ),
        ));
    }
}
