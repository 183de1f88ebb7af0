//! `lint.failure-policy-disruption-shadowed`: an `onExitCodes` rule placed before the
//! `DisruptionTarget` rule matches the exit code a disrupted pod's container dies with, so the
//! exit-code rule decides what was meant to be the condition rule's case.
//!
//! How a disruption ends, read off Kubernetes: the Eviction API, scheduler preemption, the taint
//! manager and the kubelet's own evictions and node shutdown add `DisruptionTarget=True` to the
//! pod before (or with) its deletion; the kubelet sends SIGTERM and, when the container has not
//! stopped after the grace period, SIGKILL, which the runtime reports as exit code 137
//! (128 + 9); a container that dies of SIGTERM itself reports 143 (128 + 15). With a
//! `podFailurePolicy` the Job controller waits for the pod's `Failed` phase and then tries the
//! rules in order, so the pod carries both the condition and the exit code, and the earlier rule
//! wins.

use crate::context::Context;
use crate::failure_policy::{Matcher, PolicyRule, policy_rules, rule_text};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

/// The codes a container reports when a disruption stops it: SIGKILL at the end of the grace
/// period, or death by the SIGTERM that starts it.
const KILL_CODES: [(i64, &str); 2] = [
    (
        137,
        "137 (SIGKILL when it does not stop within its grace period)",
    ),
    (143, "143 (dying of the SIGTERM itself)"),
];

/// The condition every disruption source sets.
const DISRUPTION: &str = "DisruptionTarget";

pub(crate) static RULE: Rule = Rule {
    code: "lint.failure-policy-disruption-shadowed",
    severity: Severity::Warning,
    summary: "An exit-code rule placed before the `DisruptionTarget` rule decides for disrupted pods",
    help: "move the `DisruptionTarget` rule above the exit-code rules, so a disruption is decided by its condition whatever the exit code",
    docs: RuleDocs {
        what_it_does: "In a `podFailurePolicy`, finds the first `onPodConditions` rule for `DisruptionTarget` and reports it when an earlier `onExitCodes` rule with a different action can match the exit code a disrupted container reports: 137 or 143 listed with `In`, or not listed with `NotIn` (`NotIn: [0]` matches every failure). The page offers a quick fix that moves the `DisruptionTarget` rule above the first such rule.",
        why_it_matters: "Rules are tried in order and the first match decides. A pod that is evicted, preempted, drained or tainted away gets `DisruptionTarget=True`, then SIGTERM, and SIGKILL when it has not stopped after `terminationGracePeriodSeconds`: its container exits 137 (143 when SIGTERM kills it). When the Job controller looks, the failed pod has both the condition and the exit code, so a `FailJob` rule on 137 placed first fails the whole Job for a node drain, and a `Count` rule spends `backoffLimit` on it: the `Ignore` rule meant for disruptions never helps the pods it was written for. Exit code 137 does not mean \"out of memory\": it is any SIGKILL. Put the `DisruptionTarget` rule first; genuine OOM kills carry no `DisruptionTarget` and still reach the exit-code rule. The Simulation tab's preset \"Eviction of a pod that ignores SIGTERM\" shows both orders.",
        example: "podFailurePolicy:\n  rules:\n  - action: FailJob            # 137 is any SIGKILL, an eviction's too\n    onExitCodes: {containerName: worker, operator: In, values: [137]}\n  - action: Ignore\n    onPodConditions: [{type: DisruptionTarget}]",
        use_instead: "podFailurePolicy:\n  rules:\n  - action: Ignore             # disruptions first, whatever the exit code\n    onPodConditions: [{type: DisruptionTarget}]\n  - action: FailJob            # a SIGKILL without a disruption: the OOM killer\n    onExitCodes: {containerName: worker, operator: In, values: [137]}",
        references: "Kubernetes: pkg/controller/job/pod_failure_policy.go (`matchPodFailurePolicy`: rules in order, first match returns); pkg/controller/job/job_controller.go (`isPodFailed`: with a podFailurePolicy only `Failed` pods count); pkg/registry/core/pod/storage/eviction.go (`DisruptionTarget`, reason `EvictionByEvictionAPI`, written before the delete); pkg/kubelet/eviction/eviction_manager.go (`TerminationByKubelet`); pkg/controller/tainteviction/taint_eviction.go; the kubelet's graceful termination (SIGTERM, SIGKILL after the grace period, 128 + signal). No peer linter checks rule order.",
    },
    check,
};

/// What an action does to the pod it decides for.
fn outcome(action: &str) -> &'static str {
    match action {
        "FailJob" => "fails the whole Job",
        "FailIndex" => "fails its index",
        "Count" => "counts it against `backoffLimit`",
        "Ignore" => "ignores it",
        _ => "decides for it",
    }
}

/// What the `DisruptionTarget` rule was meant to do, after "instead of".
fn meant(action: &str) -> &'static str {
    match action {
        "FailJob" => "failing the Job",
        "FailIndex" => "failing the index",
        "Count" => "counting it",
        "Ignore" => "ignoring it",
        _ => "what the condition rule says",
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let rules = policy_rules(ctx);
    let Some(target) = rules.iter().position(|rule| {
        rule.matcher
            .as_ref()
            .is_some_and(|m| m.matches_condition(DISRUPTION))
    }) else {
        return;
    };
    let disruption_rule = &rules[target];
    // The first earlier rule a disrupted pod can match, for each code it may exit with: that
    // rule decides, not the condition rule.
    let mut first: Option<(usize, Vec<&str>)> = None;
    for (code, why) in KILL_CODES {
        let decider = rules[..target].iter().position(|rule| match &rule.matcher {
            Some(Matcher::ExitCodes { codes, .. }) => codes.matches(code),
            _ => false,
        });
        let Some(index) = decider else { continue };
        if rules[index].action == disruption_rule.action {
            continue;
        }
        match &mut first {
            Some((at, whys)) if *at == index => whys.push(why),
            Some((at, _)) if *at < index => {}
            _ => first = Some((index, vec![why])),
        }
    }
    let Some((earlier, whys)) = first else {
        return;
    };
    let shadowing: &PolicyRule<'_> = &rules[earlier];
    let container = match &shadowing.matcher {
        Some(Matcher::ExitCodes {
            container: Some(name),
            ..
        }) => format!("container `{name}`"),
        _ => "container".to_owned(),
    };
    let spec_path = ctx.job_spec_path();
    // The window the fix reorders: the condition rule first, then the rules it jumps over.
    let mut reordered = vec![rule_text(disruption_rule)];
    reordered.extend(rules[earlier..target].iter().map(rule_text));
    let shown: Vec<String> = reordered.iter().map(|rule| format!("`- {rule}`")).collect();
    out.push(
        Finding::new(
            disruption_rule.node.span,
            format!("{spec_path}.podFailurePolicy.rules[{target}]"),
            format!(
                "`rules[{earlier}]` ({} on exit codes) is tried before `rules[{target}]` ({} on `{DISRUPTION}`) and matches a disrupted pod whose {container} exits {}: it {} instead of {}",
                shadowing.action,
                disruption_rule.action,
                whys.join(" or "),
                outcome(shadowing.action),
                meant(disruption_rule.action),
            ),
        )
        .with_help(format!(
            "move `rules[{target}]` above `rules[{earlier}]`, so a disruption is decided by its condition whatever the exit code (a SIGKILL without `{DISRUPTION}`, such as the OOM killer's, still reaches the exit-code rule): {}",
            shown.join(", then ")
        )),
    );
}
