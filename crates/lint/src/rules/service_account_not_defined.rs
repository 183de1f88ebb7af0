//! `lint.service-account-not-defined`: the pods name a ServiceAccount that none of the documents
//! given together defines, while they define ServiceAccounts (kube-linter
//! `non-existent-service-account`, without its report when the documents define none).

use crate::context::Context;
use crate::objects::RefKind;
use crate::references::undefined;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.service-account-not-defined",
    severity: Severity::Warning,
    summary: "The pods name a ServiceAccount that the documents given together do not define",
    help: "define the ServiceAccount beside the Job (same namespace), correct the name, or disable this rule if the account is created some other way",
    docs: RuleDocs {
        what_it_does: "When the documents analysed together (the editor's text; every path given to `jobscope validate`) define ServiceAccounts, reports a Job or CronJob whose pod template names one (`serviceAccountName`, or the deprecated `serviceAccount`) that none of them defines in the Job's namespace. `default` always exists and is never reported. When the documents define no ServiceAccount at all, it says nothing: the account may live in the cluster. A document without `metadata.namespace` counts as namespace `default` (kubectl's own default).",
        why_it_matters: "The ServiceAccount admission plugin refuses every pod that names a missing account (`pods \"…\" is forbidden: error looking up service account <namespace>/<name>: serviceaccount \"<name>\" not found`). No pod exists, so nothing fails: the Job controller records a `FailedCreate` event and retries with back-off up to a minute apart, `backoffLimit` never counts, and the Job stays active until `activeDeadlineSeconds` (forever without one). A typo in the name, or an account defined in another namespace, is the usual cause.",
        example: "kind: ServiceAccount\nmetadata:\n  name: report-writer\n---\nkind: Job\nspec:\n  template:\n    spec:\n      serviceAccountName: reports-writer   # not defined above",
        use_instead: "kind: ServiceAccount\nmetadata:\n  name: report-writer\n---\nkind: Job\nspec:\n  template:\n    spec:\n      serviceAccountName: report-writer",
        references: "kube-linter `non-existent-service-account` (reports even when no ServiceAccount is given). Kubernetes: plugin/pkg/admission/serviceaccount/admission.go (`Admit`: `error looking up service account`, applied to pods only); pkg/controller/controller_utils.go (`FailedCreate` event); pkg/controller/job/job_controller.go (a failed create is retried with the sync's rate-limited back-off, no pod is counted).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    out.extend(undefined(ctx, RefKind::ServiceAccount));
}
