//! `lint.schedule-never-fires`: a schedule the apiserver accepts but that matches no time
//! within robfig/cron's five-year horizon (or on which its search never ends).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.schedule-never-fires",
    severity: Severity::Warning,
    summary: "A schedule that parses but never fires",
    help: "check the day-of-month and month fields: dates such as February 30 or April 31 never exist",
    docs: RuleDocs {
        what_it_does: "Asks the cron engine for the next run after now and reports a schedule for which robfig/cron finds nothing within five years (or whose search does not end in that zone).",
        why_it_matters: "The apiserver only parses the schedule, so `0 0 30 2 *` (February 30) is accepted. The controller then never creates a Job and only logs an `InvalidSchedule` warning event (\"time difference between two schedules is less than 1 second\") on the CronJob.",
        example: "spec:\n  schedule: \"0 0 30 2 *\"",
        use_instead: "spec:\n  schedule: \"0 0 28 2 *\"   # or \"0 0 1 3 *\"",
        references: "robfig/cron v3 `SpecSchedule.Next` (gives up after five years, returns the zero time); Kubernetes: pkg/controller/cronjob/utils.go (`mostRecentScheduleTime` errors when two runs are under a second apart); openchoreo#2954.",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(facts) = ctx.schedule() else { return };
    let message = if facts.has_warning("cron-never-fires") {
        format!(
            "{} never fires: no time matches it within five years (robfig/cron's horizon), so the CronJob never creates a Job",
            facts.label()
        )
    } else if facts.has_warning("cron-runaway") {
        format!(
            "{}: robfig/cron's search for the next run does not end in {}, so kube-controller-manager would hang on this CronJob",
            facts.label(),
            facts.zone.name()
        )
    } else {
        return;
    };
    out.push(Finding::new(facts.span, "spec.schedule", message));
}
