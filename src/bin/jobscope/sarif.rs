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

use crate::common::write_out;
use crate::report::{DocumentResult, FileReport};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Results gathered input by input; the rules known from the start.
pub struct Sarif {
    version: KubernetesVersion,
    rules: Vec<Value>,
    ids: Vec<String>,
    /// Each result already serialized: a result kept as a `Value` tree costs several times its
    /// text (10,000 documents took 630 MB that way).
    results: Vec<String>,
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

/// Where the results go in the log while it is serialized (no rule text holds it).
const RESULTS: &str = "\u{0}jobscope-results\u{0}";

/// A result's location: the input's URI and the region.
fn location(path: &str, line: usize, column: usize, end: Option<(usize, usize)>) -> Value {
    let mut region = json!({"startLine": line, "startColumn": column});
    if let Some((end_line, end_column)) = end {
        region["endLine"] = json!(end_line);
        region["endColumn"] = json!(end_column);
    }
    json!([{"physicalLocation": {
        "artifactLocation": {"uri": uri(path)},
        "region": region,
    }}])
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

    /// An input that could not be read, or a whole input.
    pub fn file(&mut self, report: &FileReport) {
        if let Some((message, line, column)) = &report.error {
            let index = self.rule_index("jobscope.unreadable", Severity::Error);
            self.results.push(
                json!({
                    "ruleId": "jobscope.unreadable",
                    "ruleIndex": index,
                    "level": "error",
                    "message": {"text": message},
                    "locations": location(&report.path, *line, *column, None),
                })
                .to_string(),
            );
            return;
        }
        for document in &report.documents {
            self.document(&report.path, document);
        }
    }

    /// One document's findings, as they come.
    pub fn document(&mut self, path: &str, document: &DocumentResult) {
        for finding in &document.findings {
            let diagnostic = &finding.diagnostic;
            let index = self.rule_index(diagnostic.code, diagnostic.severity);
            let mut text = diagnostic.message.clone();
            if let Some(help) = &diagnostic.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            self.results.push(
                json!({
                    "ruleId": diagnostic.code,
                    "ruleIndex": index,
                    "level": level(diagnostic.severity),
                    "message": {"text": text},
                    "locations": location(
                        path,
                        finding.line,
                        finding.utf16_columns.0,
                        Some((finding.end_line, finding.utf16_columns.1)),
                    ),
                    "properties": {
                        "source": diagnostic.source.as_str(),
                        "field": diagnostic.field,
                        "document": document.label(),
                    },
                })
                .to_string(),
            );
        }
    }

    /// Writes the whole log to stdout, the results in their place as they were serialized
    /// (never joined into one more copy).
    pub fn write(self) {
        let log = json!({
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
                "results": RESULTS,
            }],
        })
        .to_string();
        let placeholder = Value::from(RESULTS).to_string();
        let (before, after) = log.split_once(&placeholder).unwrap_or((&log, ""));
        write_out(before);
        write_out("[");
        for (n, result) in self.results.iter().enumerate() {
            if n > 0 {
                write_out(",");
            }
            write_out(result);
        }
        write_out("]");
        write_out(after);
        write_out("\n");
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
