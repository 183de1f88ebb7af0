//! `lint.time-zone-missing`: a CronJob without `timeZone`, whose schedule then runs in
//! kube-controller-manager's zone.

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.time-zone-missing",
    severity: Severity::Warning,
    summary: "A CronJob without `timeZone` runs in kube-controller-manager's time zone",
    help: "set `spec.timeZone` to the IANA zone the times are meant in (`Europe/Berlin`), or `Etc/UTC` to say UTC explicitly",
    docs: RuleDocs {
        what_it_does: "Reports a CronJob with no `spec.timeZone` whose schedule names hours, days or months. Schedules that run every hour or more often (`*/5 * * * *`) and `@every` are left alone: the zone changes nothing for them.",
        why_it_matters: "Without `timeZone` the controller evaluates the schedule in kube-controller-manager's local zone: UTC on most clusters, but nothing guarantees it, and it is rarely the zone the author had in mind. `0 3 * * *` then runs at 03:00 UTC, which is the middle of the working day somewhere.",
        example: "kind: CronJob\nspec:\n  schedule: \"0 3 * * *\"",
        use_instead: "kind: CronJob\nspec:\n  schedule: \"0 3 * * *\"\n  timeZone: Europe/Berlin",
        references: "Kubernetes: pkg/controller/cronjob/cronjob_controllerv2.go (`formatSchedule` adds `TZ=<timeZone>` only when the field is set; otherwise robfig/cron evaluates the schedule in `time.Local`).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(facts) = ctx.schedule() else { return };
    if facts.time_zone.is_some() || facts.every || facts.hourly_or_finer {
        return;
    }
    out.push(Finding::new(
        facts.span,
        "spec.timeZone",
        format!(
            "{} has no `timeZone`, so it runs in kube-controller-manager's local time zone (UTC on most clusters, but not guaranteed)",
            facts.label()
        ),
    ));
}
