//! What a lint rule is (stable code, default severity, summary, help, doc sections, check) and
//! the registry that lists every rule in a stable order, for the engine, the UI and
//! `jobscope rules`.

use std::fmt;

use super::context::Context;
use jobscope_diagnostic::{Severity, Span};

/// The documentation of one rule, in the sections the UI's "explain" panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleDocs {
    /// What the rule looks for.
    pub what_it_does: &'static str,
    /// What goes wrong when the finding is ignored.
    pub why_it_matters: &'static str,
    /// A manifest fragment the rule reports.
    pub example: &'static str,
    /// The same fragment written so the rule stays quiet.
    pub use_instead: &'static str,
    /// Where the Kubernetes behaviour the rule relies on was checked (source files), or which
    /// peer linter check it corresponds to; may be empty.
    pub references: &'static str,
}

/// A best-practice rule.
pub struct Rule {
    /// Stable identifier, `lint.<kebab-case>`; never renamed once published.
    pub code: &'static str,
    /// The default severity (a finding may say otherwise, see [`Finding`]). Lint never says
    /// `Error`: that belongs to the apiserver's rules.
    pub severity: Severity,
    /// One line for listings (`jobscope rules`).
    pub summary: &'static str,
    /// The help a finding carries unless it brings its own.
    pub help: &'static str,
    pub docs: RuleDocs,
    /// Reads the document and reports findings. Must not panic on any input.
    pub(crate) check: fn(&Context<'_>, &mut Vec<Finding>),
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("code", &self.code)
            .field("severity", &self.severity)
            .finish_non_exhaustive()
    }
}

/// One thing a rule found, before it becomes a [`jobscope_diagnostic::Diagnostic`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The node the finding is about, or the nearest written parent when the field is missing.
    pub(crate) span: Span,
    /// The apiserver-style field path (`spec.template.spec.containers[0].resources`).
    pub(crate) field: String,
    /// One sentence naming the value, no trailing period.
    pub(crate) message: String,
    /// Replaces the rule's help when set.
    pub(crate) help: Option<String>,
    /// Replaces the rule's default severity when set (never `Error`): a rule whose finding is
    /// harmless in one case and harmful in another says which.
    pub(crate) severity: Option<Severity>,
}

impl Finding {
    pub(crate) fn new(span: Span, field: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            span,
            field: field.into(),
            message: message.into(),
            help: None,
            severity: None,
        }
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub(crate) fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }
}

/// `job-ttl-missing` and `lint.job-ttl-missing` name the same rule.
pub fn normalize_code(code: &str) -> String {
    let code = code.trim();
    if code.starts_with("lint.") {
        code.to_owned()
    } else {
        format!("lint.{code}")
    }
}
