//! `lint.priority-class-not-defined`: the pods name a PriorityClass that none of the documents
//! given together defines, while they define PriorityClasses.

use crate::context::Context;
use crate::objects::RefKind;
use crate::references::undefined;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.priority-class-not-defined",
    severity: Severity::Warning,
    summary: "The pods name a PriorityClass that the documents given together do not define",
    help: "define the PriorityClass with the Job, correct the name, or disable this rule if the class is created some other way",
    docs: RuleDocs {
        what_it_does: "When the documents analysed together define PriorityClasses, reports a Job or CronJob whose `priorityClassName` none of them defines. `system-cluster-critical` and `system-node-critical` always exist and are never reported. When the documents define no PriorityClass, it says nothing: the class may live in the cluster. PriorityClasses belong to the cluster, so namespaces do not matter.",
        why_it_matters: "The Priority admission plugin refuses every pod that names a missing class (`no PriorityClass with name <name> was found`). No pod exists, so nothing fails: the Job controller records `FailedCreate` and retries with back-off, `backoffLimit` never counts, and the Job stays active until `activeDeadlineSeconds` (forever without one).",
        example: "kind: PriorityClass\napiVersion: scheduling.k8s.io/v1\nmetadata:\n  name: batch-low\nvalue: 100\n---\nkind: Job\nspec:\n  template:\n    spec:\n      priorityClassName: batch-lo",
        use_instead: "kind: PriorityClass\napiVersion: scheduling.k8s.io/v1\nmetadata:\n  name: batch-low\nvalue: 100\n---\nkind: Job\nspec:\n  template:\n    spec:\n      priorityClassName: batch-low",
        references: "Polaris `priorityClassNotSet` and kube-linter `priority-class-name` ask for a class (policy), not that it exists. Kubernetes: plugin/pkg/admission/priority/admission.go (`no PriorityClass with name %v was found`; the two system classes are built in).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    out.extend(undefined(ctx, RefKind::PriorityClass));
}
