//! `lint.unsafe-sysctls`: a pod sysctl outside the kubelet's safe set (kube-linter
//! `unsafe-sysctls`), which the kubelet refuses unless the node allows it.

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

/// The kubelet's safe sysctls (pkg/kubelet/sysctl/safe_sysctls.go).
const SAFE: [&str; 12] = [
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
    "net.ipv4.tcp_rmem",
    "net.ipv4.tcp_wmem",
];

pub(crate) static RULE: Rule = Rule {
    code: "lint.unsafe-sysctls",
    severity: Severity::Warning,
    summary: "A pod sysctl outside the kubelet's safe set",
    help: "drop the sysctl, or make sure every node the Job can land on allows it (`--allowed-unsafe-sysctls`) and steer the pods there",
    docs: RuleDocs {
        what_it_does: "Reports each `securityContext.sysctls` entry of the pod whose name is not one of the kubelet's safe sysctls.",
        why_it_matters: "The kubelet admits a pod with an unsafe sysctl only if the node was started with it in `--allowed-unsafe-sysctls`; otherwise the pod is rejected with `SysctlForbidden` and ends `Failed`. For a Job that is a counted failure, and the controller keeps creating replacements until `backoffLimit` gives up. Unsafe sysctls also affect other pods on the node.",
        example: "securityContext:\n  sysctls:\n  - {name: net.core.somaxconn, value: \"1024\"}",
        use_instead: "securityContext:\n  sysctls:\n  - {name: net.ipv4.ip_local_port_range, value: \"1024 65000\"}",
        references: "kube-linter `unsafe-sysctls`. Kubernetes: pkg/kubelet/sysctl/safe_sysctls.go (the safe list), the kubelet's sysctl admission handler (`SysctlForbidden`); Pod Security Standards (baseline: Sysctls).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(sysctls) = ctx
        .pod_field("securityContext")
        .and_then(|sc| sc.get("sysctls"))
    else {
        return;
    };
    for (index, sysctl) in sysctls.items().iter().enumerate() {
        let Some(name_node) = sysctl.get("name") else {
            continue;
        };
        let Some(name) = name_node.as_str() else {
            continue;
        };
        // Sysctl names may be written with slashes instead of dots.
        let dotted = name.replace('/', ".");
        if SAFE.contains(&dotted.as_str()) {
            continue;
        }
        out.push(Finding::new(
            name_node.span,
            format!("{}.securityContext.sysctls[{index}].name", ctx.pod_spec_path()),
            format!("sysctl `{name}` is not in the kubelet's safe set: on nodes that do not allow it the pods are rejected (`SysctlForbidden`) and count as failures"),
        ));
    }
}
