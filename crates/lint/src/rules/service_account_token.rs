//! `lint.service-account-token-mounted`: a pod that runs as the namespace's `default` service
//! account with its API token mounted (Polaris `automountServiceAccountToken`, narrowed to the
//! case where the token is most likely unused).

use crate::context::{Context, written};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.service-account-token-mounted",
    severity: Severity::Info,
    summary: "A pod using the `default` service account mounts its API token",
    help: "set `automountServiceAccountToken: false` on the pod template if the program does not call the Kubernetes API; if it does, give it its own service account",
    docs: RuleDocs {
        what_it_does: "Reports a pod template that names no service account (or `default`) and does not set `automountServiceAccountToken: false`. Pods that name their own service account presumably need the API and are left alone.",
        why_it_matters: "Every pod gets a token for its service account mounted at `/var/run/secrets/kubernetes.io/serviceaccount` unless told otherwise. A batch program that never talks to the Kubernetes API does not need it, and whoever compromises the program gets whatever the namespace's `default` account was granted, which over time tends to be more than anyone remembers.",
        example: "spec:\n  containers: [...]",
        use_instead: "spec:\n  automountServiceAccountToken: false\n  containers: [...]",
        references: "Polaris `automountServiceAccountToken`; kube-linter `default-service-account` (opt-in).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(spec) = ctx.pod_spec() else { return };
    if spec
        .get("automountServiceAccountToken")
        .and_then(Node::as_bool)
        == Some(false)
    {
        return;
    }
    // The deprecated `serviceAccount` fills an empty `serviceAccountName`.
    let account = ["serviceAccountName", "serviceAccount"]
        .iter()
        .filter_map(|key| written(spec.get(key)).and_then(Node::as_str))
        .find(|name| !name.is_empty())
        .unwrap_or("default");
    if account != "default" {
        return;
    }
    out.push(Finding::new(
        ctx.pod_anchor(&["automountServiceAccountToken"]),
        format!("{}.automountServiceAccountToken", ctx.pod_spec_path()),
        "the pods run as the namespace's `default` service account with its API token mounted; if the program never calls the Kubernetes API, the token is only a risk",
    ));
}
