//! `jobscope validate --all-versions`: for each input, the findings that are not the same in
//! every supported Kubernetes version, version range by version range (the page's "differs
//! between versions" table, from the same `version_differences`). Text or JSON; exit 1 when
//! some version rejects a document (an error in any of them), so a CI job guards a fleet that
//! runs several versions.

use std::process::ExitCode;

use jobscope_analysis::{
    KubernetesVersion, LineIndex, Options, Severity, VersionDifference, version_differences,
};
use serde_json::{Value, json};

use crate::cli::{ValidateFormat, usage_error};
use crate::common::write_out;
use crate::inputs::Inputs;

pub fn all_versions(inputs: &mut Inputs, options: &Options, format: ValidateFormat) -> ExitCode {
    if !matches!(format, ValidateFormat::Text | ValidateFormat::Json) {
        return usage_error(
            "--all-versions prints a table (--format text) or JSON (--format json); the other \
             formats report one version: give it with --kubernetes-version"
                .to_owned(),
        );
    }
    let mut failed = false;
    let mut files = Vec::new();
    let mut text_out = String::new();
    for index in 0..inputs.sources.len() {
        let path = inputs.sources[index].name();
        let text = match inputs.text(index) {
            Ok(text) => text,
            Err((message, line, column)) => {
                failed = true;
                text_out.push_str(&format!("{path}:{line}:{column}: error: {message}\n"));
                files.push(json!({"path": path, "error": message, "differences": []}));
                continue;
            }
        };
        let differences = version_differences(&text, options);
        failed |= differences.iter().any(|d| {
            d.by_version
                .iter()
                .flatten()
                .any(|said| said.severity == Severity::Error)
        });
        let lines = LineIndex::new(&text);
        text_out.push_str(&file_text(&path, &text, &lines, &differences));
        files.push(json!({
            "path": path,
            "differences": differences.iter().map(|d| difference_json(&text, &lines, d)).collect::<Vec<_>>(),
        }));
    }
    // A finding every version shares is not listed, but an error in all of them still fails.
    failed |= shared_errors(inputs, options);
    match format {
        ValidateFormat::Json => write_out(&format!(
            "{}\n",
            json!({
                "kubernetesVersions": KubernetesVersion::ALL.iter().map(|v| v.name()).collect::<Vec<_>>(),
                "files": files,
            })
        )),
        _ => write_out(&text_out),
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Whether the newest version already rejects a document (then every listed version that
/// shares the error does too).
fn shared_errors(inputs: &mut Inputs, options: &Options) -> bool {
    let mut failed = false;
    for index in 0..inputs.sources.len() {
        if let Ok(text) = inputs.text(index) {
            jobscope_analysis::analyze_each(&text, options, |report, extra| {
                failed |= report
                    .diagnostics
                    .iter()
                    .chain(&extra)
                    .any(|d| d.severity == Severity::Error);
            });
        }
    }
    failed
}

fn range_name(first: KubernetesVersion, last: KubernetesVersion) -> String {
    if first == last {
        first.name().to_owned()
    } else {
        format!("{first}–{last}")
    }
}

fn file_text(
    path: &str,
    text: &str,
    lines: &LineIndex,
    differences: &[VersionDifference],
) -> String {
    let all = range_name(KubernetesVersion::ALL[0], KubernetesVersion::NEWEST);
    if differences.is_empty() {
        return format!("{path}: every finding is the same in Kubernetes {all}\n");
    }
    let mut out = format!(
        "{path}: {} {} between Kubernetes versions ({all})\n",
        differences.len(),
        if differences.len() == 1 {
            "finding differs"
        } else {
            "findings differ"
        }
    );
    for difference in differences {
        let (line, column) = lines.line_col(text, difference.span.start);
        let field = if difference.field.is_empty() {
            String::new()
        } else {
            format!(" {}", difference.field)
        };
        out.push_str(&format!("  {line}:{column}{field}\n"));
        for (first, last, said) in difference.ranges() {
            let what = match said {
                // A message naming its version names the whole range it stands for.
                Some(said) => format!(
                    "{}[{}]: {}",
                    said.severity,
                    said.code,
                    said.message
                        .replace(first.name(), &range_name(first, last))
                        .replace('\n', "\\n")
                ),
                None => "nothing to report".to_owned(),
            };
            out.push_str(&format!("    {:<12} {what}\n", range_name(first, last)));
        }
    }
    out
}

fn difference_json(text: &str, lines: &LineIndex, difference: &VersionDifference) -> Value {
    let (line, column) = lines.line_col(text, difference.span.start);
    let versions: serde_json::Map<String, Value> = KubernetesVersion::ALL
        .iter()
        .zip(&difference.by_version)
        .map(|(version, said)| {
            (
                version.name().to_owned(),
                said.as_ref().map_or(Value::Null, |said| {
                    json!({"code": said.code, "severity": said.severity.as_str(), "message": said.message})
                }),
            )
        })
        .collect();
    json!({
        "document": difference.document,
        "item": difference.item,
        "field": difference.field,
        "line": line,
        "column": column,
        "versions": versions,
    })
}
