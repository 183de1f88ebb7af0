//! `lint.schedule-overlap-allow`: with `concurrencyPolicy: Allow`, runs start more often than a
//! run may last, so they overlap and can pile up.
//!
//! The length of a run is unknown before it runs; `activeDeadlineSeconds` is its upper bound
//! when set. Without it a run has no bound at all, and the rule speaks up only for schedules
//! that run at least hourly, where slow runs piling up is the common failure.

use crate::context::{Context, duration_text, written};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

/// Without a deadline, schedules whose runs are at most this far apart are reported.
const UNBOUNDED_REPORT_GAP: i64 = 3_600;

pub(crate) static RULE: Rule = Rule {
    code: "lint.schedule-overlap-allow",
    severity: Severity::Warning,
    summary: "With `concurrencyPolicy: Allow`, runs start more often than a run may last, so they overlap",
    help: "use `concurrencyPolicy: Forbid` (skip a run while one is active) or `Replace` (stop the old run for the new one), or bound runs with an `activeDeadlineSeconds` below the time between runs",
    docs: RuleDocs {
        what_it_does: "For a CronJob with `concurrencyPolicy: Allow` (the default), finds the shortest time between two runs in the coming two years and compares it with the job template's `activeDeadlineSeconds`, the longest a run may last. Without a deadline, it reports schedules that run at least once an hour (and `lint.active-deadline-missing` then leaves the missing deadline to this rule).",
        why_it_matters: "`Allow` starts every scheduled run whether or not the previous ones finished. When a run takes longer than the time between runs (a slow database, a bigger input), runs overlap: they compete for the same data and the same resources, which slows them further, and the pile grows by one at every scheduled time.",
        example: "spec:\n  schedule: \"*/5 * * * *\"\n  # concurrencyPolicy: Allow is the default\n  jobTemplate:\n    spec:\n      activeDeadlineSeconds: 1800",
        use_instead: "spec:\n  schedule: \"*/5 * * * *\"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      activeDeadlineSeconds: 240",
        references: "Datree `CRONJOB_MISSING_CONCURRENCYPOLICY_KEY`. Kubernetes: pkg/controller/cronjob/cronjob_controllerv2.go (`syncCronJob`: `Allow` creates the Job without looking at `status.active`).",
    },
    check,
};

/// The time between runs when this rule reports a CronJob for having no deadline at all
/// (`Allow`, no `activeDeadlineSeconds`, runs at most [`UNBOUNDED_REPORT_GAP`] apart):
/// `lint.active-deadline-missing` leaves that cause to this rule.
pub(crate) fn unbounded_overlap_gap(ctx: &Context<'_>) -> Option<i64> {
    if ctx.concurrency_policy() != "Allow" || ctx.job_field("activeDeadlineSeconds").is_some() {
        return None;
    }
    ctx.schedule()?
        .shortest_gap
        .filter(|gap| *gap <= UNBOUNDED_REPORT_GAP)
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.concurrency_policy() != "Allow" {
        return;
    }
    let Some(facts) = ctx.schedule() else { return };
    let Some(gap) = facts.shortest_gap else {
        return;
    };
    let policy = ctx
        .cron_spec()
        .and_then(|spec| written(spec.get("concurrencyPolicy")));
    let (span, policy_text) = match policy {
        Some(node) => (node.span, "`concurrencyPolicy: Allow`"),
        None => (facts.span, "`concurrencyPolicy: Allow` (the default)"),
    };
    let deadline = ctx
        .job_field("activeDeadlineSeconds")
        .and_then(Node::as_i64);
    let message = match deadline {
        Some(deadline) if deadline > gap => {
            // Rounded up; written so a huge deadline cannot overflow.
            let at_once = deadline / gap + i64::from(deadline % gap != 0);
            format!(
                "with {policy_text}, runs of {} start as little as {} apart but each may last up to `activeDeadlineSeconds: {deadline}` ({}), so up to {at_once} can run at once",
                facts.label(),
                duration_text(gap),
                duration_text(deadline)
            )
        }
        Some(_) => return,
        None if unbounded_overlap_gap(ctx).is_some() => format!(
            "with {policy_text} and no `activeDeadlineSeconds`, any run of {} longer than the {} between runs overlaps the next, and slow runs pile up",
            facts.label(),
            duration_text(gap)
        ),
        None => return,
    };
    out.push(Finding::new(span, "spec.concurrencyPolicy", message));
}
