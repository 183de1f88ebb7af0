//! `validate --format sarif`: SARIF 2.1.0 (OASIS), the format code scanning reads (GitHub's
//! `upload-sarif`, GitLab, Azure DevOps). One run; the driver's rules are every lint rule (its
//! summary, help, documentation and default level from the lint registry) and each other code
//! that occurs (the apiserver's, kubectl's, the YAML reader's), described by its source.
//!
//! Built with serde_json rather than a SARIF object-model crate: the few objects used here are
//! plain JSON, and `tests/integration/cli.rs` holds the output to the schema's required
//! structure (`scripts/check-sarif.sh` validates it against the schema itself).

use jobscope_analysis::rules::rules;
use jobscope_analysis::{KubernetesVersion, Severity};
use serde_json::{Value, json};

use crate::report::FileReport;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Results gathered input by input; the rules known from the start.
pub struct Sarif {
    version: KubernetesVersion,
    rules: Vec<Value>,
    ids: Vec<String>,
    results: Vec<Value>,
}

impl Sarif {
    pub fn new(version: KubernetesVersion) -> Self {
        let mut sarif = Sarif {
            version,
            rules: Vec::new(),
            ids: Vec::new(),
            results: Vec::new(),
        };
        for rule in rules() {
            sarif.ids.push(rule.code.to_owned());
            sarif.rules.push(json!({
                "id": rule.code,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": format!("{} {}", rule.docs.what_it_does, rule.docs.why_it_matters)},
                "help": {
                    "text": rule.help,
                    "markdown": format!(
                        "{}\n\n**Why it matters.** {}\n\n**Example.**\n\n```yaml\n{}\n```\n\n**Use instead.**\n\n```yaml\n{}\n```",
                        rule.help, rule.docs.why_it_matters, rule.docs.example.trim_end(), rule.docs.use_instead.trim_end()
                    ),
                },
                "defaultConfiguration": {"level": level(rule.severity)},
                "properties": {"tags": ["lint", "kubernetes", "batch"]},
            }));
        }
        sarif
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// What a code outside the lint registry means, by its family.
fn family(code: &str, version: KubernetesVersion) -> String {
    match code.split('.').next().unwrap_or_default() {
        "apiserver" => {
            format!("The kube-apiserver's answer to creating the object (Kubernetes {version})")
        }
        "yaml" => "The YAML as kubectl (or the apiserver) reads it".to_owned(),
        "kubectl" => "What kubectl does with the manifest before sending it".to_owned(),
        _ => "jobscope's note on what it analysed".to_owned(),
    }
}

/// A relative path as a URI reference (SARIF's `artifactLocation.uri`): `/` separators,
/// reserved characters percent-encoded; an absolute one as a `file://` URI.
fn uri(path: &str) -> String {
    if path == "-" {
        return "stdin".to_owned();
    }
    let path = path.replace('\\', "/");
    let mut out = String::new();
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    if path.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

impl Sarif {
    fn rule_index(&mut self, code: &str, severity: Severity) -> usize {
        if let Some(index) = self.ids.iter().position(|id| id == code) {
            return index;
        }
        self.ids.push(code.to_owned());
        self.rules.push(json!({
            "id": code,
            "shortDescription": {"text": family(code, self.version)},
            "defaultConfiguration": {"level": level(severity)},
            "properties": {"tags": ["kubernetes", "batch"]},
        }));
        self.ids.len() - 1
    }

    pub fn file(&mut self, report: &FileReport) {
        let location = |line: usize, column: usize, end: Option<(usize, usize)>| {
            let mut region = json!({"startLine": line, "startColumn": column});
            if let Some((end_line, end_column)) = end {
                region["endLine"] = json!(end_line);
                region["endColumn"] = json!(end_column);
            }
            json!([{"physicalLocation": {
                "artifactLocation": {"uri": uri(&report.path)},
                "region": region,
            }}])
        };
        if let Some((message, line, column)) = &report.error {
            let index = self.rule_index("jobscope.unreadable", Severity::Error);
            self.results.push(json!({
                "ruleId": "jobscope.unreadable",
                "ruleIndex": index,
                "level": "error",
                "message": {"text": message},
                "locations": location(*line, *column, None),
            }));
            return;
        }
        for document in &report.documents {
            for finding in &document.findings {
                let diagnostic = &finding.diagnostic;
                let index = self.rule_index(diagnostic.code, diagnostic.severity);
                let mut text = diagnostic.message.clone();
                if let Some(help) = &diagnostic.help {
                    text.push_str("\nhelp: ");
                    text.push_str(help);
                }
                self.results.push(json!({
                    "ruleId": diagnostic.code,
                    "ruleIndex": index,
                    "level": level(diagnostic.severity),
                    "message": {"text": text},
                    "locations": location(
                        finding.line,
                        finding.utf16_columns.0,
                        Some((finding.end_line, finding.utf16_columns.1)),
                    ),
                    "properties": {
                        "source": diagnostic.source.as_str(),
                        "field": diagnostic.field,
                        "document": document.label(),
                    },
                }));
            }
        }
    }

    pub fn finish(self) -> Value {
        json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "jobscope",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": self.rules,
                }},
                // SARIF's default, said anyway: columns count UTF-16 code units.
                "columnKind": "utf16CodeUnits",
                "properties": {"kubernetesVersion": self.version.name()},
                "results": self.results,
            }],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("k8s/my job.yaml"), "k8s/my%20job.yaml");
        assert_eq!(uri("/abs/x.yaml"), "file:///abs/x.yaml");
        assert_eq!(uri("-"), "stdin");
    }
}
