//! The CLI contract, case by case: each file in `tests/fixtures/cli/` holds the arguments, the
//! exit code and the JSON the `jobscope` binary must print. A new case is a new file.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

#[test]
fn cli_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .flatten()
        .map(|e| e.path())
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
        let output = Command::new(env!("CARGO_BIN_EXE_jobscope"))
            .args(&args)
            .output()
            .expect("run jobscope");
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
        let output = Command::new(env!("CARGO_BIN_EXE_jobscope"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_jobscope"))
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
            "jobscope: --disable: `job-ttl-mising` is not a lint rule code; `jobscope rules` lists them"
        )
    );
}

#[test]
fn text_output_lists_one_time_per_line() {
    // Berlin springs forward at 02:00 on 2026-03-29: robfig skips that day's 02:00 run.
    let output = Command::new(env!("CARGO_BIN_EXE_jobscope"))
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
        let mut command = Command::new(env!("CARGO_BIN_EXE_jobscope"));
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
