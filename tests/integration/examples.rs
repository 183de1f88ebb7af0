//! The editor page's examples: listed in the menu, accepted by the apiserver, assisted everywhere.

use jobscope_analysis::{Options, Severity, analyze};
use std::path::Path;

/// The editor page's examples: each is listed in the menu, passes the apiserver, and every
/// assist runs on it at every offset without panicking.
#[test]
fn the_page_examples_are_listed_clean_and_assisted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let menu = std::fs::read_to_string(root.join("src/ui/examples.rs")).unwrap();
    let mut count = 0;
    for entry in std::fs::read_dir(root.join("public/examples")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        count += 1;
        assert!(
            menu.contains(&format!("\"{name}\"")),
            "{name} is not in the examples menu"
        );
        let analysis = analyze(
            &text,
            &Options::at(jobscope_analysis::Instant::from_unix(1_767_225_600)),
        );
        let errors: Vec<_> = analysis
            .diagnostics()
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.message.clone())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert!(
            text.starts_with('#'),
            "{name}: examples open with a comment"
        );
        for offset in 0..=text.len() {
            let version = jobscope_analysis::KubernetesVersion::NEWEST;
            let _ = jobscope_analysis::complete(&text, offset, version);
            let _ = jobscope_analysis::hover(&text, offset, version);
        }
        for diagnostic in analysis.diagnostics() {
            for fix in jobscope_analysis::quick_fixes(&text, diagnostic) {
                let _ = jobscope_analysis::apply_edits(&text, &fix.edits);
            }
        }
    }
    assert!(
        count >= 10,
        "expected an example per use case, found {count}"
    );
}
