//! `lint.deadline-exceeds-period`: a job template's `activeDeadlineSeconds` longer than the time
//! between runs, under `Forbid` (runs get skipped) or `Replace` (the deadline never acts).
//! Under `Allow` the same numbers mean overlapping runs: `lint.schedule-overlap-allow`.

use crate::context::{Context, duration_text, written};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.deadline-exceeds-period",
    severity: Severity::Warning,
    summary: "`activeDeadlineSeconds` is longer than the time between a CronJob's runs",
    help: "set `activeDeadlineSeconds` below the time between runs, or run less often",
    docs: RuleDocs {
        what_it_does: "For a CronJob with `concurrencyPolicy: Forbid` or `Replace`, compares the job template's `activeDeadlineSeconds` with the shortest time between two runs in the coming two years.",
        why_it_matters: "With `Forbid`, a run allowed to last longer than the period makes the controller skip the runs scheduled meanwhile (only the most recent skipped one starts late, when the long run ends). With `Replace`, the next run deletes a run that is still going, so a deadline longer than the period never takes effect and the Job is never marked `DeadlineExceeded`: it just disappears.",
        example: "spec:\n  schedule: \"0 * * * *\"\n  concurrencyPolicy: Replace\n  jobTemplate:\n    spec:\n      activeDeadlineSeconds: 7200",
        use_instead: "spec:\n  schedule: \"0 * * * *\"\n  concurrencyPolicy: Replace\n  jobTemplate:\n    spec:\n      activeDeadlineSeconds: 3000",
        references: "Kubernetes: pkg/controller/cronjob/cronjob_controllerv2.go (`syncCronJob`: `Forbid` returns with `JobAlreadyActive`, `Replace` deletes the active Jobs before creating the new one).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let policy = ctx.concurrency_policy();
    if policy != "Forbid" && policy != "Replace" {
        return;
    }
    let Some(deadline_node) = written(ctx.job_field("activeDeadlineSeconds")) else {
        return;
    };
    let Some(deadline) = deadline_node.as_i64() else {
        return;
    };
    let Some(facts) = ctx.schedule() else { return };
    let Some(gap) = facts.shortest_gap else {
        return;
    };
    if deadline <= gap {
        return;
    }
    let consequence = if policy == "Forbid" {
        "with `concurrencyPolicy: Forbid` a run that long makes the controller skip the runs scheduled meanwhile".to_owned()
    } else {
        "with `concurrencyPolicy: Replace` the next run deletes a run still going, so the deadline never takes effect".to_owned()
    };
    out.push(Finding::new(
        deadline_node.span,
        "spec.jobTemplate.spec.activeDeadlineSeconds",
        format!(
            "`activeDeadlineSeconds: {deadline}` ({}) is longer than the {} between runs of {}: {consequence}",
            duration_text(deadline),
            duration_text(gap),
            facts.label()
        ),
    ));
}
