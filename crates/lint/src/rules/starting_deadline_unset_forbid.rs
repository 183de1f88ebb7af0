//! `lint.starting-deadline-unset-forbid`: `concurrencyPolicy: Forbid` without
//! `startingDeadlineSeconds`, so a run skipped for an overrun starts late, whenever the
//! previous one ends.

use crate::context::{Context, written};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.starting-deadline-unset-forbid",
    severity: Severity::Info,
    summary: "With `concurrencyPolicy: Forbid` and no `startingDeadlineSeconds`, skipped runs start late",
    help: "set `startingDeadlineSeconds` to how late a run may still usefully start (for example `600`); later ones are skipped instead",
    docs: RuleDocs {
        what_it_does: "Reports a CronJob with `concurrencyPolicy: Forbid` and no `spec.startingDeadlineSeconds`.",
        why_it_matters: "`Forbid` does not drop a run that finds the previous one still active: the scheduled time stays unhandled, and when the long run finishes the controller is woken by it and starts a Job for the most recent missed time right away, at whatever hour that is. The same happens after the CronJob is resumed or kube-controller-manager was down. Without a deadline nothing limits how late that run may be.",
        example: "spec:\n  schedule: \"0 3 * * *\"\n  concurrencyPolicy: Forbid",
        use_instead: "spec:\n  schedule: \"0 3 * * *\"\n  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 600",
        references: "kube-score `cronjob-has-deadline` and Datree `CRONJOB_MISSING_STARTINGDEADLINESECOND_KEY` ask for `startingDeadlineSeconds` on every CronJob; without it a late run is never skipped for lateness, which only matters here, where a long run makes the next ones late. Kubernetes: pkg/controller/cronjob/cronjob_controllerv2.go (`syncCronJob`: `JobAlreadyActive` returns without recording the time; a Job's completion requeues the CronJob), utils.go (`mostRecentScheduleTime`).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(spec) = ctx.cron_spec() else { return };
    if ctx.concurrency_policy() != "Forbid" || spec.get("startingDeadlineSeconds").is_some() {
        return;
    }
    let Some(policy) = written(spec.get("concurrencyPolicy")) else {
        return;
    };
    out.push(Finding::new(
        policy.span,
        "spec.startingDeadlineSeconds",
        "with `concurrencyPolicy: Forbid` and no `startingDeadlineSeconds`, a run skipped because the previous one was still active starts as soon as that one ends, however late that is",
    ));
}
