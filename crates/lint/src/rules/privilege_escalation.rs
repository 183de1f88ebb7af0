//! `lint.privilege-escalation-allowed`: a container that does not set
//! `allowPrivilegeEscalation: false` (kube-linter `privilege-escalation-container`, Polaris
//! `privilegeEscalationAllowed`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.privilege-escalation-allowed",
    severity: Severity::Info,
    summary: "A container that does not set `allowPrivilegeEscalation: false`",
    help: "set `securityContext.allowPrivilegeEscalation: false` on the container",
    docs: RuleDocs {
        what_it_does: "Reports each Linux container whose `securityContext.allowPrivilegeEscalation` is not `false` (privileged containers are reported by `lint.privileged-container` instead).",
        why_it_matters: "Unless it is `false`, the container runs without the kernel's `no_new_privs` flag, so a setuid binary in the image (`sudo`, `su`, `ping` on older images) can give a compromised process more privileges than it started with. Batch images often carry whole distributions, setuid binaries included. The Pod Security Standards' restricted level requires `false`.",
        example: "containers:\n- name: worker\n  securityContext: {}",
        use_instead: "containers:\n- name: worker\n  securityContext:\n    allowPrivilegeEscalation: false",
        references: "kube-linter `privilege-escalation-container`; Polaris `privilegeEscalationAllowed`; Pod Security Standards (restricted: Privilege Escalation).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for container in ctx.linux_containers() {
        if container.security_flag("privileged") == Some(true) {
            continue;
        }
        let message = match container.security_flag("allowPrivilegeEscalation") {
            Some(false) => continue,
            Some(true) => format!(
                "{} sets `allowPrivilegeEscalation: true`, so setuid binaries can give it more privileges than it started with",
                container.label()
            ),
            None => format!(
                "{} does not set `allowPrivilegeEscalation: false`, so setuid binaries in the image can give it more privileges than it started with",
                container.label()
            ),
        };
        out.push(Finding::new(
            container.anchor(&["securityContext", "allowPrivilegeEscalation"]),
            container.field("securityContext.allowPrivilegeEscalation"),
            message,
        ));
    }
}
