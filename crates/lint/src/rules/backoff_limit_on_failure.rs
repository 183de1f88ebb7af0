//! `lint.backoff-limit-on-failure`: `restartPolicy: OnFailure`, under which `backoffLimit`
//! counts container restarts and the failing pod is deleted with its logs.
//!
//! `OnFailure` is valid and documented, so this is information; it becomes a warning when the
//! limit is so low that the first or second restart anywhere fails the Job. With a
//! `podFailurePolicy` the apiserver rejects `OnFailure` itself, and its error is the news.

use crate::context::{Context, written};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

/// A `backoffLimit` at or below this, counted in restarts summed over every pod of the Job, fails
/// the Job on a single flaky restart or two.
const HARMFUL_LIMIT: i64 = 1;

pub(crate) static RULE: Rule = Rule {
    code: "lint.backoff-limit-on-failure",
    severity: Severity::Info,
    summary: "With `restartPolicy: OnFailure`, `backoffLimit` counts container restarts and the failed pod's logs are lost",
    help: "consider `restartPolicy: Never`: every retry is a new pod whose logs and exit code stay visible, `backoffLimit` counts failed pods, and `podFailurePolicy` can be used",
    docs: RuleDocs {
        what_it_does: "Notes a Job template with `restartPolicy: OnFailure` (unless `backoffLimitPerIndex` is set; `lint.failure-policy-never-applies` covers that). It is information, since `OnFailure` is a valid, documented choice, and a warning when `backoffLimit` is 0 or 1, where the first or second container restart anywhere in the Job fails it. With a `podFailurePolicy` it says nothing: the apiserver rejects `OnFailure` there.",
        why_it_matters: "With `OnFailure` the kubelet restarts failed containers in place, and the Job controller sums the restart counts of all the Job's pending and running pods. When the sum reaches `backoffLimit` (6 by default; any restart when it is 0) the Job fails and its running pods are deleted, so the logs of the crash you need to debug disappear. With `Never` the limit counts failed pods instead (`backoffLimit + 1` of them fail the Job), each failure stays inspectable, and `podFailurePolicy` becomes available. `OnFailure` saves a pod's start-up per retry (image pull, scheduling, volumes), which is why it is a trade-off rather than a mistake.",
        example: "spec:\n  backoffLimit: 1\n  template:\n    spec:\n      restartPolicy: OnFailure",
        use_instead: "spec:\n  backoffLimit: 1\n  template:\n    spec:\n      restartPolicy: Never",
        references: "Kubernetes: pkg/controller/job/job_controller.go (`pastBackoffLimitOnFailure`: restart counts of Pending and Running pods, `>= backoffLimit`, or `> 0` when it is 0); pkg/apis/batch/validation/validation.go (`only \"Never\" is supported when podFailurePolicy is specified`); kubernetes#54870.",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(policy) = written(ctx.pod_field("restartPolicy")) else {
        return;
    };
    if policy.as_str() != Some("OnFailure")
        || ctx.job_field("backoffLimitPerIndex").is_some()
        || ctx.job_field("podFailurePolicy").is_some()
    {
        return;
    }
    let written_limit = written(ctx.job_field("backoffLimit"));
    // A CronJob's job template is defaulted only when the controller creates each Job.
    let limit = ctx
        .job_field("backoffLimit")
        .and_then(Node::as_i64)
        .unwrap_or(6);
    let shown = match written_limit {
        Some(_) => format!("`backoffLimit: {limit}`"),
        None => format!("`backoffLimit` ({limit} by default)"),
    };
    let when = if limit <= 0 {
        "the first container restart fails the Job".to_owned()
    } else if limit == 1 {
        "after 1 restart in total the Job fails".to_owned()
    } else {
        format!("after {limit} restarts in total the Job fails")
    };
    let (span, field) = match written_limit {
        Some(node) => (node.span, format!("{}.backoffLimit", ctx.job_spec_path())),
        None => (
            policy.span,
            format!("{}.restartPolicy", ctx.pod_spec_path()),
        ),
    };
    let mut finding = Finding::new(
        span,
        field,
        format!(
            "with `restartPolicy: OnFailure`, {shown} counts container restarts summed over the Job's running pods: {when} and deletes its pods, logs included"
        ),
    );
    if limit <= HARMFUL_LIMIT {
        finding = finding
            .with_severity(Severity::Warning)
            .with_help("use `restartPolicy: Never`, or raise `backoffLimit`: at this limit one or two flaky restarts anywhere in the Job fail it and delete the pods whose logs would say why");
    }
    out.push(finding);
}
