//! House rules enforced as tests: module docs, the UI boundary, no panicking or skipped tests.

use std::fs;
use std::path::{Path, PathBuf};

fn project_rust_files() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "crates", "tests", "benches", "fuzz/fuzz_targets"] {
        crate::files_with_extension(&root.join(dir), "rs", &mut files);
    }
    assert!(
        files.len() > 5,
        "the tidy test found too few files: {files:?}"
    );
    files
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).expect("source files are UTF-8");
            (path.strip_prefix(root).unwrap().to_path_buf(), text)
        })
        .collect()
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    let missing: Vec<_> = project_rust_files()
        .into_iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(path, _)| path)
        .collect();
    assert!(
        missing.is_empty(),
        "files without a leading `//!` line: {missing:?}"
    );
}

#[test]
fn only_the_ui_names_the_browser_stack() {
    // Split so this file does not match itself.
    let forbidden = [
        ["lep", "tos"].concat(),
        ["web", "_sys"].concat(),
        ["web", "-sys"].concat(),
        ["wasm", "_bindgen"].concat(),
        ["glo", "o::"].concat(),
    ];
    let mut offenders = Vec::new();
    for (path, text) in project_rust_files() {
        let allowed = path.starts_with("src/ui")
            || path == Path::new("src/main.rs")
            || path == Path::new("tests/browser.rs");
        if allowed {
            continue;
        }
        for word in &forbidden {
            if text.contains(word.as_str()) {
                offenders.push(format!("{} names {word}", path.display()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "the browser stack leaks out of src/ui: {offenders:?}"
    );
}

#[test]
fn no_test_is_skipped_or_expected_to_panic() {
    let patterns = [["#[should", "_panic"].concat(), ["#[ig", "nore"].concat()];
    let mut offenders = Vec::new();
    for (path, text) in project_rust_files() {
        for pattern in &patterns {
            if text.contains(pattern.as_str()) {
                offenders.push(format!("{} has {pattern}", path.display()));
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:?}");
}

/// Every std sort with its own comparison compiles its own copy of the sort into the wasm
/// bundle; `jobscope_sort` compiles one for all. Library code must use it, unless a comment
/// on the line or the one before says why std's sort stays (`std's sort`: a hot path with
/// millions of elements). `sort_unstable()` on a plain type is one copy per type and allowed.
#[test]
fn library_code_sorts_through_the_shared_routine() {
    let calls = [
        ".sort()",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_by_cached_key(",
        ".sort_unstable_by(",
        ".sort_unstable_by_key(",
    ];
    let mut offenders = Vec::new();
    for (path, text) in project_rust_files() {
        let library_crate = path.starts_with("crates") && !path.starts_with("crates/sort");
        let ui = path.starts_with("src") && !path.starts_with("src/bin");
        if !(library_crate || ui) {
            continue;
        }
        // Tests may sort as they like: they are not in the bundle.
        let library = text.split("#[cfg(test)]").next().unwrap_or_default();
        let lines: Vec<&str> = library.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            let explained = |l: &str| l.contains("std's sort");
            let before = at.checked_sub(1).map(|b| lines[b]).unwrap_or_default();
            if calls.iter().any(|call| line.contains(call))
                && !explained(line)
                && !explained(before)
            {
                offenders.push(format!("{}:{}: {}", path.display(), at + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "use jobscope_sort (or say on the line before why std's sort stays): {offenders:?}"
    );
}

/// The internal dependencies of a manifest's dependency sections (`[dependencies]` and the
/// target-specific ones; not dev-dependencies), `jobscope-x` entries without the prefix.
fn internal_dependencies(manifest: &str) -> Vec<String> {
    let mut in_dependencies = false;
    let mut found = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line == "[dependencies]"
                || (line.starts_with("[target.") && line.ends_with(".dependencies]"));
            continue;
        }
        if in_dependencies && let Some(rest) = line.strip_prefix("jobscope-") {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            found.push(name);
        }
    }
    found.sort();
    found.dedup();
    found
}

/// ARCHITECTURE.md's `crate-graph` block is the workspace's real dependency graph: every crate
/// in `crates/` is listed with exactly the internal crates its manifest depends on, and the app
/// depends on the façade alone. A new edge is a decision to write down there first.
#[test]
fn the_crate_graph_is_the_documented_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let architecture = fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let block = architecture
        .split("```text crate-graph\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("ARCHITECTURE.md has a ```text crate-graph block");
    let mut documented: Vec<(String, Vec<String>)> = block
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (name, deps) = line.split_once(':').expect("`crate: deps`");
            let mut deps: Vec<String> = deps.split_whitespace().map(str::to_owned).collect();
            deps.sort();
            (name.trim().to_owned(), deps)
        })
        .collect();
    documented.sort();

    let mut actual = vec![
        (
            "jobscope".to_owned(),
            internal_dependencies(&fs::read_to_string(root.join("Cargo.toml")).unwrap()),
        ),
        (
            "worker".to_owned(),
            internal_dependencies(&fs::read_to_string(root.join("worker/Cargo.toml")).unwrap()),
        ),
    ];
    for entry in fs::read_dir(root.join("crates")).unwrap() {
        let dir = entry.unwrap().path();
        let manifest = fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        actual.push((name, internal_dependencies(&manifest)));
    }
    actual.sort();
    assert_eq!(actual, documented);
}

/// The page's main bundle (the root package built for wasm32) takes the façade without its
/// `simulation` feature, so the page cannot link the simulation: the worker runs it.
#[test]
fn the_page_does_not_link_the_simulation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let wasm = manifest
        .split("[target.'cfg(target_arch = \"wasm32\")'.dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a wasm32 dependency section");
    let facade = wasm
        .lines()
        .find(|line| line.starts_with("jobscope-analysis"))
        .expect("the page depends on the façade");
    assert_eq!(facade.trim(), "jobscope-analysis.workspace = true");
    assert!(
        manifest.contains(
            "jobscope-analysis = { path = \"crates/analysis\", default-features = false }"
        ),
        "the workspace's façade dependency must leave the simulation off by default"
    );
    let analysis = fs::read_to_string(root.join("crates/analysis/Cargo.toml")).unwrap();
    for line in analysis.lines() {
        if line.starts_with("jobscope-sim") {
            assert!(line.contains("optional = true"), "{line}");
        }
    }
}
