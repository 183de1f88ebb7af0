//! `lint.run-as-root`: a container that may run as root (kube-linter `run-as-non-root`, Polaris
//! `runAsRootAllowed`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.run-as-root",
    severity: Severity::Info,
    summary: "A container that may run as root",
    help: "set `runAsNonRoot: true` and a non-zero `runAsUser` in the pod's or the container's `securityContext`",
    docs: RuleDocs {
        what_it_does: "Reports each Linux container whose effective `runAsNonRoot` (its own, else the pod's) is not `true` and whose effective `runAsUser` is not above 0, so the image's `USER` decides, and root is the default of most images.",
        why_it_matters: "A process running as root inside the container is root on every file it can reach: mounted volumes and host paths, and the node itself after any container escape. Batch containers often mount shared data, where a root process can overwrite anything. With `runAsNonRoot: true` the kubelet refuses to start a container whose user is root instead of running it.",
        example: "securityContext: {}",
        use_instead: "securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001",
        references: "kube-linter `run-as-non-root`; Polaris `runAsRootAllowed`; Pod Security Standards (restricted: Running as Non-root).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.is_windows() {
        return;
    }
    for container in ctx.containers() {
        let non_root = ctx
            .security_setting(container, "runAsNonRoot")
            .and_then(Node::as_bool);
        let user_node = ctx.security_setting(container, "runAsUser");
        let user = user_node.and_then(Node::as_i64);
        let message = match (non_root, user) {
            (Some(true), Some(0)) => format!(
                "{} sets `runAsUser: 0` with `runAsNonRoot: true`, so the kubelet refuses to start it",
                container.label()
            ),
            (_, Some(0)) => format!("{} runs as root (`runAsUser: 0`)", container.label()),
            (Some(true), _) | (_, Some(1..)) => continue,
            _ => format!(
                "{} may run as root: neither `runAsNonRoot: true` nor a non-zero `runAsUser` is set, so the image decides",
                container.label()
            ),
        };
        let (span, field) = match user_node {
            Some(node) if user == Some(0) => {
                let own = container.at(&["securityContext", "runAsUser"]).is_some();
                let field = if own {
                    container.field("securityContext.runAsUser")
                } else {
                    format!("{}.securityContext.runAsUser", ctx.pod_spec_path())
                };
                (node.span, field)
            }
            _ => (
                container.anchor(&["securityContext", "runAsNonRoot"]),
                container.field("securityContext.runAsNonRoot"),
            ),
        };
        out.push(Finding::new(span, field, message));
    }
}
