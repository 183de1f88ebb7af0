//! `lint.dangerous-capabilities`: a container adding a Linux capability outside the Pod
//! Security Standards' baseline set (Polaris `dangerousCapabilities`, `insecureCapabilities`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

/// The capabilities the baseline Pod Security Standard lets a container add.
const BASELINE: [&str; 13] = [
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

pub(crate) static RULE: Rule = Rule {
    code: "lint.dangerous-capabilities",
    severity: Severity::Warning,
    summary: "A container adds a Linux capability outside the baseline Pod Security set (`SYS_ADMIN`, `NET_ADMIN`, `ALL`, …)",
    help: "drop the capability, or run the work that needs it somewhere it is allowed; if it is truly needed, document why and ignore this rule for the document",
    docs: RuleDocs {
        what_it_does: "Reports each capability in `securityContext.capabilities.add` that the Pod Security Standards' baseline level does not allow (`SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE`, `SYS_MODULE`, `NET_RAW`, `ALL`, …).",
        why_it_matters: "These capabilities hand a container large parts of root's power over the node: `SYS_ADMIN` alone allows mounts and most container escapes, `NET_ADMIN` reconfigures networking, `SYS_PTRACE` reads other processes' memory. Namespaces that enforce the baseline level reject the Job's pods outright, so the Job creates pods that are refused.",
        example: "securityContext:\n  capabilities:\n    add: [SYS_ADMIN]",
        use_instead: "securityContext:\n  capabilities:\n    drop: [ALL]",
        references: "Polaris `dangerousCapabilities`, `insecureCapabilities`; Pod Security Standards (baseline: Capabilities).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.is_windows() {
        return;
    }
    for container in ctx.containers() {
        let Some(added) = container.at(&["securityContext", "capabilities", "add"]) else {
            continue;
        };
        for (index, item) in added.items().iter().enumerate() {
            let Some(capability) = item.as_str() else {
                continue;
            };
            let name = capability.to_ascii_uppercase();
            let bare = name.strip_prefix("CAP_").unwrap_or(&name);
            if BASELINE.contains(&bare) {
                continue;
            }
            out.push(Finding::new(
                item.span,
                container.field(&format!("securityContext.capabilities.add[{index}]")),
                format!(
                    "{} adds the capability `{capability}`, which the baseline Pod Security Standard forbids",
                    container.label()
                ),
            ));
        }
    }
}
