//! `lint.probe-port-unknown`: a probe naming a port the container does not declare (kube-linter's
//! `liveness-port`, `readiness-port`, `startup-port`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::{IntOrString, Node};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.probe-port-unknown",
    severity: Severity::Warning,
    summary: "A probe names a port the container does not declare, so it always fails",
    help: "declare the port under the container's `ports` with that `name`, or give the probe the port number",
    docs: RuleDocs {
        what_it_does: "Reports an `httpGet` or `tcpSocket` probe whose `port` is a name that none of the container's `ports` carries.",
        why_it_matters: "The kubelet resolves a named probe port against the container's declared ports; when the name is missing the probe errors every time. A liveness or startup probe then kills the container over and over, which for a Job means failed pods or restarts until `backoffLimit` fails the Job; a readiness probe keeps the pod unready forever.",
        example: "containers:\n- name: worker\n  ports: [{containerPort: 8080}]\n  livenessProbe:\n    httpGet: {path: /healthz, port: http}",
        use_instead: "containers:\n- name: worker\n  ports: [{name: http, containerPort: 8080}]\n  livenessProbe:\n    httpGet: {path: /healthz, port: http}",
        references: "kube-linter `liveness-port`, `readiness-port`, `startup-port` (only named ports here: a numeric port needs no declaration). Kubernetes: pkg/kubelet/prober (`findPortByName` errors on an unknown name).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for container in ctx.containers() {
        let declared: Vec<&str> = container
            .node
            .get("ports")
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .filter_map(|port| port.get("name").and_then(Node::as_str))
            .collect();
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
            for action in ["httpGet", "tcpSocket"] {
                let Some(port) = container.at(&[probe, action, "port"]) else {
                    continue;
                };
                let Some(IntOrString::Str(name)) = port.as_int_or_string() else {
                    continue;
                };
                if name.is_empty() || declared.contains(&name.as_str()) {
                    continue;
                }
                out.push(Finding::new(
                    port.span,
                    container.field(&format!("{probe}.{action}.port")),
                    format!(
                        "the `{probe}` of {} uses port `{name}`, which the container does not declare, so the probe fails every time",
                        container.label()
                    ),
                ));
            }
        }
    }
}
