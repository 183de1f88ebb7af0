//! `lint.config-map-not-defined`: a container or volume reads a ConfigMap that none of the
//! documents given together defines, while they define ConfigMaps (kube-linter `env-value-from`,
//! for ConfigMaps, extended to `envFrom` and volumes).

use crate::context::Context;
use crate::objects::RefKind;
use crate::references::undefined;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.config-map-not-defined",
    severity: Severity::Warning,
    summary: "A container or volume reads a ConfigMap that the documents given together do not define",
    help: "define the ConfigMap beside the Job (same namespace), correct the name, mark the reference `optional: true` if the program copes without it, or disable this rule if the ConfigMap is created some other way",
    docs: RuleDocs {
        what_it_does: "When the documents analysed together define ConfigMaps, reports each reference of the pod template to a ConfigMap none of them defines in the Job's namespace: `env[].valueFrom.configMapKeyRef`, `envFrom[].configMapRef`, `configMap` volumes and `projected` volume sources. References marked `optional: true` are left alone. When the documents define no ConfigMap, it says nothing: it may live in the cluster. A document without `metadata.namespace` counts as namespace `default`.",
        why_it_matters: "The pod is created and scheduled, but the kubelet cannot build the container's environment (`CreateContainerConfigError`: `configmap \"<name>\" not found`) or mount the volume (`FailedMount`), and retries. The pod stays Pending and never fails, so neither `backoffLimit` nor `podFailurePolicy` sees anything: the Job stays active until `activeDeadlineSeconds` (forever without one).",
        example: "kind: ConfigMap\nmetadata:\n  name: report-settings\n---\nkind: Job\nspec:\n  template:\n    spec:\n      volumes:\n      - name: settings\n        configMap: {name: reports-settings}",
        use_instead: "kind: ConfigMap\nmetadata:\n  name: report-settings\n---\nkind: Job\nspec:\n  template:\n    spec:\n      volumes:\n      - name: settings\n        configMap: {name: report-settings}",
        references: "kube-linter `env-value-from` (off by default; env `valueFrom` only). Kubernetes: pkg/kubelet/kubelet_pods.go (`makeEnvironmentVariables`); pkg/volume/configmap/configmap.go and pkg/volume/projected/projected.go (`SetUpAt` fails unless `optional`).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    out.extend(undefined(ctx, RefKind::ConfigMap));
}
