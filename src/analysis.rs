//! The one façade the UI and the CLI call: text in, plain data out, in editor terms.
//!
//! Invariant: nothing outside this module needs to know how the YAML was parsed; the UI never
//! matches on YAML nodes. Analysis never fails: any text yields an [`Analysis`].

use crate::cron::Instant;
use crate::diagnostic::{Diagnostic, Severity, Source, Span};
use crate::manifest::decode::DecodeErrorKind;
use crate::manifest::document::{Manifest, Target, decode_error_prefix, read_manifest};
use crate::validate::context::{Finding, Out};
use crate::validate::field::ErrorType;
use crate::validate::{job, warnings};
use crate::yaml::{Document, MAX_DOCUMENT_BYTES, ProblemKind, parse_stream};

/// Everything known about one editor buffer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub documents: Vec<DocumentReport>,
    /// Problems with the file as a whole (separator lines kubectl rejects).
    pub file_diagnostics: Vec<Diagnostic>,
}

/// What a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentStatus {
    Job,
    CronJob,
    /// Another kind, passed over.
    Other,
    /// Refused before validation (no kind, removed version, not an object).
    Rejected,
    /// Only comments and blank lines: kubectl skips it.
    Empty,
    /// The YAML could not be read far enough to tell.
    Unreadable,
}

/// One document's findings and model.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentReport {
    pub index: usize,
    pub span: Span,
    pub api_version: Option<String>,
    pub kind: Option<String>,
    pub name: Option<String>,
    pub status: DocumentStatus,
    pub diagnostics: Vec<Diagnostic>,
    /// The decoded and defaulted object, for Jobs and CronJobs.
    pub manifest: Option<Manifest>,
}

impl Analysis {
    /// Every diagnostic of the file, in text order.
    pub fn diagnostics(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = self
            .file_diagnostics
            .iter()
            .chain(self.documents.iter().flat_map(|d| d.diagnostics.iter()))
            .collect();
        all.sort_by_key(|d| (d.span.start, d.span.end));
        all
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics()
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// What an analysis needs besides the text. The core has no clock: whoever calls passes "now"
/// (the browser's clock, the CLI's, a fixed instant in tests), which rules looking ahead (DST in
/// the coming year, a schedule that never fires) count from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub now: Instant,
    /// Best-practice rules on (the apiserver's findings are always reported).
    pub lint: bool,
    /// Lint rule codes turned off for this run (`--disable`), besides each document's
    /// `jobscope.dev/ignore` annotation.
    pub disabled_rules: Vec<String>,
}

impl Options {
    /// Every check on, counting from `now`.
    pub fn at(now: Instant) -> Self {
        Options {
            now,
            lint: true,
            disabled_rules: Vec::new(),
        }
    }
}

/// Analyses the editor's whole text.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let stream = parse_stream(text);
    let file_diagnostics = stream
        .bad_separators
        .iter()
        .map(|bad| {
            Diagnostic::new("yaml.separator", Severity::Error, Source::Yaml, bad.span, bad.message.clone())
                .with_help("kubectl splits documents at lines starting with `---`; only spaces and a comment may follow on that line")
        })
        .collect();
    let documents = stream
        .documents
        .iter()
        .enumerate()
        .map(|(index, document)| report(text, index, document, options))
        .collect();
    Analysis {
        documents,
        file_diagnostics,
    }
}

fn report(text: &str, index: usize, document: &Document, options: &Options) -> DocumentReport {
    let mut report = DocumentReport {
        index,
        span: document.span,
        api_version: None,
        kind: None,
        name: None,
        status: DocumentStatus::Unreadable,
        diagnostics: Vec::new(),
        manifest: None,
    };
    if document.too_large {
        report.diagnostics.push(
            Diagnostic::new(
                "apiserver.request-too-large",
                Severity::Error,
                Source::Apiserver,
                Span::new(document.span.start, document.span.start),
                format!("Request entity too large: limit is {MAX_DOCUMENT_BYTES}"),
            )
            .with_help("the apiserver refuses request bodies over 3 MiB, so jobscope does not analyse this document"),
        );
        return report;
    }
    if let Some(error) = &document.syntax_error {
        report.diagnostics.push(Diagnostic::new(
            "yaml.syntax",
            Severity::Error,
            Source::Yaml,
            error.span,
            format!("error converting YAML to JSON: {}", error.message),
        ));
    }
    let mut duplicate_lines = Vec::new();
    for problem in &document.problems {
        match problem.kind {
            ProblemKind::Fatal => report.diagnostics.push(Diagnostic::new(
                "yaml.conversion",
                Severity::Error,
                Source::Yaml,
                problem.span,
                format!("error converting YAML to JSON: {}", problem.message),
            )),
            ProblemKind::Limit => report.diagnostics.push(Diagnostic::new(
                "jobscope.limit",
                Severity::Warning,
                Source::Jobscope,
                problem.span,
                problem.message.clone(),
            )),
            ProblemKind::DuplicateKey { .. } => duplicate_lines.push(problem),
        }
    }
    if document.empty && document.syntax_error.is_none() {
        report.status = DocumentStatus::Empty;
        return report;
    }
    let Some(value) = &document.value else {
        return report;
    };
    let manifest = read_manifest(value);
    report.api_version = manifest.api_version.clone();
    report.kind = manifest.kind.clone();
    report.name = manifest.name.clone();
    let kind = manifest.kind.clone().unwrap_or_default();
    match &manifest.target {
        Target::Other => {
            report.status = DocumentStatus::Other;
            report.diagnostics.push(Diagnostic::new(
                "jobscope.not-batch",
                Severity::Info,
                Source::Jobscope,
                Span::new(document.span.start, document.span.start),
                format!(
                    "{} ({}) is not a Job or CronJob; jobscope passes over it",
                    if kind.is_empty() {
                        "this document"
                    } else {
                        kind.as_str()
                    },
                    manifest.api_version.as_deref().unwrap_or("no apiVersion")
                ),
            ));
            return report;
        }
        Target::Rejected(_) if document.syntax_error.is_some() => {
            // Half-typed YAML: the syntax error says it all.
            report.manifest = Some(manifest);
            return report;
        }
        Target::Rejected(message) => {
            report.status = DocumentStatus::Rejected;
            let span = value
                .get("apiVersion")
                .or_else(|| value.get("kind"))
                .map_or(Span::new(document.span.start, document.span.start), |v| {
                    v.span
                });
            let mut diagnostic = Diagnostic::new(
                "apiserver.unknown-kind",
                Severity::Error,
                Source::Apiserver,
                span,
                message.clone(),
            );
            if message.contains("batch/v1beta1") || message.contains("batch/v2alpha1") {
                diagnostic = diagnostic.with_help("batch/v1beta1 CronJob was removed in Kubernetes 1.25; write apiVersion: batch/v1 (the fields are the same)");
            }
            report.diagnostics.push(diagnostic);
            report.manifest = Some(manifest);
            return report;
        }
        Target::Job => report.status = DocumentStatus::Job,
        Target::CronJob => report.status = DocumentStatus::CronJob,
    }
    let prefix = decode_error_prefix(&kind);
    for problem in duplicate_lines {
        report.diagnostics.push(
            Diagnostic::new("apiserver.duplicate-key", Severity::Error, Source::Apiserver, problem.span, format!("{prefix}strict decoding error: {}", problem.message))
                .with_help("a key written twice in one mapping: server-side apply rejects the document, while `kubectl apply` (client-side) silently keeps the last value"),
        );
    }
    for error in &manifest.decode_errors {
        let (code, message) = match error.kind {
            DecodeErrorKind::UnknownField => (
                "apiserver.unknown-field",
                format!("{prefix}strict decoding error: {}", error.message),
            ),
            DecodeErrorKind::WrongType => {
                ("apiserver.wrong-type", format!("{prefix}{}", error.message))
            }
        };
        let mut diagnostic = Diagnostic::new(
            code,
            Severity::Error,
            Source::Apiserver,
            error.span,
            message,
        )
        .with_field(error.field.clone());
        if let Some(suggestion) = error.suggestion {
            diagnostic = diagnostic.with_help(format!("did you mean `{suggestion}`?"));
        } else if let Some(read_as) = error.quote_hint {
            let written = text
                .get(error.span.start..error.span.end)
                .unwrap_or_default();
            diagnostic = diagnostic.with_help(format!("YAML 1.1 reads `{written}` as a {read_as}; quote it to keep it a string: \"{written}\""));
        }
        report.diagnostics.push(diagnostic);
    }
    for dropped in &manifest.dropped {
        report.diagnostics.push(
            Diagnostic::new(
                "apiserver.dropped-field",
                Severity::Info,
                Source::Apiserver,
                dropped.span,
                format!("{}: dropped on create: the {} feature gate is off by default in Kubernetes v1.34", dropped.path, dropped.gate),
            )
            .with_field(dropped.path.clone()),
        );
    }
    // A value that did not decode is absent from the object we validate; the apiserver would have
    // stopped at the decode error, so findings about those fields would be echoes, not news.
    let undecoded: Vec<&str> = manifest
        .decode_errors
        .iter()
        .filter(|e| e.kind == DecodeErrorKind::WrongType)
        .map(|e| e.field.as_str())
        .collect();
    // The apiserver validates only what decodes, and only YAML kubectl could convert.
    if document.syntax_error.is_none()
        && let Some(object) = &manifest.effective
    {
        let mut out = Out::default();
        if report.status == DocumentStatus::Job {
            job::validate_job(object, crate::manifest::defaults::PLACEHOLDER_UID, &mut out);
            warnings::name_warning(object, &mut out);
            let spec = object.get("spec");
            warnings::job_spec_warnings(
                spec,
                &crate::validate::context::Loc::new("spec", spec.map_or(object.span, |s| s.span)),
                &mut out,
            );
        } else {
            job::validate_cron_job_create(object, &mut out);
            warnings::name_warning(object, &mut out);
            let spec = object.at(&["spec", "jobTemplate", "spec"]);
            warnings::job_spec_warnings(
                spec,
                &crate::validate::context::Loc::new(
                    "spec.jobTemplate.spec",
                    spec.map_or(object.span, |s| s.span),
                ),
                &mut out,
            );
        }
        report.diagnostics.extend(findings_to_diagnostics(
            out,
            &kind,
            report.name.as_deref(),
            &undecoded,
        ));
    }
    // Lint reads the model even when the YAML broke off: half-typed text still gets advice.
    if options.lint {
        report
            .diagnostics
            .extend(crate::lint::lint_document(&manifest, options));
    }
    report
        .diagnostics
        .sort_by_key(|d| (d.span.start, d.span.end));
    report.manifest = Some(manifest);
    report
}

/// Whether `field` is `path` or lies under it (`path.x`, `path[0]`).
fn is_at_or_under(field: &str, path: &str) -> bool {
    field
        .strip_prefix(path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

fn findings_to_diagnostics(
    out: Out,
    kind: &str,
    name: Option<&str>,
    undecoded: &[&str],
) -> Vec<Diagnostic> {
    let mut seen: Vec<String> = Vec::new();
    let mut diagnostics = Vec::new();
    for finding in out.findings {
        match finding {
            Finding::Error { error, .. }
                if undecoded
                    .iter()
                    .any(|path| is_at_or_under(&error.field, path)) => {}
            Finding::Error { error, span } => {
                let message = error.message();
                // The apiserver collapses identical errors in its answer.
                if seen.contains(&message) {
                    continue;
                }
                seen.push(message.clone());
                let code = match error.error_type {
                    ErrorType::NotFound => "apiserver.not-found",
                    ErrorType::Required => "apiserver.required-value",
                    ErrorType::Duplicate => "apiserver.duplicate-value",
                    ErrorType::Invalid | ErrorType::TypeInvalid => "apiserver.invalid-value",
                    ErrorType::NotSupported => "apiserver.unsupported-value",
                    ErrorType::Forbidden => "apiserver.forbidden",
                    ErrorType::TooLong => "apiserver.too-long",
                    ErrorType::TooMany => "apiserver.too-many",
                    ErrorType::Internal => "apiserver.internal-error",
                };
                let help = help_for(&error.field, &message, kind, name);
                let mut diagnostic =
                    Diagnostic::new(code, Severity::Error, Source::Apiserver, span, message)
                        .with_field(error.field.clone())
                        .with_type(error.error_type.as_str());
                if let Some(help) = help {
                    diagnostic = diagnostic.with_help(help);
                }
                diagnostics.push(diagnostic);
            }
            Finding::Warning { message, span } => {
                let field = message.split(": ").next().unwrap_or_default().to_owned();
                if undecoded.iter().any(|path| is_at_or_under(&field, path)) {
                    continue;
                }
                diagnostics.push(
                    Diagnostic::new(
                        "apiserver.warning",
                        Severity::Warning,
                        Source::Apiserver,
                        span,
                        format!("Warning: {message}"),
                    )
                    .with_field(field),
                );
            }
        }
    }
    diagnostics
}

/// Help for the errors people hit most, in our words.
fn help_for(field: &str, message: &str, kind: &str, name: Option<&str>) -> Option<String> {
    if field.ends_with("template.spec.restartPolicy") && message.contains("Required value") {
        return Some("a Job's pods must not restart forever: set `restartPolicy: Never` (a new pod per retry) or `OnFailure` (restart in place); a pod spec defaults to Always".to_owned());
    }
    if field.ends_with("template.spec.restartPolicy") && message.contains("podFailurePolicy") {
        return Some("podFailurePolicy reads the exit codes of failed pods, so the pods must not restart in place: use `restartPolicy: Never`".to_owned());
    }
    if field == "metadata.name" && kind == "CronJob" && message.contains("52 characters") {
        return Some(format!(
            "the controller names each Job `<name>-<minutes since 1970>` (11 more characters), and Job names stop at 63; shorten the name{}",
            name.map(|n| format!(" ({} characters now)", n.len()))
                .unwrap_or_default()
        ));
    }
    if field.ends_with("template.labels")
        && message.contains("must be no more than 63 characters")
        && kind == "Job"
    {
        return Some("the apiserver copies the Job's name into the `job-name` pod label, and label values stop at 63 characters: shorten the Job's name".to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_options() -> Options {
        // 2026-01-01T00:00:00Z
        Options::at(Instant::from_unix(1_767_225_600))
    }

    #[test]
    fn outline_reads_kind_and_name_of_each_document() {
        let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi # the job\n---\nkind: \"CronJob\"\napiVersion: batch/v1\nmetadata:\n  labels: {}\n  name: nightly\n";
        let analysis = analyze(text, &test_options());
        let kinds: Vec<_> = analysis
            .documents
            .iter()
            .map(|d| d.kind.as_deref())
            .collect();
        let names: Vec<_> = analysis
            .documents
            .iter()
            .map(|d| d.name.as_deref())
            .collect();
        assert_eq!(kinds, [Some("Job"), Some("CronJob")]);
        assert_eq!(names, [Some("pi"), Some("nightly")]);
        assert_eq!(
            analysis.documents[0].api_version.as_deref(),
            Some("batch/v1")
        );
    }

    #[test]
    fn empty_text_has_one_empty_document() {
        let analysis = analyze("", &test_options());
        assert_eq!(analysis.documents.len(), 1);
        assert_eq!(analysis.documents[0].status, DocumentStatus::Empty);
    }

    #[test]
    fn a_job_without_restart_policy_gets_the_apiserver_error() {
        let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl:5.34\n";
        let analysis = analyze(text, &test_options());
        let messages: Vec<&str> = analysis
            .diagnostics()
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""
            ]
        );
    }
}
