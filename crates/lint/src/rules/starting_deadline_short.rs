//! `lint.starting-deadline-too-short`: a `startingDeadlineSeconds` of a few seconds, which
//! turns any delay of the controller into a silently skipped run.

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

/// Deadlines under this many seconds are reported.
const MINIMUM: i64 = 10;

pub(crate) static RULE: Rule = Rule {
    code: "lint.starting-deadline-too-short",
    severity: Severity::Warning,
    summary: "A `startingDeadlineSeconds` under 10 s skips runs whenever the controller is briefly late",
    help: "allow a few minutes (for example `startingDeadlineSeconds: 300`) unless a run that starts late is truly worthless",
    docs: RuleDocs {
        what_it_does: "Reports a CronJob `startingDeadlineSeconds` from 1 to 9 (0 has its own rule).",
        why_it_matters: "The CronJob controller (v2, since Kubernetes 1.21) wakes up 100 ms after each scheduled time, so a deadline of a few seconds works while everything is healthy. But when kube-controller-manager restarts or fails over (its leader lease lasts 15 s by default), or its queue is busy, the run becomes due later than the deadline and is skipped silently: the `MissSchedule` event is practically never emitted, because missed times outside the deadline are never even considered. The often-quoted \"at least 10 s\" comes from the old controller, which polled every 10 s; the reason to keep a margin is now the controller's own outages.",
        example: "spec:\n  schedule: \"0 * * * *\"\n  startingDeadlineSeconds: 5",
        use_instead: "spec:\n  schedule: \"0 * * * *\"\n  startingDeadlineSeconds: 300",
        references: "Datree `CRONJOB_MISSING_STARTINGDEADLINESECOND_KEY` (asks for the key, not a value). Kubernetes: pkg/controller/cronjob/utils.go (`mostRecentScheduleTime` moves the earliest time to `now - startingDeadlineSeconds`), cronjob_controllerv2.go (`nextScheduleTimeDuration`: next time + 100 ms; the `tooLate`/`MissSchedule` branch is effectively unreachable).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some((node, seconds)) = ctx.written_cron_number("startingDeadlineSeconds") else {
        return;
    };
    if !(1..MINIMUM).contains(&seconds) {
        return;
    }
    out.push(Finding::new(
        node.span,
        "spec.startingDeadlineSeconds",
        format!(
            "`startingDeadlineSeconds: {seconds}` gives the controller {seconds} s to start each run: whenever kube-controller-manager is restarting, failing over or busy for longer, the run is skipped without an event"
        ),
    ));
}
