//! `lint.writable-root-filesystem`: a container whose root filesystem is writable (kube-linter
//! `no-read-only-root-fs`, Polaris `notReadOnlyRootFilesystem`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.writable-root-filesystem",
    severity: Severity::Info,
    summary: "A container whose root filesystem is writable",
    help: "set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the program writes scratch files (`/tmp`)",
    docs: RuleDocs {
        what_it_does: "Reports each Linux container that does not set `securityContext.readOnlyRootFilesystem: true`.",
        why_it_matters: "A writable image filesystem lets a compromised process replace binaries and plant files for later, and lets a batch program write large scratch output into the container layer, which is lost on retry and counts against the node's ephemeral storage (evicting the pod when it runs out). A read-only root with an `emptyDir` for scratch space makes both visible.",
        example: "securityContext:\n  runAsNonRoot: true",
        use_instead: "securityContext:\n  runAsNonRoot: true\n  readOnlyRootFilesystem: true\nvolumeMounts:\n- {name: scratch, mountPath: /tmp}",
        references: "kube-linter `no-read-only-root-fs`; Polaris `notReadOnlyRootFilesystem`.",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for container in ctx.linux_containers() {
        if container.security_flag("readOnlyRootFilesystem") == Some(true) {
            continue;
        }
        out.push(Finding::new(
            container.anchor(&["securityContext", "readOnlyRootFilesystem"]),
            container.field("securityContext.readOnlyRootFilesystem"),
            format!(
                "{} has a writable root filesystem (no `readOnlyRootFilesystem: true`)",
                container.label()
            ),
        ));
    }
}
