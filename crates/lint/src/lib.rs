//! Best-practice rules for batch workloads, one rule per file (`rules/`), run over each Job and
//! CronJob document.
//!
//! Invariants: lint never reports `error` (that severity belongs to the apiserver's rules) and
//! reads only the effective model (`Manifest::effective`, after apiserver defaulting). It does
//! not repeat what the apiserver already rejects or warns about.
//!
//! Rules are turned off per run (`disabled_rules`, `jobscope validate --disable`) or
//! per document with the annotation `jobscope.dev/ignore: CODE,CODE` on the Job's or
//! CronJob's own `metadata`.
//!
//! Besides its own document, lint sees the identities of the objects the documents analysed
//! together define ([`DefinedObjects`]): the reference rules need them, nothing else does.

pub(crate) mod context;
pub(crate) mod failure_policy;
pub mod objects;
pub(crate) mod references;
pub(crate) mod registry;
pub mod rules;
pub(crate) mod schedule;

pub use objects::DefinedObjects;
pub use registry::{Finding, Rule, RuleDocs, normalize_code};
pub use rules::{rule, rules};

use context::{Context, Kind};
use jobscope_api::manifest::decode::DecodeErrorKind;
use jobscope_api::manifest::document::{Manifest, Target};
use jobscope_api::manifest::object::Node;
use jobscope_diagnostic::{Diagnostic, Severity, Source};
use jobscope_golang::time::Instant;

/// The annotation that turns rules off for one document.
pub(crate) const IGNORE_ANNOTATION: &str = "jobscope.dev/ignore";

/// The codes a document's `jobscope.dev/ignore` annotation lists, normalized to `lint.<name>`.
pub(crate) fn ignored_codes(object: &Node) -> Vec<String> {
    object
        .at(&["metadata", "annotations", IGNORE_ANNOTATION])
        .and_then(Node::as_str)
        .map(|value| {
            value
                .split(',')
                .map(str::trim)
                .filter(|code| !code.is_empty())
                .map(normalize_code)
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `field` is `path` or lies under it (`path.x`, `path[0]`).
fn is_at_or_under(field: &str, path: &str) -> bool {
    field
        .strip_prefix(path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// The lint findings for one Job or CronJob document (none for other documents), looking ahead
/// from `now`, without the rules `disabled_rules` names (codes with or without `lint.`);
/// `defined` holds the objects of every document analysed with it (its own included).
pub fn lint_document(
    manifest: &Manifest,
    now: Instant,
    disabled_rules: &[String],
    defined: &DefinedObjects,
) -> Vec<Diagnostic> {
    let kind = match manifest.target {
        Target::Job => Kind::Job,
        Target::CronJob => Kind::CronJob,
        Target::Other | Target::Rejected(_) => return Vec::new(),
    };
    let Some(object) = &manifest.effective else {
        return Vec::new();
    };
    // The rules off for this document: the run's and the annotation's.
    let mut off: Vec<String> = disabled_rules
        .iter()
        .map(|code| normalize_code(code))
        .collect();
    off.extend(ignored_codes(object));
    let context = Context::new(kind, object, now, |code| rule(code).is_some())
        .with_objects(defined)
        .with_rules_off(&off);
    // A value that did not decode is absent from the model; the apiserver's decode error is the
    // news, and "missing" advice about it would be an echo.
    let undecoded: Vec<&str> = manifest
        .decode_errors
        .iter()
        .filter(|e| e.kind == DecodeErrorKind::WrongType)
        .map(|e| e.field.as_str())
        .collect();
    let mut diagnostics = Vec::new();
    let mut findings = Vec::new();
    for rule in rules() {
        if !context.rule_on(rule.code) {
            continue;
        }
        (rule.check)(&context, &mut findings);
        for finding in findings.drain(..) {
            if undecoded
                .iter()
                .any(|path| is_at_or_under(&finding.field, path))
            {
                continue;
            }
            // A finding may raise or lower its rule's severity, never to an apiserver error.
            let severity = match finding.severity.unwrap_or(rule.severity) {
                Severity::Error => Severity::Warning,
                severity => severity,
            };
            diagnostics.push(
                Diagnostic::new(
                    rule.code,
                    severity,
                    Source::Lint,
                    finding.span,
                    finding.message,
                )
                .with_field(finding.field)
                .with_help(finding.help.unwrap_or_else(|| rule.help.to_owned())),
            );
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobscope_api::manifest::client::ClientPath;
    use jobscope_api::manifest::document::read_sent_manifest;
    use jobscope_diagnostic::Severity;
    use jobscope_yaml::parse_stream;

    const NOW: Instant = Instant::from_unix(1_767_225_600);

    /// The findings for every document of `text`, as the analysis runs lint on each.
    fn lint_text(text: &str, disabled: &[String]) -> Vec<Diagnostic> {
        parse_stream(text)
            .documents
            .iter()
            .filter_map(|d| d.value.as_ref())
            .flat_map(|value| {
                lint_document(
                    &read_sent_manifest(value, ClientPath::KubectlApply, Default::default()),
                    NOW,
                    disabled,
                    &DefinedObjects::new(),
                )
            })
            .collect()
    }

    fn lint_codes(text: &str, disabled: &[String]) -> Vec<&'static str> {
        lint_text(text, disabled).iter().map(|d| d.code).collect()
    }

    const JOB: &str = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl\n";

    #[test]
    fn findings_are_never_errors_and_say_where() {
        let lint = lint_text(JOB, &[]);
        assert!(!lint.is_empty());
        for diagnostic in &lint {
            assert_eq!(diagnostic.source, Source::Lint);
            assert_ne!(diagnostic.severity, Severity::Error);
            assert!(!diagnostic.field.is_empty(), "{diagnostic:?}");
            assert!(diagnostic.help.is_some());
            assert!(diagnostic.span.end <= JOB.len());
        }
    }

    #[test]
    fn the_annotation_and_the_options_turn_rules_off() {
        assert!(lint_codes(JOB, &[]).contains(&"lint.job-ttl-missing"));
        let annotated = JOB.replace(
            "  name: pi\n",
            "  name: pi\n  annotations:\n    jobscope.dev/ignore: \"lint.job-ttl-missing, image-latest-tag\"\n",
        );
        let codes = lint_codes(&annotated, &[]);
        assert!(!codes.contains(&"lint.job-ttl-missing"));
        assert!(!codes.contains(&"lint.image-latest-tag"));
        assert!(codes.contains(&"lint.active-deadline-missing"));

        let disabled = ["lint.active-deadline-missing".to_owned()];
        assert!(!lint_codes(JOB, &disabled).contains(&"lint.active-deadline-missing"));
        let short = ["active-deadline-missing".to_owned()];
        assert!(!lint_codes(JOB, &short).contains(&"lint.active-deadline-missing"));
    }

    #[test]
    fn undecoded_values_are_not_reported_missing() {
        let text = JOB.replace(
            "spec:\n  template:",
            "spec:\n  activeDeadlineSeconds: soon\n  template:",
        );
        let codes = lint_codes(&text, &[]);
        assert!(!codes.contains(&"lint.active-deadline-missing"));
    }

    const CRON_EVERY_FIVE: &str = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: often\nspec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: main\n            image: busybox:1.36\n";

    /// One cause, one finding: the missing deadline of an `Allow` CronJob that runs every five
    /// minutes is the overlap rule's, unless that rule is off.
    #[test]
    fn the_overlap_rule_takes_the_missing_deadline_while_it_is_on() {
        let codes = lint_codes(CRON_EVERY_FIVE, &[]);
        assert!(codes.contains(&"lint.schedule-overlap-allow"));
        assert!(!codes.contains(&"lint.active-deadline-missing"));
        let off = ["schedule-overlap-allow".to_owned()];
        let codes = lint_codes(CRON_EVERY_FIVE, &off);
        assert!(codes.contains(&"lint.active-deadline-missing"));
        let annotated = CRON_EVERY_FIVE.replace(
            "  name: often\n",
            "  name: often\n  annotations:\n    jobscope.dev/ignore: schedule-overlap-allow\n",
        );
        assert!(lint_codes(&annotated, &[]).contains(&"lint.active-deadline-missing"));
    }

    /// `OnFailure` is information, a warning at a limit of 0 or 1, and nothing beside a
    /// `podFailurePolicy`, which the apiserver rejects with `OnFailure` itself.
    #[test]
    fn on_failure_severity_follows_the_harm() {
        let on_failure = JOB.replace("restartPolicy: Never", "restartPolicy: OnFailure");
        let severity = |text: &str| {
            lint_text(text, &[])
                .into_iter()
                .find(|d| d.code == "lint.backoff-limit-on-failure")
                .map(|d| d.severity)
        };
        assert_eq!(severity(&on_failure), Some(Severity::Info));
        let low = on_failure.replace(
            "spec:\n  template:",
            "spec:\n  backoffLimit: 1\n  template:",
        );
        assert_eq!(severity(&low), Some(Severity::Warning));
        let policy = on_failure.replace(
            "spec:\n  template:",
            "spec:\n  backoffLimit: 0\n  podFailurePolicy:\n    rules:\n    - {action: FailJob, onExitCodes: {operator: In, values: [42]}}\n  template:",
        );
        assert_eq!(severity(&policy), None);
    }

    /// The help shows the rules in the order that fixes them, as written.
    #[test]
    fn the_disruption_rule_help_shows_the_reordered_rules() {
        let text = JOB.replace(
            "spec:\n  template:",
            "spec:\n  podFailurePolicy:\n    rules:\n    - {action: FailJob, onExitCodes: {containerName: pi, operator: In, values: [137]}}\n    - {action: Ignore, onPodConditions: [{type: DisruptionTarget}]}\n  template:",
        );
        let finding = lint_text(&text, &[])
            .into_iter()
            .find(|d| d.code == "lint.failure-policy-disruption-shadowed")
            .expect("the trap is reported");
        assert_eq!(finding.field, "spec.podFailurePolicy.rules[1]");
        let help = finding.help.unwrap_or_default();
        assert!(
            help.starts_with("move `rules[1]` above `rules[0]`"),
            "{help}"
        );
        assert!(
            help.ends_with("`- {action: Ignore, onPodConditions: [{type: DisruptionTarget}]}`, then `- {action: FailJob, onExitCodes: {containerName: pi, operator: In, values: [137]}}`"),
            "{help}"
        );
    }

    #[test]
    fn any_prefix_of_a_manifest_lints_without_panicking() {
        let text = include_str!("../../../tests/fixtures/lint/clean/clean.yaml");
        // Cut at every line end and in the middle of every line.
        let mut cuts = Vec::new();
        let mut start = 0;
        for (index, byte) in text.bytes().enumerate() {
            if byte == b'\n' {
                cuts.push(start + (index - start) / 2);
                cuts.push(index);
                start = index + 1;
            }
        }
        for end in cuts.into_iter().filter(|i| text.is_char_boundary(*i)) {
            let _ = lint_text(&text[..end], &[]);
        }
    }
}
