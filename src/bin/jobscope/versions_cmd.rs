//! `jobscope validate --all-versions`: for each input, the findings that are not the same in
//! every supported Kubernetes version, version range by version range (the page's "differs
//! between versions" table, from the same `compare_versions`). Text or JSON; exit 1 when
//! some version has a finding at `--fail-on` (an error, by default), so a CI job guards a
//! fleet that runs several versions. Each Job and CronJob is also simulated in every version
//! with the page's default settings (unless `--no-outcomes`); outcomes that differ are a row of
//! the same table (they never change the exit code: they are not findings).

use std::process::ExitCode;

use jobscope_analysis::{
    Instant, KubernetesVersion, LineIndex, OUTCOME_FIELD, Options, PlayerInput, VersionDifference,
    compare_versions, simulated_outcomes, version_range_name,
};
use serde_json::{Value, json};

use crate::cli::{FailOn, ValidateFormat, usage_error};
use crate::common::write_out;
use crate::inputs::Inputs;
use crate::threads::Threads;

pub fn all_versions(
    inputs: &mut Inputs,
    options: &Options,
    format: ValidateFormat,
    fail_on: FailOn,
    outcomes: bool,
    workers: &Threads,
) -> ExitCode {
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
        let path = inputs.name(index);
        let text = match inputs.text(index) {
            Ok(text) => text,
            Err((message, line, column)) => {
                failed = true;
                text_out.push_str(&format!("{path}:{line}:{column}: error: {message}\n"));
                files.push(json!({"path": path, "error": message, "differences": []}));
                continue;
            }
        };
        let comparison = compare_versions(&text, options, workers);
        failed |= comparison
            .most_severe
            .iter()
            .flatten()
            .any(|severity| fail_on.fails(*severity));
        let mut differences = comparison.differences;
        // From a whole second, as the page starts its runs: the statuses' times are whole
        // seconds, so a start's fraction would move the outcomes' offsets from run to run.
        let start = Instant {
            nanos: 0,
            ..options.now
        };
        let defaults = |cronjob| PlayerInput::for_kind(cronjob, start);
        if outcomes {
            differences.extend(
                simulated_outcomes(&text, options, None, &defaults, workers, |_| {})
                    .iter()
                    .filter_map(|outcomes| outcomes.difference()),
            );
        }
        // A document's outcome after its findings.
        differences.sort_by_key(|d| (d.document, d.item, d.field == OUTCOME_FIELD, d.span.start));
        let lines = LineIndex::new(&text);
        text_out.push_str(&file_text(&path, &text, &lines, &differences));
        files.push(json!({
            "path": path,
            "differences": differences.iter().map(|d| difference_json(&text, &lines, d)).collect::<Vec<_>>(),
        }));
    }
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

fn file_text(
    path: &str,
    text: &str,
    lines: &LineIndex,
    differences: &[VersionDifference],
) -> String {
    let all = version_range_name(KubernetesVersion::ALL[0], KubernetesVersion::NEWEST);
    if differences.is_empty() {
        return format!("{path}: every finding is the same in Kubernetes {all}\n");
    }
    let mut out = format!(
        "{path}: {} {} between Kubernetes versions ({all})\n",
        differences.len(),
        if differences.len() == 1 {
            "place differs"
        } else {
            "places differ"
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
            let versions = version_range_name(first, last);
            if said.is_empty() {
                out.push_str(&format!("    {versions:<12} nothing to report\n"));
            }
            for (n, said) in said.iter().enumerate() {
                let (line, column) = lines.line_col(text, said.span.start);
                out.push_str(&format!(
                    "    {:<12} {line}:{column} {}[{}]: {}\n",
                    if n == 0 { versions.as_str() } else { "" },
                    said.severity,
                    said.code,
                    said.message_for(first, last).replace('\n', "\\n")
                ));
            }
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
                Value::Array(
                    said.iter()
                        .map(|said| {
                            let (line, column) = lines.line_col(text, said.span.start);
                            json!({"code": said.code, "severity": said.severity.as_str(), "message": said.message, "line": line, "column": column})
                        })
                        .collect(),
                ),
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
