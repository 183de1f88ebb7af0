//! `lint.unknown-ignore-code`: a `jobscope.dev/ignore` annotation naming a code that is no rule,
//! so it turns nothing off (a typo, or a renamed rule).

use crate::IGNORE_ANNOTATION;
use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.unknown-ignore-code",
    severity: Severity::Info,
    summary: "The `jobscope.dev/ignore` annotation names an unknown rule",
    help: "`jobscope rules` lists the codes; separate several with commas",
    docs: RuleDocs {
        what_it_does: "Reads the `jobscope.dev/ignore` annotation of the Job's or CronJob's `metadata` and reports each listed code that is not a jobscope lint rule.",
        why_it_matters: "A misspelled code turns nothing off, so the finding it was meant to silence keeps appearing, or, worse, someone believes a rule is off when it is not.",
        example: "metadata:\n  annotations:\n    jobscope.dev/ignore: lint.job-ttl-mising",
        use_instead: "metadata:\n  annotations:\n    jobscope.dev/ignore: lint.job-ttl-missing",
        references: "",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(node) = ctx
        .object
        .at(&["metadata", "annotations", IGNORE_ANNOTATION])
    else {
        return;
    };
    let Some(value) = node.as_str() else { return };
    for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        if (ctx.is_rule)(code) {
            continue;
        }
        out.push(Finding::new(
            node.span,
            format!("metadata.annotations[{IGNORE_ANNOTATION}]"),
            format!("`{IGNORE_ANNOTATION}` names `{code}`, which is not a jobscope rule, so it turns nothing off"),
        ));
    }
}
