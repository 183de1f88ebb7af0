//! `validate --format text` (compiler-style: the finding, the source line with a caret under
//! what it points at, the help), rendered by annotate-snippets (rustc's renderer), and
//! `--format github` (GitHub Actions workflow commands, which the run page shows as annotations
//! on the file and line).

use std::io::IsTerminal;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use jobscope_analysis::{KubernetesVersion, Severity};

use crate::report::{FileReport, Finding};

/// The text renderer: colours when stdout is a terminal and `NO_COLOR` is unset.
#[derive(Clone)]
pub struct Text {
    renderer: Renderer,
}

impl Text {
    pub fn new() -> Self {
        let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Text {
            renderer: if colour {
                Renderer::styled()
            } else {
                Renderer::plain()
            },
        }
    }

    /// One input's findings, each with its source line.
    pub fn file(&self, report: &FileReport, text: &str) -> String {
        let mut out = String::new();
        if let Some((message, line, column)) = &report.error {
            let group = Level::ERROR.primary_title(message.as_str());
            out.push_str(
                &self.renderer.render(&[group.element(
                    annotate_snippets::Origin::path(&report.path)
                        .line(*line)
                        .char_column(*column),
                )]),
            );
            out.push('\n');
            return out;
        }
        for document in &report.documents {
            for finding in &document.findings {
                out.push_str(&self.finding(&report.path, text, finding));
                out.push('\n');
            }
        }
        out
    }

    fn finding(&self, path: &str, text: &str, finding: &Finding) -> String {
        let diagnostic = &finding.diagnostic;
        let level = match diagnostic.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        // The finding's first line only: the snippet stays one line however long the span.
        // Spans lie on character boundaries; a span that did not would show an empty line.
        let start = diagnostic.span.start.min(text.len());
        let before = text.get(..start).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        let line_end = text
            .get(start..)
            .and_then(|rest| rest.find('\n'))
            .map_or(text.len(), |n| start + n);
        let source = text.get(line_start..line_end).unwrap_or_default();
        let start = start.min(line_start + source.len());
        let end = diagnostic.span.end.clamp(start, line_start + source.len());
        let snippet = Snippet::source(source)
            .line_start(finding.line)
            .path(path)
            .annotation(AnnotationKind::Primary.span(start - line_start..end - line_start));
        let mut group = level
            .primary_title(&diagnostic.message)
            .id(diagnostic.code)
            .element(snippet);
        if let Some(help) = &diagnostic.help {
            group = group.element(Level::HELP.message(help));
        }
        self.renderer.render(&[group]) + "\n"
    }
}

/// GitHub Actions workflow commands, one per finding: `::error file=…,line=…::message`.
pub fn github(report: &FileReport, version: KubernetesVersion) -> String {
    let mut out = String::new();
    if let Some((message, line, column)) = &report.error {
        out.push_str(&format!(
            "::error file={},line={line},col={column},title={}::{}\n",
            property(&report.path),
            property(&format!("jobscope (Kubernetes {version})")),
            data(message)
        ));
        return out;
    }
    for document in &report.documents {
        for finding in &document.findings {
            let diagnostic = &finding.diagnostic;
            let command = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = diagnostic.message.clone();
            if let Some(help) = &diagnostic.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(&report.path),
                finding.line,
                finding.column,
                finding.end_line,
                finding.end_column,
                property(&format!(
                    "{} ({}, Kubernetes {version})",
                    diagnostic.code,
                    document.label()
                )),
                data(&message)
            ));
        }
    }
    out
}

/// A workflow command's message, escaped as the Actions runner unescapes it
/// (`escapeData` in actions/toolkit's command.ts).
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value (`escapeProperty`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_values_are_escaped_as_the_runner_reads_them() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
