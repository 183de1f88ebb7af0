//! `lint.secret-in-env`: an environment variable whose name says secret and whose value is
//! written in the manifest (kube-linter `env-var-secret`, Polaris `sensitiveContainerEnvVar`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.secret-in-env",
    severity: Severity::Warning,
    summary: "A secret written as a literal environment variable value",
    help: "move the value into a Secret and reference it with `valueFrom.secretKeyRef` (or mount the Secret as a file)",
    docs: RuleDocs {
        what_it_does: "Reports an `env` entry with a literal, non-empty `value` whose name contains PASSWORD, PASSWD, SECRET, TOKEN, API_KEY, APIKEY, PRIVATE_KEY, ACCESS_KEY or CREDENTIAL. Names ending in `_FILE`, `_PATH`, `_DIR`, `_NAME` or `_URL` are left alone: they point at secrets rather than hold them.",
        why_it_matters: "A literal value is stored in the Job (and in every pod it creates) in plain text: anyone who can read Jobs or pods in the namespace, `kubectl get -o yaml`, audit logs and the Git repository the manifest lives in all see it. A Secret can be access-controlled, encrypted at rest and rotated without editing the Job.",
        example: "env:\n- name: DB_PASSWORD\n  value: hunter2",
        use_instead: "env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, key: password}",
        references: "kube-linter `env-var-secret`; Polaris `sensitiveContainerEnvVar`. Duplicate variables are already an apiserver warning (`hides previous definition`), so no rule repeats kube-linter's `duplicate-env-var`.",
    },
    check,
};

const SECRET_WORDS: [&str; 9] = [
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "ACCESS_KEY",
    "CREDENTIAL",
];
const POINTER_SUFFIXES: [&str; 5] = ["_FILE", "_PATH", "_DIR", "_NAME", "_URL"];

/// Whether an environment variable name says it holds a secret.
pub(crate) fn looks_secret(name: &str) -> bool {
    let upper = name.to_ascii_uppercase().replace('-', "_");
    SECRET_WORDS.iter().any(|word| upper.contains(word))
        && !POINTER_SUFFIXES
            .iter()
            .any(|suffix| upper.ends_with(suffix))
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for container in ctx.containers() {
        for (index, item) in container
            .node
            .get("env")
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let Some(name) = item.get("name").and_then(Node::as_str) else {
                continue;
            };
            let Some(value) = item.get("value") else {
                continue;
            };
            let text = value.as_str().unwrap_or("");
            // `$(OTHER)` only refers to another variable.
            let reference =
                text.starts_with("$(") && text.ends_with(')') && !text[2..].contains("$(");
            if text.is_empty() || reference || !looks_secret(name) {
                continue;
            }
            out.push(Finding::new(
                value.span,
                container.field(&format!("env[{index}].value")),
                format!(
                    "`{name}` of {} is written as a literal value, so anyone who can read the Job or its pods can read it",
                    container.label()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::looks_secret;

    #[test]
    fn secret_names() {
        assert!(looks_secret("DB_PASSWORD"));
        assert!(looks_secret("github-token"));
        assert!(looks_secret("AWS_SECRET_ACCESS_KEY"));
        assert!(!looks_secret("PASSWORD_FILE"));
        assert!(!looks_secret("SECRET_NAME"));
        assert!(!looks_secret("TOKEN_URL"));
        assert!(!looks_secret("CACHE_KEY"));
        assert!(!looks_secret("LOG_LEVEL"));
    }
}
