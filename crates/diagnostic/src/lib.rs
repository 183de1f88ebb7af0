//! The one diagnostic vocabulary every analysis speaks: code, severity, source, field path,
//! span, message, help.

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

/// Who would say this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// kubectl's YAML handling (syntax, conversion to JSON).
    Yaml,
    /// The kube-apiserver: decoding, validation, warnings.
    Apiserver,
    /// jobscope's best-practice rules.
    Lint,
    /// jobscope itself (limits, documents it passes over).
    Jobscope,
}

impl Source {
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Yaml => "yaml",
            Source::Apiserver => "apiserver",
            Source::Lint => "lint",
            Source::Jobscope => "jobscope",
        }
    }
}

/// One finding about the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable identifier, e.g. `apiserver.invalid-value`; never reworded once published.
    pub code: &'static str,
    pub severity: Severity,
    pub source: Source,
    /// Field path as the apiserver writes it (`spec.template.spec.containers[0].image`); empty for
    /// findings about the text itself.
    pub field: String,
    /// The error type as Kubernetes names it (`Invalid value`, `Required value`, …), when one applies.
    pub error_type: Option<&'static str>,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        source: Source,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            source,
            field: String::new(),
            error_type: None,
            span,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = field.into();
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_type(mut self, error_type: &'static str) -> Self {
        self.error_type = Some(error_type);
        self
    }
}
