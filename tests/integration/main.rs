//! The one integration test binary: every native cross-module test is a module of it.

mod analysis_props;
mod cli;
mod cron_props;
mod hostile;
mod hostile_inputs;
mod lint_fixtures;
mod simulate_fixtures;
mod simulate_props;
mod tidy;
mod validate_fixtures;

use std::path::{Path, PathBuf};

/// Every `.yaml` file below `dir`, recursively (the fixture folders; a new case is a file).
pub fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}
