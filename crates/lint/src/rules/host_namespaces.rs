//! `lint.host-namespaces`: a pod sharing the node's network, PID or IPC namespace (kube-linter
//! `host-network`, `host-pid`, `host-ipc`; Polaris `hostNetworkSet`, `hostPIDSet`, `hostIPCSet`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.host-namespaces",
    severity: Severity::Warning,
    summary: "A pod that shares the node's network, PID or IPC namespace",
    help: "remove the field; a batch program that needs node-level access is better run as a DaemonSet or by the node's own tooling",
    docs: RuleDocs {
        what_it_does: "Reports `hostNetwork: true`, `hostPID: true` and `hostIPC: true` on the pod template.",
        why_it_matters: "`hostNetwork` puts the pod on the node's network stack (it can reach node-local services and listen on node ports, and two pods of a parallel Job using the same port cannot share a node); `hostPID` lets it see and signal every process on the node; `hostIPC` lets it read other workloads' shared memory. Namespaces enforcing the baseline Pod Security Standard reject such pods.",
        example: "spec:\n  hostNetwork: true",
        use_instead: "spec:\n  # hostNetwork, hostPID and hostIPC left at false",
        references: "kube-linter `host-network`, `host-pid`, `host-ipc`; Polaris `hostNetworkSet`, `hostPIDSet`, `hostIPCSet`; Pod Security Standards (baseline: Host Namespaces).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (field, what) in [
        ("hostNetwork", "the node's network stack"),
        (
            "hostPID",
            "the node's process namespace (it sees and can signal every process)",
        ),
        (
            "hostIPC",
            "the node's IPC namespace (other workloads' shared memory)",
        ),
    ] {
        let Some(node) = ctx.pod_field(field) else {
            continue;
        };
        if node.as_bool() != Some(true) {
            continue;
        }
        out.push(Finding::new(
            node.span,
            format!("{}.{field}", ctx.pod_spec_path()),
            format!("`{field}: true` puts the pod in {what}"),
        ));
    }
}
