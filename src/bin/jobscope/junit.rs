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
use crate::common::write_out;
use crate::report::{DocumentResult, FileReport, Finding};

pub struct Junit {
    fail_on: FailOn,
    /// Each suite's `<properties>`: the Kubernetes version the findings are for.
    properties: String,
    /// The finished suites' parts, in order, written at the end without being joined (the
    /// report's own size is the memory it takes).
    suites: Vec<String>,
    /// The current input's cases, written as each document is analysed (a suite's counts come
    /// before its cases, so the cases wait here as text, not as findings).
    cases: String,
    case_count: usize,
    case_failures: usize,
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
            suites: Vec::new(),
            cases: String::new(),
            case_count: 0,
            case_failures: 0,
            tests: 0,
            failures: 0,
            errors: 0,
        }
    }

    /// An input that could not be read: a suite of one case with an `<error>`.
    pub fn unreadable(&mut self, report: &FileReport) {
        let path = escape(&report.path);
        let (message, line, column) = report.error.clone().unwrap_or_default();
        self.tests += 1;
        self.errors += 1;
        self.suites.push(format!(
            "  <testsuite name=\"{path}\" tests=\"1\" failures=\"0\" errors=\"1\">\n{}    <testcase classname=\"{path}\" name=\"{path}\">\n      <error type=\"jobscope.unreadable\" message=\"{}\">{path}:{line}:{column}: {}</error>\n    </testcase>\n  </testsuite>\n",
            self.properties,
            escape(&message),
            escape(&message)
        ));
    }

    /// One document of the input `path`: its case.
    pub fn document(&mut self, path: &str, document: &DocumentResult) {
        let (failing, other): (Vec<&Finding>, Vec<&Finding>) = document
            .findings
            .iter()
            .partition(|f| self.fail_on.fails(f.diagnostic.severity));
        self.cases.push_str(&format!(
            "    <testcase classname=\"{}\" name=\"{}\">\n",
            escape(path),
            escape(&document.label())
        ));
        if let Some(first) = failing.first() {
            self.case_failures += 1;
            let body: Vec<String> = failing.iter().map(|f| line(path, f)).collect();
            self.cases.push_str(&format!(
                "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                escape(first.diagnostic.code),
                escape(&summary(&failing)),
                escape(&body.join("\n"))
            ));
        }
        if !other.is_empty() {
            let body: Vec<String> = other.iter().map(|f| line(path, f)).collect();
            self.cases.push_str(&format!(
                "      <system-out>{}</system-out>\n",
                escape(&body.join("\n"))
            ));
        }
        self.cases.push_str("    </testcase>\n");
        self.case_count += 1;
    }

    /// The input `path` ends: its suite, around the cases written since it began.
    pub fn end_file(&mut self, path: &str) {
        let cases = std::mem::take(&mut self.cases);
        self.tests += self.case_count;
        self.failures += self.case_failures;
        self.suites.push(format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n{}",
            escape(path),
            self.case_count,
            self.case_failures,
            self.properties
        ));
        self.suites.push(cases);
        self.suites.push("  </testsuite>\n".to_owned());
        self.case_count = 0;
        self.case_failures = 0;
    }

    /// The report, written to stdout.
    pub fn write(self) {
        write_out(&format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"jobscope\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
            self.tests, self.failures, self.errors
        ));
        for part in &self.suites {
            write_out(part);
        }
        write_out("</testsuites>\n");
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
