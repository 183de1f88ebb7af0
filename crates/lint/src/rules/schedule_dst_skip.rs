//! `lint.schedule-dst-skip`: a scheduled time that falls into a daylight-saving gap in the
//! coming year, so that run does not happen (the cron engine's `cron-dst-skip` warnings).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.schedule-dst-skip",
    severity: Severity::Warning,
    summary: "A scheduled time falls into a daylight-saving gap, so that day's run is skipped",
    help: "move the run out of the changeover hour (03:30 instead of 02:30, say), or use a zone without daylight saving time such as `Etc/UTC` if the wall-clock time does not matter",
    docs: RuleDocs {
        what_it_does: "Runs the schedule through the CronJob controller's cron engine (robfig/cron v3 over Go's time arithmetic) across every clock change of the coming year in `timeZone`, and reports the runs that do not happen because their wall-clock time does not exist that day. Schedules that run every hour are left alone: they lose the skipped hour's run along with the hour itself, and the time between runs stays the same.",
        why_it_matters: "When clocks spring forward, the local times in the gap never occur, and robfig/cron does not move the run to the next valid time: `30 2 * * *` in `America/New_York` simply does not run on the spring-forward day. Nothing in the CronJob's status or events says so.",
        example: "spec:\n  schedule: \"30 2 * * *\"\n  timeZone: America/New_York",
        use_instead: "spec:\n  schedule: \"30 3 * * *\"\n  timeZone: America/New_York",
        references: "robfig/cron v3 `SpecSchedule.Next` and Go `time.Date` normalisation, ported in crates/cron and crates/golang (see /shared/design/cron-dialect.md); kubernetes#121594.",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(facts) = ctx.schedule() else { return };
    if facts.every_hour {
        return;
    }
    for warning in facts.warnings.iter().filter(|w| w.code == "cron-dst-skip") {
        out.push(Finding::new(
            facts.span,
            "spec.schedule",
            format!("{}: {}", facts.label(), warning.message),
        ));
    }
}
