//! Validation fixtures: each `tests/fixtures/validate/**/*.yaml` is analysed and the findings are
//! compared with the `.out` file beside it (one line per diagnostic: position, severity, source,
//! code, message). A new case is a new file; `JOBSCOPE_BLESS=1 cargo test` writes missing or
//! changed `.out` files for review.

use std::path::Path;

use jobscope_analysis::{ClientPath, KubernetesVersion, Options, analyze};
use jobscope_cron::Instant;
use jobscope_yaml::position::LineIndex;

use crate::{check_expected, document_lines, fixture_cases};

/// The findings of one file sent with `kubectl apply`, as the `.out` files hold them.
pub fn render(text: &str) -> String {
    render_for(text, ClientPath::KubectlApply)
}

/// The findings of one file sent by `client`.
pub fn render_for(text: &str, client: ClientPath) -> String {
    // Apiserver findings only: lint has its own fixtures.
    let options = Options {
        lint: false,
        client,
        // The version these fixtures were checked against; tests/fixtures/versions covers the rest.
        kubernetes_version: KubernetesVersion::V1_34,
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

/// Each `tests/fixtures/versions/*.yaml` through every supported Kubernetes version: the `.out`
/// beside it is `jobscope validate --all-versions --no-lint` (what differs, version range by
/// version range), so each row of the per-version table shows its behaviour before and after.
#[test]
fn version_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions");
    check_expected(&fixture_cases(&root, 15), |text| {
        let mut child = crate::jobscope()
            .args(["validate", "--all-versions", "--no-lint", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("run jobscope");
        std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), text.as_bytes())
            .expect("write stdin");
        let output = child.wait_with_output().expect("jobscope output");
        format!(
            "{}exit {}\n",
            String::from_utf8_lossy(&output.stdout),
            output.status.code().unwrap_or(-1)
        )
    });
}

/// Each `tests/fixtures/clients/*.yaml` as each client sends it: `NAME.CLIENT.out` beside it
/// (`NAME.kubectl-apply.out`, `NAME.kubectl-create.out`, `NAME.api.out`), the same manifests
/// through every path.
#[test]
fn client_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clients");
    let manifests = fixture_cases(&root, 7);
    for client in ClientPath::ALL {
        let cases: Vec<_> = manifests
            .iter()
            .map(|(input, _)| {
                (
                    input.clone(),
                    input.with_extension(format!("{}.out", client.name())),
                )
            })
            .collect();
        check_expected(&cases, |text| render_for(text, client));
    }
}

#[test]
fn validation_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/validate");
    let cases = fixture_cases(&root, 20);
    check_expected(&cases, render);
}
