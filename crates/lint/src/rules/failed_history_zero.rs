//! `lint.failed-history-zero`: `failedJobsHistoryLimit: 0`, which deletes failed Jobs (and their
//! pods and logs) as soon as the CronJob controller sees them.

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.failed-history-zero",
    severity: Severity::Warning,
    summary: "`failedJobsHistoryLimit: 0` deletes failed runs before anyone can look at them",
    help: "keep at least one failed Job (`failedJobsHistoryLimit: 1`, the default) so the last failure's pods and logs stay inspectable",
    docs: RuleDocs {
        what_it_does: "Reports `spec.failedJobsHistoryLimit: 0` on a CronJob.",
        why_it_matters: "At every sync the CronJob controller deletes finished Jobs beyond the history limits, with background propagation, so their pods and logs go too. With a limit of 0 a failed Job is deleted as soon as the controller sees it finish: `kubectl get jobs` never shows the failure, and the only traces left are events, which expire after an hour by default.",
        example: "spec:\n  failedJobsHistoryLimit: 0",
        use_instead: "spec:\n  failedJobsHistoryLimit: 3",
        references: "Kubernetes: pkg/controller/cronjob/cronjob_controllerv2.go (`cleanupFinishedJobs`, `removeOldestJobs`).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some((node, 0)) = ctx.written_cron_number("failedJobsHistoryLimit") else {
        return;
    };
    out.push(Finding::new(
        node.span,
        "spec.failedJobsHistoryLimit",
        "`failedJobsHistoryLimit: 0` deletes every failed Job, with its pods and logs, as soon as the controller sees it finish, so failures leave no trace",
    ));
}
