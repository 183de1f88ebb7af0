//! `lint.proc-mount-unmasked`: a container with an unmasked `/proc` (kube-linter
//! `unsafe-proc-mount`, Polaris `procMount`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.proc-mount-unmasked",
    severity: Severity::Info,
    summary: "A container with `procMount: Unmasked`",
    help: "remove `procMount: Unmasked` unless the container runs a nested container runtime that needs it",
    docs: RuleDocs {
        what_it_does: "Reports `securityContext.procMount: Unmasked` on a container. (The apiserver already requires `hostUsers: false` for it.)",
        why_it_matters: "The runtime normally masks and makes read-only the parts of `/proc` that expose the host kernel (`/proc/kcore`, `/proc/sysrq-trigger`, …). Unmasked, a process can read kernel memory layout and trigger host-wide actions; the user namespace limits this but does not remove it. The baseline Pod Security Standard forbids it.",
        example: "securityContext:\n  procMount: Unmasked",
        use_instead: "securityContext: {}   # procMount: Default",
        references: "kube-linter `unsafe-proc-mount`; Polaris `procMount`; Pod Security Standards (baseline: /proc Mount Type).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for container in ctx.containers() {
        let Some(node) = container.at(&["securityContext", "procMount"]) else {
            continue;
        };
        if node.as_str() != Some("Unmasked") {
            continue;
        }
        out.push(Finding::new(
            node.span,
            container.field("securityContext.procMount"),
            format!(
                "{} mounts `/proc` unmasked (`procMount: Unmasked`), exposing the host kernel's interfaces",
                container.label()
            ),
        ));
    }
}
