//! `lint.prestop-exceeds-grace-period`: a preStop hook that sleeps as long as (or longer than)
//! `terminationGracePeriodSeconds`, leaving the process no time to shut down.

use crate::context::{ContainerRef, Context};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.prestop-exceeds-grace-period",
    severity: Severity::Warning,
    summary: "`terminationGracePeriodSeconds` is no longer than the preStop hook's sleep",
    help: "raise `terminationGracePeriodSeconds` above the preStop sleep plus the time the process needs to shut down, or shorten the sleep",
    docs: RuleDocs {
        what_it_does: "Finds how long each container's preStop hook sleeps (a `sleep` action, or an `exec` hook running `sleep N`) and reports it when the pod's `terminationGracePeriodSeconds` (30 by default) is not longer.",
        why_it_matters: "The grace period starts when the pod is asked to stop, and the preStop hook runs inside it; the container's process gets SIGTERM only after the hook returns. A hook that sleeps the whole grace period means the process is killed (SIGKILL) with no chance to checkpoint or clean up, which is what a Job stopped by `activeDeadlineSeconds`, a `Replace` CronJob, suspension or a node drain needs most. (A `sleep` action longer than the grace period is an apiserver error; an `exec` sleep is not checked.)",
        example: "spec:\n  terminationGracePeriodSeconds: 30\n  containers:\n  - name: worker\n    lifecycle:\n      preStop:\n        exec: {command: [sleep, \"30\"]}",
        use_instead: "spec:\n  terminationGracePeriodSeconds: 60\n  containers:\n  - name: worker\n    lifecycle:\n      preStop:\n        exec: {command: [sleep, \"30\"]}",
        references: "Kubernetes: pkg/apis/core/validation/validation.go (`validateSleepAction`: rejects a sleep above the grace period); the kubelet runs preStop within the grace period before sending the stop signal (pkg/kubelet/kuberuntime `killContainer`).",
    },
    check,
};

/// Seconds slept by `sleep N` commands in an exec hook's command line (`sleep 5`, `sleep 5s`,
/// `/bin/sleep 5`, `sh -c "sleep 5 && nginx -s quit"`).
pub(crate) fn exec_sleep_seconds(command: &[&str]) -> i64 {
    let words: Vec<&str> = command
        .iter()
        .flat_map(|part| {
            part.split(|c: char| c.is_whitespace() || c == ';' || c == '&' || c == '|')
        })
        .filter(|word| !word.is_empty())
        .collect();
    let mut total: i64 = 0;
    for pair in words.windows(2) {
        let is_sleep = pair[0] == "sleep" || pair[0].ends_with("/sleep");
        if !is_sleep {
            continue;
        }
        let number = pair[1].strip_suffix('s').unwrap_or(pair[1]);
        if let Ok(seconds) = number.parse::<i64>() {
            total = total.saturating_add(seconds.max(0));
        }
    }
    total
}

/// How long the container's preStop hook sleeps, and the node that says so.
fn pre_stop_sleep<'a>(container: &ContainerRef<'a>) -> Option<(i64, &'a Node)> {
    let hook = container.at(&["lifecycle", "preStop"])?;
    if let Some(seconds) = hook.at(&["sleep", "seconds"]) {
        return Some((seconds.as_i64()?, seconds));
    }
    let command = hook.at(&["exec", "command"])?;
    let parts: Vec<&str> = command.items().iter().filter_map(Node::as_str).collect();
    let seconds = exec_sleep_seconds(&parts);
    (seconds > 0).then_some((seconds, command))
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let grace_node = ctx.pod_field("terminationGracePeriodSeconds");
    let grace = grace_node.and_then(Node::as_i64).unwrap_or(30);
    let grace_text = if grace_node.is_some_and(|n| !n.defaulted) {
        format!("`terminationGracePeriodSeconds: {grace}`")
    } else {
        format!("`terminationGracePeriodSeconds` ({grace} by default)")
    };
    for container in ctx.containers() {
        let Some((seconds, node)) = pre_stop_sleep(container) else {
            continue;
        };
        // A `sleep` action longer than the grace period is an apiserver error.
        let action = container.at(&["lifecycle", "preStop", "sleep"]).is_some();
        if seconds < grace || (action && seconds > grace) {
            continue;
        }
        out.push(Finding::new(
            node.span,
            container.field("lifecycle.preStop"),
            format!(
                "the preStop hook of {} sleeps {seconds} s, but {grace_text} leaves the process no time after it: it is killed without ever getting SIGTERM",
                container.label()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::exec_sleep_seconds;

    #[test]
    fn finds_sleeps_in_commands() {
        assert_eq!(exec_sleep_seconds(&["sleep", "30"]), 30);
        assert_eq!(exec_sleep_seconds(&["/bin/sleep", "15s"]), 15);
        assert_eq!(
            exec_sleep_seconds(&["/bin/sh", "-c", "sleep 5 && nginx -s quit"]),
            5
        );
        assert_eq!(exec_sleep_seconds(&["sh", "-c", "sleep 5;sleep 10"]), 15);
        assert_eq!(
            exec_sleep_seconds(&["/bin/sh", "-c", "save_checkpoint && sync"]),
            0
        );
        assert_eq!(exec_sleep_seconds(&["sleep", "infinity"]), 0);
        assert_eq!(exec_sleep_seconds(&["sleep"]), 0);
    }
}
