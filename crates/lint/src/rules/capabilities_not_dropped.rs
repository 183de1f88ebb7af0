//! `lint.capabilities-not-dropped`: a container keeping the runtime's default capabilities
//! (kube-linter `drop-net-raw-capability`, Polaris `insecureCapabilities`/`linuxHardening`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.capabilities-not-dropped",
    severity: Severity::Info,
    summary: "A container that does not drop `ALL` capabilities",
    help: "set `securityContext.capabilities.drop: [ALL]` and add back only what the program needs",
    docs: RuleDocs {
        what_it_does: "Reports each Linux container whose `securityContext.capabilities.drop` does not include `ALL`.",
        why_it_matters: "Container runtimes grant a default set of capabilities, `NET_RAW` (raw sockets: spoofed packets, ARP tricks) and `CHOWN`/`DAC_OVERRIDE`/`SETUID` among them. A batch program almost never needs any of them, and each one widens what a compromised process can do. The Pod Security Standards' restricted level requires dropping `ALL`.",
        example: "securityContext:\n  allowPrivilegeEscalation: false",
        use_instead: "securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]",
        references: "kube-linter `drop-net-raw-capability` (asks only for `NET_RAW` to be dropped; `ALL` satisfies it); Polaris `insecureCapabilities`, `linuxHardening`; Pod Security Standards (restricted: Capabilities).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.is_windows() {
        return;
    }
    for container in ctx.containers() {
        let dropped: Vec<String> = container
            .at(&["securityContext", "capabilities", "drop"])
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .filter_map(Node::as_str)
            .map(str::to_ascii_uppercase)
            .collect();
        if dropped.iter().any(|c| c == "ALL") {
            continue;
        }
        let keeps = if dropped.iter().any(|c| c == "NET_RAW" || c == "CAP_NET_RAW") {
            "the runtime's other default capabilities"
        } else {
            "the runtime's default capabilities, `NET_RAW` among them"
        };
        out.push(Finding::new(
            container.anchor(&["securityContext", "capabilities", "drop"]),
            container.field("securityContext.capabilities.drop"),
            format!("{} keeps {keeps} (no `drop: [ALL]`)", container.label()),
        ));
    }
}
