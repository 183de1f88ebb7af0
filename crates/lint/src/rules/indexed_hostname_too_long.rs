//! `lint.indexed-hostname-too-long`: a CronJob whose Indexed Jobs would give their pods a
//! hostname longer than a DNS label, so the apiserver refuses every Job the CronJob creates.
//!
//! For a Job the apiserver makes this check itself (`ValidateJob`); for a CronJob it cannot,
//! because the Job's name (`<cronjob name>-<minutes since 1970>`) exists only when the
//! controller creates it.

use crate::context::{Context, Kind};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_cron::controller::job_name;
use jobscope_diagnostic::Severity;

/// `spec.hostname` of a pod must be a DNS label.
const MAX_HOSTNAME: usize = 63;

pub(crate) static RULE: Rule = Rule {
    code: "lint.indexed-hostname-too-long",
    severity: Severity::Warning,
    summary: "A CronJob's Indexed Jobs would get pod hostnames over 63 characters, so every Job is refused",
    help: "shorten the CronJob's name: `<name>-<8 digits>-<highest index>` must fit in 63 characters",
    docs: RuleDocs {
        what_it_does: "For a CronJob whose job template is Indexed, computes the name of the Jobs it creates (`<cronjob name>-<minutes since 1970>`, 8 digits until the year 2160) and the hostname of their last pod (`<job name>-<completions - 1>`), and reports when that hostname is longer than 63 characters.",
        why_it_matters: "The apiserver refuses an Indexed Job whose last pod hostname would not be a DNS label (\"will not able to create pod with invalid DNS label\"). For a Job you create yourself that error shows up at once. For a CronJob it cannot: the CronJob is accepted, and then every Job the controller tries to create is refused with a `FailedCreate` event, so the CronJob never runs.",
        example: "kind: CronJob\nmetadata:\n  name: nightly-feature-extraction-for-the-recommendation-ml  # 52 characters\nspec:\n  jobTemplate:\n    spec:\n      completionMode: Indexed\n      completions: 12   # hostname of index 11: 52 + 9 + 3 = 64 characters",
        use_instead: "kind: CronJob\nmetadata:\n  name: feature-extraction-ml\nspec:\n  jobTemplate:\n    spec:\n      completionMode: Indexed\n      completions: 12",
        references: "Kubernetes: pkg/apis/batch/validation/validation.go (`ValidateJob`: `maximumPodHostname := fmt.Sprintf(\"%s-%d\", name, completions-1)` must be a DNS label; `ValidateCronJob` has no such check); pkg/controller/cronjob/cronjob_controllerv2.go (`getJobName`); pkg/controller/job/job_controller.go (pod `Hostname = <job name>-<index>`).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.kind != Kind::CronJob
        || ctx.job_field("completionMode").and_then(Node::as_str) != Some("Indexed")
    {
        return;
    }
    let Some(completions) = ctx.job_field("completions").and_then(Node::as_i64) else {
        return;
    };
    let (Some(name), Some(name_node)) = (ctx.name(), ctx.object.at(&["metadata", "name"])) else {
        return;
    };
    // Longer names are an apiserver error already.
    if completions < 1 || name.len() > 52 {
        return;
    }
    let job = job_name(name, ctx.now);
    let hostname = format!("{job}-{}", completions - 1);
    if hostname.len() <= MAX_HOSTNAME {
        return;
    }
    out.push(Finding::new(
        name_node.span,
        "metadata.name",
        format!(
            "with Indexed `completions: {completions}`, the Jobs of {} are named like `{job}` and their last pod's hostname `{hostname}` has {} characters (over {MAX_HOSTNAME}), so the apiserver refuses every Job this CronJob creates",
            ctx.subject(),
            hostname.len(),
        ),
    ));
}
