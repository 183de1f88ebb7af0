//! Hostile inputs (the hardening issue's list): each gets a clear diagnostic naming the limit it
//! hits, never a panic, and keeps the span and field-path invariants of `analysis_props`. How
//! fast each one is answered is measured by `benches/hostile.rs` (target: 100 ms), never
//! asserted here.

use jobscope_analysis::{Analysis, Options, analyze};
use jobscope_cron::Instant;
use jobscope_diagnostic::Severity;
use jobscope_sim::engine::{MAX_PODS, MAX_TASKS};
use jobscope_sim::{Simulation, Stop, parse_scenario};
use jobscope_yaml::{GO_YAML_MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS, MAX_TREE_DEPTH};

use crate::analysis_props::check;
use crate::hostile_inputs::*;

fn analysed(text: &str) -> Analysis {
    let analysis = analyze(text, &Options::at(Instant::from_unix(1_767_225_600)));
    if let Err(e) = check(text, &analysis) {
        panic!("{e}");
    }
    analysis
}

/// `(code, message)` of every diagnostic.
fn findings(analysis: &Analysis) -> Vec<(&'static str, String)> {
    analysis
        .diagnostics()
        .iter()
        .map(|d| (d.code, d.message.clone()))
        .collect()
}

fn has(analysis: &Analysis, code: &str, words: &str) -> bool {
    findings(analysis)
        .iter()
        .any(|(c, m)| *c == code && m.contains(words))
}

#[test]
fn a_billion_laughs_is_refused_as_kubectl_refuses_it() {
    let analysis = analysed(&billion_laughs());
    assert_eq!(
        findings(&analysis),
        [(
            "yaml.conversion",
            "error converting YAML to JSON: yaml: document contains excessive aliasing".to_owned()
        )]
    );
}

#[test]
fn a_merge_bomb_is_refused_as_kubectl_refuses_it() {
    let options = Options {
        client: jobscope_analysis::ClientPath::Api,
        ..Options::at(Instant::from_unix(1_767_225_600))
    };
    for options in [Options::at(Instant::from_unix(1_767_225_600)), options] {
        let text = merge_bomb();
        let analysis = analyze(&text, &options);
        assert!(check(&text, &analysis).is_ok());
        let codes: Vec<&str> = analysis.diagnostics().iter().map(|d| d.code).collect();
        assert_eq!(codes, ["yaml.conversion"], "{:?}", findings(&analysis));
    }
}

/// Nesting past our limit is cut there with a note; past go-yaml's, it is kubectl's error.
fn assert_cut(text: &str, code: &str) {
    let analysis = analysed(text);
    let message = if code == "jobscope.limit" {
        format!("nested deeper than {MAX_TREE_DEPTH} levels")
    } else {
        format!("exceeded max depth of {GO_YAML_MAX_DEPTH}")
    };
    assert!(has(&analysis, code, &message), "{:?}", findings(&analysis));
}

#[test]
fn ten_thousand_levels_of_block_nesting_are_cut_at_our_depth() {
    assert_cut(&nested_block(10_000 - 6), "jobscope.limit");
    // One level more than go-yaml allows: kubectl's own error.
    assert_cut(&nested_block(GO_YAML_MAX_DEPTH), "yaml.syntax");
}

#[test]
fn ten_thousand_levels_of_flow_nesting_are_cut_at_our_depth() {
    assert_cut(&nested_flow(GO_YAML_MAX_DEPTH), "jobscope.limit");
    assert_cut(&nested_flow(GO_YAML_MAX_DEPTH + 1), "yaml.syntax");
}

#[test]
fn deep_and_long_flow_text_is_cut_at_our_depth() {
    assert_cut(
        &deep_and_long(GO_YAML_MAX_DEPTH - 1, 100_000),
        "jobscope.limit",
    );
}

#[test]
fn a_ten_megabyte_document_is_refused_as_the_apiserver_refuses_it() {
    let analysis = analysed(&big_document(10 * 1024 * 1024));
    assert_eq!(
        findings(&analysis),
        [(
            "apiserver.request-too-large",
            format!("Request entity too large: limit is {MAX_DOCUMENT_BYTES}")
        )]
    );
    // Just under the limit, the document is read and validated.
    let analysis = analysed(&big_document(MAX_DOCUMENT_BYTES - 4096));
    assert_eq!(analysis.documents[0].name.as_deref(), Some("pi"));
    assert!(!has(&analysis, "apiserver.request-too-large", ""));
}

#[test]
fn a_hundred_thousand_documents_are_analysed_up_to_the_limit() {
    for text in [many_documents(100_000), many_tiny_documents(100_000)] {
        let analysis = analysed(&text);
        assert_eq!(analysis.documents.len(), MAX_DOCUMENTS);
        let limit = &analysis.file_diagnostics;
        assert_eq!(limit.len(), 1, "{limit:?}");
        assert_eq!(limit[0].code, "jobscope.limit");
        assert_eq!(limit[0].severity, Severity::Warning);
        assert!(
            limit[0].message.contains("has 100000 documents")
                && limit[0]
                    .message
                    .contains(&format!("the first {MAX_DOCUMENTS}")),
            "{}",
            limit[0].message
        );
        // It points at the first document not analysed.
        let last = &analysis.documents[MAX_DOCUMENTS - 1];
        assert!(limit[0].span.start > last.span.end);
    }
    // At the limit exactly, nothing is skipped.
    let analysis = analysed(&many_documents(MAX_DOCUMENTS));
    assert!(analysis.file_diagnostics.is_empty());
    assert_eq!(analysis.documents.len(), MAX_DOCUMENTS);
}

#[test]
fn a_one_megabyte_line_is_read_and_reported() {
    // In an annotation: the apiserver's size limit on annotations.
    let analysis = analysed(&long_line(1024 * 1024));
    assert!(
        has(
            &analysis,
            "apiserver.too-long",
            "metadata.annotations: Too long"
        ),
        "{:?}",
        findings(&analysis)
    );
    // A plain line with no structure: not an object.
    let analysis = analysed(&long_plain_line(1024 * 1024));
    assert!(
        has(
            &analysis,
            "apiserver.unknown-kind",
            "cannot unmarshal string into Go value of type map[string]interface {}"
        ),
        "{:?}",
        findings(&analysis)
    );
}

#[test]
fn invalid_utf8_on_the_cli_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("jobscope-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("latin1.yaml");
    // `name: café` in Latin-1: 0xE9 is not UTF-8.
    std::fs::write(
        &file,
        b"apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: caf\xe9\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let message = "the file is not valid UTF-8 (byte 52); Kubernetes manifests are UTF-8 text";
    for json in [false, true] {
        let mut args = vec!["validate", path];
        if json {
            args.extend(["--format", "json"]);
        }
        let output = crate::jobscope()
            .args(&args)
            .output()
            .expect("run jobscope");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stdout} {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        if json {
            let value: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
            assert_eq!(value["files"][0]["error"], message, "{stdout}");
        } else {
            // Where the bad byte is: line 4, column 12 (`  name: caf` then 0xE9).
            assert_eq!(stdout, format!("error: {message}\n--> {path}:4:12\n"));
        }
    }
    // The same bytes on stdin.
    let mut child = crate::jobscope()
        .args(["validate", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run jobscope");
    std::io::Write::write_all(
        &mut child.stdin.take().unwrap(),
        &std::fs::read(&file).unwrap(),
    )
    .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("not valid UTF-8"));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn simulated(text: &str) -> Simulation {
    let scenario = parse_scenario(text).expect("scenario parses");
    let mut sim =
        jobscope_analysis::simulation(&scenario, jobscope_analysis::KubernetesVersion::NEWEST)
            .expect("manifest accepted");
    sim.run_to_end();
    sim
}

#[test]
fn a_job_of_two_billion_completions_stops_at_the_pod_limit() {
    let sim = simulated(HUGE_JOB_SCENARIO);
    assert_eq!(sim.stopped(), Some(Stop::EventLimit));
    assert_eq!(sim.pods().len(), MAX_PODS);
    let notes: Vec<&str> = sim.notes().iter().map(|n| n.message.as_str()).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains(&format!("after creating {MAX_PODS} pods")),
        "{notes:?}"
    );
    // The controller still honours parallelism on the way.
    assert!(sim.jobs()[0].status.active <= 100_000);
}

#[test]
fn a_cronjob_every_minute_for_ten_years_stops_at_the_step_limit() {
    let sim = simulated(EVERY_MINUTE_TEN_YEARS_SCENARIO);
    assert_eq!(sim.stopped(), Some(Stop::EventLimit));
    assert_eq!(sim.tasks_run(), MAX_TASKS);
    let notes: Vec<&str> = sim.notes().iter().map(|n| n.message.as_str()).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains(&format!("after {MAX_TASKS} steps")),
        "{notes:?}"
    );
    // It got somewhere: one Job a minute for the simulated time.
    let minutes = (sim.now() - sim.start()) / 60_000;
    assert!(sim.jobs().len() as i64 >= minutes - 1 && minutes > 1000);
}

#[test]
fn a_crash_after_create_on_a_job_is_refused_at_the_action() {
    let text = "manifest: |\n  apiVersion: batch/v1\n  kind: Job\n  metadata: {name: once}\n  spec:\n    template:\n      spec:\n        restartPolicy: Never\n        containers: [{name: main, image: busybox}]\nactions:\n  - {at: 1m, crashAfterCreate: 30s}\n";
    let scenario = parse_scenario(text).expect("scenario parses");
    let problems =
        jobscope_analysis::simulation(&scenario, jobscope_analysis::KubernetesVersion::NEWEST)
            .expect_err("only a CronJob's controller creates Jobs");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .message
            .starts_with("crashAfterCreate: only the CronJob controller creates Jobs"),
        "{}",
        problems[0].message
    );
    assert!(text[problems[0].span.start..].starts_with("{at: 1m, crashAfterCreate: 30s}"));
}
