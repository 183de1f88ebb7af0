//! The one diagnostic vocabulary every analysis speaks: code, severity, field path, span, message.

use std::fmt;

/// A half-open byte range `start..end` into the analysed text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
}

/// How bad a finding is. The apiserver's errors are `Error`, its warnings `Warning`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable identifier, e.g. `yaml-syntax`; never reworded once published.
    pub code: &'static str,
    pub severity: Severity,
    /// Field path as the apiserver writes it (`spec.template.spec.containers[0].image`); empty for
    /// findings about the text itself.
    pub field: String,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}
