//! `lint.starting-deadline-zero`: `startingDeadlineSeconds: 0`, with which the CronJob
//! controller never starts a run.

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.starting-deadline-zero",
    severity: Severity::Warning,
    summary: "`startingDeadlineSeconds: 0` means the CronJob never starts a Job",
    help: "remove `startingDeadlineSeconds` (no deadline) or give the controller time, for example `startingDeadlineSeconds: 300`",
    docs: RuleDocs {
        what_it_does: "Reports `spec.startingDeadlineSeconds: 0` on a CronJob.",
        why_it_matters: "The controller only considers scheduled times after `now - startingDeadlineSeconds`, and it looks for the next scheduled time strictly after that instant. With 0 that is strictly after now, so there is never a time to run: the controller wakes 100 ms after each scheduled time and finds nothing due. No Job is ever created and no event says why.",
        example: "spec:\n  schedule: \"*/10 * * * *\"\n  startingDeadlineSeconds: 0",
        use_instead: "spec:\n  schedule: \"*/10 * * * *\"\n  startingDeadlineSeconds: 120",
        references: "Kubernetes: pkg/controller/cronjob/utils.go (`mostRecentScheduleTime`: `earliestTime = now - startingDeadlineSeconds`, then `t1 := schedule.Next(earliestTime)` and `now.Before(t1)` means nothing to run); cronjob_controllerv2.go (`nextScheduleTimeDuration` requeues 100 ms after the scheduled time).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some((node, 0)) = ctx.written_cron_number("startingDeadlineSeconds") else {
        return;
    };
    out.push(Finding::new(
        node.span,
        "spec.startingDeadlineSeconds",
        "`startingDeadlineSeconds: 0` means the CronJob never creates a Job: the controller only starts runs scheduled in the last 0 s, and it always looks a moment after the scheduled time",
    ));
}

#[cfg(test)]
mod tests {
    use jobscope_cron::controller::{CronJobTimes, most_recent_schedule_time};
    use jobscope_cron::{Evaluator, Instant, ScheduleLocation, Zone, parse_standard};

    /// The controller's own decision, 100 ms after a scheduled time: with a deadline of 0 s
    /// nothing is due; with 1 s the run starts.
    #[test]
    fn the_controller_never_finds_a_run_with_a_zero_deadline() {
        let parsed = parse_standard("*/10 * * * *").unwrap_or_else(|e| panic!("{e}"));
        let mut evaluator = Evaluator::new(
            parsed.schedule,
            ScheduleLocation::Zone(Zone::Utc),
            Zone::Utc,
        );
        // Created 2026-01-01T00:00:30Z; the controller syncs at 00:10:00.1.
        let created = Instant::from_unix(1_767_225_630);
        let now = Instant::from_unix(1_767_226_200).add_nanos(100_000_000);
        let times = |deadline| CronJobTimes {
            created,
            last_schedule: None,
            starting_deadline_seconds: Some(deadline),
        };
        let zero = most_recent_schedule_time(&mut evaluator, &times(0), now, true);
        assert_eq!(zero.most_recent, None);
        let one = most_recent_schedule_time(&mut evaluator, &times(1), now, true);
        assert_eq!(one.most_recent, Some(Instant::from_unix(1_767_226_200)));
    }
}
