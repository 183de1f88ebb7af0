//! `lint.job-ttl-missing`: a standalone Job without `ttlSecondsAfterFinished`.

use crate::context::{Context, Kind};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.job-ttl-missing",
    severity: Severity::Warning,
    summary: "A Job without `ttlSecondsAfterFinished` stays in the cluster after it finishes",
    help: "set `spec.ttlSecondsAfterFinished` (for example `86400` to keep it a day for inspection); the TTL-after-finished controller then deletes the Job and its pods",
    docs: RuleDocs {
        what_it_does: "Reports a Job that sets no `spec.ttlSecondsAfterFinished`. Jobs created by a CronJob are left alone: the CronJob's history limits prune those.",
        why_it_matters: "Nothing deletes a finished Job by itself. It and its finished pods stay until someone deletes them, piling up in `kubectl get jobs`, in etcd and against `count/jobs.batch` quotas.",
        example: "kind: Job\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [...]",
        use_instead: "kind: Job\nspec:\n  ttlSecondsAfterFinished: 86400   # kept a day for inspection\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [...]",
        references: "kube-linter `job-ttl-seconds-after-finished`. Kubernetes: pkg/controller/ttlafterfinished/ttlafterfinished_controller.go (`needsCleanup`: only Jobs with the field set are ever deleted).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.kind != Kind::Job || ctx.job_field("ttlSecondsAfterFinished").is_some() {
        return;
    }
    out.push(Finding::new(
        ctx.job_anchor(&["ttlSecondsAfterFinished"]),
        "spec.ttlSecondsAfterFinished",
        format!(
            "{} has no `ttlSecondsAfterFinished`, so it and its pods stay in the cluster after it finishes until someone deletes them",
            ctx.subject()
        ),
    ));
}
