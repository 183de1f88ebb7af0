//! `lint.active-deadline-missing`: nothing bounds how long a Job (or each run of a CronJob) may
//! run.
//!
//! Two cases say less: a CronJob with `concurrencyPolicy: Replace` that runs at least hourly
//! (the next run replaces a hung one within the hour: information, not a warning), and a
//! CronJob whose `Allow` overlap `lint.schedule-overlap-allow` already reports for the same
//! missing deadline (one cause, one finding: the more specific one, while it is on).

use crate::context::{Context, Kind};
use crate::registry::{Finding, Rule, RuleDocs};
use crate::rules::schedule_overlap;
use jobscope_diagnostic::Severity;

/// A `Replace` CronJob whose runs are never further apart than this replaces a hung run soon
/// enough that the missing deadline is only information.
const SHORT_REPLACE_PERIOD: i64 = 3_600;

pub(crate) static RULE: Rule = Rule {
    code: "lint.active-deadline-missing",
    severity: Severity::Warning,
    summary: "A Job without `activeDeadlineSeconds` can run forever",
    help: "set `activeDeadlineSeconds` a little above the longest run you expect; the Job controller then fails the Job (reason `DeadlineExceeded`) and stops its pods",
    docs: RuleDocs {
        what_it_does: "Reports a Job, or a CronJob's job template, with neither `activeDeadlineSeconds` on the Job nor on its pod template. For a CronJob with `concurrencyPolicy: Replace` that runs at least once an hour it is information only, and for `concurrencyPolicy: Allow` it stays quiet when `lint.schedule-overlap-allow` reports the same missing deadline.",
        why_it_matters: "A pod that hangs (a stuck network call, a deadlock) never fails, so `backoffLimit` never triggers and the Job stays active, holding its resources. Under a CronJob it is worse: with `concurrencyPolicy: Forbid` one hung run blocks every later run, and with `Allow` hung runs pile up, one more per schedule. With `Replace` the next run deletes a hung one, so it holds its resources for at most one period; but the replaced Job disappears without failing, so nothing tells you it hung, which a deadline (`DeadlineExceeded`) would. The deadline counts from the Job's start (reset when a suspended Job resumes).",
        example: "kind: Job\nspec:\n  backoffLimit: 3\n  template: ...",
        use_instead: "kind: Job\nspec:\n  backoffLimit: 3\n  activeDeadlineSeconds: 3600\n  template: ...",
        references: "No peer linter checks `activeDeadlineSeconds` (kube-score's `cronjob-has-deadline` is about `startingDeadlineSeconds`; see `lint.starting-deadline-unset-forbid`). Kubernetes: pkg/controller/job/job_controller.go (`pastActiveDeadline`, reason `DeadlineExceeded`); pkg/controller/cronjob/cronjob_controllerv2.go (`Replace` deletes the active Jobs before creating the next); a pod-level `activeDeadlineSeconds` also bounds each attempt, so either satisfies this rule.",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.job_spec().is_none()
        || ctx.job_field("activeDeadlineSeconds").is_some()
        || ctx.pod_field("activeDeadlineSeconds").is_some()
    {
        return;
    }
    let mut severity = None;
    let message = match ctx.kind {
        Kind::Job => format!(
            "{} has no `activeDeadlineSeconds`, so a hung pod keeps it running, and holding its resources, forever",
            ctx.subject()
        ),
        Kind::CronJob => match ctx.concurrency_policy() {
            "Forbid" => "the job template has no `activeDeadlineSeconds`, and with `concurrencyPolicy: Forbid` one hung run blocks every later run".to_owned(),
            "Replace" => match replaced_within(ctx) {
                Some(period) => {
                    severity = Some(Severity::Info);
                    format!(
                        "the job template has no `activeDeadlineSeconds`; with `concurrencyPolicy: Replace` the next run replaces a hung one at most {} later, but the replaced Job is deleted without failing, so nothing reports that it hung",
                        crate::context::duration_text(period)
                    )
                }
                None => "the job template has no `activeDeadlineSeconds`, so a hung run holds its resources until the next scheduled run replaces it".to_owned(),
            },
            _ => {
                // The overlap rule names the schedule and the gap: the same cause, said better.
                if ctx.rule_on(schedule_overlap::RULE.code)
                    && schedule_overlap::unbounded_overlap_gap(ctx).is_some()
                {
                    return;
                }
                "the job template has no `activeDeadlineSeconds`, and with `concurrencyPolicy: Allow` hung runs pile up, one more at every scheduled time".to_owned()
            }
        },
    };
    let mut finding = Finding::new(
        ctx.job_anchor(&["activeDeadlineSeconds"]),
        format!("{}.activeDeadlineSeconds", ctx.job_spec_path()),
        message,
    );
    if let Some(severity) = severity {
        finding = finding.with_severity(severity);
    }
    out.push(finding);
}

/// The longest time between two runs, when it is at most [`SHORT_REPLACE_PERIOD`].
fn replaced_within(ctx: &Context<'_>) -> Option<i64> {
    ctx.schedule()?
        .longest_gap
        .filter(|gap| *gap <= SHORT_REPLACE_PERIOD)
}
