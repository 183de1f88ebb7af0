//! `lint.name-near-limit`: a CronJob name within a few characters of the 52 the apiserver
//! allows.

use crate::context::{Context, Kind};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

const LIMIT: usize = 52;
/// Names this close to the limit are reported.
const MARGIN: usize = 4;

pub(crate) static RULE: Rule = Rule {
    code: "lint.name-near-limit",
    severity: Severity::Info,
    summary: "A CronJob name within 4 characters of the 52-character limit",
    help: "keep CronJob names well under 52 characters, so tooling that adds a prefix or suffix (Helm release names, Kustomize `namePrefix`/`nameSuffix`, environment suffixes) cannot push them over",
    docs: RuleDocs {
        what_it_does: "Reports a CronJob whose `metadata.name` has 48 to 52 characters. Longer names are an apiserver error, reported as such.",
        why_it_matters: "The CronJob controller names each Job `<cronjob name>-<minutes since 1970>`, and Job names must fit the 63-character `job-name` pod label, so the apiserver caps CronJob names at 52. A name this close to the cap breaks as soon as a release prefix or environment suffix is added, often in a pipeline far from where the name was chosen.",
        example: "kind: CronJob\nmetadata:\n  name: nightly-postgres-backup-to-object-storage-eu-west  # 49 characters",
        use_instead: "kind: CronJob\nmetadata:\n  name: pg-backup-eu-west",
        references: "Kubernetes: pkg/apis/batch/validation/validation.go (CronJob name at most 52 characters); pkg/controller/cronjob/cronjob_controllerv2.go (`getJobName`); kubernetes#50850, #63171.",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if ctx.kind != Kind::CronJob {
        return;
    }
    let (Some(name), Some(node)) = (ctx.name(), ctx.object.at(&["metadata", "name"])) else {
        return;
    };
    let length = name.chars().count();
    if !(LIMIT - MARGIN..=LIMIT).contains(&length) {
        return;
    }
    out.push(Finding::new(
        node.span,
        "metadata.name",
        format!(
            "CronJob name `{name}` has {length} of the {LIMIT} characters the apiserver allows, so any prefix or suffix added later makes it invalid"
        ),
    ));
}
