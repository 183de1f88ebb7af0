//! `validate --format junit`: JUnit XML as GitLab, Jenkins and most CI systems read test
//! reports: one `<testsuite>` per input, one `<testcase>` per document (a list's items each
//! count), a `<failure>` listing the findings when the document has one at `--fail-on`; the
//! other findings go to the case's `<system-out>`. An input that cannot be read is a case with
//! an `<error>`.
//!
//! Written by hand: the format is a handful of elements with escaped text, and the crates that
//! model it (quick-junit) bring a date-time library and UUIDs this output has no use for.

use jobscope_analysis::{KubernetesVersion, Severity};

use crate::cli::FailOn;
use crate::report::{FileReport, Finding};

pub struct Junit {
    fail_on: FailOn,
    /// Each suite's `<properties>`: the Kubernetes version the findings are for.
    properties: String,
    suites: String,
    tests: usize,
    failures: usize,
    errors: usize,
}

impl Junit {
    pub fn new(fail_on: FailOn, version: KubernetesVersion) -> Self {
        Junit {
            fail_on,
            properties: format!(
                "    <properties>\n      <property name=\"kubernetesVersion\" value=\"{version}\"/>\n    </properties>\n"
            ),
            suites: String::new(),
            tests: 0,
            failures: 0,
            errors: 0,
        }
    }

    pub fn file(&mut self, report: &FileReport) {
        let path = escape(&report.path);
        if let Some((message, line, column)) = &report.error {
            self.tests += 1;
            self.errors += 1;
            self.suites.push_str(&format!(
                "  <testsuite name=\"{path}\" tests=\"1\" failures=\"0\" errors=\"1\">\n{}    <testcase classname=\"{path}\" name=\"{path}\">\n      <error type=\"jobscope.unreadable\" message=\"{}\">{path}:{line}:{column}: {}</error>\n    </testcase>\n  </testsuite>\n",
                self.properties,
                escape(message),
                escape(message)
            ));
            return;
        }
        let mut cases = String::new();
        let mut failures = 0;
        for document in &report.documents {
            let (failing, other): (Vec<&Finding>, Vec<&Finding>) = document
                .findings
                .iter()
                .partition(|f| self.fail_on.fails(f.diagnostic.severity));
            cases.push_str(&format!(
                "    <testcase classname=\"{path}\" name=\"{}\">\n",
                escape(&document.label())
            ));
            if let Some(first) = failing.first() {
                failures += 1;
                let body: Vec<String> = failing.iter().map(|f| line(&report.path, f)).collect();
                cases.push_str(&format!(
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                    escape(first.diagnostic.code),
                    escape(&summary(&failing)),
                    escape(&body.join("\n"))
                ));
            }
            if !other.is_empty() {
                let body: Vec<String> = other.iter().map(|f| line(&report.path, f)).collect();
                cases.push_str(&format!(
                    "      <system-out>{}</system-out>\n",
                    escape(&body.join("\n"))
                ));
            }
            cases.push_str("    </testcase>\n");
        }
        self.tests += report.documents.len();
        self.failures += failures;
        self.suites.push_str(&format!(
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">\n{}{cases}  </testsuite>\n",
            report.documents.len(),
            self.properties
        ));
    }

    pub fn finish(self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"jobscope\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{}</testsuites>\n",
            self.tests, self.failures, self.errors, self.suites
        )
    }
}

/// `path:line:column: severity[code]: message` and the help, as the text output says it.
fn line(path: &str, finding: &Finding) -> String {
    let diagnostic = &finding.diagnostic;
    let mut text = format!(
        "{path}:{}:{}: {}[{}]: {}",
        finding.line, finding.column, diagnostic.severity, diagnostic.code, diagnostic.message
    );
    if let Some(help) = &diagnostic.help {
        text.push_str(&format!("\n  help: {help}"));
    }
    text
}

/// The failure's one-line message: the first finding, and how many more.
fn summary(failing: &[&Finding]) -> String {
    let first = &failing[0].diagnostic;
    let first_line = first.message.lines().next().unwrap_or_default();
    let errors = failing
        .iter()
        .filter(|f| f.diagnostic.severity == Severity::Error)
        .count();
    match failing.len() {
        1 => first_line.to_owned(),
        n => format!("{first_line} (and {} more; {errors} errors)", n - 1),
    }
}

/// Text and attribute values: XML's five special characters (the page's SVG escaping), and the
/// control characters XML 1.0 cannot carry (replaced, so a stray byte never makes the report
/// unreadable).
fn escape(text: &str) -> String {
    let carried: String = text
        .chars()
        .map(|c| {
            if c < ' ' && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    jobscope_analysis::escape(&carried)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_xml_cannot_carry() {
        assert_eq!(
            escape("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot;\u{FFFD}"
        );
    }
}
