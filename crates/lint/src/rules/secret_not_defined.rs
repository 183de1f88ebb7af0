//! `lint.secret-not-defined`: a container or volume reads a Secret that none of the documents
//! given together defines, while they define Secrets (kube-linter `env-value-from`, for Secrets,
//! extended to `envFrom` and volumes).

use crate::context::Context;
use crate::objects::RefKind;
use crate::references::undefined;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.secret-not-defined",
    severity: Severity::Warning,
    summary: "A container or volume reads a Secret that the documents given together do not define",
    help: "define the Secret beside the Job (same namespace), correct the name, mark the reference `optional: true` if the program copes without it, or disable this rule if the Secret is created some other way",
    docs: RuleDocs {
        what_it_does: "When the documents analysed together define Secrets, reports each reference of the pod template to a Secret none of them defines in the Job's namespace: `env[].valueFrom.secretKeyRef`, `envFrom[].secretRef`, `secret` volumes and `projected` volume sources. References marked `optional: true` are left alone, and so are `imagePullSecrets` (a missing one only makes the pull try without it). When the documents define no Secret, it says nothing: Secrets are often made by other tools (External Secrets, Sealed Secrets, a CI step). A document without `metadata.namespace` counts as namespace `default`.",
        why_it_matters: "The pod is created and scheduled, but the kubelet cannot build the container's environment (`CreateContainerConfigError`: `secret \"<name>\" not found`) or mount the volume (`FailedMount`), and retries. The pod stays Pending and never fails, so neither `backoffLimit` nor `podFailurePolicy` sees anything: the Job stays active until `activeDeadlineSeconds` (forever without one).",
        example: "kind: Secret\nmetadata:\n  name: db-credentials\n---\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        envFrom:\n        - secretRef: {name: db-credential}",
        use_instead: "kind: Secret\nmetadata:\n  name: db-credentials\n---\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        envFrom:\n        - secretRef: {name: db-credentials}",
        references: "kube-linter `env-value-from` (off by default; env `valueFrom` only). Kubernetes: pkg/kubelet/kubelet_pods.go (`makeEnvironmentVariables`: a missing object is skipped only when `optional`); pkg/kubelet/kuberuntime/kuberuntime_container.go (`CreateContainerConfigError`); pkg/volume/secret/secret.go and pkg/volume/projected/projected.go (`SetUpAt` fails unless `optional`).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    out.extend(undefined(ctx, RefKind::Secret));
}
