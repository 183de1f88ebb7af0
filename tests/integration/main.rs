//! The one integration test binary: every native cross-module test is a module of it.

mod analysis_props;
mod cli;
mod cron_props;
mod cron_reference;
mod examples;
mod hostile;
mod hostile_inputs;
mod lint_fixtures;
mod palette;
mod schema_gen;
mod simulate_fixtures;
mod simulate_props;
mod tidy;
mod validate_fixtures;

use std::path::{Path, PathBuf};

/// Every file below `dir` (recursively) whose name ends in `.{extension}`.
/// The `jobscope` binary, run as a test expects whatever the developer's shell exports: the
/// environment variables its options read are removed.
pub fn jobscope() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_jobscope"));
    command
        .env_remove("JOBSCOPE_KUBERNETES_VERSION")
        .env_remove("JOBSCOPE_CONTROLLER_TIME_ZONE")
        .env_remove("JOBSCOPE_WORKERS");
    command
}

pub fn files_with_extension(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_with_extension(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

/// Every `.yaml` file below `dir`, recursively (the fixture folders; a new case is a file).
pub fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    files_with_extension(dir, "yaml", out);
}

/// The outline of a fixture's analysis: one `# document` line per document (the head of every
/// `.out` file).
pub fn document_lines(analysis: &jobscope_analysis::Analysis) -> String {
    let mut out = String::new();
    for document in &analysis.documents {
        out.push_str(&format!(
            "# document {}: {} {} {}\n",
            document.index,
            document.api_version.as_deref().unwrap_or("-"),
            document.kind.as_deref().unwrap_or("-"),
            document.name.as_deref().unwrap_or("-")
        ));
    }
    out
}

/// Compares each input's `render`ing with the expected file beside it, or, with
/// `JOBSCOPE_BLESS` set, writes the expected files for review; fails listing every difference.
pub fn check_expected(cases: &[(PathBuf, PathBuf)], render: impl Fn(&str) -> String) {
    let bless = std::env::var_os("JOBSCOPE_BLESS").is_some();
    let mut failures = Vec::new();
    for (input, expected_path) in cases {
        let text =
            std::fs::read_to_string(input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let actual = render(&text);
        let expected = std::fs::read_to_string(expected_path).unwrap_or_default();
        if actual == expected {
            continue;
        }
        if bless {
            if let Some(parent) = expected_path.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            std::fs::write(expected_path, &actual).unwrap();
        } else {
            failures.push(format!(
                "{}\n--- expected\n{expected}--- actual\n{actual}",
                input.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ (JOBSCOPE_BLESS=1 rewrites them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every `.yaml` fixture below `dir` (at least `at_least` of them) with the `.out` file beside
/// it, sorted.
pub fn fixture_cases(dir: &Path, at_least: usize) -> Vec<(PathBuf, PathBuf)> {
    let mut files = Vec::new();
    yaml_files(dir, &mut files);
    files.sort();
    assert!(
        files.len() >= at_least,
        "expected at least {at_least} fixtures in {}, found {}",
        dir.display(),
        files.len()
    );
    files
        .into_iter()
        .map(|path| {
            let out = path.with_extension("out");
            (path, out)
        })
        .collect()
}
