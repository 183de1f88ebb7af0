//! `lint.host-port`: a container port bound on the node (Polaris `hostPortSet`), which for a
//! parallel Job allows one pod per node.

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.host-port",
    severity: Severity::Warning,
    summary: "A container port bound on the node with `hostPort`",
    help: "remove `hostPort`; reach the pods through a Service (a headless Service for Indexed Jobs) instead",
    docs: RuleDocs {
        what_it_does: "Reports each container port with a `hostPort`.",
        why_it_matters: "A host port is exclusive per node: only one pod using it fits on a node. A Job with `parallelism` above 1 then runs at most one pod per node and the rest stay `Pending`, and a retry can wait for a node whose port is free. The port is also reachable from outside the cluster's network policies. The baseline Pod Security Standard forbids host ports.",
        example: "ports:\n- {containerPort: 8080, hostPort: 8080}",
        use_instead: "ports:\n- {containerPort: 8080}",
        references: "Polaris `hostPortSet`; Pod Security Standards (baseline: Host Ports).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let parallelism = ctx
        .job_field("parallelism")
        .and_then(Node::as_i64)
        .unwrap_or(1);
    for container in ctx.containers() {
        for (index, port) in container.ports() {
            let Some(host_port) = port.get("hostPort") else {
                continue;
            };
            let Some(number) = host_port.as_i64().filter(|p| *p > 0) else {
                continue;
            };
            let consequence = if parallelism > 1 {
                format!(
                    "only one of the `parallelism: {parallelism}` pods fits on each node and the others wait `Pending`"
                )
            } else {
                "the pod only fits on nodes where that port is free".to_owned()
            };
            out.push(Finding::new(
                host_port.span,
                container.field(&format!("ports[{index}].hostPort")),
                format!(
                    "{} binds `hostPort: {number}` on the node: {consequence}",
                    container.label()
                ),
            ));
        }
    }
}
