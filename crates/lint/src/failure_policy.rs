//! A Job's `podFailurePolicy` rules as the Job controller reads them (`matchPodFailurePolicy` in
//! pkg/controller/job/pod_failure_policy.go): in order, the first rule that matches a failed pod
//! decides; `onExitCodes` looks at containers that terminated with a non-zero code (regular
//! ones first, then init containers), optionally only the one `containerName` names;
//! `onPodConditions` matches when the pod has a condition of that type and status (`status`
//! defaults to `True`).

use super::context::Context;
use jobscope_api::manifest::object::Node;

/// The exit codes an `onExitCodes` requirement matches (zero never matches).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ExitCodes {
    In(Vec<i64>),
    NotIn(Vec<i64>),
}

impl ExitCodes {
    /// Whether a container that exited with `code` matches.
    pub(crate) fn matches(&self, code: i64) -> bool {
        code != 0
            && match self {
                ExitCodes::In(values) => values.contains(&code),
                ExitCodes::NotIn(values) => !values.contains(&code),
            }
    }
}

/// What one rule matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Matcher {
    ExitCodes {
        container: Option<String>,
        codes: ExitCodes,
    },
    /// `(type, status)` patterns; any one present on the pod matches.
    Conditions(Vec<(String, String)>),
}

impl Matcher {
    /// Whether a pod with condition `kind` (status `True`) matches.
    pub(crate) fn matches_condition(&self, kind: &str) -> bool {
        matches!(self, Matcher::Conditions(patterns)
            if patterns.iter().any(|(t, s)| t == kind && s == "True"))
    }
}

/// One rule of the policy.
pub(crate) struct PolicyRule<'a> {
    pub(crate) node: &'a Node,
    /// `Ignore`, `FailJob`, `FailIndex` or `Count`.
    pub(crate) action: &'a str,
    /// `None` for a rule the apiserver rejects (it says so).
    pub(crate) matcher: Option<Matcher>,
}

/// The rules of the Job's `podFailurePolicy`, in order (none without a policy).
pub(crate) fn policy_rules<'a>(ctx: &Context<'a>) -> Vec<PolicyRule<'a>> {
    ctx.job_spec()
        .and_then(|spec| spec.at(&["podFailurePolicy", "rules"]))
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .map(|node| PolicyRule {
            node,
            action: node.get("action").and_then(Node::as_str).unwrap_or(""),
            matcher: matcher(node),
        })
        .collect()
}

fn matcher(rule: &Node) -> Option<Matcher> {
    match (rule.get("onExitCodes"), rule.get("onPodConditions")) {
        (Some(codes), None) => {
            let values: Vec<i64> = codes
                .get("values")?
                .items()
                .iter()
                .filter_map(Node::as_i64)
                .collect();
            if values.is_empty() {
                return None;
            }
            let codes_set = match codes.get("operator").and_then(Node::as_str)? {
                "In" => ExitCodes::In(values),
                "NotIn" => ExitCodes::NotIn(values),
                _ => return None,
            };
            Some(Matcher::ExitCodes {
                container: codes
                    .get("containerName")
                    .and_then(Node::as_str)
                    .map(str::to_owned),
                codes: codes_set,
            })
        }
        (None, Some(conditions)) => {
            let patterns: Vec<(String, String)> = conditions
                .items()
                .iter()
                .filter_map(|p| {
                    Some((
                        p.get("type")?.as_str()?.to_owned(),
                        // The v1 defaulter fills a missing status with `True`.
                        p.get("status")
                            .and_then(Node::as_str)
                            .unwrap_or("True")
                            .to_owned(),
                    ))
                })
                .collect();
            (!patterns.is_empty()).then_some(Matcher::Conditions(patterns))
        }
        _ => None,
    }
}

/// A rule in one line of flow YAML, as written (`{action: Ignore, onPodConditions: [{type:
/// DisruptionTarget}]}`), for help texts that show rules reordered.
pub(crate) fn rule_text(rule: &PolicyRule<'_>) -> String {
    let mut text = format!("{{action: {}", rule.action);
    match &rule.matcher {
        Some(Matcher::ExitCodes { container, codes }) => {
            text.push_str(", onExitCodes: {");
            if let Some(container) = container {
                text.push_str(&format!("containerName: {container}, "));
            }
            let (operator, values) = match codes {
                ExitCodes::In(values) => ("In", values),
                ExitCodes::NotIn(values) => ("NotIn", values),
            };
            let values: Vec<String> = values.iter().map(i64::to_string).collect();
            text.push_str(&format!(
                "operator: {operator}, values: [{}]}}",
                values.join(", ")
            ));
        }
        Some(Matcher::Conditions(patterns)) => {
            let written_status = |index: usize| {
                rule.node
                    .get("onPodConditions")
                    .and_then(|c| c.items().get(index))
                    .and_then(|p| p.get("status"))
                    .is_some_and(|s| !s.defaulted)
            };
            let patterns: Vec<String> = patterns
                .iter()
                .enumerate()
                .map(|(index, (kind, status))| {
                    if written_status(index) {
                        format!("{{type: {kind}, status: \"{status}\"}}")
                    } else {
                        format!("{{type: {kind}}}")
                    }
                })
                .collect();
            text.push_str(&format!(", onPodConditions: [{}]", patterns.join(", ")));
        }
        None => text.push_str(", …"),
    }
    text.push('}');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_never_match_zero() {
        assert!(ExitCodes::In(vec![137]).matches(137));
        assert!(!ExitCodes::In(vec![137]).matches(143));
        assert!(ExitCodes::NotIn(vec![0]).matches(137));
        assert!(!ExitCodes::NotIn(vec![137]).matches(137));
        assert!(!ExitCodes::NotIn(vec![1]).matches(0));
    }

    #[test]
    fn conditions_match_on_status_true() {
        let rule = Matcher::Conditions(vec![("DisruptionTarget".to_owned(), "True".to_owned())]);
        assert!(rule.matches_condition("DisruptionTarget"));
        assert!(!rule.matches_condition("ConfigIssue"));
        let unknown =
            Matcher::Conditions(vec![("DisruptionTarget".to_owned(), "Unknown".to_owned())]);
        assert!(!unknown.matches_condition("DisruptionTarget"));
    }
}
