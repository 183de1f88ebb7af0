//! `jobscope validate`: what the kube-apiserver (and kubectl's YAML handling) would say about
//! each document of each input, and `jobscope outline`.
//!
//! The paths are given together, as to one `kubectl apply`: lint's reference rules see the
//! objects every input defines (collected first, identities only), not just the input's own.
//! Then each input is analysed a batch of documents at a time on `--workers` threads
//! (`analyze_each`: no document limit, the models dropped as soon as their findings are taken)
//! and each document is handed, in order, to the output format, which writes it or keeps what it
//! needs for its closing lines.

use std::process::ExitCode;

use jobscope_analysis::{
    InOrder, KubernetesVersion, LineIndex, Options, analyze_each, collect_defined_objects,
};

use crate::cli::{OutlineArgs, ValidateArgs};
use crate::common::{now, write_err, write_out};
use crate::inputs::{Inputs, sources};
use crate::report::{Counts, DocumentResult, FileReport, Output, Summary};
use crate::threads::Threads;
use crate::versions_cmd;

pub fn validate(args: ValidateArgs) -> ExitCode {
    let version = args.version.kubernetes_version;
    let mut options = Options::at(args.now.unwrap_or_else(now));
    options.kubernetes_version = version;
    options.lint = !args.no_lint;
    options.client = args.client;
    options.disabled_rules = args.disable;
    let mut inputs = Inputs::new(sources(&args.paths, &args.exclude), &args.stdin_name);
    if inputs.sources.is_empty() {
        // A CI step that checks nothing should not pass unseen (a moved folder, a wrong glob).
        write_err(&format!(
            "error: no .yaml, .yml or .json file in {} (after --exclude)\n",
            args.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        return ExitCode::from(1);
    }
    let workers = args
        .workers
        .map_or_else(Threads::available, |n| Threads(n.into()));
    // The last input read for the objects, kept with its line index for its analysis: with one
    // input (a file, or stdin from Helm), it is read and indexed once.
    let mut kept: Option<(usize, String, LineIndex)> = None;
    if options.lint {
        for index in 0..inputs.sources.len() {
            if let Ok(text) = inputs.text(index) {
                let lines = LineIndex::new(&text);
                let (client, defined) = (options.client, &mut options.defined);
                collect_defined_objects(&text, &lines, client, &workers, defined);
                kept = Some((index, text, lines));
            }
        }
    }
    if args.all_versions {
        return versions_cmd::all_versions(
            &mut inputs,
            &options,
            args.format,
            args.fail_on,
            !args.no_outcomes,
            &workers,
        );
    }
    let mut output = Output::new(args.format, args.fail_on, version);
    let mut summary = Summary::default();
    let mut failed = false;
    for index in 0..inputs.sources.len() {
        let path = inputs.name(index);
        let reuse = kept.as_ref().is_some_and(|(kept, ..)| *kept == index);
        let (text, lines) = match if reuse { kept.take() } else { None } {
            Some((_, text, lines)) => (text, lines),
            None => match inputs.text(index) {
                Ok(text) => {
                    let lines = LineIndex::new(&text);
                    (text, lines)
                }
                Err(error) => {
                    let report = FileReport {
                        path,
                        error: Some(error),
                        documents: Vec::new(),
                    };
                    output.unreadable(&report);
                    summary.unreadable(&report);
                    failed = true;
                    continue;
                }
            },
        };
        // Each document is written (or, for SARIF and JUnit, its findings kept) once its batch
        // is analysed, in order, and its model dropped.
        let mut counts = Counts::default();
        output.begin_file(&path);
        // Each document's findings are placed and, in the formats that allow it, rendered on
        // the workers; a file-level finding added to a document (rare) renders it again.
        let ahead = output.ahead();
        let prepare = |report| {
            let report = FileReport {
                path: path.clone(),
                error: None,
                documents: vec![DocumentResult::new(&text, &lines, report)],
            };
            let rendered = ahead.render(&report, &text);
            (report, rendered)
        };
        analyze_each(
            &text,
            &lines,
            &options,
            &workers,
            prepare,
            |prepared, extra| {
                let (mut report, mut rendered) = prepared;
                for document in &mut report.documents {
                    if !extra.is_empty() {
                        document.add(&text, &lines, extra.clone());
                        rendered = None;
                    }
                    counts.add(document);
                    failed |= document
                        .findings
                        .iter()
                        .any(|f| args.fail_on.fails(f.diagnostic.severity));
                }
                output.document(&text, &report, rendered);
            },
        );
        output.end_file(&path, counts.errors);
        summary.add(&path, counts);
    }
    let is_text = output.is_text();
    output.finish();
    if args.summary {
        let text = summary.text(version);
        if is_text {
            write_out(&text);
        } else {
            write_err(&text);
        }
    } else if is_text && summary.any_finding() {
        // Findings depend on the version (a gate's default, a rule's first release), so the
        // text says which one answered; a clean run stays silent.
        write_out(&format!(
            "checked against Kubernetes {version} (--kubernetes-version chooses {})\n",
            jobscope_analysis::version_range_name(
                KubernetesVersion::ALL[0],
                KubernetesVersion::NEWEST
            )
        ));
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn outline(args: OutlineArgs) -> ExitCode {
    let mut inputs = Inputs::new(sources(&args.paths, &[]), "-");
    let options = Options {
        lint: false,
        ..Options::at(now())
    };
    let mut failed = false;
    for index in 0..inputs.sources.len() {
        let path = inputs.name(index);
        let text = match inputs.text(index) {
            Ok(text) => text,
            Err((message, ..)) => {
                write_err(&format!("jobscope: {path}: {message}\n"));
                failed = true;
                continue;
            }
        };
        let mut out = String::new();
        let lines = LineIndex::new(&text);
        analyze_each(
            &text,
            &lines,
            &options,
            &InOrder,
            |r| r,
            |document, _| {
                let item = document.item.map(|n| format!("[{n}]")).unwrap_or_default();
                out.push_str(&format!(
                    "{path}[{}]{item}: {} {} {}\n",
                    document.index,
                    document.api_version.as_deref().unwrap_or("-"),
                    document.kind.as_deref().unwrap_or("-"),
                    document.name.as_deref().unwrap_or("-"),
                ));
            },
        );
        write_out(&out);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
