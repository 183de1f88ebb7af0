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
