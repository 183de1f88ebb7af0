//! Validation fixtures: each `tests/fixtures/validate/**/*.yaml` is analysed and the findings are
//! compared with the `.out` file beside it (one line per diagnostic: position, severity, source,
//! code, message). A new case is a new file; `JOBSCOPE_BLESS=1 cargo test` writes missing or
//! changed `.out` files for review.

use std::path::Path;

use jobscope_analysis::{Options, analyze};
use jobscope_cron::Instant;
use jobscope_yaml::position::LineIndex;

use crate::{check_expected, document_lines, fixture_cases};

/// The findings of one file, as the `.out` files hold them.
pub fn render(text: &str) -> String {
    // Apiserver findings only: lint has its own fixtures.
    let options = Options {
        lint: false,
        ..Options::at(Instant::from_unix(1_767_225_600))
    };
    let analysis = analyze(text, &options);
    let lines = LineIndex::new(text);
    let mut out = document_lines(&analysis);
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
    let cases = fixture_cases(&root, 20);
    check_expected(&cases, render);
}
