//! `lint.ssh-port`: a container exposing port 22 (kube-linter `ssh-port`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.ssh-port",
    severity: Severity::Info,
    summary: "A container exposes the SSH port 22",
    help: "use `kubectl exec` or `kubectl debug` to get into a pod; for MPI-style Jobs that need SSH between pods, ignore this rule for the document",
    docs: RuleDocs {
        what_it_does: "Reports each container port with `containerPort: 22`.",
        why_it_matters: "An SSH server in a container is another way in, with its own keys and passwords to manage, and usually a sign that the image is a whole machine rather than one program. MPI launchers are the legitimate exception.",
        example: "ports:\n- {name: ssh, containerPort: 22}",
        use_instead: "# no SSH port; use kubectl exec / kubectl debug",
        references: "kube-linter `ssh-port`.",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for container in ctx.containers() {
        for (index, port) in container.ports() {
            let Some(number) = port.get("containerPort") else {
                continue;
            };
            if number.as_i64() != Some(22) {
                continue;
            }
            out.push(Finding::new(
                number.span,
                container.field(&format!("ports[{index}].containerPort")),
                format!("{} exposes port 22 (SSH)", container.label()),
            ));
        }
    }
}
