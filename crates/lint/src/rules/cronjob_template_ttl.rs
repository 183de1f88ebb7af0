//! `lint.cronjob-template-ttl`: a `ttlSecondsAfterFinished` inside a CronJob's job template,
//! which deletes Jobs behind the history limits' back.

use crate::context::{Context, Kind, duration_text, written};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.cronjob-template-ttl",
    severity: Severity::Warning,
    summary: "A TTL in a CronJob's job template fights the CronJob's history limits",
    help: "remove `ttlSecondsAfterFinished` from the job template and size `successfulJobsHistoryLimit` and `failedJobsHistoryLimit` instead",
    docs: RuleDocs {
        what_it_does: "Reports `spec.jobTemplate.spec.ttlSecondsAfterFinished` on a CronJob.",
        why_it_matters: "The TTL-after-finished controller deletes every finished Job that has a TTL, whoever owns it. The CronJob's `successfulJobsHistoryLimit` and `failedJobsHistoryLimit` then no longer decide what is kept: once the TTL runs out, a failed run is gone with its pods and logs, even if it is the only failure on record.",
        example: "kind: CronJob\nspec:\n  failedJobsHistoryLimit: 3\n  jobTemplate:\n    spec:\n      ttlSecondsAfterFinished: 600",
        use_instead: "kind: CronJob\nspec:\n  successfulJobsHistoryLimit: 3\n  failedJobsHistoryLimit: 3\n  jobTemplate:\n    spec: {...}   # no TTL: the history limits prune",
        references: "kube-linter `job-ttl-seconds-after-finished` (its CronJob half). Kubernetes: pkg/controller/ttlafterfinished/ttlafterfinished_controller.go (`needsCleanup` ignores owners); pkg/controller/cronjob/cronjob_controllerv2.go (`cleanupFinishedJobs`).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.kind != Kind::CronJob {
        return;
    }
    let Some(ttl) = written(ctx.job_field("ttlSecondsAfterFinished")) else {
        return;
    };
    let Some(seconds) = ttl.as_i64() else {
        return;
    };
    let limit = |key: &str, default: i64| {
        ctx.cron_spec()
            .and_then(|spec| spec.get(key))
            .and_then(Node::as_i64)
            .unwrap_or(default)
    };
    out.push(Finding::new(
        ttl.span,
        "spec.jobTemplate.spec.ttlSecondsAfterFinished",
        format!(
            "`ttlSecondsAfterFinished: {seconds}` deletes each Job {} after it finishes, so `successfulJobsHistoryLimit: {}` and `failedJobsHistoryLimit: {}` no longer decide what is kept and failed runs vanish with their logs",
            duration_text(seconds),
            limit("successfulJobsHistoryLimit", 3),
            limit("failedJobsHistoryLimit", 1)
        ),
    ));
}
