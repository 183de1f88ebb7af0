//! `lint.seccomp-unconfined`: a container without a seccomp profile, or with `Unconfined`
//! (Polaris `linuxHardening`, Datree's seccomp rule).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.seccomp-unconfined",
    severity: Severity::Info,
    summary: "A container without a seccomp profile (or with `Unconfined`)",
    help: "set `securityContext.seccompProfile: {type: RuntimeDefault}` on the pod",
    docs: RuleDocs {
        what_it_does: "Reports each Linux container whose effective `seccompProfile` (its own, else the pod's) is missing or `Unconfined`.",
        why_it_matters: "Without a profile the kubelet runs containers `Unconfined` unless it was started with `--seccomp-default`, which is off by default: every system call of the kernel is reachable, including the rarely used ones most kernel exploits go through. `RuntimeDefault` blocks those and costs a batch program nothing. The Pod Security Standards' restricted level requires it.",
        example: "spec:\n  securityContext:\n    runAsNonRoot: true",
        use_instead: "spec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}",
        references: "Polaris `linuxHardening`; kube-score `container-seccomp-profile` (optional); Datree `CONTAINERS_INCORRECT_SECCOMP_PROFILE` (off by default); Pod Security Standards (baseline forbids `Unconfined`, restricted requires a profile).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.is_windows() {
        return;
    }
    for container in ctx.containers() {
        let profile = ctx.security_setting(container, "seccompProfile");
        let kind = profile.and_then(|p| p.get("type")).and_then(Node::as_str);
        let message = match kind {
            Some("Unconfined") => format!(
                "{} runs with `seccompProfile: Unconfined`: every system call of the kernel is reachable",
                container.label()
            ),
            Some(_) => continue,
            None => format!(
                "{} has no seccomp profile, so it runs `Unconfined` unless the kubelet's `--seccomp-default` is on",
                container.label()
            ),
        };
        let span = match profile.and_then(|p| p.get("type")) {
            Some(node) => node.span,
            None => container.anchor(&["securityContext", "seccompProfile"]),
        };
        out.push(Finding::new(
            span,
            container.field("securityContext.seccompProfile"),
            message,
        ));
    }
}
