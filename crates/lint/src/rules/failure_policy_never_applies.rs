//! `lint.failure-policy-never-applies`: `podFailurePolicy` rules and per-index limits the Job
//! controller accepts but can never act on.
//!
//! Three cases, each read off the controller: a rule shadowed by an earlier one (the first
//! matching rule decides), `backoffLimitPerIndex` with `restartPolicy: OnFailure` (per-index
//! counting looks at pods in the `Failed` phase, which restarting pods do not reach), and
//! `maxFailedIndexes` equal to `completions` (more indexes than that cannot fail).

use crate::context::{Context, written};
use crate::failure_policy::{ExitCodes, Matcher, policy_rules};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.failure-policy-never-applies",
    severity: Severity::Warning,
    summary: "A `podFailurePolicy` rule, `backoffLimitPerIndex` or `maxFailedIndexes` that can never take effect",
    help: "remove the setting that cannot apply, or change what shadows it",
    docs: RuleDocs {
        what_it_does: "Reports failure-handling settings the apiserver accepts but the Job controller can never act on: a `podFailurePolicy` rule that an earlier rule always matches first; `backoffLimitPerIndex` with `restartPolicy: OnFailure`; `maxFailedIndexes` equal to `completions`.",
        why_it_matters: "The controller checks `podFailurePolicy` rules in order and the first match decides, so a later rule whose failures an earlier rule already covers is dead. Per-index limits count pods that reach the `Failed` phase, which pods whose containers restart in place (`OnFailure`) practically never do, and `backoffLimitPerIndex` raises `backoffLimit` to 2147483647, so a crashing index retries forever. `maxFailedIndexes` only fails the Job when more indexes than it have failed, which cannot happen when it equals `completions`. The settings look like protection and provide none.",
        example: "spec:\n  podFailurePolicy:\n    rules:\n    - {action: Ignore, onExitCodes: {operator: NotIn, values: [1]}}\n    - {action: FailJob, onExitCodes: {operator: In, values: [42]}}   # never reached: 42 is NotIn [1]\n  template:\n    spec:\n      restartPolicy: Never\n---\nspec:\n  completionMode: Indexed\n  completions: 10\n  backoffLimitPerIndex: 1\n  template:\n    spec:\n      restartPolicy: OnFailure   # per-index counting never sees a failed pod",
        use_instead: "spec:\n  podFailurePolicy:\n    rules:\n    - {action: FailJob, onExitCodes: {operator: In, values: [42]}}\n    - {action: Ignore, onExitCodes: {operator: NotIn, values: [1]}}\n  template:\n    spec:\n      restartPolicy: Never\n---\nspec:\n  completionMode: Indexed\n  completions: 10\n  backoffLimitPerIndex: 1\n  template:\n    spec:\n      restartPolicy: Never",
        references: "Kubernetes: pkg/controller/job/pod_failure_policy.go (`matchPodFailurePolicy`: rules in order, first match returns; `getMatchingContainerFromList`: non-zero exit codes only, optional `containerName`); pkg/controller/job/indexed_job_utils.go (`isIndexFailed` needs `isPodFailed`); pkg/controller/job/job_controller.go (`MaxFailedIndexesExceeded` when failed indexes `>` maxFailedIndexes); pkg/apis/batch/v1/defaults.go (backoffLimit MaxInt32 with backoffLimitPerIndex).",
    },
    check,
};

/// Whether every failed pod `later` matches is also matched by `earlier`.
fn covers(earlier: &Matcher, later: &Matcher) -> bool {
    match (earlier, later) {
        (
            Matcher::ExitCodes {
                container: c1,
                codes: s1,
            },
            Matcher::ExitCodes {
                container: c2,
                codes: s2,
            },
        ) => {
            // A rule without `containerName` looks at every container, so it sees whatever
            // a rule restricted to one container sees.
            let scope = c1.is_none() || c1 == c2;
            let nonzero = |v: &&i64| **v != 0;
            let set = match (s1, s2) {
                (ExitCodes::In(a), ExitCodes::In(b)) => {
                    b.iter().filter(nonzero).all(|v| a.contains(v))
                }
                (ExitCodes::NotIn(a), ExitCodes::In(b)) => {
                    b.iter().filter(nonzero).all(|v| !a.contains(v))
                }
                (ExitCodes::NotIn(a), ExitCodes::NotIn(b)) => {
                    a.iter().filter(nonzero).all(|v| b.contains(v))
                }
                // `In` lists finitely many codes; `NotIn` matches infinitely many.
                (ExitCodes::In(_), ExitCodes::NotIn(_)) => false,
            };
            scope && set
        }
        (Matcher::Conditions(p1), Matcher::Conditions(p2)) => p2.iter().all(|p| p1.contains(p)),
        _ => false,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let spec_path = ctx.job_spec_path();
    let indexed = ctx.job_field("completionMode").and_then(Node::as_str) == Some("Indexed");

    if let Some(per_index) = written(ctx.job_field("backoffLimitPerIndex"))
        && indexed
        && ctx.restart_policy() == Some("OnFailure")
        && let Some(value) = per_index.as_i64()
    {
        out.push(Finding::new(
            per_index.span,
            format!("{spec_path}.backoffLimitPerIndex"),
            format!("`backoffLimitPerIndex: {value}` practically never applies with `restartPolicy: OnFailure`: containers restart in place, so pods hardly ever reach the `Failed` phase that per-index counting looks at, and a crashing index retries forever"),
        ).with_help("use `restartPolicy: Never` with `backoffLimitPerIndex`"));
    }

    if let Some(max_failed) = written(ctx.job_field("maxFailedIndexes"))
        && indexed
        && ctx.job_field("backoffLimitPerIndex").is_some()
        && let Some(max) = max_failed.as_i64()
        && let Some(completions) = ctx.job_field("completions").and_then(Node::as_i64)
        && max >= completions
    {
        out.push(Finding::new(
            max_failed.span,
            format!("{spec_path}.maxFailedIndexes"),
            format!("`maxFailedIndexes: {max}` never stops the Job early: it acts only when more than {max} indexes have failed, and there are only `completions: {completions}`"),
        ).with_help("lower `maxFailedIndexes` to the number of failed indexes after which the remaining ones are not worth running"));
    }

    let rules = policy_rules(ctx);
    for (later_index, later) in rules.iter().enumerate() {
        let Some(later_matcher) = &later.matcher else {
            continue;
        };
        let shadow = rules[..later_index].iter().position(|earlier| {
            earlier
                .matcher
                .as_ref()
                .is_some_and(|e| covers(e, later_matcher))
        });
        if let Some(earlier_index) = shadow {
            out.push(Finding::new(
                later.node.span,
                format!("{spec_path}.podFailurePolicy.rules[{later_index}]"),
                format!("`podFailurePolicy.rules[{later_index}]` never applies: every failure it matches also matches `rules[{earlier_index}]`, and the first matching rule decides"),
            ).with_help(format!("move `rules[{later_index}]` above `rules[{earlier_index}]`, narrow `rules[{earlier_index}]`, or remove the dead rule")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(container: Option<&str>, codes: ExitCodes) -> Matcher {
        Matcher::ExitCodes {
            container: container.map(str::to_owned),
            codes,
        }
    }

    #[test]
    fn exit_code_coverage() {
        use ExitCodes::{In, NotIn};
        // In ⊇ In.
        assert!(covers(
            &codes(None, In(vec![1, 2])),
            &codes(None, In(vec![2]))
        ));
        assert!(!covers(
            &codes(None, In(vec![1])),
            &codes(None, In(vec![1, 2]))
        ));
        // NotIn [1] covers In [42], but not In [1].
        assert!(covers(
            &codes(None, NotIn(vec![1])),
            &codes(None, In(vec![42]))
        ));
        assert!(!covers(
            &codes(None, NotIn(vec![1])),
            &codes(None, In(vec![1]))
        ));
        // NotIn [1] covers NotIn [1, 2] (a smaller set), not the other way round.
        assert!(covers(
            &codes(None, NotIn(vec![1])),
            &codes(None, NotIn(vec![1, 2]))
        ));
        assert!(!covers(
            &codes(None, NotIn(vec![1, 2])),
            &codes(None, NotIn(vec![1]))
        ));
        // A zero in NotIn changes nothing: zero never matches.
        assert!(covers(
            &codes(None, NotIn(vec![0, 1])),
            &codes(None, NotIn(vec![1]))
        ));
        assert!(!covers(
            &codes(None, In(vec![1, 2, 3])),
            &codes(None, NotIn(vec![4]))
        ));
        // Container scope: an unrestricted rule sees every container, a restricted one only its own.
        assert!(covers(
            &codes(None, In(vec![1])),
            &codes(Some("main"), In(vec![1]))
        ));
        assert!(!covers(
            &codes(Some("main"), In(vec![1])),
            &codes(None, In(vec![1]))
        ));
        assert!(!covers(
            &codes(Some("a"), In(vec![1])),
            &codes(Some("b"), In(vec![1]))
        ));
    }

    #[test]
    fn condition_coverage() {
        let pattern = |t: &str| (t.to_owned(), "True".to_owned());
        let both = Matcher::Conditions(vec![pattern("DisruptionTarget"), pattern("ConfigIssue")]);
        let one = Matcher::Conditions(vec![pattern("DisruptionTarget")]);
        assert!(covers(&both, &one));
        assert!(!covers(&one, &both));
        assert!(!covers(&one, &codes(None, ExitCodes::In(vec![1]))));
    }
}
