//! The CLI contract, case by case: each file in `tests/fixtures/cli/` holds the arguments, the
//! text on stdin (optional), the exit code and the JSON (or, for the XML and text formats, the
//! text) the `jobscope` binary must print. A new case is a new file; the manifests the cases
//! read are in `tests/fixtures/cli/inputs/`.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use serde_json::Value;

#[test]
fn cli_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 20,
        "expected the CLI fixtures, found {}",
        paths.len()
    );
    let mut failures = Vec::new();
    for path in &paths {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let args: Vec<&str> = case["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let output = run(&args, case["stdin"].as_str());
        let stdout = String::from_utf8_lossy(&output.stdout);
        let actual: Value =
            serde_json::from_str(stdout.trim()).unwrap_or(Value::String(stdout.to_string()));
        let code = output.status.code().unwrap_or(-1);
        if actual != case["stdout"] || i64::from(code) != case["exit"].as_i64().unwrap() {
            failures.push(format!(
                "{}: exit {code}, stdout {actual}\n  expected exit {}, stdout {}",
                path.file_name().unwrap().to_string_lossy(),
                case["exit"],
                case["stdout"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["next"],
        vec!["next", "--schedule", "* * * * *", "--count", "x"],
        vec!["missed", "--schedule", "* * * * *"],
        // A misspelt rule code would turn nothing off.
        vec!["validate", "--disable", "job-ttl-mising", "-"],
        // Server-side apply is not a client path jobscope models.
        vec!["validate", "--client", "server-side-apply", "-"],
    ] {
        let output = crate::jobscope().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
    let output = crate::jobscope()
        .args([
            "validate",
            "--disable",
            "lint.job-ttl-missing,image-latest-tag,job-ttl-mising",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).lines().next(),
        Some(
            "error: invalid value 'job-ttl-mising' for '--disable <CODE,...>': `job-ttl-mising` is not a lint rule code; `jobscope rules` lists them"
        )
    );
}

/// A file that cannot be read is the input's problem, not the command line's: one line naming
/// it and exit code 1, whichever subcommand reads it.
#[test]
fn an_unreadable_input_exits_one_in_every_subcommand() {
    let missing = "no-such-dir/job.yaml";
    for args in [
        vec!["validate", missing],
        vec!["outline", missing],
        vec!["simulate", missing],
        vec!["render", "timeline", missing],
    ] {
        let output = run(&args, None);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        // validate and outline report it with the findings (stdout), the others on stderr.
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(said.contains(missing), "{args:?}: {said}");
        assert!(said.lines().count() <= 2, "{args:?}: {said}");
    }
    // A folder with no manifest checks nothing: that fails rather than passing unseen.
    let empty = std::env::temp_dir().join(format!("jobscope-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let output = run(&["validate", empty.to_str().unwrap()], None);
    std::fs::remove_dir_all(&empty).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no .yaml, .yml or .json file"));
}

/// `--no-metrics` leaves the metric samples' key out of the simulation's JSON and nothing else.
#[test]
fn simulate_without_metrics_leaves_out_only_the_samples() {
    let json = |extra: &[&str]| -> serde_json::Map<String, Value> {
        let args = [
            "simulate",
            "public/examples/backup-cronjob.yaml",
            "--format",
            "json",
            "--until",
            "72h",
            "--start",
            "2026-01-01T00:00:00Z",
        ];
        let output = run(&[&args[..], extra].concat(), None);
        assert_eq!(output.status.code(), Some(0), "{extra:?}");
        match serde_json::from_slice(&output.stdout).expect("JSON") {
            Value::Object(map) => map,
            other => panic!("not an object: {other}"),
        }
    };
    let mut with = json(&[]);
    let without = json(&["--no-metrics"]);
    let samples = with.remove("metrics").expect("metrics by default");
    assert!(samples.as_array().is_some_and(|s| !s.is_empty()));
    assert!(!without.contains_key("metrics"));
    assert_eq!(with, without);
}

/// A plain Job manifest with a syntax error is reported as a manifest, not as a scenario with
/// unknown keys.
#[test]
fn simulate_reports_a_broken_manifest_as_a_manifest() {
    let output = run(
        &["simulate", "-"],
        Some("apiVersion: batch/v1\nkind: Job\nmetadata: {name: x\n"),
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("scenario"), "{stderr}");
}

/// Runs the binary with `stdin` on its standard input (an empty one without).
fn run(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let mut child = crate::jobscope()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run jobscope");
    let mut input = child.stdin.take().expect("stdin");
    let text = stdin.unwrap_or_default().to_owned();
    // Written from a thread: a large input would fill the pipe while the output fills the other.
    let writer = std::thread::spawn(move || input.write_all(text.as_bytes()));
    let output = child.wait_with_output().expect("jobscope output");
    writer.join().expect("writer").expect("write stdin");
    output
}

/// Every subcommand answers `-h` and `--help`, with examples, and exits 0.
#[test]
fn every_subcommand_has_help_with_examples() {
    for command in [
        "validate",
        "next",
        "explain",
        "missed",
        "simulate",
        "render",
        "rules",
        "outline",
        "completions",
    ] {
        for flag in ["-h", "--help"] {
            let output = run(&[command, flag], None);
            assert_eq!(output.status.code(), Some(0), "{command} {flag}");
            let help = String::from_utf8_lossy(&output.stdout);
            assert!(help.contains("Examples:"), "{command} {flag}: {help}");
        }
    }
    let version = run(&["--version"], None);
    assert_eq!(
        String::from_utf8_lossy(&version.stdout),
        format!("jobscope {}\n", env!("CARGO_PKG_VERSION"))
    );
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = run(&["completions", shell], None);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        assert!(String::from_utf8_lossy(&output.stdout).contains("validate"));
    }
}

/// A usage error is a line, a tip and the usage line, never the whole help.
#[test]
fn usage_errors_are_short_with_a_hint() {
    let output = run(&["validate", "--formt", "json"], None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: unexpected argument '--formt' found"),
        "{stderr}"
    );
    assert!(
        stderr.contains("tip: a similar argument exists: '--format'"),
        "{stderr}"
    );
    assert!(stderr.lines().count() <= 8, "{stderr}");
    // The controller's zone comes from the environment when the option is not given.
    let mut command = crate::jobscope();
    command
        .env("JOBSCOPE_CONTROLLER_TIME_ZONE", "Europe/Berlin")
        .args([
            "next",
            "--schedule",
            "0 2 * * *",
            "--from",
            "2026-03-28T00:00:00Z",
            "--count",
            "2",
        ]);
    assert_eq!(
        String::from_utf8(command.output().unwrap().stdout).unwrap(),
        "2026-03-28T02:00:00+01:00\n2026-03-30T02:00:00+02:00\n"
    );
}

/// `count` documents: the examples' documents, cycled (as scripts/stream-10k.sh writes them).
fn example_stream(count: usize) -> String {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/examples");
    let mut texts: Vec<String> = std::fs::read_dir(&examples)
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    texts.sort();
    let documents: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.split("\n---\n"))
        .filter(|d| d.contains("kind:"))
        .collect();
    let stream: Vec<&str> = documents.iter().cycle().take(count).copied().collect();
    stream.join("\n---\n")
}

/// Ten thousand documents on stdin are all analysed (the page stops at 1,000).
#[test]
fn a_ten_thousand_document_stream_is_analysed_whole() {
    let stream = example_stream(10_000);
    let output = run(
        &[
            "validate",
            "--no-lint",
            "--format",
            "json",
            "--now",
            "2026-01-01T00:00:00Z",
        ],
        Some(&stream),
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let analysed = json["files"][0]["documents"].as_array().unwrap();
    assert_eq!(analysed.len(), 10_000);
    assert!(!String::from_utf8_lossy(&output.stdout).contains("jobscope.limit"));
}

/// `--workers` changes how fast, never what: a stream of several batches, with lint (whose
/// reference rules see every document), gives the same bytes on one thread as on three.
#[test]
fn any_number_of_workers_writes_the_same_output() {
    // Then, in the third batch, a List and a bad separator line, where kubectl stops.
    let list = "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Secret, metadata: {name: s}}\n- {apiVersion: batch/v1, kind: Job, metadata: {name: j}, spec: {template: {spec: {restartPolicy: Always, containers: [{name: a, image: busybox}]}}}}\n";
    let stream = format!(
        "{}\n---\n{list}--- junk\n{}",
        example_stream(700),
        example_stream(3)
    );
    for format in ["json", "text", "sarif", "github", "junit"] {
        let outputs: Vec<(Option<i32>, Vec<u8>)> = ["1", "3"]
            .iter()
            .map(|workers| {
                let args = ["validate", "-n", workers, "--format", format];
                let output = run(
                    &[&args[..], &["--now", "2026-01-01T00:00:00Z"]].concat(),
                    Some(&stream),
                );
                (output.status.code(), output.stdout)
            })
            .collect();
        assert!(
            outputs[0].1.len() > 100_000,
            "{format}: {}",
            outputs[0].1.len()
        );
        assert!(outputs[0] == outputs[1], "{format}: -n 1 and -n 3 differ");
    }
}

/// `render` draws what the page's download buttons write: the timeline's SVG and Mermaid from
/// the page's pipeline (src/ui/timeline.rs: lanes, the start of the day in the first CronJob's
/// zone, the window, `timeline_scene`, `Scene::to_svg`) over the same example.
#[test]
fn render_writes_what_the_page_downloads() {
    use jobscope_analysis as facade;
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("public/examples/concurrency-policies.yaml");
    let now = "2026-03-01T10:00:00Z";
    let text = std::fs::read_to_string(&path).unwrap();
    let options = facade::Options::at(facade::parse_rfc3339(now).unwrap());
    let analysis = facade::analyze(&text, &options);
    let lanes = facade::timeline_lanes(&analysis, None);
    let zone = lanes[0]
        .time_zone
        .clone()
        .unwrap_or_else(|| "UTC".to_owned());
    let from = facade::start_of_day(options.now, facade::zone_named(&zone));
    let laid = facade::timeline(&lanes, from, facade::TimelineSpan::Week, &zone);
    let page_svg = facade::timeline_scene(&laid, facade::DEFAULT_CHART_WIDTH).to_svg();
    let page_mermaid = facade::timeline_mermaid(&laid);
    let path = path.to_str().unwrap();
    let svg = run(
        &["render", "timeline", path, "--window", "week", "--now", now],
        None,
    );
    assert_eq!(svg.status.code(), Some(0));
    assert_eq!(String::from_utf8(svg.stdout).unwrap(), page_svg);
    let mermaid = run(
        &[
            "render", "timeline", path, "--window", "week", "--now", now, "--format", "mermaid",
        ],
        None,
    );
    assert_eq!(String::from_utf8(mermaid.stdout).unwrap(), page_mermaid);
}

#[test]
fn text_output_lists_one_time_per_line() {
    // Berlin springs forward at 02:00 on 2026-03-29: robfig skips that day's 02:00 run.
    let output = crate::jobscope()
        .args([
            "next",
            "--schedule",
            "0 2 * * *",
            "--time-zone",
            "Europe/Berlin",
            "--from",
            "2026-03-28T00:00:00Z",
            "--count",
            "3",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "2026-03-28T02:00:00+01:00\n2026-03-30T02:00:00+02:00\n2026-03-31T02:00:00+02:00\n"
    );
}

/// The paths given to `validate` are taken together: a Job's references are held against the
/// objects every file defines, and a file alone says nothing about kinds it does not define.
#[test]
fn validate_holds_references_against_every_path() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/secret-not-defined");
    let job = dir.join("split-job.yaml");
    let objects = dir.join("split-objects.yaml");
    let findings = |extra: &[&str], paths: &[&Path]| -> Vec<(String, String)> {
        let mut command = crate::jobscope();
        command.args([
            "validate",
            "--format",
            "json",
            "--now",
            "2026-01-01T00:00:00Z",
        ]);
        command.args(extra).args(paths);
        let output = command.output().expect("run jobscope");
        assert_eq!(output.status.code(), Some(0));
        let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        json["files"][0]["documents"][0]["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|d| {
                d["code"]
                    .as_str()
                    .is_some_and(|c| c.ends_with("-not-defined"))
            })
            .map(|d| {
                (
                    d["code"].as_str().unwrap_or_default().to_owned(),
                    d["field"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(findings(&[], &[&job]), []);
    assert_eq!(
        findings(&[], &[&job, &objects]),
        [
            (
                "lint.service-account-not-defined".to_owned(),
                "spec.template.spec.serviceAccountName".to_owned()
            ),
            (
                "lint.secret-not-defined".to_owned(),
                "spec.template.spec.containers[0].envFrom[0].secretRef.name".to_owned()
            ),
        ]
    );
    assert_eq!(
        findings(&["--disable", "secret-not-defined"], &[&job, &objects]).len(),
        1
    );
    assert_eq!(findings(&["--no-lint"], &[&job, &objects]), []);
}

/// `--format sarif` has the structure SARIF 2.1.0 requires of each object it writes (the
/// schema's `required` properties and enums), and every result names a rule of the driver by id
/// and index. `scripts/check-sarif.sh` validates the same output against the schema itself.
#[test]
fn sarif_output_has_the_required_structure() {
    let tree = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli/inputs/tree");
    let output = run(
        &[
            "validate",
            tree.to_str().unwrap(),
            "--format",
            "sarif",
            "--now",
            "2026-01-01T00:00:00Z",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let sarif: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        sarif["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let run = &sarif["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "jobscope");
    let rules = driver["rules"].as_array().unwrap();
    let levels = ["none", "note", "warning", "error"];
    for rule in rules {
        assert!(
            rule["id"].as_str().is_some_and(|id| !id.is_empty()),
            "{rule}"
        );
        assert!(rule["shortDescription"]["text"].is_string(), "{rule}");
        assert!(levels.contains(&rule["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let results = run["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["level"] == "error"));
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"].as_str().unwrap().starts_with("lint."))
    );
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "{result}");
        assert!(levels.contains(&result["level"].as_str().unwrap()));
        assert!(
            result["message"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("file:///") && !uri.contains(' '), "{uri}");
        let region = &location["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
        assert!(region["endLine"].as_u64().unwrap() >= region["startLine"].as_u64().unwrap());
    }
}
