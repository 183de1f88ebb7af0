//! `lint.privileged-container`: a privileged container, or a Windows host-process container
//! (kube-linter `privileged-container`, Polaris `runAsPrivileged`, `hostProcess`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.privileged-container",
    severity: Severity::Warning,
    summary: "A privileged or Windows host-process container",
    help: "remove `privileged: true` and add only the capabilities the container needs under `securityContext.capabilities.add`",
    docs: RuleDocs {
        what_it_does: "Reports `securityContext.privileged: true` on a container, and `windowsOptions.hostProcess: true` on a container or the pod.",
        why_it_matters: "A privileged container has every capability and sees all of the node's devices: escaping to the node is trivial, so whoever controls the image or its inputs controls the node. Windows host-process containers run directly on the host. Namespaces enforcing the Pod Security Standards' baseline level reject such pods, so the Job's pods fail to be created there.",
        example: "securityContext:\n  privileged: true",
        use_instead: "securityContext:\n  capabilities:\n    add: [NET_BIND_SERVICE]",
        references: "kube-linter `privileged-container`; Polaris `runAsPrivileged`, `hostProcess`; Pod Security Standards (baseline: Privileged Containers, HostProcess).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for container in ctx.containers() {
        if let Some(node) = container.at(&["securityContext", "privileged"])
            && node.as_bool() == Some(true)
        {
            out.push(Finding::new(
                node.span,
                container.field("securityContext.privileged"),
                format!(
                    "{} runs privileged (`privileged: true`): it has every capability and all the node's devices",
                    container.label()
                ),
            ));
        }
        if let Some(host) = container.at(&["securityContext", "windowsOptions", "hostProcess"])
            && host.as_bool() == Some(true)
        {
            out.push(Finding::new(
                host.span,
                container.field("securityContext.windowsOptions.hostProcess"),
                format!(
                    "{} runs as a Windows host process (`hostProcess: true`), directly on the node",
                    container.label()
                ),
            ));
        }
    }
    if let Some(host) = ctx
        .pod_field("securityContext")
        .and_then(|sc| sc.at(&["windowsOptions", "hostProcess"]))
        && host.as_bool() == Some(true)
    {
        out.push(Finding::new(
            host.span,
            format!("{}.securityContext.windowsOptions.hostProcess", ctx.pod_spec_path()),
            "the pod runs its containers as Windows host processes (`hostProcess: true`), directly on the node",
        ));
    }
}
