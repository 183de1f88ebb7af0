//! Validation fixtures: each `tests/fixtures/validate/**/*.yaml` is analysed and the findings are
//! compared with the `.out` file beside it (one line per diagnostic: position, severity, source,
//! code, message). A new case is a new file; `JOBSCOPE_BLESS=1 cargo test` writes missing or
//! changed `.out` files for review.

use std::path::Path;

use jobscope_analysis::{Options, analyze};
use jobscope_cron::Instant;
use jobscope_yaml::position::LineIndex;

use crate::yaml_files;

/// The findings of one file, as the `.out` files hold them.
pub fn render(text: &str) -> String {
    // Apiserver findings only: lint has its own fixtures.
    let options = Options {
        lint: false,
        ..Options::at(Instant::from_unix(1_767_225_600))
    };
    let analysis = analyze(text, &options);
    let lines = LineIndex::new(text);
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
    for diagnostic in analysis.diagnostics() {
        let (line, column) = lines.line_col(text, diagnostic.span.start);
        out.push_str(&format!(
            "{line}:{column} {} {} {}: {}\n",
            diagnostic.severity,
            diagnostic.source.as_str(),
            diagnostic.code,
            diagnostic.message.replace('\n', "\\n")
        ));
    }
    out
}

#[test]
fn validation_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
    let mut files = Vec::new();
    yaml_files(&root, &mut files);
    files.sort();
    assert!(
        files.len() >= 20,
        "expected the validation fixtures, found {}",
        files.len()
    );
    let bless = std::env::var_os("JOBSCOPE_BLESS").is_some();
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let actual = render(&text);
        let expected_path = path.with_extension("out");
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            if bless {
                std::fs::write(&expected_path, &actual).unwrap();
            } else {
                failures.push(format!(
                    "{}\n--- expected\n{expected}--- actual\n{actual}",
                    path.strip_prefix(&root).unwrap().display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
