//! `lint.job-probes`: probes on a Job's containers, noted (never demanded): what each probe
//! does to a run-to-completion pod.

use crate::context::{Context, label_span};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.job-probes",
    severity: Severity::Info,
    summary: "A probe on a Job's container: what it does to a run-to-completion pod",
    help: "keep the probe only if you want its effect on a run-to-completion pod; Jobs need no probes",
    docs: RuleDocs {
        what_it_does: "Notes liveness, readiness and startup probes on a Job's containers (sidecars, which are long-running helpers, are left alone). It never asks for probes: Datree's default `CONTAINERS_MISSING_LIVENESSPROBE_KEY` and `CONTAINERS_MISSING_READINESSPROBE_KEY` and kube-linter's opt-in `no-liveness-probe` and `no-readiness-probe` demand them on Jobs too, which is a false positive for run-to-completion pods.",
        why_it_matters: "A Job's pod runs until its work is done, and probes were designed for servers. A failing liveness probe kills the container: with `restartPolicy: Never` the pod fails and counts against `backoffLimit`; with `OnFailure` it restarts and counts as a restart. A readiness probe only feeds the Job's `status.ready` count unless a Service selects the pods. A probe copied from a Deployment (an HTTP check on a port the batch process never opens) makes every run fail.",
        example: "containers:\n- name: worker\n  livenessProbe:\n    httpGet: {path: /healthz, port: 8080}",
        use_instead: "spec:\n  activeDeadlineSeconds: 3600   # bounds a stuck run instead of a probe\n  template:\n    spec:\n      containers:\n      - name: worker",
        references: "Polaris exempts Job and CronJob from `livenessProbeMissing` and `readinessProbeMissing` since 0.5.0 (FairwindsOps/polaris#209, #216, 2019); kube-score exempts them from `pod-probes` since v0.7.0 (CronJob, zegl/kube-score#108, #110) and v0.7.1 (Job, #129), 2019. Datree's probe rules (on by default) and kube-linter's `no-liveness-probe`/`no-readiness-probe` (off by default) still apply to Jobs. Kubernetes: pkg/controller/job/job_controller.go (`pastBackoffLimitOnFailure` counts restarts; failed pods count against `backoffLimit`).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for container in ctx.containers() {
        if container.is_sidecar() {
            continue;
        }
        for (probe, effect) in [
            (
                "livenessProbe",
                "when it fails the kubelet kills the container, which fails the pod (`restartPolicy: Never`) or counts as a restart toward `backoffLimit` (`OnFailure`)",
            ),
            (
                "readinessProbe",
                "it only changes the Job's `status.ready` count unless a Service sends traffic to the pods",
            ),
            (
                "startupProbe",
                "when it fails the kubelet kills the container, which fails the pod (`restartPolicy: Never`) or counts as a restart toward `backoffLimit` (`OnFailure`)",
            ),
        ] {
            let Some(node) = container.node.get(probe) else {
                continue;
            };
            out.push(Finding::new(
                label_span(node),
                container.field(probe),
                format!("{} of a Job has a `{probe}`: {effect}", container.label()),
            ));
        }
    }
}
