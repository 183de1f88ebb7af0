//! The one integration test binary: every native cross-module test is a module of it.

mod analysis_props;
mod cli;
mod cron_props;
mod examples;
mod hostile;
mod hostile_inputs;
mod lint_fixtures;
mod schema_gen;
mod simulate_fixtures;
mod simulate_props;
mod tidy;
mod validate_fixtures;

use std::path::{Path, PathBuf};

/// Every file below `dir` (recursively) whose name ends in `.{extension}`.
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
