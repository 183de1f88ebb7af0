//! `jobscope validate`: what the kube-apiserver (and kubectl's YAML handling) would say about
//! each document of each file. The JSON shape is a contract used outside this repository.
//!
//! The paths are given together, as to one `kubectl apply`: lint's reference rules see the
//! objects every file defines (collected first, identities only), not just the file's own.

use std::ffi::OsString;
use std::io::Read;
use std::process::ExitCode;

use jobscope_analysis::{
    Analysis, ClientPath, Diagnostic, LineIndex, Options, Severity, analyze,
    collect_defined_objects,
};
use lexopt::prelude::*;
use serde_json::{Value, json};

use crate::common::{
    CommandResult, Format, UsageError, now, parse_format, string_value, time_value, write_json,
    write_out,
};

/// One input: its name and text (or why it could not be read as text, and the 1-based line and
/// column, in bytes, of the first byte that is not UTF-8).
struct Input {
    path: String,
    text: Result<String, (String, usize, usize)>,
}

fn read_input(path: &str) -> Result<Input, UsageError> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| UsageError(format!("reading stdin: {e}")))?;
        bytes
    } else {
        std::fs::read(path).map_err(|e| UsageError(format!("{path}: {e}")))?
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        (
            format!("the file is not valid UTF-8 (byte {at}); Kubernetes manifests are UTF-8 text"),
            line,
            at - line_start + 1,
        )
    });
    Ok(Input {
        path: path.to_owned(),
        text,
    })
}

pub fn validate(args: Vec<OsString>) -> CommandResult {
    let mut format = Format::Text;
    let mut paths: Vec<String> = Vec::new();
    let mut options = Options::at(now());
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("format") => format = parse_format(parser.value()?)?,
            Long("now") => options.now = time_value(parser.value()?, "--now")?,
            Long("no-lint") => options.lint = false,
            Long("client") => {
                let name = string_value(parser.value()?, "--client")?;
                options.client = ClientPath::from_name(&name).ok_or_else(|| {
                    let names: Vec<&str> = ClientPath::ALL.iter().map(|c| c.name()).collect();
                    UsageError(format!(
                        "--client must be one of {}, not `{name}`",
                        names.join(", ")
                    ))
                })?;
            }
            Long("disable") => options.disabled_rules.extend(
                string_value(parser.value()?, "--disable")?
                    .split(',')
                    .map(|code| code.trim().to_owned())
                    .filter(|code| !code.is_empty()),
            ),
            Value(value) => paths.push(value.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    // A misspelt code would silently turn nothing off: refuse it, as a usage error.
    if let Some(unknown) = options
        .disabled_rules
        .iter()
        .find(|code| jobscope_analysis::rule_docs(code).is_none())
    {
        return Err(UsageError(format!(
            "--disable: `{unknown}` is not a lint rule code; `jobscope rules` lists them"
        )));
    }
    if paths.is_empty() {
        paths.push("-".to_owned());
    }
    let mut inputs = Vec::new();
    for path in &paths {
        inputs.push(read_input(path)?);
    }
    if options.lint {
        for text in inputs.iter().filter_map(|input| input.text.as_ref().ok()) {
            collect_defined_objects(text, options.client, &mut options.defined);
        }
    }
    let mut any_error = false;
    let mut files = Vec::new();
    let mut text_out = String::new();
    for input in &inputs {
        match &input.text {
            Err((message, line, column)) => {
                any_error = true;
                files.push(json!({"path": input.path, "error": message, "documents": []}));
                text_out.push_str(&format!(
                    "{}:{line}:{column}: error: {message}\n",
                    input.path
                ));
            }
            Ok(text) => {
                let analysis = analyze(text, &options);
                any_error |= analysis.has_errors();
                let lines = LineIndex::new(text);
                files.push(file_json(&input.path, text, &lines, &analysis));
                for diagnostic in analysis.diagnostics() {
                    let (line, column) = lines.line_col(text, diagnostic.span.start);
                    text_out.push_str(&format!(
                        "{}:{line}:{column}: {}: {}\n",
                        input.path, diagnostic.severity, diagnostic.message
                    ));
                    if let Some(help) = &diagnostic.help {
                        text_out.push_str(&format!("  help: {help}\n"));
                    }
                }
            }
        }
    }
    match format {
        Format::Json => write_json(&json!({ "files": files })),
        Format::Text => write_out(&text_out),
    }
    Ok(if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn diagnostic_json(text: &str, lines: &LineIndex, diagnostic: &Diagnostic) -> Value {
    let (line, column) = lines.line_col(text, diagnostic.span.start);
    let (end_line, end_column) = lines.line_col(text, diagnostic.span.end);
    json!({
        "severity": diagnostic.severity.as_str(),
        "source": diagnostic.source.as_str(),
        "code": diagnostic.code,
        "field": diagnostic.field,
        "type": diagnostic.error_type,
        "message": diagnostic.message,
        "help": diagnostic.help,
        "line": line,
        "column": column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

fn file_json(path: &str, text: &str, lines: &LineIndex, analysis: &Analysis) -> Value {
    // File-level findings (bad separator lines) go with the document that follows them.
    let mut extra: Vec<Vec<&Diagnostic>> = vec![Vec::new(); analysis.documents.len()];
    for diagnostic in &analysis.file_diagnostics {
        let index = analysis
            .documents
            .iter()
            .position(|d| d.span.start >= diagnostic.span.end)
            .unwrap_or(analysis.documents.len().saturating_sub(1));
        if let Some(slot) = extra.get_mut(index) {
            slot.push(diagnostic);
        }
    }
    let documents: Vec<Value> = analysis
        .documents
        .iter()
        .zip(extra)
        .map(|(document, extra)| {
            let mut diagnostics: Vec<&Diagnostic> = document.diagnostics.iter().chain(extra).collect();
            diagnostics.sort_by_key(|d| d.span.start);
            json!({
                "index": document.index,
                "apiVersion": document.api_version,
                "kind": document.kind,
                "name": document.name,
                "diagnostics": diagnostics.iter().map(|d| diagnostic_json(text, lines, d)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "path": path, "errors": analysis.count(Severity::Error), "documents": documents })
}
