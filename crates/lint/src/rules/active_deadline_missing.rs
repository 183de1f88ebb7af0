//! `lint.active-deadline-missing`: nothing bounds how long a Job (or each run of a CronJob) may
//! run.

use crate::context::{Context, Kind};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.active-deadline-missing",
    severity: Severity::Warning,
    summary: "A Job without `activeDeadlineSeconds` can run forever",
    help: "set `activeDeadlineSeconds` a little above the longest run you expect; the Job controller then fails the Job (reason `DeadlineExceeded`) and stops its pods",
    docs: RuleDocs {
        what_it_does: "Reports a Job, or a CronJob's job template, with neither `activeDeadlineSeconds` on the Job nor on its pod template.",
        why_it_matters: "A pod that hangs (a stuck network call, a deadlock) never fails, so `backoffLimit` never triggers and the Job stays active, holding its resources. Under a CronJob it is worse: with `concurrencyPolicy: Forbid` one hung run blocks every later run, and with `Allow` hung runs pile up, one more per schedule. The deadline counts from the Job's start (reset when a suspended Job resumes).",
        example: "kind: Job\nspec:\n  backoffLimit: 3\n  template: ...",
        use_instead: "kind: Job\nspec:\n  backoffLimit: 3\n  activeDeadlineSeconds: 3600\n  template: ...",
        references: "kube-score `cronjob-has-deadline`. Kubernetes: pkg/controller/job/job_controller.go (`pastActiveDeadline`, reason `DeadlineExceeded`); a pod-level `activeDeadlineSeconds` also bounds each attempt, so either satisfies this rule.",
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
    let message = match ctx.kind {
        Kind::Job => format!(
            "{} has no `activeDeadlineSeconds`, so a hung pod keeps it running, and holding its resources, forever",
            ctx.subject()
        ),
        Kind::CronJob => match ctx.concurrency_policy() {
            "Forbid" => "the job template has no `activeDeadlineSeconds`, and with `concurrencyPolicy: Forbid` one hung run blocks every later run".to_owned(),
            "Replace" => "the job template has no `activeDeadlineSeconds`, so a hung run holds its resources until the next scheduled run replaces it".to_owned(),
            _ => "the job template has no `activeDeadlineSeconds`, and with `concurrencyPolicy: Allow` hung runs pile up, one more at every scheduled time".to_owned(),
        },
    };
    out.push(Finding::new(
        ctx.job_anchor(&["activeDeadlineSeconds"]),
        format!("{}.activeDeadlineSeconds", ctx.job_spec_path()),
        message,
    ));
}
