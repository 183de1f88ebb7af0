//! `lint.deprecated-service-account-field`: the deprecated `serviceAccount` field (kube-linter
//! `deprecated-service-account-field`).

use crate::context::{Context, label_span, written};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.deprecated-service-account-field",
    severity: Severity::Info,
    summary: "The deprecated `serviceAccount` field instead of `serviceAccountName`",
    help: "rename `serviceAccount` to `serviceAccountName`",
    docs: RuleDocs {
        what_it_does: "Reports `serviceAccount` in the pod template.",
        why_it_matters: "`serviceAccount` is a deprecated alias kept for old clients: it only fills `serviceAccountName` when that is empty, so with both set the alias is silently ignored, and tools that read only `serviceAccountName` miss it.",
        example: "spec:\n  serviceAccount: cleanup",
        use_instead: "spec:\n  serviceAccountName: cleanup",
        references: "kube-linter `deprecated-service-account-field`. Kubernetes: pkg/apis/core/v1/conversion.go (`serviceAccount` copied into an empty `serviceAccountName`).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(node) = written(ctx.pod_field("serviceAccount")) else {
        return;
    };
    let name = node.as_str().unwrap_or("");
    let with_name = ctx
        .pod_field("serviceAccountName")
        .and_then(Node::as_str)
        .filter(|other| !other.is_empty() && *other != name);
    let message = match with_name {
        Some(other) => format!(
            "`serviceAccount: {name}` is deprecated and ignored here, since `serviceAccountName: {other}` is set"
        ),
        None => {
            format!("`serviceAccount: {name}` is the deprecated spelling of `serviceAccountName`")
        }
    };
    out.push(Finding::new(
        label_span(node),
        format!("{}.serviceAccount", ctx.pod_spec_path()),
        message,
    ));
}
