//! `lint.schedule-dst-repeat`: a scheduled time inside the hour that repeats when clocks fall
//! back, so that run happens twice (the cron engine's `cron-dst-repeat` warnings).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.schedule-dst-repeat",
    severity: Severity::Warning,
    summary: "A scheduled time falls into the hour that repeats when clocks go back, so it runs twice",
    help: "move the run out of the repeated hour, use a zone without daylight saving time such as `Etc/UTC`, or make the Job safe to run twice",
    docs: RuleDocs {
        what_it_does: "Runs the schedule through the CronJob controller's cron engine across every clock change of the coming year in `timeZone`, and reports wall-clock times that occur twice and therefore run twice.",
        why_it_matters: "When clocks fall back, an hour of local time happens twice, and robfig/cron fires on both: `30 2 * * *` in `Europe/Berlin` or `30 1 * * *` in `America/New_York` runs two Jobs an hour apart that night. A backup or a billing run that is not idempotent does its work twice.",
        example: "spec:\n  schedule: \"30 1 * * *\"\n  timeZone: America/New_York",
        use_instead: "spec:\n  schedule: \"30 3 * * *\"\n  timeZone: America/New_York",
        references: "robfig/cron v3 `SpecSchedule.Next` and Go `time.Date` normalisation, ported in crates/cron and crates/golang; kubernetes#121594 (runs twice at fall-back in Europe/Berlin).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(facts) = ctx.schedule() else { return };
    for warning in facts
        .warnings
        .iter()
        .filter(|w| w.code == "cron-dst-repeat")
    {
        out.push(Finding::new(
            facts.span,
            "spec.schedule",
            format!("{}: {}", facts.label(), warning.message),
        ));
    }
}
