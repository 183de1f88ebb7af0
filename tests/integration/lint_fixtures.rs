//! Lint fixtures: every `tests/fixtures/lint/**/*.yaml` (and every seed example in
//! `tests/fixtures/validate/examples/`, expected in `tests/fixtures/lint/examples/`) is analysed
//! with lint on at a fixed `now` (2026-01-01T00:00:00Z), and its lint findings are compared with
//! the `.out` file (one line per finding: position, severity, code, field, message). A new case
//! is a new file; `JOBSCOPE_BLESS=1 cargo test` writes missing or changed `.out` files for review.
//!
//! Layout: `tests/fixtures/lint/<rule>/fires.yaml` and `passes.yaml` for each rule (code without
//! the `lint.` prefix), `clean/` for manifests that follow every rule.

use std::path::{Path, PathBuf};

use jobscope_analysis::{Analysis, Options, analyze};
use jobscope_cron::Instant;
use jobscope_diagnostic::{Severity, Source};
use jobscope_lint::rules;
use jobscope_yaml::position::LineIndex;

use crate::{check_expected, document_lines, fixture_cases, yaml_files};

fn options() -> Options {
    Options {
        // The version these fixtures were checked against.
        kubernetes_version: jobscope_analysis::KubernetesVersion::V1_34,
        ..Options::at(Instant::from_unix(1_767_225_600))
    }
}

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The lint findings of one file, as the `.out` files hold them.
fn render(text: &str, analysis: &Analysis) -> String {
    let lines = LineIndex::new(text);
    let mut out = document_lines(analysis);
    for diagnostic in analysis.diagnostics() {
        if diagnostic.source != Source::Lint {
            continue;
        }
        let (line, column) = lines.line_col(text, diagnostic.span.start);
        out.push_str(&format!(
            "{line}:{column} {} {} {}: {}\n",
            diagnostic.severity, diagnostic.code, diagnostic.field, diagnostic.message
        ));
    }
    out
}

/// Compares (or, with `JOBSCOPE_BLESS`, writes) each input's lint findings with its `.out` file.
fn check_outputs(cases: &[(PathBuf, PathBuf)]) {
    check_expected(cases, |text| render(text, &analyze(text, &options())));
}

#[test]
fn lint_fixtures() {
    let cases = fixture_cases(&fixtures_root().join("lint"), 80);
    check_outputs(&cases);
}

#[test]
fn seed_examples() {
    let mut files = Vec::new();
    yaml_files(&fixtures_root().join("validate/examples"), &mut files);
    files.sort();
    assert!(
        files.len() >= 15,
        "expected the seed examples, found {}",
        files.len()
    );
    let expected_dir = fixtures_root().join("lint/examples");
    let cases: Vec<_> = files
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap_or_default().to_owned();
            let out = expected_dir.join(name).with_extension("out");
            (path, out)
        })
        .collect();
    check_outputs(&cases);
}

fn lint_codes(path: &Path) -> Vec<&'static str> {
    let text = read(path);
    analyze(&text, &options())
        .diagnostics()
        .iter()
        .filter(|d| d.source == Source::Lint)
        .map(|d| d.code)
        .collect()
}

#[test]
fn every_rule_has_a_firing_and_a_passing_fixture() {
    let root = fixtures_root().join("lint");
    let mut problems = Vec::new();
    for rule in rules() {
        let dir = root.join(rule.code.trim_start_matches("lint."));
        let fires = dir.join("fires.yaml");
        let passes = dir.join("passes.yaml");
        if !fires.exists() || !passes.exists() {
            problems.push(format!(
                "{}: missing {}/{{fires,passes}}.yaml",
                rule.code,
                dir.display()
            ));
            continue;
        }
        if !lint_codes(&fires).contains(&rule.code) {
            problems.push(format!(
                "{}: does not fire on {}",
                rule.code,
                fires.display()
            ));
        }
        if lint_codes(&passes).contains(&rule.code) {
            problems.push(format!("{}: fires on {}", rule.code, passes.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn lint_fixtures_are_manifests_the_apiserver_accepts() {
    // Advice about a manifest the apiserver rejects would test the wrong thing.
    let mut files = Vec::new();
    yaml_files(&fixtures_root().join("lint"), &mut files);
    let mut problems = Vec::new();
    for path in files {
        let text = read(&path);
        for diagnostic in analyze(&text, &options()).diagnostics() {
            if diagnostic.severity == Severity::Error {
                problems.push(format!("{}: {}", path.display(), diagnostic.message));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_rule_fires_on_the_clean_manifests() {
    let mut files = Vec::new();
    yaml_files(&fixtures_root().join("lint/clean"), &mut files);
    assert!(!files.is_empty());
    for path in files {
        let text = read(&path);
        let findings: Vec<String> = analyze(&text, &options())
            .diagnostics()
            .iter()
            .map(|d| format!("{} {}: {}", d.source.as_str(), d.code, d.message))
            .collect();
        assert!(findings.is_empty(), "{}: {findings:#?}", path.display());
    }
}

#[test]
fn lint_never_reports_errors() {
    let mut files = Vec::new();
    yaml_files(&fixtures_root(), &mut files);
    for path in files {
        let text = read(&path);
        for diagnostic in analyze(&text, &options()).diagnostics() {
            assert!(
                diagnostic.source != Source::Lint || diagnostic.severity != Severity::Error,
                "{}: {diagnostic:?}",
                path.display()
            );
        }
    }
}

#[test]
fn the_rules_command_lists_every_rule() {
    let output = crate::jobscope()
        .args(["rules", "--format", "json"])
        .output()
        .expect("run jobscope");
    assert_eq!(output.status.code(), Some(0));
    let listed: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("`jobscope rules --format json` prints JSON");
    let codes: Vec<&str> = listed["rules"]
        .as_array()
        .map(|rules| rules.iter().filter_map(|r| r["code"].as_str()).collect())
        .unwrap_or_default();
    let expected: Vec<&str> = rules().iter().map(|r| r.code).collect();
    assert_eq!(codes, expected);
    for rule in listed["rules"].as_array().into_iter().flatten() {
        assert!(
            rule["severity"] == "warning" || rule["severity"] == "info",
            "{rule}"
        );
        assert!(
            rule["docs"]["example"]
                .as_str()
                .is_some_and(|s| !s.is_empty()),
            "{rule}"
        );
    }

    let text = crate::jobscope()
        .arg("rules")
        .output()
        .expect("run jobscope");
    let text = String::from_utf8_lossy(&text.stdout);
    for rule in rules() {
        assert!(
            text.contains(rule.code),
            "{} missing from `jobscope rules`",
            rule.code
        );
    }
}
